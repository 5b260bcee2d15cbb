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
    fn ask(&mut self, question: &str, _lang: Lang) -> Option<bool> {
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

/// Start-up options with the saves and the log in `dir`, as if stdin were a terminal.
fn options_in(dir: &Path) -> StartOptions {
    StartOptions {
        records: RecordOptions {
            state_dir: Some(dir.join("state")),
            log: Some(dir.join("log.jsonl")),
            keep_days: 30,
            ..RecordOptions::default()
        },
        interactive: true,
        ..StartOptions::default()
    }
}

/// Runs `begin` as if stdin were a terminal, answering with `typed`.
fn begin_with(dir: &Path, typed: &str) -> (Result<Started, StartError>, String) {
    begin_as(&options_in(dir), typed)
}

/// Runs `begin` with `options`, answering with `typed`; gives what was shown.
fn begin_as(options: &StartOptions, typed: &str) -> (Result<Started, StartError>, String) {
    let fresh = Session::new(load_built_in().unwrap().flow.shared());
    let mut prompt = Scripted {
        typed: typed.lines(),
        shown: String::new(),
    };
    let begun = begin(fresh, Lang::En, options, &mut prompt);
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
    assert!(matches!(begun.unwrap_err(), StartError::NotResumed { .. }));
    assert_eq!(files(&dir.path().join("state")).len(), 1, "kept as it was");
}

#[test]
fn a_script_resumes_only_when_asked_and_is_never_asked_anything() {
    let dir = tempfile::tempdir().unwrap();
    let saved = save(&dir.path().join("state"), false);
    let script = StartOptions {
        interactive: false,
        ..options_in(dir.path())
    };
    let (begun, shown) = begin_as(&script, "");
    assert!(begun.unwrap().session.path().is_empty(), "a new session");
    assert_eq!(shown, "", "nobody is asked and nothing is said");
    assert_eq!(
        files(&dir.path().join("state")).len(),
        1,
        "the save is left alone"
    );

    let resume = StartOptions {
        resume: true,
        lang: Some(Lang::Nl),
        ..script
    };
    let (begun, shown) = begin_as(&resume, "");
    let started = begun.unwrap();
    assert_eq!(started.session.current(), saved.current());
    assert_eq!(
        started.lang,
        Lang::Nl,
        "the language asked for wins over the save's"
    );
    assert!(
        !shown.contains("(y/n)") && !shown.contains("(j/n)"),
        "{shown}"
    );
}

#[test]
fn a_transcript_that_cannot_be_written_stops_the_start_with_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut options = options_in(dir.path());
    options.records.transcript = Some(dir.path().join("missing").join("call.md"));
    let (begun, _) = begin_as(&options, "");
    let error = begun.unwrap_err();
    assert_eq!(
        error,
        StartError::Transcript {
            path: dir.path().join("missing").join("call.md"),
            why: crate::transcript::BadTarget::NoFolder(dir.path().join("missing")),
        }
    );
}

#[test]
fn a_save_no_script_can_fix_is_kept_and_named() {
    let dir = tempfile::tempdir().unwrap();
    save(&dir.path().join("state"), true);
    let options = StartOptions {
        resume: true,
        interactive: false,
        ..options_in(dir.path())
    };
    let (begun, shown) = begin_as(&options, "");
    let error = begun.unwrap_err();
    let StartError::NotResumed { path } = error else {
        panic!("not resumed: {error:?}");
    };
    let state = dir.path().join("state");
    assert_eq!(path, state.join(&files(&state)[0]), "the save is named");
    assert!(
        shown.contains("caller is on a train"),
        "the notes are shown: {shown}"
    );
    assert_eq!(files(&dir.path().join("state")).len(), 1, "kept as it was");
}

#[test]
fn a_front_end_that_cannot_block_answers_the_resume_question_later() {
    let dir = tempfile::tempdir().unwrap();
    let saved = save(&dir.path().join("state"), false);
    let fresh = Session::new(load_built_in().unwrap().flow.shared());
    let step = first_step(fresh, Lang::En, &options_in(dir.path()));
    let Next::Ask(pending) = step.next else {
        panic!("a person is asked first");
    };
    assert!(matches!(pending.question(), Question::Resume { .. }));
    assert!(pending.text().contains("(y/n)"), "{}", pending.text());
    // The save stays locked while the question waits.
    let path = &files(&dir.path().join("state"))[0];
    assert!(SessionLock::acquire(&dir.path().join("state").join(path)).is_err());
    let step = pending.answer(Some(true));
    let Next::Ready(started) = step.next else {
        panic!("yes resumes");
    };
    assert_eq!(started.session.current(), saved.current());
    assert!(
        step.notices[0].text.contains("Resumed"),
        "{:?}",
        step.notices
    );
}
