//! The codes an input question knows, read from its patterns, and "did you mean": a
//! typed code one character off a known one (a digit dropped, doubled, changed, or two
//! swapped, as when a code is typed by hand from a screenshot).
//!
//! The codes are the literal words each pattern matches (regex-syntax's literal
//! extraction), so a flow author writes patterns only: `(?:\b|AADSTS)50053\b` knows
//! `AADSTS50053` and `50053`. Only words with a digit count as codes (`SSPR_0009`,
//! `AADSTS50053`); phrases such as `account is locked` are not offered.

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind};

/// The fewest characters a code (and a typed word compared with one) has: shorter
/// words are too easily one character off each other.
const MIN_CODE_CHARS: usize = 4;

/// Sign-in error codes are written with this prefix or without it.
const PREFIX: &str = "AADSTS";

/// A known code close to what was typed, and what accepting it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The code as offered (`AADSTS50053`).
    pub code: String,
    /// What was typed with the code in place of the word it corrects.
    pub corrected: String,
    /// The answer the code gives (the index of its pattern).
    pub answer: usize,
}

/// The codes `source` matches literally, in capitals: every exact literal word with a
/// digit in it, taken from each branch of the pattern on its own (a branch that is not
/// literal, such as `\d+`, does not hide its neighbours). Empty for a pattern that does
/// not parse.
pub fn literal_codes(source: &str) -> Vec<String> {
    let Ok(hir) = regex_syntax::parse(source) else {
        return Vec::new();
    };
    let mut codes = Vec::new();
    collect(&hir, &mut codes);
    codes.sort();
    codes.dedup();
    codes
}

fn collect(hir: &Hir, codes: &mut Vec<String>) {
    match hir.kind() {
        HirKind::Alternation(branches) => branches.iter().for_each(|b| collect(b, codes)),
        HirKind::Capture(group) => collect(&group.sub, codes),
        _ => {
            let mut extractor = Extractor::new();
            extractor.kind(ExtractKind::Prefix);
            let seq = extractor.extract(hir);
            for literal in seq.literals().unwrap_or_default() {
                let Ok(word) = std::str::from_utf8(literal.as_bytes()) else {
                    continue;
                };
                if literal.is_exact() && is_code(word) {
                    codes.push(word.to_uppercase());
                }
            }
        }
    }
}

/// A word that can be a code: long enough, with a digit, made of letters, digits, `_`
/// and `-`.
fn is_code(word: &str) -> bool {
    word.chars().count() >= MIN_CODE_CHARS
        && word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// The one known code within one character of a word of `typed`, if there is exactly one
/// (`codes` are each code with its answer). A word that is a known code already, or
/// close to several, gets no suggestion. `AADSTS50053` and `50053` are one code, offered
/// with its prefix.
pub fn suggest(codes: &[(String, usize)], typed: &str) -> Option<Suggestion> {
    let known = |code: &str| codes.iter().any(|(known, _)| known == code);
    let shown = |code: &str| {
        let prefixed = format!("{PREFIX}{code}");
        if code.chars().all(|c| c.is_ascii_digit()) && known(&prefixed) {
            prefixed
        } else {
            code.to_owned()
        }
    };
    for word in words(typed) {
        let upper = word.to_uppercase();
        if known(&upper) {
            return None;
        }
        let mut close: Vec<(String, usize)> = codes
            .iter()
            .filter(|(code, _)| strsim::osa_distance(code, &upper) == 1)
            .map(|(code, answer)| (shown(code), *answer))
            .collect();
        close.sort();
        close.dedup_by(|a, b| a.0 == b.0);
        if let [(code, answer)] = close.as_slice() {
            return Some(Suggestion {
                corrected: typed.replacen(word, code, 1),
                code: code.clone(),
                answer: *answer,
            });
        }
    }
    None
}

/// The words of `typed` that could be codes: runs of letters, digits, `_` and `-` with a
/// digit, long enough.
fn words(typed: &str) -> impl Iterator<Item = &str> {
    typed
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .map(|word| word.trim_matches('-'))
        .filter(|word| is_code(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(patterns: &[&str]) -> Vec<(String, usize)> {
        patterns
            .iter()
            .enumerate()
            .flat_map(|(answer, p)| literal_codes(p).into_iter().map(move |c| (c, answer)))
            .collect()
    }

    #[test]
    fn the_codes_are_the_literal_words_with_a_digit_of_every_branch() {
        assert_eq!(
            literal_codes(r"(?:\b|AADSTS)50053\b|\baccount is locked\b"),
            ["50053", "AADSTS50053"]
        );
        assert_eq!(
            literal_codes(r"\b(?:AADSTS)?5007[69]\b"),
            ["50076", "50079", "AADSTS50076", "AADSTS50079"]
        );
        assert_eq!(literal_codes(r"\bsspr_0009\b"), ["SSPR_0009"]);
        // A branch that is not literal does not hide the others.
        assert_eq!(
            literal_codes(r"\d+ errors|(?:\b|AADSTS)90099\b|locked.*out"),
            ["90099", "AADSTS90099"]
        );
        assert!(literal_codes("ERR_TOO_MANY_REDIRECTS|too many redirects").is_empty());
        assert!(literal_codes("(unclosed").is_empty());
    }

    #[test]
    fn a_code_one_character_off_gets_the_one_close_code() {
        let codes = known(&[
            r"(?:\b|AADSTS)50053\b",
            r"(?:\b|AADSTS)(?:50076|50079)\b",
            r"\bSSPR_0009\b",
            r"(?:\b|AADSTS)500011\b",
        ]);
        let offered = |typed: &str| suggest(&codes, typed).map(|s| (s.code, s.answer, s.corrected));
        assert_eq!(
            offered("AADST50053"),
            Some(("AADSTS50053".into(), 0, "AADSTS50053".into()))
        );
        assert_eq!(
            offered("Error: aadsts50035: locked"),
            Some(("AADSTS50053".into(), 0, "Error: AADSTS50053: locked".into())),
            "two digits swapped"
        );
        assert_eq!(
            offered("5053"),
            Some(("AADSTS50053".into(), 0, "AADSTS50053".into()))
        );
        assert_eq!(
            offered("SSPR_009"),
            Some(("SSPR_0009".into(), 2, "SSPR_0009".into()))
        );
        // Close to two codes, or to none, or a known code: nothing to offer.
        assert_eq!(offered("AADSTS50077"), None);
        assert_eq!(offered("AADSTS70011"), None);
        assert_eq!(offered("AADSTS50053"), None);
        assert_eq!(offered(""), None);
        assert_eq!(offered("locked out"), None);
    }
}
