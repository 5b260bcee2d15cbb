//! `signin-doctor graph`: the flow as a Mermaid flowchart or Graphviz DOT.

use std::path::Path;

use super::load_flow;
use crate::error::{Error, Result};
use crate::exit::print;
use crate::export::GraphFormat;
use crate::lang::Lang;

/// Prints the flow at `file` (the built-in one without) as a graph in `format`, its
/// texts in `lang`; an error if the flow is invalid.
pub fn run(format: GraphFormat, file: Option<&Path>, lang: Lang) -> Result<()> {
    let checked = load_flow(file).map_err(|source| Error::Flow {
        doing: "cannot draw the flow.",
        source,
    })?;
    print(&format.render(&checked.flow, lang))
}
