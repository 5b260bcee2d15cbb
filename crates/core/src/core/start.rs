//! Start-up: a fresh session, or an unfinished one resumed.
//!
//! With `resume` the most recently saved unfinished session of the flow is continued.
//! Without it, when someone can answer (`interactive`), the user is asked whether to
//! resume it; "no" moves it aside (`*.abandoned.json`) and logs it as abandoned. When
//! nobody can answer (scripts, pipes) saves are left alone unless `resume` is given. A
//! save that no longer fits the flow is reported with what changed and its notes; a
//! person may start over keeping the notes, a script gets an error and the file stays.

use std::path::PathBuf;

use super::{Notice, RecordKeeper, RecordOptions};
use crate::autosave::{Found, ResumeProblem, SessionLock, find_unfinished, restore};
use crate::clock::local_minute;
use crate::i18n::words;
use crate::lang::Lang;
use crate::sanitize::clean_line;
use crate::session::Session;
use crate::transcript::BadTarget;

/// How a session starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartOptions {
    /// Where records go.
    pub records: RecordOptions,
    /// Continue the most recent unfinished session without asking.
    pub resume: bool,
    /// Continue instead the session a partner handed off with this code (agent mode),
    /// from the state folder of [`RecordOptions::state_dir`].
    pub hand_off: Option<String>,
    /// The language the user asked for, if any: it then wins over a resumed session's.
    pub lang: Option<Lang>,
    /// Whether someone can answer a question (stdin is a terminal).
    pub interactive: bool,
}

impl StartOptions {
    /// A start with records kept as `records` says: a fresh session, in the language the
    /// caller gives, with nobody asked. The one way every front end and host builds its
    /// start; the methods below change what differs.
    pub fn new(records: RecordOptions) -> StartOptions {
        StartOptions {
            records,
            resume: false,
            hand_off: None,
            lang: None,
            interactive: false,
        }
    }

    /// Continuing the most recent unfinished session without asking, when `resume`.
    pub fn resume(self, resume: bool) -> StartOptions {
        StartOptions { resume, ..self }
    }

    /// Continuing the session handed off with `code`, if any.
    pub fn hand_off(self, code: Option<String>) -> StartOptions {
        StartOptions {
            hand_off: code,
            ..self
        }
    }

    /// In `lang`, when the user asked for one: it then wins over a resumed session's.
    pub fn lang(self, lang: Option<Lang>) -> StartOptions {
        StartOptions { lang, ..self }
    }

    /// Asking the user whether to resume, when someone can answer (`interactive`).
    pub fn interactive(self, interactive: bool) -> StartOptions {
        StartOptions {
            interactive,
            ..self
        }
    }
}

/// How a front end asks the user during start-up and tells what happened.
pub trait Prompt {
    /// Asks a yes/no question in `lang` until it gets a yes or a no of that language;
    /// `None` when nobody answers (input ended).
    fn ask(&mut self, question: &str, lang: Lang) -> Option<bool>;
    /// Tells the user what happened.
    fn tell(&mut self, notices: &[Notice]);
}

/// A session ready to walk, with its language and its record keeping.
#[derive(Debug)]
pub struct Started {
    /// The fresh or resumed session.
    pub session: Session,
    /// The interface language (a resumed session keeps the caller's).
    pub lang: Lang,
    /// The record keeping of the session.
    pub records: RecordKeeper,
}

/// Why the wizard cannot start: what happened, as data. The edge words it for the user,
/// naming the command-line options that apply (`signin_doctor_cli::error`).
#[derive(Debug, PartialEq, Eq)]
pub enum StartError {
    /// The transcript file the records are to be written to cannot be written.
    Transcript {
        /// The file asked for.
        path: PathBuf,
        /// Why it cannot be written.
        why: BadTarget,
    },
    /// Every unfinished session is in use by another process (told in the notices).
    AllInUse,
    /// A hand-off code was given, but there is no state folder to find its session in.
    NoStateFolder,
    /// A hand-off code cannot be used, or its session cannot be taken over now.
    HandOff(super::hand_off::HandOffError),
    /// The saved session no longer fits the flow and nobody chose to start over.
    NotResumed {
        /// The save file, left as it was.
        path: PathBuf,
    },
}

impl From<super::hand_off::HandOffError> for StartError {
    fn from(error: super::hand_off::HandOffError) -> StartError {
        StartError::HandOff(error)
    }
}

/// One step of start-up: what to tell the user now, and what comes next. A front end
/// that cannot block (a web page) keeps the [`Pending`] question of [`Next::Ask`] and
/// answers it when the user does; [`begin`] drives the steps for a front end that can.
#[derive(Debug)]
pub struct Step {
    /// What to tell the user, in this order, before anything else.
    pub notices: Vec<Notice>,
    /// What comes next.
    pub next: Next,
}

