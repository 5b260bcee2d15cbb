//! A one-line text field: the text typed so far and where the cursor is, edited by
//! character, and the part of it that fits a box of a given width.

use crate::event::action::Action;
use crate::layout::wrap;

/// The most characters a note or search field takes (10,000, a few pages of text); more
/// typing is ignored, and a longer paste is cut with a message.
pub const MAX_CHARS: usize = 10_000;

/// The most characters an answer box takes: the same as an answer the session keeps, so
/// nothing typed in an answer box is cut later.
pub(crate) const MAX_ANSWER_CHARS: usize = crate::session::MAX_TYPED_CHARS;

/// How a line break in a field is shown.
const LINE_BREAK_SIGN: &str = "⏎";

/// A one-line text field being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// The cursor, as a byte offset on a character boundary of `text`.
    cursor: usize,
    /// The most characters the field takes.
    limit: usize,
}

impl Default for LineInput {
    /// An empty note or search field, holding up to [`MAX_CHARS`].
    fn default() -> LineInput {
        LineInput::with_limit(MAX_CHARS)
    }
}

/// What part of a field fits a box, and where its cursor goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// The text to draw, at most the box's width.
    pub text: String,
    /// The cursor's column, counted from the box's left edge.
    pub cursor: u16,
}

impl LineInput {
    /// An empty field holding up to `limit` characters.
    fn with_limit(limit: usize) -> LineInput {
        LineInput {
            text: String::new(),
            cursor: 0,
            limit,
        }
    }

    /// An empty answer box, holding up to [`MAX_ANSWER_CHARS`].
    pub(crate) fn answer_box() -> LineInput {
        LineInput::with_limit(MAX_ANSWER_CHARS)
    }

    /// An answer box holding `text` (control characters dropped, cut at
    /// [`MAX_ANSWER_CHARS`]) with the cursor at its end.
    pub(crate) fn answer_box_with(text: &str) -> LineInput {
        let mut input = LineInput::answer_box();
        text.chars().for_each(|c| input.insert(c));
        input
    }

    /// Whether the field holds as many characters as it takes, so typing more is ignored.
    pub(crate) fn is_full(&self) -> bool {
        self.text.chars().count() >= self.limit
    }

    /// The text typed so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Types `c` at the cursor. Control characters and typing past the field's limit are
    /// ignored.
    pub fn insert(&mut self, c: char) {
        if c.is_control() || self.is_full() {
            return;
        }
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    /// Applies an editing action: typing, erasing, moving the cursor. Returns false, and
    /// changes nothing, for any other action.
    pub fn edit(&mut self, action: Action) -> bool {
        match action {
            Action::Type(c) => self.insert(c),
            Action::Erase => self.erase_back(),
            Action::EraseForward => self.erase_forward(),
            Action::Left => self.left(),
            Action::Right => self.right(),
            Action::LineStart => self.home(),
            Action::LineEnd => self.end(),
            _ => return false,
        }
        true
    }

    /// Inserts pasted `text` at the cursor in one go: line breaks are kept when
    /// `multi_line` (as `\n`), else become spaces; tabs become spaces; other control
    /// characters are dropped. Returns whether it had to be cut at the field's limit.
    pub fn paste(&mut self, text: &str, multi_line: bool) -> bool {
        let room = self.limit.saturating_sub(self.text.chars().count());
        let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
        let mut kept = String::with_capacity(normalized.len().min(room * 4));
        let mut count = 0;
        let mut cut = false;
        for c in normalized.chars() {
            let c = match c {
                '\n' if multi_line => '\n',
                '\n' | '\t' => ' ',
                c if c.is_control() => continue,
                c => c,
            };
            if count == room {
                cut = true;
                break;
            }
            kept.push(c);
            count += 1;
        }
        self.text.insert_str(self.cursor, &kept);
        self.cursor += kept.len();
        cut
    }

    /// Removes the character before the cursor (Backspace).
    pub(crate) fn erase_back(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
            self.text.remove(self.cursor);
        }
    }

    /// Removes the character under the cursor (Delete).
    pub(crate) fn erase_forward(&mut self) {
        if self.cursor < self.text.len() {
            self.text.remove(self.cursor);
        }
    }

