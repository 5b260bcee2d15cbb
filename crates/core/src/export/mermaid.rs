//! The flow as a Mermaid flowchart.

use super::{colours, edges, label};
use crate::flow::{Flow, Kind, NodeId};
use crate::lang::Lang;

/// Draws `flow` as a Mermaid flowchart (`flowchart TD`), with its text in `lang`.
///
/// Nodes are `n0`, `n1`… in file order, shaped by kind: question `{…}`, input `[/…/]`, step `(…)`,
/// remedy `[[…]]`, contact `{{…}}`, solved `((…))`. A stadium holding the flow's title
/// points at the start node. Every label is quoted and escaped, so no flow text can
/// change the diagram's structure.
pub fn mermaid(flow: &Flow, lang: Lang) -> String {
    let mut lines = vec!["flowchart TD".to_owned()];
    lines.push(format!(
        "    start([\"{}\"]):::start",
        escape(&label(flow.title().get(lang)))
    ));
    lines.push(format!("    start --> {}", id(flow.start())));
    for (node_id, node) in flow.nodes() {
        let kind = Kind::of(node);
        let (open, close) = brackets(kind);
        lines.push(format!(
            "    {}{open}\"{}\"{close}:::{}",
            id(node_id),
            escape(&label(node.heading().get(lang))),
            kind.name()
        ));
    }
    for edge in edges(flow, lang) {
        lines.push(format!(
            "    {} -->|\"{}\"| {}",
            id(edge.from),
            escape(&edge.label),
            id(edge.to)
        ));
    }
    // A style class for each kind the flow uses, so a flow without input questions
    // draws as it did before they existed.
    let used: Vec<Kind> = flow.nodes().map(|(_, node)| Kind::of(node)).collect();
    for kind in Kind::ALL.into_iter().filter(|kind| used.contains(kind)) {
        let (fill, stroke) = colours(kind);
        lines.push(format!(
            "    classDef {} fill:{fill},stroke:{stroke},color:#000000",
            kind.name()
        ));
    }
    lines.push(
        "    classDef start fill:#f3f4f6,stroke:#111827,stroke-width:3px,color:#000000".into(),
    );
    lines.join("\n") + "\n"
}

fn id(node: NodeId) -> String {
    format!("n{}", node.index())
}

/// The brackets around a node's label, one pair per kind.
fn brackets(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Question => ("{", "}"),
        Kind::Input => ("[/", "/]"),
        Kind::Step => ("(", ")"),
        Kind::Remedy => ("[[", "]]"),
        Kind::Contact => ("{{", "}}"),
        Kind::Solved => ("((", "))"),
    }
}

/// Makes text safe inside a quoted Mermaid label: `"` becomes `#quot;`, and every ASCII
/// character Mermaid could read as syntax (brackets, `|`, `;`, `#`, `%`, `<`, `>`,
/// `&`, backquote, `$`, backslash…) becomes a `#code;` entity, which Mermaid shows as the
/// character itself. Line breaks and tabs become spaces; other control characters go.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            c if c.is_control() && c.is_whitespace() => out.push(' '),
            c if c.is_control() => {}
            c if c.is_ascii_alphanumeric() || " .,:'!?()-/+=_*@~^".contains(c) => out.push(c),
            c if c.is_ascii() => out.push_str(&format!("#{};", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn syntax_characters_become_entities() {
        assert_eq!(escape(r#"say "hi""#), "say #quot;hi#quot;");
        assert_eq!(escape("a[b]{c}|d;e"), "a#91;b#93;#123;c#125;#124;d#59;e");
        assert_eq!(escape("x --> y"), "x --#62; y");
        assert_eq!(
            escape("%%{init: {}}%%"),
            "#37;#37;#123;init: #123;#125;#125;#37;#37;"
        );
        assert_eq!(
            escape("#quot; & <b>`$\\"),
            "#35;quot#59; #38; #60;b#62;#96;#36;#92;"
        );
    }

    #[test]
    fn control_characters_never_pass_through() {
        let escaped = escape("a\u{1b}[2J\nb\rc\u{7}\u{9b}d\u{0}");
        assert!(!escaped.chars().any(char::is_control), "{escaped:?}");
        assert_eq!(escaped, "a#91;2J b cd");
    }

    #[test]
    fn letters_and_ordinary_punctuation_stay_readable() {
        assert_eq!(
            escape("Geen toegang (meer)? Probeer dit…"),
            "Geen toegang (meer)? Probeer dit…"
        );
        assert_eq!(escape("I’m café-ready, 100%"), "I’m café-ready, 100#37;");
    }
}
