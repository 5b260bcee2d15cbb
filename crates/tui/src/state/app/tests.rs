use super::*;
use crate::Action;
use crate::fixtures::{TYPED, WIZARD, session};

fn app() -> App {
    App::new(session(WIZARD), Lang::En, &Options::default())
}

fn run(app: &mut App, actions: &[Action]) {
    for action in actions {
        update(app, *action);
    }
}

#[test]
fn a_digit_picks_that_option() {
    let mut app = app();
    update(&mut app, Action::Pick(1));
    assert_eq!(app.page().heading, "Restart it");
    assert_eq!(app.session().path().len(), 1);
    update(&mut app, Action::Pick(7));
    assert_eq!(
        app.page().heading,
        "Restart it",
        "a digit with no option does nothing"
    );
}

#[test]
fn enter_picks_the_selected_option_after_moving() {
    let mut app = app();
    run(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(app.selected(), 2);
    update(&mut app, Action::Down);
    assert_eq!(app.selected(), 2, "the selection stops at the last option");
    update(&mut app, Action::Up);
    update(&mut app, Action::Choose);
    assert_eq!(app.page().heading, "Restart it");
    assert_eq!(app.selected(), 0, "a new node starts at its first option");
}

#[test]
fn back_returns_to_the_previous_question_with_its_answer_selected() {
    let mut app = app();
    run(&mut app, &[Action::Pick(0), Action::Pick(1)]);
    assert!(app.at_ending());
    update(&mut app, Action::Back);
    assert_eq!(app.page().heading, "Second question?");
    assert_eq!(app.selected(), 1);
    run(&mut app, &[Action::Back, Action::Back]);
    assert_eq!(app.page().heading, "First question?");
    assert!(app.session().path().is_empty());
}

#[test]
fn restart_goes_to_the_first_question() {
    let mut app = app();
    run(&mut app, &[Action::Pick(0), Action::Down, Action::Restart]);
    assert_eq!(app.page().heading, "First question?");
    assert_eq!(app.selected(), 0);
    assert!(app.session().path().is_empty());
}

#[test]
fn esc_closes_help_before_it_quits() {
    let mut app = app();
    update(&mut app, Action::ToggleHelp);
    assert!(app.help_visible());
    update(&mut app, Action::Cancel);
    assert!(!app.help_visible());
    assert_eq!(app.walk_end(), None);
    update(&mut app, Action::Cancel);
    assert_eq!(app.walk_end(), Some(WalkEnd::Quit));
}

#[test]
fn keys_under_the_help_overlay_only_close_it() {
    let mut app = app();
    run(&mut app, &[Action::ToggleHelp, Action::Pick(0)]);
    assert!(!app.help_visible());
    assert_eq!(app.page().heading, "First question?");
    run(&mut app, &[Action::ToggleHelp, Action::ToggleHelp]);
    assert!(!app.help_visible());
    run(&mut app, &[Action::ToggleHelp, Action::Quit]);
    assert_eq!(app.walk_end(), Some(WalkEnd::Quit));
}

#[test]
fn quitting_at_an_ending_reports_the_ending() {
    let mut app = app();
    run(&mut app, &[Action::Pick(2), Action::Quit]);
    assert_eq!(app.walk_end(), Some(WalkEnd::Ending));
    let mut app = self::app();
    run(&mut app, &[Action::Pick(2), Action::Back, Action::Quit]);
    assert_eq!(
        app.walk_end(),
        Some(WalkEnd::Quit),
        "only the current node counts"
    );
}

#[test]
fn choosing_at_an_ending_does_nothing() {
    let mut app = app();
    run(
        &mut app,
        &[Action::Pick(2), Action::Choose, Action::Pick(0)],
    );
    assert_eq!(app.page().heading, "Call the admin");
}

#[test]
fn the_selected_option_is_scrolled_into_view_on_a_short_screen() {
    let mut app = app();
    run(&mut app, &[Action::Pick(1), Action::Resize(20, 8)]);
    let screen = app.current_screen().unwrap();
    assert!(
        screen.content.rows.len() > screen.visible(),
        "the step must not fit for this test"
    );
    assert!(!app.selected_on_screen());
    update(&mut app, Action::Choose);
    assert_eq!(
        app.page().heading,
        "Restart it",
        "Enter first reveals an unseen option"
    );
    assert!(app.selected_on_screen());
    update(&mut app, Action::Down);
    assert_eq!(app.selected(), 1);
    assert!(app.selected_on_screen());
    update(&mut app, Action::Top);
    assert_eq!(app.scroll(), 0);
    update(&mut app, Action::Bottom);
    assert_eq!(app.scroll(), app.current_screen().unwrap().max_scroll());
    update(&mut app, Action::PageUp);
    assert!(app.scroll() < app.current_screen().unwrap().max_scroll());
}

#[test]
fn arrows_scroll_an_ending_and_scroll_stays_in_bounds() {
    let mut app = app();
    run(&mut app, &[Action::Pick(2), Action::Resize(20, 8)]);
    let max = app.current_screen().unwrap().max_scroll();
    assert!(max > 0);
    update(&mut app, Action::Down);
    assert_eq!(app.scroll(), 1);
    run(&mut app, &[Action::PageDown; 20]);
    assert_eq!(app.scroll(), max);
    update(&mut app, Action::Resize(80, 24));
    assert_eq!(app.scroll(), 0, "a larger screen needs no scrolling");
}

#[test]
fn a_too_small_screen_ignores_keys_but_still_quits() {
    let mut app = app();
    run(
        &mut app,
        &[Action::Resize(5, 3), Action::Pick(0), Action::Down],
    );
    assert_eq!(app.page().heading, "First question?");
    update(&mut app, Action::Cancel);
    assert_eq!(app.walk_end(), Some(WalkEnd::Quit));
}

#[test]
fn a_moved_selection_stays_in_view_when_the_window_shrinks() {
    let mut app = app();
    run(
        &mut app,
        &[Action::Pick(1), Action::Down, Action::Resize(20, 8)],
    );
    assert!(app.selected_on_screen());
    run(&mut app, &[Action::Top, Action::Resize(21, 8)]);
    assert_eq!(
        app.scroll(),
        0,
        "after scrolling away the user's scroll is kept"
    );
    let mut app = self::app();
    run(&mut app, &[Action::Pick(1), Action::Resize(20, 8)]);
    assert_eq!(app.scroll(), 0, "a new step starts at its instructions");
}

#[test]
fn the_help_scrolls_when_it_does_not_fit_and_any_other_key_closes_it() {
    let mut app = app();
    run(&mut app, &[Action::Resize(40, 12), Action::ToggleHelp]);
    let max = crate::layout::help_layout::max_scroll(
        app.theme(),
        app.lang(),
        crate::layout::help_layout::HelpFor {
            answering: false,
            hand_off: false,
            served: false,
        },
        Rect::new(0, 0, 40, 12),
    );
    assert!(max > 0, "at 40×12 the help does not fit");
    run(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(app.help_scroll, 2);
    run(&mut app, &[Action::Bottom, Action::Down]);
    assert_eq!(app.help_scroll, max, "scrolling stops at the end");
    run(&mut app, &[Action::Up]);
    assert_eq!(app.help_scroll, max - 1);
    assert!(app.help_visible());
    run(&mut app, &[Action::Back]);
    assert!(!app.help_visible(), "another key closes the help");
    assert_eq!(app.help_scroll, 0);
    assert_eq!(app.session().path().len(), 0, "and does nothing else");
}

fn typed_app() -> App {
    let mut app = App::new(session(TYPED), Lang::En, &Options::default());
    update(&mut app, Action::Pick(0));
    assert_eq!(app.key_mode(), KeyMode::Answering);
    app
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Type(c));
    }
}

