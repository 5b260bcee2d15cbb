//! A terminal that goes away keeps the session for `--resume`, the same in every front
//! end: plain mode whose terminal input ends or that is hung up or stopped by a signal,
//! the full-screen wizard hung up (a window closed without SIGHUP: `tui_agent/hangup.rs`),
//! and a served session whose SSH client is gone — a partner's, or an agent's left alone
//! after the partner stopped sharing. Each time the save is still there, not set aside,
//! nothing is in the outcome log, and `--resume` continues at the step reached.
//! With `CI` set, a missing `ssh` fails the served tests.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::pty::Wizard;
use common::serve::{Server, files, have_ssh, served_folder, wait_until_let_go};
use nix::sys::signal::Signal;

const FIRST_QUESTION: &str = "What is going wrong with Partner Center?";
/// The question after the first answer, "I forgot my password".
const SECOND_QUESTION: &str = "Has your company turned on self-service password reset?";
const RESUME_HINT: &str = "continue it with: signin-doctor --resume";

/// A folder of the test's own with the `--state-dir` and `--log` arguments into it.
struct Records {
    dir: tempfile::TempDir,
}

impl Records {
    fn new() -> Records {
        Records {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn state(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    fn log(&self) -> PathBuf {
        self.dir.path().join("log.jsonl")
    }

    fn args(&self, more: &[&str]) -> Vec<String> {
        let mut args = vec![
            "--state-dir".to_owned(),
            self.state().display().to_string(),
            "--log".to_owned(),
            self.log().display().to_string(),
        ];
        args.extend(more.iter().map(|s| s.to_string()));
        args
    }

    /// The wizard with these records in a pseudo-terminal, answered "I forgot my
    /// password" (so its save holds one answer), at the second question.
    fn at_second_question(&self, more: &[&str], enter: &str) -> Wizard {
        let args = self.args(more);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut wizard = Wizard::start(&args);
        wizard.wait_for(FIRST_QUESTION);
        wizard.send(&format!("1{enter}"));
        wizard.wait_for(SECOND_QUESTION);
        wizard
    }
}

/// Asserts the session saved in `state` was kept as the walk left it — one save, none
/// set aside, no record in the outcome `log` — and that `--resume` continues it at the
/// second question with the first answer on its path.
fn assert_kept_for_resume(state: &Path, log: &Path, how: &str) {
    let saves = files(state, ".json");
    assert_eq!(saves.len(), 1, "{how}: the save is kept: {saves:?}");
    assert!(
        files(state, ".abandoned.json").is_empty(),
        "{how}: not set aside"
    );
    let logged = std::fs::read_to_string(log).unwrap_or_default();
    assert!(logged.is_empty(), "{how}: not logged as ended: {logged}");

    // Quitting the resumed walk logs it: into a log of its own, not the one checked.
    let elsewhere = tempfile::tempdir().unwrap();
    let log = elsewhere.path().join("log.jsonl").display().to_string();
    let state = state.display().to_string();
    let resumed = common::run(
        &[
            "--plain",
            "--agent",
            "--state-dir",
            &state,
            "--log",
            &log,
            "--resume",
        ],
        "q\n",
    );
    let out = String::from_utf8_lossy(&resumed.stdout);
    assert!(out.contains(SECOND_QUESTION), "{how}: resumed at:\n{out}");
    assert!(
        out.contains("I forgot my password"),
        "{how}: the first answer is on the path:\n{out}"
    );
}

#[test]
fn plain_mode_keeps_the_session_when_its_terminal_input_ends() {
    let records = Records::new();
    let mut wizard = records.at_second_question(&["--plain"], "\r");
    wizard.send("\x04"); // Ctrl-D: the end of the terminal's input.
    assert_eq!(wizard.exit_code(), 130);
    assert!(wizard.words().contains(RESUME_HINT), "{}", wizard.words());
    assert_kept_for_resume(&records.state(), &records.log(), "end of input");
}

#[test]
fn plain_mode_hung_up_or_stopped_keeps_the_session_as_full_screen_does() {
    for signal in [Signal::SIGHUP, Signal::SIGTERM, Signal::SIGINT] {
        let records = Records::new();
        let mut wizard = records.at_second_question(&["--plain"], "\r");
        wizard.signal(signal);
        assert_eq!(wizard.exit_code(), 130, "{signal}");
        assert!(
            wizard.words().contains(RESUME_HINT),
            "{signal}: {}",
            wizard.words()
        );
        assert_kept_for_resume(&records.state(), &records.log(), signal.as_str());
    }
}

#[test]
fn the_full_screen_wizard_hung_up_keeps_the_session() {
    let records = Records::new();
    let mut wizard = records.at_second_question(&[], "");
    wizard.signal(Signal::SIGHUP);
    assert_eq!(wizard.exit_code(), 130);
    assert_kept_for_resume(&records.state(), &records.log(), "full-screen SIGHUP");
}

#[test]
fn a_served_session_keeps_the_session_when_its_client_disconnects() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    let log = server.dir.path().join("outcomes.jsonl");

    // Full-screen: the ssh client killed, its connection dropped.
    let mut wizard = server.full_screen();
    wizard.wait_for(FIRST_QUESTION);
    wizard.send("1");
    wizard.wait_for(SECOND_QUESTION);
    let folder = served_folder(&server);
    wizard.signal(Signal::SIGKILL);
    wait_until_let_go(&folder);
    assert_kept_for_resume(&folder, &log, "served full-screen");
    std::fs::remove_dir_all(&folder).unwrap();

    // Plain mode (`ssh -T`), its input still open when the client goes.
    let mut client = std::process::Command::new("ssh")
        .args(server.plain_args("partner", None))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut typing = client.stdin.take().unwrap();
    std::io::Write::write_all(&mut typing, b"1\n").unwrap();
    let folder = served_folder(&server);
    let save = files(&folder, ".json").pop().unwrap();
    let start = Instant::now();
    while !std::fs::read_to_string(&save)
        .unwrap_or_default()
        .contains("\"choice\": 0")
    {
        assert!(start.elapsed() < Duration::from_secs(10), "no answer saved");
        std::thread::sleep(Duration::from_millis(20));
    }
    client.kill().unwrap();
    client.wait().unwrap();
    wait_until_let_go(&folder);
    assert_kept_for_resume(&folder, &log, "served plain");
}

#[test]
fn an_agent_left_alone_keeps_the_call_when_its_own_client_disconnects() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    let log = server.dir.path().join("outcomes.jsonl");
    let mut partner = server.full_screen();
    partner.wait_for(FIRST_QUESTION);
    partner.send("1");
    partner.wait_for(SECOND_QUESTION);
    partner.send("h");
    partner.wait_for("Your code for the helpdesk agent:");
    let words = partner.words();
    let code = &words
        .split("Your code for the helpdesk agent: ")
        .nth(1)
        .unwrap()[..7];
    let mut agent = server.plain_in_terminal("helpdesk", Some(&format!("join {code}")));
    agent.wait_for(SECOND_QUESTION);
    partner.wait_for("A helpdesk agent is with you");
    // The partner stops the sharing; the agent, alone now, writes a note.
    partner.send("x");
    agent.wait_for("The partner stopped sharing the session");
    agent.send("n caller reads the code out\r");
    agent.wait_for("Note added");
    // The agent's client goes away: their call is kept, not ended.
    agent.signal(Signal::SIGKILL);
    let start = Instant::now();
    let own = loop {
        let kept: Vec<PathBuf> = files(&server.state_dir().join("served"), "")
            .iter()
            .flat_map(|folder| files(folder, ".json"))
            .filter(|save| {
                std::fs::read_to_string(save)
                    .unwrap_or_default()
                    .contains("caller reads the code out")
            })
            .collect();
        if let [save] = kept.as_slice() {
            break save.clone();
        }
        assert!(start.elapsed() < Duration::from_secs(10), "{kept:?}");
        std::thread::sleep(Duration::from_millis(20));
    };
    let folder = own.parent().unwrap().to_owned();
    wait_until_let_go(&folder);
    assert!(
        !own.to_string_lossy().ends_with(".abandoned.json"),
        "kept as it was, not set aside: {own:?}"
    );
    let logged = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(logged.is_empty(), "not logged as ended: {logged}");
    partner.send("q");
    assert_eq!(partner.exit_code(), 130);
}
