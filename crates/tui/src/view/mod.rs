//! `view`: draws the wizard's state and never changes it. One file per screen part; each
//! draws what the view model ([`crate::layout::view_model`]) gives it.

mod body;
mod footer;
mod header;
mod help;

mod input_box;
mod note;
mod pane;
mod search;
mod too_small;

use ratatui::Frame;

use crate::layout::view_model::ViewModel;
use crate::state::overlay::Overlay;

/// Draws `model` on the whole frame; while an input box is open, or a question answered
/// by typing shows its answer box, the terminal's cursor is put in its text field.
pub fn draw(frame: &mut Frame, model: &ViewModel) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    match &model.screen {
        None => too_small::render(buf, area, model),
        Some(screen) => {
            header::render(buf, screen, model);
            let answer_cursor = body::render(buf, screen, model);
            if let Some(pane) = &screen.pane {
                pane::render(buf, pane, model);
            }
            footer::render(buf, screen, model);
            let cursor = match model.overlay {
                Some(Overlay::Note(note)) => note::render(buf, screen, note, model),
                Some(Overlay::Search(found)) => search::render(buf, screen, found, model),
                None => answer_cursor,
            };
            if let Some(scroll) = model.help_scroll {
                help::render(buf, area, model, scroll);
            }
            if let Some(cursor) = cursor {
                frame.set_cursor_position(cursor);
            }
        }
    }
}
