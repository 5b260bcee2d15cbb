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
    /// Open the note editor for the current step.
    Note,
    /// Open the search box.
    Search,
    /// Save a transcript now.
    SaveTranscript,
    /// Copy the transcript to the clipboard.
    Copy,
    /// In an input box: type this character.
    Type(char),
    /// In an input box: remove the character before the cursor (Backspace).
    Erase,
    /// In an input box: remove the character under the cursor (Delete).
    EraseForward,
    /// In an input box: move the cursor left.
    Left,
    /// In an input box: move the cursor right.
    Right,
    /// In an input box: move the cursor to the start.
    LineStart,
    /// In an input box: move the cursor to the end.
    LineEnd,
    /// Hand the session to a helpdesk agent: save it and show a code (when served).
    HandOff,
    /// Stop sharing the session with the agent who joined it (when served).
    EndSharing,
    /// Ctrl-Z: suspend the wizard (the event loop does it, like any full-screen program).
    Suspend,
}

/// Which keys mean what: the wizard's keys, or typing into an input box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum KeyMode {
    /// Keys steer the wizard.
    #[default]
    Wizard,
    /// A note editor or search box is open: keys type into it.
    Typing,
    /// The help overlay is open: any key closes it, except the keys that quit.
    Help,
    /// At a question answered by typing: keys type into its box (see [`answer_key`]).
    Answering,
}

/// The action a terminal event asks for in `mode`, if any.
pub(crate) fn from_event(event: &Event, mode: KeyMode) -> Option<Action> {
    match event {
        Event::Key(key) => match mode {
            KeyMode::Wizard => from_key(key),
            KeyMode::Typing => typing_key(key),
            KeyMode::Help => help_key(key),
            KeyMode::Answering => answer_key(key),
        },
        Event::Resize(columns, rows) => Some(Action::Resize(*columns, *rows)),
        _ => None,
    }
}

/// The action a key asks for under the help overlay: `q` and Ctrl-C quit, the arrows and
/// page keys scroll it, any other key (one the wizard has no use for too) closes it.
pub(crate) fn help_key(key: &KeyEvent) -> Option<Action> {
    match from_key(key) {
        Some(
            action @ (Action::Quit
            | Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom),
        ) => Some(action),
        _ if key.kind == KeyEventKind::Release => None,
        _ => Some(Action::ToggleHelp),
    }
}

/// The action a key asks for while typing into an input box: every printable character
/// is typed (`q` too); Enter, Esc, the arrows and Ctrl-C keep their meaning.
pub(crate) fn typing_key(key: &KeyEvent) -> Option<Action> {
    if let Some(decided) = modified(key) {
        return decided;
    }
    let action = match key.code {
        KeyCode::Char(c) if !c.is_control() => Action::Type(c),
        KeyCode::Backspace => Action::Erase,
        KeyCode::Delete => Action::EraseForward,
        KeyCode::Left => Action::Left,
        KeyCode::Right => Action::Right,
        KeyCode::Home => Action::LineStart,
        KeyCode::End => Action::LineEnd,
        KeyCode::Up => Action::Up,
        KeyCode::Down => Action::Down,
        KeyCode::Enter => Action::Choose,
        KeyCode::Esc => Action::Cancel,
        _ => return None,
    };
    Some(action)
}

/// The action a key asks for in the answer box of a question answered by typing: every
/// printable character is typed (`q`, `b` and digits too); Enter continues, Esc goes back,
/// the arrows up and down and the page keys scroll, F1 is help, F2 a note, F3 search, F4
/// a hand-off code (when served), and Ctrl-C quits.
pub(crate) fn answer_key(key: &KeyEvent) -> Option<Action> {
    if let Some(decided) = modified(key) {
        return decided;
    }
    let action = match key.code {
        KeyCode::Esc => Action::Back,
        KeyCode::F(1) => Action::ToggleHelp,
        KeyCode::F(2) => Action::Note,
        KeyCode::F(3) => Action::Search,
        KeyCode::F(4) => Action::HandOff,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        _ => return typing_key(key),
    };
    Some(action)
}

/// What every mode does with key releases and modified keys: releases and Alt or Ctrl
/// combinations do nothing, except Ctrl-C, which always quits, and Ctrl-Z, which always
/// suspends. `None` when the key is
/// plain and the mode decides.
fn modified(key: &KeyEvent) -> Option<Option<Action>> {
    if key.kind == KeyEventKind::Release {
        return Some(None);
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return Some(match key.code {
            KeyCode::Char('c' | 'C') => Some(Action::Quit),
            KeyCode::Char('z' | 'Z') => Some(Action::Suspend),
            _ => None,
        });
    }
    key.modifiers.contains(KeyModifiers::ALT).then_some(None)
}

/// The action a key asks for in the wizard, if any. Key releases are ignored.
pub(crate) fn from_key(key: &KeyEvent) -> Option<Action> {
    if let Some(decided) = modified(key) {
        return decided;
    }
    let action = match key.code {
        KeyCode::Char(digit @ '1'..='9') => Action::Pick(digit as usize - '1' as usize),
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::Enter => Action::Choose,
        KeyCode::Backspace | KeyCode::Char('b' | 'B') => Action::Back,
        KeyCode::Char('r' | 'R') => Action::Restart,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Char('n' | 'N') => Action::Note,
        KeyCode::Char('/') => Action::Search,
        KeyCode::Char('s' | 'S') => Action::SaveTranscript,
        KeyCode::Char('y' | 'Y') => Action::Copy,
        KeyCode::Char('q' | 'Q') => Action::Quit,
        KeyCode::Char('h' | 'H') => Action::HandOff,
        KeyCode::Char('x' | 'X') => Action::EndSharing,
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
mod tests;
