//! Hand-off codes and the live shared session, with two real OpenSSH clients against
//! `serve`: a partner presses `h` and reads out a code, an agent joins with `join CODE`,
//! both screens follow every answer from either side, the partner stops the sharing (the
//! agent goes on alone, notes kept), and a used, unknown or expired code is refused. Plain
//! partners (`ssh -T`) and plain agents share live the same way, each side in its mode. Also: a code continued from the save, on
//! the server (`resume CODE`) and locally (`--resume CODE`), recorded in the transcript.

mod common;

use common::serve::*;

const FIRST_QUESTION: &str = "What is going wrong with Partner Center?";
const PASSWORD_ANSWER: &str = "I forgot my password";
const SSPR_QUESTION: &str = "Has your company turned on self-service password reset?";
const WHO_RESETS_QUESTION: &str = "Who can set a new password for you?";
const SSPR_QUESTION_NL: &str = "Heeft uw bedrijf selfservice voor wachtwoordherstel ingeschakeld?";
const WHO_RESETS_QUESTION_NL: &str = "Wie kan een nieuw wachtwoord voor u instellen?";

#[test]
fn an_agent_joins_live_both_see_each_answer_and_the_partner_ends_the_sharing() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    let mut partner = server.full_screen();
    partner.wait_for(FIRST_QUESTION);
    partner.wait_for("h hand to agent");
    // The help lists the hand-off keys too.
    partner.send("?");
    partner.wait_for("stop sharing your screens with the agent");
    partner.send(" ");
    partner.wait_until("the help closed", |w| {
        !w.words().contains("stop sharing your")
    });
    partner.pick(PASSWORD_ANSWER);
    partner.wait_for(SSPR_QUESTION);
    partner.send("h");
    let code = code_on(&partner);
    assert!(code.chars().nth(3) == Some('-'), "{code}");

    // The agent works in Dutch (user name `nl`), the partner in English.
    let mut agent = server.command_in_terminal("nl", &format!("join {}", code.to_lowercase()));
    // The agent sees the partner's place, in agent mode, and knows it is live.
    agent.wait_for(SSPR_QUESTION_NL);
    agent.wait_for("Live: de partner ziet elk antwoord");
    agent.wait_for("Zeg tegen de beller");
    partner.wait_for("A helpdesk agent is with you");
    partner.wait_for("x stop sharing");

    // An answer on the partner's side shows on the agent's.
    partner.pick("No, it's not turned on");
    agent.wait_for(WHO_RESETS_QUESTION_NL);
    // And back on the agent's side shows on the partner's.
    agent.send("b");
    partner.wait_for(SSPR_QUESTION);
    // A note by the agent is kept in the partner's save, with the hand-off.
    agent.send("n");
    agent.send("caller is on the phone\r");
    agent.wait_for("Notitie toegevoegd");
    // The transcript comes over the connection, in a view to select from.
    agent.send("s");
    agent.wait_for("Verslag van dit gesprek");
    agent.wait_for("(medewerker): caller is on the phone");
    agent.send("\x1b");
    agent.wait_until("the view closed", |w| {
        !w.words().contains("Verslag van dit gesprek")
    });

    // The partner stops the sharing: the agent is told and goes on alone, notes kept.
    partner.send("x");
    partner.wait_for("Sharing stopped");
    agent.wait_for("De partner is gestopt met het delen van de sessie");
    agent.wait_for("caller is on the phone");
    agent.pick("Nee, het is niet ingeschakeld");
    agent.wait_for(WHO_RESETS_QUESTION_NL);
    agent.send("n");
    agent.send("after the partner left\r");
    agent.wait_for("Notitie toegevoegd");
    // The partner's screen no longer follows the agent's.
    assert!(
        partner.words().contains(SSPR_QUESTION),
        "{}",
        partner.words()
    );

    // The code was used: it cannot be used again.
    let again = server.plain("helpdesk", Some(&format!("join {code}")), "");
    assert_eq!(again.status.code(), Some(2));
    assert!(
        text(&again.stderr).contains("used already"),
        "{}",
        text(&again.stderr)
    );

    // The partner's save and the agent's own both hold the note and the live hand-off;
    // only the agent's holds what the agent did alone.
    let saves = saved_sessions(&server);
    assert_eq!(saves.len(), 2, "{saves:?}");
    let saved: Vec<String> = saves
        .iter()
        .map(|save| std::fs::read_to_string(save).unwrap())
        .collect();
    for saved in &saved {
        assert!(saved.contains("caller is on the phone"), "{saved}");
        assert!(
            saved.contains("\"live\": true") && saved.contains(&code),
            "{saved}"
        );
    }
    assert_eq!(
        saved
            .iter()
            .filter(|s| s.contains("after the partner left"))
            .count(),
        1
    );

    // The agent leaves before an ending: the notes are set aside, never lost.
    agent.send("q");
    assert_eq!(agent.exit_code(), 130, "the agent left before an ending");
    let kept = saved_sessions(&server)
        .into_iter()
        .filter(|save| save.to_string_lossy().ends_with(".abandoned.json"))
        .map(|save| std::fs::read_to_string(save).unwrap())
        .collect::<Vec<_>>();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].contains("after the partner left"), "{}", kept[0]);

    partner.pick("Yes, it's turned on");
    partner.send("q");
    assert_eq!(partner.exit_code(), 130);
    partner.assert_terminal_restored();
}

