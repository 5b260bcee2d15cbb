//! `serve --open` tried as an attacker would, with a protocol-level client (russh) on
//! loopback: a terminal of 65535×65535, floods of window changes, keys and lines from a
//! client that reads nothing, sockets that never sign in, more channels and sessions than
//! allowed, and a server out of file descriptors. After each, the server still runs, its
//! memory (VmRSS from /proc) stayed within a bound, and a normal client is served.

mod common;

use std::io::Read;
use std::net::TcpStream;
use std::time::Duration;

use common::floods;
use common::serve::{DEADLINE, Server, client_runtime, files, served_folder, wait_until_let_go};
use common::ssh_client::{RemoteTerminal, connect};
use russh::ChannelMsg;
use tokio::time::Instant;

const FIRST_QUESTION: &str = "What is going wrong with Partner Center?";

/// How long each flood goes on, at most.
const FLOOD: Duration = Duration::from_secs(5);

/// The most a flood may grow the server, in KiB (a 300×150 screen's frames waiting for a
/// client that does not read them, and the input waiting for the wizard, fit well within).
const FLOOD_GROWTH_KIB: u64 = 32 * 1024;

/// A normal partner is served: the first question shows on an 80×24 terminal.
async fn a_partner_is_served(port: u16) {
    let deadline = Instant::now() + DEADLINE;
    let mut partner = RemoteTerminal::open(port, "partner", "xterm-256color", (80, 24), deadline)
        .await
        .unwrap();
    partner.wait_for(FIRST_QUESTION, deadline).await.unwrap();
    partner.disconnect().await;
}

/// Asserts the server runs and grew by at most `most_kib` since it used `before_kib`.
fn assert_bounded(server: &mut Server, before_kib: u64, most_kib: u64, what: &str) {
    assert!(server.running(), "the server died from {what}");
    let now = server.rss_kib();
    eprintln!("{what}: VmRSS {before_kib} KiB before, {now} KiB after");
    assert!(
        now <= before_kib + most_kib,
        "{what} grew the server from {before_kib} KiB to {now} KiB"
    );
}

#[test]
fn a_terminal_of_65535_by_65535_is_drawn_at_the_largest_size_and_the_server_goes_on() {
    let mut server = Server::start(&["--open"]);
    let runtime = client_runtime();
    runtime.block_on(a_partner_is_served(server.port));
    let before = server.rss_kib();
    runtime.block_on(async {
        let deadline = Instant::now() + DEADLINE;
        let mut huge = RemoteTerminal::open(
            server.port,
            "partner",
            "xterm-256color",
            (u16::MAX, u16::MAX),
            deadline,
        )
        .await
        .unwrap();
        // Drawn at 300×150: the question shows on a screen of that size.
        huge.wait_for(FIRST_QUESTION, deadline).await.unwrap();
        huge.resize(u32::MAX, u32::MAX).await.unwrap();
        huge.resize(65_535, 65_535).await.unwrap();
        a_partner_is_served(server.port).await;
        huge.disconnect().await;
    });
    // One 300×150 screen costs a few MiB; 65535×65535 would have cost 200 GB.
    assert_bounded(&mut server, before, FLOOD_GROWTH_KIB, "a huge terminal");
}

/// The most a window-change flood may grow the server, in KiB, at any time during it and
/// after: the 8 MiB of issue 16. Each size drawn is a whole screen of up to 300×150 cells,
/// and the server draws at most a few sizes a second.
const RESIZE_FLOOD_GROWTH_KIB: u64 = 8 * 1024;

