//! `signin-doctor schema`: the JSON Schema of the flow file format.

use crate::error::Result;
use crate::exit::print;

/// Prints the JSON Schema of the flow file format (for editors' YAML language servers).
pub fn run() -> Result<()> {
    print(&crate::export::schema())
}
