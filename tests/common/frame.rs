//! Drawing the full-screen wizard into a test terminal and reading its rows back.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use signin_doctor_tui::{Action, App, update, view};

/// `app` drawn on a terminal `width` × `height` (told of the size first, as a resize does).
pub fn draw(app: &mut App, width: u16, height: u16) -> Buffer {
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view(frame, app)).unwrap();
    terminal.backend().buffer().clone()
}

/// The rows of `buffer`, top to bottom, each as wide as the buffer.
pub fn rows(buffer: &Buffer) -> Vec<String> {
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect()
}
