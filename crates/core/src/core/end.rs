//! How a walk ends, and the one rule for what each way of ending does to the session's
//! records — the same in plain mode, the full-screen wizard and a served session.

/// How a walk ended. [`crate::core::RecordKeeper::end`] applies the rule:
/// an ending reached or a quit is recorded and tidied up; a walk that was stopped or lost
/// its terminal keeps the session for `--resume`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// An ending was reached: the transcript and the outcome log are written, the save
    /// removed.
    Finished,
    /// The user chose to leave before an ending (`q`, `Ctrl-C` as a key): logged as
    /// abandoned, the save removed (set aside when it holds notes) — or kept for the
    /// agent after a hand-off code was given.
    Quit,
    /// A signal (SIGTERM, SIGHUP, SIGINT) or the server (stopping, idle) ended the walk:
    /// the save is kept for `--resume`, nothing is logged.
    Interrupted,
    /// The terminal went away — hung up, its input ended, its connection dropped: the
    /// save is kept for `--resume`, nothing is logged, as for [`End::Interrupted`].
    TerminalGone,
}

/// How a walk through the wizard ended, as a front end tells its caller (the edge gives it
/// an exit code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkEnd {
    /// The user reached a remedy, contact or solved screen.
    Ending,
    /// The user quit (or input ended, or a signal came) before an ending.
    Quit,
}

impl From<End> for WalkEnd {
    fn from(end: End) -> WalkEnd {
        match end {
            End::Finished => WalkEnd::Ending,
            End::Quit | End::Interrupted | End::TerminalGone => WalkEnd::Quit,
        }
    }
}

impl End {
    /// Whether the session is left on disk to be continued, unlogged.
    pub(crate) fn keeps_session(self) -> bool {
        matches!(self, End::Interrupted | End::TerminalGone)
    }
}
