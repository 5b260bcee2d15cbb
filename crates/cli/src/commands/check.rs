//! `signin-doctor check`: every problem in a flow, for authors and for CI.

use clap::ValueEnum;

use crate::error::{Error, Result};
use std::path::Path;

use crate::flow::{
    CheckOptions, Diagnostic, LoadError, ReviewPolicy, load_built_in_with, load_path_with, report,
};

/// How `check` prints what it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum CheckFormat {
    /// For people: each problem with its source line underlined, and a summary.
    #[default]
    Human,
    /// For editors and CI: one JSON object per problem, one per line.
    Json,
}

/// `signin-doctor check [FILE]`: prints every problem of the flow at `file` (the built-in
/// one without), review dates older than `review` allows included; an error if any is an
/// error (or any warning with `deny_warnings`). `color`: the report may use colour.
pub fn run(
    file: Option<&Path>,
    format: CheckFormat,
    deny_warnings: bool,
    review: ReviewPolicy,
    color: bool,
) -> Result<()> {
    let name = file.map_or_else(
        || crate::flow::BUILT_IN_NAME.to_owned(),
        |p| p.display().to_string(),
    );
    let options = CheckOptions {
        review: Some(review),
        ..CheckOptions::default()
    };
    let loaded = match file {
        Some(path) => load_path_with(path, &options),
        None => load_built_in_with(&options),
    }
    .map(|checked| checked.warnings);
    report(&name, loaded, format, deny_warnings, color)
}

/// Prints what checking the flow from `name` found.
fn report(
    name: &str,
    loaded: std::result::Result<Vec<Diagnostic>, LoadError>,
    format: CheckFormat,
    deny_warnings: bool,
    color: bool,
) -> Result<()> {
    let mut diagnostics = match loaded {
        Ok(warnings) => warnings,
        Err(LoadError::Invalid(diagnostics)) => diagnostics,
        Err(error) => return Err(Error::Check(error)),
    };
    report::sort(&mut diagnostics);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let text = match format {
        CheckFormat::Json => report::json_lines(&diagnostics),
        CheckFormat::Human => {
            format!(
                "{}{}\n",
                report::human(&diagnostics, color),
                summary(name, errors, warnings, deny_warnings)
            )
        }
    };
    crate::exit::print(&text)?;
    if errors > 0 || (deny_warnings && warnings > 0) {
        Err(Error::FlowProblems)
    } else {
        Ok(())
    }
}

fn summary(name: &str, errors: usize, warnings: usize, deny_warnings: bool) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, 0) => format!("{name}: no problems found"),
        (0, _) if deny_warnings => format!(
            "{name}: {} (refused: --deny-warnings)",
            count(warnings, "warning")
        ),
        _ => format!(
            "{name}: {}, {}",
            count(errors, "error"),
            count(warnings, "warning")
        ),
    }
}
