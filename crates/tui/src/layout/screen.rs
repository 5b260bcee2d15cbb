//! Where each part of the screen goes, worked out once, purely, so drawing, scrolling and
//! terminal hyperlinks all agree.

use ratatui::layout::Rect;

use crate::i18n::words;
use crate::lang::Lang;
use crate::layout::theme::Theme;
use crate::page::Page;
use ratatui::text::Line;

use crate::layout::content::{Content, Row, content_for};
use crate::layout::hints::hints;
use crate::layout::trail_rows;
use crate::layout::wrap;
use crate::session::Session;

/// Narrower than this many columns, only the "too small" message is shown.
pub const MIN_WIDTH: u16 = 20;
/// Shorter than this many rows, only the "too small" message is shown.
pub const MIN_HEIGHT: u16 = 8;
/// From this many rows on, thin rules frame the body.
const RULES_FROM_HEIGHT: u16 = 16;

/// Whether `area` is below the usable size ([`MIN_WIDTH`] × [`MIN_HEIGHT`]).
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The parts of a usable screen and the body laid out in it.
#[derive(Debug, Clone)]
pub struct Screen {
    /// The whole screen.
    pub area: Rect,
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
    /// Where the status lines go (messages, the live preview's errors), just above the key
    /// hints.
    pub status: Option<Rect>,
    /// The status lines wrapped to the status area's width, so a long file name shows in
    /// full; as many as fit are drawn.
    pub status_rows: Vec<String>,
    /// Where the key hints go.
    pub footer: Rect,
    /// The key hints, one string per footer row.
    pub hints: Vec<String>,
    /// The whole body, wrapped to the body's width.
    pub content: Content,
    /// The first body row shown (already limited to what can scroll).
    pub scroll: usize,
    /// Agent mode: the path pane, when there is room for it.
    pub pane: Option<Pane>,
}

/// Agent mode's path pane, laid out.
#[derive(Debug, Clone)]
pub struct Pane {
    /// Where the pane goes. Its first row holds the title and the call time.
    pub area: Rect,
    /// Whether it stands right of the body (wide screens) rather than below it; a side
    /// pane has a frame line down its left column.
    pub side: bool,
    /// Where the entries go, under the title row.
    pub list: Rect,
    /// The entries, wrapped to the list's width.
    pub rows: Vec<Line<'static>>,
    /// The first row shown: the list keeps its newest rows in view.
    pub first: usize,
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
    /// Status lines to show above the key hints (at most `MAX_STATUS_ROWS`).
    pub status: &'a [String],
    /// Agent mode: the session, for the path pane and what to say; `None` otherwise.
    pub agent: Option<&'a Session>,
    /// One more key hint (a served wizard's hand-off), shown before help and quit.
    pub extra_hint: Option<&'static str>,
    /// Served over SSH: `s` shows the transcript (and the hints say so).
    pub served: bool,
}

/// At most this many status rows are shown; the rest of the status is cut.
pub(crate) const MAX_STATUS_ROWS: u16 = 3;

mod boxes;

/// From this many columns on, agent mode's path pane stands right of the body.
pub(crate) const SIDE_PANE_FROM_WIDTH: u16 = 100;

/// How many rows agent mode's path pane takes below the body on a screen `height` rows
/// high (none when the pane stands beside the body or the screen is too short).
fn bottom_pane_rows(height: u16) -> u16 {
    match height {
        0..12 => 0,
        12..16 => 1,
        16..20 => 4,
        20..30 => 6,
        _ => 8,
    }
}

