//! `serve` with many sessions, over loopback, against the release binary: the round trip
//! from a keypress to the redrawn frame with 100 sessions open, the server's memory idle
//! and with 100 sessions, and how many new sessions a second it takes. Prints a report;
//! the numbers and the method are in docs/performance.md ("Serving over SSH").
//!
//! Run: `cargo bench --bench serve` (optionally `-- SESSIONS`, default 100).

#[path = "../tests/common/mod.rs"]
mod common;

use std::sync::Arc;
use std::time::Duration;

use common::serve::{Server, load_average};
use common::ssh_client::{Failure, RemoteTerminal};
use tokio::sync::Barrier;
use tokio::time::{Instant, sleep, sleep_until};

const FIRST_QUESTION: &str = "What is going wrong with Partner Center?";

/// Keypresses each session times in the steady measurement.
const KEYS_PER_SESSION: usize = 30;

/// Between one session's keypresses in the steady measurement: a fast typist.
const TYPING_PAUSE: Duration = Duration::from_millis(150);

/// Bursts in which every session presses a key at the same moment.
const BURSTS: usize = 10;

/// How long the server's CPU is watched with all sessions open and nobody typing.
const IDLE_FOR: Duration = Duration::from_secs(3);

/// How long new sessions are opened for the rate.
const RATE_FOR: Duration = Duration::from_secs(5);

/// Clients opening sessions at the same time for the rate.
const RATE_CLIENTS: usize = 8;

/// No step of a benchmark may take longer than this.
const STEP_DEADLINE: Duration = Duration::from_secs(60);

fn main() {
    let sessions: usize = std::env::args()
        .skip(1)
        .find_map(|arg| arg.parse().ok())
        .unwrap_or(100);
    println!("load average at the start: {}", load_average());
    // Room for the rate measurement's sessions while abandoned ones wind down.
    let server = Server::start_as_service(&[
        "--open",
        "--max-sessions",
        "1000",
        "--max-per-address",
        "1000",
        "--max-startups",
        "1000",
    ]);
    let pid = server.child.id();
    let runtime = common::serve::client_runtime();
    runtime.block_on(async {
        let idle = memory(pid);
        println!("idle server: VmRSS {:.1} MiB", mib(idle.rss));

        let deadline = Instant::now() + STEP_DEADLINE;
        let mut users = open_all(server.port, sessions, deadline).await;
        let open = memory(pid);
        println!(
            "{sessions} sessions open: VmRSS {:.1} MiB, {:.0} KiB a session over idle",
            mib(open.rss),
            per_session_kib(idle.rss, open.rss, sessions)
        );

        let idle_cpu = cpu_seconds(pid);
        sleep(IDLE_FOR).await;
        println!(
            "server CPU with {sessions} sessions open and nobody typing: {:.1} % of one core",
            (cpu_seconds(pid) - idle_cpu) / IDLE_FOR.as_secs_f64() * 100.0
        );

        let cpu = (cpu_seconds(pid), cpu_seconds(std::process::id()));
        let steady = round_trips(&mut users, Typing::Steady).await;
        let keys = steady.len() as f64;
        println!(
            "CPU a keypress while typing steadily: server {:.0} µs, clients {:.0} µs",
            (cpu_seconds(pid) - cpu.0) / keys * 1e6,
            (cpu_seconds(std::process::id()) - cpu.1) / keys * 1e6
        );
        report(
            &format!(
                "keypress to frame, {sessions} sessions each typing a key every {} ms",
                TYPING_PAUSE.as_millis()
            ),
            steady,
        );
        let burst = round_trips(&mut users, Typing::Burst).await;
        report(
            &format!("keypress to frame, all {sessions} sessions pressing a key at once"),
            burst,
        );
        let busy = memory(pid);
        println!(
            "{sessions} sessions after typing: VmRSS {:.1} MiB ({:.0} KiB a session over idle), \
             VmHWM {:.1} MiB",
            mib(busy.rss),
            per_session_kib(idle.rss, busy.rss, sessions),
            mib(busy.hwm)
        );
        for user in users {
            user.disconnect().await;
        }

        let (opened, failed, times) = connection_rate(server.port).await;
        println!(
            "new sessions (connect, sign in, terminal, shell, first frame) with {RATE_CLIENTS} \
             clients for {} s: {opened} ({:.0} a second), {failed} failed",
            RATE_FOR.as_secs(),
            opened as f64 / RATE_FOR.as_secs_f64()
        );
        report("one new session, from connecting to its first frame", times);
        let last = memory(pid);
        println!(
            "at the end: VmRSS {:.1} MiB, VmHWM {:.1} MiB",
            mib(last.rss),
            mib(last.hwm)
        );
    });
    println!("load average at the end: {}", load_average());
}

/// Opens `count` sessions at once and waits until each shows the first question.
async fn open_all(port: u16, count: usize, deadline: Instant) -> Vec<RemoteTerminal> {
    let opening: Vec<_> = (0..count)
        .map(|_| tokio::spawn(open_one(port, deadline)))
        .collect();
    let mut users = Vec::new();
    for one in opening {
        users.push(one.await.unwrap().unwrap_or_else(|why| panic!("{why}")));
    }
    users
}

