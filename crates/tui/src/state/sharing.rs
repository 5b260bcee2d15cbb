//! Where a served wizard stands with hand-off and live sharing: a partner who may ask for
//! a code (and may have an agent with them), or an agent who joined a partner's session.

use crate::core::live::Presence;
use crate::i18n::sharing_words;
use crate::lang::Lang;

/// Hand-off and sharing, as the wizard on this screen sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Sharing {
    /// Not served (or not offered): no hand-off.
    #[default]
    Off,
    /// A partner over SSH, who may ask for a hand-off code.
    Partner {
        /// The code given, while it is not used yet.
        code: Option<String>,
        /// Whether an agent is with them now.
        agent: bool,
    },
    /// An agent in a partner's live session.
    Agent {
        /// Whether the partner is still connected.
        partner: bool,
    },
}

impl Sharing {
    /// Whether the user may ask for a hand-off code: a partner with no agent with them
    /// (one agent at a time).
    pub(crate) fn can_hand_off(&self) -> bool {
        matches!(self, Sharing::Partner { agent: false, .. })
    }

    /// Whether this is a served partner's wizard (hand-off and sharing keys are theirs).
    pub fn partner(&self) -> bool {
        matches!(self, Sharing::Partner { .. })
    }

    /// Whether an agent is with the partner now.
    pub fn agent_present(&self) -> bool {
        matches!(self, Sharing::Partner { agent: true, .. })
    }

    /// Takes in what happened on the other side.
    pub fn apply(&mut self, presence: Presence) {
        match (self, presence) {
            (Sharing::Partner { code, agent }, Presence::AgentJoined) => {
                *agent = true;
                // The code is used now.
                *code = None;
            }
            (Sharing::Partner { agent, .. }, Presence::AgentLeft) => *agent = false,
            (Sharing::Agent { partner }, Presence::PartnerLeft | Presence::SharingEnded) => {
                *partner = false;
            }
            _ => {}
        }
    }

    /// The line that stays on screen while sharing: who is with whom, or the code given.
    pub fn line(&self, lang: Lang) -> Option<String> {
        let words = sharing_words(lang);
        match self {
            Sharing::Partner { agent: true, .. } => Some(words.agent_with_you.to_owned()),
            Sharing::Partner {
                code: Some(code), ..
            } => Some(words.code_line(code)),
            Sharing::Agent { partner: true } => Some(words.partner_with_you.to_owned()),
            _ => None,
        }
    }

    /// The key hint to add: a hand-off code, or ending the sharing. `input`: at a
    /// question answered by typing, where letters type.
    pub fn hint(&self, lang: Lang, input: bool) -> Option<&'static str> {
        let words = sharing_words(lang);
        match self {
            Sharing::Partner { agent: true, .. } if !input => Some(words.end_sharing_hint),
            Sharing::Partner { agent: false, .. } if input => Some(words.hand_off_input_hint),
            Sharing::Partner { agent: false, .. } => Some(words.hand_off_hint),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partners_code_shows_until_an_agent_joins_and_x_is_offered_while_they_are_there() {
        let mut sharing = Sharing::Partner {
            code: Some("K7P-2QX".into()),
            agent: false,
        };
        assert!(sharing.line(Lang::En).unwrap().contains("K7P-2QX"));
        assert_eq!(sharing.hint(Lang::En, false), Some("h hand to agent"));
        sharing.apply(Presence::AgentJoined);
        assert!(sharing.agent_present());
        assert!(!sharing.can_hand_off(), "one agent at a time");
        assert!(sharing.line(Lang::Nl).unwrap().contains("medewerker"));
        assert_eq!(sharing.hint(Lang::En, false), Some("x stop sharing"));
        sharing.apply(Presence::AgentLeft);
        assert_eq!(
            sharing.line(Lang::En),
            None,
            "the used code is not shown again"
        );
        assert_eq!(Sharing::Off.hint(Lang::En, false), None);
    }
}
