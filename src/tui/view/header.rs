//! The top of the screen: the flow's title and the breadcrumbs (the answers so far).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::words;
use crate::tui::layout::screen::Screen;
use crate::tui::layout::view_model::ViewModel;
use crate::tui::layout::wrap::{self, truncate_end, truncate_start};

/// Joins breadcrumbs.
const CRUMB_SEPARATOR: &str = " › ";

/// Draws the title bar and the breadcrumbs row.
pub fn render(buf: &mut Buffer, screen: &Screen, model: &ViewModel) {
    let theme = model.theme;
    let page = model.page;
    buf.set_style(screen.title, theme.title);
    let inner = |row: Rect| Rect::new(row.x + 1, row.y, row.width.saturating_sub(2), 1);
    let title = inner(screen.title);
    let text = truncate_end(&page.flow_title, usize::from(title.width));
    buf.set_stringn(
        title.x,
        title.y,
        text,
        usize::from(title.width),
        theme.title,
    );
    let crumbs = inner(screen.crumbs);
    let text = crumbs_text(
        &page.breadcrumbs,
        words(model.lang).path,
        usize::from(crumbs.width),
    );
    buf.set_stringn(
        crumbs.x,
        crumbs.y,
        text,
        usize::from(crumbs.width),
        theme.crumbs,
    );
}

/// "Your answers: a › b › c", cut from the left with "…" to fit `width`; the label goes
/// first when there is no room for it. Empty before the first answer.
fn crumbs_text(crumbs: &[String], label: &str, width: usize) -> String {
    if crumbs.is_empty() {
        return String::new();
    }
    let path = crumbs.join(CRUMB_SEPARATOR);
    let label = format!("{label}: ");
    let label_width = wrap::width(&label);
    if width >= label_width + 8 {
        format!("{label}{}", truncate_start(&path, width - label_width))
    } else {
        truncate_start(&path, width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crumbs_are_cut_from_the_left() {
        let crumbs = [
            "first answer".to_owned(),
            "second".to_owned(),
            "third".to_owned(),
        ];
        assert_eq!(
            crumbs_text(&crumbs, "Path", 80),
            "Path: first answer › second › third"
        );
        assert_eq!(crumbs_text(&crumbs, "Path", 22), "Path: … second › third");
        assert_eq!(crumbs_text(&crumbs, "Path", 6), "…third");
        assert_eq!(crumbs_text(&[], "Path", 80), "");
    }
}
