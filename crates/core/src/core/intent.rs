//! What a user asks of a call, whatever front end they use, and what it came to. A front
//! end turns its input (keys, lines, a web form) into an [`Intent`], gives it to
//! [`crate::core::Call::apply`] and shows the [`Applied`] its own way.

use super::Notice;
use super::typed_answer::Confirm;
use crate::flow::NodeId;

/// One thing the user asks of the call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// Pick option `n` (from 0) of the page shown.
    Pick(usize),
    /// Enter at a question answered by typing, with this text (empty: nothing typed).
    /// The core may ask once first (see [`crate::core::typed_answer`]).
    Type(String),
    /// "No" to "Did you mean …?": go on with what was typed.
    Decline,
    /// Go back one move.
    Back,
    /// Start again from the first question.
    Restart,
    /// Add a note to the current step, written by this author (an agent's are private to
    /// agents: see [`crate::session::Session::for_partner`]).
    Note(String, crate::session::Author),
    /// Jump to a node found by search (agent mode).
    Jump(NodeId),
    /// Save a transcript now.
    SaveTranscript,
    /// Give a hand-off code for a helpdesk agent (a served partner).
    HandOff,
    /// Stop sharing the session with the agent who joined (a served partner).
    EndSharing,
}

/// What applying an [`Intent`] (or taking in the other side's change) did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// What changed.
    pub change: Change,
    /// What to tell the user (saved, failed, masked…), in this order.
    pub notices: Vec<Notice>,
}

/// What changed in a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Nothing (see the notices).
    Nothing,
    /// The session is at another node, or the same node reached anew: show it.
    Moved,
    /// A note was added; the page stays.
    Noted,
    /// Before taking the typed answer the call asks this; nothing moved.
    Asking(Confirm),
    /// The intent could not be done, and why.
    Refused(Refusal),
    /// A hand-off code was given (the same one when asked again).
    CodeGiven(String),
    /// The sharing with the other side changed (see [`crate::core::live::Presence`]).
    Sharing(super::live::Presence),
}

/// Why an intent was not done; each front end words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Back at the first question: there is nothing to go back to.
    AtStart,
    /// A note with no text.
    EmptyNote,
    /// A jump to the node the session is at.
    AlreadyThere,
    /// The option, node or typed answer does not fit where the session is.
    NotHere(crate::session::SessionError),
    /// Hand-off is not offered here (not served, or an agent is already with them).
    NoHandOff,
    /// A hand-off code cannot be given, and why.
    HandOff(std::sync::Arc<super::hand_off::HandOffError>),
    /// There is no sharing to end.
    NotSharing,
}

impl Applied {
    /// Nothing changed and nothing to tell.
    pub fn nothing() -> Applied {
        Applied {
            change: Change::Nothing,
            notices: Vec::new(),
        }
    }

    /// `change`, with nothing to tell.
    pub fn only(change: Change) -> Applied {
        Applied {
            change,
            notices: Vec::new(),
        }
    }

    /// Whether the session is at another node (or the same reached anew).
    pub fn moved(&self) -> bool {
        self.change == Change::Moved
    }
}
