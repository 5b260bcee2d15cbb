//! Realistic flows of any size, for benchmarks, tests and the fuzzer's seed corpus.
//!
//! [`flow_yaml`] writes the YAML of a flow with `nodes` nodes, the same every time for the
//! same seed: questions with 2–4 choices, steps with instructions and links, and remedy,
//! contact and solved endings, all text in English and Dutch. The flow is always valid and
//! has no warnings: every node is reachable from the start (each node hangs off an earlier
//! one, like a tree), every question or step has a later node as its first answer (so an
//! ending is always ahead), and the remaining answers join other branches further on, with
//! the odd answer going back to an earlier question, as hand-written flows do.

use std::collections::VecDeque;
use std::fmt::Write;
use std::sync::Arc;

use crate::flow::{Flow, Node};
use crate::session::Session;

/// The smallest flow [`flow_yaml`] makes: a question and its two endings.
pub const MIN_NODES: usize = 3;

/// A small, fast, deterministic random number generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator that always gives the same numbers for the same seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `range` (which must not be empty).
    pub fn range(&mut self, range: std::ops::Range<usize>) -> usize {
        assert!(!range.is_empty(), "empty range");
        range.start + (self.next_u64() % (range.end - range.start) as u64) as usize
    }

    /// True with probability `percent` / 100.
    pub fn percent(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One item of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0..items.len())]
    }
}

const EN: &[&str] = &[
    "account",
    "admin",
    "sign-in",
    "password",
    "tenant",
    "partner",
    "role",
    "offer",
    "benefit",
    "page",
    "browser",
    "code",
    "phone",
    "email",
    "security",
    "profile",
    "company",
    "program",
    "reseller",
    "provider",
    "workspace",
    "billing",
    "invoice",
    "user",
    "permission",
    "setting",
    "domain",
    "verification",
    "request",
    "support",
    "cookie",
    "cache",
    "session",
    "device",
    "the",
    "your",
    "a",
    "new",
    "work",
    "global",
    "missing",
    "blocked",
    "expired",
    "shown",
    "again",
    "after",
    "before",
    "with",
    "from",
    "that",
    "still",
    "now",
    "only",
    "all",
];

const NL: &[&str] = &[
    "account",
    "beheerder",
    "aanmelding",
    "wachtwoord",
    "tenant",
    "partner",
    "rol",
    "aanbod",
    "voordeel",
    "pagina",
    "browser",
    "code",
    "telefoon",
    "e-mail",
    "beveiliging",
    "profiel",
    "bedrijf",
    "programma",
    "reseller",
    "provider",
    "werkruimte",
    "facturering",
    "factuur",
    "gebruiker",
    "machtiging",
    "instelling",
    "domein",
    "verificatie",
    "aanvraag",
    "ondersteuning",
    "cookie",
    "cache",
    "sessie",
    "apparaat",
    "de",
    "uw",
    "een",
    "nieuwe",
    "werk",
    "globale",
    "ontbrekend",
    "geblokkeerd",
    "verlopen",
    "getoond",
    "opnieuw",
    "na",
    "voor",
    "met",
    "van",
    "dat",
    "nog",
    "nu",
    "alleen",
    "geïnteresseerd",
    "financiële",
    "privé",
];

/// A sentence of `min..max` words in English and in Dutch, ending in `end`.
fn sentence(rng: &mut Rng, min: usize, max: usize, end: &str) -> (String, String) {
    let words = rng.range(min..max);
    let make = |rng: &mut Rng, list: &[&str]| {
        let mut text = String::new();
        for i in 0..words {
            let word = *rng.pick(list);
            if i == 0 {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    text.extend(first.to_uppercase());
                    text.push_str(chars.as_str());
                }
            } else {
                text.push(' ');
                text.push_str(word);
            }
        }
        text.push_str(end);
        text
    };
    let en = make(rng, EN);
    let nl = make(rng, NL);
    (en, nl)
}

