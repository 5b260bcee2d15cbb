//! Plain mode and its streams, on the real binary: a reader that goes away (`| head -1`), a
//! stdin that is a file, `/dev/null`, or closed halfway through a walk, and flow files over
//! the documented size limit. Each ends quietly with the documented exit code: 0 at an
//! ending, 1 when the output went away, 2 for a refused flow, 130 when input ended first.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

mod common;

use signin_doctor_core::flow::MAX_FLOW_BYTES;

const DEADLINE: Duration = Duration::from_secs(20);

/// The binary with a fixed language and no backtraces.
fn command(args: &[&str]) -> Command {
    common::binary(args)
}

/// Waits for `child` with a deadline; a hang fails the test (and kills the child).
fn wait(child: &mut Child) -> ExitStatus {
    common::child::expect_exit(child, DEADLINE, "signin-doctor should have exited")
}

fn stderr_of(child: &mut Child) -> String {
    let mut text = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The option numbers of a walk on the built-in flow to an ending, as typed.
fn walk_to_an_ending() -> String {
    let mut session = signin_doctor_core::session::Session::new(
        signin_doctor_core::flow::load_built_in()
            .unwrap()
            .flow
            .shared(),
    );
    let mut typed = String::new();
    while session.option_count() > 0 {
        session.choose(0).unwrap();
        typed.push_str("1\n");
    }
    typed
}

#[test]
fn a_reader_that_goes_away_after_one_line_ends_the_wizard_quietly() {
    // `signin-doctor --plain | head -1`: read one line, close the pipe, then answer.
    let mut child = command(&["--plain"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.contains("Partner Center"), "first line: {first:?}");
    drop(stdout);
    let mut stdin = child.stdin.take().unwrap();
    // The answers may find the program already gone: that is fine.
    let _ = stdin.write_all(walk_to_an_ending().as_bytes());
    drop(stdin);
    let status = wait(&mut child);
    let stderr = stderr_of(&mut child);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert!(
        !stderr.to_lowercase().contains("broken pipe"),
        "a closed pipe is not news to anyone: {stderr}"
    );
    assert!(
        matches!(status.code(), Some(0 | 1)),
        "exit 1 (output gone) or 0 (it finished before noticing), got {status:?}"
    );
}

#[test]
fn a_real_shell_pipe_into_head_ends_quietly() {
    let script = format!(
        "yes 9 | {:?} --plain | head -1; echo \"exit=${{PIPESTATUS[1]}}\"",
        common::BINARY
    );
    let output = Command::new("bash")
        .args(["-c", &script])
        .envs(common::scratch_env())
        .env("LC_ALL", "C")
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stdout.starts_with("Partner Center"), "stdout: {stdout}");
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert!(
        stderr.is_empty(),
        "nothing to say when the reader left: {stderr}"
    );
    // Every "9" is not understood and asked again, until the reader is gone.
    assert!(stdout.contains("exit=1"), "stdout: {stdout}");
}

#[test]
fn stdin_from_a_file_walks_to_an_ending_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.txt");
    std::fs::write(&answers, walk_to_an_ending()).unwrap();
    let output = command(&[])
        .stdin(std::fs::File::open(&answers).unwrap())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "stdout: {stdout}");
    assert!(stdout.contains("1) "), "plain mode was chosen: {stdout}");
    assert!(
        !stdout.contains('\u{1b}'),
        "no escape sequences in plain mode"
    );
}

#[test]
fn stdin_from_dev_null_says_input_ended_and_exits_130() {
    let output = command(&["--plain"]).stdin(Stdio::null()).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(130),
        "stdout: {stdout}\nstderr: {stderr}"
    );
    assert!(stdout.contains("Input ended"), "stdout: {stdout}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn stdin_closed_halfway_through_a_walk_exits_130() {
    let mut child = command(&["--plain"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"1\n").unwrap();
    stdin.flush().unwrap();
    drop(stdin);
    let status = wait(&mut child);
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    let stderr = stderr_of(&mut child);
    assert_eq!(
        status.code(),
        Some(130),
        "stdout: {stdout}\nstderr: {stderr}"
    );
    assert!(stdout.contains("Input ended"), "stdout: {stdout}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn stdin_that_ends_without_a_line_break_still_counts_the_last_answer() {
    // The last answer is "1" with no newline, then end of input.
    let mut typed = walk_to_an_ending();
    typed.pop();
    let output = common::run(&["--plain"], &typed);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "stdout: {stdout}");
    // The ending that last answer leads to is shown, after the last question's prompt.
    let ending = ending_of_the_walk();
    let last_prompt = stdout.rfind("(1-").expect("a question was asked");
    assert!(
        stdout[last_prompt..].contains(&ending),
        "the ending {ending:?} is not shown after the last answer: {stdout}"
    );
    assert!(!stdout.contains("Input ended"), "stdout: {stdout}");
}

/// The heading of the ending [`walk_to_an_ending`] reaches, in English.
fn ending_of_the_walk() -> String {
    let mut session = common::built_in_session();
    while session.option_count() > 0 {
        session.choose(0).unwrap();
    }
    signin_doctor_core::page::Page::of(&session, signin_doctor_core::lang::Lang::En).heading
}

/// A flow file one byte over the limit, made of YAML comments so it would parse.
fn oversized_flow(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("huge.yaml");
    let mut file = std::fs::File::create(&path).unwrap();
    let mut text = signin_doctor_core::flow::BUILT_IN_YAML.to_owned();
    text.push('\n');
    let line = format!("# {}\n", "x".repeat(1021));
    while (text.len() as u64) + (line.len() as u64) <= MAX_FLOW_BYTES {
        text.push_str(&line);
    }
    while (text.len() as u64) <= MAX_FLOW_BYTES {
        text.push('#');
    }
    file.write_all(text.as_bytes()).unwrap();
    assert_eq!(text.len() as u64, MAX_FLOW_BYTES + 1);
    path
}

#[test]
fn a_flow_file_over_16_mib_is_refused_before_parsing_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = oversized_flow(dir.path());
    let path = path.to_str().unwrap();
    for args in [vec!["--flow", path, "--plain"], vec!["check", path]] {
        let start = Instant::now();
        let output = command(&args).stdin(Stdio::null()).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}{stdout}");
        let said = format!("{stderr}{stdout}");
        assert!(
            said.contains("16 MiB") && said.contains("huge.yaml"),
            "{args:?}: {said}"
        );
        assert!(!said.contains("panicked"));
        // Refused from its size alone: far quicker than parsing 16 MiB of YAML in debug.
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{args:?} took {:?}",
            start.elapsed()
        );
    }
    // Exactly at the limit is still read (and here parses: only comments were added).
    let at_limit = dir.path().join("at-limit.yaml");
    let mut text = std::fs::read(path).unwrap();
    text.pop();
    std::fs::write(&at_limit, text).unwrap();
    let output = command(&["check", at_limit.to_str().unwrap()])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr).into_owned()
        + &String::from_utf8_lossy(&output.stdout);
    assert!(
        !said.contains("16 MiB"),
        "a file of exactly 16 MiB is allowed: {said}"
    );
}
