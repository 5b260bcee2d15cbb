//! Turns a YAML or serde error into a diagnostic an author can act on.

use super::check::suggest;
use super::diagnostic::{Code, Diagnostic, Location};

/// The diagnostic for a file serde could not read into the flow types.
pub(crate) fn from_serde(error: &serde_yaml::Error, file: &str) -> Diagnostic {
    let location = error.location().map(|at| Location {
        line: at.line(),
        column: at.column(),
    });
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(cut) if location.is_some() => &message[..cut],
        _ => &message,
    };
    let (node, message) = split_node_path(message);
    let mut diagnostic = Diagnostic::new(Code::Syntax, file, message.clone());
    diagnostic.node = node;
    diagnostic.location = location;
    diagnostic.help = Some(match unknown_field(&message) {
        Some((field, expected)) => {
            diagnostic.code = Code::UnknownField;
            match suggest(field, expected.iter().copied()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("use one of: {}", expected.join(", ")),
            }
        }
        None => {
            "fix the YAML at this place; the fields are described in docs/flow-format.md".to_owned()
        }
    });
    diagnostic
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