#[test]
fn unknown_expired_and_guessed_codes_are_refused_with_a_reason() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    let tickets = server.state_dir().join("handoff");
    std::fs::create_dir_all(&tickets).unwrap();
    std::fs::write(
        tickets.join("ABCDEF.json"),
        r#"{ "save": "served/x/flow.json", "issued": "2026-01-01T00:00:00Z" }"#,
    )
    .unwrap();
    let run = |command: &str| server.plain("helpdesk", Some(command), "");
    let expired = run("join ABC-DEF");
    assert_eq!(expired.status.code(), Some(2));
    assert!(
        text(&expired.stderr).contains("expired"),
        "{}",
        text(&expired.stderr)
    );
    let unknown = run("resume ABC-DEG");
    assert!(
        text(&unknown.stderr).contains("not known here"),
        "{}",
        text(&unknown.stderr)
    );
    let malformed = run("join 0OIL");
    assert!(
        text(&malformed.stderr).contains("is not a hand-off code"),
        "{}",
        text(&malformed.stderr)
    );

    // Five wrong codes from one address in an hour: then even a good code is refused. The
    // malformed one was no try and does not count.
    run("join 222-222");
    run("join 333-333");
    run("join 444-444");
    let now = jiff::Timestamp::now();
    std::fs::write(
        tickets.join("XYZ234.json"),
        format!(r#"{{ "save": "served/x/flow.json", "issued": "{now}" }}"#),
    )
    .unwrap();
    let held_back = run("join XYZ-234");
    assert!(
        text(&held_back.stderr).contains("too many wrong hand-off codes"),
        "{}",
        text(&held_back.stderr)
    );
    assert!(
        tickets.join("XYZ234.json").exists(),
        "the good code is not used up"
    );
}

#[test]
fn a_code_continues_the_saved_session_locally_in_agent_mode_with_the_hand_off_in_the_transcript() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    let (partner, code) = partner_with_code(&server, PASSWORD_ANSWER, SSPR_QUESTION);
    // The partner's connection ends; the session is kept for the code.
    drop(partner);
    wait_until_unlocked(&server);

    let transcript = server.dir.path().join("call.md");
    let output = common::binary(&[
        "--plain",
        "--state-dir",
        server.state_dir().to_str().unwrap(),
        "--log",
        server.dir.path().join("local.jsonl").to_str().unwrap(),
        "--transcript",
        transcript.to_str().unwrap(),
        "--resume",
        &code,
    ])
    .stdin(std::process::Stdio::piped())
    .spawn()
    .and_then(|mut child| {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(b"q\n")?;
        child.wait_with_output()
    })
    .unwrap();
    let out = text(&output.stdout);
    assert!(
        out.contains(SSPR_QUESTION),
        "continued at the partner's step:\n{out}"
    );
    assert!(
        out.contains("Path so far:") && out.contains("Say: "),
        "in agent mode:\n{out}"
    );
    let markdown = std::fs::read_to_string(&transcript).unwrap();
    assert!(markdown.contains("## Handed to an agent"), "{markdown}");
    assert!(
        markdown.contains(&format!(
            "an agent continued the saved session (code {code})"
        )),
        "{markdown}"
    );
    assert!(
        markdown.contains(PASSWORD_ANSWER),
        "the partner's path:\n{markdown}"
    );
}

