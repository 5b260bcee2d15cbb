//! Why the server cannot start or stopped: its own error, worded in the server's terms
//! (naming `serve`'s options), converted with `From` into the edge's one error, which
//! gives the exit code and prints it once. What a served wizard's walk comes to is the
//! edge's error too ([`signin_doctor_cli::error::Error`]): it is said to that client.

use std::fmt;

use crate::flow::LoadError;

/// Why `serve` cannot run.
#[derive(Debug)]
pub enum Error {
    /// The server cannot start or stopped: its host key, authorized keys, state folder,
    /// address or runtime; says what to do.
    Serve(String),
    /// The options ask for something that does not go together; says what to do.
    Usage(String),
    /// The flow to serve cannot be loaded.
    Flow(LoadError),
}

/// What the edge says before a flow's problems.
const FLOW_DOING: &str = "the server cannot start.";

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Serve(message) => write!(f, "serve: {message}"),
            Error::Usage(message) => write!(f, "{message}"),
            Error::Flow(source) => write!(f, "{FLOW_DOING}\n{source}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<Error> for signin_doctor_cli::error::Error {
    fn from(error: Error) -> Self {
        use signin_doctor_cli::error::Error as Edge;
        match error {
            Error::Serve(message) => Edge::Serve(message),
            Error::Usage(message) => Edge::Usage(message),
            Error::Flow(source) => Edge::Flow {
                doing: FLOW_DOING,
                source,
            },
        }
    }
}

/// A result whose error is [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
