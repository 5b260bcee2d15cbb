//! Termination signals during the full-screen wizard: caught, so the wizard can leave the
//! way it always does — through the terminal guard, which puts the terminal back.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result};
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
                .context("cannot set up signal handling")?;
        }
        Ok(Stop(flag))
    }

    /// Whether a termination signal has arrived.
    pub fn requested(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}