/// What comes after a [`Step`].
// Made once per start-up and moved on at once: boxing the big variants buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Next {
    /// The session is ready to walk.
    Ready(Started),
    /// A yes/no question for the user; answer it with [`Pending::answer`].
    Ask(Pending),
    /// The wizard cannot start.
    Failed(StartError),
}

/// The yes/no questions start-up may ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// "An unfinished session from … was found. Continue it?"
    Resume {
        /// When the saved session started.
        started: jiff::Timestamp,
    },
    /// "Start over, keeping the notes?" after a save that no longer fits the flow.
    StartOver,
}

/// A start-up waiting for the user's yes or no. Holds the lock on the save it asks
/// about, so nobody else takes it meanwhile; dropping it lets the save go untouched.
#[derive(Debug)]
pub struct Pending {
    question: Question,
    lang: Lang,
    waiting: Waiting,
}

/// What a [`Pending`] start-up needs to go on.
#[derive(Debug)]
struct Waiting {
    fresh: Session,
    records: RecordOptions,
    interactive: bool,
    latest: Found,
    lock: SessionLock,
    /// The save's problem, when the question is whether to start over.
    problem: Option<Box<ResumeProblem>>,
}

impl Pending {
    /// What is asked.
    pub fn question(&self) -> Question {
        self.question
    }

    /// The language to ask in (a resumed call goes on in the caller's language).
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The question in the user's words.
    pub fn text(&self) -> String {
        let w = words(self.lang);
        match self.question {
            Question::Resume { started } => format!(
                "{} {} {}",
                w.resume_found,
                local_minute(started),
                w.resume_question
            ),
            Question::StartOver => w.start_over_question.to_owned(),
        }
    }

    /// Goes on with the user's answer: `Some(yes)`, or `None` when nobody answers (input
    /// ended).
    pub fn answer(self, answer: Option<bool>) -> Step {
        let Pending {
            question,
            lang,
            waiting,
        } = self;
        let w = words(lang);
        let Waiting {
            fresh,
            records,
            interactive,
            latest,
            lock,
            problem,
        } = waiting;
        let new = |session: Session| Started {
            records: RecordKeeper::new(records.clone(), lang, &session),
            session,
            lang,
        };
        match (question, answer) {
            (Question::Resume { .. }, Some(true)) => {
                resume(fresh, records, interactive, latest, lock, lang)
            }
            (Question::Resume { .. }, Some(false)) => {
                let notices = RecordKeeper::give_up(&records, lang, &latest);
                lock.remove();
                ready(notices, new(fresh))
            }
            (Question::Resume { .. }, None) => ready(Vec::new(), new(fresh)),
            (Question::StartOver, Some(true)) => {
                let mut notices = RecordKeeper::give_up(&records, lang, &latest);
                lock.remove();
                let problem = problem.expect("a start-over question has its problem");
                let session = problem.start_over(fresh.shared_flow(), crate::clock::now());
                if !session.notes().is_empty() {
                    notices.push(Notice::info(w.notes_carried.to_owned()));
                }
                let mut started = new(session);
                notices.extend(started.records.changed(&started.session));
                ready(notices, started)
            }
            (Question::StartOver, _) => {
                failed(Vec::new(), StartError::NotResumed { path: latest.path })
            }
        }
    }
}

fn ready(notices: Vec<Notice>, started: Started) -> Step {
    Step {
        notices,
        next: Next::Ready(started),
    }
}

fn failed(notices: Vec<Notice>, error: StartError) -> Step {
    Step {
        notices,
        next: Next::Failed(error),
    }
}

/// Decides between `fresh` and a resumed session, asking through `prompt` when the
/// options allow; returns the session, its language and its records. Blocks while
/// `prompt` asks: a front end that cannot block uses [`first_step`].
pub fn begin(
    fresh: Session,
    lang: Lang,
    options: &StartOptions,
    prompt: &mut dyn Prompt,
) -> Result<Started, StartError> {
    let mut step = first_step(fresh, lang, options);
    loop {
        prompt.tell(&step.notices);
        match step.next {
            Next::Ready(started) => return Ok(started),
            Next::Failed(error) => return Err(error),
            Next::Ask(pending) => {
                let answer = prompt.ask(&pending.text(), pending.lang());
                step = pending.answer(answer);
            }
        }
    }
}

