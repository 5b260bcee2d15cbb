//! Review dates: each `reviewed:` must be a real `YYYY-MM-DD` date.

use jiff::civil::Date;

use crate::diagnostic::{Code, Diagnostics};
use crate::path::YamlPath;

/// The date `text` names, if it is exactly `YYYY-MM-DD` and a real day.
pub(crate) fn parse_date(text: &str) -> Option<Date> {
    let digits_at = |range: std::ops::Range<usize>| {
        text.get(range)
            .is_some_and(|part| part.bytes().all(|b| b.is_ascii_digit()))
    };
    let shaped = text.len() == 10
        && digits_at(0..4)
        && digits_at(5..7)
        && digits_at(8..10)
        && &text[4..5] == "-"
        && &text[7..8] == "-";
    shaped.then(|| text.parse().ok()).flatten()
}

/// Checks the `reviewed:` written at `at` (in `node`, or at the top when `None`),
/// reporting a malformed date.
pub(super) fn check_date(
    text: Option<&str>,
    node: Option<&str>,
    at: impl FnOnce() -> YamlPath,
    out: &mut Diagnostics,
) -> Option<Date> {
    let text = text?;
    let date = parse_date(text);
    if date.is_none() {
        out.report(
            Code::BadDate,
            node,
            format!("'{text}' is not a date written as YYYY-MM-DD"),
        )
        .at(at())
        .with_help("write the day the facts were checked, like `reviewed: 2026-11-26`");
    }
    date
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_days_written_in_full_are_dates() {
        assert_eq!(
            parse_date("2026-11-26"),
            Some(jiff::civil::date(2026, 11, 26))
        );
        for bad in [
            "2026-02-30",
            "2026-1-26",
            "26-11-2026",
            "2026-11-26T10:00",
            "yesterday",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
