//! Flows for the unit tests, written once: a small wizard with every kind of node, one
//! with a typed answer, and one the reload tests edit.

use std::sync::Arc;

use crate::core::Remedies;
use crate::flow::{Flow, load_str};
use crate::session::Session;

/// What the local program offers about kept records (as its command line words it).
pub const REMEDIES: Remedies = Remedies {
    resume: Some("signin-doctor --resume"),
    keep_days: Some("--keep-days"),
};

/// Questions, a step, a contact with a link, and a solved ending; the first question has
/// something to say to the caller.
pub const WIZARD: &str = r#"
id: test
title: { en: "Test flow" }
start: first
links:
  help: { url: "https://example.com/help", title: { en: "Help page" } }
nodes:
  first:
    kind: question
    text: { en: "First question?" }
    say: { en: "Ask what they see." }
    choices:
      - { label: { en: "Go to second" }, next: second }
      - { label: { en: "Try a step" }, next: try }
      - { label: { en: "Straight to contact" }, next: contact }
  second:
    kind: question
    text: { en: "Second question?" }
    choices:
      - { label: { en: "Solved it" }, next: done }
      - { label: { en: "Need help" }, next: contact }
  try:
    kind: step
    title: { en: "Restart it" }
    steps: [ { en: "Turn it off." }, { en: "Turn it on." } ]
    fixed: done
    not_fixed: contact
  contact:
    kind: contact
    title: { en: "Call the admin" }
    who: { en: "Your admin" }
    ask: { en: "A new password" }
    links: [help]
  done:
    kind: solved
    title: { en: "All good" }
"#;

/// A question leading to a typed answer whose patterns route to a contact (50053, with
/// or without its prefix, or its message) and to a solved ending (SSPR_0009).
pub const TYPED: &str = r#"
id: typed
title: { en: "Typed" }
start: first
nodes:
  first:
    kind: question
    text: { en: "First question?" }
    choices:
      - { label: { en: "I have a code" }, next: code }
      - { label: { en: "Done" }, next: done }
  code:
    kind: input
    text: { en: "The code?" }
    matches:
      - { pattern: '(?:\b|AADSTS)50053\b|\baccount is locked\b', next: locked }
      - { pattern: '\bSSPR_0009\b', next: sspr }
    otherwise: done
  locked:
    kind: contact
    title: { en: "Call the admin" }
    who: { en: "Your admin" }
    ask: { en: "An unlock" }
  sspr:
    kind: solved
    title: { en: "Reset turned on" }
  done:
    kind: solved
    title: { en: "All good" }
"#;

/// Two questions, with endings; the reload tests edit it to see where the user stays.
pub const BEFORE: &str = r#"
id: t
title: { en: "T" }
start: a
nodes:
  a:
    kind: question
    text: { en: "A?" }
    choices:
      - { label: { en: "to b" }, next: b }
      - { label: { en: "to end" }, next: end }
  b:
    kind: question
    text: { en: "B?" }
    choices:
      - { label: { en: "to c" }, next: c }
      - { label: { en: "to end" }, next: end }
  c:
    kind: solved
    title: { en: "C" }
  end:
    kind: solved
    title: { en: "End" }
"#;

/// The flow written in `yaml`, which must be valid.
pub fn flow(yaml: &str) -> Arc<Flow> {
    load_str(yaml, "test.yaml")
        .expect("the test flow is valid")
        .flow
        .shared()
}

/// A new session on the flow written in `yaml`.
pub fn session(yaml: &str) -> Session {
    Session::new(flow(yaml))
}
