//! The words of a served call's record, in every supported language: the transcript shown
//! over the connection, the call's id it is kept under on the server, and the question
//! before leaving an ending without it.

use crate::lang::Lang;

/// The line before a transcript printed in plain mode; the same in every language, so a
/// script can cut the transcript out of what it captured.
pub const TRANSCRIPT_BEGINS: &str = "-----BEGIN SIGNIN-DOCTOR TRANSCRIPT-----";
/// The line after it.
pub const TRANSCRIPT_ENDS: &str = "-----END SIGNIN-DOCTOR TRANSCRIPT-----";

/// Every fixed text of a served call's record.
#[derive(Debug)]
pub struct RecordWords {
    /// The title of the full-screen transcript view.
    pub view_title: &'static str,
    /// The keys of the transcript view.
    pub view_keys: &'static str,
    /// Before the call's id.
    pub call: &'static str,
    /// After the id at an ending: what `s` and `y` do.
    pub call_keys: &'static str,
    /// Kept on the server: before the number of days.
    pub kept_for: &'static str,
    /// After the number of days, before the command that fetches it.
    pub days_fetch: &'static str,
    /// `q` at an ending before the transcript was shown or copied.
    pub not_taken: &'static str,
    /// Plain mode's agent commands, served: `s` shows the transcript.
    pub plain_agent_keys: &'static str,
    /// Plain mode, to the agent: before a note the partner just wrote.
    pub partner_noted: &'static str,
    /// The full screen's agent key hints, served: `s` shows the transcript.
    pub agent_hints: &'static str,
    /// The help's line for `s`, served.
    pub help_show: &'static str,
    /// `y` where the terminal cannot take a copy, served: `s` shows the transcript.
    pub copy_impossible: &'static str,
}

const ENGLISH: RecordWords = RecordWords {
    view_title: "Transcript of this call",
    view_keys: "↑ ↓ PgUp PgDn scroll · select with the mouse · y copy · Esc back",
    call: "Call",
    call_keys: "s shows its transcript, y copies it.",
    kept_for: "its transcript is kept on the server for",
    days_fetch: "days; fetch it with",
    not_taken: "The transcript was neither shown nor copied: s shows it, y copies it, q again leaves without it.",
    plain_agent_keys: "n TEXT = note, s = show the transcript, /WORD = search",
    partner_noted: "The partner added a note",
    agent_hints: "n note · / search · s transcript · y copy",
    help_show: "show the transcript, to read, select or copy",
    copy_impossible: "Cannot copy to the clipboard here (not a terminal that takes OSC 52); press s to show the transcript and select it.",
};

const DUTCH: RecordWords = RecordWords {
    view_title: "Verslag van dit gesprek",
    view_keys: "↑ ↓ PgUp PgDn scrollen · selecteer met de muis · y kopiëren · Esc terug",
    call: "Gesprek",
    call_keys: "s toont het verslag, y kopieert het.",
    kept_for: "het verslag blijft op de server bewaard,",
    days_fetch: "dagen; haal het op met",
    not_taken: "Het verslag is niet getoond en niet gekopieerd: s toont het, y kopieert het, nogmaals q stopt zonder verslag.",
    plain_agent_keys: "n TEKST = notitie, s = verslag tonen, /WOORD = zoeken",
    partner_noted: "De partner heeft een notitie toegevoegd",
    agent_hints: "n notitie · / zoeken · s verslag · y kopiëren",
    help_show: "het verslag tonen, om te lezen, te selecteren of te kopiëren",
    copy_impossible: "Kopiëren naar het klembord kan hier niet (geen terminal die OSC 52 aanneemt); druk op s om het verslag te tonen en te selecteren.",
};

impl RecordWords {
    /// The line that names the call `id` at an ending, with what `s` and `y` do.
    pub fn call_line(&self, id: &str) -> String {
        format!("{} {id}: {}", self.call, self.call_keys)
    }

    /// The line saying the call `id`'s transcript is kept for `days` days, and how an
    /// agent fetches it.
    pub fn kept_line(&self, id: &str, days: u32) -> String {
        format!(
            "{} {id}: {} {days} {} `ssh agent@HOST transcript {id}`.",
            self.call, self.kept_for, self.days_fetch
        )
    }
}

/// The name of the language `of`, in `lang`: "Dutch", "Nederlands".
pub fn lang_name(of: Lang, lang: Lang) -> &'static str {
    match (of, lang) {
        (Lang::En, Lang::En) => "English",
        (Lang::Nl, Lang::En) => "Dutch",
        (Lang::En, Lang::Nl) => "Engels",
        (Lang::Nl, Lang::Nl) => "Nederlands",
    }
}

/// The words of a served call's record in `lang`.
pub fn record_words(lang: Lang) -> &'static RecordWords {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Nl => &DUTCH,
    }
}
