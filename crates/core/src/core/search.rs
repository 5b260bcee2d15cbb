//! Search over every text of a flow, in every language, for agent mode's "search and jump".

use crate::flow::{Flow, Node, NodeId, NodeKind, Text};
use crate::lang::Lang;
use crate::sanitize::clean_line;

/// How many characters of context a snippet shows at most.
const SNIPPET_CHARS: usize = 80;

/// One node that matches a search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The node to jump to.
    pub node: NodeId,
    /// The language the match was found in.
    pub lang: Lang,
    /// The node's heading in the preferred language, cleaned for the terminal.
    pub heading: String,
    /// The text that matched (shortened around the match), cleaned for the terminal.
    pub snippet: String,
}

impl Hit {
    /// The hit as one line for a reader of `lang`: its heading, the text that matched when
    /// that is not the heading, and the language it matched in when that is not `lang`.
    pub fn label(&self, lang: Lang) -> String {
        let mut text = self.heading.clone();
        if self.snippet != self.heading {
            text = format!("{text} — {}", self.snippet);
        }
        if self.lang != lang {
            text = format!("{text} ({})", self.lang);
        }
        text
    }
}

/// Finds the nodes whose texts contain every word of `query` (case-insensitive) in one
/// language: questions, choices, steps, help, what to say, endings, contacts. One hit per
/// node; nodes whose heading matches come first, then file order. The `prefer`red
/// language is tried first for each node. An empty query finds nothing.
pub fn search(flow: &Flow, query: &str, prefer: Lang) -> Vec<Hit> {
    let terms: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let mut langs = vec![prefer];
    langs.extend(Lang::ALL.into_iter().filter(|&l| l != prefer));
    let mut hits: Vec<(bool, Hit)> = flow
        .nodes()
        .filter_map(|(id, node)| {
            langs.iter().find_map(|&lang| {
                let texts: Vec<&str> = texts(node)
                    .into_iter()
                    .filter_map(|t| t.exact(lang.code()))
                    .collect();
                let lower: Vec<String> = texts.iter().map(|t| t.to_lowercase()).collect();
                let all_found = terms
                    .iter()
                    .all(|term| lower.iter().any(|t| t.contains(term)));
                if !all_found {
                    return None;
                }
                let (index, at) = lower
                    .iter()
                    .enumerate()
                    .find_map(|(i, t)| t.find(&terms[0]).map(|at| (i, at)))?;
                let heading_matches = node
                    .heading()
                    .exact(lang.code())
                    .is_some_and(|h| terms.iter().all(|t| h.to_lowercase().contains(t)));
                Some((
                    !heading_matches,
                    Hit {
                        node: id,
                        lang,
                        heading: clean_line(node.heading().get(prefer)),
                        snippet: snippet(texts[index], &lower[index], at),
                    },
                ))
            })
        })
        .collect();
    hits.sort_by_key(|(later, hit)| (*later, hit.node));
    hits.into_iter().map(|(_, hit)| hit).collect()
}

/// Every text of a node, heading first.
fn texts(node: &Node) -> Vec<&Text> {
    let mut all = vec![node.heading()];
    match &node.kind {
        NodeKind::Question(q) => {
            all.push(&q.text);
            all.extend(q.choices.iter().map(|c| &c.label));
            all.extend(q.help.iter().chain(&q.say));
        }
        NodeKind::Input(i) => {
            all.push(&i.text);
            all.extend(i.help.iter().chain(&i.say));
        }
        NodeKind::Step(s) => {
            all.extend(&s.text);
            all.extend(&s.steps);
            all.extend(s.help.iter().chain(&s.say));
        }
        NodeKind::Ending(e) => {
            all.extend(&e.text);
            if let Some(contact) = &e.contact {
                all.extend([&contact.who, &contact.ask]);
                all.extend(&contact.ready);
            }
            all.extend(&e.steps);
        }
    }
    all
}

/// `text` shortened to about [`SNIPPET_CHARS`] around byte offset `at` of its lower-case
/// form, with "…" where something was cut.
fn snippet(text: &str, lower: &str, at: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= SNIPPET_CHARS || chars.len() != lower.chars().count() {
        let short: String = chars.iter().take(SNIPPET_CHARS).collect();
        let cut = if chars.len() > SNIPPET_CHARS {
            "…"
        } else {
            ""
        };
        return clean_line(&format!("{short}{cut}"));
    }
    let center = lower[..at].chars().count();
    let start = center
        .saturating_sub(SNIPPET_CHARS / 3)
        .min(chars.len() - SNIPPET_CHARS);
    let end = start + SNIPPET_CHARS;
    let body: String = chars[start..end].iter().collect();
    let before = if start > 0 { "…" } else { "" };
    let after = if end < chars.len() { "…" } else { "" };
    clean_line(&format!("{before}{body}{after}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::load_built_in;

    fn flow() -> Flow {
        load_built_in().unwrap().flow
    }

    #[test]
    fn finds_english_and_dutch_text_and_nothing_for_an_empty_query() {
        let flow = flow();
        let english = search(&flow, "PASSWORD", Lang::En);
        assert!(!english.is_empty());
        assert!(english.iter().all(|h| h.lang == Lang::En));
        let dutch = search(&flow, "wachtwoord", Lang::En);
        assert!(!dutch.is_empty());
        assert!(dutch.iter().all(|h| h.lang == Lang::Nl));
        assert!(dutch[0].snippet.to_lowercase().contains("wachtwoord"));
        assert!(search(&flow, "   ", Lang::En).is_empty());
        assert!(search(&flow, "zzqqxx", Lang::En).is_empty());
    }

    #[test]
    fn heading_matches_come_first_and_each_node_appears_once() {
        let flow = flow();
        let hits = search(&flow, "admin", Lang::En);
        let mut nodes: Vec<_> = hits.iter().map(|h| h.node).collect();
        nodes.dedup();
        assert_eq!(nodes.len(), hits.len());
        let first = flow
            .node(hits[0].node)
            .heading()
            .get(Lang::En)
            .to_lowercase();
        assert!(first.contains("admin"), "{first}");
    }

    #[test]
    fn long_text_is_cut_around_the_match() {
        let text = format!("{} needle {}", "a".repeat(100), "b".repeat(100));
        let lower = text.to_lowercase();
        let cut = snippet(&text, &lower, lower.find("needle").unwrap());
        assert!(cut.starts_with('…') && cut.ends_with('…') && cut.contains("needle"));
    }
}
