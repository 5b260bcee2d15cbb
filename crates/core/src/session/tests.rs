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
    // A node of a bigger flow: the engine cannot make an id beyond its own flow.
    let size = s.flow().nodes().len();
    let yaml = crate::generate::flow_yaml(size * 2, 1);
    let bigger = crate::flow::load_str(&yaml, "bigger.yaml").unwrap().flow;
    let beyond = bigger
        .nodes()
        .map(|(id, _)| id)
        .find(|id| id.index() >= size)
        .unwrap();
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

/// The flow with a typed error code that the tests of input questions walk.
fn error_codes() -> Session {
    let yaml = include_str!("../../../../tests/fixtures/error-codes.yaml");
    let flow = crate::flow::load_str(yaml, "error-codes.yaml")
        .unwrap()
        .flow;
    Session::new_at(flow.shared(), at(0))
}

fn key(s: &Session) -> &str {
    &s.node().key
}

#[test]
fn typed_text_is_routed_by_the_first_matching_pattern_and_kept_with_the_move() {
    let mut s = error_codes();
    s.choose_at(0, at(1)).unwrap();
    assert_eq!(key(&s), "error-code");
    assert_eq!(
        s.choose_at(0, at(1)).map(|_| ()),
        Ok(()),
        "picking a branch still works"
    );
    s.back();
    s.answer_text_at("  AADSTS50053: Your account is locked.\n", at(2))
        .unwrap();
    assert_eq!(key(&s), "account-locked");
    let last = s.path().last().unwrap();
    assert_eq!(last.answer(), Some(0));
    assert_eq!(
        last.typed.as_deref(),
        Some("AADSTS50053: Your account is locked.")
    );
    assert_eq!(
        s.typed().collect::<Vec<_>>(),
        vec![(
            s.flow().find("error-code").unwrap(),
            "AADSTS50053: Your account is locked."
        )]
    );
    assert_eq!(
        s.answer_text_at("50053", at(3)),
        Err(SessionError::NotAnInput),
        "a step is not answered by typing"
    );
}

#[test]
fn case_order_blank_and_unknown_text_route_as_the_flow_says() {
    let routes = [
        ("aadsts50076", "mfa-required"),
        ("Multi-factor authentication needed", "mfa-required"),
        ("error 50053 and 50076", "account-locked"),
        ("500530", "no-code"),
        ("", "no-code"),
        ("   \t ", "no-code"),
        ("something else entirely", "no-code"),
    ];
    for (typed, expected) in routes {
        let mut s = error_codes();
        s.choose_at(0, at(1)).unwrap();
        s.answer_text_at(typed, at(2)).unwrap();
        assert_eq!(key(&s), expected, "typed {typed:?}");
    }
}

#[test]
fn back_forgets_the_typed_text_and_long_pasted_text_is_one_bounded_line() {
    let mut s = error_codes();
    s.choose_at(0, at(1)).unwrap();
    let pasted = format!("line one\r\nline\ttwo {}", "x".repeat(2 * MAX_TYPED_CHARS));
    s.answer_text_at(&pasted, at(2)).unwrap();
    let typed = s.path().last().unwrap().typed.clone().unwrap();
    assert!(typed.starts_with("line one  line two x"), "{typed}");
    assert_eq!(typed.chars().count(), MAX_TYPED_CHARS);
    assert!(s.back());
    assert_eq!(key(&s), "error-code");
    assert_eq!(s.typed().count(), 0);
    assert_eq!(s.path().len(), 1);
    s.answer_text_at("50053", at(3)).unwrap();
    s.restart();
    assert_eq!(
        s.typed().count(),
        0,
        "restart forgets the path and what was typed on it"
    );
}

#[test]
fn an_ending_refuses_typed_text() {
    let mut s = error_codes();
    s.choose_at(0, at(1)).unwrap();
    s.answer_text_at("nothing useful", at(2)).unwrap();
    assert!(s.outcome().is_some());
    assert_eq!(
        s.answer_text_at("50053", at(3)),
        Err(SessionError::AtEnding)
    );
}

#[test]
fn a_restart_keeps_the_path_it_gave_up_as_a_record_only() {
    let mut s = session();
    // A restart at the start gives nothing up.
    s.restart_at(at(1));
    assert!(s.restarts().is_empty());
    s.choose_at(0, at(5)).unwrap();
    s.choose_at(0, at(8)).unwrap();
    let given_up = s.path().to_vec();
    s.restart_at(at(20));
    // The walk is as it always was: at the start, nothing to go back to.
    assert_eq!(s.current(), s.flow().start());
    assert!(s.path().is_empty());
    assert!(!s.back());
    assert_eq!(
        s.restarts(),
        [Restart {
            at: at(20),
            path: given_up
        }]
    );
    s.choose_at(1, at(30)).unwrap();
    assert_eq!(s.path().len(), 1);
    assert_eq!(s.restarts().len(), 1);
}
