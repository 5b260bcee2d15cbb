//! Terminal hyperlinks (OSC 8): makes the addresses drawn on screen clickable.
//!
//! Ratatui's cells cannot carry OSC 8, so after each frame the address pieces on screen
//! are written again, at the same place and in the same style, wrapped in
//! `ESC ] 8 ; ; URL ESC \` … `ESC ] 8 ; ; ESC \`.

use std::io::{self, Write};

use crossterm::cursor::MoveTo;
use crossterm::queue;
use crossterm::style::{Print, PrintStyledContent, StyledContent};
use ratatui::backend::IntoCrossterm;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::state::app::App;

/// A piece of an address on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedLink {
    /// Column of the first cell.
    pub x: u16,
    /// Row.
    pub y: u16,
    /// The text drawn there.
    pub text: String,
    /// The full address it belongs to.
    pub url: String,
}

/// The address pieces on screen when `app` is drawn in `area` (none under the help
/// overlay, the note editor, the search box or the transcript view, or when the area is
/// too small).
pub fn placed(app: &App, area: Rect) -> Vec<PlacedLink> {
    if app.help_visible() || app.overlay().is_some() || app.call_record().view.is_some() {
        return Vec::new();
    }
    let Some(screen) = app.screen(area) else {
        return Vec::new();
    };
    screen
        .visible_rows()
        .filter_map(|(y, row)| {
            let link = row.link.as_ref()?;
            Some(PlacedLink {
                x: screen.body.x + link.column,
                y,
                text: link.text.clone(),
                url: link.url.clone(),
            })
        })
        .collect()
}

/// Whether `text` can go into an escape sequence without ending or steering it.
fn is_safe(text: &str) -> bool {
    !text.chars().any(char::is_control)
}

/// Writes each link piece again as a hyperlink, in the style `buffer` gives its first cell.
pub fn write(out: &mut impl Write, links: &[PlacedLink], buffer: &Buffer) -> io::Result<()> {
    for link in links {
        if !is_safe(&link.url) || !is_safe(&link.text) {
            continue;
        }
        let Some(cell) = buffer.cell((link.x, link.y)) else {
            continue;
        };
        let styled = StyledContent::new(cell.style().into_crossterm(), link.text.as_str());
        queue!(
            out,
            MoveTo(link.x, link.y),
            Print(format!("\x1b]8;;{}\x1b\\", link.url)),
            PrintStyledContent(styled),
            Print("\x1b]8;;\x1b\\"),
        )?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_wrapped_in_osc_8_and_unsafe_urls_are_skipped() {
        let buffer = Buffer::empty(Rect::new(0, 0, 20, 2));
        let link = |url: &str| PlacedLink {
            x: 2,
            y: 1,
            text: "abc".into(),
            url: url.into(),
        };
        let mut out = Vec::new();
        write(
            &mut out,
            &[link("https://a.example/x"), link("https://b\x1b]evil")],
            &buffer,
        )
        .unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("\x1b]8;;https://a.example/x\x1b\\"), "{out:?}");
        assert!(out.contains("abc"));
        assert!(out.ends_with("\x1b]8;;\x1b\\"), "{out:?}");
        assert!(!out.contains("evil"));
    }

    #[test]
    fn the_transcript_view_over_a_page_with_addresses_gets_none_of_its_links() {
        let flow = crate::flow::load_built_in().unwrap().flow.shared();
        let mut session = crate::session::Session::new(flow);
        // "Something else" → "None of these": the support contact, with its links.
        session.choose(7).unwrap();
        session.choose(4).unwrap();
        let options = crate::Options::default();
        let mut app = App::new(session, crate::lang::Lang::En, &options);
        app.serve_record(None, None);
        let area = Rect::new(0, 0, 80, 60);
        crate::update(&mut app, crate::Action::Resize(80, 60));
        assert!(!placed(&app, area).is_empty(), "the ending shows its links");
        crate::update(&mut app, crate::Action::SaveTranscript);
        assert!(app.call_record().view.is_some());
        assert_eq!(placed(&app, area), [], "the page's links over the view");
    }
}
