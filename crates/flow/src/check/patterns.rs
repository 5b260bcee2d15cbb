//! Input nodes' patterns: each compiles, within the limits of [`crate::pattern`].

use crate::diagnostic::{Code, Diagnostics};
use crate::path::YamlPath;
use crate::pattern::{MAX_PATTERNS, Matcher, PatternError, check_pattern};
use crate::raw::RawNode;

/// Checks every pattern of `node`, reporting those that fail. `budget` is how many more
/// patterns the flow may have ([`MAX_PATTERNS`]); with `checked`, the patterns were checked
/// before and only counted. Returns the node's matcher when all of them passed.
pub(super) fn compile_patterns(
    key: &str,
    node: &RawNode,
    (budget, checked): (&mut usize, bool),
    out: &mut Diagnostics,
) -> Option<Matcher> {
    let mut failed = false;
    for (i, raw) in node.matches.iter().flatten().enumerate() {
        let at = || YamlPath::node(key).key("matches").index(i).key("pattern");
        if *budget == 0 {
            out.report(
                Code::BadPattern,
                Some(key),
                format!("the flow has more than {MAX_PATTERNS} patterns"),
            )
            .at(at())
            .with_help("route on fewer, broader patterns, or split the flow");
            return None;
        }
        *budget -= 1;
        if checked {
            continue;
        }
        match check_pattern(&raw.pattern) {
            Ok(()) => {}
            Err(error) => {
                failed = true;
                let help = match error {
                    PatternError::Syntax(_) => {
                        "fix the regular expression (syntax: https://docs.rs/regex/latest/regex/#syntax); in single quotes a backslash needs no escaping, like '\\b50053\\b'"
                    }
                    PatternError::TooLong(_) | PatternError::TooBig => {
                        "use a shorter pattern: match the error code or a few words, not the whole message"
                    }
                };
                out.report(
                    Code::BadPattern,
                    Some(key),
                    format!(
                        "matches[{}].pattern '{}': {error}",
                        i + 1,
                        as_written(&raw.pattern)
                    ),
                )
                .at(at())
                .with_help(help);
            }
        }
    }
    let sources = node.matches.iter().flatten().map(|m| m.pattern.clone());
    (!failed).then(|| Matcher::new(sources.collect()))
}

/// The pattern as the author wrote it, backslashes and all; only control characters
/// (which YAML's double quotes can make) are shown as escapes.
fn as_written(pattern: &str) -> String {
    pattern
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
