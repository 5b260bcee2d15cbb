//! Line editing for plain mode on a remote terminal (`TERM=dumb` with a pty): the client's
//! terminal is raw, so the server echoes what is typed, lets Backspace rub out, and hands
//! the wizard whole lines — what a terminal's line discipline does locally.

/// What one packet of typing gives.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Typed {
    /// Bytes to echo to the client.
    pub echo: Vec<u8>,
    /// Finished lines, each ending in LF.
    pub lines: Vec<Vec<u8>>,
    /// Ctrl+C or Ctrl+D on an empty line: input ends.
    pub ended: bool,
}

/// The line being typed.
#[derive(Debug, Default)]
pub struct LineEditor {
    /// Typed so far on this line.
    line: Vec<u8>,
}

/// The longest line kept; more typing is ignored until Enter.
const MAX_LINE: usize = super::line_cap::MAX_LINE_BYTES;

impl LineEditor {
    /// Takes one packet of typing.
    pub fn feed(&mut self, bytes: &[u8]) -> Typed {
        let mut typed = Typed::default();
        for &byte in bytes {
            match byte {
                b'\r' | b'\n' => {
                    typed.echo.extend_from_slice(b"\r\n");
                    let mut line = std::mem::take(&mut self.line);
                    line.push(b'\n');
                    typed.lines.push(line);
                }
                0x7f | 0x08 if !self.line.is_empty() => {
                    // Rub out a whole UTF-8 character.
                    while let Some(last) = self.line.pop() {
                        if last & 0xc0 != 0x80 {
                            break;
                        }
                    }
                    typed.echo.extend_from_slice(b"\x08 \x08");
                }
                0x03 | 0x04 if byte == 0x03 || self.line.is_empty() => {
                    typed.ended = true;
                    return typed;
                }
                0x00..=0x1f => {}
                _ if self.line.len() < MAX_LINE => {
                    self.line.push(byte);
                    typed.echo.push(byte);
                }
                _ => {}
            }
        }
        typed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_is_echoed_and_enter_gives_the_line() {
        let mut editor = LineEditor::default();
        let typed = editor.feed(b"2x\x7f\r");
        assert_eq!(typed.echo, b"2x\x08 \x08\r\n");
        assert_eq!(typed.lines, [b"2\n".to_vec()]);
        assert!(!typed.ended);
    }

    #[test]
    fn ctrl_d_on_an_empty_line_ends_input() {
        let mut editor = LineEditor::default();
        assert!(!editor.feed(b"a\x04").ended);
        editor.feed(b"\x7f");
        assert!(editor.feed(b"\x04").ended);
    }
}
