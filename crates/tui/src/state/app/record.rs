//! The call's record in `update`, for a served wizard: `s` opens the transcript view (the
//! transcript over the connection, to scroll and select from), `y` copies, and `q` at an
//! agent's ending asks once when neither was done.

use super::{App, Status};
use crate::event::action::Action;
use crate::i18n::record_words;
use crate::layout::view_model::TranscriptRows;
use crate::state::call_record::{CallRecord, TranscriptView};
use crate::state::effect::Effect;
use crate::transcript::Transcript;

impl App {
    /// This wizard is served over SSH: `s` shows the transcript; `call_id` is the id the
    /// server keeps the call's transcript under (an agent's call), shown at the ending;
    /// `caller` the caller's language, which what to say is shown in.
    pub(crate) fn serve_record(
        &mut self,
        call_id: Option<String>,
        caller: Option<crate::lang::Lang>,
    ) {
        self.record.served = true;
        self.record.call_id = call_id;
        self.record.caller = caller;
        self.page = self
            .page
            .clone()
            .for_caller(self.call.session(), self.lang, caller);
    }

    /// The call's record as this wizard knows it.
    pub(crate) fn call_record(&self) -> &CallRecord {
        &self.record
    }

    /// Opens the transcript view on the transcript of this user's session, now.
    pub(super) fn open_transcript(&mut self) {
        let words = record_words(self.lang);
        let title = match &self.record.call_id {
            Some(id) => format!("{} · {} {id}", words.view_title, words.call),
            None => words.view_title.to_owned(),
        };
        let text =
            Transcript::of(&self.session_for_user(), self.lang, crate::clock::now()).to_markdown();
        self.record.view = Some(TranscriptView {
            title,
            text,
            scroll: 0,
        });
        self.record.taken = true;
    }

    /// `y`: the transcript is taken when the terminal copies.
    pub(super) fn copied(&mut self) {
        if self.record.can_copy {
            self.record.taken = true;
        }
    }

    /// Rows of the transcript view on a terminal of the current size, besides its title
    /// and keys.
    fn transcript_rows(&self) -> usize {
        usize::from(self.size.1.saturating_sub(2)).max(1)
    }

    /// Handles `action` while the transcript view is open: the arrows and page keys
    /// scroll it, `y` copies, Esc, `q` and `s` close it.
    pub(super) fn update_transcript_view(&mut self, action: Action) -> Option<Effect> {
        let (columns, visible) = (usize::from(self.size.0), self.transcript_rows());
        let view = self.record.view.as_mut()?;
        let max = view.max_scroll(columns, visible);
        let page = visible.saturating_sub(1).max(1);
        if let Some(to) = super::scrolled(view.scroll, action, page, max) {
            view.scroll = to;
            return None;
        }
        match action {
            Action::Copy => {
                self.copied();
                Some(Effect::Copy)
            }
            Action::Cancel | Action::Quit | Action::SaveTranscript | Action::Back => {
                self.record.view = None;
                None
            }
            _ => None,
        }
    }

    /// Before leaving: at an agent's served ending whose transcript was neither shown
    /// nor copied, asks once instead (true); else false, and the wizard may leave.
    pub(super) fn asked_before_leaving(&mut self) -> bool {
        if !self.record.ask_before_leaving(self.agent, self.at_ending()) {
            return false;
        }
        self.record.asked = true;
        self.status = Status {
            lines: vec![record_words(self.lang).not_taken.to_owned()],
            is_error: true,
            lasting: true,
        };
        true
    }

    /// The line naming the call at an agent's ending, when the server keeps its transcript.
    pub(super) fn call_line(&self) -> Option<String> {
        let id = self.record.call_id.as_ref()?;
        (self.agent && self.at_ending()).then(|| record_words(self.lang).call_line(id))
    }

    /// What the transcript view shows in a frame of `columns` × `rows`, while it is open.
    pub(super) fn transcript_shown(&self, columns: u16, rows: u16) -> Option<TranscriptRows> {
        let view = self.record.view.as_ref()?;
        let visible = usize::from(rows.saturating_sub(2)).max(1);
        let all = view.rows(usize::from(columns));
        let scroll = view.scroll.min(all.len().saturating_sub(visible));
        Some(TranscriptRows {
            title: view.title.clone(),
            more_above: scroll > 0,
            more_below: scroll + visible < all.len(),
            rows: all.into_iter().skip(scroll).take(visible).collect(),
            keys: record_words(self.lang).view_keys,
        })
    }
}
