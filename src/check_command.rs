//! `signin-doctor check`: every problem in a flow, for authors and for CI.

use clap::ValueEnum;

use crate::error::{Error, Result};
use crate::flow::{Diagnostic, LoadError, report};

/// How `check` prints what it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum CheckFormat {
    /// For people: each problem with its source line underlined, and a summary.
    #[default]
    Human,
    /// For editors and CI: one JSON object per problem, one per line.
    Json,
}

/// Checks the flow `loaded` from `name` and prints the result; exit 2 on any error
/// (or any warning with `deny_warnings`).
pub fn run(
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
