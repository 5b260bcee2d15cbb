//! Which language the wizard speaks, and how it is chosen.

use std::fmt;
use std::str::FromStr;

/// A language the interface is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// English, the fallback for everything.
    #[default]
    En,
    /// Dutch.
    Nl,
}

impl Lang {
    /// Every supported language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Nl];

    /// The ISO 639-1 code, as used in flow files (`en`, `nl`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    /// Picks the language from locale variables the way POSIX programs do:
    /// the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty decides.
    /// Unknown languages and the `C`/`POSIX` locales give English.
    pub fn from_env_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| get(name))
            .find(|value| !value.is_empty())
            .and_then(|value| Lang::from_locale(&value))
            .unwrap_or_default()
    }

    /// Picks the language from this process's environment (see [`Lang::from_env_vars`]).
    pub fn from_env() -> Lang {
        Lang::from_env_vars(|name| std::env::var(name).ok())
    }

    /// Reads a locale name such as `nl_NL.UTF-8`, `nl-BE` or `en`.
    ///
    /// ```
    /// use signin_doctor_flow::lang::Lang;
    /// assert_eq!(Lang::from_locale("nl_NL.UTF-8"), Some(Lang::Nl));
    /// assert_eq!(Lang::from_locale("C"), None);
    /// ```
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let language = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default();
        language.parse().ok()
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "nl" => Ok(Lang::Nl),
            other => Err(format!("unknown language '{other}': use 'en' or 'nl'")),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        }
    }

    #[test]
    fn locale_variables_are_read_in_posix_order() {
        assert_eq!(
            Lang::from_env_vars(env(&[("LANG", "nl_NL.UTF-8")])),
            Lang::Nl
        );
        assert_eq!(
            Lang::from_env_vars(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "nl_NL.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env_vars(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "nl_BE"),
                ("LANG", "en")
            ])),
            Lang::Nl
        );
    }

    #[test]
    fn unknown_or_c_locale_falls_back_to_english() {
        assert_eq!(Lang::from_env_vars(env(&[("LANG", "C")])), Lang::En);
        assert_eq!(
            Lang::from_env_vars(env(&[("LANG", "de_DE.UTF-8")])),
            Lang::En
        );
        assert_eq!(Lang::from_env_vars(env(&[])), Lang::En);
    }

    #[test]
    fn codes_parse_case_insensitively() {
        assert_eq!("NL".parse::<Lang>(), Ok(Lang::Nl));
        assert!("fr".parse::<Lang>().is_err());
    }
}
