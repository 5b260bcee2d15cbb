//! The middle of the screen: the visible part of the body, and the scroll indicator.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::symbols::line;

use super::input_box;
use crate::layout::hints::more_text;
use crate::layout::screen::Screen;
use crate::layout::view_model::ViewModel;

/// Draws the body rows in view, the rules around them and "more above/below" when cut;
/// gives where the terminal's cursor goes when the answer box is in view.
pub fn render(buf: &mut Buffer, screen: &Screen, model: &ViewModel) -> Option<Position> {
    let theme = model.theme;
    if let Some((top, bottom)) = screen.rules {
        for rule in [top, bottom] {
            let text = line::HORIZONTAL.repeat(usize::from(rule.width));
            buf.set_stringn(rule.x, rule.y, text, usize::from(rule.width), theme.rule);
        }
    }
    let body = screen.body;
    let mut cursor = None;
    for (y, row) in screen.visible_rows() {
        buf.set_line(body.x, y, &row.line, body.width);
        if model.answering && row.option == Some(0) {
            let area = Rect::new(body.x, y, body.width, 1);
            cursor = input_box::field(buf, area, model.answer, theme);
        }
    }
    if let Some(more) = screen.more {
        let text = more_text(
            crate::i18n::words(model.lang),
            screen.more_above(),
            screen.more_below(),
            usize::from(more.width),
        );
        buf.set_stringn(more.x, more.y, text, usize::from(more.width), theme.more);
    }
    cursor
}
