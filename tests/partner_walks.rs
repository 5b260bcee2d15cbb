//! Walks as partners take them, in English and in Dutch, for the situations where a wrong
//! ending costs the most: no global admin left, the only global admin locked out, a lost or
//! working phone at the verification step, and a Windows or Xbox developer (who signs in
//! with a personal Microsoft account and must never be told to pick a work account).

mod common;

use common::{Answer, Answer::Pick, Answer::Type, built_in_session, walk_answers};
use signin_doctor_core::i18n::words;
use signin_doctor_core::lang::Lang;
use signin_doctor_core::page::Page;
use signin_doctor_plain as plain;

/// The node and the screen (as plain mode prints it) after `answers` in `lang`.
fn after(lang: Lang, answers: &[Answer]) -> (String, String) {
    let mut session = built_in_session();
    walk_answers(&mut session, lang, answers);
    let screen = plain::render(&Page::of(&session, lang), words(lang));
    (session.node().key.clone(), screen)
}

/// One walk in both languages, to the same node.
struct Walk {
    en: &'static [Answer],
    nl: &'static [Answer],
    ends_at: &'static str,
    says_en: &'static [&'static str],
    says_nl: &'static [&'static str],
    never_en: &'static [&'static str],
    never_nl: &'static [&'static str],
}

fn check(walk: &Walk) {
    for (lang, answers, says, never) in [
        (Lang::En, walk.en, walk.says_en, walk.never_en),
        (Lang::Nl, walk.nl, walk.says_nl, walk.never_nl),
    ] {
        let (node, screen) = after(lang, answers);
        assert_eq!(node, walk.ends_at, "({lang}) {answers:?}:\n{screen}");
        for wanted in says {
            assert!(screen.contains(wanted), "({lang}) no '{wanted}':\n{screen}");
        }
        for unwanted in never {
            assert!(
                !screen.contains(unwanted),
                "({lang}) says '{unwanted}':\n{screen}"
            );
        }
    }
}

const ADMIN_EN: Answer = Pick("global admin is locked out");
const ADMIN_NL: Answer = Pick("globale beheerder kan zich niet aanmelden");
const NO_EN: Answer = Pick("No, it still does not work");
const NO_NL: Answer = Pick("Nee, het werkt nog steeds niet");
const WORK_ACCOUNT_EN: &str = "choose \"Work or school account\"";
const WORK_ACCOUNT_NL: &str = "Kies dan \"Werk- of schoolaccount\"";

#[test]
fn no_global_admin_left_is_sent_to_microsoft_support_not_to_admin_takeover() {
    let ending = |en, nl| Walk {
        en,
        nl,
        ends_at: "no-admin-left",
        says_en: &[
            "Microsoft support can restore one",
            "works only for an unmanaged tenant",
            "How to tell",
            "Partner Center support request without signing in",
            "+1 866-807-5850",
            "Troubleshoot sign-in issues",
        ],
        says_nl: &[
            "Microsoft-ondersteuning er een herstellen",
            "werkt alleen voor een onbeheerde tenant",
            "Zo ziet u het verschil",
            "zonder u aan te melden",
            "+1 866-807-5850",
            "Problemen met aanmelden oplossen",
        ],
        never_en: &["Take over your tenant as admin"],
        never_nl: &["Neem uw tenant over als beheerder"],
    };
    // From the admin question, and from the password branch.
    check(&ending(
        &[ADMIN_EN, Pick("we have none at all"), NO_EN],
        &[ADMIN_NL, Pick("we hebben er helemaal geen"), NO_NL],
    ));
    check(&ending(
        &[
            Pick("forgot my password"),
            Pick("No, it's not turned on"),
            Pick("Nobody"),
            NO_EN,
        ],
        &[
            Pick("wachtwoord vergeten"),
            Pick("Nee, het is niet ingeschakeld"),
            Pick("Niemand"),
            NO_NL,
        ],
    ));
}

#[test]
fn a_sole_locked_out_admin_first_tries_the_lockout_and_their_own_reset_then_gets_the_number() {
    // The step comes first, and names no phone number.
    check(&Walk {
        en: &[ADMIN_EN, Pick("my account is locked")],
        nl: &[ADMIN_NL, Pick("mijn wachtwoord werkt niet")],
        ends_at: "admin-self-reset",
        says_en: &[
            "on for admin roles by default",
            "50053",
            "temporary",
            "Can't access your account?",
        ],
        says_nl: &[
            "standaard in voor beheerdersrollen",
            "50053",
            "tijdelijk",
            "Hebt u geen toegang tot uw account?",
        ],
        never_en: &["866"],
        never_nl: &["866"],
    });
    check(&Walk {
        en: &[
            ADMIN_EN,
            Pick("my account is locked"),
            NO_EN,
            Pick("I'm the only global admin"),
        ],
        nl: &[
            ADMIN_NL,
            Pick("mijn wachtwoord werkt niet"),
            NO_NL,
            Pick("ik ben de enige"),
        ],
        ends_at: "data-protection-team",
        says_en: &["+1 866-807-5850", "Get support"],
        says_nl: &["+1 866-807-5850", "Ondersteuning krijgen"],
        never_en: &["go back"],
        never_nl: &["ga terug", "Ga terug"],
    });
    // A global admin who forgot the password on the password branch gets the same step.
    let (node, _) = after(
        Lang::En,
        &[
            Pick("forgot my password"),
            Pick("No, it's not turned on"),
            Pick("I am a global admin"),
        ],
    );
    assert_eq!(node, "admin-self-reset");
}