#[test]
fn a_flood_of_window_changes_is_coalesced_and_the_server_stays_small() {
    let mut server = Server::start(&["--open"]);
    let runtime = client_runtime();
    runtime.block_on(a_partner_is_served(server.port));
    let before = server.rss_kib();
    let (sent, peak) = runtime.block_on(async {
        let flood = tokio::spawn(floods::window_changes(server.port, Instant::now() + FLOOD));
        // VmRSS read every 100 ms while the flood goes on, as `benches/serve_abuse.rs` does.
        let mut peak = before;
        while !flood.is_finished() {
            peak = peak.max(server.rss_kib());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let sent = flood.await.unwrap();
        a_partner_is_served(server.port).await;
        (sent, peak)
    });
    eprintln!("{sent} window changes sent; VmRSS {before} KiB before, {peak} KiB at the peak");
    assert!(sent > 1000, "the flood was a flood: {sent}");
    assert!(
        peak <= before + RESIZE_FLOOD_GROWTH_KIB,
        "a window-change flood grew the server from {before} KiB to {peak} KiB"
    );
    assert_bounded(
        &mut server,
        before,
        RESIZE_FLOOD_GROWTH_KIB,
        "a window-change flood",
    );
}

/// The screen shows the "too small" message, which only a frame below 20×8 shows.
fn too_small(screen: &RemoteTerminal) -> bool {
    screen
        .rows()
        .iter()
        .any(|row| row.contains("Make the window"))
}

#[test]
fn a_client_resizing_quickly_ends_with_a_frame_at_its_last_size() {
    let server = Server::start(&["--open"]);
    client_runtime().block_on(async {
        let deadline = Instant::now() + DEADLINE;
        let mut user =
            RemoteTerminal::open(server.port, "partner", "xterm-256color", (80, 24), deadline)
                .await
                .unwrap();
        user.wait_for(FIRST_QUESTION, deadline).await.unwrap();
        // A window dragged smaller: only the last size is below the usable size, so only a
        // frame at the last size shows the "too small" message.
        for (columns, rows) in [(120, 40), (100, 30), (60, 20), (40, 12), (19, 7)] {
            user.resize(columns, rows).await.unwrap();
        }
        user.wait_until("a frame at 19×7", deadline, too_small)
            .await
            .unwrap();
        // And dragged back: every size but the last is too small, so only a frame at the
        // last size shows the question again (each new size clears the screen first).
        for (columns, rows) in [(15, 5), (19, 7), (10, 3), (80, 24)] {
            user.resize(columns, rows).await.unwrap();
        }
        user.wait_until("a frame at 80×24", deadline, |screen| {
            !too_small(screen) && screen.rows().iter().any(|row| row.contains(FIRST_QUESTION))
        })
        .await
        .unwrap();
        user.disconnect().await;
    });
}

#[test]
fn a_flood_of_keys_from_a_client_that_reads_nothing_is_held_back() {
    let mut server = Server::start(&["--open"]);
    let runtime = client_runtime();
    runtime.block_on(a_partner_is_served(server.port));
    let before = server.rss_kib();
    runtime.block_on(async {
        let sent = floods::keys(server.port, Instant::now() + FLOOD).await;
        eprintln!("{sent} bytes of keys taken before the deadline");
        a_partner_is_served(server.port).await;
    });
    assert_bounded(&mut server, before, FLOOD_GROWTH_KIB, "a key flood");
}

#[test]
fn a_flood_of_plain_lines_is_held_back_to_the_pace_of_the_wizard() {
    let mut server = Server::start(&["--open"]);
    let runtime = client_runtime();
    runtime.block_on(a_partner_is_served(server.port));
    let before = server.rss_kib();
    runtime.block_on(async {
        let sent = floods::plain_lines(server.port, Instant::now() + FLOOD).await;
        eprintln!("{sent} bytes of lines taken before the deadline");
        assert!(
            sent < 15 * 1024 * 1024,
            "a client that reads nothing is slowed down"
        );
        a_partner_is_served(server.port).await;
    });
    assert_bounded(&mut server, before, FLOOD_GROWTH_KIB, "a line flood");
}

#[test]
fn a_client_that_stops_reading_is_held_back_then_cut_off_and_its_session_kept() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    if !common::serve::have_ssh() {
        return;
    }
    let mut server = Server::start(&["--open"]);
    let before = server.rss_kib();
    // OpenSSH whose output nobody reads: once its pipe and its window are full it stops
    // reading the connection, as a stalled client does.
    let mut client = Command::new("ssh")
        .args(server.plain_args("partner", Some("plain")))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut typing = client.stdin.take().unwrap();
    let typist = std::thread::spawn(move || {
        // One answer, then answers that are no option, each asked again.
        let _ = typing.write_all(b"1\n");
        let lines = "9\n".repeat(4096);
        let started = std::time::Instant::now();
        while started.elapsed() < Duration::from_secs(60) {
            if typing.write_all(lines.as_bytes()).is_err() {
                return true;
            }
        }
        false
    });
    common::child::expect_exit(
        &mut client,
        Duration::from_secs(60),
        "the stalled client should have been cut off",
    );
    assert!(
        typist.join().unwrap(),
        "the connection was closed under the typist"
    );
    client_runtime().block_on(a_partner_is_served(server.port));
    assert_bounded(&mut server, before, FLOOD_GROWTH_KIB, "a stalled client");
    // Cut off, its session ends as when a connection is lost: kept, not logged as ended.
    let folder = served_folder(&server);
    wait_until_let_go(&folder);
    assert_eq!(files(&folder, ".json").len(), 1, "the session is kept");
    assert!(
        files(&folder, ".abandoned.json").is_empty(),
        "not set aside"
    );
    assert!(server.log_lines().is_empty(), "{:?}", server.log_lines());
}

