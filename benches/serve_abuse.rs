//! `serve` under the attacks of issue 16, measured: the server's memory (VmRSS) idle, per
//! session, and during and after each 10-second flood from one client that reads nothing;
//! how long a socket that sends nothing is held; and how many partners sign in a second
//! while 1,000 such sockets are held. Runs the server as the systemd unit in docs/serve.md
//! does (LimitNOFILE=4096). `cargo bench --bench serve_abuse` (about 2 minutes); numbers in
//! docs/performance.md. `cargo bench --bench serve_abuse -- window-changes` measures only
//! the idle server, one session at the largest size and the window-change flood.

#[path = "../tests/common/mod.rs"]
mod common;

use std::io::Read;
use std::net::TcpStream;
use std::time::Duration;

use common::floods;
use common::serve::{Server, load_average};
use common::ssh_client::RemoteTerminal;
use tokio::time::{Instant, sleep};

const FIRST_QUESTION: &str = "What is going wrong with Partner Center?";
/// How long each flood goes on.
const FLOOD: Duration = Duration::from_secs(10);
/// How long after a flood the server is measured again.
const SETTLE: Duration = Duration::from_secs(5);
/// Sessions opened to measure the cost of one.
const SESSIONS: usize = 20;
/// Silent sockets held while partners sign in.
const SILENT: usize = 1000;
/// How long partners sign in while the silent sockets are held.
const RATE_FOR: Duration = Duration::from_secs(5);
/// Partners signing in at once.
const RATE_CLIENTS: usize = 8;

fn main() {
    let only_window_changes = std::env::args().any(|arg| arg == "window-changes");
    raise_own_file_limit();
    println!("load average at the start: {}", load_average());
    let server = Server::start_limited(
        &[
            "--open",
            "--max-per-address",
            "2000",
            "--max-startups",
            "2000",
            "--max-sessions",
            "1000",
            "--max-connections",
            "2000",
        ],
        Some(4096),
        None,
    );
    let runtime = common::serve::client_runtime();
    runtime.block_on(async {
        let idle = server.rss_kib();
        println!("idle: VmRSS {:.1} MiB", mib(idle));
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut users = Vec::new();
        for _ in 0..SESSIONS {
            let mut user =
                RemoteTerminal::open(server.port, "partner", "xterm-256color", (80, 24), deadline)
                    .await
                    .unwrap();
            user.wait_for(FIRST_QUESTION, deadline).await.unwrap();
            users.push(user);
        }
        let open = server.rss_kib();
        println!(
            "{SESSIONS} sessions at 80x24: VmRSS {:.1} MiB, {:.0} KiB a session",
            mib(open),
            (open.saturating_sub(idle)) as f64 / SESSIONS as f64
        );
        for user in users {
            user.disconnect().await;
        }
        sleep(SETTLE).await;
        let largest = {
            let mut user = RemoteTerminal::open(
                server.port,
                "partner",
                "xterm-256color",
                (u16::MAX, u16::MAX),
                deadline,
            )
            .await
            .unwrap();
            user.wait_for(FIRST_QUESTION, deadline).await.unwrap();
            let rss = server.rss_kib();
            user.disconnect().await;
            rss
        };
        println!(
            "one session asking for 65535x65535 (drawn at 300x150): VmRSS {:.1} MiB",
            mib(largest)
        );
        sleep(SETTLE).await;

        flood(&server, "window changes", "changes", floods::window_changes).await;
        if only_window_changes {
            return;
        }
        flood(&server, "keys", "bytes", floods::keys).await;
        flood(&server, "plain-mode lines", "bytes", floods::plain_lines).await;

        let dropped = silent_socket_held(server.port);
        println!(
            "a socket that sends nothing is closed after {:.1} s (--login-grace 30)",
            dropped.as_secs_f64()
        );

        let held = silent_sockets(server.port, SILENT);
        sleep(Duration::from_secs(1)).await;
        let (signed_in, failed) = sign_in_rate(server.port).await;
        println!(
            "with {} silent sockets held: {signed_in} partners signed in and saw the first \
             question in {} s ({:.0} a second, {RATE_CLIENTS} at once), {failed} failed; \
             VmRSS {:.1} MiB",
            held.len(),
            RATE_FOR.as_secs(),
            signed_in as f64 / RATE_FOR.as_secs_f64(),
            mib(server.rss_kib())
        );
        drop(held);
    });
    println!("load average at the end: {}", load_average());
}

