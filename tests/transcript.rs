//! Transcripts: golden Markdown and JSON for a scripted agent session (a jump, a back,
//! notes, one with a secret), and `--transcript FILE` on the real binary.
//!
//! To accept a deliberate change of the output: `UPDATE_GOLDEN=1 cargo test --test transcript`
//! and review the diff of `tests/fixtures/`.

mod common;

use std::path::Path;

use common::{at, built_in_session, error_codes_session};
use signin_doctor_core::lang::Lang;
use signin_doctor_core::page::Page;
use signin_doctor_core::session::Session;
use signin_doctor_core::transcript::Transcript;

const SECRET: &str = "Hunter2Summer!";

/// Picks the option whose label contains `label`, at time `seconds`.
fn pick(session: &mut Session, label: &str, seconds: i64) {
    let page = Page::of(session, Lang::En);
    let index = page
        .options
        .iter()
        .position(|o| o.contains(label))
        .unwrap_or_else(|| panic!("no option '{label}' in {:?}", page.options));
    session.choose_at(index, at(seconds)).unwrap();
}

/// The scripted call: two answers, a note with a secret, a step that did not help, a
/// correction (back), another note, and a jump to the admin contact.
fn scripted() -> Session {
    let mut session = Session::new_at(built_in_session().shared_flow(), at(0));
    pick(&mut session, "forgot my password", 15);
    session
        .add_note_at(
            &format!("Caller says the password is {SECRET} (ticket INC-12345)"),
            at(40),
        )
        .unwrap();
    pick(&mut session, "Yes, it's turned on", 55);
    pick(&mut session, "No, it still does not work", 120);
    assert!(session.back(), "the caller corrects the last answer");
    session
        .add_note_at(
            "Reset link never arrived; caller checked the spam folder",
            at(150),
        )
        .unwrap();
    let admin = session.flow().find("ask-global-admin-password").unwrap();
    session.jump_at(admin, at(180)).unwrap();
    session
}

/// Compares `actual` with the golden file, or rewrites it when UPDATE_GOLDEN is set.
fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    assert_eq!(actual, expected, "{name} differs from the golden file");
}

#[test]
fn markdown_transcript_matches_the_golden_file_and_masks_the_secret() {
    let transcript = Transcript::of(&scripted(), Lang::En, at(999));
    let markdown = transcript.to_markdown();
    assert!(
        !markdown.contains("Hunter2"),
        "the secret leaked:\n{markdown}"
    );
    assert!(markdown.contains("the password is [masked] (ticket INC-12345)"));
    assert!(markdown.contains("something that looked like a secret was masked"));
    golden("transcript.md", &markdown);
}

#[test]
fn json_transcript_matches_the_golden_file_and_flags_the_masked_note() {
    let transcript = Transcript::of(&scripted(), Lang::En, at(999));
    let json = transcript.to_json();
    assert!(!json.contains("Hunter2"), "the secret leaked:\n{json}");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["notes"][0]["masked"], true);
    assert_eq!(value["notes"][1]["masked"], false);
    assert_eq!(value["steps"][2]["type"], "jump");
    assert_eq!(
        value["steps"].as_array().unwrap().len(),
        3,
        "the back undid one answer"
    );
    assert_eq!(value["outcome"]["node"], "ask-global-admin-password");
    assert_eq!(
        value["ended"], "2025-03-14T09:33:00Z",
        "ended when the ending was reached"
    );
    assert_eq!(value["solved"], false);
    golden("transcript.json", &json);
}

#[test]
fn dutch_transcript_matches_the_golden_file() {
    let markdown = Transcript::of(&scripted(), Lang::Nl, at(999)).to_markdown();
    assert!(markdown.contains("Vragen en antwoorden"));
    golden("transcript-nl.md", &markdown);
}

/// A caller pastes an error code with a password in it, tries the lockout step, and is
/// sent to their admin with the code to pass on.
fn typed_code() -> Session {
    let mut session = error_codes_session();
    pick(&mut session, "I see an error message", 10);
    session
        .answer_text_at(
            &format!("AADSTS50053: Your account is locked. password: {SECRET}"),
            at(30),
        )
        .unwrap();
    pick(&mut session, "No, it still does not work", 90);
    session
}

