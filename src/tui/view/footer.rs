//! The bottom of the screen: messages, and which keys do what here.

use ratatui::buffer::Buffer;

use crate::tui::app::App;
use crate::tui::screen::Screen;

/// Draws the status lines (if any) and the key hints, one packed row each.
pub fn render(buf: &mut Buffer, screen: &Screen, app: &App) {
    if let Some(area) = screen.status {
        let style = if app.status().is_error || app.write_problem().is_some() {
            app.theme().status_error
        } else {
            app.theme().status_info
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
            app.theme().hints,
        );
    }
}
