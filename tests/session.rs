//! The session engine on the real built-in flow and on a flow with a question answered
//! by typing: unit checks and properties.

mod common;

use std::collections::VecDeque;

use jiff::Timestamp;
use proptest::prelude::*;
use signin_doctor_core::autosave::{SavedSession, restore};
use signin_doctor_core::flow::{Flow, NodeId, NodeKind, load_built_in};
use signin_doctor_core::lang::Lang;
use signin_doctor_core::session::{Session, SessionError, one_line};

fn flow() -> std::sync::Arc<Flow> {
    load_built_in()
        .expect("the built-in flow is valid")
        .flow
        .shared()
}

/// The flow with an error-code question answered by typing.
fn typed_flow() -> std::sync::Arc<Flow> {
    common::error_codes_session().shared_flow()
}

/// Whether some ending can be reached from `from` by following answers.
fn ending_reachable(flow: &Flow, from: NodeId) -> bool {
    let mut seen = vec![false; flow.nodes().len()];
    let mut queue = VecDeque::from([from]);
    while let Some(id) = queue.pop_front() {
        if std::mem::replace(&mut seen[id.index()], true) {
            continue;
        }
        let node = flow.node(id);
        if node.is_ending() {
            return true;
        }
        queue.extend(node.targets());
    }
    false
}

#[test]
fn choose_moves_along_the_answer_and_records_it() {
    let mut session = Session::new(flow());
    let start = session.current();
    let expected = session.node().targets()[0];
    assert_eq!(session.choose(0), Ok(expected));
    assert_eq!(session.current(), expected);
    assert_eq!(session.path().len(), 1);
    assert_eq!(session.path()[0].node, start);
}

#[test]
fn back_at_the_start_does_nothing() {
    let mut session = Session::new(flow());
    assert!(!session.back());
    assert_eq!(session.current(), session.flow().start());
}

#[test]
fn out_of_range_answers_are_refused_without_moving() {
    let mut session = Session::new(flow());
    let count = session.option_count();
    assert_eq!(
        session.choose(count),
        Err(SessionError::NoSuchOption {
            given: count,
            count
        })
    );
    assert!(session.path().is_empty());
}

#[test]
fn an_ending_offers_nothing_to_choose_and_restart_returns_to_the_start() {
    let mut session = Session::new(flow());
    while session.outcome().is_none() {
        session.choose(session.option_count() - 1).unwrap();
    }
    assert_eq!(session.option_count(), 0);
    assert_eq!(session.choose(0), Err(SessionError::AtEnding));
    session.restart();
    assert_eq!(session.current(), session.flow().start());
    assert!(session.path().is_empty());
    assert!(session.outcome().is_none());
}

#[test]
fn every_node_of_the_built_in_flow_can_reach_an_ending() {
    let flow = flow();
    for (id, node) in flow.nodes() {
        assert!(ending_reachable(&flow, id), "node '{}' is a trap", node.key);
    }
}

#[derive(Debug, Clone)]
enum Op {
    Choose(usize),
    /// Type this answer (refused where the node is not a question answered by typing).
    Type(String),
    /// Jump to the node with this index (modulo the number of nodes).
    Jump(usize),
    Back,
    Restart,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0usize..6).prop_map(Op::Choose),
        4 => prop_oneof![
            Just("AADSTS50053: Your account is locked".to_owned()),
            Just("aadsts50076".to_owned()),
            Just("500530".to_owned()),
            Just(String::new()),
            Just("x".repeat(1_500)),
            "\\PC{0,30}",
            "[ \t\r\n0-9a-z]{0,12}",
        ]
        .prop_map(Op::Type),
        2 => any::<usize>().prop_map(Op::Jump),
        3 => Just(Op::Back),
        1 => Just(Op::Restart),
    ]
}

