//! One wizard on one SSH channel, on a thread of its own (the front ends block on their
//! input): the full-screen wizard for a client with a terminal, plain mode otherwise.
//! Each session keeps its saves in a folder of its own; all write the one outcome log.
//! A partner's full-screen wizard can hand its session to an agent, who joins it live or
//! continues it from its save.

use std::io::{BufReader, Write};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, Sender, channel, sync_channel};

use super::Shared;
use super::channel_io::{ChannelReader, ChannelWriter, Out, ToClient};
use super::full_screen::{Screen, tell};
use super::gate::Seat;
use super::live::{self, Joined, PartnerLink};
use super::pacing::{Backlog, MAX_QUEUED};
use super::role::Role;
use super::wizards::{self, Watch};
use super::words::{goodbye, line_too_long};
use crate::core::start::{StartOptions, Started, begin};
use crate::core::{RecordKeeper, RecordOptions};
use crate::error::{Error, Result};
use crate::exit::WalkEnd;
use crate::lang::Lang;
use crate::plain::start::LinePrompt;
use crate::session::Session;
use crate::tui::remote::{Alone, RemoteInput};
use crate::tui::state::sharing::Sharing;
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

/// The channels a wizard reads from, and the way into its keys channel (through its
/// watch, so the other side of a shared session keeps the session from going idle).
struct Inputs {
    keys: Receiver<RemoteInput>,
    lines: Receiver<Vec<u8>>,
    keys_sender: Sender<RemoteInput>,
    /// Says when the server ends the session (idle, stopping).
    watch: Arc<Watch>,
}

/// Starts a wizard in `mode` and `lang` for `role` in `seat`, whose output goes to
/// `to_client`, ending with [`Out::Exit`]; gives where its input goes, the client's
/// inputs counted in `backlog`.
pub fn start(
    shared: &Arc<Shared>,
    seat: Seat,
    mode: Mode,
    lang: Lang,
    role: Role,
    to_client: ToClient,
    backlog: Arc<Backlog>,
) -> Feed {
    let (keys, key_input) = channel();
    let (lines, line_input) = channel();
    let keys_sender = keys.clone();
    let feed = match mode {
        Mode::FullScreen { .. } => Feed::Keys(keys),
        Mode::Plain { .. } => Feed::Lines(lines),
    };
    let (number, watch) = shared.wizards.enter(to_client.clone());
    let (key_input, line_input) = watched(shared, &watch, mode, key_input, line_input, backlog);
    let inputs = Inputs {
        keys: key_input,
        lines: line_input,
        keys_sender,
        watch: Arc::clone(&watch),
    };
    let shared = Arc::clone(shared);
    std::thread::spawn(move || {
        let start = start_options(&shared, lang, &role);
        let result = walk(&shared, mode, lang, &role, &to_client, inputs, &start);
        remove_empty_folder(&role, &start);
        if let Some(farewell) = watch.farewell() {
            // After the full screen was left, so the client's terminal shows it.
            let crlf = !matches!(mode, Mode::Plain { echo: false });
            let mut output = ChannelWriter::new(to_client.clone(), crlf);
            let _ = writeln!(output, "{}", goodbye(farewell, lang));
        }
        let code = match result {
            Ok(end) => end.code(),
            Err(error) => error.reported(|text| {
                let _ = to_client.blocking_send(Out::Problem(format!("{text}\r\n").into_bytes()));
            }),
        };
        drop(seat);
        shared.wizards.leave(number);
        let _ = to_client.blocking_send(Out::Exit(code.into()));
    });
    feed
}

/// Puts a watch between the client's input and the wizard (see [`wizards::forward`]):
/// gives the wizard's ends of the keys and lines, the one for `mode` watched and
/// bounded to [`MAX_QUEUED`] inputs.
fn watched(
    shared: &Shared,
    watch: &Arc<Watch>,
    mode: Mode,
    keys: Receiver<RemoteInput>,
    lines: Receiver<Vec<u8>>,
    backlog: Arc<Backlog>,
) -> (Receiver<RemoteInput>, Receiver<Vec<u8>>) {
    let idle = shared.idle_timeout;
    let watch = Arc::clone(watch);
    match mode {
        Mode::FullScreen { .. } => {
            let (to_wizard, from_watch) = sync_channel(MAX_QUEUED);
            std::thread::spawn(move || {
                wizards::forward(&keys, to_wizard, &watch, idle, &backlog);
            });
            (from_watch, lines)
        }
        Mode::Plain { .. } => {
            let (to_wizard, from_watch) = sync_channel(MAX_QUEUED);
            std::thread::spawn(move || {
                wizards::forward(&lines, to_wizard, &watch, idle, &backlog);
            });
            (keys, from_watch)
        }
    }
}