#[test]
fn a_typed_code_is_in_the_transcripts_masked_and_passed_on() {
    let session = typed_code();
    let markdown = Transcript::of(&session, Lang::En, at(999)).to_markdown();
    assert!(
        !markdown.contains("Hunter2"),
        "the secret leaked:\n{markdown}"
    );
    assert!(
        markdown.contains(
            "→ **“AADSTS50053: Your account is locked. password: [masked]”** *(something that looked like a secret was masked)*"
        ),
        "{markdown}"
    );
    assert!(
        markdown.contains(
            "- **Give them this:** AADSTS50053: Your account is locked. password: [masked]"
        ),
        "{markdown}"
    );
    golden("transcript-typed.md", &markdown);
    let dutch = Transcript::of(&session, Lang::Nl, at(999)).to_markdown();
    assert!(
        dutch.contains("- **Geef dit door:** AADSTS50053"),
        "{dutch}"
    );
    golden("transcript-typed-nl.md", &dutch);
    let json = Transcript::of(&session, Lang::En, at(999)).to_json();
    assert!(!json.contains("Hunter2"), "the secret leaked:\n{json}");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let typed = &value["steps"][1];
    assert_eq!(typed["kind"], "input");
    assert_eq!(typed["node"], "error-code");
    assert_eq!(typed["choice"], 0, "the first pattern matched");
    assert_eq!(typed["next"], "account-locked");
    assert_eq!(typed["masked"], true);
    assert_eq!(
        typed["typed"],
        "AADSTS50053: Your account is locked. password: [masked]"
    );
    assert_eq!(
        value["outcome"]["contact"]["give_them_this"][0],
        typed["typed"]
    );
    golden("transcript-typed.json", &json);
}

#[test]
fn nothing_typed_is_said_and_not_passed_on() {
    let mut session = error_codes_session();
    pick(&mut session, "I see an error message", 10);
    session.answer_text_at("   ", at(20)).unwrap();
    let transcript = Transcript::of(&session, Lang::En, at(60));
    assert_eq!(transcript.outcome.as_ref().unwrap().node, "no-code");
    let markdown = transcript.to_markdown();
    assert!(markdown.contains("→ **(nothing typed)**"), "{markdown}");
    assert!(!markdown.contains("Give them this"), "{markdown}");
}

#[test]
fn an_unfinished_session_says_where_it_stopped() {
    let mut session = Session::new_at(built_in_session().shared_flow(), at(0));
    pick(&mut session, "forgot my password", 15);
    let transcript = Transcript::of(&session, Lang::En, at(60));
    assert!(!transcript.finished);
    assert_eq!(transcript.ended, at(60));
    assert_eq!(transcript.duration_seconds, 60);
    assert!(
        transcript
            .to_markdown()
            .contains("no ending reached; stopped at")
    );
}

/// Runs the binary in plain mode with `args` and `input`, in the folder `dir`.
fn run_in(dir: &Path, args: &[&str], input: &str) -> std::process::Output {
    let mut command = common::binary(&["--plain", "--state-dir", "state", "--log", "log.jsonl"]);
    command.args(args).current_dir(dir);
    common::finish(command, input)
}

#[test]
fn the_transcript_flag_picks_the_format_by_extension_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Markdown for .md, written even when the user quits before an ending.
    let out = run_in(d, &["--transcript", "call.md"], "1\nq\n");
    assert_eq!(out.status.code(), Some(130));
    let md = std::fs::read_to_string(d.join("call.md")).unwrap();
    assert!(md.starts_with("# Partner Center sign-in troubleshooter — session transcript"));
    // The same name again: kept, and the new one goes next to it, said on stdout.
    let out = run_in(d, &["--transcript", "call.md"], "2\nq\n");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(std::fs::read_to_string(d.join("call.md")).unwrap(), md);
    assert!(d.join("call-1.md").exists());
    assert!(
        stdout.contains("Transcript saved to call-1.md (call.md exists already)"),
        "{stdout}"
    );
    // JSON for .json; both for anything else.
    run_in(d, &["--transcript", "call.json"], "q\n");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("call.json")).unwrap()).unwrap();
    assert_eq!(json["finished"], false);
    run_in(d, &["--transcript", "both"], "q\n");
    assert!(d.join("both.md").exists() && d.join("both.json").exists());
}

#[test]
fn agent_mode_saves_a_transcript_on_request_without_overwriting() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = run_in(d, &["--agent"], "1\nn pin 4321\ns\ns\nq\n");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let saved: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("signin-doctor-partner-center-signin-"))
        .collect();
    assert_eq!(saved.len(), 2, "two saves, two files: {saved:?}\n{stdout}");
    for name in &saved {
        let text = std::fs::read_to_string(d.join(name)).unwrap();
        assert!(
            text.contains("pin [masked]") && !text.contains("4321"),
            "{text}"
        );
        assert!(
            stdout.contains(&format!("Transcript saved to {name}")),
            "{stdout}"
        );
    }
}

