//! A served full-screen wizard from start to end: the walk on the remote terminal, then
//! the call ended by the core's one rule — finished, kept, or handed to the agent who
//! carries on — and what came of it said once the screen is left.

use std::sync::mpsc::Receiver;

use super::channel_io::{ChannelWriter, ToClient};
use super::wizards::Watch;
use crate::core::{Call, End, WalkEnd};
use crate::plain::start::show_where;
use crate::tui;
use crate::tui::remote::RemoteInput;
use signin_doctor_cli::error::{Error, Result};

/// A remote terminal: its size, its keys, its screen.
pub struct Screen<'a> {
    /// Columns and rows.
    pub size: (u16, u16),
    /// The keys.
    pub input: &'a Receiver<RemoteInput>,
    /// Toward the client.
    pub to_client: &'a ToClient,
    /// Says when the server ends the session.
    pub watch: &'a Watch,
}

impl Screen<'_> {
    /// Walks `call` full-screen, then ends it and says so on `output` once the screen is
    /// left.
    pub fn walk(
        &self,
        call: Call,
        options: &tui::Options,
        output: &mut ChannelWriter,
    ) -> Result<WalkEnd> {
        let screen = ChannelWriter::new(self.to_client.clone(), false);
        let (mut call, left) = tui::remote::run(call, options, screen, self.size, self.input);
        let how = served_end(tui::Left::how(&left), self.watch);
        let _ = show_where(output, &call.end(how), true);
        let left = left?;
        if call.failed() {
            return Err(Error::RecordsFailed);
        }
        Ok(left.end)
    }
}

/// How a served walk that ended `how` ended for the core: a walk the server did not end
/// (stopping, idle) but that was stopped lost its client — its terminal is gone.
pub fn served_end(how: End, watch: &Watch) -> End {
    match how {
        End::Interrupted if watch.farewell().is_none() => End::TerminalGone,
        how => how,
    }
}
