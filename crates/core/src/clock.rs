//! The clock, and how times and durations read: one place for the current time as
//! sessions and records use it, call times (`1:15`) and the user's local time.

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// The current time to the millisecond, as the session and its records use it.
pub fn now() -> Timestamp {
    Timestamp::from_millisecond(Timestamp::now().as_millisecond()).unwrap_or_default()
}

/// A duration in seconds as a clock reads it: `m:ss`, or `h:mm:ss` from an hour on;
/// negative durations read as `0:00`.
pub fn duration_text(seconds: i64) -> String {
    let s = seconds.max(0);
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// A time as the user's clock shows it, to the minute (`2025-03-14 10:30`).
pub(crate) fn local_minute(at: Timestamp) -> String {
    at.to_zoned(TimeZone::system())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_clock_times() {
        assert_eq!(duration_text(0), "0:00");
        assert_eq!(duration_text(75), "1:15");
        assert_eq!(duration_text(3725), "1:02:05");
        assert_eq!(duration_text(-4), "0:00");
    }

    #[test]
    fn now_is_to_the_millisecond() {
        assert_eq!(now().subsec_nanosecond() % 1_000_000, 0);
    }
}
