//! Plain mode driven through pipes, as a script or screen reader would use it.

mod common;

use std::process::{Command, Output, Stdio};

use common::{built_in_session, walk};
use signin_doctor::lang::Lang;

/// Runs the real binary with `args`, feeding `input` on stdin through a pipe.
fn run(args: &[&str], input: &str) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_signin-doctor"));
    command
        .envs(common::scratch_env())
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    common::finish(command, input)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn typed(numbers: &[usize]) -> String {
    numbers.iter().map(|n| format!("{n}\n")).collect()
}

#[test]
fn an_english_walk_through_a_pipe_reaches_the_admin_contact() {
    let mut session = built_in_session();
    let numbers = walk(
        &mut session,
        Lang::En,
        &[
            "forgot my password",
            "not turned on",
            "Partner Program",
            "Yes, I can reach them",
        ],
    );
    let output = run(&[], &typed(&numbers));
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("1) I forgot my password"),
        "choices are numbered N) label:\n{text}"
    );
    assert!(text.contains("global admin"), "{text}");
    assert!(
        text.contains("https://learn.microsoft.com/partner-center/reset-a-user-password"),
        "{text}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "plain mode writes no escape sequences"
    );
}

#[test]
fn a_dutch_walk_through_a_pipe_is_dutch_throughout() {
    let mut session = built_in_session();
    let numbers = walk(
        &mut session,
        Lang::Nl,
        &["wachtwoord vergeten", "staat uit", "indirecte"],
    );
    let output = run(&["--lang", "nl"], &typed(&numbers));
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("Typ een nummer"), "{text}");
    assert!(text.contains("Einde van de wizard."), "{text}");
    assert!(
        !text.contains("Type a number"),
        "no English interface words:\n{text}"
    );
    assert!(
        text.contains("Vraag uw indirecte provider om hulp"),
        "{text}"
    );
}

#[test]
fn the_language_comes_from_the_locale_when_not_given() {
    let output = Command::new(env!("CARGO_BIN_EXE_signin-doctor"))
        .envs(common::scratch_env())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "nl_NL.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        stdout(&output).contains("Typ een nummer"),
        "{}\n{}",
        stdout(&output),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn bad_input_gets_a_hint_and_the_same_question_again() {
    let output = run(&[], "seven\n9\nq\n");
    let text = stdout(&output);
    let hint = "Not understood. Type the number of an answer, or b, r or q.";
    assert_eq!(text.matches(hint).count(), 2, "{text}");
    let first = built_in_session();
    let question = signin_doctor::page::Page::of(&first, Lang::En).heading;
    assert_eq!(
        text.matches(&question).count(),
        3,
        "asked again after each bad answer:\n{text}"
    );
    assert_eq!(output.status.code(), Some(130));
}

#[test]
fn back_and_restart_work_by_letter() {
    let mut session = built_in_session();
    let numbers = walk(&mut session, Lang::En, &["forgot my password"]);
    let input = format!("{}b\nb\nr\nq\n", typed(&numbers));
    let text = stdout(&run(&[], &input));
    assert!(
        text.contains("This is the first question; there is nothing to go back to."),
        "{text}"
    );
    assert!(
        text.contains("Stopped before reaching an answer."),
        "{text}"
    );
}

#[test]
fn quitting_or_ending_input_before_an_ending_exits_130() {
    assert_eq!(run(&[], "q\n").status.code(), Some(130));
    let ended = run(&[], "1\n");
    assert_eq!(ended.status.code(), Some(130));
    assert!(stdout(&ended).trim_end().ends_with(
        "Input ended before reaching an answer. Run signin-doctor again to start over."
    ));
}

#[test]
fn plain_is_used_with_the_flag_even_when_input_is_a_file() {
    let output = run(&["--plain"], "");
    assert_eq!(output.status.code(), Some(130));
    assert!(stdout(&output).contains("1) "));
}
