//! The outcome log: one JSON line per finished or abandoned session, appended under an
//! exclusive file lock so that several processes (a team sharing one file) never
//! interleave or lose lines. No note text is logged, only how many notes there were.
//!
//! The lock is `File::lock` (`flock` on Linux and macOS, `LockFileEx` on Windows): it
//! belongs to the open file, so two processes — or two separate opens in one process —
//! wait for each other. Each record is written with one `write_all` of the whole line in
//! append mode while the lock is held.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::autosave::SavedSession;
use crate::lang::Lang;
use crate::session::Session;
use crate::transcript::kind_name;

/// One line of the outcome log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeRecord {
    /// The flow's id.
    pub flow: String,
    /// The flow's version.
    #[serde(default)]
    pub version: u32,
    /// The language the session was shown in.
    #[serde(default)]
    pub language: String,
    /// When the session started.
    pub started: Timestamp,
    /// When it reached its ending, or was abandoned.
    pub ended: Timestamp,
    /// Seconds from start to end.
    pub duration_seconds: i64,
    /// The key of the ending reached; `null` if abandoned.
    pub outcome: Option<String>,
    /// `remedy`, `contact` or `solved`; `null` if abandoned.
    #[serde(default)]
    pub kind: Option<String>,
    /// Whether the ending reached is a solved ending.
    pub solved: bool,
    /// Whether the session stopped before an ending.
    pub abandoned: bool,
    /// The key of the node the session was at when it ended.
    pub last_node: String,
    /// How many answers the path holds.
    #[serde(default)]
    pub answers: usize,
    /// How many jumps the path holds.
    #[serde(default)]
    pub jumps: usize,
    /// How many notes were written (never their text).
    #[serde(default)]
    pub notes: usize,
}

impl OutcomeRecord {
    /// The record of `session` shown in `lang`, ending at `now` if no ending was reached
    /// (then it counts as abandoned).
    pub fn of(session: &Session, lang: Lang, now: Timestamp) -> OutcomeRecord {
        let ended = session.ended().unwrap_or(now);
        let outcome = session.outcome();
        let jumps = session.path().iter().filter(|m| m.is_jump()).count();
        OutcomeRecord {
            flow: session.flow().id().to_owned(),
            version: session.flow().version(),
            language: lang.code().to_owned(),
            started: session.started(),
            ended,
            duration_seconds: ended.duration_since(session.started()).as_secs().max(0),
            outcome: outcome.map(|_| session.node().key.clone()),
            kind: outcome.map(|e| kind_name(e.kind).to_owned()),
            solved: outcome.is_some_and(|e| kind_name(e.kind) == "solved"),
            abandoned: outcome.is_none(),
            last_node: session.node().key.clone(),
            answers: session.path().len() - jumps,
            jumps,
            notes: session.notes().len(),
        }
    }

    /// The record of a saved session that was given up (not resumed): abandoned at its
    /// last saved node, at the time it was last saved.
    pub fn abandoned_save(saved: &SavedSession) -> OutcomeRecord {
        let answers = saved.answers();
        OutcomeRecord {
            flow: saved.flow.id.clone(),
            version: saved.flow.version,
            language: saved.language.clone(),
            started: saved.started,
            ended: saved.saved_at,
            duration_seconds: saved
                .saved_at
                .duration_since(saved.started)
                .as_secs()
                .max(0),
            outcome: None,
            kind: None,
            solved: false,
            abandoned: true,
            last_node: saved.current.clone(),
            answers,
            jumps: saved.moves.len() - answers,
            notes: saved.notes.len(),
        }
    }

    /// The record as one line of JSON, with its line break.
    pub fn to_line(&self) -> String {
        let mut line = serde_json::to_string(self).expect("a record serializes");
        line.push('\n');
        line
    }
}

/// Why a record could not be logged.
#[derive(Debug, Error)]
#[error("cannot append to the outcome log {}: {source}", path.display())]
pub struct LogError {
    /// The log file.
    pub path: PathBuf,
    /// What went wrong.
    pub source: io::Error,
}

/// Appends `record` as one line to the log at `path`, creating the file and its folder if
/// needed, under an exclusive lock.
pub fn append(path: &Path, record: &OutcomeRecord) -> Result<(), LogError> {
    append_line(path, &record.to_line())
}

/// Appends `line` (which must end in a line break) to `path` under an exclusive lock.
pub fn append_line(path: &Path, line: &str) -> Result<(), LogError> {
    let fail = |source| LogError {
        path: path.to_owned(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let mut file = OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .map_err(fail)?;
    file.lock().map_err(fail)?;
    let written = file.write_all(line.as_bytes()).and_then(|()| file.flush());
    // Closing the file releases the lock too; unlocking first makes it explicit.
    let unlocked = file.unlock();
    written.and(unlocked).map_err(fail)
}
