//! A served full-screen wizard from start to end: the walk on the remote terminal, then
//! its records finished, kept, or handed to the agent who carries on.

use std::sync::mpsc::Receiver;

use super::channel_io::{ChannelWriter, ToClient};
use super::live::{self, PartnerLink};
use super::wizards::Watch;
use crate::core::RecordKeeper;
use crate::core::start::Started;
use crate::error::{Error, Result};
use crate::exit::WalkEnd;
use crate::plain::start::show_where;
use crate::tui;
use crate::tui::remote::{Alone, Link, RemoteInput};

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

/// Something the full-screen wizard can hand its records to when it ends.
pub trait Leaving: Link {
    /// The wizard ended (`keep`: at an ending, or ended by the server, so the records
    /// stay this side's); gives the records back when they are still this side's to finish.
    fn hand_over(&mut self, records: RecordKeeper, _keep: bool) -> Option<RecordKeeper> {
        Some(records)
    }
}

impl Leaving for Alone {}
impl Leaving for live::AgentLink {}

impl Leaving for PartnerLink {
    fn hand_over(&mut self, records: RecordKeeper, keep: bool) -> Option<RecordKeeper> {
        self.release(records, keep)
    }
}

impl Screen<'_> {
    /// Walks `started` full-screen with `link`, then finishes or keeps its records and
    /// says so on `output` once the screen is left.
    pub fn walk(
        &self,
        started: Started,
        options: tui::Options,
        link: &mut dyn Leaving,
        output: &mut ChannelWriter,
    ) -> Result<WalkEnd> {
        let (mut session, lang, mut records) = (started.session, started.lang, started.records);
        let screen = ChannelWriter::new(self.to_client.clone(), false);
        let left = tui::remote::run(
            &mut session,
            lang,
            options,
            &mut records,
            screen,
            self.size,
            self.input,
            link,
        );
        // A session the server ends (stopping, idle) is not handed over: the agent's ends too.
        let keep = session.outcome().is_some() || self.watch.farewell().is_some();
        let Some(mut records) = link.hand_over(records, keep) else {
            tell(output, crate::i18n::sharing_words(lang).agent_carries_on);
            return left.map(|left| left.end);
        };
        let _ = show_where(output, &records.end(&session, tui::Left::how(&left)), true);
        let left = left?;
        if records.failed() {
            return Err(Error::RecordsFailed);
        }
        Ok(left.end)
    }
}

/// Says `text` to the client, after the full screen was left.
pub fn tell(output: &mut ChannelWriter, text: &str) {
    let _ = show_where(output, &[crate::core::Notice::info(text.to_owned())], true);
}
