//! Taking connections: a loop that outlives every failure to accept (out of file
//! descriptors, out of memory: said, waited out with a growing pause, gone on), lets each
//! connection past the [`Gate`](super::gate::Gate) or closes it at once, and gives each
//! the `--login-grace` to sign in — counted from its first byte, not renewed by anything
//! the client sends — after which it is closed.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use russh::Disconnect;
use russh::server::{Config, run_stream};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

use super::Shared;
use super::gate::{Entry, Refused};
use super::handler::Connection;
use super::kill::Killable;
use super::log::{Event, event};

/// The first pause after a failed accept; each further failure doubles it.
const FIRST_PAUSE: Duration = Duration::from_millis(10);
/// The longest pause after failed accepts.
const LONGEST_PAUSE: Duration = Duration::from_secs(1);
/// How often the same kind of trouble is said in the server's log, at most.
const SAY_EVERY: Duration = Duration::from_secs(60);

/// Logs a kind of trouble at most once every [`SAY_EVERY`], with how often it happened
/// meanwhile (`more`).
#[derive(Debug, Default)]
struct Sayer {
    last: Mutex<Option<(Instant, usize)>>,
}

impl Sayer {
    /// Counts one more; logs `event` when the last one logged is long enough ago.
    fn say(&self, event: Event) {
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        match &mut *last {
            Some((when, more)) if when.elapsed() < SAY_EVERY => *more += 1,
            _ => {
                let more = last.map_or(0, |(_, more)| more);
                event.with("more", more).log();
                *last = Some((Instant::now(), 0));
            }
        }
    }
}

/// Takes connections on `listener` until `stop` says so, serving each with `config`.
pub async fn accept_all(
    listener: TcpListener,
    shared: Arc<Shared>,
    config: Arc<Config>,
    stop: watch::Receiver<bool>,
) {
    let failed = Sayer::default();
    let turned_away = Sayer::default();
    let mut pause = FIRST_PAUSE;
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => {
                pause = FIRST_PAUSE;
                accepted
            }
            Err(error) => {
                // EMFILE, ENFILE, ENOBUFS, ENOMEM, ECONNABORTED…: the listener itself is
                // fine; waiting lets connections end and free what ran out.
                failed.say(
                    event("accept_failed")
                        .with("error", error.to_string())
                        .with("wait_ms", pause.as_millis() as u64)
                        .with(
                            "see",
                            "LimitNOFILE and --max-connections in the serve guide",
                        ),
                );
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(LONGEST_PAUSE);
                continue;
            }
        };
        let entry = match shared.gate.admit(peer.ip()) {
            Ok(entry) => Arc::new(entry),
            Err(refused) => {
                turned_away.say(turned_away_words(refused, peer, &shared));
                drop(stream);
                continue;
            }
        };
        tokio::spawn(serve(
            stream,
            peer,
            entry,
            Arc::clone(&shared),
            Arc::clone(&config),
            stop.clone(),
        ));
    }
}

/// What the server's log says when a connection is closed at once: the limit hit.
fn turned_away_words(refused: Refused, peer: SocketAddr, shared: &Shared) -> Event {
    let caps = shared.gate.caps();
    let (limit, count) = match refused {
        Refused::Full => ("--max-connections", caps.connections),
        Refused::Startups => ("--max-startups", caps.startups),
        Refused::Address => ("--max-per-address", caps.per_address),
    };
    event("connection_refused")
        .with("peer", peer.ip().to_string())
        .with("limit", limit)
        .with("count", count)
}

/// Serves one connection until it ends, the server stops, or its login grace runs out
/// before it signed in.
async fn serve(
    stream: TcpStream,
    peer: SocketAddr,
    entry: Arc<Entry>,
    shared: Arc<Shared>,
    config: Arc<Config>,
    mut stop: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let grace = shared.login_grace;
    let guard = {
        let entry = Arc::clone(&entry);
        tokio::spawn(async move {
            tokio::time::sleep(grace).await;
            if !entry.is_signed_in() {
                entry.kill.kill();
            }
        })
    };
    let stream = Killable::new(stream, entry.kill.clone());
    let number = shared
        .connections_made
        .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    event("connection")
        .with("conn", number)
        .with("peer", peer.to_string())
        .log();
    let handler = Connection::new(Arc::clone(&shared), peer.ip(), Arc::clone(&entry), number);
    let mut stopped = false;
    if let Ok(session) = run_stream(config, stream, handler).await {
        let handle = session.handle();
        let stopping = async { stop.wait_for(|stopping| *stopping).await.is_ok() };
        stopped = tokio::select! {
            _ = session => false,
            stopped = stopping => stopped,
        };
        if stopped {
            let reason = "the server is stopping".to_owned();
            let _ = handle
                .disconnect(Disconnect::ByApplication, reason, "en".into())
                .await;
        }
    }
    guard.abort();
    let how = if stopped {
        "server_stopping"
    } else if !entry.is_signed_in() {
        // Never signed in: gave up, or closed at the end of the login grace.
        "not_signed_in"
    } else {
        "closed"
    };
    event("disconnect")
        .with("conn", number)
        .with("how", how)
        .log();
    // Whatever still waits on the connection (a wizard's output) stops waiting.
    entry.kill.kill();
}
