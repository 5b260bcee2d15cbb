//! Live shared sessions: a partner's session that a helpdesk agent joined with the
//! partner's hand-off code, both wizards showing it as it changes.
//!
//! A [`Hub`] holds the shared session and a version counted up by every change. Each side
//! keeps its own wizard (its own language, mode and screen) and publishes what it changed,
//! based on the version it last saw; a change based on an older version gives way, and
//! that side is shown the session as it is now — so both sides always end up showing the
//! same session. The partner's side keeps the records (save, log); when the partner's
//! connection ends while an agent is with them, the records pass to the agent.

use std::collections::HashMap;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use super::Shared;
use crate::core::RecordKeeper;
use crate::core::hand_off::{CodeGiver, give_code};
use crate::handoff::{Code, claim};
use crate::session::Session;
use crate::tui::remote::{Link, RemoteInput};
use crate::tui::state::sharing::Presence;

/// Why a server without a state folder gives no codes.
const NO_STATE: &str =
    "this server keeps no sessions (it has no state folder), so it cannot hand one over";

/// Gives a code to a partner in plain mode (asked again, the same one): their session
/// is handed over from its save once they leave (a live join needs the full-screen wizard).
#[derive(Debug)]
pub struct PlainCodes {
    /// The state folder.
    root: Option<std::path::PathBuf>,
    /// The code given.
    given: Mutex<Option<String>>,
}

impl PlainCodes {
    /// Codes for a partner's session kept under the state folder `root`.
    pub fn new(root: Option<std::path::PathBuf>) -> PlainCodes {
        PlainCodes {
            root,
            given: Mutex::new(None),
        }
    }
}

impl CodeGiver for PlainCodes {
    fn give(&self, session: &Session, records: &mut RecordKeeper) -> Result<String, String> {
        let mut given = lock(&self.given);
        if let Some(code) = given.as_ref() {
            return Ok(code.clone());
        }
        let root = self.root.as_deref().ok_or(NO_STATE)?;
        let code = give_code(root, session, records)?.to_string();
        *given = Some(code.clone());
        Ok(code)
    }
}

/// The live sessions of this server by the bare hand-off code given for them.
#[derive(Debug, Default)]
pub struct Registry {
    by_code: Mutex<HashMap<String, Weak<Hub>>>,
}

impl Registry {
    /// Whether the partner `code` was given for is connected here now.
    pub fn is_live(&self, code: &Code) -> bool {
        self.find(code).is_some()
    }

    /// The live session a code was given for, while its partner is connected.
    fn find(&self, code: &Code) -> Option<Arc<Hub>> {
        // The registry's lock is let go before a hub's is taken: a partner asking for a
        // code holds its hub's lock and then takes the registry's.
        let hub = {
            let mut map = lock(&self.by_code);
            map.retain(|_, hub| hub.strong_count() > 0);
            map.get(code.bare()).and_then(Weak::upgrade)
        }?;
        let connected = lock(&hub.state).partner.is_some();
        connected.then_some(hub)
    }
}

/// One shared session.
#[derive(Debug)]
pub struct Hub {
    state: Mutex<HubState>,
}

#[derive(Debug)]
struct HubState {
    version: u64,
    session: Session,
    partner: Option<Sender<RemoteInput>>,
    agent: Option<Sender<RemoteInput>>,
    /// The code given and not used yet.
    code: Option<Code>,
    /// The records of a partner who left while the agent was with them.
    records: Option<RecordKeeper>,
}

/// Which side of a shared session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Partner,
    Agent,
}

impl Hub {
    /// `side`'s change to `session`, based on version `seen`: taken and shared with the
    /// other side, or — when the other side changed it first — the session as it is now.
    /// `seen` becomes the version this side now shows.
    fn publish(&self, side: Side, seen: &mut u64, session: &Session) -> Option<Session> {
        let mut state = lock(&self.state);
        if *seen != state.version {
            *seen = state.version;
            return Some(state.session.clone());
        }
        let other = match side {
            Side::Partner => state.agent.clone(),
            Side::Agent => state.partner.clone(),
        };
        *seen = state.change(session.clone(), other.as_ref());
        None
    }
}

