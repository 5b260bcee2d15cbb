//! Agent mode's path pane: the trail's entries (see [`crate::core::trail`]) as rows
//! wrapped to the pane's width.

use ratatui::text::{Line, Span};

use crate::core::trail::{Entry, EntryKind};
use crate::layout::theme::Theme;
use crate::layout::wrap::{self, wrap};

/// The entries as rows at most `width` cells wide: numbered moves, "▸" before the current
/// step, "✎" before notes (indented), wrapped lines indented under their first line.
pub fn rows(entries: &[Entry], width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut rows = Vec::new();
    for entry in entries {
        let (prefix, style) = match entry.kind {
            EntryKind::Move | EntryKind::Jump => (
                format!("{}. ", entry.number.unwrap_or_default()),
                theme.pane_move,
            ),
            EntryKind::Current => ("▸ ".to_owned(), theme.pane_current),
            EntryKind::Note => ("   ✎ ".to_owned(), theme.pane_note),
            EntryKind::Heading => (String::new(), theme.pane_title),
        };
        // On a pane too narrow for the prefix, the text goes without it.
        let prefix = if wrap::width(&prefix) + 4 > width {
            String::new()
        } else {
            prefix
        };
        let indent = wrap::width(&prefix);
        for (i, piece) in wrap(&entry.text, width - indent).into_iter().enumerate() {
            let lead = if i == 0 {
                prefix.clone()
            } else {
                " ".repeat(indent)
            };
            rows.push(Line::from(vec![
                Span::styled(lead, style),
                Span::styled(piece, style),
            ]));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::trail::entries;
    use crate::fixtures;
    use crate::i18n::words;
    use crate::lang::Lang;
    use crate::session::Session;

    fn session() -> Session {
        fixtures::session(fixtures::WIZARD)
    }

    #[test]
    fn rows_wrap_under_their_prefix_and_fit_the_width() {
        let mut session = session();
        session
            .add_note("a rather long note that must wrap")
            .unwrap();
        session.choose(0).unwrap();
        let theme = Theme::new(true);
        let entries = entries(&session, Lang::En, words(Lang::En));
        for width in [1, 3, 8, 12, 40] {
            for row in rows(&entries, width, &theme) {
                assert!(row.width() <= width.max(1), "{width}: {row:?}");
            }
        }
        let rows: Vec<String> = rows(&entries, 20, &theme)
            .iter()
            .map(|r| r.to_string())
            .collect();
        assert_eq!(rows[0], "1. First question? →");
        assert_eq!(rows[1], "   Go to second");
        assert!(rows[2].starts_with("   ✎ a rather"), "{rows:?}");
        assert_eq!(rows.last().unwrap(), "▸ Second question?");
    }
}
