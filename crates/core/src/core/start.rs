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
use crate::exit::{RUNTIME_ERROR, USAGE_OR_INVALID_FLOW};
use crate::i18n::words;
use crate::lang::Lang;
use crate::sanitize::clean_line;
use crate::session::Session;

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

/// Why the wizard cannot start.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum StartError {
    /// The records cannot be kept as asked (e.g. `--transcript` names a folder).
    #[error("{0}")]
    Records(String),
    /// Every unfinished session is in use by another process.
    #[error(
        "--resume: every unfinished session is in use by another program (see above); \
         finish the call there, or start without --resume."
    )]
    AllInUse,
    /// A hand-off code cannot be used, or its session cannot be taken over now.
    #[error("{0}")]
    HandOff(String),
    /// The saved session no longer fits the flow and nobody chose to start over.
    #[error(
        "The saved session is kept in {}. Run signin-doctor without --resume in a terminal \
         to start over.",
        path.display()
    )]
    NotResumed {
        /// The save file, left as it was.
        path: PathBuf,
    },
}

impl StartError {
    /// The exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            StartError::Records(_) => USAGE_OR_INVALID_FLOW,
            StartError::AllInUse | StartError::NotResumed { .. } | StartError::HandOff(_) => {
                RUNTIME_ERROR
            }
        }
    }
}

/// Decides between `fresh` and a resumed session, asking through `prompt` when the
/// options allow; returns the session, its language and its records.
pub fn begin(
    fresh: Session,
    lang: Lang,
    options: &StartOptions,
    prompt: &mut dyn Prompt,
) -> Result<Started, StartError> {
    let records = &options.records;
    records.check().map_err(StartError::Records)?;
    let flow = fresh.shared_flow();
    let new = |session: Session, lang| Started {
        records: RecordKeeper::new(records.clone(), lang, &session),
        session,
        lang,
    };
    if let Some(code) = &options.hand_off {
        let root = records.state_dir.as_deref().ok_or_else(|| {
            StartError::HandOff(
                "there is no folder for saved sessions to find the code in; give the \
                 server's --state-dir"
                    .into(),
            )
        })?;
        let lang = options.lang.unwrap_or(lang);
        let started = super::hand_off::take_over(
            flow,
            root,
            code,
            records.clone(),
            lang,
            crate::clock::now(),
        )?;
        prompt.tell(&[Notice::info(format!(
            "{} {}.",
            crate::i18n::sharing_words(lang).taken_over,
            local_minute(started.session.started())
        ))]);
        return Ok(started);
    }
    let Some(dir) = records.state_dir.as_deref() else {
        return Ok(new(fresh, lang));
    };
    let expired = crate::autosave::expire(dir, records.keep_days);
    if expired > 0 {
        prompt.tell(&[Notice::error(format!(
            "removed {expired} set-aside session(s) older than {} days from {} (--keep-days).",
            records.keep_days,
            dir.display()
        ))]);
    }
    let (found, unreadable) = find_unfinished(dir, flow.id());
    let ignored: Vec<Notice> = unreadable
        .iter()
        .map(|file| {
            Notice::error(format!(
                "ignoring the saved session {} (it cannot be read: {})",
                file.path.display(),
                file.reason
            ))
        })
        .collect();
    prompt.tell(&ignored);
    let any_found = !found.is_empty();
    let Some((latest, lock)) = first_free(found, prompt) else {
        if options.resume && any_found {
            return Err(StartError::AllInUse);
        }
        if options.resume {
            prompt.tell(&[Notice::error(format!(
                "there is no unfinished session to resume in {}; starting a new one.",
                dir.display()
            ))]);
        }
        return Ok(new(fresh, lang));
    };
    if !options.resume && !options.interactive {
        return Ok(new(fresh, lang));
    }
    // Continuing a call goes on in the caller's language, unless the user says otherwise.
    let lang = options.lang.unwrap_or_else(|| latest.saved.lang());
    let w = words(lang);
    if !options.resume {
        let question = format!(
            "{} {} {}",
            w.resume_found,
            local_minute(latest.saved.started),
            w.resume_question
        );
        match prompt.ask(&question, lang) {
            Some(true) => {}
            Some(false) => {
                prompt.tell(&RecordKeeper::give_up(records, lang, &latest));
                lock.remove();
                return Ok(new(fresh, lang));
            }
            None => return Ok(new(fresh, lang)),
        }
    }
    match restore(flow.clone(), &latest.saved) {
        Ok(session) => {
            prompt.tell(&[Notice::info(format!(
                "{} {}.",
                w.resumed,
                local_minute(session.started())
            ))]);
            let records = RecordKeeper::resumed(records.clone(), lang, latest.path.clone(), lock);
            Ok(Started {
                session,
                lang,
                records,
            })
        }
        Err(problem) => {
            prompt.tell(&[report(&problem)]);
            let start_over =
                options.interactive && prompt.ask(w.start_over_question, lang) == Some(true);
            if !start_over {
                return Err(StartError::NotResumed { path: latest.path });
            }
            prompt.tell(&RecordKeeper::give_up(records, lang, &latest));
            lock.remove();
            let session = problem.start_over(flow, crate::clock::now());
            if !session.notes().is_empty() {
                prompt.tell(&[Notice::info(w.notes_carried.to_owned())]);
            }
            let mut started = new(session, lang);
            let saved = started.records.changed(&started.session);
            prompt.tell(&saved.into_iter().collect::<Vec<_>>());
            Ok(started)
        }
    }
}

/// The most recently saved session no other process uses, locked for this one; tells
/// which ones are skipped because another process has them.
fn first_free(found: Vec<Found>, prompt: &mut dyn Prompt) -> Option<(Found, SessionLock)> {
    for candidate in found {
        match SessionLock::acquire(&candidate.path) {
            Ok(lock) => return Some((candidate, lock)),
            Err(error) => prompt.tell(&[Notice::error(format!(
                "the unfinished session {} is skipped: {error}.",
                candidate.path.display()
            ))]),
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
