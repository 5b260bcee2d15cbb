//! What `update` asks of the terminal — copying to the clipboard — done by the event
//! loop, so `update` itself never writes to the terminal. (What changes the session, and
//! its records, is the call's: see [`crate::core::Call`].)

use crate::core::Notice;
use crate::i18n::words;
use crate::lang::Lang;
use crate::page::{Body, Page};
use crate::session::Session;
use crate::transcript::Transcript;

use crate::terminal::clipboard::osc52;

/// Something `update` asks of the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Copy the Markdown transcript to the clipboard.
    Copy,
}

/// What doing an effect gave: messages for the status line, and bytes to write to the
/// terminal after the next frame (the clipboard sequence).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Done {
    /// Messages for the user.
    pub notices: Vec<Notice>,
    /// An escape sequence to write to the terminal after the next frame.
    pub terminal: Option<String>,
}

/// How the terminal takes the transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terminal {
    /// The terminal may take OSC 52 (see [`crate::Options::clipboard`]).
    pub can_copy: bool,
    /// Served over SSH: `s` shows the transcript (rather than saving a file).
    pub served: bool,
}

/// Does `effect` for `session` shown in `lang` on `terminal`.
pub(crate) fn perform(effect: Effect, session: &Session, lang: Lang, terminal: Terminal) -> Done {
    match effect {
        Effect::Copy => copy(session, lang, terminal, crate::clock::now()),
    }
}

fn copy(session: &Session, lang: Lang, terminal: Terminal, now: jiff::Timestamp) -> Done {
    let words = words(lang);
    if !terminal.can_copy {
        let text = if terminal.served {
            crate::i18n::record_words(lang).copy_impossible
        } else {
            words.copy_impossible
        };
        return Done {
            notices: vec![Notice {
                text: text.to_owned(),
                error: true,
            }],
            terminal: None,
        };
    }
    let mut markdown = Transcript::of(session, lang, now).to_markdown();
    markdown += &page_links(session, lang);
    Done {
        notices: vec![Notice {
            text: words.copied.to_owned(),
            error: false,
        }],
        terminal: Some(osc52(&markdown)),
    }
}

/// The links of the page on screen when it is not an ending (an ending's are in the
/// transcript already), as Markdown lines with their full addresses: the screen may show
/// an address shortened, and `y` is how to get it whole.
fn page_links(session: &Session, lang: Lang) -> String {
    let page = Page::of(session, lang);
    if page.kind.is_ending() {
        return String::new();
    }
    let mut out = String::new();
    for section in &page.sections {
        if let Body::Links(links) = &section.body {
            out += &format!("\n**{}:**\n\n", section.title);
            for link in links {
                out += &format!("- {}: {}\n", link.title, link.url);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::load_built_in;
    use base64::Engine;

    fn session() -> Session {
        let mut session = Session::new(load_built_in().unwrap().flow.shared());
        session.choose(0).unwrap();
        session.add_note("caller on a new phone").unwrap();
        session
    }

    #[test]
    fn copy_sends_the_markdown_transcript_or_says_why_not() {
        let session = session();
        let copying = Terminal {
            can_copy: true,
            served: false,
        };
        let done = perform(Effect::Copy, &session, Lang::En, copying);
        let sequence = done.terminal.expect("a clipboard sequence");
        let encoded = sequence
            .strip_prefix("\x1b]52;c;")
            .and_then(|rest| rest.strip_suffix('\x07'))
            .unwrap();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .unwrap();
        let markdown = String::from_utf8(decoded).unwrap();
        assert!(markdown.contains("caller on a new phone"), "{markdown}");
        assert!(!markdown.contains("https://"), "a question has no links");
        assert!(!done.notices[0].error);
        let local = Terminal {
            can_copy: false,
            served: false,
        };
        let done = perform(Effect::Copy, &session, Lang::En, local);
        assert_eq!(done.terminal, None);
        let why = &done.notices[0];
        assert!(
            why.error
                && why
                    .text
                    .contains("press s to save the transcript to a file")
        );
        // Over SSH `s` shows the transcript: no file on the partner's side.
        let served = Terminal {
            can_copy: false,
            served: true,
        };
        let done = perform(Effect::Copy, &session, Lang::Nl, served);
        let why = &done.notices[0].text;
        assert!(why.contains("druk op s om het verslag te tonen"), "{why}");
        assert!(!why.contains("bestand"), "{why}");
    }
}

#[cfg(test)]
mod copying_links {
    use super::*;
    use crate::flow::load_built_in;
    use crate::page::Page;

    #[test]
    fn at_a_step_the_copy_holds_its_addresses_in_full() {
        let mut session = Session::new(load_built_in().unwrap().flow.shared());
        session.choose(0).unwrap();
        session.choose(0).unwrap();
        let page = Page::of(&session, Lang::En);
        assert!(!page.kind.is_ending());
        let urls: Vec<String> = page
            .sections
            .iter()
            .filter_map(|section| match &section.body {
                Body::Links(links) => Some(links.iter().map(|l| l.url.clone())),
                _ => None,
            })
            .flatten()
            .collect();
        assert!(urls.iter().any(|url| url.len() > 100), "{urls:?}");
        let copied = page_links(&session, Lang::En);
        for url in &urls {
            assert!(copied.contains(&format!(": {url}\n")), "{copied}");
        }
    }
}

#[cfg(test)]
mod failing_saves {
    use crate::core::{Call, RecordOptions};
    use crate::flow::load_built_in;
    use crate::lang::Lang;
    use crate::session::Session;
    use crate::{Action, App, Options, update};
    use ratatui::layout::Rect;

    #[test]
    fn a_failing_save_stays_in_a_banner_until_a_save_works_again() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("state");
        std::fs::write(&state, "a file where the folder should be").unwrap();
        let session = Session::new(load_built_in().unwrap().flow.shared());
        let options = RecordOptions {
            state_dir: Some(state.clone()),
            ..RecordOptions::default()
        };
        let call = Call::recorded(session, Lang::En, options);
        let mut app = App::of(call, &Options::default());
        let status = |app: &App| app.screen(Rect::new(0, 0, 80, 24)).unwrap().status_rows;
        for _ in 0..2 {
            update(&mut app, Action::Pick(0));
            assert!(
                status(&app).join(" ").contains("cannot save the session"),
                "every failure is told: {:?}",
                status(&app)
            );
            // A key that clears passing messages leaves the banner.
            update(&mut app, Action::Down);
            assert!(
                status(&app).join(" ").contains("cannot save the session"),
                "{:?}",
                status(&app)
            );
        }
        std::fs::remove_file(&state).unwrap();
        update(&mut app, Action::Back);
        let shown = status(&app).join(" ");
        assert!(shown.contains("saved again"), "{shown}");
        assert!(!shown.contains("cannot save"), "{shown}");
        assert!(
            app.into_call().failed(),
            "the exit code still tells a write failed"
        );
    }
}
