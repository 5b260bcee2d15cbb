//! Agent mode in the full-screen wizard, driven in a pseudo-terminal: what to say in
//! Dutch and the path pane; a note, a search and jump, and `b` undoing the jump; the
//! resume test of issue 4 (three answers and a note, SIGKILL, `--resume`); and `s` / `y`.
//!
//! Every test keeps its saves, log and transcripts in a folder of its own, so a save left
//! by one test never makes another one's wizard ask to resume.

mod common;
#[path = "tui_agent/hangup.rs"]
mod hangup;
#[path = "tui_agent/overlays.rs"]
mod overlays;
#[path = "tui_agent/render.rs"]
mod render;

use std::path::Path;

use common::pty::*;

const FIRST_QUESTION: &str = "What is going wrong";

/// `--agent` with the autosave folder and outcome log inside `dir`, then `more`.
fn args<'a>(dir: &'a Path, more: &[&'a str]) -> Vec<String> {
    let mut args = vec![
        "--agent".to_owned(),
        "--state-dir".to_owned(),
        dir.join("state").display().to_string(),
        "--log".to_owned(),
        dir.join("log.jsonl").display().to_string(),
    ];
    args.extend(more.iter().map(|arg| (*arg).to_owned()));
    args
}

fn start(args: &[String]) -> Wizard {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Wizard::start(&args)
}

/// The words in the side pane of a 120-column screen: right of its frame line.
fn side_pane(wizard: &Wizard) -> String {
    let rows: Vec<String> = wizard
        .rows()
        .iter()
        .map(|row| row.chars().skip(81).collect())
        .collect();
    rows.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The files in `dir` whose names end with `suffix`.
fn files(dir: &Path, suffix: &str) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.to_string_lossy().ends_with(suffix))
        .collect()
}

#[test]
fn dutch_agent_mode_shows_what_to_say_the_path_pane_and_a_running_call_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut wizard = start(&args(dir.path(), &["--lang", "nl"]));
    wizard.wait_for("Wat gaat er mis");
    // The key hints are the frame's last rows: once they show, the whole frame is there.
    wizard.wait_for("n notitie");
    for text in [
        "▌ Zeg tegen de beller",
        "▌ Wat gebeurt er als u Partner Center",
        "Tot nu toe",
        "Gespreksduur 0:",
        "n notitie",
    ] {
        // Waited for: the frame may still be on its way.
        wizard.wait_for(text);
    }
    wizard.pick("wachtwoord vergeten");
    wizard.wait_for("1. Wat gaat er mis");
    // Wide: the pane moves beside the body.
    wizard.resize(40, 120);
    wizard.wait_until("the side pane", |w| {
        w.rows()
            .iter()
            .any(|row| row.len() > 100 && row.contains("│ Tot nu toe"))
    });
    // The call time is redrawn every second without a key.
    wizard.wait_until("the call time to tick", |w| {
        !w.words().contains("Gespreksduur 0:00")
    });
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 130);
    wizard.assert_terminal_restored();
}

#[test]
fn a_note_a_search_and_jump_and_back_undoing_the_jump() {
    let dir = tempfile::tempdir().unwrap();
    let mut wizard = start(&args(dir.path(), &[]));
    wizard.wait_for(FIRST_QUESTION);
    // q, b and digits are typed into the note, not taken as keys.
    wizard.send("n");
    wizard.wait_for("Note on this step");
    wizard.send("caller q says 1 b");
    wizard.wait_for("› caller q says 1 b");
    wizard.send("\r");
    wizard.wait_for("Note added.");
    assert!(
        wizard.words().contains("✎ caller q says 1 b"),
        "{}",
        wizard.words()
    );

    wizard.send("/");
    wizard.wait_for("Search and jump");
    wizard.send("global admin");
    wizard.wait_for("Matches for \"global admin\"");
    wizard.send("\r");
    wizard.wait_for("(b goes back)");
    let words = wizard.words();
    let heading = words
        .split("Jumped to: ")
        .last()
        .and_then(|rest| rest.split(" (b goes back)").next())
        .unwrap()
        .to_owned();
    assert!(
        words.contains(&format!("Your answers: Jumped to: {heading}")),
        "{words}"
    );
    assert!(
        words.contains(&format!("→ Jumped to: {heading}")),
        "{words}"
    );
    assert!(!words.contains("What happens when you try"), "{words}");

    wizard.send("b");
    wizard.wait_until("the jump undone", |w| !w.words().contains("Jumped to"));
    let words = wizard.words();
    assert!(words.contains("What happens when you try"), "{words}");
    assert!(
        words.contains("✎ caller q says 1 b"),
        "the note stays: {words}"
    );
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 130);
    wizard.assert_terminal_restored();
    // Quit with notes: the save is kept aside, and the message comes after the wizard.
    wizard.wait_for("Your notes are kept in");
    assert_eq!(files(&dir.path().join("state"), ".abandoned.json").len(), 1);
}

