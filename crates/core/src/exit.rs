//! How a run ends, and the exit code each ending gives.

use std::process::ExitCode;

use crate::core::End;
use crate::error::{Error, Result};

/// How a walk through the wizard ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkEnd {
    /// The user reached a remedy, contact or solved screen.
    Ending,
    /// The user quit (or input ended, or a signal came) before an ending.
    Quit,
}

/// Exit code: an ending was reached, or `check` found no error.
pub const SUCCESS: u8 = 0;
/// Exit code: something went wrong while running (a terminal or I/O failure).
pub const RUNTIME_ERROR: u8 = 1;
/// Exit code: bad command-line usage, or an invalid flow.
pub const USAGE_OR_INVALID_FLOW: u8 = 2;
/// Exit code: quit before an ending.
pub const INTERRUPTED: u8 = 130;

impl WalkEnd {
    /// The process exit code for this ending.
    pub fn exit_code(self) -> ExitCode {
        ExitCode::from(self.code())
    }

    /// The exit code for this ending as a number (also sent as an SSH exit status).
    pub fn code(self) -> u8 {
        match self {
            WalkEnd::Ending => SUCCESS,
            WalkEnd::Quit => INTERRUPTED,
        }
    }
}

impl From<End> for WalkEnd {
    fn from(end: End) -> WalkEnd {
        match end {
            End::Finished => WalkEnd::Ending,
            End::Quit | End::Interrupted | End::TerminalGone => WalkEnd::Quit,
        }
    }
}

/// Writes `text` to stdout; [`Error::Output`] if it cannot be written — a full disk
/// (`> /dev/full`), or a closed pipe (`| head`), which is then not reported.
pub fn print(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(Error::Output)
}
