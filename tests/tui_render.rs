//! Renders the full-screen wizard's `view` with ratatui's `TestBackend`: every screen kind
//! at several sizes, snapshots of typical screens, and the no-colour theme.

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use signin_doctor_core::flow::load_str;
use signin_doctor_core::lang::Lang;
use signin_doctor_core::session::Session;
use signin_doctor_tui::layout::screen::{MIN_HEIGHT, MIN_WIDTH};
use signin_doctor_tui::{Action, App, Options, update, view};

const FLOW: &str = r#"
id: render-test
languages: [en, nl]
title: { en: "Render test flow", nl: "Testflow voor tekenen" }
start: first
further_reading: [docs]
links:
  help:
    url: "https://example.com/help/for-admins/how-to-set-a-new-password-for-someone-else"
    title: { en: "Help for admins", nl: "Hulp voor beheerders" }
  docs:
    url: "https://example.com/docs"
    title: { en: "Documentation", nl: "Documentatie" }
nodes:
  first:
    kind: question
    text: { en: "What is going wrong?", nl: "Wat gaat er mis?" }
    help: { en: "Pick the answer closest to what you see.", nl: "Kies wat het best past." }
    choices:
      - { label: { en: "I forgot my password", nl: "Wachtwoord vergeten" }, next: try }
      - { label: { en: "Pages are missing", nl: "Pagina's ontbreken" }, next: fix }
      - { label: { en: "Something else", nl: "Iets anders" }, next: contact }
  try:
    kind: step
    title: { en: "Reset your password yourself", nl: "Stel uw wachtwoord zelf opnieuw in" }
    text: { en: "This takes a few minutes.", nl: "Dit duurt een paar minuten." }
    steps:
      - { en: "Open the sign-in page.", nl: "Open de aanmeldpagina." }
      - { en: "Select \"Can't access your account?\" and follow the prompts.", nl: "Selecteer \"Geen toegang?\" en volg de stappen." }
    fixed: done
    not_fixed: contact
  fix:
    kind: remedy
    title: { en: "Sign in with your work account", nl: "Meld u aan met uw werkaccount" }
    steps:
      - { en: "Sign out.", nl: "Meld u af." }
      - { en: "Sign in and choose Work or school account.", nl: "Meld u aan en kies Werk- of schoolaccount." }
    links: [help]
  contact:
    kind: contact
    title: { en: "Ask your global admin", nl: "Vraag het uw globale beheerder" }
    who: { en: "Your company's global admin.", nl: "De globale beheerder van uw bedrijf." }
    ask: { en: "To set a new password for you.", nl: "Om een nieuw wachtwoord in te stellen." }
    ready:
      - { en: "Your user ID", nl: "Uw gebruikers-id" }
      - { en: "Your company name", nl: "De naam van uw bedrijf" }
    links: [help]
  done:
    kind: solved
    title: { en: "Great, that's sorted", nl: "Fijn, het is opgelost" }
    text: { en: "You're back in.", nl: "U kunt weer verder." }
"#;

const HELP_URL: &str =
    "https://example.com/help/for-admins/how-to-set-a-new-password-for-someone-else";

/// Every screen kind, as the actions that lead to it from the first question.
const SCREENS: [(&str, &[Action]); 7] = [
    ("question", &[]),
    ("step", &[Action::Pick(0)]),
    ("remedy", &[Action::Pick(1)]),
    ("contact", &[Action::Pick(2)]),
    ("solved", &[Action::Pick(0), Action::Pick(0)]),
    ("help", &[Action::ToggleHelp]),
    ("question after back", &[Action::Pick(2), Action::Back]),
];

fn app_with(lang: Lang, no_color: bool, actions: &[Action]) -> App {
    let flow = load_str(FLOW, "render-test.yaml")
        .expect("the test flow is valid")
        .flow;
    let mut app = App::new(
        Session::new(Arc::new(flow)),
        lang,
        &Options {
            no_color,
            ..Options::default()
        },
    );
    for action in actions {
        update(&mut app, *action);
    }
    app
}

fn start(actions: &[Action]) -> App {
    app_with(Lang::En, false, actions)
}

/// Draws `app` on a `width` × `height` test terminal, after telling it the size.
fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view(frame, app)).unwrap();
    terminal
}

