//! The web pages in a real browser: Debian's headless Chromium driven over WebDriver
//! (`chromedriver`) with `fantoccini`. A partner walks to an ending with the keyboard
//! only — Tab to an answer, Enter — in English and in Dutch (asked for by the browser's
//! languages), at a phone's 390×844 and a laptop's 1280×800; axe-core checks the first
//! screen, a step, the typed-code screen and an ending for serious or critical
//! violations. Live sharing across front ends: a partner in Chromium (with JavaScript, the
//! page following by server-sent events; without, by its refresh) asks for a code, an agent
//! joins with the real OpenSSH client (`ssh -tt … join CODE`) on the same `serve` process,
//! each sees the other's answer, and the partner stops sharing while the agent carries on
//! to a logged ending; axe checks the shared page. With `CI` set, a missing `chromium`,
//! `chromedriver` or axe-core fails the test (`.ci/run` installs them); elsewhere it is
//! skipped.
//!
//! `SIGNIN_DOCTOR_SCREENSHOTS=DIR` keeps a screenshot of each page walked in DIR (the
//! README's picture is one of them).

mod common;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use common::have;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use signin_doctor_serve::web::{self, App, WebOptions};

/// The axe-core script `.ci/run` unpacks (the npm package `axe-core`).
fn axe_script() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/axe-core/axe.min.js");
    std::fs::read_to_string(path).ok()
}

/// A chromedriver on a port of its own, ended with the test.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn start_driver() -> Driver {
    let port = free_port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let driver = Driver { child, port };
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return driver;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not start on port {port}");
}

/// A headless Chromium whose languages are `accept_language`.
async fn browser(driver: &Driver, accept_language: &str) -> Client {
    browser_with(driver, accept_language, true).await
}

/// A headless Chromium whose languages are `accept_language`, running scripts or not.
async fn browser_with(driver: &Driver, accept_language: &str, javascript: bool) -> Client {
    let mut capabilities = serde_json::Map::new();
    // Content setting 2: blocked.
    let scripts = if javascript { 1 } else { 2 };
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1280,800",
                     format!("--lang={accept_language}")],
            "prefs": {
                "intl.accept_languages": accept_language,
                "profile.managed_default_content_settings.javascript": scripts,
            },
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("connect to chromedriver")
}

/// The web pages on a port of their own, on this test's runtime.
async fn start_server(dir: &std::path::Path) -> (SocketAddr, Arc<App>) {
    let options = WebOptions {
        flow: signin_doctor_cli::commands::walkable_flow(None, "test").unwrap(),
        state_dir: Some(dir.to_path_buf()),
        log: Some(dir.join("outcomes.jsonl")),
        keep_days: 30,
        max_sessions: 100,
        idle_timeout: Duration::from_secs(600),
        behind_proxy: false,
        sessions_per_minute: 100,
        answers_per_minute: 1000,
    };
    let app = App::new(&options).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(web::serve(
        listener,
        Arc::clone(&app),
        std::future::pending(),
    ));
    (address, app)
}

/// Presses `key` once.
async fn press(client: &Client, key: Key) {
    let value: char = key.into();
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value })
        .then(KeyAction::Up { value });
    client.perform_actions(keys).await.unwrap();
}

/// Tabs until the focused element matches the CSS `selector`, as a keyboard user
/// would, and checks that focus shows; fails if 60 Tabs do not reach it.
async fn tab_to(client: &Client, selector: &str) {
    for _ in 0..60 {
        press(client, Key::Tab).await;
        let found = client
            .execute(
                "const e = document.activeElement; \
                 if (!e.matches(arguments[0])) return null; \
                 const s = getComputedStyle(e); \
                 return s.outlineStyle !== 'none' && s.outlineWidth !== '0px';",
                vec![json!(selector)],
            )
            .await
            .unwrap();
        if let Some(visible) = found.as_bool() {
            assert!(visible, "the focused {selector} shows where focus is");
            return;
        }
    }
    panic!("Tab never reached {selector}");
}

/// Runs axe-core on the page shown; fails on any serious or critical violation.
async fn check_accessibility(client: &Client, axe: &str, what: &str) {
    client.execute(axe, vec![]).await.unwrap();
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             axe.run(document, { resultTypes: ['violations'] }) \
               .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, \
                  nodes: v.nodes.map(n => n.html).slice(0, 3) })))) \
               .catch(e => done([{ id: 'axe-error', impact: 'critical', nodes: [String(e)] }]));",
            vec![],
        )
        .await
        .unwrap();
    let bad: Vec<&Value> = result
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .collect();
    assert!(bad.is_empty(), "{what}: {bad:#?}");
}

