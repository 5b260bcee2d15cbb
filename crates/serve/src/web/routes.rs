//! What each address does. Every answer is a POST that moves the call and answers
//! 303 See Other to `/`, which shows where the call is (so a reload never answers
//! twice); every form carries the session's token and the place it answers.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::Router;
use axum::extract::{ConnectInfo, Form, FromRequest, FromRequestParts, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::Markup;
use serde::Deserialize;

use super::call::{Place, Stale};
use super::render::{StepView, error_page, step_page};
use super::store::{Refused, WebSession, lock, same_token};
use super::words::{from_accept_language, web_words};
use super::{App, cookie, live};
use crate::core::{Change, Intent, Refusal};
use crate::lang::Lang;

/// The style sheet, served as a file (the pages carry no inline style).
const STYLE: &str = include_str!("assets/style.css");

/// The script a shared session's page loads to follow the agent's changes (the pages
/// carry no inline script; without it, a shared page refreshes itself).
const LIVE_SCRIPT: &str = include_str!("assets/live.js");

/// Every address, with the 404 page for the rest.
pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/", get(show))
        .route("/answer", post(answer))
        .route("/back", post(back))
        .route("/restart", post(restart))
        .route("/lang", post(language))
        .route("/code", post(code))
        .route("/handover", post(hand_over))
        .route("/end-sharing", post(end_sharing))
        .route("/events", get(events))
        .route("/live.js", get(live_script))
        .route("/transcript.md", get(transcript_markdown))
        .route("/transcript.json", get(transcript_json))
        .route("/style.css", get(style))
        .fallback(not_found)
}

/// The fields a form of the walk sends.
#[derive(Debug, Default, Deserialize)]
pub struct Sent {
    /// The session's form token.
    token: Option<String>,
    /// The key of the node the page showed.
    node: Option<String>,
    /// How many moves led to it.
    depth: Option<usize>,
    /// How many of the agent's moves the page had taken in.
    seen: Option<u64>,
    /// The answer picked (a question's or a step's).
    choice: Option<usize>,
    /// What was typed in a free-text field.
    typed: Option<String>,
    /// `take` the code offered (or go on with nothing typed), or `decline` it.
    confirm: Option<String>,
    /// The language asked for by the switch.
    lang: Option<String>,
}

/// A form posted: the request's headers, the client's address and the fields.
pub struct Posted {
    headers: HeaderMap,
    connect: SocketAddr,
    sent: Sent,
}

impl FromRequest<Arc<App>> for Posted {
    type Rejection = Response;

    async fn from_request(request: Request, app: &Arc<App>) -> Result<Posted, Response> {
        let (mut parts, body) = request.into_parts();
        let ConnectInfo(connect) = ConnectInfo::<SocketAddr>::from_request_parts(&mut parts, app)
            .await
            .map_err(IntoResponse::into_response)?;
        let headers = parts.headers.clone();
        let Form(sent) = Form::<Sent>::from_request(Request::from_parts(parts, body), app)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(Posted {
            headers,
            connect,
            sent,
        })
    }
}

impl Sent {
    /// The place the form was answering, if it says.
    fn place(&self) -> Option<Place> {
        Some(Place {
            node: self.node.clone()?,
            depth: self.depth?,
            // A form that does not say is taken as older than any move of the agent's.
            moves_seen: self.seen.unwrap_or(0),
        })
    }
}

/// The client's address: the connection's, or behind a proxy the last address it added.
fn client(app: &App, headers: &HeaderMap, connect: SocketAddr) -> IpAddr {
    let forwarded = app
        .behind_proxy
        .then(|| headers.get("x-forwarded-for")?.to_str().ok())
        .flatten()
        .and_then(|list| list.rsplit(',').next()?.trim().parse().ok());
    forwarded.unwrap_or(connect.ip())
}

/// The language the browser asks for.
fn browser_lang(headers: &HeaderMap) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(from_accept_language)
        .unwrap_or_default()
}

/// GET `/`: the page the call is at; a browser without a session gets a new one.
async fn show(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    ConnectInfo(connect): ConnectInfo<SocketAddr>,
) -> Response {
    if let Some(id) = cookie::session_id(&headers) {
        // A session in memory is shown at once; only one continued from its save waits
        // for the disk, on the blocking pool (a hop there costs a step page most of its time).
        let found = match app.store.get(id) {
            Some(session) => Some(session),
            None => {
                let (app, id) = (Arc::clone(&app), id.to_owned());
                blocking(move || app.store.find(&id)).await
            }
        };
        if let Some(session) = found {
            return page(&mut lock(&session));
        }
    }
    let lang = browser_lang(&headers);
    if !app.new_sessions.allow(client(&app, &headers, connect)) {
        return refusal(&app, lang, StatusCode::TOO_MANY_REQUESTS);
    }
    let created = {
        let app = Arc::clone(&app);
        blocking(move || app.store.create(lang)).await
    };
    match created {
        Ok((id, session)) => {
            let mut response = page(&mut lock(&session));
            if let Ok(value) = HeaderValue::from_str(&cookie::set(&id, app.behind_proxy)) {
                response.headers_mut().insert(header::SET_COOKIE, value);
            }
            response
        }
        Err(Refused::Full) => refusal(&app, lang, StatusCode::SERVICE_UNAVAILABLE),
    }
}

