//! The wizard's core, the same under every front end: start-up (language, resume),
//! the record keeping (autosave, transcript, outcome log) and the messages they give,
//! live reload, the agent's trail and search.
//!
//! It takes plain option structs and returns values or typed errors; it never reads the
//! process's arguments, environment or terminal, and never prints. A front end asks the
//! user through [`start::Prompt`] and shows [`Notice`]s in its own way.

mod end;
pub mod hand_off;
mod notice;
mod record_keeper;
pub mod reload;
pub mod search;
pub mod start;
pub mod trail;
pub mod typed_answer;

pub use end::End;
pub use notice::{Notice, note_added};
pub use record_keeper::{RecordKeeper, RecordOptions, tell_operator_with};
