//! The body of a screen as rows of exactly one terminal line each, so scrolling, the
//! selected option's place and every link's place on screen are known before drawing.

use ratatui::text::{Line, Span};

use super::{ending, question};
use crate::i18n::Words;
use crate::layout::theme::Theme;
use crate::layout::wrap::{self, shorten_url, truncate_words, wrap};
use crate::page::{Body, Page, Section};

/// A piece of a link's address drawn on one row, for terminal hyperlinks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkPart {
    /// The full address the piece belongs to.
    pub url: String,
    /// The column, inside the body, where the piece starts.
    pub column: u16,
    /// The piece of the address shown on this row.
    pub text: String,
}

/// One row of the body.
#[derive(Debug, Clone)]
pub struct Row {
    /// What the row shows.
    pub line: Line<'static>,
    /// The option this row belongs to, if any.
    pub option: Option<usize>,
    /// The piece of a link's address on this row, if any.
    pub link: Option<LinkPart>,
}

/// The whole body of a screen, already wrapped to a width.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
    /// Whether answers other than the selected one are cut to one row each.
    pub compact: bool,
}

/// The body of `page` wrapped to `width` cells, with option `selected` highlighted.
pub fn content(page: &Page, words: &Words, selected: usize, width: u16, theme: &Theme) -> Content {
    content_for(page, words, selected, width, theme, false, false)
}

/// [`content`], starting with what to say to the caller when `say` is set (agent mode)
/// and the page has it; when `compact` (a short screen), every answer but the selected
/// one takes a single row, cut at a word, so more of them are in view.
pub(crate) fn content_for(
    page: &Page,
    words: &Words,
    selected: usize,
    width: u16,
    theme: &Theme,
    say: bool,
    compact: bool,
) -> Content {
    let mut content = Content {
        compact,
        ..Content::default()
    };
    let width = usize::from(width).max(1);
    if let Some(text) = page.say.as_deref().filter(|_| say) {
        let label = page.say_label(words.say);
        super::say::rows(&mut content, text, &label, width, theme);
    }
    if page.kind.is_ending() {
        ending::rows(&mut content, page, words, width, theme);
    } else {
        question::rows(&mut content, page, words, selected, width, theme);
    }
    while content.rows.last().is_some_and(|row| row.line.width() == 0) {
        content.rows.pop();
    }
    content
}

impl Content {
    /// The first and last row of option `option`, if it is shown.
    pub(crate) fn option_rows(&self, option: usize) -> Option<(usize, usize)> {
        let belongs = |row: &Row| row.option == Some(option);
        let first = self.rows.iter().position(belongs)?;
        let last = self.rows.iter().rposition(belongs)?;
        Some((first, last))
    }

    /// Whether every answer ends within the first `rows` rows.
    pub(crate) fn options_fit(&self, rows: usize) -> bool {
        self.rows
            .iter()
            .rposition(|row| row.option.is_some())
            .is_none_or(|last| last < rows)
    }

    /// Adds a row.
    pub(super) fn push(&mut self, line: Line<'static>) {
        self.rows.push(Row {
            line,
            option: None,
            link: None,
        });
    }

    /// Adds an empty row, unless the body is empty or already ends in one.
    pub(super) fn gap(&mut self) {
        if self.rows.last().is_some_and(|row| row.line.width() > 0) {
            self.push(Line::default());
        }
    }

    /// Adds `text` wrapped to `width`, in `style`.
    pub(super) fn text(&mut self, text: &str, width: usize, style: ratatui::style::Style) {
        for piece in wrap(text, width) {
            self.push(Line::from(Span::styled(piece, style)));
        }
    }

