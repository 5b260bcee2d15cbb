//! The key hints at the bottom of the screen: which keys to mention, packed into rows.

use crate::flow::Kind;
use crate::i18n::Words;
use crate::layout::wrap;
use crate::page::Page;

/// The separator between key hints.
const HINT_SEPARATOR: &str = " · ";

/// The key hints for `page` packed into at most `max_rows` rows of `width` cells. Agent
/// mode's keys (`agent_hints` at a question or ending; `None` outside agent mode) are
/// mentioned when every hint fits; else they are left to the help. An `extra` hint (a
/// served wizard's hand-off) is always offered, before help and quit.
pub fn hints(
    page: &Page,
    words: &Words,
    agent_hints: Option<&str>,
    extra: Option<&str>,
    width: usize,
    max_rows: usize,
) -> Vec<String> {
    let mut text = hint_text(page, words, agent_hints, extra);
    let items: Vec<&str> = text.split(HINT_SEPARATOR).collect();
    if pack(&items, width).len() > max_rows {
        text = hint_text(page, words, None, extra);
    }
    pack_hints(&text, width, max_rows, 2 + usize::from(extra.is_some()))
}

/// The key hints for `page`; agent mode's keys (`agent_hints` at a question or ending,
/// when in agent mode) and the `extra` hint go before the last two ("? help · q quit",
/// or "F1 help · Ctrl-C quit" at a question answered by typing).
fn hint_text(page: &Page, words: &Words, agent_hints: Option<&str>, extra: Option<&str>) -> String {
    let keys = if page.kind.is_ending() {
        words.ending_keys
    } else if page.kind == Kind::Input {
        words.input_keys
    } else {
        words.question_keys
    };
    let agent_keys = agent_hints.map(|hints| {
        if page.kind == Kind::Input {
            words.agent_input_hints
        } else {
            hints
        }
    });
    let mut items: Vec<&str> = keys.split(HINT_SEPARATOR).collect();
    let at = items.len().saturating_sub(2);
    let added = agent_keys.into_iter().chain(extra);
    items.splice(at..at, added);
    items.join(HINT_SEPARATOR)
}

/// Packs the key hints (separated by " · ") into at most `max_rows` rows of `width`
/// cells. When they do not fit, hints are dropped from the middle, keeping the last
/// `kept` ("? help", "q quit", and a served wizard's hand-off before them), so the way
/// out and the way to all keys always show.
fn pack_hints(text: &str, width: usize, max_rows: usize, kept: usize) -> Vec<String> {
    let mut items: Vec<&str> = text.split(HINT_SEPARATOR).collect();
    loop {
        let rows = pack(&items, width);
        if rows.len() <= max_rows || items.len() <= kept {
            return rows.into_iter().take(max_rows).collect();
        }
        items.remove(items.len() - kept - 1);
    }
}

/// Packs hints into rows of `width` cells; a hint wider than a row is left out, never cut.
fn pack(items: &[&str], width: usize) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    let mut current = String::new();
    for item in items.iter().filter(|item| wrap::width(item) <= width) {
        let candidate = if current.is_empty() {
            (*item).to_owned()
        } else {
            format!("{current}{HINT_SEPARATOR}{item}")
        };
        if wrap::width(&candidate) <= width || current.is_empty() {
            current = candidate;
        } else {
            rows.push(std::mem::take(&mut current));
            current = (*item).to_owned();
        }
    }
    rows.push(current);
    rows
}

/// Key hints (separated by " · ") on one row of `width` cells: those that fit whole,
/// dropped from the front so the last (the way out, such as "Esc cancel") stays.
pub(crate) fn one_row(text: &str, width: usize) -> String {
    let mut items: Vec<&str> = text.split(HINT_SEPARATOR).collect();
    while !items.is_empty() {
        let row = items.join(HINT_SEPARATOR);
        if wrap::width(&row) <= width {
            return row;
        }
        items.remove(0);
    }
    String::new()
}

/// The scroll indicator for a body or box `width` cells wide with more `above` and/or
/// `below`: the sentence when it fits, else only the arrows and keys, else the arrows.
pub(crate) fn more_text(words: &Words, above: bool, below: bool, width: usize) -> &'static str {
    let (sentence, keys, arrows) = match (above, below) {
        (true, true) => (words.more_both, "↑↓ PgUp PgDn", "↑↓"),
        (true, false) => (words.more_above, "↑ PgUp", "↑"),
        (false, true) => (words.more_below, "↓ PgDn", "↓"),
        (false, false) => return "",
    };
    [sentence, keys, arrows]
        .into_iter()
        .find(|text| wrap::width(text) <= width)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_keep_the_way_out_when_cut() {
        let text = "1-9 pick · ↑↓ move · Enter choose · b back · r restart · ? help · q quit";
        assert_eq!(pack_hints(text, 80, 2, 2), [text]);
        let narrow = pack_hints(text, 20, 2, 2);
        assert!(narrow.len() <= 2);
        assert!(narrow.iter().all(|row| wrap::width(row) <= 20));
        assert!(narrow.last().unwrap().contains("q quit"), "{narrow:?}");
        assert!(narrow.concat().contains("? help"), "{narrow:?}");
        assert_eq!(pack_hints(text, 6, 1, 2), ["? help"], "never a cut hint");
    }

    #[test]
    fn one_row_of_hints_keeps_the_way_out_whole() {
        let keys = "↑↓ select · Enter jump · Esc close";
        assert_eq!(one_row(keys, 40), keys);
        assert_eq!(one_row(keys, 24), "Enter jump · Esc close");
        assert_eq!(one_row(keys, 9), "Esc close");
        assert_eq!(one_row(keys, 5), "");
    }

    #[test]
    fn the_scroll_indicator_shortens_to_its_keys() {
        let words = crate::i18n::words(crate::lang::Lang::Nl);
        assert_eq!(more_text(words, true, true, 80), words.more_both);
        assert_eq!(more_text(words, true, true, 20), "↑↓ PgUp PgDn");
        assert_eq!(more_text(words, false, true, 5), "↓");
        assert_eq!(more_text(words, true, false, 0), "");
    }
}
