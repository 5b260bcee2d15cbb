//! `serve`: the wizard over SSH. Not a front end of its own but the edge for remote
//! users: each SSH channel gets one of the two front ends, the full-screen wizard when
//! the client asked for a terminal, plain mode otherwise, each on its own session with
//! its own saves, all writing the one outcome log.
//!
//! By role: `host_key` (the server's key), `auth` (who may in), `limits` (failed sign-ins
//! per address), `accept` (taking connections, the login grace), `gate` (caps on
//! connections and wizards, per client and in all), `kill` (ending a connection from
//! outside), `pacing` (a client's input, bounded), `private` (the state folder, kept
//! private), `handler` (the SSH protocol: what is accepted and what refused), `wizard`
//! (one wizard on one channel, on a thread of its own), `wizards` (the running ones, ended
//! when idle or when the server stops), `words` (what the server says), `keys`,
//! `line_mode` and `line_cap` (a remote terminal's input, bounded), `channel_io` (the
//! channel as a reader and a writer), `log` (the operator's log: one line per event on
//! stderr), `call_id` (the ids of calls and codes), `kept_transcript` (an agent fetching a
//! call's kept transcript). `web/` serves the wizard as
//! web pages (`--http`), in the same process, state folder and log.
//!
//! It exports what the `signin-doctor-serve` program and the tests use: [`main`] with its
//! [`Options`], [`error::Error`] (why it cannot start, converted into the edge's error),
//! and [`web`]'s router and server for the web tests and benchmarks; everything else is
//! the crate's own.

// The crates below, under the names this crate's modules use (`crate::session`…).
use signin_doctor_cli::{commands, exit};
use signin_doctor_core::{
    autosave, clock, core, flow, handoff, i18n, lang, page, sanitize, session, transcript,
};
use signin_doctor_plain as plain;
use signin_doctor_tui as tui;

mod accept;
mod auth;
mod call_id;
mod channel_io;
pub mod error;
mod full_screen;
mod gate;
mod guesses;
mod handler;
mod host_key;
mod kept_transcript;
mod keys;
mod kill;
mod limits;
mod line_cap;
mod line_mode;
mod log;
mod pacing;
mod private;
mod role;
mod tidy;
pub mod web;
mod wizard;
mod wizards;
mod words;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize};
use std::time::Duration;

use russh::server::Config;

use crate::commands::load_flow;
use crate::error::{Error, Result};
use crate::flow::Flow;

/// How `serve` runs (see `signin-doctor serve --help`).
#[derive(Debug, Clone)]
pub struct Options {
    /// Where to listen for SSH; `None`: no SSH (the web pages only).
    pub listen: Option<SocketAddr>,
    /// Where to serve the web pages; `None`: none.
    pub http: Option<SocketAddr>,
    /// TLS ends at a proxy in front of the web pages (cookies marked `Secure`).
    pub https_behind_proxy: bool,
    /// The host key file; `None`: `ssh_host_ed25519_key` in the state folder.
    pub host_key: Option<PathBuf>,
    /// Anyone may in, with any user name and no key.
    pub open: bool,
    /// The public keys let in when not open.
    pub authorized_keys: Option<PathBuf>,
    /// The public keys of helpdesk agents: let in, in agent mode.
    pub agent_keys: Option<PathBuf>,
    /// The flow to serve; `None`: the built-in one.
    pub flow: Option<PathBuf>,
    /// The folder for the host key and every session's saves.
    pub state_dir: Option<PathBuf>,
    /// The one outcome log.
    pub log: Option<PathBuf>,
    /// How many days set-aside sessions are kept.
    pub keep_days: u32,
    /// The most wizards at once.
    pub max_sessions: usize,
    /// The most connections open at once; more are closed at once.
    pub max_connections: usize,
    /// The most connections signing in at once (as OpenSSH's `MaxStartups`).
    pub max_startups: usize,
    /// The most connections signing in, and the most wizards, from one client (an IPv4
    /// address or an IPv6 /64).
    pub max_per_address: usize,
    /// How long a connection has to sign in (as OpenSSH's `LoginGraceTime`).
    pub login_grace: Duration,
    /// Sessions without input for this long are ended, with a goodbye line.
    pub idle_timeout: Duration,
    /// How the operator's log on stderr is written.
    pub log_format: log::LogFormat,
    /// The language for clients that send none (`--lang`).
    pub lang: Option<crate::lang::Lang>,
}

/// How long past `--idle-timeout` a connection without input is dropped, giving a
/// wizard ended at the idle timeout time to say goodbye.
const IDLE_GRACE: Duration = Duration::from_secs(30);

/// How long a stopping server waits for its wizards to save and say goodbye.
const STOP_GRACE: Duration = Duration::from_secs(5);

