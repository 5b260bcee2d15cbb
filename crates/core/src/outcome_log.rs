//! The outcome log: one JSON line per finished or abandoned session, appended under an
//! exclusive file lock so that several processes (a team sharing one file) never
//! interleave or lose lines. No note text is logged, only how many notes there were.
//!
//! The lock is `File::lock` (`flock` on Linux and macOS, `LockFileEx` on Windows): it
//! belongs to the open file, so two processes — or two separate opens in one process —
//! wait for each other. Each record is written with one `write_all` of the whole line in
//! append mode while the lock is held.
//!
//! A torn tail (a line cut short by a full disk or a crash) is healed before appending:
//! if the file does not end in a line break, the new record starts on a new line, so the
//! torn line stays one malformed line and the new record is whole. A write that fails
//! half-way is taken back (the file is cut to its old length). A log that is a named pipe
//! is refused rather than waited on.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::autosave::SavedSession;
use crate::flow::{EndingKind, Kind};
use crate::lang::Lang;
use crate::session::Session;

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
    /// The front end the call was made in, where it is not the terminal (`web`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub front_end: Option<String>,
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
            kind: outcome.map(|e| Kind::from(e.kind).name().to_owned()),
            solved: outcome.is_some_and(|e| e.kind == EndingKind::Solved),
            abandoned: outcome.is_none(),
            last_node: session.node().key.clone(),
            answers: session.path().len() - jumps,
            jumps,
            notes: session.notes().len(),
            front_end: None,
        }
    }

    /// The record of a saved session that was given up (not resumed): abandoned at its
    /// last saved node, at the time it was last saved.
    pub(crate) fn abandoned_save(saved: &SavedSession) -> OutcomeRecord {
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
            front_end: None,
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

/// Appends `line` (which must end in a line break) to `path` under an exclusive lock,
/// on a line of its own.
pub(crate) fn append_line(path: &Path, line: &str) -> Result<(), LogError> {
    let fail = |source| LogError {
        path: path.to_owned(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    refuse_pipe(path).map_err(fail)?;
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(path)
        .map_err(fail)?;
    file.lock().map_err(fail)?;
    let written = append_whole(&mut file, line);
    // Closing the file releases the lock too; unlocking first makes it explicit.
    let unlocked = file.unlock();
    written.and(unlocked).map_err(fail)
}

/// A named pipe would block the program until something reads it: refused.
fn refuse_pipe(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo()) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "it is a named pipe, not a file; give a regular file instead",
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Writes `line` at the end of `file` (held locked), after a line break if the file's
/// last line was torn; on failure cuts the file back to where it was.
fn append_whole(file: &mut File, line: &str) -> io::Result<()> {
    let regular = file.metadata()?.is_file();
    let length = if regular { file.metadata()?.len() } else { 0 };
    let mut text = String::with_capacity(line.len() + 1);
    if length > 0 && !ends_in_newline(file, length)? {
        text.push('\n');
    }
    text.push_str(line);
    let written = file.write_all(text.as_bytes()).and_then(|()| file.flush());
    if written.is_err() && regular {
        // Best effort: a half line must not stay to glue the next record onto.
        let _ = file.set_len(length);
    }
    written
}

fn ends_in_newline(file: &mut File, length: u64) -> io::Result<bool> {
    let mut last = [0u8; 1];
    file.seek(SeekFrom::Start(length - 1))?;
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}
