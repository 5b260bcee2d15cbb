//! Turns a [`RawFlow`] into a [`Flow`], or reports every problem in it at once.

mod build;
mod dates;
mod fields;
mod graph;
mod links;
mod patterns;
mod resolve;
mod review;
mod style;
mod texts;

pub(crate) use resolve::suggest;
pub use review::{DEFAULT_MAX_AGE_DAYS, ReviewPolicy};

use std::cell::Cell;

use super::diagnostic::{Code, Diagnostic, Diagnostics};
use super::kind::Kind;
use super::model::Flow;
use super::path::YamlPath;
use super::pattern::{MAX_PATTERNS, Matcher};
use super::raw::{RawFlow, RawNode};
use graph::GraphNode;
use resolve::{Resolver, index_keys};

/// A flow that passed the checker, with the warnings it still has.
#[derive(Debug)]
pub struct Checked {
    /// The usable flow.
    pub flow: Flow,
    /// Problems that do not stop the flow from being used.
    pub warnings: Vec<Diagnostic>,
}

/// What a check looks at besides the flow's own rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// Warn about review dates older than this policy allows (`check` does; the wizard
    /// does not, so a stale flow still starts).
    pub review: Option<ReviewPolicy>,
    /// The flow was checked in full before, so only what building it needs runs here: ids
    /// are resolved and patterns counted, but no rule that only reports is run again (texts,
    /// fields, dates, the graph) and no pattern is compiled (each input question's matcher
    /// is still built on first use). Set for the built-in flow in release builds: the test
    /// suite and every debug build check it in full. Checking was most of the wizard's
    /// start-up, and compiling the automata alone a sixth of it.
    pub checked_before: bool,
}

/// Checks a parsed flow file. `file` names it in diagnostics.
///
/// Returns every diagnostic (errors and warnings) when there is at least one error.
pub fn check(raw: &RawFlow, file: &str) -> Result<Checked, Vec<Diagnostic>> {
    check_with(raw, file, &CheckOptions::default())
}

/// [`check`], with the extra rules `options` asks for.
pub fn check_with(
    raw: &RawFlow,
    file: &str,
    options: &CheckOptions,
) -> Result<Checked, Vec<Diagnostic>> {
    let verdict = validate(raw, file, options)?;
    Ok(build::build(raw.clone(), file, verdict))
}

/// Like [`check_with`], but builds the flow from `raw` itself instead of a copy; on error,
/// gives `raw` back with the diagnostics.
pub(crate) fn check_owned(
    raw: RawFlow,
    file: &str,
    options: &CheckOptions,
) -> Result<Checked, Box<(Vec<Diagnostic>, RawFlow)>> {
    match validate(&raw, file, options) {
        Ok(verdict) => Ok(build::build(raw, file, verdict)),
        Err(diagnostics) => Err(Box::new((diagnostics, raw))),
    }
}

/// What checking found in a flow without errors: its warnings and what its ids resolve to.
pub(super) struct Verdict {
    warnings: Vec<Diagnostic>,
    start: usize,
    /// Per node, the nodes its targets lead to, in the order they are written.
    targets: Vec<Vec<usize>>,
    /// Per node, the links it names under `links` and under `sources`.
    links: Vec<[Vec<usize>; 2]>,
    /// Per node, its checked patterns (empty for nodes without).
    matchers: Vec<Matcher>,
    /// The links of `further_reading`.
    further_reading: Vec<usize>,
}

