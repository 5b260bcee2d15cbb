//! A served wizard's record of the call: the transcript shown over the connection in a
//! view to scroll and select from (`s`), whether it was shown or copied (`y`), and the
//! question asked once before leaving an ending without it (agent mode). The call's id,
//! when the server keeps the transcript, is shown at the ending.

use crate::layout::wrap::{hard_wrap, width};

/// What a served wizard knows of the call's record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CallRecord {
    /// Served over SSH: `s` shows the transcript instead of writing a file.
    pub served: bool,
    /// The id the server keeps the call's transcript under (an agent's call).
    pub call_id: Option<String>,
    /// The caller's language, which what to say is shown in (an agent's call of a
    /// partner's session).
    pub caller: Option<crate::lang::Lang>,
    /// The terminal takes OSC 52: `y` copies.
    pub can_copy: bool,
    /// The transcript view, while open.
    pub view: Option<TranscriptView>,
    /// The transcript was shown or copied.
    pub taken: bool,
    /// Leaving an ending without it was asked about once already.
    pub asked: bool,
}

/// The transcript shown whole, scrolled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TranscriptView {
    /// The title line: what it is, and the call's id.
    pub title: String,
    /// The transcript's Markdown.
    pub text: String,
    /// How many rows are scrolled past.
    pub scroll: usize,
}

impl CallRecord {
    /// Whether leaving now is to be asked about first: an agent at an ending of a served
    /// call whose transcript was neither shown nor copied, not asked yet.
    pub(crate) fn ask_before_leaving(&self, agent: bool, at_ending: bool) -> bool {
        self.served && agent && at_ending && !self.taken && !self.asked
    }
}

impl TranscriptView {
    /// The rows the view shows of the transcript at `columns`: each line of the Markdown
    /// broken at spaces to fit (a word longer than a row cut over rows), nothing left out,
    /// so what is selected on the screen is the transcript.
    pub fn rows(&self, columns: usize) -> Vec<String> {
        let columns = columns.max(1);
        let mut rows = Vec::new();
        for line in self.text.lines() {
            let indent = &line[..line.len() - line.trim_start().len()];
            let mut row = indent.to_owned();
            for word in line.trim_start().split(' ') {
                let space = usize::from(!row.trim().is_empty());
                let fits = width(&row) + space + width(word);
                if fits <= columns {
                    if !row.trim().is_empty() {
                        row.push(' ');
                    }
                    row.push_str(word);
                    continue;
                }
                if !row.trim().is_empty() {
                    rows.push(std::mem::take(&mut row));
                }
                let mut pieces = hard_wrap(word, columns);
                row = pieces.pop().unwrap_or_default();
                rows.append(&mut pieces);
            }
            rows.push(row);
        }
        rows
    }

    /// The farthest the view scrolls with `visible` rows at `columns`.
    pub(crate) fn max_scroll(&self, columns: usize, visible: usize) -> usize {
        self.rows(columns).len().saturating_sub(visible)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_break_at_spaces_keep_indents_and_leave_nothing_out() {
        let view = TranscriptView {
            text: "# Title\n\n- a note that is long enough to wrap\n  - indented\nhttps://example.com/a/very/long/address".into(),
            ..TranscriptView::default()
        };
        let rows = view.rows(20);
        assert_eq!(rows[0], "# Title");
        assert_eq!(rows[1], "");
        assert_eq!(rows[2], "- a note that is");
        assert_eq!(rows[3], "long enough to wrap");
        assert_eq!(rows[4], "  - indented");
        assert!(rows.iter().all(|row| width(row) <= 20), "{rows:?}");
        assert_eq!(
            rows[5..].concat(),
            "https://example.com/a/very/long/address"
        );
    }

    #[test]
    fn an_agent_is_asked_once_before_leaving_a_served_ending_without_the_transcript() {
        let mut record = CallRecord {
            served: true,
            ..CallRecord::default()
        };
        assert!(record.ask_before_leaving(true, true));
        assert!(!record.ask_before_leaving(false, true), "not a partner");
        assert!(!record.ask_before_leaving(true, false), "only at an ending");
        record.asked = true;
        assert!(!record.ask_before_leaving(true, true), "once");
        let taken = CallRecord {
            served: true,
            taken: true,
            ..CallRecord::default()
        };
        assert!(!taken.ask_before_leaving(true, true));
    }
}
