//! `serve`'s own options and the wizard's: what does not apply to a server is refused by
//! name, what does is applied (`--lang` for clients that send none), a server nobody
//! could sign in to names every way in, and the name `agent` without agent keys is refused
//! as documented rather than let into self-help.

mod common;

use common::serve::*;

#[test]
fn the_wizards_options_that_do_not_apply_to_serve_are_refused_by_name() {
    for (args, named) in [
        (&["--agent", "serve", "--open"][..], "--agent"),
        (
            &["--lang", "nl", "--plain", "serve", "--open"][..],
            "--plain",
        ),
        (
            &["--transcript", "x.md", "serve", "--open"][..],
            "--transcript",
        ),
        (&["--resume", "K7P-2QX", "serve", "--open"][..], "--resume"),
    ] {
        let output = common::run(args, "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let said = text(&output.stderr);
        assert!(
            said.contains(&format!("serve: {named}:")) && said.contains("leave the option out"),
            "{args:?}: {said}"
        );
    }
}

#[test]
fn a_server_nobody_could_sign_in_to_names_every_way_in() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let output = common::run(&["serve", "--state-dir", state.to_str().unwrap()], "");
    assert_eq!(output.status.code(), Some(2));
    let said = text(&output.stderr);
    for option in ["--open", "--authorized-keys", "--agent-keys"] {
        assert!(said.contains(option), "{said}");
    }
    assert!(
        !state.exists(),
        "nothing is made for a server that cannot run"
    );
}

#[test]
fn lang_is_the_language_of_clients_that_send_none() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open", "--lang", "nl"]);
    let out = text(&server.plain("partner", None, "q\n").stdout);
    assert!(out.contains("Wat gaat er mis met Partner Center?"), "{out}");
    // A client that names its language keeps it.
    let out = text(&server.plain("en", None, "q\n").stdout);
    assert!(
        out.contains("What is going wrong with Partner Center?"),
        "{out}"
    );
}

#[test]
fn the_name_agent_on_a_server_without_agent_keys_is_refused_with_a_way_in() {
    if !have_ssh() {
        return;
    }
    let server = Server::start(&["--open"]);
    for command in [None, Some("plain"), Some("join K7P-2QX")] {
        let output = server.plain("agent", command, "q\n");
        assert_eq!(output.status.code(), Some(2), "{command:?}");
        let said = text(&output.stderr);
        assert!(
            said.contains("this server has no agent keys")
                && said.contains("connect with another user name"),
            "{said}"
        );
        assert!(
            !text(&output.stdout).contains("What is going wrong"),
            "not let into self-help"
        );
    }
}

#[test]
fn the_stopping_servers_goodbye_gives_a_code_that_continues_the_session_after_a_restart() {
    if !have_ssh() {
        return;
    }
    let mut server = Server::start(&["--open"]);
    let mut partner = server.full_screen();
    partner.wait_for("What is going wrong with Partner Center?");
    partner.pick("Something else");
    partner.wait_for("Which of these comes closest?");
    let pid = nix::unistd::Pid::from_raw(server.child.id() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).unwrap();
    partner.wait_for("The server is stopping");
    partner.wait_for("resume ");
    assert_eq!(partner.exit_code(), 130);
    let words = partner.words();
    let code = words
        .split("ssh -t HOST resume ")
        .nth(1)
        .map(|rest| rest[..7].to_owned())
        .unwrap_or_else(|| panic!("{words}"));
    assert!(common::child::exit_within(&mut server.child, DEADLINE).is_some());

    // The server starts again on the same state folder; the code continues the session,
    // in self-help as before (no agent mode), once.
    let dir = std::mem::replace(&mut server.dir, tempfile::tempdir().unwrap());
    let server = Server::start_in(dir, &["--open"]);
    let output = server.plain("partner", Some(&format!("resume {code}")), "q\n");
    let out = text(&output.stdout);
    assert!(out.contains("Welcome back"), "{out}");
    assert!(out.contains("Which of these comes closest?"), "{out}");
    assert!(!out.contains("Say:") && !out.contains("Call time"), "{out}");
    assert_eq!(output.status.code(), Some(130), "{}", text(&output.stderr));
    let again = server.plain("partner", Some(&format!("resume {code}")), "q\n");
    assert_eq!(again.status.code(), Some(2), "a code works once");
}
