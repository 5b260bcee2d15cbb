//! Reading flow files: the only place that touches YAML.

use std::path::Path;

use thiserror::Error;

use super::check::{Checked, check};
use super::diagnostic::{Code, Diagnostic, Location};
use super::raw::RawFlow;

/// The name the built-in flow goes by in messages.
pub const BUILT_IN_NAME: &str = "flows/partner-center-signin.yaml";

/// The built-in flow, embedded in the binary.
pub const BUILT_IN_YAML: &str = include_str!("../../flows/partner-center-signin.yaml");

/// Flow files larger than this are refused before parsing.
pub const MAX_FLOW_BYTES: u64 = 16 * 1024 * 1024;

/// Why a flow could not be loaded.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read the flow file {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_FLOW_BYTES`].
    #[error(
        "the flow file {path} is {size} bytes; flows larger than {MAX_FLOW_BYTES} bytes (16 MiB) are refused"
    )]
    TooLarge {
        /// The file.
        path: String,
        /// Its size in bytes.
        size: u64,
    },
    /// The file was read but the flow is not valid.
    #[error("{}", render(.0))]
    Invalid(Vec<Diagnostic>),
}

fn render(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let mut text: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    text.push(format!(
        "the flow has {errors} error{}; fix {} and try again",
        if errors == 1 { "" } else { "s" },
        if errors == 1 { "it" } else { "them" }
    ));
    text.join("\n")
}

/// Loads and checks the built-in flow.
pub fn load_built_in() -> Result<Checked, LoadError> {
    load_str(BUILT_IN_YAML, BUILT_IN_NAME)
}

/// Loads and checks a flow file.
pub fn load_path(path: &Path) -> Result<Checked, LoadError> {
    let name = path.display().to_string();
    let read_error = |source| LoadError::Read {
        path: name.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    if size > MAX_FLOW_BYTES {
        return Err(LoadError::TooLarge { path: name, size });
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    load_bytes(&bytes, &name)
}

/// Loads and checks a flow from bytes that should be UTF-8 YAML; `file` names it in messages.
pub fn load_bytes(bytes: &[u8], file: &str) -> Result<Checked, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str(text, file),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let column =
                valid.len() - valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
            Err(LoadError::Invalid(vec![Diagnostic {
                code: Code::Syntax,
                file: file.to_owned(),
                node: None,
                location: Some(Location { line, column }),
                message: "the file is not valid UTF-8 text".to_owned(),
                help: Some("save the file as UTF-8".to_owned()),
            }]))
        }
    }
}

/// Loads and checks a flow from YAML text; `file` names it in messages.
pub fn load_str(text: &str, file: &str) -> Result<Checked, LoadError> {
    let raw = parse(text, file).map_err(|diagnostic| LoadError::Invalid(vec![diagnostic]))?;
    check(&raw, file).map_err(LoadError::Invalid)
}

/// Parses YAML text into the raw flow types, without checking the graph.
pub fn parse(text: &str, file: &str) -> Result<RawFlow, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let syntax = |message: String, location: Option<Location>, help: &str| Diagnostic {
        code: Code::Syntax,
        file: file.to_owned(),
        node: None,
        location,
        message,
        help: Some(help.to_owned()),
    };
    if text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    }) {
        return Err(syntax(
            "the file holds no flow (it is empty or only comments)".to_owned(),
            None,
            "a flow needs at least `id`, `title`, `start` and `nodes`",
        ));
    }
    serde_yaml::from_str(text).map_err(|error| {
        let location = error.location().map(|at| Location {
            line: at.line(),
            column: at.column(),
        });
        let message = error.to_string();
        let message = match message.rfind(" at line ") {
            Some(cut) if location.is_some() => message[..cut].to_owned(),
            _ => message,
        };
        let (node, message) = split_node_path(&message);
        Diagnostic {
            node,
            ..syntax(
                message,
                location,
                "fix the YAML at this place; field names and kinds are listed in the README",
            )
        }
    })
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
