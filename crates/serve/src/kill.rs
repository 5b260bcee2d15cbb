//! Ending a connection from outside, whatever it is waiting for: a [`KillSwitch`] shared
//! by the connection's socket ([`Killable`]) and whoever may end it (the login grace, a
//! client that stopped reading). Once killed, every read and write of the socket fails, so
//! the SSH session ends and the socket is closed.

use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// Ends one connection when pulled.
#[derive(Debug, Clone, Default)]
pub struct KillSwitch(Arc<Inner>);

#[derive(Debug, Default)]
struct Inner {
    killed: AtomicBool,
    /// The tasks waiting to read and to write, woken when killed.
    waiting: Mutex<[Option<Waker>; 2]>,
}

/// Which of the two ways a socket waits.
#[derive(Clone, Copy)]
enum Side {
    Read = 0,
    Write = 1,
}

impl KillSwitch {
    /// Ends the connection: its socket fails from now on.
    pub fn kill(&self) {
        self.0.killed.store(true, Ordering::SeqCst);
        let waiting = std::mem::take(&mut *self.lock());
        for waker in waiting.into_iter().flatten() {
            waker.wake();
        }
    }

    /// Whether the connection was ended.
    pub fn killed(&self) -> bool {
        self.0.killed.load(Ordering::SeqCst)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, [Option<Waker>; 2]> {
        self.0.waiting.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Fails when killed; else remembers who waits on `side`, to wake them when killed.
    fn check(&self, side: Side, cx: &Context<'_>) -> io::Result<()> {
        if !self.killed() {
            let mut waiting = self.lock();
            let slot = &mut waiting[side as usize];
            if !slot.as_ref().is_some_and(|w| w.will_wake(cx.waker())) {
                *slot = Some(cx.waker().clone());
            }
        }
        if self.killed() {
            return Err(io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "the server ended the connection",
            ));
        }
        Ok(())
    }
}

/// A socket that fails once its switch is pulled.
#[derive(Debug)]
pub struct Killable<S> {
    stream: S,
    switch: KillSwitch,
}

impl<S> Killable<S> {
    /// `stream`, ended by `switch`.
    pub fn new(stream: S, switch: KillSwitch) -> Killable<S> {
        Killable { stream, switch }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Killable<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        self.switch.check(Side::Read, cx)?;
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Killable<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.switch.check(Side::Write, cx)?;
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.switch.check(Side::Write, cx)?;
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, duplex};

    #[tokio::test]
    async fn a_read_waiting_for_silence_fails_once_killed() {
        let (_far, near) = duplex(64);
        let switch = KillSwitch::default();
        let mut socket = Killable::new(near, switch.clone());
        let reading = tokio::spawn(async move { socket.read_u8().await });
        tokio::task::yield_now().await;
        switch.kill();
        let error = reading.await.unwrap().unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::ConnectionAborted);
    }
}
