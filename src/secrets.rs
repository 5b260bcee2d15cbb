//! Masks text that looks like a secret a caller read out, before it goes into a
//! transcript or a log.
//!
//! Two rules, applied to whitespace-separated words:
//!
//! 1. **After a keyword** — `password`, `passwd`, `pwd`, `passcode`, `passphrase`, `code`,
//!    `pin`, `otp`, `secret`, `wachtwoord`, and words ending in `password`, `wachtwoord` or
//!    `code` (`verificatiecode`, `app-password`), but not `postcode`, `zipcode`, `barcode`,
//!    `foutcode`, `errorcode`, `statuscode`:
//!    - with an explicit separator (`password: x`, `pwd=x`, `code = x`, `password is x`),
//!      the next word is masked, or the whole quoted phrase if it starts with a quote;
//!      after `is`/`was` a few ordinary words are left alone (`the password is wrong`);
//!    - right after the keyword (`code 123456`, `pin 4321`), the next word is masked only if
//!      it has a digit or a symbol (so `password reset` stays readable) and is not an
//!      identifier.
//! 2. **Random-looking words** of 12 or more characters: letters and digits (or symbols)
//!    that switch class at least three times (`a8f3k2l9d0x1`, `Hunter2Summer!`), or a long
//!    base64 blob.
//!
//! Never masked by rule 2, because support needs them: e-mail addresses, web addresses,
//! domain names, GUIDs (tenant and correlation IDs), dates and times, and identifiers
//! made of capitals and digits (`AADSTS50076`, `INC-12345`, `0x80070005`). Rule 1 masks
//! whatever follows an explicit separator, so `password: john@contoso.com` is masked.

mod shapes;

use shapes::{is_guid, is_identifier, looks_random};

/// What replaces a masked secret; visible, so a reader knows something was there.
pub const MARKER: &str = "[masked]";

const KEYWORDS: [&str; 11] = [
    "password",
    "passwords",
    "passwd",
    "pwd",
    "passcode",
    "passphrase",
    "code",
    "pin",
    "otp",
    "secret",
    "wachtwoord",
];
const NOT_KEYWORDS: [&str; 7] = [
    "postcode",
    "zipcode",
    "barcode",
    "qrcode",
    "foutcode",
    "errorcode",
    "statuscode",
];
const SEPARATORS: [&str; 4] = [":", "=", "is", "was"];
/// Words after `is`/`was` that describe a secret rather than being one.
const ORDINARY: [&str; 34] = [
    "not",
    "wrong",
    "correct",
    "incorrect",
    "invalid",
    "expired",
    "right",
    "ok",
    "fine",
    "the",
    "a",
    "an",
    "still",
    "also",
    "being",
    "been",
    "now",
    "reset",
    "changed",
    "blocked",
    "locked",
    "unknown",
    "niet",
    "fout",
    "verkeerd",
    "juist",
    "goed",
    "verlopen",
    "ongeldig",
    "onjuist",
    "geblokkeerd",
    "gewijzigd",
    "nog",
    "al",
];
const OPEN_QUOTES: [char; 5] = ['"', '\'', '“', '‘', '«'];
const CLOSE_QUOTES: [char; 5] = ['"', '\'', '”', '’', '»'];

/// What the last words ask of the next one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    Nothing,
    /// Right after a keyword: mask a value-like word.
    Value,
    /// After an explicit separator: mask the next word (`ordinary`: unless it is one of
    /// [`ORDINARY`], after `is`/`was`).
    Secret {
        ordinary: bool,
    },
}

