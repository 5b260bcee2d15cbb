//! One case per checker rule: a small valid flow is broken in one place, and the checker
//! must name the rule, the file and the node.

use signin_doctor_core::flow::{Code, Diagnostic, LoadError, load_str};

const FILE: &str = "case.yaml";

const VALID: &str = r#"
id: t
version: 1
languages: [en, nl]
title: { en: "T", nl: "T" }
start: first
links:
  help-page: { url: "https://example.com/help", title: { en: "Help", nl: "Hulp" } }
nodes:
  first:
    kind: question
    text: { en: "Q?", nl: "V?" }
    choices:
      - { label: { en: "A", nl: "A" }, next: try-it }
      - { label: { en: "B", nl: "B" }, next: ask-admin }
  try-it:
    kind: step
    title: { en: "Try", nl: "Probeer" }
    steps: [ { en: "Do it", nl: "Doe het" } ]
    links: [help-page]
    fixed: done
    not_fixed: ask-admin
  ask-admin:
    kind: contact
    title: { en: "Admin", nl: "Beheerder" }
    who: { en: "Your admin", nl: "Uw beheerder" }
    ask: { en: "A reset", nl: "Een reset" }
    links: [help-page]
  done:
    kind: solved
    title: { en: "Done", nl: "Klaar" }
"#;

/// Two nodes nothing from the start leads to: `island` is referred to by nothing,
/// `island-end` only by `island`.
const ISLAND: &str = r#"  island:
    kind: question
    text: { en: "I?", nl: "E?" }
    choices:
      - { label: { en: "1", nl: "1" }, next: island-end }
      - { label: { en: "2", nl: "2" }, next: done }
  island-end:
    kind: solved
    title: { en: "O", nl: "O" }
"#;

/// An input question the flow with input starts at.
const INPUT_NODE: &str = r#"  error-code:
    kind: input
    text: { en: "The code?", nl: "De code?" }
    reviewed: 2026-11-26
    sources: [help-page]
    matches:
      - { pattern: '\b50053\b', next: first }
      - { pattern: 'locked', next: ask-admin }
    otherwise: try-it
"#;

/// The valid flow, started at an input question.
fn valid_with_input() -> String {
    format!(
        "reviewed: 2026-11-26\n{}{INPUT_NODE}",
        VALID.replacen("start: first", "start: error-code", 1)
    )
}

/// The flow with an input question, with `from` replaced by `to` (which must occur).
fn broken_input(from: &str, to: &str) -> String {
    let valid = valid_with_input();
    assert!(
        valid.contains(from),
        "test setup: '{from}' is not in the valid flow"
    );
    valid.replacen(from, to, 1)
}

/// The flow with `from` replaced by `to` (which must occur).
fn broken(from: &str, to: &str) -> String {
    assert!(
        VALID.contains(from),
        "test setup: '{from}' is not in the valid flow"
    );
    VALID.replacen(from, to, 1)
}

fn diagnostics(yaml: &str) -> Vec<Diagnostic> {
    match load_str(yaml, FILE) {
        Ok(checked) => checked.warnings,
        Err(LoadError::Invalid(diagnostics)) => diagnostics,
        Err(other) => panic!("unexpected load error: {other}"),
    }
}

struct Case {
    name: &'static str,
    yaml: String,
    code: Code,
    node: Option<&'static str>,
    says: &'static str,
}

