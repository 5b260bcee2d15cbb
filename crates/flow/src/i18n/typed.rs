//! The words of a question answered by typing when the wizard asks before taking the
//! answer: nothing typed, or "did you mean" a known code.

use crate::lang::Lang;

/// Every fixed text of asking before a typed answer is taken.
#[derive(Debug)]
pub struct TypedWords {
    /// Full-screen: nothing was typed and Enter was pressed.
    pub empty_keys: &'static str,
    /// Plain mode: an empty line was given.
    pub empty_lines: &'static str,
    /// Before the code offered (`Did you mean` AADSTS50053?).
    pub did_you_mean: &'static str,
    /// Full-screen: after the code offered, the keys that answer.
    pub suggest_keys: &'static str,
    /// Plain mode: after the code offered, the lines that answer.
    pub suggest_lines: &'static str,
}

const EN: TypedWords = TypedWords {
    empty_keys: "Nothing typed. Press Enter again to go on without a code.",
    empty_lines: "Nothing typed. Press Enter again to go on without a code, or type the code:",
    did_you_mean: "Did you mean",
    suggest_keys: "Enter: yes · Esc: no",
    suggest_lines: "Press Enter for yes, or type n to go on with what you typed:",
};

const NL: TypedWords = TypedWords {
    empty_keys: "Niets ingetypt. Druk nogmaals op Enter om zonder code verder te gaan.",
    empty_lines: "Niets ingetypt. Druk nogmaals op Enter om zonder code verder te gaan, \
                  of typ de code:",
    did_you_mean: "Bedoelt u",
    suggest_keys: "Enter: ja · Esc: nee",
    suggest_lines: "Druk op Enter voor ja, of typ n om verder te gaan met wat u hebt ingetypt:",
};

/// The words of asking before a typed answer, in `lang`.
pub fn typed_words(lang: Lang) -> &'static TypedWords {
    match lang {
        Lang::En => &EN,
        Lang::Nl => &NL,
    }
}
