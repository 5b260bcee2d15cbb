//! What a walk leaves behind — the autosave, transcripts and the outcome log — kept in
//! one place so both front ends do the same: call [`RecordKeeper::changed`] after every
//! answer, back, restart, jump and note; [`RecordKeeper::save_transcript`] for "save now";
//! [`RecordKeeper::end`] once when the wizard exits, with how it ended.
//!
//! One rule for every write of the user's data: each is atomic (a temporary file renamed
//! into place; a log line appended whole, or taken back) and checked. A failure is
//! returned as an error [`Notice`] every time it happens — never only the first time —
//! [`RecordKeeper::write_problem`] says whether the last save failed (the full-screen wizard
//! shows it in a banner until a save works again), and [`RecordKeeper::failed`] makes the exit
//! code 1. The save file is removed only after the transcript and the log record are
//! written; if anything failed, the session is kept on disk (the save file, else a rescue
//! copy) and the message names the file.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::end::End;
use super::notice::Notice;
use super::start::StartError;
use crate::atomic_file::{write_new_or_next, write_replace};
use crate::autosave::{Autosave, Found, SavedSession, SessionLock};
use crate::i18n::words;
use crate::lang::Lang;
use crate::outcome_log::{OutcomeRecord, append};
use crate::session::Session;
use crate::transcript::{Transcript, Written, default_name, write_to};

/// Where records go, with the XDG defaults already filled in by the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordOptions {
    /// The folder for saved sessions; `None`: no autosave (no home folder).
    pub state_dir: Option<PathBuf>,
    /// The outcome log; `None`: nothing is logged (no home folder).
    pub log: Option<PathBuf>,
    /// `--transcript FILE`, written on exit and used by "save now".
    pub transcript: Option<PathBuf>,
    /// Agent mode: at an ending without `--transcript`, a Markdown transcript is written
    /// to the default name (`transcript::default_name`) in the current folder.
    pub agent: bool,
    /// How many days set-aside sessions are kept (`--keep-days`).
    pub keep_days: u32,
    /// Served to another machine (over SSH): no transcript is written here, where its
    /// user cannot reach it; the front end shows it over the connection instead.
    pub served: bool,
    /// A served agent's call: its transcript is kept on the server, as this says.
    pub call: Option<KeptCall>,
    /// What the user can do about kept records, in the edge's words.
    pub remedies: Remedies,
}

/// What the user of an edge can do about kept records, in that edge's words — the local
/// program's command-line options —, put into the core's notices, which name no option
/// themselves. Empty (the default): nothing to suggest, as for a served session, whose
/// user changes nothing on the server.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Remedies {
    /// The command that continues a kept session (`signin-doctor --resume`).
    pub resume: Option<&'static str>,
    /// The setting for how many days set-aside sessions are kept (`--keep-days`).
    pub keep_days: Option<&'static str>,
}

impl RecordOptions {
    /// Saves in `state_dir` (set-aside ones removed after `keep_days`), finished calls in
    /// the outcome log `log`; no transcript file, not agent mode, on this machine. The
    /// one way every front end and host starts its records; the methods below change
    /// what differs.
    pub fn kept(state_dir: Option<PathBuf>, log: Option<PathBuf>, keep_days: u32) -> RecordOptions {
        RecordOptions {
            state_dir,
            log,
            keep_days,
            ..RecordOptions::default()
        }
    }

    /// With the transcript written to `transcript` on exit and by "save now".
    pub fn transcript(self, transcript: Option<PathBuf>) -> RecordOptions {
        RecordOptions { transcript, ..self }
    }

    /// In agent mode, or not.
    pub fn agent(self, agent: bool) -> RecordOptions {
        RecordOptions { agent, ..self }
    }

    /// With what the user can do about kept records, in the edge's words.
    pub fn remedies(self, remedies: Remedies) -> RecordOptions {
        RecordOptions { remedies, ..self }
    }

    /// Served to another machine: no transcript file is written here, where its user
    /// cannot reach it; an agent's call (`call`) keeps its transcript on the server.
    pub fn served(self, call: Option<KeptCall>) -> RecordOptions {
        RecordOptions {
            served: true,
            transcript: None,
            call,
            ..self
        }
    }

