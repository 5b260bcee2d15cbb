//! The longest line a served wizard reads: a client that streams bytes without ever
//! ending a line must not make the server hold them all. A line longer than
//! [`MAX_LINE_BYTES`] is dropped whole (its user is told), never cut into an answer.

use crate::tui::state::input::MAX_CHARS;

/// The longest line read, in bytes: room for the longest note ([`MAX_CHARS`] characters
/// of up to 4 bytes each) with its command, rounded up to 64 KiB. Typed answers (1,000
/// characters) and notes are cut by the wizard itself, well below this.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

const _: () = assert!(MAX_LINE_BYTES > 4 * MAX_CHARS + 16);

/// Gathers bytes into whole lines of at most [`MAX_LINE_BYTES`].
#[derive(Debug, Default)]
pub struct LineCap {
    /// The line being received.
    line: Vec<u8>,
    /// The line being received is too long: its bytes are dropped up to its end.
    dropping: bool,
}

/// What one packet gives.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Capped {
    /// Whole lines, each ending in LF.
    pub lines: Vec<u8>,
    /// How many lines were dropped for their length.
    pub dropped: usize,
}

impl LineCap {
    /// Takes one packet of bytes.
    pub fn feed(&mut self, bytes: &[u8]) -> Capped {
        let mut capped = Capped::default();
        for &byte in bytes {
            if byte == b'\n' {
                if !std::mem::take(&mut self.dropping) {
                    capped.lines.append(&mut self.line);
                    capped.lines.push(b'\n');
                }
                continue;
            }
            if self.dropping {
                continue;
            }
            if self.line.len() >= MAX_LINE_BYTES {
                self.line = Vec::new();
                self.dropping = true;
                capped.dropped += 1;
                continue;
            }
            self.line.push(byte);
        }
        capped
    }

    /// The last line, unended, once input has ended (nothing if it was too long).
    pub fn finish(&mut self) -> Vec<u8> {
        self.dropping = false;
        std::mem::take(&mut self.line)
    }

    /// How many bytes are held now.
    #[cfg(test)]
    pub fn held(&self) -> usize {
        self.line.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_lines_pass_and_a_line_split_over_packets_waits_for_its_end() {
        let mut cap = LineCap::default();
        assert_eq!(cap.feed(b"1\n2").lines, b"1\n");
        assert_eq!(cap.feed(b"3\nq").lines, b"23\n");
        assert_eq!(cap.finish(), b"q");
    }

    #[test]
    fn an_endless_line_is_dropped_whole_and_held_memory_stays_bounded() {
        let mut cap = LineCap::default();
        let packet = vec![b'x'; 32 * 1024];
        let mut dropped = 0;
        for _ in 0..64 {
            let capped = cap.feed(&packet);
            assert!(capped.lines.is_empty());
            dropped += capped.dropped;
            assert!(cap.held() <= 2 * MAX_LINE_BYTES);
        }
        assert_eq!(dropped, 1, "one line, told once");
        let after = cap.feed(b"xxx\n1\n");
        assert_eq!(after.lines, b"1\n", "the long line's end is dropped too");
        assert_eq!(after.dropped, 0);
    }

    #[test]
    fn the_longest_note_fits() {
        let mut cap = LineCap::default();
        let note = format!("n {}\n", "é".repeat(MAX_CHARS));
        assert_eq!(cap.feed(note.as_bytes()).lines, note.as_bytes());
    }
}
