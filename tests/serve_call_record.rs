//! The agent's record of a call over SSH, with real OpenSSH clients against `serve`: the
//! agent's notes are private (never in the partner's copy or transcript) and say who
//! wrote them; the transcript comes over the connection (`s`: between marker lines in
//! plain mode, a view to select from full-screen) and is kept on the server for the agent
//! (`transcript CODE`); the operator's log tells a whole call without naming a code.
//! And the matrix: a full-screen or plain agent with a full-screen or plain partner who
//! stops sharing, drops or quits — the agent keeps every note and its transcript.

mod common;

use base64::Engine;
use common::pty::Wizard;
use common::serve::*;

const FIRST_QUESTION: &str = "What is going wrong with Partner Center?";
const PASSWORD_ANSWER: &str = "I forgot my password";
const SSPR_QUESTION: &str = "Has your company turned on self-service password reset?";
const AGENT_NOTE: &str = "Caller Jan de Vries, ticket INC-4242";

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
    let (partner, code) = partner_with_code(server, PASSWORD_ANSWER, SSPR_QUESTION);
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
    let (mut partner, mut agent, _) = joined(&server, "helpdesk");
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

/// Stops `server` with SIGTERM and waits for it to exit.
fn stop(server: &mut Server) {
    let pid = nix::unistd::Pid::from_raw(server.child.id() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).unwrap();
    assert!(common::child::exit_within(&mut server.child, DEADLINE).is_some());
}

/// The value of `key=` in a text log line.
fn field<'a>(line: &'a str, key: &str) -> &'a str {
    line.split(' ')
        .find_map(|part| part.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("no {key} in {line}"))
}

#[test]
fn the_operator_log_tells_a_whole_live_call_without_the_code() {
    if !have_ssh() {
        return;
    }
    let (mut server, log) = Server::start_logged(&["--open"]);
    log.wait_for(&["listening", "address=127.0.0.1:"]);
    let (mut partner, mut agent, code) = joined(&server, "helpdesk");
    let given = log.wait_for(&["code_given"]);
    let code_id = field(&given, "code");
    let partner_session = field(&given, "session");
    let started = log.wait_for(&["session_start", "role=partner", "mode=full_screen"]);
    assert_eq!(field(&started, "session"), partner_session);
    let partner_conn = field(&started, "conn");
    log.wait_for(&[
        "sign_in",
        &format!("conn={partner_conn} "),
        "user=partner",
        "role=partner",
    ]);
    log.wait_for(&[
        "connection",
        &format!("conn={partner_conn} "),
        "peer=127.0.0.1:",
    ]);
    let joined = log.wait_for(&["join ", &format!("code={code_id}"), "live=true"]);
    let agent_session = field(&joined, "session");
    log.wait_for(&[
        "session_start",
        "role=join",
        &format!("code={code_id}"),
        &format!("session={agent_session}"),
    ]);

    // The partner stops the sharing, then leaves; the agent goes on alone, then quits.
    agent.wait_for("Say to the caller");
    partner.send("x");
    log.wait_for(&["sharing_ended", &format!("session={agent_session}")]);
    agent.wait_for("carry on alone here");
    partner.send("q");
    partner.exit_code();
    log.wait_for(&[
        "session_end",
        &format!("session={partner_session}"),
        "how=quit",
    ]);
    agent.send("q");
    assert_eq!(agent.exit_code(), 130);
    log.wait_for(&[
        "session_end",
        &format!("session={agent_session}"),
        &format!("call={code_id}"),
        "how=quit",
        "exit=130",
    ]);
    log.wait_for(&["disconnect", &format!("conn={partner_conn} "), "how=closed"]);

    // A wrong code is refused, named by its id only.
    let wrong = server.plain("helpdesk", Some("join 222-333"), "");
    assert_eq!(wrong.status.code(), Some(2));
    log.wait_for(&["code_refused", "reason=unknown_or_used", "code="]);

    stop(&mut server);
    log.wait_for(&["stopping", "signal=SIGTERM"]);
    log.wait_for(&["stopped"]);
    let all = log.lines().join("\n");
    for secret in [code.as_str(), &code.replace('-', ""), "222-333", "222333"] {
        assert!(!all.contains(secret), "the log names a code:\n{all}");
    }
    for line in log.lines() {
        // Each line: a time, then the event's name.
        assert!(line.len() > 21 && line.as_bytes()[19] == b'Z', "{line}");
    }
}

