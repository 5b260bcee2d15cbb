//! Every screen kind drawn at sizes from 1×1 up to 300×100, sampled densely near the small
//! end: all sizes up to 40×30, every width up to 300 at heights 1 and 24, every height up
//! to 100 at widths 1, 20 and 80, then a grid with a stride of 13 in both directions (about
//! 2,050 sizes per screen; the sampling keeps the test under 30 s in a debug build). At
//! each: no panic, nothing drawn outside the frame (also when the frame sits inside a larger
//! terminal), and the laid-out parts of the screen inside it and apart. The wrap helpers are checked with proptest: no line wider
//! than asked, whatever the text (emoji, CJK, combining marks, 10,000-character words), and
//! no web address split.

use std::sync::Arc;

use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use signin_doctor_core::flow::{EndingKind, NodeKind, load_built_in, load_str};
use signin_doctor_core::generate::{flow_yaml, session_at};
use signin_doctor_core::lang::Lang;
use signin_doctor_tui::layout::wrap::{cells, hard_wrap, truncate_end, truncate_start, wrap};
use signin_doctor_tui::{Action, App, Options, update, view};
use unicode_width::UnicodeWidthStr;

/// Whether a node is of the kind a screen shows.
type IsKind = fn(&NodeKind) -> bool;

/// One app per screen kind (and the help overlay, and the built-in flow's first question in
/// Dutch), each a long way into a walk so the breadcrumbs are long too.
fn apps() -> Vec<(String, App)> {
    let flow = load_str(&flow_yaml(300, 5), "generated.yaml")
        .unwrap()
        .flow
        .shared();
    let kinds: [(&str, IsKind); 5] = [
        (
            "question",
            |k| matches!(k, NodeKind::Question(q) if q.choices.len() == 4),
        ),
        (
            "step",
            |k| matches!(k, NodeKind::Step(s) if !s.links.is_empty()),
        ),
        (
            "remedy",
            |k| matches!(k, NodeKind::Ending(e) if e.kind == EndingKind::Remedy),
        ),
        (
            "contact",
            |k| matches!(k, NodeKind::Ending(e) if e.kind == EndingKind::Contact && e.contact.as_ref().is_some_and(|c| !c.ready.is_empty())),
        ),
        (
            "solved",
            |k| matches!(k, NodeKind::Ending(e) if e.kind == EndingKind::Solved),
        ),
    ];
    let mut apps: Vec<(String, App)> = kinds
        .iter()
        .map(|(name, is)| {
            let session = session_at(Arc::clone(&flow), |node| is(&node.kind))
                .unwrap_or_else(|| panic!("the generated flow has a {name}"));
            (
                (*name).to_owned(),
                App::new(session, Lang::En, &Options::default()),
            )
        })
        .collect();
    let mut help = App::new(apps[0].1.session().clone(), Lang::En, &Options::default());
    update(&mut help, Action::ToggleHelp);
    apps.push(("help overlay".to_owned(), help));
    let built_in = load_built_in().unwrap().flow.shared();
    let session = signin_doctor_core::session::Session::new(built_in);
    // A question answered by typing, with a long answer in its box, in agent mode.
    let typed_flow = signin_doctor_core::flow::load_path(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/error-codes.yaml"
    )))
    .unwrap()
    .flow
    .shared();
    let mut typed_session = signin_doctor_core::session::Session::new(typed_flow);
    typed_session.choose(0).unwrap();
    let mut typed = App::new(
        typed_session,
        Lang::En,
        &Options {
            agent: true,
            ..Options::default()
        },
    );
    for c in "AADSTS50053: Your account is locked because you tried too often 日本語".chars() {
        update(&mut typed, Action::Type(c));
    }
    apps.push(("input question with a long answer".to_owned(), typed));
    apps.push((
        "built-in (nl, no colour)".to_owned(),
        App::new(
            session,
            Lang::Nl,
            &Options {
                no_color: true,
                ..Options::default()
            },
        ),
    ));
    apps
}

/// The sizes to draw at (see the top of this file).
fn sizes() -> Vec<(u16, u16)> {
    let mut sizes = Vec::new();
    for w in 1..=40 {
        for h in 1..=30 {
            sizes.push((w, h));
        }
    }
    for w in 41..=300 {
        for h in [1, 24] {
            sizes.push((w, h));
        }
    }
    for h in 31..=100 {
        for w in [1, 20, 80] {
            sizes.push((w, h));
        }
    }
    for w in (41..=300).step_by(13).chain([300]) {
        for h in (31..=100).step_by(13).chain([100]) {
            sizes.push((w, h));
        }
    }
    sizes.sort_unstable();
    sizes.dedup();
    sizes
}

