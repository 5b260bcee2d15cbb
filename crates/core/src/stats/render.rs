//! The stats as an aligned table for people, or one JSON object for machines.

use std::fmt::Write;

use super::Stats;
use crate::clock::duration_text;

/// The stats as a readable, aligned table. `source` names the log (and the `--since`).
pub fn table(stats: &Stats, source: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Outcome log: {source}\n");
    let percent =
        |share: Option<f64>| share.map_or("-".to_owned(), |s| format!("{:.1}%", s * 100.0));
    let median = stats
        .median_seconds_to_ending
        .map_or("-".to_owned(), |s| duration_text(s.round() as i64));
    let rows = [
        ("Sessions", stats.sessions.to_string(), String::new()),
        (
            "Reached an ending",
            stats.reached_ending.to_string(),
            String::new(),
        ),
        ("Abandoned", stats.abandoned.to_string(), String::new()),
        (
            "Solved by self-help",
            percent(stats.self_help_share),
            format!(
                "{} of {} sessions that reached an ending",
                stats.solved, stats.reached_ending
            ),
        ),
        ("Median time to an ending", median, "m:ss".to_owned()),
        (
            "Malformed lines skipped",
            stats.malformed_lines.to_string(),
            lines(&stats.malformed_line_numbers, stats.malformed_lines),
        ),
    ];
    for (label, value, note) in rows {
        let line = format!("{label:<26}{value:>8}  {note}");
        let _ = writeln!(out, "{}", line.trim_end());
    }

    let multi_flow = stats
        .endings
        .iter()
        .map(|e| &e.flow)
        .chain(stats.abandoned_at.iter().map(|a| &a.flow))
        .collect::<std::collections::BTreeSet<_>>()
        .len()
        > 1;
    let name = |flow: &str, node: &str| {
        if multi_flow {
            format!("{flow}/{node}")
        } else {
            node.to_owned()
        }
    };

    let _ = writeln!(out, "\nEndings, most reached first");
    if stats.endings.is_empty() {
        let _ = writeln!(out, "  (none)");
    } else {
        let width = column_width(stats.endings.iter().map(|e| name(&e.flow, &e.node)));
        let _ = writeln!(
            out,
            "  {:<width$}  {:<8}  {:>5}  {:>6}",
            "Ending", "Kind", "Count", "Share"
        );
        for e in &stats.endings {
            let _ = writeln!(
                out,
                "  {:<width$}  {:<8}  {:>5}  {:>6}",
                name(&e.flow, &e.node),
                e.kind,
                e.count,
                format!("{:.1}%", e.share * 100.0)
            );
        }
    }

    let _ = writeln!(out, "\nAbandoned at, most first");
    if stats.abandoned_at.is_empty() {
        let _ = writeln!(out, "  (none)");
    } else {
        let width = column_width(stats.abandoned_at.iter().map(|a| name(&a.flow, &a.node)));
        let _ = writeln!(out, "  {:<width$}  {:>5}", "Node", "Count");
        for a in &stats.abandoned_at {
            let _ = writeln!(out, "  {:<width$}  {:>5}", name(&a.flow, &a.node), a.count);
        }
    }
    out
}

/// The stats as one pretty-printed JSON object, ending in a line break.
pub fn to_json(stats: &Stats) -> String {
    let mut json = serde_json::to_string_pretty(stats).expect("stats serialize");
    json.push('\n');
    json
}

fn column_width(names: impl Iterator<Item = String>) -> usize {
    names.map(|n| n.chars().count()).max().unwrap_or(0).max(6)
}

fn lines(numbers: &[usize], total: usize) -> String {
    if numbers.is_empty() {
        return String::new();
    }
    let list: Vec<String> = numbers.iter().map(usize::to_string).collect();
    let more = if total > numbers.len() { ", …" } else { "" };
    let word = if total == 1 { "line" } else { "lines" };
    format!("{word} {}{more}", list.join(", "))
}
