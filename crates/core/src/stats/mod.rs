//! Figures over the outcome log (printed by `signin-doctor stats`).
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

mod render;

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

/// The longest line read whole (1 MiB); a longer one is skipped in bounded memory and
/// counted as malformed. Real records are a few hundred bytes.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;
/// The longest duration believed (a year); longer or negative ones are malformed.
pub(crate) const MAX_DURATION_SECONDS: i64 = 366 * 24 * 60 * 60;

/// Reads a log line by line in memory that does not grow with its length, and computes
/// its figures, counting the sessions started at or after `since`. Lines that are not
/// UTF-8, not a record, too long, or hold out-of-range values are skipped and counted.
/// Fails only if the log cannot be read.
pub fn compute(mut log: impl BufRead, since: Option<Timestamp>) -> std::io::Result<Stats> {
    let mut tally = Tally::default();
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        let (read, whole) = read_line(&mut log, &mut line)?;
        if read == 0 {
            break;
        }
        number += 1;
        if line.iter().all(u8::is_ascii_whitespace) && whole {
            continue;
        }
        let record = whole
            .then(|| serde_json::from_slice::<OutcomeRecord>(&line).ok())
            .flatten()
            .filter(valid);
        match record {
            Some(record) if since.is_none_or(|s| record.started >= s) => tally.add(record),
            Some(_) => {}
            None => tally.malformed(number),
        }
    }
    Ok(tally.summarize())
}

/// Reads one line into `line` (without its line break), keeping at most
/// [`MAX_LINE_BYTES`] of it and skipping the rest. Returns the bytes consumed and whether
/// the line was kept whole.
fn read_line(log: &mut impl BufRead, line: &mut Vec<u8>) -> std::io::Result<(usize, bool)> {
    let mut consumed = 0;
    let mut whole = true;
    loop {
        let available = log.fill_buf()?;
        if available.is_empty() {
            return Ok((consumed, whole));
        }
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(at) => (&available[..at], at + 1),
            None => (available, available.len()),
        };
        let ends = done > chunk.len();
        if whole && line.len() + chunk.len() <= MAX_LINE_BYTES {
            line.extend_from_slice(chunk);
        } else {
            whole = false;
            line.clear();
        }
        log.consume(done);
        consumed += done;
        if ends {
            return Ok((consumed, whole));
        }
    }
}

/// Whether a record's values are believable: a duration from 0 to a year that matches
/// its start and end.
fn valid(record: &OutcomeRecord) -> bool {
    (0..=MAX_DURATION_SECONDS).contains(&record.duration_seconds) && record.ended >= record.started
}

/// The figures being gathered: counts only, plus a count per distinct duration for the
/// median, so memory grows with the number of distinct endings and durations, not lines.
#[derive(Default)]
struct Tally {
    sessions: usize,
    abandoned: usize,
    solved: usize,
    endings: BTreeMap<(String, String), (String, usize)>,
    abandoned_at: BTreeMap<(String, String), usize>,
    durations: BTreeMap<i64, usize>,
    malformed: usize,
    malformed_numbers: Vec<usize>,
}

impl Tally {
    fn add(&mut self, r: OutcomeRecord) {
        self.sessions += 1;
        if r.abandoned {
            self.abandoned += 1;
            *self.abandoned_at.entry((r.flow, r.last_node)).or_default() += 1;
        } else if let Some(outcome) = r.outcome {
            self.solved += usize::from(r.solved);
            *self.durations.entry(r.duration_seconds).or_default() += 1;
            self.endings
                .entry((r.flow, outcome))
                .or_insert((r.kind.unwrap_or_default(), 0))
                .1 += 1;
        }
    }

    fn malformed(&mut self, number: usize) {
        self.malformed += 1;
        if self.malformed_numbers.len() < MAX_LISTED {
            self.malformed_numbers.push(number);
        }
    }

    fn summarize(self) -> Stats {
        let reached: usize = self.durations.values().sum();
        let share = |n: usize| n as f64 / reached as f64;
        let mut endings: Vec<EndingCount> = self
            .endings
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
        let mut abandoned_at: Vec<NodeCount> = self
            .abandoned_at
            .into_iter()
            .map(|((flow, node), count)| NodeCount { flow, node, count })
            .collect();
        abandoned_at.sort_by(|a, b| b.count.cmp(&a.count).then(a.node.cmp(&b.node)));
        Stats {
            sessions: self.sessions,
            reached_ending: reached,
            abandoned: self.abandoned,
            solved: self.solved,
            self_help_share: (reached > 0).then(|| share(self.solved)),
            median_seconds_to_ending: median(&self.durations),
            endings,
            abandoned_at,
            malformed_lines: self.malformed,
            malformed_line_numbers: self.malformed_numbers,
        }
    }
}

/// The median of values given as counts per value (the mean of the two middle ones for
/// an even count), computed in floating point so it never overflows.
fn median(counts: &BTreeMap<i64, usize>) -> Option<f64> {
    let n: usize = counts.values().sum();
    if n == 0 {
        return None;
    }
    let nth = |wanted: usize| {
        let mut seen = 0;
        counts
            .iter()
            .find(|&(_, &count)| {
                seen += count;
                seen > wanted
            })
            .map(|(&value, _)| value as f64)
            .unwrap_or_default()
    };
    Some(if n % 2 == 1 {
        nth(n / 2)
    } else {
        nth(n / 2 - 1) / 2.0 + nth(n / 2) / 2.0
    })
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

    fn counts(values: &[i64]) -> BTreeMap<i64, usize> {
        let mut counts = BTreeMap::new();
        for &v in values {
            *counts.entry(v).or_default() += 1;
        }
        counts
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&counts(&[])), None);
        assert_eq!(median(&counts(&[5])), Some(5.0));
        assert_eq!(median(&counts(&[1, 3, 10])), Some(3.0));
        assert_eq!(median(&counts(&[1, 2, 4, 10])), Some(3.0));
        assert_eq!(median(&counts(&[7, 7, 7, 1])), Some(7.0));
        assert_eq!(
            median(&counts(&[i64::MAX, i64::MAX])),
            Some(i64::MAX as f64),
            "never overflows"
        );
    }

    fn line(duration: i64) -> String {
        format!(
            "{{\"flow\":\"f\",\"started\":\"2025-03-14T09:00:00Z\",\"ended\":\"2025-03-14T09:10:00Z\",\
             \"duration_seconds\":{duration},\"outcome\":\"e\",\"kind\":\"solved\",\"solved\":true,\
             \"abandoned\":false,\"last_node\":\"e\"}}\n"
        )
    }

    #[test]
    fn bad_bytes_long_lines_and_wild_values_are_counted_as_malformed() {
        let mut log = Vec::new();
        log.extend_from_slice(line(600).as_bytes());
        log.extend_from_slice(b"\xff\xfe not utf-8\n");
        log.extend_from_slice(line(-1).as_bytes());
        log.extend_from_slice(line(i64::MAX).as_bytes());
        log.extend(std::iter::repeat_n(b'x', MAX_LINE_BYTES + 10));
        log.push(b'\n');
        log.extend_from_slice(line(300).as_bytes());
        log.extend_from_slice(b"torn {\"flow");
        let stats = compute(&log[..], None).unwrap();
        assert_eq!(stats.sessions, 2);
        assert_eq!(stats.median_seconds_to_ending, Some(450.0));
        assert_eq!(stats.malformed_line_numbers, vec![2, 3, 4, 5, 7]);
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
