//! Gives each diagnostic its line, column and underlined source line.

use super::diagnostic::{Diagnostic, Location, Snippet};
use super::line_column::byte_in_line;
use super::positions::PositionIndex;

/// Fills in `location` (from the diagnostic's path, through `index`, the position index
/// of `text`) and `snippet` for every diagnostic that can have them.
pub(crate) fn locate<'a>(
    diagnostics: impl IntoIterator<Item = &'a mut Diagnostic>,
    text: &str,
    index: &PositionIndex,
) {
    let mut diagnostics = diagnostics.into_iter().peekable();
    if diagnostics.peek().is_none() {
        return;
    }
    let lines: Vec<&str> = text.lines().collect();
    for diagnostic in diagnostics {
        let mut end_column = None;
        if let (None, Some(path)) = (diagnostic.location, &diagnostic.path)
            && let Some(place) = index.find(path)
        {
            let span = match place.key {
                Some(key) if !diagnostic.code.points_at_value() => key,
                _ => place.value,
            };
            diagnostic.location = Some(Location {
                line: span.line(),
                column: span.column(),
            });
            if let Some(end) = span.end_col_on_its_line().filter(|&end| end > span.col()) {
                end_column = Some(end + 1);
            }
        }
        if let Some(location) = diagnostic.location
            && let Some(line) = lines.get(location.line.wrapping_sub(1))
        {
            diagnostic.snippet = Some(snippet(line, location.column, end_column));
        }
    }
}

/// The line with the part from `column` to `end_column` (both from 1, in characters) marked;
/// without an end, the word at `column`.
fn snippet(line: &str, column: usize, end_column: Option<usize>) -> Snippet {
    let byte_at = |column: usize| byte_in_line(line, column);
    let start = byte_at(column);
    let end = match end_column {
        Some(end) => byte_at(end),
        None => {
            let rest = &line[start..];
            let word = rest
                .find(|c: char| c.is_whitespace() || matches!(c, ',' | '}' | ']' | ':'))
                .unwrap_or(rest.len());
            start + word.max(rest.chars().next().map_or(0, char::len_utf8))
        }
    };
    Snippet {
        line_text: line.to_owned(),
        start,
        end: end.max(start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_at_the_column_is_marked() {
        let s = snippet("    next: pasword", 11, None);
        assert_eq!(&s.line_text[s.start..s.end], "pasword");
        let s = snippet("  a: { kind: x }", 8, Some(12));
        assert_eq!(&s.line_text[s.start..s.end], "kind");
        let s = snippet("short", 40, None);
        assert_eq!((s.start, s.end), (5, 5));
    }
}
