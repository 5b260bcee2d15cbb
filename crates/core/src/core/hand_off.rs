//! Taking over a session a partner handed off with a code: the code is claimed (it works
//! once), the partner's save is locked and restored, the hand-off is recorded in the
//! session — so its transcript shows it — and the session goes on saving where it was.

use std::path::Path;
use std::sync::Arc;

use jiff::Timestamp;

use super::start::{StartError, Started};
use super::{RecordKeeper, RecordOptions};
use crate::atomic_file::WriteError;
use crate::autosave::{LockError, SessionLock, read_save, restore};
use crate::flow::Flow;
use crate::handoff::{ClaimError, Claimed, Code, claim, give_back, issue};
use crate::lang::Lang;
use crate::session::Session;

/// Why a hand-off code cannot be given, used, or its session taken over.
#[derive(Debug, thiserror::Error)]
pub enum HandOffError {
    /// The server keeps no sessions, so it gives no codes.
    #[error("this server keeps no sessions (it has no state folder), so it cannot hand one over")]
    ServerKeepsNone,
    /// The code cannot be used (malformed, unknown or used, expired, unreadable).
    #[error(transparent)]
    Claim(#[from] ClaimError),
    /// The code's session cannot be taken over now; the code was put back.
    #[error("the session of code {code} cannot be taken over: {why}; the code still works.")]
    NotNow {
        /// The code, which still works.
        code: Code,
        /// Why not now.
        why: NotNow,
    },
    /// This wizard keeps no saved session to hand over.
    #[error("this wizard keeps no saved sessions, so it cannot hand one over")]
    NoSave,
    /// The session could not be saved before giving a code (the record keeping's words).
    #[error("{0}")]
    NotSaved(String),
    /// The code's ticket could not be written.
    #[error(transparent)]
    Ticket(#[from] WriteError),
}

/// Why a code's session cannot be taken over now.
#[derive(Debug, thiserror::Error)]
pub enum NotNow {
    /// Another process has it.
    #[error("{0} (the partner may still be connected to another server: join there)")]
    InUse(LockError),
    /// Its save cannot be read.
    #[error("{0}")]
    Unreadable(String),
    /// Its save no longer fits the flow.
    #[error("{0}")]
    NoLongerFits(String),
}

impl PartialEq for HandOffError {
    /// The same error, as the user reads it.
    fn eq(&self, other: &HandOffError) -> bool {
        self.to_string() == other.to_string()
    }
}

impl Eq for HandOffError {}

/// Continues the session handed off with `code` under the state folder `root`, on
/// `flow`, shown in `lang`, at time `now`; its records are kept as `records` says, in the
/// partner's save file. A code that cannot be used says why; a code whose session cannot
/// be taken over now (in use, unreadable) is put back for another try.
pub fn take_over(
    flow: Arc<Flow>,
    root: &Path,
    code: &str,
    records: RecordOptions,
    lang: Lang,
    now: Timestamp,
) -> Result<Started, StartError> {
    let claimed = claim(root, code, now).map_err(HandOffError::from)?;
    let refuse = |claimed: &Claimed, why: NotNow| {
        let _ = give_back(root, claimed);
        HandOffError::NotNow {
            code: claimed.code.clone(),
            why,
        }
    };
    let lock =
        SessionLock::acquire(&claimed.save).map_err(|e| refuse(&claimed, NotNow::InUse(e)))?;
    let saved =
        read_save(&claimed.save).map_err(|why| refuse(&claimed, NotNow::Unreadable(why)))?;
    let mut session = restore(flow, &saved)
        .map_err(|problem| refuse(&claimed, NotNow::NoLongerFits(problem.to_string())))?;
    if !claimed.partner {
        // A partner continuing their own session is no hand-off.
        session.record_hand_off(&claimed.code.to_string(), false, now);
    }
    let mut records = RecordKeeper::resumed(records, lang, claimed.save.clone(), lock);
    // The hand-off is part of the record from now on, even if nothing else happens.
    let _ = records.changed(&session);
    Ok(Started {
        session,
        lang,
        records,
    })
}

/// Saves `session` with `records` (locked, so nobody takes it over while the partner is
/// still at it) and writes a ticket for it under the state folder `root`; gives the code.
pub fn give_code(
    root: &Path,
    session: &Session,
    records: &mut RecordKeeper,
) -> Result<Code, HandOffError> {
    if let Some(problem) = records.changed(session) {
        return Err(HandOffError::NotSaved(problem.text));
    }
    let save = records.autosave_path().ok_or(HandOffError::NoSave)?;
    let code = issue(root, save, crate::clock::now())?;
    records.keep_for_agent();
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::autosave::Autosave;
    use crate::core::start::StartError;
    use crate::fixtures;

    #[test]
    fn an_agent_takes_over_the_partners_path_and_the_hand_off_is_recorded_once() {
        let root = tempfile::tempdir().unwrap();
        let flow = fixtures::flow(fixtures::WIZARD);
        let mut partner = Session::new(Arc::clone(&flow));
        partner.choose(0).unwrap();
        let save = Autosave::new(&root.path().join("served/a"), &partner);
        save.save(&partner, Lang::Nl).unwrap();
        let now = crate::clock::now();
        let code = issue(root.path(), save.path(), now).unwrap();
        let options = RecordOptions {
            state_dir: Some(root.path().join("served/a")),
            ..RecordOptions::default()
        };

        let started = take_over(
            Arc::clone(&flow),
            root.path(),
            &code.to_string(),
            options.clone(),
            Lang::En,
            now,
        )
        .unwrap();
        assert_eq!(started.session.path(), partner.path());
        assert_eq!(started.lang, Lang::En, "the agent's own language");
        let hand_offs = started.session.hand_offs();
        assert_eq!(hand_offs.len(), 1);
        assert_eq!(hand_offs[0].code, code.to_string());
        assert!(!hand_offs[0].live);
        let saved = read_save(save.path()).unwrap();
        assert_eq!(saved.hand_offs.len(), 1, "saved at once");

        let again = take_over(flow, root.path(), code.bare(), options, Lang::En, now);
        assert!(matches!(
            again,
            Err(StartError::HandOff(HandOffError::Claim(
                ClaimError::Unknown(_)
            )))
        ));
    }

    #[test]
    fn a_session_in_use_is_refused_and_its_code_keeps_working() {
        let root = tempfile::tempdir().unwrap();
        let flow = fixtures::flow(fixtures::WIZARD);
        let partner = Session::new(Arc::clone(&flow));
        let save = Autosave::new(root.path(), &partner);
        save.save(&partner, Lang::En).unwrap();
        let held = SessionLock::acquire(save.path()).unwrap();
        let now = crate::clock::now();
        let code = issue(root.path(), save.path(), now).unwrap();
        let options = RecordOptions::default();
        let refused = take_over(
            Arc::clone(&flow),
            root.path(),
            code.bare(),
            options.clone(),
            Lang::En,
            now,
        );
        assert!(matches!(
            refused,
            Err(StartError::HandOff(HandOffError::NotNow {
                why: NotNow::InUse(_),
                ..
            }))
        ));
        drop(held);
        assert!(take_over(flow, root.path(), code.bare(), options, Lang::En, now).is_ok());
    }
}
