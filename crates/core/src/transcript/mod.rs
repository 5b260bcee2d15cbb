//! The record of a session for a ticket (Markdown) and for machines (JSON).
//!
//! A [`Transcript`] is built once from a [`Session`]; everything in it is translated,
//! cleaned of control characters, and notes are masked ([`crate::secrets`]).

mod file;
mod labels;
mod markdown;

pub use file::{BadTarget, Written, check_target};
pub(crate) use file::{default_name, write_to};
pub use labels::labels;

use jiff::Timestamp;
use serde::Serialize;

use crate::flow::{Flow, Kind, NodeId, NodeKind};
use crate::i18n::words;
use crate::lang::Lang;
use crate::page::{answer_given, shown_typed};
use crate::sanitize::{clean, clean_line};
use crate::secrets::{MARKER, mask, shown};
use crate::session::{Author, Move, MoveKind, Session};

/// A session as a record: what was asked, answered, jumped to and noted, and where it ended.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Transcript {
    /// The flow walked.
    pub flow: FlowInfo,
    /// The language of the texts, e.g. `en`.
    pub language: String,
    /// The language the caller sees, when an agent records a partner's call in another
    /// language, e.g. `nl` (left out otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caller_language: Option<String>,
    /// When the session started.
    pub started: Timestamp,
    /// When the ending was reached, or when the transcript was made if none was.
    pub ended: Timestamp,
    /// Seconds from `started` to `ended`.
    pub duration_seconds: i64,
    /// Whether an ending was reached.
    pub finished: bool,
    /// Whether the ending reached is a "solved" ending.
    pub solved: bool,
    /// Where the session is: the ending, or the node it stopped at.
    pub current: NodeInfo,
    /// Every move of the path, in order (since the last restart).
    pub steps: Vec<StepRecord>,
    /// Every restart with the moves it gave up, oldest first (left out when there was none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub restarts: Vec<RestartRecord>,
    /// Every note, in the order written, masked.
    pub notes: Vec<NoteRecord>,
    /// Every hand-off to an agent, oldest first (left out when there was none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hand_offs: Vec<HandOffRecord>,
    /// The ending reached, if any.
    pub outcome: Option<Outcome>,
}

/// An agent taking the session over with a hand-off code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HandOffRecord {
    /// When.
    pub at: Timestamp,
    /// The code the partner gave.
    pub code: String,
    /// The node the session was at.
    pub node: String,
    /// That node's heading.
    pub node_title: String,
    /// Whether the agent joined while the partner was connected, seeing the same screens.
    pub live: bool,
}

/// The walk started again from the first question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestartRecord {
    /// When.
    pub at: Timestamp,
    /// The moves given up, in order.
    pub steps: Vec<StepRecord>,
}

/// Which flow, in which version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlowInfo {
    /// The flow's id.
    pub id: String,
    /// The flow's version.
    pub version: u32,
    /// The flow's title.
    pub title: String,
}

/// A node by key and heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NodeInfo {
    /// The key in the flow file.
    pub node: String,
    /// The heading shown for it.
    pub title: String,
}

/// One move of the path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StepRecord {
    /// A question or step answered.
    Answer {
        /// When.
        at: Timestamp,
        /// The key of the question or step.
        node: String,
        /// `question`, `input` or `step`.
        kind: Kind,
        /// The question asked (for a step: its title).
        question: String,
        /// The option picked, counted from 0 (for an input question: the pattern that
        /// matched, or the number of patterns for "otherwise").
        choice: usize,
        /// The option's text (for an input question: what was typed, masked, in quotes).
        answer: String,
        /// For an input question: what was typed, masked (possibly empty).
        #[serde(skip_serializing_if = "Option::is_none")]
        typed: Option<String>,
        /// For an input question: whether anything typed was masked.
        #[serde(skip_serializing_if = "Option::is_none")]
        masked: Option<bool>,
        /// The key of the node it led to.
        next: String,
    },
    /// A jump from one node to another.
    Jump {
        /// When.
        at: Timestamp,
        /// Where the jump was made.
        from: NodeInfo,
        /// Where it went.
        to: NodeInfo,
    },
}

