//! The web front end's one way into the core: a [`core::Call`](crate::core::Call) begun
//! with the core's start-up that never blocks, moved by [`Intent`]s, told of a helpdesk
//! agent's changes with [`LiveEvent`]s, and ended once with `Call::end`. Nothing here
//! decides a route or what a record holds; it only turns what a page asked for into
//! intents and remembers what the page should say about it.

use std::path::PathBuf;
use std::sync::Arc;

use crate::core::live::{LiveEvent, Presence, Seat};
use crate::core::start::{Next, StartOptions, Started, Step, first_step};
use crate::core::typed_answer::Confirm;
use crate::core::{Applied, Call, Change, End, Intent, Notice, RecordKeeper, RecordOptions};
use crate::flow::Flow;
use crate::lang::Lang;
use crate::page::Page;
use crate::session::Session;
use crate::transcript::Transcript;

/// How the outcome log names calls made in a browser.
pub const FRONT_END: &str = "web";

/// Where a page was when it was shown: the node's key, how many moves led there, and how
/// many of the helpdesk agent's moves the call had taken in. Every form carries it, so an
/// answer from an older page is put back in its place first — or, when the agent moved
/// the session since, gives way, as a change based on an older version does in the core.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The key of the node the page showed.
    pub node: String,
    /// How many moves the path held.
    pub depth: usize,
    /// How many of the other side's moves had been taken in.
    pub moves_seen: u64,
}

/// Why a form's answer was not taken: the page it came from is out of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stale {
    /// The page is not on the way back from where the call is.
    PathLeft,
    /// The helpdesk agent moved the session after the page was shown.
    AgentMoved,
    /// The call has ended.
    Over,
}

/// One partner's call, in the browser.
#[derive(Debug)]
pub struct WebCall {
    call: Call,
    /// `Call::end` was called: the call is over.
    ended: bool,
    /// The last problem with the records, for the partner to read (the details went to
    /// the server's operator).
    problem: Option<String>,
    /// The hand-off code given and not used by an agent yet.
    code: Option<String>,
    /// The partner left the call to the agent ("Leave it to the agent").
    handed_over: bool,
    /// Which seat at the lobby this call shares at, counted up by each new one: events
    /// for an earlier seat (of a call since ended) are not this call's.
    seat: u64,
    /// How many of the other side's moves were taken in.
    moves_seen: u64,
}

/// How the call is kept: the session folder, the log, the days set-aside saves are kept.
#[derive(Debug, Clone)]
pub struct Keeping {
    /// The flow every call walks.
    pub flow: Arc<Flow>,
    /// This call's own folder for its save; `None`: nothing saved.
    pub folder: Option<PathBuf>,
    /// The one outcome log.
    pub log: Option<PathBuf>,
    /// How many days set-aside sessions are kept.
    pub keep_days: u32,
}

impl WebCall {
    /// Begins a call in `lang`: the unfinished one saved in `keeping.folder` if there is
    /// one (a partner who closed the tab comes back to it), else a fresh one.
    pub fn begin(keeping: &Keeping, lang: Lang) -> WebCall {
        let saved = keeping.folder.as_deref().is_some_and(has_save);
        WebCall::start(keeping, lang, saved)
    }

    /// Begins a call in `lang`, continuing the save in `keeping.folder` if `resume`.
    fn start(keeping: &Keeping, lang: Lang, resume: bool) -> WebCall {
        let records = RecordOptions::kept(
            keeping.folder.clone(),
            keeping.log.clone(),
            keeping.keep_days,
        );
        let options = StartOptions::new(records.served(None)).resume(resume);
        let fresh = || Session::new(Arc::clone(&keeping.flow));
        // A save that cannot be continued (in use, no longer fitting the flow) stays
        // where it is, and the partner starts afresh.
        let mut started = settle(first_step(fresh(), lang, &options)).unwrap_or_else(|| {
            let session = fresh();
            Started {
                records: RecordKeeper::new(options.records.clone(), lang, &session),
                session,
                lang,
            }
        });
        started.records.set_front_end(FRONT_END);
        WebCall {
            call: Call::new(started),
            ended: false,
            problem: None,
            code: None,
            handed_over: false,
            seat: 0,
            moves_seen: 0,
        }
    }