#[test]
fn the_operator_log_in_json_is_one_object_a_line() {
    if !have_ssh() {
        return;
    }
    let (mut server, log) = Server::start_logged(&["--open", "--log-format", "json"]);
    // A plain partner asks for a code and leaves; an agent continues from the save.
    let partner = server.plain("partner", None, "1\nh\nq\n");
    let said = text(&partner.stdout);
    let code = said
        .split("Your code for the helpdesk agent: ")
        .nth(1)
        .map(|rest| rest[..7].to_owned())
        .unwrap_or_else(|| panic!("{said}"));
    let agent = server.plain("helpdesk", Some(&format!("resume {code}")), "q\n");
    assert_eq!(agent.status.code(), Some(130), "{}", text(&agent.stderr));
    stop(&mut server);
    log.wait_for(&["\"event\":\"stopped\""]);
    let events: Vec<serde_json::Value> = log
        .lines()
        .iter()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: not JSON: {line}")))
        .collect();
    let named = |name: &str| -> Vec<&serde_json::Value> {
        events.iter().filter(|e| e["event"] == name).collect()
    };
    assert!(events.iter().all(|e| e["at"].is_string()));
    let given = named("code_given");
    assert_eq!(given.len(), 1, "{events:?}");
    let code_id = given[0]["code"].as_str().unwrap();
    let claimed = named("code_claimed");
    assert_eq!(claimed[0]["code"], code_id);
    assert_eq!(claimed[0]["live"], false);
    let ends: Vec<_> = named("session_end")
        .iter()
        .map(|e| e["how"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ends, ["quit", "quit"], "{events:?}");
    assert_eq!(named("sign_in").len(), 2);
    assert_eq!(named("stopping")[0]["signal"], "SIGTERM");
    let all = log.lines().join("\n");
    assert!(
        !all.contains(&code) && !all.contains(&code.replace('-', "")),
        "{all}"
    );
}

/// `ssh -tt` to `server` as `user` (`agent`, `agent-nl`) with the private key `key`,
/// running `command` if any, in a pseudo-terminal of 80×24.
fn agent_in_terminal(
    server: &Server,
    user: &str,
    key: &std::path::Path,
    command: Option<&str>,
) -> Wizard {
    let mut args = vec!["-tt".to_owned(), "-i".to_owned(), key.display().to_string()];
    args.extend(server.ssh_args(user));
    args.push("127.0.0.1".to_owned());
    args.extend(command.map(str::to_owned));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Wizard::start_program("ssh", &args, &[("TERM", "xterm-256color")])
}

/// `ssh -T` to `server` as `user` (with `key` if any) running `command`, no input.
fn run_as(
    server: &Server,
    user: &str,
    key: Option<&std::path::Path>,
    command: &str,
) -> std::process::Output {
    let mut args = Vec::new();
    if let Some(key) = key {
        args.extend(["-i".to_owned(), key.display().to_string()]);
    }
    args.extend(server.plain_args(user, Some(command)));
    ssh(&args, "")
}

/// The transcripts printed between the marker lines in `out`.
fn in_band(out: &str) -> Vec<String> {
    out.split("-----BEGIN SIGNIN-DOCTOR TRANSCRIPT-----\n")
        .skip(1)
        .map(|rest| {
            rest.split("\n-----END SIGNIN-DOCTOR TRANSCRIPT-----")
                .next()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[test]
fn in_plain_lines_s_prints_the_transcript_between_markers_and_the_call_is_fetched_by_its_id() {
    if !have_ssh() {
        return;
    }
    let (server, agent_key, partner_key) = Server::with_listed_key("--agent-keys", &["--open"]);
    let input = format!("1\nn {AGENT_NOTE}\ns\ny\nq\n");
    let output = server.plain_with_key("agent", &agent_key, &input);
    let out = text(&output.stdout);
    assert_eq!(output.status.code(), Some(130), "{out}");
    // `s`, `y` and the end: three transcripts, each whole, the note with its author.
    let shown = in_band(&out);
    assert_eq!(shown.len(), 3, "{out}");
    for transcript in &shown {
        assert!(transcript.starts_with("# "), "{transcript}");
        assert!(
            transcript.contains(&format!("(agent): {AGENT_NOTE}")),
            "{transcript}"
        );
    }
    assert!(!out.contains("Not understood"), "{out}");
    // The end says which call the server keeps, and how to fetch it.
    let kept = out
        .lines()
        .find(|line| line.contains("its transcript is kept on the server for 30 days"))
        .unwrap_or_else(|| panic!("{out}"));
    let id = kept
        .split_whitespace()
        .nth(1)
        .unwrap()
        .trim_end_matches(':')
        .to_owned();
    assert!(
        kept.contains(&format!("ssh agent@HOST transcript {id}")),
        "{kept}"
    );

    let fetched = run_as(
        &server,
        "agent",
        Some(&agent_key),
        &format!("transcript {id}"),
    );
    assert_eq!(fetched.status.code(), Some(0), "{}", text(&fetched.stderr));
    // The same transcript, but for the end time (made a moment apart).
    let timeless = |markdown: &str| -> Vec<String> {
        markdown
            .lines()
            .filter(|line| !line.contains("**Ended:**"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(timeless(&text(&fetched.stdout)), timeless(&shown[2]));
    let json = run_as(
        &server,
        "agent",
        Some(&agent_key),
        &format!("transcript {id} --json"),
    );
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["notes"][0]["author"], "agent");
    assert_eq!(json["notes"][0]["text"], AGENT_NOTE);

    // Kept private, 0600, in the state folder.
    let file = server
        .state_dir()
        .join("transcripts")
        .join(format!("{id}.md"));
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );

    // Only agents fetch transcripts.
    for (user, key) in [("partner", Some(partner_key.as_path())), ("partner", None)] {
        let refused = run_as(&server, user, key, &format!("transcript {id}"));
        assert_eq!(refused.status.code(), Some(2));
        assert!(
            text(&refused.stderr).contains("only helpdesk agents can fetch a call's transcript"),
            "{}",
            text(&refused.stderr)
        );
        assert!(refused.stdout.is_empty());
    }
    let unknown = run_as(
        &server,
        "agent",
        Some(&agent_key),
        "transcript 0123456789ab",
    );
    assert!(text(&unknown.stderr).contains("no transcript of call 0123456789ab"));
}

#[test]
fn full_screen_s_shows_the_transcript_to_select_each_side_its_own_and_the_ending_names_the_call() {
    if !have_ssh() {
        return;
    }
    let (server, agent_key, _) = Server::with_listed_key("--agent-keys", &["--open"]);
    let mut partner = server.full_screen();
    partner.wait_for(FIRST_QUESTION);
    partner.pick("Something else");
    partner.wait_for("Which of these comes closest?");
    partner.send("h");
    let code = code_on(&partner);
    let mut agent = agent_in_terminal(&server, "agent", &agent_key, Some(&format!("join {code}")));
    agent.wait_for("Say to the caller");
    // Over SSH `s` shows the transcript, and the hints say so.
    agent.wait_for("s transcript · y copy");
    assert!(!agent.words().contains("s save"), "{}", agent.words());
    agent.send("n");
    agent.send(&format!("{AGENT_NOTE}\r"));
    agent.wait_for("Note added");

    // The agent's view: the whole transcript with the note, over the screen, to select.
    agent.send("s");
    agent.wait_for("Transcript of this call · Call ");
    agent.wait_for(&format!("(agent): {AGENT_NOTE}"));
    agent.wait_for("Esc back");
    agent.send("\x1b");
    agent.wait_until("the view closed", |w| !w.words().contains("Esc back"));

    // The partner's view has no agent note.
    partner.send("s");
    partner.wait_for("Transcript of this call");
    partner.wait_for("Questions and answers");
    assert!(
        !partner.words().contains("Jan de Vries"),
        "{}",
        partner.words()
    );
    partner.send("\x1b");

    // The ending names the call; the transcript was shown, so q leaves at once.
    agent.pick("None of these");
    agent.wait_for("Contact Microsoft support");
    agent.wait_for("s shows its transcript, y copies it.");
    agent.send("q");
    assert_eq!(agent.exit_code(), 0);
    partner.send("q");
    partner.exit_code();

    // Fetched later by the code the agent joined with.
    let fetched = run_as(
        &server,
        "agent",
        Some(&agent_key),
        &format!("transcript {code}"),
    );
    assert_eq!(fetched.status.code(), Some(0), "{}", text(&fetched.stderr));
    let markdown = text(&fetched.stdout);
    assert!(
        markdown.contains(&format!("(agent): {AGENT_NOTE}")),
        "{markdown}"
    );
    assert!(markdown.contains("Contact Microsoft support"), "{markdown}");
}

#[test]
fn an_agent_leaving_an_ending_without_the_transcript_is_asked_once() {
    if !have_ssh() {
        return;
    }
    let (server, agent_key, _) = Server::with_listed_key("--agent-keys", &["--open"]);
    let mut agent = agent_in_terminal(&server, "agent", &agent_key, None);
    agent.wait_for(FIRST_QUESTION);
    agent.pick("Something else");
    agent.wait_for("Which of these comes closest?");
    agent.pick("None of these");
    agent.wait_for("Contact Microsoft support");
    assert_eq!(agent.quit_agent_ending_unsaved(), 0);
    // After the full screen, the id the call is kept under.
    agent.wait_for("its transcript is kept on the server for 30 days");
}

#[test]
fn a_dutch_callers_script_is_shown_to_the_agent_in_dutch_labelled_so() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    // A Dutch partner, full-screen.
    let mut args = vec!["-tt".to_owned()];
    args.extend(server.ssh_args("nl"));
    args.push("127.0.0.1".to_owned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut partner = Wizard::start_program("ssh", &args, &[("TERM", "xterm-256color")]);
    partner.wait_for("Wat gaat er mis met Partner Center?");
    partner.pick("wachtwoord vergeten");
    partner.wait_for("selfservice voor wachtwoordherstel");
    partner.send("h");
    partner.wait_for("Uw code voor de medewerker van de helpdesk:");
    let code = partner
        .words()
        .split("Uw code voor de medewerker van de helpdesk: ")
        .nth(1)
        .unwrap()[..7]
        .to_owned();

    // The agent works in English; the caller hears Dutch.
    let mut agent = server.command_in_terminal("helpdesk", &format!("join {code}"));
    agent.wait_for("Live: the partner sees every answer");
    agent.wait_for("Say to the caller (Dutch)");
    agent.wait_for("Weet u of u uw werkwachtwoord zelf opnieuw kunt instellen");
    agent.wait_for(SSPR_QUESTION);
    // The next step's script too.
    partner.pick("Ja");
    agent.wait_for("Laten we kijken of u het wachtwoord zelf opnieuw kunt instellen");
    // The agent's transcript, in English, says which language the caller sees.
    agent.send("s");
    agent.wait_for("**Language:** en · **Caller's language:** Dutch (nl)");
    agent.send("\x1b");
    agent.wait_until("the view closed", |w| !w.words().contains("Esc back"));
    agent.send("q");
    agent.exit_code();
    partner.send("q");
    partner.exit_code();

    // A Dutch partner in plain lines, taken over from the save by an English agent.
    let said = text(&server.plain("nl", None, "1\nh\nq\n").stdout);
    let code = said
        .split("Uw code voor de medewerker van de helpdesk: ")
        .nth(1)
        .map(|rest| rest[..7].to_owned())
        .unwrap_or_else(|| panic!("{said}"));
    let out = text(
        &server
            .plain("helpdesk", Some(&format!("resume {code}")), "s\nq\n")
            .stdout,
    );
    let shown = in_band(&out);
    assert_eq!(shown.len(), 2, "{out}");
    for transcript in &shown {
        assert!(
            transcript.contains("**Language:** en · **Caller's language:** Dutch (nl)"),
            "{transcript}"
        );
    }
    assert!(
        out.contains("Say (Dutch): \"Weet u of u uw werkwachtwoord"),
        "{out}"
    );
    // The agent's own words stay English.
    assert!(
        out.contains("Call time:") && out.contains("Path so far:"),
        "{out}"
    );
    assert!(!out.contains("Gespreksduur"), "{out}");
}

/// How the partner leaves the agent in a case of the matrix.
#[derive(Debug, Clone, Copy)]
enum PartnerLeaves {
    /// The partner presses `x`: the sharing ends, both stay connected.
    StopsSharing,
    /// The partner's SSH client is killed: the connection drops.
    Drops,
    /// The partner quits the wizard (`q`), which closes their connection.
    Quits,
}

/// One side of a served call: the full-screen wizard (`ssh -tt`, keys) or plain lines
/// (`ssh -T` from a terminal, one command a line).
struct Side {
    wizard: Wizard,
    full_screen: bool,
}

impl Side {
    /// A partner at the SSPR question who gave a hand-off code; gives the code too.
    fn partner_with_code(server: &Server, full_screen: bool) -> (Side, String) {
        let mut partner = Side {
            wizard: if full_screen {
                server.full_screen()
            } else {
                server.plain_in_terminal("partner", None)
            },
            full_screen,
        };
        partner.wizard.wait_for(FIRST_QUESTION);
        partner.command("1"); // "I forgot my password"
        partner.wizard.wait_for(SSPR_QUESTION);
        partner.command("h");
        let code = code_on(&partner.wizard);
        (partner, code)
    }

    /// An agent (user `helpdesk`) joined live with `code`.
    fn agent_joining(server: &Server, code: &str, full_screen: bool) -> Side {
        let join = format!("join {code}");
        let wizard = if full_screen {
            let wizard = server.command_in_terminal("helpdesk", &join);
            // Tall enough for the whole transcript view without scrolling.
            wizard.resize(60, 80);
            wizard
        } else {
            server.plain_in_terminal("helpdesk", Some(&join))
        };
        Side {
            wizard,
            full_screen,
        }
    }

    /// Gives a command: a key in the full screen, a line in plain mode.
    fn command(&mut self, command: &str) {
        if self.full_screen {
            self.wizard.send(command);
        } else {
            self.wizard.send(&format!("{command}\r"));
        }
    }

    /// Writes the note `text` and waits until the wizard took it.
    fn note(&mut self, text: &str) {
        let before = self.wizard.raw().matches("Note added").count();
        if self.full_screen {
            self.wizard.send("n");
            self.wizard.send(&format!("{text}\r"));
        } else {
            self.wizard.send(&format!("n {text}\r"));
        }
        self.wizard.wait_until("the note added", |w| {
            // Plain lines print it anew each time; the full screen shows it once until
            // something else takes the status row.
            let now = w.raw().matches("Note added").count();
            now > before || (self.full_screen && w.words().contains("Note added"))
        });
    }

    /// The transcript `s` shows: the view in the full screen (as its words), the last
    /// one printed between the marker lines in plain mode.
    fn shown_transcript(&mut self) -> String {
        if self.full_screen {
            self.wizard.send("s");
            self.wizard.wait_for("Transcript of this call");
            self.wizard.wait_for("Esc back");
            self.wizard.words()
        } else {
            let before = in_band(&self.wizard.raw().replace('\r', "")).len();
            self.command("s");
            self.wizard.wait_until("the transcript printed", |w| {
                in_band(&w.raw().replace('\r', "")).len() > before
            });
            in_band(&self.wizard.raw().replace('\r', "")).pop().unwrap()
        }
    }
}

/// Asserts `transcript` holds each of `texts`, in `case`.
fn assert_holds(case: &str, transcript: &str, texts: &[String]) {
    // Lines of a view may wrap anywhere between words: compare words only.
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let transcript = words(transcript);
    for text in texts {
        assert!(
            transcript.contains(&words(text)),
            "{case}: the agent's transcript lacks {text:?}:\n{transcript}"
        );
    }
}

/// One case of the matrix on `server`: a partner (full screen or plain) gives a code, an
/// agent (full screen or plain) joins live and writes a note, the partner answers (and,
/// full screen, writes a note of their own), then leaves as `leaves` says; the agent,
/// told, writes another note and finishes the call alone. The agent's `s` transcript
/// holds every note with its author and every answer, and so does the end's record.
fn agent_keeps_the_call(
    server: &Server,
    partner_full_screen: bool,
    agent_full_screen: bool,
    leaves: PartnerLeaves,
) {
    let mode = |full: bool| if full { "full-screen" } else { "plain" };
    let case = format!(
        "{} agent, {} partner, partner {leaves:?}",
        mode(agent_full_screen),
        mode(partner_full_screen)
    );
    eprintln!("case: {case}");
    let before_note = format!("before the partner left ({case})");
    let after_note = format!("after the partner left ({case})");
    let partner_note = "my phone is new";

    let (mut partner, code) = Side::partner_with_code(server, partner_full_screen);
    let mut agent = Side::agent_joining(server, &code, agent_full_screen);
    agent.wizard.wait_for(SSPR_QUESTION);
    agent
        .wizard
        .wait_for("Live: the partner sees every answer you give");
    partner.wizard.wait_for("A helpdesk agent is with you");
    agent.note(&before_note);
    // The partner answers; the agent follows.
    partner.command("2"); // "No, it's not turned on"
    agent.wizard.wait_for(WHO_RESETS_QUESTION);
    partner.wizard.wait_for(WHO_RESETS_QUESTION);
    if !partner_full_screen {
        // The agent's note reached the partner's side before this answer, and showed
        // nothing there: not the note, not even the prompt once more.
        let raw = partner.wizard.raw().replace('\r', "");
        let joined = raw.find("A helpdesk agent is with you").unwrap();
        let meanwhile = &raw[joined..];
        let meanwhile = &meanwhile[..meanwhile.find(WHO_RESETS_QUESTION).unwrap()];
        assert_eq!(
            meanwhile.matches("Type a number").count(),
            1,
            "{case}: {meanwhile}"
        );
        assert!(!meanwhile.contains(&before_note), "{case}: {meanwhile}");
    }
    if partner_full_screen {
        partner.note(partner_note);
        agent.wizard.wait_for(partner_note);
    }

    match leaves {
        PartnerLeaves::StopsSharing => {
            partner.command("x");
            partner.wizard.wait_for("Sharing stopped");
            agent
                .wizard
                .wait_for("The partner stopped sharing the session");
        }
        PartnerLeaves::Drops => {
            partner.wizard.signal(nix::sys::signal::Signal::SIGKILL);
            agent.wizard.wait_for("The partner's connection ended");
        }
        PartnerLeaves::Quits => {
            partner.command("q");
            assert_eq!(partner.wizard.exit_code(), 130, "{case}");
            agent.wizard.wait_for("The partner's connection ended");
        }
    }
    agent.note(&after_note);

    let mut expected = vec![
        PASSWORD_ANSWER.to_owned(),
        "No, it's not turned on".to_owned(),
        format!("(agent): {before_note}"),
        format!("(agent): {after_note}"),
    ];
    if partner_full_screen {
        expected.push(format!("(partner): {partner_note}"));
    }
    let expected_with_ending: Vec<String> = expected
        .iter()
        .cloned()
        .chain([ADMIN_ANSWER.to_owned(), ADMIN_ENDING.to_owned()])
        .collect();

    if agent_full_screen {
        // To the ending alone, then the transcript view.
        agent.command("1");
        agent.wizard.wait_for(ADMIN_ENDING);
        let shown = agent.shown_transcript();
        assert_holds(&case, &shown, &expected_with_ending);
        agent.wizard.send("\x1b");
        agent
            .wizard
            .wait_until("the view closed", |w| !w.words().contains("Esc back"));
        // Shown already: q leaves at once.
        agent.wizard.send("q");
        assert_eq!(agent.wizard.exit_code(), 0, "{case}");
    } else {
        let shown = agent.shown_transcript();
        assert_holds(&case, &shown, &expected);
        // To the ending alone: the end prints the whole transcript once more.
        agent.command("1");
        assert_eq!(agent.wizard.exit_code(), 0, "{case}");
        let last = in_band(&agent.wizard.raw().replace('\r', ""))
            .pop()
            .unwrap();
        assert_holds(&case, &last, &expected_with_ending);
    }

    if let PartnerLeaves::StopsSharing = leaves {
        // The partner goes on alone; their own record never held the agent's notes.
        partner.command("q");
        assert_eq!(partner.wizard.exit_code(), 130, "{case}");
    }
}

const WHO_RESETS_QUESTION: &str = "Who can set a new password for you?";
const ADMIN_ANSWER: &str = "Our global admin: yes, I can reach them";
const ADMIN_ENDING: &str = "Ask your global admin for a new password";

/// Every pair of modes: (partner full screen, agent full screen).
const PAIRS: [(bool, bool); 4] = [(true, true), (true, false), (false, true), (false, false)];

/// [`agent_keeps_the_call`] for every pair of modes, one after the other on one server.
fn every_pair_when_the_partner(leaves: PartnerLeaves) {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    for (partner_full_screen, agent_full_screen) in PAIRS {
        agent_keeps_the_call(&server, partner_full_screen, agent_full_screen, leaves);
    }
}

#[test]
fn whichever_modes_the_agent_keeps_every_note_when_the_partner_stops_sharing() {
    every_pair_when_the_partner(PartnerLeaves::StopsSharing);
}

#[test]
fn whichever_modes_the_agent_keeps_every_note_when_the_partner_drops() {
    every_pair_when_the_partner(PartnerLeaves::Drops);
}

#[test]
fn whichever_modes_the_agent_keeps_every_note_when_the_partner_quits() {
    every_pair_when_the_partner(PartnerLeaves::Quits);
}

#[test]
fn a_dutch_agents_keys_over_ssh_say_s_shows_the_transcript_at_80x24_and_40x12() {
    if !have_ssh() {
        return;
    }
    let (server, agent_key, _) = Server::with_listed_key("--agent-keys", &["--open"]);
    let mut agent = agent_in_terminal(&server, "agent-nl", &agent_key, None);
    agent.wait_for("Wat gaat er mis met Partner Center?");
    agent.wait_for("s verslag · y kopiëren");
    assert!(!agent.words().contains("opslaan"), "{}", agent.words());
    // At 40×12 the help says what `s` does (the hints keep only help and quit there).
    agent.resize(12, 40);
    agent.wait_until("the small screen", |w| w.rows().len() == 12);
    agent.wait_for("? uitleg · q stoppen");
    agent.send("?");
    agent.wait_for("Toetsen");
    agent.send("\x1b[6~"); // PgDn: a box's page on
    agent.wait_for("het verslag tonen, om");
    assert!(!agent.words().contains("opslaan"), "{}", agent.words());
    agent.send("q");
    agent.send("q");
    agent.exit_code();
}

/// The save a hand-off `code` (as `K7P-2QX`) continues, as its ticket in `server`'s
/// state folder names it.
fn save_of_code(server: &Server, code: &str) -> String {
    let ticket = server
        .state_dir()
        .join("handoff")
        .join(format!("{}.json", code.replace('-', "")));
    let ticket: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(ticket).unwrap()).unwrap();
    let save = server.state_dir().join(ticket["save"].as_str().unwrap());
    std::fs::read_to_string(save).unwrap()
}

/// The code a goodbye on `screen` gives to go on with: `resume K7P-2QX`.
fn goodbye_code(words: &str) -> String {
    let after = words
        .split("resume ")
        .nth(1)
        .unwrap_or_else(|| panic!("no code to resume with: {words}"));
    after[..7].to_owned()
}

#[test]
fn a_server_stopping_gives_an_agent_left_alone_a_code_to_their_own_save_with_every_note() {
    if !have_ssh() {
        return;
    }
    let mut server = Server::start(&["--open"]);
    let (mut partner, code) = Side::partner_with_code(&server, true);
    let mut agent = Side::agent_joining(&server, &code, false);
    agent.wizard.wait_for(SSPR_QUESTION);
    partner.wizard.wait_for("A helpdesk agent is with you");
    agent.note("while shared");
    partner.command("x");
    agent
        .wizard
        .wait_for("The partner stopped sharing the session");
    // Alone, the agent answers and writes on, in a save of their own.
    agent.command("2");
    agent.wizard.wait_for(WHO_RESETS_QUESTION);
    agent.note("after the sharing ended");

    stop(&mut server);
    let stopping = "The server is stopping, so this session is closed.";
    agent.wizard.wait_for(stopping);
    partner.wizard.wait_for(stopping);
    // The agent's code continues the agent's call, every note in it; the partner's
    // their own session, which never held what the agent did alone.
    let agents = save_of_code(&server, &goodbye_code(&agent.wizard.words()));
    for text in ["while shared", "after the sharing ended", "\"choice\": 1"] {
        assert!(agents.contains(text), "{text:?} not in {agents}");
    }
    let partners = save_of_code(&server, &goodbye_code(&partner.wizard.words()));
    assert!(!partners.contains("after the sharing ended"), "{partners}");
}
