//! Card numbers: 13 to 19 digits, written together or in groups split by single spaces or
//! dashes, that pass the Luhn check. Found anywhere in a text, across words.

use super::MARKER;

const MIN_DIGITS: usize = 13;
const MAX_DIGITS: usize = 19;

/// Replaces every card number in `text` with the marker; says whether there was one.
pub(super) fn mask_cards(text: &str) -> (String, bool) {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut masked = false;
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let starts_number =
            bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
        if !starts_number {
            i += 1;
            continue;
        }
        let (end, digits) = number_at(bytes, i);
        let standalone = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if standalone
            && (MIN_DIGITS..=MAX_DIGITS).contains(&digits.len())
            && luhn(&digits)
            && !names_a_reference(&text[..i])
            && !in_ticket_id(text, i, end)
        {
            out.push_str(&text[copied..i]);
            out.push_str(MARKER);
            copied = end;
            masked = true;
        }
        i = end.max(i + 1);
    }
    out.push_str(&text[copied..]);
    (out, masked)
}

/// Words that name a support case, ticket or order: the long number after one is a
/// reference support needs (a Microsoft case number is 16 digits, and some pass the Luhn
/// check by chance), not a card.
pub(super) const REFERENCES: [&str; 16] = [
    "case",
    "ticket",
    "incident",
    "request",
    "sr",
    "order",
    "ref",
    "reference",
    "trackingid",
    "tracking",
    "zaak",
    "melding",
    "bestelling",
    "aanvraag",
    "referentie",
    "dossier",
];

/// Words that only say "number" (`case number 2503…`): the word before them decides.
const NUMBER_WORDS: [&str; 6] = ["number", "no", "nr", "nummer", "id", "numero"];

/// Whether the words just before (in `before`) name a reference: `case 2503140040001234`,
/// `TrackingID#2503…`, `case number 2503…`, `zaaknummer 2503…` — but not
/// `card number 4111…`.
fn names_a_reference(before: &str) -> bool {
    let mut words = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase);
    let Some(last) = words.next() else {
        return false;
    };
    let named = |word: &str| {
        REFERENCES.contains(&word)
            || NUMBER_WORDS.iter().any(|number| {
                word.strip_suffix(number)
                    .is_some_and(|w| REFERENCES.contains(&w))
            })
    };
    if NUMBER_WORDS.contains(&last.as_str()) {
        words.next().is_some_and(|word| named(&word))
    } else {
        named(&last)
    }
}

/// Whether the digits from `start` to `end` are part of a ticket or case id written as
/// one word (`AA-2234-397949-085`): capitals and digit groups joined by dashes.
fn in_ticket_id(text: &str, start: usize, end: usize) -> bool {
    let from = text[..start]
        .rfind(char::is_whitespace)
        .map_or(0, |at| at + 1);
    let to = text[end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |at| end + at);
    let word = text[from..to].trim_matches(|c: char| !c.is_alphanumeric());
    from < start && super::shapes::is_identifier(word)
}

/// The end of the digit run starting at `start` (groups joined by one space or dash)
/// and its digits.
fn number_at(bytes: &[u8], start: usize) -> (usize, Vec<u8>) {
    let mut digits = Vec::new();
    let mut end = start;
    let mut i = start;
    while i < bytes.len() && digits.len() <= MAX_DIGITS {
        if bytes[i].is_ascii_digit() {
            digits.push(bytes[i] - b'0');
            i += 1;
            end = i;
        } else if matches!(bytes[i], b' ' | b'-')
            && i + 1 < bytes.len()
            && bytes[i + 1].is_ascii_digit()
            && i > start
            && bytes[i - 1].is_ascii_digit()
        {
            i += 1;
        } else {
            break;
        }
    }
    (end, digits)
}

/// The Luhn check digit test used by card numbers; `digits` are values 0 to 9.
pub fn luhn(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(n, &d)| {
            let d = u32::from(d);
            if n % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_numbers_are_masked_in_any_grouping_and_other_numbers_are_not() {
        for (text, expected) in [
            ("card 4111 1111 1111 1111 ok", "card [masked] ok"),
            ("5500000000000004", "[masked]"),
            ("it is 4111-1111-1111-1111.", "it is [masked]."),
            ("amex 378282246310005", "amex [masked]"),
            // Not Luhn-valid, too short, or part of a longer word.
            ("order 4111 1111 1111 1112", "order 4111 1111 1111 1112"),
            ("call +31 20 123 4567", "call +31 20 123 4567"),
            ("ref AB4111111111111111", "ref AB4111111111111111"),
            ("on 2025-03-14 at 10:30", "on 2025-03-14 at 10:30"),
        ] {
            assert_eq!(mask_cards(text).0, expected, "{text}");
        }
    }
}
