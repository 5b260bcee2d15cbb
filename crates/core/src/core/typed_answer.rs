//! Enter at a question answered by typing, the same in every front end: what is typed is
//! taken at once, except where it may not be what the user meant, and then the wizard
//! asks once first.
//!
//! - Nothing typed: "Press Enter again to go on without a code". So an Enter that came
//!   with the key that opened the question (`2` then Enter, typed fast or read in one go)
//!   is never taken for "no code".
//! - A code one character off a code the question knows: "Did you mean AADSTS50053?".
//!   Enter (or an empty line) takes the suggestion, which leads where that code leads;
//!   declining goes on with what was typed.
//!
//! Typing anything else answers afresh. What is asked belongs to the place it was asked
//! at: after any move (back, a jump, the other side of a shared session) it is gone.

use jiff::Timestamp;

use crate::flow::{NodeId, Suggestion};
use crate::lang::Lang;
use crate::session::{Session, SessionError, one_line};

/// What the wizard asks before taking a typed answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Nothing was typed: Enter again goes on without an answer.
    Empty,
    /// What was typed (`typed`) is one character off a known code.
    Suggest {
        /// The line as typed.
        typed: String,
        /// The code offered, and where it leads.
        suggestion: Suggestion,
    },
}

/// What Enter came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entered {
    /// The question was answered; the session is at this node now.
    Moved(NodeId),
    /// The wizard asks this first (see `TypedAnswer::prompt`); nothing moved.
    Asking(Confirm),
}

/// The "ask once before taking it" state of the question answered by typing where the
/// user is. One per front end's session; [`Default`] asks nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypedAnswer {
    /// What is asked, and where.
    asking: Option<(Place, Confirm)>,
}

/// A visit to a node: the node, how many moves led there, and when the last was made.
type Place = (NodeId, usize, Option<Timestamp>);

fn place(session: &Session) -> Place {
    let path = session.path();
    (session.current(), path.len(), path.last().map(|m| m.at))
}

impl TypedAnswer {
    /// What is asked at the place `session` is at, if anything.
    pub fn asking(&self, session: &Session) -> Option<&Confirm> {
        self.asking
            .as_ref()
            .filter(|(at, _)| *at == place(session))
            .map(|(_, confirm)| confirm)
    }

    /// Forgets what was asked, as when the typed text changed.
    pub fn forget(&mut self) {
        self.asking = None;
    }

    /// Enter with `typed` in the box (or as the line read), now.
    pub fn enter(&mut self, session: &mut Session, typed: &str) -> Result<Entered, SessionError> {
        self.enter_at(session, typed, crate::clock::now())
    }

    /// Enter with `typed` at time `at`. After "nothing typed", an empty Enter goes on
    /// without an answer; after a suggestion, Enter with the same text or none takes it.
    /// Anything else is answered afresh: asked about if empty or one character off a
    /// known code, else taken.
    pub(crate) fn enter_at(
        &mut self,
        session: &mut Session,
        typed: &str,
        at: Timestamp,
    ) -> Result<Entered, SessionError> {
        let line = one_line(typed);
        let asked = self.asking(session).cloned();
        self.asking = None;
        match asked {
            Some(Confirm::Empty) if line.is_empty() => {
                return session.answer_text_at("", at).map(Entered::Moved);
            }
            Some(Confirm::Suggest {
                typed: before,
                suggestion,
            }) if line.is_empty() || line == before => {
                return session
                    .answer_suggested_at(&suggestion, at)
                    .map(Entered::Moved);
            }
            _ => {}
        }
        let input = session.input()?;
        let confirm = if line.is_empty() {
            Confirm::Empty
        } else if let Some(suggestion) = input.did_you_mean(&line) {
            Confirm::Suggest {
                typed: line,
                suggestion,
            }
        } else {
            return session.answer_text_at(&line, at).map(Entered::Moved);
        };
        self.asking = Some((place(session), confirm.clone()));
        Ok(Entered::Asking(confirm))
    }

    /// Declines the suggestion asked about, going on with what was typed, now. `None`,
    /// and nothing changes, when no suggestion is asked about.
    pub fn decline(&mut self, session: &mut Session) -> Option<Result<NodeId, SessionError>> {
        self.decline_at(session, crate::clock::now())
    }

    /// Declines the suggestion asked about at time `at` (see [`TypedAnswer::decline`]).
    pub(crate) fn decline_at(
        &mut self,
        session: &mut Session,
        at: Timestamp,
    ) -> Option<Result<NodeId, SessionError>> {
        let Some(Confirm::Suggest { typed, .. }) = self.asking(session).cloned() else {
            return None;
        };
        self.asking = None;
        Some(session.answer_text_at(&typed, at))
    }
}

/// How the front ends ask, in their words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asker {
    /// The full-screen wizard: Enter and Esc.
    Keys,
    /// Plain mode: an empty line, or `n`.
    Lines,
}

impl Confirm {
    /// The question to show, in `lang`, for a front end that answers with `asker`'s keys.
    pub fn prompt(&self, lang: Lang, asker: Asker) -> String {
        let words = crate::i18n::typed_words(lang);
        let (empty, suggest) = match asker {
            Asker::Keys => (words.empty_keys, words.suggest_keys),
            Asker::Lines => (words.empty_lines, words.suggest_lines),
        };
        match self {
            Confirm::Empty => empty.to_owned(),
            Confirm::Suggest { suggestion, .. } => {
                let code = crate::sanitize::clean_line(&suggestion.code);
                format!("{} {code}? {suggest}", words.did_you_mean)
            }
        }
    }
}

/// How a line answers a suggestion in plain mode: `Some(true)` takes it (an empty line,
/// `y`, `yes`, `j`, `ja`), `Some(false)` declines it (`n`, `no`, `nee`), in any case;
/// `None` for any other line, which is a new answer.
pub fn takes_suggestion(line: &str) -> Option<bool> {
    match line.trim().to_lowercase().as_str() {
        "" | "y" | "yes" | "j" | "ja" => Some(true),
        "n" | "no" | "nee" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