/// A note, masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteRecord {
    /// When it was written.
    pub at: Timestamp,
    /// The node it was written at.
    pub node: String,
    /// That node's heading.
    pub node_title: String,
    /// The note, with secrets replaced by `crate::secrets::MARKER`.
    pub text: String,
    /// Whether anything was masked.
    pub masked: bool,
    /// Who wrote it: `agent` or `partner`.
    pub author: Author,
}

/// The ending reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// The ending's key.
    pub node: String,
    /// `remedy`, `contact` or `solved`.
    pub kind: Kind,
    /// Its heading.
    pub title: String,
    /// Its explanation.
    pub text: Option<String>,
    /// Who to contact and what to ask, for contact endings.
    pub contact: Option<ContactInfo>,
    /// Numbered instructions.
    pub steps: Vec<String>,
    /// The ending's links, then the flow's further reading.
    pub links: Vec<LinkInfo>,
}

/// Who to contact, what to ask for, what to have ready.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactInfo {
    /// Who to contact.
    pub who: String,
    /// What to ask them for.
    pub ask: String,
    /// What to have ready.
    pub ready: Vec<String>,
    /// What was typed on the way, to pass on (masked; blank answers left out).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub give_them_this: Vec<String>,
}

/// A web page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkInfo {
    /// What it is called.
    pub title: String,
    /// Its full address.
    pub url: String,
}

impl Transcript {
    /// The transcript of `session` in `lang`; `now` is the end time if no ending was reached.
    pub fn of(session: &Session, lang: Lang, now: Timestamp) -> Transcript {
        let flow = session.flow();
        let ended = session.ended().unwrap_or(now);
        let text = |t: &crate::flow::Text| clean(t.get(lang));
        let node_info = |id: NodeId| node_info(flow, id, lang);
        let steps = session
            .path()
            .iter()
            .map(|step| step_record(flow, step, lang))
            .collect();
        let restarts = session
            .restarts()
            .iter()
            .map(|restart| RestartRecord {
                at: restart.at,
                steps: restart
                    .path
                    .iter()
                    .map(|step| step_record(flow, step, lang))
                    .collect(),
            })
            .collect();
        let notes = session
            .notes()
            .iter()
            .map(|note| {
                // Notes are masked as written; masking again catches older saves.
                let (text, masked_now) = mask(&clean(&note.text));
                let masked = masked_now || text.contains(MARKER);
                let text = shown(&text, lang).into_owned();
                let info = node_info(note.node);
                NoteRecord {
                    at: note.at,
                    node: info.node,
                    node_title: info.title,
                    text,
                    masked,
                    author: note.author,
                }
            })
            .collect();
        let hand_offs = session
            .hand_offs()
            .iter()
            .map(|hand_off| {
                let info = node_info(hand_off.node);
                HandOffRecord {
                    at: hand_off.at,
                    code: clean_line(&hand_off.code),
                    node: info.node,
                    node_title: info.title,
                    live: hand_off.live,
                }
            })
            .collect();
        let outcome = session.outcome().map(|ending| Outcome {
            node: session.node().key.clone(),
            kind: ending.kind.into(),
            title: text(&ending.title),
            text: ending.text.as_ref().map(text),
            contact: ending.contact.as_ref().map(|c| ContactInfo {
                who: text(&c.who),
                ask: text(&c.ask),
                ready: c.ready.iter().map(text).collect(),
                give_them_this: session
                    .typed()
                    .map(|(_, typed)| shown_typed(typed).0)
                    .collect(),
            }),
            steps: ending.steps.iter().map(text).collect(),
            links: links(flow, &ending.links, lang),
        });
        Transcript {
            flow: FlowInfo {
                id: flow.id().to_owned(),
                version: flow.version(),
                title: clean_line(flow.title().get(lang)),
            },
            language: lang.code().to_owned(),
            caller_language: None,
            started: session.started(),
            ended,
            duration_seconds: ended.duration_since(session.started()).as_secs().max(0),
            finished: outcome.is_some(),
            solved: outcome.as_ref().is_some_and(|o| o.kind == Kind::Solved),
            current: node_info(session.current()),
            steps,
            restarts,
            notes,
            hand_offs,
            outcome,
        }
    }