    /// The language the call's records are kept in (a resumed call keeps its own).
    pub fn lang(&self) -> Lang {
        self.call.lang()
    }

    /// Tells the core's notices in `lang` from now on, the page's language.
    pub fn speak(&mut self, lang: Lang) {
        self.call.speak(lang);
    }

    /// What the page shows, in `lang`.
    pub fn page(&self, lang: Lang) -> Page {
        Page::of(self.call.session(), lang)
    }

    /// Where the call is now.
    pub fn place(&self) -> Place {
        let session = self.call.session();
        Place {
            node: session.node().key.clone(),
            depth: session.path().len(),
            moves_seen: self.moves_seen,
        }
    }

    /// What is asked before a typed answer is taken here, if anything.
    pub fn asking(&self) -> Option<&Confirm> {
        self.call.asking()
    }

    /// Whether the call is over: its ending reached (and recorded), or left to the agent.
    pub fn finished(&self) -> bool {
        self.ended
    }

    /// Whether there is a move to go back over.
    pub fn can_go_back(&self) -> bool {
        !self.call.session().path().is_empty() && !self.ended
    }

    /// Whether a helpdesk agent is with the partner now.
    pub fn agent_present(&self) -> bool {
        !self.ended && self.call.agent_present()
    }

    /// Whether the page follows the session as it changes: while an agent is with the
    /// partner, or while a code waits for one to join.
    pub fn live(&self) -> bool {
        !self.ended && (self.code.is_some() || self.call.agent_present())
    }

    /// Goes back, as the wizard's Back does, until the page at `place` is shown again.
    /// `Err` says why that page is out of date (then nothing moves): it is not on the way
    /// back (a page from another call, or from a path since changed), the agent moved the
    /// session since it was shown, or the call is over.
    pub fn return_to(&mut self, place: &Place) -> Result<(), Stale> {
        if self.ended {
            return if self.place() == *place {
                Ok(())
            } else {
                Err(Stale::Over)
            };
        }
        if place.moves_seen < self.moves_seen {
            return Err(Stale::AgentMoved);
        }
        let session = self.call.session();
        let path = session.path();
        let on_the_way = place.depth <= path.len()
            && match path.get(place.depth) {
                Some(step) => session.flow().node(step.node).key == place.node,
                None => session.node().key == place.node,
            };
        if !on_the_way {
            return Err(Stale::PathLeft);
        }
        while self.call.session().path().len() > place.depth {
            if !self.apply(Intent::Back).moved() {
                // The agent moved the session meanwhile: their move stands.
                return Err(Stale::AgentMoved);
            }
        }
        Ok(())
    }

    /// Does what the page asked, as the core says; a code given is kept to show, and an
    /// ending reached ends the call. Nothing is done once the call is over.
    pub fn apply(&mut self, intent: Intent) -> Applied {
        if self.ended {
            return Applied::nothing();
        }
        let applied = self.call.apply(intent);
        match &applied.change {
            Change::CodeGiven(code) => self.code = Some(code.clone()),
            Change::Sharing(Presence::AgentLeft) => self.code = None,
            _ => {}
        }
        self.after(&applied);
        applied
    }

    /// Seats the call at a shared session of the server's lobby (see
    /// [`crate::core::live::Lobby::open`]) under the number `seat`, unless it shares
    /// already; gives whether it took the seat.
    pub fn share(&mut self, open: impl FnOnce(&Session) -> Seat, seat: u64) -> bool {
        if self.ended || self.call.side().is_some() {
            return false;
        }
        let placeholder = Call::unrecorded(self.call.session().clone(), self.call.lang());
        let call = std::mem::replace(&mut self.call, placeholder);
        let at = open(call.session());
        self.call = call.sharing(at);
        self.seat = seat;
        true
    }

