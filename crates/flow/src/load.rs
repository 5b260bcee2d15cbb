//! Reading flow files: the only place that touches YAML.

use std::path::Path;

use super::check::{CheckOptions, Checked, check_owned};
use super::diagnostic::{Code, Diagnostic};
use super::locate::locate;
use super::merge::merge;
use super::positions::PositionIndex;
use super::raw::RawFlow;
use super::reader;
use super::reader::ReadError;
use super::sources::{Part, not_utf8, read};
use super::yaml_error::{from_read_error, misses_what_it_meant};

/// The name the built-in flow goes by in messages.
pub const BUILT_IN_NAME: &str = "flows/partner-center-signin.yaml";

/// The built-in flow, embedded in the binary.
pub const BUILT_IN_YAML: &str = include_str!("../../../flows/partner-center-signin.yaml");

pub use super::load_error::{LoadError, MAX_FLOW_BYTES};

/// The built-in flow compiled from [`BUILT_IN_YAML`] at build time: MessagePack with every
/// text already encoded (see `build.rs`; empty if that YAML did not parse).
/// A `static`, not a `const`: its texts are used where they are ([`part_of_built_in`]).
static BUILT_IN_COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/built_in.msgpack"));

/// `bytes` as the part of the built-in flow's compiled copy they are, if they are one:
/// the reader lends slices of it, and a text there can stay there for the whole run.
pub(crate) fn part_of_built_in(bytes: &[u8]) -> Option<&'static [u8]> {
    let start = bytes
        .as_ptr()
        .addr()
        .checked_sub(BUILT_IN_COMPILED.as_ptr().addr())?;
    BUILT_IN_COMPILED.get(start..start.checked_add(bytes.len())?)
}

/// Loads the built-in flow, checked.
///
/// Reads the copy compiled at build time, which is much faster than YAML; whenever there
/// is anything to report, it reads the YAML instead, so every diagnostic has its place.
/// A release build only resolves its ids: the test suite, `check` and every debug build
/// check it in full, so the wizard does not run every rule again at each start.
pub fn load_built_in() -> Result<Checked, LoadError> {
    load_built_in_with(&CheckOptions {
        checked_before: !cfg!(debug_assertions),
        ..CheckOptions::default()
    })
}

/// [`load_built_in`], checking what `options` asks for besides.
pub fn load_built_in_with(options: &CheckOptions) -> Result<Checked, LoadError> {
    let fast = rmp_serde::from_slice::<RawFlow>(BUILT_IN_COMPILED)
        .ok()
        .and_then(|raw| check_owned(raw, BUILT_IN_NAME, options).ok())
        .filter(|checked| checked.warnings.is_empty());
    match fast {
        Some(mut checked) => {
            checked.flow.source = BUILT_IN_NAME.to_owned();
            Ok(checked)
        }
        None => load_texts(
            &[BUILT_IN_NAME.to_owned()],
            &[BUILT_IN_YAML],
            BUILT_IN_NAME,
            options,
        ),
    }
}

/// Loads and checks a flow file, or a folder of flow files that together make one flow.
pub fn load_path(path: &Path) -> Result<Checked, LoadError> {
    load_path_with(path, &CheckOptions::default())
}

/// [`load_path`], checking what `options` asks for besides.
pub fn load_path_with(path: &Path, options: &CheckOptions) -> Result<Checked, LoadError> {
    load_parts_with(read(path)?, &path.display().to_string(), options)
}

/// Loads and checks a flow from bytes that should be UTF-8 YAML; `file` names it in messages.
pub fn load_bytes(bytes: &[u8], file: &str) -> Result<Checked, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str(text, file),
        Err(error) => Err(LoadError::Invalid(vec![not_utf8(
            bytes,
            error.valid_up_to(),
            file,
        )])),
    }
}

/// Loads and checks a flow from YAML text; `file` names it in messages.
pub fn load_str(text: &str, file: &str) -> Result<Checked, LoadError> {
    load_texts(&[file.to_owned()], &[text], file, &CheckOptions::default())
}

/// Loads and checks a flow made of one or more parts; `source` names the whole flow;
/// checks what `options` asks for besides.
pub fn load_parts_with(
    parts: Vec<Part>,
    source: &str,
    options: &CheckOptions,
) -> Result<Checked, LoadError> {
    let names: Vec<String> = parts.iter().map(|part| part.name.clone()).collect();
    let texts: Vec<&str> = parts.iter().map(|part| part.text.as_str()).collect();
    load_texts(&names, &texts, source, options)
}

