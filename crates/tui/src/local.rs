//! This process's own terminal as the full-screen wizard's surface: raw mode and the
//! alternate screen for as long as it lives, termination and job-control signals, and
//! (with `--watch`) the flow file reloaded when it changes.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Duration;

use super::surface::{Next, Surface};
use super::terminal::{self, signals};
use super::{Action, App, Options, Shown, TICK, frame, update, update_flow};
use crate::core::reload::{Watcher, reload};
use crate::error::{Result, TerminalContext};

/// The wizard's own terminal, set up.
pub struct Local<'a> {
    guard: terminal::Guard,
    stop: signals::Stop,
    suspension: signals::Suspension,
    /// With `--watch`: the flow's files, watched.
    watch: Option<(Watcher, &'a Path)>,
    /// The terminal takes OSC 8 hyperlinks.
    hyperlinks: bool,
}

impl<'a> Local<'a> {
    /// Takes over the terminal for `app` (told the terminal's size), as `options` say.
    pub fn enter(app: &mut App, options: &'a Options) -> Result<Local<'a>> {
        let mut guard = terminal::enter().doing("cannot set up the terminal for the wizard")?;
        // Start crossterm's event source (its SIGWINCH handler) before the size is read, so
        // a resize from then on is not missed.
        crossterm::event::poll(Duration::ZERO).doing("cannot read from the terminal")?;
        let size = guard
            .terminal()
            .size()
            .doing("cannot read the terminal size")?;
        update(app, Action::Resize(size.width, size.height));
        Ok(Local {
            guard,
            stop: signals::Stop::install()?,
            suspension: signals::Suspension::install()?,
            watch: options
                .watch
                .as_deref()
                .map(|path: &Path| (Watcher::new(path), path)),
            hyperlinks: options.hyperlinks,
        })
    }
}

impl Surface for Local<'_> {
    fn draw(&mut self, app: &App, shown: &mut Shown) -> Result<()> {
        frame(self.guard.terminal(), app, self.hyperlinks, shown, None)
    }

    fn next(&mut self, app: &mut App) -> Result<Next> {
        // A closed window hangs the terminal up: it stops being a terminal for us, even
        // when no SIGHUP comes.
        if self.stop.requested() || !std::io::stdin().is_terminal() {
            return Ok(Next::Stop);
        }
        if self.suspension.stop_requested() {
            self.suspend()?;
            return Ok(Next::Lost);
        }
        if self.suspension.continued() {
            // Stopped from outside (SIGSTOP) and continued: the shell may have put the
            // terminal back in line mode.
            terminal::resume(&mut self.guard).doing("cannot set up the terminal again")?;
            return Ok(Next::Lost);
        }
        // Wake up now and then, even without input, to notice signals, file changes and
        // the next second of the call.
        if !crossterm::event::poll(TICK).doing("cannot read from the terminal")? {
            if let Some((watcher, path)) = &mut self.watch
                && watcher.changed()
            {
                update_flow(app, reload(path));
                return Ok(Next::Changed);
            }
            return Ok(Next::Tick);
        }
        let event = crossterm::event::read().doing("cannot read from the terminal")?;
        Ok(Next::Event(event))
    }

    fn suspend(&mut self) -> Result<()> {
        #[cfg(unix)]
        terminal::suspend(&mut self.guard).doing("cannot suspend and continue the wizard")?;
        self.suspension.continued();
        Ok(())
    }
}
