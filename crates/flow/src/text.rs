//! Translated text: one string per language, English required.

use std::fmt;

use serde::Deserialize;
use smallvec::SmallVec;
use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

use crate::encoded::encode;
use crate::lang::Lang;

/// A piece of flow text in several languages, e.g. `{ en: "Yes", nl: "Ja" }`.
///
/// English is required (the checker refuses a flow without it); any other language falls
/// back to English when it has no translation.
//
// Kept in one string, in the form `crate::encoded` writes (`2:en3:Yes2:nl2:Ja`). A flow has
// tens of thousands of texts of two or three short strings each, and a map or a list of
// strings costs several times the memory of the text itself.
#[derive(Clone, Default, schemars::JsonSchema)]
#[serde(transparent)]
#[schemars(extend("required" = ["en"]))]
pub struct Text(#[schemars(with = "std::collections::BTreeMap<String, String>")] Encoded);

/// Where a text's encoded form lives: in an allocation of its own, or — for the built-in
/// flow — in the compiled copy inside the program, which a start then need not copy.
#[derive(Clone)]
enum Encoded {
    /// Read from a flow file, or made by [`Text::from_pairs`].
    Own(Box<str>),
    /// A part of the built-in flow's compiled copy (`crate::load`).
    Built(&'static str),
}

impl Encoded {
    fn as_str(&self) -> &str {
        match self {
            Encoded::Own(text) => text,
            Encoded::Built(text) => text,
        }
    }
}

impl Default for Encoded {
    fn default() -> Encoded {
        Encoded::Built("")
    }
}

/// Texts are equal when they say the same, wherever they are kept.
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.0.as_str() == other.0.as_str()
    }
}

impl Eq for Text {}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        unique_languages(deserializer).map(Text)
    }
}

/// What a text is expected to be, in messages about a value of the wrong type.
pub(crate) const PER_LANGUAGE: &str = "a text per language, like { en: \"…\", nl: \"…\" }";

/// How the message about a language given twice in one text starts.
pub(crate) const REPEATED_LANGUAGE: &str = "duplicate language";

/// Reads a language → text mapping, refusing a language given twice (YAML would silently
/// keep the last one).
fn unique_languages<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Encoded, D::Error> {
    struct Languages;

    impl<'de> Visitor<'de> for Languages {
        type Value = Encoded;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(PER_LANGUAGE)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            // Strings the reader can lend (most of them) are not copied before encoding.
            // On the stack for up to four languages: a heap list per text was a good part
            // of loading the built-in flow.
            let mut texts: SmallVec<[(Cow<'de, str>, Cow<'de, str>); 4]> = SmallVec::new();
            while let Some((lang, text)) = map.next_entry_seed(Lent, Lent)? {
                match texts.binary_search_by(|(code, _)| code.as_ref().cmp(&lang)) {
                    Ok(_) => {
                        return Err(de::Error::custom(format_args!(
                            "{REPEATED_LANGUAGE} `{lang}`"
                        )));
                    }
                    Err(at) => texts.insert(at, (lang, text)),
                }
            }
            Ok(Encoded::Own(encode(&texts)))
        }

        /// A text already encoded: only the built-in flow's compiled copy has these (YAML
        /// and JSON have no bytes), made by `build.rs` with the same encoder. Refused unless
        /// well formed, so a bad copy falls back to the YAML rather than showing garbage.
        fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Self::Value, E> {
            well_formed(bytes)
                .map(|encoded| Encoded::Own(Box::from(encoded)))
                .ok_or_else(|| E::invalid_value(de::Unexpected::Bytes(bytes), &self))
        }

        /// The same, kept where it is when it is part of the built-in flow's compiled copy.
        fn visit_borrowed_bytes<E: de::Error>(self, bytes: &'de [u8]) -> Result<Self::Value, E> {
            match crate::load::part_of_built_in(bytes).and_then(well_formed) {
                Some(encoded) => Ok(Encoded::Built(encoded)),
                None => self.visit_bytes(bytes),
            }
        }
    }

    deserializer.deserialize_map(Languages)
}

/// Reads a string, borrowed from the input when the deserializer can lend it.
struct Lent;

impl<'de> DeserializeSeed<'de> for Lent {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Lent {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(text))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(text))
    }
}

/// The `(code, string)` pairs of an encoded text.
struct Pairs<'a> {
    rest: &'a str,
}

impl<'a> Pairs<'a> {
    /// The next `LEN:TEXT` part.
    fn part(&mut self) -> Option<&'a str> {
        let bytes = self.rest.as_bytes();
        let mut len = 0usize;
        let mut at = 0;
        while let Some(&digit) = bytes.get(at).filter(|b| b.is_ascii_digit()) {
            len = len
                .checked_mul(10)?
                .checked_add(usize::from(digit - b'0'))?;
            at += 1;
        }
        if bytes.get(at) != Some(&b':') {
            return None;
        }
        let start = at + 1;
        let part = self.rest.get(start..start.checked_add(len)?)?;
        self.rest = &self.rest[start + len..];
        Some(part)
    }
}

