//! A `serve` process for the integration tests and the OpenSSH client that talks to it:
//! every server listens on 127.0.0.1 on a free port with a state folder of its own and is
//! killed when dropped. With `CI` set, a missing `ssh` fails the tests instead of skipping.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use super::pty::Wizard;

/// How long anything may take before a test fails.
pub const DEADLINE: Duration = Duration::from_secs(15);

/// The runtime the SSH clients of a test or benchmark run on: two workers, as many as
/// the machine's cores.
pub fn client_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// Whether the OpenSSH client is here; without it the test is skipped, unless CI requires it.
pub fn have_ssh() -> bool {
    let found = Command::new("ssh")
        .arg("-V")
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found && std::env::var_os("CI").is_some() {
        panic!("the OpenSSH client `ssh` is required in CI (apt-get install openssh-client)");
    }
    if !found {
        eprintln!("skipped: no `ssh` here");
    }
    found
}

/// A port nobody listens on now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits until something listens on 127.0.0.1:`port` (e.g. `serve --http`).
pub fn wait_for_port(port: u16) {
    for _ in 0..200 {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        thread::sleep(Duration::from_millis(50));
    }
    panic!("nothing listens on {port}");
}

/// A `serve` process on 127.0.0.1, killed when dropped, with its own folder.
pub struct Server {
    pub child: Child,
    pub port: u16,
    pub dir: tempfile::TempDir,
    /// What the server wrote to its stderr (the operator's log), read as it comes: a
    /// pipe nobody reads fills up, and a server whose log cannot be written waits.
    pub log: ServerLog,
}

impl Server {
    /// Starts `serve` with `args` and waits until it takes connections.
    pub fn start(args: &[&str]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        Server::start_in(dir, args)
    }

    /// Starts `serve` in `dir` (which may hold keys for `args`).
    pub fn start_in(dir: tempfile::TempDir, args: &[&str]) -> Server {
        Server::launch(dir, args, |_| {})
    }

    /// Starts `serve` as a service manager would: without `TERM` and without a controlling
    /// terminal, so the server's own terminal can tell it nothing.
    pub fn start_as_service(args: &[&str]) -> Server {
        Server::launch(tempfile::tempdir().unwrap(), args, |command| {
            use std::os::unix::process::CommandExt;
            command.env_remove("TERM");
            // SAFETY: setsid is async-signal-safe; nothing else runs between fork and exec.
            unsafe {
                command.pre_exec(|| nix::unistd::setsid().map(drop).map_err(Into::into));
            }
        })
    }

    /// Starts `serve` with `args`, at most `files` open file descriptors (RLIMIT_NOFILE)
    /// and the file mode mask `umask`, as a service manager may start it.
    pub fn start_limited(args: &[&str], files: Option<u64>, umask: Option<u32>) -> Server {
        Server::launch(tempfile::tempdir().unwrap(), args, |command| {
            use std::os::unix::process::CommandExt;
            // SAFETY: setrlimit and umask are async-signal-safe system calls.
            unsafe {
                command.pre_exec(move || {
                    if let Some(files) = files {
                        let resource = nix::sys::resource::Resource::RLIMIT_NOFILE;
                        nix::sys::resource::setrlimit(resource, files, files)?;
                    }
                    if let Some(mask) = umask {
                        let mask = nix::sys::stat::Mode::from_bits_truncate(mask);
                        nix::sys::stat::umask(mask);
                    }
                    Ok(())
                });
            }
        })
    }

    /// Starts `serve` with `args`; gives its operator's log too.
    pub fn start_logged(args: &[&str]) -> (Server, ServerLog) {
        let server = Server::start(args);
        let log = server.log.clone();
        (server, log)
    }

