//! The flow file exactly as written: serde types with every field optional where a
//! mistake is possible, so the checker can report all problems at once.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};

use super::kind::Kind;
use super::text::Text;

/// What a `reviewed:` date looks like, for the JSON Schema (the checker also refuses days
/// that do not exist, like 2026-02-30).
const DATE_SHAPE: &str = r"^\d{4}-\d{2}-\d{2}$";

/// A whole flow file before checking — or one part of a flow split over several files,
/// which is why even `id`, `title` and `start` are optional here: the checker requires
/// them once across all parts.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFlow {
    /// A stable identifier of the flow, e.g. `partner-center-signin` (required once per flow).
    pub id: Option<String>,
    /// The flow's version number, recorded in transcripts (default 1).
    pub version: Option<u32>,
    /// Languages the flow is translated into; each text should have all of them.
    pub languages: Option<Vec<String>>,
    /// The flow's title, shown at the top of every screen (required once per flow).
    pub title: Option<Text>,
    /// The id of the first node (required once per flow).
    pub start: Option<String>,
    /// Link keys shown on every ending as further reading.
    pub further_reading: Option<Vec<String>>,
    /// When the flow's facts were last checked against their sources, `YYYY-MM-DD`; the
    /// review date of every node that gives none of its own.
    #[schemars(regex(pattern = DATE_SHAPE))]
    pub reviewed: Option<String>,
    /// Links, defined once and referred to by key.
    #[serde(default, deserialize_with = "ordered_entries")]
    #[schemars(with = "std::collections::BTreeMap<String, RawLink>")]
    pub links: Vec<(String, RawLink)>,
    /// Nodes in file order, duplicates kept so the checker can report them.
    #[serde(default, deserialize_with = "ordered_entries")]
    #[schemars(with = "std::collections::BTreeMap<String, RawNode>")]
    pub nodes: Vec<(String, RawNode)>,
}

/// A link definition.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    /// The full address.
    pub url: String,
    /// What the page is called.
    pub title: Text,
    /// When the address and title were last checked, `YYYY-MM-DD`.
    #[schemars(regex(pattern = DATE_SHAPE))]
    pub reviewed: Option<String>,
}

/// One node with every field any kind may have; the checker decides which belong.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    /// What kind of node this is.
    pub kind: Kind,
    /// Heading (steps and endings).
    pub title: Option<Text>,
    /// The question, or an introduction.
    pub text: Option<Text>,
    /// Extra explanation that helps to answer.
    pub help: Option<Text>,
    /// What a helpdesk agent says to the caller.
    pub say: Option<Text>,
    /// A question's answers.
    pub choices: Option<Vec<RawChoice>>,
    /// Numbered instructions.
    pub steps: Option<Vec<Text>>,
    /// Link keys.
    pub links: Option<Box<[String]>>,
    /// A step's next node when it worked.
    pub fixed: Option<Box<str>>,
    /// A step's next node when it did not.
    pub not_fixed: Option<Box<str>>,
    /// A contact ending: who to contact.
    pub who: Option<Text>,
    /// A contact ending: what to ask them for.
    pub ask: Option<Text>,
    /// A contact ending: what to have ready.
    pub ready: Option<Vec<Text>>,
    /// An input node's patterns, tried in order on what the user typed.
    pub matches: Option<Vec<RawMatch>>,
    /// An input node's next node when no pattern matches (or nothing was typed).
    pub otherwise: Option<Box<str>>,
    /// When this node's facts were last checked, `YYYY-MM-DD` (default: the flow's date).
    #[schemars(regex(pattern = DATE_SHAPE))]
    pub reviewed: Option<Box<str>>,
    /// Link keys of the pages this node's facts come from.
    pub sources: Option<Box<[String]>>,
    /// Warnings the author has looked at and accepts for this node, by name
    /// (e.g. `same-target` for an "I'm not sure" answer that shares a node on purpose).
    pub allow: Option<Box<[String]>>,
}

/// One answer of a question.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    /// What the user picks.
    pub label: Text,
    /// The node it leads to.
    pub next: String,
}

/// One pattern of an input node.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMatch {
    /// A regular expression (the `regex` crate's syntax), matched case-insensitively
    /// anywhere in what the user typed.
    pub pattern: String,
    /// The node it leads to when it matches.
    pub next: String,
}

/// Reads a YAML mapping as a list of entries in file order, keeping duplicate keys.
fn ordered_entries<'de, D, V>(deserializer: D) -> Result<Vec<(String, V)>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Entries<V>(PhantomData<V>);

    impl<'de, V: Deserialize<'de>> Visitor<'de> for Entries<V> {
        type Value = Vec<(String, V)>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a mapping of ids to definitions")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
            while let Some(entry) = map.next_entry()? {
                entries.push(entry);
            }
            Ok(entries)
        }
    }

    deserializer.deserialize_map(Entries(PhantomData))
}