/// A choice label in both languages, short enough for one line (no `long-label` warning).
fn label(rng: &mut Rng) -> (String, String) {
    loop {
        let (en, nl) = sentence(rng, 2, 7, "");
        if en.chars().count() <= 60 && nl.chars().count() <= 60 {
            return (en, nl);
        }
    }
}

/// A few sentences in both languages.
fn paragraph(rng: &mut Rng, sentences: usize) -> (String, String) {
    let mut en = String::new();
    let mut nl = String::new();
    for i in 0..sentences {
        let (e, n) = sentence(rng, 5, 14, ".");
        if i > 0 {
            en.push(' ');
            nl.push(' ');
        }
        en.push_str(&e);
        nl.push_str(&n);
    }
    (en, nl)
}

/// A YAML double-quoted string.
fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Writes `field:` with an English and a Dutch text, indented by `indent` spaces.
fn text_field(out: &mut String, indent: usize, field: &str, (en, nl): &(String, String)) {
    let pad = " ".repeat(indent);
    let _ = writeln!(out, "{pad}{field}:");
    let _ = writeln!(out, "{pad}  en: {}", quote(en));
    let _ = writeln!(out, "{pad}  nl: {}", quote(nl));
}

/// Writes a list of translated texts as `field:` with `- en: … nl: …` items.
fn text_list(out: &mut String, indent: usize, field: &str, items: &[(String, String)]) {
    let pad = " ".repeat(indent);
    let _ = writeln!(out, "{pad}{field}:");
    for (en, nl) in items {
        let _ = writeln!(out, "{pad}  - en: {}", quote(en));
        let _ = writeln!(out, "{pad}    nl: {}", quote(nl));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Question,
    Step,
    Remedy,
    Contact,
    Solved,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Question => "question",
            Kind::Step => "step",
            Kind::Remedy => "remedy",
            Kind::Contact => "contact",
            Kind::Solved => "solved",
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Kind::Question => "ask",
            Kind::Step => "try",
            Kind::Remedy => "fix",
            Kind::Contact => "call",
            Kind::Solved => "done",
        }
    }
}

/// The shape of the graph: each node's kind and targets.
struct Shape {
    kinds: Vec<Kind>,
    targets: Vec<Vec<usize>>,
}

/// Builds the graph: nodes are made in order, each new node answers an open answer of an
/// earlier question or step; each question or step's first answer must be answered by a
/// new node, so every node has a way forward to an ending. Answers still open at the end
/// join a node further on (or, now and then, go back to an earlier one).
fn shape(nodes: usize, rng: &mut Rng) -> Shape {
    let mut kinds = Vec::with_capacity(nodes);
    let mut targets: Vec<Vec<Option<usize>>> = Vec::with_capacity(nodes);
    // Open answers: (node, answer). `first` holds first answers, which only a new node
    // may fill; `rest` the others.
    let mut first: VecDeque<(usize, usize)> = VecDeque::new();
    let mut rest: VecDeque<(usize, usize)> = VecDeque::new();
    let mut endings = 0usize;
    for i in 0..nodes {
        let remaining = nodes - i;
        if i > 0 {
            let take_first = !first.is_empty()
                && (rest.is_empty() || first.len() >= remaining || rng.percent(50));
            let (parent, answer) = if take_first {
                first.pop_front()
            } else {
                rest.pop_front()
            }
            .expect("an open answer is always left while nodes remain");
            targets[parent][answer] = Some(i);
        }
        let after = remaining - 1;
        let can_branch = first.len() < after;
        let must_branch = after > 0 && first.is_empty() && rest.is_empty();
        let branch = must_branch || (can_branch && rng.percent(62));
        let kind = if branch {
            if rng.percent(70) {
                Kind::Question
            } else {
                Kind::Step
            }
        } else {
            endings += 1;
            match endings {
                1 => Kind::Remedy,
                2 => Kind::Contact,
                3 => Kind::Solved,
                _ => match rng.range(0..100) {
                    0..45 => Kind::Remedy,
                    45..80 => Kind::Contact,
                    _ => Kind::Solved,
                },
            }
        };
        let answers = match kind {
            Kind::Question => [2, 2, 3, 3, 4][rng.range(0..5)].min(nodes - 1),
            Kind::Step => 2,
            _ => 0,
        };
        if answers > 0 {
            first.push_back((i, 0));
            rest.extend((1..answers).map(|answer| (i, answer)));
        }
        kinds.push(kind);
        targets.push(vec![None; answers]);
    }
    let targets = targets
        .into_iter()
        .enumerate()
        .map(|(i, answers)| {
            let mut chosen: Vec<usize> = answers.iter().flatten().copied().collect();
            for answer in answers {
                if answer.is_none() {
                    chosen.push(join_target(i, &chosen, &kinds, rng));
                }
            }
            // Keep answers in the order they were opened, but with joins mixed in.
            let mut ordered = Vec::with_capacity(chosen.len());
            let mut taken: Vec<bool> = vec![false; chosen.len()];
            for _ in 0..chosen.len() {
                let mut pick = rng.range(0..chosen.len());
                while taken[pick] {
                    pick = (pick + 1) % chosen.len();
                }
                taken[pick] = true;
                ordered.push(chosen[pick]);
            }
            ordered
        })
        .collect();
    Shape { kinds, targets }
}

