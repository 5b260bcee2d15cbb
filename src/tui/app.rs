//! The wizard's state and `update`, which changes it in answer to an action and never draws.

use ratatui::layout::Rect;

use super::Options;
use super::action::Action;
use super::screen::{Screen, ScreenInput};
use super::theme::Theme;
use std::sync::Arc;

use crate::exit::WalkEnd;
use crate::flow::Flow;
use crate::i18n::words;
use crate::lang::Lang;
use crate::page::Page;
use crate::session::Session;
use crate::watch::carry_over;

/// The terminal size assumed until the first [`Action::Resize`].
const DEFAULT_SIZE: (u16, u16) = (80, 24);

/// A note above the key hints: the flow was reloaded, or its edited version has errors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    /// The lines to show; empty for no status.
    pub lines: Vec<String>,
    /// Whether it reports a problem.
    pub is_error: bool,
}

/// News about the flow file from the live preview (`--watch`).
#[derive(Debug, Clone)]
pub enum FlowEvent {
    /// The file changed and the new version is valid.
    Reloaded(Arc<Flow>),
    /// The file changed and the new version is refused: one line per diagnostic.
    Invalid(Vec<String>),
}

/// Everything the full-screen wizard knows.
#[derive(Debug, Clone)]
pub struct App {
    session: Session,
    lang: Lang,
    theme: Theme,
    page: Page,
    selected: usize,
    scroll: usize,
    help: bool,
    quit: bool,
    size: (u16, u16),
    /// Whether the user moved the selection since the last scroll, so a resize should
    /// keep it in view.
    follow: bool,
    status: Status,
}

impl App {
    /// A wizard at the session's current node, in `lang`.
    pub fn new(session: Session, lang: Lang, options: &Options) -> App {
        let page = Page::of(&session, lang);
        App {
            session,
            lang,
            theme: Theme::new(options.no_color),
            page,
            selected: 0,
            scroll: 0,
            help: false,
            quit: false,
            size: DEFAULT_SIZE,
            follow: false,
            status: Status::default(),
        }
    }

    /// The status lines above the key hints.
    pub fn status(&self) -> &Status {
        &self.status
    }

