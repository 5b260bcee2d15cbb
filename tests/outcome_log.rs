//! The outcome log under contention: two processes, each appending 500 records to the
//! same file at the same time, leave exactly 1000 whole, valid lines.
//!
//! The processes are this test binary itself, started again with `--exact` on the helper
//! test below and an environment variable telling it which file to append to — two real
//! processes, each with its own open file and its own `flock`, at no build cost.

use std::path::Path;
use std::process::{Command, Stdio};

use jiff::Timestamp;
use signin_doctor::outcome_log::{OutcomeRecord, append};

const CHILD_ENV: &str = "SIGNIN_DOCTOR_TEST_APPEND_TO";
const PER_PROCESS: usize = 500;

fn record(writer: usize, n: usize) -> OutcomeRecord {
    let started = Timestamp::from_second(1_741_944_600).unwrap();
    OutcomeRecord {
        flow: "partner-center-signin".into(),
        version: 1,
        language: "en".into(),
        started,
        ended: started,
        duration_seconds: n as i64,
        outcome: Some("solved".into()),
        kind: Some("solved".into()),
        solved: true,
        abandoned: false,
        // A long field makes each line larger than one small write, so interleaving
        // would show.
        last_node: format!("writer-{writer}-{}", "x".repeat(3000)),
        answers: n,
        jumps: 0,
        notes: writer,
    }
}

/// Not a test by itself: when started by the test below, appends its share and exits.
#[test]
fn append_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let writer: usize = std::env::var("SIGNIN_DOCTOR_TEST_WRITER")
        .unwrap()
        .parse()
        .unwrap();
    for n in 0..PER_PROCESS {
        append(Path::new(&path), &record(writer, n)).unwrap();
    }
}

#[test]
fn two_processes_appending_500_lines_each_leave_1000_valid_lines() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("shared/outcomes.jsonl");
    let children: Vec<_> = (1..=2)
        .map(|writer| {
            Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "append_child", "--test-threads=1", "--quiet"])
                .env(CHILD_ENV, &log)
                .env("SIGNIN_DOCTOR_TEST_WRITER", writer.to_string())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.ends_with('\n'));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2 * PER_PROCESS);
    let mut per_writer = [0usize; 3];
    for line in lines {
        let parsed: OutcomeRecord = serde_json::from_str(line).expect("a whole, valid line");
        assert_eq!(parsed, record(parsed.notes, parsed.answers));
        per_writer[parsed.notes] += 1;
    }
    assert_eq!(per_writer, [0, PER_PROCESS, PER_PROCESS]);
}

#[test]
fn separate_opens_in_threads_contend_like_processes() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("outcomes.jsonl");
    std::thread::scope(|scope| {
        for writer in 1..=4 {
            let log = &log;
            scope.spawn(move || {
                for n in 0..100 {
                    append(log, &record(writer, n)).unwrap();
                }
            });
        }
    });
    let text = std::fs::read_to_string(&log).unwrap();
    assert_eq!(text.lines().count(), 400);
    assert!(
        text.lines()
            .all(|l| serde_json::from_str::<OutcomeRecord>(l).is_ok())
    );
}

#[test]
fn a_log_in_a_folder_that_cannot_be_made_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "").unwrap();
    let log = blocker.join("outcomes.jsonl");
    let error = append(&log, &record(1, 1)).unwrap_err();
    assert!(error.to_string().contains("outcomes.jsonl"), "{error}");
}

#[test]
fn a_torn_tail_is_healed_before_the_next_record_and_counted_as_malformed() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("outcomes.jsonl");
    append(&log, &record(1, 1)).unwrap();
    // A full disk cut the second record short: no line break at the end.
    let torn = record(2, 2).to_line();
    let mut text = std::fs::read_to_string(&log).unwrap();
    text.push_str(&torn[..torn.len() / 2]);
    std::fs::write(&log, &text).unwrap();
    append(&log, &record(3, 3)).unwrap();

    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.ends_with('\n'));
    assert_eq!(
        text.lines().count(),
        3,
        "the torn line stays a line of its own"
    );
    let stats = signin_doctor::stats::compute(
        std::io::BufReader::new(std::fs::File::open(&log).unwrap()),
        None,
    )
    .unwrap();
    assert_eq!(stats.sessions, 2, "both whole records count");
    assert_eq!(stats.malformed_lines, 1);
    assert_eq!(stats.malformed_line_numbers, vec![2]);
}

#[test]
fn a_named_pipe_as_log_is_refused_without_waiting_for_a_reader() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("log.fifo");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).unwrap();
    let error = append(&fifo, &record(1, 1)).unwrap_err();
    assert!(error.to_string().contains("named pipe"), "{error}");
}