/// The first step of start-up, which never blocks: a session ready to walk (`fresh`, a
/// resumed one or one taken over by its hand-off code), a question for the user, or why
/// the wizard cannot start.
pub fn first_step(fresh: Session, lang: Lang, options: &StartOptions) -> Step {
    let records = &options.records;
    if let Err(error) = records.check() {
        return failed(Vec::new(), error);
    }
    let flow = fresh.shared_flow();
    let new = |session: Session, lang| Started {
        records: RecordKeeper::new(records.clone(), lang, &session),
        session,
        lang,
    };
    if let Some(code) = &options.hand_off {
        let Some(root) = records.state_dir.as_deref() else {
            return failed(Vec::new(), StartError::NoStateFolder);
        };
        let lang = options.lang.unwrap_or(lang);
        let now = crate::clock::now();
        let own = crate::handoff::is_partners(root, code);
        return match super::hand_off::take_over(flow, root, code, records.clone(), lang, now) {
            Ok(started) => {
                let words = crate::i18n::sharing_words(lang);
                let told = Notice::info(format!(
                    "{} {}.",
                    if own {
                        words.continued
                    } else {
                        words.taken_over
                    },
                    local_minute(started.session.started())
                ));
                ready(vec![told], started)
            }
            Err(error) => failed(Vec::new(), error),
        };
    }
    let Some(dir) = records.state_dir.as_deref() else {
        return ready(Vec::new(), new(fresh, lang));
    };
    let mut notices = Vec::new();
    let expired = crate::autosave::expire(dir, records.keep_days);
    if expired > 0 {
        let setting = records
            .remedies
            .keep_days
            .map(|setting| format!(" ({setting})"))
            .unwrap_or_default();
        notices.push(Notice::error(format!(
            "removed {expired} set-aside session(s) older than {} days from {}{setting}.",
            records.keep_days,
            dir.display()
        )));
    }
    let (found, unreadable) = find_unfinished(dir, flow.id());
    notices.extend(unreadable.iter().map(|file| {
        Notice::error(format!(
            "ignoring the saved session {} (it cannot be read: {})",
            file.path.display(),
            file.reason
        ))
    }));
    let any_found = !found.is_empty();
    let Some((latest, lock)) = first_free(found, &mut notices) else {
        if options.resume && any_found {
            return failed(notices, StartError::AllInUse);
        }
        if options.resume {
            notices.push(Notice::error(format!(
                "there is no unfinished session to resume in {}; starting a new one.",
                dir.display()
            )));
        }
        return ready(notices, new(fresh, lang));
    };
    if !options.resume && !options.interactive {
        return ready(notices, new(fresh, lang));
    }
    // Continuing a call goes on in the caller's language, unless the user says otherwise.
    let lang = options.lang.unwrap_or_else(|| latest.saved.lang());
    if !options.resume {
        return Step {
            notices,
            next: Next::Ask(Pending {
                question: Question::Resume {
                    started: latest.saved.started,
                },
                lang,
                waiting: Waiting {
                    fresh,
                    records: records.clone(),
                    interactive: options.interactive,
                    latest,
                    lock,
                    problem: None,
                },
            }),
        };
    }
    let mut step = resume(
        fresh,
        records.clone(),
        options.interactive,
        latest,
        lock,
        lang,
    );
    notices.append(&mut step.notices);
    step.notices = notices;
    step
}

/// Restores the save `latest` (locked with `lock`) on the flow of `fresh`: ready, or —
/// when it no longer fits — the problem told and, for a person, whether to start over.
fn resume(
    fresh: Session,
    records: RecordOptions,
    interactive: bool,
    latest: Found,
    lock: SessionLock,
    lang: Lang,
) -> Step {
    let w = words(lang);
    match restore(fresh.shared_flow(), &latest.saved) {
        Ok(session) => {
            let told = Notice::info(format!(
                "{} {}.",
                w.resumed,
                local_minute(session.started())
            ));
            let records = RecordKeeper::resumed(records, lang, latest.path.clone(), lock);
            ready(
                vec![told],
                Started {
                    session,
                    lang,
                    records,
                },
            )
        }
        Err(problem) => {
            let told = vec![report(&problem)];
            if !interactive {
                return failed(told, StartError::NotResumed { path: latest.path });
            }
            Step {
                notices: told,
                next: Next::Ask(Pending {
                    question: Question::StartOver,
                    lang,
                    waiting: Waiting {
                        fresh,
                        records,
                        interactive,
                        latest,
                        lock,
                        problem: Some(problem),
                    },
                }),
            }
        }
    }
}

/// The most recently saved session no other process uses, locked for this one; tells
/// which ones are skipped because another process has them.
fn first_free(found: Vec<Found>, notices: &mut Vec<Notice>) -> Option<(Found, SessionLock)> {
    for candidate in found {
        match SessionLock::acquire(&candidate.path) {
            Ok(lock) => return Some((candidate, lock)),
            Err(error) => notices.push(Notice::error(format!(
                "the unfinished session {} is skipped: {error}.",
                candidate.path.display()
            ))),
        }
    }
    None
}

/// What no longer fits, with the saved notes.
fn report(problem: &ResumeProblem) -> Notice {
    let mut text = format!("{problem}.");
    if !problem.notes.is_empty() {
        text += "\nNotes of the saved session:";
        for note in &problem.notes {
            text += &format!("\n  - [{}] {}", note.node, clean_line(&note.text));
        }
    }
    Notice::error(text)
}

#[cfg(test)]
mod tests;
