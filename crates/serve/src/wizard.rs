//! One wizard on one SSH channel, on a thread of its own (the front ends block on their
//! input): the full-screen wizard for a client with a terminal, plain mode otherwise.
//! Each session keeps its saves in a folder of its own; all write the one outcome log.
//! A partner's wizard (either mode) can hand its session to an agent, who joins it live
//! (in either mode) while the partner is connected, or continues it from its save. The
//! sharing is the core's ([`crate::core::live`]): the server only hosts its lobby and
//! passes each side's events into that wizard's input.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, Sender, channel, sync_channel};

use super::Shared;
use super::call_id::CallIds;
use super::channel_io::{ChannelReader, ChannelWriter, LineInput, Out, ToClient};
use super::full_screen::Screen;
use super::gate::Seat;
use super::log::event;
use super::pacing::{Backlog, MAX_QUEUED};
use super::role::Role;
use super::wizards::{self, Watch};
use super::words::{Farewell, goodbye, line_too_long};
use crate::core::live::{Joined, LiveEvent, Presence, Side, Subscriber};
use crate::core::start::{StartOptions, begin};
use crate::core::{Call, KeptCall, RecordOptions, WalkEnd};
use crate::handoff::Code;
use crate::lang::Lang;
use crate::plain::start::LinePrompt;
use crate::session::Session;
use crate::tui::remote::RemoteInput;
use crate::tui::state::sharing::Sharing;
use crate::{plain, tui};
use signin_doctor_cli::error::{Error, Result};

/// The folder of kept transcripts under the state folder.
pub const TRANSCRIPTS: &str = "transcripts";

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

impl Mode {
    /// The mode's name in the operator's log.
    pub fn name(self) -> &'static str {
        match self {
            Mode::FullScreen { .. } => "full_screen",
            Mode::Plain { .. } => "plain",
        }
    }
}

/// Where the connection's handler sends what the client types.
#[derive(Debug)]
pub enum Feed {
    /// Key events and resizes, for the full-screen wizard.
    Keys(Sender<RemoteInput>),
    /// Bytes of lines, for plain mode.
    Lines(Sender<LineInput>),
}

/// The channels a wizard reads from, and the ways into them (through its watch, so the
/// other side of a shared session keeps the session from going idle).
struct Inputs {
    keys: Receiver<RemoteInput>,
    lines: Receiver<LineInput>,
    keys_sender: Sender<RemoteInput>,
    lines_sender: Sender<LineInput>,
    /// Says when the server ends the session (idle, stopping).
    watch: Arc<Watch>,
    /// The wizard's number in the operator's log.
    number: u64,
    /// An agent joining live: a folder of their own, for the save they go on in when the
    /// partner stops sharing.
    own_folder: Option<std::path::PathBuf>,
}

