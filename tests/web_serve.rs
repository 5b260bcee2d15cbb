//! `serve --http` as a real process: a partner in a browser (plain HTTP/1.1 requests
//! here) walks, gets a code for the helpdesk and hands over; an agent joins it with
//! `ssh -t agent@HOST join CODE` on the same server and goes on where the partner was.
//! The operator's log names the code alike on both sides, by its id, never the code.
//! Also: SIGTERM stops a web-only server cleanly, keeping the unfinished session, even
//! with a page's event stream open.
//! With `CI` set, a missing `ssh` fails the SSH test instead of skipping it.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::serve::{Server, free_port, have_ssh, wait_for_port};

/// One HTTP/1.1 request to 127.0.0.1:`port`: gives the status, the headers and the body.
fn http(port: u16, method: &str, path: &str, cookie: &str, form: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\
         Accept-Language: en\r\n"
    );
    if !cookie.is_empty() {
        request += &format!("Cookie: {cookie}\r\n");
    }
    if method == "POST" {
        request += &format!(
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
            form.len()
        );
    }
    request += "\r\n";
    request += form;
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let status = head[9..12].parse().unwrap();
    (status, head.to_owned(), body.to_owned())
}

/// The value of `key` on a line of the operator's text log (`key=value`).
fn field(line: &str, key: &str) -> String {
    let marker = format!(" {key}=");
    let start = line
        .find(&marker)
        .unwrap_or_else(|| panic!("no {key} in {line}"))
        + marker.len();
    line[start..].split(' ').next().unwrap().to_owned()
}

/// The value of the hidden field `name` on `page`.
fn hidden(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker).unwrap() + marker.len();
    page[start..][..page[start..].find('"').unwrap()].to_owned()
}

/// A browser on the server's web port: its cookie and the page it shows.
struct Partner {
    port: u16,
    cookie: String,
    page: String,
}

impl Partner {
    fn open(port: u16) -> Partner {
        let (status, head, page) = http(port, "GET", "/", "", "");
        assert_eq!(status, 200, "{page}");
        let set = head
            .lines()
            .find_map(|l| l.strip_prefix("set-cookie: "))
            .expect("a session cookie");
        let cookie = set.split(';').next().unwrap().to_owned();
        Partner { port, cookie, page }
    }

    /// Sends the page's form to `path` with `fields` added; follows the 303.
    fn submit(&mut self, path: &str, fields: &str) {
        let place = format!(
            "token={}&node={}&depth={}",
            hidden(&self.page, "token"),
            hidden(&self.page, "node"),
            hidden(&self.page, "depth")
        );
        let form = if fields.is_empty() {
            place
        } else {
            format!("{place}&{fields}")
        };
        let (status, head, _) = http(self.port, "POST", path, &self.cookie, &form);
        assert_eq!(status, 303, "{head}");
        let (status, _, page) = http(self.port, "GET", "/", &self.cookie, "");
        assert_eq!(status, 200);
        self.page = page;
    }
}

#[test]
fn a_browser_partner_hands_over_and_an_ssh_agent_joins_where_they_are() {
    if !have_ssh() {
        return;
    }
    let web = free_port();
    let http_address = format!("127.0.0.1:{web}");
    let server = Server::start(&["--open", "--http", &http_address]);
    wait_for_port(web);
    let mut partner = Partner::open(web);
    partner.submit("/answer", "choice=1");
    partner.submit("/answer", "typed=AADSTS50053&enter=1");
    assert!(partner.page.contains("Your account is locked"));
    partner.submit("/code", "");
    let start = partner.page.find("<strong class=\"code\">").unwrap() + 21;
    let code = partner.page[start..][..7].to_owned();
    partner.submit("/handover", "");
    assert!(
        partner
            .page
            .contains("Your session is with the helpdesk agent now")
    );

    let mut agent = server.command_in_terminal("helpdesk", &format!("join {code}"));
    agent.wait_for("Your account is locked");
    agent.wait_for("AADSTS50053");
    // The operator matches the web's lines to the agent's by the code's id, never the code.
    let claimed = field(&server.log.wait_for(&["code_claimed"]), "code");
    let given = server.log.wait_for(&["code_given", "front_end=web"]);
    assert_eq!(field(&given, "code"), claimed, "{given}");
    let bare = code.replace('-', "");
    for line in server.log.lines() {
        assert!(
            !line.contains(&code) && !line.contains(&bare),
            "the code itself in the log: {line}"
        );
    }
    // "No, it still does not work", the step's second answer.
    agent.send("2");
    agent.wait_for("Ask your admin to check the sign-in logs");
    // The transcript neither shown nor copied: the first q asks, the second leaves.
    assert_eq!(agent.quit_agent_ending_unsaved(), 0, "an ending reached");
    let log = std::fs::read_to_string(server.dir.path().join("outcomes.jsonl")).unwrap();
    assert_eq!(
        log.lines().count(),
        1,
        "the agent's call is logged once:\n{log}"
    );
    assert!(
        log.contains("\"outcome\":\"ask-admin-sign-in-logs\""),
        "{log}"
    );
}

#[test]
fn a_web_only_server_stops_on_sigterm_keeping_the_unfinished_call() {
    let port = free_port();
    let dir = tempfile::tempdir().unwrap();
    let address = format!("127.0.0.1:{port}");
    let state = dir.path().join("state");
    let log = dir.path().join("outcomes.jsonl");
    let mut child = common::binary(&[
        "serve",
        "--http",
        &address,
        "--state-dir",
        state.to_str().unwrap(),
        "--log",
        log.to_str().unwrap(),
    ])
    .stdin(std::process::Stdio::null())
    .spawn()
    .unwrap();
    wait_for_port(port);
    let mut partner = Partner::open(port);
    partner.submit("/answer", "choice=1");
    // A page that follows its session keeps an event stream open: it must not hold the
    // server up.
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /events?seen=0 HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {}\r\n\r\n",
        partner.cookie
    )
    .unwrap();
    let mut head = [0; 15];
    stream.read_exact(&mut head).unwrap();
    assert_eq!(&head, b"HTTP/1.1 200 OK");
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(child.id() as i32),
        nix::sys::signal::Signal::SIGTERM,
    )
    .unwrap();
    let status = common::child::expect_exit(&mut child, Duration::from_secs(10), "serve");
    assert_eq!(status.code(), Some(0));
    assert!(!log.exists(), "an unfinished call is not logged");
    let saves: Vec<_> = walkdir(&state.join("served"));
    assert!(
        saves
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "json")),
        "the call is kept: {saves:?}"
    );
}

/// Every file under `dir`.
fn walkdir(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walkdir(&path));
        } else {
            files.push(path);
        }
    }
    files
}
