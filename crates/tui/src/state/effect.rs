//! What `update` asks the outside world to do — save, write a transcript, copy — done by
//! the event loop, so `update` itself never touches files or the terminal.

use crate::core::{Notice, RecordKeeper};
use crate::i18n::words;
use crate::lang::Lang;
use crate::page::{Body, Page};
use crate::session::Session;
use crate::transcript::Transcript;

use crate::terminal::clipboard::osc52;

/// Something `update` asks for that reaches outside the wizard's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The session changed: save it (autosave).
    Save,
    /// Save a transcript now.
    SaveTranscript,
    /// Copy the Markdown transcript to the clipboard.
    Copy,
    /// Hand the session to an agent: done by the server the wizard runs under.
    HandOff,
    /// Stop sharing the session with the agent: done by the server.
    EndSharing,
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

/// Does `effect` for `session` shown in `lang`. `can_copy` says whether the terminal may
/// take OSC 52 (see [`crate::Options::clipboard`]).
pub fn perform(
    effect: Effect,
    session: &Session,
    lang: Lang,
    records: &mut RecordKeeper,
    can_copy: bool,
) -> Done {
    match effect {
        Effect::Save => Done {
            notices: records.changed(session).into_iter().collect(),
            terminal: None,
        },
        Effect::SaveTranscript => Done {
            notices: records.save_transcript(session),
            terminal: None,
        },
        Effect::Copy => copy(session, lang, can_copy, crate::clock::now()),
        // Only a served wizard offers these, and its event loop does them.
        Effect::HandOff | Effect::EndSharing => Done::default(),
    }
}

fn copy(session: &Session, lang: Lang, can_copy: bool, now: jiff::Timestamp) -> Done {
    let words = words(lang);
    if !can_copy {
        return Done {
            notices: vec![Notice {
                text: words.copy_impossible.to_owned(),
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
    use crate::core::RecordOptions;
    use crate::flow::load_built_in;
    use base64::Engine;

    fn session() -> Session {
        let mut session = Session::new(load_built_in().unwrap().flow.shared());
        session.choose(0).unwrap();
        session.add_note("caller on a new phone").unwrap();
        session
    }

    fn records(dir: &std::path::Path, session: &Session) -> RecordKeeper {
        let options = RecordOptions {
            state_dir: Some(dir.join("state")),
            log: Some(dir.join("log.jsonl")),
            transcript: Some(dir.join("t.md")),
            agent: true,
            keep_days: 30,
            served: false,
        };
        RecordKeeper::new(options, Lang::En, session)
    }

    #[test]
    fn save_and_save_transcript_write_files_and_say_where() {
        let dir = tempfile::tempdir().unwrap();
        let session = session();
        let mut records = records(dir.path(), &session);
        let done = perform(Effect::Save, &session, Lang::En, &mut records, false);
        assert!(done.notices.is_empty(), "{done:?}");
        assert!(records.autosave_path().unwrap().is_file());
        let done = perform(
            Effect::SaveTranscript,
            &session,
            Lang::En,
            &mut records,
            false,
        );
        assert_eq!(done.notices.len(), 1);
        assert!(done.notices[0].text.contains("t.md"), "{done:?}");
        assert!(dir.path().join("t.md").is_file());
    }

    #[test]
    fn copy_sends_the_markdown_transcript_or_says_why_not() {
        let dir = tempfile::tempdir().unwrap();
        let session = session();
        let mut records = records(dir.path(), &session);
        let done = perform(Effect::Copy, &session, Lang::En, &mut records, true);
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
        let done = perform(Effect::Copy, &session, Lang::En, &mut records, false);
        assert_eq!(done.terminal, None);
        assert!(done.notices[0].error && done.notices[0].text.contains("press s"));
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
    use super::*;
    use crate::core::RecordOptions;
    use crate::flow::load_built_in;
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
        let mut records = RecordKeeper::new(options, Lang::En, &session);
        let mut app = App::new(session, Lang::En, &Options::default());
        let status = |app: &App| app.screen(Rect::new(0, 0, 80, 24)).unwrap().status_rows;
        for _ in 0..2 {
            let effect = update(&mut app, Action::Pick(0)).unwrap();
            let done = perform(effect, app.session(), Lang::En, &mut records, false);
            assert!(done.notices[0].error, "every failure is told: {done:?}");
            app.set_write_problem(records.write_problem());
            // A key that clears passing messages leaves the banner.
            update(&mut app, Action::Down);
            assert!(
                status(&app).join(" ").contains("cannot save the session"),
                "{:?}",
                status(&app)
            );
        }
        assert!(records.failed());
        std::fs::remove_file(&state).unwrap();
        let done = perform(Effect::Save, app.session(), Lang::En, &mut records, false);
        assert!(
            !done.notices[0].error && done.notices[0].text.contains("saved again"),
            "{done:?}"
        );
        app.set_write_problem(records.write_problem());
        assert!(!status(&app).join(" ").contains("cannot save"));
        assert!(records.failed(), "the exit code still tells a write failed");
    }
}
