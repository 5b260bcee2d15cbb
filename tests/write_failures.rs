//! Writes of the user's data that fail, through the real binary in plain agent mode: a
//! transcript that cannot be written, a log on a full disk (`/dev/full`), a save folder
//! that disappears mid-call. Every time the notes stay on disk in a file the message
//! names, the failure is said on stderr, and the exit code is 1.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output};
use std::time::{Duration, Instant};

use common::finish;

/// The answers of a short walk to an ending, with a note on the way.
const WALK_WITH_NOTE: &str = "1\nn ticket INC-4242 caller on a new phone\n1\n1\n";

struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        Scratch {
            dir: tempfile::Builder::new()
                .prefix("signin-doctor-write-")
                .tempdir()
                .unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The binary in plain agent mode with its state folder and log in here.
    fn binary(&self, extra: &[&str]) -> Command {
        let mut command = common::binary(&["--plain", "--agent", "--lang", "en", "--state-dir"]);
        command
            .current_dir(self.dir.path())
            .arg(self.path("state"))
            .args(extra)
            .env("TMPDIR", self.path("tmp"));
        if !extra.contains(&"--log") {
            command.arg("--log").arg(self.path("log.jsonl"));
        }
        command
    }

    /// Every file under the scratch folder whose text holds `needle`.
    fn files_holding(&self, needle: &str) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let mut folders = vec![self.dir.path().to_owned()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else if std::fs::read_to_string(&path).is_ok_and(|text| text.contains(needle)) {
                    found.push(path);
                }
            }
        }
        found
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Sends `input` and waits until `ready` holds (the program has caught up).
fn feed(child: &mut Child, input: &str, ready: impl Fn() -> bool) {
    let stdin = child.stdin.as_mut().unwrap();
    stdin.write_all(input.as_bytes()).unwrap();
    stdin.flush().unwrap();
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < Duration::from_secs(10), "timed out");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_transcript_folder_that_does_not_exist_is_refused_before_the_call() {
    let scratch = Scratch::new();
    let output = finish(
        scratch.binary(&["--transcript", "/no/such/dir/t.md"]),
        WALK_WITH_NOTE,
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.contains("/no/such/dir") && message.contains("does not exist"),
        "{message}"
    );
    assert!(!message.contains(".tmp"), "{message}");
}

#[test]
fn a_device_as_transcript_is_refused_and_nothing_is_made_next_to_it() {
    let scratch = Scratch::new();
    let output = finish(scratch.binary(&["--transcript", "/dev/full"]), "q\n");
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("not a file"),
        "{}",
        stderr(&output)
    );
    assert!(!Path::new("/dev/full.md").exists());
}

#[test]
fn a_transcript_that_fails_at_the_end_keeps_the_save_and_exits_1() {
    let scratch = Scratch::new();
    let out_dir = scratch.path("out");
    std::fs::create_dir(&out_dir).unwrap();
    let transcript = out_dir.join("t.md");
    let mut child = scratch
        .binary(&["--transcript", transcript.to_str().unwrap()])
        .spawn()
        .unwrap();
    let state = scratch.path("state");
    feed(
        &mut child,
        "1\nn ticket INC-4242 caller on a new phone\n",
        || {
            scratch
                .files_holding("INC-4242")
                .iter()
                .any(|f| f.starts_with(&state))
        },
    );
    // The folder goes away during the call (an unmounted share, a cleaned-up folder).
    std::fs::remove_dir(&out_dir).unwrap();
    feed(&mut child, "1\n1\n", || true);
    drop(child.stdin.take());
    let output = child.wait_with_output().unwrap();
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert!(message.contains("cannot save the transcript"), "{message}");
    assert!(!message.contains(".tmp"), "{message}");
    let kept = scratch.files_holding("INC-4242");
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].starts_with(&state), "{kept:?}");
    assert!(
        message.contains(&kept[0].display().to_string()),
        "the message names the file: {message}"
    );
}

