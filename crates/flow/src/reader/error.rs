//! What went wrong while reading: a YAML syntax error, a value of the wrong type, or a
//! limit (nesting, aliases, control characters), with where it is.

use std::fmt;

use serde::de::{Expected, Unexpected};

use crate::text::{PER_LANGUAGE, REPEATED_LANGUAGE};

/// Why a flow file could not be read into its types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// What happened, for those who place and explain the error.
    kind: ReadErrorKind,
    message: String,
    /// Line and column, both from 1, the column in characters.
    location: Option<(usize, usize)>,
    /// The path of the value being read (`nodes.first.steps`), for type errors.
    path: Option<String>,
}

/// What went wrong while reading, as far as placing the error and advising the author
/// depend on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadErrorKind {
    /// A character YAML does not allow, at this byte offset of the file.
    ControlCharacter {
        /// Where it is, in bytes from the start of the file.
        offset: usize,
    },
    /// A key given twice in one mapping: a field, or a language of a text.
    RepeatedKey(String),
    /// A second YAML document after the first.
    SecondDocument,
    /// Brackets nested deeper than [`super::MAX_FLOW_NESTING`].
    BracketsTooDeep,
    /// A plain string where a text per language (`{ en: …, nl: … }`) is wanted.
    NotPerLanguage,
    /// The YAML parser found the text malformed.
    Syntax(SyntaxKind),
    /// Anything else: another value of the wrong type, another limit.
    Other,
}

/// Which syntax error the YAML parser found, where placing it needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxKind {
    /// The file ends inside a quoted text.
    UnclosedQuote,
    /// A quoted text goes on over the next lines at the wrong indentation.
    QuoteRunsOn,
    /// Any other.
    Other,
}

impl SyntaxKind {
    /// Sorts a message of the YAML parser (saphyr), which reports its errors as text.
    fn of(message: &str) -> SyntaxKind {
        if message.contains("while scanning a quoted scalar") && message.contains("end of stream") {
            SyntaxKind::UnclosedQuote
        } else if message.contains("invalid indentation in quoted scalar") {
            SyntaxKind::QuoteRunsOn
        } else {
            SyntaxKind::Other
        }
    }
}

impl ReadError {
    /// An error at a known place (line from 1, column from 0 as the YAML parser counts).
    pub(crate) fn at(message: impl Into<String>, line: usize, col: usize) -> ReadError {
        ReadError {
            location: Some((line, col + 1)),
            ..ReadError::new(message)
        }
    }

    /// A YAML syntax error the parser found at `line` (from 1) and `col` (from 0), with the
    /// parser's message.
    pub(crate) fn syntax(message: impl Into<String>, line: usize, col: usize) -> ReadError {
        let message = message.into();
        let kind = ReadErrorKind::Syntax(SyntaxKind::of(&message));
        ReadError::at(message, line, col).because(kind)
    }

    /// Whether the YAML parser found it (rather than a type or a limit).
    pub fn is_syntax(&self) -> bool {
        matches!(self.kind, ReadErrorKind::Syntax(_))
    }

    /// What happened.
    pub fn kind(&self) -> &ReadErrorKind {
        &self.kind
    }

    /// An error with no place (yet).
    pub(crate) fn new(message: impl Into<String>) -> ReadError {
        ReadError {
            kind: ReadErrorKind::Other,
            message: message.into(),
            location: None,
            path: None,
        }
    }

    /// The error, saying that `kind` is what happened.
    pub(crate) fn because(self, kind: ReadErrorKind) -> ReadError {
        ReadError { kind, ..self }
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
        let message = message.to_string();
        // A text's repeated language comes through serde's one untyped channel; its
        // message is made from the same words.
        let kind = match message.strip_prefix(REPEATED_LANGUAGE) {
            Some(rest) => ReadErrorKind::RepeatedKey(rest.trim_matches([' ', '`']).to_owned()),
            None => ReadErrorKind::Other,
        };
        ReadError::new(message).because(kind)
    }

    fn invalid_type(unexpected: Unexpected, expected: &dyn Expected) -> Self {
        let message = format!("invalid type: {unexpected}, expected {expected}");
        let kind = match unexpected {
            Unexpected::Str(_) if expected.to_string() == PER_LANGUAGE => {
                ReadErrorKind::NotPerLanguage
            }
            _ => ReadErrorKind::Other,
        };
        ReadError::new(message).because(kind)
    }

    fn duplicate_field(field: &'static str) -> Self {
        ReadError::new(format!("duplicate field `{field}`"))
            .because(ReadErrorKind::RepeatedKey(field.to_owned()))
    }
}
