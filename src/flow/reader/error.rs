//! What went wrong while reading: a YAML syntax error, a value of the wrong type, or a
//! limit (nesting, aliases, control characters), with where it is.

use std::fmt;

/// Why a flow file could not be read into its types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    message: String,
    /// Line and column, both from 1, the column in characters.
    location: Option<(usize, usize)>,
    /// The path of the value being read (`nodes.first.steps`), for type errors.
    path: Option<String>,
    /// Whether the YAML parser found it (rather than a type or a limit).
    syntax: bool,
}

impl ReadError {
    /// An error at a known place (line from 1, column from 0 as the YAML parser counts).
    pub(crate) fn at(message: impl Into<String>, line: usize, col: usize) -> ReadError {
        ReadError {
            message: message.into(),
            location: Some((line, col + 1)),
            path: None,
            syntax: false,
        }
    }

    /// A YAML syntax error the parser found at `line` (from 1) and `col` (from 0).
    pub(crate) fn syntax(message: impl Into<String>, line: usize, col: usize) -> ReadError {
        ReadError {
            syntax: true,
            ..ReadError::at(message, line, col)
        }
    }

    /// Whether the YAML parser found it (rather than a type or a limit).
    pub fn is_syntax(&self) -> bool {
        self.syntax
    }

    /// An error with no place (yet).
    pub(crate) fn new(message: impl Into<String>) -> ReadError {
        ReadError {
            message: message.into(),
            location: None,
            path: None,
            syntax: false,
        }
    }

    /// Gives an error without a place the place and path of the value being read, as the
    /// innermost value that saw the error is the one to point at.
    pub(crate) fn placed(mut self, line: usize, col: usize, path: impl FnOnce() -> String) -> Self {
        if self.location.is_none() {
            self.location = Some((line, col + 1));
            self.path = Some(path());
        }
        self
    }

    /// The error with its place moved back to `end` (line and column from 1) when it lies
    /// past it: the parser places some errors at the end of input one line too far.
    pub(crate) fn not_past(mut self, end: (usize, usize)) -> Self {
        if let Some(location) = self.location.as_mut() {
            *location = (*location).min(end);
        }
        self
    }

    /// Line and column, both from 1.
    pub fn location(&self) -> Option<(usize, usize)> {
        self.location
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path.as_deref() {
            Some(path) if path != "." => write!(f, "{path}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ReadError {}

impl serde::de::Error for ReadError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        ReadError::new(message.to_string())
    }
}