/// Runs `attack` for [`FLOOD`], sampling the server's memory, and prints the peak during
/// it and what is left [`SETTLE`] after.
async fn flood<F, Fut>(server: &Server, what: &str, unit: &str, attack: F)
where
    F: FnOnce(u16, Instant) -> Fut,
    Fut: std::future::Future<Output = usize> + Send + 'static,
{
    let before = server.rss_kib();
    let running = tokio::spawn(attack(server.port, Instant::now() + FLOOD));
    let mut peak = before;
    while !running.is_finished() {
        peak = peak.max(server.rss_kib());
        sleep(Duration::from_millis(100)).await;
    }
    let sent = running.await.unwrap();
    sleep(SETTLE).await;
    let after = server.rss_kib();
    println!(
        "a {}-second flood of {what} ({sent} {unit} taken): VmRSS {:.1} MiB before, peak \
         {:.1} MiB (+{:.1}), {:.1} MiB {} s after (+{:.1})",
        FLOOD.as_secs(),
        mib(before),
        mib(peak),
        mib(peak.saturating_sub(before)),
        mib(after),
        SETTLE.as_secs(),
        mib(after.saturating_sub(before))
    );
}

/// How long the server holds one socket that sends nothing.
fn silent_socket_held(port: u16) -> Duration {
    let started = std::time::Instant::now();
    let mut socket = TcpStream::connect(("127.0.0.1", port)).unwrap();
    socket
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    let mut seen = Vec::new();
    let _ = socket.read_to_end(&mut seen);
    started.elapsed()
}

/// `count` sockets that send nothing, each greeted by the server.
fn silent_sockets(port: u16, count: usize) -> Vec<TcpStream> {
    (0..count)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
        .collect()
}

/// Partners signing in and waiting for the first question, [`RATE_CLIENTS`] at once, for
/// [`RATE_FOR`]: how many made it and how many failed.
async fn sign_in_rate(port: u16) -> (usize, usize) {
    let until = Instant::now() + RATE_FOR;
    let clients: Vec<_> = (0..RATE_CLIENTS)
        .map(|_| {
            tokio::spawn(async move {
                let (mut made, mut failed) = (0, 0);
                while Instant::now() < until {
                    let deadline = Instant::now() + Duration::from_secs(10);
                    let opened =
                        RemoteTerminal::open(port, "partner", "xterm-256color", (80, 24), deadline)
                            .await;
                    match opened {
                        Ok(mut user) => {
                            match user.wait_for(FIRST_QUESTION, deadline).await {
                                Ok(()) => made += 1,
                                Err(_) => failed += 1,
                            }
                            user.disconnect().await;
                        }
                        Err(_) => failed += 1,
                    }
                }
                (made, failed)
            })
        })
        .collect();
    let mut totals = (0, 0);
    for client in clients {
        let (made, failed) = client.await.unwrap();
        totals = (totals.0 + made, totals.1 + failed);
    }
    totals
}

/// Lets this process hold the silent sockets: its soft file limit raised to the hard one.
fn raise_own_file_limit() {
    use nix::sys::resource::{Resource, getrlimit, setrlimit};
    let (_, hard) = getrlimit(Resource::RLIMIT_NOFILE).unwrap();
    setrlimit(Resource::RLIMIT_NOFILE, hard, hard).unwrap();
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}
