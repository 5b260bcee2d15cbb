//! Hostile flow text, in both front ends (plain mode through a pipe, the full-screen wizard
//! through `TestBackend` and through the real binary in a pseudo-terminal):
//!
//! - escape sequences (clear screen, cursor moves, OSC 52 clipboard writes, OSC 8 with a
//!   misleading target, window titles, C1 controls) are refused by the checker (E010, exit 2,
//!   naming the node), and the second guard (`sanitize::clean`) removes them from anything
//!   drawn;
//! - bidirectional overrides, zero-width characters, 10,000-character words, emoji and wide
//!   CJK characters are shown harmlessly: no bidi control reaches the terminal, every row
//!   fits its box, and the only escape sequences are the program's own (the only OSC 8
//!   targets are the flow's declared https links);
//! - links that are not https are refused (E013, exit 2).

mod common;

use std::path::{Path, PathBuf};

use common::pty::Wizard;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use signin_doctor_core::flow::Kind;
use signin_doctor_core::flow::{Flow, load_path};
use signin_doctor_core::i18n::words;
use signin_doctor_core::lang::Lang;
use signin_doctor_core::page::{Body, LinkLine, Page, Section};
use signin_doctor_core::sanitize::clean;
use signin_doctor_core::session::Session;
use signin_doctor_tui::layout::content::content;
use signin_doctor_tui::{Action, App, Options, update, view};
use unicode_width::UnicodeWidthStr;

/// Escape sequences a flow author could try to smuggle into the terminal.
const ESCAPES: &[(&str, &str)] = &[
    ("clear screen", "\u{1b}[2J\u{1b}[H"),
    ("cursor moves", "\u{1b}[10;10H\u{1b}[5A\u{1b}7\u{1b}8"),
    ("OSC 52 clipboard write", "\u{1b}]52;c;cm0gLXJmIH4=\u{7}"),
    (
        "OSC 8 with a misleading target",
        "\u{1b}]8;;https://evil.example/\u{1b}\\https://learn.microsoft.com\u{1b}]8;;\u{1b}\\",
    ),
    ("window title (OSC 0)", "\u{1b}]0;pwned\u{7}"),
    ("window title (OSC 2)", "\u{1b}]2;pwned\u{1b}\\"),
    ("C1 CSI", "\u{9b}2J"),
    ("bell, backspace, carriage return", "abc\u{7}\u{8}\rxyz"),
];

/// Characters that are not controls but must not steer how text reads.
const BIDI: &[char] = &[
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
];

const LINK_URL: &str = "https://learn.microsoft.com/partner-center/the-real-target";

/// A YAML double-quoted string; control characters written as `\uXXXX` escapes.
fn q(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Where a hostile text can go in a flow.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    QuestionText,
    ChoiceLabel,
    Say,
    StepItem,
    ContactWho,
    LinkTitle,
}

const PLACES: [Place; 6] = [
    Place::QuestionText,
    Place::ChoiceLabel,
    Place::Say,
    Place::StepItem,
    Place::ContactWho,
    Place::LinkTitle,
];

impl Place {
    /// The node the checker names for this place (none for link titles).
    fn node(self) -> Option<&'static str> {
        match self {
            Place::QuestionText | Place::ChoiceLabel | Place::Say => Some("first"),
            Place::StepItem => Some("try-this"),
            Place::ContactWho => Some("ask-admin"),
            Place::LinkTitle => None,
        }
    }
}

/// A flow with a question, a step, a remedy and a contact; `text` goes at `place`, and
/// `url` is the one link's address.
fn flow_yaml(place: Place, text: &str, url: &str) -> String {
    let at = |p: Place, normal: &str| if p == place { q(text) } else { q(normal) };
    format!(
        r#"id: hostile
title: {{ en: "Hostile text" }}
start: first
links:
  the-page:
    url: {url}
    title: {{ en: {link_title} }}
nodes:
  first:
    kind: question
    text: {{ en: {question} }}
    say: {{ en: {say} }}
    choices:
      - {{ label: {{ en: {label} }}, next: try-this }}
      - {{ label: {{ en: "Something else" }}, next: ask-admin }}
  try-this:
    kind: step
    title: {{ en: "Try this" }}
    steps:
      - {{ en: {step} }}
      - {{ en: "Then sign in again." }}
    links: [the-page]
    fixed: fixed
    not_fixed: remedy
  remedy:
    kind: remedy
    title: {{ en: "Do this" }}
    text: {{ en: "Follow the page." }}
    links: [the-page]
  ask-admin:
    kind: contact
    title: {{ en: "Ask your admin" }}
    who: {{ en: {who} }}
    ask: {{ en: "A new password." }}
  fixed:
    kind: solved
    title: {{ en: "Fixed" }}
"#,
        url = q(url),
        link_title = at(Place::LinkTitle, "The page"),
        question = at(Place::QuestionText, "What is wrong?"),
        say = at(Place::Say, "Ask what is wrong."),
        label = at(Place::ChoiceLabel, "My password"),
        step = at(Place::StepItem, "Open the page."),
        who = at(Place::ContactWho, "Your global admin."),
    )
}

