//! Plain mode from start to exit: start-up through the core (its questions asked on
//! the lines), the walk with autosave, then the transcript, the outcome log and the tidy-up.

use std::io::{self, BufRead, Write};

use super::{Listen, Options, run};
use crate::core::start::{Prompt, StartOptions, begin};
use crate::core::{Call, End, Notice, WalkEnd};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::session::Session;

/// Runs plain mode on stdin and stdout, starting from `fresh` unless an unfinished
/// session is resumed; gives how the walk ended. A termination signal ends the process
/// with `interrupted`, the exit code the edge gives a walk left before an ending.
pub fn main(
    fresh: Session,
    lang: Lang,
    start: &StartOptions,
    options: Options,
    interrupted: u8,
) -> Result<WalkEnd> {
    let (mut input, mut output) = (io::stdin().lock(), io::stdout().lock());
    let mut prompt = LinePrompt {
        input: &mut input,
        output: &mut output,
        remote: options.remote,
    };
    let call = Call::new(begin(fresh, lang, start, &mut prompt)?);
    if !options.remote {
        // This process is the user's own (a served wizard is a thread of the server).
        let save = call.records().autosave_path().map(Into::into);
        super::signals::leave_on_signal(save, call.records().resume_hint(), interrupted);
    }
    walk(call, &options, &mut input, output)
}

/// Walks `call` in plain mode on `input` and `output`, then ends it by the core's one
/// rule ([`Call::end`]) and says what became of its records. Input that fails with
/// [`io::ErrorKind::ConnectionAborted`] interrupts the walk (the server ended it); input
/// that fails with [`io::ErrorKind::NotConnected`] (a served client gone), other lines
/// that fail and a terminal's input that ends lose the terminal: the session is then
/// kept for resume, not finished.
pub fn walk(
    mut call: Call,
    options: &Options,
    input: &mut impl Listen,
    mut output: impl Write,
) -> Result<WalkEnd> {
    let result = run(&mut call, options, input, &mut output);
    let how = match &result {
        Ok(how) => *how,
        // Input was cut off (the server ended a served session): interrupted, not over.
        Err(error) if error.kind() == io::ErrorKind::ConnectionAborted => End::Interrupted,
        // The lines failed (a hung-up terminal, a client gone): the session is kept.
        Err(_) => End::TerminalGone,
    };
    if options.remote && options.agent && matches!(how, End::Finished | End::Quit) {
        // The agent's record of the call, over the connection it came by.
        let now = crate::clock::now();
        let shown = super::agent::transcript_in_band(call.session(), call.lang(), now);
        let _ = output.write_all(shown.as_bytes());
    }
    let _ = show_where(&mut output, &call.end(how), options.remote);
    let end = match result {
        Err(error)
            if !matches!(
                error.kind(),
                io::ErrorKind::ConnectionAborted | io::ErrorKind::NotConnected
            ) =>
        {
            return Err(Error::Lines(error));
        }
        _ => WalkEnd::from(how),
    };
    if call.failed() {
        return Err(Error::RecordsFailed);
    }
    Ok(end)
}

/// Start-up's questions asked as lines: the question on `output`, the answer read from
/// `input`, asked again until it is a yes or a no of the user's language (`y`/`yes`,
/// `n`/`no`; `j`/`ja`, `n`/`nee`), so a stray reply such as `751` decides nothing.
pub struct LinePrompt<'a, R, W> {
    /// Where answers come from.
    pub input: &'a mut R,
    /// Where questions and information go (problems go to stderr, unless `remote`).
    pub output: &'a mut W,
    /// The user is on another machine: problems go to `output` too.
    pub remote: bool,
}

impl<R: BufRead, W: Write> Prompt for LinePrompt<'_, R, W> {
    fn ask(&mut self, question: &str, lang: Lang) -> Option<bool> {
        let words = crate::i18n::words(lang);
        let _ = writeln!(self.output, "{question}");
        loop {
            let _ = self.output.flush();
            let mut line = String::new();
            match self.input.read_line(&mut line) {
                Ok(0) | Err(_) => return None,
                Ok(_) => {}
            }
            if let Some(answer) = words.yes_or_no_reply(&line) {
                return Some(answer);
            }
            let _ = writeln!(self.output, "{} {question}", words.yes_or_no);
        }
    }

    fn tell(&mut self, notices: &[Notice]) {
        let _ = show_where(self.output, notices, self.remote);
    }
}

/// Prints notices as lines: information on `output`, problems on stderr with the
/// program's name — also when the questions are piped away. A failure to write to
/// `output` is returned; stderr that is gone (a closed window) is not worth a panic.
pub fn show(output: &mut impl Write, notices: &[Notice]) -> io::Result<()> {
    show_where(output, notices, false)
}

/// Prints notices as [`show`] does; with `remote` (the user is on another machine, and
/// this process's stderr is not theirs) problems go to `output` too, with the program's
/// name.
pub fn show_where(output: &mut impl Write, notices: &[Notice], remote: bool) -> io::Result<()> {
    for notice in notices {
        if notice.error && remote {
            writeln!(output, "signin-doctor: {}", notice.text)?;
        } else if notice.error {
            let _ = writeln!(io::stderr(), "signin-doctor: {}", notice.text);
        } else {
            writeln!(output, "{}", notice.text)?;
        }
    }
    Ok(())
}
