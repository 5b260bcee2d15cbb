//! A server whose operator's log nobody reads (its stderr pipe full) still serves whole
//! calls: log lines wait in a bounded queue and are dropped when it is full, and once the
//! log is read again it says how many, every line whole and in order.

mod common;

use std::io::{BufRead, Write};
use std::os::unix::fs::OpenOptionsExt;

use common::serve::*;

/// Fills the pipe of `server`'s stderr, as a reader that stopped reading leaves it:
/// through the pipe's other end, written without waiting until it takes no more.
fn fill_stderr_pipe(server: &Server) {
    let mut pipe = std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(nix::fcntl::OFlag::O_NONBLOCK.bits())
        .open(format!("/proc/{}/fd/2", server.child.id()))
        .unwrap();
    loop {
        match pipe.write(b"filler\n") {
            Ok(_) => {}
            Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => return,
            Err(error) => panic!("filling the pipe: {error}"),
        }
    }
}

#[test]
fn a_server_whose_log_is_not_read_serves_whole_calls_and_then_counts_the_lines_dropped() {
    if !have_ssh() {
        return;
    }
    // Limits high enough that each connection below is logged, none turned away.
    let limits = ["--max-per-address", "1000", "--max-startups", "1000"];
    let mut server = Server::start_unread(&[&["--open"][..], &limits].concat());
    fill_stderr_pipe(&server);

    // Forgot the password, reset is on, the reset fixed it: an ending, exit 0.
    let call = ssh(&server.plain_args("partner", None), "1\n1\n1\n");
    assert_eq!(call.status.code(), Some(0), "{}", text(&call.stderr));
    assert!(text(&call.stdout).contains("Reset your password yourself"));
    // More events than the queue holds: connections that close at once, each logged as
    // it comes and goes.
    for _ in 0..300 {
        drop(std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap());
    }
    // Still serving.
    let again = ssh(&server.plain_args("partner", None), "1\n1\n1\n");
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));

    // The log is read again, and the server stops.
    let stderr = server.unread_log.take().unwrap();
    let reader = std::thread::spawn(move || {
        std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<_>>()
    });
    let pid = nix::unistd::Pid::from_raw(server.child.id() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).unwrap();
    assert!(common::child::exit_within(&mut server.child, DEADLINE).is_some());
    let lines = reader.join().unwrap();
    let log: Vec<&String> = lines.iter().filter(|line| *line != "filler").collect();
    let all = log
        .iter()
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join("\n");

    // Every line whole: the time, then the event.
    for line in &log {
        assert!(
            line.starts_with("20") && line.contains("Z ") && line.split(' ').count() >= 2,
            "a broken line {line:?} in\n{all}"
        );
    }
    // The first call is there, in order: it was logged before the queue filled.
    let first = |event: &str| {
        log.iter()
            .position(|line| line.split(' ').nth(1) == Some(event))
            .unwrap_or_else(|| panic!("no {event} in\n{all}"))
    };
    assert!(first("connection") < first("session_start"), "{all}");
    assert!(first("session_start") < first("session_end"), "{all}");
    // Lines were dropped, and one line says how many, once the queue drained.
    let dropped: Vec<u64> = log
        .iter()
        .filter(|line| line.split(' ').nth(1) == Some("log_lines_dropped"))
        .map(|line| line.rsplit("count=").next().unwrap().parse().unwrap())
        .collect();
    assert!(
        !dropped.is_empty() && dropped.iter().all(|n| *n > 0),
        "{all}"
    );
    // And the server's last words are there: the queue drained before it exited.
    assert_eq!(
        log.last().unwrap().split(' ').nth(1),
        Some("stopped"),
        "{all}"
    );
}
