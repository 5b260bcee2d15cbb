//! Pasting what the sign-in screen shows reaches the advice for its error family in one
//! step: for every family, the code alone, the whole English line, the line with its trace
//! and correlation ids, the line in lower case, and the message alone in English and in
//! Dutch (as Microsoft's sign-in page shows it in each language) all go to the same node.

mod common;

use common::built_in_session;
use signin_doctor_core::lang::Lang;
use signin_doctor_core::page::Page;

/// What a partner pastes after the trace and correlation ids the sign-in page adds.
const IDS: &str = " Trace ID: 4f6a2c1e-8b0d-4c5e-9f3a-2b7d1e6c0a90 Correlation ID: 9c1b7e22-0d4f-4a8b-b3c6-5e2f1a7d8c04 Timestamp: 2026-11-30 08:14:22Z";

/// One family: the node its advice is on, and lines pasted for it.
struct Family {
    name: &'static str,
    advice: &'static str,
    /// Full English lines, each starting with its code.
    coded: &'static [&'static str],
    /// The message without its code, in English and in Dutch.
    messages: &'static [&'static str],
}

const FAMILIES: &[Family] = &[
    Family {
        name: "MFA required or failed",
        advice: "mfa-still-fails",
        coded: &[
            "AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the app.",
            "AADSTS50074: Strong Authentication is required.",
            "AADSTS500121: Authentication failed during strong authentication request.",
        ],
        messages: &[
            "you must use multi-factor authentication to access Partner Center",
            "Authentication failed during strong authentication request.",
            "U moet meervoudige verificatie gebruiken om toegang te krijgen tot deze resource.",
            "Verificatie mislukt tijdens een aanvraag voor sterke verificatie.",
        ],
    },
    Family {
        name: "MFA to set up",
        advice: "mfa-register",
        coded: &[
            "AADSTS50079: Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication.",
            "AADSTS50072: User needs to enroll for second factor authentication.",
        ],
        messages: &[
            "More information required",
            "you must enroll in multi-factor authentication to access this app",
            "Meer informatie vereist",
        ],
    },
    Family {
        name: "Conditional Access and device state",
        advice: "conditional-access",
        coded: &[
            "AADSTS53003: Access has been blocked by Conditional Access policies.",
            "AADSTS53000: Device is not in required device state: compliant.",
            "AADSTS53001: Device is not in required device state: domain joined.",
            "AADSTS53002: Application used isn't an approved application for Conditional Access.",
            "AADSTS530032: User blocked due to a security policy.",
            "AADSTS530035: Access has been blocked by security defaults.",
            "AADSTS50131: ConditionalAccessFailed.",
            "AADSTS50158: External security challenge was not satisfied.",
            "AADSTS50097: Device authentication is required.",
        ],
        messages: &[
            "Access has been blocked by Conditional Access policies.",
            "Access has been blocked by security defaults.",
            "De toegang is geblokkeerd door beleid voor voorwaardelijke toegang.",
            "De toegang is geblokkeerd door de standaardinstellingen voor beveiliging.",
        ],
    },
    Family {
        name: "another tenant or a guest",
        advice: "other-tenant",
        coded: &[
            "AADSTS90072: User account from identity provider does not exist in tenant and cannot access the application.",
            "AADSTS50014: Guest user account is in pending state.",
            "AADSTS51004: The user account doesn't exist in the directory.",
            "AADSTS16003: User account has not been added to the tenant.",
            "AADSTS500212: The user's administrator has set an outbound access policy that doesn't allow access to the resource tenant.",
            "AADSTS500213: The resource tenant's cross-tenant access policy doesn't allow this user to access this tenant.",
        ],
        messages: &[
            "User account from identity provider does not exist in tenant",
            "The resource tenant's cross-tenant access policy doesn't allow this user",
            "Gebruikersaccount van id-provider bestaat niet in tenant en heeft geen toegang tot de toepassing.",
        ],
    },
    Family {
        name: "locked",
        advice: "account-locked",
        coded: &[
            "AADSTS50053: Your account is locked because the user tried to sign in too many times with an incorrect user ID or password.",
        ],
        messages: &[
            "Your account is temporarily locked to prevent unauthorized use. Try again later.",
            "Uw account is vergrendeld.",
            "Uw account is tijdelijk vergrendeld om onbevoegd gebruik te voorkomen. Probeer het later opnieuw.",
        ],
    },
    Family {
        name: "disabled",
        advice: "account-disabled",
        coded: &["AADSTS50057: The user account is disabled."],
        messages: &[
            "Your account has been disabled.",
            "Het gebruikersaccount is uitgeschakeld.",
        ],
    },
    Family {
        name: "self-service password reset codes",
        advice: "admin-available",
        coded: &[
            "SSPR_0009: We've detected that password reset has not been enabled by your administrator.",
            "SSPR_0029: We are unable to reset your password due to an error in your on-premises configuration.",
        ],
        messages: &[],
    },
    Family {
        name: "personal account or developer account",
        advice: "account-kind",
        coded: &[
            "AADSTS50020: User account from identity provider does not exist in tenant and cannot access the application.",
            "AADSTS500208: The domain is not a valid login domain for the account type.",
            "AADSTS16000: Either multiple user identities are available for the current request or selected account type is not supported.",
        ],
        messages: &[
            "You can't sign in here with a personal account. Use your work or school account instead.",
            "U kunt zich hier niet aanmelden met een persoonlijk account. Gebruik in plaats daarvan uw werk- of schoolaccount.",
        ],
    },
    Family {
        name: "wrong password",
        advice: "retype-password",
        coded: &["AADSTS50126: Error validating credentials due to invalid username or password."],
        messages: &[
            "Your account or password is incorrect.",
            "Uw account of wachtwoord is onjuist.",
        ],
    },
    Family {
        name: "expired password",
        advice: "password-expired",
        coded: &["AADSTS50055: The password is expired."],
        messages: &["Your password has expired.", "Uw wachtwoord is verlopen."],
    },
];

