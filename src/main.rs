//! The `signin-doctor` command: the wizard, `check`, `graph`, `schema`, `stats`; `serve`
//! runs the sibling program `signin-doctor-serve`. The work lives in the crates.

mod run;
mod sibling;

use std::process::ExitCode;

use clap::Parser;
// The crates, under the names the modules here use (`crate::session`…).
use signin_doctor_cli::{self as cli, commands, default_paths, error, exit, report, surroundings};
use signin_doctor_core::{core, flow, lang, session};
use signin_doctor_plain as plain;
use signin_doctor_tui as tui;

use cli::Cli;

fn main() -> ExitCode {
    run::run(Cli::parse())
}
