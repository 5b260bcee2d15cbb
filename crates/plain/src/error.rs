//! How plain mode fails, as data: the edge words it for the user and gives the exit code.

use std::io;

use crate::core::start::StartError;

/// Why plain mode could not walk, or end, a call.
#[derive(Debug)]
pub enum Error {
    /// The wizard cannot start (the edge says why, naming its options).
    Start(StartError),
    /// The lines cannot be read or written.
    Lines(io::Error),
    /// A write of the user's data failed; the messages about it were shown as it happened.
    RecordsFailed,
}

impl From<StartError> for Error {
    fn from(error: StartError) -> Error {
        Error::Start(error)
    }
}

/// A result whose error is [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
