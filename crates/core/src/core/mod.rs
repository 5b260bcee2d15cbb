//! The wizard's core, the same under every front end: the whole [`Call`] — start-up
//! (language, resume, hand-off), every change the user asks for ([`Intent`]), the record
//! keeping (autosave, transcript, outcome log) and the one rule for how a call ends —,
//! live sharing between a partner and an agent ([`live`]), live reload, the agent's trail
//! and search.
//!
//! It takes plain option structs and returns values or typed errors; it never reads the
//! process's arguments, environment or terminal, and never prints. A front end turns its
//! input into [`Intent`]s, answers start-up's questions ([`start::Next::Ask`]) and shows
//! [`Notice`]s in its own way.

mod call;
mod end;
pub mod hand_off;
mod intent;
pub mod live;
mod notice;
mod record_keeper;
pub mod reload;
pub mod search;
pub mod start;
pub mod trail;
pub mod typed_answer;

pub use call::Call;
pub use end::{End, WalkEnd};
pub use intent::{Applied, Change, Intent, Refusal};
pub use notice::Notice;
pub(crate) use notice::note_added;
pub use record_keeper::{KeptCall, RecordKeeper, RecordOptions, Remedies, tell_operator_with};
