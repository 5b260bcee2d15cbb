//! Small screens give their rows to the answers: at 40×12 the first question shows at
//! least four of its answers in English and in Dutch; and whatever the size from 10×3 up,
//! the "too small" message, the key hints and the scroll indicator are whole words, never
//! a cut word such as "Make the window l…" or "(PgUp …".

mod common;

use common::frame::draw;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use signin_doctor_core::flow::load_built_in;
use signin_doctor_core::i18n::words;
use signin_doctor_core::lang::Lang;
use signin_doctor_core::session::Session;
use signin_doctor_tui::{Action, App, Options, update};

fn first_question(lang: Lang) -> App {
    let session = Session::new(load_built_in().unwrap().flow.shared());
    App::new(session, lang, &Options::default())
}

/// An app a few answers into the flow: a step, with breadcrumbs and links.
fn a_few_answers_in(lang: Lang) -> App {
    let mut app = first_question(lang);
    for pick in [0, 0, 1] {
        update(&mut app, Action::Pick(pick));
    }
    app
}

/// The rows of `buffer`, without the spaces around them.
fn rows(buffer: &Buffer) -> Vec<String> {
    common::frame::rows(buffer)
        .iter()
        .map(|row| row.trim().to_owned())
        .collect()
}

/// The answers whose number is on screen ("1. …", "› 2. …").
fn answers_shown(buffer: &Buffer) -> Vec<usize> {
    rows(buffer)
        .iter()
        .filter_map(|row| {
            let row = row.trim_start_matches('›').trim_start();
            let (number, _) = row.split_once(". ")?;
            number.parse().ok()
        })
        .collect()
}

#[test]
fn at_40x12_the_first_question_shows_at_least_four_answers_in_both_languages() {
    for lang in [Lang::En, Lang::Nl] {
        let mut app = first_question(lang);
        let buffer = draw(&mut app, 40, 12);
        let shown = answers_shown(&buffer);
        assert!(
            shown.len() >= 4 && shown.starts_with(&[1, 2, 3, 4]),
            "{lang:?}: answers {shown:?} on\n{}",
            rows(&buffer).join("\n")
        );
        // The selected answer is shown in full, and the question itself is there.
        let screen = rows(&buffer).join(" ");
        let page = signin_doctor_core::page::Page::of(app.session(), lang);
        let first_word = page.heading.split(' ').next().unwrap();
        assert!(screen.contains(first_word), "{lang:?}: {screen}");
        let squeezed: String = screen.split_whitespace().collect();
        let label: String = page.options[0].split_whitespace().collect();
        assert!(squeezed.contains(&label), "{lang:?}: {screen}");
    }
}

/// The sizes checked: every size from 10×3 to 60×30, and wide and tall ones.
fn sizes() -> Vec<(u16, u16)> {
    let mut sizes: Vec<(u16, u16)> = (10..=60)
        .flat_map(|w| (3..=30).map(move |h| (w, h)))
        .collect();
    sizes.extend([(80, 24), (120, 40), (200, 12), (10, 80)]);
    sizes
}

#[test]
fn the_too_small_message_is_whole_words_at_every_size_from_10x3() {
    for lang in [Lang::En, Lang::Nl] {
        let message: Vec<&str> = words(lang).too_small.split(' ').collect();
        let mut app = first_question(lang);
        let mut checked = 0;
        for (w, h) in sizes() {
            if app.screen(Rect::new(0, 0, w, h)).is_some() {
                continue;
            }
            let buffer = draw(&mut app, w, h);
            let shown = rows(&buffer).join(" ");
            let shown: Vec<&str> = shown.split_whitespace().collect();
            assert_eq!(shown, message, "{lang:?} at {w}×{h}");
            checked += 1;
        }
        assert!(checked > 200, "too-small sizes checked: {checked}");
    }
}

#[test]
fn key_hints_and_the_scroll_indicator_are_whole_at_every_size() {
    for lang in [Lang::En, Lang::Nl] {
        let words = words(lang);
        let hints: Vec<&str> = [words.question_keys, words.ending_keys, words.input_keys]
            .iter()
            .flat_map(|keys| keys.split(" · "))
            .collect();
        let indicators = [
            words.more_above,
            words.more_below,
            words.more_both,
            "↑ PgUp",
            "↓ PgDn",
            "↑↓ PgUp PgDn",
            "↑",
            "↓",
            "↑↓",
        ];
        for mut app in [first_question(lang), a_few_answers_in(lang)] {
            for (w, h) in sizes() {
                let buffer = draw(&mut app, w, h);
                let Some(screen) = app.screen(buffer.area) else {
                    continue;
                };
                let drawn = rows(&buffer);
                for y in screen.footer.y..screen.footer.bottom() {
                    let row = &drawn[usize::from(y)];
                    for hint in row.split(" · ").filter(|hint| !hint.is_empty()) {
                        assert!(
                            hints.contains(&hint),
                            "{lang:?} at {w}×{h}: {hint:?} is not a whole hint in {row:?}"
                        );
                    }
                }
                if let Some(more) = screen.more {
                    let row = &drawn[usize::from(more.y)];
                    assert!(
                        indicators.contains(&row.as_str()),
                        "{lang:?} at {w}×{h}: scroll indicator {row:?}"
                    );
                }
                let crumbs = &drawn[usize::from(screen.crumbs.y)];
                if !screen.crumbs.is_empty() && crumbs.contains('…') {
                    assert!(
                        crumbs.contains("… › ") || !crumbs.contains(" › "),
                        "{lang:?} at {w}×{h}: breadcrumbs cut inside a step: {crumbs:?}"
                    );
                }
            }
        }
    }
}
