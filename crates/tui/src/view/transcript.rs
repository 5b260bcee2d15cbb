//! The transcript view: the call's transcript over the whole screen, its title on the
//! first row and its keys on the last, with nothing beside the text, so what the mouse
//! selects is the transcript.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

use crate::layout::view_model::{TranscriptRows, ViewModel};

/// Draws `shown` over all of `area`.
pub fn render(buf: &mut Buffer, area: Rect, model: &ViewModel, shown: &TranscriptRows) {
    let theme = model.theme;
    Clear.render(area, buf);
    if area.height == 0 {
        return;
    }
    let more = match (shown.more_above, shown.more_below) {
        (true, true) => " ↑↓",
        (true, false) => " ↑",
        (false, true) => " ↓",
        (false, false) => "",
    };
    buf.set_stringn(
        area.x,
        area.y,
        format!("{}{more}", shown.title),
        usize::from(area.width),
        theme.help_border,
    );
    for (y, row) in (area.y + 1..area.bottom().saturating_sub(1)).zip(&shown.rows) {
        buf.set_stringn(area.x, y, row, usize::from(area.width), theme.text);
    }
    if area.height > 1 {
        buf.set_stringn(
            area.x,
            area.bottom() - 1,
            shown.keys,
            usize::from(area.width),
            theme.hints,
        );
    }
}
