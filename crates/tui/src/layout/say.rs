//! Agent mode: what to say to the caller, as a labelled block marked by a bar down its
//! left side, at the top of the body.

use ratatui::text::{Line, Span};

use super::content::Content;
use crate::layout::theme::Theme;
use crate::layout::wrap::{truncate_words, wrap};

/// The bar and space before every row of the block.
const BAR: &str = "▌ ";

/// Adds the block to `content`: `label` ("Say to the caller", with the caller's language
/// when known), then `text` wrapped to `width`, then an empty row.
pub fn rows(content: &mut Content, text: &str, label: &str, width: usize, theme: &Theme) {
    let inner = width.saturating_sub(BAR.chars().count()).max(1);
    let bar = || Span::styled(BAR, theme.say_bar);
    let shown = truncate_words(label, inner);
    if width <= BAR.chars().count() {
        // Too narrow for the bar: the words alone.
        content.text(label, width, theme.say_label);
        content.text(text, width, theme.say_text);
    } else {
        content.push(Line::from(vec![
            bar(),
            Span::styled(shown, theme.say_label),
        ]));
        for piece in wrap(text, inner) {
            content.push(Line::from(vec![bar(), Span::styled(piece, theme.say_text)]));
        }
    }
    content.gap();
}
