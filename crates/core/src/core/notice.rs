//! A message for the user from the core, shown by each front end in its own way: a line
//! in plain mode (problems on stderr), a status line in the full-screen wizard.

use crate::i18n::words;
use crate::lang::Lang;
use crate::secrets::MARKER;
use crate::session::Session;
use crate::transcript::labels;

/// A message for the user from the record keeping or the start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// What to show, in the interface language (problems in English, like other errors).
    pub text: String,
    /// Whether it tells of a problem (show it as one: on stderr in line mode).
    pub error: bool,
}

impl Notice {
    /// Information: something was done as asked.
    pub fn info(text: String) -> Notice {
        Notice { text, error: false }
    }

    /// A problem, or something the user should look at.
    pub fn error(text: String) -> Notice {
        Notice { text, error: true }
    }
}

/// What to tell the user after a note was added to `session`: "Note added.", and if
/// something in it was masked, that it was.
pub(crate) fn note_added(session: &Session, lang: Lang) -> String {
    let added = words(lang).note_added;
    match session.notes().last() {
        Some(note) if note.text.contains(MARKER) => {
            format!("{added} ({})", labels(lang).masked)
        }
        _ => added.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    #[test]
    fn a_note_added_says_whether_something_was_masked() {
        let mut session = fixtures::session(fixtures::WIZARD);
        session.add_note("caller is on the phone").unwrap();
        assert_eq!(note_added(&session, Lang::En), "Note added.");
        session.add_note("pwd=hunter2 was read out").unwrap();
        assert_eq!(
            note_added(&session, Lang::Nl),
            format!("Notitie toegevoegd. ({})", labels(Lang::Nl).masked)
        );
    }
}
