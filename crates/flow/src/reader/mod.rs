//! Reads a flow file in one pass: serde types straight from the YAML parser's events
//! (saphyr-parser), with the place of every key and value recorded as it goes.
//!
//! There is no event buffer and no second parse: the position index that places the
//! checker's diagnostics is a by-product of reading. The limits that keep hostile files
//! harmless are enforced on the stream: control characters, nesting (64 levels of brackets,
//! 128 of anything), and aliases that would repeat more than the file's own size.

mod de;
mod error;
mod events;
mod scalar;

use serde::Deserialize;
use serde::de::{MapAccess, SeqAccess, Visitor};

pub use error::{ReadError, ReadErrorKind, SyntaxKind};
pub use events::MAX_FLOW_NESTING;

use de::{Reader, spot};
use events::Events;
use saphyr_parser::Event;

use super::line_column::end_of;
use super::positions::PositionIndex;

/// What reading a text gave: the value or the error, and the places of everything read.
pub struct Read<T> {
    /// The value, or why it could not be read.
    pub value: Result<T, ReadError>,
    /// Where each key and value read so far is.
    pub index: PositionIndex,
    /// Keys that name no field of their struct: skipped, so the rest could still be read.
    pub unknown_fields: Vec<ReadError>,
}

/// Reads `text` (one YAML document) as a `T`.
pub fn read<'de, T: Deserialize<'de>>(text: &'de str) -> Read<T> {
    let mut index = PositionIndex::default();
    if let Some(error) = control_character(text) {
        return Read {
            value: Err(error),
            index,
            unknown_fields: Vec::new(),
        };
    }
    let mut events = Events::new(text);
    let root = match start_document(&mut events) {
        Ok(span) => index.push_root(spot(span)),
        Err(error) => {
            return Read {
                value: Err(error.not_past(end_of(text))),
                index,
                unknown_fields: Vec::new(),
            };
        }
    };
    let mut reader = Reader::new(events, index, root);
    let value = match T::deserialize(&mut reader) {
        Ok(value) => end_document(&mut reader.events).map(|()| value),
        Err(error) => Err(reader.events.broken_limit().unwrap_or(error)),
    }
    .map_err(|error| error.not_past(end_of(text)));
    Read {
        value,
        index: reader.index,
        unknown_fields: reader.unknown_fields,
    }
}

/// The position index of `text` alone, however far it reads.
pub(crate) fn index_only(text: &str) -> PositionIndex {
    read::<Anything>(text).index
}

/// Takes the events before the document's value; returns where the value starts.
fn start_document(events: &mut Events) -> Result<saphyr_parser::Span, ReadError> {
    loop {
        match events.peek()? {
            (Event::StreamStart | Event::DocumentStart(_) | Event::Nothing, _) => {
                events.next()?;
            }
            (Event::StreamEnd, _) => return Err(ReadError::new("the file holds no YAML document")),
            (_, span) => return Ok(*span),
        }
    }
}

/// Takes the events after the document's value: only the end of the file may follow.
fn end_document(events: &mut Events) -> Result<(), ReadError> {
    loop {
        match events.next()?.0 {
            Event::DocumentEnd | Event::Nothing => {}
            Event::StreamEnd => return Ok(()),
            _ => {
                return Err(ReadError::new("the file holds more than one YAML document")
                    .because(ReadErrorKind::SecondDocument));
            }
        }
    }
}

/// The first character YAML does not allow in a file (C0 and C1 controls but tab, line
/// feed, carriage return and next line; DEL; U+FFFE and U+FFFF), reported with its byte
/// offset.
fn control_character(text: &str) -> Option<ReadError> {
    let bytes = text.as_bytes();
    let suspicious = |b: u8| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f || b == 0xc2 || b == 0xef
    };
    let mut from = 0;
    while let Some(found) = next_suspicious(&bytes[from..], suspicious) {
        let at = from + found;
        let next = |n: usize| bytes.get(at + n).copied().unwrap_or_default();
        let refused = match bytes[at] {
            0xc2 => (0x80..=0x9f).contains(&next(1)) && next(1) != 0x85,
            0xef => matches!((next(1), next(2)), (0xbf, 0xbe) | (0xbf, 0xbf)),
            _ => true,
        };
        if refused {
            let message = format!("control characters are not allowed at position {at}");
            return Some(
                ReadError::new(message).because(ReadErrorKind::ControlCharacter { offset: at }),
            );
        }
        from = at + 1;
    }
    None
}

/// The first byte of `bytes` that is `suspicious`. Eight bytes at a time are passed over
/// when all are printable ASCII (0x20–0x7E), which is most of a flow file.
fn next_suspicious(bytes: &[u8], suspicious: impl Fn(u8) -> bool) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // A byte below 0x20, or above 0x7E (DEL and every non-ASCII byte), sets its high bit.
        let below_space = word.wrapping_sub(ONES * 0x20) & !word;
        let above_tilde = word.wrapping_add(ONES) | word;
        if (below_space | above_tilde) & HIGH != 0
            && let Some(found) = chunk.iter().position(|&b| suspicious(b))
        {
            return Some(offset + found);
        }
        offset += 8;
    }
    let rest = chunks.remainder();
    rest.iter()
        .position(|&b| suspicious(b))
        .map(|found| offset + found)
}

