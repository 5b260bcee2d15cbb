//! Plain mode: the wizard as lines of text, for screen readers, pipes and scripts.
//!
//! Each page is printed once, options as `N) label`; one line of input answers it.
//! No colour, no cursor movement, no redraw.
//!
//! In agent mode (`--agent`) each page starts with the call time, the path so far
//! (question → answer), the notes and `Say: "…"`, and three more commands are understood:
//! `n TEXT` adds a note to the current step, `/WORDS` searches every text of the flow in
//! every language and offers to jump to a match, `s` (or `y`) saves a transcript now —
//! served over SSH, it prints the transcript between marker lines instead.
//!
//! It exports the walk over any lines ([`run`], [`Options`], [`Listen`], [`Heard`]), a
//! whole run on stdin and stdout or a served channel ([`start`]: start-up's questions as
//! lines, the walk, the end, notices as lines) and its error ([`error::Error`]), which
//! the edge words.

// The crates below, under the names this crate's modules use (`crate::session`…).
use signin_doctor_core::{clock, core, flow, i18n, lang, page, sanitize, session};

use std::io::{self, BufRead, Write};

use crate::core::live::{LiveEvent, Presence, Side};
use crate::core::search::search;
use crate::core::typed_answer::Asker;
use crate::core::{Applied, Call, Change, End, Intent, Refusal};
use crate::flow::Kind;
use crate::i18n::{Words, sharing_words, words};
use crate::lang::Lang;
use crate::page::{Body, Page};
use crate::sanitize::clean_line;
use crate::session::Author;

mod agent;
pub mod error;
mod reply;
mod signals;
pub mod start;
mod typed;

use reply::{Commands, Reply, parse_reply, parse_typed};

/// How plain mode runs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Agent mode: what to say, the path so far, the call time, notes, search, save.
    pub agent: bool,
    /// Served over SSH to another machine: problems are shown on the output (this
    /// process's stderr is the server's), and the closing lines say to connect again.
    pub remote: bool,
    /// Input comes from a terminal: its end means the terminal went away (the session is
    /// kept for `--resume`), not that a script is done.
    pub terminal: bool,
}

/// What plain mode hears next: a line the user typed, the end of input, or — in a live
/// shared session — what the other side did.
#[derive(Debug)]
pub enum Heard {
    /// One line, without its line end.
    Line(String),
    /// Input ended.
    Ended,
    /// The other side of a shared session did something.
    Live(LiveEvent),
}

/// Where plain mode's input comes from: any reader of lines, or a served channel that
/// also brings the other side's changes.
pub trait Listen {
    /// Waits for what comes next.
    fn listen(&mut self) -> io::Result<Heard>;
}

impl<R: BufRead> Listen for R {
    fn listen(&mut self) -> io::Result<Heard> {
        let mut line = String::new();
        Ok(match self.read_line(&mut line)? {
            0 => Heard::Ended,
            _ => Heard::Line(line),
        })
    }
}

