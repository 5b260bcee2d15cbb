//! Every style the wizard draws with, in one place.

use ratatui::style::{Color, Modifier, Style};

/// The styles of every screen part.
///
/// Without colour (`NO_COLOR`) every style keeps its default colours and only uses
/// modifiers (bold, reverse, underline), so the selection stays visible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The flow title at the top.
    pub title: Style,
    /// The breadcrumbs under the title.
    pub crumbs: Style,
    /// The thin rules around the body on taller screens.
    pub rule: Style,
    /// The kind of screen above the heading ("Try this", "Who to contact").
    pub kind: Style,
    /// The question, or the step's or ending's title.
    pub heading: Style,
    /// A section's title ("Steps", "Have this ready").
    pub section: Style,
    /// Running text.
    pub text: Style,
    /// The question a step's options answer ("Did that fix it?").
    pub prompt: Style,
    /// An option that is not selected.
    pub option: Style,
    /// The selected option.
    pub selected: Style,
    /// A link's title.
    pub link_title: Style,
    /// A link's address.
    pub url: Style,
    /// The "more above / more below" indicator.
    pub more: Style,
    /// The key hints at the bottom.
    pub hints: Style,
    /// The help overlay's frame and title.
    pub help_border: Style,
    /// A key's name in the help overlay.
    pub help_key: Style,
    /// The "too small" message.
    pub too_small: Style,
    /// A status line saying something went well ("flow reloaded").
    pub status_info: Style,
    /// A status line reporting a problem (the edited flow has errors).
    pub status_error: Style,
    /// Agent mode: the bar beside what to say to the caller.
    pub say_bar: Style,
    /// Agent mode: the label over what to say ("Say to the caller").
    pub say_label: Style,
    /// Agent mode: what to say.
    pub say_text: Style,
    /// Agent mode: the path pane's frame line.
    pub pane_border: Style,
    /// Agent mode: the path pane's title and call time.
    pub pane_title: Style,
    /// Agent mode: a move in the path pane.
    pub pane_move: Style,
    /// Agent mode: the node the user is at, last in the path pane.
    pub pane_current: Style,
    /// A note, in the path pane.
    pub pane_note: Style,
    /// The text typed into the note editor or the search box.
    pub input: Style,
    /// The keys and hints under an input box.
    pub input_hint: Style,
    /// A hint under an input box that refuses what was asked (an empty note).
    pub input_refused: Style,
}

impl Theme {
    /// The styles to draw with; `no_color` drops every colour.
    pub fn new(no_color: bool) -> Theme {
        if no_color {
            Theme::plain()
        } else {
            Theme::colour()
        }
    }

    fn colour() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            title: bold.fg(Color::White).bg(Color::Blue),
            crumbs: Style::new().fg(Color::Gray),
            rule: Style::new().fg(Color::DarkGray),
            kind: bold.fg(Color::Cyan),
            heading: bold,
            section: bold.fg(Color::Yellow),
            text: Style::new(),
            prompt: bold,
            option: Style::new(),
            selected: bold.fg(Color::Black).bg(Color::Cyan),
            link_title: Style::new(),
            url: Style::new()
                .fg(Color::LightBlue)
                .add_modifier(Modifier::UNDERLINED),
            more: bold.fg(Color::Yellow),
            hints: Style::new().fg(Color::Gray),
            help_border: bold.fg(Color::Cyan),
            help_key: bold.fg(Color::Yellow),
            too_small: bold.fg(Color::Yellow),
            status_info: bold.fg(Color::Green),
            status_error: bold.fg(Color::White).bg(Color::Red),
            say_bar: bold.fg(Color::Yellow),
            say_label: bold.fg(Color::Yellow),
            say_text: bold,
            pane_border: Style::new().fg(Color::DarkGray),
            pane_title: bold.fg(Color::Cyan),
            pane_move: Style::new(),
            pane_current: bold,
            pane_note: Style::new().fg(Color::Yellow),
            input: Style::new().add_modifier(Modifier::UNDERLINED),
            input_hint: Style::new().fg(Color::Gray),
            input_refused: bold.fg(Color::Yellow),
        }
    }

    fn plain() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            title: bold,
            crumbs: Style::new(),
            rule: Style::new(),
            kind: bold,
            heading: bold,
            section: bold,
            text: Style::new(),
            prompt: bold,
            option: Style::new(),
            selected: bold.add_modifier(Modifier::REVERSED),
            link_title: Style::new(),
            url: Style::new().add_modifier(Modifier::UNDERLINED),
            more: bold,
            hints: Style::new(),
            help_border: bold,
            help_key: bold,
            too_small: bold,
            status_info: bold,
            status_error: bold.add_modifier(Modifier::REVERSED),
            say_bar: bold,
            say_label: bold,
            say_text: bold,
            pane_border: Style::new(),
            pane_title: bold,
            pane_move: Style::new(),
            pane_current: bold,
            pane_note: Style::new().add_modifier(Modifier::ITALIC),
            input: Style::new().add_modifier(Modifier::UNDERLINED),
            input_hint: Style::new(),
            input_refused: bold,
        }
    }
}