#[test]
fn the_phone_at_the_verification_step_decides_the_advice() {
    // Phone in hand, 50076 pasted: advice about the phone and the app, not "without the phone".
    check(&Walk {
        en: &[Pick("shows an error code"), Type("AADSTS50076")],
        nl: &[Pick("toont een foutcode"), Type("AADSTS50076")],
        ends_at: "mfa-still-fails",
        says_en: &["date and time", "notifications", "Sign in another way"],
        says_nl: &[
            "datum en tijd",
            "meldingen",
            "Op een andere manier aanmelden",
        ],
        never_en: &["Without the phone"],
        never_nl: &["Zonder de telefoon"],
    });
    // A lost phone with a backup method: the partner fixes it alone.
    check(&Walk {
        en: &[Pick("asked for MFA"), Pick("I have another way to verify")],
        nl: &[
            Pick("om MFA gevraagd"),
            Pick("ik kan me op een andere manier verifiëren"),
        ],
        ends_at: "mfa-use-backup",
        says_en: &["Sign in another way", "Security info"],
        says_nl: &["Op een andere manier aanmelden", "Beveiligingsgegevens"],
        never_en: &[],
        never_nl: &[],
    });
    // No other way, as a sole global admin: the route is on the screen, not behind "go back".
    check(&Walk {
        en: &[ADMIN_EN, Pick("MFA fails"), Pick("no other way to verify")],
        nl: &[ADMIN_NL, Pick("MFA mislukt"), Pick("geen andere manier")],
        ends_at: "mfa-lost-device",
        says_en: &[
            "only global admin",
            "+1 866-807-5850",
            "Privileged Authentication Administrator",
        ],
        says_nl: &[
            "enige globale beheerder",
            "+1 866-807-5850",
            "Bevoorrechte verificatiebeheerder",
        ],
        never_en: &["go back"],
        never_nl: &["ga terug", "Ga terug"],
    });
}

#[test]
fn a_windows_developer_is_never_told_to_pick_a_work_account() {
    let developer = |en, nl| Walk {
        en,
        nl,
        ends_at: "developer-account",
        says_en: &[
            "personal Microsoft account",
            "a work account is not required",
            "Personal account",
        ],
        says_nl: &[
            "persoonlijk Microsoft-account",
            "geen werkaccount nodig",
            "Persoonlijk account",
        ],
        never_en: &[WORK_ACCOUNT_EN],
        never_nl: &[WORK_ACCOUNT_NL],
    };
    // From the offers path, from the missing-pages path, and from each personal-account code.
    check(&developer(
        &[
            Pick("offer or benefits are missing"),
            Pick("Windows or Xbox"),
        ],
        &[
            Pick("aanbod of voordelen ontbreken"),
            Pick("Windows- of Xbox"),
        ],
    ));
    check(&developer(
        &[
            Pick("pages or features are missing"),
            NO_EN,
            Pick("Windows or Xbox developer account"),
        ],
        &[
            Pick("pagina's of functies ontbreken"),
            NO_NL,
            Pick("Xbox-ontwikkelaarsaccount"),
        ],
    ));
    for code in ["AADSTS16000", "AADSTS50020", "AADSTS500208"] {
        let en = [
            Pick("shows an error code"),
            Type(code),
            Pick("Windows or Xbox"),
        ];
        let nl = [
            Pick("toont een foutcode"),
            Type(code),
            Pick("Windows- of Xbox"),
        ];
        for (lang, answers) in [(Lang::En, &en), (Lang::Nl, &nl)] {
            let (node, screen) = after(lang, answers);
            assert_eq!(node, "developer-account", "{code} ({lang})");
            assert!(!screen.contains(WORK_ACCOUNT_EN) && !screen.contains(WORK_ACCOUNT_NL));
        }
    }
    // Still stuck: a one-person account is its own Owner, not sent to an absent one.
    check(&Walk {
        en: &[
            Pick("offer or benefits are missing"),
            Pick("Windows or Xbox"),
            NO_EN,
        ],
        nl: &[
            Pick("aanbod of voordelen ontbreken"),
            Pick("Windows- of Xbox"),
            NO_NL,
        ],
        ends_at: "ask-owner-or-manager",
        says_en: &["you are its Owner", "only an Owner can grant permissions"],
        says_nl: &[
            "bent u zelf de eigenaar",
            "alleen een eigenaar (Owner) machtigingen toekennen",
        ],
        never_en: &[],
        never_nl: &[],
    });
}

#[test]
fn every_other_screen_that_says_pick_a_work_account_lets_developers_out() {
    // Besides the work-account step itself (reached only past the question with a Windows
    // or Xbox answer), only the password resets of Microsoft Entra ID, which exist for work
    // accounts alone, may say it without naming the exception.
    let work_account_only = [
        "use-work-account",
        "try-self-service-reset",
        "admin-self-reset",
        "account-locked",
        "password-expired",
    ];
    let flow = built_in_session().shared_flow();
    let mut checked = 0;
    for (id, node) in flow.nodes() {
        let mut session = built_in_session();
        if id != session.current() {
            session.jump(id).expect("a jump");
        }
        for lang in [Lang::En, Lang::Nl] {
            let screen = plain::render(&Page::of(&session, lang), words(lang));
            let says = [
                WORK_ACCOUNT_EN,
                WORK_ACCOUNT_NL,
                "\"Work or school account\".",
            ];
            if work_account_only.contains(&node.key.as_str())
                || !says.iter().any(|phrase| screen.contains(phrase))
            {
                continue;
            }
            checked += 1;
            assert!(
                screen.contains("Xbox"),
                "{} ({lang}) tells everyone to pick a work account:\n{screen}",
                node.key
            );
        }
    }
    assert!(checked >= 4, "only {checked} screens checked");
}
