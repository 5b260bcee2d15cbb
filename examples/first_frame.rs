//! First-frame latency: how long from starting the program in an 80×24 pseudo-terminal
//! until its first question is fully on screen (the last option's label visible), for the
//! release `signin-doctor` and, interleaved in the same run, `whiptail --menu` with a menu
//! of the same size. Prints both medians, the spread and the ratio.
//!
//! Run it with `benches/first_frame.sh`, which installs whiptail and builds the release
//! binary first; or `cargo run --release --example first_frame -- BINARY [RUNS [ARGS...]]`,
//! where ARGS go to signin-doctor.

use std::io::Read;
use std::num::NonZeroU16;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 24;
const COLUMNS: u16 = 80;
const DEADLINE: Duration = Duration::from_secs(10);

/// The built-in flow's first question and its answers, as the wizard shows them.
const QUESTION: &str = "What is going wrong with Partner Center?";
const OPTIONS: [&str; 4] = [
    "I forgot my password or can't sign in with it",
    "I'm signed in, but pages or features are missing",
    "I'm signed in, but my offer or benefits are missing",
    "Something else, or I'm not sure",
];

/// What one start took until `last` was on screen: the wall time, and the CPU time the
/// program had used by then (all its threads; `None` where Linux's `schedstat` is missing).
/// The CPU time is what a busy machine disturbs least.
#[derive(Debug, Clone, Copy)]
struct Timed {
    wall: Duration,
    cpu: Option<Duration>,
}

/// The CPU time the process `pid` has used so far, summed over its threads, from
/// `/proc/PID/task/*/schedstat` (its first field: nanoseconds on a CPU).
fn cpu_time(pid: u32) -> Option<Duration> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).ok()?;
    let mut total = 0u64;
    for task in tasks.flatten() {
        let stat = std::fs::read_to_string(task.path().join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(Duration::from_nanos(total))
}

/// Starts `command` in a fresh 80×24 pty and returns the time until `last` is on screen.
fn time_to_screen(program: &str, args: &[String], last: &str) -> Timed {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLUMNS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pseudo-terminal");
    let mut command = CommandBuilder::new(program);
    command.args(args);
    // Relative paths in the arguments mean what they mean here, not in the home folder.
    command.cwd(std::env::current_dir().expect("a current folder"));
    command.env("TERM", "xterm-256color");
    command.env("LC_ALL", "C");
    command.env_remove("NO_COLOR");
    let mut reader = pty.master.try_clone_reader().expect("read the pty");
    let (done, shown) = mpsc::channel();
    let wanted = last.to_owned();
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(command).expect("start the program");
    let pid = child.process_id();
    drop(pty.slave);
    let watcher = thread::spawn(move || {
        let rows = NonZeroU16::new(ROWS).unwrap();
        let columns = NonZeroU16::new(COLUMNS).unwrap();
        let mut parser = vt100::Parser::new(rows, columns, 0);
        let mut buf = [0u8; 16 * 1024];
        let mut sent = false;
        loop {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    parser.process(&buf[..n]);
                    if !sent && parser.screen().contents().contains(&wanted) {
                        let wall = start.elapsed();
                        let _ = done.send(Timed {
                            wall,
                            cpu: pid.and_then(cpu_time),
                        });
                        sent = true;
                    }
                }
            }
        }
    });
    let timed = shown.recv_timeout(DEADLINE).unwrap_or_else(|_| {
        panic!("{program} did not show {last:?} within {DEADLINE:?}");
    });
    child.kill().ok();
    child.wait().ok();
    drop(pty.master);
    watcher.join().ok();
    timed
}

/// The value at quantile `q` (0..=1) of sorted `values`.
fn quantile(sorted: &[Duration], q: f64) -> Duration {
    let index = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[index]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn report(name: &str, times: &mut [Duration]) -> Duration {
    times.sort();
    let median = quantile(times, 0.5);
    println!(
        "{name:<18} median {:6.2} ms   min {:6.2}   p10 {:6.2}   p90 {:6.2}   max {:6.2}   (n = {})",
        ms(median),
        ms(times[0]),
        ms(quantile(times, 0.1)),
        ms(quantile(times, 0.9)),
        ms(times[times.len() - 1]),
        times.len()
    );
    median
}

fn main() {
    let mut args = std::env::args().skip(1);
    let binary = args
        .next()
        .unwrap_or_else(|| "target/release/signin-doctor".to_owned());
    // The pty looks a relative name up in PATH: make it absolute.
    let binary = std::fs::canonicalize(&binary)
        .unwrap_or_else(|error| panic!("{binary}: {error}"))
        .display()
        .to_string();
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(40);
    // Anything further is passed to signin-doctor (e.g. `--flow FILE`).
    let ours_args: Vec<String> = args.collect();
    let whiptail_args: Vec<String> = [
        "--title",
        "Partner Center sign-in troubleshooter",
        "--menu",
        QUESTION,
        "24",
        "80",
        "4",
    ]
    .into_iter()
    .map(str::to_owned)
    .chain(
        OPTIONS
            .iter()
            .enumerate()
            .flat_map(|(i, label)| [(i + 1).to_string(), (*label).to_owned()]),
    )
    .collect();
    let last = OPTIONS[3];
    // One of each first, not counted: the page cache and the dynamic loader warm up.
    time_to_screen(&binary, &ours_args, last);
    time_to_screen("whiptail", &whiptail_args, last);
    let mut ours = Vec::with_capacity(runs);
    let mut theirs = Vec::with_capacity(runs);
    for run in 0..runs {
        // Interleaved, and the order swapped every run, so drift hits both alike.
        if run % 2 == 0 {
            ours.push(time_to_screen(&binary, &ours_args, last));
            theirs.push(time_to_screen("whiptail", &whiptail_args, last));
        } else {
            theirs.push(time_to_screen("whiptail", &whiptail_args, last));
            ours.push(time_to_screen(&binary, &ours_args, last));
        }
    }
    println!("first frame in an 80x24 pseudo-terminal, {runs} interleaved runs each:");
    let walls = |timed: &[Timed]| timed.iter().map(|t| t.wall).collect::<Vec<_>>();
    let wall_ours = report("signin-doctor", &mut walls(&ours));
    let wall_theirs = report("whiptail", &mut walls(&theirs));
    println!(
        "ratio (signin-doctor / whiptail, medians): {:.2} (target <= 0.9)",
        ms(wall_ours) / ms(wall_theirs)
    );
    let cpus = |timed: &[Timed]| timed.iter().map(|t| t.cpu).collect::<Option<Vec<_>>>();
    if let (Some(mut cpu_ours), Some(mut cpu_theirs)) = (cpus(&ours), cpus(&theirs)) {
        println!("CPU time used until the frame was on screen:");
        let cpu_ours = report("signin-doctor CPU", &mut cpu_ours);
        let cpu_theirs = report("whiptail CPU", &mut cpu_theirs);
        println!(
            "ratio of CPU times (medians): {:.2}",
            ms(cpu_ours) / ms(cpu_theirs)
        );
    }
}
