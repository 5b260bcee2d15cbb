//! The HTML of the web pages, made with `maud` (every string escaped as it is put in):
//! the frame every page shares (`frame`), a step of the walk (`step`), the error pages
//! (`error`).

mod error;
mod frame;
mod step;

pub use error::error_page;
pub use step::{StepView, step_page};
