//! Plain mode's answers to replies it cannot use, driven through the real binary: a reply
//! that is no answer is told the number range (and, in agent mode, the agent commands),
//! and the offer to resume an unfinished session takes only a yes or a no in the user's
//! language, asking again otherwise — a stray `751` never sets a session aside.

mod common;

use std::path::Path;
use std::process::Output;

use common::pty::Wizard;

fn plain(dir: &Path, args: &[&str], input: &str) -> Output {
    let state = dir.join("state").display().to_string();
    let log = dir.join("log.jsonl").display().to_string();
    let mut command = common::binary(&["--plain", "--state-dir", &state, "--log", &log]);
    command.args(args).env("NO_COLOR", "1");
    common::finish(command, input)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_reply_that_is_no_answer_is_told_the_range_and_in_agent_mode_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let text = stdout(&plain(dir.path(), &[], "751\nq\n"));
    assert!(
        text.contains("Not understood. Type a number from 1 to 8, or b, r or q."),
        "{text}"
    );
    // A step has two answers.
    let text = stdout(&plain(dir.path(), &[], "1\n1\nwhat\nq\n"));
    assert!(
        text.contains("Not understood. Type a number from 1 to 2, or b, r or q."),
        "{text}"
    );
    let text = stdout(&plain(dir.path(), &["--agent"], "751\nq\n"));
    assert!(
        text.contains(
            "Not understood. Type a number from 1 to 8, or b, r or q; n TEXT = note, \
             s = save transcript, /WORD = search."
        ),
        "{text}"
    );
    let text = stdout(&plain(dir.path(), &["--lang", "nl", "--agent"], "751\nq\n"));
    assert!(
        text.contains(
            "Dat begrijp ik niet. Typ een nummer van 1 tot en met 8, of b, r of q; n TEKST"
        ),
        "{text}"
    );
}

/// Leaves an unfinished session in `dir`'s state folder: one answer, then a signal.
fn leave_a_session(dir: &Path) {
    let mut wizard = wizard_in(dir, &[]);
    wizard.wait_for("What is going wrong with Partner Center?");
    wizard.send("1\r");
    wizard.wait_for("Has your company turned on self-service password reset?");
    wizard.signal(nix::sys::signal::Signal::SIGTERM);
    wizard.exit_code();
    let saves = std::fs::read_dir(dir.join("state"))
        .map(|entries| entries.flatten().count())
        .unwrap_or_default();
    assert!(saves > 0, "the signal keeps the session");
}

fn saves_set_aside(dir: &Path) -> usize {
    std::fs::read_dir(dir.join("state"))
        .unwrap()
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().contains("abandoned"))
        .count()
}

fn wizard_in(dir: &Path, more: &[&str]) -> Wizard {
    let state = dir.join("state").display().to_string();
    let log = dir.join("log.jsonl").display().to_string();
    let mut args = vec!["--plain", "--state-dir", &state, "--log", &log];
    args.extend_from_slice(more);
    Wizard::start(&args)
}

#[test]
fn the_resume_offer_asks_again_until_it_gets_a_yes_or_a_no() {
    let dir = tempfile::tempdir().unwrap();
    leave_a_session(dir.path());

    let mut wizard = wizard_in(dir.path(), &[]);
    wizard.wait_for("Resume it? (y/n)");
    wizard.send("751\r");
    wizard.wait_for("Please answer y (yes) or n (no).");
    assert_eq!(saves_set_aside(dir.path()), 0, "751 is not a no");
    // Dutch words are not English answers.
    wizard.send("ja\r");
    wizard.wait_until("asked a second time", |w| {
        w.words()
            .matches("Please answer y (yes) or n (no).")
            .count()
            == 2
    });
    wizard.send("yes\r");
    wizard.wait_for("Resumed the session started at");
    wizard.wait_for("Has your company turned on self-service password reset?");
    wizard.send("q\r");
    assert_eq!(wizard.exit_code(), 130);
    assert_eq!(saves_set_aside(dir.path()), 0);
}

#[test]
fn in_dutch_the_resume_offer_takes_j_and_nee() {
    let dir = tempfile::tempdir().unwrap();
    leave_a_session(dir.path());

    let mut wizard = wizard_in(dir.path(), &["--lang", "nl"]);
    wizard.wait_for("(j/n)");
    wizard.send("y\r");
    wizard.wait_for("Antwoord met j (ja) of n (nee).");
    assert_eq!(saves_set_aside(dir.path()), 0, "y is not Dutch");
    wizard.send("nee\r");
    wizard.wait_for("Wat gaat er mis met Partner Center?");
    assert_eq!(saves_set_aside(dir.path()), 1, "nee sets it aside");
    wizard.send("q\r");
    assert_eq!(wizard.exit_code(), 130);
}
