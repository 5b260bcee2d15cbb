//! What the note editor and the search box share: a cleared, framed box with a title,
//! and a one-line text field with the cursor in it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Clear, Widget};

use crate::layout::theme::Theme;
use crate::layout::wrap::truncate_words;
use crate::state::input::LineInput;

/// The prompt before the text field.
const PROMPT: &str = "› ";

/// Clears `area`, draws its frame titled `title`, and gives the area inside the frame,
/// less a column of margin on each side.
pub fn frame(buf: &mut Buffer, area: Rect, title: &str, theme: &Theme) -> Rect {
    Clear.render(area, buf);
    let title = truncate_words(title, usize::from(area.width.saturating_sub(4)));
    let block = Block::bordered()
        .border_style(theme.help_border)
        .title(Span::styled(format!(" {title} "), theme.help_border));
    let inner = block.inner(area);
    block.render(area, buf);
    Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    )
}

/// Draws `input` on the first row of `area` after a prompt, scrolled so the cursor shows;
/// gives where the terminal's cursor goes (`None` when there is no room).
pub fn field(buf: &mut Buffer, area: Rect, input: &LineInput, theme: &Theme) -> Option<Position> {
    if area.is_empty() {
        return None;
    }
    let prompt_width = PROMPT.chars().count() as u16;
    let (x, width) = if area.width > prompt_width + 4 {
        buf.set_stringn(
            area.x,
            area.y,
            PROMPT,
            usize::from(area.width),
            theme.input_hint,
        );
        (area.x + prompt_width, area.width - prompt_width)
    } else {
        (area.x, area.width)
    };
    let field = Rect::new(x, area.y, width, 1);
    buf.set_style(field, theme.input);
    let shown = input.shown(usize::from(width));
    buf.set_stringn(x, area.y, &shown.text, usize::from(width), theme.input);
    Some(Position::new(x + shown.cursor, area.y))
}

/// Draws `text` on row `y` of `area`, cut to fit after a whole word, in `style`.
pub fn line(buf: &mut Buffer, area: Rect, y: u16, text: &str, style: Style) {
    if y < area.bottom() {
        let text = truncate_words(text, usize::from(area.width));
        buf.set_stringn(area.x, y, text, usize::from(area.width), style);
    }
}
