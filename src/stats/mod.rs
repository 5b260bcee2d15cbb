//! `signin-doctor stats`: figures over the outcome log.
//!
//! Definitions:
//! - **sessions**: valid log lines (started at or after `--since`, if given);
//! - **reached an ending**: sessions that are not abandoned and name an ending;
//! - **solved by self-help**: the share of sessions that reached an ending whose ending is
//!   a `solved` ending — the user fixed it with the wizard's own steps, without a
//!   remedy to carry out elsewhere or someone to contact; `null` when no session reached
//!   an ending;
//! - **median time to an ending**: the median `duration_seconds` of the sessions that
//!   reached an ending (the mean of the two middle ones for an even count);
//! - **endings** and **abandoned at**: counts per ending / per last node of abandoned
//!   sessions, most first, then by key.
//!
//! Blank lines are ignored; lines that are not a valid record are skipped and counted.

mod command;
mod render;

pub use command::{StatsFormat, run};
pub use render::{table, to_json};

use std::collections::BTreeMap;
use std::io::BufRead;

use jiff::Timestamp;
use serde::Serialize;

use crate::outcome_log::OutcomeRecord;

/// How many malformed line numbers are listed at most.
const MAX_LISTED: usize = 10;

/// The figures `stats` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Sessions counted.
    pub sessions: usize,
    /// Sessions that reached an ending.
    pub reached_ending: usize,
    /// Sessions abandoned before an ending.
    pub abandoned: usize,
    /// Sessions that reached a solved ending.
    pub solved: usize,
    /// `solved / reached_ending`, or `None` if no session reached an ending.
    pub self_help_share: Option<f64>,
    /// The median seconds from start to ending, over sessions that reached one.
    pub median_seconds_to_ending: Option<f64>,
    /// Endings reached, most first.
    pub endings: Vec<EndingCount>,
    /// Nodes where sessions were abandoned, most first.
    pub abandoned_at: Vec<NodeCount>,
    /// Lines that were skipped because they are not valid records.
    pub malformed_lines: usize,
    /// The first few of those, by line number (from 1).
    pub malformed_line_numbers: Vec<usize>,
}

/// How often one ending was reached.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EndingCount {
    /// The flow's id.
    pub flow: String,
    /// The ending's key.
    pub node: String,
    /// `remedy`, `contact` or `solved`.
    pub kind: String,
    /// How many sessions reached it.
    pub count: usize,
    /// `count / reached_ending`.
    pub share: f64,
}

/// How often sessions were abandoned at one node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NodeCount {
    /// The flow's id.
    pub flow: String,
    /// The node's key.
    pub node: String,
    /// How many sessions stopped there.
    pub count: usize,
}

/// Reads a log and computes its figures, counting the sessions started at or after
/// `since`. Fails only if the log cannot be read.
pub fn compute(log: impl BufRead, since: Option<Timestamp>) -> std::io::Result<Stats> {
    let mut records = Vec::new();
    let mut malformed = Vec::new();
    for (index, line) in log.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<OutcomeRecord>(&line) {
            Ok(record) if since.is_none_or(|s| record.started >= s) => records.push(record),
            Ok(_) => {}
            Err(_) => malformed.push(index + 1),
        }
    }
    Ok(summarize(&records, malformed))
}

fn summarize(records: &[OutcomeRecord], malformed: Vec<usize>) -> Stats {
    let ended: Vec<&OutcomeRecord> = records
        .iter()
        .filter(|r| !r.abandoned && r.outcome.is_some())
        .collect();
    let solved = ended.iter().filter(|r| r.solved).count();
    let share = |n: usize| n as f64 / ended.len() as f64;
    let mut endings: BTreeMap<(String, String), (String, usize)> = BTreeMap::new();
    for r in &ended {
        let key = (r.flow.clone(), r.outcome.clone().unwrap_or_default());
        let entry = endings
            .entry(key)
            .or_insert((r.kind.clone().unwrap_or_default(), 0));
        entry.1 += 1;
    }
    let mut endings: Vec<EndingCount> = endings
        .into_iter()
        .map(|((flow, node), (kind, count))| EndingCount {
            flow,
            node,
            kind,
            count,
            share: share(count),
        })
        .collect();
    endings.sort_by(|a, b| b.count.cmp(&a.count).then(a.node.cmp(&b.node)));
    let mut abandoned_at: BTreeMap<(String, String), usize> = BTreeMap::new();
    for r in records.iter().filter(|r| r.abandoned) {
        *abandoned_at
            .entry((r.flow.clone(), r.last_node.clone()))
            .or_default() += 1;
    }
    let mut abandoned_at: Vec<NodeCount> = abandoned_at
        .into_iter()
        .map(|((flow, node), count)| NodeCount { flow, node, count })
        .collect();
    abandoned_at.sort_by(|a, b| b.count.cmp(&a.count).then(a.node.cmp(&b.node)));
    let mut durations: Vec<i64> = ended.iter().map(|r| r.duration_seconds).collect();
    durations.sort_unstable();
    Stats {
        sessions: records.len(),
        reached_ending: ended.len(),
        abandoned: records.iter().filter(|r| r.abandoned).count(),
        solved,
        self_help_share: (!ended.is_empty()).then(|| share(solved)),
        median_seconds_to_ending: median(&durations),
        endings,
        abandoned_at,
        malformed_lines: malformed.len(),
        malformed_line_numbers: malformed.into_iter().take(MAX_LISTED).collect(),
    }
}

/// The median of sorted values.
fn median(sorted: &[i64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2] as f64),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0),
    }
}

/// Reads `--since`: a date (`2025-03-14`, from midnight in the system's time zone) or a
/// time with an offset (`2025-03-14T09:00:00Z`).
pub fn parse_since(text: &str) -> Result<Timestamp, String> {
    if let Ok(at) = text.parse::<Timestamp>() {
        return Ok(at);
    }
    let date: jiff::civil::Date = text.parse().map_err(|_| {
        format!("'{text}' is not a date (YYYY-MM-DD) or a time (YYYY-MM-DDTHH:MM:SSZ)")
    })?;
    date.to_zoned(jiff::tz::TimeZone::system())
        .map(|zoned| zoned.timestamp())
        .map_err(|e| format!("'{text}': {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[5]), Some(5.0));
        assert_eq!(median(&[1, 3, 10]), Some(3.0));
        assert_eq!(median(&[1, 2, 4, 10]), Some(3.0));
    }

    #[test]
    fn since_takes_dates_and_times_and_refuses_the_rest() {
        assert_eq!(
            parse_since("2025-03-14T09:00:00Z").unwrap(),
            "2025-03-14T09:00:00Z".parse::<Timestamp>().unwrap()
        );
        assert!(parse_since("2025-03-14").is_ok());
        assert!(parse_since("yesterday").unwrap_err().contains("yesterday"));
    }
}
