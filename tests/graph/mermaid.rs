//! The Mermaid output's structure: shapes per kind, labelled edges, the start, escaping.

use signin_doctor_core::export::mermaid;
use signin_doctor_core::flow::{EndingKind, NodeKind, load_built_in};
use signin_doctor_core::i18n::words;
use signin_doctor_core::lang::Lang;

use crate::hostile;

/// A Mermaid node definition: `nI` + opening brackets + `"label"` + closing brackets + `:::class`.
struct NodeLine {
    id: String,
    open: String,
    label: String,
    close: String,
}

fn node_line(line: &str) -> Option<NodeLine> {
    let line = line.trim();
    let id_end = line.find(|c: char| !c.is_ascii_alphanumeric())?;
    let (id, rest) = line.split_at(id_end);
    let quote = rest.find('"')?;
    let last = rest.rfind('"')?;
    if rest.starts_with(' ') || last == quote {
        return None;
    }
    Some(NodeLine {
        id: id.to_owned(),
        open: rest[..quote].to_owned(),
        label: rest[quote + 1..last].to_owned(),
        close: rest[last + 1..].to_owned(),
    })
}

fn expected_brackets(kind: &NodeKind) -> (&'static str, &'static str) {
    match kind {
        NodeKind::Question(_) => ("{", "}:::question"),
        NodeKind::Input(_) => ("[/", "/]:::input"),
        NodeKind::Step(_) => ("(", "):::step"),
        NodeKind::Ending(ending) => match ending.kind {
            EndingKind::Remedy => ("[[", "]]:::remedy"),
            EndingKind::Contact => ("{{", "}}:::contact"),
            EndingKind::Solved => ("((", ")):::solved"),
        },
    }
}

#[test]
fn mermaid_has_one_shaped_node_per_flow_node_and_one_edge_per_answer() {
    let flow = hostile();
    let text = mermaid(&flow, Lang::En);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "flowchart TD");

    // The start: a stadium with the title, pointing at the start node.
    assert_eq!(
        lines[1],
        r#"    start(["Graph #quot;test#quot; #91;flow#93; --#62; x#59; y"]):::start"#
    );
    assert_eq!(lines[2], format!("    start --> n{}", flow.start().index()));

    // One node definition per flow node, in file order, shaped by kind.
    let nodes: Vec<NodeLine> = lines[3..].iter().filter_map(|l| node_line(l)).collect();
    assert_eq!(nodes.len(), flow.nodes().len(), "{text}");
    for ((id, node), line) in flow.nodes().zip(&nodes) {
        assert_eq!(line.id, format!("n{}", id.index()));
        let (open, close) = expected_brackets(&node.kind);
        assert_eq!(
            (line.open.as_str(), line.close.as_str()),
            (open, close),
            "{}",
            node.key
        );
        assert!(
            !line
                .label
                .contains(['"', '[', ']', '{', '}', '|', '<', '>', '%', '`', '\\']),
            "unescaped syntax in {:?}",
            line.label
        );
    }
    // The hostile question is still one node, its text kept as entities.
    assert_eq!(
        nodes[0].label,
        "Say #quot;hi#quot;#93;) --#62; n9#123;x#125;#59; end #124; w #35; \
         #37;#37;#123;init: #123;#125;#125;#37;#37; #96;c#96; #60;b#62;#92;N"
    );

    // One edge per choice and per step answer, labelled, in file order.
    let edges: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.contains("-->|"))
        .collect();
    let yes = words(Lang::En).fixed;
    let no = words(Lang::En).not_fixed;
    assert_eq!(
        edges,
        [
            r#"    n0 -->|"A #quot;quoted#quot; --#62; #91;label#93;#59; ok"| n1"#.to_owned(),
            r#"    n0 -->|"Remedy"| n2"#.to_owned(),
            r#"    n0 -->|"Contact"| n3"#.to_owned(),
            format!(r#"    n1 -->|"{yes}"| n4"#),
            format!(r#"    n1 -->|"{no}"| n3"#),
        ]
    );

    // Nothing else: the title, 5 nodes, 5 edges and the 6 style classes.
    let classes = lines
        .iter()
        .filter(|l| l.trim_start().starts_with("classDef "))
        .count();
    assert_eq!(classes, 6);
    assert_eq!(
        lines.len(),
        3 + nodes.len() + edges.len() + classes,
        "{text}"
    );
}

#[test]
fn mermaid_of_the_built_in_flow_draws_every_node_and_answer() {
    let flow = load_built_in().expect("the built-in flow is valid").flow;
    for lang in Lang::ALL {
        let text = mermaid(&flow, lang);
        let nodes = text
            .lines()
            .filter_map(node_line)
            .filter(|n| n.id != "start");
        assert_eq!(nodes.count(), flow.nodes().len());
        let answers: usize = flow.nodes().map(|(_, node)| node.targets().len()).sum();
        assert_eq!(text.matches(" -->|\"").count(), answers);
    }
}