/// The page of the step `session` is at, showing its one-time word.
fn page(session: &mut WebSession) -> Response {
    let flash = session.flash.take();
    let call = &session.call;
    let page = call.page(session.lang);
    let place = call.place();
    let markup = step_page(&StepView {
        page: &page,
        lang: session.lang,
        place: &place,
        token: &session.token,
        asking: call.asking(),
        flash: flash.as_deref(),
        problem: call.problem(),
        code: call.code(),
        agent_present: call.agent_present(),
        live: call.live().then(|| session.version()),
        handed_over: call.handed_over(),
        can_go_back: call.can_go_back(),
        finished: call.finished(),
    });
    html(StatusCode::OK, markup)
}

/// POST `/answer`: picks an answer, or enters or confirms typed text.
async fn answer(State(app): State<Arc<App>>, posted: Posted) -> Response {
    change(app, posted, |session, sent| {
        if !in_place(session, sent) {
            return;
        }
        let intent = match (sent.choice, sent.confirm.as_deref(), &sent.typed) {
            (Some(index), _, _) => Intent::Pick(index),
            (None, Some("take"), _) => Intent::Type(String::new()),
            (None, Some("decline"), _) => Intent::Decline,
            (None, _, Some(typed)) => Intent::Type(typed.clone()),
            _ => return,
        };
        apply(session, intent);
    })
    .await
}

/// Applies `intent` to the session's call and keeps what to tell on the next page.
fn apply(session: &mut WebSession, intent: Intent) {
    let applied = session.call.apply(intent);
    session.tell(&applied);
    if let Change::Refused(Refusal::HandOff(why)) = &applied.change {
        let words = web_words(session.lang);
        session.flash = Some(format!("{} {why}", words.no_code));
    }
}

/// POST `/back`: one step back from the page the form was on.
async fn back(State(app): State<Arc<App>>, posted: Posted) -> Response {
    change(app, posted, |session, sent| {
        if in_place(session, sent) {
            apply(session, Intent::Back);
        }
    })
    .await
}

/// POST `/restart`: back to the first question; after an ending, a new call.
async fn restart(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let id = cookie::session_id(&posted.headers).unwrap_or_default();
    let keeping = app.store.keeping_for(id);
    change(app, posted, move |session, _| {
        let lang = session.lang;
        session.call.restart(&keeping, lang);
    })
    .await
}

/// POST `/lang`: shows the pages in the language asked for.
async fn language(State(app): State<Arc<App>>, posted: Posted) -> Response {
    change(app, posted, |session, sent| {
        if let Some(lang) = sent.lang.as_deref().and_then(|l| l.parse().ok()) {
            session.speak(lang);
        }
    })
    .await
}

/// POST `/code`: a hand-off code for the helpdesk, shown on the page until an agent
/// joins with it; from now on the call is shared in the server's lobby.
async fn code(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let (lobby, ids) = (Arc::clone(app.lobby()), app.call_ids.clone());
    change(app, posted, move |session, _| {
        live::share(session, &lobby, &ids);
        apply(session, Intent::HandOff);
    })
    .await
}

/// POST `/handover`: the partner leaves the call to the agent with the code.
async fn hand_over(State(app): State<Arc<App>>, posted: Posted) -> Response {
    change(app, posted, |session, _| {
        session.call.hand_over();
    })
    .await
}

/// POST `/end-sharing`: the agent no longer sees the partner's session; they carry on
/// with it alone, as over SSH.
async fn end_sharing(State(app): State<Arc<App>>, posted: Posted) -> Response {
    change(app, posted, |session, _| {
        apply(session, Intent::EndSharing);
    })
    .await
}

/// What `/events` is asked: the version of the page shown.
#[derive(Debug, Deserialize)]
pub struct Shown {
    /// The version of the page shown (see `WebSession::version`).
    seen: Option<u64>,
}

