//! `serve` under load: the real binary on 127.0.0.1 with as many sessions at once as it
//! admits (100), each a Rust SSH client with a terminal that walks the built-in flow to an
//! ending by keys, leaves, and gets exit status 0; then the outcome log holds one record
//! for each. The server runs as a service would, without `TERM` or a terminal of its own.
//! Bounded: a fixed number of sessions, and a deadline for all of them.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::serve::Server;
use common::ssh_client::{Failure, RemoteTerminal};
use tokio::sync::Barrier;
use tokio::time::{Instant, timeout_at};

/// Sessions at once, and the server's `--max-sessions`: every one must be admitted.
const SESSIONS: usize = 100;

/// A bound for a hang, not a speed (that is `benches/serve.rs`): on two cores shared
/// with builds, a debug build's 100 key exchanges at once took over 30 seconds, all
/// finishing together. The server's `--login-grace` is as long, so a slow machine does
/// not close connections that are still signing in (the grace has tests of its own).
const ALL_WITHIN: Duration = Duration::from_secs(300);

const FIRST_QUESTION: &str = "What is going wrong with Partner Center?";

/// One user: in, to the first question, waits until all are in (or failed to), then the
/// shortest route to an ending ("Something else" → "None of these" → the support
/// contact), leaves with `q`, and gives the exit status.
async fn walk_to_an_ending(
    port: u16,
    all_in: Arc<Barrier>,
    deadline: Instant,
) -> Result<u32, Failure> {
    let first_question = async {
        let mut user =
            RemoteTerminal::open(port, "partner", "xterm-256color", (80, 24), deadline).await?;
        user.wait_for(FIRST_QUESTION, deadline).await?;
        Ok::<_, Failure>(user)
    };
    let opened = first_question.await;
    // A session that failed is there too, so the others do not wait for it in vain.
    timeout_at(deadline, all_in.wait())
        .await
        .map_err(|_| "not all sessions got in before the deadline".to_owned())?;
    let mut user = opened?;
    user.pick("Something else").await?;
    user.wait_for("Which of these comes closest?", deadline)
        .await?;
    user.pick("None of these").await?;
    user.wait_for("Contact Microsoft support", deadline).await?;
    user.send("q").await?;
    let status = user.exit_status(deadline).await?;
    user.disconnect().await;
    Ok(status)
}

#[test]
fn a_hundred_sessions_at_once_each_reach_an_ending_exit_0_and_are_logged_once() {
    let max = SESSIONS.to_string();
    // As a service runs it: the wizards must not depend on the server's own terminal.
    let grace = ALL_WITHIN.as_secs().to_string();
    let server = Server::start_as_service(&[
        "--open",
        "--login-grace",
        &grace,
        "--max-sessions",
        &max,
        "--max-per-address",
        &max,
        "--max-startups",
        &max,
    ]);
    let runtime = common::serve::client_runtime();
    let started = Instant::now();
    let deadline = started + ALL_WITHIN;
    let all_in = Arc::new(Barrier::new(SESSIONS));
    let results: Vec<Result<u32, Failure>> = runtime.block_on(async {
        let walks: Vec<_> = (0..SESSIONS)
            .map(|_| {
                tokio::spawn(walk_to_an_ending(
                    server.port,
                    Arc::clone(&all_in),
                    deadline,
                ))
            })
            .collect();
        let mut results = Vec::new();
        for walk in walks {
            results.push(walk.await.unwrap_or_else(|e| Err(format!("panicked: {e}"))));
        }
        results
    });
    let logged: usize = server.log.lines().iter().map(|line| line.len() + 1).sum();
    eprintln!(
        "{SESSIONS} sessions walked to an ending in {:.1} s; the server logged {logged} bytes",
        started.elapsed().as_secs_f64()
    );

    let failures: Vec<String> = results
        .iter()
        .enumerate()
        .filter_map(|(number, result)| match result {
            Ok(0) => None,
            Ok(status) => Some(format!("session {number}: exit status {status}")),
            Err(why) => Some(format!("session {number}: {why}")),
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {SESSIONS} sessions did not end with 0:\n{}\n\nthe server's log:\n{}",
        failures.len(),
        failures.join("\n\n"),
        server.log.lines().join("\n")
    );

    // Each wizard logs its outcome before its exit status goes out, so all are there now.
    let log = server.log_lines();
    assert_eq!(log.len(), SESSIONS, "one record per session: {log:#?}");
    for line in &log {
        let record: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("a log line is not JSON ({e}): {line}"));
        assert_eq!(record["outcome"], "contact-support", "{line}");
        assert_eq!(record["abandoned"], false, "{line}");
    }
    // Finished sessions leave nothing behind: no save, no folder of their own.
    let left: Vec<_> = std::fs::read_dir(server.state_dir().join("served"))
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "left behind: {left:?}");
}
