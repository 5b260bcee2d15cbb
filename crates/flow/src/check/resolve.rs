//! Looking up node and link ids, with did-you-mean suggestions for unknown ones.

use std::cell::Cell;
use std::collections::HashMap;

use crate::diagnostic::{Code, Diagnostics};
use crate::path::YamlPath;

/// Maps each key to the position of its first definition, reporting repeats at the repeat.
pub(super) fn index_keys<'a>(
    keys: impl Iterator<Item = &'a str>,
    section: &str,
    out: &mut Diagnostics,
) -> HashMap<&'a str, usize> {
    let mut index = HashMap::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (position, key) in keys.enumerate() {
        let count = seen.entry(key).or_default();
        if *count > 0 {
            let what = if section == "nodes" { "node" } else { "link" };
            let node = (section == "nodes").then_some(key);
            out.report(
                Code::DuplicateId,
                node,
                format!("the {what} id '{key}' is defined more than once"),
            )
            .at(YamlPath::root().key(section).key(key).nth(*count))
            .with_help("rename one of them; ids must be unique across the flow");
        } else {
            index.insert(key, position);
        }
        *count += 1;
    }
    index
}

/// Looks up node and link keys, reporting unknown ones with a suggestion.
pub(super) struct Resolver<'a> {
    /// Node id → position.
    pub nodes: &'a HashMap<&'a str, usize>,
    /// Link key → position.
    pub links: &'a HashMap<&'a str, usize>,
    /// How many more unknown ids get a did-you-mean (see [`MAX_SUGGESTIONS`]).
    pub suggestions_left: Cell<usize>,
}

/// What kind of id is looked up, for the message and the advice.
struct Lookup<'a> {
    ids: &'a HashMap<&'a str, usize>,
    suggestions_left: &'a Cell<usize>,
    code: Code,
    what: &'static str,
    otherwise: &'static str,
}

impl Resolver<'_> {
    /// The node `key` names; `at` gives where the reference is written (called only to report).
    pub fn node(
        &self,
        key: &str,
        node: Option<&str>,
        at: impl FnOnce() -> YamlPath,
        out: &mut Diagnostics,
    ) -> Option<usize> {
        let lookup = Lookup {
            ids: self.nodes,
            suggestions_left: &self.suggestions_left,
            code: if node.is_none() {
                Code::UnknownStart
            } else {
                Code::UnknownTarget
            },
            what: "node",
            otherwise: "use the id of a node under `nodes:`",
        };
        resolve(&lookup, key, node, at, out)
    }

    /// The link `key` names; `at` gives where the reference is written (called only to report).
    pub fn link(
        &self,
        key: &str,
        node: Option<&str>,
        at: impl FnOnce() -> YamlPath,
        out: &mut Diagnostics,
    ) -> Option<usize> {
        let lookup = Lookup {
            ids: self.links,
            suggestions_left: &self.suggestions_left,
            code: Code::UnknownLink,
            what: "link",
            otherwise: "define it under `links:` with a url and a title",
        };
        resolve(&lookup, key, node, at, out)
    }
}

/// At most this many unknown ids get a did-you-mean: each costs a comparison with every
/// id, so a flow with thousands of typos would otherwise take quadratic time to refuse.
pub const MAX_SUGGESTIONS: usize = 50;

/// Looks `key` up, reporting it with a did-you-mean when it is unknown.
fn resolve(
    lookup: &Lookup,
    key: &str,
    node: Option<&str>,
    at: impl FnOnce() -> YamlPath,
    out: &mut Diagnostics,
) -> Option<usize> {
    let found = lookup.ids.get(key).copied();
    if found.is_none() {
        let at = at();
        let place = relative(&at, node);
        let message = format!("'{place}' names the unknown {} '{key}'", lookup.what);
        let diagnostic = out.report(lookup.code, node, message).at(at);
        let left = lookup.suggestions_left.get();
        lookup.suggestions_left.set(left.saturating_sub(1));
        let close = (left > 0)
            .then(|| suggest(key, lookup.ids.keys().copied()))
            .flatten();
        match close {
            Some(close) => diagnostic.with_help(format!("did you mean '{close}'?")),
            None => diagnostic.with_help(lookup.otherwise),
        };
    }
    found
}

/// The path as written inside its node (`choices[2].next`), or whole at the top of the file.
fn relative(path: &YamlPath, node: Option<&str>) -> String {
    match node {
        Some(_) => YamlPath::from_segs(path.segs().iter().skip(2).cloned().collect()).to_string(),
        None => path.to_string(),
    }
}

/// The candidate most like `word`, when one is close enough to be a likely typo.
pub(crate) fn suggest<'a>(
    word: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        // A likely typo is about as long as the word; skip the rest cheaply.
        .filter(|candidate| candidate.len().abs_diff(word.len()) <= word.len() / 2 + 2)
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, candidate)| candidate)
}