fn write_flow(dir: &Path, name: &str, yaml: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, yaml).unwrap();
    path
}

use common::run;

/// Control characters other than the line break, and bidi controls, in `text`.
fn steering(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| (c.is_control() && c != '\n') || BIDI.contains(&c))
        .collect()
}

// ---------------------------------------------------------------------------------------
// Escape sequences: refused by the checker, in both front ends

#[test]
fn escape_sequences_in_flow_text_are_refused_in_plain_mode_naming_the_node() {
    let dir = tempfile::tempdir().unwrap();
    for (what, payload) in ESCAPES {
        for place in PLACES {
            let text = format!("Hello {payload} world");
            let path = write_flow(dir.path(), "evil.yaml", &flow_yaml(place, &text, LINK_URL));
            let path = path.to_str().unwrap();
            for args in [vec!["--flow", path, "--plain"], vec!["check", path]] {
                let output = run(&args, "1\n1\n");
                let stderr = String::from_utf8_lossy(&output.stderr);
                let stdout = String::from_utf8_lossy(&output.stdout);
                let said = format!("{stdout}{stderr}");
                assert_eq!(
                    output.status.code(),
                    Some(2),
                    "{what} in {place:?}, {args:?}: {said}"
                );
                assert!(said.contains("E010"), "{what} in {place:?}: {said}");
                if let Some(node) = place.node() {
                    assert!(
                        said.contains(&format!("node '{node}'")),
                        "{what} in {place:?}: {said}"
                    );
                }
                assert!(
                    steering(&said).is_empty(),
                    "{what} in {place:?}: the error message itself carries {:?}",
                    steering(&said)
                );
                if args[0] == "--flow" {
                    assert!(
                        !stdout.contains("1) "),
                        "{what}: no page was shown: {stdout}"
                    );
                }
            }
        }
    }
}

#[test]
fn escape_sequences_in_flow_text_are_refused_by_the_full_screen_wizard() {
    let dir = tempfile::tempdir().unwrap();
    for (what, payload) in ESCAPES {
        let text = format!("Hello {payload} world");
        let path = write_flow(
            dir.path(),
            "evil.yaml",
            &flow_yaml(Place::QuestionText, &text, LINK_URL),
        );
        let mut wizard = Wizard::start(&["--flow", path.to_str().unwrap()]);
        let code = wizard.exit_code();
        let raw = wizard.raw();
        assert_eq!(code, 2, "{what}: {raw:?}");
        assert!(
            wizard.words().contains("E010"),
            "{what}: {:?}",
            wizard.rows()
        );
        assert!(
            !raw.contains('\u{1b}'),
            "{what}: an escape reached the terminal: {raw:?}"
        );
        assert!(
            !raw.contains(ENTER_ALTERNATE),
            "{what}: the wizard did not start"
        );
    }
}

const ENTER_ALTERNATE: &str = "\u{1b}[?1049h";

#[test]
fn a_raw_escape_byte_in_the_file_is_refused_and_never_echoed() {
    let dir = tempfile::tempdir().unwrap();
    // Not a YAML escape: the ESC and BEL bytes themselves, in the middle of the file.
    let yaml = flow_yaml(Place::QuestionText, "X", LINK_URL)
        .replace("\"X\"", "\"Hello \u{1b}]0;pwned\u{7}\u{1b}[2J world\"");
    let path = write_flow(dir.path(), "raw.yaml", &yaml);
    let output = run(&["--flow", path.to_str().unwrap(), "--plain"], "");
    let said = String::from_utf8_lossy(&output.stderr).into_owned()
        + &String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{said}");
    assert!(
        steering(&said).is_empty(),
        "echoed {:?}: {said}",
        steering(&said)
    );
}

