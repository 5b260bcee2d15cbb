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

/// The manual page, in roff for `man`.
pub fn man_page() -> String {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .expect("writing to memory does not fail");
    String::from_utf8_lossy(&page).into_owned()
}
