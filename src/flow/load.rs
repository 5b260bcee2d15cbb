//! Reading flow files: the only place that touches YAML.

use std::path::Path;

use super::check::{CheckOptions, Checked, check_with};
use super::diagnostic::{Code, Diagnostic};
use super::locate::locate;
use super::merge::merge;
use super::raw::RawFlow;
use super::refine::too_deep;
use super::sources::{Part, not_utf8, read};
use super::yaml_error::from_serde;

/// The name the built-in flow goes by in messages.
pub const BUILT_IN_NAME: &str = "flows/partner-center-signin.yaml";

/// The built-in flow, embedded in the binary.
pub const BUILT_IN_YAML: &str = include_str!("../../flows/partner-center-signin.yaml");

pub use super::load_error::{LoadError, MAX_FLOW_BYTES};

/// The built-in flow as JSON, made from [`BUILT_IN_YAML`] at build time (empty if that
/// YAML did not parse).
const BUILT_IN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/built_in.json"));

/// Loads and checks the built-in flow.
///
/// Reads the JSON copy made at build time, which is much faster than YAML; whenever there
/// is anything to report, it reads the YAML instead, so every diagnostic has its place.
pub fn load_built_in() -> Result<Checked, LoadError> {
    load_built_in_with(&CheckOptions::default())
}

/// [`load_built_in`], checking what `options` asks for besides.
pub fn load_built_in_with(options: &CheckOptions) -> Result<Checked, LoadError> {
    let fast = serde_json::from_str::<RawFlow>(BUILT_IN_JSON)
        .ok()
        .and_then(|raw| check_with(&raw, BUILT_IN_NAME, options).ok())
        .filter(|checked| checked.warnings.is_empty());
    match fast {
        Some(mut checked) => {
            checked.flow.source = BUILT_IN_NAME.to_owned();
            Ok(checked)
        }
        None => {
            let part = Part {
                name: BUILT_IN_NAME.to_owned(),
                text: BUILT_IN_YAML.to_owned(),
            };
            load_parts_with(vec![part], BUILT_IN_NAME, options)
        }
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
    let part = Part {
        name: file.to_owned(),
        text: text.to_owned(),
    };
    load_parts(vec![part], file)
}

/// Loads and checks a flow made of one or more parts; `source` names the whole flow.
pub fn load_parts(parts: Vec<Part>, source: &str) -> Result<Checked, LoadError> {
    load_parts_with(parts, source, &CheckOptions::default())
}

/// [`load_parts`], checking what `options` asks for besides.
pub fn load_parts_with(
    parts: Vec<Part>,
    source: &str,
    options: &CheckOptions,
) -> Result<Checked, LoadError> {
    let names: Vec<String> = parts.iter().map(|part| part.name.clone()).collect();
    let texts: Vec<&str> = parts
        .iter()
        .map(|part| part.text.strip_prefix('\u{feff}').unwrap_or(&part.text))
        .collect();
    let mut raws = Vec::with_capacity(parts.len());
    let mut syntax = Vec::new();
    for (text, name) in texts.iter().zip(&names) {
        match parse(text, name) {
            Ok(raw) => raws.push(raw),
            Err(diagnostic) => syntax.push(*diagnostic),
        }
    }
    if !syntax.is_empty() {
        return Err(LoadError::Invalid(placed(syntax, &names, &texts)));
    }
    let merged = merge(raws, &names);
    let (checked, mut diagnostics) = match check_with(&merged.raw, &names[0], options) {
        Ok(mut checked) => {
            checked.flow.source = source.to_owned();
            let warnings = std::mem::take(&mut checked.warnings);
            (Some(checked), warnings)
        }
        Err(diagnostics) => (None, diagnostics),
    };
    merged.attribute(&mut diagnostics, &names);
    // Conflicts already name the file they were found in.
    diagnostics.extend(merged.conflicts.iter().cloned());
    let diagnostics = placed(diagnostics, &names, &texts);
    match checked {
        Some(mut checked) if merged.conflicts.is_empty() => {
            checked.warnings = diagnostics;
            Ok(checked)
        }
        _ => Err(LoadError::Invalid(diagnostics)),
    }
}

/// Gives every diagnostic its line, column and source line, from the file it names.
fn placed(mut diagnostics: Vec<Diagnostic>, names: &[String], texts: &[&str]) -> Vec<Diagnostic> {
    for (name, text) in names.iter().zip(texts) {
        locate(diagnostics.iter_mut().filter(|d| &d.file == name), text);
    }
    diagnostics
}

/// Parses YAML text into the raw flow types, without checking the graph.
pub fn parse(text: &str, file: &str) -> Result<RawFlow, Box<Diagnostic>> {
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
        return Err(Box::new(diagnostic));
    }
    if let Some(diagnostic) = too_deep(text, file) {
        return Err(Box::new(diagnostic));
    }
    serde_yaml::from_str(text).map_err(|error| Box::new(from_serde(&error, file, text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_built_in_flow_is_the_same_flow_as_its_yaml() {
        assert!(!BUILT_IN_JSON.is_empty(), "build.rs made the JSON copy");
        let fast = load_built_in().expect("the built-in flow is valid").flow;
        let from_yaml = load_str(BUILT_IN_YAML, BUILT_IN_NAME).expect("valid").flow;
        assert_eq!(fast, from_yaml);
        let keys: Vec<&str> = fast.nodes().map(|(_, node)| node.key.as_str()).collect();
        assert_eq!(keys.first(), Some(&"symptom"), "file order is kept");
    }
}
