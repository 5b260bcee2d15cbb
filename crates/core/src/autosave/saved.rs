//! What an autosave file holds: enough to rebuild the session by node keys, and the notes
//! exactly as typed.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::flow::Flow;
use crate::lang::Lang;
use crate::session::{Author, MoveKind, Session};

/// The version of the save file format written by this program. Format 2 added the text
/// typed at input questions (`typed` on answers); a format 1 save has none and resumes
/// as it always did. Format 3 added who wrote each note (`author`); a note of an older
/// save counts as the agent's, so it is never shown to a partner.
pub const FORMAT: u32 = 3;

/// A session as saved to disk. Nodes are named by their keys, so a save survives a
/// program upgrade as long as the flow keeps them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSession {
    /// The save file format ([`FORMAT`]).
    pub format: u32,
    /// The flow walked.
    pub flow: SavedFlow,
    /// The language the session was shown in.
    pub language: String,
    /// When the session started.
    pub started: Timestamp,
    /// When it was saved.
    pub saved_at: Timestamp,
    /// The key of the node the user was at.
    pub current: String,
    /// The path, oldest first.
    pub moves: Vec<SavedMove>,
    /// The notes, as typed (the save file is private to the user).
    pub notes: Vec<SavedNote>,
    /// Every hand-off to an agent (absent from saves without one, and from older saves).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hand_offs: Vec<SavedHandOff>,
}

/// A hand-off to an agent, as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedHandOff {
    /// The code, as shown.
    pub code: String,
    /// The key of the node the session was at.
    pub node: String,
    /// When.
    pub at: Timestamp,
    /// Whether the agent joined live.
    pub live: bool,
}

/// Which flow a save belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedFlow {
    /// The flow's id.
    pub id: String,
    /// The flow's version.
    pub version: u32,
    /// A hash of the flow's content ([`flow_hash`]), to tell that it changed.
    pub hash: String,
}

/// One move of a saved path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SavedMove {
    /// Option `choice` (from 0) was picked at `node` and led to `next`.
    Answer {
        /// Where.
        node: String,
        /// Which option, from 0.
        choice: usize,
        /// Where it led.
        next: String,
        /// When.
        at: Timestamp,
        /// What was typed, for an answer at an input question (format 2 on).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        typed: Option<String>,
    },
    /// A jump from `from` to `to`.
    Jump {
        /// Where.
        from: String,
        /// Where to.
        to: String,
        /// When.
        at: Timestamp,
    },
}

/// A note as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedNote {
    /// The key of the node it was written at.
    pub node: String,
    /// The note.
    pub text: String,
    /// When.
    pub at: Timestamp,
    /// Who wrote it (format 3 on; older notes count as the agent's).
    #[serde(default)]
    pub author: Author,
}

impl SavedSession {
    /// The save of `session`, shown in `lang`, at time `now`.
    pub fn of(session: &Session, lang: Lang, now: Timestamp) -> SavedSession {
        let flow = session.flow();
        let key = |id| flow.node(id).key.clone();
        SavedSession {
            format: FORMAT,
            flow: SavedFlow {
                id: flow.id().to_owned(),
                version: flow.version(),
                hash: flow_hash(flow),
            },
            language: lang.code().to_owned(),
            started: session.started(),
            saved_at: now,
            current: key(session.current()),
            moves: session
                .path()
                .iter()
                .map(|step| match step.kind {
                    MoveKind::Answer(choice) => SavedMove::Answer {
                        node: key(step.node),
                        choice,
                        next: key(step.to),
                        at: step.at,
                        typed: step.typed.clone(),
                    },
                    MoveKind::Jump => SavedMove::Jump {
                        from: key(step.node),
                        to: key(step.to),
                        at: step.at,
                    },
                })
                .collect(),
            notes: session
                .notes()
                .iter()
                .map(|note| SavedNote {
                    node: key(note.node),
                    text: note.text.clone(),
                    at: note.at,
                    author: note.author,
                })
                .collect(),
            hand_offs: session
                .hand_offs()
                .iter()
                .map(|hand_off| SavedHandOff {
                    code: hand_off.code.clone(),
                    node: key(hand_off.node),
                    at: hand_off.at,
                    live: hand_off.live,
                })
                .collect(),
        }
    }

    /// The language saved, English if it is not one this program knows.
    pub fn lang(&self) -> Lang {
        self.language.parse().unwrap_or_default()
    }

    /// How many answers (not jumps) the saved path holds.
    pub fn answers(&self) -> usize {
        self.moves
            .iter()
            .filter(|m| matches!(m, SavedMove::Answer { .. }))
            .count()
    }
}

/// A short hash (16 hex digits of SHA-256) of everything a walk depends on: the flow's id,
/// version, start, nodes and links — not the file it was loaded from.
pub(crate) fn flow_hash(flow: &Flow) -> String {
    let digest = Sha256::digest(flow.canonical().as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}
