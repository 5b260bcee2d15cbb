//! The engine: where the user is in a flow, how they got there, what was noted on the way,
//! and when. No I/O, no terminal.
//!
//! Every action that changes the session has an `*_at` variant taking the time as an
//! argument, so tests (and golden transcripts) are deterministic; the plain variants use
//! the system clock.

use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use thiserror::Error;

use crate::flow::{Ending, Flow, Input, Node, NodeId, NodeKind, Suggestion};

use crate::clock::now;

/// How one move of the path was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveKind {
    /// Option `n` (from 0) of the node was picked (for a step: 0 fixed, 1 not fixed).
    Answer(usize),
    /// The user jumped straight to another node (agent mode's search).
    Jump,
}

/// The most characters kept of a typed answer; the rest is cut (front ends say so).
pub const MAX_TYPED_CHARS: usize = 1_000;

/// One move on the way: from `node` to `to`, by an answer or a jump, at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    /// The node the move was made at.
    pub node: NodeId,
    /// The node it led to.
    pub to: NodeId,
    /// An answer or a jump.
    pub kind: MoveKind,
    /// When it was made.
    pub at: Timestamp,
    /// What was typed, for an answer at an input node (possibly empty); `None` otherwise.
    pub typed: Option<String>,
}

impl Move {
    /// The option picked, or `None` for a jump.
    pub fn answer(&self) -> Option<usize> {
        match self.kind {
            MoveKind::Answer(answer) => Some(answer),
            MoveKind::Jump => None,
        }
    }

    /// Whether this move was a jump.
    pub fn is_jump(&self) -> bool {
        self.kind == MoveKind::Jump
    }
}

/// A note written during the walk, attached to the node the user was at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The node it was written at.
    pub node: NodeId,
    /// What was typed, with what looked like a secret masked ([`crate::secrets::mask`]):
    /// a secret never reaches the screen, the save file or any record.
    pub text: String,
    /// When it was written.
    pub at: Timestamp,
    /// Who wrote it: an agent's notes are private to agents.
    pub author: Author,
}

/// Who wrote a note. An agent's notes are the agent's: never shown to, copied by or
/// written out for the partner ([`Session::for_partner`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    /// The partner (self-help), on their own screen.
    Partner,
    /// A helpdesk agent (agent mode). Notes whose author is not known (older saves) count
    /// as the agent's, so they are never shown to a partner.
    #[default]
    Agent,
}

impl Author {
    /// The author of what is written in agent mode (`agent`) or in self-help.
    pub fn of_mode(agent: bool) -> Author {
        if agent {
            Author::Agent
        } else {
            Author::Partner
        }
    }

    /// The name in records: `agent` or `partner`.
    pub fn key(self) -> &'static str {
        match self {
            Author::Partner => "partner",
            Author::Agent => "agent",
        }
    }
}

/// The moment an agent took a session over with a hand-off code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandOff {
    /// The code the partner gave, as shown (`K7P-2QX`).
    pub code: String,
    /// The node the session was at.
    pub node: NodeId,
    /// When the agent took over.
    pub at: Timestamp,
    /// Whether the agent joined while the partner was still connected (a live shared
    /// session), rather than continuing from the save.
    pub live: bool,
}

/// Why an action could not be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum SessionError {
    /// The walk has ended; there is nothing to choose.
    #[error("the walk has reached an ending; restart to begin again")]
    AtEnding,
    /// The option number is not one of the current node's options.
    #[error("there is no option {given}; pick 1 to {count}")]
    NoSuchOption {
        /// The option asked for, counted from 0.
        given: usize,
        /// How many options there are.
        count: usize,
    },
    /// A jump to a node that is not in this session's flow.
    #[error("there is no node {index} in this flow")]
    NoSuchNode {
        /// The node index asked for.
        index: usize,
    },
    /// A jump to the node the user is already at.
    #[error("that is where you are already")]
    AlreadyThere,
    /// A note with nothing in it.
    #[error("the note is empty")]
    EmptyNote,
    /// Text was given at a node that asks for a choice, not for typing.
    #[error("this question is answered by picking an option, not by typing")]
    NotAnInput,
}

/// A walk through a flow.
///
/// `back` undoes the last move, answer or jump alike. `restart` returns to the first node
/// and forgets the path but keeps the notes and the start time: a restart is part of the
/// same call, and a note is never dropped.
#[derive(Debug, Clone)]
pub struct Session {
    flow: Arc<Flow>,
    current: NodeId,
    path: Vec<Move>,
    notes: Vec<Note>,
    hand_offs: Vec<HandOff>,
    started: Timestamp,
}

impl Session {
    /// Starts a walk at the flow's first node, now.
    pub fn new(flow: Arc<Flow>) -> Session {
        Session::new_at(flow, now())
    }

