//! The note editor and the search box in `update`: opening them, typing into them, and
//! what Enter does — add the note, or jump to the selected match.

use super::{App, Status};
use crate::core::search::search;
use crate::core::{Change, Intent, Refusal};
use crate::event::action::Action;
use crate::i18n::words;
use crate::session::Author;
use crate::state::effect::Effect;
use crate::state::overlay::{NoteEditor, Overlay, SearchBox};

impl App {
    /// Opens the note editor for the current step.
    pub(super) fn open_note(&mut self) {
        self.overlay = Some(Overlay::Note(NoteEditor::default()));
    }

    /// Opens an empty search box.
    pub(super) fn open_search(&mut self) {
        self.overlay = Some(Overlay::Search(SearchBox::default()));
    }

    /// Handles `action` while an input box is open. Esc closes it; Enter adds the note
    /// (an empty one is refused with a hint) or jumps to the selected match.
    pub(super) fn update_overlay(&mut self, action: Action) -> Option<Effect> {
        let overlay = self.overlay.as_mut()?;
        let before = overlay.input().text().to_owned();
        let input = overlay.input_mut();
        match action {
            Action::Cancel => {
                self.overlay = None;
                return None;
            }
            Action::Choose => return self.submit(),
            _ if input.edit(action) => {}
            Action::Up | Action::Down => {
                if let Overlay::Search(found) = overlay {
                    found.move_selection(action == Action::Up);
                }
            }
            _ => {}
        }
        if overlay.input().text() != before {
            self.after_edit();
        }
        None
    }

    /// After the text of the open box changed: forget a refused Enter, search again.
    pub(super) fn after_edit(&mut self) {
        if let Some(overlay) = self.overlay.as_mut() {
            match overlay {
                Overlay::Note(note) => note.refused = false,
                Overlay::Search(found) => {
                    found.hits = search(self.call.session().flow(), found.input.text(), self.lang);
                    found.selected = 0;
                }
            }
        }
    }

    /// Enter in an open input box.
    fn submit(&mut self) -> Option<Effect> {
        let words = words(self.lang);
        match self.overlay.as_mut()? {
            Overlay::Note(note) => {
                let text = note.input.text().to_owned();
                let applied = self.apply(Intent::Note(text, Author::of_mode(self.agent)));
                if applied.change == Change::Refused(Refusal::EmptyNote) {
                    if let Some(Overlay::Note(note)) = self.overlay.as_mut() {
                        note.refused = true;
                    }
                    return None;
                }
                self.overlay = None;
                self.took(&applied.notices);
            }
            Overlay::Search(found) => {
                let hit = found.selected_hit()?.clone();
                self.overlay = None;
                let applied = self.apply(Intent::Jump(hit.node));
                match &applied.change {
                    Change::Moved => {
                        self.show_node(0);
                        self.status = Status::info(format!(
                            "{}: {} ({})",
                            words.jumped_to, hit.heading, words.jump_undo
                        ));
                    }
                    Change::Refused(Refusal::AlreadyThere) => {
                        self.status = Status::info(words.already_there.to_owned());
                    }
                    Change::Refused(Refusal::NotHere(why)) => {
                        self.status = Status {
                            lines: vec![why.to_string()],
                            is_error: true,
                            lasting: false,
                        };
                    }
                    _ => {}
                }
                self.took(&applied.notices);
            }
        }
        None
    }
}
