//! Moving around the current screen: which option is selected, how far the body is
//! scrolled, and showing a new node.

use super::App;

impl App {
    /// Shows the session's current node with `selected` marked, scrolled to the top, and
    /// an empty answer box.
    pub(super) fn show_node(&mut self, selected: usize) {
        self.page = crate::page::Page::of(self.call.session(), self.lang).for_caller(
            self.call.session(),
            self.lang,
            self.record.caller,
        );
        self.answer = crate::state::input::LineInput::answer_box();
        self.call.forget_asking();
        self.selected = selected.min(self.page.options.len().saturating_sub(1));
        self.scroll = 0;
        self.follow = selected > 0;
        if self.follow {
            self.reveal_selected();
        }
    }

    /// Picks option `option`, and shows where it led.
    pub(super) fn choose(&mut self, option: usize) {
        let applied = self.apply(crate::core::Intent::Pick(option));
        self.moved(&applied);
    }

    /// Whether the selected option's first row is on screen.
    pub(super) fn selected_on_screen(&self) -> bool {
        let Some(screen) = self.current_screen() else {
            return false;
        };
        screen
            .content
            .option_rows(self.selected)
            .is_some_and(|(first, _)| screen.shows_row(first))
    }

    /// Scrolls as little as possible so the selected option is on screen.
    pub(super) fn reveal_selected(&mut self) {
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
    pub(super) fn scroll_by(&mut self, rows: isize) {
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
    pub(super) fn page_rows(&self) -> isize {
        let visible = self.current_screen().map_or(1, |screen| screen.visible());
        visible.saturating_sub(1).max(1) as isize
    }

    /// Moves the selection one option up or down, or scrolls where there is nothing
    /// further to select.
    pub(super) fn move_selection(&mut self, up: bool) {
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
