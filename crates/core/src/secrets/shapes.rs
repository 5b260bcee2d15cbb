//! The shapes of words: what looks random, and what is an identifier support needs.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};

pub(super) fn looks_random(word: &str) -> bool {
    if word.chars().count() < 12
        || word.contains('@')
        || word.contains("://")
        || word.to_lowercase().starts_with("www.")
        || is_identifier(word)
        || is_reference(word)
        || is_trace_parent(word)
        || is_guid(word)
        || is_bare_guid(word)
        || is_domain(word)
        || is_date_or_time(word)
        || is_version(word)
    {
        return false;
    }
    let class = |c: char| {
        if c.is_alphabetic() {
            0
        } else if c.is_ascii_digit() {
            1
        } else {
            2
        }
    };
    let classes: Vec<u8> = word.chars().map(class).collect();
    let switches = classes.windows(2).filter(|w| w[0] != w[1]).count();
    let has = |k| classes.contains(&k);
    let base64 = word.len() >= 20
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+/=_-".contains(c))
        && word.chars().any(|c| c.is_ascii_uppercase())
        && word.chars().any(|c| c.is_ascii_lowercase())
        && (has(1) || word.contains(['+', '/', '=']));
    (has(0) && (has(1) || has(2)) && switches >= 3) || base64
}

/// Capitals then digits (`AADSTS50076`, `INC-12345`, `SSPR_0009`), a hex error code
/// (`0x80070005`), or a ticket or case id: two or more capitals, then groups of digits
/// or of capitals joined by dashes (`SR-2611-0042`, `REQ-2026-000123-NL`). No group mixes
/// letters and digits, so a product key (`VK7JG-NPHTM-C97JM`) is not an identifier.
pub(super) fn is_identifier(word: &str) -> bool {
    if let Some(hex) = word.strip_prefix("0x") {
        return !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    if is_sign_in_code(word) {
        return true;
    }
    let letters = word.chars().take_while(char::is_ascii_uppercase).count();
    let rest = word[letters..].trim_start_matches(['-', '_']);
    letters >= 2
        && !rest.is_empty()
        && (rest.chars().all(|c| c.is_ascii_digit()) || is_ticket_id(word))
}

/// A sign-in error code in any case (`aadsts50053`, `AADSTS7000215`), as people paste it.
fn is_sign_in_code(word: &str) -> bool {
    word.get(..6)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("aadsts"))
        && (11..=13).contains(&word.len())
        && word[6..].chars().all(|c| c.is_ascii_digit())
}

/// `SR-2611-0042`: capitals, a dash, then groups each of only digits or only capitals,
/// at least one of them digits.
fn is_ticket_id(word: &str) -> bool {
    let mut groups = word.split('-');
    let first = groups.next().unwrap_or_default();
    let all = |group: &str, f: fn(&char) -> bool| !group.is_empty() && group.chars().all(|c| f(&c));
    let mut digits = false;
    let rest_ok = groups.all(|group| {
        digits |= all(group, char::is_ascii_digit);
        all(group, char::is_ascii_digit) || all(group, char::is_ascii_uppercase)
    });
    first.len() >= 2 && all(first, char::is_ascii_uppercase) && rest_ok && digits
}

/// A reference written as a name, `#` and a number (`TrackingID#2503140040001234`,
/// `case#4242`), as Microsoft support writes its case numbers. The name must name a
/// reference: `Summer#2024` is a password.
pub(super) fn is_reference(word: &str) -> bool {
    word.split_once('#').is_some_and(|(name, number)| {
        super::cards::REFERENCES.contains(&name.to_lowercase().as_str())
            && !number.is_empty()
            && number.chars().all(|c| c.is_ascii_digit())
    })
}

/// A W3C trace id as a request header carries it (`00-<32 hex>-<16 hex>-01`).
fn is_trace_parent(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    parts.iter().map(|p| p.len()).eq([2, 32, 16, 2])
        && parts
            .iter()
            .all(|p| p.chars().all(|c| c.is_ascii_hexdigit()))
}

/// A JSON web token, however short: parts of base64url joined by dots, the first two of
/// them JSON (`eyJ…`), the signature perhaps empty (`eyJhbGciOi….eyJzdWIiOi….abc`). Its
/// last part may look like a domain, so it is told apart first.
pub(super) fn is_jwt(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    parts.len() >= 2
        && parts[..2].iter().all(|p| p.starts_with("eyJ"))
        && parts.iter().all(|p| {
            p.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

pub(super) fn is_guid(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
        && parts
            .iter()
            .all(|p| p.chars().all(|c| c.is_ascii_hexdigit()))
}

/// A version number: digits and dots, perhaps after a `v` (`v120.0.6099.71`).
fn is_version(word: &str) -> bool {
    let digits = word.strip_prefix(['v', 'V']).unwrap_or(word);
    digits.contains('.')
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// A GUID written without dashes (32 hex digits), as some portals show correlation IDs.
fn is_bare_guid(word: &str) -> bool {
    word.len() == 32 && word.chars().all(|c| c.is_ascii_hexdigit())
}

fn is_domain(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    let tld = parts.last().copied().unwrap_or_default();
    parts.len() >= 2
        && (2..=24).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
}

fn is_date_or_time(word: &str) -> bool {
    word.parse::<Timestamp>().is_ok()
        || word.parse::<DateTime>().is_ok()
        || word.parse::<Date>().is_ok()
}

/// A cloud access key id: `AKIA` or `ASIA` and 16 capitals or digits.
pub(super) fn is_access_key(word: &str) -> bool {
    word.len() == 20
        && (word.starts_with("AKIA") || word.starts_with("ASIA"))
        && word[4..]
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// A password-like word: 8 or more characters mixing lower-case letters, digits and a
/// symbol (`P@ssw0rd`, `s3cret#pw`). The joiners of identifiers, versions, paths and
/// times (`-`, `.`, `_`, `/`, `:`, `'`) do not count as symbols, and e-mail and web
/// addresses are left alone.
pub(super) fn looks_like_password(word: &str) -> bool {
    const JOINERS: &str = "-._/:'’";
    if word.chars().count() < 8 || word.contains("://") || is_email(word) || is_reference(word) {
        return false;
    }
    let lower = word.chars().any(|c| c.is_lowercase());
    let digit = word.chars().any(|c| c.is_ascii_digit());
    let symbol = word
        .chars()
        .any(|c| !c.is_alphanumeric() && !JOINERS.contains(c));
    lower && digit && symbol
}

fn is_email(word: &str) -> bool {
    word.split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && is_domain(host))
}
