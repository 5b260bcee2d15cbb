//! What the server itself says to a remote user, in every supported language: lines
//! dropped for their length, and the goodbye when a session is closed by the server.
//! (The wizard's own words, including "connect again", are in `crate::i18n`.)

use std::time::Duration;

use crate::i18n::words;
use crate::lang::Lang;

/// Why the server closes a running session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Farewell {
    /// No input for this long (`--idle-timeout`).
    Idle(Duration),
    /// The server is stopping (SIGTERM, Ctrl+C).
    Stopping,
}

/// A line longer than the server reads was dropped.
pub fn line_too_long(lang: Lang) -> String {
    let kib = super::line_cap::MAX_LINE_BYTES / 1024;
    match lang {
        Lang::En => format!(
            "that line was longer than {kib} KiB, so it was not read; please type a shorter line."
        ),
        Lang::Nl => format!(
            "die regel was langer dan {kib} KiB en is daarom niet gelezen; typ een kortere regel."
        ),
    }
}

/// The goodbye line for a session the server closes, saying how to come back.
pub fn goodbye(farewell: Farewell, lang: Lang) -> String {
    let why = match (farewell, lang) {
        (Farewell::Idle(idle), Lang::En) => format!(
            "No answer for {}, so this session is closed. Your answers so far are saved.",
            span(idle, lang)
        ),
        (Farewell::Idle(idle), Lang::Nl) => format!(
            "Er kwam {} geen antwoord, dus deze sessie is gesloten. Uw antwoorden tot nu toe zijn bewaard.",
            span(idle, lang)
        ),
        (Farewell::Stopping, Lang::En) => {
            "The server is stopping, so this session is closed. Your answers so far are saved."
                .to_owned()
        }
        (Farewell::Stopping, Lang::Nl) => {
            "De server stopt, dus deze sessie is gesloten. Uw antwoorden tot nu toe zijn bewaard."
                .to_owned()
        }
    };
    format!("{why} {}", words(lang).connect_again)
}

/// A length of time as a person says it: "15 minutes", "1 minute", "30 seconds".
fn span(time: Duration, lang: Lang) -> String {
    let seconds = time.as_secs();
    let (count, one, many) = match (seconds.is_multiple_of(60) && seconds >= 60, lang) {
        (true, Lang::En) => (seconds / 60, "minute", "minutes"),
        (true, Lang::Nl) => (seconds / 60, "minuut", "minuten"),
        (false, Lang::En) => (seconds, "second", "seconds"),
        (false, Lang::Nl) => (seconds, "seconde", "seconden"),
    };
    format!("{count} {}", if count == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_idle_goodbye_names_the_time_and_how_to_come_back() {
        let line = goodbye(Farewell::Idle(Duration::from_secs(15 * 60)), Lang::En);
        assert!(line.starts_with("No answer for 15 minutes, so this session is closed."));
        assert!(line.contains("Connect again"), "{line}");
        let line = goodbye(Farewell::Idle(Duration::from_secs(1)), Lang::Nl);
        assert!(
            line.starts_with("Er kwam 1 seconde geen antwoord"),
            "{line}"
        );
        assert!(goodbye(Farewell::Stopping, Lang::Nl).starts_with("De server stopt"));
    }
}
