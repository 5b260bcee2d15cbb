//! `update` with the note editor, the search box, jumps, the agent-mode clock and the
//! effects it asks for; keys go through the same pure mapping as in the event loop.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::Action;
use crate::core::Notice;
use crate::core::reload::FlowEvent;
use crate::event::action::from_event;
use crate::fixtures::{WIZARD, flow, session};
use crate::state::effect::Effect;
use crate::state::overlay::Overlay;

fn app(agent: bool) -> App {
    let options = Options {
        agent,
        ..Options::default()
    };
    App::new(session(WIZARD), Lang::En, &options)
}

/// Presses `code` as the event loop would: mapped in the app's key mode, then updated.
fn press(app: &mut App, code: KeyCode) -> Option<Effect> {
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let action = from_event(&event, app.key_mode())?;
    update(app, action)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn typed(app: &App) -> &str {
    app.overlay().expect("an input box is open").input().text()
}

#[test]
fn in_the_note_editor_q_and_other_wizard_keys_are_typed() {
    let mut app = app(false);
    assert_eq!(press(&mut app, KeyCode::Char('n')), None);
    assert!(matches!(app.overlay(), Some(Overlay::Note(_))));
    type_text(&mut app, "q1b?/sy");
    assert_eq!(typed(&app), "q1b?/sy");
    assert_eq!(app.walk_end(), None, "q did not quit");
    assert_eq!(app.page().heading, "First question?", "1 did not pick");
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let quit = from_event(&ctrl_c, app.key_mode()).unwrap();
    update(&mut app, quit);
    assert_eq!(app.walk_end(), Some(WalkEnd::Quit), "Ctrl-C still quits");
}

#[test]
fn the_note_editor_edits_at_the_cursor_and_esc_cancels() {
    let mut app = app(false);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "calr");
    press(&mut app, KeyCode::Left);
    type_text(&mut app, "le");
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(typed(&app), "calle");
    assert_eq!(press(&mut app, KeyCode::Esc), None);
    assert!(app.overlay().is_none());
    assert!(app.session().notes().is_empty());
    assert_eq!(
        app.walk_end(),
        None,
        "Esc closed the editor, it did not quit"
    );
}

#[test]
fn enter_saves_the_note_on_the_current_step_and_an_empty_one_is_refused() {
    let mut app = app(false);
    update(&mut app, Action::Pick(0));
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "   ");
    assert_eq!(press(&mut app, KeyCode::Enter), None);
    assert!(matches!(app.overlay(), Some(Overlay::Note(note)) if note.refused));
    assert!(app.session().notes().is_empty());
    type_text(&mut app, "new phone");
    assert!(matches!(app.overlay(), Some(Overlay::Note(note)) if !note.refused));
    assert_eq!(press(&mut app, KeyCode::Enter), None);
    assert!(app.overlay().is_none());
    let notes = app.session().notes();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "new phone");
    assert_eq!(notes[0].node, app.session().current());
    assert_eq!(app.status().lines, ["Note added."]);
}

#[test]
fn search_lists_matches_as_you_type_and_enter_jumps_and_back_undoes_it() {
    let mut app = app(false);
    assert_eq!(press(&mut app, KeyCode::Char('/')), None);
    type_text(&mut app, "admin");
    let Some(Overlay::Search(found)) = app.overlay() else {
        panic!("the search box is open");
    };
    assert_eq!(found.hits[0].heading, "Call the admin");
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "zzz");
    let Some(Overlay::Search(found)) = app.overlay() else {
        panic!("the search box is open");
    };
    assert!(found.hits.is_empty());
    assert_eq!(press(&mut app, KeyCode::Enter), None, "nothing to jump to");
    assert!(app.overlay().is_some());
    for _ in 0.."admizzz".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "question");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    let Some(Overlay::Search(found)) = app.overlay() else {
        panic!("the search box is open");
    };
    assert_eq!(found.selected, 1);
    assert_eq!(found.selected_hit().unwrap().heading, "Second question?");
    assert_eq!(press(&mut app, KeyCode::Enter), None);
    assert!(app.overlay().is_none());
    assert_eq!(app.page().heading, "Second question?");
    assert!(app.session().path()[0].is_jump(), "the jump is in the path");
    assert!(app.status().lines[0].starts_with("Jumped to: Second question?"));
    assert_eq!(press(&mut app, KeyCode::Char('b')), None);
    assert_eq!(app.page().heading, "First question?");
    assert!(app.session().path().is_empty(), "back undid the jump");
}

