//! The `stats` command: read the log, print the figures, exit with a code.

use std::io::BufReader;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::stats::{compute, parse_since, table, to_json};

/// How `stats` prints its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsFormat {
    /// An aligned table for people.
    Table,
    /// One JSON object for machines.
    Json,
}

/// Runs `signin-doctor stats` on the outcome log at `log` (`None`: there is no home folder
/// to find it in): the figures, or an error for a bad `--since` or a log that cannot be read. Malformed lines are reported in the figures and on stderr.
pub fn run(log: Option<PathBuf>, since: Option<&str>, format: StatsFormat) -> Result<()> {
    let since_at = since
        .map(parse_since)
        .transpose()
        .map_err(|message| Error::Since { message })?;
    let path = log.ok_or(Error::NoLogHome)?;
    // Devices are refused: `/dev/zero` would never end.
    let opened = crate::bounded_read::open(&path);
    let stats = opened
        .and_then(|f| compute(BufReader::new(f), since_at))
        .map_err(|source| Error::ReadLog {
            path: path.clone(),
            source,
        })?;
    if stats.malformed_lines > 0 {
        eprintln!(
            "signin-doctor: skipped {} malformed line(s) in {}",
            stats.malformed_lines,
            path.display()
        );
    }
    let text = match format {
        StatsFormat::Json => to_json(&stats),
        StatsFormat::Table => {
            let mut source = path.display().to_string();
            if let Some(since) = since {
                source += &format!(" (sessions since {since})");
            }
            table(&stats, &source)
        }
    };
    crate::exit::print(&text)
}
