//! Shared helpers for the integration tests: walking the real flow by answer labels.

#![allow(dead_code)]

pub mod child;
pub mod floods;
pub mod frame;
pub mod pty;
pub mod serve;
pub mod ssh_client;

use std::path::PathBuf;

use signin_doctor_core::flow::load_built_in;
use signin_doctor_core::lang::Lang;
use signin_doctor_core::page::Page;
use signin_doctor_core::session::Session;

/// Environment variables that keep the program's autosaves and outcome log out of the
/// real home: XDG state and data folders inside a scratch folder of its own, new each call.
pub fn scratch_env() -> [(&'static str, PathBuf); 2] {
    // One home per run: tests run in parallel, and a save one of them leaves for `--resume`
    // must not turn another's first screen into a resume offer. Kept, as the program started
    // with it may outlive this call; it lies in cargo's folder for test files, which
    // `cargo clean` empties.
    let scratch = tempfile::Builder::new()
        .prefix("home-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a scratch home")
        .keep();
    [
        ("XDG_STATE_HOME", scratch.join("state")),
        ("XDG_DATA_HOME", scratch.join("data")),
    ]
}

/// A fixed moment (2025-03-14 09:30:00 UTC) plus `seconds`, for tests that need exact times.
pub fn at(seconds: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_second(1_741_944_600 + seconds).expect("a valid time")
}

/// A call on the built-in flow with two answers, a jump, a back, and two notes (one with a
/// password in it), at fixed times.
pub fn scripted_call() -> Session {
    let mut session = Session::new_at(built_in_session().shared_flow(), at(0));
    session.choose_at(0, at(10)).unwrap();
    session
        .add_note_at("caller: pwd=abc123, new phone", at(20))
        .unwrap();
    session.choose_at(2, at(30)).unwrap();
    let roles = session.flow().find("check-roles").unwrap();
    session.jump_at(roles, at(40)).unwrap();
    session.add_note_at("jumped to roles", at(45)).unwrap();
    session.choose_at(1, at(50)).unwrap();
    assert!(session.back());
    session
}

/// A session on the built-in flow.
pub fn built_in_session() -> Session {
    Session::new(
        load_built_in()
            .expect("the built-in flow is valid")
            .flow
            .shared(),
    )
}

/// Walks `session` by answering each page with the option whose label contains the given
/// text (case-insensitive), as a user reading the screen would. Returns the option numbers
/// picked, counted from 1, so the same walk can be typed into the real binary.
pub fn walk(session: &mut Session, lang: Lang, answers: &[&str]) -> Vec<usize> {
    answers
        .iter()
        .map(|wanted| {
            let page = Page::of(session, lang);
            let index = page
                .options
                .iter()
                .position(|label| label.to_lowercase().contains(&wanted.to_lowercase()))
                .unwrap_or_else(|| {
                    panic!(
                        "no answer containing '{wanted}' on the page '{}' ({lang}); answers: {:?}",
                        page.heading, page.options
                    )
                });
            session
                .choose(index)
                .expect("a listed option can be chosen");
            index + 1
        })
        .collect()
}

/// One answer as a user gives it: an option picked by (part of) its label, or text typed
/// into an input question.
#[derive(Debug, Clone, Copy)]
pub enum Answer {
    /// Pick the option whose label contains this text (case-insensitive).
    Pick(&'static str),
    /// Type this text at an input question.
    Type(&'static str),
}

/// Walks `session` by giving each answer in turn, as a user reading the screen would:
/// picking options by label with [`walk`], typing text into input questions.
pub fn walk_answers(session: &mut Session, lang: Lang, answers: &[Answer]) {
    for answer in answers {
        match answer {
            Answer::Pick(label) => {
                walk(session, lang, &[label]);
            }
            Answer::Type(text) => {
                session.answer_text(text).unwrap_or_else(|error| {
                    panic!(
                        "cannot type '{text}' on the page '{}' ({lang}): {error}",
                        Page::of(session, lang).heading
                    )
                });
            }
        }
    }
}

/// The small flow with an error-code question answered by typing
/// (`tests/fixtures/error-codes.yaml`): 50053 leads to the lockout step, 50076/50079 to
/// the MFA remedy, anything else to the support contact.
pub const ERROR_CODES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/error-codes.yaml"
);

/// A session on [`ERROR_CODES`] started at [`at`]`(0)`.
pub fn error_codes_session() -> Session {
    let flow = signin_doctor_core::flow::load_path(std::path::Path::new(ERROR_CODES))
        .expect("the error-code fixture is a valid flow")
        .flow;
    Session::new_at(flow.shared(), at(0))
}

/// The path of the real binary the tests start: through [`binary`], or in a
/// pseudo-terminal ([`pty::Wizard`]) or a shell pipeline where a `Command` cannot go.
pub const BINARY: &str = env!("CARGO_BIN_EXE_signin-doctor");

/// The real binary with `args`, as the tests run it: in English whatever the developer's
/// locale, autosaves and the outcome log in a scratch home ([`scratch_env`]), colour
/// allowed, no backtraces, and stdin, stdout and stderr piped.
pub fn binary(args: &[&str]) -> std::process::Command {
    use std::process::Stdio;
    let mut command = std::process::Command::new(BINARY);
    command
        .args(args)
        .envs(scratch_env())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("NO_COLOR")
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Runs the binary with `args` ([`binary`]) and `input` on its stdin, and waits for it.
pub fn run(args: &[&str], input: &str) -> std::process::Output {
    finish(binary(args), input)
}

/// Runs `command` with `input` on its stdin (then closed) and gives what it printed.
/// The program may have gone already (a refused flow): then nobody reads the input.
pub fn finish(mut command: std::process::Command, input: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = command.spawn().unwrap();
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    child.wait_with_output().unwrap()
}

/// Whether `tool` can be run; without it a test is skipped, unless CI (`CI` set) requires
/// it, then the test fails (`.ci/run` installs it).
pub fn have(tool: &str) -> bool {
    let found = std::process::Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|out| out.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{tool} is needed in CI (.ci/run installs it)"
        );
        eprintln!("skipped: {tool} is not installed");
    }
    found
}
