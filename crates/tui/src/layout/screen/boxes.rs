//! Where the note editor and the search box go, worked out from the screen's layout.

use ratatui::layout::Rect;

use super::Screen;

impl Screen {
    /// The rows between the breadcrumbs and the status lines (or key hints), where input
    /// boxes go.
    fn middle(&self) -> Rect {
        let top = self.area.y + 2;
        let bottom = self.status.map_or(self.footer.y, |status| status.y);
        Rect::new(
            self.area.x,
            top,
            self.area.width,
            bottom.saturating_sub(top),
        )
    }

    /// The note editor's box: a frame around the text field and one row of hints, across
    /// the screen just above the status lines and key hints, so the question stays in view.
    pub(crate) fn note_box(&self) -> Rect {
        let middle = self.middle();
        let height = NOTE_BOX_ROWS.min(middle.height);
        Rect::new(middle.x, middle.bottom() - height, middle.width, height)
    }

    /// The search box with room for `hits` matches: a frame around the query, a row that
    /// tells what was found, the matches and a row of hints, under the breadcrumbs.
    pub(crate) fn search_box(&self, hits: usize) -> Rect {
        let middle = self.middle();
        let width = middle.width.min(SEARCH_BOX_MAX_WIDTH);
        let wanted = 5 + (hits.clamp(1, MAX_SEARCH_ROWS) as u16);
        Rect::new(
            middle.x + (middle.width - width) / 2,
            middle.y,
            width,
            wanted.min(middle.height),
        )
    }
}

/// The note editor's rows: frame, text field, hints, frame.
const NOTE_BOX_ROWS: u16 = 4;
/// The widest the search box grows.
const SEARCH_BOX_MAX_WIDTH: u16 = 90;
/// The most matches the search box lists at once.
pub(crate) const MAX_SEARCH_ROWS: usize = 12;
