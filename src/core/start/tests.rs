//! Unit tests of the parent module.

use std::path::Path;

use super::*;
use crate::autosave::{Autosave, SavedMove, SavedSession};
use crate::flow::load_built_in;
use jiff::Timestamp;

/// A person at the keyboard answering `typed` line by line; what they are shown is kept.
struct Scripted<'a> {
    typed: std::str::Lines<'a>,
    shown: String,
}

impl Prompt for Scripted<'_> {
    fn ask(&mut self, question: &str) -> Option<bool> {
        self.shown += question;
        self.shown += "\n";
        let line = self.typed.next()?;
        Some(matches!(line.trim(), "y" | "j"))
    }

    fn tell(&mut self, notices: &[Notice]) {
        for notice in notices {
            self.shown += &notice.text;
            self.shown += "\n";
        }
    }
}

fn at(second: i64) -> Timestamp {
    Timestamp::from_second(1_741_944_600 + second).unwrap()
}

/// Saves a session with one answer and a note in `dir`; `break_it` names a node that
/// does not exist in the save.
fn save(dir: &Path, break_it: bool) -> Session {
    let mut session = Session::new_at(load_built_in().unwrap().flow.shared(), at(0));
    session.choose_at(0, at(5)).unwrap();
    session.add_note_at("caller is on a train", at(6)).unwrap();
    let autosave = Autosave::new(dir, &session);
    let mut saved = SavedSession::of(&session, Lang::En, at(7));
    if break_it && let SavedMove::Answer { node, .. } = &mut saved.moves[0] {
        *node = "gone".into();
    }
    std::fs::create_dir_all(dir).unwrap();
    let json = serde_json::to_string(&saved).unwrap();
    std::fs::write(autosave.path(), json).unwrap();
    session
}

/// Runs `begin` as if stdin were a terminal, answering with `typed`.
fn begin_with(dir: &Path, typed: &str) -> (Result<Started, StartError>, String) {
    let options = StartOptions {
        records: RecordOptions {
            state_dir: Some(dir.join("state")),
            log: Some(dir.join("log.jsonl")),
            keep_days: 30,
            ..RecordOptions::default()
        },
        interactive: true,
        ..StartOptions::default()
    };
    let fresh = Session::new(load_built_in().unwrap().flow.shared());
    let mut prompt = Scripted {
        typed: typed.lines(),
        shown: String::new(),
    };
    let begun = begin(fresh, Lang::En, &options, &mut prompt);
    (begun, prompt.shown)
}

/// The saves in `dir` (lock files, which come and go with the processes, left out).
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with(".lock"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_person_is_asked_and_yes_resumes_where_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let saved = save(&dir.path().join("state"), false);
    let (begun, output) = begin_with(dir.path(), "y\n");
    let session = begun.unwrap().session;
    assert!(
        output.starts_with("An unfinished session from "),
        "{output}"
    );
    assert!(output.contains("was found. Resume it? (y/n)"));
    assert!(output.contains("Resumed the session started at"));
    assert_eq!(session.current(), saved.current());
    assert_eq!(session.notes(), saved.notes());
}

#[test]
fn no_moves_the_save_aside_and_logs_it_as_abandoned() {
    let dir = tempfile::tempdir().unwrap();
    save(&dir.path().join("state"), false);
    let (begun, output) = begin_with(dir.path(), "n\n");
    let session = begun.unwrap().session;
    assert!(session.path().is_empty() && session.notes().is_empty());
    assert!(
        output.contains("The earlier session was kept in"),
        "{output}"
    );
    let kept = files(&dir.path().join("state"));
    assert!(
        kept.len() == 1 && kept[0].ends_with(".abandoned.json"),
        "{kept:?}"
    );
    let log = std::fs::read_to_string(dir.path().join("log.jsonl")).unwrap();
    assert!(
        log.contains("\"abandoned\":true") && log.contains("\"notes\":1"),
        "{log}"
    );
}

#[test]
fn a_save_that_no_longer_fits_can_be_started_over_keeping_its_notes() {
    let dir = tempfile::tempdir().unwrap();
    save(&dir.path().join("state"), true);
    let (begun, output) = begin_with(dir.path(), "y\ny\n");
    let session = begun.unwrap().session;
    assert!(output.contains("Start over? (y/n)"), "{output}");
    assert!(output.contains("The notes of the earlier session were carried over."));
    assert_eq!(session.notes().len(), 1);
    assert_eq!(session.notes()[0].text, "caller is on a train");
    let kept = files(&dir.path().join("state"));
    assert_eq!(
        kept.len(),
        2,
        "the old save aside, the new one saved: {kept:?}"
    );

    let dir = tempfile::tempdir().unwrap();
    save(&dir.path().join("state"), true);
    let (begun, _) = begin_with(dir.path(), "y\nn\n");
    assert_eq!(begun.unwrap_err().exit_code(), RUNTIME_ERROR);
    assert_eq!(files(&dir.path().join("state")).len(), 1, "kept as it was");
}
