//! What one line of plain-mode input asks for.

/// One line of input, understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Reply {
    /// Pick option `n` (from 0).
    Pick(usize),
    /// Go back one move.
    Back,
    /// Start again.
    Restart,
    /// Stop.
    Quit,
    /// Agent mode: add a note (`n TEXT`).
    Note(String),
    /// Agent mode: `n` with nothing after it.
    EmptyNote,
    /// Agent mode: save a transcript now (`s`).
    Save,
    /// Agent mode: search (`/WORDS`).
    Search(String),
    /// The answer to an input question: the line as typed, without enclosing quotes.
    Typed(String),
    /// Anything else.
    Unknown,
}

/// Reads `line` leniently; `agent` enables the note, save and search commands.
pub(super) fn parse_reply(line: &str, option_count: usize, agent: bool) -> Reply {
    let trimmed = line.trim();
    if agent {
        if let Some(query) = trimmed.strip_prefix('/') {
            return Reply::Search(query.trim().to_owned());
        }
        if trimmed.eq_ignore_ascii_case("n") {
            return Reply::EmptyNote;
        }
        let note = trimmed
            .strip_prefix("n ")
            .or_else(|| trimmed.strip_prefix("N "));
        if let Some(note) = note {
            return Reply::Note(note.trim().to_owned());
        }
        if trimmed.eq_ignore_ascii_case("s") {
            return Reply::Save;
        }
    }
    let answer = trimmed.to_lowercase();
    match answer.as_str() {
        "b" | "back" | "terug" => Reply::Back,
        "r" | "restart" | "opnieuw" => Reply::Restart,
        "q" | "quit" | "stop" | "stoppen" => Reply::Quit,
        number => match number.parse::<usize>() {
            Ok(n) if (1..=option_count).contains(&n) => Reply::Pick(n - 1),
            _ => Reply::Unknown,
        },
    }
}

/// Reads `line` at an input question: the commands of every page (`b`, `r`, `q` and their
/// words; in agent mode also `n TEXT`, `s`, `/WORDS`) still work, and any other line,
/// an empty one included, is the answer. An answer in double quotes loses them, so
/// `"b"` answers with the letter b.
pub(super) fn parse_typed(line: &str, agent: bool) -> Reply {
    match parse_reply(line, 0, agent) {
        Reply::Unknown => {
            let trimmed = line.trim();
            let unquoted = trimmed
                .strip_prefix('"')
                .and_then(|rest| rest.strip_suffix('"'))
                .unwrap_or(trimmed);
            Reply::Typed(unquoted.to_owned())
        }
        command => command,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_are_read_leniently() {
        assert_eq!(parse_reply(" 2 \n", 3, false), Reply::Pick(1));
        assert_eq!(parse_reply("B", 3, false), Reply::Back);
        assert_eq!(parse_reply("opnieuw", 3, false), Reply::Restart);
        assert_eq!(parse_reply("q", 3, false), Reply::Quit);
        assert_eq!(parse_reply("4", 3, false), Reply::Unknown);
        assert_eq!(parse_reply("0", 3, false), Reply::Unknown);
        assert_eq!(parse_reply("", 3, false), Reply::Unknown);
        assert_eq!(parse_reply("yes", 3, false), Reply::Unknown);
    }

    #[test]
    fn at_an_input_question_every_line_but_a_command_is_the_answer() {
        let typed = |text: &str| Reply::Typed(text.to_owned());
        assert_eq!(parse_typed("50053\n", false), typed("50053"));
        assert_eq!(
            parse_typed("  AADSTS50053: Your account is locked. \n", false),
            typed("AADSTS50053: Your account is locked.")
        );
        assert_eq!(parse_typed("\n", false), typed(""));
        assert_eq!(parse_typed("b", false), Reply::Back);
        assert_eq!(parse_typed("Stoppen", false), Reply::Quit);
        assert_eq!(parse_typed("\"b\"", false), typed("b"));
        assert_eq!(parse_typed("\"q\"\n", true), typed("q"));
        assert_eq!(parse_typed("\"", false), typed("\""));
        assert_eq!(parse_typed("s", false), typed("s"));
        assert_eq!(parse_typed("s", true), Reply::Save);
        assert_eq!(
            parse_typed("/locked", true),
            Reply::Search("locked".to_owned())
        );
    }

    #[test]
    fn agent_commands_only_in_agent_mode() {
        assert_eq!(
            parse_reply("n  caller has a new phone \n", 3, true),
            Reply::Note("caller has a new phone".into())
        );
        assert_eq!(parse_reply("n", 3, true), Reply::EmptyNote);
        assert_eq!(parse_reply("S", 3, true), Reply::Save);
        assert_eq!(
            parse_reply("/ admin role", 3, true),
            Reply::Search("admin role".into())
        );
        assert_eq!(parse_reply("2", 3, true), Reply::Pick(1));
        assert_eq!(parse_reply("n hello", 3, false), Reply::Unknown);
        assert_eq!(parse_reply("/admin", 3, false), Reply::Unknown);
        assert_eq!(parse_reply("s", 3, false), Reply::Unknown);
    }
}
