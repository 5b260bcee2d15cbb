//! How the full-screen wizard behaves with the terminal, in a pseudo-terminal: SIGTSTP
//! and Ctrl-Z put the terminal back (termios in line mode, main screen, cursor shown)
//! before the process stops, SIGCONT takes it over again and redraws; bracketed paste is
//! one insertion into the note editor, never keys; TERM=dumb gets plain mode.

mod common;

use common::pty::{ENTER_ALTERNATE_SCREEN, LEAVE_ALTERNATE_SCREEN, SHOW_CURSOR, Wizard};
use nix::sys::signal::Signal;

const FIRST_QUESTION: &str = "What is going wrong with Partner Center?";

fn wizard(extra: &[&str]) -> (Wizard, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let log = dir.path().join("log.jsonl");
    let mut args = vec![
        "--lang",
        "en",
        "--state-dir",
        state.to_str().unwrap(),
        "--log",
        log.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let wizard = Wizard::start(&args);
    wizard.wait_for(FIRST_QUESTION);
    (wizard, dir)
}

/// Stops the wizard with `stop`, checks the terminal is the shell's again, continues it
/// and checks it is the wizard's again, redrawn.
fn suspend_and_continue(wizard: &mut Wizard, stop: impl FnOnce(&mut Wizard)) {
    let before = wizard.raw().len();
    stop(wizard);
    wizard.wait_until("the process to stop", |w| w.process_state() == 'T');
    assert!(wizard.terminal_is_cooked(), "line mode and echo are back");
    // Written before it stopped; the reader may still be catching up.
    wizard.wait_until("the main screen and the cursor back", |w| {
        let said = &w.raw()[before..];
        said.contains(LEAVE_ALTERNATE_SCREEN) && said.contains(SHOW_CURSOR)
    });
    assert!(
        !wizard.words().contains(FIRST_QUESTION),
        "the shell's screen shows"
    );

    wizard.signal(Signal::SIGCONT);
    wizard.wait_until("raw mode again", |w| !w.terminal_is_cooked());
    wizard.wait_for(FIRST_QUESTION);
    let redrawn = wizard.raw()[before..].to_owned();
    assert!(
        redrawn.rfind(ENTER_ALTERNATE_SCREEN) > redrawn.rfind(LEAVE_ALTERNATE_SCREEN),
        "{redrawn:?}"
    );
}

#[test]
fn sigtstp_and_ctrl_z_give_the_terminal_back_and_sigcont_takes_it_again() {
    let (mut wizard, _dir) = wizard(&[]);
    suspend_and_continue(&mut wizard, |w| w.signal(Signal::SIGTSTP));
    suspend_and_continue(&mut wizard, |w| w.send("\x1a"));
    // Keys work as before.
    wizard.pick("forgot my password");
    wizard.wait_for("self-service password reset?");
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 130);
    wizard.assert_terminal_restored();
}

#[test]
fn a_paste_is_one_insertion_into_the_note_never_keys_and_a_huge_one_is_cut() {
    let (mut wizard, _dir) = wizard(&["--agent"]);
    wizard.send("n");
    wizard.wait_for("Note on this step");
    // Digits, q and a line break would answer, quit or submit if taken as keys.
    wizard.send("\x1b[200~caller says 1\nq then 2\x1b[201~");
    wizard.wait_for("caller says 1⏎q then 2");
    assert!(
        wizard.words().contains(FIRST_QUESTION),
        "nothing was answered"
    );
    wizard.send("\r");
    wizard.wait_for("Note added.");
    assert!(wizard.words().contains(FIRST_QUESTION));

    // 100 KB in one paste: cut at the documented limit, with a message.
    wizard.send("n");
    wizard.wait_for("Note on this step");
    let huge = "abcdefghij".repeat(10_000);
    wizard.send(&format!("\x1b[200~{huge}\x1b[201~"));
    wizard.wait_for("cut at 10,000 characters");
    // Esc alone (with the next key straight after it, it would read as Alt+key).
    wizard.send("\x1b");
    wizard.wait_until("the note editor to close", |w| {
        !w.words().contains("Note on this step")
    });
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 130);
}

#[test]
fn a_paste_with_no_box_open_is_not_taken_as_keys() {
    let (mut wizard, _dir) = wizard(&[]);
    wizard.send("\x1b[200~2\x1b[201~");
    wizard.wait_for("Pasted text goes into a note or the search box");
    assert!(wizard.words().contains(FIRST_QUESTION));
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 130);
}

#[test]
fn a_dumb_terminal_gets_plain_mode_without_escape_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let mut wizard = Wizard::start_with(
        &["--lang", "en", "--state-dir", state.to_str().unwrap()],
        &[("TERM", "dumb")],
    );
    wizard.wait_for("Type a number");
    wizard.send("q\r");
    assert_eq!(wizard.exit_code(), 130);
    let raw = wizard.raw();
    assert!(raw.contains(FIRST_QUESTION), "{raw}");
    assert!(!raw.contains('\x1b'), "no escape bytes: {raw:?}");
}
