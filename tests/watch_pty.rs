//! Live preview: the real binary with `--flow FILE --watch` in a pseudo-terminal, while the
//! test edits the file underneath it as an author would.

mod common;

use std::path::PathBuf;

use common::pty::Wizard;

/// A private copy of the built-in flow in a fresh temporary folder (removed when the
/// folder is dropped), and the copy's path.
fn flow_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("flow.yaml");
    std::fs::write(&file, signin_doctor_core::flow::BUILT_IN_YAML).unwrap();
    (dir, file)
}

/// Writes the file the way editors do: a new file renamed over the old one.
fn save(file: &PathBuf, text: &str) {
    let temporary = file.with_extension("yaml.tmp");
    std::fs::write(&temporary, text).unwrap();
    std::fs::rename(&temporary, file).unwrap();
}

#[test]
fn edits_reload_in_place_and_broken_edits_keep_the_last_good_flow() {
    let (_dir, file) = flow_copy();
    let path = file.to_str().unwrap();
    let state = file.parent().unwrap().join("state");
    let state = state.to_str().unwrap();
    let mut wizard = Wizard::start(&["--flow", path, "--watch", "--state-dir", state]);
    wizard.wait_for("What is going wrong");
    wizard.pick("forgot my password");
    wizard.wait_for("self-service password reset?");

    // A valid edit of the question the user is on: reloaded, same place, new words.
    let original = signin_doctor_core::flow::BUILT_IN_YAML;
    let reworded = original.replace(
        "Has your company turned on self-service password reset?",
        "Is self-service password reset switched on for you?",
    );
    save(&file, &reworded);
    wizard.wait_for("Is self-service password reset switched on for you?");
    wizard.wait_for("Flow reloaded from disk.");
    assert!(
        wizard.words().contains("forgot my password"),
        "the path is kept"
    );

    // A half-written file: the last good flow stays, with the errors in a bar.
    let cut = &reworded[..reworded.len() / 2];
    std::fs::write(&file, cut).unwrap();
    wizard.wait_for("The edited flow has errors; still showing the last good version:");
    assert!(wizard.words().contains("switched on for you?"));

    // A misspelt `next:` is named with its place and suggestion.
    let typo = reworded.replace("next: admin-available", "next: admin-availabel");
    save(&file, &typo);
    wizard.wait_for("admin-availabel");
    assert!(
        wizard.words().contains("E003"),
        "{}",
        wizard.rows().join("\n")
    );

    // Fixed again: reloaded, and the user can go on.
    save(&file, &reworded);
    wizard.wait_for("Flow reloaded from disk.");
    wizard.pick("not turned on");
    wizard.wait_for("Who can set a new password for you?");

    wizard.send("q");
    assert_eq!(wizard.exit_code(), 130);
}

#[test]
fn a_removed_node_moves_the_user_to_the_nearest_earlier_question() {
    let (_dir, file) = flow_copy();
    let path = file.to_str().unwrap();
    let state = file.parent().unwrap().join("state");
    let state = state.to_str().unwrap();
    let mut wizard = Wizard::start(&["--flow", path, "--watch", "--state-dir", state]);
    wizard.wait_for("What is going wrong");
    wizard.pick("pages or features are missing");
    wizard.wait_for("Check your roles and workspaces in Partner Center");

    // The roles check is cut out: its answer now goes straight to the missing features.
    let edited = signin_doctor_core::flow::BUILT_IN_YAML
        .replace("next: check-roles", "next: missing-capabilities")
        .replace("not_fixed: check-roles", "not_fixed: missing-capabilities");
    let start = edited.find("  check-roles:\n").expect("the roles node");
    let end = edited
        .find("  missing-capabilities:\n")
        .expect("the next node");
    let edited = format!("{}{}", &edited[..start], &edited[end..]);
    save(&file, &edited);
    wizard.wait_for("Flow reloaded from disk.");
    wizard.wait_for("What is going wrong");
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 130);
}

#[test]
fn a_reload_in_agent_mode_keeps_the_note_the_call_time_and_the_save() {
    let (_dir, file) = flow_copy();
    let path = file.to_str().unwrap();
    let state_dir = file.parent().unwrap().join("state");
    let state = state_dir.to_str().unwrap();
    let mut wizard = Wizard::start(&["--flow", path, "--watch", "--agent", "--state-dir", state]);
    wizard.wait_for("What is going wrong");
    wizard.pick("forgot my password");
    wizard.wait_for("self-service password reset?");
    wizard.send("n");
    wizard.wait_for("Note on this step");
    wizard.send("caller INC-4242 on a new phone\r");
    wizard.wait_for("Note added.");
    // Let the call run for a while, so a restarted timer would show.
    wizard.wait_until("the call to run for two seconds", |w| {
        let words = w.words();
        words.contains("Call time 0:")
            && !words.contains("Call time 0:00")
            && !words.contains("Call time 0:01")
    });

    let reworded = signin_doctor_core::flow::BUILT_IN_YAML.replace(
        "Has your company turned on self-service password reset?",
        "Is self-service password reset switched on for you?",
    );
    save(&file, &reworded);
    wizard.wait_for("Flow reloaded from disk.");
    wizard.wait_for("switched on for you?");
    let screen = wizard.words();
    assert!(
        screen.contains("caller INC-4242 on a new phone"),
        "{screen}"
    );
    assert!(!screen.contains("Call time 0:00"), "{screen}");
    assert!(!screen.contains("Call time 0:01"), "{screen}");
    assert!(
        screen.contains("forgot my password"),
        "the path is kept: {screen}"
    );

    let saves: Vec<String> = std::fs::read_dir(&state_dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    assert_eq!(saves.len(), 1);
    assert!(
        saves[0].contains("caller INC-4242 on a new phone"),
        "{}",
        saves[0]
    );

    wizard.send("q");
    wizard.exit_code();
}
