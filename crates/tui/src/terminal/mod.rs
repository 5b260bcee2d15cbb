//! The terminal's lifecycle: raw mode, alternate screen, hidden cursor and bracketed
//! paste on entry, all undone on every way out — normal return, error (the guard's
//! `Drop`) and panic (a hook that restores before the panic message is printed, so the
//! message stays readable) — and around a suspension (Ctrl-Z, SIGTSTP): `suspend`
//! restores the terminal and stops the process; when it is continued, the wizard's state
//! is entered again.

pub mod clipboard;
pub mod hyperlink;
pub mod signals;

use std::io::{self, BufWriter, Stdout, stdout};
use std::mem::ManuallyDrop;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
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
    let entered = set_up().and_then(|()| {
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

/// Raw mode, the alternate screen, a hidden cursor, and pastes bracketed.
fn set_up() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, Hide, EnableBracketedPaste)
}

/// Puts the terminal back as it was, once; does nothing when the wizard is not active.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        // Best effort: there is nowhere left to report a failure to.
        let _ = disable_raw_mode();
        let _ = execute!(stdout(), DisableBracketedPaste, Show, LeaveAlternateScreen);
    }
}

/// Suspends the wizard like any full-screen program (Ctrl-Z, SIGTSTP): puts the terminal
/// back for the shell, stops the process, and — once it is continued (`fg`, SIGCONT) —
/// enters the wizard's terminal state again and clears the screen for a full redraw.
#[cfg(unix)]
pub(crate) fn suspend(guard: &mut Guard) -> io::Result<()> {
    restore();
    // Stops here until SIGCONT; the handler registered for SIGTSTP is bypassed.
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    resume(guard)
}

/// Enters the wizard's terminal state again after the process was stopped and continued
/// (by `suspend`, or by a SIGSTOP from outside, after which the shell may have put the
/// terminal back in line mode), and clears the screen so the next frame is drawn whole.
pub fn resume(guard: &mut Guard) -> io::Result<()> {
    ACTIVE.store(true, Ordering::SeqCst);
    set_up()?;
    // Not `Terminal::clear`, which asks the terminal where its cursor is first.
    execute!(stdout(), Clear(ClearType::All))?;
    // Both of ratatui's buffers empty: the next frame is drawn whole.
    guard.terminal.swap_buffers();
    Ok(())
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
