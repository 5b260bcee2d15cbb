//! `serve` under pressure, with the real OpenSSH client: failed sign-ins limited per
//! address, overlong input refused, idle sessions and a stopping server closed with a
//! goodbye line (answers saved), terminal types deciding hyperlinks, and record-keeping
//! problems shown to the user. With `CI` set, a missing `ssh` fails the tests.

mod common;

use std::path::Path;
use std::process::Output;
use std::thread;

use common::serve::*;

const FIRST_QUESTION: &str = "What is going wrong with Partner Center?";

/// `ssh -T` with `key` to `server`, typing `input`.
fn with_key(server: &Server, key: &Path, input: &str) -> Output {
    let mut args = vec!["-T".to_owned(), "-i".to_owned(), key.display().to_string()];
    args.extend(server.ssh_args("partner"));
    args.push("127.0.0.1".to_owned());
    ssh(&args, input)
}

#[test]
fn an_address_with_ten_failed_sign_ins_is_refused_even_with_a_good_key() {
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

    // Before any failure the good key gets in.
    let admitted = with_key(&server, &good, "q\n");
    assert!(text(&admitted.stdout).contains(FIRST_QUESTION));

    // Ten failures from 127.0.0.1 (the documented limit), tried at once.
    thread::scope(|scope| {
        let tries: Vec<_> = (0..10)
            .map(|_| scope.spawn(|| with_key(&server, &wrong, "q\n")))
            .collect();
        for attempt in tries {
            let refused = attempt.join().unwrap();
            assert_eq!(refused.status.code(), Some(255), "{}", text(&refused.stderr));
        }
    });

    // Now even the good key is refused from this address while the window lasts.
    let refused = with_key(&server, &good, "q\n");
    let problem = text(&refused.stderr);
    assert_eq!(refused.status.code(), Some(255), "{problem}");
    assert!(problem.contains("Permission denied"), "{problem}");
    assert!(refused.stdout.is_empty());
}
