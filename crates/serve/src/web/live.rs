//! The browser's side of live sharing: a partner's call takes a seat at the server's
//! lobby (the one the SSH server's agents join with `join CODE`) when they ask for a
//! code, and a task passes what the agent does into their call — off the lobby's lock,
//! as the core asks of a subscriber — and tells the page it changed (`/events`).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};

use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

use super::store::{WebSession, lock};
use crate::call_id::CallIds;
use crate::core::live::{LiveEvent, Lobby, Presence, Subscriber};
use crate::log::event;

/// Numbers the seats web calls take, so an event for a call since ended is told apart.
static SEATS: AtomicU64 = AtomicU64::new(1);

/// Seats `session`'s call at a shared session of `lobby`, unless it shares already,
/// and starts passing the agent's changes into it. Its lines in the operator's log name
/// the code by its id from `ids`, as the SSH server's do. Runs on the server's runtime.
pub fn share(session: &mut WebSession, lobby: &Arc<Lobby>, ids: &CallIds) {
    let seat = SEATS.fetch_add(1, Ordering::Relaxed);
    let (to_relay, events) = unbounded_channel();
    // The id of the code last given at this seat, for the lines about the agent.
    let code_id: Arc<Mutex<Option<String>>> = Arc::default();
    let named = Arc::clone(&code_id);
    let heard: Subscriber = Box::new(move |heard: LiveEvent| {
        // A partner hears only of the agent coming and going.
        let line = match &heard {
            LiveEvent::Presence(Presence::AgentJoined) => Some("agent_joined"),
            LiveEvent::Presence(Presence::AgentLeft) => Some("agent_left"),
            _ => None,
        };
        if let Some(line) = line {
            event(line)
                .with("front_end", "web")
                .with_some("code", lock(&named).clone())
                .log();
        }
        let _ = to_relay.send(heard);
    });
    let ids = ids.clone();
    let open = |now: &crate::session::Session| {
        lobby.open(now, heard).on_code(Box::new(move |code| {
            let id = ids.of_code(code);
            event("code_given")
                .with("front_end", "web")
                .with("code", id.clone())
                .log();
            *lock(&code_id) = Some(id);
        }))
    };
    if session.call.share(open, seat) {
        tokio::spawn(relay(session.me.clone(), seat, events));
    }
}

/// Passes each event for seat `seat` into the session, in order, until the call leaves
/// its seat (the lobby then drops its way in) or the session is gone.
async fn relay(
    session: Weak<Mutex<WebSession>>,
    seat: u64,
    mut events: UnboundedReceiver<LiveEvent>,
) {
    while let Some(heard) = events.recv().await {
        let Some(session) = session.upgrade() else {
            return;
        };
        // Taking a change in saves the session: off the network threads.
        let _ = tokio::task::spawn_blocking(move || lock(&session).heard(seat, heard)).await;
    }
}
