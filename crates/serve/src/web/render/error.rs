//! A page that says what went wrong and leads home.

use maud::{Markup, html};

use super::frame::{Frame, frame};
use crate::lang::Lang;
use crate::web::words::web_words;

/// An error page in `lang`: `heading`, `text`, and the link to the first question.
pub fn error_page(lang: Lang, site: &str, heading: &str, text: &str) -> Markup {
    let words = web_words(lang);
    let main = html! {
        h1 { (heading) }
        p { (text) }
        p { a href="/" { (words.home) } }
    };
    frame(
        &Frame {
            lang,
            title: heading,
            site,
            token: None,
            live: None,
        },
        main,
    )
}
