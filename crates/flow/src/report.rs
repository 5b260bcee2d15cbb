//! Diagnostics written out for people (in the style of the Rust compiler) and for machines
//! (one JSON object per line).

use annotate_snippets::{AnnotationKind, Element, Group, Level, Origin, Renderer, Snippet};

use super::diagnostic::{Diagnostic, Severity};

/// Sorts diagnostics into reading order: by file, then line, then column.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| {
        let (line, column) = d.location.map_or((0, 0), |l| (l.line, l.column));
        (d.file.clone(), line, column)
    });
}

/// Renders each diagnostic with its source line underlined, for a person to read.
pub fn human(diagnostics: &[Diagnostic], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    diagnostics
        .iter()
        .map(|diagnostic| renderer.render(&[group(diagnostic)]) + "\n")
        .collect::<Vec<_>>()
        .join("\n")
}

fn group(diagnostic: &Diagnostic) -> Group<'_> {
    let level = match diagnostic.severity() {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = match &diagnostic.node {
        Some(node) => format!("node '{node}': {}", diagnostic.message),
        None => diagnostic.message.clone(),
    };
    let mut elements: Vec<Element> = vec![match (&diagnostic.snippet, diagnostic.location) {
        (Some(snippet), Some(location)) => Snippet::source(snippet.line_text.as_str())
            .line_start(location.line)
            .path(diagnostic.file.as_str())
            .annotation(AnnotationKind::Primary.span(snippet.start..snippet.end))
            .into(),
        (None, Some(location)) => Origin::path(diagnostic.file.as_str())
            .line(location.line)
            .char_column(location.column)
            .into(),
        (_, None) => Origin::path(diagnostic.file.as_str()).into(),
    }];
    if let Some(help) = &diagnostic.help {
        elements.push(Level::HELP.message(help.as_str()).into());
    }
    level
        .primary_title(title)
        .id(diagnostic.code.as_str())
        .elements(elements)
}

/// One JSON object per diagnostic, one per line: code, severity, file, line, column,
/// node, message, help.
pub fn json_lines(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| {
            let object = serde_json::json!({
                "code": d.code.as_str(),
                "severity": match d.severity() {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                "file": d.file,
                "line": d.location.map(|l| l.line),
                "column": d.location.map(|l| l.column),
                "node": d.node,
                "message": d.message,
                "help": d.help,
            });
            object.to_string() + "\n"
        })
        .collect()
}
