//! Addresses are never split over lines, which would select and copy as two broken pieces
//! wherever a terminal does not show hyperlinks: on every page of the built-in flow, in
//! both languages, the full-screen wizard draws each address on one row (shortened in the
//! middle when it is longer than the screen, linked to the whole), plain mode prints each
//! on a line of its own, and the transcript keeps every address whole.

mod common;

use std::sync::Arc;

use common::frame::{draw, rows};
use signin_doctor_core::flow::load_built_in;
use signin_doctor_core::generate::session_at;
use signin_doctor_core::i18n::words;
use signin_doctor_core::lang::Lang;
use signin_doctor_core::page::{Body, Page};
use signin_doctor_core::session::Session;
use signin_doctor_core::transcript::Transcript;
use signin_doctor_tui::{App, Options};

/// One session at each node of the built-in flow, reached by the shortest walk.
fn every_page() -> Vec<Session> {
    let flow = load_built_in().unwrap().flow.shared();
    flow.nodes()
        .map(|(_, node)| {
            let key = node.key.clone();
            session_at(Arc::clone(&flow), |n| n.key == key)
                .unwrap_or_else(|| panic!("node {key} is reachable"))
        })
        .collect()
}

/// Every address the flow's pages show, in links and in their text.
fn urls(sessions: &[Session]) -> Vec<String> {
    let mut urls: Vec<String> = sessions
        .iter()
        .flat_map(|session| {
            let text = signin_doctor_plain::render(&Page::of(session, Lang::En), words(Lang::En));
            addresses_in(&text)
        })
        .collect();
    urls.sort();
    urls.dedup();
    assert!(urls.len() > 10, "the flow shows addresses: {urls:?}");
    urls
}

/// The addresses written in `text`, without the punctuation that ends a sentence.
fn addresses_in(text: &str) -> Vec<String> {
    text.match_indices("https://")
        .map(|(at, _)| text[at..].split_whitespace().next().unwrap_or_default())
        .map(|address| address.trim_end_matches(['.', ',', ')']).to_owned())
        .collect()
}

/// The addresses of the links `page` lists under a heading.
fn link_addresses(page: Page) -> Vec<String> {
    page.sections
        .into_iter()
        .filter_map(|section| match section.body {
            Body::Links(links) => Some(links),
            _ => None,
        })
        .flatten()
        .map(|link| link.url)
        .collect()
}

/// What is wrong with the addresses in `row`: each must be an address of the flow, whole,
/// or one shortened with "…" whose two ends are those of one.
fn broken_addresses(row: &str, urls: &[String]) -> Vec<String> {
    addresses_in(row)
        .into_iter()
        .filter(|shown| {
            let whole = urls.iter().any(|url| url == shown);
            let shortened = shown.split_once('…').is_some_and(|(head, tail)| {
                urls.iter()
                    .any(|url| url.starts_with(head) && url.ends_with(tail))
            });
            !whole && !shortened
        })
        .collect()
}

#[test]
fn no_address_is_split_over_rows_at_40_60_or_80_columns() {
    let sessions = every_page();
    let urls = urls(&sessions);
    let mut shown = 0;
    let mut shortened = 0;
    for session in &sessions {
        for lang in [Lang::En, Lang::Nl] {
            for width in [40, 60, 80] {
                let mut app = App::new(session.clone(), lang, &Options::default());
                // Tall enough that the whole body is on screen at once.
                for row in rows(&draw(&mut app, width, 400)) {
                    let broken = broken_addresses(&row, &urls);
                    assert!(
                        broken.is_empty(),
                        "{} ({lang:?}) at {width} columns: {broken:?} in {row:?}",
                        session.node().key
                    );
                    shown += row.matches("https://").count();
                    shortened += usize::from(row.contains("https://") && row.contains('…'));
                }
            }
        }
    }
    assert!(shown > 100, "addresses were drawn: {shown}");
    assert!(shortened > 10, "long addresses were shortened: {shortened}");
}

#[test]
fn a_shortened_address_links_to_the_whole_one_and_says_how_to_copy_it() {
    let sessions = every_page();
    let long = urls(&sessions)
        .into_iter()
        .max_by_key(String::len)
        .expect("the flow has links");
    let session = sessions
        .iter()
        .find(|s| link_addresses(Page::of(s, Lang::En)).contains(&long))
        .expect("a page shows the longest address");
    for lang in [Lang::En, Lang::Nl] {
        let mut app = App::new(session.clone(), lang, &Options::default());
        let buffer = draw(&mut app, 60, 400);
        let placed = signin_doctor_tui::terminal::hyperlink::placed(&app, buffer.area);
        let link = placed
            .iter()
            .find(|link| link.url == long)
            .expect("the long address is a hyperlink");
        assert!(link.text.contains('…'), "{link:?}");
        let screen = rows(&buffer).join("\n");
        let hint = words(lang).link_shortened;
        let first_words: String = hint.split(' ').take(3).collect::<Vec<_>>().join(" ");
        assert!(
            screen.contains(&first_words),
            "{lang:?}: no hint in\n{screen}"
        );
    }
}

