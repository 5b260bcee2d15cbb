//! Which fields each kind of node needs, and which it may have.

use crate::diagnostic::{Code, Diagnostics};
use crate::kind::Kind;
use crate::path::YamlPath;
use crate::raw::RawNode;

/// The fields a kind must have, and the ones it may have besides.
fn rules(kind: Kind) -> (&'static [&'static str], &'static [&'static str]) {
    match kind {
        Kind::Question => (&["text", "choices"], &["title", "help", "say"]),
        Kind::Step => (
            &["title", "steps", "fixed", "not_fixed"],
            &["text", "help", "say", "links"],
        ),
        Kind::Remedy => (&["title"], &["text", "steps", "links"]),
        Kind::Contact => (
            &["title", "who", "ask"],
            &["text", "ready", "steps", "links"],
        ),
        Kind::Solved => (&["title"], &["text", "links"]),
        Kind::Input => (&["text", "matches", "otherwise"], &["title", "help", "say"]),
    }
}

/// The names of the fields a node has.
fn present(node: &RawNode) -> Vec<&'static str> {
    let fields = [
        ("title", node.title.is_some()),
        ("text", node.text.is_some()),
        ("help", node.help.is_some()),
        ("say", node.say.is_some()),
        ("choices", node.choices.is_some()),
        ("steps", node.steps.is_some()),
        ("links", node.links.is_some()),
        ("fixed", node.fixed.is_some()),
        ("not_fixed", node.not_fixed.is_some()),
        ("who", node.who.is_some()),
        ("ask", node.ask.is_some()),
        ("ready", node.ready.is_some()),
        ("matches", node.matches.is_some()),
        ("otherwise", node.otherwise.is_some()),
    ];
    fields
        .into_iter()
        .filter_map(|(name, is_there)| is_there.then_some(name))
        .collect()
}

/// Reports missing and unused fields, too few choices, and empty step lists.
pub(super) fn check_fields(key: &str, node: &RawNode, out: &mut Diagnostics) {
    let kind = node.kind.name();
    let a = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    let (required, optional) = rules(node.kind);
    let present = present(node);
    for field in required {
        if !present.contains(field) {
            out.report(
                Code::MissingField,
                Some(key),
                format!("{a} {kind} node needs '{field}'"),
            )
            .at(YamlPath::node(key))
            .with_help(format!("add `{field}:` to node '{key}'"));
        }
    }
    for field in &present {
        if !required.contains(field) && !optional.contains(field) {
            let mut allowed: Vec<&str> = required.iter().chain(optional).copied().collect();
            allowed.sort_unstable();
            out.report(
                Code::UnusedField,
                Some(key),
                format!("{a} {kind} node has no '{field}'"),
            )
            .at(YamlPath::node(key).key(field))
            .with_help(format!(
                "remove it, or change `kind:`; {a} {kind} node has: {}",
                allowed.join(", ")
            ));
        }
    }
    if let (Kind::Question, Some(choices)) = (node.kind, &node.choices)
        && choices.len() < 2
    {
        out.report(
            Code::TooFewChoices,
            Some(key),
            format!(
                "a question needs at least 2 choices, this one has {}",
                choices.len()
            ),
        )
        .at(YamlPath::node(key).key("choices"))
        .with_help("add another choice, or make it a step or an ending");
    }
    if node.kind == Kind::Remedy && node.text.is_none() && node.steps.is_none() {
        out.report(
            Code::MissingField,
            Some(key),
            "a remedy node needs 'text' or 'steps'",
        )
        .at(YamlPath::node(key))
        .with_help("say what the user should do");
    }
    if node.kind == Kind::Remedy && node.links.as_ref().is_none_or(|links| links.is_empty()) {
        out.report(
            Code::EndingWithoutHelp,
            Some(key),
            "a remedy ending gives no link, so the user has nowhere to read more",
        )
        .at(YamlPath::node(key))
        .with_help(
            "add `links:` with at least one page, or make it a contact ending with `who` and `ask`",
        );
    }
    if node.kind == Kind::Input && node.matches.as_ref().is_some_and(Vec::is_empty) {
        out.report(
            Code::MissingField,
            Some(key),
            "an input node needs at least one entry in 'matches'",
        )
        .at(YamlPath::node(key).key("matches"))
        .with_help("add `- pattern: '…'` with a `next:`, or make it a question with choices");
    }
    if node.kind == Kind::Step && node.steps.as_ref().is_some_and(Vec::is_empty) {
        out.report(
            Code::MissingField,
            Some(key),
            "a step node needs at least one entry in 'steps'",
        )
        .at(YamlPath::node(key).key("steps"))
        .with_help("list what the user should do, one action per entry");
    }
}

/// Refuses names in `allow:` that are not warnings.
pub(super) fn check_allow(key: &str, node: &RawNode, out: &mut Diagnostics) {
    let Some(allow) = &node.allow else {
        return;
    };
    let names: Vec<&str> = Code::WARNINGS
        .iter()
        .filter_map(|c| c.allow_name())
        .collect();
    for (i, name) in allow.iter().enumerate() {
        if !names.contains(&name.as_str()) {
            let help = match super::resolve::suggest(name, names.iter().copied()) {
                Some(close) => format!("did you mean '{close}'?"),
                None => format!("warnings that can be allowed: {}", names.join(", ")),
            };
            out.report(
                Code::UnknownField,
                Some(key),
                format!("`allow` names '{name}', which is not a warning"),
            )
            .at(YamlPath::node(key).key("allow").index(i))
            .with_help(help);
        }
    }
}
