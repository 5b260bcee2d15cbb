//! `serve` with the real OpenSSH client: the full-screen wizard through `ssh -tt` in a
//! pseudo-terminal, plain mode through `ssh -T` in English and Dutch, and what the server
//! refuses (commands, port forwarding both ways, a key it does not know). Every server
//! listens on 127.0.0.1 on a free port with a state folder of its own and is killed by its
//! test. With `CI` set, a missing `ssh` fails the tests instead of skipping them.

mod common;

use std::io::Read;
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use common::serve::*;

const FIRST_QUESTION: &str = "What is going wrong with Partner Center?";
const FIRST_QUESTION_NL: &str = "Wat gaat er mis met Partner Center?";

#[test]
fn the_full_screen_wizard_over_ssh_follows_keys_and_resizes_back_and_ends_with_0() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    let mut wizard = server.full_screen();
    wizard.wait_for(FIRST_QUESTION);
    assert_eq!(wizard.selected(), Some(1));

    // Arrow keys arrive as escape sequences and move the selection.
    wizard.send("\x1b[B\x1b[B");
    wizard.wait_until("the third answer selected", |w| w.selected() == Some(3));
    wizard.send("\x1b[A");
    wizard.wait_until("the second answer selected", |w| w.selected() == Some(2));

    // A narrower window reaches the server, which wraps the answers anew: the first one's
    // end on a row of its own (a frame for 80 columns cut at 40 would not show that).
    wizard.resize(24, 40);
    wizard.wait_until("the first answer wrapped at 40 columns", |w| {
        w.rows()
            .iter()
            .any(|row| row.trim_start().starts_with("sign in with it"))
    });
    wizard.resize(24, 80);
    wizard.wait_until("the first answer on one row again", |w| {
        w.rows()
            .iter()
            .any(|row| row.contains("password or can't sign in with it"))
    });

    // An answer, back, and on to an ending.
    wizard.pick("Something else");
    wizard.wait_for("Which of these comes closest?");
    wizard.send("b");
    wizard.wait_for(FIRST_QUESTION);
    wizard.pick("Something else");
    wizard.wait_for("Which of these comes closest?");
    wizard.pick("None of these");
    wizard.wait_for("Contact Microsoft support");
    wizard.send("q");
    assert_eq!(
        wizard.exit_code(),
        0,
        "leaving from an ending exits 0 through ssh"
    );
    wizard.assert_terminal_restored();
    let log = server.log_lines();
    assert_eq!(log.len(), 1, "one outcome recorded: {log:?}");
    assert!(
        log[0].contains("\"outcome\":\"contact-support\"")
            && log[0].contains("\"abandoned\":false"),
        "{}",
        log[0]
    );
}

#[test]
fn quitting_the_full_screen_wizard_over_ssh_exits_130() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    let mut wizard = server.full_screen();
    wizard.wait_for(FIRST_QUESTION);
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 130);
}

#[test]
fn a_dumb_terminal_gets_plain_lines_that_the_server_echoes_and_edits() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    let mut wizard = server.in_terminal("dumb");
    wizard.wait_for("1) I forgot my password");
    // A typo rubbed out with Backspace: the line that counts is "1".
    wizard.send("9\x7f1\r");
    wizard.wait_for("Has your company turned on self-service password reset?");
    assert!(!wizard.raw().contains("\x1b[?1049h"), "no full screen");
    wizard.send("q\r");
    assert_eq!(wizard.exit_code(), 130);
}

#[test]
fn ssh_without_a_terminal_gets_plain_lines_in_english_and_dutch() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    let args = server.plain_args("partner", None);
    // Forgot the password, reset is on, the reset fixed it: an ending, exit 0.
    let english = ssh(&args, "1\n1\n1\n");
    let out = text(&english.stdout);
    assert!(out.contains(FIRST_QUESTION), "{out}");
    assert!(out.contains("1) I forgot my password"), "{out}");
    assert!(out.contains("Reset your password yourself"), "{out}");
    assert!(
        !out.contains('\x1b'),
        "plain lines hold no escape sequences"
    );
    assert_eq!(english.status.code(), Some(0), "{}", text(&english.stderr));

    let mut dutch_args = vec!["-o".to_owned(), "SetEnv=LANG=nl_NL.UTF-8".to_owned()];
    dutch_args.extend(args.iter().cloned());
    let dutch = ssh(&dutch_args, "q\n");
    let out = text(&dutch.stdout);
    assert!(out.contains(FIRST_QUESTION_NL), "{out}");
    assert!(!out.contains(FIRST_QUESTION), "{out}");
    assert_eq!(dutch.status.code(), Some(130), "quit before an ending");

    // A user name of `nl` chooses Dutch too.
    let out = text(&server.plain("nl", None, "q\n").stdout);
    assert!(out.contains(FIRST_QUESTION_NL), "{out}");
}

