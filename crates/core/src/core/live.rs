//! Live shared sessions: a partner's session that a helpdesk agent joined with the
//! partner's hand-off code, both sides showing it as it changes — each in its own front
//! end (full screen or plain lines), language and mode.
//!
//! A [`Lobby`] (one per server) finds a session by the code given for it. Each shared
//! session is a hub holding the session and a version counted up by every change; each
//! side sits at it with a [`Seat`], owned by its [`crate::core::Call`], and hears of the
//! other side's changes through the [`Subscriber`] it gave — a [`LiveEvent`], which its
//! front end passes to [`crate::core::Call::take`]. A change based on an older version
//! gives way, and that side is given the session as it is now, so both sides always end
//! up showing the same session. The partner's side keeps the records (save, log); when
//! the partner leaves while an agent is with them, the records pass to the agent.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use super::RecordKeeper;
use super::hand_off::{HandOffError, give_code};
use crate::handoff::{Code, claim};
use crate::session::Session;

/// Something that happened on the other side of a shared session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// An agent joined the partner's session.
    AgentJoined,
    /// The agent left (or the partner stopped the sharing, seen from the partner's side).
    AgentLeft,
    /// The partner's connection ended or they quit; the agent carries on with the
    /// session and its records.
    PartnerLeft,
    /// The partner stopped the sharing; the agent carries on alone with the session as
    /// it was, notes included, in records of their own.
    SharingEnded,
}

/// What one side of a shared session hears of the other.
#[derive(Debug, Clone)]
pub enum LiveEvent {
    /// The other side changed the session: this is version `version`.
    Changed {
        /// The shared session's version, counted up by every change.
        version: u64,
        /// The session as it is now.
        session: Box<Session>,
    },
    /// Someone came, went or ended the sharing.
    Presence(Presence),
}

/// Where a side hears of the other's changes: called with the hub's lock held, so it
/// must only pass the event on (e.g. into the channel its front end reads).
pub type Subscriber = Box<dyn Fn(LiveEvent) + Send + Sync>;

/// The shared sessions of one server, by the bare hand-off code given for them.
pub struct Lobby {
    /// The state folder codes and saves are kept under; `None`: no hand-off.
    root: Option<PathBuf>,
    by_code: Mutex<HashMap<String, Weak<Hub>>>,
}

impl std::fmt::Debug for Lobby {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lobby").field("root", &self.root).finish()
    }
}

/// One shared session.
struct Hub {
    state: Mutex<HubState>,
}

struct HubState {
    version: u64,
    session: Session,
    partner: Option<Subscriber>,
    agent: Option<Subscriber>,
    /// The code given and not used yet.
    code: Option<Code>,
    /// The records of a partner who left while the agent was with them.
    records: Option<RecordKeeper>,
}

/// Which side of a shared session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The partner whose session it is.
    Partner,
    /// The helpdesk agent who joined it.
    Agent,
}

/// Told of each hand-off code given at a partner's seat (e.g. to log it by an id).
pub(crate) type CodeWatcher = Box<dyn Fn(&Code) + Send + Sync>;

/// One side's place at a shared session, owned by its [`crate::core::Call`].
pub struct Seat {
    lobby: Arc<Lobby>,
    hub: Arc<Hub>,
    side: Side,
    /// The version this side shows.
    seen: u64,
    /// Told of each new code given here.
    on_code: Option<CodeWatcher>,
}

impl std::fmt::Debug for Seat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Seat")
            .field("side", &self.side)
            .field("seen", &self.seen)
            .finish()
    }
}

/// What joining a code came to.
#[derive(Debug)]
pub enum Joined {
    /// The partner is connected: the agent is in their live session.
    Live {
        /// The session as it is, with the hand-off recorded.
        session: Session,
        /// The agent's seat.
        seat: Seat,
    },
    /// Nobody is connected with this code here: continue from the save.
    NotLive,
}

