//! The agent's trail: every move so far (question → answer, jumps as jumps), each note
//! under the step it was written at, and the step the user is at now — built once here,
//! shown by each front end in its own way (the full-screen path pane, plain mode's lines).
//! Text is cleaned for the terminal and secrets in notes are masked.

use crate::i18n::Words;
use crate::lang::Lang;
use crate::page::answer_given;
use crate::sanitize::clean_line;
use crate::secrets::shown;
use crate::session::Session;

/// What one entry of the trail is.
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

/// One entry of the trail.
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

/// The trail's entries for `session` in `lang`, oldest first. A note goes under the latest
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
            text: format!(
                "{} → {}",
                heading(step.node),
                answer_given(flow, step, lang)
            ),
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
            text: format!(
                "[{}] {}",
                heading(note.node),
                clean_line(&shown(&note.text, lang))
            ),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use crate::i18n::words;

    fn session() -> Session {
        fixtures::session(fixtures::WIZARD)
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
                "First question? → Go to second",
                "at first",
                "Second question? → Jumped to: All good",
                "at second",
                "All good"
            ]
        );
        session.back();
        session.back();
        assert_eq!(
            texts(&session),
            [
                "First question?",
                "at first",
                "Notes at other steps",
                "[Second question?] at second"
            ]
        );
    }

    #[test]
    fn notes_at_other_steps_are_masked_like_the_rest() {
        let mut session = session();
        session.choose(0).unwrap();
        session.add_note("pin 4321").unwrap();
        session.back();
        let texts = texts(&session);
        assert!(!texts.iter().any(|t| t.contains("4321")), "{texts:?}");
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("[Second question?] pin")),
            "{texts:?}"
        );
    }
}
