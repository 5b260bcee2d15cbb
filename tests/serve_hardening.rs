//! `serve` under pressure, with the real OpenSSH client: failed sign-ins limited per
//! address, overlong input refused, idle sessions and a stopping server closed with a
//! goodbye line (answers saved), terminal types deciding hyperlinks, and record-keeping
//! problems shown to the user. With `CI` set, a missing `ssh` fails the tests.

mod common;

use std::path::Path;
use std::thread;

use common::serve::*;

const FIRST_QUESTION: &str = "What is going wrong with Partner Center?";
const SUPPORT_URL: &str = "https://learn.microsoft.com/microsoft-365/admin/get-help-support";
/// The first answer to the first question ("I forgot my password") as a save file holds
/// it (choices count from 0), and "Something else".
const FIRST_ANSWER_SAVED: &str = "\"node\": \"symptom\",\n      \"choice\": 0,";
const SOMETHING_ELSE_SAVED: &str = "\"node\": \"symptom\",\n      \"choice\": 7,";

#[test]
fn an_address_with_ten_failed_sign_ins_is_refused_even_with_a_good_key() {
    if !have_ssh() {
        return;
    }
    let (server, good, wrong) = Server::with_one_key();

    // Before any failure the good key gets in.
    let admitted = server.plain_with_key("partner", &good, "q\n");
    assert!(text(&admitted.stdout).contains(FIRST_QUESTION));

    // Ten failures from 127.0.0.1 (the documented limit), tried at once.
    thread::scope(|scope| {
        let tries: Vec<_> = (0..10)
            .map(|_| scope.spawn(|| server.plain_with_key("partner", &wrong, "q\n")))
            .collect();
        for attempt in tries {
            let refused = attempt.join().unwrap();
            assert_eq!(
                refused.status.code(),
                Some(255),
                "{}",
                text(&refused.stderr)
            );
        }
    });

    // Now even the good key is refused from this address while the window lasts.
    let refused = server.plain_with_key("partner", &good, "q\n");
    let problem = text(&refused.stderr);
    assert_eq!(refused.status.code(), Some(255), "{problem}");
    assert!(problem.contains("Permission denied"), "{problem}");
    assert!(refused.stdout.is_empty());
}

/// `ssh -T` to `server` as a running child whose stdin stays open (so the session goes
/// on until the server ends it), having typed `typed`.
fn plain_client(server: &Server, typed: &str) -> (std::process::Child, std::process::ChildStdin) {
    plain_client_as(&server.plain_args("partner", None), typed)
}

/// `ssh` with `args`, typing `typed` and keeping stdin open.
fn plain_client_as(
    args: &[String],
    typed: &str,
) -> (std::process::Child, std::process::ChildStdin) {
    use std::io::Write;
    let mut child = std::process::Command::new("ssh")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(typed.as_bytes()).unwrap();
    (child, stdin)
}

/// Every file under `dir`, read, joined.
fn all_files(dir: &Path) -> String {
    let mut text = String::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                text += &all_files(&path);
            } else {
                text += &std::fs::read_to_string(&path).unwrap_or_default();
            }
        }
    }
    text
}

#[test]
fn a_line_without_end_is_refused_and_the_session_goes_on() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    let args = server.plain_args("partner", None);
    // Four megabytes with no line end, then the usual answers to an ending.
    let input = format!("{}\n1\n1\n1\n", "1".repeat(4 << 20));
    let output = ssh(&args, &input);
    let (out, problem) = (text(&output.stdout), text(&output.stderr));
    assert!(
        problem.contains("that line was longer than 64 KiB, so it was not read"),
        "{problem}"
    );
    assert_eq!(problem.matches("longer than").count(), 1, "told once");
    assert!(out.contains("Reset your password yourself"), "{out}");
    assert_eq!(output.status.code(), Some(0), "{problem}");
}

#[test]
fn an_idle_full_screen_session_says_goodbye_after_leaving_the_screen() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open", "--idle-timeout", "2"]);
    let mut wizard = server.full_screen();
    wizard.wait_for(FIRST_QUESTION);
    wizard.pick("Something else");
    wizard.wait_for("Which of these comes closest?");
    let goodbye = "No answer for 2 seconds, so this session is closed.";
    wizard.wait_for(goodbye);
    assert_eq!(wizard.exit_code(), 130, "ended before an ending");
    wizard.assert_terminal_restored();
    let raw = wizard.raw();
    let left = raw.rfind(common::pty::LEAVE_ALTERNATE_SCREEN).unwrap();
    assert!(
        raw[left..].contains(goodbye),
        "the goodbye comes after the full screen"
    );
    assert!(
        wizard
            .words()
            .contains("To go on where you were, connect with: ssh -t HOST resume "),
        "{}",
        wizard.words()
    );
    let saved = all_files(&server.dir.path().join("state"));
    assert!(
        saved.contains(SOMETHING_ELSE_SAVED),
        "the answer is saved: {saved}"
    );
}

#[test]
fn an_idle_plain_session_says_goodbye_and_keeps_its_answers() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open", "--idle-timeout", "2"]);
    let (child, stdin) = plain_client(&server, "1\n");
    let output = wait_output(child);
    drop(stdin);
    let out = text(&output.stdout);
    assert!(
        out.contains("No answer for 2 seconds, so this session is closed. Your answers so far are saved. To go on where you were, connect with: ssh -t HOST resume "),
        "{out}"
    );
    assert_eq!(output.status.code(), Some(130), "{}", text(&output.stderr));
    let saved = all_files(&server.dir.path().join("state"));
    assert!(
        saved.contains(FIRST_ANSWER_SAVED),
        "the answer is saved: {saved}"
    );
}

