//! The one place each program prints how it ended: an error once, as
//! `signin-doctor: MESSAGE`, and the exit code that goes with it.

use std::process::ExitCode;

use crate::error::Result;

/// The exit code for how a run ended, after printing its error (if any) on stderr.
pub fn exit_code(ended: Result<ExitCode>) -> ExitCode {
    match ended {
        Ok(code) => code,
        Err(error) => ExitCode::from(error.reported(say)),
    }
}

/// Prints a line on stderr, ignoring a terminal that is gone (`eprintln!` would panic).
pub fn say(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{text}");
}