/// The main heading shown.
async fn heading(client: &Client) -> String {
    client
        .find(Locator::Css("h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// Keeps a screenshot named `name` when asked to.
async fn keep_screenshot(client: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("SIGNIN_DOCTOR_SCREENSHOTS") {
        let png = client.screenshot().await.unwrap();
        std::fs::write(PathBuf::from(dir).join(format!("{name}.png")), png).unwrap();
    }
}

/// Walks from the first question to the lockout advice and on to a contact ending with
/// the keyboard only, checking the pages with axe on the way when `axe` is given.
async fn walk(
    client: &Client,
    address: SocketAddr,
    size: (u32, u32),
    axe: Option<&str>,
    lang: &str,
) {
    client.set_window_size(size.0, size.1).await.unwrap();
    client.goto(&format!("http://{address}/")).await.unwrap();
    let html_lang = client
        .find(Locator::Css("html"))
        .await
        .unwrap()
        .attr("lang")
        .await
        .unwrap();
    assert_eq!(html_lang.as_deref(), Some(lang));
    let name = format!("web-{lang}-{}x{}", size.0, size.1);
    keep_screenshot(client, &format!("{name}-1-question")).await;
    if let Some(axe) = axe {
        check_accessibility(client, axe, "the first question").await;
    }
    // The skip link comes first and leads to the question.
    press(client, Key::Tab).await;
    let skip = client.active_element().await.unwrap();
    assert_eq!(skip.attr("class").await.unwrap().as_deref(), Some("skip"));
    // "The sign-in screen shows an error code or message".
    tab_to(client, "button[name=choice][value='1']").await;
    press(client, Key::Enter).await;
    tab_to(client, "input#typed").await;
    keep_screenshot(client, &format!("{name}-2-code")).await;
    if let Some(axe) = axe {
        check_accessibility(client, axe, "the typed-code question").await;
    }
    client
        .active_element()
        .await
        .unwrap()
        .send_keys("AADSTS50053")
        .await
        .unwrap();
    press(client, Key::Enter).await;
    let advice = heading(client).await;
    assert!(
        advice.contains("locked") || advice.contains("vergrendeld"),
        "{advice}"
    );
    keep_screenshot(client, &format!("{name}-3-step")).await;
    if let Some(axe) = axe {
        check_accessibility(client, axe, "a step").await;
    }
    // "No, it still does not work".
    tab_to(client, "button[name=choice][value='1']").await;
    press(client, Key::Enter).await;
    // Enter only sends the form: wait for the ending page (its transcript link) to load.
    client
        .wait()
        .at_most(std::time::Duration::from_secs(15))
        .for_element(Locator::Css("a[href$='/transcript.md']"))
        .await
        .expect("the ending, with its transcript download, within 15 s");
    let ending = client.source().await.unwrap();
    assert!(ending.contains("AADSTS50053"), "the code to give them");
    assert!(ending.contains("/transcript.md"));
    keep_screenshot(client, &format!("{name}-4-ending")).await;
    if let Some(axe) = axe {
        check_accessibility(client, axe, "an ending").await;
    }
    // Start again, for the next walk.
    tab_to(client, "form[action='/restart'] button").await;
    press(client, Key::Enter).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partner_walks_to_an_ending_by_keyboard_in_english_and_dutch_on_phone_and_laptop() {
    if !have("chromium") || !have("chromedriver") {
        return;
    }
    let axe = axe_script();
    assert!(
        axe.is_some() || std::env::var_os("CI").is_none(),
        "axe-core is needed in CI (.ci/run unpacks it into target/axe-core)"
    );
    let dir = tempfile::tempdir().unwrap();
    let (address, _app) = start_server(dir.path()).await;
    let driver = start_driver().await;
    for (accept, lang) in [("en-GB,en", "en"), ("nl-NL,nl", "nl")] {
        let client = browser(&driver, accept).await;
        walk(&client, address, (390, 844), axe.as_deref(), lang).await;
        walk(&client, address, (1280, 800), None, lang).await;
        client.close().await.unwrap();
    }
    let log = std::fs::read_to_string(dir.path().join("outcomes.jsonl")).unwrap();
    assert_eq!(log.lines().count(), 4, "one record per walk:\n{log}");
    assert!(log.lines().all(|l| l.contains("\"front_end\":\"web\"")));
}

/// Waits up to 15 seconds for the page to show an element matching the CSS `selector`
/// (a shared page reloads itself when the other side changes the session).
async fn wait_for(client: &Client, selector: &str, what: &str) {
    client
        .wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css(selector))
        .await
        .unwrap_or_else(|_| panic!("{what} within 15 s"));
}

/// Clicks the button matching the CSS `selector`.
async fn click(client: &Client, selector: &str) {
    client
        .find(Locator::Css(selector))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_partner_and_an_ssh_agent_share_a_session_live() {
    share_live(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_javascript_the_shared_page_refreshes_itself_while_the_agent_is_there() {
    share_live(false).await;
}

/// A partner in the browser (running scripts, so the page follows by server-sent events,
/// or not, so it refreshes itself) shares their session with an agent over SSH.
async fn share_live(javascript: bool) {
    if !have("chromium") || !have("chromedriver") || !common::serve::have_ssh() {
        return;
    }
    let axe = axe_script();
    // SSH and the web pages in one process, as `serve --listen … --http …` runs them.
    let web = common::serve::free_port();
    let server = common::serve::Server::start(&["--open", "--http", &format!("127.0.0.1:{web}")]);
    common::serve::wait_for_port(web);
    let driver = start_driver().await;
    let client = browser_with(&driver, "en-GB,en", javascript).await;
    client.set_window_size(390, 844).await.unwrap();
    client
        .goto(&format!("http://127.0.0.1:{web}/"))
        .await
        .unwrap();
    click(&client, "form[action='/code'] button").await;
    wait_for(&client, "strong.code", "the code for the helpdesk").await;
    // Without scripts, what `<noscript>` holds is read as markup: the refresh.
    let refresh = client
        .execute(
            "return document.querySelectorAll('noscript > meta[http-equiv=refresh]').length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        refresh,
        json!(if javascript { 0 } else { 1 }),
        "scripts: {javascript}"
    );
    let code = client
        .find(Locator::Css("strong.code"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    let mut agent = server.command_in_terminal("helpdesk", &format!("join {code}"));
    agent.wait_for("What is going wrong with Partner Center?");
    agent.wait_for("Live: the partner sees every answer you give");
    // The partner's page follows: the agent is with them.
    wait_for(&client, "p.live", "\"A helpdesk agent is with you\"").await;
    let page = client.source().await.unwrap();
    assert!(page.contains("A helpdesk agent is with you"), "{page}");
    keep_screenshot(&client, "web-live-agent-with-you").await;
    if let Some(axe) = axe.as_deref().filter(|_| javascript) {
        check_accessibility(&client, axe, "the page shared with an agent").await;
    }

    // The agent answers: the partner's page shows the question it leads to.
    agent.pick("error code");
    wait_for(
        &client,
        "input#typed",
        "the agent's answer on the partner's page",
    )
    .await;
    // The partner answers: the agent's terminal shows the step it leads to.
    client
        .find(Locator::Css("input#typed"))
        .await
        .unwrap()
        .send_keys("AADSTS50053")
        .await
        .unwrap();
    click(&client, "button[name=enter]").await;
    agent.wait_for("Your account is locked");
    wait_for(
        &client,
        "form[action='/end-sharing']",
        "the step, still shared",
    )
    .await;
    assert!(heading(&client).await.contains("locked"));

    // The partner stops sharing; the agent is told and keeps the call.
    click(&client, "form[action='/end-sharing'] button").await;
    wait_for(&client, "form[action='/code']", "the page no longer shared").await;
    let page = client.source().await.unwrap();
    assert!(!page.contains("A helpdesk agent is with you"));
    assert!(!page.contains("live.js") && !page.contains("http-equiv"));
    agent.wait_for("The partner stopped sharing the session");
    // "No, it still does not work", on the agent's side only.
    agent.send("2");
    agent.wait_for("Ask your admin to check the sign-in logs");
    assert!(
        heading(&client).await.contains("locked"),
        "the partner's page stays where the partner is"
    );
    agent.send("q");
    agent.wait_for("q again leaves without it");
    agent.send("q");
    assert_eq!(agent.exit_code(), 0, "an ending reached");
    let log = std::fs::read_to_string(server.dir.path().join("outcomes.jsonl")).unwrap();
    assert_eq!(log.lines().count(), 1, "the agent's call, logged:\n{log}");
    assert!(
        log.contains("\"outcome\":\"ask-admin-sign-in-logs\""),
        "{log}"
    );
    client.close().await.unwrap();
}
