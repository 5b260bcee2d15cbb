//! The state folder kept private: it holds every session's answers and the hand-off codes
//! (each code is a file name), so no other local user may list or read it. The server
//! makes every folder it creates 0700 and every file 0600, whatever the umask it was
//! started with, and refuses to start on a state folder others may read or write.

use std::path::Path;

use crate::error::{Error, Result};

/// Makes what the server creates from now on private to its user, and `root` (the state
/// folder, made if missing) private, or refuses it when others may use it.
pub fn prepare(root: Option<&Path>) -> Result<()> {
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file mode mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
    root.map_or(Ok(()), state_folder)
}

/// Makes the state folder `root` (0700) when missing; refuses it when others may use it.
fn state_folder(root: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        if !root.exists() {
            return std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(root)
                .map_err(|e| {
                    Error::Serve(format!(
                        "cannot make the state folder {}: {e}; give one that can be made with \
                         --state-dir",
                        root.display()
                    ))
                });
        }
        let mode = std::fs::metadata(root)
            .map_err(|e| {
                Error::Serve(format!(
                    "cannot read the state folder {}: {e}",
                    root.display()
                ))
            })?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            return Err(Error::Serve(format!(
                "the state folder {} may be used by others (mode {:o}): it holds partners' \
                 answers and hand-off codes; make it private with `chmod 700 {}`",
                root.display(),
                mode & 0o777,
                root.display()
            )));
        }
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_new_state_folder_is_private_and_an_open_one_is_refused_with_the_fix() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("state");
        state_folder(&root).unwrap();
        let mode = std::fs::metadata(&root).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        state_folder(&root).unwrap();
        std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755)).unwrap();
        let message = state_folder(&root).unwrap_err().to_string();
        assert!(message.contains("mode 755"), "{message}");
        assert!(message.contains("chmod 700"), "{message}");
    }
}