/// Locks `mutex`, taking over a lock whose holder panicked (the state stays usable).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Lobby {
    /// A lobby whose codes and saves are kept under the state folder `root` (`None`: the
    /// server keeps no sessions, and gives no codes).
    pub fn new(root: Option<PathBuf>) -> Arc<Lobby> {
        Arc::new(Lobby {
            root,
            by_code: Mutex::new(HashMap::new()),
        })
    }

    /// The live session a code was given for, while its partner is connected.
    fn find(&self, code: &Code) -> Option<Arc<Hub>> {
        // The lobby's lock is let go before a hub's is taken: a partner asking for a
        // code holds its hub's lock and then takes the lobby's.
        let hub = {
            let mut map = lock(&self.by_code);
            map.retain(|_, hub| hub.strong_count() > 0);
            map.get(code.bare()).and_then(Weak::upgrade)
        }?;
        let connected = lock(&hub.state).partner.is_some();
        connected.then_some(hub)
    }

    /// A partner's seat at a new shared session on `session`; `partner` hears of the
    /// agent's changes once one joins (with the code [`crate::core::Intent::HandOff`] gives).
    pub fn open(self: &Arc<Self>, session: &Session, partner: Subscriber) -> Seat {
        let hub = Arc::new(Hub {
            state: Mutex::new(HubState {
                version: 0,
                session: session.clone(),
                partner: Some(partner),
                agent: None,
                code: None,
                records: None,
            }),
        });
        Seat {
            lobby: Arc::clone(self),
            hub,
            side: Side::Partner,
            seen: 0,
            on_code: None,
        }
    }

    /// Joins the live session `code` was given for, as an agent who hears of the
    /// partner's changes through `agent`: the code is used up and the hand-off recorded
    /// in the session, which the partner's side saves. `Err` says why the code cannot be
    /// used.
    pub fn join(self: &Arc<Self>, code: &Code, agent: Subscriber) -> Result<Joined, HandOffError> {
        let Some(hub) = self.find(code) else {
            return Ok(Joined::NotLive);
        };
        let root = self.root.as_deref().ok_or(HandOffError::ServerKeepsNone)?;
        let mut state = lock(&hub.state);
        if state.partner.is_none() {
            // The partner left since: their session is continued from its save.
            return Ok(Joined::NotLive);
        }
        let now = crate::clock::now();
        claim(root, code.bare(), now)?;
        lock(&self.by_code).remove(code.bare());
        let mut session = state.session.clone();
        session.record_hand_off(&code.to_string(), true, now);
        let seen = state.change(session.clone(), Side::Agent);
        state.tell(Side::Partner, LiveEvent::Presence(Presence::AgentJoined));
        state.agent = Some(agent);
        state.code = None;
        drop(state);
        Ok(Joined::Live {
            session,
            seat: Seat {
                lobby: Arc::clone(self),
                hub,
                side: Side::Agent,
                seen,
                on_code: None,
            },
        })
    }
}

impl HubState {
    /// Tells `to` of `event`, if that side is there.
    fn tell(&self, to: Side, event: LiveEvent) {
        let subscriber = match to {
            Side::Partner => &self.partner,
            Side::Agent => &self.agent,
        };
        if let Some(subscriber) = subscriber {
            subscriber(event);
        }
    }

    /// Takes `session` as the new version from `from`, telling the other side; gives the
    /// version.
    fn change(&mut self, session: Session, from: Side) -> u64 {
        self.version += 1;
        let other = match from {
            Side::Partner => Side::Agent,
            Side::Agent => Side::Partner,
        };
        self.tell(
            other,
            LiveEvent::Changed {
                version: self.version,
                session: Box::new(session.clone()),
            },
        );
        self.session = session;
        self.version
    }
}

impl Seat {
    /// This seat, with `watcher` told of each new hand-off code given at it.
    pub fn on_code(mut self, watcher: CodeWatcher) -> Seat {
        self.on_code = Some(watcher);
        self
    }

    /// Which side this seat is.
    pub fn side(&self) -> Side {
        self.side
    }

    /// Whether an agent is at the session now.
    pub fn agent_present(&self) -> bool {
        lock(&self.hub.state).agent.is_some()
    }

    /// This side's change to `session`: taken and shared with the other side, or — when
    /// the other side changed it first — the session as it is now (this change gave way).
    pub(crate) fn publish(&mut self, session: &Session) -> Option<Session> {
        let mut state = lock(&self.hub.state);
        if self.seen != state.version {
            self.seen = state.version;
            return Some(state.session.clone());
        }
        self.seen = state.change(session.clone(), self.side);
        None
    }

    /// A version from the other side was taken in.
    pub(crate) fn seen(&mut self, version: u64) {
        self.seen = self.seen.max(version);
    }

