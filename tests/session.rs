//! The session engine on the real built-in flow: unit checks and properties.

use std::collections::VecDeque;

use proptest::prelude::*;
use signin_doctor::flow::{Flow, NodeId, load_built_in};
use signin_doctor::session::{Session, SessionError};

fn flow() -> std::sync::Arc<Flow> {
    load_built_in()
        .expect("the built-in flow is valid")
        .flow
        .shared()
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
    /// Jump to the node with this index (modulo the number of nodes).
    Jump(usize),
    Back,
    Restart,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0usize..6).prop_map(Op::Choose),
        2 => any::<usize>().prop_map(Op::Jump),
        3 => Just(Op::Back),
        1 => Just(Op::Restart),
    ]
}

proptest! {
    #[test]
    fn random_walks_keep_every_invariant(ops in proptest::collection::vec(op(), 0..60)) {
        let flow = flow();
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
            // The path always replays to where the session is, answers and jumps alike.
            let mut replay = Session::new(flow.clone());
            for step in session.path() {
                prop_assert_eq!(replay.current(), step.node);
                let reached = match step.answer() {
                    Some(answer) => replay.choose(answer).unwrap(),
                    None => replay.jump(step.to).unwrap(),
                };
                prop_assert_eq!(reached, step.to);
            }
            prop_assert_eq!(replay.current(), session.current());
            // Notes are never dropped by any move.
            prop_assert_eq!(session.notes().len(), notes);
            prop_assert!(ending_reachable(&flow, session.current()));
        }
    }
}
