//! Autosave and resume: the session is saved after every answer and note, so a closed
//! terminal or a killed process loses nothing.
//!
//! Each session has its own file in the state folder (`--state-dir`, else
//! `$XDG_STATE_HOME/signin-doctor/`), named `FLOW-YYYYMMDD-HHMMSS-PID.json`, written
//! atomically and readable by the user only. The file is removed when the walk reaches an
//! ending (the outcome log records it instead). When the user declines to resume, or
//! quits with notes, the file is moved aside to `*.abandoned.json` and kept — never
//! deleted with notes in it. Sessions without notes that the user quits are removed.

mod lock;
mod replay;
mod restore;
mod saved;

pub(crate) use lock::{LockError, SessionLock};
pub(crate) use replay::Replayed;
pub use replay::replay;
pub(crate) use restore::ResumeProblem;
pub use restore::{Mismatch, restore};
pub use saved::{FORMAT, SavedMove, SavedSession};

use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::atomic_file::{WriteError, next_free_name, write_replace};
use crate::lang::Lang;
use crate::session::Session;

/// Save files larger than this (16 MiB) are not read: no real call comes near it.
pub(crate) const MAX_SAVE_BYTES: u64 = 16 * 1024 * 1024;

/// The suffix of save files that were set aside and are not offered for resuming.
pub(crate) const ABANDONED_SUFFIX: &str = ".abandoned.json";

/// Where one session is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Autosave {
    path: PathBuf,
}

impl Autosave {
    /// A new save file in `dir` for `session` (created on the first [`Autosave::save`]).
    pub fn new(dir: &Path, session: &Session) -> Autosave {
        let flow = crate::sanitize::file_name_part(session.flow().id());
        let time = session.started().strftime("%Y%m%d-%H%M%S");
        let name = format!("{flow}-{time}-{}.json", std::process::id());
        Autosave {
            path: dir.join(name),
        }
    }

    /// The save file at `path` (a resumed session keeps saving where it was saved).
    pub fn at(path: PathBuf) -> Autosave {
        Autosave { path }
    }

    /// The save file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves `session` (shown in `lang`) now, atomically, replacing the previous save.
    /// Creates the folder if needed.
    pub fn save(&self, session: &Session, lang: Lang) -> Result<(), WriteError> {
        self.save_at(session, lang, crate::clock::now())
    }

    /// Saves `session` as at time `now`.
    pub fn save_at(&self, session: &Session, lang: Lang, now: Timestamp) -> Result<(), WriteError> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| WriteError::Io {
                path: dir.to_owned(),
                source,
            })?;
        }
        let saved = SavedSession::of(session, lang, now);
        let json = serde_json::to_string_pretty(&saved).expect("a save serializes");
        write_replace(&self.path, json.as_bytes())
    }

    /// Removes the save file; a file that is not there is fine.
    pub fn remove(&self) -> io::Result<()> {
        match std::fs::remove_file(&self.path) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
            _ => Ok(()),
        }
    }

    /// Moves the save file aside to `NAME.abandoned.json` (numbered if that exists), so it
    /// is kept but no longer offered for resuming. Returns where it went, or `None` if
    /// there was no file.
    pub(crate) fn set_aside(&self) -> io::Result<Option<PathBuf>> {
        if !self.path.exists() {
            return Ok(None);
        }
        let stem = self.path.with_extension("");
        let mut aside = stem.into_os_string();
        aside.push(ABANDONED_SUFFIX);
        let aside = next_free_name(Path::new(&aside));
        std::fs::rename(&self.path, &aside)?;
        Ok(Some(aside))
    }
}

/// Tidies the state folder `dir`: removes sessions set aside (`*.abandoned.json`) that
/// were last changed more than `keep_days` days ago, and temporary files a killed process
/// left behind. Returns how many set-aside sessions were removed.
pub fn expire(dir: &Path, keep_days: u32) -> usize {
    const DAY: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);
    // A temporary file younger than this may belong to a process writing right now.
    const STALE_TEMPORARY: std::time::Duration = std::time::Duration::from_secs(10 * 60);
    crate::atomic_file::remove_stale_temporaries(dir, STALE_TEMPORARY);
    remove_orphan_locks(dir);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let limit = DAY * keep_days;
    let now = std::time::SystemTime::now();
    entries
        .flatten()
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .ends_with(ABANDONED_SUFFIX)
        })
        .filter(|entry| {
            entry.metadata().is_ok_and(|m| {
                m.is_file()
                    && m.modified()
                        .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age >= limit))
            })
        })
        .filter(|entry| std::fs::remove_file(entry.path()).is_ok())
        .count()
}

/// Removes lock files whose save is gone and that no process holds.
fn remove_orphan_locks(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.flatten().map(|entry| entry.path()) {
        let is_lock = path.extension().is_some_and(|e| e == "lock");
        let save = path.with_extension("json");
        if is_lock && !save.exists() {
            // Held by a process that has not saved yet: leave it.
            if let Ok(lock) = SessionLock::acquire(&save) {
                lock.remove();
            }
        }
    }
}

/// A save file found in the state folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The file.
    pub path: PathBuf,
    /// What it holds.
    pub saved: SavedSession,
}

/// A save file that could not be read; it is left where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The file.
    pub path: PathBuf,
    /// Why.
    pub reason: String,
}

/// Reads the save file at `path`; says why not when it is unreadable, too large or of a
/// newer format.
pub fn read_save(path: &Path) -> Result<SavedSession, String> {
    crate::bounded_read::read(path, MAX_SAVE_BYTES)
        .map_err(|e| e.to_string())
        .and_then(|bytes| serde_json::from_slice::<SavedSession>(&bytes).map_err(|e| e.to_string()))
        .and_then(|saved| {
            if saved.format > FORMAT {
                Err(format!(
                    "it was written by a newer version of signin-doctor (save format {}, \
                     this version reads format {FORMAT}); it is kept — resume it with that \
                     version",
                    saved.format
                ))
            } else {
                Ok(saved)
            }
        })
}

/// The unfinished sessions of flow `flow_id` saved in `dir`, most recently saved first,
/// and the save files that could not be read. A missing folder holds none.
pub fn find_unfinished(dir: &Path, flow_id: &str) -> (Vec<Found>, Vec<Unreadable>) {
    let (mut found, mut unreadable) = (Vec::new(), Vec::new());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (found, unreadable);
    };
    for path in entries.flatten().map(|entry| entry.path()) {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if !name.ends_with(".json") || name.ends_with(ABANDONED_SUFFIX) || !path.is_file() {
            continue;
        }
        let parsed = read_save(&path);
        match parsed {
            Ok(saved) if saved.flow.id == flow_id => found.push(Found { path, saved }),
            Ok(_) => {}
            Err(reason) => unreadable.push(Unreadable { path, reason }),
        }
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.saved.saved_at));
    unreadable.sort_by(|a, b| a.path.cmp(&b.path));
    (found, unreadable)
}
