//! Hand-off codes given to a partner, told to the operator's log (by the code's id, never
//! the code): the partner's link to the server, and plain mode's code giver, each wrapped
//! so the log hears of every code given without the live sharing knowing of the log.

use super::call_id::CallIds;
use super::full_screen::Leaving;
use super::log::event;
use crate::core::RecordKeeper;
use crate::core::hand_off::CodeGiver;
use crate::handoff::Code;
use crate::session::Session;
use crate::tui::remote::Link;

/// Logs that session `session` was given `code` (as shown), by its id.
fn code_given(ids: &CallIds, session: u64, code: &str) {
    event("code_given")
        .with("session", session)
        .with_some("code", Code::parse(code).map(|code| ids.of_code(&code)))
        .log();
}

/// A served wizard's link whose codes given are logged.
pub struct Logged<'a, L> {
    /// The link itself.
    pub inner: L,
    /// Names the codes.
    pub ids: &'a CallIds,
    /// The wizard's number in the log.
    pub session: u64,
}

impl<L: Link> Link for Logged<'_, L> {
    fn hand_off(
        &mut self,
        session: &Session,
        records: &mut RecordKeeper,
    ) -> Result<String, String> {
        let code = self.inner.hand_off(session, records)?;
        code_given(self.ids, self.session, &code);
        Ok(code)
    }

    fn publish(&mut self, session: &Session) -> Option<Session> {
        self.inner.publish(session)
    }

    fn seen(&mut self, version: u64) {
        self.inner.seen(version);
    }

    fn end_sharing(&mut self) {
        event("sharing_ended").with("session", self.session).log();
        self.inner.end_sharing();
    }

    fn take_records(&mut self) -> Option<RecordKeeper> {
        self.inner.take_records()
    }
}

impl<L: Leaving> Leaving for Logged<'_, L> {
    fn hand_over(&mut self, records: RecordKeeper, keep: bool) -> Option<RecordKeeper> {
        self.inner.hand_over(records, keep)
    }
}

/// Plain mode's code giver, its codes logged.
#[derive(Debug)]
pub struct LoggedCodes<G> {
    /// The giver itself.
    pub inner: G,
    /// Names the codes.
    pub ids: CallIds,
    /// The wizard's number in the log.
    pub session: u64,
}

impl<G: CodeGiver> CodeGiver for LoggedCodes<G> {
    fn give(&self, session: &Session, records: &mut RecordKeeper) -> Result<String, String> {
        let code = self.inner.give(session, records)?;
        code_given(&self.ids, self.session, &code);
        Ok(code)
    }
}
