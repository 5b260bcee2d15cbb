//! The one event loop of the full-screen wizard, over a [`Surface`]: this process's own
//! terminal ([`super::local`]) or a remote one ([`super::remote`]). The loop draws when
//! something changed, asks the surface what comes next, turns keys into actions and
//! updates; what only one kind of terminal knows of — signals and a watched flow file
//! locally, resizes and the other side of a shared session remotely — its surface takes
//! in itself.

use super::{App, Left, Options, Shown, Taken, take_event, tick};
use crate::core::WalkEnd;
use crate::error::Result;

/// What a surface gave the loop.
pub enum Next {
    /// An event from the terminal: a key, a paste, a resize.
    Event(crossterm::event::Event),
    /// Nothing within a tick.
    Tick,
    /// The wizard changed from outside (a reloaded flow, the other side of a shared
    /// session): draw it.
    Changed,
    /// What the terminal showed is gone (a remote resize, a continue after a suspend):
    /// draw every cell.
    Lost,
    /// End now, before an ending: a signal, the terminal gone, the server ending it.
    Stop,
}

/// A terminal the full-screen wizard runs on.
pub(crate) trait Surface {
    /// Draws `app` (see [`super::frame`]).
    fn draw(&mut self, app: &App, shown: &mut Shown) -> Result<()>;

    /// Waits up to a tick for what comes next, taking in itself what only this terminal
    /// knows of (a reloaded flow, a resize, the other side of a shared session).
    fn next(&mut self, app: &mut App) -> Result<Next>;

    /// Ctrl-Z: suspends where there is job control.
    fn suspend(&mut self) -> Result<()> {
        Ok(())
    }
}

/// Runs `app` on `surface` until the user leaves or quits, or the surface stops it.
pub(crate) fn event_loop(
    app: &mut App,
    options: &Options,
    surface: &mut dyn Surface,
) -> Result<Left> {
    let mut shown = Shown::default();
    let mut redraw = true;
    loop {
        if let Some(end) = app.walk_end() {
            return Ok(Left {
                end,
                interrupted: false,
            });
        }
        if redraw {
            surface.draw(app, &mut shown)?;
            redraw = false;
        }
        match surface.next(app)? {
            Next::Event(event) => {
                match take_event(app, &event, options.clipboard, &mut shown.pending) {
                    Taken::Suspend => {
                        surface.suspend()?;
                        // Continued: the screen was cleared, so every cell is drawn again.
                        shown.lost();
                        redraw = true;
                    }
                    Taken::Changed => redraw = true,
                    Taken::Nothing => {}
                }
            }
            Next::Tick => redraw = tick(app, crate::clock::now()),
            Next::Changed => redraw = true,
            Next::Lost => {
                shown.lost();
                redraw = true;
            }
            Next::Stop => {
                return Ok(Left {
                    end: WalkEnd::Quit,
                    interrupted: true,
                });
            }
        }
    }
}
