//! signin-doctor: a terminal wizard that diagnoses Partner Center sign-in problems.
//!
//! Data flows one way: YAML ([`flow::load_path`]) → checked [`flow::Flow`] →
//! [`session::Session`] → a front end ([`tui`] or [`plain`]), both of which show the
//! [`page::Page`] the session is on.
//!
//! ```
//! use signin_doctor::{flow::load_built_in, lang::Lang, page::Page, session::Session};
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

mod atomic_file;
pub mod autosave;
mod bounded_read;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod core;
mod default_paths;
pub mod error;
pub mod exit;
pub mod export;
#[cfg(test)]
mod fixtures;
pub mod flow;
#[cfg(any(test, feature = "testing"))]
pub mod generate;
pub mod handoff;
pub mod i18n;
pub mod lang;
pub mod outcome_log;
pub mod page;
pub mod plain;

pub mod run;
pub mod sanitize;
pub mod secrets;
pub mod serve;
pub mod session;
pub mod stats;
pub mod transcript;
pub mod tui;