/// A node for an answer of node `i` that no new node took: one a little further on, or
/// now and then an earlier question; never `i` itself nor one of its other answers.
fn join_target(i: usize, taken: &[usize], kinds: &[Kind], rng: &mut Rng) -> usize {
    let nodes = kinds.len();
    let free = |j: usize| j != i && !taken.contains(&j);
    for _ in 0..16 {
        let candidate = if rng.percent(5) && i > 0 {
            rng.range(0..i)
        } else if i + 1 < nodes {
            (i + 1 + rng.range(0..64)).min(nodes - 1)
        } else {
            rng.range(0..nodes)
        };
        if free(candidate) && (candidate > i || kinds[candidate] == Kind::Question) {
            return candidate;
        }
    }
    (0..nodes)
        .map(|offset| (i + 1 + offset) % nodes)
        .find(|&j| free(j))
        .expect("a question never has more answers than there are other nodes")
}

/// The YAML of a valid flow with `nodes` nodes (at least [`MIN_NODES`]), the same for the
/// same `seed`. Roughly 0.9 KB per node.
pub fn flow_yaml(nodes: usize, seed: u64) -> String {
    assert!(
        nodes >= MIN_NODES,
        "a generated flow needs at least {MIN_NODES} nodes"
    );
    let mut rng = Rng::new(seed);
    let shape = shape(nodes, &mut rng);
    let keys: Vec<String> = shape
        .kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| format!("{}-{i}", kind.prefix()))
        .collect();
    let link_count = (nodes / 25).clamp(4, 400);
    let mut out = String::with_capacity(nodes * 1000);
    out.push_str("# Generated by signin_doctor_core::generate::flow_yaml.\n");
    let _ = writeln!(out, "id: generated-{nodes}-{seed}");
    out.push_str("version: 1\nlanguages: [en, nl]\n");
    text_field(
        &mut out,
        0,
        "title",
        &(
            format!("Generated sign-in troubleshooter ({nodes} nodes)"),
            format!("Gegenereerde probleemoplosser voor aanmelden ({nodes} knooppunten)"),
        ),
    );
    let _ = writeln!(out, "start: {}", keys[0]);
    out.push_str("further_reading: [page-0, page-1]\n\nlinks:\n");
    for i in 0..link_count {
        let _ = writeln!(out, "  page-{i}:");
        let _ = writeln!(
            out,
            "    url: \"https://learn.microsoft.com/partner-center/topic-{i}#section-{}\"",
            rng.range(1..9)
        );
        let title = sentence(&mut rng, 2, 7, "");
        text_field(&mut out, 4, "title", &title);
    }
    out.push_str("\nnodes:\n");
    for (i, kind) in shape.kinds.iter().enumerate() {
        let _ = writeln!(out, "\n  {}:", keys[i]);
        let _ = writeln!(out, "    kind: {}", kind.name());
        node_body(
            &mut out,
            *kind,
            &shape.targets[i],
            &keys,
            link_count,
            &mut rng,
        );
    }
    out
}

