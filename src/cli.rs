//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::check_command::CheckFormat;
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

    /// The language: en or nl. Default: from LC_ALL, LC_MESSAGES or LANG, else English.
    #[arg(long, value_name = "LANG", global = true)]
    pub lang: Option<Lang>,

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
}
