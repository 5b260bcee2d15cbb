//! What the program learns from its surroundings — the environment variables, whether the
//! standard streams are terminals, what a terminal of a given `TERM` can do — read once at
//! the edge of either program and handed down as plain values. The SSH server asks the
//! same questions of a remote terminal's `TERM`.

use std::io::{self, IsTerminal};

use crate::lang::Lang;

/// What the program learns from its environment, read once at start and handed down as
/// plain values: nothing below this module reads the environment or asks the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Surroundings {
    /// The language from `LC_ALL`, `LC_MESSAGES` or `LANG` (else English).
    pub lang: Lang,
    /// `NO_COLOR` is set to something (<https://no-color.org>: present and not empty).
    pub no_color: bool,
    /// Whether stdin is a terminal (someone can answer a question).
    pub stdin_terminal: bool,
    /// Whether stdout is a terminal.
    pub stdout_terminal: bool,
    /// The `TERM` variable.
    pub term: Option<String>,
}

impl Surroundings {
    /// Reads the environment and asks the standard streams whether they are terminals.
    pub fn read() -> Surroundings {
        Surroundings {
            lang: Lang::from_env(),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            stdin_terminal: io::stdin().is_terminal(),
            stdout_terminal: io::stdout().is_terminal(),
            term: std::env::var("TERM").ok(),
        }
    }

    /// Whether stdout may take escape sequences beyond colour (hyperlinks, clipboard):
    /// a terminal whose type takes them (see [`takes_escapes`]).
    pub fn escapes(&self) -> bool {
        self.stdout_terminal && takes_escapes(self.term.as_deref())
    }
}

/// Whether a terminal of type `term` (the `TERM` variable) can move the cursor, as the
/// full-screen wizard needs: not `dumb` (Emacs shells, some CI logs), `unknown` or unset
/// on Unix. Windows consoles set no `TERM` and can.
pub fn cursor_addressing(term: Option<&str>) -> bool {
    match term {
        Some(term) => !matches!(term.trim(), "" | "dumb" | "unknown"),
        None => cfg!(windows),
    }
}

/// Whether a terminal of type `term` takes hyperlinks (OSC 8) and clipboard writes
/// (OSC 52), here and over SSH alike: one that can move its cursor, except the types of
/// terminals known to show such sequences as junk or to mistake them — the Linux console
/// (`linux`), DEC terminals and their emulations (`vt100`, `vt220`…), `ansi` and the BSD
/// consoles (`cons25`…).
pub fn takes_escapes(term: Option<&str>) -> bool {
    let plain_console = term.map(str::trim).is_some_and(|term| {
        term == "linux"
            || term.starts_with("linux-")
            || term.starts_with("vt")
            || term.starts_with("ansi")
            || term.starts_with("cons")
    });
    cursor_addressing(term) && !plain_console
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyperlinks_and_clipboard_only_for_terminal_types_that_take_them() {
        for term in [
            "xterm-256color",
            "xterm",
            "screen-256color",
            "tmux-256color",
        ] {
            assert!(takes_escapes(Some(term)), "{term}");
        }
        for term in [
            "dumb", "linux", "vt100", "vt220", "ansi", "cons25", "unknown", "",
        ] {
            assert!(!takes_escapes(Some(term)), "{term}");
        }
        let local = |term: &str| Surroundings {
            lang: Lang::En,
            no_color: false,
            stdin_terminal: true,
            stdout_terminal: true,
            term: Some(term.to_owned()),
        };
        assert!(local("xterm-256color").escapes());
        assert!(!local("linux").escapes(), "the same rule here as over SSH");
    }
}
