//! A malformed flow never panics: every kept fuzz finding and every file of the broken-flow
//! corpus is loaded again, and proptest throws YAML-shaped input at the loader. Whatever
//! loads must be a valid flow: every node that is led to reachable from the start, an ending reachable
//! from every node, every target in range, and every page drawable in both front ends.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use signin_doctor_core::flow::{Flow, NodeKind, load_bytes};
use signin_doctor_core::i18n::words;
use signin_doctor_core::lang::Lang;
use signin_doctor_core::page::Page;
use signin_doctor_core::session::Session;
use signin_doctor_tui::{Action, App, Options, update, view};

/// Every file under `dir`, recursively, in name order; nothing when it does not exist.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Asserts what the checker promises about a flow it let through, and draws every node.
fn assert_valid(flow: &Arc<Flow>, what: &str) {
    let count = flow.nodes().len();
    assert!(count > 0, "{what}: a loaded flow has nodes");
    assert!(flow.start().index() < count, "{what}: start in range");
    let mut forward: Vec<Vec<usize>> = vec![Vec::new(); count];
    let mut backward: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (id, node) in flow.nodes() {
        if let NodeKind::Question(question) = &node.kind {
            assert!(
                question.choices.len() >= 2,
                "{what}: '{}' has 2+ choices",
                node.key
            );
        }
        for target in node.targets() {
            assert!(
                target.index() < count,
                "{what}: target of '{}' in range",
                node.key
            );
            forward[id.index()].push(target.index());
            backward[target.index()].push(id.index());
        }
    }
    let reached = search(&forward, [flow.start().index()]);
    let endings = flow
        .nodes()
        .filter(|(_, node)| node.is_ending())
        .map(|(id, _)| id.index());
    let can_finish = search(&backward, endings);
    for (id, node) in flow.nodes() {
        // A node nothing else leads to is only a warning (W005); anything that is led to
        // must be reachable from the start.
        let led_to = backward[id.index()].iter().any(|&from| from != id.index());
        assert!(
            reached[id.index()] || !led_to,
            "{what}: '{}' is led to, so it must be reachable",
            node.key
        );
        assert!(
            can_finish[id.index()],
            "{what}: '{}' can reach an ending",
            node.key
        );
    }
    // Every page, in both languages, in plain mode and in the full-screen wizard.
    let mut terminal = Terminal::new(TestBackend::new(40, 12)).unwrap();
    for (id, _) in flow.nodes().take(64) {
        let mut session = Session::new(Arc::clone(flow));
        if id != flow.start() {
            session.jump(id).expect("any other node can be jumped to");
        }
        for lang in Lang::ALL {
            let page = Page::of(&session, lang);
            let text = signin_doctor_plain::render(&page, words(lang));
            assert!(
                !text.contains('\u{1b}'),
                "{what}: plain output has no escape"
            );
            let mut app = App::new(session.clone(), lang, &Options::default());
            update(&mut app, Action::Resize(40, 12));
            terminal.draw(|frame| view(frame, &app)).unwrap();
        }
    }
}

/// Which nodes a breadth-first search along `edges` from `from` finds.
fn search(edges: &[Vec<usize>], from: impl IntoIterator<Item = usize>) -> Vec<bool> {
    let mut seen = vec![false; edges.len()];
    let mut queue: VecDeque<usize> = from.into_iter().collect();
    for &node in &queue {
        seen[node] = true;
    }
    while let Some(node) = queue.pop_front() {
        for &next in &edges[node] {
            if !std::mem::replace(&mut seen[next], true) {
                queue.push_back(next);
            }
        }
    }
    seen
}

/// Loads `bytes`; a panic fails the test, and a flow that loads must be valid.
fn load_and_judge(bytes: &[u8], what: &str) -> bool {
    match load_bytes(bytes, "input.yaml") {
        Ok(checked) => {
            assert_valid(&checked.flow.shared(), what);
            true
        }
        Err(error) => {
            let message = error.to_string();
            assert!(!message.is_empty(), "{what}: an error says something");
            false
        }
    }
}

#[test]
fn every_kept_fuzz_finding_and_corpus_file_loads_or_is_refused_without_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for dir in ["fuzz/regressions", "fuzz/seeds", "tests/corpus", "flows"] {
        for file in files_under(&root.join(dir)) {
            let bytes = std::fs::read(&file).unwrap();
            load_and_judge(&bytes, &file.display().to_string());
            count += 1;
        }
    }
    assert!(count >= 5, "the replay found only {count} files");
}

#[test]
fn generated_flows_pass_the_same_judgement() {
    for nodes in [3, 10, 100] {
        let yaml = signin_doctor_core::generate::flow_yaml(nodes, 3);
        assert!(load_and_judge(
            yaml.as_bytes(),
            &format!("generated {nodes}")
        ));
    }
}

// ---------------------------------------------------------------------------------------
// YAML-shaped input

