//! The session cookie: read from `Cookie`, written as `Set-Cookie` — `HttpOnly`,
//! `SameSite=Strict`, and `Secure` when TLS ends at a proxy in front.

use axum::http::HeaderMap;
use axum::http::header::COOKIE;

/// The cookie's name.
pub const NAME: &str = "signin_doctor";

/// The session id the browser sent, if any.
pub fn session_id(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == NAME)
        .map(|(_, value)| value)
}

/// The `Set-Cookie` value for session `id`: a session cookie, gone when the browser
/// closes; the session's save stays on the server.
pub fn set(id: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{NAME}={id}; Path=/; HttpOnly; SameSite=Strict{secure}")
}