/// Loads and checks the texts of a flow's files, named by `names`; `source` names the flow.
fn load_texts(
    names: &[String],
    texts: &[&str],
    source: &str,
    options: &CheckOptions,
) -> Result<Checked, LoadError> {
    let texts: Vec<&str> = texts
        .iter()
        .map(|text| text.strip_prefix('\u{feff}').unwrap_or(text))
        .collect();
    let mut raws = Vec::with_capacity(texts.len());
    let mut indexes = Vec::with_capacity(texts.len());
    let mut syntax = Vec::new();
    let mut unknown_fields = Vec::new();
    for (text, name) in texts.iter().zip(names) {
        let parsed = parse_indexed(text, name);
        match parsed.raw {
            Ok(raw) => {
                raws.push(raw);
                unknown_fields.extend(parsed.unknown_fields);
            }
            Err(diagnostic) => {
                syntax.extend(unknown_fields_beside(parsed.unknown_fields, *diagnostic));
            }
        }
        indexes.push(parsed.index);
    }
    if !syntax.is_empty() {
        return Err(LoadError::Invalid(placed(syntax, names, &texts, &indexes)));
    }
    let mut merged = merge(raws, names);
    let raw = std::mem::take(&mut merged.raw);
    let (checked, mut diagnostics) = match check_owned(raw, &names[0], options) {
        Ok(mut checked) => {
            checked.flow.source = source.to_owned();
            let mut warnings = std::mem::take(&mut checked.warnings);
            if !warnings.is_empty() {
                let flow = &checked.flow;
                let nodes: Vec<&str> = flow.nodes.iter().map(|node| node.key.as_str()).collect();
                let links: Vec<&str> = flow.links.iter().map(|link| link.key.as_str()).collect();
                merged.attribute(&mut warnings, names, &nodes, &links);
            }
            (Some(checked), warnings)
        }
        Err(refused) => {
            let (mut diagnostics, raw) = *refused;
            let nodes: Vec<&str> = raw.nodes.iter().map(|(key, _)| key.as_str()).collect();
            let links: Vec<&str> = raw.links.iter().map(|(key, _)| key.as_str()).collect();
            merged.attribute(&mut diagnostics, names, &nodes, &links);
            (None, diagnostics)
        }
    };
    // Conflicts already name the file they were found in.
    diagnostics.extend(merged.conflicts.iter().cloned());
    diagnostics.retain(|d| !meant_by_unknown_field(d, &unknown_fields));
    let refused = !merged.conflicts.is_empty() || !unknown_fields.is_empty();
    diagnostics.extend(unknown_fields);
    let diagnostics = placed(diagnostics, names, &texts, &indexes);
    match checked {
        Some(mut checked) if !refused => {
            checked.warnings = diagnostics;
            Ok(checked)
        }
        _ => Err(LoadError::Invalid(diagnostics)),
    }
}

/// Gives every diagnostic its line, column and source line, from the file it names.
fn placed(
    mut diagnostics: Vec<Diagnostic>,
    names: &[String],
    texts: &[&str],
    indexes: &[PositionIndex],
) -> Vec<Diagnostic> {
    for ((name, text), index) in names.iter().zip(texts).zip(indexes) {
        locate(
            diagnostics.iter_mut().filter(|d| &d.file == name),
            text,
            index,
        );
    }
    diagnostics
}

/// Parses YAML text into the raw flow types, without checking the graph. A field that no
/// flow type has is an error here, as it is for the wizard.
pub fn parse(text: &str, file: &str) -> Result<RawFlow, Box<Diagnostic>> {
    let parsed = parse_indexed(text, file);
    match parsed.unknown_fields.into_iter().next() {
        Some(unknown) => Err(Box::new(unknown)),
        None => parsed.raw,
    }
}

/// What parsing one file gave.
struct Parsed {
    /// The raw flow, or the error that stopped reading it.
    raw: Result<RawFlow, Box<Diagnostic>>,
    /// An E015 for each field no flow type has; reading went on past them.
    unknown_fields: Vec<Diagnostic>,
    /// The place of every key and value read (all of them for a flow that parsed, those
    /// before the error otherwise).
    index: PositionIndex,
}

