//! One wizard on one SSH channel, on a thread of its own (the front ends block on their
//! input): the full-screen wizard for a client with a terminal, plain mode otherwise.
//! Each session keeps its saves in a folder of its own; all write the one outcome log.

use std::io::{BufReader, Write};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, Sender, channel};

use tokio::sync::mpsc::UnboundedSender;

use super::Shared;
use super::channel_io::{ChannelReader, ChannelWriter, Out};
use super::wizards::{self, Watch};
use super::words::{goodbye, line_too_long};
use crate::core::RecordOptions;
use crate::core::start::{StartOptions, begin};
use crate::error::{Error, Result};
use crate::exit::{RUNTIME_ERROR, WalkEnd};
use crate::lang::Lang;
use crate::plain::start::{LinePrompt, show_where};
use crate::session::Session;
use crate::tui::remote::RemoteInput;
use crate::{plain, tui};

/// Which front end a channel gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The full-screen wizard on a terminal of this many columns and rows.
    FullScreen {
        /// Columns and rows.
        size: (u16, u16),
        /// Draw without colour (`NO_COLOR` sent).
        no_color: bool,
        /// The terminal's type takes hyperlinks and the clipboard (OSC 8, OSC 52).
        escapes: bool,
    },
    /// Plain lines; `echo`: the client has a raw terminal, so the server echoes and
    /// ends lines in CR LF.
    Plain {
        /// The client has a (raw) terminal.
        echo: bool,
    },
}

/// Where the connection's handler sends what the client types.
#[derive(Debug)]
pub enum Feed {
    /// Key events and resizes, for the full-screen wizard.
    Keys(Sender<RemoteInput>),
    /// Bytes of lines, for plain mode.
    Lines(Sender<Vec<u8>>),
}

/// Starts a wizard in `mode` and `lang` whose output goes to `to_client`, ending with
/// [`Out::Exit`]; gives where its input goes. When the server is full, says so and
/// exits 1 at once.
pub fn start(
    shared: &Arc<Shared>,
    mode: Mode,
    lang: Lang,
    to_client: UnboundedSender<Out>,
) -> Feed {
    let (keys, key_input) = channel();
    let (lines, line_input) = channel();
    let feed = match mode {
        Mode::FullScreen { .. } => Feed::Keys(keys),
        Mode::Plain { .. } => Feed::Lines(lines),
    };
    let admitted = shared
        .running
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |running| {
            (running < shared.max_sessions).then_some(running + 1)
        })
        .is_ok();
    if !admitted {
        let text = format!(
            "signin-doctor: this server is busy ({} sessions); please try again in a few minutes.\r\n",
            shared.max_sessions
        );
        let _ = to_client.send(Out::Problem(text.into_bytes()));
        let _ = to_client.send(Out::Exit(RUNTIME_ERROR.into()));
        return feed;
    }
    let (number, watch) = shared.wizards.enter(to_client.clone());
    let (key_input, line_input) = watched(shared, &watch, mode, key_input, line_input);
    let shared = Arc::clone(shared);
    std::thread::spawn(move || {
        let result = run(&shared, mode, lang, &to_client, key_input, line_input);
        if let Some(farewell) = watch.farewell() {
            // After the full screen was left, so the client's terminal shows it.
            let crlf = !matches!(mode, Mode::Plain { echo: false });
            let mut output = ChannelWriter::new(to_client.clone(), crlf);
            let _ = writeln!(output, "{}", goodbye(farewell, lang));
        }
        let code = match result {
            Ok(end) => end.code(),
            Err(error) => {
                if !error.said_already() {
                    let text = format!("signin-doctor: {error}\r\n");
                    let _ = to_client.send(Out::Problem(text.into_bytes()));
                }
                error.exit_code()
            }
        };
        shared.running.fetch_sub(1, Ordering::SeqCst);
        shared.wizards.leave(number);
        let _ = to_client.send(Out::Exit(code.into()));
    });
    feed
}

/// Puts a watch between the client's input and the wizard (see [`wizards::forward`]):
/// gives the wizard's ends of the keys and lines, the one for `mode` watched.
fn watched(
    shared: &Shared,
    watch: &Arc<Watch>,
    mode: Mode,
    keys: Receiver<RemoteInput>,
    lines: Receiver<Vec<u8>>,
) -> (Receiver<RemoteInput>, Receiver<Vec<u8>>) {
    let idle = shared.idle_timeout;
    let watch = Arc::clone(watch);
    match mode {
        Mode::FullScreen { .. } => {
            let (to_wizard, from_watch) = channel();
            std::thread::spawn(move || wizards::forward(&keys, to_wizard, &watch, idle));
            (from_watch, lines)
        }
        Mode::Plain { .. } => {
            let (to_wizard, from_watch) = channel();
            std::thread::spawn(move || wizards::forward(&lines, to_wizard, &watch, idle));
            (keys, from_watch)
        }
    }
}

/// Runs the wizard to its end; see [`start`].
fn run(
    shared: &Shared,
    mode: Mode,
    lang: Lang,
    to_client: &UnboundedSender<Out>,
    keys: Receiver<RemoteInput>,
    lines: Receiver<Vec<u8>>,
) -> Result<WalkEnd> {
    let fresh = Session::new(Arc::clone(&shared.flow));
    let start = StartOptions {
        records: RecordOptions {
            state_dir: shared
                .state_dir
                .as_ref()
                .map(|dir| dir.join(session_folder(shared))),
            log: shared.log.clone(),
            transcript: None,
            agent: false,
            keep_days: shared.keep_days,
        },
        resume: false,
        lang: Some(lang),
        interactive: false,
    };
    match mode {
        Mode::Plain { echo } => plain::start::main_on(
            fresh,
            lang,
            &start,
            plain::Options {
                agent: false,
                remote: true,
            },
            BufReader::new(ChannelReader::new(
                lines,
                to_client.clone(),
                line_too_long(lang),
            )),
            ChannelWriter::new(to_client.clone(), echo),
        ),
        Mode::FullScreen {
            size,
            no_color,
            escapes,
        } => {
            let mut output = ChannelWriter::new(to_client.clone(), true);
            let started = begin(
                fresh,
                lang,
                &start,
                &mut LinePrompt {
                    input: &mut std::io::empty(),
                    output: &mut output,
                    remote: true,
                },
            )?;
            let (mut session, lang, mut records) = (started.session, started.lang, started.records);
            let options = tui::Options {
                no_color,
                watch: None,
                agent: false,
                hyperlinks: escapes,
                clipboard: escapes,
            };
            let screen = ChannelWriter::new(to_client.clone(), false);
            let left = tui::remote::run(
                &mut session,
                lang,
                options,
                &mut records,
                screen,
                size,
                &keys,
            );
            let finished =
                left.as_ref().is_ok_and(|left| !left.interrupted) || session.outcome().is_some();
            if finished {
                let _ = show_where(&mut output, &records.finish(&session), true);
            } else if let Some(notice) = records.secure(&session) {
                let _ = show_where(&mut output, &[notice], true);
            }
            let left = left?;
            if records.failed() {
                return Err(Error::RecordsFailed);
            }
            Ok(left.end)
        }
    }
}

/// A folder name of its own for the next session's saves.
fn session_folder(shared: &Shared) -> String {
    let number = shared.started.fetch_add(1, Ordering::SeqCst);
    let now = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%S");
    format!("{now}-{}-{number}", shared.instance)
}