/// Writes the fields of one node after its `kind:`.
fn node_body(
    out: &mut String,
    kind: Kind,
    targets: &[usize],
    keys: &[String],
    link_count: usize,
    rng: &mut Rng,
) {
    match kind {
        Kind::Question => {
            let text = sentence(rng, 5, 12, "?");
            text_field(out, 4, "text", &text);
            if rng.percent(60) {
                let help = {
                    let n = rng.range(1..3);
                    paragraph(rng, n)
                };
                text_field(out, 4, "help", &help);
            }
            if rng.percent(50) {
                let say = sentence(rng, 6, 14, "?");
                text_field(out, 4, "say", &say);
            }
            out.push_str("    choices:\n");
            for &target in targets {
                let (en, nl) = label(rng);
                let _ = writeln!(out, "      - label:");
                let _ = writeln!(out, "          en: {}", quote(&en));
                let _ = writeln!(out, "          nl: {}", quote(&nl));
                let _ = writeln!(out, "        next: {}", keys[target]);
            }
        }
        Kind::Step => {
            let title = sentence(rng, 3, 7, "");
            text_field(out, 4, "title", &title);
            if rng.percent(50) {
                let text = paragraph(rng, 1);
                text_field(out, 4, "text", &text);
            }
            let steps: Vec<_> = (0..rng.range(1..5))
                .map(|_| sentence(rng, 4, 12, "."))
                .collect();
            text_list(out, 4, "steps", &steps);
            if rng.percent(30) {
                let say = sentence(rng, 6, 14, ".");
                text_field(out, 4, "say", &say);
            }
            links(out, rng, link_count, 0);
            let _ = writeln!(out, "    fixed: {}", keys[targets[0]]);
            let _ = writeln!(out, "    not_fixed: {}", keys[targets[1]]);
        }
        Kind::Remedy => {
            let title = sentence(rng, 3, 7, "");
            text_field(out, 4, "title", &title);
            let text = {
                let n = rng.range(1..3);
                paragraph(rng, n)
            };
            text_field(out, 4, "text", &text);
            if rng.percent(60) {
                let steps: Vec<_> = (0..rng.range(1..4))
                    .map(|_| sentence(rng, 4, 12, "."))
                    .collect();
                text_list(out, 4, "steps", &steps);
            }
            links(out, rng, link_count, 1);
        }
        Kind::Contact => {
            let title = sentence(rng, 3, 7, "");
            text_field(out, 4, "title", &title);
            if rng.percent(60) {
                let text = paragraph(rng, 1);
                text_field(out, 4, "text", &text);
            }
            let who = paragraph(rng, 1);
            text_field(out, 4, "who", &who);
            let ask = paragraph(rng, 1);
            text_field(out, 4, "ask", &ask);
            let ready: Vec<_> = (0..rng.range(0..4))
                .map(|_| sentence(rng, 2, 6, ""))
                .collect();
            if !ready.is_empty() {
                text_list(out, 4, "ready", &ready);
            }
            links(out, rng, link_count, 0);
        }
        Kind::Solved => {
            let title = sentence(rng, 2, 5, "");
            text_field(out, 4, "title", &title);
            if rng.percent(50) {
                let text = sentence(rng, 5, 12, ".");
                text_field(out, 4, "text", &text);
            }
        }
    }
}

/// Writes `links:` with `at_least..=2` distinct link keys (nothing when it picks none).
fn links(out: &mut String, rng: &mut Rng, link_count: usize, at_least: usize) {
    let count = rng.range(at_least..3);
    if count == 0 {
        return;
    }
    let first = rng.range(0..link_count);
    let keys: Vec<String> = (0..count)
        .map(|k| format!("page-{}", (first + k * 7) % link_count))
        .collect();
    let _ = writeln!(out, "    links: [{}]", keys.join(", "));
}

