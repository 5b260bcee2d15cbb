//! The SSH side of a connection: sign-in, and what each channel may ask for. A session
//! channel gets the wizard on a shell request (or an exec of `plain`); everything else a
//! client may ask — other commands, subsystems such as sftp, port forwarding both ways,
//! agent and X11 forwarding — is refused, with a message where the client shows one.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::time::Duration;

use russh::keys::PublicKey;
use russh::server::{Auth, ChannelOpenHandle, Handler, Msg, Session};
use russh::{Channel, ChannelId, ChannelOpenFailure, ChannelWriteHalf, Disconnect, Pty};
use tokio::time::timeout;

use super::Shared;
use super::auth::Who;
use super::channel_io::{LineInput, Out, ToClient, to_client};
use super::gate::{Entry, Refused};
use super::keys::KeyParser;
use super::line_mode::LineEditor;
use super::log::event;
use super::pacing::{Backlog, MAX_OUTPUT_STALL, MAX_STALL};
use super::role::{Asked, Role};
use super::wizard::{self, Feed, Mode};
use crate::exit::{RUNTIME_ERROR, USAGE_OR_INVALID_FLOW};
use crate::handoff::Code;
use crate::lang::Lang;
use crate::tui::remote::RemoteInput;

/// The most session channels open at once on one connection (each may run a wizard).
pub const MAX_CHANNELS: usize = 4;

/// The longest part of a refused command shown back to the client.
const SHOWN_COMMAND: usize = 60;

/// How long a client cut off is given to read why before its connection is closed.
const LAST_WORDS: Duration = Duration::from_secs(1);

/// One client's connection.
#[derive(Debug)]
pub struct Connection {
    /// What every connection shares.
    shared: Arc<Shared>,
    /// The client's address, for counting failed sign-ins.
    peer: Option<IpAddr>,
    /// Its place among the connections: counted while signing in, ended from outside.
    entry: Arc<Entry>,
    /// Counted among the open connections while it lives (a stopping server waits).
    _open: super::wizards::OpenConnection,
    /// The user name signed in with (`nl` or `en` choose the language).
    user: String,
    /// A partner or a helpdesk agent.
    who: Who,
    /// Wrong hand-off codes given on this connection.
    wrong_codes: usize,
    /// The connection's number in the operator's log.
    number: u64,
    /// The session channels open on this connection.
    channels: HashMap<ChannelId, ChannelState>,
}

/// What a session channel asked for so far, and where its typing goes once it runs.
#[derive(Debug, Default)]
struct ChannelState {
    /// The terminal: its type, columns and rows.
    pty: Option<(String, u16, u16)>,
    /// Environment variables the client sent that the wizard takes.
    env: HashMap<String, String>,
    /// Where typing goes once the wizard runs.
    input: Option<Input>,
    /// The client's inputs its wizard has not taken yet.
    backlog: Arc<Backlog>,
    /// Writes to the client as its SSH window allows: taken by the wizard's sending task.
    writer: Option<ChannelWriteHalf<Msg>>,
}

impl Drop for ChannelState {
    fn drop(&mut self) {
        // The wizard's keys channel may have other senders (a shared session's other
        // side): say outright that this client is gone. Plain mode whose input has not
        // ended is told its terminal went away (an empty packet), so the session is kept
        // for resume rather than ended as if all input had been read.
        match &self.input {
            Some(Input::Keys(_, sender)) => {
                let _ = sender.send(RemoteInput::End);
            }
            Some(Input::Lines(_, sender)) => {
                let _ = sender.send(LineInput::Bytes(Vec::new()));
            }
            None => {}
        }
    }
}

/// Typing on its way to a running wizard.
#[derive(Debug)]
enum Input {
    /// Full-screen: bytes become keys.
    Keys(KeyParser, std::sync::mpsc::Sender<RemoteInput>),
    /// Plain mode; with a line editor (echoing toward the client) when the client's
    /// terminal is raw.
    Lines(Option<(LineEditor, ToClient)>, Sender<LineInput>),
}

/// Something the client sent, on its way to the wizard.
enum Sending {
    Keys(Sender<RemoteInput>, Vec<RemoteInput>),
    Lines(Sender<LineInput>, Vec<LineInput>),
}

/// Refuses a channel other than a session (a forwarded port, X11).
async fn prohibit(reply: ChannelOpenHandle) -> Result<(), russh::Error> {
    reply
        .reject(ChannelOpenFailure::AdministrativelyProhibited)
        .await;
    Ok(())
}

