//! Plain mode: the wizard as lines of text, for screen readers, pipes and scripts.
//!
//! Each page is printed once, options as `N) label`; one line of input answers it.
//! No colour, no cursor movement, no redraw.

use std::io::{self, BufRead, Write};

use crate::exit::WalkEnd;
use crate::i18n::{Words, words};
use crate::lang::Lang;
use crate::page::{Body, Page};
use crate::sanitize::clean_line;
use crate::session::Session;

/// What one line of input asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reply {
    Pick(usize),
    Back,
    Restart,
    Quit,
    Unknown,
}

fn parse_reply(line: &str, option_count: usize) -> Reply {
    let answer = line.trim().to_lowercase();
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

/// Runs the wizard on `input` and `output` until an ending is printed, the user quits,
/// or input ends.
pub fn run(
    mut session: Session,
    lang: Lang,
    mut input: impl BufRead,
    mut output: impl Write,
) -> io::Result<WalkEnd> {
    let words = words(lang);
    let mut line = String::new();
    let mut show_page = true;
    writeln!(output, "{}", clean_line(session.flow().title().get(lang)))?;
    loop {
        let page = Page::of(&session, lang);
        if show_page {
            output.write_all(render(&page, words).as_bytes())?;
        }
        if page.kind.is_ending() {
            writeln!(output, "{}", words.plain_finished)?;
            output.flush()?;
            return Ok(WalkEnd::Ending);
        }
        writeln!(
            output,
            "{} (1-{}), {}:",
            words.plain_prompt,
            page.options.len(),
            words.plain_prompt_keys
        )?;
        output.flush()?;
        line.clear();
        if input.read_line(&mut line)? == 0 {
            writeln!(output, "{}", words.input_ended)?;
            return Ok(WalkEnd::Quit);
        }
        show_page = true;
        match parse_reply(&line, page.options.len()) {
            Reply::Pick(answer) => {
                session
                    .choose(answer)
                    .expect("the reply was checked against the page's options");
            }
            Reply::Back => {
                if !session.back() {
                    writeln!(output, "{}", words.plain_at_start)?;
                    show_page = false;
                }
            }
            Reply::Restart => session.restart(),
            Reply::Quit => {
                writeln!(output, "{}", words.quit_before_ending)?;
                return Ok(WalkEnd::Quit);
            }
            Reply::Unknown => writeln!(output, "{}", words.plain_not_understood)?,
        }
    }
}

/// The page as plain lines, as plain mode prints it.
pub fn render(page: &Page, words: &Words) -> String {
    let mut out = String::from("\n");
    if !page.breadcrumbs.is_empty() {
        out += &format!("{}: {}\n", words.path, page.breadcrumbs.join(" > "));
    }
    if page.kind.is_ending() {
        out += &format!("{}: {}\n", page.kind.label(words), page.heading);
    } else {
        out += &format!("{}\n", page.heading);
    }
    for section in &page.sections {
        let title = &section.title;
        match &section.body {
            Body::Paragraph(text) if title.is_empty() => out += &format!("{text}\n"),
            Body::Paragraph(text) => out += &format!("{title}: {text}\n"),
            Body::Numbered(items) => {
                out += &format!("{title}:\n");
                for (i, item) in items.iter().enumerate() {
                    out += &format!("  {}. {item}\n", i + 1);
                }
            }
            Body::Bullets(items) => {
                out += &format!("{title}:\n");
                for item in items {
                    out += &format!("  - {item}\n");
                }
            }
            Body::Links(links) => {
                out += &format!("{title}:\n");
                for link in links {
                    out += &format!("  - {}: {}\n", link.title, link.url);
                }
            }
        }
    }
    if let Some(prompt) = &page.prompt {
        out += &format!("{prompt}\n");
    }
    for (i, option) in page.options.iter().enumerate() {
        out += &format!("{}) {option}\n", i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_are_read_leniently() {
        assert_eq!(parse_reply(" 2 \n", 3), Reply::Pick(1));
        assert_eq!(parse_reply("B", 3), Reply::Back);
        assert_eq!(parse_reply("opnieuw", 3), Reply::Restart);
        assert_eq!(parse_reply("q", 3), Reply::Quit);
        assert_eq!(parse_reply("4", 3), Reply::Unknown);
        assert_eq!(parse_reply("0", 3), Reply::Unknown);
        assert_eq!(parse_reply("", 3), Reply::Unknown);
        assert_eq!(parse_reply("yes", 3), Reply::Unknown);
    }
}
