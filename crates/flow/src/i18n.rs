//! The interface's own words, in every supported language.

use crate::lang::Lang;

pub mod record;
mod sharing;
mod typed;

pub use record::{RecordWords, record_words};
pub use sharing::{SharingWords, sharing_words};
pub use typed::{TypedWords, typed_words};

/// Every fixed piece of text the front ends show.
#[derive(Debug)]
pub struct Words {
    /// Asked after a self-help step.
    pub did_that_fix_it: &'static str,
    /// The "it worked" answer to a step.
    pub fixed: &'static str,
    /// The "it did not work" answer to a step.
    pub not_fixed: &'static str,
    /// Heading over a question's help text.
    pub help: &'static str,
    /// Heading over what an agent says to the caller.
    pub say: &'static str,
    /// Heading over numbered instructions.
    pub steps: &'static str,
    /// Heading: who to contact.
    pub who: &'static str,
    /// Heading: what to ask them for.
    pub ask: &'static str,
    /// Heading: what to have ready.
    pub ready: &'static str,
    /// Heading over an ending's links.
    pub links: &'static str,
    /// Heading over the links every ending offers.
    pub further_reading: &'static str,
    /// Label of a remedy ending.
    pub remedy: &'static str,
    /// Label of a contact ending.
    pub contact: &'static str,
    /// Label of a solved ending.
    pub solved: &'static str,
    /// Label of a question.
    pub question: &'static str,
    /// Label of a step.
    pub step: &'static str,
    /// Label of a question answered by typing.
    pub input: &'static str,
    /// Heading on a contact ending over what the user typed on the way.
    pub give_them_this: &'static str,
    /// An input question answered with nothing typed, in the path.
    pub nothing_typed: &'static str,
    /// A graph's edge from an input question when no pattern matches.
    pub otherwise: &'static str,
    /// Label before the breadcrumbs.
    pub path: &'static str,
    /// Shown at an ending, full-screen.
    pub ending_keys: &'static str,
    /// Key hints under a question, full-screen.
    pub question_keys: &'static str,
    /// Key hints at a question answered by typing, full-screen.
    pub input_keys: &'static str,
    /// Full-screen agent mode at a question answered by typing: the extra key hints.
    pub agent_input_hints: &'static str,
    /// Lines of the help overlay at a question answered by typing: key, what it does.
    pub input_help_lines: &'static [(&'static str, &'static str)],
    /// Shown when the window is too small.
    pub too_small: &'static str,
    /// Shown when the body continues above the visible part.
    pub more_above: &'static str,
    /// Shown when the body continues below the visible part.
    pub more_below: &'static str,
    /// Shown when the body continues both above and below the visible part.
    pub more_both: &'static str,
    /// The last line of the help overlay.
    pub help_close: &'static str,
    /// Live preview: the edited flow was loaded.
    pub watch_reloaded: &'static str,
    /// Live preview: the edited flow has errors (followed by one line per error).
    pub watch_invalid: &'static str,
    /// Title of the help overlay.
    pub help_title: &'static str,
    /// Lines of the help overlay: key, what it does.
    pub help_lines: &'static [(&'static str, &'static str)],
    /// Plain mode: the prompt, before the option range.
    pub plain_prompt: &'static str,
    /// Plain mode: what `b`, `r`, `q` do, after the option range.
    pub plain_prompt_keys: &'static str,
    /// Plain mode: the prompt at a question answered by typing, before the keys.
    pub plain_type_prompt: &'static str,
    /// Plain mode: how to type an answer that is a command's letter, after the keys.
    pub plain_type_quotes: &'static str,
    /// A typed answer was longer than the session keeps.
    pub typed_cut: &'static str,
    /// Plain mode: at the first question, where `b` does nothing.
    pub plain_at_start: &'static str,
    /// Plain mode: an answer that is not understood.
    pub plain_not_understood: &'static str,
    /// Printed when the user quits before an ending, followed by how to come back.
    pub quit_before_ending: &'static str,
    /// Printed when input ends before an ending, followed by how to come back.
    pub input_ended: &'static str,
    /// How to come back when the wizard runs on the user's own machine.
    pub run_again: &'static str,
    /// How to come back when the wizard is served over SSH.
    pub connect_again: &'static str,
    /// Printed at the end of a walk in plain mode.
    pub plain_finished: &'static str,
    /// A jump in the path, before where it went.
    pub jumped_to: &'static str,
    /// Agent mode: label before what to say to the caller.
    pub agent_say: &'static str,
    /// Agent mode: label before the call's elapsed time.
    pub agent_call_time: &'static str,
    /// Agent mode: heading over the path so far.
    pub agent_path: &'static str,
    /// Heading over the notes.
    pub notes: &'static str,
    /// Agent mode: the extra commands, after the prompt's keys.
    pub agent_keys: &'static str,
    /// A note was added.
    pub note_added: &'static str,
    /// `n` without text.
    pub note_empty: &'static str,
    /// Heading over search results, before the query.
    pub search_results: &'static str,
    /// No search results, before the query.
    pub search_none: &'static str,
    /// Asks which search result to jump to.
    pub search_pick: &'static str,
    /// A jump to where the user already is.
    pub already_there: &'static str,
    /// A transcript was written, before its file name.
    pub transcript_saved: &'static str,
    /// Before the time of a saved unfinished session.
    pub resume_found: &'static str,
    /// After that time: asks whether to resume.
    pub resume_question: &'static str,
    /// A session was resumed, before its start time.
    pub resumed: &'static str,
    /// Asks whether to start over when a session cannot be resumed.
    pub start_over_question: &'static str,
    /// An unfinished session was put aside, before its file name.
    pub set_aside: &'static str,
    /// Notes of an earlier session came along into the new one.
    pub notes_carried: &'static str,
    /// Quit with notes: before the file that keeps them.
    pub notes_kept: &'static str,
    /// After a file name that was not overwritten.
    pub exists_already: &'static str,
    /// Full-screen agent mode: the extra key hints, shown before "? help · q quit".
    pub agent_hints: &'static str,
    /// Title of the note editor.
    pub note_title: &'static str,
    /// The note editor's keys.
    pub note_keys: &'static str,
    /// Enter in an empty note editor.
    pub note_refused: &'static str,
    /// Title of the search box.
    pub search_title: &'static str,
    /// The search box's keys.
    pub search_keys: &'static str,
    /// The search box before anything is typed.
    pub search_start: &'static str,
    /// After a jump: how to undo it.
    pub jump_undo: &'static str,
    /// The transcript was sent to the clipboard.
    pub copied: &'static str,
    /// The answers to a yes/no question that mean yes (lower case).
    pub yes_words: &'static [&'static str],
    /// The answers to a yes/no question that mean no (lower case).
    pub no_words: &'static [&'static str],
    /// After an answer to a yes/no question that is neither.
    pub yes_or_no: &'static str,
    /// Plain mode, after a reply that is no answer: the start of what to type instead.
    pub plain_number_from: &'static str,
    /// Plain mode, after a reply that is no answer: the letters that also work.
    pub plain_or_letters: &'static str,
    /// The transcript cannot be sent to the clipboard here.
    pub copy_impossible: &'static str,
    /// Under links whose address was too long for the screen and is shown shortened.
    pub link_shortened: &'static str,
    /// Heading over notes written at steps that are no longer on the path.
    pub other_notes: &'static str,
    /// After a signal or a terminal failure: that the session is saved, before the
    /// command that continues it (the program's own words for it).
    pub resume_with: &'static str,
    /// A paste longer than an input box takes was cut.
    pub paste_cut: &'static str,
    /// A paste with no input box open: where pasting goes.
    pub paste_where: &'static str,
}

