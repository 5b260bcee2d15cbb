//! What the web pages say that the terminal says with keys: buttons, the skip link, the
//! language switch, the error pages. The flow's words and the wizard's own (headings,
//! "Did that fix it?") come from the flow and `i18n`.

use crate::lang::Lang;

/// Every fixed text of the web pages.
#[derive(Debug)]
pub struct WebWords {
    /// The skip link, to the main content.
    pub skip: &'static str,
    /// The button that goes one step back.
    pub back: &'static str,
    /// The button that starts the walk again.
    pub start_again: &'static str,
    /// The button under a text field.
    pub continue_: &'static str,
    /// The label of the language switch.
    pub language: &'static str,
    /// The other language's name, in that language.
    pub other_language: &'static str,
    /// Heading over the answers given so far.
    pub your_answers: &'static str,
    /// The label of a free-text field.
    pub your_answer: &'static str,
    /// Nothing typed: the button that goes on without a code.
    pub go_on_without: &'static str,
    /// Nothing typed, explained.
    pub nothing_typed: &'static str,
    /// Takes the code offered ("Yes, AADSTS50053").
    pub yes: &'static str,
    /// Goes on with what was typed.
    pub no_keep: &'static str,
    /// Heading over the transcript downloads.
    pub transcript: &'static str,
    /// The Markdown transcript link.
    pub transcript_md: &'static str,
    /// The JSON transcript link.
    pub transcript_json: &'static str,
    /// Said on a page answered from an older page that no longer fits.
    pub moved_on: &'static str,
    /// Said after the call ended and an old page was answered.
    pub call_over: &'static str,
    /// Said when a page was answered after the helpdesk agent moved the session.
    pub agent_moved: &'static str,
    /// Said while a helpdesk agent shares the session.
    pub agent_with_you: &'static str,
    /// What the agent sees, and how to stop it.
    pub agent_with_you_text: &'static str,
    /// The button that stops the sharing.
    pub end_sharing: &'static str,
    /// The 404 page's heading.
    pub not_found: &'static str,
    /// The 404 page's text.
    pub not_found_text: &'static str,
    /// The link home.
    pub home: &'static str,
    /// The 403 page's heading.
    pub forbidden: &'static str,
    /// The 403 page's text.
    pub forbidden_text: &'static str,
    /// The 429 page's heading.
    pub too_many: &'static str,
    /// The 429 page's text.
    pub too_many_text: &'static str,
    /// The 503 page's text, when the server holds all the sessions it may.
    pub full: &'static str,
    /// Where the answers are given.
    pub answers_label: &'static str,
    /// The button that asks for a hand-off code.
    pub get_code: &'static str,
    /// Heading over the code given.
    pub your_code: &'static str,
    /// What to do with the code.
    pub code_help: &'static str,
    /// The button that hands the call to the agent.
    pub hand_over: &'static str,
    /// Heading once the call was handed over.
    pub handed_over: &'static str,
    /// Text once the call was handed over.
    pub handed_over_text: &'static str,
    /// Before why no code could be given.
    pub no_code: &'static str,
    /// The label of the helpdesk part of a page.
    pub helpdesk: &'static str,
}

const EN: WebWords = WebWords {
    skip: "Skip to the question",
    back: "Back",
    start_again: "Start again",
    continue_: "Continue",
    language: "Language",
    other_language: "Nederlands",
    your_answers: "Your answers so far",
    your_answer: "Your answer",
    go_on_without: "Go on without a code",
    nothing_typed: "Nothing typed. Go on without a code, or type the code and choose Continue.",
    yes: "Yes, use",
    no_keep: "No, use what I typed",
    transcript: "Keep a record of this call",
    transcript_md: "Download the transcript (Markdown)",
    transcript_json: "Download the transcript (JSON)",
    moved_on: "That page was out of date, so nothing was answered. This is where you are now.",
    call_over: "This call has ended. Choose Start again to begin a new one.",
    agent_moved: "The helpdesk agent answered first, so nothing was answered here. This is \
                  where you are now.",
    agent_with_you: "A helpdesk agent is with you",
    agent_with_you_text: "They see every answer you give, and this page shows theirs. To go on \
                          alone, stop sharing: the agent then carries on without you.",
    end_sharing: "Stop sharing with the agent",
    not_found: "Page not found",
    not_found_text: "There is no page at this address.",
    home: "Go to the first question",
    forbidden: "This form has expired",
    forbidden_text: "The page was old or came from elsewhere, so nothing was answered.",
    too_many: "Too many requests",
    too_many_text: "Too many requests came from your address. Wait a minute, then try again.",
    full: "The wizard is busy. Try again in a few minutes.",
    answers_label: "Answers",
    get_code: "Get a code for the helpdesk",
    your_code: "Your code for the helpdesk",
    code_help: "Read this code to the helpdesk agent. When they join with it, they see \
                every answer you give and this page shows theirs. If you have to go, choose \
                Leave it to the agent: they carry on from where you are.",
    hand_over: "Leave it to the agent",
    handed_over: "Your session is with the helpdesk agent now",
    handed_over_text: "The agent carries on with it. You can close this page, or start again.",
    no_code: "No code could be given:",
    helpdesk: "Helpdesk",
};

