//! The help overlay: every key and what it does, in a box over the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Clear, Widget};

use crate::i18n::words;
use crate::layout::help_layout::layout;
use crate::layout::hints::more_text;
use crate::layout::view_model::ViewModel;

/// Draws the help box centred in `area`, scrolled to `scroll`; when it does not
/// fit, its bottom border says which way there is more (↑ ↓ PgUp PgDn scroll it).
pub fn render(buf: &mut Buffer, area: Rect, model: &ViewModel, scroll: usize) {
    let theme = model.theme;
    let words = words(model.lang);
    let (lines, boxed) = layout(theme, model.lang, model.help_for, area);
    let visible = usize::from(boxed.height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(visible));
    let more = more_text(
        words,
        scroll > 0,
        scroll + visible < lines.len(),
        usize::from(boxed.width.saturating_sub(4)),
    );
    let more = (!more.is_empty()).then_some(more);
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
