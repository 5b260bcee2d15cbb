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

/// What an exec request asked for: plain lines or not, and the role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    /// Plain lines (`plain`).
    pub plain: bool,
    /// Who the wizard is for.
    pub role: Role,
}

impl Role {
    /// Reads the command of an exec request: `plain` (in `own` role), `join CODE` or
    /// `resume CODE` (the code may hold spaces); `None` for anything else.
    pub fn from_command(command: &str, own: Role) -> Option<Asked> {
        let words: Vec<&str> = command.split_whitespace().collect();
        let (plain, role) = match words.as_slice() {
            ["plain"] => (true, own),
            ["join", code @ ..] if !code.is_empty() => (false, Role::Join(code.concat())),
            ["resume", code @ ..] if !code.is_empty() => (false, Role::Resume(code.concat())),
            _ => return None,
        };
        Some(Asked { plain, role })
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_plain_join_and_resume_only() {
        let asked = |command| Role::from_command(command, Role::Agent);
        assert_eq!(
            asked(" plain "),
            Some(Asked {
                plain: true,
                role: Role::Agent
            })
        );
        assert_eq!(
            asked("join K7P 2QX").map(|a| a.role),
            Some(Role::Join("K7P2QX".into()))
        );
        assert_eq!(
            asked("resume k7p-2qx").map(|a| a.role),
            Some(Role::Resume("k7p-2qx".into()))
        );
        for refused in ["", "join", "ls", "plain now", "bash -c join"] {
            assert_eq!(asked(refused), None, "{refused}");
        }
    }
}