/// Locks `mutex`, taking over a lock whose holder panicked (the state stays usable).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl HubState {
    /// Takes `session` as the new version, telling `other`; gives the version.
    fn change(&mut self, session: Session, other: Option<&Sender<RemoteInput>>) -> u64 {
        self.version += 1;
        if let Some(other) = other {
            let _ = other.send(RemoteInput::Shared {
                version: self.version,
                session: Box::new(session.clone()),
            });
        }
        self.session = session;
        self.version
    }
}

/// The partner's side of a served session: gives hand-off codes and shares every change.
#[derive(Debug)]
pub struct PartnerLink {
    shared: Arc<Shared>,
    hub: Arc<Hub>,
    seen: u64,
}

/// The agent's side of a live shared session.
#[derive(Debug)]
pub struct AgentLink {
    hub: Arc<Hub>,
    seen: u64,
}

impl PartnerLink {
    /// The link of a partner's wizard on `session`, whose input is `input`.
    pub fn new(shared: &Arc<Shared>, session: &Session, input: Sender<RemoteInput>) -> PartnerLink {
        let hub = Arc::new(Hub {
            state: Mutex::new(HubState {
                version: 0,
                session: session.clone(),
                partner: Some(input),
                agent: None,
                code: None,
                records: None,
            }),
        });
        PartnerLink {
            shared: Arc::clone(shared),
            hub,
            seen: 0,
        }
    }

    /// The partner's wizard ended: the agent, if one is with them, is told, and carries on
    /// with the records unless `keep` (the session is finished, or the server ended it).
    /// Gives the records back when they are still the partner's to finish.
    pub fn release(&mut self, records: RecordKeeper, keep: bool) -> Option<RecordKeeper> {
        let mut state = lock(&self.hub.state);
        state.partner = None;
        if let Some(code) = state.code.take() {
            lock(&self.shared.live.by_code).remove(code.bare());
        }
        let Some(agent) = state.agent.clone() else {
            return Some(records);
        };
        let kept = if keep {
            Some(records)
        } else {
            state.records = Some(records);
            None
        };
        let _ = agent.send(RemoteInput::Presence(Presence::PartnerLeft));
        kept
    }
}

impl Link for PartnerLink {
    fn hand_off(
        &mut self,
        session: &Session,
        records: &mut RecordKeeper,
    ) -> Result<String, String> {
        let mut state = lock(&self.hub.state);
        if let Some(code) = &state.code {
            return Ok(code.to_string());
        }
        let root = self.shared.state_root.as_deref().ok_or(NO_STATE)?;
        let code = give_code(root, session, records)?;
        lock(&self.shared.live.by_code).insert(code.bare().to_owned(), Arc::downgrade(&self.hub));
        state.code = Some(code.clone());
        Ok(code.to_string())
    }

    fn publish(&mut self, session: &Session) -> Option<Session> {
        self.hub.publish(Side::Partner, &mut self.seen, session)
    }

    fn seen(&mut self, version: u64) {
        self.seen = self.seen.max(version);
    }

    fn end_sharing(&mut self) {
        if let Some(agent) = lock(&self.hub.state).agent.take() {
            let _ = agent.send(RemoteInput::Presence(Presence::SharingEnded));
        }
    }

    fn take_records(&mut self) -> Option<RecordKeeper> {
        None
    }
}

/// What joining a code came to.
#[derive(Debug)]
pub enum Joined {
    /// The partner is connected: the agent is in their live session.
    Live {
        /// The session as it is, with the hand-off recorded.
        session: Session,
        /// The agent's link.
        link: AgentLink,
    },
    /// Nobody is connected with this code here: continue from the save.
    NotLive,
}