/// GET `/events`: server-sent events for the page's script, one `change` as soon as the
/// session is at another version than the page shows (the agent answered, joined or
/// left). 404 without a session.
async fn events(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(shown): Query<Shown>,
) -> Response {
    let found = cookie::session_id(&headers).and_then(|id| app.store.get(id));
    let Some(session) = found else {
        return not_found_page(&app, browser_lang(&headers));
    };
    let changes = lock(&session).changes.subscribe();
    let seen = shown.seen.unwrap_or(0);
    let stream = futures_util::stream::unfold((changes, seen), move |(mut changes, seen)| {
        let app = Arc::clone(&app);
        async move {
            let now = loop {
                let now = *changes.borrow_and_update();
                if now != seen {
                    break now;
                }
                tokio::select! {
                    // The session ended: so does the stream.
                    changed = changes.changed() => changed.ok()?,
                    () = app.stopping() => return None,
                }
            };
            let change = Event::default().event("change").data(now.to_string());
            Some((Ok::<_, Infallible>(change), (changes, now)))
        }
    });
    let mut response = Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Puts the call back at the place the form answers, as the wizard's Back would; when it
/// cannot (the page is from a path since left), says so and answers nothing.
fn in_place(session: &mut WebSession, sent: &Sent) -> bool {
    let words = web_words(session.lang);
    let Some(place) = sent.place() else {
        return false;
    };
    let Err(stale) = session.call.return_to(&place) else {
        return true;
    };
    let said = match stale {
        Stale::Over => words.call_over,
        Stale::PathLeft => words.moved_on,
        Stale::AgentMoved => words.agent_moved,
    };
    session.flash = Some(said.to_owned());
    false
}

/// Does `what` to the session of the request, if its token is right and the client is
/// within its limit; then 303 See Other to the page.
async fn change(
    app: Arc<App>,
    posted: Posted,
    what: impl FnOnce(&mut WebSession, &Sent) + Send + 'static,
) -> Response {
    let Posted {
        headers,
        connect,
        sent,
    } = posted;
    let lang = browser_lang(&headers);
    let Some(id) = cookie::session_id(&headers).map(str::to_owned) else {
        return refusal(&app, lang, StatusCode::FORBIDDEN);
    };
    let Some(session) = app.store.get(&id) else {
        return refusal(&app, lang, StatusCode::FORBIDDEN);
    };
    let token_ok = {
        let session = lock(&session);
        sent.token
            .as_deref()
            .is_some_and(|t| same_token(t, &session.token))
    };
    if !token_ok {
        return refusal(&app, lang, StatusCode::FORBIDDEN);
    }
    if !app.answers.allow(client(&app, &headers, connect)) {
        return refusal(&app, lang, StatusCode::TOO_MANY_REQUESTS);
    }
    blocking(move || what(&mut lock(&session), &sent)).await;
    Redirect::to("/").into_response()
}

/// GET `/transcript.md`: the call's transcript in Markdown.
async fn transcript_markdown(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    transcript(&app, &headers, "md", |t| t.to_markdown())
}

/// GET `/transcript.json`: the call's transcript in JSON.
async fn transcript_json(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    transcript(&app, &headers, "json", |t| t.to_json())
}

/// The transcript of the request's call, as a download named for its flow.
fn transcript(
    app: &App,
    headers: &HeaderMap,
    extension: &str,
    text: fn(&crate::transcript::Transcript) -> String,
) -> Response {
    let found = cookie::session_id(headers).and_then(|id| app.store.get(id));
    let Some(session) = found else {
        return not_found_page(app, browser_lang(headers));
    };
    let session = lock(&session);
    let transcript = session.call.transcript(session.lang);
    let kind = match extension {
        "md" => "text/markdown; charset=utf-8",
        _ => "application/json",
    };
    let disposition = format!("attachment; filename=\"signin-doctor-transcript.{extension}\"");
    (
        [
            (header::CONTENT_TYPE, kind.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        text(&transcript),
    )
        .into_response()
}

/// GET `/style.css`.
async fn style() -> Response {
    asset("text/css; charset=utf-8", STYLE)
}

/// GET `/live.js`.
async fn live_script() -> Response {
    asset("text/javascript; charset=utf-8", LIVE_SCRIPT)
}

/// A file of the site's own, of type `kind`, cached for an hour.
fn asset(kind: &'static str, text: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        text,
    )
        .into_response()
}

/// Any other address: 404, with a page that leads home.
async fn not_found(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    not_found_page(&app, browser_lang(&headers))
}

fn not_found_page(app: &App, lang: Lang) -> Response {
    let words = web_words(lang);
    let site = app.store.site(lang);
    html(
        StatusCode::NOT_FOUND,
        error_page(lang, &site, words.not_found, words.not_found_text),
    )
}

/// A request refused with `status`, on a page that says why and leads home.
fn refusal(app: &App, lang: Lang, status: StatusCode) -> Response {
    let words = web_words(lang);
    let (heading, text) = match status {
        StatusCode::FORBIDDEN => (words.forbidden, words.forbidden_text),
        StatusCode::TOO_MANY_REQUESTS => (words.too_many, words.too_many_text),
        _ => (words.full, words.full),
    };
    let site = app.store.site(lang);
    html(status, error_page(lang, &site, heading, text))
}

/// An HTML page, never cached (it shows one moment of a call).
fn html(status: StatusCode, markup: Markup) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        markup.into_string(),
    )
        .into_response()
}

/// Runs `work` (which reads or writes the session's files) off the network threads.
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    match tokio::task::spawn_blocking(work).await {
        Ok(value) => value,
        // Only a panic in `work` gets here: it ends this request as it would have inline.
        Err(error) => std::panic::resume_unwind(Box::new(error.to_string())),
    }
}
