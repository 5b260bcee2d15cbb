//! Enter at a question answered by typing, in both front ends driven as a user would: an
//! empty Enter (also one that arrives with the key that opened the question) asks once
//! before going on without a code, and a code one character off a known one is offered,
//! taken with one key or declined with one key.

mod common;

use common::pty::Wizard;
use common::{ERROR_CODES, run};

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// The full-screen wizard on `args`, saving into a folder of its own.
fn full_screen(args: &[&str]) -> (Wizard, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state").display().to_string();
    let log = dir.path().join("log.jsonl").display().to_string();
    let mut all = vec!["--state-dir", &state, "--log", &log];
    all.extend_from_slice(args);
    (Wizard::start(&all), dir)
}

#[test]
fn a_digit_and_enter_in_one_read_wait_for_a_code_and_a_second_enter_goes_on() {
    let (mut wizard, _dir) = full_screen(&[]);
    wizard.wait_for("What is going wrong");
    let number = wizard.option("error code");
    // The digit and Enter arrive together, as from a quick typist or a paste.
    wizard.send(&format!("{number}\r"));
    wizard.wait_for("Press Enter again to go on without a code.");
    assert!(
        wizard.words().contains("Type or paste the error code"),
        "still at the question, waiting for a code:\n{}",
        wizard.rows().join("\n")
    );
    assert!(
        wizard.rows().iter().any(|row| row.trim() == "›"),
        "with an empty box:\n{}",
        wizard.rows().join("\n")
    );
    // Typing clears the question; a code typed then is the answer.
    wizard.send("x");
    wizard.wait_until("the question gone", |w| {
        !w.words().contains("Press Enter again")
    });
    wizard.send("\x7f\r");
    wizard.wait_for("Press Enter again to go on without a code.");
    wizard.send("\r");
    wizard.wait_until("the next question", |w| {
        !w.words().contains("Type or paste the error code")
    });
    assert!(
        wizard.words().contains("(nothing typed)"),
        "went on without a code:\n{}",
        wizard.rows().join("\n")
    );
    wizard.send("q");
    wizard.exit_code();
    wizard.assert_terminal_restored();
}

#[test]
fn full_screen_offers_the_code_one_character_off_and_takes_or_declines_it_with_one_key() {
    let (mut wizard, _dir) = full_screen(&["--flow", ERROR_CODES, "--lang", "nl"]);
    wizard.wait_for("Wat gebeurt er als u zich aanmeldt?");
    wizard.pick("Ik zie een foutmelding");
    wizard.wait_for("Enter verder");
    wizard.send("AADST50053\r");
    wizard.wait_for("Bedoelt u AADSTS50053? Enter: ja · Esc: nee");
    // Enter takes it, and leads where AADSTS50053 leads.
    wizard.send("\r");
    wizard.wait_for("Wacht tot de blokkering voorbij is");
    assert!(
        wizard.words().contains("“AADSTS50053”"),
        "the corrected code is what was answered:\n{}",
        wizard.rows().join("\n")
    );
    // Back at the question, the box holds the corrected code; typed wrong again, Esc
    // declines and goes on with what was typed.
    wizard.send("b");
    wizard.wait_for("› AADSTS50053");
    wizard.send("\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f");
    wizard.wait_until("the box emptied", |w| !w.words().contains("› AADSTS"));
    wizard.send("5053\r");
    wizard.wait_for("Bedoelt u AADSTS50053?");
    wizard.send("\x1b");
    wizard.wait_for("Neem contact op met Microsoft-ondersteuning");
    assert!(
        wizard.words().contains("“5053”"),
        "what was typed is kept:\n{}",
        wizard.rows().join("\n")
    );
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 0);
    wizard.assert_terminal_restored();
}

#[test]
fn plain_mode_asks_once_at_an_empty_line_in_both_languages() {
    let output = run(&["--flow", ERROR_CODES], "1\n\nAADSTS50053\n1\n");
    let text = stdout(&output);
    assert!(
        text.contains(
            "Nothing typed. Press Enter again to go on without a code, or type the code:"
        ),
        "{text}"
    );
    assert!(
        text.contains("Wait for the lockout to end"),
        "a code typed after the question is the answer:\n{text}"
    );
    let output = run(&["--flow", ERROR_CODES, "--lang", "nl"], "1\n\n\n");
    let text = stdout(&output);
    assert!(
        text.contains(
            "Niets ingetypt. Druk nogmaals op Enter om zonder code verder te gaan, of typ de \
             code:\n\nUw antwoorden: Ik zie een foutmelding > (niets ingetypt)"
        ),
        "{text}"
    );
    assert_eq!(output.status.code(), Some(0), "{text}");
}

#[test]
fn plain_mode_offers_the_code_and_takes_it_with_an_empty_line_or_a_yes() {
    for (lang, yes, asked) in [
        (
            "en",
            "",
            "Did you mean AADSTS50053? Press Enter for yes, or type n to go on with what you typed:",
        ),
        (
            "nl",
            "ja",
            "Bedoelt u AADSTS50053? Druk op Enter voor ja, of typ n om verder te gaan met wat u hebt ingetypt:",
        ),
    ] {
        let output = run(
            &["--flow", ERROR_CODES, "--lang", lang],
            &format!("1\nerror AADST50053 at sign-in\n{yes}\n"),
        );
        let text = stdout(&output);
        assert!(text.contains(asked), "{text}");
        assert!(
            text.contains("> “error AADSTS50053 at sign-in”"),
            "taken, with the code corrected in the line:\n{text}"
        );
    }
}

#[test]
fn plain_mode_declines_with_n_even_in_agent_mode_and_another_line_answers_afresh() {
    let output = run(&["--flow", ERROR_CODES, "--agent"], "1\nAADST50053\nn\n");
    let text = stdout(&output);
    assert!(text.contains("Did you mean AADSTS50053?"), "{text}");
    assert!(
        text.contains("Contact someone: Contact Microsoft support")
            && text.contains("“AADST50053”"),
        "n went on with what was typed, not an empty note:\n{text}"
    );
    assert!(!text.contains("The note is empty"), "{text}");

    let output = run(&["--flow", ERROR_CODES], "1\nAADST50053\nAADSTS50079\n");
    let text = stdout(&output);
    assert!(
        text.contains("Complete multifactor authentication"),
        "a new line is a new answer:\n{text}"
    );
}

#[test]
fn the_built_in_flow_offers_aadsts50053_for_aadst50053() {
    let output = run(&[], &format!("{}\nAADST50053\n\n", error_code_option()));
    let text = stdout(&output);
    assert!(text.contains("Did you mean AADSTS50053?"), "{text}");
    let mut session = common::built_in_session();
    common::walk(
        &mut session,
        signin_doctor_core::lang::Lang::En,
        &["error code"],
    );
    session.answer_text("AADSTS50053").unwrap();
    let heading =
        signin_doctor_core::page::Page::of(&session, signin_doctor_core::lang::Lang::En).heading;
    assert!(
        text.contains(&heading),
        "accepting it leads where AADSTS50053 leads ({heading}):\n{text}"
    );
}

/// The number of the first question's answer about an error code.
fn error_code_option() -> usize {
    let mut session = common::built_in_session();
    common::walk(
        &mut session,
        signin_doctor_core::lang::Lang::En,
        &["error code"],
    )[0]
}
