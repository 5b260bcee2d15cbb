//! Autosave and resume through the real binary in plain agent mode: killed with SIGKILL
//! mid-call it resumes at the same node with its path and note; a save whose flow changed
//! gives a clear message and loses nothing; an ending removes the save and logs it.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{at, built_in_session, finish, scripted_call, walk};
use signin_doctor_core::autosave::{SavedMove, SavedSession, find_unfinished};
use signin_doctor_core::lang::Lang;
use signin_doctor_core::page::Page;
use signin_doctor_core::session::Session;

fn saved(session: &Session) -> SavedSession {
    SavedSession::of(session, Lang::Nl, at(60))
}

/// The binary in plain agent mode, with its own state folder and log.
fn binary(state: &Path, log: &Path) -> Command {
    let mut command = common::binary(&["--plain", "--agent", "--state-dir"]);
    // Agent mode writes a transcript at an ending: keep it out of the source folder.
    command
        .current_dir(state.parent().unwrap())
        .arg(state)
        .arg("--log")
        .arg(log);
    command
}

fn save_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn the_binary_killed_mid_call_resumes_at_the_same_node_with_path_and_note() {
    let dir = tempfile::tempdir().unwrap();
    let (state, log) = (dir.path().join("state"), dir.path().join("log.jsonl"));
    let mut expected = built_in_session();
    let answers = [
        "forgot my password",
        "Yes, it's turned on",
        "still does not work",
    ];
    let numbers = walk(&mut expected, Lang::En, &answers);
    let question = Page::of(&expected, Lang::En).heading;

    let mut child = binary(&state, &log).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for n in &numbers {
        writeln!(stdin, "{n}").unwrap();
    }
    writeln!(stdin, "n caller reads out code 482913").unwrap();
    stdin.flush().unwrap();
    // Wait until the save holds all three answers and the note, then kill the process
    // while it waits for more input (stdin stays open).
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (found, _) = find_unfinished(&state, "partner-center-signin");
        if found
            .first()
            .is_some_and(|f| f.saved.moves.len() == 3 && f.saved.notes.len() == 1)
        {
            break;
        }
        assert!(Instant::now() < deadline, "the session was never saved");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdin);
    assert!(!log.exists(), "a killed session is not logged");

    let mut again = binary(&state, &log);
    again.arg("--resume");
    let out = finish(again, "q\n");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Resumed the session started at"),
        "{stdout}"
    );
    assert!(stdout.contains(&question), "same node:\n{stdout}");
    assert!(
        stdout.contains(
            "1. What is going wrong with Partner Center? → I forgot my password or can't sign in with it"
        ),
        "same path:\n{stdout}"
    );
    assert!(
        stdout.contains("Reset your password yourself: No, it still does not work"),
        "{stdout}"
    );
    assert!(
        stdout.contains("caller reads out code [masked]") && !stdout.contains("482913"),
        "same note:\n{stdout}"
    );
    // Quit with a note: logged as abandoned, the save moved aside, not deleted.
    assert!(stdout.contains("Your notes are kept in"), "{stdout}");
    let files = save_files(&state);
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].to_string_lossy().ends_with(".abandoned.json"));
    let line = std::fs::read_to_string(&log).unwrap();
    let record: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(record["abandoned"], true);
    assert_eq!(record["answers"], 3);
    assert_eq!(record["notes"], 1);
    assert!(!line.contains("482913"), "no note text in the log");
}

#[test]
fn a_save_for_a_changed_flow_gives_a_clear_message_exit_1_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let (state, log) = (dir.path().join("state"), dir.path().join("log.jsonl"));
    let session = scripted_call();
    let mut save = saved(&session);
    if let SavedMove::Answer { node, .. } = &mut save.moves[0] {
        *node = "symptom-v0".into();
    }
    std::fs::create_dir_all(&state).unwrap();
    let file = state.join("partner-center-signin-old.json");
    let text = serde_json::to_string_pretty(&save).unwrap();
    std::fs::write(&file, &text).unwrap();

    let mut resume = binary(&state, &log);
    resume.arg("--resume");
    let out = finish(resume, "");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("step 1: the node 'symptom-v0' no longer exists"),
        "{stderr}"
    );
    assert!(
        stderr.contains("caller: pwd=[masked], new phone"),
        "notes printed:\n{stderr}"
    );
    assert!(stderr.contains(&file.display().to_string()), "{stderr}");
    assert!(!stderr.contains("panicked"));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        text,
        "still on disk"
    );

    // A script without --resume is not asked, leaves the save alone, and keeps its own
    // language (English here), not the Dutch of the save it did not resume.
    let out = finish(binary(&state, &log), "q\n");
    assert_eq!(out.status.code(), Some(130));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Type a number"));
}

