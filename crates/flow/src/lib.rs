//! Flows: the data model, loading from YAML, and checking with petgraph; and the leaves
//! the flow uses (languages, the interface's words, bounded reads), which the crates
//! above use too.

pub mod bounded_read;
pub mod i18n;
pub mod lang;

mod check;
mod codes;
mod diagnostic;
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

pub use check::{
    CheckOptions, Checked, DEFAULT_MAX_AGE_DAYS, MAX_LABEL_CHARS, ReviewPolicy, check, check_with,
};
pub use codes::{Suggestion, literal_codes};
pub use diagnostic::{Code, Diagnostic, Location, Severity, Snippet};
pub use kind::Kind;
pub use load::{
    BUILT_IN_NAME, BUILT_IN_YAML, LoadError, MAX_FLOW_BYTES, load_built_in, load_built_in_with,
    load_bytes, load_parts, load_parts_with, load_path, load_path_with, load_str, parse,
};
pub use model::{
    Choice, Contact, Ending, EndingKind, Flow, Input, Link, LinkId, Match, Node, NodeId, NodeKind,
    Question, Step,
};
pub use path::{Seg, YamlPath};
pub use pattern::{
    MAX_PATTERN_BYTES, MAX_PATTERN_CHARS, MAX_PATTERNS, Matcher, PatternError, check_pattern,
};
pub use positions::{Place, PositionIndex, Spot};
pub use raw::{RawChoice, RawFlow, RawLink, RawMatch, RawNode};
pub use reader::{MAX_FLOW_NESTING, MAX_NESTING, Read, ReadError, ReadErrorKind, SyntaxKind, read};
pub use sources::Part;
pub use text::Text;
