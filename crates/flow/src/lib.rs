//! Flows: the data model, loading from YAML, and checking with petgraph; and the leaves
//! the flow uses (languages, the interface's words, bounded reads), which the crates
//! above use too.
//!
//! It exports what the crates and programs above use, and nothing else: loading
//! ([`load_built_in`], [`load_path`], [`load_str`], their `_with` forms and
//! [`LoadError`]), the model ([`Flow`], [`Node`], [`Kind`], [`Text`]…), the checker's
//! findings ([`Diagnostic`], [`Code`], [`report`]) and its options ([`CheckOptions`],
//! [`ReviewPolicy`]), the reader for the fuzz targets ([`read`], [`RawFlow`],
//! [`PositionIndex`], [`YamlPath`]), and the leaf modules [`lang`], [`i18n`] and
//! [`bounded_read`]. The reader's insides, the checker's rules and the positions stay
//! inside the crate.

pub mod bounded_read;
pub mod i18n;
pub mod lang;

mod check;
mod codes;
mod diagnostic;
mod encoded;
mod kind;
mod line_column;
mod load;
mod load_error;
mod locate;
mod merge;
mod model;
mod path;
mod pattern;
mod positions;
mod raw;
mod reader;
mod refine;
pub mod report;
mod sources;
mod text;
mod yaml_error;

pub use check::{CheckOptions, Checked, DEFAULT_MAX_AGE_DAYS, ReviewPolicy, check};
pub use codes::Suggestion;
pub use diagnostic::{Code, Diagnostic, Location};
pub use kind::Kind;
pub use load::{
    BUILT_IN_NAME, BUILT_IN_YAML, LoadError, MAX_FLOW_BYTES, load_built_in, load_built_in_with,
    load_bytes, load_parts_with, load_path, load_path_with, load_str, parse,
};
pub use model::{
    Contact, Ending, EndingKind, Flow, Input, Link, LinkId, Node, NodeId, NodeKind, Question, Step,
};
pub use path::YamlPath;
pub use positions::{Place, PositionIndex};
pub use raw::RawFlow;
pub use reader::{Read, read};
pub use sources::Part;
pub use text::Text;
