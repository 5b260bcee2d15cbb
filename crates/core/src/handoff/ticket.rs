//! Tickets: which saved session a code hands over, kept as `STATE/handoff/CODE.json` until
//! an agent claims it or it expires.

use std::io;
use std::path::{Path, PathBuf};

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use super::Code;
use crate::atomic_file::{WriteError, write_new};

/// How long a code can be used: a day.
pub(crate) const LIFETIME: SignedDuration = SignedDuration::from_hours(24);

/// Tickets larger than this are not read: a real one is a few hundred bytes.
const MAX_TICKET_BYTES: u64 = 64 * 1024;

/// What a ticket file holds.
#[derive(Debug, Serialize, Deserialize)]
struct Ticket {
    /// The save file, relative to the state folder when inside it.
    save: PathBuf,
    /// When the code was given.
    issued: Timestamp,
    /// The code is the partner's own, to continue their session themselves (given when
    /// the server closed it), not a hand-off to an agent.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    partner: bool,
}

/// A claimed code: the session it hands over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Claimed {
    /// The code, now used.
    pub code: Code,
    /// The session's save file.
    pub save: PathBuf,
    /// When the code was given.
    pub issued: Timestamp,
    /// The code was the partner's own, not a hand-off.
    pub partner: bool,
}

/// Why a code cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ClaimError {
    /// Not six characters of the alphabet.
    #[error("`{0}` is not a hand-off code: a code is six letters and digits, like K7P-2QX")]
    Malformed(String),
    /// Never given here, or used already.
    #[error(
        "the code {0} is not known here, or it was used already; ask the partner to press h \
         for a new one"
    )]
    Unknown(Code),
    /// Given more than a day ago.
    #[error("the code {0} has expired (codes work for 24 hours); ask the partner for a new one")]
    Expired(Code),
    /// The ticket cannot be read.
    #[error("the code {code} cannot be used: {reason}")]
    Unreadable {
        /// The code.
        code: Code,
        /// Why.
        reason: String,
    },
}

/// The folder of the tickets under the state folder `root`.
pub fn folder(root: &Path) -> PathBuf {
    root.join("handoff")
}

/// Gives a new code for the session saved at `save`, writing its ticket under `root`.
pub fn issue(root: &Path, save: &Path, now: Timestamp) -> Result<Code, WriteError> {
    issue_for(root, save, now, false)
}

/// Gives a new code for the session saved at `save`: a hand-off to an agent, or with
/// `partner` the partner's own code to continue it themselves.
pub fn issue_for(
    root: &Path,
    save: &Path,
    now: Timestamp,
    partner: bool,
) -> Result<Code, WriteError> {
    let dir = folder(root);
    std::fs::create_dir_all(&dir).map_err(|source| WriteError::Io {
        path: dir.clone(),
        source,
    })?;
    let ticket = Ticket {
        save: save.strip_prefix(root).unwrap_or(save).to_owned(),
        issued: now,
        partner,
    };
    let json = serde_json::to_vec_pretty(&ticket).map_err(|e| WriteError::Io {
        path: dir.clone(),
        source: io::Error::other(e),
    })?;
    // A code already given is never given again: another is drawn.
    loop {
        let code = Code::random().map_err(|e| WriteError::Io {
            path: dir.clone(),
            source: io::Error::other(e.to_string()),
        })?;
        match write_new(&ticket_path(root, &code), &json) {
            Ok(()) => return Ok(code),
            Err(WriteError::Exists { .. }) => continue,
            Err(error) => return Err(error),
        }
    }
}

/// Claims the code `typed` (as a person typed it): its ticket is taken away, so the code
/// works once, and the save it names is given. Refused when unknown, used or expired.
pub(crate) fn claim(root: &Path, typed: &str, now: Timestamp) -> Result<Claimed, ClaimError> {
    let code = parse(typed)?;
    let path = ticket_path(root, &code);
    // The rename is the claim: of two agents with the same code, one gets it.
    let taken = path.with_extension(format!(
        "claimed-{}-{}",
        std::process::id(),
        now.as_nanosecond()
    ));
    if let Err(error) = std::fs::rename(&path, &taken) {
        return Err(not_there(code, &error));
    }
    let ticket = read_ticket(&taken, &code);
    let _ = std::fs::remove_file(&taken);
    let ticket = ticket?;
    if now.duration_since(ticket.issued) > LIFETIME {
        return Err(ClaimError::Expired(code));
    }
    Ok(Claimed {
        save: root.join(&ticket.save),
        code,
        issued: ticket.issued,
        partner: ticket.partner,
    })
}

/// Whether the code `typed` could be claimed now, without claiming it: the reason when
/// not (malformed, unknown or used, expired).
pub fn check(root: &Path, typed: &str, now: Timestamp) -> Result<Code, ClaimError> {
    let code = parse(typed)?;
    let ticket = read_ticket(&ticket_path(root, &code), &code)?;
    if now.duration_since(ticket.issued) > LIFETIME {
        return Err(ClaimError::Expired(code));
    }
    Ok(code)
}

/// The code in `typed`, or why it is none.
fn parse(typed: &str) -> Result<Code, ClaimError> {
    Code::parse(typed).ok_or_else(|| ClaimError::Malformed(crate::sanitize::clean_line(typed)))
}