    /// Moves the cursor one character to the left.
    pub fn left(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
        }
    }

    /// Moves the cursor one character to the right.
    pub fn right(&mut self) {
        if let Some(c) = self.text[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }

    /// Moves the cursor to the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// Moves the cursor to the end.
    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    /// The part of the text that fits `width` cells with the cursor in view (the cursor
    /// may sit just after the last character, so one cell is kept for it).
    pub fn shown(&self, width: usize) -> Shown {
        let width = width.max(1);
        // A pasted line break shows as a sign one cell wide.
        let display = self.text.replace('\n', LINE_BREAK_SIGN);
        let before = wrap::width(&self.text[..self.cursor].replace('\n', LINE_BREAK_SIGN));
        // Skip as many leading cells as needed to keep the cursor's cell in the box.
        let skip = (before + 1).saturating_sub(width);
        let mut skipped = 0;
        let mut text = String::new();
        let mut used = 0;
        for (c, c_width) in wrap::cells(&display) {
            if skipped < skip {
                skipped += c_width;
                continue;
            }
            if used + c_width > width {
                break;
            }
            text.push_str(c);
            used += c_width;
        }
        let cursor = before.saturating_sub(skipped).min(width - 1);
        Shown {
            text,
            cursor: cursor as u16,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> LineInput {
        let mut input = LineInput::default();
        text.chars().for_each(|c| input.insert(c));
        input
    }

    #[test]
    fn typing_and_erasing_at_the_cursor() {
        let mut input = typed("caler");
        input.left();
        input.left();
        input.left();
        input.insert('l');
        assert_eq!(input.text(), "caller");
        input.end();
        input.erase_back();
        assert_eq!(input.text(), "calle");
        input.home();
        input.erase_forward();
        input.right();
        input.insert('x');
        assert_eq!(input.text(), "axlle");
        input.home();
        input.erase_back();
        input.end();
        input.erase_forward();
        input.right();
        assert_eq!(
            input.text(),
            "axlle",
            "nothing to erase or move past at the edges"
        );
    }

    #[test]
    fn multi_byte_and_control_characters() {
        let mut input = typed("één\u{1b}[31m");
        assert_eq!(input.text(), "één[31m", "escape dropped");
        input.home();
        input.right();
        input.erase_back();
        assert_eq!(input.text(), "én[31m");
    }

    #[test]
    fn long_text_scrolls_to_keep_the_cursor_in_view() {
        let input = typed("abcdefghij");
        assert_eq!(
            input.shown(4),
            Shown {
                text: "hij".into(),
                cursor: 3
            }
        );
        assert_eq!(
            input.shown(20),
            Shown {
                text: "abcdefghij".into(),
                cursor: 10
            }
        );
        let mut start = input.clone();
        start.home();
        assert_eq!(
            start.shown(4),
            Shown {
                text: "abcd".into(),
                cursor: 0
            }
        );
        let wide = typed("日本語");
        let shown = wide.shown(4);
        assert!(wrap::width(&shown.text) <= 4, "{shown:?}");
        assert!(shown.cursor < 4);
        assert_eq!(typed("").shown(0).cursor, 0);
    }

    #[test]
    fn typing_stops_at_the_limit() {
        let input = typed(&"x".repeat(MAX_CHARS + 10));
        assert_eq!(input.text().len(), MAX_CHARS);
        assert!(input.is_full());
        assert!(!typed("x").is_full());
    }

    #[test]
    fn a_paste_is_one_insertion_cut_at_the_limit() {
        let mut input = typed("ab");
        input.left();
        assert!(!input.paste("one\r\ntwo\tthree\u{7}", true));
        assert_eq!(input.text(), "aone\ntwo threeb");
        assert_eq!(input.shown(80).text, "aone⏎two threeb");
        let mut search = LineInput::default();
        search.paste("x\ny", false);
        assert_eq!(search.text(), "x y");
        let mut big = LineInput::default();
        assert!(big.paste(&"z".repeat(MAX_CHARS * 10), true));
        assert_eq!(big.text().chars().count(), MAX_CHARS);
    }
}