    /// Starts a walk at the flow's first node at the time `started`.
    pub fn new_at(flow: Arc<Flow>, started: Timestamp) -> Session {
        let current = flow.start();
        Session {
            flow,
            current,
            path: Vec::new(),
            notes: Vec::new(),
            hand_offs: Vec::new(),
            started,
        }
    }

    /// The flow being walked.
    pub fn flow(&self) -> &Flow {
        &self.flow
    }

    /// The flow being walked, shared.
    pub fn shared_flow(&self) -> Arc<Flow> {
        Arc::clone(&self.flow)
    }

    /// The node the user is at.
    pub fn current(&self) -> NodeId {
        self.current
    }

    /// The node the user is at, resolved.
    pub fn node(&self) -> &Node {
        self.flow.node(self.current)
    }

    /// The moves made so far (answers and jumps), oldest first.
    pub fn path(&self) -> &[Move] {
        &self.path
    }

    /// The notes written so far, oldest first, including those written at nodes the user
    /// has since gone back from.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// When the walk started.
    pub fn started(&self) -> Timestamp {
        self.started
    }

    /// When the ending the user is at was reached; `None` while the walk goes on.
    pub fn ended(&self) -> Option<Timestamp> {
        self.outcome()
            .map(|_| self.path.last().map_or(self.started, |last| last.at))
    }

    /// Time since the start (the length of the call so far), never negative.
    pub fn elapsed_at(&self, now: Timestamp) -> SignedDuration {
        now.duration_since(self.started).max(SignedDuration::ZERO)
    }

    /// How many options the current node offers (0 at an ending).
    pub fn option_count(&self) -> usize {
        self.node().targets().len()
    }

    /// Picks option `answer` (from 0) of the current node and moves on, now.
    pub fn choose(&mut self, answer: usize) -> Result<NodeId, SessionError> {
        self.choose_at(answer, now())
    }

    /// Picks option `answer` (from 0) of the current node and moves on, at time `at`. At an
    /// input question the options are its patterns then "otherwise" (see [`Node::targets`]);
    /// picking one records no typed text — front ends answer it with [`Session::answer_text`].
    pub fn choose_at(&mut self, answer: usize, at: Timestamp) -> Result<NodeId, SessionError> {
        let targets = self.node().targets();
        if targets.is_empty() {
            return Err(SessionError::AtEnding);
        }
        let next = *targets.get(answer).ok_or(SessionError::NoSuchOption {
            given: answer,
            count: targets.len(),
        })?;
        self.push(next, MoveKind::Answer(answer), at, None);
        Ok(next)
    }

    /// Answers the current input node with `typed`, now.
    pub fn answer_text(&mut self, typed: &str) -> Result<NodeId, SessionError> {
        self.answer_text_at(typed, now())
    }

    /// Answers the current input node with `typed` at time `at`: the first pattern that
    /// matches decides where to go, else the node's "otherwise". The text is kept (made
    /// one line, trimmed, cut to [`MAX_TYPED_CHARS`], secrets masked) with the move, so
    /// `back` forgets it and the ending can show it.
    pub fn answer_text_at(&mut self, typed: &str, at: Timestamp) -> Result<NodeId, SessionError> {
        let typed = one_line(typed);
        let answer = self.input()?.answer_for(&typed);
        Ok(self.push_typed(answer, &typed, at))
    }

    /// Answers the current input node with a code it suggested for what was typed
    /// ([`Input::did_you_mean`]) at time `at`: the move goes where the code leads, and
    /// keeps the corrected text.
    pub(crate) fn answer_suggested_at(
        &mut self,
        suggestion: &Suggestion,
        at: Timestamp,
    ) -> Result<NodeId, SessionError> {
        let input = self.input()?;
        if suggestion.answer >= input.matches.len() {
            return Err(SessionError::NoSuchOption {
                given: suggestion.answer,
                count: input.matches.len(),
            });
        }
        Ok(self.push_typed(suggestion.answer, &one_line(&suggestion.corrected), at))
    }

    /// The current node as an input question; an error at an ending or a question.
    pub fn input(&self) -> Result<&Input, SessionError> {
        match &self.node().kind {
            NodeKind::Input(input) => Ok(input),
            _ if self.outcome().is_some() => Err(SessionError::AtEnding),
            _ => Err(SessionError::NotAnInput),
        }
    }

    /// Moves on by `answer` of the current input node, keeping `typed` with the move.
    fn push_typed(&mut self, answer: usize, typed: &str, at: Timestamp) -> NodeId {
        let next = self.node().targets()[answer];
        // Kept masked like a note: a password pasted into the box by mistake never
        // reaches a save file or a record.
        let (kept, _) = crate::secrets::mask(typed);
        self.push(next, MoveKind::Answer(answer), at, Some(kept));
        next
    }

