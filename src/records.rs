//! What a walk leaves behind — the autosave, transcripts and the outcome log — kept in
//! one place so both front ends do the same: call [`Records::changed`] after every
//! answer, back, restart, jump and note; [`Records::save_transcript`] for "save now";
//! [`Records::finish`] once when the wizard exits.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::atomic_file::write_new_or_next;
use crate::autosave::{Autosave, Found};
use crate::cli::Cli;
use crate::i18n::words;
use crate::lang::Lang;
use crate::outcome_log::{OutcomeRecord, append};
use crate::places::{log_file, state_dir};
use crate::session::Session;
use crate::transcript::{Transcript, Written, default_name, write_to};

/// Where records go, from the command line with the XDG defaults filled in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordOptions {
    /// The folder for saved sessions; `None`: no autosave (no home folder).
    pub state_dir: Option<PathBuf>,
    /// The outcome log; `None`: nothing is logged (no home folder).
    pub log: Option<PathBuf>,
    /// `--transcript FILE`, written on exit and used by "save now".
    pub transcript: Option<PathBuf>,
    /// Agent mode: at an ending without `--transcript`, a Markdown transcript is written
    /// to [`default_name`] in the current folder.
    pub agent: bool,
}

impl RecordOptions {
    /// The options the command line asks for.
    pub fn from_cli(cli: &Cli) -> RecordOptions {
        RecordOptions {
            state_dir: state_dir(cli.state_dir.as_deref()),
            log: log_file(cli.log.as_deref()),
            transcript: cli.transcript.clone(),
            agent: cli.agent,
        }
    }
}

/// A message for the user from the record keeping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// What to show, in the interface language (errors in English, like other errors).
    pub text: String,
    /// Whether something went wrong (show it as an error, on stderr in plain mode).
    pub error: bool,
}

impl Notice {
    fn info(text: String) -> Notice {
        Notice { text, error: false }
    }

    fn error(text: String) -> Notice {
        Notice { text, error: true }
    }
}

/// The record keeping of one session.
#[derive(Debug)]
pub struct Records {
    options: RecordOptions,
    lang: Lang,
    autosave: Option<Autosave>,
    save_failed: bool,
}

impl Records {
    /// Records for a new session (its save file is created by the first change).
    pub fn new(options: RecordOptions, lang: Lang, session: &Session) -> Records {
        let autosave = options
            .state_dir
            .as_deref()
            .map(|dir| Autosave::new(dir, session));
        Records {
            options,
            lang,
            autosave,
            save_failed: false,
        }
    }

    /// Records for a session resumed from the save file at `path`, which it keeps using.
    pub fn resumed(options: RecordOptions, lang: Lang, path: PathBuf) -> Records {
        Records {
            options,
            lang,
            autosave: Some(Autosave::at(path)),
            save_failed: false,
        }
    }

    /// Gives up a saved session the user chose not to resume: moves its file aside to
    /// `*.abandoned.json` (kept, never deleted: it may hold notes) and logs it as
    /// abandoned at its last saved step.
    pub fn give_up(options: &RecordOptions, lang: Lang, found: &Found) -> Vec<Notice> {
        let mut notices = Vec::new();
        match Autosave::at(found.path.clone()).set_aside() {
            Ok(Some(path)) => notices.push(Notice::info(format!(
                "{} {}",
                words(lang).set_aside,
                path.display()
            ))),
            Ok(None) => {}
            Err(error) => notices.push(Notice::error(format!(
                "cannot move {} aside: {error}",
                found.path.display()
            ))),
        }
        if let Some(log) = &options.log
            && let Err(error) = append(log, &OutcomeRecord::abandoned_save(&found.saved))
        {
            notices.push(Notice::error(error.to_string()));
        }
        notices
    }

    /// The file the session is saved to, if there is one.
    pub fn autosave_path(&self) -> Option<&Path> {
        self.autosave.as_ref().map(Autosave::path)
    }

    /// Call after every change: saves the session, or at an ending removes the save (the
    /// outcome log records it at exit). Returns an error notice the first time saving fails.
    pub fn changed(&mut self, session: &Session) -> Option<Notice> {
        let autosave = self.autosave.as_ref()?;
        let result = if session.outcome().is_some() {
            autosave.remove().map_err(|e| e.to_string())
        } else {
            autosave
                .save(session, self.lang)
                .map_err(|e| format!("cannot save the session: {e}"))
        };
        match result {
            Err(message) if !self.save_failed => {
                self.save_failed = true;
                Some(Notice::error(message))
            }
            _ => None,
        }
    }

    /// "Save the transcript now": to `--transcript` (a numbered name if it exists), else a
    /// Markdown file named [`default_name`] in the current folder. Never overwrites.
    pub fn save_transcript(&mut self, session: &Session) -> Vec<Notice> {
        self.save_transcript_at(session, crate::session::now())
    }

    /// "Save the transcript now" as at time `now`.
    pub fn save_transcript_at(&mut self, session: &Session, now: Timestamp) -> Vec<Notice> {
        let transcript = Transcript::of(session, self.lang, now);
        let written = match &self.options.transcript {
            Some(target) => write_to(target, &transcript),
            None => {
                let target = default_name(session.flow().id(), now);
                write_new_or_next(&target, transcript.to_markdown().as_bytes()).map(|path| {
                    vec![Written {
                        requested: target,
                        path,
                    }]
                })
            }
        };
        match written {
            Ok(files) => files.iter().map(|w| self.saved_notice(w)).collect(),
            Err(error) => vec![Notice::error(format!(
                "cannot save the transcript: {error}"
            ))],
        }
    }

    fn saved_notice(&self, written: &Written) -> Notice {
        let w = words(self.lang);
        let mut text = format!("{} {}", w.transcript_saved, written.path.display());
        if written.renamed() {
            text += &format!(" ({} {})", written.requested.display(), w.exists_already);
        }
        Notice::info(text)
    }

    /// Call once when the wizard exits: writes the transcript (`--transcript`, or in agent
    /// mode at an ending the default file), appends the outcome to the log, and removes the
    /// save — or, if the session was abandoned with notes, moves it aside and says where.
    pub fn finish(&mut self, session: &Session) -> Vec<Notice> {
        self.finish_at(session, crate::session::now())
    }

    /// [`Records::finish`] as at time `now`.
    pub fn finish_at(&mut self, session: &Session, now: Timestamp) -> Vec<Notice> {
        let mut notices = Vec::new();
        if self.options.transcript.is_some() || (self.options.agent && session.outcome().is_some())
        {
            notices.extend(self.save_transcript_at(session, now));
        }
        if let Some(log) = &self.options.log {
            let record = OutcomeRecord::of(session, self.lang, now);
            if let Err(error) = append(log, &record) {
                notices.push(Notice::error(error.to_string()));
            }
        }
        if let Some(autosave) = &self.autosave {
            let kept = if session.outcome().is_none() && !session.notes().is_empty() {
                autosave.set_aside()
            } else {
                autosave.remove().map(|()| None)
            };
            match kept {
                Ok(Some(path)) => notices.push(Notice::info(format!(
                    "{} {}",
                    words(self.lang).notes_kept,
                    path.display()
                ))),
                Ok(None) => {}
                Err(error) => notices.push(Notice::error(format!(
                    "cannot tidy up the saved session {}: {error}",
                    autosave.path().display()
                ))),
            }
        }
        notices
    }
}
