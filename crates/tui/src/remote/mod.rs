//! The full-screen wizard on a terminal that is not this process's own: a remote one
//! whose keys arrive as events on a channel and whose screen is any writer (an SSH
//! channel). No raw mode, signals or suspend here: the far end's terminal is the
//! client's business.
//!
//! Hand-off and live sharing are the call's (see [`crate::core::live`]): the other
//! side's changes arrive here as [`RemoteInput::Live`] and go to the call. `screen` draws
//! on the remote terminal; this file runs the event loop.

mod screen;

use std::io::Write;
use std::sync::mpsc::{Receiver, RecvTimeoutError};

use ratatui::layout::Size;

use screen::RemoteScreen;

use super::surface::{Next, Surface, event_loop};
use super::{Action, App, Left, Options, Shown, TICK, update};
use crate::core::Call;
use crate::core::live::LiveEvent;
use crate::error::{Result, TerminalContext};

/// What a remote terminal sends the wizard.
#[derive(Debug, Clone)]
pub enum RemoteInput {
    /// A key, a paste or anything else the terminal reported.
    Event(crossterm::event::Event),
    /// The terminal is now this many columns by rows.
    Resize(u16, u16),
    /// The other side of a shared session changed it, came or went.
    Live(LiveEvent),
    /// The session ends from outside — the client's channel closed, the server is
    /// stopping, or nobody typed for too long: leave as interrupted, as when the
    /// connection is lost, so the session is secured and kept for resume.
    End,
}

/// Enters the alternate screen, hides the cursor and takes bracketed pastes.
const ENTER: &str = "\x1b[?1049h\x1b[?25l\x1b[?2004h";
/// Undoes [`ENTER`].
const LEAVE: &str = "\x1b[?2004l\x1b[?25h\x1b[?1049l";

/// Runs the full-screen wizard of `call` over a remote terminal of `size` (columns,
/// rows): frames are written to `screen`, input comes from `input`. Ends when the user
/// leaves or quits, or (as interrupted) when `input` is closed — the connection is gone;
/// gives the call back for the caller to end.
pub fn run<W: Write>(
    call: Call,
    options: &Options,
    screen: W,
    size: (u16, u16),
    input: &Receiver<RemoteInput>,
) -> (Call, Result<Left>) {
    let (call_id, caller) = (
        call.records().call_id().map(str::to_owned),
        call.records().caller_lang(),
    );
    let mut app = App::of(call, options);
    app.serve_record(call_id, caller);
    let mut remote = Remote {
        screen: RemoteScreen {
            out: screen,
            size: Size::new(size.0, size.1),
            last: None,
        },
        hyperlinks: options.hyperlinks,
        input,
    };
    let out = &mut remote.screen.out;
    if let Err(error) = out
        .write_all(ENTER.as_bytes())
        .and_then(|()| out.flush())
        .doing("cannot write to the remote terminal")
    {
        return (app.into_call(), Err(error));
    }
    update(&mut app, Action::Resize(size.0, size.1));
    let result = event_loop(&mut app, options, &mut remote);
    let out = &mut remote.screen.out;
    let _ = out.write_all(LEAVE.as_bytes()).and_then(|()| out.flush());
    (app.into_call(), result)
}

/// A remote terminal as the wizard's surface: its screen and its input.
struct Remote<'a, W: Write> {
    screen: RemoteScreen<W>,
    /// The terminal takes OSC 8 hyperlinks.
    hyperlinks: bool,
    input: &'a Receiver<RemoteInput>,
}

impl<W: Write> Surface for Remote<'_, W> {
    fn draw(&mut self, app: &App, shown: &mut Shown) -> Result<()> {
        self.screen.draw(app, self.hyperlinks, shown)
    }

    fn next(&mut self, app: &mut App) -> Result<Next> {
        let received = match self.input.recv_timeout(TICK) {
            Ok(received) => received,
            Err(RecvTimeoutError::Timeout) => return Ok(Next::Tick),
            Err(RecvTimeoutError::Disconnected) => return Ok(Next::Stop),
        };
        Ok(match received {
            RemoteInput::Event(event) => Next::Event(event),
            RemoteInput::Resize(columns, rows) => {
                self.screen.size = Size::new(columns, rows);
                // The client's terminal may have cut or moved what it showed, even when it
                // ends at the same size: everything is drawn again.
                self.screen.last = None;
                update(app, Action::Resize(columns, rows));
                Next::Lost
            }
            RemoteInput::End => Next::Stop,
            RemoteInput::Live(event) => {
                app.take(event);
                Next::Changed
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;
    use crate::fixtures;
    use crate::lang::Lang;

    /// A screen whose bytes the test reads afterwards.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_resize_draws_every_cell_again_even_to_the_same_size() {
        let call = Call::unrecorded(fixtures::session(fixtures::WIZARD), Lang::En);
        let screen = Captured::default();
        let (keys, input) = std::sync::mpsc::channel();
        // The client's terminal may have cut what it showed; the size it reports is the same.
        keys.send(RemoteInput::Resize(80, 24)).unwrap();
        keys.send(RemoteInput::End).unwrap();
        let (_, left) = run(call, &Options::default(), screen.clone(), (80, 24), &input);
        let left = left.unwrap();
        assert!(left.interrupted);
        let shown = String::from_utf8_lossy(&screen.0.lock().unwrap()).into_owned();
        assert_eq!(
            shown.matches("First question?").count(),
            2,
            "the first frame, and all of it again after the resize"
        );
    }
}
