//! The note editor, the search box and the help overlay drawn with `TestBackend`.

use ratatui::layout::Position;
use signin_doctor_core::lang::Lang;
use signin_doctor_tui::{Action, update};

use super::render::{app, draw, rows, words_on};

#[test]
fn the_note_editor_shows_the_typed_text_with_the_cursor_after_it() {
    let mut app = app(Lang::En, true);
    update(&mut app, Action::Note);
    for c in "quick".chars() {
        update(&mut app, Action::Type(c));
    }
    let mut terminal = draw(&mut app, 80, 24);
    let text_row = rows(terminal.backend().buffer())
        .iter()
        .position(|row| row.contains("› quick"))
        .expect("the typed text is drawn") as u16;
    let screen = words_on(terminal.backend().buffer());
    assert!(screen.contains("Note on this step"), "{screen:?}");
    assert!(screen.contains("Enter save · Esc cancel"), "{screen:?}");
    assert!(terminal.backend().cursor_visible());
    terminal
        .backend_mut()
        .assert_cursor_position(Position::new(4 + 5, text_row));
    update(&mut app, Action::Erase);
    for _ in 0..4 {
        update(&mut app, Action::Erase);
    }
    update(&mut app, Action::Choose);
    let screen = words_on(draw(&mut app, 80, 24).backend().buffer());
    assert!(
        screen.contains("The note is empty: type something, or press Esc to cancel."),
        "{screen:?}"
    );
    update(&mut app, Action::Cancel);
    let terminal = draw(&mut app, 80, 24);
    assert!(
        !terminal.backend().cursor_visible(),
        "no cursor without a box"
    );
}

#[test]
fn the_search_box_lists_matches_and_marks_the_selected_one() {
    let mut app = app(Lang::En, false);
    update(&mut app, Action::Search);
    let screen = words_on(draw(&mut app, 80, 24).backend().buffer());
    assert!(screen.contains("Search and jump"), "{screen:?}");
    assert!(screen.contains("Type words to search"), "{screen:?}");
    for c in "password".chars() {
        update(&mut app, Action::Type(c));
    }
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    let screen = words_on(draw(&mut app, 80, 24).backend().buffer());
    for text in [
        "Matches for \"password\": 3",
        "Reset your password yourself",
        "› Ask your global admin — To set a new password for you.",
        "↑↓ select · Enter jump · Esc close",
    ] {
        assert!(screen.contains(text), "{text:?} not in {screen:?}");
    }
    for c in "zzz".chars() {
        update(&mut app, Action::Type(c));
    }
    let screen = words_on(draw(&mut app, 80, 24).backend().buffer());
    assert!(
        screen.contains("No matches for \"passwordzzz\"."),
        "{screen:?}"
    );
    let screen = words_on(draw(&mut app, 20, 8).backend().buffer());
    assert!(
        screen.contains("passwordzzz") || screen.contains("zzz"),
        "{screen:?}"
    );
}

#[test]
fn the_help_lists_the_agent_keys() {
    let mut app = app(Lang::En, true);
    update(&mut app, Action::ToggleHelp);
    let screen = words_on(draw(&mut app, 80, 24).backend().buffer());
    for text in [
        "n write a note on this step",
        "/ search every question, step and ending,",
        "s save a transcript now",
        "y copy the transcript to the clipboard",
    ] {
        assert!(screen.contains(text), "{text:?} not in {screen:?}");
    }
}
