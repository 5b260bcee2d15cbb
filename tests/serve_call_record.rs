//! The agent's record of a call over SSH, with real OpenSSH clients against `serve`: the
//! agent's notes are private (never in the partner's copy or transcript) and say who
//! wrote them.

mod common;

use base64::Engine;
use common::pty::Wizard;
use common::serve::*;

const FIRST_QUESTION: &str = "What is going wrong with Partner Center?";
const PASSWORD_ANSWER: &str = "I forgot my password";
const SSPR_QUESTION: &str = "Has your company turned on self-service password reset?";
const AGENT_NOTE: &str = "Caller Jan de Vries, ticket INC-4242";

/// The hand-off code shown on the partner's screen, e.g. `K7P-2QX`.
fn code_on(screen: &Wizard) -> String {
    screen.wait_for("Your code for the helpdesk agent:");
    let words = screen.words();
    let after = words
        .split("Your code for the helpdesk agent: ")
        .nth(1)
        .expect("the code line");
    after[..7].to_owned()
}

/// Every text copied to the clipboard (OSC 52) in `raw` output, decoded.
fn copies(raw: &str) -> Vec<String> {
    raw.split("\x1b]52;c;")
        .skip(1)
        .filter_map(|rest| rest.split('\x07').next())
        .map(|encoded| {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(encoded)
                .unwrap();
            String::from_utf8(bytes).unwrap()
        })
        .collect()
}

/// A partner at the SSPR question who gave a code, and an agent (full screen, as `user`)
/// joined live.
fn joined(server: &Server, user: &str) -> (Wizard, Wizard, String) {
    let mut partner = server.full_screen();
    partner.wait_for(FIRST_QUESTION);
    partner.pick(PASSWORD_ANSWER);
    partner.wait_for(SSPR_QUESTION);
    partner.send("h");
    let code = code_on(&partner);
    let agent = server.command_in_terminal(user, &format!("join {code}"));
    partner.wait_for("A helpdesk agent is with you");
    (partner, agent, code)
}

#[test]
fn the_agents_notes_never_reach_the_partners_copy() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    let (mut partner, mut agent, _) = joined(&server, "agent");
    agent.wait_for("Say to the caller");
    agent.send("n");
    agent.send(&format!("{AGENT_NOTE}\r"));
    agent.wait_for("Note added");
    // The partner's own note is theirs to copy.
    partner.send("n");
    partner.send("I have a new phone\r");
    partner.wait_for("Note added");
    agent.wait_for("I have a new phone");
    partner.send("y");
    partner.wait_for("Copied");
    let copied = copies(&partner.raw()).pop().expect("a copy");
    assert!(copied.contains("I have a new phone"), "{copied}");
    assert!(
        !copied.contains("Jan de Vries") && !copied.contains("INC-4242"),
        "the agent's note leaked into the partner's copy:\n{copied}"
    );
    // The agent's copy has both, each with its author.
    agent.send("y");
    agent.wait_until("the agent's copy", |w| !copies(&w.raw()).is_empty());
    let copied = copies(&agent.raw()).pop().unwrap();
    assert!(
        copied.contains(&format!("(agent): {AGENT_NOTE}"))
            && copied.contains("(partner): I have a new phone"),
        "{copied}"
    );
    partner.send("q");
    assert_eq!(partner.exit_code(), 130);
}
