//! The flow as a Graphviz DOT graph.

use super::{colours, edges, label};
use crate::flow::{Flow, Kind, NodeId};
use crate::lang::Lang;

/// Draws `flow` as a Graphviz `digraph`, with its text in `lang`.
///
/// Nodes are `n0`, `n1`… in file order, shaped and coloured by kind: question diamond,
/// input parallelogram, step rounded box, remedy note, contact hexagon, solved double oval. A `cds` shape
/// holding the flow's title points at the start node. Every label is a quoted, escaped
/// string, so no flow text can change the graph's structure.
pub fn dot(flow: &Flow, lang: Lang) -> String {
    let mut lines = vec![
        "digraph flow {".to_owned(),
        "    graph [rankdir=TB, fontname=\"Helvetica\"];".to_owned(),
        "    node [fontname=\"Helvetica\", style=filled, penwidth=1.5];".to_owned(),
        "    edge [fontname=\"Helvetica\", fontsize=10];".to_owned(),
    ];
    lines.push(format!(
        "    start [label=\"{}\", shape=cds, fillcolor=\"#f3f4f6\", color=\"#111827\", penwidth=3];",
        escape(&label(flow.title().get(lang)))
    ));
    lines.push(format!("    start -> {};", id(flow.start())));
    for (node_id, node) in flow.nodes() {
        let kind = Kind::of(node);
        let (fill, stroke) = colours(kind);
        lines.push(format!(
            "    {} [label=\"{}\", {}, fillcolor=\"{fill}\", color=\"{stroke}\", class=\"{}\"];",
            id(node_id),
            escape(&label(node.heading().get(lang))),
            attributes(kind),
            kind.name()
        ));
    }
    for edge in edges(flow, lang) {
        lines.push(format!(
            "    {} -> {} [label=\"{}\"];",
            id(edge.from),
            id(edge.to),
            escape(&edge.label)
        ));
    }
    lines.push("}".to_owned());
    lines.join("\n") + "\n"
}

fn id(node: NodeId) -> String {
    format!("n{}", node.index())
}

/// The shape attributes of a node, one shape per kind.
fn attributes(kind: Kind) -> &'static str {
    match kind {
        Kind::Question => "shape=diamond",
        Kind::Input => "shape=parallelogram",
        Kind::Step => "shape=box, style=\"rounded,filled\"",
        Kind::Remedy => "shape=note",
        Kind::Contact => "shape=hexagon",
        Kind::Solved => "shape=ellipse, peripheries=2",
    }
}

/// Makes text safe inside a quoted DOT string: `\` and `"` are escaped (so Graphviz's own
/// `\N`, `\l`… escapes cannot be formed either), line breaks and tabs become spaces, and
/// other control characters go.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() && c.is_whitespace() => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn quotes_and_backslashes_are_escaped() {
        assert_eq!(escape(r#"say "hi""#), r#"say \"hi\""#);
        assert_eq!(escape(r"C:\N\"), r"C:\\N\\");
        assert_eq!(escape(r#"\""#), r#"\\\""#);
        assert_eq!(escape("a -> b; }"), "a -> b; }");
    }

    #[test]
    fn control_characters_never_pass_through() {
        assert_eq!(escape("a\u{1b}[2J\nb\rc\u{7}\u{9b}d"), "a[2J b cd");
    }
}
