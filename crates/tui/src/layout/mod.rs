//! Where everything goes on the screen and how it looks, worked out purely from the state,
//! so drawing, scrolling and terminal hyperlinks agree: the body's rows, the screen's
//! parts, the help box, key hints, the agent's trail rows, text wrapping, the theme, and
//! the view model the views draw.

pub mod content;
mod ending;
pub mod help_layout;
pub mod hints;
mod question;
mod say;
pub mod screen;
pub mod theme;
pub mod trail_rows;
pub mod view_model;
pub mod wrap;
