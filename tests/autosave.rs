//! Autosave and resume in the library: a save restores the same node, path, notes and
//! hand-offs; a
//! save that no longer fits its flow says what changed and loses nothing. The real binary
//! is driven in `tests/autosave_cli.rs`.

mod common;

use std::sync::Arc;

use common::{at, built_in_session, error_codes_session, scripted_call};
use signin_doctor_core::autosave::{
    Autosave, Mismatch, SavedMove, SavedSession, find_unfinished, restore,
};
use signin_doctor_core::flow::{BUILT_IN_YAML, Flow, load_str};
use signin_doctor_core::lang::Lang;
use signin_doctor_core::session::Session;

fn saved(session: &Session) -> SavedSession {
    SavedSession::of(session, Lang::Nl, at(60))
}

#[test]
fn a_saved_session_restores_the_same_node_path_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = scripted_call();
    session.record_hand_off("K7P-2QX", false, at(50));
    let autosave = Autosave::new(dir.path(), &session);
    autosave.save_at(&session, Lang::Nl, at(60)).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(autosave.path())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o777,
            0o600,
            "the save holds notes as typed: private"
        );
    }
    let (found, unreadable) = find_unfinished(dir.path(), "partner-center-signin");
    assert!(unreadable.is_empty());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, autosave.path());
    assert_eq!(found[0].saved.lang(), Lang::Nl);
    let restored = restore(session.shared_flow(), &found[0].saved).unwrap();
    assert_eq!(restored.current(), session.current());
    assert_eq!(restored.path(), session.path());
    assert_eq!(restored.notes(), session.notes());
    assert_eq!(restored.started(), session.started());
    assert_eq!(restored.hand_offs(), session.hand_offs());
    assert_eq!(
        restored.notes()[0].text,
        "caller: pwd=[masked], new phone",
        "masked as written, never kept as typed"
    );
}

fn problem_for(edit: impl FnOnce(&mut SavedSession), flow: Arc<Flow>) -> Mismatch {
    let mut save = saved(&scripted_call());
    edit(&mut save);
    let problem = restore(flow, &save).expect_err("the save no longer fits");
    assert_eq!(
        problem.notes, save.notes,
        "the notes travel with the problem"
    );
    problem.mismatch
}

#[test]
fn a_save_that_no_longer_fits_names_the_step_and_node_and_keeps_the_notes() {
    let flow = built_in_session().shared_flow();
    let missing = problem_for(
        |s| {
            if let SavedMove::Answer { next, .. } = &mut s.moves[0] {
                *next = "sspr-retired".into();
            }
        },
        flow.clone(),
    );
    assert_eq!(
        missing.to_string(),
        "step 1: the node 'sspr-retired' no longer exists"
    );
    let out_of_range = problem_for(
        |s| {
            if let SavedMove::Answer { choice, .. } = &mut s.moves[1] {
                *choice = 7;
            }
        },
        flow.clone(),
    );
    assert_eq!(
        out_of_range.to_string(),
        "step 2: answer 8 at 'sspr-enabled' no longer exists (it has 4 answers now)"
    );
    let note = problem_for(|s| s.notes[1].node = "old-node".into(), flow);
    assert!(note.to_string().contains("'old-node'"), "{note}");
}

#[test]
fn a_flow_whose_answer_now_leads_elsewhere_is_reported_not_replayed() {
    let changed =
        BUILT_IN_YAML.replacen("next: try-self-service-reset", "next: admin-available", 1);
    let flow = load_str(&changed, "changed.yaml").unwrap().flow.shared();
    let mut session = Session::new_at(built_in_session().shared_flow(), at(0));
    session.choose_at(0, at(1)).unwrap();
    session.choose_at(0, at(2)).unwrap();
    session.add_note_at("keep me", at(3)).unwrap();
    let problem = restore(flow.clone(), &saved(&session)).unwrap_err();
    assert_eq!(
        problem.mismatch.to_string(),
        "step 2: answer 1 at 'sspr-enabled' led to 'try-self-service-reset' but now leads to 'admin-available'"
    );
    assert!(problem.to_string().contains("the flow has changed"));
    // Starting over keeps the notes, on their node where it still exists.
    let fresh = problem.start_over(flow.clone(), at(100));
    assert_eq!(fresh.current(), flow.start());
    assert_eq!(fresh.notes().len(), 1);
    assert_eq!(fresh.notes()[0].text, "keep me");
    assert_eq!(
        fresh.notes()[0].node,
        flow.find("try-self-service-reset").unwrap()
    );
}

#[test]
fn typed_answers_are_saved_masked_and_routed_again_on_resume() {
    let mut session = error_codes_session();
    session.choose_at(0, at(5)).unwrap();
    session
        .answer_text_at("AADSTS50053: account locked, pwd=abc123", at(9))
        .unwrap();
    let save = saved(&session);
    assert_eq!(save.format, 2);
    let json = serde_json::to_value(&save).unwrap();
    assert_eq!(
        json["moves"][1]["typed"], "AADSTS50053: account locked, pwd=[masked]",
        "the code is kept for routing and support; the password never reaches the disk"
    );
    assert!(
        json["moves"][0].get("typed").is_none(),
        "picked answers have none"
    );
    let restored = restore(session.shared_flow(), &save).unwrap();
    assert_eq!(restored.path(), session.path());
    assert_eq!(restored.node().key, "account-locked");

    // The flow's patterns changed since: the typed code now leads elsewhere, said so.
    let yaml = std::fs::read_to_string(common::ERROR_CODES)
        .unwrap()
        .replace("'\\b(AADSTS)?50053\\b'", "'\\b(AADSTS)?50054\\b'");
    let changed = load_str(&yaml, "error-codes.yaml").unwrap().flow.shared();
    let problem = restore(changed, &save).expect_err("the code no longer routes the same");
    assert_eq!(
        problem.mismatch,
        Mismatch::LeadsElsewhere {
            step: 2,
            key: "error-code".into(),
            choice: 0,
            was: "account-locked".into(),
            now: "no-code".into(),
        }
    );
}

#[test]
fn a_format_1_save_without_typed_text_still_resumes() {
    let session = scripted_call();
    let mut json = serde_json::to_value(saved(&session)).unwrap();
    json["format"] = 1.into();
    let old: SavedSession = serde_json::from_value(json).unwrap();
    let restored = restore(session.shared_flow(), &old).unwrap();
    assert_eq!(restored.path(), session.path());
    assert_eq!(restored.notes(), session.notes());
}

#[test]
fn set_aside_sessions_expire_after_the_kept_days_and_stale_temporaries_go() {
    use std::time::{Duration, SystemTime};
    let dir = tempfile::tempdir().unwrap();
    let age = |name: &str, days: u64| {
        let path = dir.path().join(name);
        std::fs::write(&path, "{}").unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(SystemTime::now() - Duration::from_secs(days * 86_400 + 60))
            .unwrap();
        path
    };
    let old = age("a.abandoned.json", 31);
    let recent = age("b.abandoned.json", 29);
    let unfinished = age("c.json", 90);
    let temporary = age(".tmpAbC123", 1);
    assert_eq!(signin_doctor_core::autosave::expire(dir.path(), 30), 1);
    assert!(!old.exists());
    assert!(recent.exists());
    assert!(unfinished.exists(), "unfinished sessions are still offered");
    assert!(
        !temporary.exists(),
        "a killed process's temporary file is gone"
    );
}
