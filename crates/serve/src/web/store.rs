//! The browser sessions: each a call under a random 128-bit id (the cookie) with its own
//! form token, kept in memory while in use and ended when idle, its save kept in a folder
//! named after a hash of the id, so the same cookie finds it again after the server was
//! restarted or the session expired.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use super::call::{Keeping, WebCall};
use crate::core::live::LiveEvent;
use crate::core::{Applied, Change, End};
use crate::lang::Lang;

/// One browser's session.
#[derive(Debug)]
pub struct WebSession {
    /// The call.
    pub call: WebCall,
    /// The token every form of this session carries.
    pub token: String,
    /// The language the pages are shown in.
    pub lang: Lang,
    /// A word for the next page only (e.g. that an old page was answered).
    pub flash: Option<String>,
    /// When the browser last asked for anything.
    last_seen: Instant,
    /// Counted up each time the helpdesk agent changed what the page shows; the page's
    /// script listens to it (`/events`).
    pub changes: tokio::sync::watch::Sender<u64>,
    /// This session itself, for the task that passes the agent's changes into it.
    pub me: Weak<Mutex<WebSession>>,
}

impl WebSession {
    /// What `applied` came to, for the next page: the core's word about it (the other
    /// side was first, sharing stopped, the agent left…), if any.
    pub fn tell(&mut self, applied: &Applied) {
        let said: Vec<&str> = applied
            .notices
            .iter()
            .filter(|notice| !notice.error)
            .map(|notice| notice.text.as_str())
            .collect();
        if !said.is_empty() {
            self.flash = Some(said.join(" "));
        }
    }

    /// Takes in what the agent did at seat `seat`, and tells the page when that changed
    /// what it shows (not for an agent's note, which a partner never sees: a page reloaded
    /// for nothing would lose what the partner was typing).
    pub fn heard(&mut self, seat: u64, event: LiveEvent) {
        let Some(applied) = self.call.take(seat, event) else {
            return;
        };
        self.tell(&applied);
        if applied.change != Change::Nothing || !applied.notices.is_empty() {
            self.changes.send_modify(|version| *version += 1);
        }
    }

    /// Shows the pages in `lang` from now on, the core's notices on them too.
    pub fn speak(&mut self, lang: Lang) {
        self.lang = lang;
        self.call.speak(lang);
    }

    /// Whether the session is in use without the browser asking for anything: a helpdesk
    /// agent is with the partner, or a page follows the session (its event stream open,
    /// which ends when the browser is gone). Such a session is not ended when idle.
    pub fn held(&self) -> bool {
        self.changes.receiver_count() > 0 || self.call.agent_present()
    }

    /// The version of the page the browser was given, for its script.
    pub fn version(&self) -> u64 {
        *self.changes.borrow()
    }
}

/// A session, shared between the requests of one browser.
pub type Shared = Arc<Mutex<WebSession>>;

/// Every browser session in memory.
#[derive(Debug)]
pub struct Store {
    sessions: Mutex<HashMap<String, Shared>>,
    /// The flow, the log and where the sessions' folders are.
    keeping: Keeping,
    /// The most sessions held at once.
    max: usize,
}

/// Why no session could be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The store holds [`Store::max`] sessions already.
    Full,
}

impl Store {
    /// An empty store keeping calls as `keeping` says (its folder: the parent of every
    /// session's own), holding at most `max` sessions.
    pub fn new(keeping: Keeping, max: usize) -> Store {
        Store {
            sessions: Mutex::new(HashMap::new()),
            keeping,
            max,
        }
    }

    /// The session under cookie `id`, as it is in memory, seen now.
    pub fn get(&self, id: &str) -> Option<Shared> {
        let session = lock(&self.sessions).get(id).cloned()?;
        lock(&session).last_seen = Instant::now();
        Some(session)
    }

    /// The session under cookie `id`: in memory, else continued from its folder's save
    /// (`None` when there is none). Never makes a new one.
    pub fn find(&self, id: &str) -> Option<Shared> {
        if let Some(found) = self.get(id) {
            return Some(found);
        }
        if !valid_id(id) {
            return None;
        }
        let folder = self.folder(id)?;
        if !std::fs::read_dir(&folder).is_ok_and(|mut e| e.next().is_some()) {
            return None;
        }
        self.open(id.to_owned(), Lang::default()).ok()
    }