const NL: WebWords = WebWords {
    skip: "Naar de vraag",
    back: "Terug",
    start_again: "Opnieuw beginnen",
    continue_: "Verder",
    language: "Taal",
    other_language: "English",
    your_answers: "Uw antwoorden tot nu toe",
    your_answer: "Uw antwoord",
    go_on_without: "Verder zonder code",
    nothing_typed: "Niets ingetypt. Ga verder zonder code, of typ de code en kies Verder.",
    yes: "Ja, gebruik",
    no_keep: "Nee, gebruik wat ik heb ingetypt",
    transcript: "Bewaar een verslag van dit gesprek",
    transcript_md: "Download het verslag (Markdown)",
    transcript_json: "Download het verslag (JSON)",
    moved_on: "Die pagina was verouderd, dus er is niets beantwoord. Hier bent u nu.",
    call_over: "Dit gesprek is afgelopen. Kies Opnieuw beginnen voor een nieuw gesprek.",
    agent_moved: "De helpdeskmedewerker antwoordde eerst, dus hier is niets beantwoord. Hier \
                  bent u nu.",
    agent_with_you: "Een helpdeskmedewerker kijkt met u mee",
    agent_with_you_text: "De medewerker ziet elk antwoord dat u geeft, en deze pagina toont de \
                          antwoorden van de medewerker. Stop het delen om alleen verder te \
                          gaan: de medewerker gaat dan zonder u verder.",
    end_sharing: "Stop het delen met de medewerker",
    not_found: "Pagina niet gevonden",
    not_found_text: "Op dit adres staat geen pagina.",
    home: "Naar de eerste vraag",
    forbidden: "Dit formulier is verlopen",
    forbidden_text: "De pagina was oud of kwam van elders, dus er is niets beantwoord.",
    too_many: "Te veel verzoeken",
    too_many_text: "Er kwamen te veel verzoeken van uw adres. Wacht een minuut en probeer het dan opnieuw.",
    full: "De wizard is druk bezet. Probeer het over een paar minuten opnieuw.",
    answers_label: "Antwoorden",
    get_code: "Vraag een code voor de helpdesk",
    your_code: "Uw code voor de helpdesk",
    code_help: "Lees deze code voor aan de helpdeskmedewerker. Doet die mee met de code, dan \
                ziet die elk antwoord dat u geeft en toont deze pagina de antwoorden van de \
                medewerker. Moet u weg, kies dan Aan de medewerker overlaten: die gaat verder \
                waar u nu bent.",
    hand_over: "Aan de medewerker overlaten",
    handed_over: "Uw gesprek is nu bij de helpdeskmedewerker",
    handed_over_text: "De medewerker gaat ermee verder. U kunt deze pagina sluiten, of opnieuw \
                       beginnen.",
    no_code: "Er kon geen code worden gegeven:",
    helpdesk: "Helpdesk",
};

/// The web pages' words in `lang`.
pub fn web_words(lang: Lang) -> &'static WebWords {
    match lang {
        Lang::En => &EN,
        Lang::Nl => &NL,
    }
}

/// The language a browser asks for in its `Accept-Language` header: the first of its
/// languages (by weight) the wizard speaks; English when none.
pub fn from_accept_language(header: &str) -> Lang {
    let mut asked: Vec<(f32, Lang)> = header
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next()?.trim();
            let weight = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse().ok())
                .unwrap_or(1.0);
            Some((weight, Lang::from_locale(tag)?))
        })
        .filter(|(weight, _)| *weight > 0.0)
        .collect();
    asked.sort_by(|a, b| b.0.total_cmp(&a.0));
    asked.first().map(|(_, lang)| *lang).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browsers_first_spoken_language_wins() {
        assert_eq!(from_accept_language("nl-NL,nl;q=0.9,en;q=0.8"), Lang::Nl);
        assert_eq!(from_accept_language("de-DE, en;q=0.5, nl;q=0.7"), Lang::Nl);
        assert_eq!(from_accept_language("fr, de"), Lang::En);
        assert_eq!(from_accept_language("nl;q=0, en"), Lang::En);
        assert_eq!(from_accept_language(""), Lang::En);
    }
}