/// The only variables taken from the client's environment.
fn wanted(name: &str) -> bool {
    matches!(name, "LANG" | "LC_ALL" | "LC_MESSAGES" | "NO_COLOR")
}

/// The widest terminal drawn: wider asks are drawn at this many columns. With
/// [`MAX_ROWS`], one new size drawn (three ratatui buffers of 48 bytes a cell while it is
/// drawn, one kept) costs about 6 MiB at most, within the 8 MiB a client may grow the
/// server by; 500×200 cost 14 MiB.
pub const MAX_COLUMNS: u16 = 300;
/// The tallest terminal drawn: taller asks are drawn at this many rows.
pub const MAX_ROWS: u16 = 150;

/// `text` cut to at most `most` characters, marked with "…" where cut.
fn shorten(text: &str, most: usize) -> String {
    match text.char_indices().nth(most) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// A terminal size as the client gives it (columns, rows), kept within what one
/// session's screen may cost: at least 1×1, at most [`MAX_COLUMNS`]×[`MAX_ROWS`].
fn terminal_size(columns: u32, rows: u32) -> (u16, u16) {
    let within = |value: u32, max: u16| u16::try_from(value).unwrap_or(max).clamp(1, max);
    (within(columns, MAX_COLUMNS), within(rows, MAX_ROWS))
}

impl Connection {
    /// A connection from `peer`, admitted as `entry`.
    pub fn new(shared: Arc<Shared>, peer: IpAddr, entry: Arc<Entry>, number: u64) -> Connection {
        Connection {
            number,
            _open: shared.wizards.connected(),
            shared,
            peer: Some(peer),
            entry,
            user: String::new(),
            who: Who::Partner,
            wrong_codes: 0,
            channels: HashMap::new(),
        }
    }

    /// The role of a wizard started without a code: by the key signed in with.
    fn own_role(&self) -> Role {
        match self.who {
            Who::Agent => Role::Agent,
            Who::Partner => Role::Partner,
        }
    }

    /// The language: a user name of `nl` or `en` (or `agent-nl`, `agent-en`), else
    /// `LC_ALL`, `LC_MESSAGES` or `LANG` as sent, else the server's `--lang`, else English.
    fn lang(&self, state: &ChannelState) -> Lang {
        super::auth::lang_of_name(&self.user)
            .or_else(|| Lang::known_from_env_vars(|name| state.env.get(name).cloned()))
            .or(self.shared.default_lang)
            .unwrap_or_default()
    }

    /// Starts the wizard for `role` on `channel`: full-screen on a terminal that can move
    /// its cursor, plain lines otherwise (or when `plain` was asked for).
    fn start(&mut self, channel: ChannelId, session: &mut Session, plain: bool, role: Role) {
        // A partner's own code continues their session as theirs, not in agent mode.
        let root = self.shared.state_root.clone();
        let role = role.with_own_code(|code| {
            root.as_deref()
                .is_some_and(|root| crate::handoff::is_partners(root, code))
        });
        let nothing_asked = ChannelState::default();
        let state = self.channels.get(&channel).unwrap_or(&nothing_asked);
        let lang = self.lang(state);
        let no_color = state.env.get("NO_COLOR").is_some_and(|v| !v.is_empty());
        let pty = state.pty.clone();
        let mode = match &pty {
            Some((term, columns, rows))
                if !plain && signin_doctor_cli::surroundings::cursor_addressing(Some(term)) =>
            {
                Mode::FullScreen {
                    size: (*columns, *rows),
                    no_color,
                    escapes: signin_doctor_cli::surroundings::takes_escapes(Some(term)),
                }
            }
            _ => Mode::Plain {
                echo: pty.is_some(),
            },
        };
        let seat = match self.shared.gate.seat(self.entry.client) {
            Ok(seat) => seat,
            Err(refused) => {
                let limit = match refused {
                    Refused::Address => "--max-per-address",
                    Refused::Full | Refused::Startups => "--max-sessions",
                };
                event("session_refused")
                    .with("conn", self.number)
                    .with("limit", limit)
                    .log();
                let message = self.busy(refused);
                self.turn_away(channel, session, &message, RUNTIME_ERROR);
                return;
            }
        };
        let Some(state) = self.channels.get_mut(&channel) else {
            return;
        };
        let Some(writer) = state.writer.take() else {
            return;
        };
        let (to_client, outgoing) = to_client();
        let backlog = Arc::clone(&state.backlog);
        let code = role.code().and_then(Code::parse);
        let started = event("session_start")
            .with("conn", self.number)
            .with("role", role.name())
            .with("mode", mode.name())
            .with("lang", lang.code())
            .with_some("code", code.map(|code| self.shared.call_ids.of_code(&code)));
        let (feed, number) = wizard::start(
            &self.shared,
            seat,
            mode,
            lang,
            role,
            to_client.clone(),
            backlog,
        );
        started.with("session", number).log();
        state.input = Some(match feed {
            Feed::Keys(sender) => Input::Keys(KeyParser::default(), sender),
            Feed::Lines(sender) => Input::Lines(
                pty.is_some().then(|| (LineEditor::default(), to_client)),
                sender,
            ),
        });
        tokio::spawn(send_out(
            outgoing,
            writer,
            session.handle(),
            self.entry.kill.clone(),
        ));
    }

    /// Logs the sign-in of this connection's user by `method` (with the key's fingerprint).
    fn signed_in(&self, method: &'static str, key: Option<&str>) {
        let role = match self.who {
            Who::Agent => "agent",
            Who::Partner => "partner",
        };
        event("sign_in")
            .with("conn", self.number)
            .with("user", self.user.as_str())
            .with("method", method)
            .with_some("key", key)
            .with("role", role)
            .log();
    }

    /// Turns the client away when it signed in under an agent's name on a server without
    /// agent keys (the name lets in only agent keys); gives whether it did.
    fn refused_agent_name(&mut self, channel: ChannelId, session: &mut Session) -> bool {
        if !self.shared.auth.agent_name_without_agents(&self.user) {
            return false;
        }
        event("session_refused")
            .with("conn", self.number)
            .with("reason", "agent_name_without_agent_keys")
            .log();
        let message = "this server has no agent keys, so nobody signs in as `agent` here: \
                       connect with another user name (`ssh HOST` for the wizard, `ssh -t HOST \
                       join CODE` with a partner's code), or ask the server's operator to add \
                       your key to --agent-keys.";
        self.refuse(channel, session, message);
        true
    }

    /// What to tell a client turned away for `refused` when starting a wizard.
    fn busy(&self, refused: Refused) -> String {
        let caps = self.shared.gate.caps();
        match refused {
            Refused::Address => format!(
                "too many sessions from your network are open here ({}); close one, or try \
                 again in a few minutes.",
                caps.per_address
            ),
            Refused::Full | Refused::Startups => format!(
                "this server is busy ({} sessions); please try again in a few minutes.",
                caps.sessions
            ),
        }
    }

    /// Refuses a request on `channel` with `message` on the client's stderr and exit
    /// status 2, then closes the channel.
    fn refuse(&mut self, channel: ChannelId, session: &mut Session, message: &str) {
        self.turn_away(channel, session, message, USAGE_OR_INVALID_FLOW);
    }

    /// Says `message` on the client's stderr, exits with `code` and closes `channel`.
    fn turn_away(&mut self, channel: ChannelId, session: &mut Session, message: &str, code: u8) {
        let text = format!("signin-doctor: {message}\r\n");
        let _ = session.channel_success(channel);
        let _ = session.extended_data(channel, 1, text.into_bytes());
        let _ = session.exit_status_request(channel, code.into());
        let _ = session.eof(channel);
        let _ = session.close(channel);
        self.channels.remove(&channel);
    }

    /// `transcript CODE [--json]`: sends the call's kept transcript and exits 0, or says
    /// why not (exit status 2).
    fn send_transcript(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
        asked: &super::kept_transcript::Asked,
    ) {
        match super::kept_transcript::fetch(&self.shared, self.who, asked) {
            Ok(found) => {
                event("transcript_fetched")
                    .with("conn", self.number)
                    .with("call", found.id)
                    .with("json", asked.json)
                    .log();
                let _ = session.channel_success(channel);
                let _ = session.data(channel, found.bytes);
                let _ = session.exit_status_request(channel, 0);
                let _ = session.eof(channel);
                let _ = session.close(channel);
                self.channels.remove(&channel);
            }
            Err(refused) => {
                event("transcript_refused")
                    .with("conn", self.number)
                    .with("reason", refused.reason)
                    .log();
                self.refuse(channel, session, &refused.message);
            }
        }
    }

    /// Cuts off a client that kept its input waiting for [`MAX_STALL`]: says why, then
    /// closes the connection. Its wizard ends as when a connection is lost, its answers kept.
    fn cut_off(&mut self, session: &mut Session) -> Result<(), russh::Error> {
        let _ = session.disconnect(
            Disconnect::ByApplication,
            "signin-doctor: you sent more than the wizard could take in; your answers are kept, \
             connect again to go on",
            "en",
        );
        kill_soon(&self.entry);
        Ok(())
    }

    /// Hands `sending` to the wizard as [`Self::pass_on`] does, and cuts the client off
    /// when it kept its input waiting too long.
    async fn pass_on_or_cut_off(
        &mut self,
        backlog: &Backlog,
        sending: Sending,
        session: &mut Session,
    ) -> Result<(), russh::Error> {
        if self.pass_on(backlog, sending).await {
            Ok(())
        } else {
            self.cut_off(session)
        }
    }

    /// Hands what the client sent to its wizard as the wizard takes it in; false when
    /// the client kept it waiting too long.
    async fn pass_on(&self, backlog: &Backlog, sending: Sending) -> bool {
        macro_rules! each {
            ($sender:expr, $items:expr) => {
                for item in $items {
                    if backlog.room(MAX_STALL).await.is_err() {
                        return false;
                    }
                    if $sender.send(item).is_err() {
                        backlog.taken();
                        return true;
                    }
                }
            };
        }
        match sending {
            Sending::Keys(sender, items) => each!(sender, items),
            Sending::Lines(sender, items) => each!(sender, items),
        }
        true
    }
}

/// What `sending` gives, or `None` when the client has not made room for it within
/// [`MAX_OUTPUT_STALL`] or the connection was ended meanwhile.
async fn unless_stalled<T>(
    kill: &super::kill::KillSwitch,
    sending: impl Future<Output = T>,
) -> Option<T> {
    tokio::pin!(sending);
    let deadline = tokio::time::Instant::now() + MAX_OUTPUT_STALL;
    loop {
        tokio::select! {
            sent = &mut sending => return Some(sent),
            () = tokio::time::sleep(LOOK_AGAIN) => {
                if kill.killed() || tokio::time::Instant::now() >= deadline {
                    return None;
                }
            }
        }
    }
}

/// How often output waiting for a client looks whether the connection is gone.
const LOOK_AGAIN: Duration = Duration::from_millis(200);

/// Closes `entry`'s connection after [`LAST_WORDS`], whatever it waits for.
fn kill_soon(entry: &Entry) {
    let kill = entry.kill.clone();
    tokio::spawn(async move {
        tokio::time::sleep(LAST_WORDS).await;
        kill.kill();
    });
}

/// Sends a wizard's output to its channel as the client's SSH window allows, in order,
/// until the wizard exits. A client that reads nothing for [`MAX_OUTPUT_STALL`] is told
/// why and cut off (its wizard, waiting to write, then ends as when a connection is lost).
async fn send_out(
    mut outgoing: tokio::sync::mpsc::Receiver<Out>,
    writer: ChannelWriteHalf<Msg>,
    handle: russh::server::Handle,
    kill: super::kill::KillSwitch,
) {
    while let Some(out) = outgoing.recv().await {
        let sent = match out {
            Out::Data(bytes) => unless_stalled(&kill, writer.data_bytes(bytes)).await,
            Out::Problem(bytes) => {
                unless_stalled(&kill, writer.extended_data_bytes(1, bytes)).await
            }
            Out::Exit(code) => {
                let _ = unless_stalled(&kill, async {
                    let _ = writer.exit_status(code).await;
                    let _ = writer.eof().await;
                    writer.close().await
                })
                .await;
                return;
            }
        };
        match sent {
            Some(Ok(())) => {}
            Some(Err(_)) => return,
            None if kill.killed() => return,
            None => {
                let _ = timeout(
                    LAST_WORDS,
                    handle.disconnect(
                        Disconnect::ByApplication,
                        "signin-doctor: your client stopped reading; your answers are kept, \
                         connect again to go on"
                            .into(),
                        "en".into(),
                    ),
                )
                .await;
                tokio::time::sleep(LAST_WORDS).await;
                kill.kill();
                return;
            }
        }
    }
}

impl Handler for Connection {
    type Error = russh::Error;

    async fn auth_none(&mut self, user: &str) -> Result<Auth, Self::Error> {
        if self.shared.auth.lets_in_without_key(user) {
            self.user = user.to_owned();
            self.entry.signed_in();
            self.signed_in("none", None);
            return Ok(Auth::Accept);
        }
        Ok(Auth::reject())
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: russh::server::VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        let key: &PublicKey = key.public_key;
        let fingerprint = key.fingerprint(russh::keys::HashAlg::Sha256).to_string();
        let number = self.number;
        let refused = |reason: &'static str| {
            event("sign_in_refused")
                .with("conn", number)
                .with("user", user)
                .with("key", fingerprint.as_str())
                .with("reason", reason)
                .log();
        };
        if self.shared.sign_in_limits.refuses(self.peer) {
            refused("too_many_failed_sign_ins_from_address");
            return Ok(Auth::reject());
        }
        if let Some(who) = self.shared.auth.who(user, key.key_data()) {
            self.user = user.to_owned();
            self.who = who;
            self.entry.signed_in();
            self.signed_in("publickey", Some(&fingerprint));
            return Ok(Auth::Accept);
        }
        refused(if super::auth::is_agent_name(user) {
            "not_an_agent_key"
        } else {
            "unknown_key"
        });
        self.shared.sign_in_limits.failed(self.peer);
        Ok(Auth::reject())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channels.len() >= MAX_CHANNELS {
            reply.reject(ChannelOpenFailure::ResourceShortage).await;
            return Ok(());
        }
        // Only the writing half is kept: what the client sends comes through this handler.
        let id = channel.id();
        let (_, writer) = channel.split();
        let mut state = ChannelState::default();
        state.writer = Some(writer);
        self.channels.insert(id, state);
        reply.accept().await;
        Ok(())
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _: Channel<Msg>,
        _: &str,
        _: u32,
        _: &str,
        _: u32,
        reply: ChannelOpenHandle,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        prohibit(reply).await
    }

    async fn channel_open_x11(
        &mut self,
        _: Channel<Msg>,
        _: &str,
        _: u32,
        reply: ChannelOpenHandle,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        prohibit(reply).await
    }

    async fn tcpip_forward(
        &mut self,
        _: &str,
        _: &mut u32,
        _: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn streamlocal_forward(&mut self, _: &str, _: &mut Session) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn agent_request(&mut self, _: ChannelId, _: &mut Session) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _: bool,
        _: &str,
        _: &str,
        _: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        columns: u32,
        rows: u32,
        _: u32,
        _: u32,
        _: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let Some(state) = self.channels.get_mut(&channel) else {
            session.channel_failure(channel)?;
            return Ok(());
        };
        let (columns, rows) = terminal_size(columns, rows);
        state.pty = Some((term.to_owned(), columns, rows));
        session.channel_success(channel)?;
        Ok(())
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let state = self.channels.get_mut(&channel);
        if let Some(state) = state.filter(|state| wanted(name) && state.env.len() < 4) {
            state
                .env
                .insert(name.to_owned(), value.chars().take(100).collect());
            session.channel_success(channel)?;
        } else {
            session.channel_failure(channel)?;
        }
        Ok(())
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.refused_agent_name(channel, session) {
            return Ok(());
        }
        session.channel_success(channel)?;
        let role = self.own_role();
        self.start(channel, session, false, role);
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        command: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.refused_agent_name(channel, session) {
            return Ok(());
        }
        let command = String::from_utf8_lossy(command);
        if let Some(asked) = super::kept_transcript::asked(&command) {
            self.send_transcript(channel, session, &asked);
            return Ok(());
        }
        let Some(Asked { plain, role }) = Role::from_command(&command, self.own_role()) else {
            let shown = shorten(&crate::sanitize::clean_line(&command), SHOWN_COMMAND);
            let refusal = match shown.trim() {
                word @ ("join" | "resume") => format!(
                    "`{word}` needs the partner's hand-off code after it, as in \
                     `{word} K7P 2QX`: ask the partner for the code their wizard showed."
                ),
                _ => format!(
                    "this server runs only the sign-in wizard, not `{shown}`. Connect without \
                     a command for the wizard, give the command `plain` for plain lines, \
                     `join CODE` / `resume CODE` with a partner's hand-off code, or (agents) \
                     `transcript CODE` for a call's transcript."
                ),
            };
            // What was typed is not logged: it may hold anything.
            event("command_refused").with("conn", self.number).log();
            self.refuse(channel, session, &refusal);
            return Ok(());
        };
        if let Some(code) = role.code() {
            let tried = self.shared.code_guesses.try_code(
                self.who,
                self.peer,
                &mut self.wrong_codes,
                self.shared.state_root.as_deref(),
                code,
            );
            if let Err(refused) = tried {
                event("code_refused")
                    .with("conn", self.number)
                    .with_some(
                        "code",
                        Code::parse(code).map(|code| self.shared.call_ids.of_code(&code)),
                    )
                    .with("reason", refused.reason)
                    .log();
                self.refuse(channel, session, &refused);
                return Ok(());
            }
        }
        session.channel_success(channel)?;
        self.start(channel, session, plain, role);
        Ok(())
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let shown = crate::sanitize::clean_line(name);
        let text = format!(
            "signin-doctor: this server runs only the sign-in wizard; the subsystem `{shown}` \
             (file transfer and the like) is not offered.\r\n"
        );
        let _ = session.extended_data(channel, 1, text.into_bytes());
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        columns: u32,
        rows: u32,
        _: u32,
        _: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let Some(state) = self.channels.get_mut(&channel) else {
            return Ok(());
        };
        let (columns, rows) = terminal_size(columns, rows);
        if let Some(pty) = &mut state.pty {
            (pty.1, pty.2) = (columns, rows);
        }
        // While a resize waits for the wizard, later ones only change the size it gets.
        let Some(Input::Keys(_, sender)) = &state.input else {
            return Ok(());
        };
        if !state.backlog.resized((columns, rows)) {
            return Ok(());
        }
        let sending = Sending::Keys(sender.clone(), vec![RemoteInput::Resize(columns, rows)]);
        let backlog = Arc::clone(&state.backlog);
        self.pass_on_or_cut_off(&backlog, sending, session).await
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        bytes: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let Some(state) = self.channels.get_mut(&channel) else {
            return Ok(());
        };
        let sending = match &mut state.input {
            Some(Input::Keys(parser, sender)) => {
                let events = parser.feed(bytes).into_iter().map(RemoteInput::Event);
                Sending::Keys(sender.clone(), events.collect())
            }
            Some(Input::Lines(Some((editor, to_client)), sender)) => {
                let typed = editor.feed(bytes);
                // The echo waits its turn behind the wizard's output.
                if !typed.echo.is_empty() && to_client.send(Out::Data(typed.echo)).await.is_err() {
                    return Ok(());
                }
                let mut lines: Vec<LineInput> =
                    typed.lines.into_iter().map(LineInput::Bytes).collect();
                if typed.ended {
                    lines.push(LineInput::Eof);
                }
                let sending = Sending::Lines(sender.clone(), lines);
                if typed.ended {
                    state.input = None;
                }
                sending
            }
            Some(Input::Lines(None, sender)) if !bytes.is_empty() => {
                // (An empty packet would tell plain mode its input ended.)
                Sending::Lines(sender.clone(), vec![LineInput::Bytes(bytes.to_vec())])
            }
            Some(Input::Lines(None, _)) | None => return Ok(()),
        };
        let backlog = Arc::clone(&state.backlog);
        self.pass_on_or_cut_off(&backlog, sending, session).await
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        // Input ends: plain mode reads to the end of what was sent, then stops. Said
        // outright: the other side of a shared session holds the channel open too.
        let Some(state) = self.channels.get_mut(&channel) else {
            return Ok(());
        };
        if !matches!(state.input, Some(Input::Lines(..))) {
            return Ok(());
        }
        let Some(Input::Lines(_, sender)) = state.input.take() else {
            return Ok(());
        };
        let backlog = Arc::clone(&state.backlog);
        let _ = self
            .pass_on(&backlog, Sending::Lines(sender, vec![LineInput::Eof]))
            .await;
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        // Dropping the sender tells the wizard its client has gone.
        self.channels.remove(&channel);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_sizes_are_kept_within_the_maximum_and_never_zero() {
        assert_eq!(terminal_size(80, 24), (80, 24));
        assert_eq!(terminal_size(65_535, 65_535), (MAX_COLUMNS, MAX_ROWS));
        assert_eq!(terminal_size(u32::MAX, 0), (MAX_COLUMNS, 1));
        assert_eq!(terminal_size(0, 70_000), (1, MAX_ROWS));
    }

    #[test]
    fn a_long_command_is_shortened_where_shown() {
        assert_eq!(shorten("join ABC", 60), "join ABC");
        let long = "x".repeat(100_000);
        let shown = shorten(&long, 60);
        assert_eq!(shown.chars().count(), 61);
        assert!(shown.ends_with('…'));
    }
}
