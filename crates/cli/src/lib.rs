//! The edge both programs share (`signin-doctor` and `signin-doctor-serve`), above the
//! two front ends: the command line ([`Cli`], clap) and what it offers a user about kept
//! records ([`REMEDIES`]); the one error of a run, worded with the options that apply
//! ([`error::Error`], into which the front ends' errors convert), its exit codes
//! ([`exit`]) and the one place it is printed ([`report`]); the manual page and
//! completions ([`manual`]); the subcommands `check`, `graph`, `schema`, `stats`
//! ([`commands`]); the default paths ([`default_paths`]) and what the program learns
//! from its surroundings ([`surroundings`]).

pub mod commands;
pub mod default_paths;
pub mod error;
pub mod exit;
pub mod report;
pub mod surroundings;

// The crates below, under the names this crate's modules use (`crate::flow`…).
use signin_doctor_core::{bounded_read, core, export, flow, i18n, lang, stats};

pub mod manual;

use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};

use crate::commands::check::CheckFormat;
use crate::commands::stats::StatsFormat;
use crate::core::Remedies;
use crate::export::GraphFormat;
use crate::lang::Lang;

/// What this command line offers a user about kept records, for the core's notices:
/// `--resume` continues a kept session, `--keep-days` says how long set-aside ones stay.
pub const REMEDIES: Remedies = Remedies {
    resume: Some("signin-doctor --resume"),
    keep_days: Some("--keep-days"),
};

/// Walks you through a Partner Center sign-in problem to the right remedy or contact.
#[derive(Debug, Parser)]
#[command(name = "signin-doctor", version, about, long_about = None)]
pub struct Cli {
    /// The flow to use.
    #[command(flatten)]
    pub flow: FlowOption,

    /// Ask the questions as plain lines of text (for screen readers, pipes and scripts).
    /// Chosen automatically when stdin or stdout is not a terminal.
    #[arg(long)]
    pub plain: bool,

    /// Live preview for flow authors: with --flow, reload the flow whenever its files
    /// change, keeping your place; errors in the edited flow show in a bar at the bottom.
    #[arg(long, requires = "flow")]
    pub watch: bool,

    /// The interface language.
    #[command(flatten)]
    pub lang: LangOption,

    /// Helpdesk agent mode: show what to say to the caller, the path so far and the call
    /// time; in plain mode also `n TEXT` (note), `/WORD` (search and jump), `s` (save a
    /// transcript).
    #[arg(long)]
    pub agent: bool,

    /// Write a transcript when the wizard exits: Markdown if FILE ends in .md, JSON if it
    /// ends in .json, otherwise both FILE.md and FILE.json. An existing file is never
    /// overwritten: a numbered name next to it (FILE-1.md) is used and reported.
    #[arg(long, value_name = "FILE")]
    pub transcript: Option<PathBuf>,

    /// Where saved sessions go.
    #[command(flatten)]
    pub state: StateOptions,

    /// Where finished sessions are logged.
    #[command(flatten)]
    pub log: LogOption,

    /// Continue the most recent unfinished session at the same step, with its path and
    /// notes. Without it, plain mode asks when one is found — only if stdin is a terminal.
    /// With a hand-off CODE a partner gave (`--resume K7P-2QX`), continue that partner's
    /// session in agent mode, from the same --state-dir the server uses.
    #[arg(long, value_name = "CODE", num_args = 0..=1)]
    pub resume: Option<Option<String>>,

    /// What to do; without a command, the wizard runs.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--flow`, for the wizard and the commands that read a flow. Given both before and after
/// the command (`--flow A check --flow B`), the one after it counts.
#[derive(Debug, Clone, Default, Args)]
pub struct FlowOption {
    /// Use this flow file (or folder of flow files) instead of the built-in flows.
    #[arg(long = "flow", id = "flow", value_name = "PATH")]
    pub path: Option<PathBuf>,
}

/// `--lang`, for the wizard and `graph`.
#[derive(Debug, Clone, Default, Args)]
pub struct LangOption {
    /// The language: en or nl. Default: from LC_ALL, LC_MESSAGES or LANG, else English.
    #[arg(long = "lang", id = "lang", value_name = "LANG")]
    pub lang: Option<Lang>,
}

/// `--state-dir` and `--keep-days`, for the wizard and `serve`.
#[derive(Debug, Clone, Default, Args)]
pub struct StateOptions {
    /// The folder for saved unfinished sessions (autosave).
    /// Default: $XDG_STATE_HOME/signin-doctor (~/.local/state/signin-doctor).
    #[arg(long, value_name = "DIR")]
    pub state_dir: Option<PathBuf>,