fn cases() -> Vec<Case> {
    let case = |name, yaml: String, code, node, says| Case {
        name,
        yaml,
        code,
        node,
        says,
    };
    let loop_nodes = r#"
  loop-a:
    kind: question
    text: { en: "Loop A", nl: "Lus A" }
    choices:
      - { label: { en: "1", nl: "1" }, next: loop-b }
      - { label: { en: "2", nl: "2" }, next: loop-b }
  loop-b:
    kind: question
    text: { en: "Loop B", nl: "Lus B" }
    choices:
      - { label: { en: "1", nl: "1" }, next: loop-a }
      - { label: { en: "2", nl: "2" }, next: loop-a }
"#;
    vec![
        case(
            "unknown start",
            broken("start: first", "start: frist"),
            Code::UnknownStart,
            None,
            "did you mean 'first'",
        ),
        case(
            "unknown next",
            broken("next: try-it", "next: tryit"),
            Code::UnknownTarget,
            Some("first"),
            "did you mean 'try-it'",
        ),
        case(
            "unknown fixed",
            broken("fixed: done", "fixed: dune"),
            Code::UnknownTarget,
            Some("try-it"),
            "'fixed' names the unknown node 'dune'",
        ),
        case(
            "duplicate id",
            format!("{VALID}  done:\n    kind: solved\n    title: {{ en: \"Again\" }}\n"),
            Code::DuplicateId,
            Some("done"),
            "defined more than once",
        ),
        case(
            "unreachable",
            format!("{VALID}{ISLAND}"),
            Code::Unreachable,
            Some("island-end"),
            "no path from the start",
        ),
        case(
            "unreferenced",
            format!("{VALID}{ISLAND}"),
            Code::Unreferenced,
            Some("island"),
            "nothing leads to this node",
        ),
        case(
            "cycle with no way out",
            broken("not_fixed: ask-admin", "not_fixed: loop-a") + loop_nodes,
            Code::NoWayOut,
            Some("loop-a"),
            "cycle with no way out (loop-a → loop-b)",
        ),
        case(
            "too few choices",
            broken(
                "      - { label: { en: \"B\", nl: \"B\" }, next: ask-admin }\n",
                "",
            ),
            Code::TooFewChoices,
            Some("first"),
            "at least 2 choices",
        ),
        case(
            "unknown link",
            broken(
                "links: [help-page]\n    fixed",
                "links: [help-pgae]\n    fixed",
            ),
            Code::UnknownLink,
            Some("try-it"),
            "did you mean 'help-page'",
        ),
        case(
            "missing English",
            broken(
                "title: { en: \"Done\", nl: \"Klaar\" }",
                "title: { nl: \"Klaar\" }",
            ),
            Code::MissingEnglish,
            Some("done"),
            "'title' has no English",
        ),
        case(
            "control character",
            broken("text: { en: \"Q?\"", "text: { en: \"Q?\\e[2J\""),
            Code::ControlCharacter,
            Some("first"),
            "U+001B",
        ),
        case(
            "missing field",
            broken(
                "    who: { en: \"Your admin\", nl: \"Uw beheerder\" }\n",
                "",
            ),
            Code::MissingField,
            Some("ask-admin"),
            "needs 'who'",
        ),
        case(
            "ending with choices",
            broken(
                "title: { en: \"Done\", nl: \"Klaar\" }",
                "title: { en: \"Done\", nl: \"Klaar\" }\n    choices: []",
            ),
            Code::UnusedField,
            Some("done"),
            "a solved node has no 'choices'",
        ),
        case(
            "unusable url",
            broken("https://example.com/help", "ftp example"),
            Code::BadUrl,
            None,
            "unusable address",
        ),
        case(
            "missing translation",
            broken(
                "title: { en: \"Done\", nl: \"Klaar\" }",
                "title: { en: \"Done\" }",
            ),
            Code::MissingTranslation,
            Some("done"),
            "no 'nl' translation",
        ),
        case(
            "yaml syntax",
            broken(
                "text: { en: \"Q?\", nl: \"V?\" }",
                "text: { en: \"Q?\", nl: \"V?\"",
            ),
            Code::Syntax,
            None,
            "case.yaml:",
        ),
        case(
            "unknown field",
            broken("    kind: solved\n", "    kind: solved\n    titel: red\n"),
            Code::UnknownField,
            Some("done"),
            "did you mean `title`?",
        ),
        case(
            "bad pattern",
            broken_input("'locked'", "'(locked'"),
            Code::BadPattern,
            Some("error-code"),
            "matches[2].pattern '(locked': it is not a valid regular expression: unclosed group",
        ),
        case(
            "pattern too big",
            broken_input("'locked'", "'\\w{1000}'"),
            Code::BadPattern,
            Some("error-code"),
            "compiles to more than 256 KiB",
        ),
        case(
            "missing otherwise",
            broken_input("    otherwise: try-it\n", ""),
            Code::MissingField,
            Some("error-code"),
            "an input node needs 'otherwise'",
        ),
        case(
            "unknown target in matches",
            broken_input("next: first }", "next: frist }"),
            Code::UnknownTarget,
            Some("error-code"),
            "'matches[1].next' names the unknown node 'frist'",
        ),
        case(
            "unknown otherwise",
            broken_input("otherwise: try-it", "otherwise: tryit"),
            Code::UnknownTarget,
            Some("error-code"),
            "did you mean 'try-it'",
        ),
        case(
            "input with choices",
            broken_input(
                "    otherwise: try-it\n",
                "    otherwise: try-it\n    choices: []\n",
            ),
            Code::UnusedField,
            Some("error-code"),
            "an input node has no 'choices'",
        ),
        case(
            "unknown source",
            broken_input("sources: [help-page]", "sources: [help-pgae]"),
            Code::UnknownLink,
            Some("error-code"),
            "'sources[1]' names the unknown link 'help-pgae'",
        ),
        case(
            "bad node date",
            broken_input("    reviewed: 2026-11-26\n", "    reviewed: 2026-02-30\n"),
            Code::BadDate,
            Some("error-code"),
            "'2026-02-30' is not a date written as YYYY-MM-DD",
        ),
        case(
            "bad flow date",
            broken_input("reviewed: 2026-11-26\n", "reviewed: 26/11/2026\n"),
            Code::BadDate,
            None,
            "'26/11/2026' is not a date",
        ),
        case(
            "wrong type",
            broken(
                "    steps: [ { en: \"Do it\", nl: \"Doe het\" } ]",
                "    steps: 3",
            ),
            Code::Syntax,
            Some("try-it"),
            "steps: invalid type",
        ),
    ]
}