/// Draws `app` at `size` and checks the buffer cell by cell.
fn draw(app: &mut App, (w, h): (u16, u16), name: &str) -> Buffer {
    update(app, Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|frame| view(frame, app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    assert_eq!(buffer.area, Rect::new(0, 0, w, h));
    for y in 0..h {
        for x in 0..w {
            let symbol = buffer[(x, y)].symbol();
            assert!(
                !symbol.chars().any(char::is_control),
                "{name} at {w}×{h}: control character drawn at ({x},{y}): {symbol:?}"
            );
            assert!(
                symbol.width() < 2 || x + 1 < w,
                "{name} at {w}×{h}: a wide character {symbol:?} cut at the right edge, row {y}"
            );
        }
    }
    check_layout(app, (w, h), name);
    buffer
}

/// The parts the screen is laid out in lie inside it and apart, and every body row and key
/// hint fits its part's width.
fn check_layout(app: &App, (w, h): (u16, u16), name: &str) {
    let area = Rect::new(0, 0, w, h);
    let Some(screen) = app.screen(area) else {
        return;
    };
    let mut parts = vec![
        ("title", screen.title),
        ("crumbs", screen.crumbs),
        ("body", screen.body),
        ("footer", screen.footer),
    ];
    if let Some((above, below)) = screen.rules {
        parts.push(("rule above", above));
        parts.push(("rule below", below));
    }
    parts.extend(screen.more.map(|r| ("more", r)));
    parts.extend(screen.status.map(|r| ("status", r)));
    for (part, rect) in &parts {
        assert!(
            area.contains(rect.as_position()) || rect.is_empty(),
            "{name} at {w}×{h}: {part} {rect:?} starts outside the screen"
        );
        assert!(
            rect.right() <= w && rect.bottom() <= h,
            "{name} at {w}×{h}: {part} {rect:?} reaches outside the screen"
        );
    }
    for (i, (a, ra)) in parts.iter().enumerate() {
        for (b, rb) in &parts[i + 1..] {
            assert!(
                !ra.intersects(*rb),
                "{name} at {w}×{h}: {a} {ra:?} overlaps {b} {rb:?}"
            );
        }
    }
    for (i, row) in screen.content.rows.iter().enumerate() {
        let width = row.line.width();
        assert!(
            width <= usize::from(screen.body.width),
            "{name} at {w}×{h}: body row {i} is {width} wide, the body {}: {:?}",
            screen.body.width,
            row.line
        );
    }
    for hint in &screen.hints {
        assert!(
            hint.width() <= usize::from(screen.footer.width),
            "{name} at {w}×{h}: key hint {hint:?} wider than {}",
            screen.footer.width
        );
    }
}

/// Draws `app` into a frame placed at (2, 1) of a larger terminal: everything around the
/// frame stays blank, and the frame shows what a terminal of its own size shows.
fn draw_offset(app: &App, (w, h): (u16, u16), alone: &Buffer, name: &str) {
    let frame = Rect::new(2, 1, w, h);
    let backend = TestBackend::new(w + 5, h + 3);
    let options = TerminalOptions {
        viewport: Viewport::Fixed(frame),
    };
    let mut terminal = Terminal::with_options(backend, options).unwrap();
    terminal.draw(|f| view(f, app)).unwrap();
    let outer = terminal.backend().buffer();
    for y in 0..h + 3 {
        for x in 0..w + 5 {
            let cell = &outer[(x, y)];
            if frame.contains((x, y).into()) {
                let own = &alone[(x - 2, y - 1)];
                assert_eq!(
                    cell.symbol(),
                    own.symbol(),
                    "{name} at {w}×{h} drawn at (2,1): cell ({x},{y}) differs from the same screen at (0,0)"
                );
            } else {
                assert_eq!(
                    cell.symbol(),
                    " ",
                    "{name} at {w}×{h} drawn at (2,1): text outside the frame at ({x},{y})"
                );
            }
        }
    }
}

#[test]
fn every_screen_kind_at_every_size_stays_inside_its_frame() {
    let sizes = sizes();
    // One thread per screen: the sweep is the slowest test, and CI has two cores.
    std::thread::scope(|scope| {
        for (name, mut app) in apps() {
            let sizes = &sizes;
            scope.spawn(move || {
                for (i, &size) in sizes.iter().enumerate() {
                    let alone = draw(&mut app, size, &name);
                    // The offset frame costs a second draw: all small sizes, every 7th beyond.
                    if size.0 <= 40 && size.1 <= 30 || i % 7 == 0 {
                        draw_offset(&app, size, &alone, &name);
                    }
                }
            });
        }
    });
}

// ---------------------------------------------------------------------------------------
// The wrap helpers

/// Text made of hard pieces: emoji (with modifiers, ZWJ and variation selectors), CJK,
/// combining marks, zero-width characters, bidi controls, long words and spaces.
fn hard_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("👍".to_owned()),
        Just("👩‍👩‍👧‍👦".to_owned()),
        Just("👍🏽".to_owned()),
        Just("❤\u{fe0f}".to_owned()),
        Just("☺\u{fe0e}".to_owned()),
        Just("🇳🇱".to_owned()),
        Just("日本語の文章".to_owned()),
        Just("한국어".to_owned()),
        Just("ｆｕｌｌｗｉｄｔｈ".to_owned()),
        Just("e\u{301}\u{302}\u{303}".to_owned()),
        Just("a\u{200b}b\u{200d}c\u{2060}d\u{feff}".to_owned()),
        Just("\u{202e}evil\u{202c}".to_owned()),
        Just(" ".to_owned()),
        Just("  ".to_owned()),
        Just("\n".to_owned()),
        Just("https://learn.microsoft.com/partner-center/a-very-long-address".to_owned()),
        "[a-zA-Z]{1,12}",
        "\\PC{1,6}",
        (1usize..3).prop_map(|n| "W".repeat(n * 5_000)),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn wrapped_lines_are_never_wider_than_the_width(text in hard_text(), width in 1usize..120) {
        let lines = wrap(&text, width);
        prop_assert!(!lines.is_empty());
        for line in &lines {
            // A character wider than a 1-cell line is shown alone; nothing is wider.
            let alone = cells(line).count() == 1;
            prop_assert!(
                line.width() <= width || (width == 1 && alone),
                "line {:?} is {} wide, asked {}", line, line.width(), width
            );
        }
        // Web addresses too long for a line are shortened, never split; the rest is kept,
        // text glued before an address (a bracket, a quote) included.
        let address_at = |word: &str| ["https://", "http://"].iter().filter_map(|s| word.find(s)).min();
        // (At a width too small for the page, an address is cut to its start: "h…", "…".)
        let cut_address = |word: &str| {
            word.strip_suffix('…')
                .is_some_and(|stem| "https://".starts_with(stem) || "http://".starts_with(stem))
        };
        let before_address = |word: &str| {
            if cut_address(word) {
                return String::new();
            }
            word[..address_at(word).unwrap_or(word.len())].to_owned()
        };
        let kept: String = lines
            .iter()
            .map(|line| {
                let words = line.split(' ').map(before_address);
                words.collect::<Vec<_>>().join(" ")
            })
            .collect::<String>()
            .split_whitespace()
            .collect();
        let given: String = text.split_whitespace().map(before_address).collect();
        prop_assert_eq!(kept, given, "wrapping lost or added text");
        let addresses = text.split_whitespace().filter_map(|w| address_at(w).map(|at| &w[at..]));
        for address in addresses {
            if address.width() <= width {
                prop_assert!(lines.iter().any(|line| line.contains(address)), "{} split", address);
            }
        }
    }

    #[test]
    fn hard_wrapped_pieces_are_never_wider_than_the_width(text in hard_text(), width in 1usize..120) {
        let pieces = hard_wrap(&text, width);
        prop_assert_eq!(pieces.concat(), text.clone());
        for piece in &pieces {
            let alone = cells(piece).count() == 1;
            prop_assert!(
                piece.width() <= width || (width == 1 && alone),
                "piece {:?} is {} wide, asked {}", piece, piece.width(), width
            );
        }
    }

    #[test]
    fn truncated_text_is_never_wider_than_the_width(text in hard_text(), width in 0usize..120) {
        for cut in [truncate_end(&text, width), truncate_start(&text, width)] {
            prop_assert!(
                cut.width() <= width,
                "{:?} is {} wide, asked {}", cut, cut.width(), width
            );
        }
    }
}

#[test]
fn a_ten_thousand_character_word_is_cut_into_full_lines() {
    let word = "x".repeat(10_000);
    let lines = wrap(&word, 80);
    assert_eq!(lines.len(), 125);
    assert!(lines.iter().all(|line| line.width() == 80));
    let cjk = "語".repeat(10_000);
    let lines = wrap(&cjk, 79);
    assert!(lines.iter().all(|line| line.width() <= 79));
    assert_eq!(lines.concat(), cjk);
}
