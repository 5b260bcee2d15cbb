//! `update` and its companions: how the wizard's state changes in answer to the user, the
//! live preview, the record keeping and the clock. What changes the session is an
//! [`Intent`] the [`crate::core::Call`] applies (and records); nothing here draws.

use jiff::Timestamp;

use super::answer::Handled;
use super::{App, Status};
use crate::core::reload::FlowEvent;
use crate::core::{Change, Intent, Notice, Refusal};
use crate::event::action::Action;
use crate::i18n::words;
use crate::sanitize::clean_line;
use crate::state::effect::Effect;

/// Changes `app` as `action` asks — what changes the session goes to the call as an
/// [`Intent`] — and tells what else must happen (copy). Never draws.
///
/// While the help overlay is open, any key but `q` and Ctrl-C only closes it. While the
/// note editor or search box is open, keys edit it (see `crate::KeyMode::Typing`). Enter on an
/// option that is scrolled out of sight first scrolls it into view rather than picking
/// something the user cannot see; a digit always picks. Below the usable size (see
/// `super::screen::too_small`) only quitting and resizing do anything.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    if !app.status.lasting && !matches!(action, Action::Resize(..)) {
        app.status = Status::default();
    }
    match action {
        Action::Resize(columns, rows) => {
            app.size = (columns, rows);
            if app.follow {
                app.reveal_selected();
            } else {
                app.scroll_by(0);
            }
            return None;
        }
        _ if app.record.view.is_some() => return app.update_transcript_view(action),
        Action::Quit => {
            app.quit = !app.asked_before_leaving();
            return None;
        }
        _ if app.help => {
            app.scroll_help(action);
            return None;
        }
        _ => {}
    }
    if app.overlay.is_some() {
        return app.update_overlay(action);
    }
    if app.current_screen().is_none() && action != Action::Cancel {
        return None;
    }
    let action = if app.answering() {
        match app.update_answer(action) {
            Handled::Done(effect) => return effect,
            Handled::Continue(action) => action,
        }
    } else {
        action
    };
    match action {
        Action::Pick(option) => app.choose(option),
        Action::Choose if app.page.options.is_empty() => {}
        Action::Choose if app.selected_on_screen() => app.choose(app.selected),
        Action::Choose => app.reveal_selected(),
        Action::Up => app.move_selection(true),
        Action::Down => app.move_selection(false),
        Action::Back => {
            let previous = app.session().path().last().cloned();
            let applied = app.apply(Intent::Back);
            if let Some(previous) = previous.filter(|_| applied.moved()) {
                app.show_node(previous.answer().unwrap_or(0));
                // Back at a question answered by typing: what was typed, to correct.
                app.refill_answer(previous.typed.as_deref().unwrap_or_default());
            }
            app.took(&applied.notices);
        }
        Action::Restart => {
            let applied = app.apply(Intent::Restart);
            app.moved(&applied);
        }
        Action::ToggleHelp => app.help = true,
        Action::Cancel => app.quit = !app.asked_before_leaving(),
        Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => {
            app.scroll_by(match action {
                Action::PageUp => -app.page_rows(),
                Action::PageDown => app.page_rows(),
                Action::Top => isize::MIN,
                _ => isize::MAX,
            });
        }
        Action::Note => app.open_note(),
        Action::Search => app.open_search(),
        Action::SaveTranscript => {
            if app.record.served {
                // Over SSH the transcript is shown; the server keeps an agent's call.
                app.open_transcript();
            }
            let applied = app.apply(Intent::SaveTranscript);
            app.took(&applied.notices);
        }
        Action::HandOff if app.sharing.can_hand_off() => {
            let applied = app.apply(Intent::HandOff);
            match applied.change {
                Change::CodeGiven(code) => app.show_code(code),
                Change::Refused(Refusal::HandOff(why)) => {
                    report(app, &[Notice::error(why.to_string())]);
                }
                _ => {}
            }
        }
        Action::EndSharing if app.sharing.agent_present() => {
            let applied = app.apply(Intent::EndSharing);
            app.took(&applied.notices);
        }
        Action::Copy => {
            app.copied();
            return Some(Effect::Copy);
        }
        Action::HandOff
        | Action::EndSharing
        | Action::Type(_)
        | Action::Erase
        | Action::EraseForward
        | Action::Left
        | Action::Right
        | Action::LineStart
        | Action::LineEnd
        | Action::Resize(..)
        | Action::Suspend
        | Action::Quit => {}
    }
    None
}

/// Takes in a bracketed paste: one insertion into the open note editor (line breaks
/// kept), the search box or the answer box of a question answered by typing (line breaks
/// become spaces), never keys. Cut at the box's limit with a message; with no box open,
/// says where pasting goes.
pub fn paste(app: &mut App, text: &str) -> Option<Effect> {
    let words = words(app.lang);
    let into_answer = app.answering() && !app.help;
    let cut = match app.overlay.as_mut() {
        Some(overlay) => {
            let multi_line = matches!(overlay, crate::state::overlay::Overlay::Note(_));
            let cut = overlay.input_mut().paste(text, multi_line);
            app.after_edit();
            cut
        }
        None if into_answer => {
            app.call.forget_asking();
            app.answer.paste(text, false)
        }
        None => {
            app.status = Status::info(words.paste_where.to_owned());
            return None;
        }
    };
    app.status = if cut {
        Status {
            lines: vec![
                if app.overlay.is_some() {
                    words.paste_cut
                } else {
                    words.typed_cut
                }
                .to_owned(),
            ],
            is_error: true,
            lasting: false,
        }
    } else {
        Status::default()
    };
    None
}

/// Takes in a new version of the flow (or its errors), keeping the user where they were:
/// at the same node, or the nearest earlier node the new version still leads to (see
/// [`crate::core::Call::reload`], which saves it).
pub(crate) fn update_flow(app: &mut App, event: FlowEvent) {
    let words = words(app.lang);
    match event {
        FlowEvent::Reloaded(flow) => {
            let (applied, moved) = app.call.reload(flow);
            app.show_node(0);
            let mut lines = vec![words.watch_reloaded.to_owned()];
            // Say what no longer fits, so an author knows why the screen moved.
            lines.extend(moved.iter().map(|m| clean_line(m)));
            app.status = Status {
                lasting: lines.len() > 1,
                lines,
                is_error: false,
            };
            app.took(&applied.notices);
        }
        FlowEvent::Invalid(problems) => {
            let mut lines = vec![words.watch_invalid.to_owned()];
            lines.extend(problems);
            app.status = Status {
                lines,
                is_error: true,
                lasting: true,
            };
        }
    }
}

/// Shows what the record keeping said (saved, written, failed) in the status line; does
/// nothing when it said nothing.
pub fn report(app: &mut App, notices: &[Notice]) {
    if notices.is_empty() {
        return;
    }
    app.status = Status {
        lines: notices.iter().map(|n| clean_line(&n.text)).collect(),
        is_error: notices.iter().any(|n| n.error),
        lasting: false,
    };
}

/// Sets the clock the call time is shown by (agent mode); returns whether the call time
/// on screen changes, so the event loop redraws once a second and no more.
pub fn tick(app: &mut App, now: Timestamp) -> bool {
    let before = app.call_time();
    app.now = now;
    app.agent && app.call_time() != before
}
