//! The wizard's state and `update`, which changes it in answer to an action and never draws.

use jiff::Timestamp;
use ratatui::layout::Rect;

use crate::Options;
use crate::event::action::{Action, KeyMode};
use crate::layout::help_layout;
use crate::layout::screen::{Screen, ScreenInput};
use crate::layout::theme::Theme;
use crate::layout::view_model::ViewModel;
use crate::state::call_record::CallRecord;
use crate::state::input::LineInput;
use crate::state::overlay::Overlay;
use crate::state::sharing::Sharing;

pub use crate::state::status::Status;

use crate::clock::duration_text;
use crate::core::WalkEnd;
use crate::core::typed_answer::Asker;
use crate::core::{Applied, Call, Notice};
use crate::flow::Kind;
use crate::lang::Lang;
use crate::page::Page;
use crate::session::Session;

mod answer;
mod moves;
mod record;
mod typing;
mod update;

pub(crate) use update::update_flow;
pub use update::{paste, report, tick, update};

/// Where a view scrolled to `scroll` (at most `max`, `page` rows a page) goes for
/// `action`: the arrows move a row, the page keys a page, Home and End to the ends;
/// `None` for an action that does not scroll.
fn scrolled(scroll: usize, action: Action, page: usize, max: usize) -> Option<usize> {
    let to = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll + 1,
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll + page,
        Action::Top => 0,
        Action::Bottom => max,
        _ => return None,
    };
    Some(to.min(max))
}

/// The terminal size assumed until the first [`crate::Action::Resize`].
const DEFAULT_SIZE: (u16, u16) = (80, 24);

/// Everything the full-screen wizard knows: the call it shows, and how it shows it.
#[derive(Debug)]
pub struct App {
    call: Call,
    lang: Lang,
    theme: Theme,
    page: Page,
    selected: usize,
    scroll: usize,
    help: bool,
    help_scroll: usize,
    quit: bool,
    size: (u16, u16),
    /// Whether the user moved the selection since the last scroll, so a resize should
    /// keep it in view.
    follow: bool,
    status: Status,
    /// Agent mode: what to say, the path pane, the call time.
    agent: bool,
    /// The time the call time is shown for (see [`tick`]).
    now: Timestamp,
    /// The note editor or search box, when open.
    overlay: Option<Overlay>,
    /// What is typed in the answer box of a question answered by typing.
    answer: LineInput,
    /// Why saving fails, shown above every other status until a save works again.
    write_problem: Option<String>,
    /// Hand-off and live sharing, when served.
    sharing: Sharing,
    /// The call's record, when served: the transcript view, shown or copied.
    record: CallRecord,
}

impl App {
    /// A wizard at the session's current node, in `lang`, keeping no records (a preview,
    /// a test); see [`App::of`].
    pub fn new(session: Session, lang: Lang, options: &Options) -> App {
        App::of(Call::unrecorded(session, lang), options)
    }

    /// The wizard of `call`, at its session's current node.
    pub fn of(call: Call, options: &Options) -> App {
        let lang = call.lang();
        let page = Page::of(call.session(), lang);
        App {
            call,
            lang,
            theme: Theme::new(options.no_color),
            page,
            selected: 0,
            scroll: 0,
            help: false,
            help_scroll: 0,
            quit: false,
            size: DEFAULT_SIZE,
            follow: false,
            status: Status::default(),
            agent: options.agent,
            now: crate::clock::now(),
            overlay: None,
            answer: LineInput::answer_box(),
            write_problem: None,
            sharing: options.sharing.clone(),
            record: CallRecord {
                can_copy: options.clipboard,
                ..CallRecord::default()
            },
        }
    }

    /// Hand-off and live sharing, as they stand.
    pub fn sharing(&self) -> &Sharing {
        &self.sharing
    }

    /// Shows the hand-off code the partner was given (until an agent uses it).
    pub(crate) fn show_code(&mut self, code: String) {
        if let Sharing::Partner { code: shown, .. } = &mut self.sharing {
            *shown = Some(code);
        }
    }

    /// Takes in what happened on the other side of a shared session (see
    /// [`crate::core::Call::take`]): the screen follows the session to its node — what this
    /// side was typing in an open box stays — and the line that stays says who is with whom.
    pub fn take(&mut self, event: crate::core::live::LiveEvent) {
        let before = (
            self.call.session().current(),
            self.call.session().path().len(),
        );
        let applied = self.call.take(event);
        if let crate::core::Change::Sharing(presence) = applied.change {
            self.sharing.apply(presence);
        }
        let after = (
            self.call.session().current(),
            self.call.session().path().len(),
        );
        if before != after {
            self.show_node(0);
        }
        self.took(&applied.notices);
    }

    /// Shows what the call said (saved, failed, masked…) in the status line, and the
    /// banner while saving fails; the banner's text is not repeated in the status line.
    pub(crate) fn took(&mut self, notices: &[Notice]) {
        let problem = self.call.records().write_problem().map(str::to_owned);
        let notices: Vec<Notice> = notices
            .iter()
            .filter(|n| problem.as_deref() != Some(n.text.as_str()))
            .cloned()
            .collect();
        self.set_write_problem(problem.as_deref());
        report(self, &notices);
    }

    /// Applies `intent` to the call and shows its notices; says what it came to.
    pub(crate) fn apply(&mut self, intent: crate::core::Intent) -> Applied {
        let applied = self.call.apply(intent);
        if let crate::core::Change::Sharing(presence) = applied.change {
            self.sharing.apply(presence);
        }
        applied
    }