/// Runs the wizard of `call` on `input` and `output` until an ending is printed, the
/// user quits, or input ends, and says how the walk ended. The call is left where the
/// walk stopped, for the caller to end.
pub fn run(
    call: &mut Call,
    options: &Options,
    input: &mut impl Listen,
    mut output: impl Write,
) -> io::Result<End> {
    let lang = call.lang();
    let words = words(lang);
    let mut show_page = true;
    // The prompt again after a line; not after the other side did something unseen here
    // (the agent's private note), which would be a prompt out of nowhere.
    let mut show_prompt = true;
    writeln!(
        output,
        "{}",
        clean_line(call.session().flow().title().get(lang))
    )?;
    if call.side() == Some(Side::Agent) {
        // Joined live, as the full screen's status line says.
        writeln!(output, "{}", sharing_words(lang).partner_with_you)?;
    }
    loop {
        let caller = call.records().caller_lang();
        let mut page = Page::of(call.session(), lang).for_caller(call.session(), lang, caller);
        if show_page {
            if options.agent {
                let header = agent::header(call.session(), &page, lang, words, crate::clock::now());
                output.write_all(header.as_bytes())?;
                page.breadcrumbs.clear();
            }
            output.write_all(render(&page, words).as_bytes())?;
        }
        if page.kind.is_ending() {
            writeln!(output, "{}", words.plain_finished)?;
            output.flush()?;
            return Ok(End::Finished);
        }
        let partner = call.side() == Some(Side::Partner);
        let commands = Commands {
            agent: options.agent,
            hand_off: partner && !call.agent_present(),
            end_sharing: call.agent_present(),
        };
        let mut extra = String::new();
        if options.agent && options.remote {
            extra += &format!(", {}", crate::i18n::record_words(lang).plain_agent_keys);
        } else if options.agent {
            extra += &format!(", {}", words.agent_keys);
        }
        if commands.hand_off {
            extra += &format!(", {}", sharing_words(lang).plain_hand_off_keys);
        }
        if commands.end_sharing {
            extra += &format!(", {}", sharing_words(lang).plain_end_sharing_keys);
        }
        let typing = page.kind == Kind::Input;
        let asking = call.asking().filter(|_| typing).cloned();
        let prompt = if let Some(confirm) = &asking {
            confirm.prompt(lang, Asker::Lines)
        } else if typing {
            format!(
                "{} {}{extra}. {}:",
                words.plain_type_prompt, words.plain_prompt_keys, words.plain_type_quotes
            )
        } else {
            format!(
                "{} (1-{}), {}{extra}:",
                words.plain_prompt,
                page.options.len(),
                words.plain_prompt_keys
            )
        };
        if show_prompt {
            writeln!(output, "{prompt}")?;
        }
        output.flush()?;
        let line = match input.listen()? {
            Heard::Line(line) => line,
            Heard::Ended => return input_ended(&mut output, words, options),
            Heard::Live(event) => {
                (show_page, show_prompt) = take_live(call, event, &mut output, options)?;
                continue;
            }
        };
        (show_page, show_prompt) = (true, true);
        let reply = if let Some(reply) = typed::reply_to(asking.as_ref(), &line) {
            reply
        } else if typing {
            parse_typed(&line, commands)
        } else {
            parse_reply(&line, page.options.len(), commands)
        };
        let intent = match reply {
            Reply::Pick(answer) => Intent::Pick(answer),
            Reply::Typed(text) => Intent::Type(text),
            Reply::Decline => Intent::Decline,
            Reply::Back => Intent::Back,
            Reply::Restart => Intent::Restart,
            Reply::Note(text) => Intent::Note(text, Author::of_mode(options.agent)),
            Reply::Save => {
                if options.remote {
                    // Over SSH the transcript comes over the connection.
                    let now = crate::clock::now();
                    let shown = agent::transcript_in_band(call.session(), lang, now);
                    output.write_all(shown.as_bytes())?;
                }
                Intent::SaveTranscript
            }
            Reply::HandOff => Intent::HandOff,
            Reply::EndSharing => Intent::EndSharing,
            Reply::Quit => {
                let again = words.come_back(options.remote);
                writeln!(output, "{} {again}", words.quit_before_ending)?;
                return Ok(End::Quit);
            }
            Reply::EmptyNote => {
                writeln!(output, "{}", words.note_empty)?;
                show_page = false;
                continue;
            }
            Reply::Search(query) => match find(call, &query, input, &mut output)? {
                Found::Jump(intent) => intent,
                Found::Nothing => {
                    show_page = false;
                    continue;
                }
                Found::Live(event) => {
                    (show_page, show_prompt) = take_live(call, event, &mut output, options)?;
                    continue;
                }
                Found::Ended => return input_ended(&mut output, words, options),
            },
            Reply::Unknown => {
                writeln!(
                    output,
                    "{}",
                    words.not_understood(page.options.len(), &extra)
                )?;
                continue;
            }
        };
        let applied = call.apply(intent);
        show_page = shows_page(&applied);
        tell(&mut output, &applied, lang, options)?;
    }
}

/// Takes in what the other side did and says what it came to; in agent mode a note the
/// partner wrote without moving is printed, as the page with its notes is not. Gives
/// whether the page is printed again, and whether the prompt is: not when nothing was
/// said (the agent's note, private, reaching the partner).
fn take_live(
    call: &mut Call,
    event: LiveEvent,
    output: &mut impl Write,
    options: &Options,
) -> io::Result<(bool, bool)> {
    let heard = partner_notes(call).count();
    let applied = call.take(event);
    let lang = call.lang();
    tell(output, &applied, lang, options)?;
    let show_page = shows_page(&applied);
    let mut said = show_page || !applied.notices.is_empty();
    said |= !matches!(applied.change, Change::Nothing);
    if options.agent && !show_page {
        let label = crate::i18n::record_words(lang).partner_noted;
        for note in partner_notes(call).skip(heard) {
            writeln!(output, "{label}: {}", clean_line(&note.text))?;
            said = true;
        }
    }
    Ok((show_page, said))
}

/// The notes the partner wrote in `call`, oldest first.
fn partner_notes(call: &Call) -> impl Iterator<Item = &crate::session::Note> {
    let notes = call.session().notes().iter();
    notes.filter(|note| note.author == Author::Partner)
}

/// Whether the page is printed again after `applied`: after a move (the other side's
/// too), not after a note, a question, a refusal or news of the other side.
fn shows_page(applied: &Applied) -> bool {
    applied.moved()
}

