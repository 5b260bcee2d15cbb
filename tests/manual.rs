//! `signin-doctor completions SHELL` and `signin-doctor man`: each generates, the bash
//! script is valid and really completes, and the manual page renders with `man -l`.
//! With `CI` set, a missing `bash` or `man` fails the test instead of skipping it.

use std::process::Command;

mod common;

use common::have;

fn run(args: &[&str]) -> String {
    let output = common::binary(args).output().expect("run signin-doctor");
    assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).expect("UTF-8 output")
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
    let headings: Vec<&str> = shown
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_uppercase()))
        .map(str::trim)
        .collect();
    for heading in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "COMMANDS",
        "KEYS",
        "EXIT STATUS",
        "FILES",
        "ENVIRONMENT",
        "EXAMPLES",
        "SEE ALSO",
    ] {
        assert!(headings.contains(&heading), "no {heading} in {headings:?}");
    }
    let words: String = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    for said in [
        // Each command with its own options.
        "signin-doctor check [FILE]",
        "--deny-warnings",
        "signin-doctor serve",
        "--idle-timeout",
        // What a key or an exit code means.
        "Ctrl-C quit at once",
        "Backspace b go back one answer",
        "n TEXT, /WORD, s in agent mode",
        "130 Interrupted",
        "2 Bad usage",
        // Where the files are and what the environment changes.
        "$XDG_STATE_HOME/signin-doctor/",
        "outcomes.jsonl",
        "*.abandoned.json",
        "NO_COLOR",
        "TERM",
        "LC_ALL, LC_MESSAGES, LANG",
        "XDG_DATA_HOME",
        "signin-doctor check flows/my-flow.yaml",
    ] {
        assert!(words.contains(said), "no {said:?} in:\n{shown}");
    }
    // Only pages that exist are referred to: no page per subcommand is installed.
    let pages: Vec<&str> = words
        .match_indices("(1)")
        .map(|(at, _)| words[..at].rsplit([' ', ',']).next().unwrap_or_default())
        .filter(|page| *page != "signin-doctor")
        .collect();
    assert_eq!(pages, ["ssh", "dot"], "{shown}");
    let see_also = &shown[shown.find("SEE ALSO").unwrap()..];
    assert!(
        see_also.contains("ssh(1)") && see_also.contains("dot(1)"),
        "{see_also}"
    );
    assert!(
        !stderr_of_man_warnings(&path).contains("warning"),
        "man warns about the page"
    );
}

/// What `man --warnings` says about the page at `path`.
fn stderr_of_man_warnings(path: &std::path::Path) -> String {
    let output = Command::new("man")
        .args(["--warnings", "-l"])
        .arg(path)
        .env("MANPAGER", "cat")
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("run man");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The options `signin-doctor ARGS --help` lists.
fn options_listed(args: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.push("--help");
    run(&all)
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("--"))
        .map(|option| {
            option
                .split([' ', ','])
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

#[test]
fn each_command_lists_only_its_own_options() {
    let wizard_only = ["plain", "watch", "agent", "transcript", "resume"];
    for (command, own) in [
        (
            "check",
            &["flow", "format", "deny-warnings", "max-age-days"][..],
        ),
        ("graph", &["format", "flow", "lang"]),
        ("stats", &["since", "format", "log"]),
        ("schema", &[]),
        ("man", &[]),
    ] {
        let listed = options_listed(&[command]);
        assert_eq!(listed, own, "{command} --help");
        for option in wizard_only {
            assert!(!listed.iter().any(|o| o == option), "{command}: --{option}");
        }
    }
    let serve = options_listed(&["serve"]);
    for option in ["listen", "open", "flow", "state-dir", "keep-days", "log"] {
        assert!(serve.iter().any(|o| o == option), "serve lacks --{option}");
    }
    for option in wizard_only {
        assert!(!serve.iter().any(|o| o == option), "serve: --{option}");
    }
    let wizard = options_listed(&[]);
    for option in wizard_only
        .iter()
        .chain(&["flow", "lang", "state-dir", "log"])
    {
        assert!(
            wizard.iter().any(|o| o == option),
            "the wizard lacks --{option}"
        );
    }
}

#[test]
fn shared_options_work_before_and_after_the_command() {
    let flow = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/error-codes.yaml"
    );
    for args in [
        &["check", "--flow", flow][..],
        &["--flow", flow, "check"],
        &["check", flow],
    ] {
        let said = run(args);
        assert!(said.contains("error-codes.yaml"), "{args:?}: {said}");
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let log = dir.path().join("empty.jsonl");
    std::fs::write(&log, "").expect("write the log");
    let log = log.to_str().unwrap();
    for args in [&["stats", "--log", log][..], &["--log", log, "stats"]] {
        let said = run(args);
        assert!(said.contains("0"), "{args:?}: {said}");
    }
    let refused = common::binary(&["check", "--agent"]).output().expect("run");
    assert_eq!(
        refused.status.code(),
        Some(2),
        "--agent is no option of check"
    );
}
