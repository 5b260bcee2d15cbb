//! Turning terminal events into actions, purely.

pub mod action;