    /// This transcript of a call whose caller sees `caller` (an agent's call of a partner's
    /// session): records the caller's language when it is not the transcript's.
    pub fn for_caller(mut self, caller: Option<Lang>) -> Transcript {
        self.caller_language = caller
            .filter(|caller| *caller != self.lang())
            .map(|caller| caller.code().to_owned());
        self
    }

    /// The caller's language, when it is recorded.
    pub fn caller_lang(&self) -> Option<Lang> {
        self.caller_language
            .as_deref()
            .and_then(|code| code.parse().ok())
    }

    /// The transcript as Markdown, ready to paste into a ticket.
    pub fn to_markdown(&self) -> String {
        markdown::render(self)
    }

    /// The transcript as pretty-printed JSON, ending in a line break.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("a transcript serializes");
        json.push('\n');
        json
    }

    /// The language the transcript was made in.
    pub fn lang(&self) -> Lang {
        self.language.parse().unwrap_or_default()
    }
}

/// The node `id` by key and heading in `lang`.
fn node_info(flow: &Flow, id: NodeId, lang: Lang) -> NodeInfo {
    NodeInfo {
        node: flow.node(id).key.clone(),
        title: clean_line(flow.node(id).heading().get(lang)),
    }
}

/// One move of a path as a record, in `lang`.
fn step_record(flow: &Flow, step: &Move, lang: Lang) -> StepRecord {
    let text = |t: &crate::flow::Text| clean(t.get(lang));
    match step.kind {
        MoveKind::Jump => StepRecord::Jump {
            at: step.at,
            from: node_info(flow, step.node, lang),
            to: node_info(flow, step.to, lang),
        },
        MoveKind::Answer(choice) => {
            let node = flow.node(step.node);
            let typed = step.typed.as_deref().map(shown_typed);
            let (kind, question, answer) = match &node.kind {
                NodeKind::Question(q) => (
                    Kind::Question,
                    text(&q.text),
                    answer_given(flow, step, lang),
                ),
                NodeKind::Input(input) => {
                    let answer = match &typed {
                        Some((shown, _)) if !shown.is_empty() => {
                            format!("\u{201c}{shown}\u{201d}")
                        }
                        _ => words(lang).nothing_typed.to_owned(),
                    };
                    (Kind::Input, text(&input.text), answer)
                }
                _ => (
                    Kind::Step,
                    clean_line(node.heading().get(lang)),
                    answer_word(choice, lang).to_owned(),
                ),
            };
            StepRecord::Answer {
                at: step.at,
                node: node.key.clone(),
                kind,
                question,
                choice,
                answer,
                masked: typed.as_ref().map(|(_, masked)| *masked),
                typed: typed.map(|(shown, _)| shown),
                next: flow.node(step.to).key.clone(),
            }
        }
    }
}

/// The words for a step's answer: "fixed" (0) or "not fixed".
fn answer_word(choice: usize, lang: Lang) -> &'static str {
    if choice == 0 {
        words(lang).fixed
    } else {
        words(lang).not_fixed
    }
}

/// The ending's links, then the flow's further reading, each address once.
fn links(flow: &Flow, own: &[crate::flow::LinkId], lang: Lang) -> Vec<LinkInfo> {
    let mut all: Vec<LinkInfo> = Vec::new();
    let every = own
        .iter()
        .map(|id| flow.link(*id))
        .chain(flow.further_reading());
    for link in every {
        if !all.iter().any(|l| l.url == link.url) {
            all.push(LinkInfo {
                title: clean_line(link.title.get(lang)),
                url: clean_line(&link.url),
            });
        }
    }
    all
}

#[cfg(test)]
mod tests;
