//! Unit tests of the parent module.

use super::*;
use crate::flow::load_built_in;

fn at(second: i64) -> Timestamp {
    Timestamp::from_second(1_700_000_000 + second).unwrap()
}

fn session() -> Session {
    Session::new_at(load_built_in().unwrap().flow.shared(), at(0))
}

#[test]
fn a_jump_is_recorded_and_back_undoes_it() {
    let mut s = session();
    s.choose_at(0, at(5)).unwrap();
    let (from, target) = (s.current(), s.flow().start());
    assert_eq!(s.jump_at(target, at(9)), Ok(target));
    assert_eq!(s.path().last().unwrap().kind, MoveKind::Jump);
    assert_eq!(s.path().last().unwrap().node, from);
    assert!(s.back());
    assert_eq!(s.current(), from);
    assert_eq!(s.path().len(), 1);
    assert_eq!(s.jump_at(from, at(10)), Err(SessionError::AlreadyThere));
    let beyond = NodeId(s.flow().nodes().len());
    assert!(matches!(
        s.jump_at(beyond, at(10)),
        Err(SessionError::NoSuchNode { .. })
    ));
}

#[test]
fn notes_survive_back_and_restart_and_empty_ones_are_refused() {
    let mut s = session();
    s.choose_at(0, at(5)).unwrap();
    let here = s.current();
    s.add_note_at("  caller on a new phone \n", at(7)).unwrap();
    assert_eq!(s.add_note_at("   ", at(8)), Err(SessionError::EmptyNote));
    s.back();
    s.restart();
    assert_eq!(s.notes().len(), 1);
    assert_eq!(s.notes()[0].node, here);
    assert_eq!(s.notes()[0].text, "caller on a new phone");
    assert_eq!(s.started(), at(0));
}

#[test]
fn ended_is_the_time_the_ending_was_reached() {
    let mut s = session();
    let mut t = 0;
    while s.outcome().is_none() {
        assert_eq!(s.ended(), None);
        t += 10;
        s.choose_at(0, at(t)).unwrap();
    }
    assert_eq!(s.ended(), Some(at(t)));
    assert_eq!(s.elapsed_at(at(t + 5)), SignedDuration::from_secs(t + 5));
    assert_eq!(s.elapsed_at(at(-5)), SignedDuration::ZERO);
}
