//! Agent mode's path pane: every move so far (question → answer, jumps as jumps), each note
//! under the step it was written at, and the step the user is at now — as entries, then
//! as rows wrapped to the pane's width.

use ratatui::text::{Line, Span};

use crate::i18n::Words;
use crate::lang::Lang;
use crate::page::move_label;
use crate::sanitize::clean_line;
use crate::secrets::shown;
use crate::session::Session;
use crate::tui::theme::Theme;
use crate::tui::wrap::{self, wrap};

/// What one entry of the pane is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// An answer given: "question → answer".
    Move,
    /// A jump made with search.
    Jump,
    /// The step the user is at now.
    Current,
    /// A note, under the step it was written at.
    Note,
    /// The heading over notes written at steps no longer on the path.
    Heading,
}

/// One entry of the pane, before wrapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What it is.
    pub kind: EntryKind,
    /// Its number in the path (moves and jumps), from 1.
    pub number: Option<usize>,
    /// What it says, cleaned for the terminal.
    pub text: String,
}

/// Where a note goes: under a move of the path, under the current step, or apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Move(usize),
    Current,
    Elsewhere,
}

/// The pane's entries for `session` in `lang`, oldest first. A note goes under the latest
/// visit of the step it was written at; notes at steps the user went back from or
/// restarted past are listed last, under [`Words::other_notes`], with their step.
pub fn entries(session: &Session, lang: Lang, words: &Words) -> Vec<Entry> {
    let flow = session.flow();
    let path = session.path();
    let heading = |node| clean_line(flow.node(node).heading().get(lang));
    let place = |node| {
        if node == session.current() {
            Place::Current
        } else {
            path.iter()
                .rposition(|step| step.node == node)
                .map_or(Place::Elsewhere, Place::Move)
        }
    };
    let notes_at = |wanted: Place| {
        session
            .notes()
            .iter()
            .filter(move |note| place(note.node) == wanted)
            .map(|note| Entry {
                kind: EntryKind::Note,
                number: None,
                text: clean_line(&shown(&note.text, lang)),
            })
    };
    let mut entries = Vec::new();
    for (i, step) in path.iter().enumerate() {
        // "question → answer", or for a jump "where it was made → Jumped to: where".
        let kind = if step.is_jump() {
            EntryKind::Jump
        } else {
            EntryKind::Move
        };
        entries.push(Entry {
            kind,
            number: Some(i + 1),
            text: format!("{} → {}", heading(step.node), move_label(flow, step, lang)),
        });
        entries.extend(notes_at(Place::Move(i)));
    }
    entries.push(Entry {
        kind: EntryKind::Current,
        number: None,
        text: heading(session.current()),
    });
    entries.extend(notes_at(Place::Current));
    let elsewhere: Vec<Entry> = session
        .notes()
        .iter()
        .filter(|note| place(note.node) == Place::Elsewhere)
        .map(|note| Entry {
            kind: EntryKind::Note,
            number: None,
            text: format!("[{}] {}", heading(note.node), clean_line(&note.text)),
        })
        .collect();
    if !elsewhere.is_empty() {
        entries.push(Entry {
            kind: EntryKind::Heading,
            number: None,
            text: words.other_notes.to_owned(),
        });
        entries.extend(elsewhere);
    }
    entries
}

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
    use crate::flow::load_str;
    use crate::i18n::words;
    use std::sync::Arc;

    const FLOW: &str = r#"
id: pane
title: { en: "Pane flow" }
start: first
nodes:
  first:
    kind: question
    text: { en: "First?" }
    choices:
      - { label: { en: "To second" }, next: second }
      - { label: { en: "Done" }, next: done }
  second:
    kind: question
    text: { en: "Second?" }
    choices:
      - { label: { en: "Done" }, next: done }
      - { label: { en: "Back to first" }, next: first }
  done:
    kind: solved
    title: { en: "All good" }
"#;

    fn session() -> Session {
        let flow = load_str(FLOW, "pane.yaml").unwrap().flow;
        Session::new(Arc::new(flow))
    }

    fn texts(session: &Session) -> Vec<String> {
        entries(session, Lang::En, words(Lang::En))
            .into_iter()
            .map(|e| e.text)
            .collect()
    }

    #[test]
    fn moves_jumps_notes_and_the_current_step_in_order() {
        let mut session = session();
        session.add_note("at first").unwrap();
        session.choose(0).unwrap();
        session.add_note("at second").unwrap();
        let done = session.flow().find("done").unwrap();
        session.jump(done).unwrap();
        assert_eq!(
            texts(&session),
            [
                "First? → To second",
                "at first",
                "Second? → Jumped to: All good",
                "at second",
                "All good"
            ]
        );
        session.back();
        session.back();
        assert_eq!(
            texts(&session),
            [
                "First?",
                "at first",
                "Notes at other steps",
                "[Second?] at second"
            ]
        );
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
        assert_eq!(rows[0], "1. First? → To");
        assert_eq!(rows[1], "   second");
        assert!(rows[2].starts_with("   ✎ a rather"), "{rows:?}");
        assert_eq!(rows.last().unwrap(), "▸ Second?");
    }
}
