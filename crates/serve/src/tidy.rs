//! Tidying the served sessions' folders when the server starts: each session has a folder
//! of its own under `served/`, so the local start-up's tidying (which looks at one folder)
//! is done here for each of them — set-aside sessions older than `--keep-days` and stale
//! temporary files go — and folders left empty are removed.

use std::path::Path;

/// Tidies every session folder under `served`; gives how many set-aside sessions were
/// removed.
pub fn tidy(served: &Path, keep_days: u32) -> usize {
    let Ok(folders) = std::fs::read_dir(served) else {
        return 0;
    };
    let mut removed = 0;
    for folder in folders.flatten().map(|entry| entry.path()) {
        if folder.is_dir() {
            removed += crate::autosave::expire(&folder, keep_days);
            // Only an empty folder goes; one with a save in it stays.
            let _ = std::fs::remove_dir(&folder);
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_folders_go_and_folders_with_a_save_stay() {
        let served = tempfile::tempdir().unwrap();
        let empty = served.path().join("a");
        let kept = served.path().join("b");
        std::fs::create_dir_all(&empty).unwrap();
        std::fs::create_dir_all(&kept).unwrap();
        std::fs::write(kept.join("flow-1.json"), "{}").unwrap();
        std::fs::write(kept.join("flow-0.abandoned.json"), "{}").unwrap();
        assert_eq!(
            tidy(served.path(), 0),
            1,
            "the set-aside session, kept 0 days"
        );
        assert!(!empty.exists());
        assert!(kept.join("flow-1.json").exists());
    }
}
