//! Reading flow files: the only place that touches YAML.

use std::path::Path;

use thiserror::Error;

use super::check::{Checked, check};
use super::diagnostic::{Code, Diagnostic, Location};
use super::locate::locate;
use super::raw::RawFlow;
use super::yaml_error::from_serde;

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
    let mut sorted = diagnostics.to_vec();
    super::report::sort(&mut sorted);
    let errors = sorted.iter().filter(|d| d.is_error()).count();
    format!(
        "{}the flow has {errors} error{}; fix {} and try again",
        super::report::human(&sorted, false),
        if errors == 1 { "" } else { "s" },
        if errors == 1 { "it" } else { "them" }
    )
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
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            let mut diagnostic =
                Diagnostic::new(Code::Syntax, file, "the file is not valid UTF-8 text");
            diagnostic.location = Some(Location { line, column });
            diagnostic.help = Some("save the file as UTF-8".to_owned());
            Err(LoadError::Invalid(vec![diagnostic]))
        }
    }
}

/// Loads and checks a flow from YAML text; `file` names it in messages.
pub fn load_str(text: &str, file: &str) -> Result<Checked, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let with_places = |mut diagnostics: Vec<Diagnostic>| {
        locate(&mut diagnostics, text);
        diagnostics
    };
    let raw = parse(text, file)
        .map_err(|diagnostic| LoadError::Invalid(with_places(vec![diagnostic])))?;
    match check(&raw, file) {
        Ok(mut checked) => {
            checked.warnings = with_places(checked.warnings);
            Ok(checked)
        }
        Err(diagnostics) => Err(LoadError::Invalid(with_places(diagnostics))),
    }
}

/// Parses YAML text into the raw flow types, without checking the graph.
pub fn parse(text: &str, file: &str) -> Result<RawFlow, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let only_comments = text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    });
    if only_comments {
        let mut diagnostic = Diagnostic::new(
            Code::Syntax,
            file,
            "the file holds no flow (it is empty or only comments)",
        );
        diagnostic.help =
            Some("a flow needs at least `id`, `title`, `start` and `nodes`".to_owned());
        return Err(diagnostic);
    }
    serde_yaml::from_str(text).map_err(|error| from_serde(&error, file))
}
