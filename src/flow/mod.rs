//! Flows: the data model, loading from YAML, and checking with petgraph.

mod check;
mod diagnostic;
mod load;
mod model;
mod raw;
mod text;

pub use check::{Checked, check};
pub use diagnostic::{Code, Diagnostic, Location, Severity};
pub use load::{
    BUILT_IN_NAME, BUILT_IN_YAML, LoadError, MAX_FLOW_BYTES, load_built_in, load_bytes, load_path,
    load_str, parse,
};
pub use model::{
    Choice, Contact, Ending, EndingKind, Flow, Link, LinkId, Node, NodeId, NodeKind, Question, Step,
};
pub use raw::{RawChoice, RawFlow, RawKind, RawLink, RawNode};
pub use text::Text;
