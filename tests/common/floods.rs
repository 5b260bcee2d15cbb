//! Floods an attacker might send a served wizard, each from one client that reads nothing,
//! for a bounded time: window changes, keys, plain-mode lines. Each gives how much the
//! server took in before `until`. Used by the abuse tests and the `serve_abuse` benchmark.

use tokio::time::{Instant, timeout_at};

use super::ssh_client::{RemoteTerminal, connect};

/// Sizes a window-change flood cycles through, the absurd among them.
const SIZES: [(u32, u32); 4] = [(500, 200), (65_535, 65_535), (81, 25), (299, 149)];

/// Opens a full-screen session on 127.0.0.1:`port` as a partner, by `until`.
async fn terminal(port: u16, until: Instant) -> RemoteTerminal {
    RemoteTerminal::open(port, "partner", "xterm-256color", (80, 24), until)
        .await
        .unwrap()
}

/// Window changes until `until` (at most 100,000); gives how many were sent.
pub async fn window_changes(port: u16, until: Instant) -> usize {
    let flooder = terminal(port, until).await;
    let mut sent = 0;
    while Instant::now() < until && sent < 100_000 {
        let (columns, rows) = SIZES[sent % SIZES.len()];
        if !matches!(
            timeout_at(until, flooder.resize(columns, rows)).await,
            Ok(Ok(()))
        ) {
            break;
        }
        sent += 1;
    }
    // Dropped, not disconnected: a client that reads nothing cannot say goodbye either.
    drop(flooder);
    sent
}

/// Keys that each redraw the screen (arrows, help on and off) until `until` (at most
/// 5 MiB); gives how many bytes were taken.
pub async fn keys(port: u16, until: Instant) -> usize {
    let flooder = terminal(port, until).await;
    let keys = "\x1b[B\x1b[A??".repeat(4096);
    let mut sent = 0;
    while sent < 5 * 1024 * 1024 {
        match timeout_at(until, flooder.send(&keys)).await {
            Ok(Ok(())) => sent += keys.len(),
            _ => break,
        }
    }
    drop(flooder);
    sent
}

/// Plain-mode lines that are no answer (each asked again) until `until` (at most
/// 15 MiB); gives how many bytes were taken.
pub async fn plain_lines(port: u16, until: Instant) -> usize {
    let connection = connect(port, "partner").await.unwrap();
    let channel = connection.channel_open_session().await.unwrap();
    channel.exec(false, "plain").await.unwrap();
    let lines = "9\n".repeat(16 * 1024);
    let mut sent = 0;
    while sent < 15 * 1024 * 1024 {
        match timeout_at(until, channel.data_bytes(lines.clone().into_bytes())).await {
            Ok(Ok(())) => sent += lines.len(),
            _ => break,
        }
    }
    sent
}
