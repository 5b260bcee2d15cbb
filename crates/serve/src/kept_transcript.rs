//! `transcript CODE [--json]`: an agent fetches the transcript the server kept of a call,
//! by the hand-off code they took it over with or by the call's id shown at its end. Only
//! agents (signed in with an agent key) may: a transcript holds the agent's notes.

use super::Shared;
use super::auth::Who;
use super::call_id;
use super::wizard::TRANSCRIPTS;
use crate::handoff::Code;

/// What `transcript …` asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    /// The code or id as typed (without `--json`), possibly with spaces.
    pub typed: String,
    /// `--json`: the JSON transcript, else the Markdown one.
    pub json: bool,
}

/// Reads an exec request's command: `transcript …`, else `None`.
pub fn asked(command: &str) -> Option<Asked> {
    let mut words = command.split_whitespace();
    if words.next() != Some("transcript") {
        return None;
    }
    let mut json = false;
    let mut typed = String::new();
    for word in words {
        if word == "--json" {
            json = true;
        } else {
            typed.push_str(word);
        }
    }
    Some(Asked { typed, json })
}

/// Why a transcript was not given: what to tell the client, and the reason's name for the
/// operator's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The reason, for the log.
    pub reason: &'static str,
    /// What the client is told.
    pub message: String,
}

/// A transcript found: the call's id and the file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The call's id.
    pub id: String,
    /// The transcript, Markdown or JSON.
    pub bytes: Vec<u8>,
}

/// The transcript `asked` names, for `who`.
pub fn fetch(shared: &Shared, who: Who, asked: &Asked) -> Result<Found, Refused> {
    let refuse = |reason, message: String| Err(Refused { reason, message });
    if who != Who::Agent {
        return refuse(
            "not_an_agent",
            "only helpdesk agents can fetch a call's transcript: sign in with your agent key, \
             as `ssh agent@HOST transcript CODE`."
                .to_owned(),
        );
    }
    if asked.typed.is_empty() {
        return refuse(
            "no_id",
            "`transcript` needs the hand-off code the call was taken over with, or the call's \
             id shown at its end, after it: `transcript K7P-2QX` (add --json for JSON)."
                .to_owned(),
        );
    }
    let id = match Code::parse(&asked.typed) {
        Some(code) => shared.call_ids.of_code(&code),
        None => match call_id::parse(&asked.typed) {
            Some(id) => id,
            None => {
                let shown: String = crate::sanitize::clean_line(&asked.typed)
                    .chars()
                    .take(40)
                    .collect();
                return refuse(
                    "malformed",
                    format!(
                        "`{shown}` is neither a hand-off code (six letters and digits, like \
                         K7P-2QX) nor a call id ({} letters and digits, shown at the call's \
                         end).",
                        call_id::LENGTH
                    ),
                );
            }
        },
    };
    let extension = if asked.json { "json" } else { "md" };
    let path = shared
        .state_root
        .as_ref()
        .map(|root| root.join(TRANSCRIPTS).join(format!("{id}.{extension}")));
    match path.map(|path| std::fs::read(&path)) {
        Some(Ok(bytes)) => Ok(Found { id, bytes }),
        _ => refuse(
            "unknown",
            format!(
                "no transcript of call {id} is kept here: a transcript is kept for {} days \
                 after an agent's call, on the server that kept its sessions.",
                shared.keep_days
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_takes_a_code_or_id_with_spaces_and_json_anywhere() {
        assert_eq!(asked("plain"), None);
        assert_eq!(
            asked("transcript K7P 2QX --json"),
            Some(Asked {
                typed: "K7P2QX".into(),
                json: true
            })
        );
        assert_eq!(
            asked(" transcript "),
            Some(Asked {
                typed: String::new(),
                json: false
            })
        );
    }
}