/// Any YAML value, read only for the places of its parts.
struct Anything;

impl<'de> Deserialize<'de> for Anything {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AnythingVisitor)
    }
}

struct AnythingVisitor;

impl<'de> Visitor<'de> for AnythingVisitor {
    type Value = Anything;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Anything, E> {
        Ok(Anything)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Anything, E> {
        Ok(Anything)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Anything, E> {
        Ok(Anything)
    }

    fn visit_i128<E>(self, _: i128) -> Result<Anything, E> {
        Ok(Anything)
    }

    fn visit_u128<E>(self, _: u128) -> Result<Anything, E> {
        Ok(Anything)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Anything, E> {
        Ok(Anything)
    }

    fn visit_str<E>(self, _: &str) -> Result<Anything, E> {
        Ok(Anything)
    }

    fn visit_unit<E>(self) -> Result<Anything, E> {
        Ok(Anything)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Anything, A::Error> {
        while seq.next_element::<Anything>()?.is_some() {}
        Ok(Anything)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Anything, A::Error> {
        while map.next_entry::<Anything, Anything>()?.is_some() {}
        Ok(Anything)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> ReadError {
        read::<Anything>(text).value.err().expect("refused")
    }

    #[test]
    fn an_alias_bomb_is_refused_on_the_stream_even_when_every_type_accepts_it() {
        let mut text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n".to_owned();
        for (name, previous) in ["b", "c", "d", "e", "f", "g", "h", "i"]
            .iter()
            .zip("abcdefgh".chars())
        {
            let aliases = vec![format!("*{previous}"); 9].join(", ");
            text.push_str(&format!("{name}: &{name} [{aliases}]\n"));
        }
        let error = refused(&text);
        assert!(
            error.to_string().contains("aliases repeat too much"),
            "{error}"
        );
        // Aliases within the limit are expanded, and placed at the alias.
        let fine = read::<Anything>("a: &a [1, 2]\nb: [*a, *a]\n");
        assert!(fine.value.is_ok());
    }

    #[test]
    fn an_alias_inside_its_own_anchor_is_refused() {
        let error = refused("a: &a [1, *a]\n");
        assert!(
            error
                .to_string()
                .contains("refers to the node it is part of"),
            "{error}"
        );
    }

    #[test]
    fn nesting_limits_hold_for_brackets_and_for_blocks() {
        let brackets = format!("a: {}{}\n", "[".repeat(65), "]".repeat(65));
        let error = refused(&brackets);
        assert_eq!(error.location(), Some((1, 4 + 64)));
        let mut blocks = String::new();
        for depth in 0..130 {
            blocks.push_str(&format!("{}k{depth}:\n", " ".repeat(depth)));
        }
        blocks.push_str(&format!("{}end\n", " ".repeat(130)));
        let error = refused(&blocks);
        assert!(
            error.to_string().contains("more than 128 levels"),
            "{error}"
        );
    }

    #[test]
    fn the_word_at_a_time_scan_finds_every_suspicious_byte_where_it_is() {
        let text: Vec<u8> = (0u8..=255).collect();
        for (at, &byte) in text.iter().enumerate() {
            let mut plain = vec![b'a'; 40];
            plain[at % 40] = byte;
            let unprintable = |b: u8| !(0x20..0x7f).contains(&b);
            let wanted = plain.iter().position(|&b| unprintable(b));
            assert_eq!(next_suspicious(&plain, unprintable), wanted, "{byte:#x}");
        }
    }

    #[test]
    fn an_error_at_the_end_of_the_file_is_placed_on_its_last_line() {
        // The parser puts an error found at the end of input one line past the end.
        assert_eq!(
            refused("%e").location(),
            Some((1, 3)),
            "before the document"
        );
        let error = refused("a: b\nc: [d");
        let (line, column) = error.location().expect("placed");
        assert!((line, column) <= (2, 6), "{error} at {line}:{column}");
        assert_eq!(end_of("a\r\nb\rc\n"), (4, 1));
        assert_eq!(end_of("a: b\nc: [d"), (2, 6));
    }

    #[test]
    fn control_characters_and_second_documents_are_refused() {
        let error = refused("a: b\nc: d\u{7}\n");
        assert_eq!(
            error.to_string(),
            "control characters are not allowed at position 9"
        );
        let text = read::<Anything>("a: \"\u{85} \u{feff} \u{a0}\"\n");
        assert!(text.value.is_ok(), "NEL, BOM and no-break space are text");
        let error = refused("a: b\n---\nc: d\n");
        assert!(error.to_string().contains("more than one YAML document"));
    }

    #[test]
    fn type_errors_name_the_path_and_the_innermost_place() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Outer {
            items: Vec<Inner>,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Inner {
            count: u32,
        }
        let error = read::<Outer>("items:\n  - count: 1\n  - count: many\n")
            .value
            .unwrap_err();
        assert_eq!(error.location(), Some((3, 12)));
        assert!(
            error
                .to_string()
                .starts_with("items[1].count: invalid type"),
            "{error}"
        );
    }
}
