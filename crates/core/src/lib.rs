//! signin-doctor's engine and records: the [`session::Session`] walking a checked
//! [`flow::Flow`], what one screen shows ([`page::Page`]), the records of a walk
//! (autosave, transcript, outcome log, stats), hand-off codes, and [`core`]: start-up,
//! record keeping and the end of a walk, for every front end. No terminal, server or
//! command-line crate: the front ends (`signin-doctor-tui`, `signin-doctor-plain`) and the
//! hosts sit above this crate.
//!
//! It exports what the front ends, hosts, tests and benchmarks use: [`core`] (the
//! [`core::Call`], start-up, intents, the end rule, live sharing, record options), the
//! engine ([`session`]), what a screen shows ([`page`]), the records ([`autosave`],
//! [`transcript`], [`outcome_log`], [`stats`], [`export`]), hand-off codes ([`handoff`])
//! and the leaves [`clock`], [`sanitize`], [`secrets`]; the flow crate and its leaves
//! under the names the modules here use ([`flow`], [`lang`], [`i18n`], [`bounded_read`]).
//! Its errors are data ([`core::start::StartError`], [`core::hand_off::HandOffError`]):
//! the edge words them and gives the exit codes. What only this crate uses (atomic
//! writes, save-file parts, the code ticket's insides, the records' own steps) is
//! `pub(crate)`, so the compiler flags what nobody uses.
//!
//! ```
//! use signin_doctor_core::{flow::load_built_in, lang::Lang, page::Page, session::Session};
//!
//! let flow = load_built_in().expect("the built-in flow is valid").flow.shared();
//! let mut session = Session::new(flow);
//! assert_eq!(Page::of(&session, Lang::En).heading, "What is going wrong with Partner Center?");
//! assert_eq!(Page::of(&session, Lang::Nl).heading, "Wat gaat er mis met Partner Center?");
//!
//! session.choose(0).expect("the first answer can be chosen");
//! assert_eq!(session.path().len(), 1);
//! assert!(session.back(), "back undoes the answer");
//! assert!(session.path().is_empty());
//! ```
#![warn(missing_docs)]

/// The flow crate, and the leaves it holds, under the names the modules here use.
pub use signin_doctor_flow as flow;
pub use signin_doctor_flow::{bounded_read, i18n, lang};

mod atomic_file;
pub mod autosave;
pub mod clock;
pub mod core;
pub mod export;
#[cfg(any(test, feature = "testing"))]
pub mod fixtures;
#[cfg(any(test, feature = "testing"))]
pub mod generate;
pub mod handoff;
pub mod outcome_log;
pub mod page;
pub mod sanitize;
pub mod secrets;
pub mod session;
pub mod stats;
pub mod transcript;
