//! `serve --http`: the wizard as web pages that work without JavaScript, one page per
//! step, for partners in a browser. One more adapter over the core, like the terminal
//! front ends: the same flow, records, masking and outcome log.
//!
//! By role: `call` (the one adapter over the core's `Call`), `live` (the partner's side
//! of live sharing with an agent over SSH), `store` (the browser sessions, their ids and
//! expiry), `rate` (per-address limits), `cookie` (the session cookie), `routes` (what
//! each address does), `render/` (the HTML), `words` (the pages' own words), `assets/`
//! (the style sheet and the small script that follows a shared session).

mod call;
mod cookie;
mod live;
mod rate;
mod render;
mod routes;
mod store;
mod words;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, header};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::call_id::CallIds;
use crate::core::live::Lobby;
use crate::error::Result;
use crate::flow::Flow;

/// The largest request body taken; larger ones are refused with 413.
pub const MAX_BODY: usize = 64 * 1024;

/// How the web pages are served.
#[derive(Debug, Clone)]
pub struct WebOptions {
    /// The flow every call walks.
    pub flow: Arc<Flow>,
    /// The state folder: each session's save in a folder of its own under `served/`,
    /// hand-off codes under `handoff/`; `None`: nothing is saved.
    pub state_dir: Option<PathBuf>,
    /// The one outcome log.
    pub log: Option<PathBuf>,
    /// How many days set-aside sessions are kept.
    pub keep_days: u32,
    /// The most sessions held at once.
    pub max_sessions: usize,
    /// A session without a request for this long is ended, its save kept.
    pub idle_timeout: Duration,
    /// TLS ends at a proxy in front: cookies are `Secure`, and the client's address is
    /// the last one the proxy adds to `X-Forwarded-For`.
    pub behind_proxy: bool,
    /// The most new sessions a minute from one address.
    pub sessions_per_minute: usize,
    /// The most answers a minute from one address.
    pub answers_per_minute: usize,
}

/// The default of [`WebOptions::sessions_per_minute`].
pub const SESSIONS_PER_MINUTE: usize = 30;
/// The default of [`WebOptions::answers_per_minute`].
pub const ANSWERS_PER_MINUTE: usize = 600;

/// What every request shares.
#[derive(Debug)]
pub struct App {
    /// The browser sessions.
    pub store: store::Store,
    new_sessions: rate::Rate,
    answers: rate::Rate,
    behind_proxy: bool,
    idle_timeout: Duration,
    /// The live shared sessions by hand-off code: the SSH server's own when both run in
    /// one process, so an agent over SSH joins a partner in a browser.
    lobby: Arc<Lobby>,
    /// Names hand-off codes in the operator's log as the SSH server does.
    call_ids: CallIds,
    /// Set when the server stops: the event streams end, so no open page holds it up.
    stopping: tokio::sync::watch::Sender<bool>,
}

impl App {
    /// The web front end's state, as `options` say, with a lobby of its own and call ids
    /// keyed in the state folder (or by this process when there is none).
    pub fn new(options: &WebOptions) -> Result<Arc<App>> {
        let call_ids = CallIds::load(options.state_dir.as_deref())?;
        Ok(App::with_shared(
            options,
            Lobby::new(options.state_dir.clone()),
            call_ids,
        ))
    }

    /// The web front end's state, as `options` say, sharing sessions in `lobby` and
    /// naming codes in the log with `call_ids` (the SSH server's own in one process).
    pub fn with_shared(options: &WebOptions, lobby: Arc<Lobby>, call_ids: CallIds) -> Arc<App> {
        let keeping = call::Keeping {
            flow: Arc::clone(&options.flow),
            folder: options.state_dir.as_ref().map(|dir| dir.join("served")),
            log: options.log.clone(),
            keep_days: options.keep_days,
        };
        Arc::new(App {
            store: store::Store::new(keeping, options.max_sessions),
            new_sessions: rate::Rate::new(options.sessions_per_minute),
            answers: rate::Rate::new(options.answers_per_minute),
            behind_proxy: options.behind_proxy,
            idle_timeout: options.idle_timeout,
            lobby,
            call_ids,
            stopping: tokio::sync::watch::Sender::new(false),
        })
    }

    /// Resolves once the server is stopping.
    pub async fn stopping(&self) {
        let mut stopping = self.stopping.subscribe();
        let _ = stopping.wait_for(|stop| *stop).await;
    }

    /// The lobby where agents find the partners' shared sessions by their codes.
    pub fn lobby(&self) -> &Arc<Lobby> {
        &self.lobby
    }
}

/// Every address of the web front end, with its limits and security headers.
pub fn router(app: Arc<App>) -> Router {
    let headers: [(HeaderName, &'static str); 5] = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    let mut router = routes::routes()
        .with_state(app)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(RequestBodyLimitLayer::new(MAX_BODY));
    for (name, value) in headers {
        router = router.layer(SetResponseHeaderLayer::overriding(
            name,
            HeaderValue::from_static(value),
        ));
    }
    router
}

/// Serves the web pages on `listener` until `stop` says so; then ends every session,
/// keeping their saves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    stop: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let sweeper = tokio::spawn(expire_idle(Arc::clone(&app)));
    let service = router(Arc::clone(&app)).into_make_service_with_connect_info::<SocketAddr>();
    let stopped = Arc::clone(&app);
    let stop = async move {
        stop.await;
        // Open event streams end first: the server waits for every response to finish.
        stopped.stopping.send_replace(true);
    };
    let served = axum::serve(listener, service)
        .with_graceful_shutdown(stop)
        .await;
    sweeper.abort();
    app.store.end_all();
    served
}

/// Ends idle sessions now and then, for as long as the server runs.
async fn expire_idle(app: Arc<App>) {
    let every = (app.idle_timeout / 4).clamp(Duration::from_secs(1), Duration::from_secs(30));
    loop {
        tokio::time::sleep(every).await;
        let store = Arc::clone(&app);
        let idle = app.idle_timeout;
        let _ = tokio::task::spawn_blocking(move || store.store.expire(idle)).await;
    }
}
