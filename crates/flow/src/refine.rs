//! Puts YAML errors where an author would look for them, with advice in their words:
//! the repeated key rather than the mapping it is in, the quote that was never closed
//! rather than the end of the file, the tab, the stray `---`, the control byte.

use super::diagnostic::{Diagnostic, Location};
use super::line_column::{byte_offset, line_column};
use super::positions::PositionIndex;
use super::reader::{MAX_FLOW_NESTING, ReadErrorKind, SyntaxKind};

/// Improves the place and help of a syntax or type error found in `text`, knowing what
/// happened (`kind`); `index` has the places of what was read before it.
pub(crate) fn refine(
    diagnostic: &mut Diagnostic,
    text: &str,
    index: &PositionIndex,
    kind: &ReadErrorKind,
) {
    match kind {
        ReadErrorKind::ControlCharacter { offset } => control_byte(diagnostic, text, *offset),
        ReadErrorKind::RepeatedKey(key) => repeated_key(diagnostic, index, key),
        ReadErrorKind::SecondDocument => second_document(diagnostic, text),
        ReadErrorKind::Syntax(SyntaxKind::UnclosedQuote) => unclosed_quote(diagnostic, text),
        ReadErrorKind::Syntax(SyntaxKind::QuoteRunsOn) => quote_runs_on(diagnostic, text),
        ReadErrorKind::BracketsTooDeep => {
            if diagnostic.location.is_none()
                && let Some(at) = too_deep_at(text)
            {
                let (line, column) = line_column(text, at);
                set(diagnostic, line, column);
            }
            diagnostic.help =
                Some("close the brackets; a flow never needs this much nesting".to_owned());
        }
        ReadErrorKind::NotPerLanguage => {
            diagnostic.help = Some(
                "write the text per language, like `text: { en: \"…\", nl: \"…\" }`".to_owned(),
            );
        }
        ReadErrorKind::Syntax(SyntaxKind::Other) => unclosed_bracket(diagnostic, text),
        ReadErrorKind::Other => {}
    }
    tab(diagnostic, text);
}

fn set(diagnostic: &mut Diagnostic, line: usize, column: usize) {
    diagnostic.location = Some(Location { line, column });
}

fn control_byte(diagnostic: &mut Diagnostic, text: &str, offset: usize) {
    let (line, column) = line_column(text, offset);
    set(diagnostic, line, column);
    let found = text[text.floor_char_boundary(offset.min(text.len()))..]
        .chars()
        .next();
    diagnostic.message = match found {
        Some(c) => format!("the file contains the control character U+{:04X}", c as u32),
        None => "the file contains a control character".to_owned(),
    };
    diagnostic.help = Some(if text.matches('\0').count() > text.len() / 4 {
        "the file looks like UTF-16 text: save it as UTF-8".to_owned()
    } else {
        "remove it (it was probably pasted from another program); flow files are plain text"
            .to_owned()
    });
}

fn repeated_key(diagnostic: &mut Diagnostic, index: &PositionIndex, key: &str) {
    let after = diagnostic
        .location
        .map_or((0, 0), |at| (at.line, at.column));
    let repeat = index
        .repeats_of(key)
        .into_iter()
        .map(|place| place.key.unwrap_or(place.value))
        .find(|start| (start.line(), start.column()) >= after);
    if let Some(start) = repeat {
        set(diagnostic, start.line(), start.column());
        diagnostic.help = Some(format!("`{key}` is given twice here; keep one of them"));
    }
}

fn second_document(diagnostic: &mut Diagnostic, text: &str) {
    let mut content_seen = false;
    for (number, line) in text.lines().enumerate() {
        let trimmed = line.trim_end();
        if content_seen && (trimmed == "---" || trimmed == "...") {
            set(diagnostic, number + 1, 1);
            break;
        }
        let code = line.trim_start();
        content_seen |= !code.is_empty() && !code.starts_with('#') && trimmed != "---";
    }
    diagnostic.help = Some(
        "a flow file holds one YAML document: remove this line, or put the rest in its own file of a flow folder"
            .to_owned(),
    );
}

/// Finds the last quote that opens a quoted text and is never closed.
fn unclosed_quote(diagnostic: &mut Diagnostic, text: &str) {
    if let Some((at, quote)) = scan_outside_quotes(text, |_, _| true) {
        let (line, column) = line_column(text, at);
        set(diagnostic, line, column);
        diagnostic.message = format!("this {quote} quote is never closed");
        diagnostic.help = Some(format!("end the text with a matching {quote}"));
    }
}