    /// The walk.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// What the current screen shows.
    pub fn page(&self) -> &Page {
        &self.page
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The styles to draw with.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The selected option, counted from 0.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The first body row the user scrolled to.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// Whether the help overlay is open.
    pub fn help_visible(&self) -> bool {
        self.help
    }

    /// Whether the current node is an ending.
    pub fn at_ending(&self) -> bool {
        self.page.kind.is_ending()
    }

    /// How the walk ended, once the user has quit.
    pub fn walk_end(&self) -> Option<WalkEnd> {
        self.quit.then(|| {
            if self.at_ending() {
                WalkEnd::Ending
            } else {
                WalkEnd::Quit
            }
        })
    }

    /// The screen laid out in `area`; `None` when the area is too small.
    pub fn screen(&self, area: Rect) -> Option<Screen> {
        let input = ScreenInput {
            page: &self.page,
            lang: self.lang,
            selected: self.selected,
            scroll: self.scroll,
            theme: &self.theme,
            status: &self.status.lines,
        };
        Screen::of(input, area)
    }

    fn current_screen(&self) -> Option<Screen> {
        self.screen(Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// Shows the session's current node with `selected` marked, scrolled to the top.
    fn show_node(&mut self, selected: usize) {
        self.page = Page::of(&self.session, self.lang);
        self.selected = selected.min(self.page.options.len().saturating_sub(1));
        self.scroll = 0;
        self.follow = selected > 0;
        if self.follow {
            self.reveal_selected();
        }
    }

    fn choose(&mut self, option: usize) {
        if self.session.choose(option).is_ok() {
            self.show_node(0);
        }
    }

    /// Whether the selected option's first row is on screen.
    fn selected_on_screen(&self) -> bool {
        let Some(screen) = self.current_screen() else {
            return false;
        };
        screen
            .content
            .option_rows(self.selected)
            .is_some_and(|(first, _)| screen.shows_row(first))
    }

    /// Scrolls as little as possible so the selected option is on screen.
    fn reveal_selected(&mut self) {
        self.follow = true;
        let Some(screen) = self.current_screen() else {
            return;
        };
        let Some((first, last)) = screen.content.option_rows(self.selected) else {
            return;
        };
        let visible = screen.visible().max(1);
        let mut scroll = screen.scroll;
        if last >= scroll + visible {
            scroll = last + 1 - visible;
        }
        if first < scroll {
            scroll = first;
        }
        self.scroll = scroll.min(screen.max_scroll());
    }

    /// Scrolls by `rows` (negative: up), within what the body allows.
    fn scroll_by(&mut self, rows: isize) {
        self.follow = false;
        let Some(screen) = self.current_screen() else {
            return;
        };
        self.scroll = screen
            .scroll
            .saturating_add_signed(rows)
            .min(screen.max_scroll());
    }

    /// How many rows PgUp/PgDn move: a screenful, less one row for context.
    fn page_rows(&self) -> isize {
        let visible = self.current_screen().map_or(1, |screen| screen.visible());
        visible.saturating_sub(1).max(1) as isize
    }

    fn move_selection(&mut self, up: bool) {
        let count = self.page.options.len();
        if count == 0 {
            self.scroll_by(if up { -1 } else { 1 });
            return;
        }
        let at_edge = if up {
            self.selected == 0
        } else {
            self.selected + 1 >= count
        };
        if at_edge {
            // Nothing further to select: let the arrow read the text around the options.
            self.scroll_by(if up { -1 } else { 1 });
            return;
        }
        self.selected = if up {
            self.selected - 1
        } else {
            self.selected + 1
        };
        self.reveal_selected();
    }
}

/// Changes `app` as `action` asks. Never draws.
///
/// While the help overlay is open, any key but `q` and Ctrl-C only closes it. Enter on an
/// option that is scrolled out of sight first scrolls it into view rather than picking
/// something the user cannot see; a digit always picks. Below the usable size (see
/// [`super::screen::too_small`]) only quitting and resizing do anything.
pub fn update(app: &mut App, action: Action) {
    if !app.status.is_error && !matches!(action, Action::Resize(..)) {
        app.status = Status::default();
    }
    match action {
        Action::Resize(columns, rows) => {
            app.size = (columns, rows);
            if app.follow {
                app.reveal_selected();
            } else {
                app.scroll_by(0);
            }
            return;
        }
        Action::Quit => {
            app.quit = true;
            return;
        }
        _ if app.help => {
            app.help = false;
            return;
        }
        _ => {}
    }
    if app.current_screen().is_none() && action != Action::Cancel {
        return;
    }
    match action {
        Action::Pick(option) => app.choose(option),
        Action::Choose if app.page.options.is_empty() => {}
        Action::Choose if app.selected_on_screen() => app.choose(app.selected),
        Action::Choose => app.reveal_selected(),
        Action::Up => app.move_selection(true),
        Action::Down => app.move_selection(false),
        Action::Back => {
            let previous = app.session.path().last().and_then(|step| step.answer());
            if app.session.back() {
                app.show_node(previous.unwrap_or(0));
            }
        }
        Action::Restart => {
            app.session.restart();
            app.show_node(0);
        }
        Action::ToggleHelp => app.help = true,
        Action::Cancel => app.quit = true,
        Action::PageUp => app.scroll_by(-app.page_rows()),
        Action::PageDown => app.scroll_by(app.page_rows()),
        Action::Top => app.scroll_by(isize::MIN),
        Action::Bottom => app.scroll_by(isize::MAX),
        Action::Resize(..) | Action::Quit => {}
    }
}

/// Takes in a new version of the flow (or its errors), keeping the user where they were:
/// at the same node, or the nearest earlier node the new version still leads to.
pub fn update_flow(app: &mut App, event: FlowEvent) {
    let words = words(app.lang);
    match event {
        FlowEvent::Reloaded(flow) => {
            app.session = carry_over(&app.session, flow);
            app.show_node(0);
            app.status = Status {
                lines: vec![words.watch_reloaded.to_owned()],
                is_error: false,
            };
        }
        FlowEvent::Invalid(problems) => {
            let mut lines = vec![words.watch_invalid.to_owned()];
            lines.extend(problems);
            app.status = Status {
                lines,
                is_error: true,
            };
        }
    }
}

#[cfg(test)]
mod tests;
