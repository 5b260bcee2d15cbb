//! The answer box of a question answered by typing, in `update`: editing it, continuing
//! with what is typed, and going back from it.

use super::{App, Status};
use crate::core::{Applied, Intent};
use crate::event::action::Action;
use crate::i18n::words;
use crate::state::effect::Effect;
use crate::state::input::LineInput;

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
    /// with what is typed — or first asks once (see [`crate::core::typed_answer`]): then
    /// Enter again takes what is asked, and Esc declines a suggested code.
    pub(super) fn update_answer(&mut self, action: Action) -> Handled {
        let input = &mut self.answer;
        let before = input.text().to_owned();
        match action {
            Action::Type('?') if input.text().is_empty() => self.help = true,
            Action::Type(_) if input.is_full() => {
                self.status = Status::info(words(self.lang).typed_cut.to_owned());
            }
            Action::Erase if input.text().is_empty() => return Handled::Continue(Action::Back),
            _ if input.edit(action) => {}
            Action::Choose => {
                let applied = self.apply(Intent::Type(before));
                self.moved(&applied);
                return Handled::Done(None);
            }
            Action::Back
                if self.call.asking().is_some_and(|asked| {
                    matches!(asked, crate::core::typed_answer::Confirm::Suggest { .. })
                }) =>
            {
                let applied = self.apply(Intent::Decline);
                self.moved(&applied);
                return Handled::Done(None);
            }
            other => return Handled::Continue(other),
        }
        if self.answer.text() != before {
            self.call.forget_asking();
        }
        Handled::Done(None)
    }

    /// After an intent: shows where it led if the session moved, and what the call said.
    pub(super) fn moved(&mut self, applied: &Applied) {
        if applied.moved() {
            self.show_node(0);
        }
        self.took(&applied.notices);
    }

    /// Puts `typed` back in the answer box, as when going back to the question it answered.
    pub(super) fn refill_answer(&mut self, typed: &str) {
        self.answer = LineInput::answer_box_with(typed);
    }
}
