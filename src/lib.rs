//! signin-doctor: a terminal wizard that diagnoses Partner Center sign-in problems.
//!
//! Data flows one way: YAML ([`flow::load_path`]) → checked [`flow::Flow`] →
//! [`session::Session`] → a front end ([`tui`] or [`plain`]), both of which show the
//! [`page::Page`] the session is on.
#![warn(missing_docs)]

pub mod flow;
pub mod lang;
pub mod session;
pub mod i18n;
pub mod page;
pub mod sanitize;
pub mod exit;
pub mod tui;
pub mod cli;
pub mod plain;
pub mod run;
