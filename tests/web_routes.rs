//! The web front end (`serve --http`) in-process, through its router: every kind of
//! page, answers as POST → 303 → GET, Back and Start again, answers from older pages,
//! the language, the typed code with its confirmation, the records, and what is refused
//! (403, 404, 413, 429) with the security headers and cookie flags.

mod web_support;

use axum::http::{StatusCode, header};
use web_support::{Server, button_value, heading, hidden};

const FIRST: &str = "What is going wrong with Partner Center?";
const ERROR_CODE: &str = "The sign-in screen shows an error code or message";
const LOCKED: &str = "Your account is locked: wait, then reset your password";

#[tokio::test]
async fn the_first_page_is_a_question_form_with_safe_headers_and_cookie() {
    let server = Server::new();
    let mut browser = server.browser("");
    let reply = browser.get("/").await;
    assert_eq!(reply.status, StatusCode::OK);
    let cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    assert!(!cookie.contains("Secure"), "no TLS here: {cookie}");
    let id = cookie.split(';').next().unwrap().split('=').nth(1).unwrap();
    assert_eq!(id.len(), 32, "128 bits in hex: {id}");
    let csp = reply.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"));
    assert_eq!(reply.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(reply.headers[header::REFERRER_POLICY], "no-referrer");
    let page = reply.body;
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"en\">"));
    assert!(
        !page.contains("<script") && !page.contains("style="),
        "nothing inline"
    );
    assert!(page.contains("<a class=\"skip\" href=\"#main\">"));
    assert!(page.contains("<main id=\"main\""));
    assert!(page.contains("<form method=\"post\" action=\"/answer\">"));
    assert!(page.contains(&format!("<fieldset><legend><h1>{FIRST}</h1></legend>")));
    assert_eq!(button_value(&page, ERROR_CODE), "1");
    assert_eq!(hidden(&page, "node"), "symptom");
    assert_eq!(hidden(&page, "depth"), "0");
}

#[tokio::test]
async fn behind_a_tls_proxy_the_cookie_is_secure() {
    let server = Server::with(|o| o.behind_proxy = true);
    let reply = server.browser("").get("/").await;
    let cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.contains("; Secure"), "{cookie}");
}

