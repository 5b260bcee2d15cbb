//! The full-screen wizard (ratatui + crossterm), in The Elm Architecture: [`App`] is the
//! state, [`Action`] what the user asked for ([`action::from_event`], pure), [`update`]
//! changes the state and never draws, [`view`] draws and never changes the state.

pub mod action;
pub mod app;
pub mod hyperlink;
pub mod screen;
pub mod signals;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod wrap;

use std::path::{Path, PathBuf};
use std::time::Duration;

use std::io::Stdout;

use anyhow::{Context, Result};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Position, Rect};

pub use action::Action;
pub use app::{App, FlowEvent, Status, update, update_flow};
pub use view::view;

use crate::exit::WalkEnd;
use crate::flow::{LoadError, load_path, report};
use crate::lang::Lang;
use crate::session::Session;
use crate::watch::Watcher;

/// One diagnostic, short enough for a status line: code, file name and place, message
/// (the node is left out: the place says it), and the suggestion.
fn status_line(diagnostic: &crate::flow::Diagnostic) -> String {
    let file = Path::new(&diagnostic.file)
        .file_name()
        .map_or(diagnostic.file.clone(), |name| {
            name.to_string_lossy().into_owned()
        });
    let place = diagnostic
        .location
        .map_or(String::new(), |at| format!(":{}:{}", at.line, at.column));
    let help = diagnostic
        .help
        .as_deref()
        .map_or(String::new(), |help| format!(" ({help})"));
    format!(
        "{} {file}{place} {}{help}",
        diagnostic.code.as_str(),
        diagnostic.message
    )
}

/// Loads the edited flow for the live preview: the new flow, or one line per problem.
/// A half-written file is just an invalid flow here; the next change is tried again.
pub fn reload(path: &Path) -> FlowEvent {
    match load_path(path) {
        Ok(checked) => FlowEvent::Reloaded(checked.flow.shared()),
        Err(LoadError::Invalid(mut diagnostics)) => {
            diagnostics.retain(|d| d.is_error());
            report::sort(&mut diagnostics);
            FlowEvent::Invalid(diagnostics.iter().map(status_line).collect())
        }
        Err(other) => FlowEvent::Invalid(vec![other.to_string()]),
    }
}

/// How often the event loop wakes without input, to notice signals and (with `--watch`)
/// changed flow files. Keys are handled at once, whatever this is.
const TICK: Duration = Duration::from_millis(200);

/// How the full-screen wizard looks and behaves.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Draw without colour (set when `NO_COLOR` is present).
    pub no_color: bool,
    /// Live preview: reload the flow at this path whenever its files change.
    pub watch: Option<PathBuf>,
}

/// Runs the full-screen wizard until the user reaches an ending and leaves, or quits.
///
/// Returns [`WalkEnd::Ending`] when the user leaves from an ending screen, else
/// [`WalkEnd::Quit`]. The terminal is restored on every way out, panics included.
pub fn run(session: Session, lang: Lang, options: Options) -> Result<WalkEnd> {
    let mut watcher = options.watch.as_deref().map(Watcher::new);
    let mut app = App::new(session, lang, &options);
    let mut guard = terminal::enter().context("cannot set up the terminal for the wizard")?;
    let terminal = &mut guard.terminal;
    let hyperlinks = hyperlink::supported();
    let size = terminal.size().context("cannot read the terminal size")?;
    update(&mut app, Action::Resize(size.width, size.height));
    let stop = signals::Stop::install()?;
    let mut shown_links = Vec::new();
    let mut redraw = true;
    loop {
        if let Some(end) = app.walk_end() {
            return Ok(end);
        }
        if stop.requested() {
            return Ok(WalkEnd::Quit);
        }
        if redraw {
            shown_links = draw(terminal, &app, hyperlinks, &shown_links)?;
            redraw = false;
        }
        // Wake up now and then, even without input, to notice signals and file changes.
        if !crossterm::event::poll(TICK).context("cannot read from the terminal")? {
            if let (Some(watcher), Some(path)) = (&mut watcher, &options.watch)
                && watcher.changed()
            {
                update_flow(&mut app, reload(path));
                redraw = true;
            }
            continue;
        }
        let event = crossterm::event::read().context("cannot read from the terminal")?;
        if let Some(action) = action::from_event(&event) {
            update(&mut app, action);
            redraw = true;
        }
    }
}

/// Draws one frame, with terminal hyperlinks where supported; returns the links now shown.
fn draw(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &App,
    hyperlinks: bool,
    shown_links: &[hyperlink::PlacedLink],
) -> Result<Vec<hyperlink::PlacedLink>> {
    let size = terminal.size().context("cannot read the terminal size")?;
    let links = if hyperlinks {
        hyperlink::placed(app, Rect::from((Position::ORIGIN, size)))
    } else {
        Vec::new()
    };
    if links != shown_links && !shown_links.is_empty() {
        // Cells keep an old hyperlink until rewritten: redraw everything.
        terminal.clear().context("cannot clear the terminal")?;
    }
    let frame = terminal
        .draw(|frame| view(frame, app))
        .context("cannot draw on the terminal")?;
    if !links.is_empty() {
        hyperlink::write(&mut std::io::stdout(), &links, frame.buffer)
            .context("cannot write links to the terminal")?;
    }
    Ok(links)
}
