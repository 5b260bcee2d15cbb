//! `signin-doctor stats` on a committed fixture log (20 lines: 17 sessions, a blank line
//! and two malformed lines), every figure checked in both formats.

use std::path::PathBuf;
use std::process::Output;

use serde_json::{Value, json};

mod common;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/outcomes.jsonl")
}

fn stats(args: &[&str]) -> Output {
    common::binary(&["stats", "--log"])
        .arg(fixture())
        .args(args)
        .env("TZ", "UTC")
        .output()
        .unwrap()
}

fn json_stats(args: &[&str]) -> Value {
    let out = stats(&[&["--format", "json"], args].concat());
    assert_eq!(out.status.code(), Some(0));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn ending(node: &str, kind: &str, count: u64, share: f64) -> Value {
    json!({"flow": "partner-center-signin", "node": node, "kind": kind, "count": count, "share": share})
}

fn node(node: &str, count: u64) -> Value {
    json!({"flow": "partner-center-signin", "node": node, "count": count})
}

#[test]
fn json_reports_every_figure() {
    let value = json_stats(&[]);
    let expected = json!({
        "sessions": 17,
        "reached_ending": 11,
        "abandoned": 6,
        "solved": 4,
        "self_help_share": 4.0 / 11.0,
        "median_seconds_to_ending": 200.0,
        "endings": [
            ending("ask-global-admin-password", "contact", 4, 4.0 / 11.0),
            ending("solved", "solved", 4, 4.0 / 11.0),
            ending("ask-admin-for-access", "contact", 1, 1.0 / 11.0),
            ending("ask-owner-or-manager", "contact", 1, 1.0 / 11.0),
            ending("contact-support", "contact", 1, 1.0 / 11.0),
        ],
        "abandoned_at": [node("symptom", 3), node("sspr-enabled", 2), node("partner-type", 1)],
        "malformed_lines": 2,
        "malformed_line_numbers": [7, 15],
    });
    assert_eq!(value, expected);
}

#[test]
fn since_counts_only_sessions_started_from_that_day() {
    let value = json_stats(&["--since", "2025-03-14"]);
    assert_eq!(value["sessions"], 14);
    assert_eq!(value["reached_ending"], 9);
    assert_eq!(value["abandoned"], 5);
    assert_eq!(value["solved"], 3);
    assert_eq!(value["self_help_share"], 3.0 / 9.0);
    assert_eq!(value["median_seconds_to_ending"], 240.0);
    assert_eq!(value["endings"][0]["node"], "ask-global-admin-password");
    assert_eq!(value["endings"][0]["count"], 3);
    assert_eq!(value["endings"][1]["node"], "solved");
    assert_eq!(value["endings"][1]["count"], 3);
    assert_eq!(
        value["abandoned_at"],
        json!([
            node("sspr-enabled", 2),
            node("symptom", 2),
            node("partner-type", 1)
        ])
    );
    assert_eq!(
        value["malformed_lines"], 2,
        "malformed lines are counted regardless"
    );
    // A time works as well as a date.
    assert_eq!(
        json_stats(&["--since", "2025-03-14T09:30:00Z"])["sessions"],
        4
    );
}

#[test]
fn the_table_shows_every_figure_aligned() {
    let out = stats(&[]);
    assert_eq!(out.status.code(), Some(0));
    let table = String::from_utf8(out.stdout).unwrap();
    let expected = format!(
        "Outcome log: {}

Sessions                        17
Reached an ending               11
Abandoned                        6
Solved by self-help          36.4%  4 of 11 sessions that reached an ending
Median time to an ending      3:20  m:ss
Malformed lines skipped          2  lines 7, 15

Endings, most reached first
  Ending                     Kind      Count   Share
  ask-global-admin-password  contact       4   36.4%
  solved                     solved        4   36.4%
  ask-admin-for-access       contact       1    9.1%
  ask-owner-or-manager       contact       1    9.1%
  contact-support            contact       1    9.1%

Abandoned at, most first
  Node          Count
  symptom           3
  sspr-enabled      2
  partner-type      1
",
        fixture().display()
    );
    assert_eq!(table, expected);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("skipped 2 malformed line(s)"), "{stderr}");
}

#[test]
fn a_missing_log_or_a_bad_date_is_a_clear_error() {
    let out = common::binary(&["stats", "--log", "/nonexistent/outcomes.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/outcomes.jsonl"));
    let out = stats(&["--since", "last tuesday"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("'last tuesday' is not a date"));
}
