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
//! 3. **Known shapes** anywhere: card numbers (13 to 19 digits, grouped by spaces or
//!    dashes or not, that pass the Luhn check), cloud access key ids (`AKIA…`, `ASIA…`),
//!    password-like words of 8 or more characters that mix lower-case letters, digits
//!    and symbols (`P@ssw0rd!`), and web tokens (`eyJ….eyJ….sig`), however short.
//! 4. **Spaced codes**: after a masked number, the digit groups that follow are masked
//!    with it (`the code is 483 920`). `pass` and `pw` are keywords only with an explicit
//!    separator (`my pass is Winter2025`, `pw: x`), because `pass` is an ordinary word;
//!    `cvv`/`cvc` are keywords. `code` after `error`, `status`, `http` or `exit` is an
//!    error code, not a secret.
//!
//! Notes are masked as they are written (by the session, when a note is added), so the
//! screen, the save file and every record show the same masked text. `MARKER` is the
//! stored form; [`shown`] puts it in the reader's language (`[gemaskeerd]` in Dutch).
//!
//! Never masked by rules 2 and 3, because support needs them: e-mail addresses, web
//! addresses, domain names (`contoso.onmicrosoft.com`), GUIDs (tenant, correlation and
//! trace IDs, with or without dashes), W3C trace ids, dates and times, identifiers made
//! of capitals and digits (`AADSTS50076`, `aadsts50076`, `INC-12345`, `0x80070005`),
//! ticket and case ids of capitals, digits and dashes (`SR-2611-0042`; a group that mixes
//! letters and digits, as in a product key, is not one), and case numbers after a word
//! that names a reference (`case 2503140040001234`, `case number …`,
//! `TrackingID#2503140040001234`), even where they pass the Luhn check. Right after a
//! keyword (rule 1) identifiers, case ids and GUIDs stay too (`code SR-2611-0042`), and
//! after `code:` as well (`code: AADSTS50053`); any other explicit separator masks
//! whatever follows, so `password: john@contoso.com` and `password: SUMMER-2024` are
//! masked.

pub mod cards;
mod shapes;

use std::borrow::Cow;

use cards::mask_cards;
use shapes::{
    is_access_key, is_guid, is_identifier, is_jwt, is_reference, looks_like_password, looks_random,
};

use crate::lang::Lang;

/// What replaces a masked secret; visible, so a reader knows something was there.
pub(crate) const MARKER: &str = "[masked]";

/// The marker as a reader of `lang` sees it.
pub fn marker(lang: Lang) -> &'static str {
    match lang {
        Lang::En => MARKER,
        Lang::Nl => "[gemaskeerd]",
    }
}

/// Masked text as shown to a reader of `lang`: the marker in their language.
pub fn shown(text: &str, lang: Lang) -> Cow<'_, str> {
    if lang == Lang::En || !text.contains(MARKER) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.replace(MARKER, marker(lang)))
    }
}

/// Keywords that count only with an explicit separator (`pass: x`, `pw is x`).
const WEAK_KEYWORDS: [&str; 3] = ["pass", "pw", "ww"];
/// Words before `code` that make it an error code.
const CODE_KINDS: [&str; 8] = [
    "error", "fout", "status", "http", "exit", "response", "reason", "area",
];

