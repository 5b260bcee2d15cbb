//! The SSH side of a connection: sign-in, and what each channel may ask for. A session
//! channel gets the wizard on a shell request (or an exec of `plain`); everything else a
//! client may ask — other commands, subsystems such as sftp, port forwarding both ways,
//! agent and X11 forwarding — is refused, with a message where the client shows one.

use std::collections::HashMap;
use std::sync::Arc;

use russh::keys::PublicKey;
use russh::server::{Auth, ChannelOpenHandle, Handler, Msg, Session};
use russh::{Channel, ChannelId, ChannelOpenFailure, Pty};
use tokio::sync::mpsc::unbounded_channel;

use super::Shared;
use super::auth::Who;
use super::channel_io::Out;
use super::keys::KeyParser;
use super::line_mode::LineEditor;
use super::role::{Asked, Role};
use super::wizard::{self, Feed, Mode};
use crate::lang::Lang;
use crate::tui::remote::RemoteInput;

/// Makes a [`Connection`] for each client.
#[derive(Debug, Clone)]
pub struct Server {
    /// What every connection shares.
    pub shared: Arc<Shared>,
}

impl russh::server::Server for Server {
    type Handler = Connection;

    fn new_client(&mut self, peer: Option<std::net::SocketAddr>) -> Connection {
        Connection {
            shared: Arc::clone(&self.shared),
            peer: peer.map(|address| address.ip()),
            _open: self.shared.wizards.connected(),
            user: String::new(),
            who: Who::Partner,
            wrong_codes: 0,
            channels: HashMap::new(),
        }
    }
}

/// One client's connection.
#[derive(Debug)]
pub struct Connection {
    /// What every connection shares.
    shared: Arc<Shared>,
    /// The client's address, for counting failed sign-ins.
    peer: Option<std::net::IpAddr>,
    /// Counted among the open connections while it lives (a stopping server waits).
    _open: super::wizards::OpenConnection,
    /// The user name signed in with (`nl` or `en` choose the language).
    user: String,
    /// A partner or a helpdesk agent.
    who: Who,
    /// Wrong hand-off codes given on this connection.
    wrong_codes: usize,
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
                let _ = sender.send(Vec::new());
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
    /// Plain mode; with a line editor when the client's terminal is raw.
    Lines(Option<LineEditor>, std::sync::mpsc::Sender<Vec<u8>>),
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

/// A size as the terminal gives it, kept within what a screen can be.
fn cells(value: u32) -> u16 {
    u16::try_from(value).unwrap_or(u16::MAX).max(1)
}

impl Connection {
    /// The role of a wizard started without a code: by the key signed in with.
    fn own_role(&self) -> Role {
        match self.who {
            Who::Agent => Role::Agent,
            Who::Partner => Role::Partner,
        }
    }

    /// The language: a user name of `nl` or `en` (or `agent-nl`, `agent-en`), else
    /// `LC_ALL`, `LC_MESSAGES` or `LANG` as sent, else English.
    fn lang(&self, state: &ChannelState) -> Lang {
        super::auth::lang_of_name(&self.user)
            .unwrap_or_else(|| Lang::from_env_vars(|name| state.env.get(name).cloned()))
    }

    /// Starts the wizard for `role` on `channel`: full-screen on a terminal that can move
    /// its cursor, plain lines otherwise (or when `plain` was asked for).
    fn start(&mut self, channel: ChannelId, session: &mut Session, plain: bool, role: Role) {
        let nothing_asked = ChannelState::default();
        let state = self.channels.get(&channel).unwrap_or(&nothing_asked);
        let lang = self.lang(state);
        let no_color = state.env.get("NO_COLOR").is_some_and(|v| !v.is_empty());
        let pty = state.pty.clone();
        let mode = match &pty {
            Some((term, columns, rows)) if !plain && crate::run::cursor_addressing(Some(term)) => {
                Mode::FullScreen {
                    size: (*columns, *rows),
                    no_color,
                    escapes: crate::run::takes_escapes(Some(term)),
                }
            }
            _ => Mode::Plain {
                echo: pty.is_some(),
            },
        };
        let (to_client, mut outgoing) = unbounded_channel();
        let feed = wizard::start(&self.shared, mode, lang, role, to_client);
        let input = match feed {
            Feed::Keys(sender) => Input::Keys(KeyParser::default(), sender),
            Feed::Lines(sender) => Input::Lines(pty.is_some().then(LineEditor::default), sender),
        };
        if let Some(state) = self.channels.get_mut(&channel) {
            state.input = Some(input);
        }
        let handle = session.handle();
        tokio::spawn(async move {
            while let Some(out) = outgoing.recv().await {
                let sent = match out {
                    Out::Data(bytes) => handle.data(channel, bytes).await.is_ok(),
                    Out::Problem(bytes) => handle.extended_data(channel, 1, bytes).await.is_ok(),
                    Out::Exit(code) => {
                        let _ = handle.exit_status_request(channel, code).await;
                        let _ = handle.eof(channel).await;
                        let _ = handle.close(channel).await;
                        false
                    }
                };
                if !sent {
                    break;
                }
            }
        });
    }

