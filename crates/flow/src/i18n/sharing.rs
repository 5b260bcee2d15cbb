//! The words of hand-off and live sharing, in every supported language: the partner's
//! code, who is with whom, and what happened when one side left.

use crate::lang::Lang;

/// Every fixed text of hand-off and sharing.
#[derive(Debug)]
pub struct SharingWords {
    /// The key hint for a hand-off code.
    pub hand_off_hint: &'static str,
    /// The key hint for a hand-off code at a question answered by typing.
    pub hand_off_input_hint: &'static str,
    /// The key hint for ending the sharing.
    pub end_sharing_hint: &'static str,
    /// Before the partner's code.
    pub your_code: &'static str,
    /// After the partner's code.
    pub code_use: &'static str,
    /// The partner's line while an agent is with them.
    pub agent_with_you: &'static str,
    /// The partner's line when the agent left.
    pub agent_left: &'static str,
    /// The agent's line while the partner is connected.
    pub partner_with_you: &'static str,
    /// The agent's line when the partner's connection ended.
    pub partner_left: &'static str,
    /// The agent's line when the partner ended the sharing: they carry on alone.
    pub sharing_ended: &'static str,
    /// The partner's line after ending the sharing.
    pub you_ended_sharing: &'static str,
    /// Both sides changed the session at once: this side's change gave way.
    pub other_side_first: &'static str,
    /// Before the time a taken-over session started.
    pub taken_over: &'static str,
    /// Before the time a session the partner continues with their own code started.
    pub continued: &'static str,
    /// The partner's closing line when the agent carries on.
    pub agent_carries_on: &'static str,
    /// The partner left before an ending after giving a code: the session waits.
    pub kept_for_agent: &'static str,
    /// Lines of the help overlay for a served partner: key, what it does.
    pub help_lines: &'static [(&'static str, &'static str)],
    /// The same at a question answered by typing.
    pub input_help_lines: &'static [(&'static str, &'static str)],
    /// Plain mode: the hand-off command, after the prompt's keys.
    pub plain_hand_off_keys: &'static str,
    /// Plain mode: the command to stop sharing, after the prompt's keys.
    pub plain_end_sharing_keys: &'static str,
    /// Plain mode: an agent joined the partner's session.
    pub plain_agent_with_you: &'static str,
    /// Plain mode: after the code, what to do next.
    pub plain_code_then: &'static str,
}

const ENGLISH: SharingWords = SharingWords {
    hand_off_hint: "h hand to agent",
    hand_off_input_hint: "F4 hand to agent",
    end_sharing_hint: "x stop sharing",
    your_code: "Your code for the helpdesk agent:",
    code_use: "Read it out to them; it works once, for 24 hours.",
    agent_with_you: "A helpdesk agent is with you and sees these screens. Press x to stop sharing.",
    agent_left: "The helpdesk agent has left; you can carry on.",
    partner_with_you: "Live: the partner sees every answer you give, and you see theirs.",
    partner_left: "The partner's connection ended; carry on with their session here.",
    sharing_ended: "The partner stopped sharing the session; carry on alone here, your notes included.",
    you_ended_sharing: "Sharing stopped: the agent no longer sees your screens.",
    other_side_first: "The other side changed the session first; this is where it is now.",
    taken_over: "Took over the partner's session that started at",
    continued: "Welcome back: your session goes on where you were. It started at",
    agent_carries_on: "The helpdesk agent carries on with your session.",
    kept_for_agent: "Your session is kept for the helpdesk agent, who continues it with your code.",
    help_lines: &[
        (
            "h",
            "a code for a helpdesk agent, who can then see these screens with you",
        ),
        ("x", "stop sharing your screens with the agent"),
    ],
    input_help_lines: &[(
        "F4",
        "a code for a helpdesk agent, who can then see these screens with you",
    )],
    plain_hand_off_keys: "h = code for a helpdesk agent",
    plain_end_sharing_keys: "x = stop sharing",
    plain_agent_with_you: "A helpdesk agent is with you and sees every answer you give. Type x to stop sharing.",
    plain_code_then: "Stay connected: the agent joins you and sees your answers. Or type q: the agent carries on from where you are.",
};

const DUTCH: SharingWords = SharingWords {
    hand_off_hint: "h naar medewerker",
    hand_off_input_hint: "F4 naar medewerker",
    end_sharing_hint: "x delen stoppen",
    your_code: "Uw code voor de medewerker van de helpdesk:",
    code_use: "Lees hem voor; hij werkt één keer en blijft 24 uur geldig.",
    agent_with_you: "Een medewerker van de helpdesk kijkt mee en ziet deze schermen. Druk op x om het delen te stoppen.",
    agent_left: "De medewerker kijkt niet meer mee; u kunt verder.",
    partner_with_you: "Live: de partner ziet elk antwoord dat u geeft, en u ziet de zijne.",
    partner_left: "De verbinding van de partner is verbroken; ga hier verder met de sessie.",
    sharing_ended: "De partner is gestopt met het delen van de sessie; ga hier alleen verder, met uw notities.",
    you_ended_sharing: "Delen gestopt: de medewerker ziet uw schermen niet meer.",
    other_side_first: "De andere kant was u voor; zo staat de sessie nu.",
    taken_over: "Overgenomen: de sessie van de partner, begonnen op",
    continued: "Welkom terug: uw sessie gaat verder waar u was. Ze begon op",
    agent_carries_on: "De medewerker van de helpdesk gaat verder met uw sessie.",
    kept_for_agent: "Uw sessie blijft bewaard voor de medewerker van de helpdesk, die met uw code verdergaat.",
    help_lines: &[
        (
            "h",
            "een code voor een medewerker van de helpdesk, die dan met u meekijkt",
        ),
        ("x", "stop het delen van uw schermen met de medewerker"),
    ],
    input_help_lines: &[(
        "F4",
        "een code voor een medewerker van de helpdesk, die dan met u meekijkt",
    )],
    plain_hand_off_keys: "h = code voor een medewerker van de helpdesk",
    plain_end_sharing_keys: "x = stoppen met delen",
    plain_agent_with_you: "Een medewerker van de helpdesk is bij u en ziet elk antwoord dat u geeft. Typ x om te stoppen met delen.",
    plain_code_then: "Blijf verbonden: de medewerker kijkt mee en ziet uw antwoorden. Of typ q: de medewerker gaat verder waar u nu bent.",
};

impl SharingWords {
    /// The line that gives the partner their hand-off `code`.
    pub fn code_line(&self, code: &str) -> String {
        format!("{} {code}. {}", self.your_code, self.code_use)
    }
}

/// The words of hand-off and sharing in `lang`.
pub fn sharing_words(lang: Lang) -> &'static SharingWords {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Nl => &DUTCH,
    }
}