    /// What the wizard asks before taking the typed answer, in the user's words.
    pub fn asking(&self) -> Option<String> {
        let confirm = self.call.asking()?;
        Some(confirm.prompt(self.lang, Asker::Keys))
    }

    /// What is typed in the answer box (empty where the page has none).
    pub fn answer(&self) -> &LineInput {
        &self.answer
    }

    /// Whether the page is a question answered by typing, with its box taking the keys.
    pub fn answering(&self) -> bool {
        self.page.kind == Kind::Input
    }

    /// Sets (or clears, with `None`) the banner saying that saving fails.
    pub(crate) fn set_write_problem(&mut self, problem: Option<&str>) {
        self.write_problem = problem.map(crate::sanitize::clean_line);
    }

    /// Why saving fails, while it does (shown in a banner that stays).
    pub fn write_problem(&self) -> Option<&str> {
        self.write_problem.as_deref()
    }

    /// Whether agent mode is on.
    pub fn agent(&self) -> bool {
        self.agent
    }

    /// The length of the call so far, as `m:ss`.
    pub(crate) fn call_time(&self) -> String {
        duration_text(self.call.session().elapsed_at(self.now).as_secs())
    }

    /// The note editor or search box, when one is open.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    /// What keys mean now: typing while an input box is open, closing the help while it
    /// shows, typing the answer at a question answered by typing, else the wizard's keys.
    pub(crate) fn key_mode(&self) -> KeyMode {
        if self.overlay.is_some() {
            KeyMode::Typing
        } else if self.record.view.is_some() {
            KeyMode::Wizard
        } else if self.help {
            KeyMode::Help
        } else if self.answering() {
            KeyMode::Answering
        } else {
            KeyMode::Wizard
        }
    }

    /// Gives the call back, e.g. to end it when the wizard exits.
    pub(crate) fn into_call(self) -> Call {
        self.call
    }

    /// The status lines above the key hints.
    pub fn status(&self) -> &Status {
        &self.status
    }

    /// The walk.
    pub fn session(&self) -> &Session {
        self.call.session()
    }

    /// The session as this screen's user may have it (copied, shown as a transcript):
    /// all of it for an agent, without the agent's notes for a partner.
    pub(crate) fn session_for_user(&self) -> std::borrow::Cow<'_, Session> {
        if self.agent {
            std::borrow::Cow::Borrowed(self.call.session())
        } else {
            std::borrow::Cow::Owned(self.call.session().for_partner())
        }
    }

    /// What the current screen shows.
    pub fn page(&self) -> &Page {
        &self.page
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The styles to draw with.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The selected option, counted from 0.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The first body row the user scrolled to.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// Whether the help overlay is open.
    pub(crate) fn help_visible(&self) -> bool {
        self.help
    }

    /// Scrolls the open help overlay for the arrows and page keys; any other action closes it.
    fn scroll_help(&mut self, action: Action) {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let max = help_layout::max_scroll(&self.theme, self.lang, self.help_for(), area);
        let page = usize::from(self.size.1.saturating_sub(3)).max(1);
        self.help_scroll = scrolled(self.help_scroll, action, page, max).unwrap_or_else(|| {
            self.help = false;
            0
        });
    }

    /// Whether the current node is an ending.
    pub(crate) fn at_ending(&self) -> bool {
        self.page.kind.is_ending()
    }

    /// How the walk ended, once the user has quit.
    pub(crate) fn walk_end(&self) -> Option<WalkEnd> {
        self.quit.then(|| {
            if self.at_ending() {
                WalkEnd::Ending
            } else {
                WalkEnd::Quit
            }
        })
    }

    /// The screen laid out in `area`; `None` when the area is too small.
    pub fn screen(&self, area: Rect) -> Option<Screen> {
        let status: Vec<String> = self
            .write_problem
            .iter()
            .map(|problem| format!("signin-doctor: {problem}"))
            .chain(self.sharing.line(self.lang))
            .chain(self.asking())
            .chain(self.call_line())
            .chain(self.status.lines.iter().cloned())
            .collect();
        let input = ScreenInput {
            page: &self.page,
            lang: self.lang,
            selected: self.selected,
            scroll: self.scroll,
            theme: &self.theme,
            status: &status,
            agent: self.agent.then_some(self.call.session()),
            extra_hint: self.sharing.hint(self.lang, self.answering()),
            served: self.record.served,
        };
        Screen::of(input, area)
    }

    /// What the views draw for a frame of `area`.
    pub fn view_model(&self, area: Rect) -> ViewModel<'_> {
        ViewModel {
            lang: self.lang,
            theme: &self.theme,
            page: &self.page,
            screen: self.screen(area),
            answering: self.answering(),
            answer: self.answer(),
            status: &self.status,
            write_problem: self.write_problem(),
            call_time: self.call_time(),
            overlay: self.overlay(),
            help_scroll: self.help.then_some(self.help_scroll),
            help_for: self.help_for(),
            transcript: self.transcript_shown(area.width, area.height),
        }
    }

    /// Which keys the help lists here.
    fn help_for(&self) -> help_layout::HelpFor {
        help_layout::HelpFor {
            answering: self.answering(),
            hand_off: self.sharing.partner(),
            served: self.record.served,
        }
    }

    /// The screen laid out at the size the terminal last reported.
    fn current_screen(&self) -> Option<Screen> {
        self.screen(Rect::new(0, 0, self.size.0, self.size.1))
    }
}

#[cfg(test)]
mod agent_tests;
#[cfg(test)]
mod tests;