    /// Refuses a request on `channel` with `message` on the client's stderr and exit
    /// status 2, then closes the channel.
    fn refuse(&mut self, channel: ChannelId, session: &mut Session, message: &str) {
        let text = format!("signin-doctor: {message}\r\n");
        let _ = session.channel_success(channel);
        let _ = session.extended_data(channel, 1, text.into_bytes());
        let _ = session.exit_status_request(channel, crate::exit::USAGE_OR_INVALID_FLOW.into());
        let _ = session.eof(channel);
        let _ = session.close(channel);
        self.channels.remove(&channel);
    }
}

impl Handler for Connection {
    type Error = russh::Error;

    async fn auth_none(&mut self, user: &str) -> Result<Auth, Self::Error> {
        if self.shared.auth.lets_in_without_key(user) {
            self.user = user.to_owned();
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
        if self.shared.sign_in_limits.refuses(self.peer) {
            return Ok(Auth::reject());
        }
        if let Some(who) = self.shared.auth.who(user, key.key_data()) {
            self.user = user.to_owned();
            self.who = who;
            return Ok(Auth::Accept);
        }
        self.shared.sign_in_limits.failed(self.peer);
        Ok(Auth::reject())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        self.channels.insert(channel.id(), ChannelState::default());
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
        let state = self.channels.entry(channel).or_default();
        state.pty = Some((term.to_owned(), cells(columns), cells(rows)));
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
        if wanted(name) {
            let state = self.channels.entry(channel).or_default();
            state.env.insert(name.to_owned(), value.to_owned());
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
        let command = String::from_utf8_lossy(command);
        let Some(Asked { plain, role }) = Role::from_command(&command, self.own_role()) else {
            let shown = crate::sanitize::clean_line(&command);
            let refusal = match shown.trim() {
                word @ ("join" | "resume") => format!(
                    "`{word}` needs the partner's hand-off code after it, as in \
                     `{word} K7P 2QX`: ask the partner for the code their wizard showed."
                ),
                _ => format!(
                    "this server runs only the sign-in wizard, not `{shown}`. Connect without \
                     a command for the wizard, give the command `plain` for plain lines, or \
                     `join CODE` / `resume CODE` with a partner's hand-off code."
                ),
            };
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
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(state) = self.channels.get_mut(&channel) {
            if let Some(pty) = &mut state.pty {
                (pty.1, pty.2) = (cells(columns), cells(rows));
            }
            if let Some(Input::Keys(_, sender)) = &state.input {
                let _ = sender.send(RemoteInput::Resize(cells(columns), cells(rows)));
            }
        }
        Ok(())
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
        match &mut state.input {
            Some(Input::Keys(parser, sender)) => {
                for event in parser.feed(bytes) {
                    let _ = sender.send(RemoteInput::Event(event));
                }
            }
            Some(Input::Lines(Some(editor), sender)) => {
                let typed = editor.feed(bytes);
                if !typed.echo.is_empty() {
                    session.data(channel, typed.echo)?;
                }
                for line in typed.lines {
                    let _ = sender.send(line);
                }
                if typed.ended {
                    state.input = None;
                }
            }
            Some(Input::Lines(None, sender)) if !bytes.is_empty() => {
                // (An empty packet would tell plain mode its input ended.)
                let _ = sender.send(bytes.to_vec());
            }
            Some(Input::Lines(None, _)) | None => {}
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        // Input ends: plain mode reads to the end of what was sent, then stops.
        if let Some(state) = self.channels.get_mut(&channel)
            && matches!(state.input, Some(Input::Lines(..)))
        {
            state.input = None;
        }
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
