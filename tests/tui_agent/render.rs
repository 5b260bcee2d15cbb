//! Agent mode drawn with ratatui's `TestBackend`: what to say, the path pane (beside the
//! body on wide screens, below it on narrower ones), notes and the call time, at every
//! size without a panic.

use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use signin_doctor_core::flow::load_str;
use signin_doctor_core::lang::Lang;
use signin_doctor_core::session::Session;
use signin_doctor_tui::{Action, App, Options, tick, update, view};

const FLOW: &str = r#"
id: agent-render
languages: [en, nl]
title: { en: "Agent render flow", nl: "Testflow voor agenten" }
start: first
nodes:
  first:
    kind: question
    text: { en: "What is going wrong?", nl: "Wat gaat er mis?" }
    say: { en: "Ask the caller what they see on screen.", nl: "Vraag de beller wat die op het scherm ziet." }
    choices:
      - { label: { en: "I forgot my password", nl: "Wachtwoord vergeten" }, next: try }
      - { label: { en: "Something else", nl: "Iets anders" }, next: contact }
  try:
    kind: step
    title: { en: "Reset your password yourself", nl: "Stel uw wachtwoord zelf opnieuw in" }
    say: { en: "Walk the caller through the reset page.", nl: "Loop met de beller de herstelpagina door." }
    steps:
      - { en: "Open the sign-in page.", nl: "Open de aanmeldpagina." }
    fixed: done
    not_fixed: contact
  contact:
    kind: contact
    title: { en: "Ask your global admin", nl: "Vraag het uw globale beheerder" }
    who: { en: "Your company's global admin.", nl: "De globale beheerder van uw bedrijf." }
    ask: { en: "To set a new password for you.", nl: "Om een nieuw wachtwoord in te stellen." }
  done:
    kind: solved
    title: { en: "Great, that's sorted", nl: "Fijn, het is opgelost" }
"#;

/// When the test calls start; the clock is set 75 s later, so the call time is 1:15.
fn started() -> Timestamp {
    "2025-03-14T09:00:00Z".parse().unwrap()
}

/// An app after one answer and a note at the step it leads to, in agent mode or not.
pub fn app(lang: Lang, agent: bool) -> App {
    let flow = load_str(FLOW, "agent-render.yaml").unwrap().flow;
    let mut session = Session::new_at(Arc::new(flow), started());
    session.choose_at(0, started()).unwrap();
    session
        .add_note_at("caller has a new phone", started())
        .unwrap();
    let options = Options {
        agent,
        ..Options::default()
    };
    let mut app = App::new(session, lang, &options);
    tick(&mut app, started() + SignedDuration::from_secs(75));
    app
}

pub fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view(frame, app)).unwrap();
    terminal
}

pub use crate::common::frame::rows;

