//! Turns a [`RawFlow`] into a [`Flow`], or reports every problem in it at once.

mod fields;
mod graph;
mod texts;

use std::collections::HashMap;

use super::diagnostic::{Code, Diagnostic, Diagnostics};
use super::model::{
    Choice, Contact, Ending, EndingKind, Flow, Link, LinkId, Node, NodeId, NodeKind, Question, Step,
};
use super::raw::{RawFlow, RawKind, RawNode};
use graph::GraphNode;

/// A flow that passed the checker, with the warnings it still has.
#[derive(Debug)]
pub struct Checked {
    /// The usable flow.
    pub flow: Flow,
    /// Problems that do not stop the flow from being used.
    pub warnings: Vec<Diagnostic>,
}

/// Checks a parsed flow file. `file` names it in diagnostics.
///
/// Returns every diagnostic (errors and warnings) when there is at least one error.
pub fn check(raw: &RawFlow, file: &str) -> Result<Checked, Vec<Diagnostic>> {
    let mut out = Diagnostics::new(file);
    let node_index = index_keys(
        raw.nodes.iter().map(|(key, _)| key.as_str()),
        "node",
        &mut out,
    );
    let link_index = index_keys(
        raw.links.iter().map(|(key, _)| key.as_str()),
        "link",
        &mut out,
    );
    let resolver = Resolver {
        nodes: &node_index,
        links: &link_index,
    };

    texts::check_text(&raw.title, "title", None, &raw.languages, &mut out);
    for (key, link) in &raw.links {
        let place = format!("links.{key}.title");
        texts::check_text(&link.title, &place, None, &raw.languages, &mut out);
        check_url(key, &link.url, &mut out);
    }
    for key in &raw.further_reading {
        resolver.link(key, None, "further_reading", &mut out);
    }
    let start = resolver.node(&raw.start, None, "start", &mut out);

    let mut graph_nodes = Vec::with_capacity(raw.nodes.len());
    for (index, (key, node)) in raw.nodes.iter().enumerate() {
        fields::check_fields(key, node, &mut out);
        for (place, text) in texts::node_texts(node) {
            texts::check_text(text, &place, Some(key), &raw.languages, &mut out);
        }
        for link in node.links.iter().flatten() {
            resolver.link(link, Some(key), "links", &mut out);
        }
        graph_nodes.push(GraphNode {
            key,
            is_ending: !matches!(node.kind, RawKind::Question | RawKind::Step),
            targets: raw_targets(node)
                .into_iter()
                .filter_map(|(place, target)| resolver.node(target, Some(key), &place, &mut out))
                .collect(),
            reported: node_index.get(key.as_str()) == Some(&index),
        });
    }
    graph::check_graph(&graph_nodes, start, &mut out);

    if out.has_errors() {
        return Err(out.into_vec());
    }
    let flow = build(raw, file, start.unwrap_or_default(), &resolver);
    Ok(Checked {
        flow,
        warnings: out.into_vec(),
    })
}

/// The targets a node names, with where each is written.
fn raw_targets(node: &RawNode) -> Vec<(String, &str)> {
    match node.kind {
        RawKind::Question => node
            .choices
            .iter()
            .flatten()
            .enumerate()
            .map(|(i, choice)| (format!("choices[{}].next", i + 1), choice.next.as_str()))
            .collect(),
        RawKind::Step => [("fixed", &node.fixed), ("not_fixed", &node.not_fixed)]
            .into_iter()
            .filter_map(|(place, target)| target.as_deref().map(|t| (place.to_owned(), t)))
            .collect(),
        RawKind::Remedy | RawKind::Contact | RawKind::Solved => Vec::new(),
    }
}

/// Maps each key to the position of its first definition, reporting repeats.
fn index_keys<'a>(
    keys: impl Iterator<Item = &'a str>,
    what: &str,
    out: &mut Diagnostics,
) -> HashMap<&'a str, usize> {
    let mut index = HashMap::new();
    for (position, key) in keys.enumerate() {
        if index.contains_key(key) {
            let node = (what == "node").then_some(key);
            out.report(
                Code::DuplicateId,
                node,
                format!("the {what} id '{key}' is defined twice"),
            )
            .with_help(format!(
                "rename one of them; ids must be unique across the flow"
            ));
        } else {
            index.insert(key, position);
        }
    }
    index
}