fn rows(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

/// The screen's words with every run of spaces and line ends made one space, so text
/// wrapped over rows can be searched as one string.
fn words_on(buffer: &Buffer) -> String {
    rows(buffer)
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The screen with every space and line end removed, for addresses cut over rows.
fn squeezed(buffer: &Buffer) -> String {
    rows(buffer).concat().split_whitespace().collect()
}

/// Every word the user can reach on this screen by paging down from the top.
fn reachable_words(app: &mut App, width: u16, height: u16) -> String {
    update(app, Action::Top);
    let mut seen = Vec::new();
    loop {
        seen.push(words_on(draw(app, width, height).backend().buffer()));
        let before = app.scroll();
        update(app, Action::PageDown);
        if app.scroll() == before {
            return seen.join(" ");
        }
    }
}

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

#[test]
fn every_screen_draws_in_full_or_asks_to_be_enlarged_at_every_size() {
    let sizes = [1, 2, 3, 5, 7, 8, 9, 12, 15, 16, 19, 20, 21, 24, 40, 80, 200];
    for (name, actions) in SCREENS {
        for lang in [Lang::En, Lang::Nl] {
            let mut app = app_with(lang, false, actions);
            for width in sizes {
                for height in sizes {
                    for end in [Action::Bottom, Action::Top] {
                        let terminal = draw(&mut app, width, height);
                        let place = format!("{name} ({lang}) at {width}x{height}");
                        let path =
                            signin_doctor_core::page::Page::of(app.session(), lang).breadcrumbs;
                        drawn_in_full_or_asked_larger(
                            terminal.backend().buffer(),
                            lang,
                            &path,
                            &place,
                        );
                        update(&mut app, end);
                    }
                }
            }
        }
    }
}

/// Asserts what a screen of any size shows: below the usable size only the request to
/// enlarge the window (cut to fit), otherwise the screen itself, header to footer (on a
/// short screen the header is the `path` so far, cut by whole words or steps).
fn drawn_in_full_or_asked_larger(buffer: &Buffer, lang: Lang, path: &[String], place: &str) {
    let enlarge = signin_doctor_core::i18n::words(lang).too_small;
    let screen = words_on(buffer);
    let area = buffer.area;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        // Wrapped in words where it fits, cut where it does not: compare without spaces.
        let unspaced = |text: &str| text.split_whitespace().collect::<String>();
        let kept = unspaced(screen.trim_end_matches('…'));
        assert!(
            !screen.is_empty() && unspaced(enlarge).starts_with(&kept),
            "{place}: only {enlarge:?} (cut to fit) expected, got {screen:?}"
        );
        return;
    }
    assert!(
        !screen.contains(enlarge),
        "{place}: usable, yet asks to enlarge: {screen:?}"
    );
    let rows = rows(buffer);
    let (top, bottom) = (rows[0].trim(), rows[rows.len() - 1].trim());
    let title = if lang == Lang::En {
        "Render test flow"
    } else {
        "Testflow voor tekenen"
    };
    let label = format!("{}:", signin_doctor_core::i18n::words(lang).path);
    let shown = top.trim_start_matches(&label).trim();
    let shown = shown.trim_start_matches('…').trim_end_matches('…').trim();
    let is_path = !path.is_empty()
        && !shown.is_empty()
        && shown
            .split('›')
            .map(|step| step.trim().trim_matches('…').trim())
            .filter(|step| !step.is_empty())
            .all(|step| path.iter().any(|label| label.contains(step)));
    assert!(
        top.contains('┌')
            || (!top.is_empty() && title.starts_with(top.trim_end_matches('…')))
            || is_path,
        "{place}: the top row is neither the flow's title, the path so far nor the help box: {top:?}"
    );
    assert!(!bottom.is_empty(), "{place}: nothing on the bottom row");
}

#[test]
fn a_question_shows_its_heading_options_and_help() {
    for (width, height) in SIZES {
        let mut app = start(&[]);
        let screen = words_on(draw(&mut app, width, height).backend().buffer());
        for text in [
            "Render test flow",
            "What is going wrong?",
            "› 1. I forgot my password",
        ] {
            assert!(
                screen.contains(text),
                "{width}x{height}: {text:?} not in {screen:?}"
            );
        }
        for text in ["2. Pages are missing", "3. Something else", "q quit"] {
            assert!(
                screen.contains(text),
                "{width}x{height}: {text:?} not in {screen:?}"
            );
        }
        let all = reachable_words(&mut app, width, height);
        assert!(
            all.contains("Help Pick the answer closest to what you see."),
            "{all:?}"
        );
    }
}

#[test]
fn a_step_shows_numbered_instructions_then_the_prompt_and_two_answers() {
    for (width, height) in SIZES {
        let mut app = start(&[Action::Pick(0)]);
        let top = words_on(draw(&mut app, width, height).backend().buffer());
        assert!(
            top.contains("Try this Reset your password yourself"),
            "{top:?}"
        );
        let all = reachable_words(&mut app, width, height);
        for text in [
            "1. Open the sign-in page.",
            "2. Select \"Can't access your account?\" and follow the prompts.",
            "Did that fix it? › 1. Yes, that fixed it 2. No, it still does not work",
        ] {
            assert!(
                all.contains(text),
                "{width}x{height}: {text:?} not in {all:?}"
            );
        }
    }
}

#[test]
fn endings_show_their_kind_heading_and_full_link_addresses() {
    let cases: [(&[Action], &str, &str); 3] = [
        (
            &[Action::Pick(1)],
            "What to do",
            "Sign in with your work account",
        ),
        (
            &[Action::Pick(2)],
            "Contact someone",
            "Ask your global admin",
        ),
        (
            &[Action::Pick(0), Action::Pick(0)],
            "Solved",
            "Great, that's sorted",
        ),
    ];
    for (actions, kind, heading) in cases {
        for (width, height) in SIZES {
            let mut app = start(actions);
            let screen = words_on(draw(&mut app, width, height).backend().buffer());
            assert!(
                screen.contains(&format!("{kind} {heading}")),
                "{width}x{height}: {screen:?}"
            );
            assert!(screen.contains("r start again"), "{screen:?}");
            update(&mut app, Action::Bottom);
            let bottom = draw(&mut app, width, height);
            let bottom = squeezed(bottom.backend().buffer());
            assert!(
                bottom.contains("Documentation"),
                "{width}x{height}: {bottom:?}"
            );
            assert!(
                bottom.contains("https://example.com/docs"),
                "{width}x{height}: {bottom:?}"
            );
        }
    }
    let mut app = start(&[Action::Pick(2)]);
    let all = reachable_words(&mut app, 40, 12);
    for text in [
        "Who to contact Your company's global admin.",
        "Have this ready • Your user ID • Your company name",
    ] {
        assert!(all.contains(text), "{text:?} not in {all:?}");
    }
}

#[test]
fn a_long_address_is_wrapped_in_full_never_cut() {
    for actions in [&[Action::Pick(1)][..], &[Action::Pick(2)]] {
        let mut app = start(actions);
        let screen = squeezed(draw(&mut app, 80, 24).backend().buffer());
        assert!(
            screen.contains(&format!("•Helpforadmins{HELP_URL}")),
            "{screen:?}"
        );
    }
}

#[test]
fn hyperlinks_sit_exactly_on_the_address_drawn() {
    let mut app = start(&[Action::Pick(1)]);
    let terminal = draw(&mut app, 40, 24);
    let buffer = terminal.backend().buffer();
    let placed = signin_doctor_tui::terminal::hyperlink::placed(&app, buffer.area);
    let help: Vec<_> = placed.iter().filter(|link| link.url == HELP_URL).collect();
    assert_eq!(
        help.len(),
        1,
        "the address is one piece on one row at 40 columns: {placed:?}"
    );
    assert_eq!(
        help[0].text, "https://example.com/…-for-someone-else",
        "too long for 40 columns, it is shortened in the middle and links to the whole"
    );
    for link in &placed {
        let drawn: String = (0..link.text.chars().count() as u16)
            .map(|i| buffer[(link.x + i, link.y)].symbol())
            .collect();
        assert_eq!(drawn, link.text);
    }
    update(&mut app, Action::ToggleHelp);
    assert!(signin_doctor_tui::terminal::hyperlink::placed(&app, buffer.area).is_empty());
}

#[test]
fn the_selection_marker_follows_the_arrows() {
    let mut app = start(&[Action::Down]);
    let screen = words_on(draw(&mut app, 80, 24).backend().buffer());
    assert!(
        screen.contains("1. I forgot my password › 2. Pages are missing 3."),
        "{screen:?}"
    );
}

#[test]
fn breadcrumbs_are_shortened_by_whole_steps_from_the_left() {
    let mut app = start(&[Action::Pick(0), Action::Pick(0)]);
    // A short screen has one header row: the breadcrumbs.
    let terminal = draw(&mut app, 40, 12);
    let crumbs = rows(terminal.backend().buffer())[0].trim_end().to_owned();
    assert_eq!(crumbs, " … › Reset your password yourself:…");
    let terminal = draw(&mut app, 60, 24);
    let crumbs = rows(terminal.backend().buffer())[1].trim_end().to_owned();
    assert_eq!(
        crumbs, " … › Reset your password yourself: Yes, that fixed it",
        "the last step whole goes before the label"
    );
    let terminal = draw(&mut app, 120, 24);
    let crumbs = rows(terminal.backend().buffer())[1].trim_end().to_owned();
    assert_eq!(
        crumbs,
        " Your answers: I forgot my password › Reset your password yourself: Yes, that fixed it"
    );
}

#[test]
fn the_help_overlay_lists_the_keys() {
    let mut app = start(&[Action::ToggleHelp]);
    let screen = words_on(draw(&mut app, 80, 24).backend().buffer());
    for text in [
        "Keys",
        "1-9 pick that answer",
        "Backspace b go back one answer",
        "Ctrl-C quit at once",
    ] {
        assert!(screen.contains(text), "{text:?} not in {screen:?}");
    }
    let screen = words_on(draw(&mut app, 40, 12).backend().buffer());
    assert!(
        screen.contains("Keys") && screen.contains("1-9 pick that answer"),
        "{screen:?}"
    );
    // At 40×12 it does not fit: the border says there is more, and End shows the rest.
    assert!(screen.contains("↓ more below (PgDn)"), "{screen:?}");
    assert!(!screen.contains("Ctrl-C"), "{screen:?}");
    update(&mut app, Action::Bottom);
    let screen = words_on(draw(&mut app, 40, 12).backend().buffer());
    assert!(screen.contains("Ctrl-C"), "{screen:?}");
    assert!(screen.contains("↑ more above (PgUp)"), "{screen:?}");
}

#[test]
fn a_too_small_window_shows_only_the_message() {
    for (width, height) in [(19, 24), (80, 7), (30, 5)] {
        let mut app = start(&[]);
        let terminal = draw(&mut app, width, height);
        let buffer = terminal.backend().buffer();
        assert_eq!(words_on(buffer), "Make the window larger");
        let shown = rows(buffer);
        let first = shown.iter().position(|row| !row.trim().is_empty()).unwrap();
        let last = shown
            .iter()
            .rposition(|row| !row.trim().is_empty())
            .unwrap();
        let below = shown.len() - 1 - last;
        assert!(first.abs_diff(below) <= 1, "centred vertically: {shown:?}");
    }
    let mut app = start(&[]);
    // A window too small even for one word shows what fits, never anything outside.
    assert_eq!(words_on(draw(&mut app, 1, 1).backend().buffer()), "M");
    let mut app = app_with(Lang::Nl, false, &[]);
    assert_eq!(
        words_on(draw(&mut app, 40, 5).backend().buffer()),
        "Maak het venster groter"
    );
}

#[test]
fn dutch_screens_use_dutch_interface_words() {
    let mut app = app_with(Lang::Nl, false, &[]);
    let screen = words_on(draw(&mut app, 80, 24).backend().buffer());
    assert!(screen.contains("Wat gaat er mis?"), "{screen:?}");
    assert!(screen.contains("q stoppen"), "{screen:?}");
    let mut app = app_with(Lang::Nl, false, &[Action::Pick(0)]);
    let screen = words_on(draw(&mut app, 80, 24).backend().buffer());
    assert!(
        screen.contains("Is het probleem daarmee opgelost?"),
        "{screen:?}"
    );
}

#[test]
fn without_colour_no_cell_has_a_colour_and_the_selection_still_shows() {
    for (_, actions) in SCREENS {
        for (width, height) in [(80, 24), (40, 12), (10, 4)] {
            let mut app = app_with(Lang::En, true, actions);
            let terminal = draw(&mut app, width, height);
            for cell in terminal.backend().buffer().content() {
                assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
                assert_eq!(cell.underline_color, Color::Reset, "{cell:?}");
            }
        }
    }
    let mut app = app_with(Lang::En, true, &[]);
    let terminal = draw(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    let y = rows(buffer)
        .iter()
        .position(|row| row.contains("› 1."))
        .unwrap() as u16;
    assert!(buffer[(3, y)].modifier.contains(Modifier::REVERSED));
    // The same screen in colour does use colour, so the check above measures something.
    let mut app = start(&[]);
    let terminal = draw(&mut app, 80, 24);
    assert!(
        terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .any(|cell| cell.bg != Color::Reset)
    );
}

#[test]
fn snapshot_question_80x24() {
    let mut app = start(&[Action::Down]);
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn snapshot_contact_80x24() {
    let mut app = start(&[Action::Pick(2)]);
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn snapshot_step_40x12() {
    let mut app = start(&[Action::Resize(40, 12), Action::Pick(0), Action::Down]);
    insta::assert_snapshot!(draw(&mut app, 40, 12).backend());
}