/// Starts a wizard in `mode` and `lang` for `role` in `seat`, whose output goes to
/// `to_client`, ending with [`Out::Exit`]; gives where its input goes, the client's
/// inputs counted in `backlog`, and the wizard's number (in the operator's log).
pub fn start(
    shared: &Arc<Shared>,
    seat: Seat,
    mode: Mode,
    lang: Lang,
    role: Role,
    to_client: ToClient,
    backlog: Arc<Backlog>,
) -> (Feed, u64) {
    let (keys, key_input) = channel();
    let (lines, line_input) = channel();
    let keys_sender = keys.clone();
    let lines_sender = lines.clone();
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
        lines_sender,
        watch: Arc::clone(&watch),
        number,
        own_folder: role
            .live_code()
            .and(shared.state_dir.as_ref())
            .map(|dir| dir.join(session_folder(shared))),
    };
    let shared = Arc::clone(shared);
    std::thread::spawn(move || {
        let start = start_options(&shared, lang, &role);
        // Read before the walk claims the code.
        let code_save = code_save(&shared, &role);
        let own_folder = inputs.own_folder.clone();
        let result = walk(&shared, mode, lang, &role, &to_client, inputs, &start);
        if let Some(farewell) = watch.farewell() {
            // After the full screen was left, so the client's terminal shows it.
            let crlf = !matches!(mode, Mode::Plain { echo: false });
            let mut output = ChannelWriter::new(to_client.clone(), crlf);
            // An agent the partner stopped sharing with goes on in a save of their own.
            let own_save = own_folder.as_deref().and_then(save_in);
            let code = resume_code(&shared, &role, &start, own_save.or(code_save));
            let _ = writeln!(output, "{}", goodbye(farewell, lang, code.as_deref()));
        }
        remove_empty_folder(&role, &start);
        if let Some(folder) = own_folder {
            // Left empty when the agent never went on alone, or finished.
            let _ = std::fs::remove_dir(folder);
        }
        let how = how_it_ended(&result, &watch);
        let code = match result {
            Ok(end) => crate::exit::walk_code(end),
            Err(error) => error.reported(|text| {
                let _ = to_client.blocking_send(Out::Problem(format!("{text}\r\n").into_bytes()));
            }),
        };
        event("session_end")
            .with("session", number)
            .with_some(
                "call",
                start.records.call.as_ref().map(|call| call.id.as_str()),
            )
            .with("how", how)
            .with("exit", u64::from(code))
            .log();
        drop(seat);
        shared.wizards.leave(number);
        let _ = to_client.blocking_send(Out::Exit(code.into()));
    });
    (feed, number)
}

/// The save a hand-off code names, for a role with one (read before the code is claimed).
fn code_save(shared: &Shared, role: &Role) -> Option<std::path::PathBuf> {
    let code = Code::parse(role.code()?)?;
    crate::handoff::save_of(shared.state_root.as_deref()?, &code)
}

/// A code to continue a session the server closed (idle, stopping) from its save: the
/// partner's own code for a partner (`resume CODE` continues it in self-help), an agent's
/// for an agent. `None` when nothing was saved.
fn resume_code(
    shared: &Shared,
    role: &Role,
    start: &StartOptions,
    code_save: Option<std::path::PathBuf>,
) -> Option<String> {
    let root = shared.state_root.as_deref()?;
    let save = match code_save {
        Some(save) => save,
        None => {
            let folder = start
                .records
                .state_dir
                .as_deref()
                .filter(|_| role.code().is_none())?;
            save_in(folder)?
        }
    };
    if !save.is_file() {
        return None;
    }
    let code = crate::handoff::issue_for(root, &save, crate::clock::now(), !role.agent()).ok()?;
    event("code_given")
        .with("session_closed", true)
        .with("code", shared.call_ids.of_code(&code))
        .with("partner", !role.agent())
        .log();
    Some(code.to_string())
}

/// The save in a session's own `folder`: its one save file, not one set aside.
fn save_in(folder: &std::path::Path) -> Option<std::path::PathBuf> {
    std::fs::read_dir(folder)
        .ok()?
        .flatten()
        .map(|entry| entry.path())
        .find(|path| {
            let name = path.to_string_lossy();
            name.ends_with(".json") && !name.ends_with(".abandoned.json")
        })
}

/// How a wizard's walk ended, for the operator's log: at an ending, quit, its client
/// gone, ended by the server (idle, stopping), or an error.
fn how_it_ended(result: &Result<WalkEnd>, watch: &Watch) -> &'static str {
    match (watch.farewell(), result) {
        (Some(Farewell::Idle(_)), _) => "idle",
        (Some(Farewell::Stopping), _) => "server_stopping",
        (None, Err(_)) => "error",
        (None, Ok(WalkEnd::Ending)) => "ending",
        (None, Ok(WalkEnd::Quit)) if watch.client_left() => "disconnected",
        (None, Ok(WalkEnd::Quit)) => "quit",
    }
}