    /// Takes in what the agent did at seat `seat`; an event for an earlier seat is not
    /// this call's and is dropped (`None`).
    pub fn take(&mut self, seat: u64, event: LiveEvent) -> Option<Applied> {
        if self.ended || seat != self.seat || self.call.side().is_none() {
            return None;
        }
        let applied = self.call.take(event);
        match &applied.change {
            Change::Moved => self.moves_seen += 1,
            Change::Sharing(Presence::AgentJoined) => self.code = None,
            _ => {}
        }
        self.after(&applied);
        Some(applied)
    }

    /// Back to the first question; a finished (or handed over) call starts a new one in
    /// the same folder.
    pub fn restart(&mut self, keeping: &Keeping, lang: Lang) {
        if self.ended {
            *self = WebCall::start(keeping, lang, false);
        } else {
            self.apply(Intent::Restart);
        }
    }

    /// The hand-off code waiting for an agent, if any.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The partner leaves the call to the helpdesk agent, as `q` after a code does in
    /// the terminal: with the agent with them, the session and its records go to the
    /// agent; before the agent joined, the session is kept, unlogged, for the agent to
    /// continue with the code (`join CODE` over SSH).
    pub fn hand_over(&mut self) {
        if self.ended || !(self.code.is_some() || self.call.agent_present()) {
            return;
        }
        self.end(End::Quit);
        self.handed_over = true;
        // Lets go of the save (and its lock) for the agent's wizard.
        let (session, lang) = (self.call.session().clone(), self.call.lang());
        self.call = Call::unrecorded(session, lang);
    }

    /// Whether the call was left to the agent.
    pub fn handed_over(&self) -> bool {
        self.handed_over
    }

    /// The last problem with the call's records, while saving keeps failing.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// The call's transcript, in `lang`.
    pub fn transcript(&self, lang: Lang) -> Transcript {
        Transcript::of(self.call.session(), lang, crate::clock::now())
    }

    /// Ends the call `how` (the server stopping, the partner gone idle: the save is kept
    /// for their return), unless it ended already.
    pub fn end(&mut self, how: End) {
        if !self.ended {
            self.ended = true;
            let notices = self.call.end(how);
            self.heed(&notices);
        }
    }

    /// After every change: keeps the records' problem, and at an ending ends the call.
    fn after(&mut self, applied: &Applied) {
        self.heed(&applied.notices);
        if self.call.session().outcome().is_some() {
            self.end(End::Finished);
        }
    }

    /// Keeps the problem the record keeping reported, or forgets it once saving works.
    fn heed(&mut self, notices: &[Notice]) {
        if let Some(problem) = notices.iter().find(|n| n.error) {
            self.problem = Some(problem.text.clone());
        } else if self.call.records().write_problem().is_none() {
            self.problem = None;
        }
    }
}

/// Start-up to its end: nobody in a browser is asked at start-up (a save in the
/// cookie's own folder is that partner's, and goes on), so a question is answered with
/// nobody's answer. `None` when the call cannot start as asked; what went wrong goes to
/// the server's operator.
fn settle(mut step: Step) -> Option<Started> {
    loop {
        for notice in step.notices.iter().filter(|n| n.error) {
            // Through the log's queue like every other line: never a blocking write.
            crate::log::records_problem(&format!("a web session's start: {}", notice.text));
        }
        step = match step.next {
            Next::Ready(started) => return Some(started),
            Next::Failed(_) => return None,
            Next::Ask(pending) => pending.answer(None),
        };
    }
}

/// Whether `folder` holds a saved session.
fn has_save(folder: &std::path::Path) -> bool {
    std::fs::read_dir(folder).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "json"))
    })
}
