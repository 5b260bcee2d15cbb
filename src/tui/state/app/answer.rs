//! The answer box of a question answered by typing, in `update`: editing it, continuing
//! with what is typed, and going back from it.

use super::{App, Status};
use crate::i18n::words;
use crate::tui::event::action::Action;
use crate::tui::state::effect::Effect;
use crate::tui::state::input::LineInput;

/// What the answer box made of an action.
pub(super) enum Handled {
    /// The box handled it; this is what else must happen.
    Done(Option<Effect>),
    /// Not the box's: the wizard handles this action (Backspace in an empty box has
    /// become [`Action::Back`]).
    Continue(Action),
}

impl App {
    /// Handles `action` at a question answered by typing. Characters are typed (`?` in
    /// an empty box opens the help), Backspace in an empty box goes back, Enter answers
    /// with what is typed.
    pub(super) fn update_answer(&mut self, action: Action) -> Handled {
        let input = &mut self.answer;
        match action {
            Action::Type('?') if input.text().is_empty() => self.help = true,
            Action::Type(_) if input.is_full() => {
                self.status = Status::info(words(self.lang).typed_cut.to_owned());
            }
            Action::Erase if input.text().is_empty() => return Handled::Continue(Action::Back),
            _ if input.edit(action) => {}
            Action::Choose => {
                let typed = input.text().to_owned();
                let moved = self.session.answer_text(&typed).is_ok();
                if moved {
                    self.show_node(0);
                }
                return Handled::Done(moved.then_some(Effect::Save));
            }
            other => return Handled::Continue(other),
        }
        Handled::Done(None)
    }

    /// Puts `typed` back in the answer box, as when going back to the question it answered.
    pub(super) fn refill_answer(&mut self, typed: &str) {
        self.answer = LineInput::answer_box_with(typed);
    }
}
