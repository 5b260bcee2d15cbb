//! The streaming reader (saphyr-parser events straight into the flow types) against the
//! reader flows were read with before (serde_yaml, which collects the whole document
//! first): for generated flows, the shipped flows and YAML written in every style a flow
//! author may use, both give the same raw flow and the same checked `Flow`.

use proptest::prelude::*;
use signin_doctor_core::flow::{Flow, RawFlow, check, load_str, parse};
use signin_doctor_core::generate::flow_yaml;

/// The raw flow and the checked flow by the old path: serde_yaml, then the checker.
fn old_path(yaml: &str) -> (Result<String, String>, Option<Flow>) {
    match serde_yaml::from_str::<RawFlow>(yaml) {
        Ok(raw) => {
            let flow = check(&raw, "same.yaml").ok().map(|checked| checked.flow);
            (Ok(format!("{raw:?}")), flow)
        }
        Err(error) => (Err(error.to_string()), None),
    }
}

/// The raw flow and the checked flow by the new path.
fn new_path(yaml: &str) -> (Result<String, String>, Option<Flow>) {
    let raw = parse(yaml, "same.yaml")
        .map(|raw| format!("{raw:?}"))
        .map_err(|diagnostic| diagnostic.message);
    let flow = load_str(yaml, "same.yaml").ok().map(|checked| checked.flow);
    (raw, flow)
}

/// Both paths read `yaml` alike: the same raw flow (or both refuse it) and the same flow.
fn assert_same(yaml: &str) {
    let (old_raw, old_flow) = old_path(yaml);
    let (new_raw, new_flow) = new_path(yaml);
    match (&old_raw, &new_raw) {
        (Ok(old), Ok(new)) => assert_eq!(old, new, "raw flows differ for:\n{yaml}"),
        (Err(_), Err(_)) => {}
        _ => panic!("one reader refused:\nold: {old_raw:?}\nnew: {new_raw:?}\nfor:\n{yaml}"),
    }
    assert_eq!(old_flow, new_flow, "checked flows differ for:\n{yaml}");
}

#[test]
fn the_shipped_flows_read_the_same() {
    let flows = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("flows");
    let mut read = 0;
    for entry in std::fs::read_dir(flows).expect("the flows folder") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|ext| ext == "yaml") {
            let yaml = std::fs::read_to_string(&path).expect("read the flow");
            let (_, new_flow) = new_path(&yaml);
            assert!(new_flow.is_some(), "{} loads", path.display());
            assert_same(&yaml);
            read += 1;
        }
    }
    assert!(read >= 1, "no shipped flow found");
}

/// A small valid flow written with the given pieces of YAML style.
fn styled_flow(style: &Style) -> String {
    let key = |k: &str| match style.keys {
        0 => k.to_owned(),
        1 => format!("\"{k}\""),
        _ => format!("'{k}'"),
    };
    let text = |en: &str, nl: &str| match style.texts {
        0 => format!("{{ en: \"{en}\", nl: \"{nl}\" }}"),
        1 => format!("{{ {}: '{en}', {}: {nl} }}", key("en"), key("nl")),
        _ => format!(
            "\n      en: |\n        {en}\n        more {en}\n      nl: >-\n        {nl}\n        verder"
        ),
    };
    // Inside brackets and list entries a text is always written in flow style.
    let inline = |en: &str, nl: &str| match style.texts {
        0 | 2 => format!("{{ en: \"{en}\", nl: \"{nl}\" }}"),
        _ => text(en, nl),
    };
    let anchor = if style.anchors {
        "\nshared: &yes { en: \"Yes\", nl: \"Ja\" }\n"
    } else {
        ""
    };
    let yes = if style.anchors {
        "*yes".to_owned()
    } else {
        inline("Yes", "Ja")
    };
    let tag = if style.tags { "!!str " } else { "" };
    let comment = if style.comments { "  # a comment" } else { "" };
    let version = if style.tags { "!!int 2" } else { "2" };
    let body = format!(
        "{doc}{id}: {tag}styled{comment}\n{version_key}: {version}\n{languages}: [en, nl]\n{title}: {title_text}\n{start}: ask\n{nodes}:\n  ask:\n    kind: question\n    text: {question}\n    choices:\n      - {{ label: {yes}, next: done }}\n      - label: {no}\n        next: {tag}help\n  help:\n    kind: contact\n    title: {help_title}\n    who: {who}\n    ask: {ask}\n    ready:\n      - {ready}\n  done: {{ kind: solved, title: {done} }}\n",
        doc = if style.document_start { "---\n" } else { "" },
        id = key("id"),
        version_key = key("version"),
        languages = key("languages"),
        title = key("title"),
        start = key("start"),
        nodes = key("nodes"),
        title_text = text("Styled", "Gestyled"),
        question = text("Does it work?", "Werkt het?"),
        no = inline("No", "Nee"),
        help_title = text("Ask for help", "Vraag hulp"),
        who = text("Your admin", "Uw beheerder"),
        ask = text("A reset", "Een reset"),
        ready = inline("Your user name", "Uw gebruikersnaam"),
        done = inline("Done", "Klaar"),
    );
    // The anchored text is defined first; the flow's own fields follow. `shared` is not a
    // field, so with anchors the file is refused by both readers alike.
    format!("{anchor}{body}")
}

#[derive(Debug, Clone)]
struct Style {
    keys: u8,
    texts: u8,
    anchors: bool,
    tags: bool,
    comments: bool,
    document_start: bool,
}

fn styles() -> impl Strategy<Value = Style> {
    (
        0u8..3,
        0u8..3,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(keys, texts, anchors, tags, comments, document_start)| Style {
                keys,
                texts,
                anchors,
                tags,
                comments,
                document_start,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_flows_read_the_same(nodes in 3usize..60, seed in any::<u64>()) {
        let yaml = flow_yaml(nodes, seed);
        let (_, new_flow) = new_path(&yaml);
        prop_assert!(new_flow.is_some(), "generated flows are valid");
        assert_same(&yaml);
    }

    #[test]
    fn every_yaml_style_reads_the_same(style in styles()) {
        let yaml = styled_flow(&style);
        if !style.anchors {
            let (_, new_flow) = new_path(&yaml);
            prop_assert!(new_flow.is_some(), "{style:?} is a valid flow:\n{yaml}");
        }
        assert_same(&yaml);
    }
}

#[test]
fn anchors_and_aliases_inside_a_flow_read_the_same() {
    let yaml = styled_flow(&Style {
        keys: 0,
        texts: 0,
        anchors: true,
        tags: false,
        comments: false,
        document_start: false,
    })
    // The anchored text moves into the flow's own title, and the first choice aliases it.
    .replace("\nshared: &yes { en: \"Yes\", nl: \"Ja\" }\n", "")
    .replace(
        "title: { en: \"Styled\", nl: \"Gestyled\" }",
        "title: &yes { en: \"Yes\", nl: \"Ja\" }",
    );
    let (_, new_flow) = new_path(&yaml);
    assert!(new_flow.is_some(), "aliases within limits load:\n{yaml}");
    assert_same(&yaml);
}
