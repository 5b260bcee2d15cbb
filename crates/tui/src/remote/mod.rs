//! The full-screen wizard on a terminal that is not this process's own: a remote one
//! whose keys arrive as events on a channel and whose screen is any writer (an SSH
//! channel). No raw mode, signals or suspend here: the far end's terminal is the
//! client's business.
//!
//! By role: `link` (what a served wizard asks of its server: hand-off and sharing),
//! `screen` (drawing on the remote terminal); this file runs the event loop.

mod link;
mod screen;

pub use link::{Alone, Link};

use std::io::Write;
use std::sync::mpsc::{Receiver, RecvTimeoutError};

use ratatui::layout::Size;

use screen::RemoteScreen;

use super::state::sharing::Presence;
use super::surface::{Next, Surface, event_loop};
use super::{Action, App, Effect, Left, Options, Shown, TICK, update};
use crate::core::RecordKeeper;
use crate::error::{Result, TerminalContext};
use crate::lang::Lang;
use crate::session::Session;

/// What a remote terminal sends the wizard.
#[derive(Debug, Clone)]
pub enum RemoteInput {
    /// A key, a paste or anything else the terminal reported.
    Event(crossterm::event::Event),
    /// The terminal is now this many columns by rows.
    Resize(u16, u16),
    /// The other side of a shared session changed it: this is version `version`.
    Shared {
        /// The shared session's version, counted up by every change.
        version: u64,
        /// The session as it is now.
        session: Box<Session>,
    },
    /// Something happened on the other side of a shared session.
    Presence(Presence),
    /// The session ends from outside — the client's channel closed, the server is
    /// stopping, or nobody typed for too long: leave as interrupted, as when the
    /// connection is lost, so the session is secured and kept for resume.
    End,
}

/// Enters the alternate screen, hides the cursor and takes bracketed pastes.
const ENTER: &str = "\x1b[?1049h\x1b[?25l\x1b[?2004h";
/// Undoes [`ENTER`].
const LEAVE: &str = "\x1b[?2004l\x1b[?25h\x1b[?1049l";

/// Runs the full-screen wizard on `session` over a remote terminal of `size` (columns,
/// rows): frames are written to `screen`, input comes from `input`. Ends when the user
/// leaves or quits, or (as interrupted) when `input` is closed — the connection is gone.
/// Hand-off and sharing go through `link`.
#[allow(clippy::too_many_arguments)]
pub fn run<W: Write>(
    session: &mut Session,
    lang: Lang,
    options: Options,
    records: &mut RecordKeeper,
    screen: W,
    size: (u16, u16),
    input: &Receiver<RemoteInput>,
    link: &mut dyn Link,
) -> Result<Left> {
    let mut app = App::new(session.clone(), lang, &options);
    let mut remote = Remote {
        screen: RemoteScreen {
            out: screen,
            size: Size::new(size.0, size.1),
            last: None,
        },
        hyperlinks: options.hyperlinks,
        input,
        link,
    };
    let out = &mut remote.screen.out;
    out.write_all(ENTER.as_bytes())
        .and_then(|()| out.flush())
        .doing("cannot write to the remote terminal")?;
    update(&mut app, Action::Resize(size.0, size.1));
    let result = event_loop(&mut app, &options, records, &mut remote);
    let out = &mut remote.screen.out;
    let _ = out.write_all(LEAVE.as_bytes()).and_then(|()| out.flush());
    *session = app.into_session();
    result
}

/// A remote terminal as the wizard's surface: its screen, its input, and the server's
/// link for hand-off and sharing.
struct Remote<'a, W: Write> {
    screen: RemoteScreen<W>,
    /// The terminal takes OSC 8 hyperlinks.
    hyperlinks: bool,
    input: &'a Receiver<RemoteInput>,
    link: &'a mut dyn Link,
}

impl<W: Write> Surface for Remote<'_, W> {
    fn draw(&mut self, app: &App, shown: &mut Shown) -> Result<()> {
        self.screen.draw(app, self.hyperlinks, shown)
    }

    fn next(
        &mut self,
        app: &mut App,
        records: &mut RecordKeeper,
        _: &mut Option<String>,
    ) -> Result<Next> {
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
            RemoteInput::Shared { version, session } => {
                self.link.seen(version);
                app.follow_session(*session, false);
                // The partner's side keeps the records: the other side's change is saved too.
                let _ = records.changed(app.session());
                Next::Changed
            }
            RemoteInput::Presence(presence) => {
                if presence == Presence::AgentJoined {
                    records.agent_took_over();
                }
                if presence == Presence::PartnerLeft
                    && let Some(taken) = self.link.take_records()
                {
                    *records = taken;
                }
                app.other_side(presence);
                Next::Changed
            }
        })
    }

    fn changed(&mut self, app: &mut App, effect: Option<Effect>, records: &mut RecordKeeper) {
        share(app, effect, records, self.link);
    }
}

/// Does what only a served wizard's link can: shares a change of the session, gives a
/// hand-off code, ends the sharing.
fn share(app: &mut App, effect: Option<Effect>, records: &mut RecordKeeper, link: &mut dyn Link) {
    match effect {
        Some(Effect::Save) => {
            if let Some(current) = link.publish(app.session()) {
                app.follow_session(current, true);
                let _ = records.changed(app.session());
            }
        }
        Some(Effect::HandOff) => match link.hand_off(app.session(), records) {
            Ok(code) => app.show_code(code),
            Err(why) => super::report(app, &[crate::core::Notice::error(why)]),
        },
        Some(Effect::EndSharing) => {
            link.end_sharing();
            app.stopped_sharing();
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;
    use crate::core::RecordOptions;
    use crate::fixtures;

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
        let mut session = fixtures::session(fixtures::WIZARD);
        let mut records = RecordKeeper::new(RecordOptions::default(), Lang::En, &session);
        let screen = Captured::default();
        let (keys, input) = std::sync::mpsc::channel();
        // The client's terminal may have cut what it showed; the size it reports is the same.
        keys.send(RemoteInput::Resize(80, 24)).unwrap();
        keys.send(RemoteInput::End).unwrap();
        let left = run(
            &mut session,
            Lang::En,
            Options::default(),
            &mut records,
            screen.clone(),
            (80, 24),
            &input,
            &mut Alone,
        )
        .unwrap();
        assert!(left.interrupted);
        let shown = String::from_utf8_lossy(&screen.0.lock().unwrap()).into_owned();
        assert_eq!(
            shown.matches("First question?").count(),
            2,
            "the first frame, and all of it again after the resize"
        );
    }
}
