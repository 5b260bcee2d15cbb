//! The help overlay: every key and what it does, in a box over the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use crate::i18n::words;
use crate::tui::app::App;
use crate::tui::wrap::{self, wrap};

/// The widest the box grows.
const MAX_WIDTH: u16 = 64;

/// Draws the help box centred in `area`, cut at the bottom if it does not fit.
pub fn render(buf: &mut Buffer, area: Rect, app: &App) {
    let theme = app.theme();
    let words = words(app.lang());
    let width = area.width.min(MAX_WIDTH);
    let text_width = usize::from(width.saturating_sub(4)).max(1);
    let key_width = words
        .help_lines
        .iter()
        .map(|(key, _)| wrap::width(key))
        .max()
        .unwrap_or(0);
    let narrow = key_width + 2 + 12 > text_width;
    let mut lines: Vec<Line> = Vec::new();
    for (key, what) in words.help_lines {
        let key = Span::styled(format!("{key:<key_width$}  "), theme.help_key);
        if narrow {
            lines.push(Line::from(key));
            lines.extend(
                wrap(what, text_width.saturating_sub(2))
                    .into_iter()
                    .map(|piece| Line::from(format!("  {piece}"))),
            );
        } else {
            let indent = key_width + 2;
            for (i, piece) in wrap(what, text_width - indent).into_iter().enumerate() {
                let lead = if i == 0 {
                    key.clone()
                } else {
                    Span::raw(" ".repeat(indent))
                };
                lines.push(Line::from(vec![lead, Span::raw(piece)]));
            }
        }
    }
    lines.push(Line::default());
    lines.extend(
        wrap(crate::i18n::words(app.lang()).help_close, text_width)
            .into_iter()
            .map(Line::from),
    );
    let height = (lines.len() as u16).saturating_add(2).min(area.height);
    let boxed = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    Clear.render(boxed, buf);
    let block = Block::bordered()
        .border_style(theme.help_border)
        .title(Span::styled(
            format!(" {} ", words.help_title),
            theme.help_border,
        ));
    let inner = block.inner(boxed);
    block.render(boxed, buf);
    let text = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    for (y, line) in (text.y..text.bottom()).zip(&lines) {
        buf.set_line(text.x, y, line, text.width);
    }
}
