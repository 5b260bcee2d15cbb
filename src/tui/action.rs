//! What the user asked for, worked out from a terminal event by a pure function.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// One thing the user asked the wizard to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Pick option `n`, counted from 0 (the digit `n + 1`).
    Pick(usize),
    /// Move the selection up (or scroll up where there is nothing to select).
    Up,
    /// Move the selection down (or scroll down where there is nothing to select).
    Down,
    /// Pick the selected option.
    Choose,
    /// Undo the last answer.
    Back,
    /// Start again from the first node.
    Restart,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Esc: close the help overlay if it is open, else quit.
    Cancel,
    /// Leave the wizard.
    Quit,
    /// Scroll the body up by a page.
    PageUp,
    /// Scroll the body down by a page.
    PageDown,
    /// Scroll to the top of the body.
    Top,
    /// Scroll to the bottom of the body.
    Bottom,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
}

/// The action a terminal event asks for, if any.
pub fn from_event(event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => from_key(key),
        Event::Resize(columns, rows) => Some(Action::Resize(*columns, *rows)),
        _ => None,
    }
}

/// The action a key asks for, if any. Key releases are ignored.
pub fn from_key(key: &KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    if control {
        return match key.code {
            KeyCode::Char('c' | 'C') => Some(Action::Quit),
            _ => None,
        };
    }
    if key.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let action = match key.code {
        KeyCode::Char(digit @ '1'..='9') => Action::Pick(digit as usize - '1' as usize),
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::Enter => Action::Choose,
        KeyCode::Backspace | KeyCode::Char('b' | 'B') => Action::Back,
        KeyCode::Char('r' | 'R') => Action::Restart,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Char('q' | 'Q') => Action::Quit,
        KeyCode::Esc => Action::Cancel,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Home => Action::Top,
        KeyCode::End => Action::Bottom,
        _ => return None,
    };
    Some(action)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> Option<Action> {
        from_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
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
        ];
        for (code, action) in table {
            assert_eq!(key(code), Some(action), "{code:?}");
        }
        assert_eq!(key(KeyCode::Char('x')), None);
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
            from_event(&Event::Resize(40, 12)),
            Some(Action::Resize(40, 12))
        );
        assert_eq!(from_event(&Event::FocusGained), None);
    }
}