/// Runs every rule over `raw`, and those `options` asks for; only resolves its ids when
/// it was checked before.
fn validate(raw: &RawFlow, file: &str, options: &CheckOptions) -> Result<Verdict, Vec<Diagnostic>> {
    let mut out = Diagnostics::new(file);
    let node_index = index_keys(
        raw.nodes.iter().map(|(key, _)| key.as_str()),
        "nodes",
        &mut out,
    );
    let link_index = index_keys(
        raw.links.iter().map(|(key, _)| key.as_str()),
        "links",
        &mut out,
    );
    let resolver = Resolver {
        nodes: &node_index,
        links: &link_index,
        suggestions_left: Cell::new(resolve::MAX_SUGGESTIONS),
    };

    let rules = !options.checked_before;
    let further_reading = check_top(raw, &resolver, rules, &mut out);
    let languages = raw.languages.as_deref().unwrap_or_default();
    let start = raw
        .start
        .as_ref()
        .and_then(|start| resolver.node(start, None, || YamlPath::root().key("start"), &mut out));
    let mut graph_nodes = Vec::with_capacity(raw.nodes.len());
    let mut links = Vec::with_capacity(raw.nodes.len());
    let mut matchers: Vec<Matcher> = Vec::with_capacity(raw.nodes.len());
    let mut pattern_budget = MAX_PATTERNS;
    for (index, (key, node)) in raw.nodes.iter().enumerate() {
        links.push(check_node(key, node, languages, &resolver, rules, &mut out));
        matchers.push(
            patterns::compile_patterns(key, node, (&mut pattern_budget, !rules), &mut out)
                .unwrap_or_default(),
        );
        graph_nodes.push(GraphNode {
            key,
            is_ending: !matches!(node.kind, Kind::Question | Kind::Step | Kind::Input),
            targets: raw_targets(node)
                .into_iter()
                .filter_map(|(at, target)| {
                    let at = || YamlPath::node(key).join(&at.path());
                    resolver.node(target, Some(key), at, &mut out)
                })
                .collect(),
            reported: node_index.get(key.as_str()) == Some(&index),
        });
    }
    if rules {
        graph::check_graph(&graph_nodes, start, &mut out);
    }
    if let Some(start) = start.filter(|&start| rules && graph_nodes[start].is_ending) {
        out.report(
            Code::StartIsEnding,
            None,
            format!(
                "the flow starts at the ending '{}', so the wizard asks nothing",
                graph_nodes[start].key
            ),
        )
        .at(YamlPath::root().key("start"))
        .with_help("point `start:` at the first question");
    }
    out.retain_unless(|node, code| {
        let allows = raw.nodes.iter().filter(|(key, _)| key == node);
        allows
            .flat_map(|(_, node)| node.allow.iter().flatten())
            .any(|name| Some(name.as_str()) == code.allow_name())
    });

    if let Some(policy) = &options.review {
        review::check_reviews(raw, policy, &mut out);
    }
    if out.has_errors() {
        return Err(out.into_vec());
    }
    Ok(Verdict {
        warnings: out.into_vec(),
        start: start.unwrap_or_default(),
        targets: graph_nodes.into_iter().map(|node| node.targets).collect(),
        links,
        matchers,
        further_reading,
    })
}

/// The header fields, the links and further reading (only resolving further reading's
/// keys without `rules`); returns the links further reading names.
fn check_top(raw: &RawFlow, resolver: &Resolver, rules: bool, out: &mut Diagnostics) -> Vec<usize> {
    if rules {
        check_header(raw, out);
    }
    let further_reading = raw.further_reading.iter().flatten().enumerate();
    further_reading
        .filter_map(|(i, key)| {
            let at = || YamlPath::root().key("further_reading").index(i);
            resolver.link(key, None, at, out)
        })
        .collect()
}

