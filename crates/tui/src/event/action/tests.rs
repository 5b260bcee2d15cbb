use super::*;

fn key(code: KeyCode) -> Option<Action> {
    from_event(
        &Event::Key(KeyEvent::new(code, KeyModifiers::NONE)),
        KeyMode::Wizard,
    )
}

#[test]
fn digits_pick_counting_from_zero() {
    assert_eq!(key(KeyCode::Char('1')), Some(Action::Pick(0)));
    assert_eq!(key(KeyCode::Char('9')), Some(Action::Pick(8)));
    assert_eq!(key(KeyCode::Char('0')), None);
}

#[test]
fn every_documented_key_maps() {
    let table = [
        (KeyCode::Up, Action::Up),
        (KeyCode::Char('k'), Action::Up),
        (KeyCode::Down, Action::Down),
        (KeyCode::Char('j'), Action::Down),
        (KeyCode::Enter, Action::Choose),
        (KeyCode::Backspace, Action::Back),
        (KeyCode::Char('b'), Action::Back),
        (KeyCode::Char('r'), Action::Restart),
        (KeyCode::Char('?'), Action::ToggleHelp),
        (KeyCode::Char('q'), Action::Quit),
        (KeyCode::Esc, Action::Cancel),
        (KeyCode::PageUp, Action::PageUp),
        (KeyCode::PageDown, Action::PageDown),
        (KeyCode::Home, Action::Top),
        (KeyCode::End, Action::Bottom),
        (KeyCode::Char('h'), Action::HandOff),
        (KeyCode::Char('x'), Action::EndSharing),
    ];
    for (code, action) in table {
        assert_eq!(key(code), Some(action), "{code:?}");
    }
    assert_eq!(key(KeyCode::Char('z')), None);
    assert_eq!(key(KeyCode::Tab), None);
}

#[test]
fn ctrl_c_quits_and_other_control_keys_do_nothing() {
    let ctrl = |c| from_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    assert_eq!(ctrl('c'), Some(Action::Quit));
    assert_eq!(ctrl('r'), None);
    assert_eq!(ctrl('1'), None);
}

#[test]
fn shifted_question_mark_still_toggles_help() {
    let shifted = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
    assert_eq!(from_key(&shifted), Some(Action::ToggleHelp));
}

#[test]
fn releases_are_ignored_and_resizes_pass_through() {
    let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(from_key(&release), None);
    assert_eq!(
        from_event(&Event::Resize(40, 12), KeyMode::Wizard),
        Some(Action::Resize(40, 12))
    );
    assert_eq!(from_event(&Event::FocusGained, KeyMode::Typing), None);
}

fn typing(code: KeyCode) -> Option<Action> {
    from_event(
        &Event::Key(KeyEvent::new(code, KeyModifiers::NONE)),
        KeyMode::Typing,
    )
}

#[test]
fn while_typing_letters_digits_and_wizard_keys_are_text() {
    for c in ['q', 'Q', 'b', 'r', 'n', 's', 'y', '/', '?', '1', ' ', 'é'] {
        assert_eq!(typing(KeyCode::Char(c)), Some(Action::Type(c)), "{c:?}");
    }
    let shifted = KeyEvent::new(KeyCode::Char('Q'), KeyModifiers::SHIFT);
    assert_eq!(
        from_event(&Event::Key(shifted), KeyMode::Typing),
        Some(Action::Type('Q'))
    );
}

#[test]
fn while_typing_editing_keys_edit_and_enter_esc_keep_their_meaning() {
    let table = [
        (KeyCode::Backspace, Action::Erase),
        (KeyCode::Delete, Action::EraseForward),
        (KeyCode::Left, Action::Left),
        (KeyCode::Right, Action::Right),
        (KeyCode::Home, Action::LineStart),
        (KeyCode::End, Action::LineEnd),
        (KeyCode::Up, Action::Up),
        (KeyCode::Down, Action::Down),
        (KeyCode::Enter, Action::Choose),
        (KeyCode::Esc, Action::Cancel),
    ];
    for (code, action) in table {
        assert_eq!(typing(code), Some(action), "{code:?}");
    }
    assert_eq!(typing(KeyCode::PageDown), None);
    assert_eq!(typing(KeyCode::Tab), None);
}

#[test]
fn while_typing_ctrl_c_still_quits_and_other_chords_do_nothing() {
    let chord = |c, modifiers| {
        from_event(
            &Event::Key(KeyEvent::new(KeyCode::Char(c), modifiers)),
            KeyMode::Typing,
        )
    };
    assert_eq!(chord('c', KeyModifiers::CONTROL), Some(Action::Quit));
    assert_eq!(chord('q', KeyModifiers::CONTROL), None);
    assert_eq!(chord('x', KeyModifiers::ALT), None);
    let mut release = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(typing_key(&release), None);
}

#[test]
fn under_the_help_any_key_closes_it_but_q_and_ctrl_c_quit() {
    let help =
        |code, modifiers| from_event(&Event::Key(KeyEvent::new(code, modifiers)), KeyMode::Help);
    for code in [
        KeyCode::Char('x'),
        KeyCode::Tab,
        KeyCode::Char('1'),
        KeyCode::Esc,
    ] {
        assert_eq!(
            help(code, KeyModifiers::NONE),
            Some(Action::ToggleHelp),
            "{code:?}"
        );
    }
    assert_eq!(
        help(KeyCode::Char('q'), KeyModifiers::NONE),
        Some(Action::Quit)
    );
    assert_eq!(
        help(KeyCode::Char('c'), KeyModifiers::CONTROL),
        Some(Action::Quit)
    );
    let mut release = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(help_key(&release), None);
}

#[test]
fn in_the_answer_box_letters_and_digits_are_typed() {
    let answer = |code, modifiers| {
        from_event(
            &Event::Key(KeyEvent::new(code, modifiers)),
            KeyMode::Answering,
        )
    };
    let none = KeyModifiers::NONE;
    let table = [
        (KeyCode::Char('q'), Action::Type('q')),
        (KeyCode::Char('b'), Action::Type('b')),
        (KeyCode::Char('1'), Action::Type('1')),
        (KeyCode::Char('?'), Action::Type('?')),
        (KeyCode::Enter, Action::Choose),
        (KeyCode::Esc, Action::Back),
        (KeyCode::Home, Action::LineStart),
        (KeyCode::PageDown, Action::PageDown),
        (KeyCode::F(1), Action::ToggleHelp),
        (KeyCode::F(2), Action::Note),
        (KeyCode::F(3), Action::Search),
    ];
    for (code, action) in table {
        assert_eq!(answer(code, none), Some(action), "{code:?}");
    }
    assert_eq!(
        answer(KeyCode::Char('c'), KeyModifiers::CONTROL),
        Some(Action::Quit)
    );
    assert_eq!(answer(KeyCode::Char('x'), KeyModifiers::ALT), None);
}
