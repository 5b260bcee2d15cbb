//! No secret of a known shape reaches the disk: notes holding generated card numbers,
//! access keys, spaced codes, passwords after a keyword, password-like and random-looking
//! words, base64 blobs, product keys and web tokens go through a whole call — autosave
//! after every change, the transcript in Markdown and JSON, the outcome log, the set-aside
//! save — and no file written holds the secret; nor does an answer typed into the
//! error-code box. The other way round, the ids a support note needs (ticket and case ids,
//! Microsoft case numbers, GUIDs, correlation and trace ids, e-mail addresses, tenant
//! domains, sign-in error codes) are written verbatim.

mod common;

use std::path::Path;

use proptest::prelude::*;
use signin_doctor_core::core::{RecordKeeper, RecordOptions};
use signin_doctor_core::lang::Lang;
use signin_doctor_core::secrets::cards::luhn;
use signin_doctor_core::session::Session;

use common::built_in_session;

/// A card number of `length` digits starting with `prefix`, completed with the digit
/// that passes the Luhn check (itself checked against known card numbers in the crate).
fn card(prefix: &[u8], body: &[u8], length: usize) -> String {
    let mut digits: Vec<u8> = prefix
        .iter()
        .chain(body)
        .copied()
        .take(length - 1)
        .collect();
    digits.resize(length - 1, 0);
    let check = (0..10)
        .find(|&d| luhn(&[digits.as_slice(), &[d]].concat()))
        .expect("one digit passes");
    digits.push(check);
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

/// A secret of a known shape and the sentence it is said in.
fn secret() -> impl Strategy<Value = (String, String)> {
    let digits = proptest::collection::vec(0u8..10, 18);
    prop_oneof![
        (digits.clone(), 13usize..=19, any::<bool>()).prop_map(|(body, length, spaced)| {
            let number = card(&[4], &body, length);
            let number = if spaced {
                number
                    .as_bytes()
                    .chunks(4)
                    .map(|c| std::str::from_utf8(c).unwrap())
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                number
            };
            (number.clone(), format!("card {number} exp 12/27"))
        }),
        ("(AKIA|ASIA)[A-Z0-9]{16}").prop_map(|key| (key.clone(), format!("used key {key} today"))),
        ("[0-9]{3} [0-9]{3}")
            .prop_map(|code| (code.clone(), format!("the code is {code} from the app"))),
        ("[A-Z][a-z]{3,8}[0-9]{2,4}")
            .prop_map(|word| (word.clone(), format!("my pass is {word} he said"))),
        ("[a-z]{4,6}[@#$%&!][a-z]{2,4}[0-9]{1,3}")
            .prop_map(|word| (word.clone(), format!("tried {word} twice"))),
        ("[a-zA-Z0-9]{6,14}")
            .prop_map(|word| (word.clone(), format!("password: {word} then locked"))),
        ("[0-9]{3}").prop_map(|cvv| (format!("cvv {cvv}"), format!("cvv {cvv} given"))),
        ("(pin|PIN|code|pincode|otp) [0-9]{4,8}").prop_map(|said| (
            said.split_once(' ').unwrap().1.to_owned(),
            format!("{said} read out")
        )),
        ("(pwd|password|wachtwoord)[=:][A-Za-z0-9!#]{6,12}").prop_map(|said| (
            said[said.find(['=', ':']).unwrap() + 1..].to_owned(),
            format!("caller gave {said}")
        )),
        ("([a-z]{1,3}[0-9]{1,3}){3,6}|([A-Z]{1,3}[0-9]{1,3}){3,6}")
            .prop_filter("12 characters or more", |word| word.len() >= 12)
            .prop_map(|word| (word.clone(), format!("token {word} pasted"))),
        ("[A-Z][a-z][A-Za-z0-9+/]{18,40}==")
            .prop_map(|blob| (blob.clone(), format!("key {blob} here"))),
        ("[A-Z0-9]{5}(-[A-Z0-9]{5}){4}")
            .prop_filter("a group mixes letters and digits", |key| key
                .split('-')
                .any(|group| {
                    group.chars().any(|c| c.is_ascii_digit())
                        && group.chars().any(|c| c.is_ascii_uppercase())
                }))
            .prop_map(|key| (key.clone(), format!("product key {key} used"))),
        ("eyJ[A-Za-z0-9_-]{4,30}\\.eyJ[A-Za-z0-9_-]{2,30}\\.[A-Za-z0-9_-]{0,12}")
            .prop_map(|token| (token.clone(), format!("bearer {token} copied"))),
    ]
}

/// An id of a shape support needs and the sentence it is written in.
fn kept_id() -> impl Strategy<Value = (String, String)> {
    let in_sentence = |pattern: &'static str, sentences: &'static [&'static str]| {
        (pattern, proptest::sample::select(sentences))
            .prop_map(|(id, sentence)| (id.clone(), sentence.replace("{}", &id)))
    };
    prop_oneof![
        in_sentence(
            "[A-Z]{2,5}(-[0-9]{2,6}){1,3}(-[A-Z]{2})?",
            &[
                "case {}",
                "ticket {} opened",
                "code {} given",
                "{}",
                "zie {} voor de beller"
            ],
        ),
        in_sentence(
            "[1-9][0-9]{14,15}",
            &[
                "case {}",
                "TrackingID#{}",
                "case number {}",
                "zaaknummer {}",
                "support request {}"
            ],
        ),
        in_sentence(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}",
            &[
                "tenant {}",
                "Correlation ID: {}",
                "Trace ID: {}",
                "({})",
                "code {} seen"
            ],
        ),
        in_sentence(
            "[0-9a-f]{32}|00-[0-9a-f]{32}-[0-9a-f]{16}-01",
            &["Request Id: {}", "traceparent {}", "trace {} logged"],
        ),
        in_sentence(
            "[a-z]{1,8}(\\.[a-z]{1,8})?[0-9]{0,4}(\\+[a-z]{2,5})?@[a-z]{3,10}\\.(com|nl|onmicrosoft\\.com)",
            &["mail {}", "signs in as {}", "{}", "code sent to {}"],
        ),
        in_sentence(
            "[a-z][a-z0-9]{2,15}\\.onmicrosoft\\.com|[a-z]{3,12}\\.(com|nl|eu|co\\.uk)",
            &["tenant {}", "domain {} verified", "{}"],
        ),
        in_sentence(
            "(AADSTS|aadsts)[0-9]{5,6}|SSPR_00[0-9]{2}",
            &["error {}", "code {}", "{}: account locked", "foutcode {}"],
        ),
        in_sentence("AADSTS[0-9]{5,6}", &["code: {}", "Error Code: {}"]),
    ]
}

