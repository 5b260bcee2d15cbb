//! The full-screen wizard (ratatui + crossterm), in The Elm Architecture: [`App`] is the
//! state, [`Action`] what the user asked for ([`action::from_event`], pure), [`update`]
//! changes the state and never draws, [`view`] draws and never changes the state.

pub mod action;
pub mod app;
pub mod hyperlink;
pub mod screen;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod wrap;

use anyhow::{Context, Result};
use ratatui::layout::{Position, Rect};

pub use action::Action;
pub use app::{App, update};
pub use view::view;

use crate::exit::WalkEnd;
use crate::lang::Lang;
use crate::session::Session;

/// How the full-screen wizard looks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Draw without colour (set when `NO_COLOR` is present).
    pub no_color: bool,
}

/// Runs the full-screen wizard until the user reaches an ending and leaves, or quits.
///
/// Returns [`WalkEnd::Ending`] when the user leaves from an ending screen, else
/// [`WalkEnd::Quit`]. The terminal is restored on every way out, panics included.
pub fn run(session: Session, lang: Lang, options: Options) -> Result<WalkEnd> {
    let mut app = App::new(session, lang, options);
    let mut guard = terminal::enter().context("cannot set up the terminal for the wizard")?;
    let terminal = &mut guard.terminal;
    let hyperlinks = hyperlink::supported();
    let size = terminal.size().context("cannot read the terminal size")?;
    update(&mut app, Action::Resize(size.width, size.height));
    let mut shown_links = Vec::new();
    loop {
        if let Some(end) = app.walk_end() {
            return Ok(end);
        }
        let size = terminal.size().context("cannot read the terminal size")?;
        let links = if hyperlinks {
            hyperlink::placed(&app, Rect::from((Position::ORIGIN, size)))
        } else {
            Vec::new()
        };
        if links != shown_links && !shown_links.is_empty() {
            // Cells keep an old hyperlink until rewritten: redraw everything.
            terminal.clear().context("cannot clear the terminal")?;
        }
        let frame = terminal
            .draw(|frame| view(frame, &app))
            .context("cannot draw on the terminal")?;
        if !links.is_empty() {
            hyperlink::write(&mut std::io::stdout(), &links, frame.buffer)
                .context("cannot write links to the terminal")?;
        }
        shown_links = links;
        let event = crossterm::event::read().context("cannot read from the terminal")?;
        if let Some(action) = action::from_event(&event) {
            update(&mut app, action);
        }
    }
}
