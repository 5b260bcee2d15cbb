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

/// The help's lines for a box in `area`, and the box itself.
fn layout(app: &App, area: Rect) -> (Vec<Line<'static>>, Rect) {
    let theme = app.theme();
    let words = words(app.lang());
    let width = area.width.min(MAX_WIDTH);
    let text_width = usize::from(width.saturating_sub(4)).max(1);
    let help_lines = if app.answering() {
        words.input_help_lines
    } else {
        words.help_lines
    };
    let key_width = help_lines
        .iter()
        .map(|(key, _)| wrap::width(key))
        .max()
        .unwrap_or(0);
    let narrow = key_width + 2 + 12 > text_width;
    let mut lines: Vec<Line> = Vec::new();
    for (key, what) in help_lines {
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
        wrap(words.help_close, text_width)
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
    (lines, boxed)
}

/// How far the help can scroll in `area`: 0 when it fits.
pub fn max_scroll(app: &App, area: Rect) -> usize {
    let (lines, boxed) = layout(app, area);
    lines
        .len()
        .saturating_sub(usize::from(boxed.height.saturating_sub(2)))
}

/// Draws the help box centred in `area`, scrolled to `app.help_scroll()`; when it does not
/// fit, its bottom border says which way there is more (↑ ↓ PgUp PgDn scroll it).
pub fn render(buf: &mut Buffer, area: Rect, app: &App) {
    let theme = app.theme();
    let words = words(app.lang());
    let (lines, boxed) = layout(app, area);
    let visible = usize::from(boxed.height.saturating_sub(2));
    let scroll = app.help_scroll().min(lines.len().saturating_sub(visible));
    let more = match (scroll > 0, scroll + visible < lines.len()) {
        (true, true) => Some(words.more_both),
        (true, false) => Some(words.more_above),
        (false, true) => Some(words.more_below),
        (false, false) => None,
    };
    Clear.render(boxed, buf);
    let mut block = Block::bordered()
        .border_style(theme.help_border)
        .title(Span::styled(
            format!(" {} ", words.help_title),
            theme.help_border,
        ));
    if let Some(more) = more {
        block = block.title_bottom(Span::styled(format!(" {more} "), theme.more));
    }
    let inner = block.inner(boxed);
    block.render(boxed, buf);
    let text = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    for (y, line) in (text.y..text.bottom()).zip(lines.iter().skip(scroll)) {
        buf.set_line(text.x, y, line, text.width);
    }
}
