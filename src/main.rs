//! The `signin-doctor` command; everything it does lives in the library.

use std::process::ExitCode;

use clap::Parser;
use signin_doctor::cli::Cli;

fn main() -> ExitCode {
    signin_doctor::run::run(Cli::parse())
}
