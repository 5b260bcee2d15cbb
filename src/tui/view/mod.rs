//! `view`: draws the wizard's state and never changes it. One file per screen part.

mod body;
pub mod content;
mod ending;
mod footer;
mod header;
mod help;
mod question;
mod too_small;

use ratatui::Frame;

use crate::tui::app::App;

/// Draws `app` on the whole frame.
pub fn view(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    match app.screen(area) {
        None => too_small::render(buf, area, app),
        Some(screen) => {
            header::render(buf, &screen, app);
            body::render(buf, &screen, app);
            footer::render(buf, &screen, app);
            if app.help_visible() {
                help::render(buf, area, app);
            }
        }
    }
}
