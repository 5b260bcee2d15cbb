//! Plain mode from start to exit: offer to resume an unfinished session, run the walk
//! with autosave, then write the transcript, log the outcome and tidy the save.
//!
//! Resuming: with `--resume` the most recently saved unfinished session of the flow is
//! continued. Without it, when stdin is a terminal, the user is asked whether to resume
//! it; "no" moves it aside (`*.abandoned.json`) and logs it as abandoned. When stdin is not
//! a terminal (scripts, pipes) nobody is asked and saves are left alone unless `--resume`
//! is given. A save that no longer fits the flow is reported with what changed and its
//! notes; a person may start over keeping the notes, a script gets exit code 1 and the
//! file stays on disk.

use std::io::{self, BufRead, IsTerminal, Write};
use std::process::ExitCode;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::{Options, run};
use crate::autosave::{Found, SessionLock, find_unfinished, restore};
use crate::cli::Cli;
use crate::exit::RUNTIME_ERROR;
use crate::i18n::words;
use crate::lang::Lang;
use crate::records::{Notice, RecordOptions, Records};
use crate::sanitize::clean_line;
use crate::session::Session;

/// Runs plain mode for the command line `cli`, starting from `fresh` unless an unfinished
/// session is resumed, and returns the exit code.
pub fn main(cli: &Cli, fresh: Session, lang: Lang) -> ExitCode {
    let options = RecordOptions::from_cli(cli);
    let interactive = io::stdin().is_terminal();
    let mut input = io::stdin().lock();
    let mut output = io::stdout().lock();
    let begun = begin(
        cli,
        fresh,
        lang,
        &options,
        interactive,
        &mut input,
        &mut output,
    );
    let (mut session, lang, mut records) = match begun {
        Ok(begun) => begun,
        Err(code) => return code,
    };
    let plain = Options { agent: cli.agent };
    let result = run(
        &mut session,
        lang,
        plain,
        &mut input,
        &mut output,
        &mut records,
    );
    let notices = records.finish(&session);
    show(&mut output, &notices);
    match result {
        Ok(_) if records.failed() => ExitCode::from(RUNTIME_ERROR),
        Ok(end) => end.exit_code(),
        // The reader went away (`| head`): nobody is left to tell.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(RUNTIME_ERROR),
        Err(error) => {
            eprintln!("signin-doctor: {error}");
            ExitCode::from(RUNTIME_ERROR)
        }
    }
}

