//! Termination signals during the full-screen wizard: caught, so the wizard can leave the
//! way it always does — through the terminal guard, which puts the terminal back.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{Result, TerminalContext};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// Set when SIGTERM, SIGHUP or SIGINT arrives.
#[derive(Debug, Clone)]
pub struct Stop(Arc<AtomicBool>);

impl Stop {
    /// Starts catching SIGTERM, SIGHUP and SIGINT. Until the process ends they only set
    /// the flag; the event loop looks at it between events.
    pub fn install() -> Result<Stop> {
        let flag = Arc::new(AtomicBool::new(false));
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            signal_hook::flag::register(signal, Arc::clone(&flag))
                .doing("cannot set up signal handling")?;
        }
        Ok(Stop(flag))
    }

    /// Whether a termination signal has arrived.
    pub(crate) fn requested(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Set when the process is asked to suspend (SIGTSTP, e.g. `kill -TSTP`) and when it was
/// continued (SIGCONT), so the event loop can put the terminal back before stopping and
/// take it over again after.
#[derive(Debug, Clone)]
pub(crate) struct Suspension {
    stop: Arc<AtomicBool>,
    continued: Arc<AtomicBool>,
}

impl Suspension {
    /// Starts catching SIGTSTP and SIGCONT.
    pub fn install() -> Result<Suspension> {
        let stop = Arc::new(AtomicBool::new(false));
        let continued = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGCONT, SIGTSTP};
            signal_hook::flag::register(SIGTSTP, Arc::clone(&stop))
                .doing("cannot set up signal handling")?;
            signal_hook::flag::register(SIGCONT, Arc::clone(&continued))
                .doing("cannot set up signal handling")?;
        }
        Ok(Suspension { stop, continued })
    }

    /// Whether a SIGTSTP arrived since the last call.
    pub(crate) fn stop_requested(&self) -> bool {
        self.stop.swap(false, Ordering::Relaxed)
    }

    /// Whether a SIGCONT arrived since the last call.
    pub fn continued(&self) -> bool {
        self.continued.swap(false, Ordering::Relaxed)
    }
}