#[test]
fn killed_mid_call_and_resumed_brings_back_the_node_the_path_and_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut wizard = start(&args(dir.path(), &[]));
    wizard.wait_for(FIRST_QUESTION);
    wizard.pick("forgot my password");
    wizard.wait_for("self-service password reset?");
    wizard.pick("not turned on");
    wizard.wait_for("Who can set a new password for you?");
    wizard.send("n");
    wizard.wait_for("Note on this step");
    wizard.send("caller is on a new phone\r");
    wizard.wait_for("Note added.");
    wizard.signal(nix::sys::signal::Signal::SIGKILL);
    wizard.exit_code();
    let saves = files(&dir.path().join("state"), ".json");
    assert_eq!(saves.len(), 1, "{saves:?}");
    let saved = std::fs::read_to_string(&saves[0]).unwrap();
    assert!(saved.contains("caller is on a new phone"), "{saved}");

    let mut wizard = start(&args(dir.path(), &["--resume"]));
    wizard.wait_for("Who can set a new password for you?");
    wizard.resize(40, 120);
    wizard.wait_until("the side pane", |w| w.words().contains("│ Path so far"));
    let crumbs = &wizard.rows()[1];
    assert!(
        crumbs.starts_with(" Your answers: ") && crumbs.ends_with("No, it's not turned on"),
        "{crumbs}"
    );
    let words = side_pane(&wizard);
    for text in [
        "1. What is going wrong",
        "2. Has your company turned on self-service password reset? → No, it's not turned on",
        "▸ Who can set a new password for you?",
        "✎ caller is on a new phone",
    ] {
        assert!(words.contains(text), "{text:?} not in {words}");
    }
    // Going on after the resume keeps saving to the same file.
    wizard.pick("I can reach them");
    wizard.wait_for("Ask your global admin for a new password");
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 0, "left at an ending");
    assert!(files(&dir.path().join("state"), ".json").is_empty());
    let log = std::fs::read_to_string(dir.path().join("log.jsonl")).unwrap();
    assert_eq!(log.lines().count(), 1, "{log}");
    assert!(log.contains("\"notes\":1"), "{log}");
}

#[test]
fn s_saves_a_transcript_and_says_where_and_y_copies_it_with_osc_52() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("t.md");
    let target_arg = target.display().to_string();
    let mut wizard = start(&args(dir.path(), &["--transcript", &target_arg]));
    wizard.wait_for(FIRST_QUESTION);
    wizard.pick("forgot my password");
    wizard.wait_for("self-service password reset?");
    wizard.send("s");
    wizard.wait_for("Transcript saved to");
    assert!(
        wizard
            .squeezed()
            .contains(&format!("Transcriptsavedto{target_arg}"))
    );
    let markdown = std::fs::read_to_string(&target).unwrap();
    assert!(markdown.contains("I forgot my password"), "{markdown}");
    wizard.send("s");
    wizard.wait_for("t-1.md");
    assert!(dir.path().join("t-1.md").is_file(), "never overwritten");

    wizard.send("y");
    wizard.wait_for("Copied the transcript to the clipboard");
    wizard.wait_until("the OSC 52 sequence", |w| w.raw().contains("\x1b]52;c;"));
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 130);
}

#[test]
fn a_signal_keeps_the_save_and_the_next_start_offers_it_in_line_mode() {
    let dir = tempfile::tempdir().unwrap();
    let mut wizard = start(&args(dir.path(), &[]));
    wizard.wait_for(FIRST_QUESTION);
    wizard.pick("forgot my password");
    wizard.wait_for("self-service password reset?");
    wizard.signal(nix::sys::signal::Signal::SIGTERM);
    assert_eq!(wizard.exit_code(), 130);
    wizard.assert_terminal_restored();
    wizard.wait_for("The session is saved; continue it with: signin-doctor --resume");
    assert_eq!(files(&dir.path().join("state"), ".json").len(), 1);
    assert!(files(&dir.path().join("state"), ".abandoned.json").is_empty());

    // Without --resume a person is asked first, on the normal screen, before the wizard.
    let mut wizard = start(&args(dir.path(), &[]));
    wizard.wait_for("Resume it? (y/n)");
    assert!(!wizard.raw().contains(ENTER_ALTERNATE_SCREEN));
    wizard.send("y\r");
    wizard.wait_for("Has your company turned on self-service password reset?");
    assert!(
        wizard.words().contains("1. What is going wrong"),
        "{}",
        wizard.words()
    );
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 130);
}
