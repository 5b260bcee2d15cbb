//! A closed terminal window: the pseudo-terminal's controlling side goes away with no
//! SIGHUP (the wizard here has no controlling terminal to be hung up by). The wizard must
//! notice, leave at once instead of spinning on a dead terminal, and keep the session
//! for `--resume`.

use std::io::{Read, Write};
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use nix::pty::{Winsize, openpty};

use super::{FIRST_QUESTION, args, files, start};

#[test]
fn a_closed_terminal_ends_the_wizard_and_keeps_the_session_for_resume() {
    let dir = tempfile::tempdir().unwrap();
    let size = Winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    let pty = openpty(Some(&size), None).expect("open a pseudo-terminal");
    // openpty's descriptors are inherited by children; their clones are not, so the
    // wizard gets no copy of the controlling side that would keep the terminal open.
    let master = pty.master.try_clone().unwrap();
    drop(pty.master);
    let stdio = || Stdio::from(pty.slave.try_clone().unwrap());
    let mut child = crate::common::binary(&[])
        .args(args(dir.path(), &[]))
        .env("TERM", "xterm-256color")
        .env("LC_ALL", "C")
        .env("RUST_BACKTRACE", "0")
        .env_remove("NO_COLOR")
        .stdin(stdio())
        .stdout(stdio())
        .stderr(stdio())
        .spawn()
        .expect("start signin-doctor");
    drop(pty.slave);

    // Read the screen until told to close; agent mode redraws the call time every second,
    // so the read returns often enough to notice.
    let screen = Arc::new(Mutex::new(String::new()));
    let close = Arc::new(AtomicBool::new(false));
    let mut master = std::fs::File::from(master);
    let mut keys = master.try_clone().unwrap();
    let reader = {
        let (screen, close) = (Arc::clone(&screen), Arc::clone(&close));
        thread::spawn(move || {
            let mut buf = [0; 4096];
            while !close.load(Ordering::SeqCst) {
                match master.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => screen
                        .lock()
                        .unwrap()
                        .push_str(&String::from_utf8_lossy(&buf[..n])),
                }
            }
            // Dropping the last handle of the controlling side hangs the terminal up.
        })
    };
    let wait_for = |text: &str| {
        let start = Instant::now();
        while !screen.lock().unwrap().contains(text) {
            assert!(start.elapsed() < Duration::from_secs(10), "no {text:?}");
            thread::sleep(Duration::from_millis(10));
        }
    };
    wait_for(FIRST_QUESTION);
    keys.write_all(b"1").unwrap();
    wait_for("self-service password reset?");
    drop(keys);
    close.store(true, Ordering::SeqCst);
    reader.join().unwrap();

    let status = crate::common::child::expect_exit(
        &mut child,
        Duration::from_secs(10),
        "the wizard should end when its terminal is closed",
    );
    assert_eq!(status.code(), Some(130), "{status:?}");
    let state = dir.path().join("state");
    assert_eq!(files(&state, ".json").len(), 1, "the save is kept");
    assert!(files(&state, ".abandoned.json").is_empty());
    assert!(
        !dir.path().join("log.jsonl").exists(),
        "not logged as finished"
    );

    let mut wizard = start(&args(dir.path(), &["--resume"]));
    wizard.wait_for("Has your company turned on self-service password reset?");
    assert!(
        wizard
            .words()
            .contains("Your answers: I forgot my password")
    );
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 130);
}