#[test]
fn escape_sequences_in_node_ids_never_reach_the_terminal() {
    // Ids are not text, so the checker does not refuse them; they appear in messages.
    let dir = tempfile::tempdir().unwrap();
    let yaml = flow_yaml(Place::QuestionText, "What?", LINK_URL).replace(
        "  fixed:\n    kind: solved",
        "  \"evil\\e]0;pwned\\a\\e[2J\":\n    kind: solved\n    title: { en: \"orphan\" }\n  fixed:\n    kind: solved",
    );
    let path = write_flow(dir.path(), "ids.yaml", &yaml);
    let path = path.to_str().unwrap();
    for args in [vec!["check", path], vec!["--flow", path, "--plain"]] {
        let output = run(&args, "");
        let said = String::from_utf8_lossy(&output.stderr).into_owned()
            + &String::from_utf8_lossy(&output.stdout);
        if args[0] == "check" {
            assert!(said.contains("W005"), "the orphan is named: {said}");
        }
        assert!(
            steering(&said).is_empty(),
            "{args:?}: {:?} in {said}",
            steering(&said)
        );
    }
}

/// The second guard: whatever gets into a page is cleaned, and neither front end's drawing
/// of a page of cleaned hostile text carries a control character.
#[test]
fn the_second_guard_removes_every_escape_from_what_is_drawn() {
    for (what, payload) in ESCAPES {
        let cleaned = clean(&format!("Hello {payload} world"));
        assert!(steering(&cleaned).is_empty(), "{what}: {cleaned:?}");
        let line = |s: &str| clean(s).replace('\n', " ");
        let page = Page {
            kind: Kind::Step,
            flow_title: line(payload),
            breadcrumbs: vec![line(payload)],
            heading: cleaned.clone(),
            say: Some(cleaned.clone()),
            sections: vec![
                Section {
                    title: line(payload),
                    body: Body::Paragraph(cleaned.clone()),
                },
                Section {
                    title: String::new(),
                    body: Body::Numbered(vec![cleaned.clone()]),
                },
                Section {
                    title: String::new(),
                    body: Body::Bullets(vec![cleaned.clone()]),
                },
                Section {
                    title: String::new(),
                    body: Body::Links(vec![LinkLine {
                        title: line(payload),
                        url: LINK_URL.into(),
                    }]),
                },
            ],
            prompt: Some(cleaned.clone()),
            options: vec![line(payload), "Other".into()],
        };
        let words = words(Lang::En);
        let plain = signin_doctor_plain::render(&page, words);
        assert!(steering(&plain).is_empty(), "{what}: plain {plain:?}");
        let theme = signin_doctor_tui::layout::theme::Theme::new(false);
        // The body is never narrower than 18 cells (below 20 columns only "too small" shows).
        for width in [18, 40, 78] {
            for row in content(&page, words, 0, width, &theme).rows {
                let text: String = row.line.spans.iter().map(|s| s.content.as_ref()).collect();
                assert!(steering(&text).is_empty(), "{what}: TUI row {text:?}");
                assert!(
                    text.width() <= usize::from(width),
                    "{what}: row {text:?} wider than {width}"
                );
            }
        }
    }
    // Bidirectional controls are not control characters, yet they go too.
    let bidi: String = BIDI.iter().collect();
    assert_eq!(clean(&format!("a{bidi}b")), "ab");
}

// ---------------------------------------------------------------------------------------
// Text that loads: shown harmlessly

/// A valid flow full of awkward but legal text.
fn awkward_flow() -> String {
    let long_word = "Supercalifragilistic".repeat(500); // 10,000 characters
    let bidi: String = BIDI.iter().collect();
    let yaml = flow_yaml(Place::QuestionText, "QUESTION", LINK_URL);
    yaml.replace(
        "\"QUESTION\"",
        &q(&format!(
            "Is {bidi}txt.exe{bidi} there? Zero\u{200b}width\u{200c}join\u{200d}ers\u{2060}here\u{feff}. 👍 👩‍👩‍👧‍👦 🇳🇱 日本語の文章を読む 한국어 ｆｕｌｌｗｉｄｔｈ e\u{301}\u{302}\u{303} {long_word}"
        )),
    )
    .replace("\"My password\"", &q("\u{202e}drowssap ym 👍 日本語"))
    .replace("\"Open the page.\"", &q(&format!("Open {}", "語".repeat(10_000))))
    // A title that pretends to be another address: the real one is always shown in full.
    .replace("\"The page\"", &q("https://learn.microsoft.com/safe-looking-title"))
}

fn awkward_flow_file(dir: &Path) -> (PathBuf, std::sync::Arc<Flow>) {
    let path = write_flow(dir, "awkward.yaml", &awkward_flow());
    let flow = load_path(&path)
        .unwrap_or_else(|error| panic!("awkward text is legal: {error}"))
        .flow
        .shared();
    (path, flow)
}

