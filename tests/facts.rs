//! Every fact the built-in flow states is reached: for each fact id, a walk from the start
//! that answers as a user would (picking answers by their label, typing what the sign-in
//! screen showed into the error-code question) ends on a screen that states the fact — its
//! key terms and its link — in English and in Dutch. The screen is checked as plain mode
//! prints it.
//!
//! Fact ids follow the public articles the flow names in its header: P (password), R (roles),
//! W (wrong account), L (links), M (MFA), A (admin lockout), T (tenants, workspaces, guests,
//! GDAP), K (account types), E (error codes). Left out on purpose:
//! - P6, the 2021 route (a service request in the partner-network portal): Microsoft dropped
//!   it; A1-A4 replace it, and `tests/links.rs` proves its address is gone.
//! - The "Invite outside user" option in Partner Center (part of T5): only a third party
//!   describes it, so the flow does not mention it.
//! - K4 is stated only as generic browser advice (private window, cookies, work account),
//!   because no Microsoft source ties the redirect loop to Partner Center.

mod common;

use common::{Answer, Answer::Pick, Answer::Type, built_in_session, walk_answers};
use signin_doctor_core::flow::Kind;
use signin_doctor_core::i18n::words;
use signin_doctor_core::lang::Lang;
use signin_doctor_core::page::Page;
use signin_doctor_core::session::Session;
use signin_doctor_plain as plain;

struct Fact {
    id: &'static str,
    en: &'static [Answer],
    nl: &'static [Answer],
    terms_en: &'static [&'static str],
    terms_nl: &'static [&'static str],
    link: Option<&'static str>,
}

// First-screen answers.
const FORGOT_EN: Answer = Pick("forgot my password");
const FORGOT_NL: Answer = Pick("wachtwoord vergeten");
const CODE_EN: Answer = Pick("shows an error code or message");
const CODE_NL: Answer = Pick("toont een foutcode of foutmelding");
const MFA_EN: Answer = Pick("asked for MFA");
const MFA_NL: Answer = Pick("om MFA gevraagd");
const ADMIN_EN: Answer = Pick("global admin is locked out");
const ADMIN_NL: Answer = Pick("globale beheerder kan zich niet aanmelden");
const PAGES_EN: Answer = Pick("pages or features are missing");
const PAGES_NL: Answer = Pick("pagina's of functies ontbreken");
const OFFER_EN: Answer = Pick("offer or benefits are missing");
const OFFER_NL: Answer = Pick("aanbod of voordelen ontbreken");
const TENANT_EN: Answer = Pick("Wrong account, tenant");
const TENANT_NL: Answer = Pick("Verkeerd account");
const ELSE_EN: Answer = Pick("Something else");
const ELSE_NL: Answer = Pick("Iets anders");
// Answers further on.
const NOT_FIXED_EN: Answer = Pick("No, it still does not work");
const NOT_FIXED_NL: Answer = Pick("Nee, het werkt nog steeds niet");
const OFF_EN: Answer = Pick("No, it's not turned on");
const OFF_NL: Answer = Pick("Nee, het is niet ingeschakeld");
const UNSURE_EN: Answer = Pick("I'm not sure");
const UNSURE_NL: Answer = Pick("Ik weet het niet zeker");
const REACH_EN: Answer = Pick("Yes, I can reach them");
const REACH_NL: Answer = Pick("Ja, die kan ik bereiken");
const I_AM_GA_EN: Answer = Pick("my password fails");
const I_AM_GA_NL: Answer = Pick("mijn wachtwoord werkt niet");
const BUSINESS_EN: Answer = Pick("Partner program, CSP");
const BUSINESS_NL: Answer = Pick("Partnerprogramma, CSP");

const L1: &str = "https://learn.microsoft.com/partner-center/account-settings/unable-to-sign-in";
const L3: &str =
    "https://learn.microsoft.com/partner-center/account-settings/reset-a-user-password";
const L7: &str = "https://support.microsoft.com/account-billing/reset-your-work-or-school-password-using-security-info-23dde81f-08bb-4776-ba72-e6b72b9dda9e";
const L9: &str =
    "https://learn.microsoft.com/partner-center/account-settings/find-workspaces-roles-admins";
const L13: &str = "https://learn.microsoft.com/entra/identity-platform/reference-error-codes";
const CUSTOMER_RESET: &str =
    "https://learn.microsoft.com/partner-center/developer/reset-user-password-for-a-customer";

