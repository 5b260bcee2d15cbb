//! What a window below the usable size shows: only a short, centred request to enlarge it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::words;
use crate::layout::view_model::ViewModel;
use crate::layout::wrap;

/// Draws the "too small" message in the middle of `area`, in whole words over as many
/// lines as it needs (as many as fit are drawn); draws nothing in an empty area.
pub fn render(buf: &mut Buffer, area: Rect, model: &ViewModel) {
    if area.is_empty() {
        return;
    }
    let lines = wrap::wrap(words(model.lang).too_small, usize::from(area.width));
    let shown = lines.len().min(usize::from(area.height)) as u16;
    let top = area.y + (area.height - shown) / 2;
    for (y, line) in (top..).zip(lines.iter().take(usize::from(shown))) {
        let width = wrap::width(line) as u16;
        let x = area.x + area.width.saturating_sub(width) / 2;
        buf.set_stringn(x, y, line, usize::from(area.width), model.theme.too_small);
    }
}
