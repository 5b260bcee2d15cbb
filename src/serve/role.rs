//! Who a served wizard is for: a partner, an agent, or an agent with a partner's
//! hand-off code.

use crate::handoff::Code;

/// Who the wizard is for, and with which session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// A partner helping themselves: a new session, with hand-off offered.
    Partner,
    /// A helpdesk agent (signed in with an agent key): a new session in agent mode.
    Agent,
    /// `join CODE`: the partner's live session when they are connected here, else their
    /// saved one; agent mode.
    Join(String),
    /// `resume CODE`: the saved session the code was given for; agent mode.
    Resume(String),
}

impl Role {
    /// Whether the wizard runs in agent mode.
    pub fn agent(&self) -> bool {
        !matches!(self, Role::Partner)
    }

    /// The code of `join CODE`, when it is one.
    pub fn live_code(&self) -> Option<Code> {
        match self {
            Role::Join(typed) => Code::parse(typed),
            _ => None,
        }
    }

    /// The hand-off code given, if any.
    pub fn code(&self) -> Option<&str> {
        match self {
            Role::Join(code) | Role::Resume(code) => Some(code),
            Role::Partner | Role::Agent => None,
        }
    }
}
