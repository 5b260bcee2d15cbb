//! Wrong hand-off codes, limited so that nobody finds a live code by trying: per
//! connection, per address (an IPv6 /64 counts as one), and for all anonymous clients
//! together. Only well-formed codes count: something that is no code at all (`join x`)
//! could never be right, so it is refused without costing anyone a try. Holders of agent
//! keys are staff: only the limit per connection applies to them, so a helpdesk behind one
//! address is never locked out by a colleague's typos, nor by an attacker filling the
//! shared limit.
//!
//! The arithmetic (also in docs/serve.md): a code is 6 characters from 29, so there are
//! 29⁶ = 594,823,321 codes. With at most [`ANONYMOUS_PER_HOUR`] wrong codes an hour from
//! anonymous clients (480 a day) and, say, 1,000 codes given and not yet used, a sustained
//! attack at that limit hits one with a chance of 480 × 1,000 / 594,823,321 ≈ 0.08 % a day:
//! about once in three and a half years — and the attacker must then also be quick, since a
//! code is used by the agent within minutes and lives 24 hours at most.

use std::net::{IpAddr, Ipv4Addr};
use std::path::Path;
use std::time::Duration;

use super::auth::Who;
use super::limits::SignInLimits;
use crate::handoff::{ClaimError, check};

/// Wrong codes one connection may give before its further codes are refused.
pub const PER_CONNECTION: usize = 3;
/// Wrong codes one address may give in [`WINDOW`].
pub const PER_ADDRESS: usize = 5;
/// Wrong codes all anonymous clients together may give in [`WINDOW`].
pub const ANONYMOUS_PER_HOUR: usize = 20;
/// How long a wrong code counts: an hour.
pub const WINDOW: Duration = Duration::from_secs(60 * 60);

/// Said when a client gave too many wrong codes.
const TOO_MANY: &str = "too many wrong hand-off codes lately";
/// What a client refused on its connection can do.
const CONNECT_ANEW: &str = "ask the partner to read the code out again and connect anew to try it";
/// What a client without an agent key refused for its address or for everyone can do.
const AS_AN_AGENT: &str = "helpdesk agents are not held back by this: sign in with your agent \
     key as user agent, e.g. `ssh -t agent@HOST join CODE`; others wait an hour";

/// The address all anonymous clients' wrong codes are counted under, together.
const EVERYONE: Option<IpAddr> = Some(IpAddr::V4(Ipv4Addr::UNSPECIFIED));

/// Wrong codes per address and for everyone.
#[derive(Debug)]
pub struct CodeGuesses {
    per_address: SignInLimits,
    anonymous: SignInLimits,
}

impl Default for CodeGuesses {
    fn default() -> CodeGuesses {
        CodeGuesses {
            per_address: SignInLimits::new(PER_ADDRESS, WINDOW, super::limits::MAX_ADDRESSES),
            anonymous: SignInLimits::new(ANONYMOUS_PER_HOUR, WINDOW, 1),
        }
    }
}

