//! Unit tests of the parent module, on the small flow with a question answered by typing.

use super::*;

fn at_code() -> Session {
    let mut session = crate::fixtures::session(crate::fixtures::TYPED);
    session.choose(0).unwrap();
    session
}

fn node(session: &Session, id: &str) -> NodeId {
    session.flow().find(id).unwrap()
}

#[test]
fn an_empty_enter_asks_once_and_the_second_goes_on_without_a_code() {
    let mut session = at_code();
    let mut typed = TypedAnswer::default();
    assert_eq!(
        typed.enter(&mut session, "  "),
        Ok(Entered::Asking(Confirm::Empty))
    );
    assert_eq!(session.current(), node(&session, "code"), "nothing moved");
    assert_eq!(typed.asking(&session), Some(&Confirm::Empty));
    let unknown = node(&session, "done");
    assert_eq!(typed.enter(&mut session, ""), Ok(Entered::Moved(unknown)));
    assert_eq!(session.path().last().unwrap().typed.as_deref(), Some(""));
}

#[test]
fn typing_after_the_empty_enter_answers_with_what_was_typed() {
    let mut session = at_code();
    let mut typed = TypedAnswer::default();
    typed.enter(&mut session, "").unwrap();
    let locked = node(&session, "locked");
    assert_eq!(
        typed.enter(&mut session, "AADSTS50053"),
        Ok(Entered::Moved(locked))
    );
}

#[test]
fn a_code_one_character_off_is_offered_and_taking_it_leads_where_the_code_leads() {
    let mut session = at_code();
    let mut typed = TypedAnswer::default();
    let Ok(Entered::Asking(Confirm::Suggest { suggestion, .. })) =
        typed.enter(&mut session, "Error AADST50053: locked")
    else {
        panic!("a suggestion");
    };
    assert_eq!(suggestion.code, "AADSTS50053");
    assert_eq!(
        prompt(&typed, &session, Lang::En, Asker::Keys),
        "Did you mean AADSTS50053? Enter: yes · Esc: no"
    );
    // Enter again with the box unchanged (full-screen) takes it.
    let locked = node(&session, "locked");
    assert_eq!(
        typed.enter(&mut session, "Error AADST50053: locked"),
        Ok(Entered::Moved(locked))
    );
    assert_eq!(
        session.path().last().unwrap().typed.as_deref(),
        Some("Error AADSTS50053: locked"),
        "the corrected line is kept"
    );
    // An empty line (plain mode) takes it too.
    session.back();
    typed.enter(&mut session, "SSPR_009").unwrap();
    let sspr = node(&session, "sspr");
    assert_eq!(typed.enter(&mut session, ""), Ok(Entered::Moved(sspr)));
}

fn prompt(typed: &TypedAnswer, session: &Session, lang: Lang, asker: Asker) -> String {
    typed.asking(session).unwrap().prompt(lang, asker)
}

#[test]
fn declining_goes_on_with_what_was_typed_and_other_text_answers_afresh() {
    let mut session = at_code();
    let mut typed = TypedAnswer::default();
    assert_eq!(typed.decline(&mut session), None, "nothing to decline");
    typed.enter(&mut session, "AADST50053").unwrap();
    let unknown = node(&session, "done");
    assert_eq!(typed.decline(&mut session), Some(Ok(unknown)));
    assert_eq!(
        session.path().last().unwrap().typed.as_deref(),
        Some("AADST50053")
    );
    session.back();
    typed.enter(&mut session, "AADST50053").unwrap();
    let locked = node(&session, "locked");
    assert_eq!(
        typed.enter(&mut session, "50053"),
        Ok(Entered::Moved(locked))
    );
    assert_eq!(takes_suggestion(" Nee "), Some(false));
    assert_eq!(takes_suggestion("N"), Some(false));
    assert_eq!(takes_suggestion("ja"), Some(true));
    assert_eq!(takes_suggestion(""), Some(true));
    assert_eq!(takes_suggestion("AADSTS50053"), None);
}

#[test]
fn what_was_asked_is_forgotten_after_a_move_or_an_edit() {
    let mut session = at_code();
    let mut typed = TypedAnswer::default();
    typed.enter(&mut session, "").unwrap();
    let first_visit = session.path()[0].at;
    session.back();
    let later = first_visit
        .checked_add(jiff::SignedDuration::from_secs(1))
        .unwrap();
    session.choose_at(0, later).unwrap();
    assert_eq!(typed.asking(&session), None, "asked at an earlier visit");
    assert_eq!(
        typed.enter(&mut session, ""),
        Ok(Entered::Asking(Confirm::Empty))
    );
    typed.forget();
    assert_eq!(
        typed.enter(&mut session, ""),
        Ok(Entered::Asking(Confirm::Empty))
    );
}

#[test]
fn the_questions_read_naturally_in_dutch() {
    let mut session = at_code();
    let mut typed = TypedAnswer::default();
    typed.enter(&mut session, "").unwrap();
    assert_eq!(
        prompt(&typed, &session, Lang::Nl, Asker::Keys),
        "Niets ingetypt. Druk nogmaals op Enter om zonder code verder te gaan."
    );
    typed.enter(&mut session, "aadsts5053").unwrap();
    assert_eq!(
        prompt(&typed, &session, Lang::Nl, Asker::Lines),
        "Bedoelt u AADSTS50053? Druk op Enter voor ja, of typ n om verder te gaan met wat u \
         hebt ingetypt:"
    );
}
