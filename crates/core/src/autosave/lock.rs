//! A lock on a saved session while a process uses it, so that two processes never resume
//! (and then overwrite) the same save: `NAME.lock` next to `NAME.json`, holding the pid of
//! the process that uses it, locked with `File::try_lock` (`flock`). The lock belongs to
//! the open file, so it goes when the process ends, however it ends.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// A held lock on a saved session; released when dropped (or when the process ends).
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
}

/// Why a saved session could not be locked.
#[derive(Debug)]
pub enum LockError {
    /// Another process uses it; its pid, if it could be read.
    InUse {
        /// The other process.
        pid: Option<u32>,
    },
    /// The lock file could not be made or locked.
    Io(io::Error),
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockError::InUse { pid: Some(pid) } => write!(f, "it is in use by process {pid}"),
            LockError::InUse { pid: None } => write!(f, "it is in use by another process"),
            LockError::Io(error) => write!(f, "it cannot be locked: {error}"),
        }
    }
}

/// The lock file of the save at `save`.
pub(crate) fn lock_path(save: &Path) -> PathBuf {
    save.with_extension("lock")
}

impl SessionLock {
    /// Locks the save at `save` for this process, or says which process has it.
    pub fn acquire(save: &Path) -> Result<SessionLock, LockError> {
        let path = lock_path(save);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(LockError::Io)?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(LockError::Io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                return Err(LockError::InUse {
                    pid: text.trim().parse().ok(),
                });
            }
            Err(TryLockError::Error(error)) => return Err(LockError::Io(error)),
        }
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| write!(file, "{}", std::process::id()))
            .map_err(LockError::Io)?;
        Ok(SessionLock { file, path })
    }

    /// Removes the lock file (once the save it guards is gone) and releases the lock.
    pub fn remove(self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}
