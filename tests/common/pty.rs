//! A pseudo-terminal harness: runs the real binary in an 80×24 pty, sends keys, and reads
//! the screen back through a vt100 parser.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long any wait may take before the test fails.
pub const DEADLINE: Duration = Duration::from_secs(10);
pub const ENTER_ALTERNATE_SCREEN: &str = "\x1b[?1049h";
pub const LEAVE_ALTERNATE_SCREEN: &str = "\x1b[?1049l";
pub const SHOW_CURSOR: &str = "\x1b[?25h";

pub fn size(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("sizes are not 0")
}

/// What the reader thread has seen so far.
pub struct Output {
    raw: Vec<u8>,
    parser: vt100::Parser,
    closed: bool,
}

/// The wizard running in a pseudo-terminal.
pub struct Wizard {
    /// The running program.
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    /// The pty's controlling side, e.g. for resizing.
    pub master: Box<dyn MasterPty + Send>,
    output: Arc<Mutex<Output>>,
}

impl Wizard {
    pub fn start(args: &[&str]) -> Wizard {
        Wizard::start_with(args, &[("TERM", "xterm-256color")])
    }

    /// Starts the wizard with these environment variables set (`TERM` among them).
    pub fn start_with(args: &[&str], env: &[(&str, &str)]) -> Wizard {
        Wizard::start_program(super::BINARY, args, env)
    }

    /// Starts `program` (the wizard, or a client such as `ssh` that shows it) in the pty.
    pub fn start_program(program: &str, args: &[&str], env: &[(&str, &str)]) -> Wizard {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        for (name, value) in super::scratch_env() {
            command.env(name, value);
        }
        command.env("LC_ALL", "C");
        command.env_remove("NO_COLOR");
        command.env("RUST_BACKTRACE", "0");
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pty
            .slave
            .spawn_command(command)
            .unwrap_or_else(|e| panic!("start {program}: {e}"));
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

    /// Resizes the pseudo-terminal (and the screen model reading it) to `rows` × `columns`.
    pub fn resize(&self, rows: u16, columns: u16) {
        self.output
            .lock()
            .unwrap()
            .parser
            .screen_mut()
            .set_size(size(rows), size(columns));
        self.master
            .resize(PtySize {
                rows,
                cols: columns,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pseudo-terminal");
    }

    /// Sends a signal to the program.
    pub fn signal(&self, signal: nix::sys::signal::Signal) {
        let pid = self.child.process_id().expect("the child has a process id");
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid as i32), signal)
            .expect("send the signal");
    }

    /// Whether the pseudo-terminal is back in its normal (cooked) mode: line editing and
    /// echo on, as a shell expects after the program has gone.
    pub fn terminal_is_cooked(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        let termios = self
            .master
            .get_termios()
            .expect("the pty has terminal settings");
        termios
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO)
    }

    /// The screen's rows, trailing spaces removed.
    pub fn rows(&self) -> Vec<String> {
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
    pub fn words(&self) -> String {
        self.rows()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The screen with all spaces and line ends removed, for addresses cut over rows.
    pub fn squeezed(&self) -> String {
        self.rows().concat().split_whitespace().collect()
    }

    /// The process's state letter from `/proc` (`T` when stopped), Linux only.
    pub fn process_state(&self) -> char {
        let pid = self.child.process_id().expect("the child has a process id");
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        // The state follows the command name, which is in parentheses.
        stat.rsplit_once(") ")
            .and_then(|(_, rest)| rest.chars().next())
            .unwrap_or('?')
    }

    pub fn raw(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap().raw).into_owned()
    }

    /// Waits until `ready` holds for the wizard, or fails showing the screen.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&Wizard) -> bool) {
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

    pub fn wait_for(&self, text: &str) {
        self.wait_until(&format!("{text:?}"), |wizard| wizard.words().contains(text));
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// The number shown before the option whose label contains `label`.
    pub fn option(&self, label: &str) -> usize {
        option_number(&self.rows(), label)
            .unwrap_or_else(|| panic!("no option {label:?} on screen:\n{}", self.rows().join("\n")))
    }

    /// The number of the option marked "›".
    pub fn selected(&self) -> Option<usize> {
        selected_option(&self.rows())
    }

    /// Picks the option whose label contains `label` by typing its number.
    pub fn pick(&mut self, label: &str) {
        let number = self.option(label);
        self.send(&number.to_string());
    }

    /// Leaves an agent's ending whose transcript was neither shown nor copied: the first
    /// `q` must ask once, the second leaves. Gives the exit code.
    pub fn quit_agent_ending_unsaved(&mut self) -> u32 {
        self.send("q");
        self.wait_for("The transcript was neither shown nor copied");
        self.send("q");
        self.exit_code()
    }

    /// Waits for the wizard to exit and for its last output, and gives its exit code.
    pub fn exit_code(&mut self) -> u32 {
        let status = super::child::exit_within(&mut self.child, DEADLINE).unwrap_or_else(|| {
            panic!(
                "signin-doctor did not exit; the screen shows:\n{}",
                self.rows().join("\n")
            )
        });
        self.wait_until("the end of the output", |wizard| {
            wizard.output.lock().unwrap().closed
        });
        status.exit_code()
    }

    /// Asserts the terminal was put back: after the last switch to the alternate screen
    /// the output leaves it again and shows the cursor.
    pub fn assert_terminal_restored(&self) {
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

/// The number shown before the option whose label contains `label` on a screen's `rows`.
pub fn option_number(rows: &[String], label: &str) -> Option<usize> {
    rows.iter().find_map(|row| {
        let (number, text) = row
            .trim_start()
            .trim_start_matches('›')
            .trim_start()
            .split_once(". ")?;
        let number: usize = number.parse().ok()?;
        text.contains(label).then_some(number)
    })
}

/// The number of the option marked "›" on a screen's `rows`.
pub fn selected_option(rows: &[String]) -> Option<usize> {
    rows.iter().find_map(|row| {
        let rest = row.trim_start().strip_prefix('›')?;
        rest.trim_start().split_once(". ")?.0.parse().ok()
    })
}
