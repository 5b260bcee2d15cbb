//! How the full-screen wizard fails: its terminal (this process's own, or a remote one)
//! cannot be set up, read or written. The edge words it and gives the exit code.

use std::fmt;
use std::io;

/// The terminal failed: what the wizard was doing, and what the system said.
#[derive(Debug)]
pub struct Error {
    /// What could not be done ("cannot read from the terminal").
    pub doing: &'static str,
    /// What the system said.
    pub source: io::Error,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.doing, self.source)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// A result whose error is [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// Says what the full-screen wizard was doing when the terminal failed.
pub(crate) trait TerminalContext<T> {
    /// The result, or an [`Error`] saying what could not be done.
    fn doing(self, doing: &'static str) -> Result<T>;
}

impl<T> TerminalContext<T> for io::Result<T> {
    fn doing(self, doing: &'static str) -> Result<T> {
        self.map_err(|source| Error { doing, source })
    }
}
