//! The DOT output is valid Graphviz: rendered to SVG by the real `dot`.

use std::io::Write;
use std::process::{Command, Stdio};

use signin_doctor_core::export::dot;
use signin_doctor_core::flow::{Flow, load_path};
use signin_doctor_core::lang::Lang;

use crate::{hostile, shipped_flows};

/// Runs `dot -Tsvg` on `source`; `None` when Graphviz is not installed (and CI is not set).
fn render_svg(source: &str) -> Option<String> {
    let child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(error) if std::env::var_os("CI").is_some() => {
            panic!("Graphviz `dot` is required in CI (apt-get install graphviz): {error}")
        }
        Err(error) => {
            eprintln!("note: skipping the Graphviz check, `dot` is not installed: {error}");
            return None;
        }
    };
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(source.as_bytes())
        .expect("dot reads its input");
    let output = child.wait_with_output().expect("dot runs");
    assert!(
        output.status.success(),
        "dot -Tsvg failed ({}):\n{}\n--- input ---\n{source}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "dot -Tsvg warned:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8(output.stdout).expect("dot writes UTF-8"))
}

/// Asserts that `svg` is an SVG holding every node of `flow` and the start node's label.
fn assert_svg_draws(svg: &str, flow: &Flow, lang: Lang, what: &str) {
    assert!(svg.contains("<svg"), "{what}: no <svg> element");
    for (id, _) in flow.nodes() {
        let title = format!("<title>n{}</title>", id.index());
        assert!(
            svg.contains(&title),
            "{what}: node n{} is missing",
            id.index()
        );
    }
    let heading = flow.node(flow.start()).heading().get(lang);
    let first_word: String = heading
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    assert!(!first_word.is_empty(), "{what}: start heading {heading:?}");
    assert!(
        svg.contains(&format!(">{first_word}")),
        "{what}: the start node's label {heading:?} is not drawn"
    );
}

#[test]
fn dot_of_every_shipped_flow_renders_to_svg() {
    for path in shipped_flows() {
        let flow = load_path(&path)
            .unwrap_or_else(|error| panic!("{} should load:\n{error}", path.display()))
            .flow;
        for lang in Lang::ALL {
            let what = format!("{} ({lang})", path.display());
            let Some(svg) = render_svg(&dot(&flow, lang)) else {
                return;
            };
            assert_svg_draws(&svg, &flow, lang, &what);
        }
    }
}

#[test]
fn dot_of_a_flow_with_hostile_labels_still_renders() {
    let flow = hostile();
    let source = dot(&flow, Lang::En);
    assert!(
        source.contains(r#"label="Say \"hi\"]) --> n9{x}; end | w # %%{init: {}}%% `c` <b>\\N""#)
    );
    // The edges are the start arrow and the flow's 5 answers: the labels added none.
    let edges = source
        .lines()
        .filter(|line| line.split(' ').filter(|w| !w.is_empty()).nth(1) == Some("->"));
    assert_eq!(edges.count(), 1 + 5, "{source}");
    let Some(svg) = render_svg(&source) else {
        return;
    };
    assert_svg_draws(&svg, &flow, Lang::En, "hostile.yaml");
    assert!(
        svg.contains("&lt;b&gt;\\N"),
        "the label is drawn as written"
    );
}
