//! The search box: the query, what it finds (updated as the user types), the selected
//! match marked, and the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Position;

use super::input_box::{field, frame, line};
use crate::i18n::words;
use crate::layout::hints::one_row;
use crate::layout::screen::Screen;
use crate::layout::view_model::ViewModel;
use crate::sanitize::clean_line;
use crate::state::overlay::SearchBox;

/// Draws the search box; gives where the cursor goes.
pub fn render(
    buf: &mut Buffer,
    screen: &Screen,
    found: &SearchBox,
    model: &ViewModel,
) -> Option<Position> {
    let theme = model.theme;
    let words = words(model.lang);
    let inner = frame(
        buf,
        screen.search_box(found.hits.len()),
        words.search_title,
        theme,
    );
    let cursor = field(buf, inner, &found.input, theme);
    let query = clean_line(found.input.text().trim());
    let info = if query.is_empty() {
        words.search_start.to_owned()
    } else if found.hits.is_empty() {
        format!("{} \"{query}\".", words.search_none)
    } else {
        format!("{} \"{query}\": {}", words.search_results, found.hits.len())
    };
    line(buf, inner, inner.y + 1, &info, theme.input_hint);
    // The keys go on the last row when there is room for a match above them.
    let keys_row = (inner.height >= 4).then(|| inner.bottom() - 1);
    if let Some(y) = keys_row {
        let keys = one_row(words.search_keys, usize::from(inner.width));
        line(buf, inner, y, &keys, theme.input_hint);
    }
    let list_top = inner.y + 2;
    let list_bottom = keys_row.unwrap_or(inner.bottom());
    let visible = usize::from(list_bottom.saturating_sub(list_top));
    if visible == 0 {
        return cursor;
    }
    let first = (found.selected + 1).saturating_sub(visible);
    for (i, (y, hit)) in (list_top..list_bottom)
        .zip(found.hits.iter().enumerate().skip(first))
        .map(|(y, (i, hit))| (i, (y, hit)))
    {
        let selected = i == found.selected;
        let marker = if selected { "› " } else { "  " };
        let style = if selected {
            theme.selected
        } else {
            theme.option
        };
        let mut text = format!("{marker}{}", hit.label(model.lang));
        if selected {
            let pad = usize::from(inner.width).saturating_sub(crate::layout::wrap::width(&text));
            text.push_str(&" ".repeat(pad));
        }
        line(buf, inner, y, &text, style);
    }
    cursor
}