    /// A new session in `lang` under a fresh random id.
    pub fn create(&self, lang: Lang) -> Result<(String, Shared), Refused> {
        let id = random_hex();
        let session = self.open(id.clone(), lang)?;
        Ok((id, session))
    }

    /// Opens the session under `id`: its folder's save continued, or a fresh call.
    fn open(&self, id: String, lang: Lang) -> Result<Shared, Refused> {
        if lock(&self.sessions).len() >= self.max {
            return Err(Refused::Full);
        }
        let keeping = self.keeping_for(&id);
        let call = WebCall::begin(&keeping, lang);
        let lang = call.lang();
        let session = Arc::new_cyclic(|me| {
            Mutex::new(WebSession {
                call,
                token: random_hex(),
                lang,
                flash: None,
                last_seen: Instant::now(),
                changes: tokio::sync::watch::Sender::new(0),
                me: me.clone(),
            })
        });
        // Two requests may have opened the same returning session at once: every request
        // of the cookie goes on with the one in first; the other call is dropped, its
        // save (if it had taken it up) left on disk as it was.
        Ok(Arc::clone(
            lock(&self.sessions).entry(id).or_insert(session),
        ))
    }

    /// How the call under `id` is kept: in its own folder.
    pub fn keeping_for(&self, id: &str) -> Keeping {
        Keeping {
            folder: self.folder(id),
            ..self.keeping.clone()
        }
    }

    /// The folder of the session under `id`: named by a hash of the id, so the folder's
    /// name does not give the cookie away.
    fn folder(&self, id: &str) -> Option<PathBuf> {
        let hash = Sha256::digest(id.as_bytes());
        let name: String = hash[..16].iter().map(|b| format!("{b:02x}")).collect();
        Some(self.keeping.folder.as_ref()?.join(format!("web-{name}")))
    }

    /// Ends every session not seen for `idle` and not [held](WebSession::held) (its save
    /// kept for the same cookie's return, as for a dropped SSH connection); returns how
    /// many.
    pub fn expire(&self, idle: Duration) -> usize {
        let now = Instant::now();
        let gone: Vec<(String, Shared)> = {
            let mut sessions = lock(&self.sessions);
            let old: Vec<String> = sessions
                .iter()
                .filter(|(_, s)| {
                    let session = lock(s);
                    now.duration_since(session.last_seen) >= idle && !session.held()
                })
                .map(|(id, _)| id.clone())
                .collect();
            old.into_iter()
                .filter_map(|id| sessions.remove(&id).map(|s| (id, s)))
                .collect()
        };
        for (id, session) in &gone {
            self.end(id, session);
        }
        gone.len()
    }

    /// Ends every session, the server stopping: saves are kept.
    pub fn end_all(&self) {
        let all: Vec<(String, Shared)> = lock(&self.sessions).drain().collect();
        for (id, session) in &all {
            self.end(id, session);
        }
    }

    /// Ends the call under `id`, its save kept; a folder left empty is removed.
    fn end(&self, id: &str, session: &Shared) {
        lock(session).call.end(End::Interrupted);
        if let Some(folder) = self.folder(id) {
            let _ = std::fs::remove_dir(folder);
        }
    }

    /// The site's name: the flow's title in `lang`.
    pub fn site(&self, lang: Lang) -> String {
        crate::sanitize::clean_line(self.keeping.flow.title().get(lang))
    }

    /// How many sessions are in memory.
    pub fn len(&self) -> usize {
        lock(&self.sessions).len()
    }

    /// Whether no session is in memory.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Locks `mutex`, going on with its data if a request panicked while holding it.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// 128 random bits, as 32 lowercase hex digits.
fn random_hex() -> String {
    let mut bytes = [0u8; 16];
    // The system's random source; without it no id could be trusted, and the
    // standard library's seeded hasher is the fallback of last resort.
    if getrandom::fill(&mut bytes).is_err() {
        use std::hash::{BuildHasher, Hasher};
        for chunk in bytes.chunks_mut(8) {
            let random = std::collections::hash_map::RandomState::new()
                .build_hasher()
                .finish();
            chunk.copy_from_slice(&random.to_le_bytes()[..chunk.len()]);
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `id` looks like an id this server gives (32 lowercase hex digits).
pub fn valid_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Compares two tokens in time that does not depend on where they differ.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}