#[test]
fn sigterm_tells_every_user_saves_every_session_and_exits_0() {
    if !have_ssh() {
        return;
    }
    // A helpdesk agent (an agent key) with a note, a partner full-screen, one in plain lines.
    let (mut server, agent_key, _) = Server::with_listed_key("--agent-keys", &["--open"]);
    let mut wizard = server.full_screen();
    wizard.wait_for(FIRST_QUESTION);
    wizard.pick("Something else");
    wizard.wait_for("Which of these comes closest?");
    let (plain, stdin) = plain_client(&server, "1\n");
    let mut agent_args = vec!["-i".to_owned(), agent_key.display().to_string()];
    agent_args.extend(server.plain_args("agent", None));
    let note = "n caller reads out ticket 4711\n";
    let (agent, agent_stdin) = plain_client_as(&agent_args, note);
    let state = server.dir.path().join("state");
    let start = std::time::Instant::now();
    while !(all_files(&state).contains(FIRST_ANSWER_SAVED)
        && all_files(&state).contains("caller reads out ticket 4711"))
    {
        assert!(
            start.elapsed() < DEADLINE,
            "the plain sessions saved their answer and note"
        );
        thread::sleep(std::time::Duration::from_millis(50));
    }

    let pid = nix::unistd::Pid::from_raw(server.child.id() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).unwrap();
    let status = common::child::expect_exit(&mut server.child, DEADLINE, "the server should stop");
    assert_eq!(status.code(), Some(0), "a stopped server exits 0");

    let stopping = "The server is stopping, so this session is closed.";
    wizard.wait_for(stopping);
    let raw = wizard.raw();
    let left = raw.rfind(common::pty::LEAVE_ALTERNATE_SCREEN).unwrap();
    assert!(
        raw[left..].contains(stopping),
        "after leaving the full screen"
    );
    let output = wait_output(plain);
    drop(stdin);
    assert!(
        text(&output.stdout).contains(stopping),
        "{}",
        text(&output.stdout)
    );
    let agent_output = wait_output(agent);
    drop(agent_stdin);
    assert!(
        text(&agent_output.stdout).contains(stopping),
        "{}",
        text(&agent_output.stdout)
    );
    let saved = all_files(&state);
    assert!(saved.contains(SOMETHING_ELSE_SAVED), "{saved}");
    assert!(saved.contains(FIRST_ANSWER_SAVED), "{saved}");
    assert!(
        saved.contains("caller reads out ticket 4711"),
        "the agent's note is saved: {saved}"
    );
}

#[test]
fn hyperlinks_only_for_terminal_types_that_take_them() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    for (term, links) in [("xterm-256color", true), ("vt100", false), ("linux", false)] {
        let mut wizard = server.in_terminal(term);
        wizard.wait_for(FIRST_QUESTION);
        wizard.pick("Something else");
        wizard.wait_for("Which of these comes closest?");
        wizard.pick("None of these");
        wizard.wait_for("Contact Microsoft support");
        // The links are at the bottom of the ending: scroll there (End).
        wizard.send("\x1b[F");
        wizard.wait_until("the support address on screen", |w| {
            w.squeezed().contains(SUPPORT_URL)
        });
        let hyperlink = format!("\x1b]8;;{SUPPORT_URL}\x1b\\");
        if links {
            wizard.wait_until("the support address as a hyperlink", |w| {
                w.raw().contains(&hyperlink)
            });
        }
        wizard.send("q");
        assert_eq!(wizard.exit_code(), 0);
        assert_eq!(
            wizard.raw().contains("\x1b]8;"),
            links,
            "OSC 8 hyperlinks on {term}"
        );
    }
}

#[test]
fn a_failed_outcome_log_is_shown_to_the_user_over_ssh() {
    if !have_ssh() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // The log's path is a folder, so appending to it fails.
    std::fs::create_dir(dir.path().join("outcomes.jsonl")).unwrap();
    let server = Server::start_in(dir, &["--open"]);
    let args = server.plain_args("partner", None);
    let output = ssh(&args, "1\n1\n1\n");
    let shown = text(&output.stdout) + &text(&output.stderr);
    assert!(shown.contains("Reset your password yourself"), "{shown}");
    assert!(
        shown.contains("signin-doctor: the server could not write this session's records"),
        "{shown}"
    );
    // No path of the server, nothing to run on it.
    assert!(!shown.contains("outcomes.jsonl"), "{shown}");
    assert!(!shown.contains("--resume"), "{shown}");
    assert!(
        !shown.contains(&server.dir.path().display().to_string()),
        "{shown}"
    );
    assert_ne!(output.status.code(), Some(0), "{shown}");
}

#[test]
fn leaving_early_over_ssh_says_to_connect_again_not_to_run_the_program() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    for (user, again, local) in [
        (
            "en",
            "Connect again (the same ssh command) to start over.",
            "Run signin-doctor again",
        ),
        (
            "nl",
            "Maak opnieuw verbinding (met hetzelfde ssh-commando)",
            "Start signin-doctor",
        ),
    ] {
        let args = server.plain_args(user, None);
        for input in ["q\n", "1\n"] {
            // Quitting, and input ending, before an ending.
            let output = ssh(&args, input);
            let out = text(&output.stdout);
            assert!(out.contains(again), "{user} {input:?}: {out}");
            assert!(!out.contains(local), "{user} {input:?}: {out}");
            assert_eq!(output.status.code(), Some(130));
        }
    }
}
