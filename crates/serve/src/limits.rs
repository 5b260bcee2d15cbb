//! Failed sign-ins counted per address (an IPv6 /64 counts as one): besides russh's limit of attempts on one
//! connection, an address with [`MAX_FAILURES`] failed sign-ins within [`WINDOW`] is
//! refused at once — even with a good key — until its oldest failure leaves the window.
//! Memory stays bounded: at most [`MAX_ADDRESSES`] addresses are remembered, those whose
//! failures have all left the window being forgotten first.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed sign-ins an address may have within [`WINDOW`].
pub const MAX_FAILURES: usize = 10;
/// How long a failed sign-in counts against its address: 10 minutes.
pub const WINDOW: Duration = Duration::from_secs(10 * 60);
/// The most addresses remembered at once.
pub const MAX_ADDRESSES: usize = 10_000;

/// Failed sign-ins per address, within the window.
#[derive(Debug)]
pub struct SignInLimits {
    /// Failures an address may have within `window`.
    max_failures: usize,
    /// How long a failure counts.
    window: Duration,
    /// The most addresses remembered.
    max_addresses: usize,
    /// When each address failed, oldest first (at most `max_failures` kept).
    failures: Mutex<HashMap<IpAddr, VecDeque<Instant>>>,
}

impl Default for SignInLimits {
    fn default() -> SignInLimits {
        SignInLimits::new(MAX_FAILURES, WINDOW, MAX_ADDRESSES)
    }
}

impl SignInLimits {
    /// Limits of `max_failures` per `window`, remembering at most `max_addresses`.
    pub fn new(max_failures: usize, window: Duration, max_addresses: usize) -> SignInLimits {
        SignInLimits {
            max_failures: max_failures.max(1),
            window,
            max_addresses: max_addresses.max(1),
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `address` is refused now, having failed too often lately. An unknown
    /// address (`None`: not a TCP client) is never refused here.
    pub fn refuses(&self, address: Option<IpAddr>) -> bool {
        self.refuses_at(address, Instant::now())
    }

    /// Counts a failed sign-in from `address`.
    pub fn failed(&self, address: Option<IpAddr>) {
        self.failed_at(address, Instant::now());
    }

    /// [`SignInLimits::refuses`] as at `now`.
    fn refuses_at(&self, address: Option<IpAddr>, now: Instant) -> bool {
        let Some(address) = address.map(super::gate::client_of) else {
            return false;
        };
        let Ok(mut failures) = self.failures.lock() else {
            return false;
        };
        let Some(times) = failures.get_mut(&address) else {
            return false;
        };
        forget_old(times, now, self.window);
        if times.is_empty() {
            failures.remove(&address);
            return false;
        }
        times.len() >= self.max_failures
    }

    /// [`SignInLimits::failed`] as at `now`.
    fn failed_at(&self, address: Option<IpAddr>, now: Instant) {
        let Some(address) = address.map(super::gate::client_of) else {
            return;
        };
        let Ok(mut failures) = self.failures.lock() else {
            return;
        };
        if !failures.contains_key(&address) && failures.len() >= self.max_addresses {
            make_room(&mut failures, now, self.window, self.max_addresses);
        }
        let times = failures.entry(address).or_default();
        forget_old(times, now, self.window);
        times.push_back(now);
        while times.len() > self.max_failures {
            times.pop_front();
        }
    }

    /// How many addresses are remembered now.
    #[cfg(test)]
    fn remembered(&self) -> usize {
        self.failures.lock().map_or(0, |failures| failures.len())
    }
}

/// Drops the failures that have left the window.
fn forget_old(times: &mut VecDeque<Instant>, now: Instant, window: Duration) {
    while times
        .front()
        .is_some_and(|&time| now.saturating_duration_since(time) >= window)
    {
        times.pop_front();
    }
}

/// Makes room for one more address: forgets every address whose failures have all left
/// the window, and if none has, the one whose last failure is oldest.
fn make_room(
    failures: &mut HashMap<IpAddr, VecDeque<Instant>>,
    now: Instant,
    window: Duration,
    max_addresses: usize,
) {
    failures.retain(|_, times| {
        forget_old(times, now, window);
        !times.is_empty()
    });
    if failures.len() < max_addresses {
        return;
    }
    let stalest = failures
        .iter()
        .min_by_key(|(_, times)| times.back().copied())
        .map(|(address, _)| *address);
    if let Some(address) = stalest {
        failures.remove(&address);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    fn address(last: u8) -> Option<IpAddr> {
        Some(IpAddr::V4(Ipv4Addr::new(192, 0, 2, last)))
    }

    #[test]
    fn an_address_is_refused_after_its_failures_and_let_in_after_the_window() {
        let limits = SignInLimits::new(3, Duration::from_secs(60), 100);
        let start = Instant::now();
        for second in 0..2 {
            limits.failed_at(address(1), start + Duration::from_secs(second));
            assert!(!limits.refuses_at(address(1), start + Duration::from_secs(second)));
        }
        limits.failed_at(address(1), start + Duration::from_secs(2));
        assert!(limits.refuses_at(address(1), start + Duration::from_secs(3)));
        assert!(
            !limits.refuses_at(address(2), start + Duration::from_secs(3)),
            "another address is not refused"
        );
        assert!(!limits.refuses_at(None, start));
        // An IPv6 client is its /64: another address in it is refused too.
        let v6 = |text: &str| Some(text.parse::<IpAddr>().unwrap());
        for _ in 0..3 {
            limits.failed_at(v6("2001:db8:0:1::a"), start);
        }
        assert!(limits.refuses_at(v6("2001:db8:0:1::b"), start));
        assert!(!limits.refuses_at(v6("2001:db8:0:2::a"), start));
        // The first failure leaves the window after 60 s: two remain, below the limit.
        assert!(!limits.refuses_at(address(1), start + Duration::from_secs(60)));
    }

    #[test]
    fn memory_is_bounded_and_the_stalest_address_goes_first() {
        let limits = SignInLimits::new(2, Duration::from_secs(60), 3);
        let start = Instant::now();
        for last in 1..=3 {
            let at = start + Duration::from_secs(u64::from(last));
            limits.failed_at(address(last), at);
            limits.failed_at(address(last), at);
        }
        assert_eq!(limits.remembered(), 3);
        limits.failed_at(address(4), start + Duration::from_secs(10));
        assert_eq!(limits.remembered(), 3, "never more than the cap");
        let now = start + Duration::from_secs(10);
        assert!(
            !limits.refuses_at(address(1), now),
            "the stalest was forgotten"
        );
        assert!(limits.refuses_at(address(3), now));
        // Once the window has passed, old addresses make room without pushing out others.
        let later = start + Duration::from_secs(200);
        limits.failed_at(address(5), later);
        assert_eq!(limits.remembered(), 1);
    }
}