    /// The partner's hand-off code for `session` (saved with `records`), given once and
    /// the same when asked again; the lobby finds the session by it from now on.
    pub(crate) fn give_code(
        &self,
        session: &Session,
        records: &mut RecordKeeper,
    ) -> Result<String, HandOffError> {
        let mut state = lock(&self.hub.state);
        if let Some(code) = &state.code {
            return Ok(code.to_string());
        }
        let root = self
            .lobby
            .root
            .as_deref()
            .ok_or(HandOffError::ServerKeepsNone)?;
        let code = give_code(root, session, records)?;
        if let Some(watcher) = &self.on_code {
            watcher(&code);
        }
        lock(&self.lobby.by_code).insert(code.bare().to_owned(), Arc::downgrade(&self.hub));
        state.code = Some(code.clone());
        Ok(code.to_string())
    }

    /// The partner stops the sharing: the agent is told and carries on alone. Gives
    /// whether an agent was there.
    pub(crate) fn end_sharing(&self) -> bool {
        let mut state = lock(&self.hub.state);
        let Some(agent) = state.agent.take() else {
            return false;
        };
        agent(LiveEvent::Presence(Presence::SharingEnded));
        true
    }

    /// The records a partner who left handed to this agent, to keep from now on.
    pub(crate) fn take_records(&self) -> Option<RecordKeeper> {
        lock(&self.hub.state).records.take()
    }

    /// This side leaves. A partner's `records` go to the agent with them when
    /// `hand_over`, and are given back otherwise (also when no agent is there);
    /// an agent's are given back, and the partner told.
    pub(crate) fn leave(self, records: RecordKeeper, hand_over: bool) -> Option<RecordKeeper> {
        let mut state = lock(&self.hub.state);
        match self.side {
            Side::Agent => {
                if state.agent.take().is_some() {
                    state.tell(Side::Partner, LiveEvent::Presence(Presence::AgentLeft));
                }
                Some(records)
            }
            Side::Partner => {
                state.partner = None;
                if let Some(code) = state.code.take() {
                    lock(&self.lobby.by_code).remove(code.bare());
                }
                if state.agent.is_none() {
                    return Some(records);
                }
                let kept = if hand_over {
                    state.records = Some(records);
                    None
                } else {
                    Some(records)
                };
                state.tell(Side::Agent, LiveEvent::Presence(Presence::PartnerLeft));
                kept
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use std::sync::mpsc::{Receiver, channel};

    fn listener() -> (Subscriber, Receiver<LiveEvent>) {
        let (to, from) = channel();
        let to = Mutex::new(to);
        (
            Box::new(move |event| {
                let _ = lock(&to).send(event);
            }),
            from,
        )
    }

    #[test]
    fn of_two_changes_at_once_the_second_gives_way_and_both_sides_end_up_alike() {
        let flow = fixtures::flow(fixtures::WIZARD);
        let start = Session::new(flow);
        let (partner_hears, partner_gets) = listener();
        let (agent_hears, agent_gets) = listener();
        let lobby = Lobby::new(None);
        let mut partner = lobby.open(&start, partner_hears);
        lock(&partner.hub.state).agent = Some(agent_hears);
        let mut agent = Seat {
            lobby: Arc::clone(&lobby),
            hub: Arc::clone(&partner.hub),
            side: Side::Agent,
            seen: 0,
            on_code: None,
        };
        let mut partners = start.clone();
        partners.choose(0).unwrap();
        let mut agents = start;
        agents.choose(2).unwrap();

        assert!(partner.publish(&partners).is_none());
        assert_eq!(partner.seen, 1);
        let Ok(LiveEvent::Changed { version, session }) = agent_gets.try_recv() else {
            panic!("the agent is told of the partner's change");
        };
        assert_eq!((version, session.current()), (1, partners.current()));

        // The agent's change was based on version 0: it gives way.
        let now = agent.publish(&agents).expect("gave way");
        assert_eq!(now.current(), partners.current());
        assert_eq!(agent.seen, 1);
        assert!(
            partner_gets.try_recv().is_err(),
            "nothing reached the partner"
        );

        // Based on the version it now shows, the agent's next change is taken.
        let mut next = now;
        assert!(next.back());
        assert!(agent.publish(&next).is_none());
        assert!(matches!(
            partner_gets.try_recv(),
            Ok(LiveEvent::Changed { version: 2, .. })
        ));
    }
}
