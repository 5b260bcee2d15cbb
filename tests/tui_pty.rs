//! Drives the real binary in an 80×24 pseudo-terminal: keys in, screen read back with
//! vt100, exit status and the terminal's final state checked.
//!
//! Answers are chosen by finding their label on screen, not by hard-coded numbers, so
//! the tests keep working when the flow's order changes.

mod common;

use common::pty::*;

const DOWN: &str = "\x1b[B";
const END: &str = "\x1b[F";
const FIRST_QUESTION: &str = "What is going wrong";
const SUPPORT_URL: &str = "https://learn.microsoft.com/microsoft-365/admin/get-help-support";

/// The wizard on the built-in flow, autosaving and logging into a folder of this test's
/// own (kept alive by the returned guard), so no other test's wizard finds the save and
/// asks to resume it.
fn start_with_own_state() -> (Wizard, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state").display().to_string();
    let log = dir.path().join("log.jsonl").display().to_string();
    (Wizard::start(&["--state-dir", &state, "--log", &log]), dir)
}

#[test]
fn walk_back_restart_and_reach_an_ending() {
    let (mut wizard, _dir) = start_with_own_state();
    wizard.wait_for(FIRST_QUESTION);

    wizard.pick("forgot my password");
    wizard.wait_for("self-service password reset?");
    assert!(
        wizard.words().contains("forgot my password"),
        "breadcrumbs show the answer"
    );

    // Move with the arrow to "No, it's not turned on", then Enter.
    let target = wizard.option("not turned on");
    assert_eq!(wizard.selected(), Some(1));
    for expected in 2..=target {
        wizard.send(DOWN);
        wizard.wait_until(&format!("option {expected} selected"), |w| {
            w.selected() == Some(expected)
        });
    }
    wizard.send("\r");
    wizard.wait_for("Who can set a new password");

    // Back: the previous question returns, with the answer given there marked.
    wizard.send("b");
    wizard.wait_for("self-service password reset?");
    assert!(!wizard.words().contains("Who can set a new password"));
    assert_eq!(wizard.selected(), Some(target));

    // Restart: the first question, with no answers in the breadcrumbs.
    wizard.send("r");
    wizard.wait_for(FIRST_QUESTION);
    assert!(!wizard.words().contains("forgot my password ›"));
    assert_eq!(wizard.selected(), Some(1));

    wizard.pick("Something else");
    wizard.wait_for("Which of these comes closest?");
    wizard.pick("None of these");
    wizard.wait_for("Contact Microsoft support");

    // The links are at the bottom of the ending: scroll there.
    wizard.send(END);
    wizard.wait_until("the support address on screen", |w| {
        w.squeezed().contains(SUPPORT_URL)
    });
    let hyperlink = format!("\x1b]8;;{SUPPORT_URL}\x1b\\");
    wizard.wait_until("the support address as a hyperlink", |w| {
        w.raw().contains(&hyperlink)
    });

    wizard.send("q");
    assert_eq!(wizard.exit_code(), 0, "leaving from an ending exits 0");
    wizard.assert_terminal_restored();
    assert!(
        wizard.terminal_is_cooked(),
        "the terminal is left in raw mode"
    );
}

#[test]
fn quitting_at_the_first_question_exits_130() {
    let mut wizard = Wizard::start(&[]);
    wizard.wait_for(FIRST_QUESTION);
    assert!(wizard.words().contains("q quit"), "{}", wizard.words());
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 130);
    wizard.assert_terminal_restored();
    assert!(
        wizard.terminal_is_cooked(),
        "the terminal is left in raw mode"
    );
}

#[test]
fn ctrl_c_quits_even_from_the_help_overlay() {
    let mut wizard = Wizard::start(&[]);
    wizard.wait_for(FIRST_QUESTION);
    wizard.send("?");
    wizard.wait_for("Ctrl-C quit at once");
    wizard.send("\x03");
    assert_eq!(wizard.exit_code(), 130);
    wizard.assert_terminal_restored();
    assert!(
        wizard.terminal_is_cooked(),
        "the terminal is left in raw mode"
    );
}

#[test]
fn dutch_key_hints_with_lang_nl() {
    let mut wizard = Wizard::start(&["--lang", "nl"]);
    wizard.wait_for("Wat gaat er mis");
    let words = wizard.words();
    for hint in ["1-9 kiezen", "b terug", "q stoppen"] {
        assert!(words.contains(hint), "{hint:?} not in {words:?}");
    }
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 130);
}

#[test]
fn a_smaller_window_is_redrawn_to_fit() {
    let mut wizard = Wizard::start(&[]);
    wizard.wait_for(FIRST_QUESTION);
    wizard.resize(12, 40);
    wizard.wait_until("the 40-column layout", |w| {
        let rows = w.rows();
        rows.len() == 12 && rows[11].contains("q quit") && w.words().contains(FIRST_QUESTION)
    });
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 130);
}

