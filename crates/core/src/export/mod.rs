//! Pictures and descriptions of flows for flow authors: the graph as Mermaid or Graphviz
//! DOT, and the JSON Schema of the flow file format.

mod dot;
mod mermaid;
mod schema;

pub use dot::dot;
pub use mermaid::mermaid;
pub use schema::schema;

use crate::flow::{Flow, Kind, NodeId, NodeKind};
use crate::i18n::words;
use crate::lang::Lang;
use crate::sanitize::clean_line;

/// Labels longer than this many characters are cut and end in "…".
pub(crate) const MAX_LABEL_CHARS: usize = 60;

/// A graph format that `signin-doctor graph` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GraphFormat {
    /// A Mermaid flowchart (GitHub renders it in Markdown).
    #[default]
    Mermaid,
    /// Graphviz DOT, for `dot -Tsvg`.
    Dot,
}

impl GraphFormat {
    /// Draws `flow` in this format, with its text in `lang`.
    pub fn render(self, flow: &Flow, lang: Lang) -> String {
        match self {
            GraphFormat::Mermaid => mermaid(flow, lang),
            GraphFormat::Dot => dot(flow, lang),
        }
    }
}

/// The fill colour, then the border colour, of a node of `kind`: each kind has its own.
pub(crate) fn colours(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Question => ("#dbeafe", "#1e40af"),
        Kind::Input => ("#cffafe", "#155e75"),
        Kind::Step => ("#fef3c7", "#92400e"),
        Kind::Remedy => ("#dcfce7", "#166534"),
        Kind::Contact => ("#fae8ff", "#86198f"),
        Kind::Solved => ("#bbf7d0", "#15803d"),
    }
}

/// One arrow of the graph: an answer that leads from one node to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Edge {
    /// The node the answer is given at.
    pub from: NodeId,
    /// The node it leads to.
    pub to: NodeId,
    /// The answer, made one line by [`label`] (not yet escaped for a format).
    pub label: String,
}

/// Every answer of every node, in file order: a question's choices, an input's patterns
/// (as written) then "otherwise", and a step's "fixed" and "not fixed", in the words the
/// wizard shows for them.
pub(crate) fn edges(flow: &Flow, lang: Lang) -> Vec<Edge> {
    let mut edges = Vec::new();
    for (from, node) in flow.nodes() {
        let mut add = |to, text: &str| {
            edges.push(Edge {
                from,
                to,
                label: label(text),
            });
        };
        match &node.kind {
            NodeKind::Question(question) => {
                for choice in &question.choices {
                    add(choice.next, choice.label.get(lang));
                }
            }
            NodeKind::Input(input) => {
                for m in &input.matches {
                    add(m.next, &m.pattern);
                }
                add(input.otherwise, words(lang).otherwise);
            }
            NodeKind::Step(step) => {
                add(step.fixed, words(lang).fixed);
                add(step.not_fixed, words(lang).not_fixed);
            }
            NodeKind::Ending(_) => {}
        }
    }
    edges
}

/// Makes flow text fit one line of a graph: white space (line breaks and tabs too) made
/// single spaces, other control characters removed ([`clean_line`]), and cut to
/// [`MAX_LABEL_CHARS`] characters ending in "…".
pub(crate) fn label(text: &str) -> String {
    let line = clean_line(&text.replace(char::is_whitespace, " "))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if line.chars().count() <= MAX_LABEL_CHARS {
        return line;
    }
    let cut: String = line.chars().take(MAX_LABEL_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_one_clean_line() {
        assert_eq!(
            label("  two\nlines\tand\u{1b}[31m  red "),
            "two lines and[31m red"
        );
        assert_eq!(label("abc\u{202E}def"), "abcdef");
    }

    #[test]
    fn long_labels_are_cut_with_an_ellipsis() {
        let long = "word ".repeat(30);
        let cut = label(&long);
        assert!(cut.chars().count() <= MAX_LABEL_CHARS, "{cut}");
        assert!(cut.ends_with("word…") || cut.ends_with("wor…"), "{cut}");
        let exact = "x".repeat(MAX_LABEL_CHARS);
        assert_eq!(label(&exact), exact);
        let accents = "é".repeat(MAX_LABEL_CHARS + 1);
        assert_eq!(label(&accents).chars().count(), MAX_LABEL_CHARS);
    }
}
