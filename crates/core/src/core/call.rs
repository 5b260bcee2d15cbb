//! One call from start to end, the same under every front end: the session, its records
//! and — when served — its place in a live shared session.
//!
//! - Start-up: [`crate::core::start::first_step`] (which never blocks: a question comes
//!   back as a pending step) or [`crate::core::start::begin`] (which asks through a
//!   [`crate::core::start::Prompt`]), then [`Call::new`] on what it started.
//! - The walk: a front end turns its input into [`Intent`]s for [`Call::apply`] and the
//!   other side's [`LiveEvent`]s into [`Call::take`]; each gives an [`Applied`] (what
//!   changed, and what to tell). The call saves after every change and shares it.
//! - The end: [`Call::end`] once, with how it ended — the one rule for every front end
//!   (see [`End`]); a partner who leaves an agent with them hands the call over.

use std::sync::Arc;

use super::intent::{Applied, Change, Intent, Refusal};
use super::live::{LiveEvent, Presence, Seat, Side};
use super::reload::carry_over;
use super::start::Started;
use super::typed_answer::{Confirm, Entered, TypedAnswer};
use super::{End, Notice, RecordKeeper, RecordOptions, note_added};
use crate::flow::Flow;
use crate::i18n::{sharing_words, words};
use crate::lang::Lang;
use crate::session::{MAX_TYPED_CHARS, Session, SessionError};

/// One call: the session walked, its language, its records, what is asked before a
/// typed answer is taken, and its seat at a live shared session.
#[derive(Debug)]
pub struct Call {
    session: Session,
    lang: Lang,
    records: RecordKeeper,
    typed: TypedAnswer,
    live: Option<Seat>,
    /// An agent's own records, used from when the partner leaves them alone.
    own: Option<RecordOptions>,
}

impl From<Started> for Call {
    fn from(started: Started) -> Call {
        Call::new(started)
    }
}

impl Call {
    /// The call start-up made ready.
    pub fn new(started: Started) -> Call {
        Call {
            session: started.session,
            lang: started.lang,
            records: started.records,
            typed: TypedAnswer::default(),
            live: None,
            own: None,
        }
    }

    /// A new call on `session` in `lang` keeping its records as `options` say (start-up
    /// without a resume offer or a hand-off).
    pub fn recorded(session: Session, lang: Lang, options: RecordOptions) -> Call {
        let records = RecordKeeper::new(options, lang, &session);
        Call::new(Started {
            session,
            lang,
            records,
        })
    }

    /// A call on `session` in `lang` that keeps no records (a preview, a test).
    pub fn unrecorded(session: Session, lang: Lang) -> Call {
        let records = RecordKeeper::nothing(lang);
        Call::new(Started {
            session,
            lang,
            records,
        })
    }

    /// The partner's call, sharing at `seat` (see [`super::live::Lobby::open`]): it can
    /// give a hand-off code, and every change is shared once an agent joins.
    pub fn sharing(mut self, seat: Seat) -> Call {
        self.live = Some(seat);
        self
    }

    /// An agent's call on the live `session` joined at `seat` (see
    /// [`super::live::Lobby::join`]), in `lang`. The partner's side keeps the records
    /// while they are there; from when the partner leaves or ends the sharing, the call
    /// keeps records as `own` says, so nothing the agent wrote is lost.
    pub fn joined(session: Session, lang: Lang, seat: Seat, own: RecordOptions) -> Call {
        // The agent's call is kept on the server (and what to say is in the caller's
        // language) from the start; the rest of the records are the partner's side's.
        let served = RecordOptions::kept(None, None, own.keep_days)
            .agent(own.agent)
            .served(own.call.clone());
        let records = RecordKeeper::new(served, lang, &session);
        Call {
            session,
            lang,
            records,
            typed: TypedAnswer::default(),
            live: Some(seat),
            own: Some(own),
        }
    }

    /// The session as it stands.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Speaks `lang` from now on (the user switched language): the words of its notices;
    /// the records already begun keep the language they began in.
    pub fn speak(&mut self, lang: Lang) {
        self.lang = lang;
    }

    /// The record keeping (where the session is saved, whether a write failed).
    pub fn records(&self) -> &RecordKeeper {
        &self.records
    }

    /// Which side of a live shared session this call is, while it shares.
    pub fn side(&self) -> Option<Side> {
        self.live.as_ref().map(Seat::side)
    }

