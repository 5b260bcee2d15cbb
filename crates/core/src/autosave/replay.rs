//! The one rule for rebuilding a walk on a flow that may have changed: `--resume` (from a
//! save file) and the live preview (`--watch`, from the session on screen) both use it.
//!
//! The saved path is replayed by node keys, answer by answer and jump by jump, with the
//! times it was made at; the start time of the call is kept. The replay stops at the first
//! move that no longer fits — a node that is gone, an answer that no longer exists or now
//! leads elsewhere — so the user is at the same node, or at the nearest earlier node the
//! flow still leads to. Every note is kept: on its node if that still exists, else on the
//! node the user ends up at, prefixed with `[at KEY]`. What did not fit is listed.

use std::sync::Arc;

use jiff::Timestamp;

use super::restore::Mismatch;
use super::saved::{SavedMove, SavedNote, SavedSession};
use crate::flow::{Flow, NodeId};
use crate::session::{Session, SessionError};

/// A walk rebuilt on a flow, and what of the saved walk no longer fitted.
#[derive(Debug, Clone)]
pub struct Replayed {
    /// The walk as far as the flow allows, with every note.
    pub session: Session,
    /// What no longer fits, in the order met; empty when everything was replayed.
    pub moved: Vec<Mismatch>,
}

/// Rebuilds the walk `saved` describes on `flow` (see the module documentation).
pub fn replay(flow: Arc<Flow>, saved: &SavedSession) -> Replayed {
    let mut session = Session::new_at(Arc::clone(&flow), saved.started);
    let mut moved = Vec::new();
    let reached_end = replay_moves(&mut session, &saved.moves, &mut moved);
    if reached_end && session.node().key != saved.current {
        moved.push(match flow.find(&saved.current) {
            None => Mismatch::MissingNode {
                step: saved.moves.len() + 1,
                key: saved.current.clone(),
            },
            Some(_) => Mismatch::Inconsistent {
                step: saved.moves.len() + 1,
                saved: saved.current.clone(),
                replayed: session.node().key.clone(),
            },
        });
    }
    moved.extend(place_notes(&mut session, &saved.notes));
    for hand_off in &saved.hand_offs {
        // A node the flow no longer has: the hand-off stays, at the node the user is at.
        let node = flow.find(&hand_off.node).unwrap_or(session.current());
        session.record_hand_off_at(node, &hand_off.code, hand_off.live, hand_off.at);
    }
    Replayed { session, moved }
}

/// Replays `moves`; returns whether all of them fitted, else records why not in `moved`.
fn replay_moves(session: &mut Session, moves: &[SavedMove], moved: &mut Vec<Mismatch>) -> bool {
    for (index, saved_move) in moves.iter().enumerate() {
        let step = index + 1;
        let (from, at) = match saved_move {
            SavedMove::Answer { node, at, .. } => (node, *at),
            SavedMove::Jump { from, at, .. } => (from, *at),
        };
        if session.node().key != *from {
            moved.push(match session.flow().find(from) {
                None => Mismatch::MissingNode {
                    step,
                    key: from.clone(),
                },
                Some(_) => Mismatch::Inconsistent {
                    step,
                    saved: from.clone(),
                    replayed: session.node().key.clone(),
                },
            });
            return false;
        }
        let problem = match saved_move {
            SavedMove::Answer {
                node,
                choice,
                next,
                typed,
                ..
            } => answer(session, step, node, (*choice, typed.as_deref()), next, at),
            SavedMove::Jump { to, .. } => jump(session, step, to, at),
        };
        if let Some(problem) = problem {
            moved.push(problem);
            return false;
        }
    }
    true
}

/// Replays one answer: the option `choice`, or — at a question answered by typing — the
/// text typed, routed again by today's patterns (a changed pattern shows as "leads
/// elsewhere").
fn answer(
    session: &mut Session,
    step: usize,
    node: &str,
    (choice, typed): (usize, Option<&str>),
    next: &str,
    at: Timestamp,
) -> Option<Mismatch> {
    if session.flow().find(next).is_none() {
        return Some(Mismatch::MissingNode {
            step,
            key: next.to_owned(),
        });
    }
    let replayed = match typed {
        Some(text) => session.answer_text_at(text, at),
        None => session.choose_at(choice, at),
    };
    match replayed {
        Err(error) => Some(Mismatch::NoSuchAnswer {
            step,
            key: node.to_owned(),
            choice,
            count: match error {
                SessionError::NoSuchOption { count, .. } => count,
                _ => 0,
            },
        }),
        Ok(reached) if session.flow().node(reached).key != next => {
            let now = session.flow().node(reached).key.clone();
            // The same answer now leads elsewhere: stay where it was given.
            session.back();
            Some(Mismatch::LeadsElsewhere {
                step,
                key: node.to_owned(),
                choice,
                was: next.to_owned(),
                now,
            })
        }
        Ok(_) => None,
    }
}

fn jump(session: &mut Session, step: usize, to: &str, at: Timestamp) -> Option<Mismatch> {
    let Some(to_id) = session.flow().find(to) else {
        return Some(Mismatch::MissingNode {
            step,
            key: to.to_owned(),
        });
    };
    // A saved jump never targets its own node; if a file says so, stay.
    let _ = session.jump_at(to_id, at);
    None
}

/// Adds `notes` to `session`: each on its node if that still exists, else on the node the
/// session is at, prefixed with `[at KEY]`. Returns a mismatch for each note moved.
pub(crate) fn place_notes(session: &mut Session, notes: &[SavedNote]) -> Vec<Mismatch> {
    let mut moved = Vec::new();
    for note in notes {
        let found: Option<NodeId> = session.flow().find(&note.node);
        let (node, text) = match found {
            Some(node) => (node, note.text.clone()),
            None => {
                moved.push(Mismatch::MissingNode {
                    step: 0,
                    key: note.node.clone(),
                });
                (
                    session.current(),
                    format!("[at {}] {}", note.node, note.text),
                )
            }
        };
        // Saved notes are never empty; if one was, there is nothing to keep.
        let _ = session.add_note_to(node, &text, note.at, note.author);
    }
    moved
}
