//! Agent mode's extra lines in plain mode: the call time, the trail (the path so far with
//! each note under its step),
//! what to say to the caller, and search results.

use jiff::Timestamp;

use crate::clock::duration_text;
use crate::core::search::Hit;
use crate::core::trail::{EntryKind, entries};
use crate::i18n::Words;
use crate::i18n::record::{TRANSCRIPT_BEGINS, TRANSCRIPT_ENDS};
use crate::lang::Lang;
use crate::page::Page;
use crate::sanitize::clean_line;
use crate::session::Session;

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
    let call = duration_text(session.elapsed_at(now).as_secs());
    let mut out = format!("\n{}: {call}\n", words.agent_call_time);
    if !session.path().is_empty() || !session.notes().is_empty() {
        out += &format!("{}:\n", words.agent_path);
        for entry in entries(session, lang, words) {
            let line = match (entry.kind, entry.number) {
                (EntryKind::Move | EntryKind::Jump, Some(n)) => format!("  {n}. {}", entry.text),
                (EntryKind::Move | EntryKind::Jump, None) => format!("  {}", entry.text),
                (EntryKind::Current, _) => format!("  > {}", entry.text),
                (EntryKind::Note, _) => format!("     - {}", entry.text),
                (EntryKind::Heading, _) => format!("{}:", entry.text),
            };
            out += &line;
            out.push('\n');
        }
    }
    if let Some(say) = &page.say {
        let label = page.say_label(words.agent_say);
        out += &format!("{label}: \"{}\"\n", clean_line(say));
    }
    out
}

/// The call's transcript as Markdown between the lines that mark where it begins and
/// ends, for a served agent to read or capture (`ssh -T … | tee call.md`); `caller` is the
/// caller's language, recorded in it.
pub(super) fn transcript_in_band(
    session: &Session,
    lang: Lang,
    caller: Option<Lang>,
    now: Timestamp,
) -> String {
    let markdown = signin_doctor_core::transcript::Transcript::of(session, lang, now)
        .for_caller(caller)
        .to_markdown();
    format!("\n{TRANSCRIPT_BEGINS}\n{markdown}\n{TRANSCRIPT_ENDS}\n")
}

/// The numbered list of search results for `query`, or the line saying there are none.
pub(super) fn results(hits: &[Hit], query: &str, lang: Lang, words: &Words) -> String {
    let query = clean_line(query);
    if hits.is_empty() {
        return format!("{} \"{query}\".\n", words.search_none);
    }
    let mut out = format!("{} \"{query}\":\n", words.search_results);
    for (n, hit) in hits.iter().take(MAX_HITS).enumerate() {
        out += &format!("{}) {}\n", n + 1, hit.label(lang));
    }
    out
}