#[test]
fn a_hand_off_is_recorded_in_both_formats_and_both_languages() {
    let mut session = Session::new_at(built_in_session().shared_flow(), at(0));
    pick(&mut session, "forgot my password", 15);
    session.record_hand_off("K7P-2QX", true, at(75));
    let english = Transcript::of(&session, Lang::En, at(90));
    let markdown = english.to_markdown();
    assert!(markdown.contains("## Handed to an agent"), "{markdown}");
    assert!(
        markdown.contains(
            "- +1:15 at “Has your company turned on self-service password reset?”: an agent \
             joined while the partner was connected (code K7P-2QX)"
        ),
        "{markdown}"
    );
    let json: serde_json::Value = serde_json::from_str(&english.to_json()).unwrap();
    let hand_off = &json["hand_offs"][0];
    assert_eq!(hand_off["code"], "K7P-2QX");
    assert_eq!(hand_off["live"], true);
    assert_eq!(hand_off["node"], "sspr-enabled");
    let dutch = Transcript::of(&session, Lang::Nl, at(90)).to_markdown();
    assert!(
        dutch.contains("## Overgedragen aan een medewerker"),
        "{dutch}"
    );
    assert!(dutch.contains("een medewerker kwam erbij"), "{dutch}");

    // A session without a hand-off has no such section and no such field.
    let plain = Transcript::of(&scripted(), Lang::En, at(90));
    assert!(!plain.to_markdown().contains("Handed to an agent"));
    assert!(!plain.to_json().contains("hand_offs"));
}

#[test]
fn an_agents_case_id_survives_into_the_transcript_while_a_secret_beside_it_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let input = "1\nn case SR-2611-0042, TrackingID#2503140040001236, token \
                 eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc, pin 4321\nq\n";
    let out = run_in(d, &["--agent", "--transcript", "call.md"], input);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Note added."), "{stdout}");
    let md = std::fs::read_to_string(d.join("call.md")).unwrap();
    assert!(
        md.contains("case SR-2611-0042, TrackingID#2503140040001236, token [masked], pin [masked]"),
        "{md}"
    );
    assert!(!md.contains("4321") && !md.contains("eyJ"), "{md}");
}

#[test]
fn each_note_says_who_wrote_it_and_the_partners_view_has_no_agent_notes() {
    use signin_doctor_core::session::Author;
    let mut session = Session::new_at(built_in_session().shared_flow(), at(0));
    pick(&mut session, "forgot my password", 15);
    session
        .add_note_by("Caller Jan de Vries, ticket INC-4242", Author::Agent)
        .unwrap();
    session
        .add_note_by("I use a new phone", Author::Partner)
        .unwrap();
    let markdown = Transcript::of(&session, Lang::En, at(90)).to_markdown();
    assert!(
        markdown.contains("reset?” (agent): Caller Jan de Vries")
            && markdown.contains("reset?” (partner): I use a new phone"),
        "{markdown}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&Transcript::of(&session, Lang::Nl, at(90)).to_json()).unwrap();
    assert_eq!(json["notes"][0]["author"], "agent");
    assert_eq!(json["notes"][1]["author"], "partner");
    let dutch = Transcript::of(&session, Lang::Nl, at(90)).to_markdown();
    assert!(dutch.contains("(medewerker): Caller Jan"), "{dutch}");

    let partners = Transcript::of(&session.for_partner(), Lang::En, at(90)).to_markdown();
    assert!(!partners.contains("Jan de Vries"), "{partners}");
    assert!(partners.contains("I use a new phone"), "{partners}");
}

#[test]
fn a_restart_keeps_the_route_before_it_in_the_saved_transcript() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Answer, start again, answer differently, save.
    run_in(d, &["--agent", "--transcript", "call"], "1\nr\n2\ns\nq\n");
    let md = std::fs::read_to_string(d.join("call.md")).unwrap();
    let first = md
        .find("1. What is going wrong with Partner Center? → **I forgot my password")
        .unwrap_or_else(|| panic!("{md}"));
    let again = md
        .find("*Started again at ")
        .unwrap_or_else(|| panic!("{md}"));
    let second = md
        .find("1. What is going wrong with Partner Center? → **The sign-in screen shows an error code")
        .unwrap_or_else(|| panic!("{md}"));
    assert!(first < again && again < second, "{md}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("call.json")).unwrap()).unwrap();
    assert_eq!(json["restarts"][0]["steps"][0]["node"], "symptom");
    assert_eq!(json["restarts"][0]["steps"][0]["choice"], 0);
    assert_eq!(json["steps"][0]["choice"], 1);
    assert_eq!(json["steps"].as_array().unwrap().len(), 1);
}