#[test]
fn awkward_text_is_shown_harmlessly_in_plain_mode() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = awkward_flow_file(dir.path());
    // First answer, then "not fixed": the step and the remedy with the link.
    let output = run(&["--flow", path.to_str().unwrap(), "--plain"], "1\n2\n");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(
        steering(&stdout).is_empty(),
        "plain output carries {:?}",
        steering(&stdout)
    );
    assert!(
        stdout.contains(&"Supercalifragilistic".repeat(500)),
        "the long word in full"
    );
    assert!(
        stdout.contains("txt.exe"),
        "bidi controls gone, the letters stay"
    );
    assert!(stdout.contains("👩‍👩‍👧‍👦") && stdout.contains("日本語の文章を読む"));
    assert!(
        stdout.contains(LINK_URL),
        "the real address is printed in full"
    );
}

/// Every row of the buffer as text: each cell's symbol, the cell after a wide one skipped.
fn buffer_rows(buffer: &Buffer) -> Vec<String> {
    (0..buffer.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < buffer.area.width {
                let symbol = buffer[(x, y)].symbol();
                row.push_str(symbol);
                x += u16::try_from(symbol.width().max(1)).unwrap();
            }
            row
        })
        .collect()
}

/// Draws every page of the awkward flow at several sizes, from the top to the bottom, and
/// checks that nothing steering is drawn and every body row fits its box.
#[test]
fn awkward_text_stays_inside_its_box_in_the_full_screen_wizard() {
    let dir = tempfile::tempdir().unwrap();
    let (_, flow) = awkward_flow_file(dir.path());
    for (id, node) in flow.nodes() {
        let mut session = Session::new(std::sync::Arc::clone(&flow));
        if id != flow.start() {
            session.jump(id).unwrap();
        }
        for (w, h) in [(80, 24), (40, 12), (20, 8), (200, 60)] {
            let mut app = App::new(session.clone(), Lang::En, &Options::default());
            update(&mut app, Action::Resize(w, h));
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            // The top, a few pages down, and the bottom.
            let moves = [
                None,
                Some(Action::PageDown),
                Some(Action::PageDown),
                Some(Action::Bottom),
            ];
            for action in moves {
                if let Some(action) = action {
                    update(&mut app, action);
                }
                terminal.draw(|f| view(f, &app)).unwrap();
                for row in buffer_rows(terminal.backend().buffer()) {
                    assert!(
                        steering(&row).is_empty(),
                        "'{}' at {w}×{h}: {row:?}",
                        node.key
                    );
                    assert!(
                        row.width() <= usize::from(w),
                        "'{}' at {w}×{h}: {row:?}",
                        node.key
                    );
                }
                let screen = app.screen(ratatui::layout::Rect::new(0, 0, w, h));
                if let Some(screen) = &screen {
                    for row in &screen.content.rows {
                        assert!(
                            row.line.width() <= usize::from(screen.body.width),
                            "'{}' at {w}×{h}: body row {:?} wider than {}",
                            node.key,
                            row.line,
                            screen.body.width
                        );
                    }
                }
            }
        }
    }
}

/// The escape sequences in raw terminal output: (introducer, body) for OSC, DCS and CSI.
fn osc_sequences(raw: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = raw;
    while let Some(start) = rest.find("\u{1b}]") {
        let body = &rest[start + 2..];
        let end = [body.find('\u{7}'), body.find("\u{1b}\\")]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(body.len());
        found.push(body[..end].to_owned());
        rest = &body[end..];
    }
    found
}

/// A row's printable ASCII without spaces. The terminal model keeps only the first
/// character of an emoji ZWJ sequence in its cell, so rows are compared on ASCII: text that
/// spilled over into the next row, or a row cut short, shows there.
fn ascii(row: &str) -> String {
    row.chars().filter(|c| c.is_ascii_graphic()).collect()
}

/// The same screen drawn by `TestBackend`, as [`ascii`] rows.
fn expected_rows(app: &App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| view(f, app)).unwrap();
    buffer_rows(terminal.backend().buffer())
        .iter()
        .map(|row| ascii(row))
        .collect()
}