pub fn words_on(buffer: &Buffer) -> String {
    rows(buffer)
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn wide_screens_show_what_to_say_and_a_side_pane_with_path_note_and_call_time() {
    let mut app = app(Lang::En, true);
    let terminal = draw(&mut app, 120, 40);
    let buffer = terminal.backend().buffer();
    let screen = words_on(buffer);
    for text in [
        "▌ Say to the caller",
        "▌ Walk the caller through the reset page.",
        "n note · / search · s save · y copy · ? help · q quit",
    ] {
        assert!(screen.contains(text), "{text:?} not in {screen:?}");
    }
    let layout = app.screen(buffer.area).unwrap();
    let pane = layout.pane.expect("a pane");
    assert!(pane.side && pane.area.x >= 64, "{pane:?}");
    let in_pane = words_on(&Buffer::with_lines(rows(buffer).iter().map(|row| {
        row.chars()
            .skip(usize::from(pane.area.x))
            .collect::<String>()
    })));
    for text in [
        "│ Path so far Call time 1:15",
        "│ 1. What is going wrong? → I forgot my │ password",
        "│ ▸ Reset your password yourself",
        "│ ✎ caller has a new phone",
    ] {
        assert!(in_pane.contains(text), "{text:?} not in {in_pane:?}");
    }
    assert!(
        layout.body.right() <= pane.area.x,
        "the body stays left of the pane"
    );
    // What to say comes first in the body, before the step's title.
    let body = rows(buffer)[usize::from(layout.body.y)].clone();
    assert!(body.contains("Say to the caller"), "{body:?}");
}

#[test]
fn at_80_columns_the_pane_goes_below_the_body() {
    let mut app = app(Lang::En, true);
    let terminal = draw(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    let screen = words_on(buffer);
    for text in [
        "Say to the caller",
        "─ Path so far ─",
        "─ Call time 1:15 ─",
        "1. What is going wrong? → I forgot my password",
        "✎ caller has a new phone",
    ] {
        assert!(screen.contains(text), "{text:?} not in {screen:?}");
    }
    let layout = app.screen(buffer.area).unwrap();
    let pane = layout.pane.expect("a pane");
    assert!(!pane.side);
    assert!(layout.body.bottom() <= pane.area.y && pane.area.bottom() <= layout.footer.y);
}

#[test]
fn small_screens_keep_what_to_say_and_the_call_time_and_tiny_ones_do_not_panic() {
    let mut app = app(Lang::En, true);
    let screen = words_on(draw(&mut app, 40, 12).backend().buffer());
    for text in ["Say to the caller", "Call time 1:15"] {
        assert!(screen.contains(text), "{text:?} not in {screen:?}");
    }
    let screen = words_on(draw(&mut app, 40, 11).backend().buffer());
    assert!(
        !screen.contains("Call time"),
        "no pane below 12 rows: {screen:?}"
    );
    let sizes = [1, 2, 5, 8, 11, 12, 15, 16, 20, 24, 40, 99, 100, 101, 200];
    for action in [None, Some(Action::Note), Some(Action::Search)] {
        let mut app = self::app(Lang::Nl, true);
        if let Some(action) = action {
            update(&mut app, action);
            for c in "wachtwoord".chars() {
                update(&mut app, Action::Type(c));
            }
        }
        for width in sizes {
            for height in sizes {
                let terminal = draw(&mut app, width, height);
                let area = terminal.backend().buffer().area;
                if let Some(pane) = app.screen(area).and_then(|s| s.pane) {
                    assert!(area.contains(pane.area.as_position()), "{width}×{height}");
                    assert!(pane.area.right() <= width && pane.area.bottom() <= height);
                    for row in &pane.rows {
                        assert!(row.width() <= usize::from(pane.list.width), "{row:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn without_agent_mode_nothing_changes() {
    let mut app = app(Lang::En, false);
    let terminal = draw(&mut app, 120, 40);
    let screen = words_on(terminal.backend().buffer());
    for text in [
        "Say to the caller",
        "Walk the caller",
        "Path so far",
        "Call time",
        "n note",
    ] {
        assert!(!screen.contains(text), "{text:?} in {screen:?}");
    }
    assert!(app.screen(Rect::new(0, 0, 120, 40)).unwrap().pane.is_none());
}

#[test]
fn dutch_agent_mode_says_it_in_dutch() {
    let mut app = app(Lang::Nl, true);
    update(&mut app, Action::Back);
    let screen = words_on(draw(&mut app, 80, 24).backend().buffer());
    for text in [
        "Zeg tegen de beller",
        "Vraag de beller wat die op het scherm ziet.",
        "Tot nu toe",
        "Gespreksduur 1:15",
        "Notities bij andere stappen",
    ] {
        assert!(screen.contains(text), "{text:?} not in {screen:?}");
    }
}

#[test]
fn snapshot_agent_120x40() {
    let mut app = app(Lang::En, true);
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
        insta::assert_snapshot!(draw(&mut app, 120, 40).backend());
    });
}

#[test]
fn snapshot_agent_80x24() {
    let mut app = app(Lang::En, true);
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
        insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
    });
}
