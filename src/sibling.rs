//! `signin-doctor serve` runs the SSH server, the program `signin-doctor-serve`, the way
//! `cargo` and `git` run their subcommands: found beside this program, or else on `PATH`,
//! given the same command line, and — on Unix — run in this process's place, so its exit
//! code and the signals sent to it are the server's own.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::error::{Error, Result};

/// The server program's file name.
const SERVER: &str = "signin-doctor-serve";

/// Runs the server with this program's arguments; returns only if it cannot be run (or,
/// off Unix, with its exit code once it has ended).
pub fn serve() -> Result<ExitCode> {
    let name = format!("{SERVER}{}", std::env::consts::EXE_SUFFIX);
    let here = std::env::current_exe().ok();
    let beside = here
        .as_deref()
        .and_then(Path::parent)
        .map(|dir| dir.join(&name));
    let Some(server) = beside
        .filter(|path| path.is_file())
        .or_else(|| on_path(&name))
    else {
        return Err(Error::Serve(missing(here.as_deref())));
    };
    let arguments: Vec<OsString> = std::env::args_os().skip(1).collect();
    run(&server, &arguments)
}

/// The first file called `name` in the folders of `PATH`.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// What to say when the server program is nowhere to be found.
fn missing(here: Option<&Path>) -> String {
    let folder = here.and_then(Path::parent).map_or_else(
        || "this program's folder".to_owned(),
        |dir| dir.display().to_string(),
    );
    format!(
        "the SSH server is the program {SERVER}, and it is neither in {folder} nor on PATH. \
         Build it with `cargo build --release --bins` (it lands beside signin-doctor in \
         target/release/), or install it beside signin-doctor."
    )
}

/// Runs `server` in this process's place.
#[cfg(unix)]
fn run(server: &Path, arguments: &[OsString]) -> Result<ExitCode> {
    use std::os::unix::process::CommandExt;
    let error = std::process::Command::new(server).args(arguments).exec();
    Err(Error::Serve(format!(
        "cannot run {}: {error}",
        server.display()
    )))
}

/// Runs `server` and waits for it, giving its exit code.
#[cfg(not(unix))]
fn run(server: &Path, arguments: &[OsString]) -> Result<ExitCode> {
    let status = std::process::Command::new(server)
        .args(arguments)
        .status()
        .map_err(|error| Error::Serve(format!("cannot run {}: {error}", server.display())))?;
    let code = status.code().unwrap_or(1);
    Ok(ExitCode::from(u8::try_from(code).unwrap_or(1)))
}
