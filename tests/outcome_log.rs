//! The outcome log under contention: two processes, each appending 500 records to the
//! same file at the same time, leave exactly 1000 whole, valid lines.
//!
//! The processes are this test binary itself, started again with `--exact` on the one-writer
//! test below and an environment variable telling it which file to append to — two real
//! processes, each with its own open file and its own `flock`, at no build cost.

use std::path::Path;
use std::process::{Command, Stdio};

use jiff::Timestamp;
use signin_doctor_core::outcome_log::{OutcomeRecord, append};

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
        front_end: None,
    }
}

/// Appends one writer's share to `path`: by itself, this process is writer 1 on a file of
/// its own and checks the result; started by the test below (with [`CHILD_ENV`] naming the
/// shared file), it only appends its share and that test checks the whole file.
#[test]
fn one_process_appending_500_lines_leaves_500_valid_lines() {
    let scratch = tempfile::tempdir().unwrap();
    let (path, writer, alone) = match std::env::var_os(CHILD_ENV) {
        Some(path) => {
            let writer = std::env::var("SIGNIN_DOCTOR_TEST_WRITER").unwrap();
            (path.into(), writer.parse().unwrap(), false)
        }
        None => (scratch.path().join("outcomes.jsonl"), 1, true),
    };
    for n in 0..PER_PROCESS {
        append(&path, &record(writer, n)).unwrap();
    }
    if alone {
        assert_eq!(records_per_writer(&path), [0, PER_PROCESS, 0]);
    }
}

/// How many records each writer (0, 1, 2) left in the log at `path`, after checking that
/// every line is whole and exactly as written.
fn records_per_writer(path: &Path) -> [usize; 3] {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.ends_with('\n'));
    let mut per_writer = [0usize; 3];
    for line in text.lines() {
        let parsed: OutcomeRecord = serde_json::from_str(line).expect("a whole, valid line");
        assert_eq!(parsed, record(parsed.notes, parsed.answers));
        per_writer[parsed.notes] += 1;
    }
    per_writer
}

#[test]
fn two_processes_appending_500_lines_each_leave_1000_valid_lines() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("shared/outcomes.jsonl");
    let children: Vec<_> = (1..=2)
        .map(|writer| {
            Command::new(std::env::current_exe().unwrap())
                .args([
                    "--exact",
                    "one_process_appending_500_lines_leaves_500_valid_lines",
                    "--test-threads=1",
                    "--quiet",
                ])
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
    assert_eq!(records_per_writer(&log), [0, PER_PROCESS, PER_PROCESS]);
}
