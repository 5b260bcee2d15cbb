//! The transcript's own records: the caller's language.

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