/// Refuses link addresses that are not absolute web addresses.
fn check_url(key: &str, url: &str, out: &mut Diagnostics) {
    let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if !scheme_ok || !clean || url.len() <= "https://".len() {
        out.report(
            Code::BadUrl,
            None,
            format!(
                "link '{key}' has an unusable address '{}'",
                url.escape_debug()
            ),
        )
        .with_help("write a full address starting with https://, without spaces");
    }
}

/// Looks up node and link keys, reporting unknown ones with a suggestion.
struct Resolver<'a> {
    nodes: &'a HashMap<&'a str, usize>,
    links: &'a HashMap<&'a str, usize>,
}

impl Resolver<'_> {
    fn node(
        &self,
        key: &str,
        node: Option<&str>,
        place: &str,
        out: &mut Diagnostics,
    ) -> Option<usize> {
        let found = self.nodes.get(key).copied();
        if found.is_none() {
            let code = if node.is_none() {
                Code::UnknownStart
            } else {
                Code::UnknownTarget
            };
            let diagnostic = out.report(
                code,
                node,
                format!("'{place}' names the unknown node '{key}'"),
            );
            match suggest(key, self.nodes.keys().copied()) {
                Some(close) => diagnostic.with_help(format!("did you mean '{close}'?")),
                None => diagnostic.with_help("use the id of a node under `nodes:`"),
            };
        }
        found
    }

    fn link(
        &self,
        key: &str,
        node: Option<&str>,
        place: &str,
        out: &mut Diagnostics,
    ) -> Option<usize> {
        let found = self.links.get(key).copied();
        if found.is_none() {
            let diagnostic = out.report(
                Code::UnknownLink,
                node,
                format!("'{place}' names the unknown link '{key}'"),
            );
            match suggest(key, self.links.keys().copied()) {
                Some(close) => diagnostic.with_help(format!("did you mean '{close}'?")),
                None => diagnostic.with_help("define it under `links:` with a url and a title"),
            };
        }
        found
    }
}

/// The candidate most like `word`, when one is close enough to be a likely typo.
fn suggest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, candidate)| candidate)
}

/// Builds the checked flow; only called when the checker found no error, so every
/// lookup below succeeds.
fn build(raw: &RawFlow, file: &str, start: usize, resolver: &Resolver) -> Flow {
    let node_id = |key: &Option<String>| NodeId(resolver.nodes[key.as_deref().unwrap_or_default()]);
    let links = |keys: &Option<Vec<String>>| -> Vec<LinkId> {
        keys.iter()
            .flatten()
            .map(|key| LinkId(resolver.links[key.as_str()]))
            .collect()
    };
    let nodes =
        raw.nodes
            .iter()
            .map(|(key, node)| {
                let title = node.title.clone().unwrap_or_default();
                let steps = node.steps.clone().unwrap_or_default();
                let kind =
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
                                    next: NodeId(resolver.nodes[choice.next.as_str()]),
                                })
                                .collect(),
                        }),
                        RawKind::Step => NodeKind::Step(Step {
                            title,
                            text: node.text.clone(),
                            help: node.help.clone(),
                            say: node.say.clone(),
                            steps,
                            links: links(&node.links),
                            fixed: node_id(&node.fixed),
                            not_fixed: node_id(&node.not_fixed),
                        }),
                        ending => NodeKind::Ending(Ending {
                            kind: match ending {
                                RawKind::Contact => EndingKind::Contact,
                                RawKind::Solved => EndingKind::Solved,
                                _ => EndingKind::Remedy,
                            },
                            title,
                            text: node.text.clone(),
                            contact: node.who.clone().zip(node.ask.clone()).map(|(who, ask)| {
                                Contact {
                                    who,
                                    ask,
                                    ready: node.ready.clone().unwrap_or_default(),
                                }
                            }),
                            steps,
                            links: links(&node.links),
                        }),
                    };
                Node {
                    key: key.clone(),
                    kind,
                }
            })
            .collect();
    Flow {
        id: raw.id.clone(),
        version: raw.version,
        source: file.to_owned(),
        title: raw.title.clone(),
        start: NodeId(start),
        nodes,
        links: raw
            .links
            .iter()
            .map(|(key, link)| Link {
                key: key.clone(),
                url: link.url.clone(),
                title: link.title.clone(),
            })
            .collect(),
        further_reading: raw
            .further_reading
            .iter()
            .map(|key| LinkId(resolver.links[key.as_str()]))
            .collect(),
    }
}
