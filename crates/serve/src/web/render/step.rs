//! One step of the walk as a page: the answers so far, the heading, the flow's sections,
//! and the form that answers it — one button per answer, or a labelled text field — each
//! form carrying the place it answers.

use maud::{Markup, html};

use super::frame::{Frame, frame};
use crate::core::typed_answer::Confirm;
use crate::flow::Kind;
use crate::i18n::{typed_words, words};
use crate::lang::Lang;
use crate::page::{Body, Page, Section};
use crate::web::call::Place;
use crate::web::words::{WebWords, web_words};

/// Everything one step's page shows.
pub struct StepView<'a> {
    /// The page, from the core.
    pub page: &'a Page,
    /// The language shown.
    pub lang: Lang,
    /// Where the call is.
    pub place: &'a Place,
    /// The session's form token.
    pub token: &'a str,
    /// What is asked before a typed answer is taken, if anything.
    pub asking: Option<&'a Confirm>,
    /// A word about the last request (an old page answered), if any.
    pub flash: Option<&'a str>,
    /// A problem with the records, while it lasts.
    pub problem: Option<&'a str>,
    /// Whether Back has somewhere to go.
    pub can_go_back: bool,
    /// Whether the call is over (its ending recorded).
    pub finished: bool,
    /// The hand-off code given and not used yet, if any.
    pub code: Option<&'a str>,
    /// Whether a helpdesk agent shares the session now.
    pub agent_present: bool,
    /// While the page follows a shared session (an agent with the partner, or a code
    /// waiting for one): the version of the session it shows.
    pub live: Option<u64>,
    /// Whether the call was handed over to the agent.
    pub handed_over: bool,
}

/// The page of one step.
pub fn step_page(view: &StepView<'_>) -> Markup {
    let page = view.page;
    let web = web_words(view.lang);
    let main = html! {
        @if let Some(problem) = view.problem {
            p.notice.problem role="alert" { (problem) }
        }
        @if let Some(flash) = view.flash {
            p.notice role="status" { (flash) }
        }
        @if view.agent_present {
            p.notice.live { strong { (web.agent_with_you) } }
        }
        @if !page.breadcrumbs.is_empty() {
            details.answers {
                summary { (web.your_answers) " (" (page.breadcrumbs.len()) ")" }
                ol { @for crumb in &page.breadcrumbs { li { (crumb) } } }
            }
        }
        @if view.handed_over {
            h1 { (web.handed_over) }
            p { (web.handed_over_text) }
        } @else {
            @match page.kind {
                Kind::Question => (question(view, web)),
                Kind::Input => (input(view, web)),
                Kind::Step => (step(view, web)),
                Kind::Remedy | Kind::Contact | Kind::Solved => (ending(view, web)),
            }
        }
        (moves(view, web))
        @if !view.finished {
            (helpdesk(view, web))
        }
    };
    frame(
        &Frame {
            lang: view.lang,
            title: &page.heading,
            site: &page.flow_title,
            token: Some(view.token),
            live: view.live,
        },
        main,
    )
}

/// The hidden fields every form of the walk carries.
fn place_fields(view: &StepView<'_>) -> Markup {
    html! {
        input type="hidden" name="token" value=(view.token);
        input type="hidden" name="node" value=(view.place.node);
        input type="hidden" name="depth" value=(view.place.depth);
        input type="hidden" name="seen" value=(view.place.moves_seen);
    }
}

/// A form of the walk posting to `action`: the place it answers, then `body`.
fn walk_form(view: &StepView<'_>, action: &str, body: Markup) -> Markup {
    html! {
        form method="post" action=(action) {
            (place_fields(view))
            (body)
        }
    }
}

/// The form that answers the step: a fieldset with its `legend` and `body`.
fn answer_form(view: &StepView<'_>, legend: Markup, body: Markup) -> Markup {
    walk_form(
        view,
        "/answer",
        html! { fieldset { legend { (legend) } (body) } },
    )
}

/// A question: its heading as the legend, its help, one button per answer.
fn question(view: &StepView<'_>, web: &WebWords) -> Markup {
    let page = view.page;
    answer_form(
        view,
        html! { h1 { (page.heading) } },
        html! { (sections(&page.sections)) (buttons(&page.options, web)) },
    )
}

/// A step: what to try, then "Did that fix it?" with its two answers.
fn step(view: &StepView<'_>, web: &WebWords) -> Markup {
    let page = view.page;
    html! {
        h1 { (page.heading) }
        (sections(&page.sections))
        (answer_form(
            view,
            html! { h2 { (page.prompt.as_deref().unwrap_or_default()) } },
            buttons(&page.options, web),
        ))
    }
}

/// One submit button per answer, in order.
fn buttons(options: &[String], web: &WebWords) -> Markup {
    html! {
        ul.choices role="list" aria-label=(web.answers_label) {
            @for (index, label) in options.iter().enumerate() {
                li { button type="submit" name="choice" value=(index) { (label) } }
            }
        }
    }
}

