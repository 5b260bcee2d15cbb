//! Writing files atomically: a temporary file in the same folder, then a rename, so a
//! reader (or a crash) never sees half a file. New files never replace existing ones.
//!
//! Files are created readable and writable by their owner only (0600 on Unix), as
//! `tempfile` makes them: transcripts and saved sessions hold what a caller said.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;
use thiserror::Error;

/// Why a file could not be written.
#[derive(Debug, Error)]
pub enum WriteError {
    /// The file is there already; it was left alone.
    #[error("{} already exists; it was not overwritten", path.display())]
    Exists {
        /// The file that exists.
        path: PathBuf,
    },
    /// The file system refused.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The file that was being written.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
}

/// Writes `contents` to a new file at `path`, atomically. Fails with
/// [`WriteError::Exists`] if something is there already (checked atomically by the rename).
pub fn write_new(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    let temp = filled_temp(path, contents)?;
    temp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == io::ErrorKind::AlreadyExists {
            WriteError::Exists {
                path: path.to_owned(),
            }
        } else {
            io_error(path, e.error)
        }
    })?;
    Ok(())
}

/// Writes `contents` to `path` atomically, replacing what was there (for a file the program
/// owns, such as its own autosave).
pub(crate) fn write_replace(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    let temp = filled_temp(path, contents)?;
    temp.persist(path).map_err(|e| io_error(path, e.error))?;
    Ok(())
}

/// Writes `contents` to `path`, or if that exists to the first free name that
/// [`next_free_name`] would give; returns the file written. Never overwrites.
pub(crate) fn write_new_or_next(path: &Path, contents: &[u8]) -> Result<PathBuf, WriteError> {
    let mut target = path.to_owned();
    // Another process may take a free name between the check and the rename: try again.
    for _ in 0..100 {
        match write_new(&target, contents) {
            Err(WriteError::Exists { .. }) => target = next_free_name(path),
            Ok(()) => return Ok(target),
            Err(other) => return Err(other),
        }
    }
    Err(WriteError::Exists { path: target })
}

/// Whether anything at all is at `path`: a file, a folder, or a link — a dangling one too.
fn taken(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}

/// `path` if nothing is there, else the first of `NAME-1.EXT`, `NAME-2.EXT`, … that is free.
/// A dangling link counts as taken: it is never written through.
pub(crate) fn next_free_name(path: &Path) -> PathBuf {
    if !taken(path) {
        return path.to_owned();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let extension = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (1u64..)
        .map(|n| path.with_file_name(format!("{stem}-{n}{extension}")))
        .find(|candidate| !taken(candidate))
        .expect("some numbered name is free")
}

/// A temporary file next to `path` holding `contents`, flushed to disk.
fn filled_temp(path: &Path, contents: &[u8]) -> Result<NamedTempFile, WriteError> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    // The errors name the file asked for, not the temporary name `tempfile` adds.
    let mut temp = NamedTempFile::new_in(dir).map_err(|e| io_error(path, without_temp_name(e)))?;
    let file = temp.as_file_mut();
    file.write_all(contents)
        .and_then(|()| file.sync_all())
        .map_err(|e| io_error(path, e))?;
    Ok(temp)
}

/// The error without the `at path ".tmpXXXX"` that `tempfile` wraps around it.
fn without_temp_name(error: io::Error) -> io::Error {
    if error.get_ref().is_none() {
        return error;
    }
    let text = error.to_string();
    let text = text
        .split(" at path ")
        .next()
        .unwrap_or_default()
        .to_owned();
    io::Error::new(error.kind(), text)
}

/// Removes temporary files (`.tmp*`) that a killed process left in `dir`, if they are
/// older than `age` (younger ones may belong to a process writing right now). Returns
/// how many were removed.
pub(crate) fn remove_stale_temporaries(dir: &Path, age: std::time::Duration) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    entries
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().starts_with(".tmp"))
        .filter(|entry| {
            entry.metadata().is_ok_and(|m| {
                m.is_file()
                    && m.modified()
                        .is_ok_and(|t| now.duration_since(t).is_ok_and(|d| d > age))
            })
        })
        .filter(|entry| std::fs::remove_file(entry.path()).is_ok())
        .count()
}

fn io_error(path: &Path, source: io::Error) -> WriteError {
    WriteError::Io {
        path: path.to_owned(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_files_never_replace_existing_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.md");
        write_new(&path, b"first").unwrap();
        let error = write_new(&path, b"second").unwrap_err();
        assert!(matches!(&error, WriteError::Exists { path: p } if *p == path));
        assert!(error.to_string().contains("t.md"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        assert_eq!(next_free_name(&path), dir.path().join("t-1.md"));
        let written = write_new_or_next(&path, b"second").unwrap();
        assert_eq!(written, dir.path().join("t-1.md"));
        assert_eq!(next_free_name(&path), dir.path().join("t-2.md"));
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no temp left"
        );
    }

    #[test]
    fn replace_overwrites_and_files_are_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("save.json");
        write_replace(&path, b"1").unwrap();
        write_replace(&path, b"2").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "2");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_missing_folder_is_an_io_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/t.md");
        let error = write_new(&path, b"x").unwrap_err();
        assert!(matches!(error, WriteError::Io { .. }));
        assert!(error.to_string().contains("t.md"));
    }
}
