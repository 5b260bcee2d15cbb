//! The checked flow. Only the checker builds one, so every id in it resolves, every node
//! can reach an ending, and all required text is there: the rest of the program relies on it.

use std::sync::Arc;

use jiff::civil::Date;

use super::pattern::Matcher;
use super::text::Text;

/// The index of a node inside its [`Flow`]. Only the checker makes these, so they are
/// always in range for the flow they came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub(crate) usize);

impl NodeId {
    /// The position of the node in [`Flow::nodes`].
    pub fn index(self) -> usize {
        self.0
    }
}

/// The index of a link inside its [`Flow`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LinkId(pub(crate) usize);

/// A web page the flow points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The key the flow file uses for it.
    pub key: String,
    /// The full address.
    pub url: String,
    /// What the page is called.
    pub title: Text,
    /// When the address and title were last checked.
    pub reviewed: Option<Date>,
}

/// A checked decision graph, ready to walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flow {
    pub(crate) id: String,
    pub(crate) version: u32,
    pub(crate) source: String,
    pub(crate) title: Text,
    pub(crate) start: NodeId,
    pub(crate) nodes: Vec<Node>,
    pub(crate) links: Vec<Link>,
    pub(crate) further_reading: Vec<LinkId>,
    pub(crate) reviewed: Option<Date>,
}

impl Flow {
    /// The flow's stable identifier.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Everything a walk depends on, as text: the id, version, title, start, nodes and
    /// links — not the file it was loaded from. A save's flow hash is made from it.
    pub fn canonical(&self) -> String {
        format!(
            "{}\n{}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
            self.id,
            self.version,
            self.title,
            self.start,
            self.nodes,
            self.links,
            self.further_reading
        )
    }

    /// The flow's version number.
    pub fn version(&self) -> u32 {
        self.version
    }

    /// Where the flow came from (a file name, or the name of the built-in flow).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The flow's title.
    pub fn title(&self) -> &Text {
        &self.title
    }

    /// The first node.
    pub fn start(&self) -> NodeId {
        self.start
    }

    /// The node with this id.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0]
    }

    /// Every node, in file order.
    pub fn nodes(&self) -> impl ExactSizeIterator<Item = (NodeId, &Node)> {
        self.nodes
            .iter()
            .enumerate()
            .map(|(i, node)| (NodeId(i), node))
    }

    /// Finds a node by the key the flow file gives it.
    pub fn find(&self, key: &str) -> Option<NodeId> {
        self.nodes
            .iter()
            .position(|node| node.key == key)
            .map(NodeId)
    }

    /// The link with this id.
    pub fn link(&self, id: LinkId) -> &Link {
        &self.links[id.0]
    }

    /// Every link the flow defines, in the order of the file.
    pub fn links(&self) -> impl ExactSizeIterator<Item = &Link> {
        self.links.iter()
    }

    /// Links shown on every ending as further reading.
    pub fn further_reading(&self) -> impl Iterator<Item = &Link> {
        self.further_reading.iter().map(|id| self.link(*id))
    }

    /// When the flow's facts were last checked, if the flow says.
    pub fn reviewed(&self) -> Option<Date> {
        self.reviewed
    }

    /// When the facts of node `id` were last checked: its own date, else the flow's.
    pub fn reviewed_node(&self, id: NodeId) -> Option<Date> {
        self.node(id).reviewed.or(self.reviewed)
    }

    /// Wraps the flow for sharing between a session and a front end.
    pub fn shared(self) -> Arc<Flow> {
        Arc::new(self)
    }
}

/// One node of the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The key the flow file gives it.
    pub key: String,
    /// What the node does.
    pub kind: NodeKind,
    /// When its facts were last checked, if it says (see [`Flow::reviewed_node`]).
    pub reviewed: Option<Date>,
    /// The pages its facts come from.
    pub sources: Vec<LinkId>,
}

impl Node {
    /// The nodes one answer away, in answer order: a question's choices, a step's
    /// "fixed" then "not fixed", or an input's patterns then its "otherwise". Endings
    /// have none.
    pub fn targets(&self) -> Vec<NodeId> {
        match &self.kind {
            NodeKind::Question(question) => question.choices.iter().map(|c| c.next).collect(),
            NodeKind::Input(input) => input.targets().collect(),
            NodeKind::Step(step) => vec![step.fixed, step.not_fixed],
            NodeKind::Ending(_) => Vec::new(),
        }
    }

