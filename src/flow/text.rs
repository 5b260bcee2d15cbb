//! Translated text: one string per language, English required.

use std::collections::BTreeMap;

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::lang::Lang;

/// A piece of flow text in several languages, e.g. `{ en: "Yes", nl: "Ja" }`.
///
/// English is required (the checker refuses a flow without it); any other language falls
/// back to English when it has no translation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, schemars::JsonSchema)]
#[serde(transparent)]
#[schemars(extend("required" = ["en"]))]
pub struct Text(#[serde(deserialize_with = "unique_languages")] BTreeMap<String, String>);

/// Reads a language → text mapping, refusing a language given twice (YAML would silently
/// keep the last one).
fn unique_languages<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, String>, D::Error> {
    struct Languages;

    impl<'de> Visitor<'de> for Languages {
        type Value = BTreeMap<String, String>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a text per language, like { en: \"…\", nl: \"…\" }")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut texts = BTreeMap::new();
            while let Some((lang, text)) = map.next_entry::<String, String>()? {
                if texts.contains_key(&lang) {
                    return Err(de::Error::custom(format_args!(
                        "duplicate language `{lang}`"
                    )));
                }
                texts.insert(lang, text);
            }
            Ok(texts)
        }
    }

    deserializer.deserialize_map(Languages)
}

impl Text {
    /// Builds a text from `(language code, string)` pairs.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Text {
        Text(
            pairs
                .into_iter()
                .map(|(lang, text)| (lang.to_owned(), text.to_owned()))
                .collect(),
        )
    }

    /// The text in `lang`, or in English when it has no translation.
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .get(lang.code())
            .or_else(|| self.0.get(Lang::En.code()))
            .map(String::as_str)
            .unwrap_or_default()
    }

    /// The text in exactly this language code, without falling back.
    pub fn exact(&self, code: &str) -> Option<&str> {
        self.0.get(code).map(String::as_str)
    }

    /// Every `(language code, string)` pair, in code order.
    pub fn translations(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .map(|(lang, text)| (lang.as_str(), text.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_translation_falls_back_to_english() {
        let text = Text::from_pairs([("en", "Yes")]);
        assert_eq!(text.get(Lang::Nl), "Yes");
        let text = Text::from_pairs([("en", "Yes"), ("nl", "Ja")]);
        assert_eq!(text.get(Lang::Nl), "Ja");
        assert_eq!(text.exact("de"), None);
    }
}