    /// Checks, before a call starts, that the transcript file can be written: its folder
    /// exists and it is not a device, pipe or folder.
    pub fn check(&self) -> Result<(), StartError> {
        let Some(path) = &self.transcript else {
            return Ok(());
        };
        crate::transcript::check_target(path).map_err(|why| StartError::Transcript {
            path: path.clone(),
            why,
        })
    }
}

/// Where a served agent's call keeps its transcript on the server, for the agent to fetch
/// later (`transcript ID`): `FOLDER/ID.md` and `FOLDER/ID.json`, rewritten whole at every
/// "save now" and when the call ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptCall {
    /// The folder of kept transcripts.
    pub folder: PathBuf,
    /// The call's id.
    pub id: String,
    /// The agent's language, which the transcript is written in.
    pub lang: Lang,
    /// The caller's language, when the call is a partner's session taken over: what to
    /// say is shown in it.
    pub caller: Option<Lang>,
}

/// The record keeping of one session.
#[derive(Debug)]
pub struct RecordKeeper {
    options: RecordOptions,
    lang: Lang,
    autosave: Option<Autosave>,
    /// Why the last save failed, until a save works again.
    problem: Option<String>,
    /// Whether any write of the user's data failed during this run.
    failed: bool,
    /// The lock that keeps other processes from resuming this session.
    lock: Option<SessionLock>,
    /// A hand-off code was given: an unfinished session is kept for the agent.
    handed_off: bool,
    /// A served agent's call: where its transcript is kept on the server.
    call: Option<KeptCall>,
    /// The front end the call is made in, for its outcome record (`None`: a terminal).
    front_end: Option<&'static str>,
}

impl RecordKeeper {
    /// Record keeping for a new session (its save file is created by the first change).
    pub fn new(options: RecordOptions, lang: Lang, session: &Session) -> RecordKeeper {
        let autosave = options
            .state_dir
            .as_deref()
            .map(|dir| Autosave::new(dir, session));
        RecordKeeper {
            lang,
            autosave,
            problem: None,
            failed: false,
            lock: None,
            handed_off: false,
            call: options.call.clone(),
            options,
            front_end: None,
        }
    }

    /// Record keeping that keeps nothing (no save, no transcript, no log).
    pub fn nothing(lang: Lang) -> RecordKeeper {
        RecordKeeper {
            options: RecordOptions::default(),
            lang,
            autosave: None,
            problem: None,
            failed: false,
            lock: None,
            handed_off: false,
            call: None,
            front_end: None,
        }
    }

    /// Marks the call's outcome record as made in `front_end` (e.g. `web`).
    pub fn set_front_end(&mut self, front_end: &'static str) {
        self.front_end = Some(front_end);
    }

    /// The language the records are written in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Record keeping for a session resumed from the save file at `path`, which it keeps using,
    /// holding `lock` on it until the session is finished.
    pub fn resumed(
        options: RecordOptions,
        lang: Lang,
        path: PathBuf,
        lock: SessionLock,
    ) -> RecordKeeper {
        RecordKeeper {
            lang,
            autosave: Some(Autosave::at(path)),
            problem: None,
            failed: false,
            lock: Some(lock),
            handed_off: false,
            call: options.call.clone(),
            options,
            front_end: None,
        }
    }

    /// The caller's language, when this is a served agent's call of a partner's session.
    pub fn caller_lang(&self) -> Option<Lang> {
        self.call.as_ref().and_then(|call| call.caller)
    }

    /// The id this call's transcript is kept under on the server, if it is kept.
    pub fn call_id(&self) -> Option<&str> {
        self.call.as_ref().map(|call| call.id.as_str())
    }

    /// Takes over `other`'s records (a partner's, who left while this agent was with
    /// them), keeping this call's transcript where it was kept.
    pub(crate) fn take_over_from(&mut self, other: RecordKeeper) {
        let call = self.call.take();
        *self = other;
        self.call = self.call.take().or(call);
    }

