//! What a client sends its wizard, bounded: at most [`MAX_QUEUED`] keys, lines or resizes
//! wait for the wizard at a time. A client that sends faster waits (its connection is not
//! read meanwhile, so its SSH window and TCP window close); one that keeps it waiting for
//! [`MAX_STALL`] is cut off. Resizes are coalesced: however many arrive while one waits,
//! the wizard draws only the last size.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::time::Instant;

/// The most inputs waiting for one wizard.
pub const MAX_QUEUED: usize = 64;
/// How long a client's input may wait for room before the client is cut off.
pub const MAX_STALL: Duration = Duration::from_secs(10);
/// How long a wizard's output may wait for the client to read it before the client is cut
/// off.
pub const MAX_OUTPUT_STALL: Duration = Duration::from_secs(30);
/// How often a waiting input looks for room.
const LOOK: Duration = Duration::from_millis(5);

/// One client's inputs not yet taken by its wizard, and the last size its terminal asked.
#[derive(Debug, Default)]
pub struct Backlog {
    queued: AtomicUsize,
    size: Mutex<Option<(u16, u16)>>,
}

/// The client kept its input waiting too long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stalled;

impl Backlog {
    /// Waits until one more input has room, then counts it; [`Stalled`] after `stall`
    /// ([`MAX_STALL`] for a client).
    pub async fn room(&self, stall: Duration) -> Result<(), Stalled> {
        let deadline = Instant::now() + stall;
        while self.queued.load(Ordering::SeqCst) >= MAX_QUEUED {
            if Instant::now() >= deadline {
                return Err(Stalled);
            }
            tokio::time::sleep(LOOK).await;
        }
        self.queued.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }

    /// The wizard took one input counted by [`Backlog::room`].
    pub fn taken(&self) {
        let _ = self
            .queued
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1));
    }

    /// The terminal is now `size`; true when no resize waits yet, so one is to be sent
    /// (the wizard then gets the last size asked by then, see [`Backlog::last_size`]).
    pub fn resized(&self, size: (u16, u16)) -> bool {
        let mut last = self.size.lock().unwrap_or_else(|e| e.into_inner());
        last.replace(size).is_none()
    }

    /// The last size asked, taken: the next resize is sent anew.
    pub fn last_size(&self) -> Option<(u16, u16)> {
        self.size.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn input_waits_for_room_and_a_client_that_keeps_it_waiting_is_stalled() {
        let backlog = Backlog::default();
        let stall = Duration::from_millis(50);
        for _ in 0..MAX_QUEUED {
            backlog.room(stall).await.unwrap();
        }
        assert_eq!(backlog.room(stall).await, Err(Stalled));
        backlog.taken();
        assert_eq!(backlog.room(stall).await, Ok(()));
    }

    #[test]
    fn resizes_are_coalesced_to_the_last() {
        let backlog = Backlog::default();
        assert!(backlog.resized((80, 24)));
        assert!(!backlog.resized((100, 30)));
        assert!(!backlog.resized((120, 40)));
        assert_eq!(backlog.last_size(), Some((120, 40)));
        assert_eq!(backlog.last_size(), None);
        assert!(backlog.resized((80, 24)), "the next resize is sent anew");
    }
}