/// `bytes` as text if they are pairs as [`encode`] writes them, codes in order and none twice.
fn well_formed(bytes: &[u8]) -> Option<&str> {
    let encoded = std::str::from_utf8(bytes).ok()?;
    let mut pairs = Pairs { rest: encoded };
    let mut last = None;
    while !pairs.rest.is_empty() {
        let (code, _) = pairs.next()?;
        if last.is_some_and(|last| last >= code) {
            return None;
        }
        last = Some(code);
    }
    Some(encoded)
}

impl<'a> Iterator for Pairs<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        Some((self.part()?, self.part()?))
    }
}

impl Text {
    /// Builds a text from `(language code, string)` pairs; a repeated code keeps its last string.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Text {
        let mut texts: Vec<(String, String)> = Vec::new();
        for (lang, text) in pairs {
            match texts.binary_search_by(|(code, _)| code.as_str().cmp(lang)) {
                Ok(at) => texts[at].1 = text.to_owned(),
                Err(at) => texts.insert(at, (lang.to_owned(), text.to_owned())),
            }
        }
        Text(Encoded::Own(encode(&texts)))
    }

    /// The text in `lang`, or in English when it has no translation.
    pub fn get(&self, lang: Lang) -> &str {
        self.exact(lang.code())
            .or_else(|| self.exact(Lang::En.code()))
            .unwrap_or_default()
    }

    /// The text in exactly this language code, without falling back.
    pub fn exact(&self, code: &str) -> Option<&str> {
        self.translations()
            .find(|(lang, _)| *lang == code)
            .map(|(_, text)| text)
    }

    /// Whether the text is kept in the built-in flow's compiled copy, not copied out of it.
    #[cfg(test)]
    pub(crate) fn kept_in_built_in(&self) -> bool {
        matches!(self.0, Encoded::Built(_))
    }

    /// Every `(language code, string)` pair, in code order.
    pub fn translations(&self) -> impl Iterator<Item = (&str, &str)> {
        Pairs {
            rest: self.0.as_str(),
        }
    }
}

/// Shown as the mapping it was written as.
impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.translations()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compiled built-in flow's texts arrive as bytes already encoded; only well-formed
    /// ones are taken, so a bad copy sends the program to the YAML instead.
    #[test]
    fn encoded_bytes_are_taken_only_when_well_formed() {
        let read = |bytes: &[u8]| {
            let packed = rmp_serde::to_vec(&serde_bytes_of(bytes)).expect("packs");
            rmp_serde::from_slice::<Text>(&packed).map(|text| text.get(Lang::Nl).to_owned())
        };
        assert_eq!(read(b"2:en3:Yes2:nl2:Ja").expect("well formed"), "Ja");
        for bad in [
            &b"2:en3:Ye"[..],
            b"2:nl2:Ja2:en3:Yes",
            b"2:en3:Yes2:en2:Ja",
            b"2:en3:Yes2:nl",
            b"x",
        ] {
            assert!(read(bad).is_err(), "{:?}", String::from_utf8_lossy(bad));
        }
        assert!(
            read(&[b'2', b':', b'e', b'n', b'1', b':', 0xff]).is_err(),
            "not UTF-8"
        );
    }

    /// `bytes` as MessagePack's byte string, the way `build.rs` writes an encoded text.
    fn serde_bytes_of(bytes: &[u8]) -> impl serde::Serialize + '_ {
        struct Bytes<'a>(&'a [u8]);
        impl serde::Serialize for Bytes<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(self.0)
            }
        }
        Bytes(bytes)
    }

    #[test]
    fn missing_translation_falls_back_to_english() {
        let text = Text::from_pairs([("en", "Yes")]);
        assert_eq!(text.get(Lang::Nl), "Yes");
        let text = Text::from_pairs([("en", "Yes"), ("nl", "Ja")]);
        assert_eq!(text.get(Lang::Nl), "Ja");
        assert_eq!(text.exact("de"), None);
        let text = Text::from_pairs([("nl", "2:x:"), ("en", ""), ("nl", "Ja: 3:")]);
        let pairs: Vec<_> = text.translations().collect();
        assert_eq!(
            pairs,
            [("en", ""), ("nl", "Ja: 3:")],
            "sorted, last repeat kept"
        );
        assert_eq!(format!("{:?}", text.0.as_str()), r#""2:en0:2:nl6:Ja: 3:""#);
        let long = "x".repeat(1000);
        let text = Text::from_pairs([("en", long.as_str()), ("nl", "123456789")]);
        assert_eq!(text.exact("en"), Some(long.as_str()));
        assert_eq!(text.exact("nl"), Some("123456789"));
        assert_eq!(
            text.0.as_str().len(),
            "2:en1000:".len() + 1000 + "2:nl9:123456789".len()
        );
    }
}
