//! What a window below the usable size shows: only a short, centred request to enlarge it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::words;
use crate::tui::layout::view_model::ViewModel;
use crate::tui::layout::wrap::{self, truncate_end};

/// Draws the "too small" message in the middle of `area`, cut to fit; draws nothing in an
/// empty area.
pub fn render(buf: &mut Buffer, area: Rect, model: &ViewModel) {
    if area.is_empty() {
        return;
    }
    let text = truncate_end(words(model.lang).too_small, usize::from(area.width));
    let width = wrap::width(&text) as u16;
    let x = area.x + area.width.saturating_sub(width) / 2;
    let y = area.y + area.height / 2;
    buf.set_stringn(x, y, text, usize::from(area.width), model.theme.too_small);
}
