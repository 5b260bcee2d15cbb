//! `serve --http` under load, bounded: 1,000 browser sessions open at once on one
//! in-process server over real TCP, each a Rust client that walks the built-in flow to a
//! contact ending (an error code typed, the lockout advice, "not fixed"); every walk
//! finishes, and the outcome log then holds exactly 1,000 records, each marked `web`.
//! Bounded: a fixed number of sessions, at most 64 requests in flight, one deadline.

use std::sync::Arc;
use std::time::Duration;

use signin_doctor_serve::web::{self, App, WebOptions};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{Barrier, Semaphore};

/// Sessions at once; the server admits all of them.
const SESSIONS: usize = 1000;

/// How long all walks together may take, on two shared cores in a debug build.
const ALL_WITHIN: Duration = Duration::from_secs(240);

/// One HTTP/1.1 exchange on a connection of its own; gives the status, head and body.
async fn http(
    port: u16,
    in_flight: &Semaphore,
    request: String,
) -> std::io::Result<(u16, String, String)> {
    let _turn = in_flight.acquire().await.expect("the semaphore stays open");
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await?;
    stream.write_all(request.as_bytes()).await?;
    let mut response = String::new();
    stream.read_to_string(&mut response).await?;
    let (head, body) = response
        .split_once("\r\n\r\n")
        .ok_or_else(|| std::io::Error::other("no end of the head"))?;
    let status = head[9..12].parse().map_err(std::io::Error::other)?;
    Ok((status, head.to_owned(), body.to_owned()))
}

fn get(cookie: &str) -> String {
    format!("GET / HTTP/1.1\r\nHost: l\r\nConnection: close\r\nCookie: {cookie}\r\n\r\n")
}

fn post(cookie: &str, form: &str) -> String {
    format!(
        "POST /answer HTTP/1.1\r\nHost: l\r\nConnection: close\r\nCookie: {cookie}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
        form.len()
    )
}

/// One partner: opens a session, waits until every session is open, then walks.
/// Gives the ending page.
async fn walk(port: u16, in_flight: Arc<Semaphore>, all_open: Arc<Barrier>) -> String {
    let (status, head, page) = http(port, &in_flight, get(""))
        .await
        .expect("the first page");
    assert_eq!(status, 200, "{head}");
    let cookie = head
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .and_then(|c| c.split(';').next())
        .expect("a session cookie")
        .to_owned();
    let marker = "name=\"token\" value=\"";
    let start = page.find(marker).expect("a token") + marker.len();
    let token = &page[start..start + 32];
    all_open.wait().await;
    for answer in [
        "node=symptom&depth=0&choice=1",
        "node=error-code&depth=1&typed=AADSTS50053",
        "node=account-locked&depth=2&choice=1",
    ] {
        let form = format!("token={token}&{answer}");
        let (status, head, _) = http(port, &in_flight, post(&cookie, &form))
            .await
            .expect("an answer");
        assert_eq!(status, 303, "{head}");
    }
    let (status, _, page) = http(port, &in_flight, get(&cookie))
        .await
        .expect("the ending");
    assert_eq!(status, 200);
    page
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_browser_sessions_at_once_all_reach_an_ending_and_are_logged_once() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("outcomes.jsonl");
    let options = WebOptions {
        flow: signin_doctor_cli::commands::walkable_flow(None, "test").unwrap(),
        state_dir: Some(dir.path().to_path_buf()),
        log: Some(log.clone()),
        keep_days: 30,
        max_sessions: SESSIONS,
        idle_timeout: Duration::from_secs(600),
        behind_proxy: false,
        // One client address here stands for a thousand partners.
        sessions_per_minute: SESSIONS,
        answers_per_minute: SESSIONS * 3,
    };
    let app = App::new(&options).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(web::serve(
        listener,
        Arc::clone(&app),
        std::future::pending(),
    ));

    let in_flight = Arc::new(Semaphore::new(64));
    let all_open = Arc::new(Barrier::new(SESSIONS + 1));
    let walks: Vec<_> = (0..SESSIONS)
        .map(|_| tokio::spawn(walk(port, Arc::clone(&in_flight), Arc::clone(&all_open))))
        .collect();
    tokio::time::timeout(ALL_WITHIN, all_open.wait())
        .await
        .expect("every session opened in time");
    assert_eq!(app.store.len(), SESSIONS, "all sessions open at once");
    let deadline = tokio::time::Instant::now() + ALL_WITHIN;
    for walk in walks {
        let page = tokio::time::timeout_at(deadline, walk)
            .await
            .expect("every walk finished in time")
            .expect("the walk did not fail");
        assert!(page.contains("Give them this</h2><p>AADSTS50053</p>"));
    }
    let records = std::fs::read_to_string(&log).unwrap();
    assert_eq!(records.lines().count(), SESSIONS);
    for line in records.lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(record["front_end"], "web");
        assert_eq!(record["outcome"], "ask-admin-sign-in-logs");
    }
}
