//! Hand-off codes: a partner's session handed to a helpdesk agent with a short code.
//!
//! A partner asks for a code ([`issue`]); the session is saved and a ticket naming its save
//! file is written to `STATE/handoff/CODE.json`. An agent gives the code back (`claim`):
//! the ticket is taken by an atomic rename — so a code works once, even with several
//! servers sharing the folder — and refused after `LIFETIME`. Codes are [`code::Code`]s:
//! six characters from an alphabet without look-alikes, drawn from the system's random
//! source.

pub mod code;
mod ticket;

pub use code::Code;
pub use ticket::{ClaimError, check, folder, is_partners, issue, issue_for, save_of, sweep};
pub(crate) use ticket::{Claimed, claim, give_back};
