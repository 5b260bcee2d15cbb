//! Reads are bounded by the bytes actually read: endless devices are refused, a pipe that
//! never stops is cut at the limit, and the program stays within a small address-space
//! limit (RLIMIT_AS, set on the child) while it does so.

use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output};

use nix::sys::resource::{Resource, setrlimit};

mod common;

/// Address space the child may use: far below what reading a device whole would take.
const ADDRESS_SPACE: u64 = 512 * 1024 * 1024;

fn limited(args: &[&str]) -> Command {
    let mut command = common::binary(args);
    // SAFETY: only an async-signal-safe system call between fork and exec.
    unsafe {
        command.pre_exec(|| {
            setrlimit(Resource::RLIMIT_AS, ADDRESS_SPACE, ADDRESS_SPACE)
                .map_err(std::io::Error::from)
        });
    }
    command
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A named pipe in `dir` fed with `chunk` over and over until the reader goes away.
fn endless_pipe(dir: &Path, chunk: &'static [u8]) -> std::path::PathBuf {
    let fifo = dir.join("endless");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).unwrap();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let Ok(mut pipe) = std::fs::OpenOptions::new().write(true).open(&path) else {
            return;
        };
        while pipe.write_all(chunk).is_ok() {}
    });
    fifo
}

#[test]
fn endless_devices_are_refused_as_flows_and_logs() {
    let out = limited(&["--flow", "/dev/urandom", "check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("/dev/urandom: it is a device, not a file"),
        "{}",
        stderr(&out)
    );
    let out = limited(&["stats", "--log", "/dev/zero"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("/dev/zero: it is a device"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_endless_pipe_as_flow_is_cut_at_the_limit_within_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = endless_pipe(dir.path(), &[b'#'; 65536]);
    let out = limited(&["check", fifo.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("(16 MiB) are refused"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("memory"), "{}", stderr(&out));
}

#[test]
fn stats_streams_an_endless_line_and_bad_bytes_from_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("log");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).unwrap();
    let path = fifo.clone();
    let writer = std::thread::spawn(move || {
        let mut pipe = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        let record = r#"{"flow":"f","started":"2025-03-14T09:00:00Z","ended":"2025-03-14T09:10:00Z","duration_seconds":600,"outcome":"e","kind":"solved","solved":true,"abandoned":false,"last_node":"e"}"#;
        writeln!(pipe, "{record}").unwrap();
        pipe.write_all(b"\xff\xfe\n").unwrap();
        // 200 MB without a line break: more than the child may hold.
        let chunk = [b'x'; 65536];
        for _ in 0..3200 {
            pipe.write_all(&chunk).unwrap();
        }
        writeln!(pipe).unwrap();
        writeln!(pipe, "{record}").unwrap();
    });
    let out = limited(&["stats", "--format", "json", "--log", fifo.to_str().unwrap()])
        .output()
        .unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["sessions"], 2);
    assert_eq!(value["malformed_lines"], 2);
    assert_eq!(value["malformed_line_numbers"], serde_json::json!([2, 3]));
}
