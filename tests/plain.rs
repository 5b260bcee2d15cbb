//! Plain mode driven through pipes, as a script or screen reader would use it.

mod common;

use std::process::{Output, Stdio};

use common::{built_in_session, walk};
use signin_doctor_core::lang::Lang;

use common::run;

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
        text.contains(
            "https://learn.microsoft.com/partner-center/account-settings/reset-a-user-password"
        ),
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
        &[
            "wachtwoord vergeten",
            "niet ingeschakeld",
            "indirecte CSP-reseller",
        ],
    );
    let output = run(&["--lang", "nl"], &typed(&numbers));
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("Typ een nummer"), "{text}");
    assert!(text.contains("De probleemoplosser is klaar."), "{text}");
    assert!(
        !text.contains("Type a number"),
        "no English interface words:\n{text}"
    );
    assert!(
        text.contains("Vraag uw indirecte provider (distributeur) om hulp"),
        "{text}"
    );
}

#[test]
fn the_language_comes_from_the_locale_when_not_given() {
    let output = common::binary(&[])
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
    let hint = "Not understood. Type a number from 1 to 8, or b, r or q.";
    assert_eq!(text.matches(hint).count(), 2, "{text}");
    let first = built_in_session();
    let question = signin_doctor_core::page::Page::of(&first, Lang::En).heading;
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

#[test]
fn a_pasted_error_code_through_a_pipe_reaches_its_advice_in_both_languages() {
    for (args, pick, heading, solved) in [
        (
            &[][..],
            "error code",
            "Your account is locked: wait, then reset your password",
            "Great, that's sorted",
        ),
        (
            &["--lang", "nl"][..],
            "foutcode",
            "Uw account is vergrendeld: wacht even en stel dan uw wachtwoord opnieuw in",
            "Fijn, het probleem is opgelost",
        ),
    ] {
        let lang = if args.is_empty() { Lang::En } else { Lang::Nl };
        let mut session = built_in_session();
        let numbers = walk(&mut session, lang, &[pick]);
        let input = format!(
            "{}AADSTS50053: Your account is locked because the user tried to sign in too many times\n1\n",
            typed(&numbers)
        );
        let output = run(args, &input);
        let text = stdout(&output);
        assert_eq!(output.status.code(), Some(0), "{text}");
        assert!(text.contains(heading), "({lang}):\n{text}");
        assert!(text.contains(solved), "({lang}):\n{text}");
    }
}

#[test]
fn a_pasted_error_code_routes_through_a_pipe_in_english() {
    let output = run(
        &["--flow", common::ERROR_CODES],
        "1\nAADSTS50053: Your account is locked.\n2\n",
    );
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("Type or paste your answer and press Enter (an empty line if there is nothing to type); b = back, r = start again, q = quit. To answer with one of those letters, put it in quotes, like \"b\":"),
        "{text}"
    );
    assert!(
        text.contains("Your answers: I see an error message > “AADSTS50053: Your account is locked.”\nWait for the lockout to end"),
        "{text}"
    );
    assert!(
        text.contains("Give them this: AADSTS50053: Your account is locked.\nEnd of the wizard."),
        "{text}"
    );
}

#[test]
fn at_an_input_question_b_is_back_and_quoted_b_is_the_letter() {
    let output = run(&["--flow", common::ERROR_CODES], "1\nb\n1\n\"b\"\n");
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert_eq!(
        text.matches("What happens when you sign in?").count(),
        2,
        "b went back to the first question:\n{text}"
    );
    assert!(
        text.contains(
            "Your answers: I see an error message > “b”\nContact someone: Contact Microsoft support"
        ),
        "{text}"
    );
    let output = run(&["--flow", common::ERROR_CODES], "1\nq\n");
    assert_eq!(output.status.code(), Some(130), "q quits there too");
}

#[test]
fn an_empty_line_means_no_code_and_dutch_is_dutch() {
    // The empty line is asked about once; a second one goes on without a code.
    let output = run(&["--flow", common::ERROR_CODES, "--lang", "nl"], "1\n\n\n");
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("Typ of plak uw antwoord en druk op Enter (een lege regel als er niets te typen is); b = terug, r = opnieuw beginnen, q = stoppen."),
        "{text}"
    );
    assert!(
        text.contains("Uw antwoorden: Ik zie een foutmelding > (niets ingetypt)\nNeem contact op: Neem contact op met Microsoft-ondersteuning"),
        "{text}"
    );
    assert!(
        !text.contains("Geef dit door"),
        "nothing typed, nothing to pass on:\n{text}"
    );

    let output = run(
        &["--flow", common::ERROR_CODES, "--lang", "nl"],
        "1\nfout aadsts50076 bij aanmelden\n",
    );
    let text = stdout(&output);
    assert!(
        text.contains("Wat u kunt doen: Voltooi de meervoudige verificatie"),
        "{text}"
    );
}

#[test]
fn agent_mode_says_what_to_ask_at_an_input_question_and_search_finds_it() {
    let output = run(
        &["--flow", common::ERROR_CODES, "--agent"],
        "/AADSTS\n1\n50053\n",
    );
    let text = stdout(&output);
    assert!(
        text.contains("Say: \"Could you read me the error code on your screen, the one starting with AADSTS?\""),
        "{text}"
    );
    assert!(
        text.contains("1) Type or paste the error code or message from the sign-in screen."),
        "search lists the input question:\n{text}"
    );
    assert!(text.contains("Wait for the lockout to end"), "{text}");
}

#[test]
fn an_answer_longer_than_the_limit_is_cut_and_said_so() {
    let long = format!("AADSTS50053 {}", "x".repeat(1_500));
    let output = run(&["--flow", common::ERROR_CODES], &format!("1\n{long}\n2\n"));
    let text = stdout(&output);
    assert!(
        text.contains("Only the first 1,000 characters are kept."),
        "{text}"
    );
    let passed_on = text
        .lines()
        .find_map(|line| line.strip_prefix("Give them this: "))
        .expect("the code is passed on");
    assert_eq!(passed_on.chars().count(), 1_000);
}
