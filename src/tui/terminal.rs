//! The terminal's lifecycle: raw mode, alternate screen and hidden cursor on entry, all
//! undone on every way out — normal return, error (the guard's `Drop`) and panic (a hook
//! that restores before the panic message is printed, so the message stays readable).

use std::io::{self, BufWriter, Stdout, stdout};
use std::mem::ManuallyDrop;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::{Hide, Show};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// Whether the terminal is in the wizard's state and needs restoring.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// The panic hook is installed once per process.
static HOOK: Once = Once::new();

/// What the wizard draws on: standard output behind a buffer large enough for a whole
/// frame, so each frame reaches the terminal in one write (no half-drawn screens).
pub type Screen = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Room for a frame of a large, colourful screen.
const FRAME_BUFFER: usize = 1 << 16;

/// The terminal, set up for the wizard; restores it when dropped.
pub struct Guard {
    /// Never dropped: ratatui's drop shows the cursor again, and when the terminal is gone
    /// (a closed window) it reports that failure with `eprintln!` on a closed stderr,
    /// which panics. [`restore`] shows the cursor instead, ignoring such failures.
    terminal: ManuallyDrop<Screen>,
}

impl Guard {
    /// The ratatui terminal drawing to standard output.
    pub fn terminal(&mut self) -> &mut Screen {
        &mut self.terminal
    }
}

/// Switches the terminal to raw mode and the alternate screen, with the cursor hidden.
pub fn enter() -> io::Result<Guard> {
    HOOK.call_once(install_panic_hook);
    ACTIVE.store(true, Ordering::SeqCst);
    let entered = enable_raw_mode()
        .and_then(|()| execute!(stdout(), EnterAlternateScreen, Hide))
        .and_then(|()| {
            let out = BufWriter::with_capacity(FRAME_BUFFER, stdout());
            Terminal::new(CrosstermBackend::new(out))
        });
    match entered {
        Ok(terminal) => Ok(Guard {
            terminal: ManuallyDrop::new(terminal),
        }),
        Err(error) => {
            restore();
            Err(error)
        }
    }
}

/// Puts the terminal back as it was, once; does nothing when the wizard is not active.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        // Best effort: there is nowhere left to report a failure to.
        let _ = disable_raw_mode();
        let _ = execute!(stdout(), Show, LeaveAlternateScreen);
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}
