//! What the binary does with its command line: load, check, and pick a front end.

use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use crate::check_command::{self, CheckFormat};
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
        Some(Command::Check {
            file,
            format,
            deny_warnings,
        }) => check(
            file.as_deref().or(cli.flow.as_deref()),
            *format,
            *deny_warnings,
        ),
        Some(Command::Graph { format, file }) => {
            graph(*format, file.as_deref().or(cli.flow.as_deref()), lang)
        }
        Some(Command::Schema) => print(&crate::export::schema()),
        Some(Command::Stats { since, format }) => {
            crate::stats::run(cli.log.as_deref(), since.as_deref(), *format)
        }
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
fn check(file: Option<&Path>, format: CheckFormat, deny_warnings: bool) -> ExitCode {
    let name = file.map_or_else(
        || crate::flow::BUILT_IN_NAME.to_owned(),
        |p| p.display().to_string(),
    );
    let loaded = load(file).map(|checked| checked.warnings);
    check_command::run(&name, loaded, format, deny_warnings)
}

/// `signin-doctor graph [--format F] [FILE]`: prints the flow as a graph; exit 2 if invalid.
fn graph(format: crate::export::GraphFormat, file: Option<&Path>, lang: Lang) -> ExitCode {
    match load(file) {
        Ok(checked) => print(&format.render(&checked.flow, lang)),
        Err(error) => {
            eprintln!("signin-doctor: cannot draw the flow.\n{error}");
            ExitCode::from(USAGE_OR_INVALID_FLOW)
        }
    }
}

/// Writes `text` to stdout; exit 1 if it cannot be written (a closed pipe included).
fn print(text: &str) -> ExitCode {
    use std::io::Write;
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::from(SUCCESS),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(RUNTIME_ERROR),
        Err(error) => {
            eprintln!("signin-doctor: {error}");
            ExitCode::from(RUNTIME_ERROR)
        }
    }
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
        // Resume offer, autosave, transcript and outcome log included.
        plain::start::main(cli, session, lang)
    } else {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let watch = cli.watch.then(|| cli.flow.clone()).flatten();
        match tui::run(session, lang, tui::Options { no_color, watch }) {
            Ok(end) => end.exit_code(),
            Err(error) => {
                eprintln!("signin-doctor: {error:#}");
                ExitCode::from(RUNTIME_ERROR)
            }
        }
    }
}