    /// Whether an agent is with this partner now.
    pub fn agent_present(&self) -> bool {
        self.live
            .as_ref()
            .is_some_and(|seat| seat.side() == Side::Partner && seat.agent_present())
    }

    /// What the call asks before taking the typed answer, at the place the session is.
    pub fn asking(&self) -> Option<&Confirm> {
        self.typed.asking(&self.session)
    }

    /// Forgets what was asked, as when the text being typed changed.
    pub fn forget_asking(&mut self) {
        self.typed.forget();
    }

    /// Does what the user asked, saving and sharing every change; says what changed and
    /// what to tell.
    pub fn apply(&mut self, intent: Intent) -> Applied {
        match intent {
            Intent::Pick(option) => match self.session.choose(option) {
                Ok(_) => self.changed(Change::Moved, Vec::new()),
                Err(error) => refused(Refusal::NotHere(error)),
            },
            Intent::Type(text) => self.typed(&text),
            Intent::Decline => match self.typed.decline(&mut self.session) {
                Some(Ok(_)) => self.changed(Change::Moved, Vec::new()),
                Some(Err(error)) => refused(Refusal::NotHere(error)),
                None => Applied::nothing(),
            },
            Intent::Back if self.session.back() => self.changed(Change::Moved, Vec::new()),
            Intent::Back => refused(Refusal::AtStart),
            Intent::Restart => {
                self.session.restart();
                self.changed(Change::Moved, Vec::new())
            }
            Intent::Note(text, author) => match self.session.add_note_by(&text, author) {
                Ok(()) => {
                    let added = Notice::info(note_added(&self.session, self.lang));
                    self.changed(Change::Noted, vec![added])
                }
                Err(_) => refused(Refusal::EmptyNote),
            },
            Intent::Jump(node) => match self.session.jump(node) {
                Ok(_) => self.changed(Change::Moved, Vec::new()),
                Err(SessionError::AlreadyThere) => refused(Refusal::AlreadyThere),
                Err(error) => refused(Refusal::NotHere(error)),
            },
            Intent::SaveTranscript => Applied {
                change: Change::Nothing,
                notices: self.records.save_transcript(&self.session),
            },
            Intent::HandOff => self.hand_off(),
            Intent::EndSharing => match &self.live {
                Some(seat) if seat.side() == Side::Partner && seat.end_sharing() => Applied {
                    change: Change::Sharing(Presence::AgentLeft),
                    notices: vec![Notice::info(
                        sharing_words(self.lang).you_ended_sharing.to_owned(),
                    )],
                },
                _ => refused(Refusal::NotSharing),
            },
        }
    }

    /// Enter at a question answered by typing, with `text`.
    fn typed(&mut self, text: &str) -> Applied {
        let mut notices = Vec::new();
        if text.chars().count() > MAX_TYPED_CHARS {
            notices.push(Notice::info(words(self.lang).typed_cut.to_owned()));
        }
        match self.typed.enter(&mut self.session, text) {
            Ok(Entered::Moved(_)) => self.changed(Change::Moved, notices),
            Ok(Entered::Asking(confirm)) => Applied {
                change: Change::Asking(confirm),
                notices,
            },
            Err(error) => refused(Refusal::NotHere(error)),
        }
    }

    /// A hand-off code for the partner, where one is offered.
    fn hand_off(&mut self) -> Applied {
        let seat = match &self.live {
            Some(seat) if seat.side() == Side::Partner && !seat.agent_present() => seat,
            _ => return refused(Refusal::NoHandOff),
        };
        match seat.give_code(&self.session, &mut self.records) {
            Ok(code) => Applied::only(Change::CodeGiven(code)),
            Err(why) => refused(Refusal::HandOff(Arc::new(why))),
        }
    }

    /// After this side changed the session: shares it (when the other side changed it
    /// first, this change gives way and the session is theirs), then saves it.
    fn changed(&mut self, change: Change, mut notices: Vec<Notice>) -> Applied {
        let mut change = change;
        if let Some(now) = self
            .live
            .as_mut()
            .and_then(|seat| seat.publish(&self.session))
        {
            self.session = now;
            change = Change::Moved;
            notices.push(Notice::info(
                sharing_words(self.lang).other_side_first.to_owned(),
            ));
        }
        notices.extend(self.records.changed(&self.session));
        Applied { change, notices }
    }

