//! `serve --http` measured (docs/performance.md): a step page's time to serve with 1,000
//! sessions open, the memory those sessions take, the pages' sizes, and — where
//! `chromedriver` is installed — the first contentful paint in headless Chromium.
//! Prints a table; run with `cargo bench --bench web`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use signin_doctor_serve::web::{self, App, WebOptions};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const SESSIONS: usize = 1000;
const REQUESTS: usize = 20_000;

/// One keep-alive connection to the server.
struct Connection {
    stream: BufReader<TcpStream>,
}

impl Connection {
    async fn open(port: u16) -> Connection {
        let stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        stream.set_nodelay(true).unwrap();
        Connection {
            stream: BufReader::new(stream),
        }
    }

    /// Sends `request` and reads the whole response: its head and body.
    async fn exchange(&mut self, request: &str) -> (String, String) {
        self.stream
            .get_mut()
            .write_all(request.as_bytes())
            .await
            .unwrap();
        let mut head = String::new();
        loop {
            let mut line = String::new();
            self.stream.read_line(&mut line).await.unwrap();
            if line == "\r\n" {
                break;
            }
            head += &line;
        }
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length: "))
            .map_or(0, |n| n.trim().parse().unwrap());
        let mut body = vec![0; length];
        self.stream.read_exact(&mut body).await.unwrap();
        (head, String::from_utf8(body).unwrap())
    }
}

fn get(path: &str, cookie: &str) -> String {
    format!("GET {path} HTTP/1.1\r\nHost: l\r\nCookie: {cookie}\r\n\r\n")
}

fn post(cookie: &str, form: &str) -> String {
    format!(
        "POST /answer HTTP/1.1\r\nHost: l\r\nCookie: {cookie}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
        form.len()
    )
}

/// This process's resident memory, in KiB.
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// The machine's CPU time so far, in clock ticks: `(stolen by the hypervisor, all)`, from
/// `/proc/stat` (zeros elsewhere). On a virtual machine, time the host takes away shows up
/// as a long tail of slow pages, so the benchmark says how much was taken while it timed.
fn cpu_ticks() -> (u64, u64) {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let ticks: Vec<u64> = stat
        .lines()
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .skip(1)
        .filter_map(|field| field.parse().ok())
        .collect();
    // user nice system idle iowait irq softirq steal guest guest_nice; guests are in user.
    let all = ticks.iter().take(8).sum();
    (ticks.get(7).copied().unwrap_or(0), all)
}

/// Opens a session and walks it to the lockout step; gives its cookie.
async fn open_at_a_step(connection: &mut Connection) -> String {
    let (head, page) = connection.exchange(&get("/", "")).await;
    let cookie = head
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .and_then(|c| c.split(';').next())
        .unwrap()
        .to_owned();
    let marker = "name=\"token\" value=\"";
    let start = page.find(marker).unwrap() + marker.len();
    let token = page[start..start + 32].to_owned();
    for answer in [
        "node=symptom&depth=0&choice=1",
        "node=error-code&depth=1&typed=AADSTS50053",
    ] {
        connection
            .exchange(&post(&cookie, &format!("token={token}&{answer}")))
            .await;
    }
    cookie
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 * p) as usize).min(sorted.len() - 1)]
}

/// What Chromium reports as the first contentful paint, waited for: the entry often comes
/// after the load event that ends a navigation, so reading it at once misses the later
/// paints (and answers nothing for them).
const PAINT: &str = "const done = arguments[arguments.length - 1]; \
     new PerformanceObserver((list) => { \
       for (const e of list.getEntries()) \
         if (e.name === 'first-contentful-paint') done(e.startTime); \
     }).observe({ type: 'paint', buffered: true }); \
     setTimeout(() => done(null), 5000);";

/// Loads of each page in headless Chromium; the first (a new renderer, the style sheet
/// fetched) is reported apart from the rest.
const LOADS: usize = 16;

