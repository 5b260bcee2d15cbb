//! What the views draw, gathered by the state ([`crate::App::view_model`]) for one
//! frame: the views take this and nothing else, so the state and the views do not know
//! each other.

use crate::lang::Lang;
use crate::layout::screen::Screen;
use crate::layout::theme::Theme;
use crate::page::Page;
use crate::state::input::LineInput;
use crate::state::overlay::Overlay;
use crate::state::status::Status;

/// Everything one frame shows.
#[derive(Debug)]
pub struct ViewModel<'a> {
    /// The interface language.
    pub lang: Lang,
    /// The styles.
    pub theme: &'a Theme,
    /// What the current step shows.
    pub page: &'a Page,
    /// The screen laid out in the frame; `None` when the frame is too small.
    pub screen: Option<Screen>,
    /// Whether the answer box of a typed question has the keyboard.
    pub answering: bool,
    /// The answer typed so far.
    pub answer: &'a LineInput,
    /// The status line.
    pub status: &'a Status,
    /// Why saving fails, while it does (shown until a save works again).
    pub write_problem: Option<&'a str>,
    /// The call time, as shown in agent mode.
    pub call_time: String,
    /// The open note editor or search box.
    pub overlay: Option<&'a Overlay>,
    /// The help overlay's scroll when it is open.
    pub help_scroll: Option<usize>,
    /// Which keys the help lists.
    pub help_for: crate::layout::help_layout::HelpFor,
}
