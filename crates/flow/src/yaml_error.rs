//! Turns a YAML or serde error into a diagnostic an author can act on.

use super::check::suggest;
use super::diagnostic::{Code, Diagnostic, Location};
use super::positions::PositionIndex;
use super::reader::ReadError;
use super::refine;

/// The diagnostic for a file that could not be read into the flow types. `text` is the
/// file's text and `index` the places of what was read, used to put the problem where an
/// author would look for it.
pub(crate) fn from_read_error(
    error: &ReadError,
    file: &str,
    text: &str,
    index: &PositionIndex,
) -> Diagnostic {
    let location = error
        .location()
        .map(|(line, column)| Location { line, column });
    let message = plain_words(&strip_positions(&error.to_string()));
    let (node, message) = split_node_path(&message);
    let mut diagnostic = Diagnostic::new(Code::Syntax, file, message.clone());
    diagnostic.node = node;
    diagnostic.location = location;
    diagnostic.help = Some(match unknown_field(&message) {
        Some((field, expected)) => {
            diagnostic.code = Code::UnknownField;
            let confused = CONFUSED_FIELDS.iter().find(|(wrong, _)| *wrong == field);
            let close = suggest(field, expected.iter().copied());
            match (confused, close) {
                (Some((_, advice)), _) => (*advice).to_owned(),
                (None, Some(close)) => format!("did you mean `{close}`?"),
                (None, None) => format!("use one of: {}", expected.join(", ")),
            }
        }
        None => {
            "fix the YAML at this place; the fields are described in docs/flow-format.md".to_owned()
        }
    });
    refine::refine(&mut diagnostic, text, index, error.kind());
    diagnostic
}

/// Whether `missing` says that the field an unknown field (the E015 `unknown`) probably
/// meant is missing in the same place, as `fixd:` leaves a step without `fixed:`.
pub(crate) fn misses_what_it_meant(missing: &Diagnostic, unknown: &Diagnostic) -> bool {
    let Some((field, expected)) = unknown_field(&unknown.message) else {
        return false;
    };
    let Some(meant) = suggest(field, expected.iter().copied()) else {
        return false;
    };
    let place = unknown
        .message
        .split("unknown field `")
        .next()
        .unwrap_or_default();
    let same_place = missing.file == unknown.file && missing.node == unknown.node;
    let says_missing = match missing.code {
        // The reader's own: `choices[0]: missing field `label``.
        Code::Syntax => missing.message == format!("{place}missing field `{meant}`"),
        // The checker's: "a step node needs 'fixed'", "the flow has no `id`".
        Code::MissingField => {
            place.is_empty()
                && (missing.message.ends_with(&format!("'{meant}'"))
                    || missing.message.ends_with(&format!("`{meant}`")))
        }
        _ => false,
    };
    same_place && says_missing
}

/// Field names authors reach for that belong elsewhere, with what to write instead.
const CONFUSED_FIELDS: &[(&str, &str)] = &[
    (
        "next",
        "only a question's choices have `next:`; a step goes on with `fixed:` and `not_fixed:`",
    ),
    ("type", "the kind of node is set with `kind:`"),
    (
        "options",
        "a question's answers are listed under `choices:`",
    ),
    (
        "answers",
        "a question's answers are listed under `choices:`",
    ),
    ("link", "links are listed by key under `links:`"),
    (
        "url",
        "a node names links by key under `links:`; the address goes in the top-level `links:` table",
    ),
];

/// Removes serde's "at line X column Y" (the location is reported on its own).
fn strip_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(" at line ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + " at line ".len()..];
        let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let line_end = digits(after);
        match after[line_end..].strip_prefix(" column ") {
            Some(column) if line_end > 0 => rest = &column[digits(column)..],
            _ => {
                out.push_str(" at line ");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Replaces the names of Rust types in serde's messages with what an author writes.
fn plain_words(message: &str) -> String {
    [
        (
            "struct RawNode",
            "a node (a mapping with `kind:` and its fields)",
        ),
        (
            "struct RawFlow",
            "a flow (a mapping with `id`, `title`, `start` and `nodes`)",
        ),
        (
            "struct RawLink",
            "a link (a mapping with `url` and `title`)",
        ),
        (
            "struct RawChoice",
            "a choice (a mapping with `label` and `next`)",
        ),
        ("expected u32", "expected a whole number"),
        (
            "deserializing from YAML containing more than one document is not supported",
            "the file holds more than one YAML document",
        ),
    ]
    .iter()
    .fold(message.to_owned(), |message, (from, to)| {
        message.replace(from, to)
    })
}

/// For serde's "unknown field `x`, expected one of `a`, `b`": the field and the expected names.
fn unknown_field(message: &str) -> Option<(&str, Vec<&str>)> {
    let rest = message.split("unknown field `").nth(1)?;
    let (field, rest) = rest.split_once('`')?;
    let expected = rest.split('`').skip(1).step_by(2).collect::<Vec<_>>();
    Some((field, expected))
}

/// serde reports where an error is as a path (`nodes.first.steps: invalid type…`); when
/// that path is inside a node, the node is named on its own and left out of the message.
fn split_node_path(message: &str) -> (Option<String>, String) {
    let Some(rest) = message.strip_prefix("nodes.") else {
        return (None, message.to_owned());
    };
    let end = rest.find(['.', ':', '[']).unwrap_or(rest.len());
    let (node, after) = rest.split_at(end);
    let after = after
        .strip_prefix('.')
        .or_else(|| after.strip_prefix(": "))
        .unwrap_or(after);
    (Some(node.to_owned()), after.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_are_split_into_the_field_and_the_choices() {
        let (field, expected) =
            unknown_field("kind: unknown field `titel`, expected one of `kind`, `title`").unwrap();
        assert_eq!(field, "titel");
        assert_eq!(expected, ["kind", "title"]);
        assert_eq!(unknown_field("invalid type: integer"), None);
    }

    #[test]
    fn node_paths_become_the_node() {
        assert_eq!(
            split_node_path("nodes.first.steps: invalid type"),
            (Some("first".to_owned()), "steps: invalid type".to_owned())
        );
        assert_eq!(
            split_node_path("missing field `id`"),
            (None, "missing field `id`".to_owned())
        );
    }
}
