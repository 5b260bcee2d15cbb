//! The full-screen wizard's state and `update`, which changes it and never draws.

pub mod app;
pub mod effect;
pub mod input;
pub mod overlay;
pub mod sharing;
pub mod status;
