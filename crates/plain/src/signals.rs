//! Termination signals in plain mode on this machine: the walk leaves as the full-screen
//! wizard does — the session kept for `--resume`, a line saying so, exit 130 — rather
//! than dying with the signal's default action.

use std::io::Write;
use std::path::PathBuf;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// From now on, SIGTERM, SIGHUP and SIGINT end the process with exit code `code`, after
/// saying on stderr how to continue the session when its save (`save`) is on disk. The
/// save is written after every change, so it holds the walk as it was; nothing is logged.
/// If the signals cannot be caught, they keep their default action.
pub fn leave_on_signal(save: Option<PathBuf>, hint: Option<String>, code: u8) {
    let Ok(mut signals) = Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
        return;
    };
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            if let Some(hint) = hint.filter(|_| save.is_some_and(|save| save.is_file())) {
                // The terminal may be gone (a hang-up): nothing to do about it.
                let _ = writeln!(std::io::stderr(), "\n{hint}");
            }
            std::process::exit(i32::from(code));
        }
    });
}
