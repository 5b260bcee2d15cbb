//! What one screen shows, worked out once from the session for both front ends.
//!
//! Every string in a [`Page`] is already translated and cleaned of control characters, so
//! a front end only lays it out.

use crate::flow::{Flow, Kind, Link, LinkId, NodeKind, Text};
use crate::i18n::words;
use crate::lang::Lang;
use crate::sanitize::{clean, clean_line};
use crate::session::{Move, Session};

/// A link as shown: its title and full address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkLine {
    /// What the page is called.
    pub title: String,
    /// The full address.
    pub url: String,
}

/// The body of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Running text.
    Paragraph(String),
    /// Numbered instructions.
    Numbered(Vec<String>),
    /// Items without order.
    Bullets(Vec<String>),
    /// Web pages.
    Links(Vec<LinkLine>),
}

/// A titled block of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading, e.g. "Steps"; empty for an untitled block.
    pub title: String,
    /// What it says.
    pub body: Body,
}

/// Everything one screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// What kind of screen.
    pub kind: Kind,
    /// The flow's title.
    pub flow_title: String,
    /// The answers given so far, as short labels.
    pub breadcrumbs: Vec<String>,
    /// The question, or the step's or ending's title.
    pub heading: String,
    /// What an agent says to the caller, when the flow gives it.
    pub say: Option<String>,
    /// The name of the caller's language (in the page's language) when `say` is in it,
    /// for the label: "Say to the caller (Dutch)".
    pub say_in: Option<String>,
    /// The blocks of text under the heading, in order.
    pub sections: Vec<Section>,
    /// The question the options answer, for steps ("Did that fix it?").
    pub prompt: Option<String>,
    /// The answers to pick from; empty at an ending.
    pub options: Vec<String>,
}

impl Page {
    /// This page (in `lang`) with what to say in the language of the caller, when it is
    /// known, labelled with its name: the agent reads it out as the caller's screen says it.
    pub fn for_caller(mut self, session: &Session, lang: Lang, caller: Option<Lang>) -> Page {
        if let Some(caller) = caller {
            self.say = Page::of(session, caller).say;
            self.say_in = Some(crate::i18n::record::lang_name(caller, lang).to_owned());
        }
        self
    }

    /// The label over what to say: `label` ("Say to the caller"), with the caller's
    /// language when the text is in it.
    pub fn say_label(&self, label: &str) -> String {
        match &self.say_in {
            Some(name) => format!("{label} ({name})"),
            None => label.to_owned(),
        }
    }

    /// The page the session is on, in `lang`.
    pub fn of(session: &Session, lang: Lang) -> Page {
        let flow = session.flow();
        let words = words(lang);
        let text = |text: &Text| clean(text.get(lang));
        let mut sections = Vec::new();
        let mut push = |title: &str, body: Body| {
            sections.push(Section {
                title: title.to_owned(),
                body,
            })
        };
        let node = session.node();
        let (kind, heading, say, prompt, options) = match &node.kind {
            NodeKind::Question(question) => {
                if let Some(help) = &question.help {
                    push(words.help, Body::Paragraph(text(help)));
                }
                let options = question
                    .choices
                    .iter()
                    .map(|c| clean_line(c.label.get(lang)))
                    .collect();
                (
                    Kind::Question,
                    text(&question.text),
                    question.say.as_ref(),
                    None,
                    options,
                )
            }
            NodeKind::Input(input) => {
                if let Some(help) = &input.help {
                    push(words.help, Body::Paragraph(text(help)));
                }
                (
                    Kind::Input,
                    text(&input.text),
                    input.say.as_ref(),
                    None,
                    Vec::new(),
                )
            }
            NodeKind::Step(step) => {
                if let Some(intro) = &step.text {
                    push("", Body::Paragraph(text(intro)));
                }
                push(
                    words.steps,
                    Body::Numbered(step.steps.iter().map(text).collect()),
                );
                if let Some(help) = &step.help {
                    push(words.help, Body::Paragraph(text(help)));
                }
                push_links(&mut push, words.links, flow, &step.links, lang);
                let options = vec![words.fixed.to_owned(), words.not_fixed.to_owned()];
                let prompt = Some(words.did_that_fix_it.to_owned());
                (
                    Kind::Step,
                    text(&step.title),
                    step.say.as_ref(),
                    prompt,
                    options,
                )
            }
            NodeKind::Ending(ending) => {
                if let Some(intro) = &ending.text {
                    push("", Body::Paragraph(text(intro)));
                }
                if let Some(contact) = &ending.contact {
                    push(words.who, Body::Paragraph(text(&contact.who)));
                    push(words.ask, Body::Paragraph(text(&contact.ask)));
                    if let Some(typed) = typed_body(session) {
                        push(words.give_them_this, typed);
                    }
                    if !contact.ready.is_empty() {
                        push(
                            words.ready,
                            Body::Bullets(contact.ready.iter().map(text).collect()),
                        );
                    }
                }
                if !ending.steps.is_empty() {
                    push(
                        words.steps,
                        Body::Numbered(ending.steps.iter().map(text).collect()),
                    );
                }
                push_links(&mut push, words.links, flow, &ending.links, lang);
                let further: Vec<LinkLine> =
                    flow.further_reading().map(|l| link_line(l, lang)).collect();
                if !further.is_empty() {
                    push(words.further_reading, Body::Links(further));
                }
                (
                    ending.kind.into(),
                    text(&ending.title),
                    None,
                    None,
                    Vec::new(),
                )
            }
        };
        Page {
            kind,
            flow_title: clean_line(flow.title().get(lang)),
            breadcrumbs: breadcrumbs(session, lang),
            heading,
            say: say.map(text),
            say_in: None,
            sections,
            prompt,
            options,
        }
    }
}

