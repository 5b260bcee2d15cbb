//! An SSH channel as the reader and writer the front ends take: what the wizard writes
//! goes, on each flush, to the task that sends it to the client; what the client types
//! arrives here from the connection's handler. The way to the client is bounded
//! ([`OUT_QUEUE`] flushes): a wizard whose client does not read waits.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use super::line_cap::LineCap;
use super::wizards::Watch;
use crate::core::live::LiveEvent;
use crate::plain::{Heard, Listen};

/// The most flushes waiting to go to one client.
pub const OUT_QUEUE: usize = 8;

/// The way from a wizard to its client's channel, bounded to [`OUT_QUEUE`] (see
/// [`to_client`]).
pub type ToClient = tokio::sync::mpsc::Sender<Out>;

/// A new way to a client's channel, and its far end.
pub fn to_client() -> (ToClient, tokio::sync::mpsc::Receiver<Out>) {
    tokio::sync::mpsc::channel(OUT_QUEUE)
}

/// What a wizard's thread sends toward its client, in order.
#[derive(Debug)]
pub enum Out {
    /// Bytes for the client's screen.
    Data(Vec<u8>),
    /// Bytes for the client's stderr.
    Problem(Vec<u8>),
    /// The wizard ended with this exit status: send it and close the channel.
    Exit(u32),
}

/// Writes to the client, sending on each flush. With `crlf` (a remote terminal in raw
/// mode) each line ends in CR LF, as a terminal's own line discipline would make it.
#[derive(Debug)]
pub struct ChannelWriter {
    /// Toward the sending task.
    to_client: ToClient,
    /// Written since the last flush.
    buffer: Vec<u8>,
    /// Turn LF into CR LF.
    crlf: bool,
}

impl ChannelWriter {
    /// A writer toward `to_client`.
    pub fn new(to_client: ToClient, crlf: bool) -> ChannelWriter {
        ChannelWriter {
            to_client,
            buffer: Vec::new(),
            crlf,
        }
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.crlf {
            for &byte in bytes {
                if byte == b'\n' {
                    self.buffer.push(b'\r');
                }
                self.buffer.push(byte);
            }
        } else {
            self.buffer.extend_from_slice(bytes);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let bytes = std::mem::take(&mut self.buffer);
        // Waits while the client is behind; fails once the connection is gone or was cut
        // off for not reading.
        self.to_client
            .blocking_send(Out::Data(bytes))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client has gone"))
    }
}

impl Drop for ChannelWriter {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// What reaches a served plain-mode wizard: bytes the client typed, or what the other
/// side of a shared session did. Empty bytes end the input: the server ended the session,
/// or its client went away.
#[derive(Debug)]
pub enum LineInput {
    /// Bytes from the client; none: the session is cut off.
    Bytes(Vec<u8>),
    /// The client's input ended (EOF, Ctrl-D): plain mode reads what came and stops.
    Eof,
    /// The other side of a shared session changed it, came or went.
    Live(LiveEvent),
}

/// Reads what the client typed, a whole line at a time, each at most
/// [`MAX_LINE_BYTES`](super::line_cap::MAX_LINE_BYTES): a longer line is dropped and
/// `too_long` sent to the client's stderr — and, between lines, what the other side of a
/// shared session did. Ends when the client sends EOF ([`LineInput::Eof`]); fails with `ConnectionAborted`
/// when an empty packet arrives while the server ends the session (its `watch` says so),
/// and with `NotConnected` when one arrives because the client went away.
pub struct ChannelReader {
    /// From the connection's handler.
    from_client: Receiver<LineInput>,
    /// Toward the client, for saying a line was too long.
    to_client: ToClient,
    /// What to say then.
    too_long: String,
    /// Lines gathered from what arrived.
    cap: LineCap,
    /// Whole lines received and not yet read.
    pending: Vec<u8>,
    /// Input has ended.
    ended: bool,
    /// Why input was cut off, if it was.
    cut_off: Option<io::ErrorKind>,
    /// Says whether the server is ending the session.
    watch: Arc<Watch>,
}

impl ChannelReader {
    /// A reader of what arrives on `from_client`, saying `too_long` on `to_client` for
    /// each line dropped for its length; `watch` tells a session the server ends from a
    /// client gone.
    pub fn new(
        from_client: Receiver<LineInput>,
        to_client: ToClient,
        too_long: String,
        watch: Arc<Watch>,
    ) -> ChannelReader {
        ChannelReader {
            from_client,
            to_client,
            too_long,
            cap: LineCap::default(),
            pending: Vec::new(),
            ended: false,
            cut_off: None,
            watch,
        }
    }

    /// The next whole line received, if there is one.
    fn line(&mut self) -> Option<String> {
        let end = self.pending.iter().position(|&b| b == b'\n')?;
        let line: Vec<u8> = self.pending.drain(..=end).collect();
        Some(String::from_utf8_lossy(&line).into_owned())
    }
}

impl Listen for ChannelReader {
    fn listen(&mut self) -> io::Result<Heard> {
        loop {
            if let Some(line) = self.line() {
                return Ok(Heard::Line(line));
            }
            if let Some(kind) = self.cut_off {
                return Err(io::Error::new(kind, "the session was cut off"));
            }
            if self.ended {
                if self.pending.is_empty() {
                    return Ok(Heard::Ended);
                }
                let rest = std::mem::take(&mut self.pending);
                return Ok(Heard::Line(String::from_utf8_lossy(&rest).into_owned()));
            }
            match self.from_client.recv() {
                Ok(LineInput::Bytes(bytes)) if !bytes.is_empty() => {
                    let capped = self.cap.feed(&bytes);
                    for _ in 0..capped.dropped {
                        let text = format!("signin-doctor: {}\r\n", self.too_long);
                        let _ = self
                            .to_client
                            .blocking_send(Out::Problem(text.into_bytes()));
                    }
                    self.pending.extend(capped.lines);
                }
                Ok(LineInput::Bytes(_)) => {
                    // The server ends the session (interrupted), or its client went away
                    // (the terminal is gone): either way not over, and kept.
                    self.cut_off = Some(match self.watch.farewell() {
                        Some(_) => io::ErrorKind::ConnectionAborted,
                        None => io::ErrorKind::NotConnected,
                    });
                }
                Ok(LineInput::Live(event)) => return Ok(Heard::Live(event)),
                // The end of the client's input; the channel stays open for the other
                // side of a shared session, so the end is said, not seen in a drop.
                Ok(LineInput::Eof) | Err(_) => {
                    self.ended = true;
                    let rest = self.cap.finish();
                    self.pending.extend(rest);
                }
            }
        }
    }
}