const ENGLISH: Words = Words {
    did_that_fix_it: "Did that fix it?",
    fixed: "Yes, that fixed it",
    not_fixed: "No, it still does not work",
    help: "Help",
    say: "Say to the caller",
    steps: "Steps",
    who: "Who to contact",
    ask: "What to ask for",
    ready: "Have this ready",
    links: "More information",
    further_reading: "Further reading",
    remedy: "What to do",
    contact: "Contact someone",
    solved: "Solved",
    question: "Question",
    step: "Try this",
    input: "Type your answer",
    give_them_this: "Give them this",
    nothing_typed: "(nothing typed)",
    otherwise: "otherwise",
    path: "Your answers",
    ending_keys: "r start again · b back · ? help · q quit",
    question_keys: "1-9 pick · ↑↓ move · Enter choose · b back · r restart · ? help · q quit",
    input_keys: "type or paste · Enter continue · Esc back · F1 help · Ctrl-C quit",
    agent_input_hints: "F2 note · F3 search",
    input_help_lines: &[
        ("letters, digits", "are typed into the box (q and b too)"),
        ("← → Home End", "move in the box"),
        (
            "Backspace Delete",
            "erase; Backspace in an empty box goes back",
        ),
        (
            "Enter",
            "continue with what is typed; an empty box or a code one character off a known one is asked about once first",
        ),
        (
            "Esc",
            "go back one answer (or jump); after \"Did you mean\": go on with what you typed",
        ),
        ("↑ ↓ PgUp PgDn", "scroll long text"),
        ("F2", "write a note on this step"),
        (
            "F3",
            "search every question, step and ending, and jump there",
        ),
        ("F1 ?", "show or hide this help (? only in an empty box)"),
        ("Ctrl-C", "quit at once"),
    ],
    too_small: "Make the window larger",
    more_above: "↑ more above (PgUp)",
    more_below: "↓ more below (PgDn)",
    more_both: "↑↓ more above and below (PgUp PgDn)",
    help_close: "↑↓ PgUp PgDn scroll; any other key closes this help",
    watch_reloaded: "Flow reloaded from disk.",
    watch_invalid: "The edited flow has errors; still showing the last good version:",
    help_title: "Keys",
    help_lines: &[
        ("1-9", "pick that answer"),
        ("↑ ↓ j k", "move between answers"),
        ("Enter", "choose the marked answer"),
        ("Backspace b", "go back one answer (or jump)"),
        ("r", "start again from the first question"),
        ("PgUp PgDn", "scroll long text"),
        ("n", "write a note on this step"),
        (
            "/",
            "search every question, step and ending, and jump there",
        ),
        ("s", "save a transcript now"),
        ("y", "copy the transcript to the clipboard"),
        ("?", "show or hide this help"),
        ("q Esc", "quit"),
        ("Ctrl-C", "quit at once"),
    ],
    plain_prompt: "Type a number",
    plain_prompt_keys: "b = back, r = start again, q = quit",
    plain_type_prompt: "Type or paste your answer and press Enter (an empty line if there is nothing to type);",
    plain_type_quotes: "To answer with one of those letters, put it in quotes, like \"b\"",
    typed_cut: "Only the first 1,000 characters are kept.",
    plain_at_start: "This is the first question; there is nothing to go back to.",
    plain_not_understood: "Not understood.",
    plain_number_from: "Type a number from 1 to",
    plain_or_letters: "or b, r or q",
    quit_before_ending: "Stopped before reaching an answer.",
    input_ended: "Input ended before reaching an answer.",
    run_again: "Run signin-doctor again to start over.",
    connect_again: "Connect again (the same ssh command) to start over.",
    plain_finished: "End of the wizard.",
    jumped_to: "Jumped to",
    agent_say: "Say",
    agent_call_time: "Call time",
    agent_path: "Path so far",
    notes: "Notes",
    agent_keys: "n TEXT = note, s = save transcript, /WORD = search",
    note_added: "Note added.",
    note_empty: "Type the note after n, for example: n caller has a new phone",
    search_results: "Matches for",
    search_none: "No matches for",
    search_pick: "Type a number to jump there, or press Enter to stay",
    already_there: "You are already there.",
    transcript_saved: "Transcript saved to",
    resume_found: "An unfinished session from",
    resume_question: "was found. Resume it? (y/n)",
    resumed: "Resumed the session started at",
    start_over_question: "Start over? (y/n)",
    set_aside: "The earlier session was kept in",
    notes_carried: "The notes of the earlier session were carried over.",
    notes_kept: "Your notes are kept in",
    exists_already: "exists already",
    agent_hints: "n note · / search · s save · y copy",
    note_title: "Note on this step",
    note_keys: "Enter save · Esc cancel",
    note_refused: "The note is empty: type something, or press Esc to cancel.",
    search_title: "Search and jump",
    search_keys: "↑↓ select · Enter jump · Esc close",
    search_start: "Type words to search every question, step and ending, in English and Dutch.",
    jump_undo: "b goes back",
    copied: "Copied the transcript to the clipboard (if your terminal allows it).",
    yes_words: &["y", "yes"],
    no_words: &["n", "no"],
    yes_or_no: "Please answer y (yes) or n (no).",
    copy_impossible: "Cannot copy to the clipboard here (not a terminal that takes OSC 52); press s to save the transcript to a file.",
    link_shortened: "An address with … is shortened: y copies it in full, with the transcript.",
    other_notes: "Notes at other steps",
    resume_with: "The session is saved; continue it with:",
    paste_cut: "The pasted text was cut at 10,000 characters, the most a note or search takes.",
    paste_where: "Pasted text goes into a note or the search box: press n or / first.",
};

