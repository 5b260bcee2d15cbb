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
            fitting_keys(shown.keys, usize::from(area.width)),
            usize::from(area.width),
            theme.hints,
        );
    }
}

/// The keys line as it fits in `width` columns: the mouse's part goes first, then
/// scrolling, so copying and leaving are always named.
fn fitting_keys(keys: &str, width: usize) -> String {
    let mut parts: Vec<&str> = keys.split(" · ").collect();
    for drop in [1, 0] {
        if parts.join(" · ").chars().count() <= width || parts.len() <= drop + 1 {
            break;
        }
        parts.remove(drop);
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::fitting_keys;

    const KEYS: &str = "↑ ↓ PgUp PgDn scroll · select with the mouse · y copy · Esc back";

    #[test]
    fn a_narrow_screen_keeps_copying_and_leaving() {
        assert_eq!(fitting_keys(KEYS, 80), KEYS);
        assert_eq!(
            fitting_keys(KEYS, 40),
            "↑ ↓ PgUp PgDn scroll · y copy · Esc back"
        );
        assert_eq!(fitting_keys(KEYS, 30), "y copy · Esc back");
        let dutch = "↑ ↓ PgUp PgDn scrollen · selecteer met de muis · y kopiëren · Esc terug";
        assert_eq!(fitting_keys(dutch, 40), "y kopiëren · Esc terug");
    }
}
