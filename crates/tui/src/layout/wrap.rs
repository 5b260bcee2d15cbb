//! Measuring and breaking text by terminal cells, so the body's layout is known exactly.

use ratatui::text::Span;
use unicode_segmentation::UnicodeSegmentation;

/// How many terminal cells `text` takes.
pub fn width(text: &str) -> usize {
    Span::raw(text).width()
}

/// Breaks `text` into lines at most `width` cells wide, at spaces where possible.
///
/// Line breaks in the text are kept; a word longer than a line is split, except a web
/// address, which is shortened instead (see `shorten_url`): split, it would copy broken. Always gives at
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
            let mut pieces = address_pieces(word, width);
            line = pieces.pop().unwrap_or_default();
            line_width = self::width(&line);
            lines.append(&mut pieces);
        }
        lines.push(line);
    }
    lines
}

/// The fewest cells a shortened address glued to text before it (`(https://…`) keeps on
/// the text's line; with less room it starts a line of its own.
const GLUED_ADDRESS_ROOM: usize = 20;

/// Where a web address starts in `word`, if it holds one: at its start, or after text
/// glued to it, such as a bracket or a quote.
fn address_start(word: &str) -> Option<usize> {
    ["https://", "http://"]
        .iter()
        .filter_map(|scheme| word.find(scheme))
        .min()
}

/// A word too long for its line, in lines: cut anywhere, except a web address in it,
/// which is shortened and kept on one line (split, it would copy broken).
fn address_pieces(word: &str, width: usize) -> Vec<String> {
    let Some(at) = address_start(word) else {
        return hard_wrap(word, width);
    };
    let (lead, address) = word.split_at(at);
    if lead.is_empty() {
        return vec![shorten_url(address, width)];
    }
    let room = width.saturating_sub(self::width(lead));
    let address_width = self::width(address);
    // Beside its text when it fits there whole, or when it is shortened on any line.
    if address_width <= room || (address_width > width && room >= GLUED_ADDRESS_ROOM) {
        return vec![format!("{lead}{}", shorten_url(address, room))];
    }
    let mut pieces = hard_wrap(lead, width);
    pieces.push(shorten_url(address, width));
    pieces
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

/// An address that fits `width` cells: the whole address when it fits, otherwise its
/// scheme and host, "…", and as much of its end as fits (`https://learn.microsoft.com/…/
/// unable-to-sign-in`), so it still says where it goes. Never split over lines: the
/// full address stays one key away (copied with the transcript, opened as a hyperlink).
pub(crate) fn shorten_url(url: &str, width: usize) -> String {
    if self::width(url) <= width {
        return url.to_owned();
    }
    let host_end = url
        .find("://")
        .map(|scheme| scheme + 3)
        .and_then(|after| url[after..].find('/').map(|slash| after + slash + 1));
    let Some(head) = host_end.map(|end| &url[..end]) else {
        return truncate_end(url, width);
    };
    let room = width.saturating_sub(self::width(head));
    // Keep the end only when enough of it shows to recognise the page.
    if room < 9 {
        return truncate_end(url, width);
    }
    let path = &url[head.len()..];
    // Whole path segments read best ("…/reset-my-password"); a cut segment when none fits.
    let tail = path
        .match_indices('/')
        .map(|(at, _)| &path[at..])
        .find(|tail| self::width(tail) < room)
        .map_or_else(|| truncate_start(path, room), |tail| format!("…{tail}"));
    format!("{head}{tail}")
}

/// Keeps the first whole words of `text` that fit in `width` cells with "…" after them when
/// cut; a first word too long for that is cut as [`truncate_end`] cuts.
pub(crate) fn truncate_words(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_owned();
    }
    let mut kept = String::new();
    for word in text.split(' ').filter(|word| !word.is_empty()) {
        let candidate = if kept.is_empty() {
            word.to_owned()
        } else {
            format!("{kept} {word}")
        };
        if self::width(&candidate) + 1 > width {
            break;
        }
        kept = candidate;
    }
    if kept.is_empty() {
        return truncate_end(text, width);
    }
    kept.push('…');
    kept
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
        assert_eq!(
            wrap("see https://example.com/a/long-page now", 24),
            ["see", "https://example.com/a/l…", "now"]
        );
    }

    #[test]
    fn an_address_glued_to_text_is_shortened_not_split() {
        let text = "(https://learn.microsoft.com/partner-center/a-very-long-address)";
        assert_eq!(wrap(text, 40), ["(https://learn.microsoft.com/…g-address)"]);
        // Too little room beside the text before it: the address starts its own line.
        let glued = "abcdefghijklmnopqrstuvwxyzhttps://example.com/a/page";
        assert_eq!(
            wrap(glued, 30),
            ["abcdefghijklmnopqrstuvwxyz", "https://example.com/a/page"]
        );
        // Whole on a line of its own rather than shortened beside the text.
        let long = "(https://learn.microsoft.com/partner-center/a-long-address)";
        assert_eq!(
            wrap(&format!("abcdefghijklmnopqrstuvwxyz{long}"), 60),
            ["abcdefghijklmnopqrstuvwxyz(", &long[1..]]
        );
    }

    #[test]
    fn every_wrapped_line_fits_and_nothing_is_lost_but_an_address_too_long_to_fit() {
        let url = "https://learn.microsoft.com/partner-center/permissions-overview";
        let words = "Select Settings (gear icon) > Account settings > User management, then";
        let text = format!("{words} {url}");
        for width in 10..90 {
            let lines = wrap(&text, width);
            assert!(
                lines.iter().all(|line| super::width(line) <= width),
                "{width}"
            );
            let address = lines
                .iter()
                .find_map(|line| line.find("https://").map(|at| line[at..].to_owned()));
            let shown = if width >= url.len() {
                url.to_owned()
            } else {
                shorten_url(url, width)
            };
            assert_eq!(address, Some(shown.clone()), "{width}: never split");
            let joined: String = lines.concat().split_whitespace().collect();
            let expected: String = format!("{words} {shown}").split_whitespace().collect();
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
    fn long_addresses_keep_their_host_and_their_end() {
        let url = "https://learn.microsoft.com/partner-center/account-settings/unable-to-sign-in";
        assert_eq!(shorten_url(url, 80), url);
        assert_eq!(
            shorten_url(url, 48),
            "https://learn.microsoft.com/…/unable-to-sign-in"
        );
        assert_eq!(
            shorten_url(url, 46),
            "https://learn.microsoft.com/…unable-to-sign-in"
        );
        for width in 0..90 {
            let short = shorten_url(url, width);
            assert!(super::width(&short) <= width.max(1), "{width}: {short}");
        }
        assert_eq!(shorten_url(url, 20), "https://learn.micro…");
    }

    #[test]
    fn truncating_by_words_keeps_whole_words() {
        assert_eq!(truncate_words("one two three", 13), "one two three");
        assert_eq!(truncate_words("one two three", 12), "one two…");
        assert_eq!(truncate_words("one two three", 5), "one…");
        assert_eq!(truncate_words("abcdefgh ij", 4), "abc…");
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
