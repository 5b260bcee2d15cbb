//! Where the program keeps its files when the command line does not say.
//!
//! Follows the XDG base directories on every system (via `etcetera`'s base strategy):
//! saved sessions in `$XDG_STATE_HOME/signin-doctor/` (default `~/.local/state/…`), the
//! outcome log in `$XDG_DATA_HOME/signin-doctor/outcomes.jsonl` (default
//! `~/.local/share/…`). `--state-dir` and `--log` override them.

use std::path::{Path, PathBuf};

use etcetera::{BaseStrategy, choose_base_strategy};

/// The folder name under the base directories.
pub(crate) const APP_DIR: &str = "signin-doctor";
/// The outcome log's file name in the data directory.
pub(crate) const LOG_FILE: &str = "outcomes.jsonl";

/// The folder for saved sessions: `given`, else the XDG state directory (the data
/// directory where a system has none); `None` if no home directory can be found.
pub fn state_dir(given: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = given {
        return Some(dir.to_owned());
    }
    let base = choose_base_strategy().ok()?;
    Some(
        base.state_dir()
            .unwrap_or_else(|| base.data_dir())
            .join(APP_DIR),
    )
}

/// The outcome log: `given`, else `outcomes.jsonl` in the XDG data directory; `None` if
/// no home directory can be found.
pub fn log_file(given: Option<&Path>) -> Option<PathBuf> {
    if let Some(file) = given {
        return Some(file.to_owned());
    }
    let base = choose_base_strategy().ok()?;
    Some(base.data_dir().join(APP_DIR).join(LOG_FILE))
}
