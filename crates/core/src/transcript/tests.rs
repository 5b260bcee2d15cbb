//! The transcript's own records: the caller's language, restarts.

use jiff::Timestamp;

use super::Transcript;
use crate::fixtures::{WIZARD, session};
use crate::lang::Lang;

#[test]
fn an_agents_transcript_records_the_callers_language_when_it_differs() {
    let mut walked = session(WIZARD);
    walked.choose(0).unwrap();
    let now = Timestamp::UNIX_EPOCH;

    let english = Transcript::of(&walked, Lang::En, now).for_caller(Some(Lang::Nl));
    assert_eq!(english.caller_language.as_deref(), Some("nl"));
    let markdown = english.to_markdown();
    assert!(
        markdown.contains("**Language:** en · **Caller's language:** Dutch (nl)"),
        "{markdown}"
    );
    let json: serde_json::Value = serde_json::from_str(&english.to_json()).unwrap();
    assert_eq!(json["language"], "en");
    assert_eq!(json["caller_language"], "nl");

    let dutch = Transcript::of(&walked, Lang::Nl, now).for_caller(Some(Lang::En));
    assert!(
        dutch
            .to_markdown()
            .contains("**Taal:** nl · **Taal van de beller:** Engels (en)"),
        "{}",
        dutch.to_markdown()
    );

    // The same language, or no caller: nothing more is said, and the JSON has no field.
    for same in [
        Transcript::of(&walked, Lang::En, now).for_caller(Some(Lang::En)),
        Transcript::of(&walked, Lang::En, now).for_caller(None),
    ] {
        assert_eq!(same.caller_language, None);
        assert!(!same.to_markdown().contains("Caller's language"));
        assert!(!same.to_json().contains("caller_language"));
    }
}

#[test]
fn a_restart_keeps_the_route_before_it_under_the_time_it_was_started_again() {
    let at = |second: i64| Timestamp::from_second(1_700_000_000 + second).unwrap();
    let mut walked = crate::session::Session::new_at(session(WIZARD).shared_flow(), at(0));
    walked.choose_at(0, at(10)).unwrap();
    walked.choose_at(1, at(20)).unwrap();
    walked.restart_at(at(90));
    walked.choose_at(2, at(100)).unwrap();
    let transcript = Transcript::of(&walked, Lang::En, at(120));

    let markdown = transcript.to_markdown();
    let before = "1. First question? → **Go to second** (+0:10)\n\
                  2. Second question? → **Need help** (+0:20)\n\
                  \n*Started again at 22:14:50 UTC (+1:30):*\n\
                  \n1. First question? → **Straight to contact** (+1:40)\n";
    assert!(markdown.contains(before), "{markdown}");

    let json: serde_json::Value = serde_json::from_str(&transcript.to_json()).unwrap();
    assert_eq!(json["steps"].as_array().unwrap().len(), 1);
    assert_eq!(json["steps"][0]["answer"], "Straight to contact");
    let restarts = json["restarts"].as_array().unwrap();
    assert_eq!(restarts.len(), 1);
    assert_eq!(restarts[0]["at"], "2023-11-14T22:14:50Z");
    assert_eq!(restarts[0]["steps"][0]["answer"], "Go to second");
    assert_eq!(restarts[0]["steps"][1]["answer"], "Need help");

    // Without a restart, nothing of it shows.
    let plain = Transcript::of(&session(WIZARD), Lang::En, at(120));
    assert!(!plain.to_markdown().contains("Started again"));
    assert!(!plain.to_json().contains("restarts"));
}
