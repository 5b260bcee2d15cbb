//! The full-screen wizard on a terminal that is not this process's own: a remote one
//! whose keys arrive as events on a channel and whose screen is any writer (an SSH
//! channel). No raw mode, signals or suspend here: the far end's terminal is the
//! client's business.

use std::io::Write;
use std::sync::mpsc::{Receiver, RecvTimeoutError};

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};

use super::state::sharing::Presence;
use super::terminal::hyperlink::PlacedLink;
use super::{Action, App, Effect, Left, Options, TICK, Taken, frame, take_event, tick, update};
use crate::core::RecordKeeper;
use crate::error::{Result, TerminalContext};
use crate::exit::WalkEnd;
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

/// A served wizard's way to the server: hand-off codes and the live shared session. The
/// server implements it; the wizard calls it from its event loop.
pub trait Link {
    /// Saves the session and gives the hand-off code to show, or why there is none.
    fn hand_off(
        &mut self,
        session: &Session,
        records: &mut RecordKeeper,
    ) -> std::result::Result<String, String>;
    /// This side changed the session: share it. When the other side changed it first,
    /// gives the session as it is now instead (this side's change gave way).
    fn publish(&mut self, session: &Session) -> Option<Session>;
    /// A shared version from the other side was taken in.
    fn seen(&mut self, version: u64);
    /// The partner stops the sharing.
    fn end_sharing(&mut self);
    /// The records of a partner who left while this agent was with them, to keep from
    /// now on; `None` when there are none to take.
    fn take_records(&mut self) -> Option<RecordKeeper>;
}

/// A wizard that is not shared with anyone: no hand-off, no sharing.
#[derive(Debug, Default)]
pub struct Alone;

impl Link for Alone {
    fn hand_off(
        &mut self,
        _: &Session,
        _: &mut RecordKeeper,
    ) -> std::result::Result<String, String> {
        Err("hand-off is not offered here".into())
    }
    fn publish(&mut self, _: &Session) -> Option<Session> {
        None
    }
    fn seen(&mut self, _: u64) {}
    fn end_sharing(&mut self) {}
    fn take_records(&mut self) -> Option<RecordKeeper> {
        None
    }
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
    let mut screen = RemoteScreen {
        out: screen,
        size: Size::new(size.0, size.1),
        last: None,
    };
    screen
        .out
        .write_all(ENTER.as_bytes())
        .and_then(|()| screen.out.flush())
        .doing("cannot write to the remote terminal")?;
    update(&mut app, Action::Resize(size.0, size.1));
    let result = event_loop(&mut app, &options, records, &mut screen, input, link);
    let _ = screen
        .out
        .write_all(LEAVE.as_bytes())
        .and_then(|()| screen.out.flush());
    *session = app.into_session();
    result
}

/// The remote terminal between frames: where frames go, its size, and the last frame
/// drawn, so the next one sends only what changed. A ratatui `Terminal` holds two screen
/// buffers for as long as it lives, and a served session spends most of its life waiting
/// for a key: so a terminal is made for each frame, from the last frame, and only that
/// frame is kept in between — half the memory of a waiting session.
struct RemoteScreen<W: Write> {
    /// The client's screen.
    out: W,
    /// The remote terminal's columns and rows, as last reported.
    size: Size,
    /// The frame on the client's screen; `None` before the first.
    last: Option<Buffer>,
}

impl<W: Write> RemoteScreen<W> {
    /// Draws `app` (see [`frame`]), sending what changed since the last frame, or
    /// everything after a clear when the size changed.
    fn draw(
        &mut self,
        app: &App,
        hyperlinks: bool,
        shown_links: &mut Vec<PlacedLink>,
        to_terminal: &mut Option<String>,
    ) -> Result<()> {
        let area = Rect::from((Position::ORIGIN, self.size));
        let backend = RemoteBackend {
            screen: CrosstermBackend::new(&mut self.out),
            size: self.size,
        };
        let viewport = ratatui::Viewport::Fixed(area);
        let mut terminal = Terminal::with_options(backend, ratatui::TerminalOptions { viewport })
            .doing("cannot set up the remote terminal")?;
        match self.last.take() {
            Some(last) if last.area == area => {
                *terminal.current_buffer_mut() = last;
                terminal.swap_buffers();
            }
            // The first frame, or after a resize: clear the screen and draw every cell.
            _ => terminal
                .resize(area)
                .doing("cannot clear the remote terminal")?,
        }
        frame(
            &mut terminal,
            app,
            hyperlinks,
            shown_links,
            to_terminal,
            Some(&mut self.last),
        )
    }
}

