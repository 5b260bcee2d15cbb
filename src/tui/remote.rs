//! The full-screen wizard on a terminal that is not this process's own: a remote one
//! whose keys arrive as events on a channel and whose screen is any writer (an SSH
//! channel). No raw mode, signals or suspend here: the far end's terminal is the
//! client's business.

use std::io::Write;
use std::sync::mpsc::{Receiver, RecvTimeoutError};

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect, Size};

use super::{Action, App, Left, Options, TICK, Taken, frame, take_event, tick, update};
use crate::core::RecordKeeper;
use crate::error::{Result, TerminalContext};
use crate::exit::WalkEnd;
use crate::lang::Lang;
use crate::session::Session;

/// What a remote terminal sends the wizard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemoteInput {
    /// A key, a paste or anything else the terminal reported.
    Event(crossterm::event::Event),
    /// The terminal is now this many columns by rows.
    Resize(u16, u16),
}

/// Enters the alternate screen, hides the cursor and takes bracketed pastes.
const ENTER: &str = "\x1b[?1049h\x1b[?25l\x1b[?2004h";
/// Undoes [`ENTER`].
const LEAVE: &str = "\x1b[?2004l\x1b[?25h\x1b[?1049l";

/// Runs the full-screen wizard on `session` over a remote terminal of `size` (columns,
/// rows): frames are written to `screen`, input comes from `input`. Ends when the user
/// leaves or quits, or (as interrupted) when `input` is closed — the connection is gone.
pub fn run<W: Write>(
    session: &mut Session,
    lang: Lang,
    options: Options,
    records: &mut RecordKeeper,
    screen: W,
    size: (u16, u16),
    input: &Receiver<RemoteInput>,
) -> Result<Left> {
    let mut app = App::new(session.clone(), lang, &options);
    let backend = RemoteBackend {
        screen: CrosstermBackend::new(screen),
        size: Size::new(size.0, size.1),
    };
    let viewport = ratatui::Viewport::Fixed(Rect::new(0, 0, size.0, size.1));
    let mut terminal = Terminal::with_options(backend, ratatui::TerminalOptions { viewport })
        .doing("cannot set up the remote terminal")?;
    let backend = terminal.backend_mut();
    backend
        .write_all(ENTER.as_bytes())
        .and_then(|()| Write::flush(backend))
        .doing("cannot write to the remote terminal")?;
    update(&mut app, Action::Resize(size.0, size.1));
    let result = event_loop(&mut app, &options, records, &mut terminal, input);
    let backend = terminal.backend_mut();
    let _ = backend
        .write_all(LEAVE.as_bytes())
        .and_then(|()| Write::flush(backend));
    *session = app.into_session();
    result
}

/// Draws when something changed, waits for input or a tick, and does what it asks.
fn event_loop<W: Write>(
    app: &mut App,
    options: &Options,
    records: &mut RecordKeeper,
    terminal: &mut Terminal<RemoteBackend<W>>,
    input: &Receiver<RemoteInput>,
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
            frame(
                terminal,
                app,
                options.hyperlinks,
                &mut shown_links,
                &mut to_terminal,
            )?;
            redraw = false;
        }
        let received = match input.recv_timeout(TICK) {
            Ok(received) => received,
            Err(RecvTimeoutError::Timeout) => {
                redraw = tick(app, crate::clock::now());
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Ok(Left {
                    end: WalkEnd::Quit,
                    interrupted: true,
                });
            }
        };
        match received {
            RemoteInput::Resize(columns, rows) => {
                terminal.backend_mut().size = Size::new(columns, rows);
                terminal
                    .resize(Rect::new(0, 0, columns, rows))
                    .doing("cannot resize the remote terminal")?;
                update(app, Action::Resize(columns, rows));
                shown_links.clear();
                redraw = true;
            }
            RemoteInput::Event(event) => {
                let taken = take_event(app, &event, records, options.clipboard, &mut to_terminal);
                // No job control over SSH: suspending is not offered.
                redraw |= matches!(taken, Taken::Changed);
            }
        }
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
