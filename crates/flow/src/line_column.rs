//! Lines and columns as messages give them — both from 1, the column in characters —
//! worked out from byte offsets and back, in one place.

/// Line and column of a byte offset of `text` (an offset inside a character counts as
/// that character; one past the end as the end).
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = text.floor_char_boundary(offset.min(text.len()));
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// The byte offset of `line` and `column` in `text`; past the end of the text, its end.
pub(crate) fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(at, _)| at + 1)
    };
    line_start + byte_in_line(&text[line_start..], column)
}

/// The byte offset of `column` in `line` (a line's text, or the text from a line's
/// start); past its end, its length.
pub(crate) fn byte_in_line(line: &str, column: usize) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(at, _)| at)
}

/// Where `text` ends: its last line (lines end at `\r\n`, `\n` or a lone `\r`, as in
/// YAML) and the column after its last character.
pub(crate) fn end_of(text: &str) -> (usize, usize) {
    let breaks =
        text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count();
    let last_line = text.rfind(['\n', '\r']).map_or(text, |at| &text[at + 1..]);
    (breaks + 1, last_line.chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_places_turn_into_each_other() {
        let text = "ab\nçd\ne";
        for offset in [0, 1, 3, 5, 6, 7, 8] {
            let (line, column) = line_column(text, offset);
            assert_eq!(byte_offset(text, line, column), offset, "{offset}");
        }
        assert_eq!(line_column(text, 4), (2, 1), "inside the ç");
        assert_eq!(line_column(text, 100), (3, 2), "past the end");
        assert_eq!(byte_offset(text, 9, 1), text.len());
        assert_eq!(byte_in_line("çd", 2), 2);
        assert_eq!(end_of("a\r\nb\rc\n"), (4, 1));
        assert_eq!(end_of("a\nbç"), (2, 3));
    }
}
