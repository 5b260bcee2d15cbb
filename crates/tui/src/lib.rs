//! The full-screen wizard (ratatui + crossterm), in The Elm Architecture: [`App`] is the
//! state, [`Action`] what the user asked for (`event::action::from_event`, pure),
//! [`update`] changes the state and never draws, [`view`] draws and never changes the
//! state. By role: `state/` (the state and `update`), `event/` (keys to actions),
//! `layout/` (where things go, purely), `view/` (drawing), `terminal/` (raw mode, signals,
//! escape sequences); `surface` is the one event loop, over this process's own terminal
//! (`local`) or a remote one (`remote`); this file has what the loop does with an event.
//!
//! It exports what the programs, the server and the tests use: [`run`] (this terminal)
//! and [`remote::run`] (a remote one) with their [`Options`] and [`Left`]; the state and
//! its pure steps ([`App`], [`Action`], [`update`], [`tick`], [`paste`], [`report`],
//! [`view`]) for drawing tests; [`error::Error`]; and the parts the server and tests
//! reach into (`layout`, `state::sharing`, `terminal::hyperlink`). Keys to actions
//! (`event`) and the drawing (`view`) stay inside.

// The crates below, under the names this crate's modules use (`crate::session`…).
#[cfg(test)]
use signin_doctor_core::fixtures;
use signin_doctor_core::{clock, core, flow, i18n, lang, page, sanitize, session, transcript};

pub mod error;
mod event;
pub mod layout;
mod local;
pub mod remote;
pub mod state;
mod surface;
pub mod terminal;
mod view;

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use crate::error::{Result, TerminalContext};
use ratatui::layout::{Position, Rect};

pub use event::action::Action;
use state::app::update_flow;
pub use state::app::{App, paste, report, tick, update};
pub use state::status::Status;

use event::action;
use state::effect;
use terminal::hyperlink;

use crate::core::{Call, End, WalkEnd};

/// Draws `app` on the whole frame (see `view::draw`).
pub fn view(frame: &mut ratatui::Frame, app: &App) {
    let model = app.view_model(frame.area());
    view::draw(frame, &model);
}

/// How often the event loop wakes without input, to notice signals, (with `--watch`)
/// changed flow files and (in agent mode) a new second of call time. Keys are handled at
/// once, whatever this is; the screen is only redrawn when something on it changed.
const TICK: Duration = Duration::from_millis(200);

/// How the full-screen wizard looks and behaves.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Draw without colour (set when `NO_COLOR` is present).
    pub no_color: bool,
    /// Live preview: reload the flow at this path whenever its files change.
    pub watch: Option<PathBuf>,
    /// Helpdesk agent mode: what to say to the caller, the path pane and the call time.
    pub agent: bool,
    /// Make addresses clickable (OSC 8): the terminal takes such escape sequences.
    pub hyperlinks: bool,
    /// Offer copying to the clipboard (OSC 52): the terminal takes such escape sequences.
    pub clipboard: bool,
    /// Hand-off and live sharing, for a wizard served over SSH.
    pub sharing: state::sharing::Sharing,
}

/// How the full-screen wizard was left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Left {
    /// At an ending, or before one.
    pub end: WalkEnd,
    /// Whether a termination signal (SIGTERM, SIGHUP, SIGINT) or the loss of the terminal
    /// (a closed window) ended it rather than the user: the session is then kept for
    /// `--resume`, not finished.
    pub interrupted: bool,
}

impl Left {
    /// How a full-screen walk that gave `left` ended, for `RecordKeeper::end`: left by
    /// the user (at an ending or before one), stopped (a signal, the server), or its
    /// terminal failed — a window or connection that is gone.
    pub fn how(left: &Result<Left>) -> End {
        match left {
            Ok(Left {
                end: WalkEnd::Ending,
                ..
            }) => End::Finished,
            Ok(Left {
                interrupted: true, ..
            }) => End::Interrupted,
            Ok(_) => End::Quit,
            Err(_) => End::TerminalGone,
        }
    }
}

/// Runs the full-screen wizard of `call` until the user reaches an ending and leaves, or
/// quits; gives the call back as the user left it, for the caller to end.
///
/// Gives [`WalkEnd::Ending`] when the user leaves from an ending screen, else
/// [`WalkEnd::Quit`]. The terminal is restored on every way out, panics included, before
/// this returns.
pub fn run(call: Call, options: &Options) -> (Call, Result<Left>) {
    let mut app = App::of(call, options);
    let result = local::Local::enter(&mut app, options)
        .and_then(|mut local| surface::event_loop(&mut app, options, &mut local));
    (app.into_call(), result)
}

