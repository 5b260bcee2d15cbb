//! The bottom of the screen: messages, and which keys do what here.

use ratatui::buffer::Buffer;

use crate::layout::screen::Screen;
use crate::layout::view_model::ViewModel;

/// Draws the status lines (if any) and the key hints, one packed row each.
pub fn render(buf: &mut Buffer, screen: &Screen, model: &ViewModel) {
    if let Some(area) = screen.status {
        let style = if model.status.is_error || model.write_problem.is_some() {
            model.theme.status_error
        } else {
            model.theme.status_info
        };
        for (y, line) in (area.y..area.bottom()).zip(&screen.status_rows) {
            buf.set_stringn(area.x, y, line, usize::from(area.width), style);
        }
    }
    let footer = screen.footer;
    for (y, hint) in (footer.y..footer.bottom()).zip(&screen.hints) {
        buf.set_stringn(
            footer.x,
            y,
            hint,
            usize::from(footer.width),
            model.theme.hints,
        );
    }
}
