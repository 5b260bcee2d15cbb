//! Questions answered by typing in both graph formats: their own shape, one edge per
//! pattern labelled with the pattern as written (escaped), and an "otherwise" edge.

use signin_doctor_core::export::{dot, mermaid};
use signin_doctor_core::flow::load_str;
use signin_doctor_core::lang::Lang;

/// An input question whose patterns are full of Mermaid and DOT syntax.
const TYPED: &str = r#"
id: typed
title: { en: "Typed", nl: "Getypt" }
start: code
nodes:
  code:
    kind: input
    text: { en: "The code?", nl: "De code?" }
    matches:
      - { pattern: '\b50053\b', next: locked }
      - { pattern: '"x"|[a-z]{2};#%% --> \d', next: odd }
    otherwise: locked
  locked:
    kind: solved
    title: { en: "Locked" }
  odd:
    kind: solved
    title: { en: "Odd" }
"#;

#[test]
fn mermaid_draws_input_questions_with_pattern_and_otherwise_edges() {
    let flow = load_str(TYPED, "typed.yaml").unwrap().flow;
    let text = mermaid(&flow, Lang::En);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines.contains(&r#"    n0[/"The code?"/]:::input"#),
        "{text}"
    );
    assert!(
        lines.contains(&r##"    n0 -->|"#92;b50053#92;b"| n1"##),
        "{text}"
    );
    assert!(
        lines.contains(
            &r##"    n0 -->|"#quot;x#quot;#124;#91;a-z#93;#123;2#125;#59;#35;#37;#37; --#62; #92;d"| n2"##
        ),
        "{text}"
    );
    assert!(lines.contains(&r#"    n0 -->|"otherwise"| n1"#), "{text}");
    assert!(
        lines.iter().any(|l| l.starts_with("    classDef input ")),
        "{text}"
    );
    assert!(
        !lines.iter().any(|l| l.starts_with("    classDef step ")),
        "only the kinds the flow uses get a style class:\n{text}"
    );
    let dutch = mermaid(&flow, Lang::Nl);
    assert!(dutch.contains(r#"    n0 -->|"anders"| n1"#), "{dutch}");
}

#[test]
fn dot_draws_input_questions_with_pattern_and_otherwise_edges() {
    let flow = load_str(TYPED, "typed.yaml").unwrap().flow;
    let text = dot(&flow, Lang::En);
    assert!(text.contains("shape=parallelogram"), "{text}");
    assert!(
        text.contains(r#"    n0 -> n1 [label="\\b50053\\b"];"#),
        "{text}"
    );
    assert!(
        text.contains(r#"    n0 -> n2 [label="\"x\"|[a-z]{2};#%% --> \\d"];"#),
        "{text}"
    );
    assert!(
        text.contains(r#"    n0 -> n1 [label="otherwise"];"#),
        "{text}"
    );
    assert!(dot(&flow, Lang::Nl).contains(r#"    n0 -> n1 [label="anders"];"#));
}