#[test]
fn a_dangling_link_at_the_transcript_path_is_never_written_through() {
    let scratch = Scratch::new();
    let link = scratch.path("t.md");
    std::os::unix::fs::symlink(scratch.path("nowhere/target.md"), &link).unwrap();
    let output = finish(
        scratch.binary(&["--transcript", link.to_str().unwrap()]),
        WALK_WITH_NOTE,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let written = scratch.path("t-1.md");
    let text = std::fs::read_to_string(&written).unwrap();
    assert!(text.contains("INC-4242"), "{text}");
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert!(!scratch.path("nowhere").exists());
}

#[test]
fn a_full_disk_under_the_log_keeps_the_notes_and_exits_1() {
    let scratch = Scratch::new();
    let output = finish(scratch.binary(&["--log", "/dev/full"]), WALK_WITH_NOTE);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert!(
        message.contains("cannot append to the outcome log /dev/full"),
        "{message}"
    );
    let kept = scratch.files_holding("INC-4242");
    // The transcript (agent mode at an ending) and the save, which is not removed.
    assert!(
        kept.iter().any(|f| f.starts_with(scratch.path("state"))),
        "{kept:?}"
    );
    assert!(
        kept.iter()
            .any(|f| message.contains(&f.display().to_string())),
        "{message}"
    );
}

#[test]
fn a_save_folder_that_fails_mid_call_is_said_every_time_and_the_notes_are_rescued() {
    let scratch = Scratch::new();
    std::fs::create_dir(scratch.path("tmp")).unwrap();
    let state = scratch.path("state");
    let mut child = scratch.binary(&[]).spawn().unwrap();
    feed(&mut child, "1\n", || {
        std::fs::read_dir(&state).is_ok_and(|entries| {
            entries
                .flatten()
                .any(|e| e.path().extension().is_some_and(|x| x == "json"))
        })
    });
    // The save folder stops being writable: a file takes its place.
    std::fs::remove_dir_all(&state).unwrap();
    std::fs::write(&state, "not a folder").unwrap();
    feed(
        &mut child,
        "n first note INC-1111\nn second note INC-2222\nq\n",
        || true,
    );
    drop(child.stdin.take());
    let output = child.wait_with_output().unwrap();
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert_eq!(
        message.matches("cannot save the session").count(),
        2,
        "each failure is told, on stderr: {message}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!stdout.contains("cannot save"), "{stdout}");
    let rescued = scratch.files_holding("INC-2222");
    assert_eq!(rescued.len(), 1, "{rescued:?}\n{message}");
    let text = std::fs::read_to_string(&rescued[0]).unwrap();
    assert!(text.contains("INC-1111"), "every note is in it: {text}");
    assert!(
        message.contains(
            &rescued[0]
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string()
        ),
        "{message}"
    );
}

#[test]
fn output_to_a_full_disk_exits_1_with_a_message() {
    for args in [&["check"][..], &["schema"][..], &["graph"][..]] {
        let output = common::binary(args)
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&output).contains("No space left on device"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

/// A file size limit (RLIMIT_FSIZE) on the child: a write past it fails half-way with
/// EFBIG, as on a disk that fills up in the middle of a write.
fn with_file_size_limit(command: &mut Command, bytes: u64) {
    use nix::sys::resource::{Resource, setrlimit};
    use nix::sys::signal::{SigHandler, Signal, signal};
    use std::os::unix::process::CommandExt;
    // SAFETY: only async-signal-safe system calls between fork and exec.
    unsafe {
        command.pre_exec(move || {
            signal(Signal::SIGXFSZ, SigHandler::SigIgn).map_err(std::io::Error::from)?;
            setrlimit(Resource::RLIMIT_FSIZE, bytes, bytes).map_err(std::io::Error::from)
        });
    }
}

#[test]
fn a_log_record_cut_off_by_a_full_disk_is_taken_back_and_the_notes_kept() {
    let scratch = Scratch::new();
    let log = scratch.path("log.jsonl");
    // Earlier sessions: the log is much larger than any save or transcript.
    let earlier = r#"{"flow":"f","started":"2025-03-14T09:00:00Z","ended":"2025-03-14T09:10:00Z","duration_seconds":600,"outcome":"e","kind":"solved","solved":true,"abandoned":false,"last_node":"e"}"#;
    let before: String = std::iter::repeat_n(format!("{earlier}\n"), 200).collect();
    std::fs::write(&log, &before).unwrap();
    let mut command = scratch.binary(&[]);
    // Room for a few bytes of the new record, not all of it.
    with_file_size_limit(&mut command, before.len() as u64 + 40);
    let output = finish(command, WALK_WITH_NOTE);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert!(
        message.contains("cannot append to the outcome log"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        before,
        "no half line is left to glue the next record onto"
    );
    let kept = scratch.files_holding("INC-4242");
    assert!(
        kept.iter().any(|f| f.starts_with(scratch.path("state"))),
        "{kept:?}"
    );
}
