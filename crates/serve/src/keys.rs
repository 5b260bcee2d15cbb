//! Keys from a remote terminal: the bytes an SSH client sends for what is typed, turned
//! into the key events the full-screen wizard understands (xterm's encoding, which
//! every current terminal uses: `ESC [ A` for ↑, `ESC [ 3 ~` for Delete, `ESC [ 200 ~`
//! around a bracketed paste).

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// The most bytes a bracketed paste may hold; the rest of a longer one is dropped.
const MAX_PASTE: usize = 64 * 1024;

/// Turns a remote terminal's bytes into events, keeping an escape sequence or paste
/// that a packet ended in the middle of for the next packet.
#[derive(Debug, Default)]
pub struct KeyParser {
    /// Bytes of an unfinished sequence or UTF-8 character.
    pending: Vec<u8>,
    /// The text of a bracketed paste in progress.
    paste: Option<Vec<u8>>,
}

impl KeyParser {
    /// The events in `bytes` (one packet from the client).
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        self.pending.extend_from_slice(bytes);
        let mut events = Vec::new();
        let mut at = 0;
        while at < self.pending.len() {
            let rest = &self.pending[at..];
            if let Some(paste) = &mut self.paste {
                match find(rest, b"\x1b[201~") {
                    Some(end) => {
                        take_paste(paste, &rest[..end]);
                        let text = String::from_utf8_lossy(paste).into_owned();
                        events.push(Event::Paste(text));
                        self.paste = None;
                        at += end + 6;
                    }
                    None => {
                        // Keep a possible start of the closing sequence for the next packet.
                        let keep = rest.len().min(5);
                        take_paste(paste, &rest[..rest.len() - keep]);
                        at = self.pending.len() - keep;
                        break;
                    }
                }
                continue;
            }
            match parse_one(rest) {
                Parsed::Event(event, used) => {
                    events.extend(event);
                    at += used;
                }
                Parsed::PasteStart(used) => {
                    self.paste = Some(Vec::new());
                    at += used;
                }
                Parsed::Incomplete => break,
            }
        }
        self.pending.drain(..at);
        // A lone Escape arrives as one byte: it is the key, not the start of a sequence.
        if self.paste.is_none() && self.pending == [0x1b] {
            self.pending.clear();
            events.push(key(KeyCode::Esc, KeyModifiers::NONE));
        }
        events
    }
}

impl KeyParser {
    /// How many bytes are held between packets now.
    #[cfg(test)]
    fn held(&self) -> usize {
        self.pending.len() + self.paste.as_ref().map_or(0, Vec::len)
    }
}

/// Adds `bytes` to a paste, up to [`MAX_PASTE`].
fn take_paste(paste: &mut Vec<u8>, bytes: &[u8]) {
    let room = MAX_PASTE.saturating_sub(paste.len());
    paste.extend_from_slice(&bytes[..bytes.len().min(room)]);
}

/// Where `needle` starts in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// What the bytes at the start of the input are.
enum Parsed {
    /// An event (or nothing, for a sequence not understood) and how many bytes it took.
    Event(Option<Event>, usize),
    /// The start of a bracketed paste, and its length.
    PasteStart(usize),
    /// Not all of it has arrived yet.
    Incomplete,
}

/// A key press event.
fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// Parses the first key in `bytes` (not empty).
fn parse_one(bytes: &[u8]) -> Parsed {
    let first = bytes[0];
    let plain = |code| Parsed::Event(Some(key(code, KeyModifiers::NONE)), 1);
    match first {
        0x1b => parse_escape(bytes),
        b'\r' | b'\n' => plain(KeyCode::Enter),
        b'\t' => plain(KeyCode::Tab),
        0x7f | 0x08 => plain(KeyCode::Backspace),
        0x01..=0x1a => {
            let letter = char::from(b'a' + first - 1);
            Parsed::Event(Some(key(KeyCode::Char(letter), KeyModifiers::CONTROL)), 1)
        }
        0x00..=0x1f => Parsed::Event(None, 1),
        _ => parse_char(bytes),
    }
}

/// Parses one UTF-8 character.
fn parse_char(bytes: &[u8]) -> Parsed {
    let width = match bytes[0] {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return Parsed::Event(None, 1),
    };
    if bytes.len() < width {
        return Parsed::Incomplete;
    }
    match std::str::from_utf8(&bytes[..width])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => Parsed::Event(Some(key(KeyCode::Char(c), KeyModifiers::NONE)), width),
        None => Parsed::Event(None, 1),
    }
}

/// Parses a sequence starting with Escape: CSI (`ESC [`), SS3 (`ESC O`) or Alt+key.
fn parse_escape(bytes: &[u8]) -> Parsed {
    let Some(&second) = bytes.get(1) else {
        return Parsed::Incomplete;
    };
    match second {
        b'[' => parse_csi(bytes),
        b'O' => match bytes.get(2) {
            None => Parsed::Incomplete,
            Some(&last) => Parsed::Event(final_key(last, KeyModifiers::NONE), 3),
        },
        0x1b => Parsed::Event(Some(key(KeyCode::Esc, KeyModifiers::NONE)), 1),
        _ => match parse_one(&bytes[1..]) {
            Parsed::Event(Some(Event::Key(mut event)), used) => {
                event.modifiers |= KeyModifiers::ALT;
                Parsed::Event(Some(Event::Key(event)), used + 1)
            }
            Parsed::Event(other, used) => Parsed::Event(other, used + 1),
            other => other,
        },
    }
}

