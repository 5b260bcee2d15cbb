//! The help overlay's lines and box, worked out purely, so drawing it and scrolling it
//! agree on how far it can scroll.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::i18n::words;
use crate::lang::Lang;
use crate::layout::theme::Theme;
use crate::layout::wrap::{self, wrap};

/// The widest the box grows.
const MAX_WIDTH: u16 = 64;

/// Which keys the help lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpFor {
    /// At a question answered by typing.
    pub answering: bool,
    /// Served to a partner: the hand-off keys too.
    pub hand_off: bool,
    /// Served over SSH: `s` shows the transcript rather than saving it.
    pub served: bool,
}

/// The help's lines for a box in `area`, and the box itself.
pub fn layout(
    theme: &Theme,
    lang: Lang,
    help_for: HelpFor,
    area: Rect,
) -> (Vec<Line<'static>>, Rect) {
    let words = words(lang);
    let width = area.width.min(MAX_WIDTH);
    let text_width = usize::from(width.saturating_sub(4)).max(1);
    let sharing = crate::i18n::sharing_words(lang);
    let (own, hand_off) = if help_for.answering {
        (words.input_help_lines, sharing.input_help_lines)
    } else {
        (words.help_lines, sharing.help_lines)
    };
    let offered: &[(&str, &str)] = if help_for.hand_off { hand_off } else { &[] };
    let show = ("s", crate::i18n::record_words(lang).help_show);
    let help_lines: Vec<&(&str, &str)> = own
        .iter()
        .map(|line| match line {
            ("s", _) if help_for.served => &show,
            line => line,
        })
        .chain(offered)
        .collect();
    let key_width = help_lines
        .iter()
        .map(|(key, _)| wrap::width(key))
        .max()
        .unwrap_or(0);
    let narrow = key_width + 2 + 12 > text_width;
    let mut lines: Vec<Line> = Vec::new();
    for (key, what) in help_lines {
        let key = Span::styled(format!("{key:<key_width$}  "), theme.help_key);
        if narrow {
            lines.push(Line::from(key));
            lines.extend(
                wrap(what, text_width.saturating_sub(2))
                    .into_iter()
                    .map(|piece| Line::from(format!("  {piece}"))),
            );
        } else {
            let indent = key_width + 2;
            for (i, piece) in wrap(what, text_width - indent).into_iter().enumerate() {
                let lead = if i == 0 {
                    key.clone()
                } else {
                    Span::raw(" ".repeat(indent))
                };
                lines.push(Line::from(vec![lead, Span::raw(piece)]));
            }
        }
    }
    lines.push(Line::default());
    lines.extend(
        wrap(words.help_close, text_width)
            .into_iter()
            .map(Line::from),
    );
    let height = (lines.len() as u16).saturating_add(2).min(area.height);
    let boxed = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    (lines, boxed)
}

/// How far the help can scroll in `area`: 0 when it fits.
pub(crate) fn max_scroll(theme: &Theme, lang: Lang, help_for: HelpFor, area: Rect) -> usize {
    let (lines, boxed) = layout(theme, lang, help_for, area);
    lines
        .len()
        .saturating_sub(usize::from(boxed.height.saturating_sub(2)))
}