impl Screen {
    /// Lays out a screen in `area`; `None` when the area is too small (see [`too_small`]).
    pub fn of(input: ScreenInput<'_>, area: Rect) -> Option<Screen> {
        if too_small(area) {
            return None;
        }
        let words = words(input.lang);
        let inner_width = area.width.saturating_sub(2);
        // A short screen gives its rows to the answers: one header row, one row of hints.
        let short = area.height < RULES_FROM_HEIGHT;
        let agent_hints = if input.served {
            crate::i18n::record_words(input.lang).agent_hints
        } else {
            words.agent_hints
        };
        let hints = hints(
            input.page,
            words,
            input.agent.is_some().then_some(agent_hints),
            input.extra_hint,
            usize::from(inner_width),
            if short { 1 } else { 3 },
        );
        let rules = !short;
        let side = input.agent.is_some() && area.width >= SIDE_PANE_FROM_WIDTH;
        let pane_width = if side {
            (area.width / 3).clamp(32, 56)
        } else {
            0
        };
        let main_width = area.width - pane_width;
        let row = |y: u16| Rect::new(area.x, y, area.width, 1);
        let main_row = |y: u16| Rect::new(area.x, y, main_width, 1);
        let footer_height = hints.len() as u16;
        let footer_top = area.bottom().saturating_sub(footer_height);
        // Status rows take at most a third of what is left, so the body always has room.
        let status_lines: Vec<String> = input
            .status
            .iter()
            .flat_map(|line| wrap::wrap(line, usize::from(inner_width)))
            .collect();
        let status_rows = (status_lines.len() as u16)
            .min(MAX_STATUS_ROWS)
            .min(footer_top.saturating_sub(area.y + 2) / 3);
        let status_top = footer_top.saturating_sub(status_rows);
        let status =
            (status_rows > 0).then(|| Rect::new(area.x + 1, status_top, inner_width, status_rows));
        // A pane below the body grows with the path, up to a share of the screen.
        let below_rows = match input.agent {
            Some(session) if !side => {
                let entries = crate::core::trail::entries(session, input.lang, words);
                let needed =
                    trail_rows::rows(&entries, usize::from(inner_width), input.theme).len();
                bottom_pane_rows(area.height).min(needed as u16 + 1)
            }
            _ => 0,
        };
        let pane_top = status_top.saturating_sub(below_rows);
        let header_rows = if short { 1 } else { 2 };
        let mut body_top = area.y + header_rows;
        let mut body_bottom = pane_top;
        let rules = rules.then(|| {
            body_top += 1;
            // Below the body goes the rule, or the title row of a pane under the body.
            if below_rows == 0 {
                body_bottom = body_bottom.saturating_sub(1);
            }
            (main_row(area.y + 2), main_row(body_bottom))
        });
        let body_height = body_bottom.saturating_sub(body_top);
        let mut body = Rect::new(
            area.x + 1,
            body_top,
            main_width.saturating_sub(2),
            body_height,
        );
        let lay_out = |compact| {
            content_for(
                input.page,
                words,
                input.selected,
                body.width,
                input.theme,
                input.agent.is_some(),
                compact,
            )
        };
        let mut content = lay_out(false);
        if short && !content.options_fit(usize::from(body.height).saturating_sub(1)) {
            content = lay_out(true);
        }
        let mut more = None;
        if content.rows.len() > usize::from(body.height) && body.height >= 2 {
            body.height -= 1;
            more = Some(Rect::new(body.x, body.bottom(), body.width, 1));
        }
        let max_scroll = content.rows.len().saturating_sub(usize::from(body.height));
        let pane = input.agent.and_then(|session| {
            let pane_area = if side {
                Rect::new(
                    area.x + main_width,
                    area.y + 2,
                    pane_width,
                    status_top.saturating_sub(area.y + 2),
                )
            } else {
                Rect::new(area.x, pane_top, area.width, below_rows)
            };
            pane_of(pane_area, side, session, input)
        });
        // On a short screen the one header row shows the answers so far, or the title
        // before the first answer; the other part gets no rows.
        let (title, crumbs) = match (short, input.page.breadcrumbs.is_empty()) {
            (false, _) => (row(area.y), row(area.y + 1)),
            (true, true) => (row(area.y), Rect::new(area.x, area.y + 1, area.width, 0)),
            (true, false) => (Rect::new(area.x, area.y, area.width, 0), row(area.y)),
        };
        Some(Screen {
            area,
            title,
            crumbs,
            rules,
            body,
            more,
            status,
            status_rows: status_lines,
            footer: Rect::new(area.x + 1, footer_top, inner_width, footer_height),
            hints,
            content,
            scroll: input.scroll.min(max_scroll),
            pane,
        })
    }

    /// How many body rows are shown at once.
    pub fn visible(&self) -> usize {
        usize::from(self.body.height)
    }

    /// The furthest the body can scroll.
    pub(crate) fn max_scroll(&self) -> usize {
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

    /// The body rows in view, each with the screen row it is drawn on.
    pub(crate) fn visible_rows(&self) -> impl Iterator<Item = (u16, &Row)> {
        let rows = self
            .content
            .rows
            .iter()
            .skip(self.scroll)
            .take(self.visible());
        (self.body.y..self.body.bottom()).zip(rows)
    }

    /// Whether body row `row` is on screen.
    pub(crate) fn shows_row(&self, row: usize) -> bool {
        row >= self.scroll && row < self.scroll + self.visible()
    }
}

/// Lays out the path pane in `area`: its title row, then the list (none on a pane of one
/// row, which shows only the call time).
fn pane_of(area: Rect, side: bool, session: &Session, input: ScreenInput<'_>) -> Option<Pane> {
    if area.height < 1 || area.width < 4 {
        return None;
    }
    // A side pane has its frame line and a space on the left; a bottom pane a margin.
    let (left, right) = if side { (2, 1) } else { (1, 1) };
    let list = Rect::new(
        area.x + left,
        area.y + 1,
        area.width - left - right,
        area.height - 1,
    );
    let entries = crate::core::trail::entries(session, input.lang, words(input.lang));
    let rows = trail_rows::rows(&entries, usize::from(list.width), input.theme);
    let first = rows.len().saturating_sub(usize::from(list.height));
    Some(Pane {
        area,
        side,
        list,
        rows,
        first,
    })
}
