//! The code itself: six characters from `ALPHABET`, shown as `K7P-2QX`, read back
//! forgivingly (lower case, spaces, with or without the dash).

use std::fmt;

/// The characters a code is made of: digits and capitals without the look-alikes 0/O,
/// 1/I/L and U/V, so a code read out over the phone or copied by hand comes out right.
pub(crate) const ALPHABET: &[u8; 29] = b"23456789ABCDEFGHJKMNPQRSTWXYZ";

/// How many characters a code has.
pub const LENGTH: usize = 6;

/// A hand-off code, kept without its dash (`K7P2QX`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Code(String);

impl Code {
    /// A new random code from the system's random source.
    pub fn random() -> Result<Code, getrandom::Error> {
        let mut code = String::with_capacity(LENGTH);
        let limit = 256 - 256 % ALPHABET.len();
        while code.len() < LENGTH {
            let mut bytes = [0u8; 16];
            getrandom::fill(&mut bytes)?;
            // Bytes at or above the largest multiple of the alphabet's size are skipped,
            // so every character is equally likely.
            for byte in bytes.into_iter().filter(|b| usize::from(*b) < limit) {
                if code.len() < LENGTH {
                    code.push(char::from(ALPHABET[usize::from(byte) % ALPHABET.len()]));
                }
            }
        }
        Ok(Code(code))
    }

    /// Reads a code as a person may type it: case, spaces and dashes do not matter.
    /// `None` when it is not six characters of the alphabet.
    pub fn parse(typed: &str) -> Option<Code> {
        let kept: String = typed
            .chars()
            .filter(|c| !matches!(c, '-' | ' ' | '\t'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let fits = kept.len() == LENGTH && kept.bytes().all(|b| ALPHABET.contains(&b));
        fits.then_some(Code(kept))
    }

    /// The code without its dash, as used in file names.
    pub fn bare(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (first, second) = self.0.split_at(LENGTH / 2);
        write!(f, "{first}-{second}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_six_characters_of_the_alphabet_shown_with_a_dash() {
        let code = Code::random().unwrap();
        assert_eq!(code.bare().len(), LENGTH);
        assert!(code.bare().bytes().all(|b| ALPHABET.contains(&b)));
        let shown = code.to_string();
        assert_eq!(shown.len(), LENGTH + 1);
        assert_eq!(&shown[3..4], "-");
        assert_eq!(Code::parse(&shown), Some(code));
    }

    #[test]
    fn codes_are_read_forgivingly_and_look_alikes_are_refused() {
        let code = Code::parse("k7p 2qx").unwrap();
        assert_eq!(code.to_string(), "K7P-2QX");
        assert_eq!(Code::parse("K7P-2QX"), Some(code));
        for wrong in [
            "K7P-2Q", "K7P-2QXY", "O7P-2QX", "17P-2QX", "K7P-2QL", "K7P-2QU", "",
        ] {
            assert_eq!(Code::parse(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn the_alphabet_has_no_look_alikes_and_no_repeats() {
        for look_alike in b"01OILUV" {
            assert!(!ALPHABET.contains(look_alike));
        }
        let mut sorted = ALPHABET.to_vec();
        sorted.dedup();
        assert_eq!(sorted.len(), ALPHABET.len());
    }

    #[test]
    fn random_codes_use_the_whole_alphabet() {
        let mut seen = std::collections::HashSet::new();
        for _ in 0..400 {
            seen.extend(Code::random().unwrap().bare().bytes());
        }
        assert_eq!(seen.len(), ALPHABET.len());
    }
}
