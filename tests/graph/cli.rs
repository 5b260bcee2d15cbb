//! `signin-doctor graph` from the command line, and the README's copy of its output.

use std::path::PathBuf;

use signin_doctor_core::export::{dot, mermaid};
use signin_doctor_core::flow::load_built_in;
use signin_doctor_core::lang::Lang;

use crate::HOSTILE;
use crate::common::binary;

#[test]
fn graph_command_prints_the_chosen_format_and_language() {
    let flow = load_built_in().expect("the built-in flow is valid").flow;
    let output = binary(&["graph", "--format", "dot", "--lang", "nl"])
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        dot(&flow, Lang::Nl)
    );

    let output = binary(&["--lang", "en", "graph"])
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        mermaid(&flow, Lang::En)
    );
}

#[test]
fn graph_of_an_invalid_flow_exits_2_with_diagnostics() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("broken.yaml");
    let broken = HOSTILE.replace("next: fix", "next: fxi");
    std::fs::write(&file, broken).expect("the broken flow is written");
    let output = binary(&["graph"])
        .arg(&file)
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty(), "no half graph on stdout");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("fxi"), "{stderr}");
}

const START_MARKER: &str = "<!-- flow-diagram:start -->";
const END_MARKER: &str = "<!-- flow-diagram:end -->";

#[test]
fn readme_diagram_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md is readable");
    let start = readme
        .find(START_MARKER)
        .unwrap_or_else(|| panic!("README.md has no {START_MARKER} line"))
        + START_MARKER.len();
    let end = readme[start..]
        .find(END_MARKER)
        .unwrap_or_else(|| panic!("README.md has no {END_MARKER} line after the start"))
        + start;
    let flow = load_built_in().expect("the built-in flow is valid").flow;
    let expected = format!("```mermaid\n{}```", mermaid(&flow, Lang::En));
    assert!(
        readme[start..end].trim() == expected,
        "README.md's flow diagram is stale: replace the block between {START_MARKER} and \
         {END_MARKER} with a ```mermaid fence around the output of \
         `cargo run -q -- graph --format mermaid --lang en`"
    );
}
