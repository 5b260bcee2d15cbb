//! The regular expressions of input nodes: compiled once, case-insensitively, with limits
//! so that a hostile flow file cannot make the program use much memory or time.

use std::fmt;

use regex::{Regex, RegexBuilder};

/// Patterns longer than this (in characters) are refused: a real one names an error code
/// or a phrase, a few dozen characters.
pub const MAX_PATTERN_CHARS: usize = 500;

/// The most memory one compiled pattern may take (and the most its matching cache may
/// grow to), in bytes. An error code or a phrase takes a few KiB (`\b(AADSTS)?50053\b`
/// about 2, `account.*locked` about 4); each Unicode `\w` about 50, so `\w{4}` fits and
/// `\w{20}` (about 1 MiB) is refused rather than let a flow make the program huge.
pub const MAX_PATTERN_BYTES: usize = 256 * 1024;

/// At most this many patterns in one flow, which with [`MAX_PATTERN_BYTES`] bounds the
/// memory all of them can take together (250 MiB at the very worst; a real flow's
/// patterns take well under 1 MiB).
pub const MAX_PATTERNS: usize = 1_000;

/// A checked regular expression of an input node.
#[derive(Clone)]
pub struct Pattern {
    source: String,
    regex: Regex,
}

/// Why a pattern was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternError {
    /// Longer than [`MAX_PATTERN_CHARS`].
    TooLong(usize),
    /// Not valid `regex` syntax; the parser's explanation.
    Syntax(String),
    /// Compiles to more than [`MAX_PATTERN_BYTES`].
    TooBig,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PatternError::TooLong(chars) => write!(
                f,
                "the pattern is {chars} characters long; at most {MAX_PATTERN_CHARS} are allowed"
            ),
            PatternError::Syntax(why) => write!(f, "it is not a valid regular expression: {why}"),
            PatternError::TooBig => write!(
                f,
                "the pattern compiles to more than {} KiB",
                MAX_PATTERN_BYTES / 1024
            ),
        }
    }
}

impl Pattern {
    /// Compiles `source` case-insensitively within the limits above.
    pub fn compile(source: &str) -> Result<Pattern, PatternError> {
        let chars = source.chars().count();
        if chars > MAX_PATTERN_CHARS {
            return Err(PatternError::TooLong(chars));
        }
        let regex = RegexBuilder::new(source)
            .case_insensitive(true)
            .size_limit(MAX_PATTERN_BYTES)
            .dfa_size_limit(MAX_PATTERN_BYTES)
            .build()
            .map_err(|error| match error {
                regex::Error::CompiledTooBig(_) => PatternError::TooBig,
                other => PatternError::Syntax(syntax_reason(&other.to_string())),
            })?;
        Ok(Pattern {
            source: source.to_owned(),
            regex,
        })
    }

    /// The pattern as written in the flow file.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.regex.is_match(text)
    }
}

/// The parser's one-line reason (its last line, e.g. "unclosed group") out of the
/// several-line message with a caret diagram that the `regex` crate gives.
fn syntax_reason(message: &str) -> String {
    let last = message.lines().rev().find(|line| !line.trim().is_empty());
    last.unwrap_or(message)
        .trim()
        .trim_start_matches("error: ")
        .to_owned()
}

/// Two patterns are the same when they are written the same.
impl PartialEq for Pattern {
    fn eq(&self, other: &Pattern) -> bool {
        self.source == other.source
    }
}

impl Eq for Pattern {}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pattern({:?})", self.source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_case_insensitively_anywhere() {
        let pattern = Pattern::compile(r"\baadsts50053\b").unwrap();
        assert!(pattern.is_match("Error AADSTS50053: Your account is locked"));
        assert!(!pattern.is_match("AADSTS500530"));
        assert_eq!(pattern.as_str(), r"\baadsts50053\b");
    }

    #[test]
    fn bad_and_oversized_patterns_are_refused_with_a_reason() {
        assert_eq!(
            Pattern::compile("(50053").unwrap_err(),
            PatternError::Syntax("unclosed group".to_owned())
        );
        assert_eq!(
            Pattern::compile(r"\w{1000}").unwrap_err(),
            PatternError::TooBig
        );
        assert_eq!(
            Pattern::compile(&"a".repeat(501)).unwrap_err(),
            PatternError::TooLong(501)
        );
        assert!(Pattern::compile(r"\b(AADSTS)?\s*5005[0-9]\b|locked|\w{3}").is_ok());
    }
}
