//! Where each part of the screen goes, worked out once, purely, so drawing, scrolling and
//! terminal hyperlinks all agree.

use ratatui::layout::Rect;

use crate::i18n::words;
use crate::lang::Lang;
use crate::page::Page;
use crate::tui::theme::Theme;
use crate::tui::view::content::{Content, content};
use crate::tui::wrap::{self, truncate_end};

/// Narrower than this many columns, only the "too small" message is shown.
pub const MIN_WIDTH: u16 = 20;
/// Shorter than this many rows, only the "too small" message is shown.
pub const MIN_HEIGHT: u16 = 8;
/// From this many rows on, thin rules frame the body.
const RULES_FROM_HEIGHT: u16 = 16;
/// The separator between key hints.
const HINT_SEPARATOR: &str = " · ";

/// Whether `area` is below the usable size ([`MIN_WIDTH`] × [`MIN_HEIGHT`]).
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The parts of a usable screen and the body laid out in it.
#[derive(Debug, Clone)]
pub struct Screen {
    /// The flow title's row.
    pub title: Rect,
    /// The breadcrumbs' row.
    pub crumbs: Rect,
    /// The rules above and below the body, on taller screens.
    pub rules: Option<(Rect, Rect)>,
    /// Where the visible body rows go.
    pub body: Rect,
    /// The row for the "more above/below" indicator, when the body does not fit.
    pub more: Option<Rect>,
    /// Where the status lines go (live preview), just above the key hints.
    pub status: Option<Rect>,
    /// Where the key hints go.
    pub footer: Rect,
    /// The key hints, one string per footer row.
    pub hints: Vec<String>,
    /// The whole body, wrapped to the body's width.
    pub content: Content,
    /// The first body row shown (already limited to what can scroll).
    pub scroll: usize,
}

/// What a screen is laid out from.
#[derive(Debug, Clone, Copy)]
pub struct ScreenInput<'a> {
    /// The page shown.
    pub page: &'a Page,
    /// The interface language.
    pub lang: Lang,
    /// The selected option.
    pub selected: usize,
    /// The first body row the user scrolled to.
    pub scroll: usize,
    /// The styles.
    pub theme: &'a Theme,
    /// Status lines to show above the key hints (at most [`MAX_STATUS_ROWS`]).
    pub status: &'a [String],
}

/// At most this many status rows are shown; the rest of the status is cut.
pub const MAX_STATUS_ROWS: u16 = 3;

impl Screen {
    /// Lays out a screen in `area`; `None` when the area is too small (see [`too_small`]).
    pub fn of(input: ScreenInput<'_>, area: Rect) -> Option<Screen> {
        if too_small(area) {
            return None;
        }
        let words = words(input.lang);
        let inner_width = area.width.saturating_sub(2);
        let hint_text = if input.page.kind.is_ending() {
            words.ending_keys
        } else {
            words.question_keys
        };
        let max_hint_rows = if area.height >= RULES_FROM_HEIGHT {
            3
        } else {
            2
        };
        let hints = pack_hints(hint_text, usize::from(inner_width), max_hint_rows);
        let rules = area.height >= RULES_FROM_HEIGHT;
        let row = |y: u16| Rect::new(area.x, y, area.width, 1);
        let footer_height = hints.len() as u16;
        let footer_top = area.bottom().saturating_sub(footer_height);
        // Status rows take at most a third of what is left, so the body always has room.
        let status_rows = (input.status.len() as u16)
            .min(MAX_STATUS_ROWS)
            .min(footer_top.saturating_sub(area.y + 2) / 3);
        let status_top = footer_top.saturating_sub(status_rows);
        let status =
            (status_rows > 0).then(|| Rect::new(area.x + 1, status_top, inner_width, status_rows));
        let mut body_top = area.y + 2;
        let mut body_bottom = status_top;
        let rules = rules.then(|| {
            body_top += 1;
            body_bottom = body_bottom.saturating_sub(1);
            (row(area.y + 2), row(body_bottom))
        });
        let body_height = body_bottom.saturating_sub(body_top);
        let mut body = Rect::new(area.x + 1, body_top, inner_width, body_height);
        let content = content(input.page, words, input.selected, body.width, input.theme);
        let mut more = None;
        if content.rows.len() > usize::from(body.height) && body.height >= 2 {
            body.height -= 1;
            more = Some(Rect::new(body.x, body.bottom(), body.width, 1));
        }
        let max_scroll = content.rows.len().saturating_sub(usize::from(body.height));
        Some(Screen {
            title: row(area.y),
            crumbs: row(area.y + 1),
            rules,
            body,
            more,
            status,
            footer: Rect::new(area.x + 1, footer_top, inner_width, footer_height),
            hints,
            content,
            scroll: input.scroll.min(max_scroll),
        })
    }

    /// How many body rows are shown at once.
    pub fn visible(&self) -> usize {
        usize::from(self.body.height)
    }

    /// The furthest the body can scroll.
    pub fn max_scroll(&self) -> usize {
        self.content.rows.len().saturating_sub(self.visible())
    }

    /// Whether body rows are hidden above the visible part.
    pub fn more_above(&self) -> bool {
        self.scroll > 0
    }

    /// Whether body rows are hidden below the visible part.
    pub fn more_below(&self) -> bool {
        self.scroll < self.max_scroll()
    }

    /// Whether body row `row` is on screen.
    pub fn shows_row(&self, row: usize) -> bool {
        row >= self.scroll && row < self.scroll + self.visible()
    }
}

/// Packs the key hints (separated by " · ") into at most `max_rows` rows of `width`
/// cells. When they do not fit, hints are dropped from the middle, keeping the last two
/// ("? help", "q quit"), so the way out and the way to all keys always show.
fn pack_hints(text: &str, width: usize, max_rows: usize) -> Vec<String> {
    let mut items: Vec<&str> = text.split(HINT_SEPARATOR).collect();
    loop {
        let rows = pack(&items, width);
        if rows.len() <= max_rows || items.len() <= 2 {
            return rows.into_iter().take(max_rows).collect();
        }
        items.remove(items.len() - 3);
    }
}

fn pack(items: &[&str], width: usize) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    let mut current = String::new();
    for item in items {
        let candidate = if current.is_empty() {
            (*item).to_owned()
        } else {
            format!("{current}{HINT_SEPARATOR}{item}")
        };
        if wrap::width(&candidate) <= width || current.is_empty() {
            current = candidate;
        } else {
            rows.push(std::mem::take(&mut current));
            current = (*item).to_owned();
        }
    }
    rows.push(current);
    rows.into_iter()
        .map(|row| truncate_end(&row, width))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_keep_the_way_out_when_cut() {
        let text = "1-9 pick · ↑↓ move · Enter choose · b back · r restart · ? help · q quit";
        assert_eq!(pack_hints(text, 80, 2), [text]);
        let narrow = pack_hints(text, 20, 2);
        assert!(narrow.len() <= 2);
        assert!(narrow.iter().all(|row| wrap::width(row) <= 20));
        assert!(narrow.last().unwrap().contains("q quit"), "{narrow:?}");
        assert!(narrow.concat().contains("? help"), "{narrow:?}");
    }
}