/// Decides between a fresh and a resumed session, asking on `output` and reading the
/// answer from `input` when `interactive`; returns the session, its language and its
/// records. `Err` carries the exit code when the saved session cannot be resumed and
/// nobody chose to start over. The full-screen front end can call this before it takes
/// over the terminal.
pub fn begin(
    cli: &Cli,
    fresh: Session,
    lang: Lang,
    options: &RecordOptions,
    interactive: bool,
    input: &mut impl BufRead,
    output: &mut impl Write,
) -> Result<(Session, Lang, Records), ExitCode> {
    if let Err(message) = options.check() {
        eprintln!("signin-doctor: {message}");
        return Err(ExitCode::from(crate::exit::USAGE_OR_INVALID_FLOW));
    }
    let flow = fresh.shared_flow();
    let new = |session: Session, lang| {
        let records = Records::new(options.clone(), lang, &session);
        (session, lang, records)
    };
    let Some(dir) = options.state_dir.as_deref() else {
        return Ok(new(fresh, lang));
    };
    let expired = crate::autosave::expire(dir, options.keep_days);
    if expired > 0 {
        eprintln!(
            "signin-doctor: removed {expired} set-aside session(s) older than {} days from {} (--keep-days).",
            options.keep_days,
            dir.display()
        );
    }
    let (found, unreadable) = find_unfinished(dir, flow.id());
    for file in &unreadable {
        eprintln!(
            "signin-doctor: ignoring the saved session {} (it cannot be read: {})",
            file.path.display(),
            file.reason
        );
    }
    let any_found = !found.is_empty();
    let Some((latest, lock)) = first_free(found) else {
        if cli.resume && any_found {
            eprintln!(
                "signin-doctor: --resume: every unfinished session is in use by another \
                 program (see above); finish the call there, or start without --resume."
            );
            return Err(ExitCode::from(RUNTIME_ERROR));
        }
        if cli.resume {
            eprintln!(
                "signin-doctor: there is no unfinished session to resume in {}; starting a new one.",
                dir.display()
            );
        }
        return Ok(new(fresh, lang));
    };
    if !cli.resume && !interactive {
        return Ok(new(fresh, lang));
    }
    // Continuing a call goes on in the caller's language, unless --lang says otherwise.
    let lang = cli.lang.unwrap_or_else(|| latest.saved.lang());
    let w = words(lang);
    if !cli.resume {
        let question = format!(
            "{} {} {}",
            w.resume_found,
            local(latest.saved.started),
            w.resume_question
        );
        match ask(input, output, &question) {
            Some(true) => {}
            Some(false) => {
                show(output, &Records::give_up(options, lang, &latest));
                lock.remove();
                return Ok(new(fresh, lang));
            }
            None => return Ok(new(fresh, lang)),
        }
    }
    match restore(flow.clone(), &latest.saved) {
        Ok(session) => {
            let _ = writeln!(output, "{} {}.", w.resumed, local(session.started()));
            let records = Records::resumed(options.clone(), lang, latest.path.clone(), lock);
            Ok((session, lang, records))
        }
        Err(problem) => {
            report(&latest, &problem);
            let start_over = interactive && ask(input, output, w.start_over_question) == Some(true);
            if !start_over {
                return Err(ExitCode::from(RUNTIME_ERROR));
            }
            show(output, &Records::give_up(options, lang, &latest));
            lock.remove();
            let session = problem.start_over(flow, crate::session::now());
            if !session.notes().is_empty() {
                let _ = writeln!(output, "{}", w.notes_carried);
            }
            let (session, lang, mut records) = new(session, lang);
            show(
                output,
                &records.changed(&session).into_iter().collect::<Vec<_>>(),
            );
            Ok((session, lang, records))
        }
    }
}

/// The most recently saved session no other process uses, locked for this one; says on
/// stderr which ones are skipped because another process has them.
fn first_free(found: Vec<Found>) -> Option<(Found, SessionLock)> {
    for candidate in found {
        match SessionLock::acquire(&candidate.path) {
            Ok(lock) => return Some((candidate, lock)),
            Err(error) => eprintln!(
                "signin-doctor: the unfinished session {} is skipped: {error}.",
                candidate.path.display()
            ),
        }
    }
    None
}

/// Tells what no longer fits, prints the saved notes, and where the file is kept.
fn report(found: &Found, problem: &crate::autosave::ResumeProblem) {
    eprintln!("signin-doctor: {problem}.");
    if !problem.notes.is_empty() {
        eprintln!("Notes of the saved session:");
        for note in &problem.notes {
            eprintln!("  - [{}] {}", note.node, clean_line(&note.text));
        }
    }
    eprintln!(
        "The saved session is kept in {}. Run signin-doctor without --resume in a terminal to start over.",
        found.path.display()
    );
}

/// Asks a yes/no question; `None` if input ended.
fn ask(input: &mut impl BufRead, output: &mut impl Write, question: &str) -> Option<bool> {
    let _ = writeln!(output, "{question}");
    let _ = output.flush();
    let mut line = String::new();
    match input.read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(matches!(
            line.trim().to_lowercase().as_str(),
            "y" | "yes" | "j" | "ja"
        )),
    }
}

/// Prints notices: information on `output`, errors on stderr.
fn show(output: &mut impl Write, notices: &[Notice]) {
    for notice in notices {
        if notice.error {
            eprintln!("signin-doctor: {}", notice.text);
        } else {
            let _ = writeln!(output, "{}", notice.text);
        }
    }
}

/// A time as the user's clock shows it, to the minute.
fn local(at: Timestamp) -> String {
    at.to_zoned(TimeZone::system())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

#[cfg(test)]
mod tests;