/// What every connection shares.
#[derive(Debug)]
pub(crate) struct Shared {
    /// The flow every session walks.
    pub flow: Arc<Flow>,
    /// Who may in.
    pub auth: auth::Auth,
    /// The state folder: the host key, hand-off codes (`handoff/`) and sessions.
    pub state_root: Option<PathBuf>,
    /// Where sessions keep their saves (each in a folder of its own under `served/`).
    pub state_dir: Option<PathBuf>,
    /// The live shared sessions by hand-off code, for agents to join.
    pub live: Arc<crate::core::live::Lobby>,
    /// The one outcome log.
    pub log: Option<PathBuf>,
    /// How many days set-aside sessions are kept.
    pub keep_days: u32,
    /// Caps on connections and wizards, and their counts.
    pub gate: Arc<gate::Gate>,
    /// How long a connection has to sign in.
    pub login_grace: Duration,
    /// Numbers sessions for their folders.
    pub started: AtomicUsize,
    /// This server process's name in its sessions' folder names, unlike any other's
    /// sharing the state folder (see [`instance_name`]).
    pub instance: String,
    /// Failed sign-ins per address.
    pub sign_in_limits: limits::SignInLimits,
    /// Wrong hand-off codes, limited.
    pub code_guesses: guesses::CodeGuesses,
    /// A wizard without input for this long is ended, with a goodbye.
    pub idle_timeout: Duration,
    /// The wizards running now, to end them when the server stops.
    pub wizards: wizards::Wizards,
    /// Names calls and hand-off codes in the log and the kept transcripts.
    pub call_ids: call_id::CallIds,
    /// Numbers connections for the log.
    pub connections_made: AtomicU64,
    /// The language for clients that send none (`--lang`).
    pub default_lang: Option<crate::lang::Lang>,
}

/// Runs the server until it is stopped (Ctrl+C, SIGTERM) or cannot listen.
pub fn main(options: Options) -> Result<()> {
    log::use_format(options.log_format);
    // Who may sign in over SSH is checked first: nothing is made for a server that cannot run.
    let auth = match options.listen {
        Some(_) => Some(auth::Auth::new(
            options.open,
            options.authorized_keys.as_deref(),
            options.agent_keys.as_deref(),
        )?),
        None => None,
    };
    let flow = load_flow(options.flow.as_deref())
        .map_err(Error::Flow)?
        .flow
        .shared();
    private::prepare(options.state_dir.as_deref())?;
    // What a remote user is not shown of a problem with the records, the operator reads.
    crate::core::tell_operator_with(log::records_problem);
    if let Some(root) = &options.state_dir {
        crate::handoff::sweep(root, crate::clock::now());
        tidy::tidy(&root.join("served"), options.keep_days);
        tidy::tidy_transcripts(&root.join(wizard::TRANSCRIPTS), options.keep_days);
    }
    // One lobby for both: an agent over SSH joins a partner in a browser by their code;
    // one key for call ids, so both name a code alike in the operator's log.
    let lobby = crate::core::live::Lobby::new(options.state_dir.clone());
    let call_ids = call_id::CallIds::load(options.state_dir.as_deref())?;
    let ssh = match (options.listen, auth) {
        (Some(address), Some(auth)) => Some((
            ssh_server(
                &options,
                auth,
                Arc::clone(&flow),
                Arc::clone(&lobby),
                call_ids.clone(),
            )?,
            address,
        )),
        _ => None,
    };
    let web = options.http.map(|address| {
        let web_options = web::WebOptions {
            flow,
            state_dir: options.state_dir.clone(),
            log: options.log.clone(),
            keep_days: options.keep_days,
            max_sessions: options.max_sessions,
            idle_timeout: options.idle_timeout,
            behind_proxy: options.https_behind_proxy,
            sessions_per_minute: web::SESSIONS_PER_MINUTE,
            answers_per_minute: web::ANSWERS_PER_MINUTE,
        };
        (
            web::App::with_shared(&web_options, lobby, call_ids),
            address,
        )
    });
    let runtime = tokio::runtime::Runtime::new()
        .map_err(|e| Error::Serve(format!("cannot start the network runtime: {e}")))?;
    let served = runtime.block_on(listen(ssh, web));
    // The last lines out before an error is said or the server exits.
    log::flush();
    served
}

