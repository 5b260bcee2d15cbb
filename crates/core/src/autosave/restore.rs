//! Rebuilding a session from its save, and saying exactly what no longer fits when the
//! flow changed underneath it.

use std::fmt;
use std::sync::Arc;

use jiff::Timestamp;

use super::replay::{place_notes, replay};
use super::saved::{SavedNote, SavedSession};
use crate::flow::Flow;
use crate::session::Session;

/// What no longer matches between a saved path and the flow as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// The save belongs to another flow.
    OtherFlow {
        /// The flow id in the save.
        saved: String,
    },
    /// A node the save names is gone. `step` counts from 1; 0 means a note's node.
    MissingNode {
        /// The step of the saved path (0: a note).
        step: usize,
        /// The node key that no longer exists.
        key: String,
    },
    /// A saved answer is no longer one of the node's options.
    NoSuchAnswer {
        /// The step, from 1.
        step: usize,
        /// The node.
        key: String,
        /// The option saved, from 0.
        choice: usize,
        /// How many options the node has now.
        count: usize,
    },
    /// A saved answer now leads somewhere else.
    LeadsElsewhere {
        /// The step, from 1.
        step: usize,
        /// The node.
        key: String,
        /// The option, from 0.
        choice: usize,
        /// Where it led when saved.
        was: String,
        /// Where it leads now.
        now: String,
    },
    /// The saved path does not pass through where it says it does (a hand-edited file).
    Inconsistent {
        /// The step, from 1 (the number of steps + 1: the current node).
        step: usize,
        /// The node key the save names.
        saved: String,
        /// The node the replay is at.
        replayed: String,
    },
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mismatch::OtherFlow { saved } => write!(f, "it was saved for the flow '{saved}'"),
            Mismatch::MissingNode { step: 0, key } => {
                write!(f, "a note was written at '{key}', which no longer exists")
            }
            Mismatch::MissingNode { step, key } => {
                write!(f, "step {step}: the node '{key}' no longer exists")
            }
            Mismatch::NoSuchAnswer {
                step,
                key,
                choice,
                count,
            } => write!(
                f,
                "step {step}: answer {} at '{key}' no longer exists (it has {count} answers now)",
                choice + 1
            ),
            Mismatch::LeadsElsewhere {
                step,
                key,
                choice,
                was,
                now,
            } => write!(
                f,
                "step {step}: answer {} at '{key}' led to '{was}' but now leads to '{now}'",
                choice + 1
            ),
            Mismatch::Inconsistent {
                step,
                saved,
                replayed,
            } => write!(
                f,
                "step {step}: the save says '{saved}' but the path leads to '{replayed}'"
            ),
        }
    }
}

/// A saved session that cannot be resumed; it carries the notes so that none is lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResumeProblem {
    /// What no longer matches.
    pub mismatch: Mismatch,
    /// The flow id, version and hash in the save.
    pub saved_flow: (String, u32, String),
    /// The notes of the saved session, as typed.
    pub notes: Vec<SavedNote>,
}

impl fmt::Display for ResumeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (id, version, _) = &self.saved_flow;
        write!(
            f,
            "the saved session cannot be resumed because the flow has changed since it was \
             saved (flow '{id}', version {version} then): {}",
            self.mismatch
        )
    }
}

impl std::error::Error for ResumeProblem {}

impl ResumeProblem {
    /// A new session on `flow` started at `now` that keeps the saved notes (by the replay
    /// rule, [`super::replay::place_notes`]): each on its node if that still exists, else
    /// on the first node, prefixed with `[at KEY]`.
    pub fn start_over(&self, flow: Arc<Flow>, now: Timestamp) -> Session {
        let mut session = Session::new_at(flow, now);
        place_notes(&mut session, &self.notes);
        session
    }
}

/// Rebuilds the session `saved` describes on `flow`, replaying its path by node keys
/// ([`replay`]). Never panics: a save of another flow, or one whose path or notes no
/// longer fit, comes back as a `ResumeProblem` that names the first step and node that
/// does not fit and carries the notes.
pub fn restore(flow: Arc<Flow>, saved: &SavedSession) -> Result<Session, Box<ResumeProblem>> {
    let problem = |mismatch| {
        Box::new(ResumeProblem {
            mismatch,
            saved_flow: (
                saved.flow.id.clone(),
                saved.flow.version,
                saved.flow.hash.clone(),
            ),
            notes: saved.notes.clone(),
        })
    };
    if saved.flow.id != flow.id() {
        return Err(problem(Mismatch::OtherFlow {
            saved: saved.flow.id.clone(),
        }));
    }
    let replayed = replay(flow, saved);
    match replayed.moved.into_iter().next() {
        Some(mismatch) => Err(problem(mismatch)),
        None => Ok(replayed.session),
    }
}
