//! Every fact in CONTENT.md is reached: for each fact id, a walk from the start that
//! answers as a user would ends on a screen stating the fact — its key terms and its
//! link — in English and in Dutch. The screen is checked as plain mode prints it.

mod common;

use common::{built_in_session, walk};
use signin_doctor::i18n::words;
use signin_doctor::lang::Lang;
use signin_doctor::page::Page;
use signin_doctor::plain;

struct Fact {
    id: &'static str,
    en: &'static [&'static str],
    nl: &'static [&'static str],
    terms_en: &'static [&'static str],
    terms_nl: &'static [&'static str],
    link: Option<&'static str>,
}

const FORGOT_EN: &str = "forgot my password";
const FORGOT_NL: &str = "wachtwoord vergeten";
const PAGES_EN: &str = "pages or features are missing";
const PAGES_NL: &str = "pagina's of functies ontbreken";
const NOT_FIXED_EN: &str = "No, it still does not work";
const NOT_FIXED_NL: &str = "Nee, het werkt nog steeds niet";

const FACTS: &[Fact] = &[
    Fact {
        id: "P1",
        en: &["Something else", "None of these"],
        nl: &["Iets anders", "Geen van deze"],
        terms_en: &["Microsoft support", "Support for business products"],
        terms_nl: &[
            "Microsoft-ondersteuning",
            "Ondersteuning voor zakelijke producten",
        ],
        link: Some(
            "https://learn.microsoft.com/microsoft-365/admin/contact-support-for-business-products",
        ),
    },
    Fact {
        id: "P2",
        en: &[FORGOT_EN, "Yes, it's turned on"],
        nl: &[FORGOT_NL, "Ja, dat staat aan"],
        terms_en: &[
            "global admin",
            "self-service password reset",
            "Can't access your account?",
            "Next",
            "Work or school account",
            "user ID",
            "picture",
            "audio",
            "new password",
            "Did that fix it?",
        ],
        terms_nl: &[
            "globale beheerder",
            "selfservice voor wachtwoordherstel",
            "Hebt u geen toegang tot uw account?",
            "Volgende",
            "Werk- of schoolaccount",
            "gebruikers-id",
            "afbeelding",
            "audio",
            "nieuwe wachtwoord",
            "Is het probleem daarmee opgelost?",
        ],
        link: Some(
            "https://learn.microsoft.com/azure/active-directory/user-help/active-directory-passwords-update-your-own-password#how-to-change-your-password",
        ),
    },
    Fact {
        id: "P3",
        en: &[
            FORGOT_EN,
            "not turned on",
            "AI Cloud Partner Program partner",
            "Yes, I can reach them",
        ],
        nl: &[
            FORGOT_NL,
            "staat uit",
            "AI Cloud Partner Program",
            "Ja, die kan ik bereiken",
        ],
        terms_en: &["global admin", "new password", "Microsoft Partner Network"],
        terms_nl: &[
            "globale beheerder",
            "nieuw wachtwoord",
            "Microsoft Partner Network",
        ],
        link: Some("https://learn.microsoft.com/partner-center/reset-a-user-password"),
    },
    Fact {
        id: "P4",
        en: &[FORGOT_EN, "not turned on", "Indirect CSP reseller"],
        nl: &[FORGOT_NL, "staat uit", "Indirecte CSP-reseller"],
        terms_en: &[
            "indirect provider",
            "new global admin",
            "Microsoft Entra ID",
            "Azure Active Directory",
            "delegated admin privileges",
            "new password",
        ],
        terms_nl: &[
            "indirecte provider",
            "nieuwe globale beheerder",
            "Microsoft Entra ID",
            "Azure Active Directory",
            "gedelegeerde beheerdersbevoegdheden",
            "nieuw wachtwoord",
        ],
        link: None,
    },
    Fact {
        id: "P5",
        en: &[
            FORGOT_EN,
            "I'm not sure",
            "I'm not sure",
            "Yes, I can reach them",
        ],
        nl: &[
            FORGOT_NL,
            "Ik weet het niet zeker",
            "Ik weet het niet zeker",
            "Ja, die kan ik bereiken",
        ],
        terms_en: &[
            "self-service password reset is not turned on",
            "global admin",
            "new password",
        ],
        terms_nl: &[
            "selfservice voor wachtwoordherstel niet",
            "globale beheerder",
            "nieuw wachtwoord",
        ],
        link: Some("https://learn.microsoft.com/partner-center/reset-a-user-password"),
    },
    Fact {
        id: "P6",
        en: &[
            FORGOT_EN,
            "not turned on",
            "AI Cloud Partner Program partner",
            "they left or changed role",
        ],
        nl: &[
            FORGOT_NL,
            "staat uit",
            "AI Cloud Partner Program",
            "vertrokken",
        ],
        terms_en: &[
            "global admin has left",
            "service request",
            "personally identifiable information",
            "details about your company",
            "Have this ready",
        ],
        terms_nl: &[
            "globale beheerder",
            "serviceaanvraag",
            "persoonsgegevens",
            "gegevens over uw bedrijf",
            "Houd dit bij de hand",
        ],
        link: Some("https://partner.microsoft.com/commercial#/"),
    },
    Fact {
        id: "R1",
        en: &[PAGES_EN],
        nl: &[PAGES_NL],
        terms_en: &[
            "roles",
            "Settings (gear icon) > Account settings > User management",
            "search",
            "My Access",
            "Request access and help",
        ],
        terms_nl: &[
            "rollen",
            "Accountinstellingen (Account settings) > Gebruikersbeheer (User management)",
            "zoekvak",
            "My Access",
            "Request access and help",
        ],
        link: None,
    },
    Fact {
        id: "R2",
        en: &[PAGES_EN, NOT_FIXED_EN, "CSP or Referrals"],
        nl: &[PAGES_NL, NOT_FIXED_NL, "CSP of Verwijzingen"],
        terms_en: &[
            "global admin or account admin",
            "competencies",
            "customers",
            "incentives",
            "users",
        ],
        terms_nl: &[
            "globale beheerder of accountbeheerder",
            "competenties",
            "klanten",
            "incentives",
            "gebruikers",
        ],
        link: Some("https://learn.microsoft.com/partner-center/permissions-overview"),
    },
    Fact {
        id: "R3",
        en: &[PAGES_EN, NOT_FIXED_EN, "Commercial marketplace"],
        nl: &[PAGES_NL, NOT_FIXED_NL, "Commerciële marketplace"],
        terms_en: &[
            "Owner or Manager",
            "commercial marketplace",
            "Windows & Xbox",
            "Office Store",
            "Microsoft Edge",
            "hardware",
        ],
        terms_nl: &[
            "Eigenaar (Owner) of Manager",
            "commerciële marketplace",
            "Windows & Xbox",
            "Office Store",
            "Microsoft Edge",
            "hardware",
        ],
        link: Some(
            "https://learn.microsoft.com/azure/marketplace/partner-center-portal/manage-account#define-user-roles-and-permissions",
        ),
    },
    Fact {
        id: "W1",
        en: &["offer or benefits are missing"],
        nl: &["aanbod of voordelen ontbreken"],
        terms_en: &[
            "work account",
            "personal",
            "abc@contoso.com",
            "Work or school account",
            "Did that fix it?",
        ],
        terms_nl: &[
            "werkaccount",
            "persoonlijk",
            "abc@contoso.com",
            "Werk- of schoolaccount",
            "Is het probleem daarmee opgelost?",
        ],
        link: None,
    },
];

