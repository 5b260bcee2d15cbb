//! How a run ends, and the exit code each ending gives: decided here, at the edge, for
//! both programs.

use std::process::ExitCode;

use crate::core::WalkEnd;
use crate::error::{Error, Result};

/// Exit code: an ending was reached, or `check` found no error.
pub const SUCCESS: u8 = 0;
/// Exit code: something went wrong while running (a terminal or I/O failure).
pub const RUNTIME_ERROR: u8 = 1;
/// Exit code: bad command-line usage, or an invalid flow.
pub const USAGE_OR_INVALID_FLOW: u8 = 2;
/// Exit code: quit before an ending.
pub const INTERRUPTED: u8 = 130;

/// The exit code for a walk that ended `end`, as a number (also sent as an SSH exit
/// status).
pub fn walk_code(end: WalkEnd) -> u8 {
    match end {
        WalkEnd::Ending => SUCCESS,
        WalkEnd::Quit => INTERRUPTED,
    }
}

/// The process exit code for a walk that ended `end`.
pub fn walk_exit(end: WalkEnd) -> ExitCode {
    ExitCode::from(walk_code(end))
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
