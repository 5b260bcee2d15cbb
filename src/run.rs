//! What the binary does with its command line: load, check, and pick a front end.

use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use crate::cli::{Cli, Command, StateOptions};
use crate::commands::{self, walkable_flow};
use crate::core::start::{StartOptions, begin};
use crate::core::{Notice, RecordOptions};
use crate::default_paths::{log_file, state_dir};
use crate::error::{Error, Result};
use crate::exit::WalkEnd;
use crate::flow::ReviewPolicy;
use crate::lang::Lang;
use crate::plain::start::LinePrompt;
use crate::session::Session;
use crate::{plain, tui};

/// What the program learns from its environment, read once at start and handed down as
/// plain values: nothing below this module reads the environment or asks the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Surroundings {
    /// The language from `LC_ALL`, `LC_MESSAGES` or `LANG` (else English).
    pub lang: Lang,
    /// `NO_COLOR` is set to something (<https://no-color.org>: present and not empty).
    pub no_color: bool,
    /// Whether stdin is a terminal (someone can answer a question).
    pub stdin_terminal: bool,
    /// Whether stdout is a terminal.
    pub stdout_terminal: bool,
    /// The `TERM` variable.
    pub term: Option<String>,
}

impl Surroundings {
    /// Reads the environment and asks the standard streams whether they are terminals.
    pub fn read() -> Surroundings {
        Surroundings {
            lang: Lang::from_env(),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            stdin_terminal: io::stdin().is_terminal(),
            stdout_terminal: io::stdout().is_terminal(),
            term: std::env::var("TERM").ok(),
        }
    }

    /// Whether stdout may take escape sequences beyond colour (hyperlinks, clipboard):
    /// a terminal whose type takes them (see [`takes_escapes`]).
    fn escapes(&self) -> bool {
        self.stdout_terminal && takes_escapes(self.term.as_deref())
    }
}

/// Runs the program for a parsed command line and returns its exit code.
/// Messages for the user go to stderr; nothing here panics on bad input.
pub fn run(cli: Cli) -> ExitCode {
    match run_in(cli, &Surroundings::read()) {
        Ok(code) => code,
        Err(error) => ExitCode::from(error.reported(say)),
    }
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
        Some(Command::Serve {
            listen,
            http,
            https_behind_proxy,
            host_key,
            open,
            authorized_keys,
            agent_keys,
            max_sessions,
            max_connections,
            max_startups,
            max_per_address,
            login_grace,
            idle_timeout,
            flow,
            state,
            log,
        }) => {
            let (state_folder, keep_days) = state.or(&cli.state);
            crate::serve::main(crate::serve::Options {
                // SSH on its default address, unless only the web pages are asked for.
                listen: match (listen, http) {
                    (None, Some(_)) => None,
                    (listen, _) => Some(
                        listen
                            .unwrap_or_else(|| std::net::SocketAddr::from(([127, 0, 0, 1], 2222))),
                    ),
                },
                http: *http,
                https_behind_proxy: *https_behind_proxy,
                host_key: host_key.clone(),
                open: *open,
                authorized_keys: authorized_keys.clone(),
                agent_keys: agent_keys.clone(),
                flow: flow.or(&cli.flow).map(Path::to_path_buf),
                state_dir: state_dir(state_folder.as_deref()),
                log: log_file(log.or(&cli.log)),
                keep_days,
                max_sessions: *max_sessions,
                max_connections: *max_connections,
                max_startups: *max_startups,
                max_per_address: *max_per_address,
                login_grace: std::time::Duration::from_secs(*login_grace),
                idle_timeout: std::time::Duration::from_secs(*idle_timeout),
            })
        }
        None => return wizard(&cli, lang, env).map(WalkEnd::exit_code),
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
            hand_off: None,
            remote: false,
            terminal: env.stdin_terminal,
        };
        plain::start::main(session, lang, &start, options)
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
    StartOptions {
        records: RecordOptions {
            state_dir: state_dir(state_folder.as_deref()),
            log: log_file(cli.log.file.as_deref()),
            transcript: cli.transcript.clone(),
            agent: agent_mode(cli),
            keep_days,
            served: false,
        },
        resume: cli.resume.is_some(),
        hand_off: hand_off_code(cli).map(str::to_owned),
        lang: cli.lang.lang,
        interactive: env.stdin_terminal,
    }
}

/// The hand-off code given with `--resume CODE`, if any.
fn hand_off_code(cli: &Cli) -> Option<&str> {
    cli.resume.as_ref().and_then(Option::as_deref)
}

/// Agent mode: asked for with `--agent`, or taking over a partner's session by its code.
fn agent_mode(cli: &Cli) -> bool {
    cli.agent || hand_off_code(cli).is_some()
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

/// Whether a terminal of type `term` takes hyperlinks (OSC 8) and clipboard writes
/// (OSC 52), here and over SSH alike: one that can move its cursor, except the types of
/// terminals known to show such sequences as junk or to mistake them — the Linux console
/// (`linux`), DEC terminals and their emulations (`vt100`, `vt220`…), `ansi` and the BSD
/// consoles (`cons25`…).
pub fn takes_escapes(term: Option<&str>) -> bool {
    let plain_console = term.map(str::trim).is_some_and(|term| {
        term == "linux"
            || term.starts_with("linux-")
            || term.starts_with("vt")
            || term.starts_with("ansi")
            || term.starts_with("cons")
    });
    cursor_addressing(term) && !plain_console
}

/// The full-screen wizard: the resume offer in line mode first, then the wizard with
/// autosave, then — once the terminal is back to normal — the transcript, the outcome log
/// and what became of the save.
///
/// What becomes of the session follows the core's one rule ([`crate::core::RecordKeeper::end`]): when
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
    let started = begin(fresh, lang, start, &mut prompt)?;
    let (mut session, lang, mut records) = (started.session, started.lang, started.records);
    let left = tui::run(&mut session, lang, options, &mut records);
    show(&records.end(&session, tui::Left::how(&left)));
    let left = left?;
    if records.failed() {
        return Err(Error::RecordsFailed);
    }
    Ok(left.end)
}

/// Prints the record keeping's messages once the terminal is back to normal.
fn show(notices: &[Notice]) {
    // The terminal may be gone (a closed window): nothing to do about it.
    let _ = plain::start::show(&mut io::stdout(), notices);
}

/// Prints a line on stderr, ignoring a terminal that is gone (`eprintln!` would panic).
fn say(text: &str) {
    use std::io::Write;
    let _ = writeln!(io::stderr(), "{text}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyperlinks_and_clipboard_only_for_terminal_types_that_take_them() {
        for term in [
            "xterm-256color",
            "xterm",
            "screen-256color",
            "tmux-256color",
        ] {
            assert!(takes_escapes(Some(term)), "{term}");
        }
        for term in [
            "dumb", "linux", "vt100", "vt220", "ansi", "cons25", "unknown", "",
        ] {
            assert!(!takes_escapes(Some(term)), "{term}");
        }
        let local = |term: &str| Surroundings {
            lang: Lang::En,
            no_color: false,
            stdin_terminal: true,
            stdout_terminal: true,
            term: Some(term.to_owned()),
        };
        assert!(local("xterm-256color").escapes());
        assert!(!local("linux").escapes(), "the same rule here as over SSH");
    }
}
