//! signin-doctor: a terminal wizard that diagnoses Partner Center sign-in problems.
//!
//! Data flows one way: YAML ([`flow::load_path`]) → checked [`flow::Flow`] →
//! [`session::Session`] → a front end ([`tui`] or [`plain`]), both of which show the
//! [`page::Page`] the session is on.
#![warn(missing_docs)]

pub mod atomic_file;
pub mod autosave;
pub mod check_command;
pub mod cli;
pub mod exit;
pub mod export;
pub mod flow;
pub mod generate;
pub mod i18n;
pub mod lang;
pub mod outcome_log;
pub mod page;
pub mod places;
pub mod plain;
pub mod records;
pub mod run;
pub mod sanitize;
pub mod search;
pub mod secrets;
pub mod session;
pub mod stats;
pub mod transcript;
pub mod tui;
pub mod watch;