/// Says what `applied` came to, as lines: the refusal or the code in plain mode's words,
/// then the call's notices.
fn tell(
    output: &mut impl Write,
    applied: &Applied,
    lang: Lang,
    options: &Options,
) -> io::Result<()> {
    let words = words(lang);
    let sharing = sharing_words(lang);
    match &applied.change {
        Change::Refused(Refusal::AtStart) => writeln!(output, "{}", words.plain_at_start)?,
        Change::Refused(Refusal::EmptyNote) => writeln!(output, "{}", words.note_empty)?,
        Change::Refused(Refusal::AlreadyThere) => writeln!(output, "{}", words.already_there)?,
        Change::Refused(Refusal::NotHere(why)) => {
            let problem = crate::core::Notice::error(why.to_string());
            start::show_where(output, &[problem], options.remote)?;
        }
        Change::Refused(Refusal::HandOff(why)) => {
            let problem = crate::core::Notice::error(why.to_string());
            start::show_where(output, &[problem], options.remote)?;
        }
        Change::CodeGiven(code) => writeln!(
            output,
            "{} {}",
            sharing.code_line(code),
            sharing.plain_code_then
        )?,
        Change::Sharing(Presence::AgentJoined) => {
            writeln!(output, "{}", sharing.plain_agent_with_you)?;
        }
        _ => {}
    }
    start::show_where(output, &applied.notices, options.remote)
}

/// Says that input ended before an ending. The end of a terminal's input is a terminal
/// gone — the session is kept, and the record keeping says how to continue it; the end
/// of piped input (a script, a client that sent all it had) is a quit.
fn input_ended(output: &mut impl Write, words: &Words, options: &Options) -> io::Result<End> {
    if options.terminal {
        // A hung-up terminal ends its input and then fails every write: the end stands.
        let _ = writeln!(output, "{}", words.input_ended);
        return Ok(End::TerminalGone);
    }
    let again = words.come_back(options.remote);
    writeln!(output, "{} {again}", words.input_ended)?;
    Ok(End::Quit)
}

/// What a search came to.
enum Found {
    /// A match was picked: jump there.
    Jump(Intent),
    /// Nothing found or picked.
    Nothing,
    /// The other side changed the session meanwhile (to take in): the search is dropped.
    Live(LiveEvent),
    /// Input ended.
    Ended,
}

/// Lists the matches for `query` and reads which one to jump to.
fn find(
    call: &mut Call,
    query: &str,
    input: &mut impl Listen,
    output: &mut impl Write,
) -> io::Result<Found> {
    let lang = call.lang();
    let words = words(lang);
    let hits = search(call.session().flow(), query, lang);
    output.write_all(agent::results(&hits, query, lang, words).as_bytes())?;
    if hits.is_empty() {
        return Ok(Found::Nothing);
    }
    writeln!(output, "{}:", words.search_pick)?;
    output.flush()?;
    let line = match input.listen()? {
        Heard::Line(line) => line,
        Heard::Ended => return Ok(Found::Ended),
        Heard::Live(event) => return Ok(Found::Live(event)),
    };
    let shown = hits.len().min(agent::MAX_HITS);
    Ok(line
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=shown).contains(n))
        .map_or(Found::Nothing, |n| {
            Found::Jump(Intent::Jump(hits[n - 1].node))
        }))
}

/// The page as plain lines, as plain mode prints it.
pub fn render(page: &Page, words: &Words) -> String {
    let mut out = String::from("\n");
    if !page.breadcrumbs.is_empty() {
        out += &format!("{}: {}\n", words.path, page.breadcrumbs.join(" > "));
    }
    if page.kind.is_ending() {
        out += &format!("{}: {}\n", page.kind.label(words), page.heading);
    } else {
        out += &format!("{}\n", page.heading);
    }
    for section in &page.sections {
        let title = &section.title;
        match &section.body {
            Body::Paragraph(text) if title.is_empty() => out += &format!("{text}\n"),
            Body::Paragraph(text) => out += &format!("{title}: {text}\n"),
            Body::Numbered(items) => {
                out += &format!("{title}:\n");
                for (i, item) in items.iter().enumerate() {
                    out += &format!("  {}. {item}\n", i + 1);
                }
            }
            Body::Bullets(items) => {
                out += &format!("{title}:\n");
                for item in items {
                    out += &format!("  - {item}\n");
                }
            }
            Body::Links(links) => {
                out += &format!("{title}:\n");
                // The address alone on its line, from the left edge: however narrow the
                // terminal, it wraps it as one line, which copies (and triple-clicks) whole.
                for link in links {
                    out += &format!("  - {}:\n{}\n", link.title, link.url);
                }
            }
        }
    }
    if let Some(prompt) = &page.prompt {
        out += &format!("{prompt}\n");
    }
    for (i, option) in page.options.iter().enumerate() {
        out += &format!("{}) {option}\n", i + 1);
    }
    out
}