#[test]
fn the_answer_box_takes_typing_and_enter_answers() {
    let mut app = typed_app();
    type_text(&mut app, "q 50053");
    assert_eq!(app.answer().text(), "q 50053");
    assert!(!app.quit, "q was typed, not a command");
    run(
        &mut app,
        &[
            Action::LineStart,
            Action::EraseForward,
            Action::EraseForward,
        ],
    );
    assert_eq!(app.answer().text(), "50053");
    assert_eq!(update(&mut app, Action::Choose), None);
    assert_eq!(app.session().node().key, "locked");
    assert_eq!(app.key_mode(), KeyMode::Wizard);
    assert!(
        app.page()
            .sections
            .iter()
            .any(|s| s.title == "Give them this"
                && s.body == crate::page::Body::Paragraph("50053".into())),
        "{:?}",
        app.page().sections
    );
}

#[test]
fn backspace_in_an_empty_box_goes_back_and_back_refills_it() {
    let mut app = typed_app();
    type_text(&mut app, "x");
    update(&mut app, Action::Erase);
    assert_eq!(app.session().node().key, "code", "the x was erased first");
    update(&mut app, Action::Erase);
    assert_eq!(app.session().node().key, "first");
    update(&mut app, Action::Pick(0));
    assert_eq!(app.answer().text(), "", "a new visit starts empty");
    type_text(&mut app, "nothing known");
    update(&mut app, Action::Choose);
    assert_eq!(app.session().node().key, "done");
    update(&mut app, Action::Back);
    assert_eq!(app.session().node().key, "code");
    assert_eq!(app.answer().text(), "nothing known");
}

