//! Plain mode: the wizard as lines of text, for screen readers, pipes and scripts.
//!
//! Each page is printed once, options as `N) label`; one line of input answers it.
//! No colour, no cursor movement, no redraw.
//!
//! In agent mode (`--agent`) each page starts with the call time, the path so far
//! (question → answer), the notes and `Say: "…"`, and three more commands are understood:
//! `n TEXT` adds a note to the current step, `/WORDS` searches every text of the flow in
//! every language and offers to jump to a match, `s` saves a transcript now.

// The crates below, under the names this crate's modules use (`crate::session`…).
use signin_doctor_core::{clock, core, error, exit, flow, i18n, lang, page, sanitize, session};

use std::io::{self, BufRead, Write};

use crate::core::hand_off::CodeGiver;
use crate::core::search::search;
use crate::core::typed_answer::{Asker, Entered, TypedAnswer};
use crate::core::{End, Notice, RecordKeeper};
use crate::flow::Kind;
use crate::i18n::{Words, words};
use crate::lang::Lang;
use crate::page::{Body, Page};
use crate::sanitize::clean_line;
use crate::session::{MAX_TYPED_CHARS, Session, SessionError};

mod agent;
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
    /// Served to a partner: `h` gives a hand-off code for a helpdesk agent.
    pub hand_off: Option<std::sync::Arc<dyn CodeGiver>>,
    /// Served over SSH to another machine: problems are shown on the output (this
    /// process's stderr is the server's), and the closing lines say to connect again.
    pub remote: bool,
    /// Input comes from a terminal: its end means the terminal went away (the session is
    /// kept for `--resume`), not that a script is done.
    pub terminal: bool,
}

/// What plain mode tells the record keeping after each change and on "save now";
/// [`RecordKeeper`] is the real one, [`NoHooks`] keeps nothing.
pub trait Hooks {
    /// The session changed (an answer, back, restart, jump or note).
    fn changed(&mut self, session: &Session) -> Vec<Notice>;
    /// The user asked to save a transcript now.
    fn save_transcript(&mut self, session: &Session) -> Vec<Notice>;
    /// The partner asked for a hand-off code, which `giver` gives.
    fn hand_off(&mut self, session: &Session, giver: &dyn CodeGiver) -> Vec<Notice>;
}

impl Hooks for RecordKeeper {
    fn changed(&mut self, session: &Session) -> Vec<Notice> {
        RecordKeeper::changed(self, session).into_iter().collect()
    }

    fn save_transcript(&mut self, session: &Session) -> Vec<Notice> {
        RecordKeeper::save_transcript(self, session)
    }

    fn hand_off(&mut self, session: &Session, giver: &dyn CodeGiver) -> Vec<Notice> {
        let words = crate::i18n::sharing_words(self.lang());
        vec![match giver.give(session, self) {
            Ok(code) => Notice::info(format!(
                "{} {}",
                words.code_line(&code),
                words.plain_code_then
            )),
            Err(why) => Notice::error(why),
        }]
    }
}

/// Hooks that keep nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoHooks;

impl Hooks for NoHooks {
    fn changed(&mut self, _: &Session) -> Vec<Notice> {
        Vec::new()
    }

    fn save_transcript(&mut self, _: &Session) -> Vec<Notice> {
        Vec::new()
    }

    fn hand_off(&mut self, _: &Session, _: &dyn CodeGiver) -> Vec<Notice> {
        Vec::new()
    }
}

