//! The one error type of the programs: every way a run can fail, worded for the user —
//! naming the command-line options that apply — with the exit code each gives. The
//! layers below return their own errors as data (the core's [`StartError`], the front
//! ends' `tui::Error` and `plain::Error`), converted into this one with `From`. The
//! edge of each program (`signin-doctor`'s `run`, the server program's `main`) prints it,
//! once, as `signin-doctor: MESSAGE` ([`crate::report`]).

use std::io;
use std::path::PathBuf;

use signin_doctor_plain as plain;
use signin_doctor_tui as tui;

use crate::core::start::StartError;
use crate::exit::{RUNTIME_ERROR, USAGE_OR_INVALID_FLOW};
use crate::flow::LoadError;

/// Why a run failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The flow cannot be loaded for what was asked (drawn, walked).
    #[error("{doing}\n{source}")]
    Flow {
        /// What could not be done, as a sentence ("the wizard cannot start.").
        doing: &'static str,
        /// Why the flow cannot be loaded.
        source: LoadError,
    },
    /// `check` could not read the flow at all (a missing file, not a list of problems).
    #[error("{0}")]
    Check(LoadError),
    /// `check` found errors (or warnings with `--deny-warnings`); the report said which.
    #[error("the flow has problems (listed above)")]
    FlowProblems,
    /// The wizard cannot start (a save that does not fit, `--transcript` that cannot be
    /// written, every save in use, a hand-off code that cannot be used).
    #[error("{}", start_message(.0))]
    Start(StartError),
    /// `stats --since` is not a date.
    #[error("--since: {message}")]
    Since {
        /// What is wrong with it.
        message: String,
    },
    /// No `--log` and no home folder to find the outcome log in.
    #[error("no home folder to find the outcome log in; use --log FILE")]
    NoLogHome,
    /// The outcome log cannot be read.
    #[error("cannot read the outcome log {}: {source}", path.display())]
    ReadLog {
        /// The log file.
        path: PathBuf,
        /// Why it cannot be read.
        source: io::Error,
    },
    /// What a command prints cannot be written (a full disk; a closed pipe says nothing).
    #[error("cannot write the output: {0}")]
    Output(io::Error),
    /// The full-screen wizard lost its terminal, or cannot set it up.
    #[error(transparent)]
    Terminal(#[from] tui::error::Error),
    /// Plain mode cannot read its input or write its output.
    #[error("{0}")]
    Lines(io::Error),
    /// A write of the user's data failed; the messages about it were shown as it happened.
    #[error("some of the session's records could not be written (see above)")]
    RecordsFailed,
    /// `serve` cannot start: its host key, authorized keys or address; says what to do.
    #[error("serve: {0}")]
    Serve(String),
    /// The command line asks for something that does not go together; says what to do.
    #[error("{0}")]
    Usage(String),
}

impl From<StartError> for Error {
    fn from(error: StartError) -> Error {
        Error::Start(error)
    }
}

impl From<plain::error::Error> for Error {
    fn from(error: plain::error::Error) -> Error {
        match error {
            plain::error::Error::Start(error) => Error::Start(error),
            plain::error::Error::Lines(error) => Error::Lines(error),
            plain::error::Error::RecordsFailed => Error::RecordsFailed,
        }
    }
}

/// Why the wizard cannot start, in the user's words, with the options to change.
fn start_message(error: &StartError) -> String {
    match error {
        StartError::Transcript { path, why } => format!(
            "--transcript {}: {why}; give a file in an existing folder.",
            path.display()
        ),
        StartError::AllInUse => "--resume: every unfinished session is in use by another \
             program (see above); finish the call there, or start without --resume."
            .to_owned(),
        StartError::NoStateFolder => "there is no folder for saved sessions to find the code \
             in; give the server's --state-dir"
            .to_owned(),
        StartError::HandOff(error) => error.to_string(),
        StartError::NotResumed { path } => format!(
            "The saved session is kept in {}. Run signin-doctor without --resume in a \
             terminal to start over.",
            path.display()
        ),
    }
}

