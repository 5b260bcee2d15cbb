//! The body of a question or a step: what to answer, and the numbered answers.

use super::content::Content;
use crate::flow::Kind;
use crate::i18n::Words;
use crate::layout::theme::Theme;
use crate::page::{Body, Page, Section};

/// Adds the rows of a question or step page to `content`.
///
/// A question shows its answers right under it and its help after them, so the answers
/// stay in view on short screens. A step shows its kind ("Try this"), its instructions,
/// then the prompt ("Did that fix it?") and the two answers, then its links (so the
/// question is on an 80×24 screen without scrolling). A question answered by typing has
/// its answer box where the answers would be.
pub fn rows(
    content: &mut Content,
    page: &Page,
    words: &Words,
    selected: usize,
    width: usize,
    theme: &Theme,
) {
    if page.kind == Kind::Step {
        content.text(page.kind.label(words), width, theme.kind);
        content.text(&page.heading, width, theme.heading);
        let (links, text): (Vec<Section>, Vec<Section>) = page
            .sections
            .iter()
            .cloned()
            .partition(|section| matches!(section.body, Body::Links(_)));
        content.sections(&text, words, width, theme);
        content.gap();
        if let Some(prompt) = &page.prompt {
            content.text(prompt, width, theme.prompt);
        }
        content.options(&page.options, selected, width, theme);
        content.sections(&links, words, width, theme);
    } else if page.kind == Kind::Input {
        content.text(&page.heading, width, theme.heading);
        content.gap();
        content.answer_box();
        content.sections(&page.sections, words, width, theme);
    } else {
        content.text(&page.heading, width, theme.heading);
        content.gap();
        content.options(&page.options, selected, width, theme);
        content.sections(&page.sections, words, width, theme);
    }
}