    /// Writes this call's transcript where it is kept, as at `now`; says so (with the id
    /// and how to fetch it), or why it could not. `None` when it is not kept.
    fn keep_call_transcript(&mut self, session: &Session, now: Timestamp) -> Option<Notice> {
        let call = self.call.clone()?;
        let transcript = Transcript::of(session, call.lang, now);
        let written = std::fs::create_dir_all(&call.folder)
            .map_err(|e| e.to_string())
            .and_then(|()| {
                let path = |extension| call.folder.join(format!("{}.{extension}", call.id));
                write_replace(&path("md"), transcript.to_markdown().as_bytes())
                    .and_then(|()| write_replace(&path("json"), transcript.to_json().as_bytes()))
                    .map_err(|e| e.to_string())
            });
        Some(match written {
            Ok(()) => Notice::info(
                crate::i18n::record_words(call.lang).kept_line(&call.id, self.options.keep_days),
            ),
            Err(error) => {
                self.failed = true;
                self.for_user(Notice::error(format!(
                    "cannot keep the transcript of call {}: {error}",
                    call.id
                )))
            }
        })
    }

    /// Gives up a saved session the user chose not to resume: moves its file aside to
    /// `*.abandoned.json` (kept, never deleted: it may hold notes) and logs it as
    /// abandoned at its last saved step.
    pub(crate) fn give_up(options: &RecordOptions, lang: Lang, found: &Found) -> Vec<Notice> {
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

    /// Call after every change: saves the session (at an ending too: the save is removed
    /// by [`RecordKeeper::finish`] once the transcript and the log record are written).
    /// Returns an error notice every time saving fails, and a notice when it works again
    /// after failing.
    pub fn changed(&mut self, session: &Session) -> Option<Notice> {
        let autosave = self.autosave.as_ref()?;
        if self.lock.is_none() {
            // Locked before its first save, so no other process takes it up meanwhile; the
            // file name is this process's own, so saving goes on if locking fails.
            self.lock = SessionLock::acquire(autosave.path()).ok();
        }
        match autosave.save(session, self.lang) {
            Ok(()) => self.problem.take().map(|_| match self.options.served {
                true => Notice::info("The session is being saved again.".to_owned()),
                false => Notice::info(format!(
                    "The session is being saved again, to {}.",
                    autosave.path().display()
                )),
            }),
            Err(error) => {
                let message = format!(
                    "cannot save the session: {error}. Your latest changes are not on disk yet; \
                     free some space or fix the folder — saving is tried again at every change."
                );
                self.failed = true;
                let notice = self.for_user(Notice::error(message));
                self.problem = Some(notice.text.clone());
                Some(notice)
            }
        }
    }

    /// Why the last save failed, while it keeps failing (for a banner that stays).
    pub fn write_problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// Whether any write of the user's data (save, transcript, log) failed during this
    /// run: the program should then exit with code 1.
    pub fn failed(&self) -> bool {
        self.failed
    }

    /// "Save the transcript now": to `--transcript` (a numbered name if it exists), else a
    /// Markdown file named [`default_name`] in the current folder. Never overwrites.
    pub(crate) fn save_transcript(&mut self, session: &Session) -> Vec<Notice> {
        self.save_transcript_at(session, crate::clock::now())
    }

    /// "Save the transcript now" as at time `now`.
    /// Served, no file is written where its user could not reach it: the front end shows
    /// the transcript over the connection, and an agent's call keeps it on the server.
    pub(crate) fn save_transcript_at(&mut self, session: &Session, now: Timestamp) -> Vec<Notice> {
        if self.options.served {
            return self
                .keep_call_transcript(session, now)
                .into_iter()
                .collect();
        }
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
            Err(error) => {
                self.failed = true;
                vec![Notice::error(format!(
                    "cannot save the transcript: {error}"
                ))]
            }
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

    /// Call once when the wizard exits, with how it ended — the one rule for every front
    /// end: a session at an ending, or one the user quit, is finished
    /// ([`RecordKeeper::finish`]); one stopped by a signal or the server, or whose
    /// terminal went away, is kept for `--resume`: not set aside, not logged, only secured
    /// when saving had been failing ([`RecordKeeper::secure`]). Run locally, a kept
    /// session's notice says how to continue it.
    /// A served agent's call keeps its transcript on the server, however it ended.
    pub fn end(&mut self, session: &Session, how: End) -> Vec<Notice> {
        let mut notices = self.end_session(session, how);
        notices.extend(self.keep_call_transcript(session, crate::clock::now()));
        notices
    }

    /// [`RecordKeeper::end`] but for the call's kept transcript.
    fn end_session(&mut self, session: &Session, how: End) -> Vec<Notice> {
        if session.outcome().is_some() || !how.keeps_session() {
            return self.finish(session);
        }
        if let Some(notice) = self.secure(session) {
            return vec![notice];
        }
        let saved = self.autosave_path().is_some_and(Path::is_file);
        match self.resume_hint() {
            Some(hint) if saved && !self.options.served => vec![Notice::info(hint)],
            _ => Vec::new(),
        }
    }

    /// How to continue the saved session, when the edge says
    /// ([`Remedies::resume`]): "The session is saved; continue it with: COMMAND".
    pub fn resume_hint(&self) -> Option<String> {
        let command = self.options.remedies.resume?;
        Some(format!("{} {command}", words(self.lang).resume_with))
    }

    /// What [`RecordKeeper::end`] does at an ending or a quit: writes the transcript (`--transcript`, or in agent
    /// mode at an ending the default file), appends the outcome to the log, and then —
    /// only if both worked — removes the save, or, if the session was abandoned with notes,
    /// moves it aside and says where. If anything failed, the session stays on disk and
    /// the notice names the file.
    pub fn finish(&mut self, session: &Session) -> Vec<Notice> {
        self.finish_at(session, crate::clock::now())
    }

    /// A hand-off code was given for the session: if the partner leaves before an ending,
    /// [`RecordKeeper::finish`] keeps it, unlogged, for the agent to continue.
    pub(crate) fn keep_for_agent(&mut self) {
        self.handed_off = true;
    }

    /// The agent took the session over live: the code is used, and the partner's leaving
    /// is no longer kept for it.
    pub(crate) fn agent_took_over(&mut self) {
        self.handed_off = false;
    }

    /// [`RecordKeeper::finish`] as at time `now`.
    pub(crate) fn finish_at(&mut self, session: &Session, now: Timestamp) -> Vec<Notice> {
        if self.handed_off && session.outcome().is_none() && self.autosave.is_some() {
            // The agent's wizard logs the call when it ends; the save must be there for it.
            return match self.changed(session) {
                Some(problem) => vec![problem, self.keep(session, now)],
                None => vec![Notice::info(
                    crate::i18n::sharing_words(self.lang)
                        .kept_for_agent
                        .to_owned(),
                )],
            };
        }
        let mut notices = Vec::new();
        let mut written = true;
        if self.options.transcript.is_some() || (self.options.agent && session.outcome().is_some())
        {
            let saved = self.save_transcript_at(session, now);
            written &= !saved.iter().any(|n| n.error);
            notices.extend(saved);
        }
        if let Some(log) = &self.options.log {
            let record = OutcomeRecord {
                front_end: self.front_end.map(str::to_owned),
                ..OutcomeRecord::of(session, self.lang, now)
            };
            if let Err(error) = append(log, &record) {
                written = false;
                self.failed = true;
                notices.push(self.for_user(Notice::error(error.to_string())));
            }
        }
        if !written || self.problem.is_some() {
            notices.push(self.keep(session, now));
            return notices;
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
                Err(error) => {
                    self.failed = true;
                    notices.push(Notice::error(format!(
                        "cannot tidy up the saved session {}: {error}",
                        autosave.path().display()
                    )));
                }
            }
        }
        if let Some(lock) = self.lock.take() {
            lock.remove();
        }
        notices
    }

    /// When the wizard stops without finishing (a signal, a closed terminal) while saving
    /// fails: keeps the session on disk as [`RecordKeeper::finish`] would and says where.
    pub fn secure(&mut self, session: &Session) -> Option<Notice> {
        self.problem
            .is_some()
            .then(|| self.keep(session, crate::clock::now()))
    }

    /// After a failed write: keeps the whole session on disk — in its save file, else in a
    /// rescue file in the current folder or the temporary folder — and says where, or, if
    /// nothing can be written at all, prints the notes in the message itself.
    fn keep(&mut self, session: &Session, now: Timestamp) -> Notice {
        self.failed = true;
        let saved = SavedSession::of(session, self.lang, now);
        let json = serde_json::to_string_pretty(&saved).expect("a save serializes");
        let mut tried = Vec::new();
        if let Some(autosave) = &self.autosave {
            match autosave.save_at(session, self.lang, now) {
                Ok(()) => return self.for_user(self.kept_notice(autosave.path())),
                Err(error) => tried.push(error.to_string()),
            }
        }
        let name = format!(
            "signin-doctor-rescue-{}-{}-{}.json",
            crate::sanitize::file_name_part(session.flow().id()),
            now.strftime("%Y%m%d-%H%M%S"),
            std::process::id()
        );
        // A server's working folder is no place for its users' sessions.
        let here = (!self.options.served).then(|| PathBuf::from("."));
        for dir in here.into_iter().chain([std::env::temp_dir()]) {
            let path = dir.join(&name);
            match write_replace(&path, json.as_bytes()) {
                Ok(()) => return self.for_user(self.kept_notice(&path)),
                Err(error) => tried.push(error.to_string()),
            }
        }
        let mut text = format!(
            "nothing could be written ({}); these are the notes, copy them now:",
            tried.join("; ")
        );
        for note in &saved.notes {
            text += &format!("\n  - [{}] {}", note.node, note.text);
        }
        Notice::error(text)
    }
}

/// What a served session's user is told when the server could not write its records: no
/// paths of the server, nothing to run on the server; its operator reads the details.
const SERVED_PROBLEM: &str = "the server could not write this session's records (its disk may \
     be full); what could be kept is kept on the server. Connect again later (the same ssh \
     command) to go on; the server's log tells its operator more.";

/// Where a server wants the details its users are not shown (see [`tell_operator_with`]).
static OPERATOR: std::sync::OnceLock<fn(&str)> = std::sync::OnceLock::new();

/// Has the details of served sessions' record problems (with the server's paths) given to
/// `tell`, e.g. the server's log; the first call counts.
pub fn tell_operator_with(tell: fn(&str)) {
    let _ = OPERATOR.set(tell);
}

impl RecordKeeper {
    /// The message after a failed write that says where the session is kept, and — when
    /// the edge says how ([`Remedies::resume`]) — how to continue it.
    fn kept_notice(&self, path: &Path) -> Notice {
        let kept = format!("the session and its notes are kept in {}", path.display());
        Notice::error(match self.options.remedies.resume {
            Some(command) => format!(
                "{kept}; continue it with {command} (from a rescue file: first move it into \
                 the folder for saved sessions) to write the transcript and log again."
            ),
            None => format!("{kept}."),
        })
    }