/// A YAML value to write out.
#[derive(Debug, Clone)]
enum Yaml {
    Scalar(String),
    Seq(Vec<Yaml>),
    Map(Vec<(String, Yaml)>),
}

const KEYS: &[&str] = &[
    "id",
    "version",
    "languages",
    "title",
    "start",
    "nodes",
    "links",
    "further_reading",
    "kind",
    "text",
    "help",
    "say",
    "choices",
    "label",
    "next",
    "steps",
    "fixed",
    "not_fixed",
    "who",
    "ask",
    "ready",
    "allow",
    "url",
    "en",
    "nl",
    "a",
    "b",
    "c",
    "end",
    "<<",
    "? x",
    "",
];

const SCALARS: &[&str] = &[
    "a",
    "b",
    "c",
    "end",
    "question",
    "step",
    "remedy",
    "contact",
    "solved",
    "same-target",
    "https://learn.microsoft.com/x",
    "http://example.com",
    "javascript:alert(1)",
    "1",
    "-1",
    "4294967296",
    "~",
    "null",
    "true",
    "",
    "en",
    "nl",
    "\u{1b}[2J",
    "\u{1b}]52;c;aGk=\u{7}",
    "\u{202e}abc",
    "a\u{200b}b",
    "日本語",
    "👩‍👩‍👧",
    "e\u{301}",
    "Ã©",
    "√x",
    "\u{0}",
    "\t",
    "\r\n",
    "\u{fffd}",
    "*a",
    "&a x",
    "!!binary aGk=",
    "[",
    "{",
    "'",
    "\"",
    ":",
    "- x",
    "#",
];

fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(SCALARS).prop_map(str::to_owned),
        1 => "\\PC{0,12}",
        1 => proptest::collection::vec(any::<char>(), 0..8).prop_map(|c| c.into_iter().collect()),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(KEYS).prop_map(str::to_owned),
        1 => scalar(),
    ]
}

fn yaml_value() -> impl Strategy<Value = Yaml> {
    let leaf = scalar().prop_map(Yaml::Scalar);
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Yaml::Seq),
            proptest::collection::vec((key(), inner), 0..7).prop_map(Yaml::Map),
        ]
    })
}