const FACTS: &[Fact] = &[
    // ---------------------------------------------------------------- P, R, W
    Fact {
        id: "P1",
        en: &[ELSE_EN, Pick("None of these")],
        nl: &[ELSE_NL, Pick("Geen van deze")],
        terms_en: &[
            "Microsoft support",
            "Get support",
            "Support for business products",
            "Only an admin",
            "correlation ID",
            "https://login.microsoftonline.com/error",
        ],
        terms_nl: &[
            "Microsoft-ondersteuning",
            "Ondersteuning krijgen",
            "Ondersteuning voor zakelijke producten",
            "Alleen een beheerder",
            "correlatie-id",
            "https://login.microsoftonline.com/error",
        ],
        link: Some("https://learn.microsoft.com/microsoft-365/admin/get-help-support"),
    },
    Fact {
        id: "P2",
        en: &[FORGOT_EN, Pick("Yes, it's turned on")],
        nl: &[FORGOT_NL, Pick("Ja, het is ingeschakeld")],
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
        link: Some(L7),
    },
    Fact {
        id: "P3",
        en: &[FORGOT_EN, OFF_EN, REACH_EN],
        nl: &[FORGOT_NL, OFF_NL, REACH_NL],
        terms_en: &[
            "global admin",
            "new password",
            "Microsoft AI Cloud Partner Program",
            "Microsoft Partner Network",
        ],
        terms_nl: &[
            "globale beheerder",
            "nieuw wachtwoord",
            "Microsoft AI Cloud Partner Program",
            "Microsoft Partner Network",
        ],
        link: Some(L3),
    },
    Fact {
        id: "P4",
        en: &[FORGOT_EN, OFF_EN, Pick("indirect CSP reseller")],
        nl: &[FORGOT_NL, OFF_NL, Pick("indirecte CSP-reseller")],
        terms_en: &[
            "indirect provider",
            "new global admin",
            "Microsoft Entra ID",
            "Azure Active Directory",
            "GDAP",
            "new password",
        ],
        terms_nl: &[
            "indirecte provider (distributeur)",
            "nieuwe globale beheerder",
            "Microsoft Entra ID",
            "Azure Active Directory",
            "GDAP",
            "nieuw wachtwoord",
        ],
        link: Some(CUSTOMER_RESET),
    },
    Fact {
        id: "P5",
        en: &[
            FORGOT_EN,
            UNSURE_EN,
            NOT_FIXED_EN,
            Pick("hasn't turned it on (SSPR_0009)"),
            REACH_EN,
        ],
        nl: &[
            FORGOT_NL,
            UNSURE_NL,
            NOT_FIXED_NL,
            Pick("niet ingeschakeld (SSPR_0009)"),
            REACH_NL,
        ],
        terms_en: &[
            "self-service password reset is not turned on for you",
            "global admin",
            "new password",
        ],
        terms_nl: &[
            "selfservice voor wachtwoordherstel voor u niet ingeschakeld",
            "globale beheerder",
            "nieuw wachtwoord",
        ],
        link: Some(L3),
    },
    Fact {
        id: "R1",
        en: &[PAGES_EN],
        nl: &[PAGES_NL],
        terms_en: &[
            "roles",
            "Settings (gear icon) > Account settings > Overview",
            "Partner Center permissions",
            "My access",
        ],
        terms_nl: &[
            "rollen",
            "Accountinstellingen (Account settings) > Overzicht (Overview)",
            "Partner Center-machtigingen (Partner Center permissions)",
            "Mijn toegang (My access)",
        ],
        link: Some(L9),
    },
    Fact {
        id: "R2",
        en: &[PAGES_EN, NOT_FIXED_EN, Pick("CSP or Referrals")],
        nl: &[PAGES_NL, NOT_FIXED_NL, Pick("CSP of Verwijzingen")],
        terms_en: &[
            "global admin or account admin",
            "Solutions Partner designations",
            "competencies",
            "customers",
            "incentives",
            "users",
        ],
        terms_nl: &[
            "globale beheerder of accountbeheerder",
            "Solutions Partner-aanduidingen",
            "competenties",
            "klanten",
            "incentives",
            "gebruikers",
        ],
        link: Some(
            "https://learn.microsoft.com/partner-center/account-settings/permissions-overview",
        ),
    },
    Fact {
        id: "R3",
        en: &[PAGES_EN, NOT_FIXED_EN, Pick("Commercial marketplace")],
        nl: &[PAGES_NL, NOT_FIXED_NL, Pick("Commerciële marketplace")],
        terms_en: &[
            "an Owner or a Manager",
            "only an Owner can grant permissions",
            "at least two Owners",
            "Windows & Xbox",
            "Office Store",
            "Microsoft Edge",
            "hardware",
        ],
        terms_nl: &[
            "eigenaar of een manager (Manager)",
            "alleen een eigenaar (Owner) machtigingen toekennen",
            "minstens twee eigenaren",
            "Windows & Xbox",
            "Office Store",
            "Microsoft Edge",
            "hardware",
        ],
        link: Some("https://learn.microsoft.com/partner-center/user-roles"),
    },
    Fact {
        id: "W1",
        en: &[OFFER_EN, BUSINESS_EN],
        nl: &[OFFER_NL, BUSINESS_NL],
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
    // ---------------------------------------------------------------- M
    Fact {
        id: "M1",
        en: &[MFA_EN, Pick("set up MFA")],
        nl: &[MFA_NL, Pick("MFA instellen")],
        terms_en: &["Every user of a partner tenant, guests included", "MFA"],
        terms_nl: &[
            "Elke gebruiker van een partnertenant, ook een gastgebruiker",
            "meervoudige verificatie (MFA)",
        ],
        link: Some(
            "https://learn.microsoft.com/partner-center/security/partner-security-requirements-mandating-mfa",
        ),
    },
    Fact {
        id: "M2",
        en: &[MFA_EN, Pick("set up MFA")],
        nl: &[MFA_NL, Pick("MFA instellen")],
        terms_en: &["usually asked to register the first time"],
        terms_nl: &["meestal gevraagd u te registreren zodra u voor het eerst"],
        link: None,
    },
    Fact {
        id: "M3",
        en: &[MFA_EN, Pick("keeps asking me to verify")],
        nl: &[MFA_NL, Pick("vraagt steeds opnieuw om verificatie")],
        terms_en: &["Since autumn 2025, Partner Center may ask for MFA on every page"],
        terms_nl: &["Sinds het najaar van 2025 kan Partner Center op elke pagina om MFA vragen"],
        link: None,
    },
    Fact {
        id: "M4",
        en: &[MFA_EN, Pick("900421")],
        nl: &[MFA_NL, Pick("900421")],
        terms_en: &["1 April 2026", "App+User", "HTTP 401", "900421", "app-only"],
        terms_nl: &["1 april 2026", "App+User", "HTTP 401", "900421", "app-only"],
        link: Some(
            "https://learn.microsoft.com/partner-center/developer/partner-center-authentication",
        ),
    },
    Fact {
        id: "M5",
        en: &[ADMIN_EN, Pick("how do we avoid")],
        nl: &[ADMIN_NL, Pick("hoe voorkomen we dit")],
        terms_en: &[
            "October 2024",
            "Microsoft Entra admin center",
            "February 2025",
            "Microsoft 365 admin center",
            "emergency access accounts included",
        ],
        terms_nl: &[
            "oktober 2024",
            "Microsoft Entra-beheercentrum",
            "februari 2025",
            "Microsoft 365-beheercentrum",
            "ook voor accounts voor noodtoegang",
        ],
        link: Some(
            "https://learn.microsoft.com/entra/identity/authentication/concept-mandatory-multifactor-authentication",
        ),
    },
    Fact {
        id: "M6",
        en: &[MFA_EN, Pick("no other way to verify")],
        nl: &[MFA_NL, Pick("geen andere manier")],
        terms_en: &[
            "Require re-register MFA",
            "Authentication Administrator",
            "new method",
        ],
        terms_nl: &[
            "MFA opnieuw registreren vereisen",
            "Authentication Administrator",
            "nieuwe methode",
        ],
        link: Some(
            "https://learn.microsoft.com/entra/identity/authentication/howto-mfa-userdevicesettings",
        ),
    },
    // ---------------------------------------------------------------- A
    Fact {
        id: "A1",
        en: &[
            ADMIN_EN,
            I_AM_GA_EN,
            NOT_FIXED_EN,
            Pick("Yes, there is another"),
        ],
        nl: &[
            ADMIN_NL,
            I_AM_GA_NL,
            NOT_FIXED_NL,
            Pick("Ja, er is nog een"),
        ],
        terms_en: &[
            "only a global admin can reset a global admin's password",
            "Privileged Authentication Administrator",
            "at least two global admins",
        ],
        terms_nl: &[
            "kan alleen een globale beheerder het wachtwoord van een globale beheerder",
            "Bevoorrechte verificatiebeheerder (Privileged Authentication Administrator)",
            "minstens twee globale beheerders",
        ],
        link: Some(L3),
    },
    Fact {
        id: "A2",
        en: &[
            ADMIN_EN,
            I_AM_GA_EN,
            NOT_FIXED_EN,
            Pick("I'm the only global admin"),
        ],
        nl: &[ADMIN_NL, I_AM_GA_NL, NOT_FIXED_NL, Pick("ik ben de enige")],
        terms_en: &["Data Protection team", "+1 866-807-5850", "Get support"],
        terms_nl: &[
            "Data Protection-team",
            "+1 866-807-5850",
            "Ondersteuning krijgen",
        ],
        link: Some(L1),
    },
    Fact {
        id: "A3",
        en: &[ADMIN_EN, Pick("how do we avoid")],
        nl: &[ADMIN_NL, Pick("hoe voorkomen we dit")],
        terms_en: &[
            "two or more emergency access accounts",
            "*.onmicrosoft.com",
            "passkey or a certificate",
            "at least two global admins",
        ],
        terms_nl: &[
            "twee of meer accounts voor noodtoegang",
            "*.onmicrosoft.com",
            "wachtwoordsleutel of een certificaat",
            "minstens twee globale beheerders",
        ],
        link: Some(
            "https://learn.microsoft.com/entra/identity/role-based-access-control/security-emergency-access",
        ),
    },
    Fact {
        id: "A4",
        en: &[ADMIN_EN, Pick("we have none at all")],
        nl: &[ADMIN_NL, Pick("we hebben er helemaal geen")],
        terms_en: &[
            "Settings (gear icon) > Account settings > User management",
            "Global admin",
            "no longer exists",
        ],
        terms_nl: &[
            "Gebruikersbeheer (User management)",
            "globale beheerder",
            "bestaat niet meer",
        ],
        link: Some(L9),
    },
    Fact {
        id: "A4",
        en: &[ADMIN_EN, Pick("we have none at all"), NOT_FIXED_EN],
        nl: &[ADMIN_NL, Pick("we hebben er helemaal geen"), NOT_FIXED_NL],
        terms_en: &[
            "Microsoft support can restore one",
            "Admin takeover in Microsoft Entra ID works only for an unmanaged tenant",
            "How to tell",
            "without signing in",
            "DNS",
            "Data Protection team",
            "+1 866-807-5850",
        ],
        terms_nl: &[
            "Microsoft-ondersteuning er een herstellen",
            "werkt alleen voor een onbeheerde tenant",
            "Zo ziet u het verschil",
            "zonder u aan te melden",
            "DNS",
            "Data Protection-team",
            "+1 866-807-5850",
        ],
        link: Some("https://learn.microsoft.com/partner-center/enroll/become-global-admin"),
    },
    Fact {
        id: "A5",
        en: &[FORGOT_EN, OFF_EN, REACH_EN],
        nl: &[FORGOT_NL, OFF_NL, REACH_NL],
        terms_en: &[
            "User management",
            "Reset password",
            "shown only once",
            "next sign in",
        ],
        terms_nl: &[
            "Gebruikersbeheer (User management)",
            "Wachtwoord opnieuw instellen (Reset password)",
            "maar één keer te zien",
            "volgende aanmelding",
        ],
        link: Some(L3),
    },
    Fact {
        id: "A6",
        en: &[
            FORGOT_EN,
            UNSURE_EN,
            NOT_FIXED_EN,
            Pick("Too many attempts"),
        ],
        nl: &[FORGOT_NL, UNSURE_NL, NOT_FIXED_NL, Pick("Te veel pogingen")],
        terms_en: &[
            "five reset attempts within an hour",
            "24 hours",
            "Contact your administrator",
        ],
        terms_nl: &[
            "vijf herstelpogingen binnen een uur",
            "24 uur",
            "Neem contact op met uw beheerder",
        ],
        link: Some("https://learn.microsoft.com/entra/identity/authentication/troubleshoot-sspr"),
    },
    Fact {
        id: "A6",
        en: &[
            CODE_EN,
            Type("SSPR_0009: Your organization has not enabled password reset"),
            REACH_EN,
        ],
        nl: &[CODE_NL, Type("sspr_0009"), REACH_NL],
        terms_en: &["SSPR_0009", "has not turned it on for anyone"],
        terms_nl: &["SSPR_0009", "het voor niemand heeft ingeschakeld"],
        link: Some(L3),
    },
    // ---------------------------------------------------------------- T
    Fact {
        id: "T1",
        en: &[PAGES_EN],
        nl: &[PAGES_NL],
        terms_en: &[
            "My access card on the Partner Center home page",
            "Select a workspace to see which admin to ask",
            "not enrolled in that program",
        ],
        terms_nl: &[
            "kaart Mijn toegang (My access) op de startpagina",
            "Selecteer een werkruimte om te zien welke beheerder",
            "neemt uw bedrijf niet deel aan dat programma",
        ],
        link: Some(L9),
    },
    Fact {
        id: "T2",
        en: &[PAGES_EN],
        nl: &[PAGES_NL],
        terms_en: &["Role changes made in the Azure portal can take up to an hour"],
        terms_nl: &["Rolwijzigingen in de Azure-portal kunnen tot een uur nodig hebben"],
        link: None,
    },
    Fact {
        id: "T2",
        en: &[TENANT_EN, Pick("wrong tenant"), NOT_FIXED_EN],
        nl: &[TENANT_NL, Pick("verkeerde tenant"), NOT_FIXED_NL],
        terms_en: &[
            "you must exist as a user in that company's tenant",
            "Roles then add access",
        ],
        terms_nl: &[
            "moet u als gebruiker in de tenant van dat bedrijf staan",
            "Rollen geven daarna toegang",
        ],
        link: Some(
            "https://learn.microsoft.com/partner-center/account-settings/permissions-overview",
        ),
    },
    Fact {
        id: "T3",
        en: &[TENANT_EN, Pick("wrong tenant")],
        nl: &[TENANT_NL, Pick("verkeerde tenant")],
        terms_en: &[
            "one tenant at a time",
            "Account settings > Tenants",
            "already belongs to another Partner Center account",
        ],
        terms_nl: &[
            "één tenant tegelijk",
            "Accountinstellingen (Account settings) > Tenants",
            "al bij een ander Partner Center-account hoort",
        ],
        link: None,
    },
    Fact {
        id: "T4",
        en: &[TENANT_EN, Pick("wrong tenant")],
        nl: &[TENANT_NL, Pick("verkeerde tenant")],
        terms_en: &[
            "account picker",
            "account icon at the top right",
            "one account only",
        ],
        terms_nl: &[
            "accountkiezer",
            "accountpictogram rechtsboven",
            "maar één account",
        ],
        link: None,
    },
    Fact {
        id: "T5",
        en: &[TENANT_EN, Pick("invited as a guest")],
        nl: &[TENANT_NL, Pick("als gast uitgenodigd")],
        terms_en: &[
            "redeem the invitation",
            "Pending acceptance",
            "resend the invitation",
        ],
        terms_nl: &[
            "uitnodiging van het andere bedrijf hebt ingewisseld",
            "In afwachting van acceptatie",
            "uitnodiging opnieuw te verzenden",
        ],
        link: Some("https://learn.microsoft.com/entra/external-id/add-users-administrator"),
    },
    Fact {
        id: "T6",
        en: &[TENANT_EN, Pick("customer user's password")],
        nl: &[TENANT_NL, Pick("klantgebruiker")],
        terms_en: &[
            "delegated admin privileges (DAP) have been phased out",
            "GDAP (granular delegated admin privileges)",
            "usually up to two years",
        ],
        terms_nl: &[
            "gedelegeerde beheerdersbevoegdheden (DAP) zijn uitgefaseerd",
            "GDAP (gedetailleerde gedelegeerde beheerdersbevoegdheden)",
            "meestal hooguit twee jaar",
        ],
        link: None,
    },
    Fact {
        id: "T7",
        en: &[TENANT_EN, Pick("customer user's password")],
        nl: &[TENANT_NL, Pick("klantgebruiker")],
        terms_en: &[
            "User Administrator or Privileged Authentication Administrator",
            "only Privileged Authentication Administrator or Global Administrator",
        ],
        terms_nl: &[
            "Gebruikersbeheerder (User Administrator) of Bevoorrechte verificatiebeheerder (Privileged Authentication Administrator)",
            "alleen Bevoorrechte verificatiebeheerder of Globale beheerder (Global Administrator)",
        ],
        link: Some(CUSTOMER_RESET),
    },
    // ---------------------------------------------------------------- K
    Fact {
        id: "K1",
        en: &[TENANT_EN, Pick("Work or personal"), BUSINESS_EN],
        nl: &[TENANT_NL, Pick("Werkaccount of persoonlijk"), BUSINESS_NL],
        terms_en: &[
            "need a work account",
            "personal Microsoft accounts are not supported",
        ],
        terms_nl: &[
            "hebt u een werkaccount van uw bedrijf nodig",
            "persoonlijke Microsoft-accounts worden daar niet ondersteund",
        ],
        link: Some(L1),
    },
    Fact {
        id: "K2",
        en: &[TENANT_EN, Pick("Work or personal"), Pick("Windows or Xbox")],
        nl: &[
            TENANT_NL,
            Pick("Werkaccount of persoonlijk"),
            Pick("Windows- of Xbox"),
        ],
        terms_en: &[
            "opened with a personal Microsoft account",
            "a work account is not required",
            "Personal account",
        ],
        terms_nl: &[
            "geopend met een persoonlijk Microsoft-account",
            "geen werkaccount nodig",
            "Persoonlijk account",
        ],
        link: Some(
            "https://learn.microsoft.com/windows/apps/publish/partner-center/open-a-developer-account",
        ),
    },
    Fact {
        id: "K3",
        en: &[
            CODE_EN,
            Type("AADSTS500208: The domain is not a valid login domain for the account type."),
            BUSINESS_EN,
        ],
        nl: &[CODE_NL, Type("AADSTS500208"), BUSINESS_NL],
        terms_en: &[
            "500208, 16000 or 50020",
            "InPrivate",
            "Work or school account",
        ],
        terms_nl: &[
            "500208, 16000 of 50020",
            "InPrivate",
            "Werk- of schoolaccount",
        ],
        link: Some(L1),
    },
    Fact {
        id: "K4",
        en: &[
            CODE_EN,
            Type("This page isn't working: ERR_TOO_MANY_REDIRECTS"),
        ],
        nl: &[CODE_NL, Type("err_too_many_redirects")],
        terms_en: &[
            "ERR_TOO_MANY_REDIRECTS",
            "private (InPrivate or incognito) window",
            "cookies",
            "Work or school account",
        ],
        terms_nl: &[
            "ERR_TOO_MANY_REDIRECTS",
            "privévenster (InPrivate of incognito)",
            "cookies",
            "Werk- of schoolaccount",
        ],
        link: None,
    },
    // ---------------------------------------------------------------- E (typed codes)
    Fact {
        id: "E1",
        en: &[
            CODE_EN,
            Type("AADSTS50126: Error validating credentials due to invalid username or password."),
        ],
        nl: &[CODE_NL, Type("50126")],
        terms_en: &[
            "50126",
            "user name or the password is wrong",
            "Work or school account",
        ],
        terms_nl: &[
            "50126",
            "gebruikersnaam of het wachtwoord niet klopt",
            "Werk- of schoolaccount",
        ],
        link: Some(L13),
    },
    Fact {
        id: "E1",
        en: &[CODE_EN, Type("AADSTS50126"), NOT_FIXED_EN],
        nl: &[CODE_NL, Type("AADSTS50126"), NOT_FIXED_NL],
        terms_en: &["Reset your password yourself", "Can't access your account?"],
        terms_nl: &[
            "Stel uw wachtwoord zelf opnieuw in",
            "Hebt u geen toegang tot uw account?",
        ],
        link: Some(L7),
    },
    Fact {
        id: "E2",
        en: &[
            CODE_EN,
            Type(
                "AADSTS50053: Your account is locked because the user tried to sign in too many times",
            ),
        ],
        nl: &[CODE_NL, Type("AADSTS50053")],
        terms_en: &[
            "50053",
            "locked",
            "too many wrong passwords",
            "Can't access your account?",
        ],
        terms_nl: &[
            "50053",
            "vergrendeld",
            "te veel verkeerde wachtwoorden",
            "Hebt u geen toegang tot uw account?",
        ],
        link: Some(L7),
    },
    Fact {
        id: "E2",
        en: &[CODE_EN, Type("50053"), NOT_FIXED_EN],
        nl: &[CODE_NL, Type("50053"), NOT_FIXED_NL],
        terms_en: &["sign-in logs", "Microsoft Entra"],
        terms_nl: &["aanmeldingslogboeken", "Microsoft Entra"],
        link: Some(L13),
    },
    Fact {
        id: "E3",
        en: &[CODE_EN, Type("AADSTS50055: The password is expired.")],
        nl: &[CODE_NL, Type("AADSTS50055")],
        terms_en: &["50055", "expired", "Can't access your account?"],
        terms_nl: &["50055", "verlopen", "Hebt u geen toegang tot uw account?"],
        link: Some(L7),
    },
    Fact {
        id: "E4",
        en: &[CODE_EN, Type("AADSTS50057: The user account is disabled.")],
        nl: &[CODE_NL, Type("AADSTS50057")],
        terms_en: &["50057", "disabled", "only an admin can turn it back on"],
        terms_nl: &[
            "50057",
            "uitgeschakeld",
            "alleen een beheerder kan het weer inschakelen",
        ],
        link: Some(L13),
    },
    Fact {
        id: "E5",
        en: &[
            CODE_EN,
            Type("AADSTS50034: The user account does not exist in the directory."),
        ],
        nl: &[CODE_NL, Type("AADSTS50034")],
        terms_en: &["50034", "not found in this directory", "work address"],
        terms_nl: &[
            "50034",
            "niet in deze directory is gevonden",
            "zakelijke adres",
        ],
        link: Some(L13),
    },
    Fact {
        id: "E5",
        en: &[CODE_EN, Type("AADSTS50034"), NOT_FIXED_EN],
        nl: &[CODE_NL, Type("AADSTS50034"), NOT_FIXED_NL],
        terms_en: &["create a work account for you", "invite you as a guest"],
        terms_nl: &["werkaccount voor u aanmaakt", "als gast uitnodigt"],
        link: Some("https://learn.microsoft.com/entra/external-id/add-users-administrator"),
    },
    Fact {
        id: "E6",
        en: &[
            CODE_EN,
            Type("AADSTS50020: User account from identity provider does not exist in tenant"),
            BUSINESS_EN,
        ],
        nl: &[CODE_NL, Type("AADSTS50020"), BUSINESS_NL],
        terms_en: &[
            "50020",
            "belongs to another organization",
            "Work or school account",
        ],
        terms_nl: &[
            "50020",
            "bij een andere organisatie hoort",
            "Werk- of schoolaccount",
        ],
        link: Some(L1),
    },
    Fact {
        id: "E6",
        en: &[CODE_EN, Type("AADSTS50020"), BUSINESS_EN, NOT_FIXED_EN],
        nl: &[CODE_NL, Type("AADSTS50020"), BUSINESS_NL, NOT_FIXED_NL],
        terms_en: &["invite you as a guest"],
        terms_nl: &["als gast uitnodigt"],
        link: Some("https://learn.microsoft.com/entra/external-id/add-users-administrator"),
    },
    Fact {
        id: "E7",
        en: &[
            CODE_EN,
            Type("AADSTS50076: you must use multi-factor authentication"),
        ],
        nl: &[CODE_NL, Type("AADSTS50076")],
        terms_en: &["50076 and 50074 mean you must complete MFA"],
        terms_nl: &["50076 en 50074 betekenen dat u MFA moet voltooien"],
        link: Some(L13),
    },
    Fact {
        id: "E8",
        en: &[CODE_EN, Type("AADSTS50079"), NOT_FIXED_EN, NOT_FIXED_EN],
        nl: &[CODE_NL, Type("AADSTS50079"), NOT_FIXED_NL, NOT_FIXED_NL],
        terms_en: &["Require re-register MFA"],
        terms_nl: &["MFA opnieuw registreren vereisen"],
        link: None,
    },
    Fact {
        id: "E8",
        en: &[
            CODE_EN,
            Type("AADSTS50079: the user is required to register for MFA"),
        ],
        nl: &[CODE_NL, Type("AADSTS50079")],
        terms_en: &["codes 50079 and 50072 mean exactly this"],
        terms_nl: &["de codes 50079 en 50072 betekenen precies dat"],
        link: Some(L13),
    },
    Fact {
        id: "E9",
        en: &[CODE_EN, Type("AADSTS50105")],
        nl: &[CODE_NL, Type("AADSTS50105")],
        terms_en: &["50105", "not been assigned to the app"],
        terms_nl: &["50105", "niet is toegewezen aan de app"],
        link: Some(L13),
    },
    Fact {
        id: "E10",
        en: &[
            CODE_EN,
            Type("AADSTS53003: Access has been blocked by Conditional Access policies."),
        ],
        nl: &[CODE_NL, Type("AADSTS53003")],
        terms_en: &["53003", "policy of your organization", "Conditional Access"],
        terms_nl: &[
            "53003",
            "beleid van uw organisatie",
            "voorwaardelijke toegang",
        ],
        link: Some(L13),
    },
    Fact {
        id: "E11",
        en: &[CODE_EN, Type("AADSTS530034")],
        nl: &[CODE_NL, Type("AADSTS530034")],
        terms_en: &[
            "530034",
            "delegated admin",
            "marked as risky in your own company's tenant",
        ],
        terms_nl: &[
            "530034",
            "gedelegeerde beheerder",
            "als riskant is gemarkeerd",
        ],
        link: Some(L13),
    },
    Fact {
        id: "E12",
        en: &[
            CODE_EN,
            Type("AADSTS90099: The application has not been authorized in the tenant"),
        ],
        nl: &[CODE_NL, Type("AADSTS90099")],
        terms_en: &["90099", "partner delegated admins", "pre-consent"],
        terms_nl: &[
            "90099",
            "gedelegeerde beheerders van de partner",
            "vooraf toestemming",
        ],
        link: Some(L13),
    },
    Fact {
        id: "E13",
        en: &[
            CODE_EN,
            Type("AADSTS700016: Application with identifier was not found"),
        ],
        nl: &[CODE_NL, Type("AADSTS700016")],
        terms_en: &["700016", "app was not found in the tenant"],
        terms_nl: &["700016", "app niet is gevonden in de tenant"],
        link: Some(L13),
    },
    Fact {
        id: "E14",
        en: &[
            CODE_EN,
            Type("AADSTS500011: The resource principal was not found"),
        ],
        nl: &[CODE_NL, Type("AADSTS500011")],
        terms_en: &["500011", "not set up there"],
        terms_nl: &["500011", "daar niet is ingesteld"],
        link: Some(L13),
    },
    Fact {
        id: "E15",
        en: &[CODE_EN, Type("500208"), BUSINESS_EN],
        nl: &[CODE_NL, Type("500208"), BUSINESS_NL],
        terms_en: &["500208", "personal Microsoft accounts are not supported"],
        terms_nl: &[
            "500208",
            "persoonlijke Microsoft-accounts worden daar niet ondersteund",
        ],
        link: Some(L1),
    },
    Fact {
        id: "E16",
        en: &[CODE_EN, Type("HTTP 401 Unauthorized, error code 900421")],
        nl: &[CODE_NL, Type("900421")],
        terms_en: &["900421", "1 April 2026", "app-only"],
        terms_nl: &["900421", "1 april 2026", "app-only"],
        link: Some(
            "https://learn.microsoft.com/partner-center/developer/partner-center-authentication",
        ),
    },
];

/// The screen reached by giving `answers` in `lang`, as plain mode prints it.
fn screen_after(lang: Lang, answers: &[Answer]) -> String {
    let mut session = built_in_session();
    walk_answers(&mut session, lang, answers);
    plain::render(&Page::of(&session, lang), words(lang))
}

/// A session on the built-in flow standing at the node `key` (jumped to, unless it is
/// the start).
fn session_at(key: &str) -> Session {
    let mut session = built_in_session();
    let node = session
        .flow()
        .find(key)
        .expect("a node of the built-in flow");
    if node != session.current() {
        session.jump(node).expect("a jump to another node");
    }
    session
}

fn answers(fact: &Fact, lang: Lang) -> &'static [Answer] {
    match lang {
        Lang::En => fact.en,
        Lang::Nl => fact.nl,
    }
}

