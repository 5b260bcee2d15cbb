//! Makes text safe: flow text to show (nothing from a flow may steer the terminal), and
//! flow ids to use in file names.

/// Removes everything a terminal could take as a command rather than text: control
/// characters (escape, bell, carriage return, tab…; only the line break stays) and the
/// invisible bidirectional controls that can make text read differently from what it is.
///
/// The checker already refuses control characters in flows; this is the second guard,
/// applied to everything a front end prints.
pub fn clean(text: &str) -> String {
    text.chars().filter(|&c| !is_unsafe(c)).collect()
}

/// Like [`clean`], and also turns line breaks into spaces, for one-line places.
pub fn clean_line(text: &str) -> String {
    clean(text).replace('\n', " ")
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// A flow id made safe for a file name: letters, digits and `-` stay, the rest become `_`.
pub(crate) fn file_name_part(flow_id: &str) -> String {
    flow_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_lose_their_escape_and_controls() {
        assert_eq!(clean("a\u{1b}[2Jb\u{7}c\r\td"), "a[2Jbcd");
        assert_eq!(clean("\u{1b}]52;c;aGk=\u{7}"), "]52;c;aGk=");
        assert_eq!(clean("line\nbreak"), "line\nbreak");
        assert_eq!(clean_line("line\nbreak"), "line break");
    }

    #[test]
    fn bidirectional_overrides_are_removed_but_letters_stay() {
        assert_eq!(clean("abc\u{202E}fed\u{2066}"), "abcfed");
        assert_eq!(clean("geïnteresseerd 👍 日本"), "geïnteresseerd 👍 日本");
    }

    #[test]
    fn c1_controls_are_removed() {
        assert_eq!(clean("a\u{9b}31mb"), "a31mb");
    }
}
