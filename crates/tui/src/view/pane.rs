//! Agent mode's path pane: its title and the call time on the first row, then the path
//! so far with notes, newest at the bottom. Beside the body it has a frame line down its
//! left; below the body its title row is a rule.

use ratatui::buffer::Buffer;
use ratatui::symbols::line;

use crate::i18n::words;
use crate::layout::screen::Pane;
use crate::layout::view_model::ViewModel;
use crate::layout::wrap::{self, truncate_end};

/// Draws the pane.
pub fn render(buf: &mut Buffer, pane: &Pane, model: &ViewModel) {
    let theme = model.theme;
    let words = words(model.lang);
    let area = pane.area;
    if pane.side {
        for y in area.y..area.bottom() {
            buf.set_stringn(area.x, y, line::VERTICAL, 1, theme.pane_border);
        }
    } else {
        let rule = line::HORIZONTAL.repeat(usize::from(area.width));
        buf.set_stringn(
            area.x,
            area.y,
            rule,
            usize::from(area.width),
            theme.pane_border,
        );
    }
    // The title row: " Path so far " on the left, " Call time 1:15 " on the right.
    let list = pane.list;
    let room = usize::from(list.width);
    let time = format!("{} {}", words.agent_call_time, model.call_time);
    let title = format!(" {} ", words.agent_path);
    let time = format!(" {time} ");
    let (time_width, title_width) = (wrap::width(&time), wrap::width(&title));
    // Beside the body the words line up with the list; below it a bit of rule shows first.
    let (start, end) = if pane.side {
        (list.x.saturating_sub(1), list.right() + 1)
    } else {
        (list.x, list.right())
    };
    let span = usize::from(end.saturating_sub(start));
    if time_width + title_width <= span {
        buf.set_stringn(start, area.y, &title, span, theme.pane_title);
        let time_x = end - time_width as u16;
        buf.set_stringn(time_x, area.y, &time, time_width, theme.pane_title);
    } else {
        let time = truncate_end(time.trim(), room);
        buf.set_stringn(list.x, area.y, time, room, theme.pane_title);
    }
    let rows = pane.rows.iter().skip(pane.first);
    for (y, row) in (list.y..list.bottom()).zip(rows) {
        buf.set_line(list.x, y, row, list.width);
    }
    if pane.first > 0 && list.height >= 3 {
        // Older rows are hidden above: say so on the top row.
        let blank = " ".repeat(room);
        buf.set_stringn(list.x, list.y, blank, room, theme.pane_border);
        buf.set_stringn(list.x, list.y, "…", room, theme.pane_border);
    }
}
