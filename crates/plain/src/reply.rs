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
    /// Agent mode: save a transcript now (`s`, or `y`).
    Save,
    /// Agent mode: search (`/WORDS`).
    Search(String),
    /// Served to a partner: a hand-off code for an agent (`h`).
    HandOff,
    /// A partner with an agent: stop sharing (`x`).
    EndSharing,
    /// The answer to an input question: the line as typed, without enclosing quotes.
    Typed(String),
    /// "No" to "Did you mean …?": go on with what was typed.
    Decline,
    /// Anything else.
    Unknown,
}

/// Which commands besides the answers and `b`, `r`, `q` a line may give.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Commands {
    /// Agent mode: note, save and search.
    pub agent: bool,
    /// A served partner: `h` for a hand-off code.
    pub hand_off: bool,
    /// A partner with an agent: `x` to stop sharing.
    pub end_sharing: bool,
}

/// Reads `line` leniently, with the `commands` on offer.
pub(super) fn parse_reply(line: &str, option_count: usize, commands: Commands) -> Reply {
    let trimmed = line.trim();
    if commands.hand_off && trimmed.eq_ignore_ascii_case("h") {
        return Reply::HandOff;
    }
    if commands.end_sharing && trimmed.eq_ignore_ascii_case("x") {
        return Reply::EndSharing;
    }
    if commands.agent {
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
        // `y` copies in the full-screen wizard; lines have no clipboard, so it saves too.
        if trimmed.eq_ignore_ascii_case("s") || trimmed.eq_ignore_ascii_case("y") {
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
/// words; in agent mode also `n TEXT`, `s`, `/WORDS`; served to a partner `h`) still
/// work, and any other line, an empty one included, is the answer. An answer in double
/// quotes loses them, so `"b"` answers with the letter b.
pub(super) fn parse_typed(line: &str, commands: Commands) -> Reply {
    match parse_reply(line, 0, commands) {
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

    const PARTNER: Commands = Commands {
        agent: false,
        hand_off: false,
        end_sharing: false,
    };
    const AGENT: Commands = Commands {
        agent: true,
        hand_off: false,
        end_sharing: false,
    };

    #[test]
    fn replies_are_read_leniently() {
        assert_eq!(parse_reply(" 2 \n", 3, PARTNER), Reply::Pick(1));
        assert_eq!(parse_reply("B", 3, PARTNER), Reply::Back);
        assert_eq!(parse_reply("opnieuw", 3, PARTNER), Reply::Restart);
        assert_eq!(parse_reply("q", 3, PARTNER), Reply::Quit);
        assert_eq!(parse_reply("4", 3, PARTNER), Reply::Unknown);
        assert_eq!(parse_reply("0", 3, PARTNER), Reply::Unknown);
        assert_eq!(parse_reply("", 3, PARTNER), Reply::Unknown);
        assert_eq!(parse_reply("yes", 3, PARTNER), Reply::Unknown);
    }

    #[test]
    fn at_an_input_question_every_line_but_a_command_is_the_answer() {
        let typed = |text: &str| Reply::Typed(text.to_owned());
        assert_eq!(parse_typed("50053\n", PARTNER), typed("50053"));
        assert_eq!(
            parse_typed("  AADSTS50053: Your account is locked. \n", PARTNER),
            typed("AADSTS50053: Your account is locked.")
        );
        assert_eq!(parse_typed("\n", PARTNER), typed(""));
        assert_eq!(parse_typed("b", PARTNER), Reply::Back);
        assert_eq!(parse_typed("Stoppen", PARTNER), Reply::Quit);
        assert_eq!(parse_typed("\"b\"", PARTNER), typed("b"));
        assert_eq!(parse_typed("\"q\"\n", AGENT), typed("q"));
        assert_eq!(parse_typed("\"", PARTNER), typed("\""));
        assert_eq!(parse_typed("s", PARTNER), typed("s"));
        assert_eq!(parse_typed("s", AGENT), Reply::Save);
        assert_eq!(
            parse_typed("/locked", AGENT),
            Reply::Search("locked".to_owned())
        );
    }

    #[test]
    fn agent_commands_only_in_agent_mode() {
        assert_eq!(
            parse_reply("n  caller has a new phone \n", 3, AGENT),
            Reply::Note("caller has a new phone".into())
        );
        assert_eq!(parse_reply("n", 3, AGENT), Reply::EmptyNote);
        assert_eq!(parse_reply("S", 3, AGENT), Reply::Save);
        assert_eq!(
            parse_reply("/ admin role", 3, AGENT),
            Reply::Search("admin role".into())
        );
        assert_eq!(parse_reply("2", 3, AGENT), Reply::Pick(1));
        assert_eq!(parse_reply("n hello", 3, PARTNER), Reply::Unknown);
        assert_eq!(parse_reply("/admin", 3, PARTNER), Reply::Unknown);
        assert_eq!(parse_reply("s", 3, PARTNER), Reply::Unknown);
    }

    #[test]
    fn h_asks_for_a_hand_off_code_only_where_one_is_offered() {
        let served = Commands {
            agent: false,
            hand_off: true,
            end_sharing: false,
        };
        assert_eq!(parse_reply(" H\n", 3, served), Reply::HandOff);
        assert_eq!(parse_typed("h", served), Reply::HandOff);
        assert_eq!(parse_reply("h", 3, PARTNER), Reply::Unknown);
        assert_eq!(parse_typed("h", PARTNER), Reply::Typed("h".into()));
        let sharing = Commands {
            end_sharing: true,
            ..PARTNER
        };
        assert_eq!(parse_reply("X", 3, sharing), Reply::EndSharing);
        assert_eq!(parse_reply("x", 3, PARTNER), Reply::Unknown);
    }
}