/// Draws when something changed, waits for input or a tick, and does what it asks.
fn event_loop<W: Write>(
    app: &mut App,
    options: &Options,
    records: &mut RecordKeeper,
    screen: &mut RemoteScreen<W>,
    input: &Receiver<RemoteInput>,
    link: &mut dyn Link,
) -> Result<Left> {
    let mut shown_links = Vec::new();
    let mut to_terminal: Option<String> = None;
    let mut redraw = true;
    loop {
        if let Some(end) = app.walk_end() {
            return Ok(Left {
                end,
                interrupted: false,
            });
        }
        if redraw {
            screen.draw(app, options.hyperlinks, &mut shown_links, &mut to_terminal)?;
            redraw = false;
        }
        let received = match input.recv_timeout(TICK) {
            Ok(received) => received,
            Err(RecvTimeoutError::Timeout) => {
                redraw = tick(app, crate::clock::now());
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => RemoteInput::End,
        };
        match received {
            RemoteInput::Resize(columns, rows) => {
                screen.size = Size::new(columns, rows);
                // The client's terminal may have cut or moved what it showed, even when it
                // ends at the same size: everything is drawn again.
                screen.last = None;
                update(app, Action::Resize(columns, rows));
                shown_links.clear();
                redraw = true;
            }
            RemoteInput::End => {
                return Ok(Left {
                    end: WalkEnd::Quit,
                    interrupted: true,
                });
            }
            RemoteInput::Event(event) => {
                let taken = take_event(app, &event, records, options.clipboard, &mut to_terminal);
                // No job control over SSH: suspending is not offered.
                if let Taken::Changed(effect) = taken {
                    redraw = true;
                    share(app, effect, records, link);
                }
            }
            RemoteInput::Shared { version, session } => {
                link.seen(version);
                app.follow_session(*session, false);
                // The partner's side keeps the records: the other side's change is saved too.
                let _ = records.changed(app.session());
                redraw = true;
            }
            RemoteInput::Presence(presence) => {
                if presence == Presence::AgentJoined {
                    records.agent_took_over();
                }
                if presence == Presence::PartnerLeft
                    && let Some(taken) = link.take_records()
                {
                    *records = taken;
                }
                app.other_side(presence);
                redraw = true;
            }
        }
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

/// Crossterm's drawing on the remote terminal, with the remote terminal's size. Crossterm
/// would ask this process's own terminal (and without one, run `tput` twice), which is
/// not the client's: a server with no `TERM` could draw no frame at all, and one with
/// `TERM` started two processes for every frame.
struct RemoteBackend<W: Write> {
    /// Draws the frames as escape sequences.
    screen: CrosstermBackend<W>,
    /// The remote terminal's columns and rows, as last reported.
    size: Size,
}

impl<W: Write> Write for RemoteBackend<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.screen.write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Write::flush(&mut self.screen)
    }
}

impl<W: Write> Backend for RemoteBackend<W> {
    type Error = std::io::Error;

    fn draw<'a, I>(&mut self, content: I) -> std::io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.screen.draw(content)
    }

    fn hide_cursor(&mut self) -> std::io::Result<()> {
        self.screen.hide_cursor()
    }

    fn show_cursor(&mut self) -> std::io::Result<()> {
        self.screen.show_cursor()
    }

    fn get_cursor_position(&mut self) -> std::io::Result<Position> {
        self.screen.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> std::io::Result<()> {
        self.screen.set_cursor_position(position)
    }

    fn clear(&mut self) -> std::io::Result<()> {
        self.screen.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> std::io::Result<()> {
        self.screen.clear_region(clear_type)
    }

    fn size(&self) -> std::io::Result<Size> {
        Ok(self.size)
    }

    fn window_size(&mut self) -> std::io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::default(),
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Backend::flush(&mut self.screen)
    }
}
