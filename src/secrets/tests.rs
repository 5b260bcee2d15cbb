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