#[test]
fn commands_and_port_forwarding_are_refused() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    let mut args = server.ssh_args("partner");
    args.push("127.0.0.1".to_owned());

    let mut ls = args.clone();
    ls.push("ls".to_owned());
    let refused = ssh(&ls, "");
    let problem = text(&refused.stderr);
    assert_eq!(refused.status.code(), Some(2), "{problem}");
    assert!(
        problem.contains("runs only the sign-in wizard, not `ls`"),
        "{problem}"
    );
    assert!(refused.stdout.is_empty());

    // `join` without a code is told what it lacks.
    let mut join = args.clone();
    join.push("join".to_owned());
    let refused = ssh(&join, "");
    let problem = text(&refused.stderr);
    assert_eq!(refused.status.code(), Some(2), "{problem}");
    assert!(
        problem.contains("`join` needs the partner's hand-off code after it"),
        "{problem}"
    );
    assert!(!problem.contains("not `join`"), "{problem}");

    // `plain` as a command is plain mode.
    let mut plain = args.clone();
    plain.push("plain".to_owned());
    let out = text(&ssh(&plain, "q\n").stdout);
    assert!(out.contains("1) I forgot my password"), "{out}");

    // Remote forwarding: the server says no, and the client gives up.
    let mut remote = vec![
        "-N".to_owned(),
        "-o".to_owned(),
        "ExitOnForwardFailure=yes".to_owned(),
        "-R".to_owned(),
        format!("127.0.0.1:{}:127.0.0.1:9", free_port()),
    ];
    remote.extend(args.iter().cloned());
    let refused = ssh(&remote, "");
    let problem = text(&refused.stderr);
    assert_eq!(refused.status.code(), Some(255), "{problem}");
    assert!(
        problem.contains("remote port forwarding failed"),
        "{problem}"
    );

    // Local forwarding: the client listens, but the server refuses every channel.
    let local_port = free_port();
    // (The client reports a refused channel at log level INFO; the first value given wins.)
    let mut local = vec![
        "-o".to_owned(),
        "LogLevel=INFO".to_owned(),
        "-N".to_owned(),
        "-L".to_owned(),
        format!("127.0.0.1:{local_port}:127.0.0.1:{}", server.port),
    ];
    local.extend(args.iter().cloned());
    let client = Command::new("ssh")
        .args(&local)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut stream = loop {
        if let Ok(stream) = TcpStream::connect(("127.0.0.1", local_port)) {
            break stream;
        }
        assert!(start.elapsed() < DEADLINE, "ssh -L did not listen");
        thread::sleep(Duration::from_millis(50));
    };
    stream.set_read_timeout(Some(DEADLINE)).unwrap();
    let mut got = Vec::new();
    let _ = stream.read_to_end(&mut got);
    assert!(
        !text(&got).starts_with("SSH-"),
        "nothing was forwarded to the server's port"
    );
    let mut client = client;
    client.kill().unwrap();
    let output = client.wait_with_output().unwrap();
    let problem = text(&output.stderr);
    assert!(problem.contains("administratively prohibited"), "{problem}");
}

#[test]
fn only_listed_keys_get_in_when_not_open() {
    if !have_ssh() {
        return;
    }
    let (server, good, wrong) = Server::with_one_key();

    let with_key = |key: &Path| server.plain_with_key("partner", key, "q\n");
    let refused = with_key(&wrong);
    let problem = text(&refused.stderr);
    assert_eq!(refused.status.code(), Some(255), "{problem}");
    assert!(problem.contains("Permission denied"), "{problem}");
    assert!(refused.stdout.is_empty());

    let admitted = with_key(&good);
    assert!(text(&admitted.stdout).contains(FIRST_QUESTION));
    assert_eq!(admitted.status.code(), Some(130));
}
