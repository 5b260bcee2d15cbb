//! What the binary does with its command line: load, check, and pick a front end.

use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use crate::check_command::{self, CheckFormat};
use crate::cli::{Cli, Command};
use crate::exit::{RUNTIME_ERROR, USAGE_OR_INVALID_FLOW, print};
use crate::flow::{
    CheckOptions, Checked, LoadError, ReviewPolicy, load_built_in, load_built_in_with, load_path,
    load_path_with,
};
use crate::i18n::words;
use crate::lang::Lang;
use crate::records::{Notice, RecordOptions, Records};
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
            max_age_days,
        }) => {
            let review = ReviewPolicy {
                max_age_days: *max_age_days,
                ..ReviewPolicy::today()
            };
            check(
                file.as_deref().or(cli.flow.as_deref()),
                *format,
                *deny_warnings,
                review,
            )
        }
        Some(Command::Graph { format, file }) => {
            graph(*format, file.as_deref().or(cli.flow.as_deref()), lang)
        }
        Some(Command::Schema) => print(&crate::export::schema()),
        Some(Command::Stats { since, format }) => {
            crate::stats::run(cli.log.as_deref(), since.as_deref(), *format)
        }
        Some(Command::Completions { shell }) => print(&crate::manual::completions(*shell)),
        Some(Command::Man) => print(&crate::manual::man_page()),
        None => wizard(&cli, lang),
    }
}

fn load(file: Option<&Path>) -> Result<Checked, LoadError> {
    match file {
        Some(path) => load_path(path),
        None => load_built_in(),
    }
}

/// `signin-doctor check [FILE]`: prints every problem, review dates older than `review`
/// allows included; exit 2 if any is an error.
fn check(
    file: Option<&Path>,
    format: CheckFormat,
    deny_warnings: bool,
    review: ReviewPolicy,
) -> ExitCode {
    let name = file.map_or_else(
        || crate::flow::BUILT_IN_NAME.to_owned(),
        |p| p.display().to_string(),
    );
    let options = CheckOptions {
        review: Some(review),
        ..CheckOptions::default()
    };
    let loaded = match file {
        Some(path) => load_path_with(path, &options),
        None => load_built_in_with(&options),
    }
    .map(|checked| checked.warnings);
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
    let plain = cli.plain
        || !io::stdin().is_terminal()
        || !io::stdout().is_terminal()
        || !cursor_addressing(std::env::var("TERM").ok().as_deref());
    if cli.watch && plain {
        say(
            "signin-doctor: --watch works only in the full-screen wizard; plain mode does not reload the flow.",
        );
    }
    if plain {
        // Resume offer, autosave, transcript and outcome log included.
        plain::start::main(cli, session, lang)
    } else {
        full_screen(cli, session, lang)
    }
}

/// Whether a terminal of type `term` (the `TERM` variable) can move the cursor, as the
/// full-screen wizard needs: not `dumb` (Emacs shells, some CI logs), `unknown` or unset
/// on Unix. Windows consoles set no `TERM` and can.
pub fn cursor_addressing(term: Option<&str>) -> bool {
    match term {
        Some(term) => !matches!(term.trim(), "" | "dumb" | "unknown"),
        None => cfg!(windows),
    }
}

/// The full-screen wizard: the resume offer in line mode first, then the wizard with
/// autosave, then — once the terminal is back to normal — the transcript, the outcome log
/// and what became of the save.
///
/// When a signal, a closed window or a terminal failure ends the wizard before an ending,
/// the session is not finished: its save stays for `--resume` (a closed terminal must not lose a call's
/// notes).
fn full_screen(cli: &Cli, fresh: Session, lang: Lang) -> ExitCode {
    let options = RecordOptions::from_cli(cli);
    let begun = plain::start::begin(
        cli,
        fresh,
        lang,
        &options,
        io::stdin().is_terminal(),
        &mut io::stdin().lock(),
        &mut io::stdout().lock(),
    );
    let (mut session, lang, mut records) = match begun {
        Ok(begun) => begun,
        Err(code) => return code,
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let watch = cli.watch.then(|| cli.flow.clone()).flatten();
    let tui_options = tui::Options {
        no_color,
        watch,
        agent: cli.agent,
    };
    let code = match tui::run(&mut session, lang, tui_options, &mut records) {
        Ok(left) if !left.interrupted || session.outcome().is_some() => {
            show(&records.finish(&session));
            left.end.exit_code()
        }
        Ok(left) => {
            kept_for_resume(&mut records, &session, lang);
            left.end.exit_code()
        }
        Err(error) => {
            say(&format!("signin-doctor: {error:#}"));
            if session.outcome().is_some() {
                show(&records.finish(&session));
            } else {
                kept_for_resume(&mut records, &session, lang);
            }
            ExitCode::from(RUNTIME_ERROR)
        }
    };
    if records.failed() {
        ExitCode::from(RUNTIME_ERROR)
    } else {
        code
    }
}

/// Tells how to continue a session whose save was kept, if there is one — after making
/// sure its latest state is on disk when saving had been failing.
fn kept_for_resume(records: &mut Records, session: &Session, lang: Lang) {
    if let Some(notice) = records.secure(session) {
        show(&[notice]);
    } else if records.autosave_path().is_some_and(Path::is_file) {
        say(words(lang).resume_hint);
    }
}

/// Prints the record keeping's messages: information on stdout, errors on stderr.
fn show(notices: &[Notice]) {
    use std::io::Write;
    for notice in notices {
        if notice.error {
            say(&format!("signin-doctor: {}", notice.text));
        } else {
            // The terminal may be gone (a closed window): nothing to do about it.
            let _ = writeln!(io::stdout(), "{}", notice.text);
        }
    }
}

/// Prints a line on stderr, ignoring a terminal that is gone (`eprintln!` would panic).
fn say(text: &str) {
    use std::io::Write;
    let _ = writeln!(io::stderr(), "{text}");
}
