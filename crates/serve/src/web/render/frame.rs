//! The frame every page shares: the document head, the skip link, the header with the
//! language switch, the main landmark, the footer.

use maud::{DOCTYPE, Markup, html};

use super::super::words::web_words;
use crate::lang::Lang;

/// What the frame needs besides the main content.
pub struct Frame<'a> {
    /// The language the page is in.
    pub lang: Lang,
    /// The page's title (the heading).
    pub title: &'a str,
    /// The flow's title, the site's name.
    pub site: &'a str,
    /// The session's form token, for the language switch; `None` on pages without a
    /// session, which offer the link home instead.
    pub token: Option<&'a str>,
    /// While the page follows a shared session: the version it shows. The page then
    /// loads the script that listens for the next change, and without scripts it
    /// refreshes itself every two seconds.
    pub live: Option<u64>,
}

/// The whole page around `main`.
pub fn frame(frame: &Frame<'_>, main: Markup) -> Markup {
    let words = web_words(frame.lang);
    let other = match frame.lang {
        Lang::En => Lang::Nl,
        Lang::Nl => Lang::En,
    };
    html! {
        (DOCTYPE)
        html lang=(frame.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (frame.title) " – " (frame.site) }
                link rel="stylesheet" href="/style.css";
                @if let Some(version) = frame.live {
                    noscript { meta http-equiv="refresh" content="2"; }
                    script src="/live.js" data-seen=(version) defer {}
                }
            }
            body {
                a.skip href="#main" { (words.skip) }
                header {
                    p.site { (frame.site) }
                    @if let Some(token) = frame.token {
                        nav.language aria-label=(words.language) {
                            form method="post" action="/lang" {
                                input type="hidden" name="token" value=(token);
                                input type="hidden" name="lang" value=(other.code());
                                button type="submit" lang=(other.code()) {
                                    (words.other_language)
                                }
                            }
                        }
                    }
                }
                main id="main" tabindex="-1" { (main) }
                footer { p { "signin-doctor" } }
            }
        }
    }
}
