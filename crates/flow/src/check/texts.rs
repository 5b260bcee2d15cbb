//! Text rules: English present, no control characters, declared translations present.

use crate::diagnostic::{Code, Diagnostics};
use crate::path::YamlPath;
use crate::raw::RawNode;
use crate::text::Text;

/// Where a text sits inside its node; turned into a [`YamlPath`] only to report something.
#[derive(Debug, Clone, Copy)]
pub(super) enum TextAt {
    /// A field holding one text (`title`).
    Field(&'static str),
    /// An entry of a list of texts (`steps[2]`).
    Entry(&'static str, usize),
    /// The label of a choice (`choices[2].label`).
    Label(usize),
}

impl TextAt {
    /// The path inside the node.
    pub(super) fn path(self) -> YamlPath {
        match self {
            TextAt::Field(name) => YamlPath::root().key(name),
            TextAt::Entry(name, i) => YamlPath::root().key(name).index(i),
            TextAt::Label(i) => YamlPath::root().key("choices").index(i).key("label"),
        }
    }
}

/// Every text of a node, with where it sits inside the node (e.g. `choices[2].label`).
pub(super) fn node_texts(node: &RawNode) -> impl Iterator<Item = (TextAt, &Text)> {
    let singles = [
        ("title", &node.title),
        ("text", &node.text),
        ("help", &node.help),
        ("say", &node.say),
        ("who", &node.who),
        ("ask", &node.ask),
    ]
    .into_iter()
    .filter_map(|(name, text)| Some((TextAt::Field(name), text.as_ref()?)));
    let labels = node
        .choices
        .iter()
        .flatten()
        .enumerate()
        .map(|(i, choice)| (TextAt::Label(i), &choice.label));
    let lists = [("steps", &node.steps), ("ready", &node.ready)]
        .into_iter()
        .flat_map(|(name, list)| {
            list.iter()
                .flatten()
                .enumerate()
                .map(move |(i, text)| (TextAt::Entry(name, i), text))
        });
    singles.chain(labels).chain(lists)
}

/// Checks one text found at `place` in `node` (or at the top of the file when `None`);
/// `place` is only called to report something.
pub(super) fn check_text(
    text: &Text,
    place: &dyn Fn() -> YamlPath,
    node: Option<&str>,
    languages: &[String],
    out: &mut Diagnostics,
) {
    let full = || match node {
        Some(key) => YamlPath::node(key).join(&place()),
        None => place(),
    };
    // One walk over the text finds English and which declared languages it has.
    // (Declared languages past the 64th are looked up one by one.)
    let mut english = None;
    let mut present = 0u64;
    for (lang, value) in text.translations() {
        if lang == "en" {
            english = Some(value);
        }
        if let Some(i) = languages
            .iter()
            .take(64)
            .position(|declared| declared == lang)
        {
            present |= 1 << i;
        }
    }
    let has = |i: usize, lang: &str| {
        if i < 64 {
            present & (1 << i) != 0
        } else {
            text.exact(lang).is_some()
        }
    };
    match english {
        None => {
            let place = place();
            out.report(
                Code::MissingEnglish,
                node,
                format!("'{place}' has no English text"),
            )
            .at(full())
            .with_help(format!("add `en: \"…\"` to '{place}'"));
        }
        Some(english) if english.trim().is_empty() => {
            let place = place();
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
        if let Some(bad) = forbidden_control(value) {
            let place = place();
            let message = format!(
                "'{place}' ({lang}) contains the control character U+{:04X}",
                bad as u32
            );
            out.report(Code::ControlCharacter, node, message)
                .at(full().key(lang))
                .with_help("write plain text only: remove escape sequences, tabs and other control characters");
        }
    }
    for (i, lang) in languages.iter().enumerate() {
        if !has(i, lang) {
            let place = place();
            let message = format!("'{place}' has no '{lang}' translation; English will be shown");
            out.report(Code::MissingTranslation, node, message)
                .at(full())
                .with_help(format!("add `{lang}: \"…\"` to '{place}'"));
        }
    }
}

/// The first control character in `value` other than the line break. Most text is
/// scanned as bytes only: every control character starts with a byte below 0x20, 0x7F or
/// 0xC2 (U+0080–U+009F).
fn forbidden_control(value: &str) -> Option<char> {
    let suspicious = value
        .bytes()
        .any(|b| (b < 0x20 && b != b'\n') || b == 0x7f || b == 0xc2);
    if !suspicious {
        return None;
    }
    value.chars().find(|&c| is_forbidden_control(c))
}

/// Control characters are refused in flow text, all but the line break.
pub(crate) fn is_forbidden_control(c: char) -> bool {
    c.is_control() && c != '\n'
}
