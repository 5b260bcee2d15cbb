//! Why a flow could not be loaded, and the size limit on flow files — apart from the
//! loading itself, so reading files (sources.rs) and loading (load.rs) both use it
//! without using each other.

use thiserror::Error;

use super::diagnostic::Diagnostic;

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
    /// A folder given as the flow has no `.yaml` or `.yml` files.
    #[error("the folder {path} has no .yaml or .yml flow files")]
    EmptyFolder {
        /// The folder.
        path: String,
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