const DUTCH: Words = Words {
    did_that_fix_it: "Is het probleem daarmee opgelost?",
    fixed: "Ja, het is opgelost",
    not_fixed: "Nee, het werkt nog steeds niet",
    help: "Uitleg",
    say: "Zeg tegen de beller",
    steps: "Stappen",
    who: "Met wie u contact opneemt",
    ask: "Waar u om vraagt",
    ready: "Houd dit bij de hand",
    links: "Meer informatie",
    further_reading: "Verder lezen",
    remedy: "Wat u kunt doen",
    contact: "Neem contact op",
    solved: "Opgelost",
    question: "Vraag",
    step: "Probeer dit",
    input: "Typ uw antwoord",
    give_them_this: "Geef dit door",
    nothing_typed: "(niets ingetypt)",
    otherwise: "anders",
    path: "Uw antwoorden",
    ending_keys: "r opnieuw beginnen · b terug · ? uitleg · q stoppen",
    question_keys: "1-9 kiezen · ↑↓ selecteren · Enter bevestigen · b terug · r opnieuw · ? uitleg · q stoppen",
    input_keys: "typ of plak · Enter verder · Esc terug · F1 uitleg · Ctrl-C stoppen",
    agent_input_hints: "F2 notitie · F3 zoeken",
    input_help_lines: &[
        ("letters, cijfers", "worden in het vak getypt (ook q en b)"),
        ("← → Home End", "door het vak bewegen"),
        (
            "Backspace Delete",
            "wissen; Backspace in een leeg vak gaat terug",
        ),
        (
            "Enter",
            "verder met wat er staat; bij een leeg vak, of een code die één teken afwijkt van een bekende code, wordt eerst één keer iets gevraagd",
        ),
        (
            "Esc",
            "één antwoord of sprong teruggaan; na \"Bedoelt u\": verder met wat u hebt ingetypt",
        ),
        ("↑ ↓ PgUp PgDn", "door lange tekst scrollen"),
        ("F2", "een notitie bij deze stap schrijven"),
        (
            "F3",
            "alle vragen, stappen en uitkomsten doorzoeken en erheen springen",
        ),
        (
            "F1 ?",
            "deze uitleg tonen of verbergen (? alleen in een leeg vak)",
        ),
        ("Ctrl-C", "meteen stoppen"),
    ],
    too_small: "Maak het venster groter",
    more_above: "↑ meer hierboven (PgUp)",
    more_below: "↓ meer hieronder (PgDn)",
    more_both: "↑↓ meer hierboven en hieronder (PgUp PgDn)",
    help_close: "↑↓ PgUp PgDn scrollen; elke andere toets sluit deze uitleg",
    watch_reloaded: "De flow is opnieuw van schijf geladen.",
    watch_invalid: "De bewerkte flow bevat fouten; de laatste goede versie blijft zichtbaar:",
    help_title: "Toetsen",
    help_lines: &[
        ("1-9", "dat antwoord kiezen"),
        ("↑ ↓ j k", "naar een ander antwoord gaan"),
        ("Enter", "het gemarkeerde antwoord kiezen"),
        ("Backspace b", "één antwoord of sprong teruggaan"),
        ("r", "opnieuw beginnen bij de eerste vraag"),
        ("PgUp PgDn", "door lange tekst scrollen"),
        ("n", "een notitie bij deze stap schrijven"),
        (
            "/",
            "alle vragen, stappen en uitkomsten doorzoeken en erheen springen",
        ),
        ("s", "nu een verslag opslaan"),
        ("y", "het verslag naar het klembord kopiëren"),
        ("?", "deze uitleg tonen of verbergen"),
        ("q Esc", "stoppen"),
        ("Ctrl-C", "meteen stoppen"),
    ],
    plain_prompt: "Typ een nummer",
    plain_prompt_keys: "b = terug, r = opnieuw beginnen, q = stoppen",
    plain_type_prompt: "Typ of plak uw antwoord en druk op Enter (een lege regel als er niets te typen is);",
    plain_type_quotes: "Wilt u een van die letters als antwoord geven, zet die dan tussen aanhalingstekens, zoals \"b\"",
    typed_cut: "Alleen de eerste 1000 tekens worden bewaard.",
    plain_at_start: "Dit is de eerste vraag; u kunt niet verder terug.",
    plain_not_understood: "Dat begrijp ik niet.",
    plain_number_from: "Typ een nummer van 1 tot en met",
    plain_or_letters: "of b, r of q",
    quit_before_ending: "Gestopt voordat er een oplossing was gevonden.",
    input_ended: "De invoer stopte voordat er een oplossing was gevonden.",
    run_again: "Start signin-doctor om opnieuw te beginnen.",
    connect_again: "Maak opnieuw verbinding (met hetzelfde ssh-commando) om opnieuw te beginnen.",
    plain_finished: "De probleemoplosser is klaar.",
    jumped_to: "Gesprongen naar",
    agent_say: "Zeg",
    agent_call_time: "Gespreksduur",
    agent_path: "Tot nu toe",
    notes: "Notities",
    agent_keys: "n TEKST = notitie, s = verslag opslaan, /WOORD = zoeken",
    note_added: "Notitie toegevoegd.",
    note_empty: "Typ de notitie na n, bijvoorbeeld: n beller heeft een nieuwe telefoon",
    search_results: "Resultaten voor",
    search_none: "Geen resultaten voor",
    search_pick: "Typ een nummer om daarheen te springen, of druk op Enter om te blijven",
    already_there: "Daar bent u al.",
    transcript_saved: "Verslag opgeslagen in",
    resume_found: "Er is een onvoltooide sessie van",
    resume_question: "gevonden. Wilt u die hervatten? (j/n)",
    resumed: "Hervat: de sessie die begon op",
    start_over_question: "Opnieuw beginnen? (j/n)",
    set_aside: "De eerdere sessie is bewaard in",
    notes_carried: "De notities van de eerdere sessie zijn meegenomen.",
    notes_kept: "Uw notities zijn bewaard in",
    exists_already: "bestaat al",
    agent_hints: "n notitie · / zoeken · s opslaan · y kopiëren",
    note_title: "Notitie bij deze stap",
    note_keys: "Enter opslaan · Esc annuleren",
    note_refused: "De notitie is leeg: typ iets, of druk op Esc om te annuleren.",
    search_title: "Zoeken en springen",
    search_keys: "↑↓ kiezen · Enter springen · Esc sluiten",
    search_start: "Typ woorden om alle vragen, stappen en uitkomsten te doorzoeken, in het Nederlands en het Engels.",
    jump_undo: "b gaat terug",
    copied: "Het verslag is naar het klembord gekopieerd (als uw terminal dat toestaat).",
    yes_words: &["j", "ja"],
    no_words: &["n", "nee"],
    yes_or_no: "Antwoord met j (ja) of n (nee).",
    copy_impossible: "Kopiëren naar het klembord kan hier niet (geen terminal die OSC 52 aanneemt); druk op s om het verslag in een bestand op te slaan.",
    link_shortened: "Een adres met … is ingekort: y kopieert het volledig, met het verslag.",
    other_notes: "Notities bij andere stappen",
    resume_with: "De sessie is bewaard; ga verder met:",
    paste_cut: "De geplakte tekst is afgekapt op 10.000 tekens, het maximum voor een notitie of zoekopdracht.",
    paste_where: "Geplakte tekst gaat in een notitie of het zoekvak: druk eerst op n of /.",
};

/// The interface's words in `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Nl => &DUTCH,
    }
}

impl Words {
    /// What a reply to a yes/no question means: `None` when it is neither a yes nor a no
    /// word of this language.
    pub fn yes_or_no_reply(&self, reply: &str) -> Option<bool> {
        let reply = reply.trim().to_lowercase();
        if self.yes_words.contains(&reply.as_str()) {
            Some(true)
        } else if self.no_words.contains(&reply.as_str()) {
            Some(false)
        } else {
            None
        }
    }

    /// Plain mode's answer to a reply that is no answer, at a page with `options` answers:
    /// what to type instead, and the `extra` commands (agent mode's, ", n TEXT = note, …").
    pub fn not_understood(&self, options: usize, extra: &str) -> String {
        let extra = extra.strip_prefix(", ").unwrap_or(extra);
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!("; {extra}")
        };
        format!(
            "{} {} {options}, {}{extra}.",
            self.plain_not_understood, self.plain_number_from, self.plain_or_letters
        )
    }

    /// How to come back after leaving before an ending: run the program again, or,
    /// served over SSH (`remote`), connect again.
    pub fn come_back(&self, remote: bool) -> &'static str {
        if remote {
            self.connect_again
        } else {
            self.run_again
        }
    }
}