/// First contentful paints in headless Chromium at 390×844, in milliseconds from the start
/// of navigation, in the order of the loads: the wizard's first page, then a one-line page
/// given as a `data:` address, Chromium's own floor on this machine.
async fn first_contentful_paint(port: u16) -> Option<(Vec<f64>, Vec<f64>)> {
    let have = std::process::Command::new("sh")
        .args(["-c", "command -v chromedriver"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        return None;
    }
    let driver_port = std::net::TcpListener::bind("127.0.0.1:0")
        .ok()?
        .local_addr()
        .ok()?
        .port();
    let mut driver = std::process::Command::new("chromedriver")
        .arg(format!("--port={driver_port}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut capabilities = serde_json::Map::new();
    // Without the background-networking flags Chromium keeps trying to reach Google's
    // hosts, which a closed network refuses, in the middle of the measurement.
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({ "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                                     "--window-size=390,844", "--no-first-run",
                                     "--disable-background-networking", "--disable-sync",
                                     "--disable-component-update", "--disable-quic"] }),
    );
    let client =
        fantoccini::ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{driver_port}"))
            .await
            .ok()?;
    let paints = |address: String| {
        let client = &client;
        async move {
            let mut paints = Vec::new();
            for _ in 0..LOADS {
                client.goto(&address).await.ok()?;
                let paint = client.execute_async(PAINT, vec![]).await.ok()?;
                paints.push(paint.as_f64()?);
            }
            Some(paints)
        }
    };
    let page = paints(format!("http://127.0.0.1:{port}/")).await;
    let floor = paints("data:text/html,<!DOCTYPE html><title>t</title><p>One line.".into()).await;
    let _ = client.close().await;
    let _ = driver.kill();
    let _ = driver.wait();
    let (page, floor) = (page?, floor?);
    Some((page, floor))
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let options = WebOptions {
            flow: signin_doctor_cli::commands::walkable_flow(None, "bench").unwrap(),
            state_dir: Some(dir.path().to_path_buf()),
            log: Some(dir.path().join("outcomes.jsonl")),
            keep_days: 30,
            max_sessions: SESSIONS + 10,
            idle_timeout: Duration::from_secs(3600),
            behind_proxy: false,
            sessions_per_minute: SESSIONS * 2,
            answers_per_minute: SESSIONS * 10,
        };
        let app = App::new(&options).unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(web::serve(listener, Arc::clone(&app), std::future::pending()));
        let mut connection = Connection::open(port).await;
        // Warm up, then measure memory around opening the sessions.
        open_at_a_step(&mut connection).await;
        let before = rss_kib();
        let mut cookies = Vec::new();
        for _ in 0..SESSIONS {
            cookies.push(open_at_a_step(&mut connection).await);
        }
        let after = rss_kib();
        let mut times = Vec::with_capacity(REQUESTS);
        let (stolen_before, all_before) = cpu_ticks();
        for i in 0..REQUESTS {
            let request = get("/", &cookies[i % SESSIONS]);
            let start = Instant::now();
            let (_, page) = connection.exchange(&request).await;
            times.push(start.elapsed());
            assert!(page.contains("Did that fix it?"));
        }
        let (stolen_after, all_after) = cpu_ticks();
        times.sort();
        let (_, first) = connection.exchange(&get("/", "")).await;
        let (_, step) = connection.exchange(&get("/", &cookies[0])).await;
        let (_, css) = connection.exchange(&get("/style.css", "")).await;
        println!("web: {SESSIONS} sessions open at a step, {REQUESTS} step pages over one keep-alive connection");
        println!(
            "  step page: p50 {:?}, p99 {:?}, max {:?}",
            percentile(&times, 0.50),
            percentile(&times, 0.99),
            times[times.len() - 1]
        );
        println!(
            "  CPU time the hypervisor took meanwhile: {:.0} %",
            100.0 * stolen_after.saturating_sub(stolen_before) as f64
                / all_after.saturating_sub(all_before).max(1) as f64
        );
        println!(
            "  memory: {} KiB before, {} KiB after ({} KiB a session)",
            before,
            after,
            after.saturating_sub(before) / SESSIONS as u64
        );
        println!(
            "  sizes: first page {} B, step page {} B, style sheet {} B",
            first.len(),
            step.len(),
            css.len()
        );
        match first_contentful_paint(port).await {
            Some((page, floor)) => {
                // The first load of each starts a renderer (and fetches the style sheet).
                let summary = |paints: &[f64]| {
                    let mut rest = paints[1..].to_vec();
                    rest.sort_by(f64::total_cmp);
                    format!(
                        "median {:.0} ms, max {:.0} ms of {} loads after the first, which took {:.0} ms",
                        rest[rest.len() / 2],
                        rest[rest.len() - 1],
                        rest.len(),
                        paints[0]
                    )
                };
                println!(
                    "  first contentful paint (headless Chromium, 390x844): {}",
                    summary(&page)
                );
                println!(
                    "  … a one-line data: page in the same browser: {}",
                    summary(&floor)
                );
            }
            None => println!("  first contentful paint: no chromedriver here, or it failed"),
        }
    });
}