/// Runs the wizard on `input` and `output` until an ending is printed, the user quits,
/// or input ends, and says how the walk ended. The session is left where the walk
/// stopped, for the caller to record.
pub fn run(
    session: &mut Session,
    lang: Lang,
    options: Options,
    mut input: impl BufRead,
    mut output: impl Write,
    hooks: &mut dyn Hooks,
) -> io::Result<End> {
    let words = words(lang);
    let mut line = String::new();
    let mut show_page = true;
    let mut typed_answer = TypedAnswer::default();
    writeln!(output, "{}", clean_line(session.flow().title().get(lang)))?;
    loop {
        let mut page = Page::of(session, lang);
        if show_page {
            if options.agent {
                let header = agent::header(session, &page, lang, words, crate::clock::now());
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
        let commands = Commands {
            agent: options.agent,
            hand_off: options.hand_off.is_some(),
        };
        let mut extra = String::new();
        if options.agent {
            extra += &format!(", {}", words.agent_keys);
        }
        if commands.hand_off {
            extra += &format!(", {}", crate::i18n::sharing_words(lang).plain_hand_off_keys);
        }
        let typing = page.kind == Kind::Input;
        let asking = typed_answer.asking(session).filter(|_| typing).cloned();
        if let Some(confirm) = &asking {
            writeln!(output, "{}", confirm.prompt(lang, Asker::Lines))?;
        } else if typing {
            writeln!(
                output,
                "{} {}{extra}. {}:",
                words.plain_type_prompt, words.plain_prompt_keys, words.plain_type_quotes
            )?;
        } else {
            writeln!(
                output,
                "{} (1-{}), {}{extra}:",
                words.plain_prompt,
                page.options.len(),
                words.plain_prompt_keys
            )?;
        }
        output.flush()?;
        if !read(&mut input, &mut line)? {
            return input_ended(&mut output, words, &options);
        }
        show_page = true;
        let reply = if let Some(reply) = typed::reply_to(asking.as_ref(), &line) {
            reply
        } else if typing {
            parse_typed(&line, commands)
        } else {
            parse_reply(&line, page.options.len(), commands)
        };
        let notices = match reply {
            Reply::Pick(answer) => {
                session
                    .choose(answer)
                    .expect("the reply was checked against the page's options");
                hooks.changed(session)
            }
            Reply::Typed(text) => {
                if text.chars().count() > MAX_TYPED_CHARS {
                    writeln!(output, "{}", words.typed_cut)?;
                }
                let entered = typed_answer
                    .enter(session, &text)
                    .expect("only an input question's page is answered by typing");
                if let Entered::Asking(_) = entered {
                    show_page = false;
                    Vec::new()
                } else {
                    hooks.changed(session)
                }
            }
            Reply::Decline => {
                typed_answer.decline(session);
                hooks.changed(session)
            }
            Reply::Back if session.back() => hooks.changed(session),
            Reply::Back => {
                writeln!(output, "{}", words.plain_at_start)?;
                show_page = false;
                Vec::new()
            }
            Reply::Restart => {
                session.restart();
                hooks.changed(session)
            }
            Reply::Quit => {
                let again = words.come_back(options.remote);
                writeln!(output, "{} {again}", words.quit_before_ending)?;
                return Ok(End::Quit);
            }
            Reply::Note(text) => {
                show_page = false;
                match session.add_note(&text) {
                    Ok(()) => {
                        writeln!(output, "{}", crate::core::note_added(session, lang))?;
                        hooks.changed(session)
                    }
                    Err(_) => {
                        writeln!(output, "{}", words.note_empty)?;
                        Vec::new()
                    }
                }
            }
            Reply::EmptyNote => {
                writeln!(output, "{}", words.note_empty)?;
                show_page = false;
                Vec::new()
            }
            Reply::Save => {
                show_page = false;
                hooks.save_transcript(session)
            }
            Reply::HandOff => {
                show_page = false;
                match &options.hand_off {
                    Some(giver) => hooks.hand_off(session, giver.as_ref()),
                    None => Vec::new(),
                }
            }
            Reply::Search(query) => {
                match find_and_jump(session, lang, &query, &mut input, &mut output)? {
                    Some(true) => hooks.changed(session),
                    Some(false) => {
                        show_page = false;
                        Vec::new()
                    }
                    None => return input_ended(&mut output, words, &options),
                }
            }
            Reply::Unknown => {
                writeln!(
                    output,
                    "{}",
                    words.not_understood(page.options.len(), &extra)
                )?;
                Vec::new()
            }
        };
        start::show_where(&mut output, &notices, options.remote)?;
    }
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

/// Reads one line into `line`; `false` when input has ended.
fn read(input: &mut impl BufRead, line: &mut String) -> io::Result<bool> {
    line.clear();
    Ok(input.read_line(line)? > 0)
}

/// Lists the matches for `query` and jumps to the one picked. Returns whether it jumped,
/// or `None` if input ended.
fn find_and_jump(
    session: &mut Session,
    lang: Lang,
    query: &str,
    input: &mut impl BufRead,
    output: &mut impl Write,
) -> io::Result<Option<bool>> {
    let words = words(lang);
    let hits = search(session.flow(), query, lang);
    output.write_all(agent::results(&hits, query, lang, words).as_bytes())?;
    if hits.is_empty() {
        return Ok(Some(false));
    }
    writeln!(output, "{}:", words.search_pick)?;
    output.flush()?;
    let mut line = String::new();
    if !read(input, &mut line)? {
        return Ok(None);
    }
    let shown = hits.len().min(agent::MAX_HITS);
    let Some(hit) = line
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=shown).contains(n))
        .map(|n| &hits[n - 1])
    else {
        return Ok(Some(false));
    };
    match session.jump(hit.node) {
        Ok(_) => Ok(Some(true)),
        Err(SessionError::AlreadyThere) => {
            writeln!(output, "{}", words.already_there)?;
            Ok(Some(false))
        }
        Err(error) => {
            writeln!(output, "{error}")?;
            Ok(Some(false))
        }
    }
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
