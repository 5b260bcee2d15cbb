//! Drives the real binary in an 80×24 pseudo-terminal: keys in, screen read back with
//! vt100, exit status and the terminal's final state checked.
//!
//! Answers are chosen by finding their label on screen, not by hard-coded numbers, so
//! the tests keep working when the flow's order changes.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const DEADLINE: Duration = Duration::from_secs(10);
const DOWN: &str = "\x1b[B";
const END: &str = "\x1b[F";
const ENTER_ALTERNATE_SCREEN: &str = "\x1b[?1049h";
const LEAVE_ALTERNATE_SCREEN: &str = "\x1b[?1049l";
const SHOW_CURSOR: &str = "\x1b[?25h";

const FIRST_QUESTION: &str = "What is going wrong";
const SUPPORT_URL: &str =
    "https://learn.microsoft.com/microsoft-365/admin/contact-support-for-business-products";

fn size(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("sizes are not 0")
}

/// What the reader thread has seen so far.
struct Output {
    raw: Vec<u8>,
    parser: vt100::Parser,
    closed: bool,
}

/// The wizard running in a pseudo-terminal.
struct Wizard {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    output: Arc<Mutex<Output>>,
}

impl Wizard {
    fn start(args: &[&str]) -> Wizard {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_signin-doctor"));
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env("LC_ALL", "C");
        command.env_remove("NO_COLOR");
        command.env("RUST_BACKTRACE", "0");
        let child = pty
            .slave
            .spawn_command(command)
            .expect("start signin-doctor");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let output = Arc::new(Mutex::new(Output {
            raw: Vec::new(),
            parser: vt100::Parser::new(size(24), size(80), 0),
            closed: false,
        }));
        let shared = Arc::clone(&output);
        thread::spawn(move || {
            let mut buf = [0; 4096];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut output = shared.lock().unwrap();
                        output.raw.extend_from_slice(&buf[..n]);
                        output.parser.process(&buf[..n]);
                    }
                }
            }
            shared.lock().unwrap().closed = true;
        });
        Wizard {
            child,
            writer,
            master: pty.master,
            output,
        }
    }

    /// The screen's rows, trailing spaces removed.
    fn rows(&self) -> Vec<String> {
        let output = self.output.lock().unwrap();
        let (_, columns) = output.parser.screen().size();
        output
            .parser
            .screen()
            .rows(0, columns.get())
            .map(|row| row.trim_end().to_owned())
            .collect()
    }

    /// The screen's words, each run of spaces and line ends made one space.
    fn words(&self) -> String {
        self.rows()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The screen with all spaces and line ends removed, for addresses cut over rows.
    fn squeezed(&self) -> String {
        self.rows().concat().split_whitespace().collect()
    }

    fn raw(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap().raw).into_owned()
    }

    /// Waits until `ready` holds for the wizard, or fails showing the screen.
    fn wait_until(&self, what: &str, ready: impl Fn(&Wizard) -> bool) {
        let start = Instant::now();
        while !ready(self) {
            if start.elapsed() > DEADLINE {
                panic!(
                    "timed out waiting for {what}; the screen shows:\n{}",
                    self.rows().join("\n")
                );
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    fn wait_for(&self, text: &str) {
        self.wait_until(&format!("{text:?}"), |wizard| wizard.words().contains(text));
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// The number shown before the option whose label contains `label`.
    fn option(&self, label: &str) -> usize {
        self.rows()
            .iter()
            .find_map(|row| {
                let (number, text) = row
                    .trim_start()
                    .trim_start_matches('›')
                    .trim_start()
                    .split_once(". ")?;
                let number: usize = number.parse().ok()?;
                text.contains(label).then_some(number)
            })
            .unwrap_or_else(|| panic!("no option {label:?} on screen:\n{}", self.rows().join("\n")))
    }

    /// The number of the option marked "›".
    fn selected(&self) -> Option<usize> {
        self.rows().iter().find_map(|row| {
            let rest = row.trim_start().strip_prefix('›')?;
            rest.trim_start().split_once(". ")?.0.parse().ok()
        })
    }

    /// Picks the option whose label contains `label` by typing its number.
    fn pick(&mut self, label: &str) {
        let number = self.option(label);
        self.send(&number.to_string());
    }

    /// Waits for the wizard to exit and for its last output, and gives its exit code.
    fn exit_code(&mut self) -> u32 {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > DEADLINE {
                self.child.kill().ok();
                panic!(
                    "signin-doctor did not exit; the screen shows:\n{}",
                    self.rows().join("\n")
                );
            }
            thread::sleep(Duration::from_millis(10));
        };
        self.wait_until("the end of the output", |wizard| {
            wizard.output.lock().unwrap().closed
        });
        status.exit_code()
    }

    /// Asserts the terminal was put back: after the last switch to the alternate screen
    /// the output leaves it again and shows the cursor.
    fn assert_terminal_restored(&self) {
        let raw = self.raw();
        let entered = raw
            .rfind(ENTER_ALTERNATE_SCREEN)
            .expect("the wizard used the alternate screen");
        let after = &raw[entered..];
        assert!(
            after.contains(LEAVE_ALTERNATE_SCREEN),
            "alternate screen not left: {after:?}"
        );
        assert!(
            after.contains(SHOW_CURSOR),
            "cursor not shown again: {after:?}"
        );
    }
}

impl Drop for Wizard {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            self.child.kill().ok();
        }
    }
}

