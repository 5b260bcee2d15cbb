//! The full-screen wizard (ratatui + crossterm).

use anyhow::Result;

use crate::exit::WalkEnd;
use crate::lang::Lang;
use crate::session::Session;

/// How the full-screen wizard looks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Draw without colour (set when `NO_COLOR` is present).
    pub no_color: bool,
}

/// Runs the full-screen wizard until the user reaches an ending and leaves, or quits.
pub fn run(session: Session, lang: Lang, options: Options) -> Result<WalkEnd> {
    let _ = (session, lang, options);
    anyhow::bail!("the full-screen wizard is not built yet; use --plain")
}
