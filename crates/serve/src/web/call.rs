//! The web front end's one way into the core: a call begun, moved and ended through the
//! core's own start-up, session, typed-answer and record keeping. Nothing here decides a
//! route; it only forwards what the page asked for and keeps the records informed.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::core::hand_off::give_code;
use crate::core::start::{Prompt, StartOptions, Started, begin};
use crate::core::typed_answer::{Confirm, TypedAnswer};
use crate::core::{End, Notice, RecordKeeper, RecordOptions};
use crate::flow::Flow;
use crate::lang::Lang;
use crate::page::Page;
use crate::session::Session;
use crate::transcript::Transcript;

/// How the outcome log names calls made in a browser.
pub const FRONT_END: &str = "web";

/// Where a page was when it was shown: the node's key and how many moves led there.
/// Every form carries it, so an answer from an older page is put back in its place first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The key of the node the page showed.
    pub node: String,
    /// How many moves the path held.
    pub depth: usize,
}

/// One partner's call, in the browser.
#[derive(Debug)]
pub struct Call {
    session: Session,
    records: RecordKeeper,
    typed: TypedAnswer,
    /// The ending was reached and recorded: the call is over.
    finished: bool,
    /// The last problem with the records, for the partner to read (the details went to
    /// the server's operator).
    problem: Option<String>,
    /// The hand-off code given for this call, if one was asked for.
    code: Option<String>,
    /// The partner handed the call over to the agent with the code.
    handed_over: bool,
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

/// Start-up asks nobody in a browser: a call in its own folder continues its save.
struct Silent;

impl Prompt for Silent {
    fn ask(&mut self, _question: &str, _lang: Lang) -> Option<bool> {
        None
    }

    fn tell(&mut self, notices: &[Notice]) {
        for notice in notices.iter().filter(|n| n.error) {
            eprintln!("signin-doctor: a web session's start: {}", notice.text);
        }
    }
}

impl Call {
    /// Begins a call in `lang`: the unfinished one saved in `keeping.folder` if there is
    /// one (a partner who closed the tab comes back to it), else a fresh one.
    pub fn begin(keeping: &Keeping, lang: Lang) -> Call {
        let saved = keeping.folder.as_deref().is_some_and(has_save);
        Call::start(keeping, lang, saved)
    }

    /// Begins a call in `lang`, continuing the save in `keeping.folder` if `resume`.
    fn start(keeping: &Keeping, lang: Lang, resume: bool) -> Call {
        let records = RecordOptions::kept(
            keeping.folder.clone(),
            keeping.log.clone(),
            keeping.keep_days,
        );
        let options = StartOptions::new(records.served(None)).resume(resume);
        let fresh = || Session::new(Arc::clone(&keeping.flow));
        // A save that cannot be continued (in use, no longer fitting the flow) stays
        // where it is, and the partner starts afresh.
        let started = begin(fresh(), lang, &options, &mut Silent).unwrap_or_else(|_| {
            let session = fresh();
            Started {
                records: RecordKeeper::new(options.records.clone(), lang, &session),
                session,
                lang,
            }
        });
        let mut records = started.records;
        records.set_front_end(FRONT_END);
        Call {
            session: started.session,
            records,
            typed: TypedAnswer::default(),
            finished: false,
            problem: None,
            code: None,
            handed_over: false,
        }
    }

    /// The language the call's records are kept in (a resumed call keeps its own).
    pub fn lang(&self) -> Lang {
        self.records.lang()
    }

    /// What the page shows, in `lang`.
    pub fn page(&self, lang: Lang) -> Page {
        Page::of(&self.session, lang)
    }

    /// Where the call is now.
    pub fn place(&self) -> Place {
        Place {
            node: self.session.node().key.clone(),
            depth: self.session.path().len(),
        }
    }

    /// What is asked before a typed answer is taken here, if anything.
    pub fn asking(&self) -> Option<&Confirm> {
        self.typed.asking(&self.session)
    }

    /// Whether the call reached its ending (and was recorded).
    pub fn finished(&self) -> bool {
        self.finished
    }

    /// Whether there is a move to go back over.
    pub fn can_go_back(&self) -> bool {
        !self.session.path().is_empty() && !self.finished
    }