#[test]
fn reaching_an_ending_removes_the_save_and_logs_the_outcome() {
    let dir = tempfile::tempdir().unwrap();
    let (state, log) = (dir.path().join("state"), dir.path().join("log.jsonl"));
    let mut session = built_in_session();
    let numbers = walk(
        &mut session,
        Lang::En,
        &[
            "forgot my password",
            "not turned on",
            "Yes, I can reach them",
        ],
    );
    let input: String = numbers.iter().map(|n| format!("{n}\n")).collect();
    let out = finish(binary(&state, &log), &input);
    assert_eq!(out.status.code(), Some(0));
    assert!(save_files(&state).is_empty(), "{:?}", save_files(&state));
    let record: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&log).unwrap().trim()).unwrap();
    assert_eq!(record["outcome"], session.node().key.as_str());
    assert_eq!(record["abandoned"], false);
    assert_eq!(record["answers"], 3);
    // Agent mode without --transcript keeps a Markdown transcript of a finished call.
    let transcripts = save_files(dir.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".md"))
        .count();
    assert_eq!(transcripts, 1);
    // A quit without notes leaves no save behind either.
    finish(binary(&state, &log), "1\nq\n");
    assert!(save_files(&state).is_empty());
    assert_eq!(std::fs::read_to_string(&log).unwrap().lines().count(), 2);
}

/// Writes `session` as a save file named `name` in `state`.
fn write_save(state: &Path, name: &str, save: &SavedSession) -> PathBuf {
    std::fs::create_dir_all(state).unwrap();
    let file = state.join(name);
    std::fs::write(&file, serde_json::to_string_pretty(save).unwrap()).unwrap();
    file
}

/// Waits until `child`'s stdout shows `text`; the child keeps running (stdin open, and
/// its stdout given back, to keep open).
fn wait_for_output(
    child: &mut std::process::Child,
    text: &str,
) -> (String, std::process::ChildStdout) {
    use std::io::Read;
    let mut stdout = child.stdout.take().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0; 4096];
    while !String::from_utf8_lossy(&seen).contains(text) {
        let n = stdout.read(&mut buf).unwrap();
        assert!(n > 0, "output ended: {}", String::from_utf8_lossy(&seen));
        seen.extend_from_slice(&buf[..n]);
    }
    (String::from_utf8_lossy(&seen).into_owned(), stdout)
}

#[test]
fn a_session_one_process_resumed_is_refused_to_a_second_naming_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let (state, log) = (dir.path().join("state"), dir.path().join("log.jsonl"));
    let mut older = saved(&scripted_call());
    older.saved_at = at(30);
    let mut newer = saved(&scripted_call());
    newer.saved_at = at(90);
    newer.notes[1].text = "the newer call".into();
    let newest_file = write_save(&state, "partner-center-signin-b.json", &newer);
    write_save(&state, "partner-center-signin-a.json", &older);

    let mut first = binary(&state, &log)
        .args(["--resume", "--lang", "en"])
        .spawn()
        .unwrap();
    let (shown, _open) = wait_for_output(&mut first, "the newer call");
    assert!(shown.contains("Resumed the session"), "{shown}");
    let first_pid = first.id();

    // The second takes the next unfinished session, and says why.
    let mut second = binary(&state, &log);
    second.args(["--resume", "--lang", "en"]);
    let out = finish(second, "q\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stderr.contains(&format!(
            "{} is skipped: it is in use by process {first_pid}",
            newest_file.display()
        )),
        "{stderr}"
    );
    assert!(stdout.contains("Resumed the session"), "{stdout}");
    assert!(!stdout.contains("the newer call"), "{stdout}");

    // A third finds every session in use: refused, exit 1, nothing touched.
    let mut third = binary(&state, &log);
    third.arg("--resume");
    let out = finish(third, "q\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("in use by process {first_pid}")),
        "{stderr}"
    );
    assert!(
        stderr.contains("every unfinished session is in use"),
        "{stderr}"
    );
    assert!(newest_file.is_file());

    first.stdin.take().unwrap().write_all(b"q\n").unwrap();
    assert_eq!(first.wait().unwrap().code(), Some(130));
}

#[test]
fn a_save_from_a_newer_version_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (state, log) = (dir.path().join("state"), dir.path().join("log.jsonl"));
    let mut save = saved(&scripted_call());
    save.format = 99;
    let file = write_save(&state, "partner-center-signin-new.json", &save);
    let before = std::fs::read_to_string(&file).unwrap();
    let mut resume = binary(&state, &log);
    resume.args(["--resume", "--lang", "en"]);
    let out = finish(resume, "q\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stderr.contains("written by a newer version of signin-doctor (save format 99"),
        "{stderr}"
    );
    assert!(!stdout.contains("Resumed the session"), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        before,
        "kept as it was"
    );
}
