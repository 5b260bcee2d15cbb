//! Review dates: `check` warns when facts or links were last reviewed too long ago, or
//! never; the library takes the day to measure from, so these tests never go stale.

mod common;

use jiff::civil::date;
use signin_doctor_core::flow::{
    CheckOptions, Code, Diagnostic, LoadError, Part, ReviewPolicy, load_parts_with, load_path,
};

/// The error-code fixture (reviewed 2026-11-26, one node and two links with own dates)
/// with `from` replaced by `to`, checked as if today were `today`.
fn check_on(today: jiff::civil::Date, max_age_days: u32, from: &str, to: &str) -> Vec<Diagnostic> {
    let text = std::fs::read_to_string(common::ERROR_CODES).unwrap();
    assert!(
        text.contains(from),
        "test setup: {from:?} not in the fixture"
    );
    let part = Part {
        name: "error-codes.yaml".to_owned(),
        text: text.replacen(from, to, 1),
    };
    let options = CheckOptions {
        review: Some(ReviewPolicy {
            today,
            max_age_days,
        }),
        ..CheckOptions::default()
    };
    match load_parts_with(vec![part], "error-codes.yaml", &options) {
        Ok(checked) => checked.warnings,
        Err(LoadError::Invalid(diagnostics)) => diagnostics,
        Err(other) => panic!("{other}"),
    }
}

fn described(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| {
            let at = d.location.map(|l| format!("{}:{}", l.line, l.column));
            format!(
                "{} {} {}",
                d.code.as_str(),
                at.unwrap_or_default(),
                d.message
            )
        })
        .collect()
}

#[test]
fn a_review_within_the_allowed_age_is_quiet() {
    assert_eq!(check_on(date(2027, 11, 26), 365, "id:", "id:"), Vec::new());
}

#[test]
fn stale_dates_are_warned_about_where_they_are_written() {
    // A year and a day later: the flow's date (for every node without its own), the
    // node with its own date and the two links with theirs are all stale.
    let found = check_on(date(2027, 11, 27), 365, "id:", "id:");
    assert_eq!(
        described(&found),
        [
            "W007 6:11 the flow's facts were last reviewed on 2026-11-26, more than 365 days ago; 7 nodes have no newer date of their own",
            "W007 33:15 its facts were last reviewed on 2026-11-26, more than 365 days ago",
            "W007 95:15 the link 'error-codes-ref' was last reviewed on 2026-11-26, more than 365 days ago",
            "W007 99:15 the link 'lockout-ref' was last reviewed on 2026-11-26, more than 365 days ago",
        ]
    );
    assert!(
        found
            .iter()
            .all(|d| d.code == Code::StaleReview && !d.is_error())
    );
    assert_eq!(found[1].node.as_deref(), Some("error-code"));
}

#[test]
fn a_newer_node_date_overrides_a_stale_flow_date_and_the_age_can_be_set() {
    let found = check_on(
        date(2026, 12, 26),
        30,
        "reviewed: 2026-11-26\ntitle",
        "reviewed: 2019-03-01\ntitle",
    );
    assert_eq!(
        described(&found),
        [
            "W007 6:11 the flow's facts were last reviewed on 2019-03-01, more than 30 days ago; 7 nodes have no newer date of their own"
        ],
        "the error-code node and the links are reviewed 30 days ago: still current"
    );
    let found = check_on(date(2026, 12, 26), 29, "id:", "id:");
    assert_eq!(found.len(), 4, "{:?}", described(&found));
}

#[test]
fn a_future_date_and_a_flow_never_reviewed_are_warned_about() {
    let found = check_on(date(2026, 11, 1), 365, "id:", "id:");
    assert!(
        described(&found)
            .iter()
            .any(|d| d == "W007 6:11 the flow's facts were reviewed on 2026-11-26, which is in the future; 7 nodes have no newer date of their own"),
        "{:?}",
        described(&found)
    );
    let text = std::fs::read_to_string(common::ERROR_CODES).unwrap();
    let never: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("reviewed:"))
        .map(|line| format!("{line}\n"))
        .collect();
    let part = Part {
        name: "never.yaml".to_owned(),
        text: never,
    };
    let options = CheckOptions {
        review: Some(ReviewPolicy {
            today: date(2026, 11, 26),
            max_age_days: 365,
        }),
        ..CheckOptions::default()
    };
    let found = load_parts_with(vec![part], "never.yaml", &options)
        .unwrap()
        .warnings;
    assert_eq!(found.len(), 1, "{:?}", described(&found));
    assert_eq!(found[0].code, Code::NotReviewed);
}

#[test]
fn loading_for_the_wizard_skips_the_review_rules() {
    // However old its dates, a valid flow loads without warnings: the wizard starts.
    let checked = load_path(std::path::Path::new(common::ERROR_CODES)).unwrap();
    assert!(checked.warnings.is_empty());
    assert_eq!(checked.flow.reviewed(), Some(date(2026, 11, 26)));
    let code = checked.flow.find("error-code").unwrap();
    assert_eq!(checked.flow.reviewed_node(code), Some(date(2026, 11, 26)));
    let sources: Vec<&str> = checked
        .flow
        .node(code)
        .sources
        .iter()
        .map(|id| checked.flow.link(*id).key.as_str())
        .collect();
    assert_eq!(sources, ["error-codes-ref"]);
}

#[test]
fn check_on_the_command_line_warns_in_json_and_denies_with_the_flag() {
    // Reviewed in 2019 everywhere: stale by a year on any day from 2020 on, current for
    // a century with --max-age-days 36500.
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.yaml");
    let text = std::fs::read_to_string(common::ERROR_CODES).unwrap();
    std::fs::write(
        &old,
        text.replace("reviewed: 2026-11-26", "reviewed: 2019-03-01"),
    )
    .unwrap();
    let old = old.display().to_string();
    let run = |args: &[&str]| common::binary(args).env("NO_COLOR", "1").output().unwrap();
    let stale = run(&["check", &old, "--format", "json"]);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&stale.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert!(
        lines
            .iter()
            .all(|d| d["code"] == "W007" && d["severity"] == "warning"),
        "{lines:?}"
    );
    assert_eq!(
        (lines[1]["line"].as_u64(), lines[1]["node"].as_str()),
        (Some(33), Some("error-code"))
    );
    assert_eq!(stale.status.code(), Some(0), "warnings alone pass");
    let denied = run(&["check", &old, "--deny-warnings"]);
    assert_eq!(denied.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&denied.stdout).contains("4 warnings (refused: --deny-warnings)")
    );
    let century = run(&["check", &old, "--max-age-days", "36500", "--deny-warnings"]);
    assert_eq!(century.status.code(), Some(0));
    // The wizard still starts on the stale flow.
    let mut wizard = common::binary(&["--plain", "--flow", &old])
        .spawn()
        .unwrap();
    use std::io::Write;
    wizard
        .stdin
        .take()
        .unwrap()
        .write_all(b"1\n50053\n1\n")
        .unwrap();
    let walked = wizard.wait_with_output().unwrap();
    assert_eq!(walked.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&walked.stdout).contains("Solved"));
}
