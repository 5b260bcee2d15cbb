//! Who may use the server: anyone (`--open`), or the holders of the keys listed in
//! `--authorized-keys`.

use std::path::Path;

use russh::MethodKind;
use russh::MethodSet;
use russh::keys::ssh_key::AuthorizedKeys;
use russh::keys::ssh_key::public::KeyData;

use crate::error::{Error, Result};

/// Who may in.
#[derive(Debug)]
pub enum Auth {
    /// Anyone, with any user name, without a key.
    Open,
    /// Only these public keys.
    Keys(Vec<KeyData>),
}

impl Auth {
    /// The keys of an OpenSSH `authorized_keys` file; a file without any is refused.
    pub fn read(path: &Path) -> Result<Auth> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::Serve(format!(
                "cannot read --authorized-keys {}: {e}",
                path.display()
            ))
        })?;
        let mut keys = Vec::new();
        for (number, entry) in AuthorizedKeys::new(&text).enumerate() {
            let entry = entry.map_err(|e| {
                Error::Serve(format!(
                    "--authorized-keys {}: key {} cannot be read: {e}; each line must be \
                     like the .pub file ssh-keygen writes",
                    path.display(),
                    number + 1
                ))
            })?;
            keys.push(entry.public_key().key_data().clone());
        }
        if keys.is_empty() {
            return Err(Error::Serve(format!(
                "--authorized-keys {} lists no key, so nobody could sign in; add a public key \
                 (a .pub file's line), or use --open",
                path.display()
            )));
        }
        Ok(Auth::Keys(keys))
    }

    /// The methods offered to clients.
    pub fn methods(&self) -> MethodSet {
        match self {
            Auth::Open => MethodSet::from(&[MethodKind::None, MethodKind::PublicKey][..]),
            Auth::Keys(_) => MethodSet::from(&[MethodKind::PublicKey][..]),
        }
    }

    /// Whether signing in without a key is allowed.
    pub fn lets_in_anyone(&self) -> bool {
        matches!(self, Auth::Open)
    }

    /// Whether the holder of `key` may in.
    pub fn lets_in(&self, key: &KeyData) -> bool {
        match self {
            Auth::Open => true,
            Auth::Keys(keys) => keys.contains(key),
        }
    }
}