#[test]
fn every_fact_is_stated_at_the_end_of_a_walk_in_english_and_dutch() {
    let mut missing = Vec::new();
    for fact in FACTS {
        for (lang, terms) in [(Lang::En, fact.terms_en), (Lang::Nl, fact.terms_nl)] {
            let screen = screen_after(lang, answers(fact, lang));
            for wanted in terms.iter().chain(fact.link.as_ref()) {
                if !screen.contains(wanted) {
                    missing.push(format!(
                        "{} ({lang}): '{wanted}' is not on the screen:\n{screen}",
                        fact.id
                    ));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n\n"));
}

#[test]
fn every_fact_group_of_the_current_content_is_covered() {
    let mut expected: Vec<String> = Vec::new();
    for (prefix, count) in [
        ("P", 5),
        ("R", 3),
        ("W", 1),
        ("M", 6),
        ("A", 6),
        ("T", 7),
        ("K", 4),
        ("E", 16),
    ] {
        expected.extend((1..=count).map(|n| format!("{prefix}{n}")));
    }
    for id in expected {
        assert!(
            FACTS.iter().any(|fact| fact.id == id),
            "no walk reaches fact {id}"
        );
    }
}

#[test]
fn the_links_l5_to_l14_each_appear_on_a_screen_reached_in_both_languages() {
    let wanted = [
        ("L5", "account-settings/permissions-overview"),
        ("L6", "partner-center/user-roles"),
        (
            "L7",
            "reset-your-work-or-school-password-using-security-info",
        ),
        ("L8", "microsoft-365/admin/get-help-support"),
        ("L9", "account-settings/find-workspaces-roles-admins"),
        ("L10", "security-emergency-access"),
        ("L11", "enroll/become-global-admin"),
        ("L12", "partner-security-requirements-mandating-mfa"),
        ("L13", "identity-platform/reference-error-codes"),
        ("L14", "external-id/add-users-administrator"),
    ];
    for (id, part) in wanted {
        assert!(
            FACTS
                .iter()
                .any(|fact| fact.link.is_some_and(|link| link.contains(part))),
            "{id}: no fact walk checks a link containing {part}"
        );
    }
}

#[test]
fn not_sure_about_self_service_reset_tries_it_first() {
    for (lang, answers) in [
        (Lang::En, [FORGOT_EN, UNSURE_EN]),
        (Lang::Nl, [FORGOT_NL, UNSURE_NL]),
    ] {
        let mut session = built_in_session();
        walk_answers(&mut session, lang, &answers);
        assert_eq!(session.node().key, "try-self-service-reset", "({lang})");
    }
}

#[test]
fn every_contact_says_who_what_to_ask_what_to_have_ready_and_what_if_unreachable() {
    let flow = built_in_session().shared_flow();
    let contacts: Vec<_> = flow
        .nodes()
        .filter(|(_, node)| {
            node.is_ending() && Page::of(&session_at(&node.key), Lang::En).kind == Kind::Contact
        })
        .map(|(_, node)| node.key.clone())
        .collect();
    assert!(
        contacts.len() >= 15,
        "only {} contact endings",
        contacts.len()
    );
    // Signed-in situations where no sign-in screen showed a code.
    let no_sign_in_screen = ["ask-admin-for-access", "ask-owner-or-manager"];
    for key in &contacts {
        for (lang, fallback, code) in [
            (
                Lang::En,
                &["can't reach", "can be reached", "can't get through"][..],
                "correlation ID",
            ),
            (
                Lang::Nl,
                &["bereiken", "bereikbaar", "doorkomt"][..],
                "correlatie-id",
            ),
        ] {
            let screen = plain::render(&Page::of(&session_at(key), lang), words(lang));
            let words = words(lang);
            for heading in [words.who, words.ask, words.ready] {
                assert!(
                    screen.contains(&format!("{heading}:")),
                    "{key} ({lang}): no '{heading}':\n{screen}"
                );
            }
            assert!(
                fallback.iter().any(|phrase| screen.contains(phrase)),
                "{key} ({lang}): says nothing about a contact that cannot be reached:\n{screen}"
            );
            if !no_sign_in_screen.contains(&key.as_str()) {
                assert!(
                    screen.contains(code),
                    "{key} ({lang}): 'Have this ready' does not ask for the {code}:\n{screen}"
                );
            }
        }
    }
}

#[test]
fn self_help_steps_end_as_solved_when_they_worked() {
    for (lang, yes) in [
        (Lang::En, "Yes, that fixed it"),
        (Lang::Nl, "Ja, het is opgelost"),
    ] {
        for id in ["P2", "R1", "W1", "M1", "T3", "T5", "K2", "K4", "E2"] {
            let fact = FACTS.iter().find(|f| f.id == id).unwrap();
            let mut walk = answers(fact, lang).to_vec();
            walk.push(Pick(yes));
            let mut session = built_in_session();
            walk_answers(&mut session, lang, &walk);
            let page = Page::of(&session, lang);
            assert_eq!(page.kind, Kind::Solved, "{id} ({lang})");
        }
    }
}

#[test]
fn every_question_step_and_typing_question_has_agent_words_in_both_languages() {
    let flow = built_in_session().shared_flow();
    let mut asked = 0;
    for (_, node) in flow.nodes() {
        if node.is_ending() {
            continue;
        }
        asked += 1;
        for lang in [Lang::En, Lang::Nl] {
            let probe = session_at(&node.key);
            let page = Page::of(&probe, lang);
            let say = page
                .say
                .unwrap_or_else(|| panic!("{} ({lang}) has no say text", node.key));
            let english = Page::of(&probe, Lang::En).say.unwrap();
            assert!(
                lang == Lang::En || say != english,
                "{} has no Dutch say text",
                node.key
            );
        }
    }
    assert!(asked >= 25, "only {asked} questions and steps");
}

/// The fewest answers from the start to each ending of the built-in flow (an input
/// question's typed line counts as one answer).
fn answers_to_each_ending() -> Vec<(String, usize)> {
    let flow = built_in_session().shared_flow();
    let mut depth = vec![usize::MAX; flow.nodes().len()];
    let mut queue = std::collections::VecDeque::from([flow.start()]);
    depth[flow.start().index()] = 0;
    while let Some(at) = queue.pop_front() {
        for next in flow.node(at).targets() {
            if depth[next.index()] == usize::MAX {
                depth[next.index()] = depth[at.index()] + 1;
                queue.push_back(next);
            }
        }
    }
    flow.nodes()
        .filter(|(_, node)| node.is_ending())
        .map(|(id, node)| (node.key.clone(), depth[id.index()]))
        .collect()
}

/// The most answers a walk to a fact may take: a partner who needs more has been asked
/// something the route did not need.
const MOST_ANSWERS_TO_A_FACT: usize = 5;

#[test]
fn no_walk_to_a_fact_takes_more_than_five_answers() {
    for fact in FACTS {
        for lang in [Lang::En, Lang::Nl] {
            let walk = answers(fact, lang);
            assert!(
                walk.len() <= MOST_ANSWERS_TO_A_FACT,
                "{} ({lang}) takes {} answers: {walk:?}",
                fact.id,
                walk.len()
            );
            // The walk really ends where the fact is (checked above); here, that it is
            // not a prefix of a longer walk the test forgot to count.
            let mut session = built_in_session();
            walk_answers(&mut session, lang, walk);
            assert_eq!(session.path().len(), walk.len(), "{} ({lang})", fact.id);
        }
    }
}

#[test]
fn the_median_shortest_walk_to_an_ending_does_not_grow() {
    // Before the walks were shortened (2026-12), half the endings took at most 2 answers.
    let mut lengths: Vec<usize> = answers_to_each_ending().iter().map(|(_, n)| *n).collect();
    lengths.sort_unstable();
    let median = lengths[lengths.len() / 2];
    assert!(
        median <= 2,
        "median {median}: {:?}",
        answers_to_each_ending()
    );
    for (ending, answers) in answers_to_each_ending() {
        assert!(
            answers <= MOST_ANSWERS_TO_A_FACT,
            "{ending} needs {answers} answers at least"
        );
    }
}

#[test]
fn every_ending_shows_each_address_once_and_only_its_own_pages() {
    let flow = built_in_session().shared_flow();
    assert_eq!(
        flow.further_reading().count(),
        0,
        "no flow-wide further reading"
    );
    for link in flow.links() {
        assert!(
            link.reviewed.is_some(),
            "link {} has no review date",
            link.key
        );
        assert!(
            !link.url.contains("verification-responses"),
            "link {} is about enrollment verification, not signing in",
            link.key
        );
    }
    for (_, node) in flow.nodes().filter(|(_, node)| node.is_ending()) {
        for lang in [Lang::En, Lang::Nl] {
            let screen = plain::render(&Page::of(&session_at(&node.key), lang), words(lang));
            assert!(
                !screen.contains(words(lang).further_reading),
                "{} ({lang})",
                node.key
            );
            for url in flow.links().map(|link| link.url.as_str()) {
                assert!(
                    screen.matches(url).count() <= 1,
                    "{} ({lang}) shows {url} twice:\n{screen}",
                    node.key
                );
            }
        }
    }
}