    /// Takes in what the other side of a shared session did, from the `Subscriber`
    /// this call's seat was given (see [`super::live::Subscriber`]).
    pub fn take(&mut self, event: LiveEvent) -> Applied {
        let words = sharing_words(self.lang);
        match event {
            LiveEvent::Changed { version, session } => {
                let Some(seat) = self.live.as_mut() else {
                    return Applied::nothing();
                };
                seat.seen(version);
                let place = |s: &Session| (s.current(), s.path().len());
                let moved = place(&session) != place(&self.session);
                self.session = *session;
                // The partner's side keeps the records: the other side's change is saved too.
                Applied {
                    change: if moved {
                        Change::Moved
                    } else {
                        Change::Nothing
                    },
                    notices: self.records.changed(&self.session).into_iter().collect(),
                }
            }
            LiveEvent::Presence(presence) => {
                let notices = match presence {
                    Presence::AgentJoined => {
                        self.records.agent_took_over();
                        Vec::new()
                    }
                    Presence::AgentLeft => vec![Notice::info(words.agent_left.to_owned())],
                    Presence::PartnerLeft => {
                        self.alone(true);
                        vec![Notice::info(words.partner_left.to_owned())]
                    }
                    Presence::SharingEnded => {
                        self.alone(false);
                        vec![Notice::info(words.sharing_ended.to_owned())]
                    }
                };
                let mut notices = notices;
                if matches!(presence, Presence::PartnerLeft | Presence::SharingEnded) {
                    notices.extend(self.records.changed(&self.session));
                }
                Applied {
                    change: Change::Sharing(presence),
                    notices,
                }
            }
        }
    }

    /// The agent goes on alone: with the records the partner handed over (`handed`, when
    /// there are any), else — unless the partner's side finished the session — with
    /// records of their own, so every note is kept.
    fn alone(&mut self, handed: bool) {
        let seat = self.live.take();
        let taken = seat
            .as_ref()
            .filter(|_| handed)
            .and_then(Seat::take_records);
        if let Some(records) = taken {
            // The partner's records, this call's transcript still kept where it was.
            self.records.take_over_from(records);
        } else if !(handed && self.session.outcome().is_some())
            && let Some(own) = self.own.take()
        {
            self.records = RecordKeeper::new(own, self.lang, &self.session);
        }
        if let Some(seat) = seat {
            let records = std::mem::replace(&mut self.records, placeholder(self.lang));
            self.records = seat
                .leave(records, false)
                .expect("an agent's records stay theirs");
        }
    }

    /// Takes in a new version of the flow, keeping the user where they were: at the same
    /// node, or the nearest earlier node the new version still leads to. Saved like any
    /// change; gives what no longer fits.
    pub fn reload(&mut self, flow: Arc<Flow>) -> (Applied, Vec<String>) {
        let replayed = carry_over(&self.session, flow);
        let (session, moved) = (replayed.session, replayed.moved);
        self.session = session;
        let moved = moved.iter().map(ToString::to_string).collect();
        (self.changed(Change::Moved, Vec::new()), moved)
    }

    /// Ends the call, once, with how it ended — the one rule for every front end (see
    /// [`End`]): a partner who leaves before an ending (quit, terminal gone) while an agent
    /// is with them hands the session and its records to the agent; otherwise the records
    /// are finished, or kept for `--resume`, as [`RecordKeeper::end`] says. Gives what to
    /// tell the user.
    pub fn end(&mut self, how: End) -> Vec<Notice> {
        if let Some(seat) = self.live.take() {
            let hand_over = seat.side() == Side::Partner
                && self.session.outcome().is_none()
                && matches!(how, End::Quit | End::TerminalGone);
            let records = std::mem::replace(&mut self.records, placeholder(self.lang));
            match seat.leave(records, hand_over) {
                Some(records) => self.records = records,
                None => {
                    return vec![Notice::info(
                        sharing_words(self.lang).agent_carries_on.to_owned(),
                    )];
                }
            }
        }
        self.records.end(&self.session, how)
    }

    /// Whether any write of the call's records failed: the program should then exit 1.
    pub fn failed(&self) -> bool {
        self.records.failed()
    }
}

/// Records that keep nothing, held for a moment while the real ones change hands.
fn placeholder(lang: Lang) -> RecordKeeper {
    RecordKeeper::nothing(lang)
}

/// A refusal, with nothing to tell.
fn refused(why: Refusal) -> Applied {
    Applied::only(Change::Refused(why))
}

#[cfg(test)]
mod tests;