    /// Adds `text` after `prefix`, with the following lines indented to line up with it.
    pub(super) fn item(
        &mut self,
        prefix: &str,
        text: &str,
        width: usize,
        style: ratatui::style::Style,
    ) {
        let indent = wrap::width(prefix);
        let pieces = wrap(text, width.saturating_sub(indent));
        for (i, piece) in pieces.into_iter().enumerate() {
            let lead = if i == 0 {
                prefix.to_owned()
            } else {
                " ".repeat(indent)
            };
            self.push(Line::from(vec![
                Span::styled(lead, style),
                Span::styled(piece, style),
            ]));
        }
    }

    /// Adds the page's sections, each with its title, separated by empty rows.
    pub(super) fn sections(
        &mut self,
        sections: &[Section],
        words: &Words,
        width: usize,
        theme: &Theme,
    ) {
        for section in sections {
            self.gap();
            if !section.title.is_empty() {
                self.text(&section.title, width, theme.section);
            }
            match &section.body {
                Body::Paragraph(text) => self.text(text, width, theme.text),
                Body::Numbered(items) => {
                    let digits = items.len().to_string().len();
                    for (i, item) in items.iter().enumerate() {
                        let prefix = format!("{:>digits$}. ", i + 1);
                        self.item(&prefix, item, width, theme.text);
                    }
                }
                Body::Bullets(items) => {
                    for item in items {
                        self.item("• ", item, width, theme.text);
                    }
                }
                Body::Links(links) => {
                    let mut shortened = false;
                    for link in links {
                        self.item("• ", &link.title, width, theme.link_title);
                        shortened |= self.url(&link.url, width, theme);
                    }
                    if shortened {
                        self.text(words.link_shortened, width, theme.input_hint);
                    }
                }
            }
        }
    }

    /// Adds a link's address on a row of its own, marked as a link to the full address:
    /// under its title when it fits there, from the left edge when only that fits, and
    /// shortened in the middle when it is longer than the screen (it is never split over
    /// rows, which would copy as two broken pieces). Says whether it was shortened.
    fn url(&mut self, url: &str, width: usize, theme: &Theme) -> bool {
        const INDENT: &str = "  ";
        let indent = if wrap::width(url) + INDENT.len() <= width {
            INDENT
        } else {
            ""
        };
        let shown = shorten_url(url, width);
        self.rows.push(Row {
            line: Line::from(vec![
                Span::raw(indent),
                Span::styled(shown.clone(), theme.url),
            ]),
            option: None,
            link: Some(LinkPart {
                url: url.to_owned(),
                column: indent.len() as u16,
                text: shown.clone(),
            }),
        });
        shown != url
    }

    /// Adds the row the answer box of a question answered by typing is drawn on (the box
    /// itself is drawn over it). It counts as option 0, so scrolling keeps it in view as
    /// it does a selected answer.
    pub(super) fn answer_box(&mut self) {
        self.rows.push(Row {
            line: Line::from("›"),
            option: Some(0),
            link: None,
        });
    }

    /// Adds the numbered options, the selected one marked with "›" and highlighted.
    pub(super) fn options(
        &mut self,
        options: &[String],
        selected: usize,
        width: usize,
        theme: &Theme,
    ) {
        for (i, label) in options.iter().enumerate() {
            let is_selected = i == selected;
            let marker = if is_selected { '›' } else { ' ' };
            let prefix = format!("{marker} {}. ", i + 1);
            let indent = wrap::width(&prefix);
            let style = if is_selected {
                theme.selected
            } else {
                theme.option
            };
            let room = width.saturating_sub(indent);
            let pieces = if self.compact && !is_selected {
                vec![truncate_words(label, room)]
            } else {
                wrap(label, room)
            };
            for (k, piece) in pieces.into_iter().enumerate() {
                let lead = if k == 0 {
                    prefix.clone()
                } else {
                    " ".repeat(indent)
                };
                let mut text = lead + &piece;
                if is_selected {
                    let pad = width.saturating_sub(wrap::width(&text));
                    text.push_str(&" ".repeat(pad));
                }
                self.rows.push(Row {
                    line: Line::from(Span::styled(text, style)),
                    option: Some(i),
                    link: None,
                });
            }
        }
    }
}