/// A question answered by typing: a labelled field, and what is asked before the answer
/// is taken ("Did you mean AADSTS50053?").
fn input(view: &StepView<'_>, web: &WebWords) -> Markup {
    let typed = match view.asking {
        Some(Confirm::Suggest { typed, .. }) => typed.as_str(),
        _ => "",
    };
    let asked = view.asking.map(|confirm| match confirm {
        Confirm::Empty => (web.nothing_typed.to_owned(), None),
        Confirm::Suggest { suggestion, .. } => {
            let code = crate::sanitize::clean_line(&suggestion.code);
            let question = format!("{} {code}?", typed_words(view.lang).did_you_mean);
            (question, Some(code))
        }
    });
    let field = html! {
        (sections(&view.page.sections))
        label for="typed" { (web.your_answer) }
        input id="typed" type="text" name="typed" value=(typed) autocomplete="off"
            spellcheck="false" autocapitalize="none" maxlength="2000"
            aria-describedby=[asked.as_ref().map(|_| "asked")];
        @if let Some((question, _)) = &asked {
            p.notice id="asked" role="status" { (question) }
        }
        ul.choices role="list" {
            li { button type="submit" name="enter" value="1" { (web.continue_) } }
            @match &asked {
                Some((_, Some(code))) => {
                    li { button type="submit" name="confirm" value="take" {
                        (web.yes) " " (code) } }
                    li { button type="submit" name="confirm" value="decline" {
                        (web.no_keep) } }
                }
                Some((_, None)) => {
                    li { button type="submit" name="confirm" value="take" {
                        (web.go_on_without) } }
                }
                None => {}
            }
        }
    };
    answer_form(view, html! { h1 { (view.page.heading) } }, field)
}

/// An ending: what to do or whom to contact, and the transcript to keep.
fn ending(view: &StepView<'_>, web: &WebWords) -> Markup {
    let label = match view.page.kind {
        Kind::Remedy => words(view.lang).remedy,
        Kind::Contact => words(view.lang).contact,
        _ => words(view.lang).solved,
    };
    html! {
        p.kind { (label) }
        h1 { (view.page.heading) }
        (sections(&view.page.sections))
        @if view.finished {
            section aria-labelledby="transcript" {
                h2 id="transcript" { (web.transcript) }
                ul {
                    li { a href="/transcript.md" download { (web.transcript_md) } }
                    li { a href="/transcript.json" download { (web.transcript_json) } }
                }
            }
        }
    }
}

/// Back and Start again.
fn moves(view: &StepView<'_>, web: &WebWords) -> Markup {
    html! {
        nav.moves aria-label=(web.start_again) {
            @if view.can_go_back {
                (walk_form(view, "/back", html! {
                    button.secondary type="submit" { "← " (web.back) }
                }))
            }
            (walk_form(view, "/restart", html! {
                button.secondary type="submit" { "↺ " (web.start_again) }
            }))
        }
    }
}

/// The hand-off: a button that gives a code for the helpdesk; once given, the code and
/// the button that leaves the call to the agent; while the agent is with the partner,
/// that they are, and the button that stops the sharing.
fn helpdesk(view: &StepView<'_>, web: &WebWords) -> Markup {
    html! {
        section.helpdesk aria-labelledby="helpdesk" {
            h2 id="helpdesk" { (web.helpdesk) }
            @if view.agent_present {
                p { (web.agent_with_you_text) }
                (walk_form(view, "/end-sharing", html! {
                    button.secondary type="submit" { (web.end_sharing) }
                }))
                (walk_form(view, "/handover", html! {
                    button.secondary type="submit" { (web.hand_over) }
                }))
            } @else if let Some(code) = view.code {
                p { (web.your_code) ": " strong.code { (code) } }
                p { (web.code_help) }
                (walk_form(view, "/handover", html! {
                    button.secondary type="submit" { (web.hand_over) }
                }))
            } @else {
                (walk_form(view, "/code", html! {
                    button.secondary type="submit" { (web.get_code) }
                }))
            }
        }
    }
}

/// The flow's sections, each under its heading.
fn sections(sections: &[Section]) -> Markup {
    html! {
        @for section in sections {
            div.section {
                @if !section.title.is_empty() { h2 { (section.title) } }
                @match &section.body {
                    Body::Paragraph(text) => @for para in text.split("\n\n") { p { (para) } },
                    Body::Numbered(items) => ol { @for item in items { li { (item) } } },
                    Body::Bullets(items) => ul { @for item in items { li { (item) } } },
                    Body::Links(links) => ul.links {
                        @for link in links {
                            li { a href=(link.url) { (link.title) } }
                        }
                    },
                }
            }
        }
    }
}