#[test]
fn jumping_to_where_you_are_says_so_and_changes_nothing() {
    let mut app = app(false);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "first question");
    assert_eq!(press(&mut app, KeyCode::Enter), None);
    assert!(app.overlay().is_none());
    assert_eq!(app.status().lines, ["You are already there."]);
    assert!(app.session().path().is_empty());
}

#[test]
fn the_call_saves_every_change_and_s_writes_a_transcript_while_y_asks_for_a_copy() {
    use crate::core::{Call, RecordOptions};
    let dir = tempfile::tempdir().unwrap();
    let session = session(WIZARD);
    let options = RecordOptions {
        state_dir: Some(dir.path().join("state")),
        transcript: Some(dir.path().join("call.md")),
        ..RecordOptions::default()
    };
    let call = Call::recorded(session, Lang::En, options);
    let mut app = App::of(call, &Options::default());
    let saved = |app: &App| {
        let path = app.call.records().autosave_path().unwrap();
        signin_doctor_core::autosave::read_save(path).map(|save| save.moves.len())
    };
    assert_eq!(update(&mut app, Action::Back), None, "nothing to undo");
    assert!(saved(&app).is_err(), "nothing changed, nothing saved");
    assert_eq!(update(&mut app, Action::Pick(0)), None);
    assert_eq!(saved(&app), Ok(1));
    assert_eq!(update(&mut app, Action::Pick(9)), None, "no such option");
    assert_eq!(saved(&app), Ok(1));
    update(&mut app, Action::Back);
    assert_eq!(saved(&app), Ok(0));
    update(&mut app, Action::Pick(0));
    update(&mut app, Action::Restart);
    assert_eq!(saved(&app), Ok(0));
    assert_eq!(press(&mut app, KeyCode::Char('s')), None);
    assert!(dir.path().join("call.md").is_file());
    assert!(
        app.status().lines[0].contains("call.md"),
        "{:?}",
        app.status()
    );
    assert_eq!(press(&mut app, KeyCode::Char('y')), Some(Effect::Copy));
    update(&mut app, Action::Pick(0));
    update_flow(&mut app, FlowEvent::Reloaded(flow(WIZARD)));
    assert_eq!(app.page().heading, "Second question?", "where the user was");
    assert_eq!(saved(&app), Ok(1));
}

#[test]
fn notices_show_in_the_status_line_and_go_at_the_next_key() {
    let mut app = app(false);
    report(
        &mut app,
        &[Notice {
            text: "cannot save the session: disk full".into(),
            error: true,
        }],
    );
    assert!(app.status().is_error);
    update(&mut app, Action::Down);
    assert!(
        app.status().lines.is_empty(),
        "a record error is not lasting"
    );
    update_flow(&mut app, FlowEvent::Invalid(vec!["E001 bad".into()]));
    update(&mut app, Action::Down);
    assert!(app.status().is_error, "the edited flow's errors stay");
    report(&mut app, &[]);
    assert!(app.status().is_error, "no notice changes nothing");
}

#[test]
fn the_clock_asks_for_a_redraw_only_in_agent_mode_when_the_second_changes() {
    for agent in [false, true] {
        let mut app = app(agent);
        let started = app.session().started();
        assert!(!tick(&mut app, started));
        assert_eq!(app.call_time(), "0:00");
        let later = started + jiff::SignedDuration::from_millis(75_400);
        assert_eq!(tick(&mut app, later), agent);
        assert_eq!(app.call_time(), "1:15");
        assert!(!tick(
            &mut app,
            later + jiff::SignedDuration::from_millis(300)
        ));
    }
}
