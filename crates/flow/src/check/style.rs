//! Warnings about things that work but are probably mistakes.

use std::collections::HashMap;

use crate::diagnostic::{Code, Diagnostics};
use crate::path::YamlPath;
use crate::raw::RawNode;
use crate::text::Text;

/// The widest choice label, in characters, that fits one line of an 80-column screen
/// next to its number and the frame.
pub const MAX_LABEL_CHARS: usize = 72;

/// Character sequences that appear when UTF-8 text was decoded as another encoding.
const MOJIBAKE: [&str; 6] = ["Ã", "â€", "Â", "ï»¿", "�", "√"];

/// The first garbled-looking sequence in `value`. A "√" counts only inside a word
/// ("ge√Ønteresseerd"), where no square root would stand.
fn find_mojibake(value: &str) -> Option<&'static str> {
    // Every sequence starts with one of these characters (whose UTF-8 starts with byte
    // 0xC3, 0xE2 or 0xEF); most text has none of those bytes, and is scanned only as bytes.
    if !value.bytes().any(|b| matches!(b, 0xc3 | 0xe2 | 0xef))
        || !value.contains(['Ã', 'â', 'Â', 'ï', '�', '√'])
    {
        return None;
    }
    MOJIBAKE.into_iter().find(|bad| {
        value.match_indices(bad).any(|(at, _)| {
            *bad != "√"
                || value[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
        })
    })
}

/// Warns when two choices of one question lead to the same node.
pub(super) fn check_same_targets(key: &str, node: &RawNode, out: &mut Diagnostics) {
    let mut first_choice: HashMap<&str, usize> = HashMap::new();
    for (i, choice) in node.choices.iter().flatten().enumerate() {
        if let Some(&earlier) = first_choice.get(choice.next.as_str()) {
            out.report(
                Code::SameTarget,
                Some(key),
                format!(
                    "choices {} and {} both lead to '{}'",
                    earlier + 1,
                    i + 1,
                    choice.next
                ),
            )
            .at(YamlPath::node(key).key("choices").index(i).key("next"))
            .with_help("merge the two choices, or point one of them elsewhere");
        } else {
            first_choice.insert(&choice.next, i);
        }
    }
}

/// Warns about choice labels too long for one line of an 80-column screen.
pub(super) fn check_label_lengths(key: &str, node: &RawNode, out: &mut Diagnostics) {
    for (i, choice) in node.choices.iter().flatten().enumerate() {
        for (lang, label) in choice.label.translations() {
            let length = label.chars().count();
            if length > MAX_LABEL_CHARS {
                out.report(
                    Code::LongLabel,
                    Some(key),
                    format!("the {lang} label of choice {} is {length} characters; more than {MAX_LABEL_CHARS} wraps on an 80-column screen", i + 1),
                )
                .at(YamlPath::node(key).key("choices").index(i).key("label").key(lang))
                .with_help("shorten the label; put explanations in the question's `help`");
            }
        }
    }
}

/// Warns about text that looks like it was decoded with the wrong encoding ("Ã©", "â€™", "√").
/// `place` is where the text sits inside `node` (or in the whole file when `node` is `None`).
pub(super) fn check_mojibake(
    text: &Text,
    place: &dyn Fn() -> YamlPath,
    node: Option<&str>,
    out: &mut Diagnostics,
) {
    for (lang, value) in text.translations() {
        if let Some(found) = find_mojibake(value) {
            let place = place();
            let full = match node {
                Some(key) => YamlPath::node(key).join(&place),
                None => place.clone(),
            };
            out.report(
                Code::Mojibake,
                node,
                format!(
                    "'{place}' ({lang}) contains \"{found}\", which looks like garbled encoding"
                ),
            )
            .at(full.key(lang))
            .with_help("retype the accented letters or quotes, and save the file as UTF-8");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::find_mojibake;

    #[test]
    fn garbled_text_is_found_and_clean_text_is_not() {
        assert_eq!(find_mojibake("ge√Ønteresseerd"), Some("√"));
        assert_eq!(find_mojibake("cafÃ© itâ€™s"), Some("Ã"));
        assert_eq!(find_mojibake("√2 is irrational"), None);
        assert_eq!(find_mojibake("geïnteresseerd, café, it’s"), None);
    }
}