#[test]
fn walk_back_restart_and_reach_an_ending() {
    let mut wizard = Wizard::start(&[]);
    wizard.wait_for(FIRST_QUESTION);

    wizard.pick("forgot my password");
    wizard.wait_for("self-service password reset?");
    assert!(
        wizard.words().contains("forgot my password"),
        "breadcrumbs show the answer"
    );

    // Move with the arrow to "No, it's not turned on", then Enter.
    let target = wizard.option("not turned on");
    assert_eq!(wizard.selected(), Some(1));
    for expected in 2..=target {
        wizard.send(DOWN);
        wizard.wait_until(&format!("option {expected} selected"), |w| {
            w.selected() == Some(expected)
        });
    }
    wizard.send("\r");
    wizard.wait_for("What kind of partner");

    // Back: the previous question returns, with the answer given there marked.
    wizard.send("b");
    wizard.wait_for("self-service password reset?");
    assert!(!wizard.words().contains("What kind of partner"));
    assert_eq!(wizard.selected(), Some(target));

    // Restart: the first question, with no answers in the breadcrumbs.
    wizard.send("r");
    wizard.wait_for(FIRST_QUESTION);
    assert!(!wizard.words().contains("forgot my password ›"));
    assert_eq!(wizard.selected(), Some(1));

    wizard.pick("Something else");
    wizard.wait_for("Which of these comes closest?");
    wizard.pick("None of these");
    wizard.wait_for("Contact Microsoft support");

    // The links are at the bottom of the ending: scroll there.
    wizard.send(END);
    wizard.wait_until("the support address on screen", |w| {
        w.squeezed().contains(SUPPORT_URL)
    });
    let hyperlink = format!("\x1b]8;;{SUPPORT_URL}\x1b\\");
    wizard.wait_until("the support address as a hyperlink", |w| {
        w.raw().contains(&hyperlink)
    });

    wizard.send("q");
    assert_eq!(wizard.exit_code(), 0, "leaving from an ending exits 0");
    wizard.assert_terminal_restored();
}

#[test]
fn quitting_at_the_first_question_exits_130() {
    let mut wizard = Wizard::start(&[]);
    wizard.wait_for(FIRST_QUESTION);
    assert!(wizard.words().contains("q quit"), "{}", wizard.words());
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 130);
    wizard.assert_terminal_restored();
}

#[test]
fn ctrl_c_quits_even_from_the_help_overlay() {
    let mut wizard = Wizard::start(&[]);
    wizard.wait_for(FIRST_QUESTION);
    wizard.send("?");
    wizard.wait_for("Ctrl-C quit at once");
    wizard.send("\x03");
    assert_eq!(wizard.exit_code(), 130);
    wizard.assert_terminal_restored();
}

#[test]
fn dutch_key_hints_with_lang_nl() {
    let mut wizard = Wizard::start(&["--lang", "nl"]);
    wizard.wait_for("Wat gaat er mis");
    let words = wizard.words();
    for hint in ["1-9 kiezen", "b terug", "q stoppen"] {
        assert!(words.contains(hint), "{hint:?} not in {words:?}");
    }
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 130);
}

#[test]
fn a_smaller_window_is_redrawn_to_fit() {
    let mut wizard = Wizard::start(&[]);
    wizard.wait_for(FIRST_QUESTION);
    wizard
        .output
        .lock()
        .unwrap()
        .parser
        .screen_mut()
        .set_size(size(12), size(40));
    wizard
        .master
        .resize(PtySize {
            rows: 12,
            cols: 40,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    wizard.wait_until("the 40-column layout", |w| {
        let rows = w.rows();
        rows.len() == 12 && rows[11].contains("q quit") && w.words().contains(FIRST_QUESTION)
    });
    wizard.send("q");
    assert_eq!(wizard.exit_code(), 130);
}
