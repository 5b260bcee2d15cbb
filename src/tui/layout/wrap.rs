//! Measuring and breaking text by terminal cells, so the body's layout is known exactly.

use ratatui::text::Span;
use unicode_segmentation::UnicodeSegmentation;

/// How many terminal cells `text` takes.
pub fn width(text: &str) -> usize {
    Span::raw(text).width()
}

/// Breaks `text` into lines at most `width` cells wide, at spaces where possible.
///
/// Line breaks in the text are kept; a word longer than a line is split. Always gives at
/// least one line, and every line holds at least one character, so a width of 0 or a
/// character wider than the line cannot loop forever.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0;
        for word in paragraph.split(' ').filter(|word| !word.is_empty()) {
            let word_width = self::width(word);
            if line_width > 0 && line_width + 1 + word_width <= width {
                line.push(' ');
                line.push_str(word);
                line_width += 1 + word_width;
                continue;
            }
            if line_width > 0 {
                lines.push(std::mem::take(&mut line));
            }
            let mut pieces = hard_wrap(word, width);
            line = pieces.pop().unwrap_or_default();
            line_width = self::width(&line);
            lines.append(&mut pieces);
        }
        lines.push(line);
    }
    lines
}

/// The characters of `text` as the terminal draws them — grapheme clusters, so an emoji
/// with its presentation selector ("❤\u{fe0f}", two cells) is never split or measured
/// as one cell — each with its width in cells.
pub fn cells(text: &str) -> impl DoubleEndedIterator<Item = (&str, usize)> {
    text.graphemes(true).map(|g| (g, width(g)))
}

/// Cuts `text` into pieces at most `width` cells wide without looking for spaces (for
/// addresses, which must be shown in full). Always gives at least one piece.
pub fn hard_wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut piece_width = 0;
    for (c, c_width) in cells(text) {
        if piece_width + c_width > width && !piece.is_empty() {
            pieces.push(std::mem::take(&mut piece));
            piece_width = 0;
        }
        piece.push_str(c);
        piece_width += c_width;
    }
    pieces.push(piece);
    pieces
}

/// Keeps the start of `text`, at most `width` cells, ending in "…" when cut.
pub fn truncate_end(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_owned();
    }
    let mut kept = String::new();
    let mut kept_width = 0;
    for (c, c_width) in cells(text) {
        if kept_width + c_width + 1 > width {
            break;
        }
        kept.push_str(c);
        kept_width += c_width;
    }
    if width > 0 {
        kept.push('…');
    }
    kept
}

/// Keeps the end of `text`, at most `width` cells, starting with "…" when cut.
pub fn truncate_start(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_owned();
    }
    let mut kept = Vec::new();
    let mut kept_width = 0;
    for (c, c_width) in cells(text).rev() {
        if kept_width + c_width + 1 > width {
            break;
        }
        kept.push(c);
        kept_width += c_width;
    }
    let mut out = String::new();
    if width > 0 {
        out.push('…');
    }
    out.extend(kept.into_iter().rev());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_at_spaces_and_long_words_split() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("xy", 0), ["x", "y"]);
    }

    #[test]
    fn every_wrapped_line_fits_and_nothing_is_lost() {
        let text = "Select Settings (gear icon) > Account settings > User management, then https://learn.microsoft.com/partner-center/permissions-overview";
        for width in 1..60 {
            let lines = wrap(text, width);
            assert!(
                lines.iter().all(|line| super::width(line) <= width),
                "{width}"
            );
            let joined: String = lines.concat().split_whitespace().collect();
            let expected: String = text.split_whitespace().collect();
            assert_eq!(joined, expected);
        }
    }

    #[test]
    fn hard_wrap_keeps_every_character() {
        let url = "https://example.com/a/very/long/path";
        let pieces = hard_wrap(url, 10);
        assert_eq!(pieces.concat(), url);
        assert!(pieces.iter().all(|p| width(p) <= 10));
        assert_eq!(hard_wrap("日本語", 1), ["日", "本", "語"]);
        let hearts = "❤\u{fe0f}".repeat(3);
        assert_eq!(hard_wrap(&hearts, 4), ["❤\u{fe0f}❤\u{fe0f}", "❤\u{fe0f}"]);
        assert_eq!(truncate_end(&hearts, 4), "❤\u{fe0f}…");
        assert_eq!(truncate_start(&hearts, 4), "…❤\u{fe0f}");
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate_end("abcdef", 4), "abc…");
        assert_eq!(truncate_end("abc", 4), "abc");
        assert_eq!(truncate_start("abcdef", 4), "…def");
        assert_eq!(truncate_start("abcdef", 0), "");
        assert_eq!(truncate_end("abcdef", 1), "…");
    }
}
