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

/// The first pause after a failed accept; each further failure doubles it.
const FIRST_PAUSE: Duration = Duration::from_millis(10);
/// The longest pause after failed accepts.
const LONGEST_PAUSE: Duration = Duration::from_secs(1);
/// How often the same kind of trouble is said in the server's log, at most.
const SAY_EVERY: Duration = Duration::from_secs(60);

/// Says a kind of trouble at most once every [`SAY_EVERY`], with how often it happened.
#[derive(Debug, Default)]
struct Sayer {
    last: Mutex<Option<(Instant, usize)>>,
}

impl Sayer {
    /// Counts one more; says `what` when the last saying is long enough ago.
    fn say(&self, what: &str) {
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        match &mut *last {
            Some((when, more)) if when.elapsed() < SAY_EVERY => *more += 1,
            _ => {
                let more = last.map_or(0, |(_, more)| more);
                let also = if more > 0 {
                    format!(" ({more} more since last said)")
                } else {
                    String::new()
                };
                eprintln!("signin-doctor: {what}{also}");
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
                failed.say(&format!(
                    "cannot take a connection now: {error}; waiting {} ms and going on \
                     (see LimitNOFILE and --max-connections in the serve guide)",
                    pause.as_millis()
                ));
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(LONGEST_PAUSE);
                continue;
            }
        };
        let entry = match shared.gate.admit(peer.ip()) {
            Ok(entry) => Arc::new(entry),
            Err(refused) => {
                turned_away.say(&turned_away_words(refused, peer, &shared));
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

/// What the server's log says when a connection is closed at once.
fn turned_away_words(refused: Refused, peer: SocketAddr, shared: &Shared) -> String {
    let caps = shared.gate.caps();
    let why = match refused {
        Refused::Full => format!(
            "{} connections are open (--max-connections)",
            caps.connections
        ),
        Refused::Startups => format!(
            "{} connections are signing in (--max-startups)",
            caps.startups
        ),
        Refused::Address => format!(
            "{} connections from its network are signing in (--max-per-address)",
            caps.per_address
        ),
    };
    format!("closed a connection from {} at once: {why}", peer.ip())
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
    let handler = Connection::new(Arc::clone(&shared), peer.ip(), Arc::clone(&entry));
    if let Ok(session) = run_stream(config, stream, handler).await {
        let handle = session.handle();
        let stopping = async { stop.wait_for(|stopping| *stopping).await.is_ok() };
        let stopped = tokio::select! {
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
    // Whatever still waits on the connection (a wizard's output) stops waiting.
    entry.kill.kill();
}
