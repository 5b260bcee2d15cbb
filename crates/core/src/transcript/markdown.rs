//! A transcript as Markdown for a ticket: a heading, a short summary, the numbered
//! questions and answers, the notes, the outcome and its links. It reads well as plain
//! text too, for ticket systems that do not render Markdown.

use std::fmt::Write;

use jiff::Timestamp;

use super::labels::labels;
use super::{StepRecord, Transcript};
use crate::clock::duration_text;
use crate::i18n::record::lang_name;
use crate::i18n::words;

/// Renders `t` as Markdown.
pub(super) fn render(t: &Transcript) -> String {
    let lang = t.lang();
    let (l, w) = (labels(lang), words(lang));
    let mut out = String::new();
    let _ = writeln!(out, "# {} — {}\n", md(&t.flow.title), l.title_suffix);
    let outcome = match &t.outcome {
        Some(o) => {
            let verdict = if t.solved { l.solved } else { l.not_solved };
            let kind = o.kind.label(w);
            format!("{kind}: {} ({verdict})", md(&o.title))
        }
        None => format!("{} “{}”", l.not_reached, md(&t.current.title)),
    };
    let _ = writeln!(out, "- **{}:** {outcome}", l.outcome);
    let caller = match t.caller_lang() {
        Some(caller) => format!(
            " · **{}:** {} ({})",
            l.caller_language,
            lang_name(caller, lang),
            caller.code()
        ),
        None => String::new(),
    };
    let _ = writeln!(
        out,
        "- **{}:** {} ({} {}) · **{}:** {}{caller}",
        l.flow,
        md(&t.flow.id),
        l.version,
        t.flow.version,
        l.language,
        t.language
    );
    let _ = writeln!(
        out,
        "- **{}:** {} · **{}:** {} · **{}:** {}",
        l.started,
        clock(t.started),
        l.ended,
        clock(t.ended),
        l.duration,
        duration_text(t.duration_seconds)
    );

    let _ = writeln!(out, "\n## {}\n", l.path);
    // Each route given up by a restart, then the line that says when it was started again.
    for restart in &t.restarts {
        steps(&mut out, t, &restart.steps);
        let since = restart.at.duration_since(t.started).as_secs();
        let _ = writeln!(
            out,
            "\n*{} {} (+{}):*\n",
            l.started_again,
            time_of_day(restart.at),
            duration_text(since)
        );
    }
    if t.steps.is_empty() {
        let _ = writeln!(out, "{}", l.no_answers);
    }
    steps(&mut out, t, &t.steps);

    if !t.notes.is_empty() {
        let _ = writeln!(out, "\n## {}\n", w.notes);
        for note in &t.notes {
            let since = note.at.duration_since(t.started).as_secs();
            let flag = if note.masked {
                format!(" *({})*", l.masked)
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "- +{} {} “{}” ({}): {}{flag}",
                duration_text(since),
                l.at,
                md(&note.node_title),
                l.author(note.author),
                md(&note.text).replace('\n', "\n  ")
            );
        }
    }

    if !t.hand_offs.is_empty() {
        let _ = writeln!(out, "\n## {}\n", l.hand_offs);
        for hand_off in &t.hand_offs {
            let since = hand_off.at.duration_since(t.started).as_secs();
            let how = if hand_off.live {
                l.joined_live
            } else {
                l.continued_from_save
            };
            let _ = writeln!(
                out,
                "- +{} {} “{}”: {how} ({} {})",
                duration_text(since),
                l.at,
                md(&hand_off.node_title),
                l.code,
                md(&hand_off.code)
            );
        }
    }

    if let Some(o) = &t.outcome {
        let _ = writeln!(out, "\n## {}: {}\n", l.outcome, md(&o.title));
        if let Some(text) = &o.text {
            let _ = writeln!(out, "{}\n", md(text));
        }
        if let Some(c) = &o.contact {
            let _ = writeln!(out, "- **{}:** {}", w.who, md(&c.who));
            let _ = writeln!(out, "- **{}:** {}", w.ask, md(&c.ask));
            if !c.ready.is_empty() {
                let _ = writeln!(out, "- **{}:**", w.ready);
                for item in &c.ready {
                    let _ = writeln!(out, "  - {}", md(item));
                }
            }
            match c.give_them_this.as_slice() {
                [] => {}
                [one] => {
                    let _ = writeln!(out, "- **{}:** {}", w.give_them_this, md(one));
                }
                several => {
                    let _ = writeln!(out, "- **{}:**", w.give_them_this);
                    for item in several {
                        let _ = writeln!(out, "  - {}", md(item));
                    }
                }
            }
            out.push('\n');
        }
        if !o.steps.is_empty() {
            let _ = writeln!(out, "**{}:**\n", w.steps);
            for (n, step) in o.steps.iter().enumerate() {
                let _ = writeln!(out, "{}. {}", n + 1, md(step));
            }
            out.push('\n');
        }
        if !o.links.is_empty() {
            let _ = writeln!(out, "**{}:**\n", w.links);
            for link in &o.links {
                let _ = writeln!(out, "- [{}]({})", md(&link.title), link.url);
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Writes `steps` as a numbered list, each with its time since the start of `t`.
fn steps(out: &mut String, t: &Transcript, steps: &[StepRecord]) {
    let lang = t.lang();
    let (l, w) = (labels(lang), words(lang));
    for (n, step) in steps.iter().enumerate() {
        let (at, line) = match step {
            StepRecord::Answer {
                at,
                question,
                answer,
                masked,
                ..
            } => {
                let flag = match masked {
                    Some(true) => format!(" *({})*", l.masked),
                    _ => String::new(),
                };
                (at, format!("{} → **{}**{flag}", md(question), md(answer)))
            }
            StepRecord::Jump { at, from, to, .. } => (
                at,
                format!("{} → *{}: {}*", md(&from.title), w.jumped_to, md(&to.title)),
            ),
        };
        let since = at.duration_since(t.started).as_secs();
        let _ = writeln!(out, "{}. {line} (+{})", n + 1, duration_text(since));
    }
}

/// A time of day as `09:30:00 UTC`.
fn time_of_day(at: Timestamp) -> String {
    at.strftime("%H:%M:%S UTC").to_string()
}

/// A time as `2025-03-14 09:30:00 UTC`.
fn clock(at: Timestamp) -> String {
    at.strftime("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// Text made safe for Markdown: characters that would start emphasis, code or HTML are
/// escaped, and so is whatever would turn a line into a heading, quote or list.
fn md(text: &str) -> String {
    text.lines()
        .map(|line| {
            let mut out = String::new();
            let trimmed = line.trim_start();
            let numbered = trimmed
                .split_once(['.', ')'])
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            if trimmed.starts_with(['#', '>', '-', '+', '=']) || numbered {
                out.push_str(&line[..line.len() - trimmed.len()]);
                out.push('\\');
                out.push_str(trimmed);
            } else {
                out.push_str(line);
            }
            out.replace('*', "\\*")
                .replace('`', "\\`")
                .replace('<', "\\<")
                .replace(" _", " \\_")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_specials_are_escaped_but_ordinary_text_and_markers_are_not() {
        assert_eq!(md("plain [masked] text"), "plain [masked] text");
        assert_eq!(md("# not a heading"), "\\# not a heading");
        assert_eq!(md("a *b* `c` <d>"), "a \\*b\\* \\`c\\` \\<d>");
        assert_eq!(md("1. first\n- item"), "\\1. first\n\\- item");
        assert_eq!(md("ask_admin"), "ask_admin");
    }
}