/// The SSH server's shared state and configuration, as `options` say.
fn ssh_server(
    options: &Options,
    auth: auth::Auth,
    flow: Arc<Flow>,
    live: Arc<crate::core::live::Lobby>,
    call_ids: call_id::CallIds,
) -> Result<(Arc<Shared>, Config)> {
    let key_path = match (&options.host_key, &options.state_dir) {
        (Some(path), _) => path.clone(),
        (None, Some(dir)) => dir.join("ssh_host_ed25519_key"),
        (None, None) => {
            return Err(Error::Serve(
                "no home folder for a host key; give one with --host-key or --state-dir".into(),
            ));
        }
    };
    let key = host_key::load_or_make(&key_path)?;
    let config = Config {
        keys: vec![key],
        methods: auth.methods(),
        // A backstop for connections without a wizard: a running wizard is ended at
        // `idle_timeout` with a goodbye line (`wizards`), before this drops the connection.
        inactivity_timeout: Some(options.idle_timeout.saturating_add(IDLE_GRACE)),
        auth_rejection_time: Duration::from_secs(1),
        auth_rejection_time_initial: Some(Duration::ZERO),
        max_auth_attempts: 6,
        nodelay: true,
        ..Config::default()
    };
    let shared = Arc::new(Shared {
        flow,
        auth,
        state_dir: options.state_dir.as_ref().map(|dir| dir.join("served")),
        live,
        state_root: options.state_dir.clone(),
        log: options.log.clone(),
        keep_days: options.keep_days,
        gate: Arc::new(gate::Gate::new(gate::Caps {
            connections: options.max_connections,
            startups: options.max_startups,
            per_address: options.max_per_address,
            sessions: options.max_sessions,
        })),
        login_grace: options.login_grace,
        started: AtomicUsize::new(0),
        instance: instance_name(),
        sign_in_limits: limits::SignInLimits::default(),
        code_guesses: guesses::CodeGuesses::default(),
        idle_timeout: options.idle_timeout,
        wizards: wizards::Wizards::default(),
        call_ids,
        connections_made: AtomicU64::new(0),
        default_lang: options.lang,
    });
    Ok((shared, config))
}

/// A name for this server process: its process id and a random number, since servers in
/// containers sharing one state folder often have the same process id (1).
fn instance_name() -> String {
    use std::hash::{BuildHasher, Hasher};
    // The standard library seeds each `RandomState` from the system's random source.
    let random = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    format!("{}-{:08x}", std::process::id(), random as u32)
}

/// Binds `address` for the server named by `flag`.
async fn bind(address: SocketAddr, flag: &str) -> Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(address).await.map_err(|e| {
        Error::Serve(format!(
            "cannot listen on {address}: {e}; pick another with {flag} ADDR:PORT"
        ))
    })
}

/// Listens for SSH and for the web pages, as asked, and serves every connection until a
/// stop signal.
async fn listen(
    ssh: Option<((Arc<Shared>, Config), SocketAddr)>,
    web: Option<(Arc<web::App>, SocketAddr)>,
) -> Result<()> {
    let ssh = match ssh {
        Some((server, address)) => Some((server, bind(address, "--listen").await?, address)),
        None => None,
    };
    let (stopping, stop) = tokio::sync::watch::channel(false);
    let web = match web {
        Some((app, address)) => {
            let socket = bind(address, "--http").await?;
            log::event("listening")
                .with("web", format!("http://{address}/"))
                .log();
            let mut stopped = stop.clone();
            let stopped = async move {
                let _ = stopped.wait_for(|stop| *stop).await;
            };
            Some(tokio::spawn(web::serve(socket, app, stopped)))
        }
        None => None,
    };
    match ssh {
        Some(((shared, config), socket, address)) => {
            log::event("listening")
                .with("address", address.to_string())
                .with("flow", shared.flow.id())
                .with("flow_version", u64::from(shared.flow.version()))
                .log();
            tokio::select! {
                () = accept::accept_all(socket, Arc::clone(&shared), Arc::new(config), stop) => {}
                signal = stop_signal() => {
                    log::event("stopping")
                        .with("signal", signal)
                        .with("sessions", shared.wizards.running())
                        .log();
                    say_goodbye_to_all(&shared).await;
                    let _ = stopping.send(true);
                    // Each connection's goodbye on its way.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
        }
        None => {
            let signal = stop_signal().await;
            log::event("stopping").with("signal", signal).log();
            let _ = stopping.send(true);
        }
    }
    if let Some(web) = web
        && let Ok(Err(error)) = web.await
    {
        return Err(Error::Serve(format!("the web pages stopped: {error}")));
    }
    log::event("stopped").log();
    Ok(())
}

/// Ends every running wizard (each secures its session and says goodbye, after leaving
/// the full screen) and waits, at most [`STOP_GRACE`], until each client was told and
/// has gone (an SSH client leaves once its channel is closed).
async fn say_goodbye_to_all(shared: &Shared) {
    let clients = shared.wizards.end_all();
    let deadline = tokio::time::Instant::now() + STOP_GRACE;
    for client in clients {
        // Closed once the wizard's last words and exit status are on their way.
        if tokio::time::timeout_at(deadline, client.closed())
            .await
            .is_err()
        {
            log::event("stop_timeout")
                .with("sessions", shared.wizards.running())
                .log();
            return;
        }
    }
    // Then the clients leave, having read them; one that lingers is cut off at the deadline.
    while shared.wizards.connections() > 0 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits for Ctrl+C or SIGTERM; gives which came.
async fn stop_signal() -> &'static str {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            return tokio::select! {
                _ = term.recv() => "SIGTERM",
                _ = tokio::signal::ctrl_c() => "SIGINT",
            };
        }
    }
    let _ = tokio::signal::ctrl_c().await;
    "SIGINT"
}
