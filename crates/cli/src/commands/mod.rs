//! The subcommands besides the wizard, one file each: `check`, `graph`, `schema`, `stats`.
//! Each takes plain values from the edge and prints its output or returns an error.

pub mod check;
pub mod graph;
pub mod schema;
pub mod stats;

use std::path::Path;
use std::sync::Arc;

use crate::error::Error;
use crate::flow::{Checked, Flow, LoadError, load_built_in, load_path};

/// The flow at `file` (the built-in one without), shared, for walking; an invalid one is
/// an error saying that what was `doing` cannot go on ("the wizard cannot start.").
pub fn walkable_flow(file: Option<&Path>, doing: &'static str) -> crate::error::Result<Arc<Flow>> {
    load_flow(file)
        .map(|checked| checked.flow.shared())
        .map_err(|source| Error::Flow { doing, source })
}

/// The flow at `file`, or the built-in flows without one.
pub fn load_flow(file: Option<&Path>) -> Result<Checked, LoadError> {
    match file {
        Some(path) => load_path(path),
        None => load_built_in(),
    }
}
