//! signin-doctor: a terminal wizard that diagnoses Partner Center sign-in problems.
//!
//! Data flows one way: YAML ([`flow::load_path`]) → checked [`flow::Flow`] →
//! [`session::Session`] → a front end ([`tui`] or [`plain`]), both of which show the
//! [`page::Page`] the session is on.
#![warn(missing_docs)]

pub mod check_command;
pub mod cli;
pub mod exit;
pub mod export;
pub mod flow;
pub mod i18n;
pub mod lang;
pub mod page;
pub mod plain;
pub mod run;
pub mod sanitize;
pub mod session;
pub mod tui;