    /// Remove sessions set aside (`*.abandoned.json`) more than DAYS days ago from the
    /// folder for saved sessions when the wizard starts. Default: 30.
    #[arg(long, value_name = "DAYS")]
    pub keep_days: Option<u32>,
}

/// `--log`, for the wizard, `stats` and `serve`.
#[derive(Debug, Clone, Default, Args)]
pub struct LogOption {
    /// The outcome log: one JSON line per finished or abandoned session (read by `stats`).
    /// Default: $XDG_DATA_HOME/signin-doctor/outcomes.jsonl.
    #[arg(long = "log", id = "log", value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// How many days set-aside sessions are kept when `--keep-days` is not given.
pub(crate) const DEFAULT_KEEP_DAYS: u32 = 30;

impl FlowOption {
    /// This flow, else `outer`'s (given before the command).
    pub fn or<'a>(&'a self, outer: &'a FlowOption) -> Option<&'a Path> {
        self.path.as_deref().or(outer.path.as_deref())
    }
}

impl LogOption {
    /// This log, else `outer`'s (given before the command).
    pub fn or<'a>(&'a self, outer: &'a LogOption) -> Option<&'a Path> {
        self.file.as_deref().or(outer.file.as_deref())
    }
}

impl StateOptions {
    /// These options, each else `outer`'s (given before the command), else the default.
    pub fn or(&self, outer: &StateOptions) -> (Option<PathBuf>, u32) {
        (
            self.state_dir.clone().or_else(|| outer.state_dir.clone()),
            self.keep_days
                .or(outer.keep_days)
                .unwrap_or(DEFAULT_KEEP_DAYS),
        )
    }
}

/// Commands besides running the wizard.
#[derive(Debug, Subcommand)]
// Parsed once per run: the size of `serve`'s many options costs nothing.
#[allow(clippy::large_enum_variant)]
pub enum Command {
    /// Check a flow file and print every problem found (exit 2 if any is an error).
    Check {
        /// The flow file or folder to check; default: the built-in flows (or --flow).
        file: Option<PathBuf>,
        /// The flow to check when no FILE is given.
        #[command(flatten)]
        flow: FlowOption,
        /// How to print the problems.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Fail (exit 2) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Warn about facts and links last reviewed more than this many days ago.
        #[arg(long, value_name = "N", default_value_t = crate::flow::DEFAULT_MAX_AGE_DAYS)]
        max_age_days: u32,
    },
    /// Print the flow as a graph: a Mermaid flowchart or Graphviz DOT (`| dot -Tsvg`).
    Graph {
        /// The graph format.
        #[arg(long, value_parser = graph_format(), default_value = "mermaid")]
        format: GraphFormat,
        /// The flow file to draw; default: the built-in flow (or --flow).
        file: Option<PathBuf>,
        /// The flow to draw when no FILE is given.
        #[command(flatten)]
        flow: FlowOption,
        /// The language of the labels.
        #[command(flatten)]
        lang: LangOption,
    },
    /// Print the JSON Schema of the flow file format (for editors' YAML language servers).
    Schema,
    /// Report on the outcome log (--log): sessions, share solved by self-help, endings
    /// ranked by count, median time to an ending, and where sessions were abandoned.
    Stats {
        /// Count only sessions started on or after DATE (YYYY-MM-DD, local time) or an
        /// RFC 3339 time (2025-03-14T09:00:00Z).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// How to print the figures.
        #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
        format: StatsFormat,
        /// The log to read.
        #[command(flatten)]
        log: LogOption,
    },
    /// Print a shell completion script, e.g. `source <(signin-doctor completions bash)`.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: crate::manual::Shell,
    },
    /// Print the manual page (roff), e.g. `signin-doctor man | man -l -`.
    Man,
    /// Serve the wizard over SSH: `ssh -p 2222 HOST` shows it full-screen, `ssh -T` in
    /// plain lines; with --http as web pages too (or only). Uses --flow, --state-dir (host
    /// key, sessions) and --log.
    Serve {
        /// The address and port to listen on for SSH; default 127.0.0.1:2222, unless
        /// --http is given alone.
        #[arg(long, value_name = "ADDR:PORT")]
        listen: Option<std::net::SocketAddr>,
        /// Serve the wizard as web pages on this address and port too (e.g.
        /// 127.0.0.1:8080); alone, without --listen, only the web pages are served.
        #[arg(long, value_name = "ADDR:PORT")]
        http: Option<std::net::SocketAddr>,
        /// TLS ends at a reverse proxy in front of --http: the session cookie is marked
        /// Secure, and the client's address is the last one in X-Forwarded-For.
        #[arg(long, requires = "http")]
        https_behind_proxy: bool,
        /// The server's private host key (OpenSSH format); default: one generated on
        /// first start in the state folder.
        #[arg(long, value_name = "FILE")]
        host_key: Option<PathBuf>,
        /// Let anyone in, with any user name and no key (public self-help).
        #[arg(long)]
        open: bool,
        /// Let in only the public keys in this file (OpenSSH authorized_keys format). One
        /// of --open, --authorized-keys and --agent-keys is needed.
        #[arg(long, value_name = "FILE")]
        authorized_keys: Option<PathBuf>,
        /// The public keys of helpdesk agents (authorized_keys format): they get agent
        /// mode, and `join CODE` / `resume CODE` take over a partner's session.
        #[arg(long, value_name = "FILE")]
        agent_keys: Option<PathBuf>,
        /// The most wizards running at once; more are turned away with a message.
        #[arg(long, value_name = "N", default_value_t = 100,
              value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
        max_sessions: usize,
        /// The most connections open at once; more are closed at once. Keep the service's
        /// LimitNOFILE above it (see the serve guide).
        #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_CONNECTIONS,
              value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
        max_connections: usize,
        /// The most connections signing in at once (as OpenSSH's MaxStartups); a newcomer
        /// beyond it closes the one that has been signing in longest.
        #[arg(long, value_name = "N", default_value_t = 100,
              value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
        max_startups: usize,
        /// The most connections signing in, and the most sessions, from one address (an
        /// IPv6 /64 counts as one address).
        #[arg(long, value_name = "N", default_value_t = 10,
              value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
        max_per_address: usize,
        /// Close a connection that has not signed in within this many seconds (as
        /// OpenSSH's LoginGraceTime).
        #[arg(long, value_name = "SECS", default_value_t = 30,
              value_parser = clap::value_parser!(u64).range(1..))]
        login_grace: u64,
        /// End a session after this many seconds without input: its answers are saved
        /// and the user is told before the connection closes.
        #[arg(long, value_name = "SECS", default_value_t = 1800,
              value_parser = clap::value_parser!(u64).range(1..))]
        idle_timeout: u64,
        /// The flow to serve.
        #[command(flatten)]
        flow: FlowOption,
        /// Where sessions and the host key are kept.
        #[command(flatten)]
        state: StateOptions,
        /// Where finished sessions are logged.
        #[command(flatten)]
        log: LogOption,
        /// The language for clients that send none (no `nl@`/`en@` user name, no LANG).
        #[command(flatten)]
        lang: LangOption,
        /// How the operator's log on stderr is written: one line per event (connection,
        /// sign-in, session start and end, hand-off codes, joins, limits hit, stopping).
        #[arg(long, value_enum, value_name = "FORMAT", default_value_t = LogFormat::Text)]
        log_format: LogFormat,
    },
}

/// `graph --format`: the export's formats as the command line names and describes them
/// (the export itself knows no command line).
fn graph_format() -> impl clap::builder::TypedValueParser<Value = GraphFormat> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new([
        PossibleValue::new("mermaid").help("A Mermaid flowchart (GitHub renders it in Markdown)"),
        PossibleValue::new("dot").help("Graphviz DOT, for `dot -Tsvg`"),
    ])
    .map(|name| match name.as_str() {
        "dot" => GraphFormat::Dot,
        _ => GraphFormat::Mermaid,
    })
}

/// The default of `--max-connections`; the service's `LimitNOFILE` leaves room above it.
pub(crate) const DEFAULT_MAX_CONNECTIONS: usize = 1000;

/// How `serve` writes the operator's log on stderr (`--log-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LogFormat {
    /// The time, the event's name, then key=value fields.
    #[default]
    Text,
    /// One JSON object a line: at, event, then the fields.
    Json,
}
