//! Call ids: the short name of an agent's call, by which its kept transcript is fetched
//! (`transcript ID`) and the operator's log names it. A call taken over with a hand-off
//! code is named after the code: its id is a keyed hash of the code, so the agent may
//! fetch it by the code they joined with, and the log can name a code without giving it
//! away (the key is the server's secret; without it the id does not lead back to the
//! code). Other calls get a random id.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::handoff::Code;

/// How many hex digits an id has (48 bits: ids of the calls kept for `--keep-days` do not
/// collide in practice).
pub const LENGTH: usize = 12;

/// The name of the key's file in the state folder.
const KEY_FILE: &str = "call-ids.key";

/// Makes call ids with the server's key.
#[derive(Debug, Clone)]
pub struct CallIds {
    key: [u8; 32],
}

impl CallIds {
    /// The ids of a server whose state folder is `root`: with the key kept there (made on
    /// first start, mode 0600, so servers sharing the folder name codes alike), or with a
    /// key of this process's own when there is no state folder.
    pub fn load(root: Option<&Path>) -> Result<CallIds> {
        let Some(root) = root else {
            return Ok(CallIds { key: random_key()? });
        };
        let path = root.join(KEY_FILE);
        if !path.exists() {
            let key = random_key()?;
            // Another server sharing the folder may make it first: then its key counts.
            let _ = write_new(&path, hex(&key).as_bytes());
        }
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Error::Serve(format!(
                "cannot read the call id key {}: {e}; remove it to have a new one made",
                path.display()
            ))
        })?;
        let bytes = Sha256::digest(text.trim().as_bytes());
        Ok(CallIds { key: bytes.into() })
    }

    /// The id of the call taken over with `code`.
    pub fn of_code(&self, code: &Code) -> String {
        let mut hash = Sha256::new();
        hash.update(self.key);
        hash.update(b"\0hand-off code\0");
        hash.update(code.bare().as_bytes());
        hex(&hash.finalize())[..LENGTH].to_owned()
    }

    /// A new random id.
    pub fn fresh() -> Result<String> {
        Ok(hex(&random_key()?)[..LENGTH].to_owned())
    }
}

/// Reads an id as a person may type it (case, spaces and dashes do not matter); `None`
/// when it is not one.
pub fn parse(typed: &str) -> Option<String> {
    let kept: String = typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '\t'))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (kept.len() == LENGTH && kept.bytes().all(|b| b.is_ascii_hexdigit())).then_some(kept)
}

/// Writes `contents` to a new file at `path` atomically (a temporary file, mode 0600,
/// renamed into place unless something is there already).
fn write_new(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(folder)?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    temp.persist_noclobber(path).map(drop).map_err(|e| e.error)
}

/// 32 bytes from the system's random source.
fn random_key() -> Result<[u8; 32]> {
    let mut key = [0u8; 32];
    getrandom::fill(&mut key)
        .map_err(|e| Error::Serve(format!("no random numbers from the system: {e}")))?;
    Ok(key)
}

/// `bytes` as lower-case hex digits.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_codes_id_is_the_same_for_servers_sharing_the_folder_and_does_not_show_the_code() {
        let root = tempfile::tempdir().unwrap();
        let code = Code::parse("K7P-2QX").unwrap();
        let one = CallIds::load(Some(root.path())).unwrap();
        let other = CallIds::load(Some(root.path())).unwrap();
        let id = one.of_code(&code);
        assert_eq!(id, other.of_code(&code));
        assert_eq!(id.len(), LENGTH);
        assert!(!id.to_uppercase().contains("K7P"));
        assert_ne!(
            id,
            CallIds::load(None).unwrap().of_code(&code),
            "another key"
        );
        assert_eq!(parse(&id.to_uppercase()), Some(id));
        assert_eq!(parse("K7P-2QX"), None, "a code is not an id");
        assert_ne!(CallIds::fresh().unwrap(), CallIds::fresh().unwrap());
    }
}
