//! The server's host key: read from a file that only its owner can read, or made (ed25519)
//! on first start.

use std::io::{Read, Write};
use std::path::Path;

use russh::keys::PrivateKey;
use russh::keys::ssh_key::LineEnding;
use russh::keys::ssh_key::private::Ed25519Keypair;

use crate::error::{Error, Result};

/// The host key at `path`, made and saved (mode 0600) when there is none yet. Refused
/// when group or others may read it, as OpenSSH refuses such a key.
pub fn load_or_make(path: &Path) -> Result<PrivateKey> {
    if path.exists() {
        check_private(path)?;
        return PrivateKey::read_openssh_file(path).map_err(|e| {
            Error::Serve(format!(
                "cannot read the host key {}: {e}; give an OpenSSH private key with --host-key, \
                 or remove the file to have a new one made",
                path.display()
            ))
        });
    }
    let key = PrivateKey::from(Ed25519Keypair::from_seed(&random_seed()?));
    save(&key, path).map_err(|e| {
        Error::Serve(format!(
            "cannot save a new host key as {}: {e}; give a folder that can be written with \
             --state-dir, or a key with --host-key",
            path.display()
        ))
    })?;
    Ok(key)
}

/// Refuses a key file that group or others may read.
fn check_private(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map_err(|e| Error::Serve(format!("cannot read the host key {}: {e}", path.display())))?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            return Err(Error::Serve(format!(
                "the host key {} may be read by others (mode {:o}); make it private with \
                 `chmod 600 {}`",
                path.display(),
                mode & 0o777,
                path.display()
            )));
        }
    }
    Ok(())
}

/// 32 bytes from the system's random source.
fn random_seed() -> Result<[u8; 32]> {
    let mut seed = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut random| random.read_exact(&mut seed))
        .map_err(|e| Error::Serve(format!("cannot read random bytes for a host key: {e}")))?;
    Ok(seed)
}

/// Writes `key` to `path` with mode 0600, through a temporary file renamed into place.
fn save(key: &PrivateKey, path: &Path) -> std::io::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    // A named temporary file is made with mode 0600.
    let mut file = tempfile::NamedTempFile::new_in(folder)?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_new_key_is_private_and_read_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys/host_key");
        let made = load_or_make(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let read = load_or_make(&path).unwrap();
        assert_eq!(made.public_key(), read.public_key());
    }

    #[test]
    fn a_key_others_may_read_is_refused_with_the_fix() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("host_key");
        load_or_make(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let message = load_or_make(&path).unwrap_err().to_string();
        assert!(message.contains("mode 644"), "{message}");
        assert!(message.contains("chmod 600"), "{message}");
    }
}
