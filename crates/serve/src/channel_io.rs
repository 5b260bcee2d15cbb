//! An SSH channel as the reader and writer the front ends take: what the wizard writes
//! goes, on each flush, to the task that sends it to the client; what the client types
//! arrives here from the connection's handler. The way to the client is bounded
//! ([`OUT_QUEUE`] flushes): a wizard whose client does not read waits.

use std::io::{self, Read, Write};
use std::sync::mpsc::Receiver;

use super::line_cap::LineCap;

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

/// Reads what the client typed, a whole line at a time, each at most
/// [`MAX_LINE_BYTES`](super::line_cap::MAX_LINE_BYTES): a longer line is dropped and `too_long` sent to the client's
/// stderr. Ends when the client sends EOF or goes; fails with `ConnectionAborted` when
/// an empty packet arrives (the server ends the session).
#[derive(Debug)]
pub struct ChannelReader {
    /// From the connection's handler.
    from_client: Receiver<Vec<u8>>,
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
    /// The server ended the session: reading fails with `ConnectionAborted`.
    cut_off: bool,
}

impl ChannelReader {
    /// A reader of what arrives on `from_client`, saying `too_long` on `to_client` for
    /// each line dropped for its length.
    pub fn new(
        from_client: Receiver<Vec<u8>>,
        to_client: ToClient,
        too_long: String,
    ) -> ChannelReader {
        ChannelReader {
            from_client,
            to_client,
            too_long,
            cap: LineCap::default(),
            pending: Vec::new(),
            ended: false,
            cut_off: false,
        }
    }
}

impl Read for ChannelReader {
    fn read(&mut self, into: &mut [u8]) -> io::Result<usize> {
        while self.pending.is_empty() && !self.ended {
            match self.from_client.recv() {
                Ok(bytes) if !bytes.is_empty() => {
                    let capped = self.cap.feed(&bytes);
                    for _ in 0..capped.dropped {
                        let text = format!("signin-doctor: {}\r\n", self.too_long);
                        let _ = self
                            .to_client
                            .blocking_send(Out::Problem(text.into_bytes()));
                    }
                    self.pending = capped.lines;
                }
                Ok(_) => {
                    // The server ends the session, or its client went away: the walk is
                    // interrupted, not over.
                    self.cut_off = true;
                    self.ended = true;
                }
                Err(_) => {
                    self.ended = true;
                    self.pending = self.cap.finish();
                }
            }
        }
        if self.cut_off {
            return Err(io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "the server ended the session",
            ));
        }
        let count = into.len().min(self.pending.len());
        into[..count].copy_from_slice(&self.pending[..count]);
        self.pending.drain(..count);
        Ok(count)
    }
}
