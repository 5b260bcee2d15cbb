//! The remote terminal's screen: frames drawn through a backend that knows the client's
//! size, one frame kept between frames.

use std::io::Write;

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};

use crate::error::{Result, TerminalContext};
use crate::{App, Shown, frame};

/// The remote terminal between frames: where frames go, its size, and the last frame
/// drawn, so the next one sends only what changed. A ratatui `Terminal` holds two screen
/// buffers for as long as it lives, and a served session spends most of its life waiting
/// for a key: so a terminal is made for each frame, from the last frame, and only that
/// frame is kept in between — half the memory of a waiting session.
pub(super) struct RemoteScreen<W: Write> {
    /// The client's screen.
    pub out: W,
    /// The remote terminal's columns and rows, as last reported.
    pub size: Size,
    /// The frame on the client's screen; `None` before the first, and after a resize.
    pub last: Option<Buffer>,
}

impl<W: Write> RemoteScreen<W> {
    /// Draws `app` (see [`frame`]), sending what changed since the last frame, or
    /// everything after a clear when the size changed.
    pub fn draw(&mut self, app: &App, hyperlinks: bool, shown: &mut Shown) -> Result<()> {
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
        frame(&mut terminal, app, hyperlinks, shown, Some(&mut self.last))
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
