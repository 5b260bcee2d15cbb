//! The boxes that take the keyboard over the wizard: the note editor and the search box.
//! While one is open, letters are typed into it instead of steering the wizard.

use crate::core::search::Hit;
use crate::state::input::LineInput;

/// An open input box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Writing a note on the current step.
    Note(NoteEditor),
    /// Searching the flow to jump somewhere.
    Search(SearchBox),
}

impl Overlay {
    /// The text field of the box.
    pub fn input(&self) -> &LineInput {
        match self {
            Overlay::Note(note) => &note.input,
            Overlay::Search(search) => &search.input,
        }
    }

    /// The text field of the box, to edit.
    pub(crate) fn input_mut(&mut self) -> &mut LineInput {
        match self {
            Overlay::Note(note) => &mut note.input,
            Overlay::Search(search) => &mut search.input,
        }
    }
}

/// The note editor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteEditor {
    /// What is typed.
    pub input: LineInput,
    /// Whether Enter was just refused because the note is empty.
    pub refused: bool,
}

/// The search box: the query and what it finds, kept up to date as the user types.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchBox {
    /// The query.
    pub input: LineInput,
    /// The matches for the query, best first.
    pub hits: Vec<Hit>,
    /// The match Enter jumps to, counted from 0.
    pub selected: usize,
}

impl SearchBox {
    /// The match Enter would jump to, if any.
    pub(crate) fn selected_hit(&self) -> Option<&Hit> {
        self.hits.get(self.selected)
    }

    /// Moves the selection up or down, staying on the list.
    pub(crate) fn move_selection(&mut self, up: bool) {
        self.selected = if up {
            self.selected.saturating_sub(1)
        } else {
            (self.selected + 1).min(self.hits.len().saturating_sub(1))
        };
    }
}
