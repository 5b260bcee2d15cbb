//! Agent mode: what to say to the caller, as a labelled block marked by a bar down its
//! left side, at the top of the body.

use ratatui::text::{Line, Span};

use super::content::Content;
use crate::i18n::Words;
use crate::layout::theme::Theme;
use crate::layout::wrap::{truncate_words, wrap};

/// The bar and space before every row of the block.
const BAR: &str = "▌ ";

/// Adds the block to `content`: "Say to the caller", then `text` wrapped to `width`, then
/// an empty row.
pub fn rows(content: &mut Content, text: &str, words: &Words, width: usize, theme: &Theme) {
    let inner = width.saturating_sub(BAR.chars().count()).max(1);
    let bar = || Span::styled(BAR, theme.say_bar);
    let label = truncate_words(words.say, inner);
    if width <= BAR.chars().count() {
        // Too narrow for the bar: the words alone.
        content.text(words.say, width, theme.say_label);
        content.text(text, width, theme.say_text);
    } else {
        content.push(Line::from(vec![
            bar(),
            Span::styled(label, theme.say_label),
        ]));
        for piece in wrap(text, inner) {
            content.push(Line::from(vec![bar(), Span::styled(piece, theme.say_text)]));
        }
    }
    content.gap();
}