    /// The server's resident memory now, in KiB (VmRSS in /proc); 0 once it has gone.
    pub fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }

    /// Whether the server process still runs.
    pub fn running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// Starts `serve` in `dir` with `args`, `prepare` having its say on the command last.
    fn launch(dir: tempfile::TempDir, args: &[&str], prepare: impl FnOnce(&mut Command)) -> Server {
        let port = free_port();
        let listen = format!("127.0.0.1:{port}");
        let state = dir.path().join("state");
        let log = dir.path().join("outcomes.jsonl");
        let mut all = vec!["serve", "--listen", &listen];
        let (state, log) = (state.to_str().unwrap(), log.to_str().unwrap());
        all.extend(["--state-dir", state, "--log", log]);
        all.extend(args);
        let mut command = super::binary(&all);
        command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        prepare(&mut command);
        let mut child = command.spawn().unwrap();
        let log = ServerLog::default();
        let stderr = std::io::BufReader::new(child.stderr.take().unwrap());
        let lines = log.clone();
        thread::spawn(move || {
            use std::io::BufRead;
            for line in stderr.lines().map_while(Result::ok) {
                lines.0.lock().unwrap().push(line);
            }
        });
        let server = Server {
            child,
            port,
            dir,
            log,
        };
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(start.elapsed() < DEADLINE, "serve did not start listening");
            thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// A server that lets in only a fresh key; gives it with that key's private file and
    /// another key's, which it does not know.
    pub fn with_one_key() -> (Server, PathBuf, PathBuf) {
        Server::with_listed_key("--authorized-keys", &[])
    }

    /// A server started with `args` and a fresh key listed in a file given with `flag`
    /// (`--authorized-keys`, `--agent-keys`); gives it with that key's private file and
    /// another key's, which is not listed.
    pub fn with_listed_key(flag: &str, args: &[&str]) -> (Server, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let listed_key = keygen(dir.path(), "listed");
        let other = keygen(dir.path(), "other");
        let list = dir.path().join("listed_keys");
        std::fs::copy(listed_key.with_extension("pub"), &list).unwrap();
        let list = list.to_str().unwrap().to_owned();
        let mut all = vec![flag, list.as_str()];
        all.extend(args);
        (Server::start_in(dir, &all), listed_key, other)
    }

    /// The arguments of `ssh -T` to this server as `user`, running `command` if any.
    pub fn plain_args(&self, user: &str, command: Option<&str>) -> Vec<String> {
        let mut args = vec!["-T".to_owned()];
        args.extend(self.ssh_args(user));
        args.push("127.0.0.1".to_owned());
        args.extend(command.map(str::to_owned));
        args
    }

    /// `ssh -T` with the private key `key` to this server as `user`, typing `input`.
    pub fn plain_with_key(&self, user: &str, key: &Path, input: &str) -> Output {
        let mut args = vec!["-i".to_owned(), key.display().to_string()];
        args.extend(self.plain_args(user, None));
        ssh(&args, input)
    }

    /// `ssh -T` to this server as `user` (running `command` if any), `input` on its stdin.
    pub fn plain(&self, user: &str, command: Option<&str>, input: &str) -> Output {
        ssh(&self.plain_args(user, command), input)
    }

    /// The client options every test uses: this server, a throwaway known_hosts, no
    /// questions, no user configuration.
    pub fn ssh_args(&self, user: &str) -> Vec<String> {
        let known = self.dir.path().join("known_hosts");
        [
            "-F",
            "/dev/null",
            "-p",
            &self.port.to_string(),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            &format!("UserKnownHostsFile={}", known.display()),
            "-o",
            "BatchMode=yes",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "ConnectTimeout=5",
            "-o",
            "IdentitiesOnly=yes",
            "-l",
            user,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    /// `ssh -tt` to this server in a pseudo-terminal of 80×24, as `xterm-256color`.
    pub fn full_screen(&self) -> Wizard {
        self.in_terminal("xterm-256color")
    }

    /// `ssh -tt` to this server in a pseudo-terminal of 80×24 of type `term`.
    pub fn in_terminal(&self, term: &str) -> Wizard {
        let mut args = vec!["-tt".to_owned()];
        args.extend(self.ssh_args("partner"));
        args.push("127.0.0.1".to_owned());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Wizard::start_program("ssh", &args, &[("TERM", term)])
    }

    /// `ssh -tt` to this server running `command` (e.g. `join K7P-2QX`), in a
    /// pseudo-terminal of 80×24, as user `user`.
    pub fn command_in_terminal(&self, user: &str, command: &str) -> Wizard {
        let mut args = vec!["-tt".to_owned()];
        args.extend(self.ssh_args(user));
        args.push("127.0.0.1".to_owned());
        args.push(command.to_owned());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Wizard::start_program("ssh", &args, &[("TERM", "xterm-256color")])
    }

    /// `ssh -T` to this server as `user` (running `command` if any) from a
    /// pseudo-terminal of 300×60, so no line wraps: the server gives plain lines, and the
    /// test types them.
    pub fn plain_in_terminal(&self, user: &str, command: Option<&str>) -> Wizard {
        let args = self.plain_args(user, command);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let wizard = Wizard::start_program("ssh", &args, &[("TERM", "xterm-256color")]);
        wizard.resize(60, 300);
        wizard
    }

    /// The state folder given to the server.
    pub fn state_dir(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    /// The outcome log's lines.
    pub fn log_lines(&self) -> Vec<String> {
        std::fs::read_to_string(self.dir.path().join("outcomes.jsonl"))
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }
}

/// The lines a server wrote to its stderr so far.
#[derive(Debug, Clone, Default)]
pub struct ServerLog(std::sync::Arc<std::sync::Mutex<Vec<String>>>);

impl ServerLog {
    /// Every line so far.
    pub fn lines(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }

    /// Waits for the first line that holds every one of `parts`, and gives it.
    pub fn wait_for(&self, parts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let found = self
                .lines()
                .into_iter()
                .find(|line| parts.iter().all(|part| line.contains(part)));
            if let Some(line) = found {
                return line;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "no log line with {parts:?}; the log:\n{}",
                self.lines().join("\n")
            );
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The machine's load averages (1, 5, 15 minutes): benchmarks share two cores with others.
pub fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs `ssh` with `args` and `input` on its stdin, within the deadline.
pub fn ssh(args: &[String], input: &str) -> Output {
    let mut command = Command::new("ssh");
    command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    {
        use std::io::Write;
        let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    }
    wait_output(child)
}

/// Waits for `child` within the deadline, killing it if it takes longer.
pub fn wait_output(mut child: Child) -> Output {
    let finished = super::child::exit_within(&mut child, DEADLINE).is_some();
    let output = child.wait_with_output().unwrap();
    assert!(
        finished,
        "ssh did not finish; it printed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The hand-off code shown on a partner's screen, e.g. `K7P-2QX`.
pub fn code_on(screen: &Wizard) -> String {
    screen.wait_for("Your code for the helpdesk agent:");
    let words = screen.words();
    let after = words
        .split("Your code for the helpdesk agent: ")
        .nth(1)
        .expect("the code line");
    after[..7].to_owned()
}

/// A full-screen partner who picked `answer` at the first question, reached `question`
/// and asked for a hand-off code (`h`); gives the partner and the code.
pub fn partner_with_code(server: &Server, answer: &str, question: &str) -> (Wizard, String) {
    let mut partner = server.full_screen();
    partner.wait_for("What is going wrong with Partner Center?");
    partner.pick(answer);
    partner.wait_for(question);
    partner.send("h");
    let code = code_on(&partner);
    (partner, code)
}

/// Makes an ed25519 key pair `name` in `dir` with `ssh-keygen`; gives the private key's path.
pub fn keygen(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    path
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The files in `dir` whose names end with `suffix`.
pub fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|entry| entry.path())
                .filter(|path| path.display().to_string().ends_with(suffix))
                .collect()
        })
        .unwrap_or_default()
}

/// The one session folder the server made under `served/`, once it holds a save.
pub fn served_folder(server: &Server) -> PathBuf {
    let start = Instant::now();
    loop {
        let folders = files(&server.state_dir().join("served"), "");
        if let Some(folder) = folders.iter().find(|f| !files(f, ".json").is_empty()) {
            return folder.clone();
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no save");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Waits until the server's wizard has let go of the session saved in `folder` (its
/// lock is free): the walk on the server is over.
pub fn wait_until_let_go(folder: &Path) {
    let lock = files(folder, ".lock").pop().expect("a locked save");
    let start = Instant::now();
    while std::fs::File::open(&lock).unwrap().try_lock().is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the wizard still holds the session"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
