//! Copying text to the clipboard through the terminal (OSC 52), which also works over SSH:
//! the terminal, not this program, puts the text on the clipboard — if it allows it.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The escape sequence that asks the terminal to put `text` on the clipboard:
/// `ESC ] 52 ; c ; BASE64 BEL`. Base64 has no control characters, so nothing in `text`
/// can end or steer the sequence.
pub(crate) fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_sent_as_base64_inside_osc_52() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
        let hostile = osc52("a\x07b\x1b]52;c;evil\x07");
        assert_eq!(hostile.matches('\x07').count(), 1, "{hostile:?}");
        assert_eq!(hostile.matches('\x1b').count(), 1, "{hostile:?}");
    }
}
