//! `signin-doctor graph`: the DOT of every shipped flow renders with the real Graphviz, the
//! Mermaid output has the promised structure and survives hostile labels, the command
//! works from the command line, and the README's copy of the built-in flow's diagram is
//! current.

#[path = "../common/mod.rs"]
mod common;

mod cli;
mod input;
mod mermaid;
mod svg;

use std::path::PathBuf;

use signin_doctor_core::flow::{Flow, load_str};

/// Every `*.yaml` under `flows/`, sorted.
pub fn shipped_flows() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("flows");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("flows/ is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no flows in {}", dir.display());
    files
}

/// A small flow with every node kind, and labels full of Mermaid and DOT syntax.
/// A small flow with every node kind, and labels full of Mermaid and DOT syntax.
pub const HOSTILE: &str = r#"
id: hostile
title: { en: 'Graph "test" [flow] --> x; y' }
start: ask
links:
  help: { url: "https://example.com/help", title: { en: "Help" } }
nodes:
  ask:
    kind: question
    text: { en: 'Say "hi"]) --> n9{x}; end | w # %%{init: {}}%% `c` <b>\N' }
    choices:
      - { label: { en: 'A "quoted" --> [label]; ok' }, next: try }
      - { label: { en: "Remedy" }, next: fix }
      - { label: { en: "Contact" }, next: call }
  try:
    kind: step
    title: { en: "Try it" }
    steps: [{ en: "Do it" }]
    links: [help]
    fixed: done
    not_fixed: call
  fix:
    kind: remedy
    title: { en: "Fix it" }
    steps: [{ en: "Do this" }]
    links: [help]
  call:
    kind: contact
    title: { en: "Call someone" }
    who: { en: "Your admin" }
    ask: { en: "A reset" }
    links: [help]
  done:
    kind: solved
    title: { en: "Solved" }
    links: [help]
"#;

/// The [`HOSTILE`] flow, loaded.
pub fn hostile() -> Flow {
    match load_str(HOSTILE, "hostile.yaml") {
        Ok(checked) => checked.flow,
        Err(error) => panic!("the hostile test flow should load:\n{error}"),
    }
}