/// Where brackets first nest deeper than [`MAX_FLOW_NESTING`], if they do.
fn too_deep_at(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut too_deep_at = None;
    scan_outside_quotes(text, |at, c| {
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > MAX_FLOW_NESTING {
            too_deep_at = Some(at);
            return false;
        }
        true
    });
    too_deep_at
}

/// A quoted text that goes on over the next lines: YAML takes the next quote of the same
/// kind as its end and only sees a problem after that, so the error is put there and the
/// message names the quote that opened it.
fn quote_runs_on(diagnostic: &mut Diagnostic, text: &str) {
    let Some(at) = diagnostic.location else {
        return;
    };
    let error = byte_offset(text, at.line, at.column);
    let through_error = text.ceil_char_boundary(error + 1);
    let Some((open, quote)) = scan_outside_quotes(&text[..through_error], |_, _| true) else {
        return;
    };
    let (open_line, open_column) = line_column(text, open);
    diagnostic.help = Some(format!(
        "end the text with a matching {quote} on the line it starts on"
    ));
    match closing_quote(text, open, quote) {
        Some(close) => {
            let (line, column) = line_column(text, close + 1);
            set(diagnostic, line, column);
            diagnostic.message = format!(
                "the text opened with {quote} at line {open_line} column {open_column} runs on to the next {quote}"
            );
        }
        None => {
            set(diagnostic, open_line, open_column);
            diagnostic.message = format!("this {quote} quote is never closed");
        }
    }
}

/// The byte offset of the quote that closes the one opened at `open`.
fn closing_quote(text: &str, open: usize, quote: char) -> Option<usize> {
    let mut chars = text[open + 1..].char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            '\'' if quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                chars.next();
            }
            c if c == quote => return Some(open + 1 + at),
            _ => {}
        }
    }
    None
}

/// A syntax error after a `[` or `{` that is never closed: the bracket is the problem. YAML
/// reads on past the end of the line, so the error is put at the first bracket or colon
/// on a later line (where YAML finds neither `,` nor the closing bracket), and the message
/// names the bracket.
fn unclosed_bracket(diagnostic: &mut Diagnostic, text: &str) {
    let Some(at) = diagnostic.location else {
        return;
    };
    let error = byte_offset(text, at.line, at.column);
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut open_at_error = None;
    scan_outside_quotes(text, |offset, c| {
        if offset >= error && open_at_error.is_none() {
            open_at_error = Some(open.last().copied());
        }
        match c {
            '[' | '{' => open.push((offset, c)),
            ']' | '}' => {
                open.pop();
            }
            _ => {}
        }
        true
    });
    let Some((bracket, c)) = open_at_error.flatten().or_else(|| open.last().copied()) else {
        return;
    };
    if !open.contains(&(bracket, c)) {
        return;
    }
    let closer = if c == '[' { ']' } else { '}' };
    let (line, column) = line_column(text, bracket);
    let next_line = text[bracket..]
        .find('\n')
        .map_or(text.len(), |n| bracket + n + 1);
    let mut stuck = None;
    scan_outside_quotes(&text[next_line..], |offset, c| {
        if matches!(c, ':' | '[' | ']' | '{' | '}') {
            stuck = Some(next_line + offset);
            return false;
        }
        true
    });
    if let Some(stuck) = stuck {
        let (line, column) = line_column(text, stuck);
        set(diagnostic, line, column);
    }
    diagnostic.message = format!(
        "the `{c}` at line {line} column {column} is never closed: did not find expected ',' or '{closer}'"
    );
    diagnostic.help = Some(format!(
        "close it with `{closer}` at the end of its entries"
    ));
}

/// Calls `visit` with each character outside quoted text and comments (and its byte
/// offset) until it returns false. Returns the quote still open at the end, if any.
fn scan_outside_quotes(
    text: &str,
    mut visit: impl FnMut(usize, char) -> bool,
) -> Option<(usize, char)> {
    let mut open: Option<(usize, char)> = None;
    let mut previous = '\n';
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match open {
            Some((_, '"')) if c == '\\' => {
                chars.next();
            }
            Some((_, '\'')) if c == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                chars.next();
            }
            Some((_, quote)) if c == quote => open = None,
            Some(_) => {}
            None if c == '#' && previous.is_whitespace() => {
                while chars.peek().is_some_and(|&(_, n)| n != '\n') {
                    chars.next();
                }
            }
            None if (c == '"' || c == '\'')
                && (previous.is_whitespace() || "[{,:-".contains(previous)) =>
            {
                open = Some((at, c));
            }
            None => {
                if !visit(at, c) {
                    return None;
                }
            }
        }
        previous = c;
    }
    open
}