/// Removes a new session's own folder when the session left nothing in it (a kept save
/// stays, for the agent or for resuming).
fn remove_empty_folder(role: &Role, start: &StartOptions) {
    if role.code().is_none()
        && let Some(folder) = &start.records.state_dir
    {
        let _ = std::fs::remove_dir(folder);
    }
}

/// Walks the session `start` describes, in `mode`, to its end.
fn walk(
    shared: &Arc<Shared>,
    mode: Mode,
    lang: Lang,
    role: &Role,
    to_client: &ToClient,
    inputs: Inputs,
    start: &StartOptions,
) -> Result<WalkEnd> {
    let fresh = Session::new(Arc::clone(&shared.flow));
    let agent = role.agent();
    let (size, no_color, escapes) = match mode {
        Mode::FullScreen {
            size,
            no_color,
            escapes,
        } => (size, no_color, escapes),
        Mode::Plain { .. }
            if role
                .live_code()
                .is_some_and(|code| shared.live.is_live(&code)) =>
        {
            return Err(Error::Serve(
                "the partner is connected now, and joining them live needs a terminal: \
                 connect with `ssh -t agent@HOST join CODE`"
                    .into(),
            ));
        }
        Mode::Plain { echo } => {
            return plain::start::main_on(
                fresh,
                lang,
                start,
                plain::Options {
                    agent,
                    hand_off: (*role == Role::Partner).then(|| {
                        Arc::new(live::PlainCodes::new(shared.state_root.clone()))
                            as Arc<dyn crate::core::hand_off::CodeGiver>
                    }),
                    remote: true,
                    terminal: false,
                },
                BufReader::new(ChannelReader::new(
                    inputs.lines,
                    to_client.clone(),
                    line_too_long(lang),
                )),
                ChannelWriter::new(to_client.clone(), echo),
            );
        }
    };
    let mut output = ChannelWriter::new(to_client.clone(), true);
    let options = tui::Options {
        no_color,
        watch: None,
        agent,
        hyperlinks: escapes,
        clipboard: escapes,
        sharing: Sharing::Off,
    };
    let screen = Screen {
        size,
        input: &inputs.keys,
        to_client,
        watch: &inputs.watch,
    };
    if let Some(code) = role.live_code()
        && let Joined::Live { session, mut link } =
            live::join(shared, &code, inputs.keys_sender.clone()).map_err(Error::Serve)?
    {
        let served = RecordOptions {
            served: true,
            ..RecordOptions::default()
        };
        let started = Started {
            records: RecordKeeper::new(served, lang, &session),
            session,
            lang,
        };
        let options = tui::Options {
            sharing: Sharing::Agent { partner: true },
            ..options
        };
        let left = screen.walk(started, options, &mut link, &mut output);
        if link.leave() {
            tell(&mut output, crate::i18n::sharing_words(lang).sharing_ended);
        }
        return left;
    }
    let started = begin(
        fresh,
        lang,
        start,
        &mut LinePrompt {
            input: &mut std::io::empty(),
            output: &mut output,
            remote: true,
        },
    )?;
    if *role == Role::Partner {
        let mut link = PartnerLink::new(shared, &started.session, inputs.keys_sender);
        let options = tui::Options {
            sharing: Sharing::Partner {
                code: None,
                agent: false,
            },
            ..options
        };
        return screen.walk(started, options, &mut link, &mut output);
    }
    screen.walk(started, options, &mut Alone, &mut output)
}

/// How a session starts for `role`: a new one with a save folder of its own, or the one
/// a hand-off code names, found from the state folder.
fn start_options(shared: &Shared, lang: Lang, role: &Role) -> StartOptions {
    let state_dir = match role.code() {
        Some(_) => shared.state_root.clone(),
        None => shared
            .state_dir
            .as_ref()
            .map(|dir| dir.join(session_folder(shared))),
    };
    StartOptions {
        records: RecordOptions {
            state_dir,
            log: shared.log.clone(),
            transcript: None,
            // The server writes no transcript files of its own; agents copy theirs.
            agent: false,
            keep_days: shared.keep_days,
            served: true,
        },
        resume: false,
        hand_off: role.code().map(str::to_owned),
        lang: Some(lang),
        interactive: false,
    }
}

/// A folder name of its own for the next session's saves.
fn session_folder(shared: &Shared) -> String {
    let number = shared.started.fetch_add(1, Ordering::SeqCst);
    let now = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%S");
    format!("{now}-{}-{number}", shared.instance)
}