    /// What was typed at input nodes on the path, oldest first, with the node; blank
    /// answers left out.
    pub fn typed(&self) -> impl Iterator<Item = (NodeId, &str)> {
        self.path.iter().filter_map(|step| {
            step.typed
                .as_deref()
                .filter(|text| !text.is_empty())
                .map(|text| (step.node, text))
        })
    }

    /// Jumps straight to node `to`, now; `back` undoes it like an answer.
    pub fn jump(&mut self, to: NodeId) -> Result<NodeId, SessionError> {
        self.jump_at(to, now())
    }

    /// Jumps straight to node `to` at time `at`. Any node may be jumped to, endings
    /// included, except the one the user is at.
    pub fn jump_at(&mut self, to: NodeId, at: Timestamp) -> Result<NodeId, SessionError> {
        if to.index() >= self.flow.nodes().len() {
            return Err(SessionError::NoSuchNode { index: to.index() });
        }
        if to == self.current {
            return Err(SessionError::AlreadyThere);
        }
        self.push(to, MoveKind::Jump, at, None);
        Ok(to)
    }

    fn push(&mut self, to: NodeId, kind: MoveKind, at: Timestamp, typed: Option<String>) {
        self.path.push(Move {
            node: self.current,
            to,
            kind,
            at,
            typed,
        });
        self.current = to;
    }

    /// Undoes the last move, answer or jump, with any text typed for it. Returns `false`
    /// at the start, where there is nothing to undo. Notes stay.
    pub fn back(&mut self) -> bool {
        match self.path.pop() {
            Some(last) => {
                self.current = last.node;
                true
            }
            None => false,
        }
    }

    /// Goes back to the first node and forgets the path. Notes and the start time stay.
    pub fn restart(&mut self) {
        self.path.clear();
        self.current = self.flow.start();
    }

    /// Adds an agent's note to the current node, now.
    pub fn add_note(&mut self, text: &str) -> Result<(), SessionError> {
        self.add_note_by(text, Author::Agent)
    }

    /// Adds a note by `author` to the current node, now.
    pub fn add_note_by(&mut self, text: &str, author: Author) -> Result<(), SessionError> {
        self.add_note_to(self.current, text, now(), author)
    }

    /// Adds an agent's note to the current node at time `at`. Surrounding whitespace is
    /// trimmed; a note with nothing else is refused.
    pub fn add_note_at(&mut self, text: &str, at: Timestamp) -> Result<(), SessionError> {
        self.add_note_to(self.current, text, at, Author::Agent)
    }

    /// Adds a note by `author` to `node` (used when notes are carried over from a saved
    /// session).
    pub(crate) fn add_note_to(
        &mut self,
        node: NodeId,
        text: &str,
        at: Timestamp,
        author: Author,
    ) -> Result<(), SessionError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(SessionError::EmptyNote);
        }
        // Masked as it is written, so the secret is never kept anywhere.
        let (text, _) = crate::secrets::mask(text);
        self.notes.push(Note {
            node,
            text,
            at,
            author,
        });
        Ok(())
    }

    /// The session as a partner may see it: without the agent's notes. Everything a
    /// partner is shown, copies or is given a transcript of is made from this.
    pub fn for_partner(&self) -> Session {
        let mut session = self.clone();
        session.notes.retain(|note| note.author == Author::Partner);
        session
    }

    /// Records that an agent took the session over with `code` at `at`, at the current
    /// node; `live` when the partner was still connected.
    pub fn record_hand_off(&mut self, code: &str, live: bool, at: Timestamp) {
        self.record_hand_off_at(self.current, code, live, at);
    }

    /// Records a hand-off at `node` (used when a save is restored).
    pub(crate) fn record_hand_off_at(
        &mut self,
        node: NodeId,
        code: &str,
        live: bool,
        at: Timestamp,
    ) {
        self.hand_offs.push(HandOff {
            code: code.to_owned(),
            node,
            at,
            live,
        });
    }

    /// Every hand-off to an agent, oldest first.
    pub fn hand_offs(&self) -> &[HandOff] {
        &self.hand_offs
    }

    /// The ending reached, if the walk is over.
    pub fn outcome(&self) -> Option<&Ending> {
        match &self.node().kind {
            NodeKind::Ending(ending) => Some(ending),
            _ => None,
        }
    }
}

/// Typed text as the session keeps it: control characters (a pasted line break, a tab)
/// made spaces, surrounding white space trimmed, at most [`MAX_TYPED_CHARS`] characters.
pub fn one_line(typed: &str) -> String {
    let spaced: String = typed
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    spaced
        .trim()
        .chars()
        .take(MAX_TYPED_CHARS)
        .collect::<String>()
        .trim_end()
        .to_owned()
}

#[cfg(test)]
mod tests;
