//! The regular expressions of input questions: checked when the flow loads, within limits
//! so that a hostile flow file cannot make the program use much memory or time, and
//! compiled into one case-insensitive matcher per question when it is first used.
//!
//! Checking parses each pattern and builds its automaton (a Thompson NFA) under the size
//! limit, which costs a fraction of compiling a full regex; the full matcher is built the
//! first time the question is answered, so a flow with dozens of patterns starts as fast as
//! one without.

use std::fmt;
use std::sync::OnceLock;

use regex::{RegexSet, RegexSetBuilder};
use regex_automata::nfa::thompson;
use regex_automata::util::syntax;

/// Patterns longer than this (in characters) are refused: a real one names an error code
/// or a phrase, a few dozen characters.
pub const MAX_PATTERN_CHARS: usize = 500;

/// The most memory one pattern's automaton may take, in bytes. An error code or a phrase
/// takes a few KiB; each Unicode `\w` about 20, so `\w{10}` fits and `\w{20}` is refused
/// (write `[a-z0-9]{20}`) rather than let a flow make the program huge.
pub const MAX_PATTERN_BYTES: usize = 256 * 1024;

/// At most this many patterns in one flow. With [`MAX_PATTERN_BYTES`] this bounds the time
/// checking them takes and the memory a question's matcher can take, even in a hostile
/// flow (its automata are at most 1,000 × 256 KiB, forward and reverse); real patterns
/// take a few KiB each.
pub const MAX_PATTERNS: usize = 1_000;

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

/// Checks that `source` is a pattern the matcher can use: not too long, valid `regex`
/// syntax, and within [`MAX_PATTERN_BYTES`] once compiled case-insensitively.
pub fn check_pattern(source: &str) -> Result<(), PatternError> {
    let chars = source.chars().count();
    if chars > MAX_PATTERN_CHARS {
        return Err(PatternError::TooLong(chars));
    }
    let hir = syntax::parse_with(source, &syntax::Config::new().case_insensitive(true))
        .map_err(|error| PatternError::Syntax(syntax_reason(&error.to_string())))?;
    thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .nfa_size_limit(Some(MAX_PATTERN_BYTES))
                .shrink(false),
        )
        .build_from_hir(&hir)
        .map(|_| ())
        .map_err(|_| PatternError::TooBig)
}

/// The parser's one-line reason (its last line, e.g. "unclosed group") out of the
/// several-line message with a caret diagram that the parser gives.
fn syntax_reason(message: &str) -> String {
    let last = message.lines().rev().find(|line| !line.trim().is_empty());
    last.unwrap_or(message)
        .trim()
        .trim_start_matches("error: ")
        .to_owned()
}

/// The patterns of one input question, in order, matched case-insensitively anywhere in
/// the text. Only made from patterns that passed [`check_pattern`].
#[derive(Clone, Default)]
pub struct Matcher {
    sources: Vec<String>,
    /// Built on first use; `None` if building failed, which checked patterns never do.
    set: OnceLock<Option<RegexSet>>,
    /// The codes the patterns know, each with its pattern's index; read on first use.
    codes: OnceLock<Vec<(String, usize)>>,
}

impl Matcher {
    /// A matcher for `sources`, each of which passed [`check_pattern`].
    pub(crate) fn new(sources: Vec<String>) -> Matcher {
        Matcher {
            sources,
            set: OnceLock::new(),
            codes: OnceLock::new(),
        }
    }

    /// The codes the patterns match literally (see [`super::codes::literal_codes`]), each
    /// with the index of its pattern, for "did you mean".
    pub fn codes(&self) -> &[(String, usize)] {
        self.codes.get_or_init(|| {
            self.sources
                .iter()
                .enumerate()
                .flat_map(|(index, source)| {
                    super::codes::literal_codes(source)
                        .into_iter()
                        .map(move |code| (code, index))
                })
                .collect()
        })
    }

    /// The index of the first pattern that matches somewhere in `text`, if any.
    pub fn first_match(&self, text: &str) -> Option<usize> {
        let set = self.set.get_or_init(|| {
            // Each pattern's automaton was checked against the limit; the matcher builds
            // a forward and a reverse one for all of them together.
            let limit = MAX_PATTERN_BYTES.saturating_mul(2 * self.sources.len().max(1));
            RegexSetBuilder::new(&self.sources)
                .case_insensitive(true)
                .size_limit(limit)
                .build()
                .ok()
        });
        set.as_ref()?.matches(text).iter().next()
    }
}

/// Two matchers are the same when their patterns are written the same.
impl PartialEq for Matcher {
    fn eq(&self, other: &Matcher) -> bool {
        self.sources == other.sources
    }
}

impl Eq for Matcher {}

impl fmt::Debug for Matcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Matcher").field(&self.sources).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(sources: &[&str]) -> Matcher {
        for source in sources {
            check_pattern(source).unwrap();
        }
        Matcher::new(sources.iter().map(|s| (*s).to_owned()).collect())
    }

    #[test]
    fn the_first_pattern_that_matches_anywhere_wins_whatever_the_case() {
        let m = matcher(&[r"\baadsts50053\b", r"locked", r"50053"]);
        assert_eq!(
            m.first_match("Error AADSTS50053: Your account is LOCKED"),
            Some(0)
        );
        assert_eq!(m.first_match("AADSTS500530 locked"), Some(1));
        assert_eq!(m.first_match("code 500530"), Some(2));
        assert_eq!(m.first_match("nothing"), None);
        assert_eq!(Matcher::default().first_match("x"), None);
        // The largest checked pattern still builds into a working matcher.
        let largest = (1..40)
            .map(|n| format!(r"\w{{{n}}}"))
            .take_while(|p| check_pattern(p).is_ok())
            .last()
            .unwrap();
        assert_eq!(
            matcher(&["x", &largest]).first_match(&"é".repeat(40)),
            Some(1)
        );
        assert_eq!(m.clone(), m, "a clone is the same matcher");
    }

    #[test]
    fn bad_and_oversized_patterns_are_refused_with_a_reason() {
        assert_eq!(
            check_pattern("(50053"),
            Err(PatternError::Syntax("unclosed group".to_owned()))
        );
        assert_eq!(check_pattern(r"\w{1000}"), Err(PatternError::TooBig));
        assert_eq!(
            check_pattern(&"a".repeat(501)),
            Err(PatternError::TooLong(501))
        );
        assert_eq!(
            check_pattern(r"\b(AADSTS)?\s*5005[0-9]\b|locked|\w{3}|é"),
            Ok(())
        );
    }
}