    /// `notice` as this session's user may read it: as it is, unless the session is
    /// served and it tells of a problem with the server's files — then the details go to
    /// the server's operator ([`tell_operator_with`]) and the user reads [`SERVED_PROBLEM`].
    fn for_user(&self, notice: Notice) -> Notice {
        if !self.options.served || !notice.error {
            return notice;
        }
        if let Some(tell) = OPERATOR.get() {
            tell(&notice.text);
        }
        Notice::error(SERVED_PROBLEM.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{WIZARD, session};

    #[test]
    fn served_records_write_no_transcript_file_where_their_user_cannot_reach_it() {
        let options = RecordOptions::kept(Some("state".into()), Some("log".into()), 30)
            .transcript(Some("call.md".into()))
            .agent(true)
            .served(None);
        assert_eq!(
            options,
            RecordOptions {
                state_dir: Some("state".into()),
                log: Some("log".into()),
                transcript: None,
                agent: true,
                keep_days: 30,
                served: true,
                call: None,
                remedies: Remedies::default(),
            }
        );
    }

    /// Record keeping in `dir` for a session with one answer and a note, saved.
    fn answered(dir: &Path, served: bool) -> (RecordKeeper, Session) {
        let mut session = session(WIZARD);
        session.choose(0).unwrap();
        session.add_note("caller is on a train").unwrap();
        let options = RecordOptions {
            state_dir: Some(dir.join("state")),
            log: Some(dir.join("log.jsonl")),
            served,
            remedies: crate::fixtures::REMEDIES,
            ..RecordOptions::default()
        };
        let mut records = RecordKeeper::new(options, Lang::En, &session);
        assert!(records.changed(&session).is_none());
        (records, session)
    }

    fn saves(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir.join("state"))
            .unwrap()
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".json"))
            .collect()
    }