fn assert_screen_matches(wizard: &Wizard, app: &App, what: &str) {
    let expected = expected_rows(app);
    let shown = || -> Vec<String> { wizard.rows().iter().map(|row| ascii(row)).collect() };
    let start = std::time::Instant::now();
    while shown() != expected {
        if start.elapsed() > common::pty::DEADLINE {
            assert_eq!(
                shown(),
                expected,
                "{what}: the terminal shows another screen"
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[test]
fn awkward_text_in_a_real_terminal_draws_exactly_the_frame_and_only_declared_links() {
    let dir = tempfile::tempdir().unwrap();
    let (path, flow) = awkward_flow_file(dir.path());
    let mut app = App::new(Session::new(flow), Lang::En, &Options::default());
    update(&mut app, Action::Resize(80, 24));
    let mut wizard = Wizard::start(&["--flow", path.to_str().unwrap()]);
    // Row for row what TestBackend draws: nothing wrapped, shifted or spilled over.
    assert_screen_matches(&wizard, &app, "the question with awkward text");
    wizard.send("1");
    update(&mut app, Action::Pick(0));
    assert_screen_matches(&wizard, &app, "the step with a 10,000-character CJK word");
    wizard.send("2");
    update(&mut app, Action::Pick(1));
    assert_screen_matches(&wizard, &app, "the remedy with the link");
    wizard.wait_until("the link drawn as a terminal hyperlink", |wizard| {
        wizard.raw().contains(&format!("\u{1b}]8;;{LINK_URL}"))
    });
    let raw = wizard.raw();
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 0);
    for osc in osc_sequences(&raw) {
        assert!(
            osc == "8;;" || osc == format!("8;;{LINK_URL}"),
            "an escape sequence the flow did not ask for: OSC {osc:?}"
        );
    }
    assert!(
        !raw.chars().any(|c| BIDI.contains(&c)),
        "a bidi control reached the terminal"
    );
    assert!(
        !raw.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
        "a C1 control reached the terminal"
    );
}

// ---------------------------------------------------------------------------------------
// Emoji with a variation selector: drawn 2 cells wide, measured as 1

/// An emoji with the presentation selector U+FE0F ("❤\u{fe0f}") is drawn two cells wide.
/// `tui::wrap` once added up the widths of single `char`s (1 + 0) and cut a long word of
/// them into rows wider than the body (found by this test and `tests/size_sweep.rs`; fixed
/// in a757822 by measuring grapheme clusters).
#[test]
fn emoji_with_variation_selector_stays_inside_its_box() {
    let dir = tempfile::tempdir().unwrap();
    // One long "word" (no spaces), so it is cut by `hard_wrap`; and an address with the
    // same emoji, cut the same way and rewritten unclipped as a terminal hyperlink.
    let word = "❤\u{fe0f}".repeat(60);
    let url = format!("https://learn.microsoft.com/{}", "❤\u{fe0f}".repeat(60));
    let yaml = flow_yaml(Place::QuestionText, &word, &url);
    let path = write_flow(dir.path(), "emoji.yaml", &yaml);
    let flow = load_path(&path).unwrap().flow.shared();
    let question = Session::new(flow);
    let mut step = question.clone();
    step.choose(0).unwrap();
    for session in [question, step] {
        for (w, h) in [(80, 24), (41, 20)] {
            let mut app = App::new(session.clone(), Lang::En, &Options::default());
            update(&mut app, Action::Resize(w, h));
            let screen = app.screen(ratatui::layout::Rect::new(0, 0, w, h)).unwrap();
            for row in &screen.content.rows {
                assert!(
                    row.line.width() <= usize::from(screen.body.width),
                    "at {w}×{h}: body row {:?} is {} wide, its box {}",
                    row.line,
                    row.line.width(),
                    screen.body.width
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Links other than https

#[test]
fn links_that_are_not_https_are_refused_by_both_front_ends() {
    let dir = tempfile::tempdir().unwrap();
    for url in [
        "http://learn.microsoft.com/partner-center",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "https://",
        "//evil.example/x",
        "data:text/html,<script>alert(1)</script>",
    ] {
        let path = write_flow(dir.path(), "links.yaml", &flow_yaml(Place::Say, "Hi", url));
        let path = path.to_str().unwrap();
        let output = run(&["--flow", path, "--plain"], "1\n");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{url}: {stderr}");
        assert!(
            stderr.contains("E013") && stderr.contains("the-page"),
            "{url}: {stderr}"
        );
        assert!(output.stdout.is_empty(), "{url}: no page shown");

        let mut wizard = Wizard::start(&["--flow", path]);
        assert_eq!(wizard.exit_code(), 2, "{url}: {:?}", wizard.rows());
        assert!(
            wizard.words().contains("E013"),
            "{url}: {:?}",
            wizard.rows()
        );
        assert!(
            !wizard.raw().contains(ENTER_ALTERNATE),
            "{url}: the wizard did not start"
        );
    }
}