/// Masks what looks like a secret in `text`; returns the masked text and whether anything
/// was masked. Whitespace between words is kept as it was.
pub fn mask(text: &str) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut masked = false;
    let mut expect = Expect::Nothing;
    let mut in_quote: Option<char> = None;
    for (space, word) in words(text) {
        if let Some(close) = in_quote {
            if word
                .trim_end_matches(['.', ',', ';', '!', '?'])
                .ends_with(close)
            {
                in_quote = None;
            }
            continue;
        }
        out.push_str(space);
        let lower = word.to_lowercase();
        let hide = match expect {
            Expect::Secret { .. } | Expect::Value if SEPARATORS.contains(&lower.as_str()) => {
                let ordinary = lower == "is" || lower == "was";
                expect = Expect::Secret { ordinary };
                out.push_str(word);
                continue;
            }
            Expect::Secret { ordinary } => !(ordinary && ORDINARY.contains(&lower.as_str())),
            Expect::Value => is_value(word),
            Expect::Nothing => false,
        };
        let after_keyword = expect != Expect::Nothing;
        expect = Expect::Nothing;
        if hide {
            masked = true;
            out.push_str(MARKER);
            in_quote = open_quote(word);
            continue;
        }
        if let Some((key, sep)) = glued(word) {
            // `pwd=hunter2`, `password:hunter2`
            out.push_str(key);
            out.push(sep);
            out.push_str(MARKER);
            masked = true;
            in_quote = open_quote(&word[key.len() + 1..]);
            continue;
        }
        let bare = lower.trim_end_matches([':', '=']);
        if is_keyword(bare) {
            expect = if bare.len() < lower.len() {
                Expect::Secret { ordinary: false }
            } else {
                Expect::Value
            };
            out.push_str(word);
        } else if !after_keyword && looks_random(core(word)) {
            masked = true;
            out.push_str(MARKER);
        } else {
            out.push_str(word);
        }
    }
    (out, masked)
}

/// Splits text into (whitespace before, word) pairs; trailing whitespace is dropped.
fn words(text: &str) -> Vec<(&str, &str)> {
    let mut pairs = Vec::new();
    let mut rest = text;
    loop {
        let start = rest.len() - rest.trim_start().len();
        let (space, tail) = rest.split_at(start);
        if tail.is_empty() {
            return pairs;
        }
        let end = tail.find(char::is_whitespace).unwrap_or(tail.len());
        pairs.push((space, &tail[..end]));
        rest = &tail[end..];
    }
}

fn is_keyword(word: &str) -> bool {
    // `forgot my password.` ends a sentence: what follows is not its value.
    if word.ends_with(['.', ',', ';']) {
        return false;
    }
    KEYWORDS.contains(&word)
        || (!NOT_KEYWORDS.contains(&word)
            && ["password", "wachtwoord", "code"]
                .iter()
                .any(|suffix| word.ends_with(suffix)))
}

/// `key=value` or `key:value` with a keyword before the separator.
fn glued(word: &str) -> Option<(&str, char)> {
    let at = word.find([':', '='])?;
    let (key, rest) = word.split_at(at);
    let sep = rest.chars().next()?;
    (rest.len() > 1 && is_keyword(&key.to_lowercase())).then_some((key, sep))
}

fn open_quote(word: &str) -> Option<char> {
    let first = word.chars().next()?;
    let index = OPEN_QUOTES.iter().position(|&q| q == first)?;
    let close = CLOSE_QUOTES[index];
    let body = &word[first.len_utf8()..];
    let trimmed = body.trim_end_matches(['.', ',', ';', '!', '?']);
    (!trimmed.ends_with(close)).then_some(close)
}

/// The word without surrounding quotes, brackets and sentence punctuation.
fn core(word: &str) -> &str {
    word.trim_matches(|c: char| "\"'“”‘’«»()[]{}<>,.;:!?".contains(c))
}

/// Right after a keyword: a word with a digit or a symbol that is not an identifier.
fn is_value(word: &str) -> bool {
    let word = core(word);
    !word.is_empty()
        && word.chars().any(|c| !c.is_alphabetic())
        && !is_identifier(word)
        && !is_guid(word)
}

#[cfg(test)]
mod tests;