#[test]
fn plain_mode_prints_every_address_whole_and_each_link_alone_on_its_line() {
    let sessions = every_page();
    let urls = urls(&sessions);
    let mut alone = 0;
    for session in &sessions {
        for lang in [Lang::En, Lang::Nl] {
            let page = Page::of(session, lang);
            let links = link_addresses(page.clone());
            let text = signin_doctor_plain::render(&page, words(lang));
            for address in addresses_in(&text) {
                assert!(urls.contains(&address), "{address}");
            }
            for url in links {
                assert!(
                    text.lines().any(|line| line == url),
                    "{}: {url} is not alone on a line of\n{text}",
                    session.node().key
                );
                alone += 1;
            }
        }
    }
    assert!(alone > 20, "addresses were printed: {alone}");
}

#[test]
fn transcripts_keep_every_address_whole() {
    let sessions = every_page();
    let urls = urls(&sessions);
    let ending = sessions
        .iter()
        .filter(|s| s.outcome().is_some())
        .max_by_key(|s| {
            let md = Transcript::of(s, Lang::En, jiff::Timestamp::UNIX_EPOCH).to_markdown();
            urls.iter().filter(|url| md.contains(url.as_str())).count()
        })
        .expect("the flow has endings");
    let markdown = Transcript::of(ending, Lang::Nl, jiff::Timestamp::UNIX_EPOCH).to_markdown();
    let whole = urls
        .iter()
        .filter(|url| markdown.contains(&format!("({url})")))
        .count();
    assert!(whole >= 3, "{markdown}");
    assert!(!markdown.contains('…'), "{markdown}");
}

/// The real binary in a pseudo-terminal, at the ending with the longest address that is
/// reached by picking answers, read back through a terminal emulator at 40, 60 and 80
/// columns, paging down through the body.
#[test]
fn in_a_real_terminal_no_address_is_split_at_40_60_or_80_columns() {
    let sessions = every_page();
    let urls = urls(&sessions);
    let longest = |s: &Session| {
        let page = Page::of(s, Lang::En);
        link_addresses(page)
            .iter()
            .map(String::len)
            .max()
            .unwrap_or(0)
    };
    let ending = sessions
        .iter()
        .filter(|s| s.outcome().is_some())
        .filter(|s| {
            s.path()
                .iter()
                .all(|step| step.typed.is_none() && !step.is_jump())
        })
        .max_by_key(|s| (longest(s), std::cmp::Reverse(s.path().len())))
        .expect("an ending reached by picking answers");
    assert!(
        longest(ending) > 80,
        "its longest address is wider than the screen"
    );
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state").display().to_string();
    let log = dir.path().join("log.jsonl").display().to_string();
    let mut wizard = common::pty::Wizard::start(&["--state-dir", &state, "--log", &log]);
    let mut walked = Session::new(ending.shared_flow());
    for step in ending.path() {
        wizard.wait_for(&first_words(&Page::of(&walked, Lang::En).heading));
        let answer = step.answer().expect("an answer, not a jump");
        wizard.send(&(answer + 1).to_string());
        walked.choose(answer).unwrap();
    }
    wizard.wait_for(&first_words(&Page::of(&walked, Lang::En).heading));
    let mut addresses = 0;
    for width in [40, 60, 80] {
        wizard.resize(24, width);
        wizard.send("\x1b[H"); // Home: back to the top of the body.
        for _ in 0..10 {
            for row in settled_rows(&wizard) {
                let broken = broken_addresses(&row, &urls);
                assert!(
                    broken.is_empty(),
                    "at {width} columns: {broken:?} in {row:?}"
                );
                addresses += row.matches("https://").count();
            }
            wizard.send("\x1b[6~"); // PgDn
        }
    }
    assert!(addresses >= 3, "addresses were on screen: {addresses}");
    wizard.send("q");
    wizard.exit_code();
}

/// The first words of `text`, few enough to be on one row of a 40-column screen.
fn first_words(text: &str) -> String {
    text.split(' ').take(3).collect::<Vec<_>>().join(" ")
}

/// The screen once it has stopped changing (a frame may be read half drawn).
fn settled_rows(wizard: &common::pty::Wizard) -> Vec<String> {
    let mut last = wizard.rows();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let now = wizard.rows();
        if now == last {
            return now;
        }
        last = now;
    }
}