proptest! {
    #[test]
    fn random_walks_keep_every_invariant(
        typed in any::<bool>(),
        ops in proptest::collection::vec(op(), 0..60),
    ) {
        let flow = if typed { typed_flow() } else { flow() };
        let mut session = Session::new(flow.clone());
        session.add_note("written at the start").unwrap();
        let mut notes = 1;
        for op in ops {
            if session.path().len() % 3 == 1 {
                session.add_note("another note").unwrap();
                notes += 1;
            }
            match op {
                Op::Choose(answer) => {
                    let before = session.clone();
                    match session.choose(answer) {
                        Ok(next) => {
                            prop_assert_eq!(session.current(), next);
                            prop_assert_eq!(session.path().len(), before.path().len() + 1);
                            // back is the exact inverse of choose
                            let mut undone = session.clone();
                            prop_assert!(undone.back());
                            prop_assert_eq!(undone.current(), before.current());
                            prop_assert_eq!(undone.path(), before.path());
                        }
                        Err(_) => {
                            prop_assert_eq!(session.current(), before.current());
                            prop_assert_eq!(session.path(), before.path());
                        }
                    }
                }
                Op::Type(text) => {
                    let before = session.clone();
                    let input = match &before.node().kind {
                        NodeKind::Input(input) => Some(input.clone()),
                        _ => None,
                    };
                    match (session.answer_text(&text), input) {
                        (Ok(next), Some(input)) => {
                            let kept = one_line(&text);
                            prop_assert_eq!(next, before.node().targets()[input.answer_for(&kept)]);
                            let last = session.path().last().unwrap().clone();
                            // kept masked like a note, so no secret reaches a save
                            let masked = signin_doctor_core::secrets::mask(&kept).0;
                            prop_assert_eq!(last.typed.as_deref(), Some(masked.as_str()));
                            prop_assert!(kept.chars().count() <= 1_000);
                            prop_assert!(!kept.chars().any(char::is_control));
                            // back forgets the typed answer exactly
                            let mut undone = session.clone();
                            prop_assert!(undone.back());
                            prop_assert_eq!(undone.current(), before.current());
                            prop_assert_eq!(undone.path(), before.path());
                        }
                        (Err(error), None) => {
                            let expected = if before.outcome().is_some() {
                                SessionError::AtEnding
                            } else {
                                SessionError::NotAnInput
                            };
                            prop_assert_eq!(error, expected);
                            prop_assert_eq!(session.path(), before.path());
                        }
                        (result, input) => prop_assert!(
                            false,
                            "typing gave {:?} at an input question: {}",
                            result,
                            input.is_some()
                        ),
                    }
                }
                Op::Jump(index) => {
                    let target = flow.nodes().nth(index % flow.nodes().len()).unwrap().0;
                    let before = session.clone();
                    match session.jump(target) {
                        Ok(reached) => {
                            prop_assert_eq!(reached, target);
                            prop_assert_eq!(session.current(), target);
                            let last = session.path().last().unwrap().clone();
                            prop_assert!(last.is_jump());
                            prop_assert_eq!((last.node, last.to), (before.current(), target));
                            // back after a jump restores the state exactly
                            let mut undone = session.clone();
                            prop_assert!(undone.back());
                            prop_assert_eq!(undone.current(), before.current());
                            prop_assert_eq!(undone.path(), before.path());
                        }
                        Err(error) => {
                            prop_assert_eq!(error, SessionError::AlreadyThere);
                            prop_assert_eq!(target, before.current());
                            prop_assert_eq!(session.path(), before.path());
                        }
                    }
                }
                Op::Back => {
                    let had_path = !session.path().is_empty();
                    prop_assert_eq!(session.back(), had_path);
                }
                Op::Restart => {
                    session.restart();
                    prop_assert_eq!(session.current(), flow.start());
                }
            }
            // The path always replays to where the session is, answers typed and picked
            // and jumps alike.
            let mut replay = Session::new(flow.clone());
            for step in session.path() {
                prop_assert_eq!(replay.current(), step.node);
                let reached = match (step.answer(), &step.typed) {
                    (Some(_), Some(typed)) => replay.answer_text(typed).unwrap(),
                    (Some(answer), None) => replay.choose(answer).unwrap(),
                    (None, _) => replay.jump(step.to).unwrap(),
                };
                prop_assert_eq!(reached, step.to);
            }
            prop_assert_eq!(replay.current(), session.current());
            let moves = |s: &Session| {
                s.path()
                    .iter()
                    .map(|m| (m.node, m.to, m.kind, m.typed.clone()))
                    .collect::<Vec<_>>()
            };
            prop_assert_eq!(moves(&replay), moves(&session));
            // An autosave, written and read back, resumes the same walk, typed text included.
            let saved = SavedSession::of(&session, Lang::En, Timestamp::UNIX_EPOCH);
            let json = serde_json::to_string(&saved).unwrap();
            let read: SavedSession = serde_json::from_str(&json).unwrap();
            let resumed = restore(flow.clone(), &read).unwrap();
            prop_assert_eq!(resumed.current(), session.current());
            prop_assert_eq!(resumed.path(), session.path());
            // Notes are never dropped by any move.
            prop_assert_eq!(session.notes().len(), notes);
            prop_assert!(ending_reachable(&flow, session.current()));
        }
    }
}