    /// Whether the walk stops here.
    pub fn is_ending(&self) -> bool {
        matches!(self.kind, NodeKind::Ending(_))
    }

    /// A short title for breadcrumbs and search: a step's or ending's title, or the question.
    pub fn heading(&self) -> &Text {
        match &self.kind {
            NodeKind::Question(question) => question.title.as_ref().unwrap_or(&question.text),
            NodeKind::Input(input) => input.title.as_ref().unwrap_or(&input.text),
            NodeKind::Step(step) => &step.title,
            NodeKind::Ending(ending) => &ending.title,
        }
    }
}

/// What a node does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKind {
    /// Asks something and branches on the answer.
    Question(Question),
    /// Something to try now, then "Did that fix it?".
    Step(Step),
    /// Asks the user to type something, and branches on what it matches.
    Input(Input),
    /// Where a walk ends.
    Ending(Ending),
}

/// A question with its answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// An optional short heading.
    pub title: Option<Text>,
    /// The question itself.
    pub text: Text,
    /// Extra explanation that helps to answer.
    pub help: Option<Text>,
    /// What a helpdesk agent says to the caller.
    pub say: Option<Text>,
    /// Two or more answers.
    pub choices: Vec<Choice>,
}

/// One answer of a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What the user picks.
    pub label: Text,
    /// The node it leads to.
    pub next: NodeId,
}

/// A question answered by typing (or pasting) text, such as an error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// An optional short heading.
    pub title: Option<Text>,
    /// The question itself.
    pub text: Text,
    /// Extra explanation that helps to answer.
    pub help: Option<Text>,
    /// What a helpdesk agent says to the caller.
    pub say: Option<Text>,
    /// Patterns tried in order; the first that matches decides.
    pub matches: Vec<Match>,
    /// Where to go when none matches, or nothing was typed.
    pub otherwise: NodeId,
    /// The patterns of `matches`, ready to match.
    pub matcher: Matcher,
}

/// One pattern of an input node and where it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The case-insensitive regular expression, as written in the flow file.
    pub pattern: String,
    /// The node it leads to.
    pub next: NodeId,
}

impl Input {
    /// Which answer `typed` gives, in [`Node::targets`] order: the index of the first
    /// matching pattern, or `matches.len()` for "otherwise". Blank text matches nothing.
    pub fn answer_for(&self, typed: &str) -> usize {
        if typed.trim().is_empty() {
            return self.matches.len();
        }
        self.matcher
            .first_match(typed)
            .unwrap_or(self.matches.len())
    }

    /// "Did you mean": when `typed` matches no pattern but one of its words is one
    /// character off exactly one code the patterns know (`AADST50053`), that code.
    pub fn did_you_mean(&self, typed: &str) -> Option<super::codes::Suggestion> {
        if self.answer_for(typed) != self.matches.len() {
            return None;
        }
        super::codes::suggest(self.matcher.codes(), typed)
    }

    /// The patterns' targets in order, then "otherwise".
    pub fn targets(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.matches
            .iter()
            .map(|m| m.next)
            .chain(std::iter::once(self.otherwise))
    }
}

/// Something the user tries now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The heading.
    pub title: Text,
    /// An optional introduction.
    pub text: Option<Text>,
    /// Extra explanation.
    pub help: Option<Text>,
    /// What a helpdesk agent says to the caller.
    pub say: Option<Text>,
    /// Numbered instructions.
    pub steps: Vec<Text>,
    /// Pages with more detail.
    pub links: Vec<LinkId>,
    /// Where to go when it worked.
    pub fixed: NodeId,
    /// Where to go when it did not.
    pub not_fixed: NodeId,
}

/// Which kind of ending a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EndingKind {
    /// What to do to fix it.
    Remedy,
    /// Who to contact.
    Contact,
    /// The problem is fixed.
    Solved,
}

/// Where a walk ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ending {
    /// Remedy, contact or solved.
    pub kind: EndingKind,
    /// The heading.
    pub title: Text,
    /// An explanation.
    pub text: Option<Text>,
    /// Who to contact and what to ask, for contact endings.
    pub contact: Option<Contact>,
    /// Numbered instructions.
    pub steps: Vec<Text>,
    /// Pages with more detail.
    pub links: Vec<LinkId>,
}

/// Who to contact, what to ask them for, and what to have ready.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// Who to contact.
    pub who: Text,
    /// What to ask them for.
    pub ask: Text,
    /// What to have ready.
    pub ready: Vec<Text>,
}