/// Writes a scalar as YAML: double-quoted with escapes, or plain (which may not parse).
fn write_scalar(out: &mut String, text: &str, plain: bool) {
    if plain {
        out.push_str(text);
        return;
    }
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Writes `value` in block style at `indent`, choosing plain or quoted scalars by `style`.
fn write_yaml(
    out: &mut String,
    value: &Yaml,
    indent: usize,
    style: &mut impl Iterator<Item = bool>,
) {
    let pad = " ".repeat(indent);
    match value {
        Yaml::Scalar(text) => {
            write_scalar(out, text, style.next().unwrap_or(false));
            out.push('\n');
        }
        Yaml::Seq(items) if items.is_empty() => out.push_str("[]\n"),
        Yaml::Map(entries) if entries.is_empty() => out.push_str("{}\n"),
        Yaml::Seq(items) => {
            out.push('\n');
            for item in items {
                out.push_str(&pad);
                out.push_str("- ");
                write_yaml(out, item, indent + 2, style);
            }
        }
        Yaml::Map(entries) => {
            out.push('\n');
            for (key, item) in entries {
                out.push_str(&pad);
                write_scalar(out, key, style.next().unwrap_or(false));
                out.push_str(": ");
                write_yaml(out, item, indent + 2, style);
            }
        }
    }
}

/// A flow-shaped document: the right top-level keys and node fields, with values that are
/// often right and sometimes wrong, so that some inputs load and most are refused.
fn flow_shaped() -> impl Strategy<Value = Yaml> {
    let ids = || proptest::sample::select(&["a", "b", "c", "end", "x"][..]).prop_map(str::to_owned);
    let text = || {
        prop_oneof![
            3 => (scalar(), scalar()).prop_map(|(en, nl)| Yaml::Map(vec![
                ("en".into(), Yaml::Scalar(en)),
                ("nl".into(), Yaml::Scalar(nl)),
            ])),
            3 => proptest::sample::select(&["Yes", "No", "Do it", "Ask"][..])
                .prop_map(|en| Yaml::Map(vec![("en".into(), Yaml::Scalar(en.into()))])),
            1 => yaml_value(),
        ]
    };
    let choice = (text(), ids()).prop_map(|(label, next)| {
        Yaml::Map(vec![
            ("label".into(), label),
            ("next".into(), Yaml::Scalar(next)),
        ])
    });
    let kind = proptest::sample::select(&["question", "step", "remedy", "contact", "solved"][..]);
    let node = (
        kind,
        text(),
        proptest::collection::vec(choice, 0..4),
        ids(),
        ids(),
        proptest::collection::vec(text(), 0..3),
        proptest::bool::ANY,
    )
        .prop_map(|(kind, text, choices, fixed, not_fixed, steps, links)| {
            let mut fields = vec![("kind".to_owned(), Yaml::Scalar(kind.to_owned()))];
            match kind {
                "question" => {
                    fields.push(("text".into(), text));
                    fields.push(("choices".into(), Yaml::Seq(choices)));
                }
                "step" => {
                    fields.push(("title".into(), text));
                    fields.push(("steps".into(), Yaml::Seq(steps)));
                    fields.push(("fixed".into(), Yaml::Scalar(fixed)));
                    fields.push(("not_fixed".into(), Yaml::Scalar(not_fixed)));
                }
                "contact" => {
                    fields.push(("title".into(), text.clone()));
                    fields.push(("who".into(), text.clone()));
                    fields.push(("ask".into(), text));
                }
                "remedy" => {
                    fields.push(("title".into(), text.clone()));
                    fields.push(("text".into(), text));
                }
                _ => fields.push(("title".into(), text)),
            }
            if links {
                fields.push(("links".into(), Yaml::Seq(vec![Yaml::Scalar("l".into())])));
            }
            Yaml::Map(fields)
        });
    let link_url = prop_oneof![
        4 => Just("https://learn.microsoft.com/partner-center".to_owned()),
        1 => scalar(),
    ];
    (
        proptest::collection::vec((ids(), node), 1..6),
        ids(),
        link_url,
        text(),
        proptest::option::of((key(), yaml_value())),
    )
        .prop_map(|(nodes, start, url, title, extra)| {
            let link = Yaml::Map(vec![
                ("url".into(), Yaml::Scalar(url)),
                ("title".into(), title.clone()),
            ]);
            let mut top = vec![
                ("id".to_owned(), Yaml::Scalar("prop".into())),
                ("title".into(), title),
                ("start".into(), Yaml::Scalar(start)),
                ("links".into(), Yaml::Map(vec![("l".into(), link)])),
                ("nodes".into(), Yaml::Map(nodes)),
            ];
            top.extend(extra);
            Yaml::Map(top)
        })
}

fn document(value: &Yaml, plain_style: &[bool]) -> String {
    let mut out = String::new();
    let mut style = plain_style.iter().copied();
    write_yaml(&mut out, value, 0, &mut style);
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_yaml_shaped_input_loads_valid_or_is_refused(
        value in yaml_value(),
        style in proptest::collection::vec(proptest::bool::weighted(0.3), 0..64),
    ) {
        let text = document(&value, &style);
        load_and_judge(text.as_bytes(), &format!("{text:?}"));
    }

    #[test]
    fn flow_shaped_input_loads_valid_or_is_refused(
        value in flow_shaped(),
        style in proptest::collection::vec(proptest::bool::weighted(0.05), 0..64),
    ) {
        let text = document(&value, &style);
        load_and_judge(text.as_bytes(), &format!("{text:?}"));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = load_bytes(&bytes, "bytes.yaml");
    }
}

/// Some flow-shaped inputs must load, or the property above tests only the refusals.
#[test]
fn flow_shaped_inputs_sometimes_load() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = flow_shaped();
    let loaded = (0..400)
        .filter(|_| {
            let value = strategy.new_tree(&mut runner).unwrap().current();
            load_and_judge(document(&value, &[]).as_bytes(), "flow-shaped")
        })
        .count();
    assert!(loaded > 0, "none of 400 flow-shaped inputs loaded");
}

/// A generated flow with every `next:` to a question misspelt: thousands of unknown
/// targets, each with a did-you-mean.
fn misspelt(nodes: usize) -> String {
    signin_doctor_core::generate::flow_yaml(nodes, 1).replace("next: ask-", "next: asx-")
}

/// A flow with thousands of typos is refused with every typo reported, but only the first
/// few get a did-you-mean: each suggestion compares the typo with every node id, so
/// suggesting for all of them would make refusing a large flow quadratic. (Its speed is
/// tracked by the `load_phases/check_typos` benchmark.)
#[test]
fn a_flow_with_many_typos_is_refused_with_a_bounded_number_of_suggestions() {
    let yaml = misspelt(1_000);
    let typos = yaml.matches("next: asx-").count();
    assert!(
        typos > 100,
        "the generated flow has {typos} misspelt targets"
    );
    let raw = signin_doctor_core::flow::parse(&yaml, "typos.yaml").unwrap();
    let diagnostics = signin_doctor_core::flow::check(&raw, "typos.yaml").expect_err("refused");
    let unknown: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.code == signin_doctor_core::flow::Code::UnknownTarget)
        .collect();
    assert_eq!(unknown.len(), typos, "every typo is reported");
    let suggested = unknown
        .iter()
        .filter(|d| {
            d.help
                .as_deref()
                .is_some_and(|h| h.starts_with("did you mean"))
        })
        .count();
    assert_eq!(
        suggested, 50,
        "the first 50 typos get a did-you-mean, the rest plain advice"
    );
}