/// One session, at the first question.
async fn open_one(port: u16, deadline: Instant) -> Result<RemoteTerminal, Failure> {
    let mut user =
        RemoteTerminal::open(port, "partner", "xterm-256color", (80, 24), deadline).await?;
    user.wait_for(FIRST_QUESTION, deadline).await?;
    Ok(user)
}

/// How the sessions type while their round trips are timed.
#[derive(Clone, Copy)]
enum Typing {
    /// Each session a key every [`TYPING_PAUSE`], starting at staggered moments.
    Steady,
    /// All sessions a key at the same moment, [`BURSTS`] times.
    Burst,
}

/// Times keypresses on every session: Down and Up in turn, each until the selection moved
/// on the client's screen. Gives every round trip.
async fn round_trips(users: &mut Vec<RemoteTerminal>, typing: Typing) -> Vec<Duration> {
    let count = users.len();
    let together = Arc::new(Barrier::new(count));
    let tasks: Vec<_> = std::mem::take(users)
        .into_iter()
        .enumerate()
        .map(|(number, mut user)| {
            let together = Arc::clone(&together);
            tokio::spawn(async move {
                let mut times = Vec::new();
                let presses = match typing {
                    Typing::Steady => {
                        let offset = TYPING_PAUSE.mul_f64(number as f64 / count as f64);
                        sleep(offset).await;
                        KEYS_PER_SESSION
                    }
                    Typing::Burst => BURSTS,
                };
                for press in 0..presses {
                    if let Typing::Burst = typing {
                        together.wait().await;
                    }
                    let next = Instant::now() + TYPING_PAUSE;
                    let (key, wanted) = if press % 2 == 0 {
                        ("\x1b[B", 2)
                    } else {
                        ("\x1b[A", 1)
                    };
                    let deadline = Instant::now() + STEP_DEADLINE;
                    let sent = Instant::now();
                    user.send(key).await.unwrap_or_else(|why| panic!("{why}"));
                    user.wait_until("the selection moved", deadline, |screen| {
                        screen.selected() == Some(wanted)
                    })
                    .await
                    .unwrap_or_else(|why| panic!("{why}"));
                    times.push(sent.elapsed());
                    if let Typing::Steady = typing {
                        sleep_until(next).await;
                    }
                }
                (user, times)
            })
        })
        .collect();
    let mut all = Vec::new();
    for task in tasks {
        let (user, times) = task.await.unwrap();
        users.push(user);
        all.extend(times);
    }
    all
}

/// Opens sessions with [`RATE_CLIENTS`] clients for [`RATE_FOR`], each one up to its first
/// frame, then leaving. Gives how many opened, how many failed, and each one's time.
async fn connection_rate(port: u16) -> (usize, usize, Vec<Duration>) {
    let until = Instant::now() + RATE_FOR;
    let clients: Vec<_> = (0..RATE_CLIENTS)
        .map(|_| {
            tokio::spawn(async move {
                let (mut failed, mut times) = (0, Vec::new());
                while Instant::now() < until {
                    let started = Instant::now();
                    match open_one(port, started + STEP_DEADLINE).await {
                        Ok(user) => {
                            times.push(started.elapsed());
                            user.disconnect().await;
                        }
                        Err(why) => {
                            eprintln!("a new session failed: {why}");
                            failed += 1;
                        }
                    }
                }
                (failed, times)
            })
        })
        .collect();
    let (mut failed, mut times) = (0, Vec::new());
    for client in clients {
        let (more_failed, more_times) = client.await.unwrap();
        failed += more_failed;
        times.extend(more_times);
    }
    (times.len(), failed, times)
}

/// Prints the median, p90, p99 and the longest of `times`.
fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |share: f64| {
        let index = ((times.len() as f64 * share).ceil() as usize).clamp(1, times.len()) - 1;
        times[index].as_secs_f64() * 1000.0
    };
    println!(
        "{what}: {} samples, median {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
}

/// A process's resident memory now and at its peak, in bytes.
struct Memory {
    rss: u64,
    hwm: u64,
}

/// Reads VmRSS and VmHWM from /proc/`pid`/status.
fn memory(pid: u32) -> Memory {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| {
                rest.trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
            .map_or(0, |kib| kib * 1024)
    };
    Memory {
        rss: field("VmRSS:"),
        hwm: field("VmHWM:"),
    }
}

/// The CPU time (user and system) process `pid` used so far, from /proc/`pid`/stat.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // After the command name in parentheses: state is field 3, utime 14, stime 15.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(Vec::new(), |(_, rest)| rest.split_whitespace().collect());
    let ticks = |index: usize| fields.get(index).and_then(|f| f.parse::<f64>().ok());
    let per_second = 100.0; // USER_HZ on Linux
    ticks(11)
        .zip(ticks(12))
        .map_or(0.0, |(user, system)| (user + system) / per_second)
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn per_session_kib(idle: u64, now: u64, sessions: usize) -> f64 {
    now.saturating_sub(idle) as f64 / 1024.0 / sessions as f64
}
