//! Writing transcripts to files, never over an existing one.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::Transcript;
use crate::atomic_file::{WriteError, write_new_or_next};

/// A transcript file that was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The file asked for.
    pub requested: PathBuf,
    /// The file written: `requested`, or a numbered name next to it if that existed.
    pub path: PathBuf,
}

impl Written {
    /// Whether another name had to be used because the requested file existed.
    pub fn renamed(&self) -> bool {
        self.requested != self.path
    }
}

/// Writes `transcript` for `--transcript FILE`: Markdown if FILE ends in `.md`, JSON if it
/// ends in `.json`, otherwise both, as `FILE.md` and `FILE.json`. A file that exists is
/// never overwritten: the next free numbered name (`FILE-1.md`) is used instead, and
/// [`Written::renamed`] says so.
pub(crate) fn write_to(path: &Path, transcript: &Transcript) -> Result<Vec<Written>, WriteError> {
    check_target(path).map_err(|reason| WriteError::Io {
        path: path.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidInput, reason.to_string()),
    })?;
    let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    let targets: Vec<(PathBuf, String)> = match extension.as_deref() {
        Some("md") => vec![(path.to_owned(), transcript.to_markdown())],
        Some("json") => vec![(path.to_owned(), transcript.to_json())],
        _ => vec![
            (with_suffix(path, ".md"), transcript.to_markdown()),
            (with_suffix(path, ".json"), transcript.to_json()),
        ],
    };
    targets
        .into_iter()
        .map(|(requested, contents)| {
            let path = write_new_or_next(&requested, contents.as_bytes())?;
            Ok(Written { requested, path })
        })
        .collect()
}

/// Why a transcript cannot go to a path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadTarget {
    /// A folder is there.
    #[error("it is a folder")]
    Folder,
    /// Something that is not a file is there (a device such as `/dev/full`, a pipe).
    #[error("it is a device or a pipe, not a file")]
    NotAFile,
    /// The folder it would go in does not exist.
    #[error("the folder {} does not exist", .0.display())]
    NoFolder(PathBuf),
}

/// Whether a transcript can go to `path`: its folder exists, and nothing but a regular
/// file (or a link) is there — never a device such as `/dev/full`, a pipe or a folder.
pub fn check_target(path: &Path) -> Result<(), BadTarget> {
    if let Ok(metadata) = std::fs::metadata(path)
        && !metadata.is_file()
    {
        return Err(if metadata.is_dir() {
            BadTarget::Folder
        } else {
            BadTarget::NotAFile
        });
    }
    let folder = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(BadTarget::NoFolder(folder.to_owned()));
    }
    Ok(())
}

/// The file agent mode's "save transcript" uses when no `--transcript` was given:
/// `signin-doctor-FLOW-YYYYMMDD-HHMMSS.md` (UTC) in the current folder.
pub(crate) fn default_name(flow_id: &str, now: Timestamp) -> PathBuf {
    let safe = crate::sanitize::file_name_part(flow_id);
    PathBuf::from(format!(
        "signin-doctor-{safe}-{}.md",
        now.strftime("%Y%m%d-%H%M%S")
    ))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
