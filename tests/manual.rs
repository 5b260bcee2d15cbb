//! `signin-doctor completions SHELL` and `signin-doctor man`: each generates, the bash
//! script is valid and really completes, and the manual page renders with `man -l`.
//! With `CI` set, a missing `bash` or `man` fails the test instead of skipping it.

use std::process::Command;

mod common;

fn run(args: &[&str]) -> String {
    let output = common::binary(args).output().expect("run signin-doctor");
    assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// Whether `tool` can be run; without it the test is skipped, unless CI requires it.
fn have(tool: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|out| out.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{tool} is needed in CI (.ci/run installs it)"
        );
        eprintln!("skipped: {tool} is not installed");
    }
    found
}

#[test]
fn every_shell_gets_a_script_naming_every_command_and_option() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = run(&["completions", shell]);
        for word in [
            "check",
            "graph",
            "schema",
            "stats",
            "completions",
            "man",
            "flow",
            "deny-warnings",
        ] {
            assert!(script.contains(word), "the {shell} script lacks {word}");
        }
    }
    let refused = common::binary(&["completions", "tcsh"])
        .output()
        .expect("run");
    assert_eq!(
        refused.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

/// Completes `words` (the last one being typed) with the bash script, as bash would.
fn bash_completes(words: &[&str]) -> Vec<String> {
    let script = run(&["completions", "bash"]);
    let quoted: Vec<String> = words.iter().map(|word| format!("'{word}'")).collect();
    let line = words.join(" ");
    let program = format!(
        r#"{script}
complete -p signin-doctor >/dev/null || exit 3
COMP_WORDS=({words})
COMP_CWORD={cword}
COMP_LINE='{line}'
COMP_POINT=${{#COMP_LINE}}
_signin__doctor signin-doctor '{current}' '{previous}'
printf '%s\n' "${{COMPREPLY[@]}}"
"#,
        words = quoted.join(" "),
        cword = words.len() - 1,
        current = words[words.len() - 1],
        previous = words[words.len() - 2],
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("complete.bash");
    std::fs::write(&path, program).expect("write the program");
    let output = Command::new("bash")
        .arg("--norc")
        .arg(&path)
        .output()
        .expect("run bash");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_bash_script_is_valid_registers_itself_and_completes() {
    if !have("bash") {
        return;
    }
    let script = run(&["completions", "bash"]);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("signin-doctor.bash");
    std::fs::write(&path, &script).expect("write the script");
    let checked = Command::new("bash")
        .arg("-n")
        .arg(&path)
        .output()
        .expect("bash -n");
    assert!(checked.status.success(), "bash -n: {checked:?}");

    assert_eq!(bash_completes(&["signin-doctor", "ch"]), ["check"]);
    let formats = bash_completes(&["signin-doctor", "check", "--format", ""]);
    assert!(formats.contains(&"json".to_owned()), "{formats:?}");
    let shells = bash_completes(&["signin-doctor", "completions", "p"]);
    assert_eq!(shells, ["powershell"]);
}

#[test]
fn the_manual_page_renders_with_man() {
    let page = run(&["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH"),
        "roff: {page}"
    );
    assert!(page.contains(".TH signin-doctor 1"));
    if !have("man") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("signin-doctor.1");
    std::fs::write(&path, &page).expect("write the page");
    let output = Command::new("man")
        .arg("-l")
        .arg(&path)
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "80")
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("run man");
    assert!(output.status.success(), "man -l: {output:?}");
    let shown = String::from_utf8_lossy(&output.stdout);
    // man may embolden with backspaces when its output is not a terminal.
    let shown: String = shown
        .split('\u{8}')
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part
            } else {
                &part[part.chars().next().map_or(0, char::len_utf8)..]
            }
        })
        .collect();
    for heading in ["NAME", "SYNOPSIS", "OPTIONS", "SUBCOMMANDS"] {
        assert!(shown.contains(heading), "no {heading} in:\n{shown}");
    }
    for words in [
        "signin-doctor-completions(1)",
        "signin-doctor-man(1)",
        "--flow",
    ] {
        assert!(shown.contains(words), "no {words} in:\n{shown}");
    }
}