/// A result whose error is [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// The exit code: 2 for bad usage or an invalid flow, else 1 (or the start-up's own).
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Flow { .. }
            | Error::Check(_)
            | Error::FlowProblems
            | Error::Since { .. }
            | Error::Usage(_) => USAGE_OR_INVALID_FLOW,
            // A `--transcript` that cannot be written is bad usage; the rest happen at run time.
            Error::Start(StartError::Transcript { .. }) => USAGE_OR_INVALID_FLOW,
            Error::Start(_) => RUNTIME_ERROR,
            Error::NoLogHome
            | Error::ReadLog { .. }
            | Error::Output(_)
            | Error::Terminal(_)
            | Error::Lines(_)
            | Error::RecordsFailed
            | Error::Serve(_) => RUNTIME_ERROR,
        }
    }

    /// Tells the user what went wrong through `say` — one line, `signin-doctor: …`, with
    /// no line end — unless it was said already, and gives the exit code. The one place
    /// where an error becomes a message and a code, for this process and a served client.
    pub fn reported(&self, say: impl FnOnce(&str)) -> u8 {
        if !self.said_already() {
            say(&format!("signin-doctor: {self}"));
        }
        self.exit_code()
    }

    /// Whether the message is left out: it was said already (the check report, the
    /// record keeping's notices) or nobody is left to read it (a closed pipe, `| head`).
    pub(crate) fn said_already(&self) -> bool {
        match self {
            Error::FlowProblems | Error::RecordsFailed => true,
            Error::Output(error) | Error::Lines(error) => error.kind() == io::ErrorKind::BrokenPipe,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use signin_doctor_core::transcript::BadTarget;

    #[test]
    fn each_kind_of_failure_has_its_exit_code_and_message() {
        let full = || io::Error::new(io::ErrorKind::StorageFull, "No space left on device");
        let cases: [(Error, u8, &str); 6] = [
            (
                Error::Since {
                    message: "not a date".into(),
                },
                2,
                "--since: not a date",
            ),
            (
                Error::NoLogHome,
                1,
                "no home folder to find the outcome log in; use --log FILE",
            ),
            (
                Error::Output(full()),
                1,
                "cannot write the output: No space left on device",
            ),
            (
                Error::Start(StartError::AllInUse),
                1,
                "--resume: every unfinished session",
            ),
            (
                Error::Start(StartError::Transcript {
                    path: "x".into(),
                    why: BadTarget::Folder,
                }),
                2,
                "--transcript x: it is a folder; give a file in an existing folder.",
            ),
            (Error::FlowProblems, 2, "the flow has problems"),
        ];
        for (error, code, message) in cases {
            assert_eq!(error.exit_code(), code, "{error}");
            assert!(error.to_string().starts_with(message), "{error}");
        }
    }

    #[test]
    fn a_closed_pipe_and_what_was_said_already_are_not_said_again() {
        let pipe = || io::Error::from(io::ErrorKind::BrokenPipe);
        assert!(Error::Output(pipe()).said_already());
        assert!(Error::Lines(pipe()).said_already());
        assert!(Error::RecordsFailed.said_already());
        assert!(!Error::Output(io::Error::from(io::ErrorKind::StorageFull)).said_already());
        assert!(!Error::NoLogHome.said_already());
    }

    #[test]
    fn an_error_is_reported_once_with_the_program_name_and_its_code() {
        let mut said = Vec::new();
        assert_eq!(
            Error::NoLogHome.reported(|text| said.push(text.to_owned())),
            1
        );
        assert_eq!(
            Error::FlowProblems.reported(|text| said.push(text.to_owned())),
            2
        );
        assert_eq!(
            said.len(),
            1,
            "what was said already is not said again: {said:?}"
        );
        assert_eq!(said[0], format!("signin-doctor: {}", Error::NoLogHome));
    }
}