#[test]
fn the_valid_flow_has_no_problems() {
    assert_eq!(diagnostics(VALID), Vec::new());
    assert_eq!(diagnostics(&valid_with_input()), Vec::new());
}

#[test]
fn an_input_question_with_no_patterns_is_refused() {
    let valid = valid_with_input();
    let from = valid
        .find("    matches:\n")
        .expect("the input node's patterns");
    let to = valid.find("    otherwise:").expect("its otherwise");
    let found = diagnostics(&format!(
        "{}    matches: []\n{}",
        &valid[..from],
        &valid[to..]
    ));
    assert!(
        found.iter().any(|d| d.code == Code::MissingField
            && d.message.contains("at least one entry in 'matches'")),
        "{}",
        render(&found)
    );
}

#[test]
fn the_graph_rules_reach_through_input_questions() {
    // `first` is reached only through a pattern, the island only through `otherwise`.
    let island = broken_input("otherwise: try-it", "otherwise: island") + ISLAND;
    assert_eq!(diagnostics(&island), Vec::new());
    // An input question whose every way leads back to itself has no way out.
    let trapped = broken_input("next: first }", "next: error-code }")
        .replacen("'locked', next: ask-admin", "'locked', next: error-code", 1)
        .replacen("otherwise: try-it", "otherwise: error-code", 1);
    let found = diagnostics(&trapped);
    assert!(
        found
            .iter()
            .any(|d| d.code == Code::NoWayOut && d.node.as_deref() == Some("error-code")),
        "{}",
        render(&found)
    );
}

#[test]
fn every_rule_names_its_code_file_and_node() {
    for case in cases() {
        let found = diagnostics(&case.yaml);
        let hit = found
            .iter()
            .find(|d| d.code == case.code)
            .unwrap_or_else(|| {
                panic!(
                    "{}: expected {:?}, got:\n{}",
                    case.name,
                    case.code,
                    render(&found)
                )
            });
        let text = hit.to_string();
        assert!(
            text.contains(FILE),
            "{}: the message does not name the file: {text}",
            case.name
        );
        assert!(
            text.contains(case.code.as_str()),
            "{}: no code in: {text}",
            case.name
        );
        assert!(
            text.contains(case.says),
            "{}: '{}' missing from: {text}",
            case.name,
            case.says
        );
        match case.node {
            Some(node) => assert!(
                text.contains(&format!("node '{node}'")),
                "{}: the message does not name node '{node}': {text}",
                case.name
            ),
            None => assert_eq!(hit.node, None, "{}", case.name),
        }
    }
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let found = diagnostics(&broken(
        "    kind: solved\n",
        "    kind: solved\n    colour: red\n",
    ));
    let location = found[0].location.expect("a YAML error has a location");
    let line = VALID.lines().position(|l| l.contains("Klaar")).unwrap() + 1;
    assert_eq!(
        (location.line, location.column),
        (line, 5),
        "points at `colour`, inserted above the title"
    );
    assert!(
        found[0]
            .to_string()
            .starts_with(&format!("error[E015]: {FILE}:{}:5", location.line))
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let yaml = broken("next: try-it", "next: tryit").replacen("fixed: done", "fixed: dune", 1);
    let found = diagnostics(&yaml);
    let targets = found
        .iter()
        .filter(|d| d.code == Code::UnknownTarget)
        .count();
    assert_eq!(
        targets,
        2,
        "both unknown targets reported:\n{}",
        render(&found)
    );
    // Nothing leads to try-it any more from `first` (its only way in was misspelt).
    assert!(
        found
            .iter()
            .any(|d| d.code == Code::Unreferenced && d.node.as_deref() == Some("try-it"))
    );
}

#[test]
fn warnings_alone_do_not_refuse_the_flow() {
    let yaml = broken(
        "title: { en: \"Done\", nl: \"Klaar\" }",
        "title: { en: \"Done\" }",
    );
    let checked = load_str(&yaml, FILE).expect("a missing translation is only a warning");
    assert_eq!(checked.warnings.len(), 1);
}

#[test]
fn empty_and_comment_only_files_are_refused_clearly() {
    for text in ["", "# only a comment\n\n"] {
        let found = diagnostics(text);
        assert_eq!(found[0].code, Code::Syntax);
        assert!(found[0].message.contains("holds no flow"), "{}", found[0]);
    }
}

fn render(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(|d| format!("{d}\n")).collect()
}
