//! The subcommands besides the wizard, one file each: `check`, `graph`, `schema`, `stats`.
//! Each takes plain values from the edge and prints its output or returns an error.

pub mod check;
pub mod graph;
pub mod schema;
pub mod stats;

use std::path::Path;

use crate::flow::{Checked, LoadError, load_built_in, load_path};

/// The flow at `file`, or the built-in flows without one.
pub fn load_flow(file: Option<&Path>) -> Result<Checked, LoadError> {
    match file {
        Some(path) => load_path(path),
        None => load_built_in(),
    }
}