/// The save files of the server's sessions.
fn saved_sessions(server: &Server) -> Vec<std::path::PathBuf> {
    let served = server.state_dir().join("served");
    let mut found = Vec::new();
    for folder in std::fs::read_dir(served).unwrap().flatten() {
        for file in std::fs::read_dir(folder.path()).unwrap().flatten() {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "json") {
                found.push(path);
            }
        }
    }
    found
}

/// Waits until no wizard of the server holds a session (its connection's end was seen).
fn wait_until_unlocked(server: &Server) {
    let start = std::time::Instant::now();
    loop {
        let held = saved_sessions(server).iter().any(|save| {
            std::fs::File::open(save.with_extension("lock"))
                .is_ok_and(|file| file.try_lock().is_err())
        });
        if !held {
            return;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "the partner's session stayed locked"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_partner_in_plain_lines_gets_a_code_and_the_session_waits_for_the_agent_unlogged() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    let partner = server.plain("partner", None, "1\nh\nh\nq\n");
    let said = text(&partner.stdout);
    assert!(said.contains("h = code for a helpdesk agent"), "{said}");
    let code = said
        .split("Your code for the helpdesk agent: ")
        .nth(1)
        .map(|rest| rest[..7].to_owned())
        .unwrap_or_else(|| panic!("no code in:\n{said}"));
    assert!(said.contains("kept for the helpdesk agent"), "{said}");
    assert_eq!(
        said.matches(&code).count(),
        2,
        "asked twice, the same code:\n{said}"
    );
    assert!(server.log_lines().is_empty(), "nothing logged yet");

    let agent = server.plain("helpdesk", Some(&format!("resume {code}")), "2\nq\n");
    let shown = text(&agent.stdout);
    assert!(
        shown.contains(SSPR_QUESTION) && shown.contains("Path so far:"),
        "{shown}"
    );
    assert!(
        shown.contains(WHO_RESETS_QUESTION),
        "the agent answered:\n{shown}"
    );
    let log = server.log_lines();
    assert_eq!(log.len(), 1, "one call, logged once: {log:?}");
    assert!(log[0].contains("\"answers\":2"), "{}", log[0]);
}

#[test]
fn when_the_partner_drops_off_the_agent_carries_on_and_the_call_is_logged_once() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    let (partner, code) =
        partner_with_code(&server, "Something else", "Which of these comes closest?");
    let mut agent = server.command_in_terminal("helpdesk", &format!("join {code}"));
    agent.wait_for("Which of these comes closest?");
    partner.wait_for("A helpdesk agent is with you");

    // The partner's connection is cut: the agent is told and goes on with the records.
    drop(partner);
    agent.wait_for("The partner's connection ended");
    agent.pick("None of these");
    agent.wait_for("Contact Microsoft support");
    // Neither shown nor copied: the first q asks, the second leaves.
    assert_eq!(agent.quit_agent_ending_unsaved(), 0);
    let log = server.log_lines();
    assert_eq!(log.len(), 1, "one call, one record: {log:?}");
    assert!(
        log[0].contains("\"outcome\":\"contact-support\"")
            && log[0].contains("\"abandoned\":false"),
        "{}",
        log[0]
    );
    assert!(
        saved_sessions(&server).is_empty(),
        "the finished call's save is gone"
    );
}

#[test]
fn a_key_in_agent_keys_gets_agent_mode_and_other_keys_self_help() {
    if !have_ssh() {
        return;
    }
    let (server, agent_key, partner_key) = Server::with_listed_key("--agent-keys", &["--open"]);

    // Agents sign in as `agent` (here `agent-nl`, for Dutch) so that their key is asked for.
    let as_agent = text(&server.plain_with_key("agent-nl", &agent_key, "q\n").stdout);
    assert!(
        as_agent.contains("Gespreksduur:") && as_agent.contains("Zeg: "),
        "agent mode:\n{as_agent}"
    );
    let as_partner = text(&server.plain_with_key("partner", &partner_key, "q\n").stdout);
    assert!(
        as_partner.contains(FIRST_QUESTION) && !as_partner.contains("Say: "),
        "self-help:\n{as_partner}"
    );
    assert!(
        as_partner.contains("h = code for a helpdesk agent"),
        "{as_partner}"
    );
}

/// A plain partner on `ssh -T` asks for a code and stays connected; an agent joins in
/// `agent_mode` (full screen or plain lines): both follow each other's answers, each in
/// its own mode, and when the partner stops the sharing the agent goes on alone, notes
/// kept, to an ending logged from the agent's records.
fn a_plain_partner_shares_live_with(agent_full_screen: bool) {
    let server = Server::start(&["--open"]);
    let mut partner = server.plain_in_terminal("partner", None);
    partner.wait_for("h = code for a helpdesk agent");
    partner.send("1\r");
    partner.wait_for(SSPR_QUESTION);
    partner.send("h\r");
    partner.wait_for("Stay connected");
    let code = code_on(&partner);
    let join = format!("join {code}");
    let mut agent = if agent_full_screen {
        server.command_in_terminal("helpdesk", &join)
    } else {
        server.plain_in_terminal("helpdesk", Some(&join))
    };
    agent.wait_for(SSPR_QUESTION);
    partner.wait_for("A helpdesk agent is with you");
    partner.wait_for("x = stop sharing");

    // The partner answers: the agent follows.
    partner.send("2\r");
    agent.wait_for(WHO_RESETS_QUESTION);
    // The agent goes back and writes a note: the partner's lines follow.
    agent.send(if agent_full_screen { "b" } else { "b\r" });
    partner.wait_until("the question again", |w| {
        w.words().rfind(SSPR_QUESTION) > w.words().rfind(WHO_RESETS_QUESTION)
    });
    if agent_full_screen {
        agent.send("n");
        agent.send("caller reads slowly\r");
    } else {
        agent.send("n caller reads slowly\r");
    }
    agent.wait_for("Note added");

    // The partner stops the sharing: the agent goes on alone with the note.
    partner.send("x\r");
    partner.wait_for("Sharing stopped");
    agent.wait_for("The partner stopped sharing the session");
    // "1) Yes, it's turned on", on the agent's side only.
    agent.send(if agent_full_screen { "1" } else { "1\r" });
    agent.wait_for("Reset your password yourself");
    let saves = saved_sessions(&server);
    let agents_own = saves
        .iter()
        .map(|save| std::fs::read_to_string(save).unwrap())
        .filter(|saved| {
            saved.contains("caller reads slowly")
                && saved.contains("\"current\": \"try-self-service-reset\"")
        })
        .count();
    assert_eq!(agents_own, 1, "the agent's own save: {saves:?}");
    partner.send("q\r");
    assert_eq!(partner.exit_code(), 130);
    agent.send("q");
    if !agent_full_screen {
        agent.send("\r");
    }
    agent.exit_code();
}

#[test]
fn a_plain_partner_shares_live_with_a_full_screen_agent() {
    if !have_ssh() {
        return;
    }
    a_plain_partner_shares_live_with(true);
}

#[test]
fn a_plain_partner_shares_live_with_a_plain_agent() {
    if !have_ssh() {
        return;
    }
    a_plain_partner_shares_live_with(false);
}

#[test]
fn a_plain_agent_joins_a_full_screen_partner_and_carries_on_when_the_partner_drops() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    let (partner, code) =
        partner_with_code(&server, "Something else", "Which of these comes closest?");
    let mut agent = server.plain_in_terminal("helpdesk", Some(&format!("join {code}")));
    agent.wait_for("Which of these comes closest?");
    partner.wait_for("A helpdesk agent is with you");
    agent.send("n caller on a train\r");
    agent.wait_for("Note added");

    // The partner's connection is cut: the agent is told and goes on with the records.
    drop(partner);
    agent.wait_for("The partner's connection ended");
    agent.send("5\r");
    agent.wait_for("End of the wizard.");
    assert_eq!(agent.exit_code(), 0);
    let log = server.log_lines();
    assert_eq!(log.len(), 1, "one call, one record: {log:?}");
    assert!(
        log[0].contains("\"outcome\":\"contact-support\"") && log[0].contains("\"notes\":1"),
        "{}",
        log[0]
    );
}
