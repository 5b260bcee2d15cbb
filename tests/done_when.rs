//! The four situations a new user must get through on the built-in flow, walked as they
//! would be: pasting the sign-in screen's lockout message, a lost phone, a sole global
//! admin who is locked out, and an indirect reseller who forgot the password.

mod common;

use common::{Answer::Pick, Answer::Type, built_in_session, walk_answers};
use signin_doctor_core::flow::Kind;
use signin_doctor_core::i18n::words;
use signin_doctor_core::lang::Lang;
use signin_doctor_core::page::Page;
use signin_doctor_plain as plain;

const LOCKED: &str =
    "AADSTS50053: Your account is locked because the user tried to sign in too many times";

#[test]
fn pasting_the_lockout_message_at_the_first_screen_reaches_the_lockout_advice_in_two_steps() {
    for (lang, pick, heading, advice) in [
        (
            Lang::En,
            "error code",
            "Your account is locked",
            "Can't access your account?",
        ),
        (
            Lang::Nl,
            "foutcode",
            "Uw account is vergrendeld",
            "Hebt u geen toegang tot uw account?",
        ),
    ] {
        let mut session = built_in_session();
        assert_eq!(session.current(), session.flow().start());
        walk_answers(&mut session, lang, &[Pick(pick)]);
        assert_eq!(Page::of(&session, lang).kind, Kind::Input, "({lang})");
        walk_answers(&mut session, lang, &[Type(LOCKED)]);
        assert_eq!(session.path().len(), 2, "({lang}) two steps");
        let page = Page::of(&session, lang);
        assert!(
            page.heading.starts_with(heading),
            "({lang}) {}",
            page.heading
        );
        let screen = plain::render(&page, words(lang));
        assert!(
            screen.contains("50053") && screen.contains(advice),
            "{screen}"
        );
        // Back forgets the pasted text and returns to the typing question.
        assert!(session.back());
        assert_eq!(Page::of(&session, lang).kind, Kind::Input);
        assert_eq!(session.typed().count(), 0);
    }
}

#[test]
fn the_code_is_recognised_however_it_is_pasted_and_unknown_text_leads_on() {
    for typed in [
        "50053",
        "aadsts50053",
        "Error AADSTS50053.",
        "  AADSTS50053\n",
    ] {
        let mut session = built_in_session();
        walk_answers(&mut session, Lang::En, &[Pick("error code"), Type(typed)]);
        assert_eq!(session.node().key, "account-locked", "{typed:?}");
    }
    // Digits inside a longer number are not the code.
    for typed in ["5005312", "150053", "", "no code at all"] {
        let mut session = built_in_session();
        walk_answers(&mut session, Lang::En, &[Pick("error code"), Type(typed)]);
        assert_eq!(session.node().key, "error-code-unknown", "{typed:?}");
        // The unknown code is carried to the last resort.
        walk_answers(
            &mut session,
            Lang::En,
            &[Pick("contact support with the code")],
        );
        let screen = plain::render(&Page::of(&session, Lang::En), words(Lang::En));
        assert!(screen.contains("Microsoft support"), "{screen}");
        if !typed.is_empty() {
            assert!(
                screen.contains(&format!("Give them this:\n{typed}"))
                    || screen.contains(&format!("Give them this: {typed}")),
                "{typed:?} not carried:\n{screen}"
            );
        }
    }
}

#[test]
fn a_partner_who_lost_their_phone_gets_the_mfa_re_registration_route() {
    for (lang, answers, wanted) in [
        (
            Lang::En,
            [Pick("MFA"), Pick("no other way to verify")],
            "Require re-register MFA",
        ),
        (
            Lang::Nl,
            [Pick("MFA"), Pick("geen andere manier")],
            "MFA opnieuw registreren vereisen",
        ),
    ] {
        let mut session = built_in_session();
        walk_answers(&mut session, lang, &answers);
        let page = Page::of(&session, lang);
        assert_eq!(page.kind, Kind::Contact, "({lang})");
        let screen = plain::render(&page, words(lang));
        assert!(screen.contains(wanted), "({lang}):\n{screen}");
    }
}

#[test]
fn a_sole_global_admin_who_is_locked_out_is_told_whom_to_call() {
    for (lang, answers, team) in [
        (
            Lang::En,
            [
                Pick("global admin is locked out"),
                Pick("my password fails"),
                Pick("No, it still does not work"),
                Pick("I'm the only global admin"),
            ],
            "Azure Data Protection team",
        ),
        (
            Lang::Nl,
            [
                Pick("globale beheerder kan zich niet aanmelden"),
                Pick("mijn wachtwoord werkt niet"),
                Pick("Nee, het werkt nog steeds niet"),
                Pick("ik ben de enige"),
            ],
            "Azure Data Protection-team",
        ),
    ] {
        let mut session = built_in_session();
        walk_answers(&mut session, lang, &answers);
        let page = Page::of(&session, lang);
        assert_eq!(page.kind, Kind::Contact, "({lang})");
        let screen = plain::render(&page, words(lang));
        let who = screen
            .split(&format!("{}:", words(lang).who))
            .nth(1)
            .unwrap_or_else(|| panic!("no '{}' on:\n{screen}", words(lang).who));
        assert!(
            who.contains(team) && who.contains("+1 866-807-5850"),
            "({lang}):\n{screen}"
        );
    }
}

#[test]
fn an_indirect_reseller_who_forgot_the_password_hears_about_gdap() {
    for (lang, answers, provider) in [
        (
            Lang::En,
            [
                Pick("forgot my password"),
                Pick("No, it's not turned on"),
                Pick("Indirect CSP reseller"),
            ],
            "indirect provider",
        ),
        (
            Lang::Nl,
            [
                Pick("wachtwoord vergeten"),
                Pick("Nee, het is niet ingeschakeld"),
                Pick("Indirecte CSP-reseller"),
            ],
            "indirecte provider (distributeur)",
        ),
    ] {
        let mut session = built_in_session();
        walk_answers(&mut session, lang, &answers);
        let screen = plain::render(&Page::of(&session, lang), words(lang));
        assert!(
            screen.contains(provider) && screen.contains("GDAP") && !screen.contains("MPN portal"),
            "({lang}):\n{screen}"
        );
    }
}
