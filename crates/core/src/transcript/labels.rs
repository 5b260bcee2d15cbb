//! Words only transcripts use, in every supported language. The headings a transcript
//! shares with the screens ("Who to contact", "Steps"…) come from [`crate::i18n`].

use crate::lang::Lang;

/// The fixed words of a Markdown transcript.
#[derive(Debug)]
pub struct Labels {
    /// After the flow's title in the top heading.
    pub title_suffix: &'static str,
    /// Label of the outcome line.
    pub outcome: &'static str,
    /// The outcome line when no ending was reached, before the node the walk stopped at.
    pub not_reached: &'static str,
    /// Said of a solved session.
    pub solved: &'static str,
    /// Said of a session that reached an ending but is not solved.
    pub not_solved: &'static str,
    /// Label of the flow line.
    pub flow: &'static str,
    /// Before the flow's version number.
    pub version: &'static str,
    /// Label of the language.
    pub language: &'static str,
    /// Label of the caller's language, when it is not the transcript's.
    pub caller_language: &'static str,
    /// Label of the start time.
    pub started: &'static str,
    /// Label of the end time.
    pub ended: &'static str,
    /// Label of the duration.
    pub duration: &'static str,
    /// Heading over the path.
    pub path: &'static str,
    /// Before the time the walk was started again from the first question.
    pub started_again: &'static str,
    /// Instead of the path when nothing was answered.
    pub no_answers: &'static str,
    /// Before the node a note was written at.
    pub at: &'static str,
    /// After a note in which something was masked.
    pub masked: &'static str,
    /// Heading over the hand-offs to an agent.
    pub hand_offs: &'static str,
    /// A hand-off while the partner was connected.
    pub joined_live: &'static str,
    /// A hand-off from the saved session.
    pub continued_from_save: &'static str,
    /// Before a hand-off code.
    pub code: &'static str,
    /// Who wrote a note: the agent.
    pub by_agent: &'static str,
    /// Who wrote a note: the partner.
    pub by_partner: &'static str,
}

impl Labels {
    /// Who wrote a note, as a transcript says it.
    pub fn author(&self, author: crate::session::Author) -> &'static str {
        match author {
            crate::session::Author::Agent => self.by_agent,
            crate::session::Author::Partner => self.by_partner,
        }
    }
}

const ENGLISH: Labels = Labels {
    title_suffix: "session transcript",
    outcome: "Outcome",
    not_reached: "no ending reached; stopped at",
    solved: "solved",
    not_solved: "not solved",
    flow: "Flow",
    version: "version",
    language: "Language",
    caller_language: "Caller's language",
    started: "Started",
    ended: "Ended",
    duration: "Duration",
    path: "Questions and answers",
    started_again: "Started again at",
    no_answers: "No answers were given.",
    at: "at",
    masked: "something that looked like a secret was masked",
    hand_offs: "Handed to an agent",
    joined_live: "an agent joined while the partner was connected",
    continued_from_save: "an agent continued the saved session",
    code: "code",
    by_agent: "agent",
    by_partner: "partner",
};

const DUTCH: Labels = Labels {
    title_suffix: "sessieverslag",
    outcome: "Uitkomst",
    not_reached: "geen einde bereikt; gestopt bij",
    solved: "opgelost",
    not_solved: "niet opgelost",
    flow: "Beslisboom",
    version: "versie",
    language: "Taal",
    caller_language: "Taal van de beller",
    started: "Begonnen",
    ended: "Beëindigd",
    duration: "Duur",
    path: "Vragen en antwoorden",
    started_again: "Opnieuw begonnen om",
    no_answers: "Er zijn geen antwoorden gegeven.",
    at: "bij",
    masked: "iets dat op een geheim leek, is gemaskeerd",
    hand_offs: "Overgedragen aan een medewerker",
    joined_live: "een medewerker kwam erbij terwijl de partner verbonden was",
    continued_from_save: "een medewerker ging verder met de opgeslagen sessie",
    code: "code",
    by_agent: "medewerker",
    by_partner: "partner",
};

/// The transcript words in `lang`.
pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Nl => &DUTCH,
    }
}