/// Why the ticket of `code` could not be opened.
fn not_there(code: Code, error: &io::Error) -> ClaimError {
    match error.kind() {
        io::ErrorKind::NotFound => ClaimError::Unknown(code),
        _ => ClaimError::Unreadable {
            code,
            reason: error.to_string(),
        },
    }
}

/// The ticket of `code` at `path`.
fn read_ticket(path: &Path, code: &Code) -> Result<Ticket, ClaimError> {
    let bytes = crate::bounded_read::read(path, MAX_TICKET_BYTES).map_err(|e| match e {
        crate::bounded_read::BoundedReadError::Io(error) => not_there(code.clone(), &error),
        other => ClaimError::Unreadable {
            code: code.clone(),
            reason: other.to_string(),
        },
    })?;
    serde_json::from_slice(&bytes).map_err(|e| ClaimError::Unreadable {
        code: code.clone(),
        reason: e.to_string(),
    })
}

/// The save file the code `code` was given for, while its ticket is there (before it is
/// claimed), without claiming it or looking at its age.
pub fn save_of(root: &Path, code: &Code) -> Option<PathBuf> {
    let ticket = read_ticket(&ticket_path(root, code), code).ok()?;
    Some(root.join(ticket.save))
}

/// Whether the code `typed` is a partner's own (to continue their session themselves),
/// while its ticket is there.
pub fn is_partners(root: &Path, typed: &str) -> bool {
    Code::parse(typed)
        .and_then(|code| read_ticket(&ticket_path(root, &code), &code).ok())
        .is_some_and(|ticket| ticket.partner)
}

/// Puts a claimed code back, unused, when the session it names could not be taken over
/// (it is in use, say): the partner's code keeps working until it expires.
pub(crate) fn give_back(root: &Path, claimed: &Claimed) -> Result<(), WriteError> {
    let ticket = Ticket {
        save: claimed
            .save
            .strip_prefix(root)
            .unwrap_or(&claimed.save)
            .to_owned(),
        issued: claimed.issued,
        partner: claimed.partner,
    };
    let json = serde_json::to_vec_pretty(&ticket).map_err(|e| WriteError::Io {
        path: folder(root),
        source: io::Error::other(e),
    })?;
    write_new(&ticket_path(root, &claimed.code), &json)
}

/// Removes the tickets of codes given more than `LIFETIME` ago; gives how many.
pub fn sweep(root: &Path, now: Timestamp) -> usize {
    let Ok(entries) = std::fs::read_dir(folder(root)) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        let expired = crate::bounded_read::read(&path, MAX_TICKET_BYTES)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Ticket>(&bytes).ok())
            .is_some_and(|ticket| now.duration_since(ticket.issued) > LIFETIME);
        if expired && std::fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Where the ticket of `code` is kept.
fn ticket_path(root: &Path, code: &Code) -> PathBuf {
    folder(root).join(format!("{}.json", code.bare()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-11-26T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_code_names_its_save_and_works_once() {
        let root = tempfile::tempdir().unwrap();
        let save = root.path().join("served/one/flow.json");
        let code = issue(root.path(), &save, now()).unwrap();
        let typed = code.to_string().to_lowercase();
        let claimed = claim(root.path(), &typed, now()).unwrap();
        assert_eq!(claimed.save, save);
        assert_eq!(claimed.code, code);
        assert!(matches!(
            claim(root.path(), &typed, now()),
            Err(ClaimError::Unknown(_))
        ));
        assert!(matches!(
            check(root.path(), &typed, now()),
            Err(ClaimError::Unknown(_))
        ));
        assert_eq!(std::fs::read_dir(folder(root.path())).unwrap().count(), 0);
        give_back(root.path(), &claimed).unwrap();
        assert_eq!(claim(root.path(), &typed, now()).unwrap(), claimed);
    }

    #[test]
    fn a_code_older_than_a_day_is_refused_and_swept() {
        let root = tempfile::tempdir().unwrap();
        let save = root.path().join("s.json");
        let old = issue(root.path(), &save, now()).unwrap();
        let later = now() + SignedDuration::from_hours(25);
        let fresh = issue(root.path(), &save, later).unwrap();
        assert_eq!(sweep(root.path(), later), 1);
        assert!(claim(root.path(), fresh.bare(), later).is_ok());
        let expiring = issue(root.path(), &save, now()).unwrap();
        assert_eq!(
            check(root.path(), expiring.bare(), now()).unwrap(),
            expiring
        );
        assert!(matches!(
            check(root.path(), expiring.bare(), later),
            Err(ClaimError::Expired(_))
        ));
        assert!(matches!(
            claim(root.path(), expiring.bare(), later),
            Err(ClaimError::Expired(_))
        ));
        assert!(matches!(
            claim(root.path(), old.bare(), later),
            Err(ClaimError::Unknown(_))
        ));
    }

    #[test]
    fn what_is_not_a_code_is_refused_without_touching_files() {
        let root = tempfile::tempdir().unwrap();
        let error = claim(root.path(), "../../etc/passwd", now()).unwrap_err();
        assert!(matches!(error, ClaimError::Malformed(_)));
        assert!(error.to_string().contains("like K7P-2QX"));
    }
}
