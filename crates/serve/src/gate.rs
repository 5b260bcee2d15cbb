//! Who gets in, counted: open connections at most `--max-connections`; connections not
//! yet signed in at most `--max-startups` in all and `--max-per-address` from one client
//! (as OpenSSH's `MaxStartups` and `PerSourceMaxStartups`); wizards at most
//! `--max-sessions` in all and `--max-per-address` from one client. A client is its IPv4
//! address, or its IPv6 /64 (one home or office network gets a /64).
//!
//! When `--max-startups` connections are signing in, a newcomer is not turned away: the
//! one that has been signing in longest is closed to make room. A client signs in within a
//! second; sockets held open to fill the server are the ones that have waited longest, so
//! holding them no longer keeps partners out.

use std::collections::{HashMap, VecDeque};
use std::net::{IpAddr, Ipv6Addr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use super::kill::KillSwitch;

/// The caps, as given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    /// Open connections at most.
    pub connections: usize,
    /// Connections not yet signed in, at most.
    pub startups: usize,
    /// From one client: connections not yet signed in, and wizards, at most.
    pub per_address: usize,
    /// Wizards at most.
    pub sessions: usize,
}

/// Why a connection or a wizard was turned away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// All connections (or all wizards) are taken.
    Full,
    /// Too many connections are signing in now.
    Startups,
    /// This client has too many connections signing in, or wizards, already.
    Address,
}

/// The counts behind the caps.
#[derive(Debug, Default)]
struct Counts {
    open: usize,
    signing_in: usize,
    signing_in_by: HashMap<IpAddr, usize>,
    sessions: usize,
    sessions_by: HashMap<IpAddr, usize>,
    /// The connections signing in, oldest first, each with the way to close it.
    waiting: VecDeque<(u64, KillSwitch)>,
    /// Numbers the connections.
    next: u64,
}

/// The door every connection and every wizard passes.
#[derive(Debug)]
pub struct Gate {
    caps: Caps,
    counts: Mutex<Counts>,
}

/// The client `address` belongs to: an IPv4 address as it is (also when written as IPv6),
/// an IPv6 address's /64.
pub fn client_of(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(Ipv6Addr::from(v6.to_bits() & !u128::from(u64::MAX))),
        },
    }
}

impl Gate {
    /// A gate with `caps` (each at least 1).
    pub fn new(caps: Caps) -> Gate {
        Gate {
            caps: Caps {
                connections: caps.connections.max(1),
                startups: caps.startups.max(1),
                per_address: caps.per_address.max(1),
                sessions: caps.sessions.max(1),
            },
            counts: Mutex::new(Counts::default()),
        }
    }

    /// The caps.
    pub fn caps(&self) -> Caps {
        self.caps
    }

    fn counts(&self) -> MutexGuard<'_, Counts> {
        // The counts stay whole even if a holder panicked: each change is one statement.
        self.counts.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Lets a new connection from `peer` in, counted as signing in until
    /// [`Entry::signed_in`], or says why not.
    pub fn admit(self: &Arc<Gate>, peer: IpAddr) -> Result<Entry, Refused> {
        let client = client_of(peer);
        let mut counts = self.counts();
        if counts.open >= self.caps.connections {
            return Err(Refused::Full);
        }
        let from_client = counts.signing_in_by.get(&client).copied().unwrap_or(0);
        if from_client >= self.caps.per_address {
            return Err(Refused::Address);
        }
        if counts.signing_in >= self.caps.startups {
            // Room is made by closing the longest waiting (it leaves the counts once gone).
            let (_, oldest) = counts.waiting.pop_front().ok_or(Refused::Startups)?;
            oldest.kill();
        }
        let number = counts.next;
        counts.next += 1;
        let kill = KillSwitch::default();
        counts.waiting.push_back((number, kill.clone()));
        counts.open += 1;
        counts.signing_in += 1;
        counts.signing_in_by.insert(client, from_client + 1);
        Ok(Entry {
            gate: Arc::clone(self),
            client,
            number,
            signed_in: AtomicBool::new(false),
            kill,
        })
    }

    /// Takes a wizard's place for the client at `address`, given back when the returned
    /// seat is dropped.
    pub fn seat(self: &Arc<Gate>, address: IpAddr) -> Result<Seat, Refused> {
        let client = client_of(address);
        let mut counts = self.counts();
        if counts.sessions >= self.caps.sessions {
            return Err(Refused::Full);
        }
        let from_client = counts.sessions_by.get(&client).copied().unwrap_or(0);
        if from_client >= self.caps.per_address {
            return Err(Refused::Address);
        }
        counts.sessions += 1;
        counts.sessions_by.insert(client, from_client + 1);
        Ok(Seat {
            gate: Arc::clone(self),
            client,
        })
    }

    /// Open connections now.
    #[cfg(test)]
    pub fn open(&self) -> usize {
        self.counts().open
    }
}