/// What was typed on the way, for a contact ending: one paragraph, or a list when
/// several input questions were answered. Text that looks like a secret is masked, so the
/// ending never tells anyone to hand over a password.
fn typed_body(session: &Session) -> Option<Body> {
    let mut typed: Vec<String> = session
        .typed()
        .map(|(_, text)| shown_typed(text).0)
        .collect();
    match typed.len() {
        0 => None,
        1 => typed.pop().map(Body::Paragraph),
        _ => Some(Body::Bullets(typed)),
    }
}

fn push_links(
    push: &mut impl FnMut(&str, Body),
    title: &str,
    flow: &Flow,
    links: &[LinkId],
    lang: Lang,
) {
    if !links.is_empty() {
        push(
            title,
            Body::Links(
                links
                    .iter()
                    .map(|id| link_line(flow.link(*id), lang))
                    .collect(),
            ),
        );
    }
}

fn link_line(link: &Link, lang: Lang) -> LinkLine {
    LinkLine {
        title: clean_line(link.title.get(lang)),
        url: clean_line(&link.url),
    }
}

/// One short label per move made: the choice's label, for a step its title and whether it
/// helped, for a jump where it went.
fn breadcrumbs(session: &Session, lang: Lang) -> Vec<String> {
    session
        .path()
        .iter()
        .map(|step| answer_given(session.flow(), step, lang))
        .collect()
}

/// What was answered at one move, as breadcrumbs, the trail and transcripts show it: the
/// choice picked, the text typed, "fixed"/"not fixed" at a step, or "Jumped to: …".
pub(crate) fn answer_given(flow: &Flow, step: &Move, lang: Lang) -> String {
    let words = words(lang);
    let Some(answer) = step.answer() else {
        let to = clean_line(flow.node(step.to).heading().get(lang));
        return format!("{}: {to}", words.jumped_to);
    };
    match &flow.node(step.node).kind {
        NodeKind::Question(question) => question
            .choices
            .get(answer)
            .map(|choice| clean_line(choice.label.get(lang)))
            .unwrap_or_default(),
        NodeKind::Input(_) => typed_label(step, lang),
        NodeKind::Step(step) => {
            let verdict = if answer == 0 {
                words.fixed
            } else {
                words.not_fixed
            };
            format!("{}: {verdict}", clean_line(step.title.get(lang)))
        }
        NodeKind::Ending(_) => String::new(),
    }
}

/// Typed text as screens and transcripts show it: one clean line, with what looks like a
/// secret masked; and whether anything was masked.
pub(crate) fn shown_typed(typed: &str) -> (String, bool) {
    // The session keeps typed text masked already; the marker says that it was.
    let (text, masked_now) = crate::secrets::mask(&clean_line(typed));
    let masked = masked_now || text.contains(crate::secrets::MARKER);
    (text, masked)
}

/// Typed text longer than this is cut in breadcrumbs and path lines.
const TYPED_LABEL_CHARS: usize = 40;

/// The short label of an answer typed at an input node: the text typed in quotes
/// (masked where it looks like a secret, cut when long), or "(nothing typed)".
fn typed_label(step: &Move, lang: Lang) -> String {
    let typed = step.typed.as_deref().unwrap_or_default();
    if typed.is_empty() {
        return words(lang).nothing_typed.to_owned();
    }
    let masked = shown_typed(typed).0;
    let mut short: String = masked.chars().take(TYPED_LABEL_CHARS).collect();
    if short.len() < masked.len() {
        short = format!("{}…", short.trim_end());
    }
    format!("\u{201c}{short}\u{201d}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::load_str;

    const TWO_INPUTS: &str = r#"
id: two
title: { en: "Two" }
start: code
nodes:
  code:
    kind: input
    text: { en: "The code?" }
    matches: [{ pattern: '\d', next: id }]
    otherwise: id
  id:
    kind: input
    text: { en: "The correlation ID?" }
    matches: [{ pattern: 'x', next: help }]
    otherwise: tenant
  tenant:
    kind: input
    text: { en: "The tenant?" }
    matches: [{ pattern: 'x', next: help }]
    otherwise: help
  help:
    kind: contact
    title: { en: "Call support" }
    who: { en: "Support" }
    ask: { en: "Help" }
"#;

    #[test]
    fn a_contact_ending_lists_every_non_empty_typed_answer() {
        let flow = load_str(TWO_INPUTS, "two.yaml").unwrap().flow.shared();
        let mut session = Session::new(flow);
        assert_eq!(Page::of(&session, Lang::En).kind, Kind::Input);
        session.answer_text("AADSTS50053").unwrap();
        session.answer_text("").unwrap();
        session
            .answer_text("contoso.onmicrosoft.com pwd=Secret123!")
            .unwrap();
        let page = Page::of(&session, Lang::Nl);
        let given = page
            .sections
            .iter()
            .find(|s| s.title == "Geef dit door")
            .expect("the typed answers are passed on");
        assert_eq!(
            given.body,
            Body::Bullets(vec![
                "AADSTS50053".into(),
                "contoso.onmicrosoft.com pwd=[masked]".into()
            ])
        );
        assert_eq!(
            page.breadcrumbs,
            [
                "“AADSTS50053”",
                "(niets ingetypt)",
                "“contoso.onmicrosoft.com pwd=[masked]”"
            ]
        );
    }
}