const KEYWORDS: [&str; 14] = [
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
    "cvv",
    "cvc",
    "cvv2",
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
const ORDINARY: [&str; 37] = [
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
    "sent",
    "gestuurd",
    "verstuurd",
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
    /// After a weak keyword (`pass`, `pw`): only a separator makes it count.
    Weak,
    /// A few words after a keyword (`the code from the SMS was 123456`): a separator
    /// then a value-like word is masked. Counts down the words left.
    Pending(u8),
}

/// Masks what looks like a secret in `text`; returns the masked text and whether anything
/// was masked. Whitespace between words is kept as it was.
pub fn mask(text: &str) -> (String, bool) {
    let (text, cards) = mask_cards(text);
    let (words_masked, masked) = mask_words(&text);
    (words_masked, masked || cards)
}

fn mask_words(text: &str) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut masked = false;
    let mut expect = Expect::Nothing;
    let mut in_quote: Option<char> = None;
    // After a masked number: the digit groups that follow belong to it.
    let mut digit_groups = false;
    let mut previous = String::new();
    // The last keyword was `code`: after `code:` an id (`AADSTS50053`, `SR-2611-0042`) is
    // the code meant, not a secret.
    let mut after_code = false;
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
        if digit_groups && is_digit_group(word) {
            continue;
        }
        digit_groups = false;
        out.push_str(space);
        let lower = word.to_lowercase();
        let hide = match expect {
            Expect::Pending(_) if SEPARATORS.contains(&lower.as_str()) => {
                // Further from the keyword: only a value-like word is taken for a secret.
                expect = Expect::Value;
                out.push_str(word);
                continue;
            }
            Expect::Secret { .. } | Expect::Value | Expect::Weak
                if SEPARATORS.contains(&lower.as_str()) =>
            {
                let ordinary = lower == "is" || lower == "was";
                expect = Expect::Secret { ordinary };
                out.push_str(word);
                continue;
            }
            Expect::Secret { ordinary } => {
                let described = ordinary && ORDINARY.contains(&lower.as_str());
                let named = after_code && is_named_id(core(word));
                !(described || named)
            }
            Expect::Value => is_value(word),
            Expect::Weak | Expect::Pending(_) | Expect::Nothing => false,
        };
        let after_keyword = matches!(expect, Expect::Value | Expect::Secret { .. });
        let words_left = match expect {
            Expect::Value if !hide => 3,
            Expect::Pending(n) => n - 1,
            _ => 0,
        };
        expect = if words_left > 0 && !word.ends_with(['.', ';', '!', '?']) {
            Expect::Pending(words_left)
        } else {
            Expect::Nothing
        };
        let error_code = CODE_KINDS.contains(&previous.as_str());
        previous = lower.trim_end_matches([':', '=']).to_owned();
        if hide {
            masked = true;
            out.push_str(MARKER);
            in_quote = open_quote(word);
            if in_quote.is_none() {
                out.push_str(sentence_end(word));
            }
            digit_groups = is_digit_group(core(word));
            continue;
        }
        if let Some((key, sep)) = glued(word) {
            // `pwd=hunter2`, `password:hunter2`
            out.push_str(key);
            out.push(sep);
            out.push_str(MARKER);
            masked = true;
            in_quote = open_quote(&word[key.len() + 1..]);
            if in_quote.is_none() {
                out.push_str(sentence_end(word));
            }
            continue;
        }
        let bare = lower.trim_end_matches([':', '=']);
        let separated = bare.len() < lower.len();
        if is_keyword(bare) && !(error_code && bare == "code") {
            after_code = bare == "code";
            expect = if separated {
                Expect::Secret { ordinary: false }
            } else {
                Expect::Value
            };
            out.push_str(word);
        } else if WEAK_KEYWORDS.contains(&bare) {
            // `pass is x`, `pw: x`; a bare `pass` is an ordinary word.
            after_code = false;
            expect = if separated {
                Expect::Secret { ordinary: false }
            } else {
                Expect::Weak
            };
            out.push_str(word);
        } else if !after_keyword && is_secret_shaped(core(word)) {
            masked = true;
            out.push_str(MARKER);
            out.push_str(sentence_end(word));
        } else {
            out.push_str(word);
        }
    }
    (out, masked)
}

/// Rules 2 and 3 for one word.
fn is_secret_shaped(word: &str) -> bool {
    looks_random(word) || is_access_key(word) || looks_like_password(word) || is_jwt(word)
}

/// The comma that ends `word` (`abc123,`), kept after the marker. Other punctuation may
/// be part of the secret (`Hunter2!`), so it goes with it.
fn sentence_end(word: &str) -> &str {
    let kept = word.trim_end_matches(',');
    &word[kept.len()..]
}

/// A group of a spaced number: 1 to 4 digits.
fn is_digit_group(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',', ';', '!', '?']);
    (1..=4).contains(&word.len()) && word.chars().all(|c| c.is_ascii_digit())
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
    let key_lower = key.to_lowercase();
    (rest.len() > 1 && (is_keyword(&key_lower) || WEAK_KEYWORDS.contains(&key_lower.as_str())))
        .then_some((key, sep))
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

/// Right after a keyword: a word with a digit or a symbol that is not an id.
fn is_value(word: &str) -> bool {
    let word = core(word);
    !word.is_empty() && word.chars().any(|c| !c.is_alphabetic()) && !is_named_id(word)
}

/// An id support needs, never a secret: an error code or ticket id (`AADSTS50053`,
/// `SR-2611-0042`), a case reference (`TrackingID#2503140040001234`) or a GUID.
fn is_named_id(word: &str) -> bool {
    is_identifier(word) || is_reference(word) || is_guid(word)
}

#[cfg(test)]
mod tests;
