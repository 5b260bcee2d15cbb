//! The bottom of the screen: which keys do what here.

use ratatui::buffer::Buffer;

use crate::tui::app::App;
use crate::tui::screen::Screen;

/// Draws the key hints, one packed row each.
pub fn render(buf: &mut Buffer, screen: &Screen, app: &App) {
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
