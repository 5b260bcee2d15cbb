//! `serve` with the real OpenSSH client: the full-screen wizard through `ssh -tt` in a
//! pseudo-terminal, plain mode through `ssh -T` in English and Dutch, and what the server
//! refuses (commands, port forwarding both ways, a key it does not know). Every server
//! listens on 127.0.0.1 on a free port with a state folder of its own and is killed by its
//! test. With `CI` set, a missing `ssh` fails the tests instead of skipping them.

mod common;

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use common::pty::Wizard;

const FIRST_QUESTION: &str = "What is going wrong with Partner Center?";
const FIRST_QUESTION_NL: &str = "Wat gaat er mis met Partner Center?";
/// How long anything may take before a test fails.
const DEADLINE: Duration = Duration::from_secs(15);

/// Whether the OpenSSH client is here; without it the test is skipped, unless CI requires it.
fn have_ssh() -> bool {
    let found = Command::new("ssh")
        .arg("-V")
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found && std::env::var_os("CI").is_some() {
        panic!("the OpenSSH client `ssh` is required in CI (apt-get install openssh-client)");
    }
    if !found {
        eprintln!("skipped: no `ssh` here");
    }
    found
}

/// A port nobody listens on now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A `serve` process on 127.0.0.1, killed when dropped, with its own folder.
struct Server {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl Server {
    /// Starts `serve` with `args` and waits until it takes connections.
    fn start(args: &[&str]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        Server::start_in(dir, args)
    }

    /// Starts `serve` in `dir` (which may hold keys for `args`).
    fn start_in(dir: tempfile::TempDir, args: &[&str]) -> Server {
        let port = free_port();
        let listen = format!("127.0.0.1:{port}");
        let state = dir.path().join("state");
        let log = dir.path().join("outcomes.jsonl");
        let mut all = vec!["serve", "--listen", &listen];
        let (state, log) = (state.to_str().unwrap(), log.to_str().unwrap());
        all.extend(["--state-dir", state, "--log", log]);
        all.extend(args);
        let mut command = common::binary(&all);
        command.stdin(Stdio::null()).stdout(Stdio::null());
        let child = command.spawn().unwrap();
        let server = Server { child, port, dir };
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(start.elapsed() < DEADLINE, "serve did not start listening");
            thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// The client options every test uses: this server, a throwaway known_hosts, no
    /// questions, no user configuration.
    fn ssh_args(&self, user: &str) -> Vec<String> {
        let known = self.dir.path().join("known_hosts");
        [
            "-F",
            "/dev/null",
            "-p",
            &self.port.to_string(),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            &format!("UserKnownHostsFile={}", known.display()),
            "-o",
            "BatchMode=yes",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "ConnectTimeout=5",
            "-o",
            "IdentitiesOnly=yes",
            "-l",
            user,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    /// `ssh -tt` to this server in a pseudo-terminal of 80×24, as `xterm-256color`.
    fn full_screen(&self) -> Wizard {
        self.in_terminal("xterm-256color")
    }

    /// `ssh -tt` to this server in a pseudo-terminal of 80×24 of type `term`.
    fn in_terminal(&self, term: &str) -> Wizard {
        let mut args = vec!["-tt".to_owned()];
        args.extend(self.ssh_args("partner"));
        args.push("127.0.0.1".to_owned());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Wizard::start_program("ssh", &args, &[("TERM", term)])
    }

    /// The outcome log's lines.
    fn log_lines(&self) -> Vec<String> {
        std::fs::read_to_string(self.dir.path().join("outcomes.jsonl"))
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `ssh` with `args` and `input` on its stdin, within the deadline.
fn ssh(args: &[String], input: &str) -> Output {
    let mut command = Command::new("ssh");
    command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    {
        use std::io::Write;
        let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    }
    wait_output(child)
}

/// Waits for `child` within the deadline, killing it if it takes longer.
fn wait_output(mut child: Child) -> Output {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > DEADLINE {
            child.kill().unwrap();
            let output = child.wait_with_output().unwrap();
            panic!(
                "ssh did not finish; it printed:\n{}\n{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
        }
        thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Makes an ed25519 key pair `name` in `dir` with `ssh-keygen`; gives the private key's path.
fn keygen(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    path
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

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

    // A narrower window reaches the server, which wraps the long answer anew.
    wizard.resize(24, 40);
    wizard.wait_until("the long answer wrapped at 40 columns", |w| {
        w.rows()
            .iter()
            .any(|row| row.contains("invitation") && !row.contains("Wrong account"))
    });
    wizard.resize(24, 80);
    wizard.wait_until("the long answer on one row again", |w| {
        w.rows()
            .iter()
            .any(|row| row.contains("Wrong account") && row.contains("invitation"))
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
    let mut args = vec!["-T".to_owned()];
    args.extend(server.ssh_args("partner"));
    args.push("127.0.0.1".to_owned());
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
    let mut nl_args = vec!["-T".to_owned()];
    nl_args.extend(server.ssh_args("nl"));
    nl_args.push("127.0.0.1".to_owned());
    let out = text(&ssh(&nl_args, "q\n").stdout);
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
    let dir = tempfile::tempdir().unwrap();
    let good = keygen(dir.path(), "good");
    let wrong = keygen(dir.path(), "wrong");
    let listed = dir.path().join("authorized_keys");
    std::fs::copy(good.with_extension("pub"), &listed).unwrap();
    let listed = listed.to_str().unwrap().to_owned();
    let server = Server::start_in(dir, &["--authorized-keys", &listed]);

    let with_key = |key: &Path| {
        let mut args = vec!["-T".to_owned(), "-i".to_owned(), key.display().to_string()];
        args.extend(server.ssh_args("partner"));
        args.push("127.0.0.1".to_owned());
        ssh(&args, "q\n")
    };
    let refused = with_key(&wrong);
    let problem = text(&refused.stderr);
    assert_eq!(refused.status.code(), Some(255), "{problem}");
    assert!(problem.contains("Permission denied"), "{problem}");
    assert!(refused.stdout.is_empty());

    let admitted = with_key(&good);
    assert!(text(&admitted.stdout).contains(FIRST_QUESTION));
    assert_eq!(admitted.status.code(), Some(130));
}
