//! The note editor: a one-line text field in a box at the bottom of the screen, with its
//! keys — or, after Enter on an empty note, why nothing was saved.

use ratatui::buffer::Buffer;
use ratatui::layout::Position;

use super::input_box::{field, frame, line};
use crate::i18n::words;
use crate::layout::hints::one_row;
use crate::layout::screen::Screen;
use crate::layout::view_model::ViewModel;
use crate::state::overlay::NoteEditor;

/// Draws the note editor; gives where the cursor goes.
pub fn render(
    buf: &mut Buffer,
    screen: &Screen,
    note: &NoteEditor,
    model: &ViewModel,
) -> Option<Position> {
    let theme = model.theme;
    let words = words(model.lang);
    let inner = frame(buf, screen.note_box(), words.note_title, theme);
    let cursor = field(buf, inner, &note.input, theme);
    let (hint, style) = if note.refused {
        (words.note_refused.to_owned(), theme.input_refused)
    } else {
        (
            one_row(words.note_keys, usize::from(inner.width)),
            theme.input_hint,
        )
    };
    line(buf, inner, inner.y + 1, &hint, style);
    cursor
}
