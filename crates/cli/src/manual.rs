//! Shell completions and the manual page, generated from the command line's definition
//! (`clap_complete`, `clap_mangen`), so they always list the options the program has.

use clap::{CommandFactory, ValueEnum};

use super::Cli;

/// The shells `signin-doctor completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// Bash: `source <(signin-doctor completions bash)`.
    Bash,
    /// Zsh: save as `_signin-doctor` in a folder of `$fpath`.
    Zsh,
    /// Fish: save as `~/.config/fish/completions/signin-doctor.fish`.
    Fish,
    /// PowerShell: `signin-doctor completions powershell | Out-String | Invoke-Expression`.
    Powershell,
}

/// The completion script for `shell`.
pub fn completions(shell: Shell) -> String {
    let generator = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    };
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(generator, &mut command, "signin-doctor", &mut script);
    let script = String::from_utf8_lossy(&script).into_owned();
    match shell {
        // clap_complete's bash script names the states of a hyphenated program's
        // subcommands one way where it sets them (`signin__doctor__subcmd__check`) and
        // another where it matches them (`signin__subcmd__doctor__subcmd__check`), so
        // nothing after the subcommand would complete; tests/manual.rs checks it does.
        Shell::Bash => script.replace("signin__subcmd__doctor", "signin__doctor"),
        _ => script,
    }
}

/// The manual page, in roff for `man`: the options clap knows, each command with its own
/// options, then keys, exit status, files, environment, examples and related pages.
pub fn man_page() -> String {
    let command = Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    let sections: [Section; 5] = [
        clap_mangen::Man::render_title,
        clap_mangen::Man::render_name_section,
        clap_mangen::Man::render_synopsis_section,
        clap_mangen::Man::render_description_section,
        clap_mangen::Man::render_options_section,
    ];
    for section in sections {
        section(&man, &mut page).expect("writing to memory does not fail");
    }
    let mut page = String::from_utf8_lossy(&page).into_owned();
    page += &commands_section(&command);
    page += &keys_section();
    page += man_sections::REST;
    page
}

/// A part of the page clap_mangen renders.
type Section = fn(&clap_mangen::Man, &mut dyn std::io::Write) -> std::io::Result<()>;

/// COMMANDS: each subcommand, what it does and its own options.
fn commands_section(command: &clap::Command) -> String {
    let mut out = String::from(".SH COMMANDS\n");
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        let usage: Vec<String> = sub
            .get_positionals()
            .map(|arg| {
                let name = arg.get_id().as_str().to_uppercase();
                if arg.is_required_set() {
                    format!("\\fI{name}\\fR")
                } else {
                    format!("[\\fI{name}\\fR]")
                }
            })
            .collect();
        out += &format!(
            ".SS \"signin\\-doctor {} {}\"\n",
            sub.get_name(),
            usage.join(" ")
        );
        if let Some(about) = sub.get_about() {
            out += &format!("{}\n", escape(&about.to_string()));
        }
        let mut options = Vec::new();
        clap_mangen::Man::new(sub.clone())
            .render_options_section(&mut options)
            .expect("writing to memory does not fail");
        let options = String::from_utf8_lossy(&options);
        // Under the command's heading: not a section of their own, and without the
        // preamble roff puts before every rendering.
        out += options
            .split_once(".SH OPTIONS\n")
            .map_or(options.as_ref(), |(_, rest)| rest);
    }
    out
}

/// KEYS: the full-screen wizard's keys (the help overlay's list) and plain mode's replies.
fn keys_section() -> String {
    let words = crate::i18n::words(crate::lang::Lang::En);
    let mut out = String::from(".SH KEYS\n.SS \"The full\\-screen wizard\"\n");
    for (key, what) in words.help_lines {
        out += &format!(".TP\n\\fB{}\\fR\n{}\n", escape(key), escape(what));
    }
    out += man_sections::KEYS_AFTER;
    out
}

/// Makes `text` safe in a roff line: backslashes and hyphens escaped, and a leading
/// period or apostrophe kept from being read as a request.
fn escape(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with(['.', '\'']) {
        format!("\\&{text}")
    } else {
        text
    }
}

/// The hand-written sections of the manual page.
mod man_sections {
    /// After the full-screen keys: the answer box and plain mode.
    pub(crate) const KEYS_AFTER: &str = include_str!("man/keys.roff");
    /// EXIT STATUS, FILES, ENVIRONMENT, EXAMPLES and SEE ALSO.
    pub(crate) const REST: &str = include_str!("man/sections.roff");
}
