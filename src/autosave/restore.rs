//! Rebuilding a session from its save, and saying exactly what no longer fits when the
//! flow changed underneath it.

use std::fmt;
use std::sync::Arc;

use jiff::Timestamp;

use super::saved::{SavedMove, SavedNote, SavedSession};
use crate::flow::{Flow, NodeId};
use crate::session::{Session, SessionError};

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
    /// A new session on `flow` started at `now` that keeps the saved notes: each on its
    /// node if that still exists, else on the first node, prefixed with `[at KEY]`.
    pub fn start_over(&self, flow: Arc<Flow>, now: Timestamp) -> Session {
        let mut session = Session::new_at(Arc::clone(&flow), now);
        for note in &self.notes {
            let (node, text) = match flow.find(&note.node) {
                Some(node) => (node, note.text.clone()),
                None => (flow.start(), format!("[at {}] {}", note.node, note.text)),
            };
            // Saved notes are never empty; if one was, there is nothing to keep.
            let _ = session.add_note_to(node, &text, note.at);
        }
        session
    }
}

/// Rebuilds the session `saved` describes on `flow`, replaying its path by node keys.
/// Never panics: whatever no longer matches comes back as a [`ResumeProblem`] that names
/// the step and node and carries the notes.
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
    let find = |step: usize, key: &str| -> Result<NodeId, Box<ResumeProblem>> {
        flow.find(key).ok_or_else(|| {
            problem(Mismatch::MissingNode {
                step,
                key: key.to_owned(),
            })
        })
    };
    let mut session = Session::new_at(Arc::clone(&flow), saved.started);
    let key_of = |id: NodeId| flow.node(id).key.clone();
    for (index, saved_move) in saved.moves.iter().enumerate() {
        let step = index + 1;
        let (from, at) = match saved_move {
            SavedMove::Answer { node, at, .. } => (node, at),
            SavedMove::Jump { from, at, .. } => (from, at),
        };
        let from_id = find(step, from)?;
        if from_id != session.current() {
            return Err(problem(Mismatch::Inconsistent {
                step,
                saved: from.clone(),
                replayed: key_of(session.current()),
            }));
        }
        match saved_move {
            SavedMove::Answer {
                node,
                choice,
                next,
                typed,
                ..
            } => {
                let next_id = find(step, next)?;
                // Typed text is routed again by today's patterns; a changed pattern shows
                // as "leads elsewhere" below.
                let replayed = match typed {
                    Some(text) => session.answer_text_at(text, *at),
                    None => session.choose_at(*choice, *at),
                };
                let reached = replayed.map_err(|error| {
                    let count = match error {
                        SessionError::NoSuchOption { count, .. } => count,
                        _ => 0,
                    };
                    problem(Mismatch::NoSuchAnswer {
                        step,
                        key: node.clone(),
                        choice: *choice,
                        count,
                    })
                })?;
                if reached != next_id {
                    return Err(problem(Mismatch::LeadsElsewhere {
                        step,
                        key: node.clone(),
                        choice: *choice,
                        was: next.clone(),
                        now: key_of(reached),
                    }));
                }
            }
            SavedMove::Jump { to, .. } => {
                let to_id = find(step, to)?;
                // A saved jump never targets its own node; if a file says so, stay.
                let _ = session.jump_at(to_id, *at);
            }
        }
    }
    let current = find(saved.moves.len() + 1, &saved.current)?;
    if current != session.current() {
        return Err(problem(Mismatch::Inconsistent {
            step: saved.moves.len() + 1,
            saved: saved.current.clone(),
            replayed: key_of(session.current()),
        }));
    }
    for note in &saved.notes {
        let node = find(0, &note.node)?;
        let _ = session.add_note_to(node, &note.text, note.at);
    }
    Ok(session)
}