/// Parses YAML text into the raw flow types in one pass.
fn parse_indexed(text: &str, file: &str) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let only_comments = text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    });
    if only_comments {
        let mut diagnostic = Diagnostic::new(
            Code::Syntax,
            file,
            "the file holds no flow (it is empty or only comments)",
        );
        diagnostic.help =
            Some("a flow needs at least `id`, `title`, `start` and `nodes`".to_owned());
        return Parsed {
            raw: Err(Box::new(diagnostic)),
            unknown_fields: Vec::new(),
            index: PositionIndex::default(),
        };
    }
    let reader::Read {
        value,
        index,
        unknown_fields,
    } = reader::read::<RawFlow>(text);
    let diagnostic = |error: &ReadError| from_read_error(error, file, text, &index);
    Parsed {
        unknown_fields: unknown_fields.iter().map(diagnostic).collect(),
        raw: value.map_err(|error| Box::new(diagnostic(&error))),
        index,
    }
}

/// The unknown fields to report beside the error that stopped reading (all of them), and
/// that error unless it is a missing field one of them meant (`labl:` for `label:`).
fn unknown_fields_beside(unknown_fields: Vec<Diagnostic>, error: Diagnostic) -> Vec<Diagnostic> {
    let said = meant_by_unknown_field(&error, &unknown_fields);
    let mut all = unknown_fields;
    if !said {
        all.push(error);
    }
    all
}

/// Whether `diagnostic` says a field is missing that an unknown field in the same place
/// probably meant (`fixd:` for `fixed:`): the E015 already says so, with the fix.
fn meant_by_unknown_field(diagnostic: &Diagnostic, unknown_fields: &[Diagnostic]) -> bool {
    unknown_fields
        .iter()
        .any(|unknown| misses_what_it_meant(diagnostic, unknown))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Flow;
    use crate::text::Text;

    #[test]
    fn the_fast_built_in_flow_is_the_same_flow_as_its_yaml() {
        let compiled = rmp_serde::from_slice::<RawFlow>(BUILT_IN_COMPILED)
            .expect("build.rs compiled the built-in flow, and it reads back");
        let fast = check_owned(compiled, BUILT_IN_NAME, &CheckOptions::default())
            .expect("the compiled flow passes the checker")
            .flow;
        let from_yaml = load_str(BUILT_IN_YAML, BUILT_IN_NAME).expect("valid").flow;
        assert_eq!(fast, from_yaml);
        assert_eq!(load_built_in().expect("valid").flow, from_yaml);
        let in_place = |flow: &Flow| {
            flow.nodes()
                .map(|(_, node)| node.heading())
                .chain([flow.title()])
                .all(Text::kept_in_built_in)
        };
        assert!(
            in_place(&fast),
            "the texts are used where they are in the copy"
        );
        assert!(!from_yaml.title().kept_in_built_in());
        let keys: Vec<&str> = fast.nodes().map(|(_, node)| node.key.as_str()).collect();
        assert_eq!(keys.first(), Some(&"symptom"), "file order is kept");
    }

    /// What lets a release build skip the rules at start: the built-in flow passes every
    /// rule without a warning, and building it from its resolved ids alone gives the same flow.
    #[test]
    fn the_built_in_flow_checked_before_is_the_flow_every_rule_passed() {
        let full = load_built_in_with(&CheckOptions::default()).expect("passes every rule");
        assert!(full.warnings.is_empty(), "{:?}", full.warnings);
        let checked_before = CheckOptions {
            checked_before: true,
            ..CheckOptions::default()
        };
        let trusted = load_built_in_with(&checked_before).expect("its ids resolve");
        assert_eq!(trusted.flow, full.flow);
        assert!(trusted.warnings.is_empty());
    }

    /// A flow checked before still has its ids resolved: one whose answer leads to a node
    /// that is not there is refused, so the built-in flow falls back to its YAML and
    /// reports it; only the rules are left out.
    #[test]
    fn a_flow_checked_before_still_has_its_ids_resolved() {
        let flow = "id: f\ntitle: {en: F}\nstart: q\nnodes:\n  q:\n    kind: question\n    text: {nl: V}\n    choices:\n      - {label: {en: A}, next: gone}\n      - {label: {en: B}, next: gone}\n";
        let codes = |checked_before| {
            let parts = vec![Part {
                name: "f.yaml".to_owned(),
                text: flow.to_owned(),
            }];
            let options = CheckOptions {
                checked_before,
                ..CheckOptions::default()
            };
            match load_parts_with(parts, "f.yaml", &options) {
                Err(LoadError::Invalid(diagnostics)) => {
                    diagnostics.into_iter().map(|d| d.code).collect::<Vec<_>>()
                }
                other => panic!("a target that is not there is refused: {other:?}"),
            }
        };
        let all = codes(false);
        assert!(all.contains(&Code::MissingEnglish), "{all:?}");
        assert_eq!(codes(true), [Code::UnknownTarget, Code::UnknownTarget]);
    }
}
