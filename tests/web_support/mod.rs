//! An in-process browser for the web front end's route tests: it keeps the session
//! cookie, reads the form token and place from the page shown, and sends requests
//! through the router with tower's `oneshot`, from a client address of its choosing.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use signin_doctor_serve::web::{self, App, WebOptions};
use tower::ServiceExt;

/// A server's state folder and log, removed with it.
pub struct Server {
    pub app: Arc<App>,
    pub dir: tempfile::TempDir,
    pub options: WebOptions,
}

impl Server {
    /// A server on the built-in flow with room enough for the tests.
    pub fn new() -> Server {
        Server::with(|_| {})
    }

    /// A server with its options changed by `change`.
    pub fn with(change: impl FnOnce(&mut WebOptions)) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let flow = signin_doctor_cli::commands::walkable_flow(None, "test").unwrap();
        let mut options = WebOptions {
            flow,
            state_dir: Some(dir.path().to_path_buf()),
            log: Some(dir.path().join("outcomes.jsonl")),
            keep_days: 30,
            max_sessions: 100,
            idle_timeout: Duration::from_secs(1800),
            behind_proxy: false,
            sessions_per_minute: 1000,
            answers_per_minute: 10_000,
        };
        change(&mut options);
        Server {
            app: App::new(&options).unwrap(),
            dir,
            options,
        }
    }

    /// The outcome log's lines.
    pub fn log(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(self.log_path())
            .unwrap_or_default()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    }

    pub fn log_path(&self) -> PathBuf {
        self.dir.path().join("outcomes.jsonl")
    }

    /// Every file under the state folder, with its text.
    pub fn saved_text(&self) -> String {
        let mut text = String::new();
        let mut folders = vec![self.dir.path().join("served")];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    text += &std::fs::read_to_string(&path).unwrap_or_default();
                }
            }
        }
        text
    }

    /// A browser of its own, from address 192.0.2.1, speaking `accept_language`.
    pub fn browser(&self, accept_language: &str) -> Browser {
        Browser {
            app: Arc::clone(&self.app),
            cookie: None,
            accept_language: accept_language.to_owned(),
            page: String::new(),
            client: "192.0.2.1:40000".parse().unwrap(),
        }
    }
}

/// What a response came to.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

/// One browser: its cookie and the last page it was shown.
pub struct Browser {
    app: Arc<App>,
    pub cookie: Option<String>,
    accept_language: String,
    /// The last page shown.
    pub page: String,
    pub client: SocketAddr,
}

impl Browser {
    /// Sends `request` with the cookie, keeping a new one.
    pub async fn send(&mut self, request: Request<Body>) -> Reply {
        let (mut parts, body) = request.into_parts();
        if let Some(cookie) = &self.cookie {
            parts
                .headers
                .insert(header::COOKIE, cookie.parse().unwrap());
        }
        if !self.accept_language.is_empty() {
            parts.headers.insert(
                header::ACCEPT_LANGUAGE,
                self.accept_language.parse().unwrap(),
            );
        }
        let router = web::router(Arc::clone(&self.app)).layer(MockConnectInfo(self.client));
        let response = router
            .oneshot(Request::from_parts(parts, body))
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        if let Some(set) = headers.get(header::SET_COOKIE) {
            let pair = set.to_str().unwrap().split(';').next().unwrap();
            self.cookie = Some(pair.to_owned());
        }
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8(bytes.to_vec()).unwrap(),
        }
    }

    /// GET `path`, giving the response as it comes (an event stream's body is read
    /// as it is sent).
    pub async fn open(&mut self, path: &str) -> axum::response::Response {
        let mut request = Request::get(path).body(Body::empty()).unwrap();
        if let Some(cookie) = &self.cookie {
            request
                .headers_mut()
                .insert(header::COOKIE, cookie.parse().unwrap());
        }
        let router = web::router(Arc::clone(&self.app)).layer(MockConnectInfo(self.client));
        router.oneshot(request).await.unwrap()
    }

    /// Shows `/` again until the page says `text`, as a page following a shared
    /// session would; fails after 10 seconds.
    pub async fn show_until(&mut self, text: &str) -> String {
        for _ in 0..500 {
            let page = self.show().await;
            if page.contains(text) {
                return page;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("the page never said {text:?}:\n{}", self.page);
    }

    /// GET `path`.
    pub async fn get(&mut self, path: &str) -> Reply {
        let request = Request::get(path).body(Body::empty()).unwrap();
        self.send(request).await
    }

    /// GET `/`, keeping the page shown.
    pub async fn show(&mut self) -> String {
        let reply = self.get("/").await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        self.page = reply.body.clone();
        reply.body
    }

    /// POSTs `fields` (already URL-encoded pairs) to `path`.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let body = form(fields);
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }

    /// Answers the page shown with `fields` (the token and the page's place added), as
    /// its form would; checks the 303 and shows the page it leads to.
    pub async fn submit(&mut self, path: &str, fields: &[(&str, &str)]) -> String {
        let page = self.page.clone();
        let mut all = place_fields(&page);
        all.extend(fields.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let pairs: Vec<(&str, &str)> = all.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let reply = self.post(path, &pairs).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        assert_eq!(reply.headers[header::LOCATION], "/");
        self.show().await
    }

    /// Picks the answer whose button reads `label` on the page shown.
    pub async fn choose(&mut self, label: &str) -> String {
        let index = button_value(&self.page, label);
        self.submit("/answer", &[("choice", &index)]).await
    }

    /// Types `text` in the page's field and continues.
    pub async fn type_in(&mut self, text: &str) -> String {
        self.submit("/answer", &[("typed", text), ("enter", "1")])
            .await
    }
}

/// The hidden fields of the page's first walk form: token, node, depth, seen.
pub fn place_fields(page: &str) -> Vec<(String, String)> {
    ["token", "node", "depth", "seen"]
        .iter()
        .map(|name| (name.to_string(), hidden(page, name)))
        .collect()
}

/// The value of the first hidden field `name` on `page`.
pub fn hidden(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} in {page}"))
        + marker.len();
    page[start..][..page[start..].find('"').unwrap()].to_owned()
}

/// The value of the answer button that reads `label`.
pub fn button_value(page: &str, label: &str) -> String {
    let end = page
        .find(&format!("\">{label}</button>"))
        .unwrap_or_else(|| panic!("no button {label:?} in {page}"));
    let start = page[..end].rfind("value=\"").unwrap() + "value=\"".len();
    page[start..end].to_owned()
}

/// The `<h1>` of `page`.
pub fn heading(page: &str) -> String {
    let start = page.find("<h1>").unwrap() + 4;
    page[start..][..page[start..].find("</h1>").unwrap()].to_owned()
}

/// Form-encodes `fields`.
pub fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