/// Takes one off `client`'s count in `by`, forgetting the client at 0.
fn take_one(by: &mut HashMap<IpAddr, usize>, client: IpAddr) {
    if let Some(count) = by.get_mut(&client) {
        *count = count.saturating_sub(1);
        if *count == 0 {
            by.remove(&client);
        }
    }
}

/// One admitted connection, counted while it lives.
#[derive(Debug)]
pub struct Entry {
    gate: Arc<Gate>,
    /// The client it came from (see [`client_of`]).
    pub client: IpAddr,
    /// Its number among the connections.
    number: u64,
    signed_in: AtomicBool,
    /// Ends the connection at once (its login grace ran out, its client stopped reading).
    pub kill: KillSwitch,
}

impl Entry {
    /// The connection has signed in: it no longer counts as signing in.
    pub fn signed_in(&self) {
        if !self.signed_in.swap(true, Ordering::SeqCst) {
            let mut counts = self.gate.counts();
            counts.signing_in = counts.signing_in.saturating_sub(1);
            take_one(&mut counts.signing_in_by, self.client);
            counts.waiting.retain(|(number, _)| *number != self.number);
        }
    }

    /// Whether the connection has signed in.
    pub fn is_signed_in(&self) -> bool {
        self.signed_in.load(Ordering::SeqCst)
    }
}

impl Drop for Entry {
    fn drop(&mut self) {
        self.signed_in();
        let mut counts = self.gate.counts();
        counts.open = counts.open.saturating_sub(1);
    }
}

/// One running wizard's place, given back when dropped.
#[derive(Debug)]
pub struct Seat {
    gate: Arc<Gate>,
    client: IpAddr,
}

impl Drop for Seat {
    fn drop(&mut self) {
        let mut counts = self.gate.counts();
        counts.sessions = counts.sessions.saturating_sub(1);
        take_one(&mut counts.sessions_by, self.client);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gate(connections: usize, startups: usize, per_address: usize) -> Arc<Gate> {
        Arc::new(Gate::new(Caps {
            connections,
            startups,
            per_address,
            sessions: 3,
        }))
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn an_ipv6_client_is_its_slash_64_and_a_mapped_ipv4_its_address() {
        assert_eq!(client_of(ip("2001:db8:1:2:aaaa::1")), ip("2001:db8:1:2::"));
        assert_eq!(
            client_of(ip("2001:db8:1:2:ffff::9")),
            client_of(ip("2001:db8:1:2::7"))
        );
        assert_ne!(client_of(ip("2001:db8:1:3::1")), ip("2001:db8:1:2::"));
        assert_eq!(client_of(ip("::ffff:192.0.2.7")), ip("192.0.2.7"));
        assert_eq!(client_of(ip("192.0.2.7")), ip("192.0.2.7"));
    }

    #[test]
    fn signing_in_is_capped_per_client_and_in_all_the_longest_waiting_making_room() {
        let gate = gate(10, 3, 2);
        let first = gate.admit(ip("192.0.2.1")).unwrap();
        let second = gate.admit(ip("192.0.2.1")).unwrap();
        assert_eq!(gate.admit(ip("192.0.2.1")).unwrap_err(), Refused::Address);
        let v6 = gate.admit(ip("2001:db8::1")).unwrap();
        // Three signing in: a fourth closes the one waiting longest, not a signed-in one.
        first.signed_in();
        let _third = gate.admit(ip("192.0.2.1")).unwrap();
        assert!(!second.kill.killed() && !v6.kill.killed());
        let _fourth = gate.admit(ip("192.0.2.9")).unwrap();
        assert!(second.kill.killed(), "the longest waiting was closed");
        assert!(!first.kill.killed() && !v6.kill.killed());
        drop(second);
        assert_eq!(gate.open(), 4);
    }

    #[test]
    fn connections_are_capped_and_counted_until_dropped() {
        let gate = gate(2, 10, 10);
        let first = gate.admit(ip("192.0.2.1")).unwrap();
        let second = gate.admit(ip("192.0.2.2")).unwrap();
        second.signed_in();
        assert_eq!(gate.admit(ip("192.0.2.3")).unwrap_err(), Refused::Full);
        drop(first);
        drop(second);
        assert_eq!(gate.open(), 0);
        assert!(gate.admit(ip("192.0.2.3")).is_ok());
    }

    #[test]
    fn wizards_are_capped_per_client_and_in_all() {
        let gate = gate(10, 10, 2);
        let a = ip("2001:db8::1");
        let seats = [gate.seat(a).unwrap(), gate.seat(a).unwrap()];
        assert_eq!(
            gate.seat(ip("2001:db8::2")).unwrap_err(),
            Refused::Address,
            "the same /64"
        );
        let _other = gate.seat(ip("192.0.2.1")).unwrap();
        assert_eq!(gate.seat(ip("192.0.2.2")).unwrap_err(), Refused::Full);
        drop(seats);
        assert!(gate.seat(a).is_ok());
    }
}
