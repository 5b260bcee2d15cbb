//! The body of an ending: what kind of ending, its title, and what to do or whom to contact.

use super::content::Content;
use crate::i18n::Words;
use crate::layout::theme::Theme;
use crate::page::Page;

/// Adds the rows of an ending page to `content`: the kind ("Who to contact"), the heading,
/// then every section (who, what to ask, what to have ready, steps, links, further
/// reading), each link as its title and then its full address.
pub fn rows(content: &mut Content, page: &Page, words: &Words, width: usize, theme: &Theme) {
    content.text(page.kind.label(words), width, theme.kind);
    content.text(&page.heading, width, theme.heading);
    content.sections(&page.sections, words, width, theme);
}