    #[test]
    fn a_stopped_walk_or_a_gone_terminal_keeps_the_session_unlogged() {
        for how in [End::Interrupted, End::TerminalGone] {
            let dir = tempfile::tempdir().unwrap();
            let (mut records, session) = answered(dir.path(), false);
            let notices = records.end(&session, how);
            assert_eq!(notices.len(), 1, "{how:?}");
            assert_eq!(
                notices[0].text, "The session is saved; continue it with: signin-doctor --resume",
                "{how:?}"
            );
            let kept = saves(dir.path());
            assert_eq!(kept.len(), 1, "{how:?}: {kept:?}");
            assert!(!kept[0].ends_with(".abandoned.json"), "{how:?}");
            assert!(!dir.path().join("log.jsonl").exists(), "{how:?}");
            assert!(!records.failed());

            // Served: the same rule, without the local command to continue.
            let dir = tempfile::tempdir().unwrap();
            let (mut records, session) = answered(dir.path(), true);
            assert!(records.end(&session, how).is_empty(), "{how:?}");
            assert_eq!(saves(dir.path()).len(), 1, "{how:?}");
        }
    }

    #[test]
    fn a_failed_log_keeps_the_session_and_says_how_to_continue_in_the_edges_words() {
        for remedies in [crate::fixtures::REMEDIES, Remedies::default()] {
            let dir = tempfile::tempdir().unwrap();
            let (mut records, mut session) = answered(dir.path(), false);
            records.options.remedies = remedies;
            // A folder where the log should be: the record cannot be appended.
            records.options.log = Some(dir.path().to_owned());
            session.choose(0).unwrap();
            let notices = records.end(&session, End::Finished);
            let kept = notices.last().expect("where the session is kept is said");
            let save = dir.path().join("state").join(&saves(dir.path())[0]);
            let said = format!("the session and its notes are kept in {}", save.display());
            match remedies.resume {
                Some(command) => assert!(
                    kept.text
                        .starts_with(&format!("{said}; continue it with {command} (")),
                    "{kept:?}"
                ),
                None => assert_eq!(kept.text, format!("{said}."), "no option to name"),
            }
            assert!(kept.error && records.failed());
        }
    }

    #[test]
    fn a_quit_is_logged_and_its_notes_set_aside_and_an_ending_wins_over_a_gone_terminal() {
        let dir = tempfile::tempdir().unwrap();
        let (mut records, session) = answered(dir.path(), false);
        records.end(&session, End::Quit);
        let kept = saves(dir.path());
        assert!(
            kept.len() == 1 && kept[0].ends_with(".abandoned.json"),
            "{kept:?}"
        );
        let log = std::fs::read_to_string(dir.path().join("log.jsonl")).unwrap();
        assert!(log.contains("\"abandoned\":true"), "{log}");

        let dir = tempfile::tempdir().unwrap();
        let (mut records, mut session) = answered(dir.path(), false);
        session.choose(0).unwrap();
        assert!(session.outcome().is_some(), "the walk is at an ending");
        records.end(&session, End::TerminalGone);
        assert!(saves(dir.path()).is_empty(), "the save is removed");
        let log = std::fs::read_to_string(dir.path().join("log.jsonl")).unwrap();
        assert!(log.contains("\"abandoned\":false"), "{log}");
    }
}
