//! `view`: draws the wizard's state and never changes it. One file per screen part.

mod body;
pub mod content;
mod ending;
mod footer;
mod header;
mod help;

pub use help::max_scroll as help_max_scroll;
mod input_box;
mod note;
mod pane;
mod question;
mod say;
mod search;
mod too_small;

use ratatui::Frame;

use crate::tui::app::App;
use crate::tui::overlay::Overlay;

/// Draws `app` on the whole frame; while an input box is open, or a question answered by
/// typing shows its answer box, the terminal's cursor is put in its text field.
pub fn view(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    match app.screen(area) {
        None => too_small::render(buf, area, app),
        Some(screen) => {
            header::render(buf, &screen, app);
            let answer_cursor = body::render(buf, &screen, app);
            if let Some(pane) = &screen.pane {
                pane::render(buf, pane, app);
            }
            footer::render(buf, &screen, app);
            let cursor = match app.overlay() {
                Some(Overlay::Note(note)) => note::render(buf, &screen, note, app),
                Some(Overlay::Search(found)) => search::render(buf, &screen, found, app),
                None => answer_cursor,
            };
            if app.help_visible() {
                help::render(buf, area, app);
            }
            if let Some(cursor) = cursor {
                frame.set_cursor_position(cursor);
            }
        }
    }
}
