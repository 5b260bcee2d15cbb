//! Who may use the server: anyone (`--open`), or the holders of the keys listed in
//! `--authorized-keys`; the holders of the keys in `--agent-keys` are helpdesk agents and
//! get agent mode.

use std::path::Path;

use russh::MethodKind;
use russh::MethodSet;
use russh::keys::ssh_key::AuthorizedKeys;
use russh::keys::ssh_key::public::KeyData;

use crate::error::{Error, Result};

/// Who may in, and who is an agent.
#[derive(Debug, Default)]
pub struct Auth {
    /// Anyone may in, with any user name, without a key.
    open: bool,
    /// The partners' keys (`--authorized-keys`).
    partners: Vec<KeyData>,
    /// The agents' keys (`--agent-keys`).
    agents: Vec<KeyData>,
}

/// Who signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// A partner (or anyone, on an open server).
    Partner,
    /// A helpdesk agent.
    Agent,
}

impl Auth {
    /// Who may in: anyone when `open`, else the keys of `authorized_keys`; the keys of
    /// `agent_keys` as agents. Refuses a server nobody could sign in to.
    pub fn new(
        open: bool,
        authorized_keys: Option<&Path>,
        agent_keys: Option<&Path>,
    ) -> Result<Auth> {
        let read = |path: Option<&Path>, flag| path.map(|p| read_keys(p, flag)).transpose();
        let auth = Auth {
            open,
            partners: read(authorized_keys, "--authorized-keys")?.unwrap_or_default(),
            agents: read(agent_keys, "--agent-keys")?.unwrap_or_default(),
        };
        if !open && auth.partners.is_empty() && auth.agents.is_empty() {
            return Err(Error::Serve(
                "give --authorized-keys FILE (or --agent-keys FILE), or --open to let anyone in"
                    .into(),
            ));
        }
        Ok(auth)
    }

    /// The methods offered to clients.
    pub fn methods(&self) -> MethodSet {
        if self.open {
            MethodSet::from(&[MethodKind::None, MethodKind::PublicKey][..])
        } else {
            MethodSet::from(&[MethodKind::PublicKey][..])
        }
    }

    /// Whether `user` may sign in without a key: anyone on an open server, except under
    /// an agent's user name (`agent`, `agent-nl`, `agent-en`) when there are agent keys —
    /// so that an agent's client offers its key, which "none" accepted would never ask.
    pub fn lets_in_without_key(&self, user: &str) -> bool {
        self.open && !self.agent_name_needs_key(user)
    }

    /// Whether `user` is an agent's name on a server with agent keys.
    fn agent_name_needs_key(&self, user: &str) -> bool {
        is_agent_name(user) && !self.agents.is_empty()
    }

    /// Who the holder of `key`, signing in as `user`, is, if they may in at all. Under an
    /// agent's user name only an agent key gets in, so an agent never lands in self-help
    /// by mistake.
    pub fn who(&self, user: &str, key: &KeyData) -> Option<Who> {
        if self.agents.contains(key) {
            Some(Who::Agent)
        } else if self.agent_name_needs_key(user) {
            None
        } else if self.open || self.partners.contains(key) {
            Some(Who::Partner)
        } else {
            None
        }
    }
}

/// Whether `user` is an agent's user name: `agent`, or `agent-` and a language.
pub fn is_agent_name(user: &str) -> bool {
    user == "agent" || user.starts_with("agent-")
}

/// The language a user name asks for: `nl` or `en`, also after `agent-`.
pub fn lang_of_name(user: &str) -> Option<crate::lang::Lang> {
    let name = user.strip_prefix("agent-").unwrap_or(user);
    matches!(name, "nl" | "en")
        .then(|| crate::lang::Lang::from_locale(name))
        .flatten()
}

/// The keys of the OpenSSH `authorized_keys` file at `path`, given with `flag`; a file
/// without any is refused.
fn read_keys(path: &Path, flag: &str) -> Result<Vec<KeyData>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::Serve(format!("cannot read {flag} {}: {e}", path.display())))?;
    let mut keys = Vec::new();
    for (number, entry) in AuthorizedKeys::new(&text).enumerate() {
        let entry = entry.map_err(|e| {
            Error::Serve(format!(
                "{flag} {}: key {} cannot be read: {e}; each line must be like the .pub \
                 file ssh-keygen writes",
                path.display(),
                number + 1
            ))
        })?;
        keys.push(entry.public_key().key_data().clone());
    }
    if keys.is_empty() {
        return Err(Error::Serve(format!(
            "{flag} {} lists no key, so nobody could sign in with it; add a public key (a \
             .pub file's line)",
            path.display()
        )));
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEKGyf0gg6NNOA7n6GtfLM+k00YB5lD4ygTATqhux10v a";

    fn key_file(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn agent_keys_make_agents_and_an_empty_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let agents = key_file(dir.path(), "agents", KEY);
        let auth = Auth::new(true, None, Some(&agents)).unwrap();
        let key = AuthorizedKeys::new(KEY).next().unwrap().unwrap();
        assert_eq!(
            auth.who("agent", key.public_key().key_data()),
            Some(Who::Agent)
        );
        assert!(auth.lets_in_without_key("partner"));
        assert!(
            !auth.lets_in_without_key("agent-nl"),
            "an agent must show a key"
        );
        assert_eq!(lang_of_name("agent-nl"), Some(crate::lang::Lang::Nl));
        assert_eq!(lang_of_name("agent"), None);
        let empty = key_file(dir.path(), "empty", "# nobody\n");
        let refused = Auth::new(false, Some(&empty), None).unwrap_err();
        assert!(refused.to_string().contains("lists no key"), "{refused}");
        assert!(Auth::new(false, None, None).is_err());
    }
}
