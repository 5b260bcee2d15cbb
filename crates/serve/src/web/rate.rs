//! Per-address limits on new sessions and on answers: a fixed window of one minute per
//! client (an IPv4 address, or an IPv6 /64 as SSH counts it), forgotten when it is over.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::store::lock;

/// How long a window lasts.
const WINDOW: Duration = Duration::from_secs(60);

/// Counts of one kind of request per client, limited per window.
#[derive(Debug)]
pub struct Rate {
    per_window: usize,
    counts: Mutex<HashMap<IpAddr, (Instant, usize)>>,
}

impl Rate {
    /// At most `per_window` requests a minute from one client.
    pub fn new(per_window: usize) -> Rate {
        Rate {
            per_window,
            counts: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one request from `client`; `false` when it is over the limit.
    pub fn allow(&self, client: IpAddr) -> bool {
        let now = Instant::now();
        let mut counts = lock(&self.counts);
        if counts.len() > 10_000 {
            counts.retain(|_, (start, _)| now.duration_since(*start) < WINDOW);
        }
        let (start, count) = counts.entry(client_key(client)).or_insert((now, 0));
        if now.duration_since(*start) >= WINDOW {
            *start = now;
            *count = 0;
        }
        *count += 1;
        *count <= self.per_window
    }
}

/// The address a client is counted by: IPv6 addresses by their /64, since one client
/// often holds the whole of one.
fn client_key(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let mut segments = v6.segments();
                segments[4..].fill(0);
                IpAddr::V6(segments.into())
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_over_its_limit_is_refused_and_others_are_not() {
        let rate = Rate::new(2);
        let one: IpAddr = "192.0.2.1".parse().unwrap();
        let other: IpAddr = "2001:db8::1".parse().unwrap();
        let same_64: IpAddr = "2001:db8::2".parse().unwrap();
        assert!(rate.allow(one));
        assert!(rate.allow(one));
        assert!(!rate.allow(one));
        assert!(rate.allow(other));
        assert!(rate.allow(same_64));
        assert!(!rate.allow(other), "an IPv6 /64 counts as one client");
    }
}
