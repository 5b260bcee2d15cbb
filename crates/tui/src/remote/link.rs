//! A served wizard's link to the server it runs under: hand-off codes and the live
//! shared session.

use crate::core::RecordKeeper;
use crate::session::Session;

/// A served wizard's way to the server: hand-off codes and the live shared session. The
/// server implements it; the wizard calls it from its event loop.
pub trait Link {
    /// Saves the session and gives the hand-off code to show, or why there is none.
    fn hand_off(
        &mut self,
        session: &Session,
        records: &mut RecordKeeper,
    ) -> std::result::Result<String, String>;
    /// This side changed the session: share it. When the other side changed it first,
    /// gives the session as it is now instead (this side's change gave way).
    fn publish(&mut self, session: &Session) -> Option<Session>;
    /// A shared version from the other side was taken in.
    fn seen(&mut self, version: u64);
    /// The partner stops the sharing.
    fn end_sharing(&mut self);
    /// The records of a partner who left while this agent was with them, to keep from
    /// now on; `None` when there are none to take.
    fn take_records(&mut self) -> Option<RecordKeeper>;
}

/// A wizard that is not shared with anyone: no hand-off, no sharing.
#[derive(Debug, Default)]
pub struct Alone;

impl Link for Alone {
    fn hand_off(
        &mut self,
        _: &Session,
        _: &mut RecordKeeper,
    ) -> std::result::Result<String, String> {
        Err("hand-off is not offered here".into())
    }
    fn publish(&mut self, _: &Session) -> Option<Session> {
        None
    }
    fn seen(&mut self, _: u64) {}
    fn end_sharing(&mut self) {}
    fn take_records(&mut self) -> Option<RecordKeeper> {
        None
    }
}
