//! The wizards running now, so the server can end them: one that has had no input for
//! the idle time, or all of them when the server stops. Each wizard's input passes
//! through a watch on a thread of its own, which forwards what the client types and,
//! when the session is to end, sends the wizard its end instead: [`RemoteInput::End`]
//! to the full-screen wizard, an empty packet (the end of input) to plain mode. The
//! wizard then leaves as when the connection is lost — its session secured, kept for
//! resume — and says goodbye with [`Watch::farewell`].

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::channel_io::LineInput;
use super::channel_io::ToClient;
use super::pacing::Backlog;
use super::words::Farewell;
use crate::tui::remote::RemoteInput;

/// How often a watch looks whether its wizard is to end.
const LOOK: Duration = Duration::from_millis(100);
/// The least time between two sizes drawn for one session: each new size is a whole
/// screen drawn anew (up to 300×150 cells), so a client that changes its size without
/// pause gets at most four a second, the last one always drawn.
pub const RESIZE_GAP: Duration = Duration::from_millis(250);

/// The wizards running now.
#[derive(Debug, Default)]
pub struct Wizards {
    /// Numbers the wizards.
    next: AtomicU64,
    /// The server is stopping: wizards that start now end at once.
    stopping: AtomicBool,
    /// Each running wizard's watch and the way to its client, by number.
    running: Mutex<HashMap<u64, Running>>,
    /// How many connections are open now.
    connections: Arc<AtomicUsize>,
}

/// Counts one open connection while it lives.
#[derive(Debug)]
pub struct OpenConnection(Arc<AtomicUsize>);

impl Drop for OpenConnection {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// One running wizard's watch and the way to its client.
type Running = (Arc<Watch>, ToClient);

/// Why one wizard is to end, once it is.
#[derive(Debug, Default)]
pub struct Watch {
    /// Set once: why the server ends the session.
    farewell: Mutex<Option<Farewell>>,
    /// The client's connection or channel closed while the wizard ran.
    client_left: AtomicBool,
}

impl Watch {
    /// Whether the client's connection or channel closed while the wizard ran.
    pub fn client_left(&self) -> bool {
        self.client_left.load(Ordering::SeqCst)
    }

    /// Why the server ended the session, if it did.
    pub fn farewell(&self) -> Option<Farewell> {
        self.farewell.lock().ok().and_then(|farewell| *farewell)
    }

    /// Ends the session for `farewell`, unless it is ending already.
    fn end(&self, farewell: Farewell) {
        if let Ok(mut slot) = self.farewell.lock() {
            slot.get_or_insert(farewell);
        }
    }
}

/// Something a watch forwards, and what it sends to end the wizard.
pub trait Ending: Send + 'static {
    /// What tells the wizard its session is over.
    fn end() -> Self;
    /// Whether this tells the wizard its session is over (nothing follows it).
    fn is_end(&self) -> bool;
    /// Whether this says the client's channel closed (the client left), as opposed to
    /// only the end of what it sends (plain lines' end of input, which may follow a `q`).
    fn is_closed(&self) -> bool {
        self.is_end()
    }
    /// Whether the client sent this (counted in its [`Backlog`]), not the server or the
    /// other side of a shared session.
    fn sent_by_client(&self) -> bool;
    /// Whether this asks the wizard to draw at a new size.
    fn is_resize(&self) -> bool {
        false
    }
    /// This, brought up to date with what the client asked since it was sent.
    fn newest(self, _backlog: &Backlog) -> Self
    where
        Self: Sized,
    {
        self
    }
}

impl Ending for RemoteInput {
    fn end() -> RemoteInput {
        RemoteInput::End
    }

    fn is_end(&self) -> bool {
        matches!(self, RemoteInput::End)
    }

    fn sent_by_client(&self) -> bool {
        matches!(self, RemoteInput::Event(_) | RemoteInput::Resize(..))
    }

    fn is_resize(&self) -> bool {
        matches!(self, RemoteInput::Resize(..))
    }

    fn newest(self, backlog: &Backlog) -> RemoteInput {
        match self {
            RemoteInput::Resize(..) => match backlog.last_size() {
                Some((columns, rows)) => RemoteInput::Resize(columns, rows),
                None => self,
            },
            other => other,
        }
    }
}

impl Ending for LineInput {
    fn end() -> LineInput {
        LineInput::Bytes(Vec::new())
    }

    fn is_end(&self) -> bool {
        matches!(self, LineInput::Bytes(bytes) if bytes.is_empty())
            || matches!(self, LineInput::Eof)
    }

    fn is_closed(&self) -> bool {
        matches!(self, LineInput::Bytes(bytes) if bytes.is_empty())
    }

    fn sent_by_client(&self) -> bool {
        matches!(self, LineInput::Bytes(bytes) if !bytes.is_empty())
            || matches!(self, LineInput::Eof)
    }
}

