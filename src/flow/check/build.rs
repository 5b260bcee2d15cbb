//! Builds the checked [`Flow`] from a raw flow the checker found no error in.

use crate::flow::model::{
    Choice, Contact, Ending, EndingKind, Flow, Link, LinkId, Node, NodeId, NodeKind, Question, Step,
};
use crate::flow::raw::{RawFlow, RawKind, RawNode};

use super::resolve::Resolver;

/// Converts `raw` into a [`Flow`]. Only called when checking found no error, so every
/// id resolves and every required field is there.
pub(super) fn build(raw: &RawFlow, file: &str, start: usize, resolver: &Resolver) -> Flow {
    Flow {
        id: raw.id.clone().unwrap_or_default(),
        version: raw.version.unwrap_or(1),
        source: file.to_owned(),
        title: raw.title.clone().unwrap_or_default(),
        start: NodeId(start),
        nodes: raw
            .nodes
            .iter()
            .map(|(key, node)| Node {
                key: key.clone(),
                kind: build_kind(node, resolver),
            })
            .collect(),
        links: raw
            .links
            .iter()
            .map(|(key, link)| Link {
                key: key.clone(),
                url: link.url.clone(),
                title: link.title.clone(),
            })
            .collect(),
        further_reading: link_ids(raw.further_reading.as_ref(), resolver),
    }
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

fn build_kind(node: &RawNode, resolver: &Resolver) -> NodeKind {
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
