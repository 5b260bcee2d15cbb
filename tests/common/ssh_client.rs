//! An SSH client in Rust (russh) for many sessions at once, where one `ssh` process each
//! would cost more than the server: it signs in without a key (`serve --open`), asks for a
//! terminal and a shell, keeps the screen in a terminal emulator, and waits for what the
//! wizard shows with a deadline. Used by the load test and the `serve` benchmark.

use std::sync::Arc;

use russh::client::{self, Handle, Msg};
use russh::keys::PublicKeyOrCertificate;
use russh::{Channel, ChannelMsg, Disconnect};
use tokio::time::{Instant, timeout_at};

use super::pty::{option_number, selected_option};

/// What went wrong in a session, said for the test's failure message.
pub type Failure = String;

/// Trusts the server's host key: a throwaway server on loopback, started by the test.
pub struct TrustLoopback;

impl client::Handler for TrustLoopback {
    type Error = russh::Error;

    async fn check_server_key(&mut self, _: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// One SSH connection with one session channel running the wizard in a terminal.
pub struct RemoteTerminal {
    /// The connection.
    connection: Handle<TrustLoopback>,
    /// The session channel.
    channel: Channel<Msg>,
    /// The terminal as the client would show it.
    screen: vt100::Parser,
    /// The exit status, once the server sent it.
    exit: Option<u32>,
    /// The channel is closed: nothing more comes.
    closed: bool,
}

/// Connects to 127.0.0.1:`port` and signs in as `user` without a key.
pub async fn connect(port: u16, user: &str) -> Result<Handle<TrustLoopback>, Failure> {
    let config = Arc::new(client::Config {
        nodelay: true,
        ..client::Config::default()
    });
    let mut connection = client::connect(config, ("127.0.0.1", port), TrustLoopback)
        .await
        .map_err(|e| format!("cannot connect: {e}"))?;
    let auth = connection
        .authenticate_none(user)
        .await
        .map_err(|e| format!("cannot sign in: {e}"))?;
    if !auth.success() {
        return Err("the server refused to let us in without a key".to_owned());
    }
    Ok(connection)
}

/// The largest terminal the server draws (`serve` clamps wider and taller asks to it).
pub const LARGEST: (u16, u16) = (300, 150);

impl RemoteTerminal {
    /// Connects to 127.0.0.1:`port` as `user` without a key, asks for a terminal of type
    /// `term` with `size` (columns, rows) and a shell, all before `deadline`.
    pub async fn open(
        port: u16,
        user: &str,
        term: &str,
        size: (u16, u16),
        deadline: Instant,
    ) -> Result<RemoteTerminal, Failure> {
        let steps = async {
            let connection = connect(port, user).await?;
            let channel = connection
                .channel_open_session()
                .await
                .map_err(|e| format!("cannot open a session: {e}"))?;
            let (columns, rows) = size;
            channel
                .request_pty(false, term, columns.into(), rows.into(), 0, 0, &[])
                .await
                .map_err(|e| format!("cannot ask for a terminal: {e}"))?;
            channel
                .request_shell(false)
                .await
                .map_err(|e| format!("cannot ask for a shell: {e}"))?;
            // The screen as the server draws it: at most the largest it draws.
            let (rows, columns) = (rows.min(LARGEST.1), columns.min(LARGEST.0));
            Ok(RemoteTerminal {
                connection,
                channel,
                screen: vt100::Parser::new(cells(rows)?, cells(columns)?, 0),
                exit: None,
                closed: false,
            })
        };
        timeout_at(deadline, steps)
            .await
            .map_err(|_| "no session before the deadline".to_owned())?
    }

    /// Sends `keys` as the user's typing.
    pub async fn send(&self, keys: &str) -> Result<(), Failure> {
        self.channel
            .data_bytes(keys.as_bytes().to_vec())
            .await
            .map_err(|e| format!("cannot send {keys:?}: {e}"))
    }

    /// Takes the server's next message into the screen; false when the channel is closed.
    async fn receive(&mut self, deadline: Instant) -> Result<bool, Failure> {
        if self.closed {
            return Ok(false);
        }
        let message = timeout_at(deadline, self.channel.wait())
            .await
            .map_err(|_| "nothing more from the server before the deadline".to_owned())?;
        match message {
            Some(ChannelMsg::Data { data }) => self.screen.process(&data),
            Some(ChannelMsg::ExitStatus { exit_status }) => self.exit = Some(exit_status),
            Some(ChannelMsg::Close) | None => self.closed = true,
            Some(_) => {}
        }
        Ok(!self.closed)
    }

    /// Waits until `done` holds for the screen; fails at the deadline or when the channel
    /// closes first, saying `what` was awaited and what the screen shows.
    pub async fn wait_until(
        &mut self,
        what: &str,
        deadline: Instant,
        done: impl Fn(&RemoteTerminal) -> bool,
    ) -> Result<(), Failure> {
        while !done(self) {
            let open = self.receive(deadline).await.and_then(|open| {
                open.then_some(())
                    .ok_or_else(|| "the channel closed".into())
            });
            if let Err(why) = open {
                return Err(format!(
                    "waiting for {what}: {why}; the screen shows:\n{}",
                    self.rows().join("\n")
                ));
            }
        }
        Ok(())
    }

    /// Waits until the screen shows `text`.
    pub async fn wait_for(&mut self, text: &str, deadline: Instant) -> Result<(), Failure> {
        self.wait_until(&format!("{text:?}"), deadline, |screen| {
            screen.rows().iter().any(|row| row.contains(text))
        })
        .await
    }

    /// Picks the option whose label contains `label` by typing its number.
    pub async fn pick(&self, label: &str) -> Result<(), Failure> {
        let number = option_number(&self.rows(), label)
            .ok_or_else(|| format!("no option {label:?} on screen:\n{}", self.rows().join("\n")))?;
        self.send(&number.to_string()).await
    }

    /// The screen's rows as text.
    pub fn rows(&self) -> Vec<String> {
        let (_, columns) = self.screen.screen().size();
        self.screen.screen().rows(0, columns.get()).collect()
    }

    /// The number of the option marked "›".
    pub fn selected(&self) -> Option<usize> {
        selected_option(&self.rows())
    }

    /// Waits for the server to close the channel and gives the exit status it sent.
    pub async fn exit_status(&mut self, deadline: Instant) -> Result<u32, Failure> {
        while self.receive(deadline).await? {}
        self.exit
            .ok_or_else(|| "the channel closed without an exit status".to_owned())
    }

    /// Tells the server the terminal is now `columns` × `rows`.
    pub async fn resize(&self, columns: u32, rows: u32) -> Result<(), Failure> {
        self.channel
            .window_change(columns, rows, 0, 0)
            .await
            .map_err(|e| format!("cannot resize: {e}"))
    }

    /// Leaves: ends the connection.
    pub async fn disconnect(self) {
        let _ = self
            .connection
            .disconnect(Disconnect::ByApplication, "", "en")
            .await;
    }
}

/// A terminal size that is not 0.
fn cells(count: u16) -> Result<std::num::NonZeroU16, Failure> {
    std::num::NonZeroU16::new(count).ok_or_else(|| "a terminal needs rows and columns".to_owned())
}
