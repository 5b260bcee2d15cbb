//! The one-string form a [`crate::text::Text`] is kept in: each language code and its
//! string, sorted by code, written as `LEN:TEXT` one after the other (`2:en3:Yes2:nl2:Ja`).
//!
//! Written by the text reader at run time and by `build.rs`, which puts the built-in
//! flow's texts into its compiled copy already in this form; so this file uses nothing
//! but `itoa`.

/// Writes `(code, string)` pairs, sorted by code and without repeats, as one string.
///
/// One allocation of exactly the encoded length: a flow's load makes thousands of texts,
/// and a string per length written plus a shrink at the end were a good part of the
/// built-in flow's start-up. `itoa`, not `write!`: the formatting machinery was a tenth.
pub(crate) fn encode<S: AsRef<str>>(pairs: &[(S, S)]) -> Box<str> {
    let parts = || {
        pairs
            .iter()
            .flat_map(|(lang, text)| [lang.as_ref(), text.as_ref()])
    };
    let digits = |len: usize| len.checked_ilog10().map_or(1, |log| log as usize + 1);
    let mut encoded = String::with_capacity(
        parts()
            .map(|part| digits(part.len()) + 1 + part.len())
            .sum(),
    );
    let mut length = itoa::Buffer::new();
    for part in parts() {
        encoded.push_str(length.format(part.len()));
        encoded.push(':');
        encoded.push_str(part);
    }
    encoded.into_boxed_str()
}
