//! `signin-doctor serve` runs the separate server program, `signin-doctor-serve`, found
//! beside it or on `PATH`, with the same arguments and its exit code; without it, a clear
//! message saying how to get it. And the partner's program carries no server code.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The server program cargo built beside `signin-doctor`.
const SERVER: &str = env!("CARGO_BIN_EXE_signin-doctor-serve");

/// A copy of `signin-doctor` alone in a folder of its own (no server beside it).
fn lone_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("signin-doctor");
    std::fs::copy(common::BINARY, &copy).unwrap();
    (dir, copy)
}

/// `program` with `args`, a scratch home, and `PATH` set to `path` alone.
fn command(program: &Path, args: &[&str], path: &Path) -> Command {
    let mut command = Command::new(program);
    command
        .args(args)
        .envs(common::scratch_env())
        .env("PATH", path)
        .env("RUST_BACKTRACE", "0");
    command
}

/// Arguments the server refuses at once: a key file that is not there.
const REFUSED: [&str; 5] = [
    "serve",
    "--authorized-keys",
    "/nonexistent/authorized_keys",
    "--listen",
    "127.0.0.1:0",
];

#[test]
fn without_the_server_program_serve_says_how_to_get_it() {
    let (dir, copy) = lone_copy();
    let empty = tempfile::tempdir().unwrap();
    let output = command(&copy, &REFUSED, empty.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with("signin-doctor: serve: "), "{stderr}");
    assert!(stderr.contains("signin-doctor-serve"), "{stderr}");
    assert!(stderr.contains("cargo build --release --bins"), "{stderr}");
    assert!(
        stderr.contains(&dir.path().display().to_string()),
        "names the folder it looked in: {stderr}"
    );
    assert!(output.stdout.is_empty());
    // Its options are still explained without the server: the help is this program's.
    let help = command(&copy, &["serve", "--help"], empty.path())
        .output()
        .unwrap();
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("--authorized-keys") && help.contains("--max-connections"),
        "{help}"
    );
}

#[test]
fn the_server_program_on_path_gets_the_arguments_and_gives_its_exit_code() {
    let (_dir, copy) = lone_copy();
    let folder = Path::new(SERVER).parent().unwrap();
    let output = command(&copy, &REFUSED, folder).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The server's own refusal: it read the key file named on this command line.
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("/nonexistent/authorized_keys"), "{stderr}");
    assert!(!stderr.contains("cargo build"), "{stderr}");
}

#[test]
fn the_server_program_takes_serve_options_with_or_without_the_word_serve() {
    let empty = tempfile::tempdir().unwrap();
    for args in [&REFUSED[..], &REFUSED[1..]] {
        let output = command(Path::new(SERVER), args, empty.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("/nonexistent/authorized_keys"),
            "{args:?}: {stderr}"
        );
    }
    let other = command(Path::new(SERVER), &["check"], empty.path())
        .output()
        .unwrap();
    assert_eq!(other.status.code(), Some(2), "only `serve` runs there");
}

#[test]
fn the_partners_program_carries_no_ssh_server() {
    let local = std::fs::read(common::BINARY).unwrap();
    let server = std::fs::read(SERVER).unwrap();
    let names = |bytes: &[u8], name: &str| bytes.windows(name.len()).any(|w| w == name.as_bytes());
    for name in ["russh", "tokio"] {
        assert!(names(&server, name), "the server is built with {name}");
        assert!(!names(&local, name), "signin-doctor carries {name}");
    }
}
