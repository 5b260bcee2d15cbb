//! Text rules: English present, no control characters, declared translations present.

use crate::flow::diagnostic::{Code, Diagnostics};
use crate::flow::path::YamlPath;
use crate::flow::raw::RawNode;
use crate::flow::text::Text;

/// Every text of a node, with where it sits inside the node (e.g. `choices[2].label`).
pub(super) fn node_texts(node: &RawNode) -> Vec<(YamlPath, &Text)> {
    let mut texts = Vec::new();
    let singles = [
        ("title", &node.title),
        ("text", &node.text),
        ("help", &node.help),
        ("say", &node.say),
        ("who", &node.who),
        ("ask", &node.ask),
    ];
    for (place, text) in singles {
        if let Some(text) = text {
            texts.push((YamlPath::root().key(place), text));
        }
    }
    for (i, choice) in node.choices.iter().flatten().enumerate() {
        texts.push((
            YamlPath::root().key("choices").index(i).key("label"),
            &choice.label,
        ));
    }
    for (list, name) in [(&node.steps, "steps"), (&node.ready, "ready")] {
        for (i, text) in list.iter().flatten().enumerate() {
            texts.push((YamlPath::root().key(name).index(i), text));
        }
    }
    texts
}

/// Checks one text found at `place` in `node` (or at the top of the file when `None`).
pub(super) fn check_text(
    text: &Text,
    place: &YamlPath,
    node: Option<&str>,
    languages: &[String],
    out: &mut Diagnostics,
) {
    // The full path is only built when there is something to report.
    let full = || match node {
        Some(key) => YamlPath::node(key).join(place),
        None => place.clone(),
    };
    match text.exact("en") {
        None => {
            out.report(
                Code::MissingEnglish,
                node,
                format!("'{place}' has no English text"),
            )
            .at(full())
            .with_help(format!("add `en: \"…\"` to '{place}'"));
        }
        Some(english) if english.trim().is_empty() => {
            out.report(
                Code::MissingEnglish,
                node,
                format!("'{place}' has empty English text"),
            )
            .at(full().key("en"))
            .with_help("write the text, or remove the field if it is optional");
        }
        Some(_) => {}
    }
    for (lang, value) in text.translations() {
        if let Some(bad) = value.chars().find(|&c| is_forbidden_control(c)) {
            let message = format!(
                "'{place}' ({lang}) contains the control character U+{:04X}",
                bad as u32
            );
            out.report(Code::ControlCharacter, node, message)
                .at(full().key(lang))
                .with_help("write plain text only: remove escape sequences, tabs and other control characters");
        }
    }
    for lang in languages {
        if text.exact(lang).is_none() {
            let message = format!("'{place}' has no '{lang}' translation; English will be shown");
            out.report(Code::MissingTranslation, node, message)
                .at(full())
                .with_help(format!("add `{lang}: \"…\"` to '{place}'"));
        }
    }
}

/// Control characters are refused in flow text, all but the line break.
pub(crate) fn is_forbidden_control(c: char) -> bool {
    c.is_control() && c != '\n'
}
