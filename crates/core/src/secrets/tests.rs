//! Unit tests of the parent module.

use super::*;

/// (note as typed, as it must appear in a transcript)
const CASES: &[(&str, &str)] = &[
    // masked
    ("password is Hunter2Summer!", "password is [masked]"),
    ("Password: hunter", "Password: [masked]"),
    ("pwd=abc123", "pwd=[masked]"),
    ("the code 482913 worked", "the code [masked] worked"),
    ("PIN 4321", "PIN [masked]"),
    ("passcode = 9911", "passcode = [masked]"),
    ("wachtwoord is Zomer2024", "wachtwoord is [masked]"),
    ("verificatiecode: 123456", "verificatiecode: [masked]"),
    (
        "password is \"correct horse battery\" ok",
        "password is [masked] ok",
    ),
    ("token a8f3k2l9d0x1q7 pasted", "token [masked] pasted"),
    ("key dGhpcyBpcyBhIHNlY3JldA== here", "key [masked] here"),
    ("code 111 and pin 2222", "code [masked] and pin [masked]"),
    (
        "card 4111 1111 1111 1111 exp 12/27",
        "card [masked] exp 12/27",
    ),
    ("5500000000000004", "[masked]"),
    ("cvv 123", "cvv [masked]"),
    (
        "the code from the SMS was 123456 ok",
        "the code from the SMS was [masked] ok",
    ),
    ("the code is 483 920.", "the code is [masked]"),
    ("code 483 920 worked", "code [masked] worked"),
    ("key AKIAIOSFODNN7EXAMPLE used", "key [masked] used"),
    ("ASIAY34FZKBOKMUTVV7A", "[masked]"),
    ("my pass is Winter2025", "my pass is [masked]"),
    ("pw: hunter", "pw: [masked]"),
    ("pw=hunter", "pw=[masked]"),
    ("tried P@ssw0rd! twice", "tried [masked] twice"),
    ("he typed s3cret#pw", "he typed [masked]"),
    // A JSON web token, even a short one whose last part looks like a domain.
    (
        "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc here",
        "token [masked] here",
    ),
    ("eyJhbGciOiJub25lIn0.eyJhIjoxfQ.", "[masked]"),
    // Capitals and digits mixed within a group: a product key, not a ticket.
    ("key VK7JG-NPHTM-C97JM-9MPGT-3V66T", "key [masked]"),
    ("A8F3K2L9D0X1Q7", "[masked]"),
    // After "number", the word before decides: a card number is still a card.
    ("card number 4111 1111 1111 1111", "card number [masked]"),
    (
        "creditcard nummer 4111111111111111",
        "creditcard nummer [masked]",
    ),
    ("password: SUMMER-2024", "password: [masked]"),
    ("code: 482913", "code: [masked]"),
    // not masked
    ("ticket INC-4242 opened", "ticket INC-4242 opened"),
    (
        "Chrome v120.0.6099.71, iOS 17.2.1",
        "Chrome v120.0.6099.71, iOS 17.2.1",
    ),
    (
        "case 2503140040001234 opened",
        "case 2503140040001234 opened",
    ),
    (
        "password reset was done yesterday",
        "password reset was done yesterday",
    ),
    ("AADSTS50053 account locked", "AADSTS50053 account locked"),
    (
        "correlation 0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        "correlation 0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    ),
    ("error code 500 again", "error code 500 again"),
    ("will pass 2 messages on", "will pass 2 messages on"),
    ("pass the phone to IT", "pass the phone to IT"),
    ("uses Office365 on iPhone15", "uses Office365 on iPhone15"),
    ("x64-based Win10-22H2", "x64-based Win10-22H2"),
    ("see https://aka.ms/sspr?x=1", "see https://aka.ms/sspr?x=1"),
    ("mail anna.b2@contoso.com", "mail anna.b2@contoso.com"),
    ("call +31 20 123 4567", "call +31 20 123 4567"),
    (
        "caller reset the password yesterday",
        "caller reset the password yesterday",
    ),
    ("the password is wrong", "the password is wrong"),
    (
        "error code AADSTS50076 on sign-in",
        "error code AADSTS50076 on sign-in",
    ),
    ("ticket INC-12345 opened", "ticket INC-12345 opened"),
    (
        "mail john.smith2024@contoso.com",
        "mail john.smith2024@contoso.com",
    ),
    (
        "tenant 72f988bf-86f1-41af-91ab-2d7cd011db47",
        "tenant 72f988bf-86f1-41af-91ab-2d7cd011db47",
    ),
    (
        "domain contoso365.onmicrosoft.com",
        "domain contoso365.onmicrosoft.com",
    ),
    (
        "at 2025-03-14T09:30:00Z it failed",
        "at 2025-03-14T09:30:00Z it failed",
    ),
    (
        "aanmeldingsproblemen sinds maandag",
        "aanmeldingsproblemen sinds maandag",
    ),
    ("postcode 1234AB", "postcode 1234AB"),
    ("hresult 0x80070005", "hresult 0x80070005"),
    (
        "uses Microsoft365 and Windows11Pro",
        "uses Microsoft365 and Windows11Pro",
    ),
    (
        "see https://aka.ms/mfasetup?x=1a2b3c4d",
        "see https://aka.ms/mfasetup?x=1a2b3c4d",
    ),
    ("phone +31612345678", "phone +31612345678"),
    // Ticket and case ids: capitals, digits and dashes.
    ("case SR-2611-0042", "case SR-2611-0042"),
    // Digit groups that would pass as a card number, inside a ticket id.
    ("case AA-2234-397949-085", "case AA-2234-397949-085"),
    (
        "ticket REQ-2026-000123-NL for the caller",
        "ticket REQ-2026-000123-NL for the caller",
    ),
    ("code SR-2611-0042 given", "code SR-2611-0042 given"),
    ("code: AADSTS50053", "code: AADSTS50053"),
    ("SSPR_0009 on reset", "SSPR_0009 on reset"),
    // Microsoft case numbers, Luhn-valid or not, wherever a reference is named.
    (
        "TrackingID#2503140040001236 opened",
        "TrackingID#2503140040001236 opened",
    ),
    (
        "case number 4111111111111111 opened",
        "case number 4111111111111111 opened",
    ),
    ("zaaknummer 4111111111111111", "zaaknummer 4111111111111111"),
    // Trace and correlation ids.
    (
        "traceparent 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "traceparent 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    ),
    (
        "Correlation ID: {72F988BF-86F1-41AF-91AB-2D7CD011DB47}",
        "Correlation ID: {72F988BF-86F1-41AF-91AB-2D7CD011DB47}",
    ),
    (
        "the code was sent to anna@contoso.com",
        "the code was sent to anna@contoso.com",
    ),
];

#[test]
fn secrets_are_masked_and_ordinary_text_is_not() {
    for (input, expected) in CASES {
        let (masked, any) = mask(input);
        assert_eq!(&masked, expected, "masking {input:?}");
        assert_eq!(any, input != expected, "the flag for {input:?}");
    }
}

#[test]
fn whitespace_and_line_breaks_are_kept() {
    assert_eq!(
        mask("first line\n  pin: 1234\tend").0,
        "first line\n  pin: [masked]\tend"
    );
    assert_eq!(mask("").0, "");
}
