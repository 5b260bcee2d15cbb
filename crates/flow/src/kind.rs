//! What kind a node is — the one list of kinds that the flow file's `kind:` field, the
//! page a front end draws, the graph's shapes and the transcript's records all use.

use serde::{Deserialize, Serialize};

use super::model::{EndingKind, Node, NodeKind};
use crate::i18n::Words;

/// The kind of a node, from its `kind:` field.
//
// Read and written as its lower-case name (`question`); the serde name `RawKind` is the one
// the published JSON Schema (`schema/flow.schema.json`) and the reader's messages use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename = "RawKind", rename_all = "lowercase")]
pub enum Kind {
    /// Asks something and branches on the answer.
    Question,
    /// Something to try now, followed by "Did that fix it?".
    Step,
    /// Ending: what to do.
    Remedy,
    /// Ending: who to contact.
    Contact,
    /// Ending: the problem is fixed.
    Solved,
    /// Asks the user to type or paste something, and branches on what it matches.
    Input,
}

impl Kind {
    /// Every kind, in the order a legend lists them: questions, steps, then endings.
    pub const ALL: [Kind; 6] = [
        Kind::Question,
        Kind::Input,
        Kind::Step,
        Kind::Remedy,
        Kind::Contact,
        Kind::Solved,
    ];

    /// The kind of a checked node.
    pub fn of(node: &Node) -> Kind {
        match &node.kind {
            NodeKind::Question(_) => Kind::Question,
            NodeKind::Input(_) => Kind::Input,
            NodeKind::Step(_) => Kind::Step,
            NodeKind::Ending(ending) => ending.kind.into(),
        }
    }

    /// The name as written in the file, in records and in logs (`question`, `solved`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Question => "question",
            Kind::Step => "step",
            Kind::Remedy => "remedy",
            Kind::Contact => "contact",
            Kind::Solved => "solved",
            Kind::Input => "input",
        }
    }

    /// Whether a walk ends at a node of this kind.
    pub fn is_ending(self) -> bool {
        matches!(self, Kind::Remedy | Kind::Contact | Kind::Solved)
    }

    /// The kind's name in the interface language.
    pub fn label(self, words: &Words) -> &'static str {
        match self {
            Kind::Question => words.question,
            Kind::Input => words.input,
            Kind::Step => words.step,
            Kind::Remedy => words.remedy,
            Kind::Contact => words.contact,
            Kind::Solved => words.solved,
        }
    }
}

impl From<EndingKind> for Kind {
    fn from(kind: EndingKind) -> Kind {
        match kind {
            EndingKind::Remedy => Kind::Remedy,
            EndingKind::Contact => Kind::Contact,
            EndingKind::Solved => Kind::Solved,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_is_written_as_its_name() {
        for kind in Kind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.name()));
        }
        assert_eq!(Kind::ALL.iter().filter(|kind| kind.is_ending()).count(), 3);
    }
}