/// What an event from the terminal came to.
enum Taken {
    /// The user asked to suspend the wizard (Ctrl-Z), which only a local terminal can do.
    Suspend,
    /// The wizard changed: draw it again.
    Changed,
    /// Nothing the wizard takes.
    Nothing,
}

/// Takes in one event from the terminal, local or remote: a paste goes into the open box;
/// a key becomes an action, which updates the wizard (the call applies and records what
/// changes the session); the clipboard's bytes wait in `to_terminal` for the next frame.
fn take_event(
    app: &mut App,
    event: &crossterm::event::Event,
    can_copy: bool,
    to_terminal: &mut Option<String>,
) -> Taken {
    if let crossterm::event::Event::Paste(text) = event {
        paste(app, text);
        return Taken::Changed;
    }
    match action::from_event(event, app.key_mode()) {
        Some(Action::Suspend) => Taken::Suspend,
        Some(action) => {
            tick(app, crate::clock::now());
            if let Some(effect) = update(app, action) {
                // What leaves the screen is the user's own: a partner's has no agent notes.
                let terminal = effect::Terminal {
                    can_copy,
                    served: app.call_record().served,
                    caller: app.call_record().caller,
                };
                let done = effect::perform(effect, &app.session_for_user(), app.lang(), terminal);
                report(app, &done.notices);
                if done.terminal.is_some() {
                    *to_terminal = done.terminal;
                }
            }
            Taken::Changed
        }
        None => Taken::Nothing,
    }
}

/// What a terminal shows besides its cells, carried from frame to frame: the hyperlinks
/// drawn, and bytes waiting to be written after the next frame (the clipboard).
#[derive(Debug, Default)]
pub struct Shown {
    /// The hyperlinks on screen.
    links: Vec<hyperlink::PlacedLink>,
    /// Bytes for the terminal after the next frame.
    pub pending: Option<String>,
}

impl Shown {
    /// The screen was cleared (a resize, a continue): no hyperlink is on it any more.
    pub fn lost(&mut self) {
        self.links.clear();
    }
}

/// Draws a frame ([`draw`]), then writes what waits for the terminal (the clipboard).
/// With `keep`, the frame drawn is kept there (see [`remote`]).
fn frame<B: ratatui::backend::Backend<Error = std::io::Error> + Write>(
    terminal: &mut ratatui::Terminal<B>,
    app: &App,
    hyperlinks: bool,
    shown: &mut Shown,
    keep: Option<&mut Option<ratatui::buffer::Buffer>>,
) -> Result<()> {
    shown.links = draw(terminal, app, hyperlinks, &shown.links, keep)?;
    if let Some(bytes) = shown.pending.take() {
        let out = terminal.backend_mut();
        out.write_all(bytes.as_bytes())
            .and_then(|()| Write::flush(out))
            .doing("cannot write to the terminal")?;
    }
    Ok(())
}

/// Draws one frame, with terminal hyperlinks where supported; returns the links now shown.
/// With `keep`, a copy of the frame drawn is put there.
fn draw<B: ratatui::backend::Backend<Error = std::io::Error> + Write>(
    terminal: &mut ratatui::Terminal<B>,
    app: &App,
    hyperlinks: bool,
    shown_links: &[hyperlink::PlacedLink],
    keep: Option<&mut Option<ratatui::buffer::Buffer>>,
) -> Result<Vec<hyperlink::PlacedLink>> {
    let size = terminal.size().doing("cannot read the terminal size")?;
    let links = if hyperlinks {
        hyperlink::placed(app, Rect::from((Position::ORIGIN, size)))
    } else {
        Vec::new()
    };
    if links != shown_links && !shown_links.is_empty() {
        // Cells keep an old hyperlink until rewritten: redraw everything. A resize to the
        // same size clears like `clear()` without asking the terminal where its cursor is,
        // which a terminal that does not answer would make fail.
        terminal
            .resize(Rect::from((Position::ORIGIN, size)))
            .doing("cannot clear the terminal")?;
    }
    let frame = terminal
        .draw(|frame| view(frame, app))
        .doing("cannot draw on the terminal")?;
    let drawn = (keep.is_some() || !links.is_empty()).then(|| frame.buffer.clone());
    if let Some(buffer) = drawn.as_ref().filter(|_| !links.is_empty()) {
        let out = terminal.backend_mut();
        hyperlink::write(out, &links, buffer)
            .and_then(|()| Write::flush(out))
            .doing("cannot write links to the terminal")?;
    }
    if let Some(keep) = keep {
        *keep = drawn;
    }
    Ok(links)
}
