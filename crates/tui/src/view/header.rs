//! The top of the screen: the flow's title and the breadcrumbs (the answers so far).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::words;
use crate::layout::screen::Screen;
use crate::layout::view_model::ViewModel;
use crate::layout::wrap::{self, truncate_words};

/// A header row without its margins.
fn inner(row: Rect) -> Rect {
    Rect::new(row.x + 1, row.y, row.width.saturating_sub(2), 1)
}

/// Joins breadcrumbs.
const CRUMB_SEPARATOR: &str = " › ";

/// Draws the title bar and the breadcrumbs row.
pub fn render(buf: &mut Buffer, screen: &Screen, model: &ViewModel) {
    let theme = model.theme;
    let page = model.page;
    buf.set_style(screen.title, theme.title);
    if screen.title.is_empty() {
        return render_crumbs(buf, screen, model);
    }
    let title = inner(screen.title);
    let text = truncate_words(&page.flow_title, usize::from(title.width));
    buf.set_stringn(
        title.x,
        title.y,
        text,
        usize::from(title.width),
        theme.title,
    );
    render_crumbs(buf, screen, model);
}

/// Draws the breadcrumbs row, when the screen has one.
fn render_crumbs(buf: &mut Buffer, screen: &Screen, model: &ViewModel) {
    if screen.crumbs.is_empty() {
        return;
    }
    let theme = model.theme;
    let page = model.page;
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

/// "Your answers: a › b › c", shortened by whole steps from the left ("… › b › c") to fit
/// `width`; the last step is cut (at a word) only when it alone is too long, and the label
/// goes first when there is no room for it. Empty before the first answer.
fn crumbs_text(crumbs: &[String], label: &str, width: usize) -> String {
    let Some(last) = crumbs.last() else {
        return String::new();
    };
    let label = format!("{label}: ");
    let label_width = wrap::width(&label);
    if let Some(path) = whole_steps(crumbs, width.saturating_sub(label_width)) {
        return format!("{label}{path}");
    }
    whole_steps(crumbs, width).unwrap_or_else(|| {
        let room = width.saturating_sub(wrap::width(DROPPED));
        if crumbs.len() > 1 && room >= 8 {
            format!("{DROPPED}{}", truncate_words(last, room))
        } else {
            truncate_words(last, width)
        }
    })
}

/// What stands for the steps left out on the left.
const DROPPED: &str = "… › ";

/// The last steps that fit in `width` cells, "… › " first when some are left out; `None`
/// when not even the last step fits whole.
fn whole_steps(crumbs: &[String], width: usize) -> Option<String> {
    (0..crumbs.len()).find_map(|dropped| {
        let path = crumbs[dropped..].join(CRUMB_SEPARATOR);
        let path = if dropped == 0 {
            path
        } else {
            format!("{DROPPED}{path}")
        };
        (wrap::width(&path) <= width).then_some(path)
    })
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
        assert_eq!(crumbs_text(&crumbs, "Path", 24), "Path: … › second › third");
        assert_eq!(crumbs_text(&crumbs, "Path", 22), "Path: … › third");
        assert_eq!(crumbs_text(&crumbs, "Path", 10), "… › third");
        assert_eq!(crumbs_text(&crumbs, "Path", 6), "third");
        let long = [
            "a".to_owned(),
            "It's not turned on for me (SSPR_0009)".to_owned(),
        ];
        assert_eq!(crumbs_text(&long, "Path", 24), "… › It's not turned on…");
        assert_eq!(crumbs_text(&[], "Path", 80), "");
    }
}
