//! `signin-doctor schema`: the committed `schema/flow.schema.json` is current, every
//! shipped flow validates against it, and broken flows do not.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use signin_doctor_core::flow::load_str;

mod common;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `*.yaml` under `flows/`, sorted.
fn shipped_flows() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("flows"))
        .expect("flows/ is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no shipped flows");
    files
}

fn committed_schema() -> Value {
    let text = std::fs::read_to_string(root().join("schema/flow.schema.json"))
        .expect("schema/flow.schema.json is readable");
    serde_json::from_str(&text).expect("the committed schema is JSON")
}

/// Errors of `instance` against the committed schema, one line each.
fn errors(instance: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(&committed_schema()).expect("the schema compiles");
    validator
        .iter_errors(instance)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

fn yaml_value(text: &str) -> Value {
    serde_yaml::from_str(text).expect("the flow is YAML")
}

#[test]
fn committed_schema_matches_the_schema_command() {
    let output = common::binary(&["schema"])
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{output:?}");
    let printed = String::from_utf8(output.stdout).expect("the schema is UTF-8");
    assert_eq!(printed, signin_doctor_core::export::schema());
    let committed = std::fs::read_to_string(root().join("schema/flow.schema.json"))
        .expect("schema/flow.schema.json is readable");
    assert!(
        committed == printed,
        "schema/flow.schema.json is stale; regenerate it with \
         `cargo run -q -- schema > schema/flow.schema.json`"
    );
}

#[test]
fn schema_is_a_valid_draft_07_schema_that_refuses_unknown_fields() {
    let schema = committed_schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    if let Err(error) = jsonschema::meta::validate(&schema) {
        panic!("the schema breaks its meta-schema: {error}");
    }
    assert_eq!(schema["additionalProperties"], false);
    for name in ["RawNode", "RawLink", "RawChoice"] {
        assert_eq!(
            schema["definitions"][name]["additionalProperties"], false,
            "{name}"
        );
    }
    // Field descriptions come from the doc comments of the Rust types.
    let start = schema["properties"]["start"]["description"].as_str();
    assert!(
        start.is_some_and(|text| text.starts_with("The id of the first node")),
        "{start:?}"
    );
}

#[test]
fn every_shipped_flow_validates_and_points_at_the_schema() {
    for path in shipped_flows() {
        let text = std::fs::read_to_string(&path).expect("the flow is readable");
        assert_eq!(
            text.lines().next(),
            Some("# yaml-language-server: $schema=../schema/flow.schema.json"),
            "{} must start with the schema line",
            path.display()
        );
        let problems = errors(&yaml_value(&text));
        assert!(
            problems.is_empty(),
            "{} does not match the schema:\n{}",
            path.display(),
            problems.join("\n")
        );
    }
}

/// Sets the value at a JSON pointer, creating the last key.
fn set(value: &mut Value, pointer: &str, new: Value) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let parent = value
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("{parent} is in the flow"));
    match parent {
        Value::Object(map) => {
            map.insert(key.to_owned(), new);
        }
        Value::Array(items) => items[key.parse::<usize>().expect("an index")] = new,
        _ => panic!("{pointer} is not in an object or array"),
    }
}

/// Asserts that each case — `good` with the value at a JSON pointer replaced — is refused
/// by the schema and by the loader alike.
fn assert_all_refused(good: &Value, cases: Vec<(&str, String, Value)>) {
    for (what, pointer, value) in cases {
        let mut broken = good.clone();
        set(&mut broken, &pointer, value);
        assert!(
            !errors(&broken).is_empty(),
            "{what}: the schema accepts {pointer} = {}",
            broken.pointer(&pointer).expect("just set")
        );
        let yaml = serde_yaml::to_string(&broken).expect("the broken flow is YAML");
        assert!(
            load_str(&yaml, "broken.yaml").is_err(),
            "{what}: the loader accepts what the schema refuses"
        );
    }
}

#[test]
fn broken_flows_do_not_validate_and_do_not_load() {
    let text = std::fs::read_to_string(root().join("flows/partner-center-signin.yaml"))
        .expect("the built-in flow is readable");
    let good = yaml_value(&text);
    let question = good["nodes"]
        .as_object()
        .and_then(|nodes| nodes.iter().find(|(_, node)| node["choices"].is_array()))
        .map(|(key, _)| key.clone())
        .expect("the flow has a question");
    let node = |field: &str| format!("/nodes/{question}/{field}");
    let cases: Vec<(&str, String, Value)> = vec![
        ("unknown top-level field", "/author".into(), json!("me")),
        ("unknown node field", node("colour"), json!("red")),
        ("misspelt node kind", node("kind"), json!("questoin")),
        ("kind of the wrong type", node("kind"), json!(3)),
        ("version not a number", "/version".into(), json!("one")),
        (
            "title without English",
            "/title".into(),
            json!({ "nl": "Titel" }),
        ),
        (
            "translation not a string",
            "/title/en".into(),
            json!(["a", "b"]),
        ),
        (
            "choice without next",
            node("choices/0"),
            json!({ "label": { "en": "x" } }),
        ),
        ("unknown choice field", node("choices/0/goto"), json!("x")),
        ("nodes as a list", "/nodes".into(), json!([])),
    ];
    assert_all_refused(&good, cases);
}

#[test]
fn the_schema_covers_input_questions_review_dates_and_sources() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/error-codes.yaml"))
        .expect("the error-code fixture is readable");
    let good = yaml_value(&text);
    assert_eq!(errors(&good), Vec::<String>::new(), "the fixture validates");
    let code = |field: &str| format!("/nodes/error-code/{field}");
    let cases: Vec<(&str, String, Value)> = vec![
        (
            "pattern a list",
            code("matches/0/pattern"),
            json!(["50053"]),
        ),
        (
            "match without next",
            code("matches/0"),
            json!({ "pattern": "x" }),
        ),
        ("unknown match field", code("matches/0/goto"), json!("x")),
        (
            "otherwise not a string",
            code("otherwise"),
            json!(["no-code"]),
        ),
        (
            "review date not a date",
            code("reviewed"),
            json!("26/11/2026"),
        ),
        (
            "flow review date not a date",
            "/reviewed".into(),
            json!("last week"),
        ),
        (
            "link review date not a date",
            "/links/lockout-ref/reviewed".into(),
            json!("2026"),
        ),
        (
            "sources not a list",
            code("sources"),
            json!("error-codes-ref"),
        ),
    ];
    assert_all_refused(&good, cases);
}