/// The rules about the header fields and the links.
fn check_header(raw: &RawFlow, out: &mut Diagnostics) {
    let languages = raw.languages.as_deref().unwrap_or_default();
    let required = [
        ("id", raw.id.is_some()),
        ("title", raw.title.is_some()),
        ("start", raw.start.is_some()),
        ("nodes", !raw.nodes.is_empty()),
    ];
    for (field, _) in required.iter().filter(|(_, present)| !present) {
        out.report(
            Code::MissingField,
            None,
            format!("the flow has no `{field}`"),
        )
        .at(YamlPath::root())
        .with_help(format!(
            "add `{field}:` at the top of the flow file (see docs/flow-format.md)"
        ));
    }
    if let Some(title) = &raw.title {
        let at = || YamlPath::root().key("title");
        texts::check_text(title, &at, None, languages, out);
        style::check_mojibake(title, &at, None, out);
    }
    dates::check_date(
        raw.reviewed.as_deref(),
        None,
        || YamlPath::root().key("reviewed"),
        out,
    );
    for (key, link) in &raw.links {
        let at = || YamlPath::root().key("links").key(key).key("title");
        texts::check_text(&link.title, &at, None, languages, out);
        style::check_mojibake(&link.title, &at, None, out);
        links::check_url(key, &link.url, out);
        dates::check_date(
            link.reviewed.as_deref(),
            None,
            || YamlPath::root().key("links").key(key).key("reviewed"),
            out,
        );
    }
}

/// Every rule about one node but the graph's (only resolving its link keys without
/// `rules`); returns the links it names under `links` and under `sources`.
fn check_node(
    key: &str,
    node: &RawNode,
    languages: &[String],
    resolver: &Resolver,
    rules: bool,
    out: &mut Diagnostics,
) -> [Vec<usize>; 2] {
    if rules {
        check_node_rules(key, node, languages, out);
    }
    [("links", &node.links), ("sources", &node.sources)].map(|(field, keys)| {
        keys.iter()
            .flatten()
            .enumerate()
            .filter_map(|(i, link)| {
                let at = || YamlPath::node(key).key(field).index(i);
                resolver.link(link, Some(key), at, out)
            })
            .collect()
    })
}

/// The rules about one node's fields, texts, date and answers.
fn check_node_rules(key: &str, node: &RawNode, languages: &[String], out: &mut Diagnostics) {
    fields::check_fields(key, node, out);
    fields::check_allow(key, node, out);
    for (at, text) in texts::node_texts(node) {
        let at = || at.path();
        texts::check_text(text, &at, Some(key), languages, out);
        style::check_mojibake(text, &at, Some(key), out);
    }
    dates::check_date(
        node.reviewed.as_deref(),
        Some(key),
        || YamlPath::node(key).key("reviewed"),
        out,
    );
    if node.kind == Kind::Question {
        style::check_same_targets(key, node, out);
        style::check_label_lengths(key, node, out);
    }
}

/// Where a target is written inside its node; a [`YamlPath`] only to report something.
#[derive(Debug, Clone, Copy)]
enum TargetAt {
    /// `choices[i].next`.
    Choice(usize),
    /// `matches[i].next`.
    Match(usize),
    /// `fixed`, `not_fixed` or `otherwise`.
    Field(&'static str),
}

impl TargetAt {
    fn path(self) -> YamlPath {
        match self {
            TargetAt::Choice(i) => YamlPath::root().key("choices").index(i).key("next"),
            TargetAt::Match(i) => YamlPath::root().key("matches").index(i).key("next"),
            TargetAt::Field(name) => YamlPath::root().key(name),
        }
    }
}

/// The targets a node names, with where each is written inside the node.
fn raw_targets(node: &RawNode) -> Vec<(TargetAt, &str)> {
    match node.kind {
        Kind::Question => node
            .choices
            .iter()
            .flatten()
            .enumerate()
            .map(|(i, choice)| (TargetAt::Choice(i), choice.next.as_str()))
            .collect(),
        Kind::Input => node
            .matches
            .iter()
            .flatten()
            .enumerate()
            .map(|(i, m)| (TargetAt::Match(i), m.next.as_str()))
            .chain(
                node.otherwise
                    .as_deref()
                    .map(|t| (TargetAt::Field("otherwise"), t)),
            )
            .collect(),
        Kind::Step => [("fixed", &node.fixed), ("not_fixed", &node.not_fixed)]
            .into_iter()
            .filter_map(|(place, target)| Some((TargetAt::Field(place), target.as_deref()?)))
            .collect(),
        Kind::Remedy | Kind::Contact | Kind::Solved => Vec::new(),
    }
}