impl Wizards {
    /// Registers a wizard whose output goes to `to_client`; gives its number and watch.
    pub fn enter(&self, to_client: ToClient) -> (u64, Arc<Watch>) {
        let number = self.next.fetch_add(1, Ordering::SeqCst);
        let watch = Arc::new(Watch::default());
        if let Ok(mut running) = self.running.lock() {
            running.insert(number, (Arc::clone(&watch), to_client));
        }
        if self.stopping.load(Ordering::SeqCst) {
            watch.end(Farewell::Stopping);
        }
        (number, watch)
    }

    /// Counts a new connection until the returned value is dropped.
    pub fn connected(&self) -> OpenConnection {
        self.connections.fetch_add(1, Ordering::SeqCst);
        OpenConnection(Arc::clone(&self.connections))
    }

    /// How many wizards run now.
    pub fn running(&self) -> usize {
        self.running.lock().map_or(0, |running| running.len())
    }

    /// How many connections are open now.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    /// Forgets wizard `number`, which has ended.
    pub fn leave(&self, number: u64) {
        if let Ok(mut running) = self.running.lock() {
            running.remove(&number);
        }
    }

    /// Ends every running wizard (and any that starts from now on) because the server
    /// stops; gives the ways to their clients, which close once each has said goodbye.
    pub fn end_all(&self) -> Vec<ToClient> {
        self.stopping.store(true, Ordering::SeqCst);
        let Ok(running) = self.running.lock() else {
            return Vec::new();
        };
        running
            .values()
            .map(|(watch, to_client)| {
                watch.end(Farewell::Stopping);
                to_client.clone()
            })
            .collect()
    }
}