#[test]
fn termination_signals_restore_the_terminal() {
    use nix::sys::signal::Signal;
    for signal in [Signal::SIGTERM, Signal::SIGHUP, Signal::SIGINT] {
        let mut wizard = Wizard::start(&[]);
        wizard.wait_for(FIRST_QUESTION);
        assert!(
            !wizard.terminal_is_cooked(),
            "raw mode while the wizard runs"
        );
        wizard.signal(signal);
        assert_eq!(wizard.exit_code(), 130, "{signal}");
        wizard.assert_terminal_restored();
        assert!(
            wizard.terminal_is_cooked(),
            "the terminal is left in raw mode"
        );
        assert!(
            wizard.terminal_is_cooked(),
            "{signal}: the terminal is left in raw mode"
        );
    }
}

#[test]
fn pasting_the_lockout_message_reaches_the_lockout_advice_and_is_passed_on() {
    let (mut wizard, _dir) = start_with_own_state();
    wizard.wait_for(FIRST_QUESTION);
    wizard.pick("shows an error code");
    wizard.wait_for("Type or paste the error code");
    wizard.send(
        "AADSTS50053: Your account is locked because the user tried to sign in too many times",
    );
    wizard.send("\r");
    wizard.wait_for("Your account is locked: wait, then reset your password");
    assert!(
        wizard.words().contains("AADSTS50053"),
        "the breadcrumbs show what was pasted"
    );

    // Still locked after waiting and a reset: the admin contact passes the message on.
    wizard.pick("No, it still does not work");
    wizard.wait_for("Ask your admin to check the sign-in logs");
    wizard.send("\x1b[6~");
    wizard.wait_until("the pasted message under \"Give them this\"", |w| {
        let screen = w.words();
        screen.contains("Give them this AADSTS50053: Your account is locked because the user")
    });
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 0);
    wizard.assert_terminal_restored();
}

#[test]
fn a_typed_error_code_leads_to_its_advice_and_is_passed_on() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state").display().to_string();
    let log = dir.path().join("log.jsonl").display().to_string();
    let mut wizard = Wizard::start(&[
        "--flow",
        common::ERROR_CODES,
        "--state-dir",
        &state,
        "--log",
        &log,
    ]);
    wizard.wait_for("What happens when you sign in?");
    wizard.pick("I see an error message");
    wizard.wait_for("Enter continue");

    // In the box, q, b and digits are typed, not commands.
    wizard.send("q1b");
    wizard.wait_for("› q1b");
    wizard.send("\x7f\x7f\x7f");
    wizard.wait_until("the box emptied", |w| !w.words().contains("q1b"));
    wizard.send("AADSTS50053: Your account is locked.");
    wizard.wait_for("› AADSTS50053: Your account is locked.");
    // Home, then a typo fixed in place: the cursor moves within the box.
    wizard.send("\x1b[Hx\x1b[3~\x7f");
    wizard.wait_for("› ADSTS50053: Your account is locked.");
    wizard.send("A\r");
    wizard.wait_for("Wait for the lockout to end");
    assert!(
        wizard
            .words()
            .contains("“AADSTS50053: Your account is locked.”"),
        "the breadcrumbs show what was typed:\n{}",
        wizard.rows().join("\n")
    );

    // Back puts what was typed back in the box; Esc goes back further.
    wizard.send("b");
    wizard.wait_for("› AADSTS50053: Your account is locked.");
    wizard.send("\x1b");
    wizard.wait_for("What happens when you sign in?");
    wizard.pick("I see an error message");
    wizard.wait_for("Enter continue");
    assert!(
        wizard.rows().iter().any(|row| row.trim() == "›"),
        "a new visit starts with an empty box:\n{}",
        wizard.rows().join("\n")
    );

    // A small window scrolls the box to keep the cursor in view; a 1×1 one shows nothing
    // but does not fail.
    wizard.send("aadsts50053 your account is locked after too many attempts");
    wizard.resize(12, 40);
    wizard.wait_for("too many attempts");
    assert!(
        !wizard.words().contains("› aadsts"),
        "the start scrolled out of the box"
    );
    wizard.resize(1, 1);
    wizard.wait_until("the 1×1 screen", |w| w.words().chars().count() <= 1);
    wizard.resize(24, 80);
    wizard.wait_for("› aadsts50053 your account is locked after too many attempts");
    wizard.send("\r");
    wizard.wait_for("Wait for the lockout to end");
    wizard.pick("No, it still does not work");
    wizard.wait_for("Give them this");
    assert!(
        wizard
            .words()
            .contains("Give them this aadsts50053 your account is locked after too many attempts"),
        "{}",
        wizard.rows().join("\n")
    );
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 0, "leaving from an ending exits 0");
    wizard.assert_terminal_restored();
}