/// The node reached by typing `line` at the error-code question.
fn node_after(line: &str) -> String {
    let mut session = built_in_session();
    common::walk(&mut session, Lang::En, &["shows an error code or message"]);
    session
        .answer_text(line)
        .expect("the error-code question takes text");
    session.node().key.clone()
}

/// Every way a partner pastes one coded line: as it is, the code alone (with and without
/// its AADSTS prefix), with the ids after it, in lower case.
fn pasted_forms(line: &str) -> Vec<String> {
    let code = line.split(':').next().expect("a coded line").to_string();
    let mut forms = vec![
        line.to_string(),
        code.clone(),
        format!("{line}{IDS}"),
        line.to_lowercase(),
        code.to_lowercase(),
    ];
    if let Some(number) = code.strip_prefix("AADSTS") {
        forms.push(number.to_string());
    }
    forms
}

#[test]
fn every_family_reaches_its_advice_in_one_step_from_any_pasted_form() {
    let mut wrong = Vec::new();
    for family in FAMILIES {
        let lines = family
            .coded
            .iter()
            .flat_map(|line| pasted_forms(line))
            .chain(family.messages.iter().map(|m| m.to_string()))
            .chain(family.messages.iter().map(|m| format!("{m}{IDS}")));
        for line in lines {
            let reached = node_after(&line);
            if reached != family.advice {
                wrong.push(format!(
                    "{}: '{line}' went to {reached}, not {}",
                    family.name, family.advice
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_advice_of_each_coded_family_names_its_codes_in_both_languages() {
    for (advice, codes) in [
        ("mfa-still-fails", &["50076", "50074", "500121"][..]),
        ("mfa-register", &["50079", "50072"][..]),
        (
            "conditional-access",
            &[
                "53003", "53000", "53001", "53002", "530032", "530035", "50131", "50158", "50097",
            ][..],
        ),
        ("other-tenant", &["50014", "500212", "500213"][..]),
    ] {
        for lang in [Lang::En, Lang::Nl] {
            let mut session = built_in_session();
            let node = session.flow().find(advice).expect("an advice node");
            session.jump(node).expect("a jump");
            let page = Page::of(&session, lang);
            let screen = signin_doctor_plain::render(&page, signin_doctor_core::i18n::words(lang));
            for code in codes {
                assert!(
                    screen.contains(code),
                    "{advice} ({lang}) does not name {code}:\n{screen}"
                );
            }
        }
    }
}

#[test]
fn a_line_with_no_known_code_or_message_still_ends_at_the_unknown_code_question() {
    for line in ["AADSTS99999: Something odd happened.", "Er ging iets mis."] {
        assert_eq!(node_after(line), "error-code-unknown", "'{line}'");
    }
}