/// Forwards what arrives on `from_client` to the wizard on `to_wizard` until the client
/// goes (then `to_wizard` is dropped: the wizard sees its input end), or until the
/// session is to end — no input for `idle`, or ended through `watch` — when the wizard
/// is sent [`Ending::end`]. What the client sent is taken off its `backlog` as it goes
/// on; `to_wizard` being bounded, a slow wizard holds it back. A resize that comes
/// sooner than [`RESIZE_GAP`] after the last one passed on is held until then, and then
/// passed on at the last size asked by then. Runs on the calling thread.
pub fn forward<T: Ending>(
    from_client: &Receiver<T>,
    to_wizard: SyncSender<T>,
    watch: &Watch,
    idle: Duration,
    backlog: &Backlog,
) {
    let mut last_input = Instant::now();
    let mut resizes: Resizes<T> = Resizes::default();
    loop {
        if watch.farewell().is_some() {
            break;
        }
        if last_input.elapsed() >= idle {
            watch.end(Farewell::Idle(idle));
            break;
        }
        if let Some(resize) = resizes.due() {
            if to_wizard.send(resize.newest(backlog)).is_err() {
                return;
            }
            continue;
        }
        match from_client.recv_timeout(resizes.wait(LOOK.min(idle))) {
            Ok(input) => {
                last_input = Instant::now();
                if input.sent_by_client() {
                    backlog.taken();
                }
                let Some(input) = resizes.pass(input) else {
                    continue;
                };
                let input = input.newest(backlog);
                let ended = input.is_end();
                if input.is_closed() {
                    // The server's own end comes below.
                    watch.client_left.store(true, Ordering::SeqCst);
                }
                if to_wizard.send(input).is_err() || ended {
                    return;
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
    let _ = to_wizard.send(T::end());
}

/// The pace of one wizard's resizes: when the last was passed on, and the one held
/// until [`RESIZE_GAP`] after it. Only one is ever held: it is brought up to the last
/// size asked when it goes (see [`Ending::newest`]), so nothing grows while it waits.
struct Resizes<T> {
    /// When the last resize was passed on.
    last: Option<Instant>,
    /// A resize that came too soon after it.
    held: Option<T>,
}

impl<T> Default for Resizes<T> {
    fn default() -> Resizes<T> {
        Resizes {
            last: None,
            held: None,
        }
    }
}

impl<T: Ending> Resizes<T> {
    /// When the next resize may be passed on.
    fn next_at(&self) -> Option<Instant> {
        self.last.map(|last| last + RESIZE_GAP)
    }

    /// `input` if it is to go to the wizard now; a resize that comes too soon is held
    /// instead (in place of one held already, which it only brings up to date).
    fn pass(&mut self, input: T) -> Option<T> {
        if !input.is_resize() {
            return Some(input);
        }
        let now = Instant::now();
        if self.held.is_some() || self.next_at().is_some_and(|at| now < at) {
            self.held.get_or_insert(input);
            return None;
        }
        self.last = Some(now);
        Some(input)
    }

    /// The held resize, once its time has come.
    fn due(&mut self) -> Option<T> {
        let at = self.next_at()?;
        if self.held.is_none() || Instant::now() < at {
            return None;
        }
        self.last = Some(Instant::now());
        self.held.take()
    }

    /// How long to wait for input: at most `look`, and no longer than until the held
    /// resize is due.
    fn wait(&self, look: Duration) -> Duration {
        match (&self.held, self.next_at()) {
            (Some(_), Some(at)) => look.min(at.saturating_duration_since(Instant::now())),
            _ => look,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::{Sender, channel, sync_channel};

    #[test]
    fn input_is_forwarded_and_silence_ends_the_wizard_as_idle() {
        let (client, from_client) = channel();
        let (to_wizard, wizard) = sync_channel(4);
        let watch = Watch::default();
        let backlog = Backlog::default();
        client.send(LineInput::Bytes(b"1\n".to_vec())).unwrap();
        let idle = Duration::from_millis(200);
        forward(&from_client, to_wizard, &watch, idle, &backlog);
        assert!(matches!(wizard.recv().unwrap(), LineInput::Bytes(b) if b == b"1\n"));
        assert!(wizard.recv().unwrap().is_end(), "the end of input");
        assert_eq!(watch.farewell(), Some(Farewell::Idle(idle)));
    }

    #[test]
    fn the_watch_stops_once_it_passed_the_end_on_even_while_others_hold_the_channel() {
        let (client, from_client) = channel();
        let (to_wizard, wizard) = sync_channel(4);
        let (done, finished) = channel();
        // A shared session's other side keeps a sender: the channel never closes.
        let _other_side = client.clone();
        client.send(RemoteInput::End).unwrap();
        std::thread::spawn(move || {
            forward(
                &from_client,
                to_wizard,
                &Watch::default(),
                Duration::from_secs(3600),
                &Backlog::default(),
            );
            let _ = done.send(());
        });
        assert!(matches!(wizard.recv().unwrap(), RemoteInput::End));
        assert!(
            finished.recv_timeout(Duration::from_secs(10)).is_ok(),
            "the watch ended instead of waiting out the idle time"
        );
    }

    /// [`forward`] with an idle time no test reaches.
    fn forward_a_minute<T: Ending>(
        from_client: &Receiver<T>,
        to_wizard: SyncSender<T>,
        watch: &Watch,
        backlog: &Backlog,
    ) {
        forward(
            from_client,
            to_wizard,
            watch,
            Duration::from_secs(60),
            backlog,
        );
    }

    /// A window change as the connection's handler passes it on: sent unless one waits.
    fn window_change(backlog: &Backlog, client: &Sender<RemoteInput>, size: (u16, u16)) {
        if backlog.resized(size) {
            client.send(RemoteInput::Resize(size.0, size.1)).unwrap();
        }
    }

    #[test]
    fn a_resize_reaches_the_wizard_at_the_last_size_asked() {
        let (client, from_client) = channel();
        let (to_wizard, wizard) = sync_channel(4);
        let backlog = Backlog::default();
        // Three window changes: only the first is sent, the last is drawn.
        for size in [(80, 24), (100, 30), (120, 40)] {
            window_change(&backlog, &client, size);
        }
        client.send(RemoteInput::End).unwrap();
        let watch = Watch::default();
        forward_a_minute(&from_client, to_wizard, &watch, &backlog);
        assert!(matches!(
            wizard.recv().unwrap(),
            RemoteInput::Resize(120, 40)
        ));
        assert!(matches!(wizard.recv().unwrap(), RemoteInput::End));
    }

    #[test]
    fn resizes_in_quick_succession_are_drawn_a_gap_apart_and_the_last_size_is_drawn() {
        let (client, from_client) = channel();
        let (to_wizard, wizard) = sync_channel(4);
        let backlog = Arc::new(Backlog::default());
        let forwarding = {
            let backlog = Arc::clone(&backlog);
            std::thread::spawn(move || {
                let watch = Watch::default();
                forward_a_minute(&from_client, to_wizard, &watch, &backlog);
            })
        };
        let resize = |size| window_change(&backlog, &client, size);
        resize((80, 24));
        assert!(matches!(
            wizard.recv().unwrap(),
            RemoteInput::Resize(80, 24)
        ));
        let first = Instant::now();
        for size in [(100, 30), (500, 200), (120, 40)] {
            resize(size);
        }
        // Held until the gap is over, then drawn once, at the last size asked.
        assert!(matches!(
            wizard.recv().unwrap(),
            RemoteInput::Resize(120, 40)
        ));
        assert!(first.elapsed() >= RESIZE_GAP - Duration::from_millis(20));
        client.send(RemoteInput::End).unwrap();
        assert!(matches!(wizard.recv().unwrap(), RemoteInput::End));
        forwarding.join().unwrap();
    }

    #[test]
    fn a_stopping_server_ends_running_wizards_and_those_that_start_later() {
        let wizards = Wizards::default();
        let (to_client, _client) = tokio::sync::mpsc::channel(4);
        let (number, watch) = wizards.enter(to_client.clone());
        assert_eq!(watch.farewell(), None);
        assert_eq!(wizards.end_all().len(), 1);
        assert_eq!(watch.farewell(), Some(Farewell::Stopping));
        let (to_wizard, wizard) = sync_channel(4);
        let (_client_keys, from_client) = channel::<RemoteInput>();
        let backlog = Backlog::default();
        forward_a_minute(&from_client, to_wizard, &watch, &backlog);
        assert!(matches!(wizard.recv().unwrap(), RemoteInput::End));
        wizards.leave(number);
        let (_, late) = wizards.enter(to_client);
        assert_eq!(late.farewell(), Some(Farewell::Stopping));
    }
}