/// Puts a watch between the client's input and the wizard (see [`wizards::forward`]):
/// gives the wizard's ends of the keys and lines, the one for `mode` watched and
/// bounded to [`MAX_QUEUED`] inputs.
fn watched(
    shared: &Shared,
    watch: &Arc<Watch>,
    mode: Mode,
    keys: Receiver<RemoteInput>,
    lines: Receiver<LineInput>,
    backlog: Arc<Backlog>,
) -> (Receiver<RemoteInput>, Receiver<LineInput>) {
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

/// Walks the session `start` describes, in `mode`, to its end: an agent's code joins the
/// partner's live session when they are connected here, else the session starts (or is
/// taken over from its save) as `start` says; a partner's call shares at a seat of its
/// own, for a code to join.
fn walk(
    shared: &Arc<Shared>,
    mode: Mode,
    lang: Lang,
    role: &Role,
    to_client: &ToClient,
    inputs: Inputs,
    start: &StartOptions,
) -> Result<WalkEnd> {
    let crlf = !matches!(mode, Mode::Plain { echo: false });
    let mut output = ChannelWriter::new(to_client.clone(), crlf);
    let joined = match role.live_code() {
        Some(code) => {
            let joined = shared
                .live
                .join(&code, subscriber(mode, &inputs))
                .map_err(|why| {
                    code_refused(shared, inputs.number, &code, "cannot_join");
                    Error::Start(why.into())
                })?;
            if matches!(joined, Joined::Live { .. }) {
                event("join")
                    .with("session", inputs.number)
                    .with("code", shared.call_ids.of_code(&code))
                    .with("live", true)
                    .log();
            }
            joined
        }
        None => Joined::NotLive,
    };
    let call = match joined {
        Joined::Live { session, seat } => {
            let own = served_records(shared, inputs.own_folder.clone())
                .served(start.records.call.clone());
            Call::joined(session, lang, seat, own)
        }
        Joined::NotLive => {
            let fresh = Session::new(Arc::clone(&shared.flow));
            let mut prompt = LinePrompt {
                input: &mut std::io::empty(),
                output: &mut output,
                remote: true,
            };
            let started = begin(fresh, lang, start, &mut prompt);
            log_take_over(shared, inputs.number, role, started.is_ok());
            let call = Call::new(started?);
            match role {
                Role::Partner => {
                    let (ids, number) = (shared.call_ids.clone(), inputs.number);
                    let seat = shared
                        .live
                        .open(call.session(), subscriber(mode, &inputs))
                        .on_code(Box::new(move |code| {
                            event("code_given")
                                .with("session", number)
                                .with("code", ids.of_code(code))
                                .log();
                        }));
                    call.sharing(seat)
                }
                _ => call,
            }
        }
    };
    let agent = role.agent();
    match mode {
        Mode::FullScreen {
            size,
            no_color,
            escapes,
        } => {
            let sharing = match call.side() {
                Some(Side::Partner) => Sharing::Partner {
                    code: None,
                    agent: false,
                },
                Some(Side::Agent) => Sharing::Agent { partner: true },
                None => Sharing::Off,
            };
            let options = tui::Options {
                no_color,
                watch: None,
                agent,
                hyperlinks: escapes,
                clipboard: escapes,
                sharing,
            };
            let screen = Screen {
                size,
                input: &inputs.keys,
                to_client,
                watch: &inputs.watch,
            };
            screen.walk(call, &options, &mut output)
        }
        Mode::Plain { .. } => {
            let options = plain::Options {
                agent,
                remote: true,
                terminal: false,
            };
            let mut input = ChannelReader::new(
                inputs.lines,
                to_client.clone(),
                line_too_long(lang),
                Arc::clone(&inputs.watch),
            );
            plain::start::walk(call, &options, &mut input, output).map_err(Error::from)
        }
    }
}

/// Where a wizard in `mode` hears of the other side of a shared session: into its input,
/// before the watch, which passes it on with the client's typing. What it hears of the
/// other side coming and going is told to the operator's log, as wizard `number`'s.
fn subscriber(mode: Mode, inputs: &Inputs) -> Subscriber {
    let pass: Box<dyn Fn(LiveEvent) + Send + Sync> = match mode {
        Mode::FullScreen { .. } => {
            let keys = inputs.keys_sender.clone();
            Box::new(move |event: LiveEvent| {
                let _ = keys.send(RemoteInput::Live(event));
            })
        }
        Mode::Plain { .. } => {
            let lines = inputs.lines_sender.clone();
            Box::new(move |event: LiveEvent| {
                let _ = lines.send(LineInput::Live(event));
            })
        }
    };
    let number = inputs.number;
    Box::new(move |heard: LiveEvent| {
        if let LiveEvent::Presence(presence) = &heard {
            let name = match presence {
                Presence::AgentJoined => "agent_joined",
                Presence::AgentLeft => "agent_left",
                Presence::PartnerLeft => "partner_left",
                Presence::SharingEnded => "sharing_ended",
            };
            event(name).with("session", number).log();
        }
        pass(heard);
    })
}

/// Logs that wizard `number` refused `code` for `reason`.
fn code_refused(shared: &Shared, number: u64, code: &Code, reason: &'static str) {
    event("code_refused")
        .with("session", number)
        .with("code", shared.call_ids.of_code(code))
        .with("reason", reason)
        .log();
}

/// Logs how taking over a saved session with a code went, when `role` has one: claimed
/// (`taken`), or refused (in use, unreadable, taken by someone else meanwhile).
fn log_take_over(shared: &Shared, number: u64, role: &Role, taken: bool) {
    let Some(code) = role.code().and_then(Code::parse) else {
        return;
    };
    if taken {
        event("code_claimed")
            .with("session", number)
            .with("code", shared.call_ids.of_code(&code))
            .with("live", false)
            .log();
    } else {
        code_refused(shared, number, &code, "cannot_take_over");
    }
}

/// How a session starts for `role`: a new one with a save folder of its own, or the one
/// a hand-off code names, found from the state folder.
fn start_options(shared: &Shared, lang: Lang, role: &Role) -> StartOptions {
    let records = match role.code() {
        Some(_) => served_records(shared, shared.state_root.clone()),
        None => folder_of_its_own(shared),
    };
    StartOptions::new(records.served(kept_call(shared, lang, role)))
        .hand_off(role.code().map(str::to_owned))
        .lang(Some(lang))
}

/// Where an agent's call keeps its transcript on the server, under which id: the id of
/// the code it was taken over with, else a new one. `None` for a partner, or without a
/// state folder.
fn kept_call(shared: &Shared, lang: Lang, role: &Role) -> Option<KeptCall> {
    let root = shared.state_root.as_ref()?;
    let (id, caller) = match role {
        Role::Partner | Role::Continue(_) => return None,
        Role::Agent => (CallIds::fresh().ok()?, None),
        Role::Join(typed) | Role::Resume(typed) => {
            let code = Code::parse(typed)?;
            (shared.call_ids.of_code(&code), caller_lang(root, &code))
        }
    };
    Some(KeptCall {
        folder: root.join(TRANSCRIPTS),
        id,
        lang,
        caller,
    })
}

/// The language of the partner who was given `code`: the one their session was saved in
/// when the code was given (read before the code is claimed).
fn caller_lang(root: &std::path::Path, code: &Code) -> Option<Lang> {
    let save = crate::handoff::save_of(root, code)?;
    crate::autosave::read_save(&save)
        .ok()
        .map(|saved| saved.lang())
}

/// Records in a new folder of their own under `served/`, and the one outcome log.
fn folder_of_its_own(shared: &Shared) -> RecordOptions {
    let state_dir = shared
        .state_dir
        .as_ref()
        .map(|dir| dir.join(session_folder(shared)));
    served_records(shared, state_dir)
}

/// How a served session keeps its records: saves in `state_dir`, the server's one
/// outcome log, no transcript files where their user cannot reach them (an agent's call
/// keeps its transcript in the state folder, fetched with `transcript ID`).
fn served_records(shared: &Shared, state_dir: Option<std::path::PathBuf>) -> RecordOptions {
    RecordOptions::kept(state_dir, shared.log.clone(), shared.keep_days).served(None)
}

/// A folder name of its own for the next session's saves.
fn session_folder(shared: &Shared) -> String {
    let number = shared.started.fetch_add(1, Ordering::SeqCst);
    let now = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%S");
    format!("{now}-{}-{number}", shared.instance)
}
