//! The answer box of a question answered by typing, in `update`: editing it, continuing
//! with what is typed, and going back from it.

use super::{App, Status};
use crate::core::typed_answer::Entered;
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
                let entered = self.typed.enter(&mut self.session, &before);
                return Handled::Done(self.moved(matches!(entered, Ok(Entered::Moved(_)))));
            }
            Action::Back => match self.typed.decline(&mut self.session) {
                Some(declined) => return Handled::Done(self.moved(declined.is_ok())),
                None => return Handled::Continue(Action::Back),
            },
            other => return Handled::Continue(other),
        }
        if self.answer.text() != before {
            self.typed.forget();
        }
        Handled::Done(None)
    }

    /// After an answer: shows where it led, and asks for a save, if the session `moved`.
    fn moved(&mut self, moved: bool) -> Option<Effect> {
        if moved {
            self.show_node(0);
        }
        moved.then_some(Effect::Save)
    }

    /// Puts `typed` back in the answer box, as when going back to the question it answered.
    pub(super) fn refill_answer(&mut self, typed: &str) {
        self.answer = LineInput::answer_box_with(typed);
    }
}