/// N1–N4: offered as further reading on every ending.
const FURTHER_READING: &[(&str, &str, &str, &str)] = &[
    (
        "N1",
        "Verify your account information",
        "Uw accountgegevens laten verifiëren",
        "https://learn.microsoft.com/partner-center/verification-responses",
    ),
    (
        "N2",
        "Reset my password",
        "Mijn wachtwoord opnieuw instellen",
        "https://learn.microsoft.com/partner-center/reset-my-password",
    ),
    (
        "N3",
        "Reset a user password",
        "Het wachtwoord van een gebruiker opnieuw instellen",
        "https://learn.microsoft.com/partner-center/reset-a-user-password",
    ),
    (
        "N4",
        "Unable to sign in to Partner Center",
        "Problemen met aanmelden bij Partner Center",
        "https://learn.microsoft.com/partner-center/unable-to-sign-in",
    ),
];

/// The screen reached by answering `answers` in `lang`, as plain mode prints it.
fn screen_after(lang: Lang, answers: &[&str]) -> String {
    let mut session = built_in_session();
    walk(&mut session, lang, answers);
    plain::render(&Page::of(&session, lang), words(lang))
}

#[test]
fn every_fact_is_stated_at_the_end_of_a_walk_in_english_and_dutch() {
    for fact in FACTS {
        for (lang, answers, terms) in [
            (Lang::En, fact.en, fact.terms_en),
            (Lang::Nl, fact.nl, fact.terms_nl),
        ] {
            let screen = screen_after(lang, answers);
            for term in terms {
                assert!(
                    screen.contains(term),
                    "{} ({lang}): '{term}' is not on the screen:\n{screen}",
                    fact.id
                );
            }
            if let Some(link) = fact.link {
                assert!(
                    screen.contains(link),
                    "{} ({lang}): link {link} is not on the screen:\n{screen}",
                    fact.id
                );
            }
        }
    }
}

#[test]
fn contact_endings_say_who_what_to_ask_and_what_to_have_ready() {
    for fact in FACTS
        .iter()
        .filter(|f| ["P1", "P3", "P4", "P5", "P6", "R2", "R3"].contains(&f.id))
    {
        for (lang, answers) in [(Lang::En, fact.en), (Lang::Nl, fact.nl)] {
            let screen = screen_after(lang, answers);
            let words = words(lang);
            for heading in [words.who, words.ask, words.ready] {
                assert!(
                    screen.contains(&format!("{heading}:")),
                    "{} ({lang}): no '{heading}':\n{screen}",
                    fact.id
                );
            }
        }
    }
}

#[test]
fn further_reading_n1_to_n4_is_offered_at_an_ending_in_both_languages() {
    let fact = &FACTS[0];
    for (lang, answers) in [(Lang::En, fact.en), (Lang::Nl, fact.nl)] {
        let screen = screen_after(lang, answers);
        for (id, title_en, title_nl, url) in FURTHER_READING {
            let title = if lang == Lang::En { title_en } else { title_nl };
            assert!(
                screen.contains(&format!("{title}: {url}")),
                "{id} ({lang}) missing:\n{screen}"
            );
        }
    }
}

#[test]
fn self_help_steps_end_as_solved_when_they_worked() {
    for (lang, yes) in [
        (Lang::En, "Yes, that fixed it"),
        (Lang::Nl, "Ja, het is opgelost"),
    ] {
        for fact in ["P2", "R1", "W1"] {
            let fact = FACTS.iter().find(|f| f.id == fact).unwrap();
            let mut answers = if lang == Lang::En {
                fact.en.to_vec()
            } else {
                fact.nl.to_vec()
            };
            answers.push(yes);
            let mut session = built_in_session();
            walk(&mut session, lang, &answers);
            let page = Page::of(&session, lang);
            assert_eq!(
                page.kind,
                signin_doctor::page::PageKind::Solved,
                "{} ({lang})",
                fact.id
            );
        }
    }
}
