//! Builds the checked [`Flow`] from a raw flow the checker found no error in.

use jiff::civil::Date;

use crate::flow::model::{
    Choice, Contact, Ending, EndingKind, Flow, Input, Link, LinkId, Match, Node, NodeId, NodeKind,
    Question, Step,
};
use crate::flow::pattern::Matcher;
use crate::flow::raw::{RawFlow, RawKind, RawNode};

use super::dates::parse_date;
use super::resolve::Resolver;

/// Converts `raw` into a [`Flow`]. Only called when checking found no error, so every
/// id resolves, every date parses and every required field is there. `matchers` holds
/// each node's checked patterns, in node order (empty for nodes without).
pub(super) fn build(
    raw: &RawFlow,
    file: &str,
    start: usize,
    resolver: &Resolver,
    matchers: Vec<Matcher>,
) -> Flow {
    Flow {
        id: raw.id.clone().unwrap_or_default(),
        version: raw.version.unwrap_or(1),
        source: file.to_owned(),
        title: raw.title.clone().unwrap_or_default(),
        start: NodeId(start),
        nodes: raw
            .nodes
            .iter()
            .zip(matchers)
            .map(|((key, node), matcher)| Node {
                key: key.clone(),
                kind: build_kind(node, resolver, matcher),
                reviewed: date(node.reviewed.as_ref()),
                sources: link_ids(node.sources.as_ref(), resolver),
            })
            .collect(),
        links: raw
            .links
            .iter()
            .map(|(key, link)| Link {
                key: key.clone(),
                url: link.url.clone(),
                title: link.title.clone(),
                reviewed: date(link.reviewed.as_ref()),
            })
            .collect(),
        further_reading: link_ids(raw.further_reading.as_ref(), resolver),
        reviewed: date(raw.reviewed.as_ref()),
    }
}

fn date(text: Option<&String>) -> Option<Date> {
    text.and_then(|text| parse_date(text))
}

fn node_id(key: Option<&String>, resolver: &Resolver) -> NodeId {
    NodeId(resolver.nodes[key.map(String::as_str).unwrap_or_default()])
}

fn link_ids(keys: Option<&Vec<String>>, resolver: &Resolver) -> Vec<LinkId> {
    keys.into_iter()
        .flatten()
        .map(|key| LinkId(resolver.links[key.as_str()]))
        .collect()
}

fn build_kind(node: &RawNode, resolver: &Resolver, matcher: Matcher) -> NodeKind {
    let title = node.title.clone().unwrap_or_default();
    let steps = node.steps.clone().unwrap_or_default();
    let links = link_ids(node.links.as_ref(), resolver);
    match node.kind {
        RawKind::Question => NodeKind::Question(Question {
            title: node.title.clone(),
            text: node.text.clone().unwrap_or_default(),
            help: node.help.clone(),
            say: node.say.clone(),
            choices: node
                .choices
                .iter()
                .flatten()
                .map(|choice| Choice {
                    label: choice.label.clone(),
                    next: node_id(Some(&choice.next), resolver),
                })
                .collect(),
        }),
        RawKind::Input => NodeKind::Input(Input {
            title: node.title.clone(),
            text: node.text.clone().unwrap_or_default(),
            help: node.help.clone(),
            say: node.say.clone(),
            matches: node
                .matches
                .iter()
                .flatten()
                .map(|raw| Match {
                    pattern: raw.pattern.clone(),
                    next: node_id(Some(&raw.next), resolver),
                })
                .collect(),
            otherwise: node_id(node.otherwise.as_ref(), resolver),
            matcher,
        }),
        RawKind::Step => NodeKind::Step(Step {
            title,
            text: node.text.clone(),
            help: node.help.clone(),
            say: node.say.clone(),
            steps,
            links,
            fixed: node_id(node.fixed.as_ref(), resolver),
            not_fixed: node_id(node.not_fixed.as_ref(), resolver),
        }),
        RawKind::Remedy | RawKind::Contact | RawKind::Solved => NodeKind::Ending(Ending {
            kind: match node.kind {
                RawKind::Contact => EndingKind::Contact,
                RawKind::Solved => EndingKind::Solved,
                _ => EndingKind::Remedy,
            },
            title,
            text: node.text.clone(),
            contact: node
                .who
                .clone()
                .zip(node.ask.clone())
                .map(|(who, ask)| Contact {
                    who,
                    ask,
                    ready: node.ready.clone().unwrap_or_default(),
                }),
            steps,
            links,
        }),
    }
}
