//! Reading a flow's files from disk: one file, or every `.yaml`/`.yml` file of a folder.

use std::path::Path;

use crate::bounded_read::{self, BoundedReadError};

use super::diagnostic::{Code, Diagnostic, Location};
use super::line_column::line_column;
use super::load_error::{LoadError, MAX_FLOW_BYTES};

/// One file of a flow, read and known to be UTF-8.
#[derive(Debug, Clone)]
pub struct Part {
    /// The file's name as shown in messages.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// Reads `path`: a flow file, or a folder whose `.yaml`/`.yml` files (in name order) make
/// up one flow. Invalid UTF-8 is reported as a diagnostic at its line and column.
pub fn read(path: &Path) -> Result<Vec<Part>, LoadError> {
    let name = path.display().to_string();
    let read_error = |source| LoadError::Read {
        path: name.clone(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    let files = if metadata.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .map_err(read_error)?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|file| {
                file.is_file()
                    && file
                        .extension()
                        .is_some_and(|ext| ext == "yaml" || ext == "yml")
            })
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(LoadError::EmptyFolder { path: name });
        }
        files
    } else {
        vec![path.to_owned()]
    };
    let mut total = 0;
    let mut parts = Vec::with_capacity(files.len());
    let mut bad_text = Vec::new();
    for file in files {
        let name = file.display().to_string();
        // The limit is on the bytes read, so an endless device or pipe cannot fill memory.
        let bytes = match bounded_read::read(&file, MAX_FLOW_BYTES - total) {
            Ok(bytes) => bytes,
            Err(BoundedReadError::TooLarge { .. }) => {
                // A regular file's size is known; for a device or pipe, at least this.
                let size = std::fs::metadata(&file)
                    .map(|m| total + m.len())
                    .ok()
                    .filter(|&size| size > MAX_FLOW_BYTES)
                    .unwrap_or(MAX_FLOW_BYTES + 1);
                return Err(LoadError::TooLarge { path: name, size });
            }
            Err(BoundedReadError::Io(source)) => {
                return Err(LoadError::Read { path: name, source });
            }
        };
        total += bytes.len() as u64;
        match String::from_utf8(bytes) {
            Ok(text) => parts.push(Part { name, text }),
            Err(error) => bad_text.push(not_utf8(
                error.as_bytes(),
                error.utf8_error().valid_up_to(),
                &name,
            )),
        }
    }
    if bad_text.is_empty() {
        Ok(parts)
    } else {
        Err(LoadError::Invalid(bad_text))
    }
}

/// The diagnostic for bytes that stop being UTF-8 at `valid_up_to`.
pub(crate) fn not_utf8(bytes: &[u8], valid_up_to: usize, file: &str) -> Diagnostic {
    let valid = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
    let (line, column) = line_column(valid, valid_up_to);
    let mut diagnostic = Diagnostic::new(Code::Syntax, file, "the file is not valid UTF-8 text");
    diagnostic.location = Some(Location { line, column });
    diagnostic.help = Some("save the file as UTF-8".to_owned());
    diagnostic
}
