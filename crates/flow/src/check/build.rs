//! Builds the checked [`Flow`] from a raw flow the checker found no error in, moving its
//! texts rather than copying them.

use jiff::civil::Date;

use crate::kind::Kind;
use crate::model::{
    Choice, Contact, Ending, EndingKind, Flow, Input, Link, LinkId, Match, Node, NodeId, NodeKind,
    Question, Step,
};
use crate::pattern::Matcher;
use crate::raw::{RawFlow, RawNode};

use super::dates::parse_date;
use super::{Checked, Verdict};

/// Converts `raw` into a [`Flow`]. Only called when checking found no error, so every
/// id resolved (to what `verdict` says), every date parses and every required field is
/// there.
pub(super) fn build(raw: RawFlow, file: &str, verdict: Verdict) -> Checked {
    let resolved = verdict
        .targets
        .into_iter()
        .zip(verdict.links)
        .zip(verdict.matchers);
    let nodes = raw
        .nodes
        .into_iter()
        .zip(resolved)
        .map(
            |((key, node), ((targets, [links, sources]), matcher))| Node {
                key,
                reviewed: date(node.reviewed.as_deref()),
                sources: link_ids(sources),
                kind: build_kind(node, targets, link_ids(links), matcher),
            },
        )
        .collect();
    let flow = Flow {
        id: raw.id.unwrap_or_default(),
        version: raw.version.unwrap_or(1),
        source: file.to_owned(),
        title: raw.title.unwrap_or_default(),
        start: NodeId(verdict.start),
        nodes,
        links: raw
            .links
            .into_iter()
            .map(|(key, link)| Link {
                key,
                url: link.url,
                title: link.title,
                reviewed: date(link.reviewed.as_deref()),
            })
            .collect(),
        further_reading: link_ids(verdict.further_reading),
        reviewed: date(raw.reviewed.as_deref()),
    };
    Checked {
        flow,
        warnings: verdict.warnings,
    }
}

fn link_ids(ids: Vec<usize>) -> Vec<LinkId> {
    ids.into_iter().map(LinkId).collect()
}

fn date(text: Option<&str>) -> Option<Date> {
    text.and_then(parse_date)
}

/// The node's kind with its fields; `targets` are the nodes its choices (or matches and
/// `otherwise`, or `fixed` and `not_fixed`) lead to, in that order.
fn build_kind(
    node: RawNode,
    targets: Vec<usize>,
    links: Vec<LinkId>,
    matcher: Matcher,
) -> NodeKind {
    let steps = node.steps.unwrap_or_default();
    match node.kind {
        Kind::Question => NodeKind::Question(Question {
            title: node.title,
            text: node.text.unwrap_or_default(),
            help: node.help,
            say: node.say,
            choices: node
                .choices
                .into_iter()
                .flatten()
                .zip(targets)
                .map(|(choice, next)| Choice {
                    label: choice.label,
                    next: NodeId(next),
                })
                .collect(),
        }),
        Kind::Input => NodeKind::Input(Input {
            title: node.title,
            text: node.text.unwrap_or_default(),
            help: node.help,
            say: node.say,
            matches: node
                .matches
                .into_iter()
                .flatten()
                .zip(&targets)
                .map(|(raw, &next)| Match {
                    pattern: raw.pattern,
                    next: NodeId(next),
                })
                .collect(),
            otherwise: NodeId(targets.last().copied().unwrap_or_default()),
            matcher,
        }),
        Kind::Step => NodeKind::Step(Step {
            title: node.title.unwrap_or_default(),
            text: node.text,
            help: node.help,
            say: node.say,
            steps,
            links,
            fixed: NodeId(targets[0]),
            not_fixed: NodeId(targets[1]),
        }),
        Kind::Remedy | Kind::Contact | Kind::Solved => NodeKind::Ending(Ending {
            kind: match node.kind {
                Kind::Contact => EndingKind::Contact,
                Kind::Solved => EndingKind::Solved,
                _ => EndingKind::Remedy,
            },
            title: node.title.unwrap_or_default(),
            text: node.text,
            contact: node.who.zip(node.ask).map(|(who, ask)| Contact {
                who,
                ask,
                ready: node.ready.unwrap_or_default(),
            }),
            steps,
            links,
        }),
    }
}
