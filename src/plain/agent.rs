//! Agent mode's extra lines in plain mode: the call time, the path so far, the notes,
//! what to say to the caller, and search results.

use jiff::Timestamp;

use crate::i18n::Words;
use crate::lang::Lang;
use crate::page::{Page, move_label};
use crate::sanitize::clean_line;
use crate::search::Hit;
use crate::secrets::shown;
use crate::session::Session;
use crate::transcript::minutes;

/// How many search results are listed at most.
pub(super) const MAX_HITS: usize = 20;

/// The lines agent mode prints above a page, ending with what to say to the caller.
pub(super) fn header(
    session: &Session,
    page: &Page,
    lang: Lang,
    words: &Words,
    now: Timestamp,
) -> String {
    let flow = session.flow();
    let call = minutes(session.elapsed_at(now).as_secs());
    let mut out = format!("\n{}: {call}\n", words.agent_call_time);
    if !session.path().is_empty() {
        out += &format!("{}:\n", words.agent_path);
        for (n, step) in session.path().iter().enumerate() {
            let label = move_label(flow, step, lang);
            let line = if step.is_jump() {
                label
            } else {
                let asked = clean_line(flow.node(step.node).heading().get(lang));
                format!("{asked} → {label}")
            };
            out += &format!("  {}. {line}\n", n + 1);
        }
    }
    if !session.notes().is_empty() {
        out += &format!("{}:\n", words.notes);
        for note in session.notes() {
            let at = clean_line(flow.node(note.node).heading().get(lang));
            out += &format!("  - [{at}] {}\n", clean_line(&shown(&note.text, lang)));
        }
    }
    if let Some(say) = &page.say {
        out += &format!("{}: \"{}\"\n", words.agent_say, clean_line(say));
    }
    out
}

/// The numbered list of search results for `query`, or the line saying there are none.
pub(super) fn results(hits: &[Hit], query: &str, words: &Words) -> String {
    let query = clean_line(query);
    if hits.is_empty() {
        return format!("{} \"{query}\".\n", words.search_none);
    }
    let mut out = format!("{} \"{query}\":\n", words.search_results);
    for (n, hit) in hits.iter().take(MAX_HITS).enumerate() {
        if hit.snippet == hit.heading {
            out += &format!("{}) {} ({})\n", n + 1, hit.heading, hit.lang);
        } else {
            out += &format!(
                "{}) {} — {} ({})\n",
                n + 1,
                hit.heading,
                hit.snippet,
                hit.lang
            );
        }
    }
    out
}