#[test]
fn question_mark_in_an_empty_box_is_help_and_a_full_box_says_so() {
    let mut app = typed_app();
    update(&mut app, Action::Type('?'));
    assert!(app.help_visible());
    update(&mut app, Action::Type('x'));
    assert!(!app.help_visible(), "any key closes the help");
    assert_eq!(
        app.answer().text(),
        "",
        "the key that closed the help is not typed"
    );
    type_text(&mut app, "x?");
    assert_eq!(app.answer().text(), "x?", "typed once the box has text");
    type_text(&mut app, &"y".repeat(crate::state::input::MAX_ANSWER_CHARS));
    assert_eq!(
        app.answer().text().chars().count(),
        crate::state::input::MAX_ANSWER_CHARS
    );
    assert_eq!(
        app.status().lines,
        ["Only the first 1,000 characters are kept."]
    );
}

#[test]
fn a_paste_goes_into_the_answer_box_in_one_piece_and_never_answers() {
    let mut app = typed_app();
    paste(&mut app, "AADSTS50053: locked\r\nq1b");
    assert_eq!(
        app.session().node().key,
        "code",
        "neither the line break nor the letters were taken as keys"
    );
    assert_eq!(app.answer().text(), "AADSTS50053: locked q1b");
    paste(&mut app, &"z".repeat(5_000));
    assert_eq!(
        app.answer().text().chars().count(),
        crate::state::input::MAX_ANSWER_CHARS
    );
    assert_eq!(
        app.status().lines,
        ["Only the first 1,000 characters are kept."]
    );
}

#[test]
fn the_answer_box_asks_once_before_an_empty_answer_and_an_edit_or_paste_forgets_it() {
    let mut app = typed_app();
    let asked = "Nothing typed. Press Enter again to go on without a code.";
    assert_eq!(update(&mut app, Action::Choose), None, "nothing moved");
    assert_eq!(app.asking().as_deref(), Some(asked));
    assert_eq!(app.session().node().key, "code");
    // Moving the cursor is no edit; typing is.
    run(&mut app, &[Action::Left, Action::Type('x')]);
    assert_eq!(app.asking(), None);
    run(&mut app, &[Action::Erase, Action::Choose]);
    assert_eq!(app.asking().as_deref(), Some(asked));
    paste(&mut app, "SSPR_009");
    assert_eq!(app.asking(), None, "a paste changed the text");
    update(&mut app, Action::Choose);
    assert_eq!(
        app.asking().as_deref(),
        Some("Did you mean SSPR_0009? Enter: yes · Esc: no")
    );
    // Back (Esc) declines: the answer as typed goes to "otherwise".
    assert_eq!(update(&mut app, Action::Back), None);
    assert_eq!(app.session().node().key, "done");
    assert_eq!(app.asking(), None);
    // Without a suggestion asked, Esc goes back as ever, and an empty Enter twice goes on.
    run(&mut app, &[Action::Back]);
    run(&mut app, &[Action::Back, Action::Pick(0), Action::Choose]);
    assert_eq!(app.asking().as_deref(), Some(asked));
    run(&mut app, &[Action::Back]);
    assert_eq!(app.session().node().key, "first");
    run(&mut app, &[Action::Pick(0), Action::Choose, Action::Choose]);
    assert_eq!(app.session().node().key, "done");
}
