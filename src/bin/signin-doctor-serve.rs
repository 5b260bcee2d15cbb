//! `signin-doctor-serve`: the wizard over SSH, the program `signin-doctor serve` runs. It
//! takes `signin-doctor`'s command line (`signin-doctor-serve serve --listen …`, with the
//! options before `serve` such as `--flow` and `--state`), or `serve`'s options alone
//! (`signin-doctor-serve --listen …`).

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use signin_doctor_cli::default_paths::{log_file, state_dir};
use signin_doctor_cli::error::{Error, Result};
use signin_doctor_cli::exit::USAGE_OR_INVALID_FLOW;
use signin_doctor_cli::report::{exit_code, say};
use signin_doctor_cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = parse(std::env::args_os().collect());
    exit_code(serve(&cli).map(|()| ExitCode::SUCCESS))
}

/// The command line as `signin-doctor serve` takes it, `serve` put in when left out.
fn parse(arguments: Vec<OsString>) -> Cli {
    match Cli::try_parse_from(&arguments) {
        Ok(cli) if matches!(cli.command, Some(Command::Serve { .. })) => cli,
        _ => {
            let mut with_serve = arguments;
            with_serve.insert(with_serve.len().min(1), "serve".into());
            Cli::parse_from(with_serve)
        }
    }
}

/// Runs the server with the options of the command line, the XDG defaults filled in.
fn serve(cli: &Cli) -> Result<()> {
    let Some(Command::Serve {
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
        log_format,
        lang,
    }) = &cli.command
    else {
        say("signin-doctor-serve: only `serve` runs here; the rest is signin-doctor's.");
        std::process::exit(i32::from(USAGE_OR_INVALID_FLOW));
    };
    refuse_for_serve(cli)?;
    let (state_folder, keep_days) = state.or(&cli.state);
    Ok(signin_doctor_serve::main(signin_doctor_serve::Options {
        // SSH on its default address, unless only the web pages are asked for.
        listen: match (listen, http) {
            (None, Some(_)) => None,
            (listen, _) => {
                Some(listen.unwrap_or_else(|| std::net::SocketAddr::from(([127, 0, 0, 1], 2222))))
            }
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
        log_format: *log_format,
        lang: lang.lang.or(cli.lang.lang),
    })?)
}

/// Refuses the wizard's options that `serve` has no use for, naming each, rather than
/// ignoring them (`--lang` it takes: the language for clients that send none).
fn refuse_for_serve(cli: &Cli) -> Result<()> {
    let refused = [
        (
            cli.plain,
            "--plain: each client picks plain lines (`ssh -T`, or the command `plain`)",
        ),
        (
            cli.watch,
            "--watch: a server serves its flow as it was when it started",
        ),
        (
            cli.agent,
            "--agent: helpdesk agents are the holders of the keys in --agent-keys",
        ),
        (
            cli.transcript.is_some(),
            "--transcript: a served session's transcript comes over the connection, and \
             agents fetch a call's with `ssh agent@HOST transcript CODE`",
        ),
        (
            cli.resume.is_some(),
            "--resume: a client continues a session with `ssh HOST resume CODE`",
        ),
    ];
    match refused.iter().find(|(given, _)| *given) {
        Some((_, why)) => Err(Error::Usage(format!(
            "serve: {why}; leave the option out (see `signin-doctor serve --help`)."
        ))),
        None => Ok(()),
    }
}