/// Every file under `dir` whose bytes hold `needle`.
fn files_holding(dir: &Path, needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in walk(dir) {
        let bytes = std::fs::read(&entry).unwrap();
        if String::from_utf8_lossy(&bytes).contains(needle) {
            found.push(entry.display().to_string());
        }
    }
    found
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// Every record of an agent's call written under `dir`.
fn options(dir: &Path) -> RecordOptions {
    RecordOptions::kept(Some(dir.join("state")), Some(dir.join("log.jsonl")), 30)
        .transcript(Some(dir.join("transcript")))
        .agent(true)
}

/// A call with `note` written on the way, every record written to `dir`; `finish`
/// reaches an ending, else the call is quit with the note set aside.
fn call(dir: &Path, note: &str, lang: Lang, finish: bool) -> Session {
    let mut session = built_in_session();
    let mut records = RecordKeeper::new(options(dir), lang, &session);
    session.choose(0).unwrap();
    records.changed(&session);
    session.add_note(note).unwrap();
    records.changed(&session);
    if finish {
        while session.outcome().is_none() {
            session.choose(0).unwrap();
            records.changed(&session);
        }
    }
    let notices = records.finish(&session);
    assert!(!records.failed(), "{notices:?}");
    session
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_generated_secret_reaches_any_file((secret, note) in secret(), finish in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        let session = call(dir.path(), &note, Lang::En, finish);
        prop_assert!(!session.notes()[0].text.contains(&secret), "on screen: {}", session.notes()[0].text);
        prop_assert!(session.notes()[0].text.contains("[masked]"));
        let files = walk(dir.path());
        prop_assert!(files.len() >= 3, "transcripts and log written: {files:?}");
        let holding = files_holding(dir.path(), &secret);
        prop_assert!(holding.is_empty(), "{secret:?} found in {holding:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_generated_id_support_needs_is_written_verbatim((id, note) in kept_id(), finish in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        let session = call(dir.path(), &note, Lang::En, finish);
        prop_assert_eq!(&session.notes()[0].text, &note, "on screen");
        for transcript in ["transcript.md", "transcript.json"] {
            let written = std::fs::read_to_string(dir.path().join(transcript)).unwrap();
            prop_assert!(written.contains(&id), "{} not in {}:\n{}", id, transcript, written);
            prop_assert!(!written.contains("[masked]"), "{}", written);
        }
        // A call quit before an ending keeps its save, set aside, with the note as written.
        let saves = walk(&dir.path().join("state"));
        prop_assert_eq!(saves.is_empty(), finish, "{:?}", saves);
        for save in saves {
            let written = std::fs::read_to_string(&save).unwrap();
            prop_assert!(written.contains(&id), "{} not in {}:\n{}", id, save.display(), written);
        }
    }

    #[test]
    fn no_generated_secret_typed_into_the_answer_box_reaches_any_file((secret, typed) in secret()) {
        let dir = tempfile::tempdir().unwrap();
        let mut session = common::error_codes_session();
        let mut records = RecordKeeper::new(options(dir.path()), Lang::En, &session);
        session.choose(0).unwrap();
        session.answer_text(&typed).unwrap();
        records.changed(&session);
        let notices = records.finish(&session);
        prop_assert!(!records.failed(), "{:?}", notices);
        let holding = files_holding(dir.path(), &secret);
        prop_assert!(holding.is_empty(), "{:?} found in {:?}", secret, holding);
        prop_assert!(files_holding(dir.path(), "[masked]").len() >= 2, "the transcripts say what was masked");
    }
}

#[test]
fn what_support_needs_stays_readable_and_dutch_records_say_gemaskeerd() {
    let dir = tempfile::tempdir().unwrap();
    let note = "INC-4242 AADSTS50053 correlation 72f988bf-86f1-41af-91ab-2d7cd011db47 \
                wachtwoord is Zomer2024!";
    call(dir.path(), note, Lang::Nl, true);
    let markdown = std::fs::read_to_string(dir.path().join("transcript.md")).unwrap();
    assert!(
        markdown.contains(
            "INC-4242 AADSTS50053 correlation 72f988bf-86f1-41af-91ab-2d7cd011db47 \
             wachtwoord is [gemaskeerd]"
        ),
        "{markdown}"
    );
    assert!(!markdown.contains("[masked]"), "{markdown}");
    assert!(files_holding(dir.path(), "Zomer2024").is_empty());
}