/// Reads from `socket` until the server closes it; gives what came. Fails when it is still
/// open at the deadline.
fn read_to_close(mut socket: TcpStream) -> Vec<u8> {
    socket.set_read_timeout(Some(DEADLINE)).unwrap();
    let mut seen = Vec::new();
    match socket.read_to_end(&mut seen) {
        Ok(_) => seen,
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => seen,
        Err(e) => panic!("the server did not close the connection: {e}; it sent {seen:?}"),
    }
}

#[test]
fn a_connection_that_does_not_sign_in_is_closed_after_the_login_grace_whatever_it_sends() {
    let server = Server::start(&["--open", "--login-grace", "1"]);
    // Silent.
    let silent = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    // Half a banner, a byte at a time: what it sends does not keep it.
    let mut trickling = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let trickle = std::thread::spawn(move || {
        use std::io::Write;
        let started = std::time::Instant::now();
        for byte in b"SSH-2.0-slowly".iter().cycle() {
            if trickling.write_all(&[*byte]).is_err() {
                return true;
            }
            if started.elapsed() > DEADLINE {
                return false;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    });
    let seen = read_to_close(silent);
    assert!(
        seen.starts_with(b"SSH-2.0-"),
        "the server greeted, then closed the connection: {seen:?}"
    );
    assert!(
        trickle.join().unwrap(),
        "the trickling connection was closed"
    );
    client_runtime().block_on(a_partner_is_served(server.port));
}

/// A socket from the loopback address `source` to `port`, sending nothing.
fn silent_socket_from(source: &str, port: u16) -> TcpStream {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .unwrap();
    runtime.block_on(async {
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.bind(format!("{source}:0").parse().unwrap()).unwrap();
        let stream = socket
            .connect(format!("127.0.0.1:{port}").parse().unwrap())
            .await
            .unwrap();
        let stream = stream.into_std().unwrap();
        stream.set_nonblocking(false).unwrap();
        stream
    })
}

#[test]
fn connections_signing_in_are_capped_per_address_and_others_are_still_served() {
    let server = Server::start(&["--open", "--max-per-address", "2"]);
    let held: Vec<_> = (0..2)
        .map(|_| silent_socket_from("127.0.0.2", server.port))
        .collect();
    // Both are greeted before the third knocks.
    for socket in &held {
        let mut greeting = [0u8; 8];
        socket.set_read_timeout(Some(DEADLINE)).unwrap();
        (&*socket).read_exact(&mut greeting).unwrap();
        assert_eq!(&greeting, b"SSH-2.0-");
    }
    let third = read_to_close(silent_socket_from("127.0.0.2", server.port));
    assert!(third.is_empty(), "closed at once, ungreeted: {third:?}");
    // Another address is not held back.
    client_runtime().block_on(a_partner_is_served(server.port));
}

#[test]
fn sockets_held_open_to_fill_the_server_make_room_for_a_partner() {
    let server = Server::start(&["--open", "--max-startups", "2"]);
    let held: Vec<_> = ["127.0.0.2", "127.0.0.3"]
        .iter()
        .map(|source| silent_socket_from(source, server.port))
        .collect();
    for socket in &held {
        let mut greeting = [0u8; 8];
        socket.set_read_timeout(Some(DEADLINE)).unwrap();
        (&*socket).read_exact(&mut greeting).unwrap();
    }
    // Both places for signing in are taken: the partner still gets in.
    client_runtime().block_on(a_partner_is_served(server.port));
    // The socket waiting longest was closed (before its login grace of 30 s).
    let oldest = held.into_iter().next().unwrap();
    let rest = read_to_close(oldest);
    assert!(
        rest.ends_with(b"\r\n"),
        "the rest of the greeting: {rest:?}"
    );
}

#[test]
fn at_most_four_channels_on_a_connection_and_sessions_are_capped_per_address() {
    let server = Server::start(&["--open", "--max-per-address", "2"]);
    client_runtime().block_on(async {
        let connection = connect(server.port, "partner").await.unwrap();
        let mut channels = Vec::new();
        for _ in 0..4 {
            channels.push(connection.channel_open_session().await.unwrap());
        }
        assert!(
            connection.channel_open_session().await.is_err(),
            "a fifth channel is refused"
        );
        for channel in &channels[..2] {
            channel.exec(true, "plain").await.unwrap();
        }
        let third = &mut channels[2];
        third.exec(true, "plain").await.unwrap();
        let (mut said, mut status) = (Vec::new(), None);
        let deadline = Instant::now() + DEADLINE;
        while let Ok(Some(message)) = tokio::time::timeout_at(deadline, third.wait()).await {
            match message {
                ChannelMsg::ExtendedData { data, .. } => said.extend_from_slice(&data),
                ChannelMsg::ExitStatus { exit_status } => status = Some(exit_status),
                ChannelMsg::Close => break,
                _ => {}
            }
        }
        let said = String::from_utf8_lossy(&said);
        assert!(
            said.contains("too many sessions from your network"),
            "{said}"
        );
        assert_eq!(status, Some(1));
    });
}

#[test]
fn out_of_file_descriptors_the_server_waits_and_serves_again() {
    let mut server = Server::start_limited(
        &[
            "--open",
            "--max-per-address",
            "1000",
            "--max-startups",
            "1000",
        ],
        Some(48),
        None,
    );
    // More sockets than the server may have descriptors: accepting fails with EMFILE.
    let held: Vec<_> = (0..80)
        .map(|_| TcpStream::connect(("127.0.0.1", server.port)).unwrap())
        .collect();
    let out_of_files = server.log.wait_for(&["accept_failed"]);
    assert!(
        out_of_files.contains("Too many open files"),
        "{out_of_files}"
    );
    assert!(
        server.running(),
        "the server stopped when out of descriptors"
    );
    drop(held);
    client_runtime().block_on(a_partner_is_served(server.port));
    assert!(server.running());
}

/// Every folder and file under `dir` with its permission bits, as `mode path` lines.
fn modes(dir: &std::path::Path) -> Vec<(u32, std::path::PathBuf)> {
    use std::os::unix::fs::PermissionsExt;
    let mut found = Vec::new();
    let mut to_visit = vec![dir.to_path_buf()];
    while let Some(path) = to_visit.pop() {
        let metadata = std::fs::symlink_metadata(&path).unwrap();
        found.push((metadata.permissions().mode() & 0o777, path.clone()));
        if metadata.is_dir() {
            to_visit.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        }
    }
    found
}

#[test]
fn under_umask_022_the_state_folder_keeps_codes_and_answers_private() {
    if !common::serve::have_ssh() {
        return;
    }
    let server = Server::start_limited(&["--open"], None, Some(0o022));
    // A partner answers, asks for a code and leaves: a save, a lock, a hand-off ticket.
    let partner = server.plain("partner", None, "1\nh\nq\n");
    let said = common::serve::text(&partner.stdout);
    assert!(said.contains("Your code for the helpdesk agent"), "{said}");
    let found = modes(&server.state_dir());
    assert!(
        found.iter().any(|(_, path)| path.ends_with("handoff")),
        "{found:?}"
    );
    assert!(found.len() > 4, "folders and files were made: {found:?}");
    for (mode, path) in &found {
        let expected = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(*mode, expected, "{} is {mode:o}", path.display());
    }
}

#[test]
fn a_state_folder_others_may_read_is_refused_with_the_fix() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    std::fs::create_dir(&state).unwrap();
    std::fs::set_permissions(&state, std::fs::Permissions::from_mode(0o755)).unwrap();
    let output = common::run(
        &[
            "serve",
            "--open",
            "--listen",
            "127.0.0.1:0",
            "--state-dir",
            state.to_str().unwrap(),
        ],
        "",
    );
    let said = common::serve::text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(said.contains("mode 755"), "{said}");
    assert!(said.contains("chmod 700"), "{said}");
}