/// Joins the live session `code` was given for, as the agent whose input is `input`:
/// the code is used up and the hand-off recorded in the session, which the partner's
/// side saves. `Err` when the code cannot be used.
pub fn join(shared: &Shared, code: &Code, input: Sender<RemoteInput>) -> Result<Joined, String> {
    let Some(hub) = shared.live.find(code) else {
        return Ok(Joined::NotLive);
    };
    let root = shared.state_root.as_deref().ok_or(NO_STATE)?;
    let mut state = lock(&hub.state);
    if state.partner.is_none() {
        // The partner left since: their session is continued from its save.
        return Ok(Joined::NotLive);
    }
    let now = crate::clock::now();
    claim(root, code.bare(), now).map_err(|e| e.to_string())?;
    lock(&shared.live.by_code).remove(code.bare());
    let mut session = state.session.clone();
    session.record_hand_off(&code.to_string(), true, now);
    let partner = state.partner.clone();
    let seen = state.change(session.clone(), partner.as_ref());
    if let Some(partner) = &partner {
        let _ = partner.send(RemoteInput::Presence(Presence::AgentJoined));
    }
    state.agent = Some(input);
    state.code = None;
    drop(state);
    Ok(Joined::Live {
        session,
        link: AgentLink { hub, seen },
    })
}

impl AgentLink {
    /// The agent's wizard ended: the partner is told. Gives whether the partner had
    /// ended the sharing.
    pub fn leave(self) -> bool {
        let mut state = lock(&self.hub.state);
        let Some(_) = state.agent.take() else {
            return true;
        };
        if let Some(partner) = &state.partner {
            let _ = partner.send(RemoteInput::Presence(Presence::AgentLeft));
        }
        false
    }
}

impl Link for AgentLink {
    fn hand_off(&mut self, _: &Session, _: &mut RecordKeeper) -> Result<String, String> {
        Err("only the partner can give a hand-off code".into())
    }

    fn publish(&mut self, session: &Session) -> Option<Session> {
        self.hub.publish(Side::Agent, &mut self.seen, session)
    }

    fn seen(&mut self, version: u64) {
        self.seen = self.seen.max(version);
    }

    fn end_sharing(&mut self) {}

    fn take_records(&mut self) -> Option<RecordKeeper> {
        lock(&self.hub.state).records.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use std::sync::mpsc::channel;

    #[test]
    fn of_two_changes_at_once_the_second_gives_way_and_both_sides_end_up_alike() {
        let flow = fixtures::flow(fixtures::WIZARD);
        let start = Session::new(flow);
        let (to_partner, partner_gets) = channel();
        let (to_agent, agent_gets) = channel();
        let hub = Hub {
            state: Mutex::new(HubState {
                version: 0,
                session: start.clone(),
                partner: Some(to_partner),
                agent: Some(to_agent),
                code: None,
                records: None,
            }),
        };
        let (mut partner_seen, mut agent_seen) = (0, 0);
        let mut partners = start.clone();
        partners.choose(0).unwrap();
        let mut agents = start;
        agents.choose(2).unwrap();

        assert!(
            hub.publish(Side::Partner, &mut partner_seen, &partners)
                .is_none()
        );
        assert_eq!(partner_seen, 1);
        let Ok(RemoteInput::Shared { version, session }) = agent_gets.try_recv() else {
            panic!("the agent is told of the partner's change");
        };
        assert_eq!((version, session.current()), (1, partners.current()));

        // The agent's change was based on version 0: it gives way.
        let now = hub
            .publish(Side::Agent, &mut agent_seen, &agents)
            .expect("gave way");
        assert_eq!(now.current(), partners.current());
        assert_eq!(agent_seen, 1);
        assert!(
            partner_gets.try_recv().is_err(),
            "nothing reached the partner"
        );

        // Based on the version it now shows, the agent's next change is taken.
        let mut next = now;
        assert!(next.back());
        assert!(hub.publish(Side::Agent, &mut agent_seen, &next).is_none());
        assert!(matches!(
            partner_gets.try_recv(),
            Ok(RemoteInput::Shared { version: 2, .. })
        ));
    }
}
