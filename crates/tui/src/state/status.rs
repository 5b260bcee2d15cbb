//! The status line's state: what it says, whether it is a problem, how long it stays.

/// A message above the key hints: the flow was reloaded or its edited version has errors,
/// a note was added, a transcript saved, a save failed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    /// The lines to show; empty for no status.
    pub lines: Vec<String>,
    /// Whether it reports a problem.
    pub is_error: bool,
    /// Whether it stays until replaced (the edited flow's errors) rather than going at
    /// the next key.
    pub lasting: bool,
}

impl Status {
    pub(crate) fn info(line: String) -> Status {
        Status {
            lines: vec![line],
            ..Status::default()
        }
    }
}