/// Parses `ESC [ parameters final`.
fn parse_csi(bytes: &[u8]) -> Parsed {
    let body = &bytes[2..];
    let Some(end) = body.iter().position(|b| (0x40..=0x7e).contains(b)) else {
        // A sequence never grows this long: drop the Escape rather than wait forever.
        return if body.len() > 16 {
            Parsed::Event(None, 1)
        } else {
            Parsed::Incomplete
        };
    };
    let used = 2 + end + 1;
    let params = std::str::from_utf8(&body[..end]).unwrap_or("");
    let mut numbers = params.split(';').map(|p| p.parse::<u16>().unwrap_or(1));
    let first = numbers.next().unwrap_or(1);
    let modifiers = modifiers(numbers.next().unwrap_or(1));
    let event = match body[end] {
        b'~' => match first {
            200 => return Parsed::PasteStart(used),
            1 | 7 => Some(key(KeyCode::Home, modifiers)),
            2 => Some(key(KeyCode::Insert, modifiers)),
            3 => Some(key(KeyCode::Delete, modifiers)),
            4 | 8 => Some(key(KeyCode::End, modifiers)),
            5 => Some(key(KeyCode::PageUp, modifiers)),
            6 => Some(key(KeyCode::PageDown, modifiers)),
            n @ 11..=15 => Some(key(KeyCode::F((n - 10) as u8), modifiers)),
            _ => None,
        },
        b'Z' => Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        last => final_key(last, modifiers),
    };
    Parsed::Event(event, used)
}

/// The key of a sequence's final byte (arrows, Home, End, F1–F4).
fn final_key(last: u8, modifiers: KeyModifiers) -> Option<Event> {
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'R' => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        _ => return None,
    };
    Some(key(code, modifiers))
}

/// xterm's modifier parameter (1 + Shift 1 + Alt 2 + Ctrl 4).
fn modifiers(parameter: u16) -> KeyModifiers {
    let bits = parameter.saturating_sub(1);
    let mut modifiers = KeyModifiers::NONE;
    if bits & 1 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    modifiers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(parser: &mut KeyParser, bytes: &[u8]) -> Vec<KeyCode> {
        parser
            .feed(bytes)
            .into_iter()
            .map(|event| match event {
                Event::Key(key) => key.code,
                other => panic!("not a key: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn arrows_letters_and_enter_in_one_packet() {
        let mut parser = KeyParser::default();
        let got = keys(&mut parser, b"\x1b[B\x1bOA2\r\x7f\x1b[3~");
        assert_eq!(
            got,
            [
                KeyCode::Down,
                KeyCode::Up,
                KeyCode::Char('2'),
                KeyCode::Enter,
                KeyCode::Backspace,
                KeyCode::Delete
            ]
        );
    }

    #[test]
    fn a_sequence_split_over_packets_waits_for_its_end() {
        let mut parser = KeyParser::default();
        assert!(keys(&mut parser, b"\x1b[").is_empty());
        assert_eq!(keys(&mut parser, b"D"), [KeyCode::Left]);
        assert!(keys(&mut parser, "é".as_bytes().get(..1).unwrap()).is_empty());
        assert_eq!(
            keys(&mut parser, &"é".as_bytes()[1..]),
            [KeyCode::Char('é')]
        );
    }

    #[test]
    fn a_lone_escape_is_the_escape_key() {
        let mut parser = KeyParser::default();
        assert_eq!(keys(&mut parser, b"\x1b"), [KeyCode::Esc]);
        assert_eq!(
            parser.feed(b"\x03"),
            [key(KeyCode::Char('c'), KeyModifiers::CONTROL)]
        );
    }

    #[test]
    fn a_bracketed_paste_is_one_event_even_across_packets() {
        let mut parser = KeyParser::default();
        assert!(parser.feed(b"\x1b[200~two\x1b[2").is_empty());
        assert_eq!(
            parser.feed(b" words\x1b[201~q"),
            [
                Event::Paste("two\x1b[2 words".to_owned()),
                key(KeyCode::Char('q'), KeyModifiers::NONE)
            ]
        );
    }

    #[test]
    fn an_endless_paste_or_sequence_holds_a_bounded_number_of_bytes() {
        let mut parser = KeyParser::default();
        assert!(parser.feed(b"\x1b[200~").is_empty());
        let packet = vec![b'x'; 32 * 1024];
        for _ in 0..128 {
            assert!(parser.feed(&packet).is_empty());
            assert!(parser.held() <= MAX_PASTE + 5, "{}", parser.held());
        }
        match parser.feed(b"\x1b[201~").as_slice() {
            [Event::Paste(text)] => assert_eq!(text.len(), MAX_PASTE),
            other => panic!("not one paste: {other:?}"),
        }
        assert_eq!(parser.held(), 0);

        // A control sequence that never ends is dropped, not kept.
        let mut endless = b"\x1b[".to_vec();
        endless.extend(std::iter::repeat_n(b'1', 1 << 20));
        parser.feed(&endless);
        assert!(parser.held() <= 32, "{}", parser.held());
    }
}