impl CodeGuesses {
    /// Checks the code `typed` by `who` from `peer`, who gave `wrong` wrong codes on this
    /// connection so far, against the tickets under `root`: `Err` with what to tell the
    /// client when the code is refused (it is then counted).
    pub fn try_code(
        &self,
        who: Who,
        peer: Option<IpAddr>,
        wrong: &mut usize,
        root: Option<&Path>,
        typed: &str,
    ) -> Result<(), String> {
        let anonymous = who != Who::Agent;
        if crate::handoff::Code::parse(typed).is_none() {
            // Never a code: refused as such, counted nowhere.
            return Err(ClaimError::Malformed(crate::sanitize::clean_line(typed)).to_string());
        }
        if *wrong >= PER_CONNECTION {
            return Err(format!("{TOO_MANY}; {CONNECT_ANEW}"));
        }
        if anonymous && (self.per_address.refuses(peer) || self.anonymous.refuses(EVERYONE)) {
            return Err(format!("{TOO_MANY}; {AS_AN_AGENT}"));
        }
        let root = root.ok_or("this server keeps no sessions, so it has no hand-off codes")?;
        check(root, typed, crate::clock::now())
            .map(drop)
            .map_err(|refused| {
                *wrong += 1;
                if anonymous {
                    self.per_address.failed(peer);
                    self.anonymous.failed(EVERYONE);
                    if self.anonymous.refuses(EVERYONE) {
                        eprintln!(
                            "signin-doctor: {ANONYMOUS_PER_HOUR} wrong hand-off codes within \
                             an hour from clients without an agent key; such clients' codes \
                             are refused until the hour has passed (agents are not held back)"
                        );
                    }
                }
                refused.to_string()
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handoff::{Code, issue};

    /// A state folder with one code given, and that code.
    fn a_good_code() -> (tempfile::TempDir, Code) {
        let root = tempfile::tempdir().unwrap();
        let good = issue(
            root.path(),
            &root.path().join("s.json"),
            crate::clock::now(),
        )
        .unwrap();
        (root, good)
    }

    #[test]
    fn wrong_codes_are_limited_per_connection_and_per_address_but_agents_only_per_connection() {
        let (root, good) = a_good_code();
        let guesses = CodeGuesses::default();
        let peer: Option<IpAddr> = Some("192.0.2.7".parse().unwrap());
        let root = Some(root.path());
        let mut wrong = 0;
        for _ in 0..PER_CONNECTION {
            assert!(
                guesses
                    .try_code(Who::Partner, peer, &mut wrong, root, "ABC-DEF")
                    .is_err()
            );
        }
        let refused = guesses.try_code(Who::Partner, peer, &mut wrong, root, good.bare());
        assert!(
            refused.unwrap_err().contains("too many"),
            "this connection is done"
        );

        // A new connection from the same address: two more wrong codes fill its hour.
        let mut wrong = 0;
        assert!(
            guesses
                .try_code(Who::Partner, peer, &mut wrong, root, good.bare())
                .is_ok()
        );
        for _ in 0..PER_ADDRESS - PER_CONNECTION {
            let _ = guesses.try_code(Who::Partner, peer, &mut wrong, root, "ABC-DEF");
        }
        let mut fresh = 0;
        let refused = guesses.try_code(Who::Partner, peer, &mut fresh, root, good.bare());
        assert!(
            refused.unwrap_err().contains("too many"),
            "this address is done"
        );

        // An agent from that address is not held back by it.
        let mut agent = 0;
        assert!(
            guesses
                .try_code(Who::Agent, peer, &mut agent, root, good.bare())
                .is_ok()
        );
    }

    #[test]
    fn malformed_codes_count_nowhere_and_never_lock_out_a_good_code() {
        let (root, good) = a_good_code();
        let guesses = CodeGuesses::default();
        let peer: Option<IpAddr> = Some("192.0.2.7".parse().unwrap());
        let mut wrong = 0;
        for malformed in ["x", "join", "ABC", "ABCDEFG", "0O1IL!"] {
            for _ in 0..ANONYMOUS_PER_HOUR {
                let refused = guesses
                    .try_code(Who::Partner, peer, &mut wrong, Some(root.path()), malformed)
                    .unwrap_err();
                assert!(refused.contains("is not a hand-off code"), "{refused}");
            }
        }
        assert_eq!(wrong, 0, "not counted on the connection");
        assert!(
            guesses
                .try_code(
                    Who::Partner,
                    peer,
                    &mut wrong,
                    Some(root.path()),
                    good.bare()
                )
                .is_ok(),
            "nor for the address or for everyone"
        );
    }

    #[test]
    fn anonymous_wrong_codes_from_many_addresses_are_limited_together() {
        let root = tempfile::tempdir().unwrap();
        let guesses = CodeGuesses::default();
        for n in 0..ANONYMOUS_PER_HOUR {
            let peer = Some(IpAddr::V4(Ipv4Addr::new(198, 51, 100, n as u8)));
            let _ = guesses.try_code(Who::Partner, peer, &mut 0, Some(root.path()), "ABC-DEF");
        }
        let peer = Some(IpAddr::V4(Ipv4Addr::new(203, 0, 113, 1)));
        let refused = guesses
            .try_code(Who::Partner, peer, &mut 0, Some(root.path()), "ABC-DEG")
            .unwrap_err();
        assert!(refused.contains("too many"), "{refused}");
        assert!(
            refused.contains("agent@HOST"),
            "tells agents how to get past it: {refused}"
        );
        let agent = guesses.try_code(Who::Agent, peer, &mut 0, Some(root.path()), "ABC-DEG");
        assert!(
            !agent.unwrap_err().contains("too many"),
            "an agent's code is still checked"
        );
    }
}
