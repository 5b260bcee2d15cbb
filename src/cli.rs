//! The command line.

pub mod manual;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::commands::check::CheckFormat;
use crate::commands::stats::StatsFormat;
use crate::export::GraphFormat;
use crate::lang::Lang;

/// Walks you through a Partner Center sign-in problem to the right remedy or contact.
#[derive(Debug, Parser)]
#[command(name = "signin-doctor", version, about, long_about = None)]
pub struct Cli {
    /// Use this flow file (or folder of flow files) instead of the built-in flows.
    #[arg(long, value_name = "PATH", global = true)]
    pub flow: Option<PathBuf>,

    /// Ask the questions as plain lines of text (for screen readers, pipes and scripts).
    /// Chosen automatically when stdin or stdout is not a terminal.
    #[arg(long)]
    pub plain: bool,

    /// Live preview for flow authors: with --flow, reload the flow whenever its files
    /// change, keeping your place; errors in the edited flow show in a bar at the bottom.
    #[arg(long, requires = "flow")]
    pub watch: bool,

    /// The language: en or nl. Default: from LC_ALL, LC_MESSAGES or LANG, else English.
    #[arg(long, value_name = "LANG", global = true)]
    pub lang: Option<Lang>,

    /// Helpdesk agent mode: show what to say to the caller, the path so far and the call
    /// time; in plain mode also `n TEXT` (note), `/WORD` (search and jump), `s` (save a
    /// transcript).
    #[arg(long, global = true)]
    pub agent: bool,

    /// Write a transcript when the wizard exits: Markdown if FILE ends in .md, JSON if it
    /// ends in .json, otherwise both FILE.md and FILE.json. An existing file is never
    /// overwritten: a numbered name next to it (FILE-1.md) is used and reported.
    #[arg(long, value_name = "FILE", global = true)]
    pub transcript: Option<PathBuf>,

    /// The folder for saved unfinished sessions (autosave).
    /// Default: $XDG_STATE_HOME/signin-doctor (~/.local/state/signin-doctor).
    #[arg(long, value_name = "DIR", global = true)]
    pub state_dir: Option<PathBuf>,

    /// The outcome log: one JSON line per finished or abandoned session (read by `stats`).
    /// Default: $XDG_DATA_HOME/signin-doctor/outcomes.jsonl.
    #[arg(long, value_name = "FILE", global = true)]
    pub log: Option<PathBuf>,

    /// Continue the most recent unfinished session at the same step, with its path and
    /// notes. Without it, plain mode asks when one is found — only if stdin is a terminal.
    /// With a hand-off CODE a partner gave (`--resume K7P-2QX`), continue that partner's
    /// session in agent mode, from the same --state-dir the server uses.
    #[arg(long, global = true, value_name = "CODE", num_args = 0..=1)]
    pub resume: Option<Option<String>>,

    /// Remove sessions set aside (`*.abandoned.json`) more than DAYS days ago from the
    /// folder for saved sessions when the wizard starts.
    #[arg(long, value_name = "DAYS", default_value_t = 30, global = true)]
    pub keep_days: u32,

    /// What to do; without a command, the wizard runs.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Commands besides running the wizard.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a flow file and print every problem found (exit 2 if any is an error).
    Check {
        /// The flow file or folder to check; default: the built-in flows (or --flow).
        file: Option<PathBuf>,
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
        #[arg(long, value_enum, default_value_t = GraphFormat::Mermaid)]
        format: GraphFormat,
        /// The flow file to draw; default: the built-in flow (or --flow).
        file: Option<PathBuf>,
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
    },
    /// Print a shell completion script, e.g. `source <(signin-doctor completions bash)`.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: crate::cli::manual::Shell,
    },
    /// Print the manual page (roff), e.g. `signin-doctor man | man -l -`.
    Man,
    /// Serve the wizard over SSH: `ssh -p 2222 HOST` shows it full-screen, `ssh -T` in
    /// plain lines. Uses --flow, --state-dir (host key, sessions) and --log.
    Serve {
        /// The address and port to listen on.
        #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:2222")]
        listen: std::net::SocketAddr,
        /// The server's private host key (OpenSSH format); default: one generated on
        /// first start in the state folder.
        #[arg(long, value_name = "FILE")]
        host_key: Option<PathBuf>,
        /// Let anyone in, with any user name and no key (public self-help).
        #[arg(long)]
        open: bool,
        /// Let in only the public keys in this file (OpenSSH authorized_keys format).
        #[arg(long, value_name = "FILE", required_unless_present_any = ["open", "agent_keys"])]
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
        #[arg(long, value_name = "N", default_value_t = crate::serve::DEFAULT_MAX_CONNECTIONS,
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
    },
}
