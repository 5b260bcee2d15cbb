//! What the binary does with its command line: load, check, and pick a front end.

use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::exit::{RUNTIME_ERROR, SUCCESS, USAGE_OR_INVALID_FLOW};
use crate::flow::{Checked, LoadError, load_built_in, load_path};
use crate::lang::Lang;
use crate::session::Session;
use crate::{plain, tui};

/// Runs the program for a parsed command line and returns its exit code.
/// Messages for the user go to stderr; nothing here panics on bad input.
pub fn run(cli: Cli) -> ExitCode {
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    match &cli.command {
        Some(Command::Check { file }) => check(file.as_deref().or(cli.flow.as_deref())),
        None => wizard(&cli, lang),
    }
}

fn load(file: Option<&Path>) -> Result<Checked, LoadError> {
    match file {
        Some(path) => load_path(path),
        None => load_built_in(),
    }
}

/// `signin-doctor check [FILE]`: prints every problem, exit 2 if any is an error.
fn check(file: Option<&Path>) -> ExitCode {
    let name = file.map_or_else(
        || crate::flow::BUILT_IN_NAME.to_owned(),
        |p| p.display().to_string(),
    );
    match load(file) {
        Ok(Checked { warnings, .. }) => {
            for warning in &warnings {
                println!("{warning}");
            }
            match warnings.len() {
                0 => println!("{name}: no problems found"),
                n => println!("{name}: no errors, {n} warning{}", plural(n)),
            }
            ExitCode::from(SUCCESS)
        }
        Err(LoadError::Invalid(diagnostics)) => {
            for diagnostic in &diagnostics {
                println!("{diagnostic}");
            }
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            let warnings = diagnostics.len() - errors;
            println!(
                "{name}: {errors} error{}, {warnings} warning{}",
                plural(errors),
                plural(warnings)
            );
            ExitCode::from(USAGE_OR_INVALID_FLOW)
        }
        Err(error) => {
            eprintln!("signin-doctor: {error}");
            ExitCode::from(USAGE_OR_INVALID_FLOW)
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Runs the wizard in the front end that suits the terminal.
fn wizard(cli: &Cli, lang: Lang) -> ExitCode {
    let flow = match load(cli.flow.as_deref()) {
        Ok(checked) => checked.flow.shared(),
        Err(error) => {
            eprintln!("signin-doctor: the wizard cannot start.\n{error}");
            return ExitCode::from(USAGE_OR_INVALID_FLOW);
        }
    };
    let session = Session::new(flow);
    let plain = cli.plain || !io::stdin().is_terminal() || !io::stdout().is_terminal();
    if plain {
        match plain::run(session, lang, io::stdin().lock(), io::stdout().lock()) {
            Ok(end) => end.exit_code(),
            // The reader went away (`| head`): nobody is left to tell.
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {
                ExitCode::from(RUNTIME_ERROR)
            }
            Err(error) => {
                eprintln!("signin-doctor: {error}");
                ExitCode::from(RUNTIME_ERROR)
            }
        }
    } else {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        match tui::run(session, lang, tui::Options { no_color }) {
            Ok(end) => end.exit_code(),
            Err(error) => {
                eprintln!("signin-doctor: {error:#}");
                ExitCode::from(RUNTIME_ERROR)
            }
        }
    }
}
