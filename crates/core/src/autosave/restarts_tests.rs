//! Restarts in the save file: kept across a save, and absent from older saves.

use std::sync::Arc;

use jiff::Timestamp;

use super::{SavedSession, restore};
use crate::fixtures::{WIZARD, flow};
use crate::lang::Lang;
use crate::session::Session;

fn at(second: i64) -> Timestamp {
    Timestamp::from_second(1_700_000_000 + second).unwrap()
}

/// A walk on `flow` with one answer, a restart and another answer.
fn restarted(flow: &Arc<crate::flow::Flow>) -> Session {
    let mut session = Session::new_at(Arc::clone(flow), at(0));
    session.choose_at(0, at(5)).unwrap();
    session.restart_at(at(9));
    session.choose_at(1, at(12)).unwrap();
    session
}

#[test]
fn a_saved_restart_is_restored_with_the_path_it_gave_up() {
    let flow = flow(WIZARD);
    let session = restarted(&flow);
    let json = serde_json::to_string(&SavedSession::of(&session, Lang::En, at(20))).unwrap();
    assert!(json.contains("\"restarts\""), "{json}");
    let saved: SavedSession = serde_json::from_str(&json).unwrap();
    let restored = restore(flow, &saved).unwrap();
    assert_eq!(restored.restarts(), session.restarts());
    assert_eq!(restored.path(), session.path());
}

#[test]
fn a_save_from_before_restarts_were_kept_still_loads() {
    let flow = flow(WIZARD);
    let session = restarted(&flow);
    // The same save as an older version wrote it: no `restarts` field.
    let mut old = serde_json::to_value(SavedSession::of(&session, Lang::En, at(20))).unwrap();
    assert!(old.as_object_mut().unwrap().remove("restarts").is_some());
    let saved: SavedSession = serde_json::from_value(old).unwrap();
    let restored = restore(flow, &saved).unwrap();
    assert!(restored.restarts().is_empty());
    assert_eq!(restored.path(), session.path());
}