/// A tab where YAML expects indentation gets its own advice.
fn tab(diagnostic: &mut Diagnostic, text: &str) {
    let Some(at) = diagnostic.location else {
        return;
    };
    let Some(line) = text.lines().nth(at.line.saturating_sub(1)) else {
        return;
    };
    let indent = &line[..line.len() - line.trim_start().len()];
    if let Some(position) = indent.find('\t') {
        set(diagnostic, at.line, indent[..position].chars().count() + 1);
        diagnostic.message = "a tab is used for indentation".to_owned();
        diagnostic.help =
            Some("YAML indents with spaces only: replace the tab with spaces".to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;

    fn refined(kind: ReadErrorKind, at: Option<(usize, usize)>, text: &str) -> Diagnostic {
        let mut diagnostic = Diagnostic::new(Code::Syntax, "t.yaml", "as the reader said");
        diagnostic.location = at.map(|(line, column)| Location { line, column });
        let index = PositionIndex::build(text);
        refine(&mut diagnostic, text, &index, &kind);
        diagnostic
    }

    fn at(d: &Diagnostic) -> (usize, usize) {
        d.location.map(|l| (l.line, l.column)).unwrap()
    }

    #[test]
    fn a_repeated_key_is_pointed_at_where_it_repeats() {
        let text = "nodes:\n  a:\n    kind: solved\n    text: x\n    title: y\n    text: z\n";
        assert_eq!(
            at(&refined(
                ReadErrorKind::RepeatedKey("text".to_owned()),
                Some((3, 5)),
                text
            )),
            (6, 5)
        );
    }

    #[test]
    fn an_unclosed_quote_is_found_where_it_opens() {
        let text = "a: \"closed\"\nb: it's fine\nc: \"never closed\n";
        let d = refined(
            ReadErrorKind::Syntax(SyntaxKind::UnclosedQuote),
            Some((4, 1)),
            text,
        );
        assert_eq!(at(&d), (3, 4));
    }

    #[test]
    fn a_quote_that_runs_on_is_placed_after_the_quote_that_ends_it() {
        let text = "a:\n  en: \"open\n  b: 1\n  c: \"x\"\n";
        let d = refined(
            ReadErrorKind::Syntax(SyntaxKind::QuoteRunsOn),
            Some((3, 3)),
            text,
        );
        assert_eq!(at(&d), (4, 7));
        assert!(d.message.contains("line 2 column 7"), "{}", d.message);
    }

    #[test]
    fn an_unclosed_bracket_is_named() {
        let text = "a: [one\nb: two\n";
        let mut d = Diagnostic::new(Code::Syntax, "t.yaml", "illegal placement");
        d.location = Some(Location { line: 2, column: 2 });
        let syntax = ReadErrorKind::Syntax(SyntaxKind::Other);
        refine(&mut d, text, &PositionIndex::default(), &syntax);
        assert_eq!(at(&d), (2, 2));
        assert!(
            d.message.contains("`[` at line 1 column 4"),
            "{}",
            d.message
        );
        assert!(d.message.contains("']'"));
    }

    #[test]
    fn control_bytes_and_tabs_and_second_documents_are_placed() {
        let d = refined(
            ReadErrorKind::ControlCharacter { offset: 9 },
            None,
            "a: b\nc: d\u{b}e\n",
        );
        assert_eq!((at(&d), d.message.contains("U+000B")), ((2, 5), true));
        let d = refined(
            ReadErrorKind::Syntax(SyntaxKind::Other),
            Some((2, 1)),
            "a:\n\tb: c\n",
        );
        assert_eq!(
            (at(&d), d.message.as_str()),
            ((2, 1), "a tab is used for indentation")
        );
        let d = refined(
            ReadErrorKind::SecondDocument,
            None,
            "---\na: b\n---\nc: d\n",
        );
        assert_eq!(at(&d), (3, 1));
    }
}
