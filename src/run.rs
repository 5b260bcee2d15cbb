//! What the binary does with its command line: load, check, and pick a front end.

use std::io;
use std::process::ExitCode;

use crate::cli::{Cli, Command, StateOptions};
use crate::commands::{self, walkable_flow};
use crate::core::start::{StartOptions, begin};
use crate::core::{Call, Notice, RecordOptions, WalkEnd};
use crate::default_paths::{log_file, state_dir};
use crate::error::{Error, Result};
use crate::flow::ReviewPolicy;
use crate::lang::Lang;
use crate::plain::start::LinePrompt;
use crate::report::{exit_code, say};
use crate::session::Session;
use crate::surroundings::{Surroundings, cursor_addressing};
use crate::{plain, tui};

/// Runs the program for a parsed command line and returns its exit code.
/// Messages for the user go to stderr; nothing here panics on bad input.
pub fn run(cli: Cli) -> ExitCode {
    exit_code(run_in(cli, &Surroundings::read()))
}

/// Runs the program for a parsed command line in the given surroundings; gives the exit
/// code of a run that did what was asked (0, or 130 for a wizard left before an ending).
pub fn run_in(cli: Cli, env: &Surroundings) -> Result<ExitCode> {
    let lang = cli.lang.lang.unwrap_or(env.lang);
    match &cli.command {
        Some(Command::Check {
            file,
            flow,
            format,
            deny_warnings,
            max_age_days,
        }) => {
            let review = ReviewPolicy {
                max_age_days: *max_age_days,
                ..ReviewPolicy::today()
            };
            commands::check::run(
                file.as_deref().or(flow.or(&cli.flow)),
                *format,
                *deny_warnings,
                review,
                env.stdout_terminal && !env.no_color,
            )
        }
        Some(Command::Graph {
            format,
            file,
            flow,
            lang: graph_lang,
        }) => commands::graph::run(
            *format,
            file.as_deref().or(flow.or(&cli.flow)),
            graph_lang.lang.unwrap_or(lang),
        ),
        Some(Command::Schema) => commands::schema::run(),
        Some(Command::Stats { since, format, log }) => {
            commands::stats::run(log_file(log.or(&cli.log)), since.as_deref(), *format)
        }
        Some(Command::Completions { shell }) => {
            crate::exit::print(&crate::cli::manual::completions(*shell))
        }
        Some(Command::Man) => crate::exit::print(&crate::cli::manual::man_page()),
        // The SSH server is a program of its own: this one stays as small as the wizard.
        Some(Command::Serve { .. }) => return crate::sibling::serve(),
        None => return wizard(&cli, lang, env).map(crate::exit::walk_exit),
    }
    .map(|()| ExitCode::SUCCESS)
}

/// Runs the wizard in the front end that suits the terminal.
fn wizard(cli: &Cli, lang: Lang, env: &Surroundings) -> Result<WalkEnd> {
    let flow = walkable_flow(cli.flow.path.as_deref(), "the wizard cannot start.")?;
    let session = Session::new(flow);
    let plain = cli.plain
        || !env.stdin_terminal
        || !env.stdout_terminal
        || !cursor_addressing(env.term.as_deref());
    if cli.watch && plain {
        say(
            "signin-doctor: --watch works only in the full-screen wizard; plain mode does not reload the flow.",
        );
    }
    let start = start_options(cli, env);
    if plain {
        // Resume offer, autosave, transcript and outcome log included.
        let options = plain::Options {
            agent: agent_mode(cli),
            remote: false,
            terminal: env.stdin_terminal,
        };
        Ok(plain::start::main(
            session,
            lang,
            &start,
            options,
            crate::exit::INTERRUPTED,
        )?)
    } else {
        let options = tui::Options {
            no_color: env.no_color,
            watch: cli.watch.then(|| cli.flow.path.clone()).flatten(),
            agent: agent_mode(cli),
            hyperlinks: env.escapes(),
            clipboard: env.escapes(),
            sharing: tui::state::sharing::Sharing::Off,
        };
        full_screen(&start, options, session, lang)
    }
}

/// How the wizard starts and where its records go, from the command line with the XDG
/// defaults filled in.
fn start_options(cli: &Cli, env: &Surroundings) -> StartOptions {
    let (state_folder, keep_days) = cli.state.or(&StateOptions::default());
    let records = RecordOptions::kept(
        state_dir(state_folder.as_deref()),
        log_file(cli.log.file.as_deref()),
        keep_days,
    );
    StartOptions::new(
        records
            .transcript(cli.transcript.clone())
            .agent(agent_mode(cli))
            .remedies(crate::cli::REMEDIES),
    )
    .resume(cli.resume.is_some())
    .hand_off(hand_off_code(cli).map(str::to_owned))
    .lang(cli.lang.lang)
    .interactive(env.stdin_terminal)
}

/// The hand-off code given with `--resume CODE`, if any.
fn hand_off_code(cli: &Cli) -> Option<&str> {
    cli.resume.as_ref().and_then(Option::as_deref)
}

/// Agent mode: asked for with `--agent`, or taking over a partner's session by its code.
fn agent_mode(cli: &Cli) -> bool {
    cli.agent || hand_off_code(cli).is_some()
}

/// The full-screen wizard: the resume offer in line mode first, then the wizard with
/// autosave, then — once the terminal is back to normal — the transcript, the outcome log
/// and what became of the save.
///
/// What becomes of the session follows the core's one rule ([`Call::end`]): when
/// a signal, a closed window or a terminal failure ends the wizard before an ending, its
/// save stays for `--resume` (a closed terminal must not lose a call's notes).
fn full_screen(
    start: &StartOptions,
    options: tui::Options,
    fresh: Session,
    lang: Lang,
) -> Result<WalkEnd> {
    let mut prompt = LinePrompt {
        remote: false,
        input: &mut io::stdin().lock(),
        output: &mut io::stdout().lock(),
    };
    let call = Call::new(begin(fresh, lang, start, &mut prompt)?);
    let (mut call, left) = tui::run(call, &options);
    show(&call.end(tui::Left::how(&left)));
    let left = left?;
    if call.failed() {
        return Err(Error::RecordsFailed);
    }
    Ok(left.end)
}

/// Prints the record keeping's messages once the terminal is back to normal.
fn show(notices: &[Notice]) {
    // The terminal may be gone (a closed window): nothing to do about it.
    let _ = plain::start::show(&mut io::stdout(), notices);
}