/// A session walked from the start, by answers a user could give, to the first node (in
/// breadth-first order, so by the shortest walk) for which `wanted` holds; `None` when no
/// such node exists.
pub fn session_at(flow: Arc<Flow>, wanted: impl Fn(&Node) -> bool) -> Option<Session> {
    let count = flow.nodes().len();
    // For each node found, the node and answer it was reached by.
    let mut reached_by: Vec<Option<(usize, usize)>> = vec![None; count];
    let mut seen = vec![false; count];
    let start = flow.start().index();
    seen[start] = true;
    let mut queue = VecDeque::from([flow.start()]);
    let mut found = None;
    while let Some(id) = queue.pop_front() {
        if wanted(flow.node(id)) {
            found = Some(id.index());
            break;
        }
        for (answer, next) in flow.node(id).targets().into_iter().enumerate() {
            if !seen[next.index()] {
                seen[next.index()] = true;
                reached_by[next.index()] = Some((id.index(), answer));
                queue.push_back(next);
            }
        }
    }
    let mut at = found?;
    let mut answers = Vec::new();
    while let Some((from, answer)) = reached_by[at] {
        answers.push(answer);
        at = from;
    }
    let mut session = Session::new(flow);
    for answer in answers.into_iter().rev() {
        session
            .choose(answer)
            .expect("the answers come from the flow's own targets");
    }
    Some(session)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{EndingKind, NodeKind, load_str};

    #[test]
    fn generated_flows_are_valid_without_warnings_and_have_every_kind() {
        for nodes in [3, 4, 5, 7, 10, 33, 100, 1000] {
            for seed in 0..5 {
                let yaml = flow_yaml(nodes, seed);
                let checked = load_str(&yaml, "generated.yaml")
                    .unwrap_or_else(|error| panic!("{nodes} nodes, seed {seed}:\n{error}"));
                assert!(
                    checked.warnings.is_empty(),
                    "{nodes} nodes, seed {seed}: {:?}",
                    checked.warnings
                );
                assert_eq!(checked.flow.nodes().len(), nodes);
                if nodes >= 100 {
                    let kinds: Vec<_> = checked.flow.nodes().map(|(_, n)| &n.kind).collect();
                    let has = |f: &dyn Fn(&NodeKind) -> bool| kinds.iter().any(|k| f(k));
                    assert!(has(
                        &|k| matches!(k, NodeKind::Question(q) if q.choices.len() == 4)
                    ));
                    assert!(has(
                        &|k| matches!(k, NodeKind::Question(q) if q.choices.len() == 2)
                    ));
                    assert!(has(&|k| matches!(k, NodeKind::Step(_))));
                    for ending in [EndingKind::Remedy, EndingKind::Contact, EndingKind::Solved] {
                        assert!(has(
                            &|k| matches!(k, NodeKind::Ending(e) if e.kind == ending)
                        ));
                    }
                }
            }
        }
    }

    #[test]
    fn a_session_can_be_walked_to_each_kind_of_node() {
        let flow = load_str(&flow_yaml(100, 1), "generated.yaml")
            .unwrap()
            .flow
            .shared();
        for ending in [EndingKind::Remedy, EndingKind::Contact, EndingKind::Solved] {
            let session = session_at(
                Arc::clone(&flow),
                |node| matches!(&node.kind, NodeKind::Ending(e) if e.kind == ending),
            )
            .expect("the flow has every kind of ending");
            assert!(matches!(&session.node().kind, NodeKind::Ending(e) if e.kind == ending));
            assert!(!session.path().is_empty());
        }
        let start = session_at(Arc::clone(&flow), |_| true).unwrap();
        assert!(start.path().is_empty());
    }

    #[test]
    fn the_same_seed_gives_the_same_flow() {
        assert_eq!(flow_yaml(200, 7), flow_yaml(200, 7));
        assert_ne!(flow_yaml(200, 7), flow_yaml(200, 8));
    }
}
