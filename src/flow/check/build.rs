//! Builds the checked [`Flow`] from a raw flow the checker found no error in, moving its
//! texts rather than copying them.

use crate::flow::model::{
    Choice, Contact, Ending, EndingKind, Flow, Link, LinkId, Node, NodeId, NodeKind, Question, Step,
};
use crate::flow::raw::{RawFlow, RawKind, RawNode};

use super::{Checked, Verdict};

/// Converts `raw` into a [`Flow`]. Only called when checking found no error, so every
/// id resolved (to what `verdict` says) and every required field is there.
pub(super) fn build(raw: RawFlow, file: &str, verdict: Verdict) -> Checked {
    let link_ids = |ids: Vec<usize>| ids.into_iter().map(LinkId).collect::<Vec<_>>();
    let nodes = raw
        .nodes
        .into_iter()
        .zip(verdict.targets.into_iter().zip(verdict.links))
        .map(|((key, node), (targets, links))| Node {
            key,
            kind: build_kind(node, targets, link_ids(links)),
        })
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
            })
            .collect(),
        further_reading: link_ids(verdict.further_reading),
    };
    Checked {
        flow,
        warnings: verdict.warnings,
    }
}

/// The node's kind with its fields; `targets` are the nodes its choices (or `fixed` and
/// `not_fixed`) lead to, in that order.
fn build_kind(node: RawNode, targets: Vec<usize>, links: Vec<LinkId>) -> NodeKind {
    let steps = node.steps.unwrap_or_default();
    match node.kind {
        RawKind::Question => NodeKind::Question(Question {
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
        RawKind::Step => NodeKind::Step(Step {
            title: node.title.unwrap_or_default(),
            text: node.text,
            help: node.help,
            say: node.say,
            steps,
            links,
            fixed: NodeId(targets[0]),
            not_fixed: NodeId(targets[1]),
        }),
        RawKind::Remedy | RawKind::Contact | RawKind::Solved => NodeKind::Ending(Ending {
            kind: match node.kind {
                RawKind::Contact => EndingKind::Contact,
                RawKind::Solved => EndingKind::Solved,
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
