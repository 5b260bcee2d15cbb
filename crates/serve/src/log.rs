//! The operator's log: one line per event on the server's stderr — connections, sign-ins
//! and roles, sessions started and ended (and how), hand-off codes given, claimed and
//! refused, joins, limits hit, the server stopping — as text (`--log-format text`, the
//! default: the time, the event's name, then `key=value` fields) or as JSON (one object
//! per line: `at`, `event`, then the fields). A field never holds a secret or a whole
//! hand-off code: codes appear as their id ([`super::call_id`]), and what a client sent
//! (a user name) is cleaned and cut short.
//!
//! Writing never makes the server wait ([`writer`]): a log reader that is stuck costs
//! log lines (counted in a `log_lines_dropped` line), never a session.

mod writer;

use std::fmt::Write as _;
use std::sync::OnceLock;
use std::time::Duration;

use jiff::Timestamp;

pub use signin_doctor_cli::LogFormat;

/// The longest text a field keeps of what a client sent (a user name).
const LONGEST_TEXT: usize = 64;

/// The server's one log format, set once when it starts (text until then).
static FORMAT: OnceLock<LogFormat> = OnceLock::new();

/// How many lines may wait for a slow log reader before lines are dropped.
const QUEUE: usize = 256;

/// How long the last lines may take to be written when the server stops.
const LAST_LINES_WAIT: Duration = Duration::from_secs(2);

/// The writer of the server's stderr, started with the first line.
static WRITER: OnceLock<writer::Writer> = OnceLock::new();

/// The writer of every line, started with the first.
fn writer() -> &'static writer::Writer {
    WRITER.get_or_init(|| writer::Writer::spawn(std::io::stderr(), QUEUE, dropped_line))
}

/// The line saying `count` lines were dropped because the log's reader lagged.
fn dropped_line(count: u64) -> String {
    let format = FORMAT.get().copied().unwrap_or_default();
    let mut line = event("log_lines_dropped")
        .with("count", count)
        .line(format, crate::clock::now());
    line.push('\n');
    line
}

/// Waits (a little, never long) until the lines logged so far are written: call it last,
/// before the server exits.
pub fn flush() {
    if let Some(writer) = WRITER.get() {
        writer.flush(LAST_LINES_WAIT);
    }
}

/// Writes every event from now on in `format`; the first call counts.
pub fn use_format(format: LogFormat) {
    let _ = FORMAT.set(format);
}

/// A field's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text, cleaned of control characters and cut to [`LONGEST_TEXT`] characters.
    Text(String),
    /// A count or number.
    Number(u64),
    /// Yes or no.
    Flag(bool),
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        let clean = crate::sanitize::clean_line(text);
        Value::Text(clean.chars().take(LONGEST_TEXT).collect())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::from(text.as_str())
    }
}

impl From<u64> for Value {
    fn from(number: u64) -> Value {
        Value::Number(number)
    }
}

impl From<usize> for Value {
    fn from(number: usize) -> Value {
        Value::Number(number as u64)
    }
}

impl From<bool> for Value {
    fn from(flag: bool) -> Value {
        Value::Flag(flag)
    }
}

/// One thing that happened: its name and its fields, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    name: &'static str,
    fields: Vec<(&'static str, Value)>,
}

/// An event named `name` (`connection`, `sign_in`, `session_start`…), without fields yet.
pub fn event(name: &'static str) -> Event {
    Event {
        name,
        fields: Vec::new(),
    }
}

impl Event {
    /// This event with the field `key` = `value`.
    pub fn with(mut self, key: &'static str, value: impl Into<Value>) -> Event {
        self.fields.push((key, value.into()));
        self
    }

    /// This event with the field `key` = `value` when there is a value.
    pub fn with_some(self, key: &'static str, value: Option<impl Into<Value>>) -> Event {
        match value {
            Some(value) => self.with(key, value),
            None => self,
        }
    }

    /// Writes the event to the server's stderr as one whole line, now, in the order
    /// logged; never waits for the log's reader (a line is dropped, and counted, instead).
    pub fn log(self) {
        let format = FORMAT.get().copied().unwrap_or_default();
        let mut line = self.line(format, crate::clock::now());
        line.push('\n');
        writer().send(line);
    }

    /// The event as one line (without its line end) in `format`, as at `at`.
    pub fn line(&self, format: LogFormat, at: Timestamp) -> String {
        let at = at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        let mut line = String::new();
        match format {
            LogFormat::Text => {
                let _ = write!(line, "{at} {}", self.name);
                for (key, value) in &self.fields {
                    let _ = write!(line, " {key}={}", text_value(value));
                }
            }
            LogFormat::Json => {
                let _ = write!(line, "{{\"at\":\"{at}\",\"event\":\"{}\"", self.name);
                for (key, value) in &self.fields {
                    let _ = write!(line, ",\"{key}\":{}", json_value(value));
                }
                line.push('}');
            }
        }
        line
    }
}

/// A value in a text line: as it is when it is one plain word, else quoted as JSON
/// quotes a string (so a space, `=` or quote cannot make it look like another field).
fn text_value(value: &Value) -> String {
    match value {
        Value::Text(text)
            if !text.is_empty()
                && !text
                    .chars()
                    .any(|c| c.is_whitespace() || matches!(c, '"' | '=' | '\\')) =>
        {
            text.clone()
        }
        other => json_value(other),
    }
}

/// A value as JSON.
fn json_value(value: &Value) -> String {
    match value {
        Value::Text(text) => serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned()),
        Value::Number(number) => number.to_string(),
        Value::Flag(flag) => flag.to_string(),
    }
}

/// Says `details` of a served session's records problem (with the server's paths, which
/// the user is not shown) in the log.
pub fn records_problem(details: &str) {
    // Paths and error texts, not what a client sent: kept whole.
    let event = Event {
        name: "records_problem",
        fields: vec![("details", Value::Text(crate::sanitize::clean_line(details)))],
    };
    event.log();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Event {
        event("sign_in")
            .with("conn", 3u64)
            .with("user", "agent nl\u{1b}[31m=\"x\"")
            .with("agent", true)
    }

    #[test]
    fn a_text_line_has_the_time_the_name_and_each_field_quoted_where_needed() {
        let at: Timestamp = "2026-03-14T09:30:00Z".parse().unwrap();
        assert_eq!(
            sample().line(LogFormat::Text, at),
            "2026-03-14T09:30:00Z sign_in conn=3 user=\"agent nl[31m=\\\"x\\\"\" agent=true"
        );
        assert_eq!(
            event("stopping")
                .with("signal", "SIGTERM")
                .line(LogFormat::Text, at),
            "2026-03-14T09:30:00Z stopping signal=SIGTERM"
        );
    }

    #[test]
    fn a_json_line_is_one_object_with_the_time_and_name_first() {
        let at: Timestamp = "2026-03-14T09:30:00Z".parse().unwrap();
        let line = sample().line(LogFormat::Json, at);
        assert!(!line.contains('\n'));
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value["at"], "2026-03-14T09:30:00Z");
        assert_eq!(value["event"], "sign_in");
        assert_eq!(value["conn"], 3);
        assert_eq!(value["agent"], true);
        assert!(line.starts_with("{\"at\":"), "{line}");
    }

    #[test]
    fn text_a_client_sent_is_cut_short() {
        let long = "x".repeat(10_000);
        let Value::Text(kept) = Value::from(long.as_str()) else {
            panic!("text")
        };
        assert_eq!(kept.len(), LONGEST_TEXT);
    }
}