#[tokio::test]
async fn a_pasted_code_reaches_the_lockout_advice_in_two_steps_and_the_call_is_logged() {
    let server = Server::new();
    let mut browser = server.browser("en-GB,en;q=0.9");
    browser.show().await;
    let page = browser.choose(ERROR_CODE).await;
    assert!(page.contains("<label for=\"typed\">Your answer</label>"));
    assert!(page.contains("id=\"typed\" type=\"text\" name=\"typed\""));
    let page = browser.type_in("AADSTS50053").await;
    assert_eq!(heading(&page), LOCKED);
    // A step: what to try, then "Did that fix it?" as a fieldset of its own.
    assert!(page.contains("<legend><h2>Did that fix it?</h2></legend>"));
    assert!(page.contains("<a href=\"https://learn.microsoft.com/"));
    // A reload shows the same page and answers nothing.
    assert_eq!(heading(&browser.show().await), LOCKED);
    let page = browser.choose("No, it still does not work").await;
    assert!(
        page.contains("Give them this</h2><p>AADSTS50053</p>"),
        "{page}"
    );
    assert!(page.contains("Have this ready"));
    assert!(page.contains("Who to contact"));
    assert!(page.contains("href=\"/transcript.md\""));
    let log = server.log();
    assert_eq!(log.len(), 1, "one record per call");
    assert_eq!(log[0]["front_end"], "web");
    assert_eq!(log[0]["kind"], "contact");
    assert_eq!(log[0]["answers"], 3);
    let markdown = browser.get("/transcript.md").await;
    assert_eq!(markdown.status, StatusCode::OK);
    assert!(
        markdown.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert!(markdown.body.contains("AADSTS50053"));
    let json: serde_json::Value =
        serde_json::from_str(&browser.get("/transcript.json").await.body).unwrap();
    assert_eq!(json["outcome"]["kind"], "contact");
    // An answer from a page of the finished call moves nothing and logs nothing more.
    let reply = browser
        .post(
            "/answer",
            &[
                ("token", &hidden(&page, "token")),
                ("node", "symptom"),
                ("depth", "0"),
                ("choice", "0"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let page = browser.show().await;
    assert!(page.contains("This call has ended"));
    assert_eq!(server.log().len(), 1);
    // Start again begins a new call.
    let page = browser.submit("/restart", &[]).await;
    assert!(page.contains(&format!("<h1>{FIRST}</h1>")));
}

#[tokio::test]
async fn a_code_one_character_off_is_confirmed_before_it_is_taken() {
    let server = Server::new();
    let mut browser = server.browser("");
    browser.show().await;
    browser.choose(ERROR_CODE).await;
    let asked = browser.type_in("AADST50053").await;
    assert!(asked.contains("Did you mean AADSTS50053?"), "{asked}");
    assert!(
        asked.contains("value=\"AADST50053\""),
        "the typed text stays"
    );
    assert!(asked.contains("Yes, use AADSTS50053</button>"));
    assert!(asked.contains("aria-describedby=\"asked\""));
    let page = browser.submit("/answer", &[("confirm", "take")]).await;
    assert_eq!(heading(&page), LOCKED);
    // Declined, the answer is what was typed.
    browser.submit("/back", &[]).await;
    browser.type_in("AADST50053").await;
    let page = browser.submit("/answer", &[("confirm", "decline")]).await;
    assert!(page.contains("“AADST50053”"), "{page}");
    assert_ne!(heading(&page), LOCKED);
}

#[tokio::test]
async fn nothing_typed_is_asked_about_once_then_goes_on_without_a_code() {
    let server = Server::new();
    let mut browser = server.browser("");
    browser.show().await;
    browser.choose(ERROR_CODE).await;
    let page = browser.type_in("").await;
    assert!(page.contains("Nothing typed."));
    assert_eq!(hidden(&page, "node"), "error-code", "nothing moved yet");
    let page = browser.submit("/answer", &[("confirm", "take")]).await;
    assert_ne!(hidden(&page, "node"), "error-code");
    assert!(page.contains("(nothing typed)"), "{page}");
}

#[tokio::test]
async fn back_and_start_again_move_as_the_wizard_does() {
    let server = Server::new();
    let mut browser = server.browser("");
    browser.show().await;
    browser.choose(ERROR_CODE).await;
    browser.type_in("AADSTS50053").await;
    let page = browser.submit("/back", &[]).await;
    assert_eq!(hidden(&page, "node"), "error-code");
    assert_eq!(hidden(&page, "depth"), "1");
    let page = browser.submit("/restart", &[]).await;
    assert_eq!(hidden(&page, "node"), "symptom");
    assert!(!page.contains("Your answers so far"));
    assert!(
        !page.contains("action=\"/back\""),
        "nothing to go back over"
    );
    assert!(server.log().is_empty(), "no ending reached, nothing logged");
}

#[tokio::test]
async fn an_answer_from_an_older_page_goes_back_to_that_page_first() {
    let server = Server::new();
    let mut browser = server.browser("");
    let first = browser.show().await;
    browser.choose(ERROR_CODE).await;
    let second = browser.type_in("AADSTS50053").await;
    assert_eq!(heading(&second), LOCKED);
    // The browser's Back button shows the first page again; its form answers it.
    browser.page = first.clone();
    let page = browser
        .submit(
            "/answer",
            &[(
                "choice",
                &button_value(&first, "Something else, or I'm not sure"),
            )],
        )
        .await;
    assert_eq!(
        hidden(&page, "depth"),
        "1",
        "the old answers are gone, as after Back"
    );
    assert!(!page.contains("AADSTS50053"));
    assert!(
        page.contains("Something else, or I&#39;m not sure")
            || page.contains("Something else, or I'm not sure")
    );
    // A page from a path since left answers nothing and says so.
    browser.page = second;
    let page = browser.submit("/answer", &[("choice", "0")]).await;
    assert!(page.contains("That page was out of date"));
    assert_eq!(hidden(&page, "depth"), "1");
}

#[tokio::test]
async fn dutch_browsers_read_dutch_and_the_switch_changes_the_language() {
    let server = Server::new();
    let mut browser = server.browser("nl-NL,nl;q=0.9,en;q=0.5");
    let page = browser.show().await;
    assert!(page.contains("<html lang=\"nl\">"));
    assert!(
        page.contains("Wat gaat er mis met Partner Center?"),
        "{page}"
    );
    assert!(page.contains("<button type=\"submit\" lang=\"en\">English</button>"));
    let page = browser.submit("/lang", &[("lang", "en")]).await;
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains(FIRST));
}

#[tokio::test]
async fn forms_without_the_sessions_token_are_refused() {
    let server = Server::new();
    let mut browser = server.browser("");
    browser.show().await;
    let no_token = browser
        .post(
            "/answer",
            &[("node", "symptom"), ("depth", "0"), ("choice", "1")],
        )
        .await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);
    assert!(no_token.body.contains("href=\"/\""));
    let wrong = browser
        .post(
            "/answer",
            &[
                ("token", "0123456789abcdef0123456789abcdef"),
                ("node", "symptom"),
                ("depth", "0"),
                ("choice", "1"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    let mut stranger = server.browser("");
    let token = hidden(&browser.page, "token");
    let no_cookie = stranger.post("/restart", &[("token", &token)]).await;
    assert_eq!(no_cookie.status, StatusCode::FORBIDDEN);
    assert_eq!(
        hidden(&browser.show().await, "node"),
        "symptom",
        "nothing moved"
    );
}

#[tokio::test]
async fn unknown_pages_are_404_with_a_way_home_and_large_bodies_413() {
    let server = Server::new();
    let mut browser = server.browser("nl");
    let missing = browser.get("/wp-admin").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("Pagina niet gevonden"));
    assert!(missing.body.contains("<a href=\"/\">"));
    assert_eq!(missing.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    browser.show().await;
    let token = hidden(&browser.page, "token");
    let big = "x".repeat(70 * 1024);
    let reply = browser
        .post(
            "/answer",
            &[
                ("token", &token),
                ("node", "symptom"),
                ("depth", "0"),
                ("typed", &big),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn typed_markup_shows_as_text_and_secrets_are_masked_on_the_page_and_on_disk() {
    let server = Server::new();
    let mut browser = server.browser("");
    browser.show().await;
    browser.choose(ERROR_CODE).await;
    let page = browser.type_in("contoso <script> pwd=Hunter2secret!").await;
    assert!(!page.contains("<script>"), "{page}");
    assert!(
        page.contains("“contoso &lt;script&gt; pwd=[masked]”"),
        "{page}"
    );
    assert!(page.contains("pwd=[masked]"), "{page}");
    assert!(!page.contains("Hunter2secret"));
    assert!(server.saved_text().contains("pwd=[masked]"));
    assert!(!server.saved_text().contains("Hunter2secret"));
}

#[tokio::test]
async fn new_sessions_and_answers_are_limited_per_address() {
    let server = Server::with(|o| {
        o.sessions_per_minute = 2;
        o.answers_per_minute = 1;
    });
    let mut first = server.browser("");
    first.show().await;
    server.browser("").show().await;
    assert_eq!(
        server.browser("").get("/").await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    let mut elsewhere = server.browser("");
    elsewhere.client = "198.51.100.7:1234".parse().unwrap();
    assert_eq!(elsewhere.get("/").await.status, StatusCode::OK);
    first.choose(ERROR_CODE).await;
    let token = hidden(&first.page, "token");
    let reply = first
        .post(
            "/answer",
            &[
                ("token", &token),
                ("node", "error-code"),
                ("depth", "1"),
                ("typed", "x"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn an_idle_session_ends_with_its_save_kept_and_the_same_cookie_continues_it() {
    let server = Server::new();
    let mut browser = server.browser("");
    browser.show().await;
    browser.choose(ERROR_CODE).await;
    assert_eq!(server.app.store.expire(std::time::Duration::ZERO), 1);
    assert!(server.app.store.is_empty());
    assert!(server.log().is_empty(), "kept, not logged");
    let page = browser.show().await;
    assert_eq!(hidden(&page, "node"), "error-code", "{page}");
    assert!(page.contains("Your answers so far (1)"));
    let page = browser.type_in("AADSTS50053").await;
    assert_eq!(heading(&page), LOCKED);
}

#[tokio::test]
async fn a_code_for_the_helpdesk_hands_the_session_to_an_agent_where_the_partner_is() {
    let server = Server::new();
    let mut browser = server.browser("");
    browser.show().await;
    browser.choose(ERROR_CODE).await;
    let page = browser.submit("/code", &[]).await;
    let start = page.find("<strong class=\"code\">").expect("a code shown") + 21;
    let code = page[start..][..page[start..].find('<').unwrap()].to_owned();
    assert!(code.len() == 7 && code.as_bytes()[3] == b'-', "{code}");
    // Asked again, the same code; answering on keeps the code.
    assert!(browser.submit("/code", &[]).await.contains(&code));
    let page = browser.type_in("AADSTS50053").await;
    assert!(page.contains(&code));
    let page = browser.submit("/handover", &[]).await;
    assert!(page.contains("Your session is with the helpdesk agent now"));
    assert!(server.log().is_empty(), "kept for the agent, not logged");
    // The agent's wizard takes it over from the save, as `join CODE` does.
    let started = signin_doctor_core::core::hand_off::take_over(
        server.options.flow.clone(),
        server.dir.path(),
        &code,
        signin_doctor_core::core::RecordOptions::default(),
        signin_doctor_core::lang::Lang::En,
        signin_doctor_core::clock::now(),
    )
    .expect("the agent takes the session over");
    assert_eq!(started.session.node().key, "account-locked");
    assert_eq!(started.session.path().len(), 2);
    // Start again gives the partner a new call, not the handed-over one.
    let page = browser.submit("/restart", &[]).await;
    assert!(page.contains(&format!("<h1>{FIRST}</h1>")));
    assert!(!page.contains("Your answers so far"));
}

/// A helpdesk agent in the server's lobby, as `join CODE` over SSH puts one: their own
/// call, and what they hear of the partner.
struct Agent {
    call: signin_doctor_core::core::Call,
    heard: std::sync::mpsc::Receiver<signin_doctor_core::core::live::LiveEvent>,
}

impl Agent {
    /// Joins the partner's live session `code` was given for.
    fn join(server: &Server, code: &str) -> Agent {
        use signin_doctor_core::core::live::Joined;
        let (to, heard) = std::sync::mpsc::channel();
        let to = std::sync::Mutex::new(to);
        let code = signin_doctor_core::handoff::Code::parse(code).expect("a code");
        let joined = server
            .app
            .lobby()
            .join(
                &code,
                Box::new(move |event| {
                    let _ = to.lock().unwrap().send(event);
                }),
            )
            .expect("the code is good");
        let Joined::Live { session, seat } = joined else {
            panic!("the partner in the browser is live");
        };
        let call = signin_doctor_core::core::Call::joined(
            session,
            signin_doctor_core::lang::Lang::En,
            seat,
            signin_doctor_core::core::RecordOptions::default(),
        );
        Agent { call, heard }
    }

    /// Takes in what the partner did, waiting up to 10 seconds for the first of it.
    fn hear(&mut self) {
        let first = self
            .heard
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("the partner's change reaches the agent");
        self.call.take(first);
        while let Ok(event) = self.heard.try_recv() {
            self.call.take(event);
        }
    }

    fn at(&self) -> String {
        self.call.session().node().key.clone()
    }
}

const REFRESH: &str = "<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>";
const WITH_YOU: &str = "A helpdesk agent is with you";
/// A shared page once the agent's joining was taken in (the one change before).
const JOINED: &str = "data-seen=\"1\"";

/// The version of the session a shared page shows, which its script listens from.
fn data_seen(page: &str) -> u64 {
    let start = page.find("data-seen=\"").expect("a shared page") + 11;
    page[start..][..page[start..].find('"').unwrap()]
        .parse()
        .unwrap()
}

/// The code shown on a page.
fn code_on(page: &str) -> String {
    let start = page.find("<strong class=\"code\">").expect("a code shown") + 21;
    page[start..][..page[start..].find('<').unwrap()].to_owned()
}

/// A partner at the typed-code question who asked for a code, and the agent who joined
/// with it; with the partner's page that says the agent is with them.
async fn shared(server: &Server) -> (web_support::Browser, Agent, String) {
    let mut browser = server.browser("");
    browser.show().await;
    browser.choose(ERROR_CODE).await;
    let code = code_on(&browser.submit("/code", &[]).await);
    let agent = Agent::join(server, &code);
    let page = browser.show_until(JOINED).await;
    (browser, agent, page)
}

#[tokio::test]
async fn a_partner_and_an_agent_share_the_session_live_until_the_partner_stops_sharing() {
    use signin_doctor_core::core::Intent;
    let server = Server::new();
    let mut browser = server.browser("");
    let page = browser.show().await;
    assert!(
        !page.contains(REFRESH) && !page.contains("live.js"),
        "not shared"
    );
    browser.choose(ERROR_CODE).await;
    let page = browser.submit("/code", &[]).await;
    let code = code_on(&page);
    // Waiting for the agent: the page follows the session.
    assert!(page.contains(REFRESH), "{page}");
    assert!(page.contains("<script src=\"/live.js\" data-seen=\"0\" defer>"));

    let mut agent = Agent::join(&server, &code);
    assert_eq!(
        agent.at(),
        "error-code",
        "the agent is where the partner is"
    );
    let page = browser.show_until(JOINED).await;
    assert!(page.contains(WITH_YOU));
    assert!(page.contains(REFRESH), "an agent is with them");
    assert!(!page.contains(&code), "the code is used");
    assert!(page.contains("action=\"/end-sharing\""));
    let stale = page.clone();
    let version = data_seen(&page);

    // A note of the agent's is not the partner's to see: their page is not reloaded for it.
    agent.call.apply(Intent::Note(
        "caller on the phone".into(),
        signin_doctor_core::session::Author::Agent,
    ));
    // The agent answers: the partner's page shows the step they reached.
    agent.call.apply(Intent::Type("AADSTS50053".into()));
    let page = browser.show_until(LOCKED).await;
    assert_eq!(hidden(&page, "seen"), "1");
    assert_eq!(
        data_seen(&page),
        version + 1,
        "one change shown: the answer"
    );
    assert!(!page.contains("caller on the phone"));
    // The page shown before the agent's answer answers nothing: the agent was first.
    browser.page = stale;
    let page = browser.type_in("AADSTS50126").await;
    assert!(page.contains("The helpdesk agent answered first"), "{page}");
    assert_eq!(heading(&page), LOCKED);

    // The partner answers in the browser: the agent sees it.
    browser.submit("/back", &[]).await;
    agent.hear();
    assert_eq!(agent.at(), "error-code");

    // In Dutch too.
    let page = browser.submit("/lang", &[("lang", "nl")]).await;
    assert!(
        page.contains("Een helpdeskmedewerker kijkt met u mee"),
        "{page}"
    );
    browser.submit("/lang", &[("lang", "en")]).await;

    // The partner stops sharing: no more refreshes, and the agent goes on alone.
    let page = browser.submit("/end-sharing", &[]).await;
    assert!(
        !page.contains(WITH_YOU) && !page.contains(REFRESH),
        "{page}"
    );
    assert!(!page.contains("live.js"));
    assert!(page.contains("Sharing stopped"), "{page}");
    agent.hear();
    assert_eq!(agent.call.side(), None, "the agent carries on alone");
    assert!(agent.call.apply(Intent::Type("AADSTS50053".into())).moved());
    assert_eq!(agent.at(), "account-locked");
    assert_eq!(
        hidden(&browser.show().await, "node"),
        "error-code",
        "the partner's page no longer follows the agent"
    );
}

#[tokio::test]
async fn the_event_stream_tells_the_page_of_the_agents_change() {
    use http_body_util::BodyExt;
    use signin_doctor_core::core::Intent;
    let server = Server::new();
    let (mut browser, mut agent, page) = shared(&server).await;
    let seen = data_seen(&page);

    let stream = browser.open(&format!("/events?seen={seen}")).await;
    assert_eq!(stream.status(), StatusCode::OK);
    assert_eq!(stream.headers()[header::CONTENT_TYPE], "text/event-stream");
    let mut body = stream.into_body();
    let next = tokio::spawn(async move {
        let frame = body.frame().await.unwrap().unwrap();
        String::from_utf8(frame.into_data().unwrap().to_vec()).unwrap()
    });
    agent.call.apply(Intent::Type("AADSTS50053".into()));
    let event = tokio::time::timeout(std::time::Duration::from_secs(10), next)
        .await
        .expect("an event once the agent answered")
        .unwrap();
    assert!(event.starts_with("event: change\n"), "{event}");
    // A page older than the session hears of it at once.
    let stream = browser.open("/events?seen=0").await;
    let frame = stream.into_body().frame().await.unwrap().unwrap();
    assert!(
        String::from_utf8_lossy(frame.data_ref().unwrap()).contains("event: change"),
        "told at once"
    );
    // Without a session there is nothing to follow.
    let mut stranger = server.browser("");
    assert_eq!(
        stranger.get("/events?seen=0").await.status,
        StatusCode::NOT_FOUND
    );
    let script = browser.get("/live.js").await;
    assert!(
        script.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    assert!(script.body.contains("new EventSource(\"/events?seen=\""));
}

#[tokio::test]
async fn the_cores_words_follow_the_page_into_dutch() {
    let server = Server::new();
    let (mut browser, _agent, _) = shared(&server).await;
    let page = browser.submit("/lang", &[("lang", "nl")]).await;
    assert!(page.contains("<html lang=\"nl\">"));
    let page = browser.submit("/end-sharing", &[]).await;
    assert!(
        page.contains("Delen gestopt: de medewerker ziet uw schermen niet meer."),
        "{page}"
    );
    assert!(!page.contains("Sharing stopped"), "{page}");
}

#[tokio::test]
async fn a_shared_session_outlasts_the_idle_timeout_until_its_page_and_agent_are_gone() {
    use signin_doctor_core::core::End;
    let server = Server::new();
    let (mut browser, mut agent, page) = shared(&server).await;
    // A slow agent: the partner's page asks for nothing, yet the session stays.
    assert_eq!(server.app.store.expire(std::time::Duration::ZERO), 0);
    let stream = browser
        .open(&format!("/events?seen={}", data_seen(&page)))
        .await;
    agent.call.end(End::Interrupted);
    // The agent gone, the page still follows the session: it stays.
    assert_eq!(server.app.store.expire(std::time::Duration::ZERO), 0);
    assert_eq!(server.app.store.len(), 1);
    // The browser closed, nobody with the partner: it ends, its save kept.
    drop(stream);
    assert_eq!(server.app.store.expire(std::time::Duration::ZERO), 1);
    assert!(server.app.store.is_empty());
    let page = browser.show().await;
    assert_eq!(hidden(&page, "node"), "error-code", "continued: {page}");
}

#[tokio::test]
async fn an_ending_the_agent_reaches_ends_the_partners_call_logged_once_as_web() {
    use signin_doctor_core::core::{End, Intent};
    let server = Server::new();
    let (mut browser, mut agent, _) = shared(&server).await;
    agent.call.apply(Intent::Type("AADSTS50053".into()));
    // "No, it still does not work".
    agent.call.apply(Intent::Pick(1));
    let page = browser.show_until("href=\"/transcript.md\"").await;
    assert!(!page.contains(REFRESH), "the call is over: {page}");
    agent.hear();
    agent.call.end(End::Finished);
    let log = server.log();
    assert_eq!(log.len(), 1, "one record for the call: {log:?}");
    assert_eq!(log[0]["front_end"], "web");
    assert_eq!(log[0]["kind"], "contact");
}

#[tokio::test]
async fn a_partner_who_leaves_it_to_the_agent_hands_over_the_call_and_its_records() {
    use signin_doctor_core::core::{End, Intent};
    let server = Server::new();
    let (mut browser, mut agent, _) = shared(&server).await;
    let page = browser.submit("/handover", &[]).await;
    assert!(page.contains("Your session is with the helpdesk agent now"));
    assert!(!page.contains(REFRESH), "nothing left to follow");
    agent.hear();
    assert_eq!(agent.call.side(), None, "the agent carries on alone");
    agent.call.apply(Intent::Type("AADSTS50053".into()));
    // "No, it still does not work".
    agent.call.apply(Intent::Pick(1));
    assert!(server.log().is_empty(), "not logged before the agent's end");
    agent.call.end(End::Finished);
    let log = server.log();
    assert_eq!(
        log.len(),
        1,
        "the call, logged once from the records handed over"
    );
    assert_eq!(log[0]["kind"], "contact");
}