    /// Goes back, as the wizard's Back does, until the page at `place` is shown again.
    /// `false` when that page is not on the way back (a page from another call, or
    /// from a path since changed): then nothing moves.
    pub fn return_to(&mut self, place: &Place) -> bool {
        if self.finished {
            return self.place() == *place;
        }
        let path = self.session.path();
        let on_the_way = place.depth <= path.len()
            && match path.get(place.depth) {
                Some(step) => self.session.flow().node(step.node).key == place.node,
                None => self.session.node().key == place.node,
            };
        if !on_the_way {
            return false;
        }
        let mut moved = false;
        while self.session.path().len() > place.depth && self.session.back() {
            moved = true;
        }
        if moved {
            self.changed();
        }
        true
    }

    /// Picks answer `index` of a question or a step.
    pub fn choose(&mut self, index: usize) {
        if !self.finished && self.session.choose(index).is_ok() {
            self.changed();
        }
    }

    /// Enter at a question answered by typing, with `typed` in the field: taken, or asked
    /// about first (see [`Call::asking`]).
    pub fn enter(&mut self, typed: &str) {
        if !self.finished && self.typed.enter(&mut self.session, typed).is_ok() {
            self.changed();
        }
    }

    /// Declines the code offered, going on with what was typed.
    pub fn decline(&mut self) {
        if !self.finished && matches!(self.typed.decline(&mut self.session), Some(Ok(_))) {
            self.changed();
        }
    }

    /// One step back, as the wizard's Back.
    pub fn back(&mut self) {
        if !self.finished && self.session.back() {
            self.changed();
        }
    }

    /// Back to the first question; a finished (or handed over) call starts a new one in
    /// the same folder.
    pub fn restart(&mut self, keeping: &Keeping, lang: Lang) {
        if self.finished {
            *self = Call::start(keeping, lang, false);
        } else {
            self.session.restart();
            self.changed();
        }
    }

    /// Gives a hand-off code for the call, as `h` does in the terminal: the session is
    /// saved and a ticket for it written under the state folder `root`. The same code
    /// every time it is asked for again.
    pub fn give_code(&mut self, root: Option<&Path>) -> Result<String, String> {
        if let Some(code) = &self.code {
            return Ok(code.clone());
        }
        if self.finished {
            return Err("the call has ended".into());
        }
        let root = root.ok_or("this server keeps no saved sessions, so it cannot hand one over")?;
        let code = give_code(root, &self.session, &mut self.records)
            .map_err(|e| e.to_string())?
            .to_string();
        self.code = Some(code.clone());
        Ok(code)
    }

    /// The hand-off code given, if any.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The partner hands the call to the agent who has the code: the partner's side
    /// ends, and the session is kept, unlogged, for the agent to continue (`join CODE`
    /// or `resume CODE` over SSH).
    pub fn hand_over(&mut self) {
        if self.code.is_none() || self.finished {
            return;
        }
        self.end(End::Quit);
        self.handed_over = true;
        // Lets go of the save (and its lock) for the agent's wizard.
        let lang = self.records.lang();
        self.records = RecordKeeper::new(RecordOptions::default(), lang, &self.session);
    }

    /// Whether the call was handed over to the agent.
    pub fn handed_over(&self) -> bool {
        self.handed_over
    }

    /// The last problem with the call's records, while saving keeps failing.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// Keeps the problem the record keeping reported, or forgets it once saving works.
    fn heed(&mut self, notices: impl IntoIterator<Item = Notice>) {
        self.problem = notices.into_iter().find(|n| n.error).map(|n| n.text);
    }

    /// The call's transcript, in `lang`.
    pub fn transcript(&self, lang: Lang) -> Transcript {
        Transcript::of(&self.session, lang, crate::clock::now())
    }

    /// Ends the call `how` (the server stopping, the partner gone idle: the save is kept
    /// for their return), unless its ending was recorded already.
    pub fn end(&mut self, how: End) {
        if !self.finished {
            self.finished = true;
            let notices = self.records.end(&self.session, how);
            self.heed(notices);
        }
    }

    /// After every move: saves, and at an ending writes the records once.
    fn changed(&mut self) {
        let notice = self.records.changed(&self.session);
        self.heed(notice);
        if self.session.outcome().is_some() {
            self.end(End::Finished);
        }
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
