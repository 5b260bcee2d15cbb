//! Reading files with a limit on the bytes actually read, not on what the file system
//! says about their size: `/dev/zero`, `/dev/urandom` or a pipe report no size (or a
//! wrong one) and never end. Devices are refused outright; anything else is read up to
//! the limit, in memory bounded by the limit. Flows, saved sessions and the outcome log
//! are all read through here.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use thiserror::Error;

/// Why a file could not be read within its limit.
#[derive(Debug, Error)]
pub enum BoundedReadError {
    /// It could not be opened or read.
    #[error("{0}")]
    Io(#[from] io::Error),
    /// It holds more than the limit; only `limit + 1` bytes were read to find out.
    #[error("it holds more than {limit} bytes")]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
}

/// Opens `path` for reading, refusing devices (`/dev/zero`, `/dev/urandom`, terminals)
/// and sockets: only regular files and pipes hold something that ends.
pub fn open(path: &Path) -> io::Result<File> {
    let file = File::open(path)?;
    let kind = file.metadata()?.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() || kind.is_block_device() || kind.is_socket() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "it is a device, not a file",
            ));
        }
    }
    if kind.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is a folder",
        ));
    }
    Ok(file)
}

/// Reads all of `path` if it holds at most `limit` bytes; never reads more than
/// `limit + 1` bytes, whatever the file is.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, BoundedReadError> {
    read_from(open(path)?, limit)
}

/// Reads all of `source` if it holds at most `limit` bytes; never reads more than
/// `limit + 1` bytes.
pub fn read_from(source: impl Read, limit: u64) -> Result<Vec<u8>, BoundedReadError> {
    let mut bytes = Vec::new();
    source
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(BoundedReadError::TooLarge { limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_source_is_cut_at_the_limit() {
        let error = read_from(io::repeat(b'x'), 1000).unwrap_err();
        assert!(matches!(error, BoundedReadError::TooLarge { limit: 1000 }));
        assert_eq!(read_from(&b"short"[..], 5).unwrap(), b"short");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_folders_are_refused() {
        for path in ["/dev/zero", "/dev/urandom", "/"] {
            let error = read(Path::new(path), 10).unwrap_err();
            assert!(
                error.to_string().contains("not a file") || error.to_string().contains("folder"),
                "{path}: {error}"
            );
        }
    }
}
