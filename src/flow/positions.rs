//! A position index of a flow file: for every key and value, where it starts and ends.
//!
//! serde keeps no positions for values that parsed, so diagnostics found later (an unknown
//! `next:`, a repeated id) are placed with this index, built from the YAML parser's events.
//! It is built only when there is something to report, so a valid flow never pays for it.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, Span};

use super::path::{Seg, YamlPath};

/// Where one key and its value are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The key's span, for values inside a mapping.
    pub key: Option<Span>,
    /// The value's span (for a list or mapping, where it starts).
    pub value: Span,
}

/// Every key and value of a file, by path; a path repeated in the file has one entry per occurrence.
#[derive(Debug, Default)]
pub struct PositionIndex {
    places: HashMap<Vec<Seg>, Vec<Place>>,
}

enum Frame {
    Map { key: Option<(String, Span)> },
    Seq { next: usize },
}

impl PositionIndex {
    /// Indexes `text`. A syntax error stops indexing; what came before it stays indexed.
    pub fn build(text: &str) -> PositionIndex {
        let mut index = PositionIndex::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut path: Vec<Seg> = Vec::new();
        for event in Parser::new_from_str(text) {
            let Ok((event, span)) = event else { break };
            match event {
                Event::Scalar(value, ..) => {
                    if let Some(Frame::Map { key: key @ None }) = stack.last_mut() {
                        *key = Some((value.into_owned(), span));
                        continue;
                    }
                    index.record(&stack, &mut path, span);
                    path.pop();
                    advance(&mut stack);
                }
                Event::Alias(_) => {
                    index.record(&stack, &mut path, span);
                    path.pop();
                    advance(&mut stack);
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    index.record(&stack, &mut path, span);
                    stack.push(match event {
                        Event::MappingStart(..) => Frame::Map { key: None },
                        _ => Frame::Seq { next: 0 },
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                    path.pop();
                    advance(&mut stack);
                }
                _ => {}
            }
        }
        index
    }

    /// Records a value starting at `span` and pushes its step onto `path`.
    fn record(&mut self, stack: &[Frame], path: &mut Vec<Seg>, span: Span) {
        let (seg, key) = match stack.last() {
            Some(Frame::Map {
                key: Some((key, key_span)),
            }) => (Seg::Key(key.clone()), Some(*key_span)),
            Some(Frame::Map { key: None }) => (Seg::Key(String::new()), None),
            Some(Frame::Seq { next }) => (Seg::Index(*next), None),
            None => (Seg::Key(String::new()), None),
        };
        // The document itself has the empty path; popping an empty path later is harmless.
        if !stack.is_empty() {
            path.push(seg);
        }
        self.places
            .entry(path.clone())
            .or_default()
            .push(Place { key, value: span });
    }

    /// Where each repeat of a key named `key` is (every occurrence but the first, in any
    /// mapping), in file order.
    pub fn repeats_of(&self, key: &str) -> Vec<Place> {
        let mut repeats: Vec<Place> = self
            .places
            .iter()
            .filter(|(path, _)| matches!(path.last(), Some(Seg::Key(last)) if last == key))
            .flat_map(|(_, places)| places.iter().skip(1).copied())
            .collect();
        repeats.sort_by_key(|place| place.key.unwrap_or(place.value).start.index());
        repeats
    }

    /// Where `path` is, if the file has it.
    pub fn find(&self, path: &YamlPath) -> Option<Place> {
        self.places.get(path.segs())?.get(path.occurrence).copied()
    }
}

/// Moves the enclosing container on past the value that just ended.
fn advance(stack: &mut [Frame]) {
    match stack.last_mut() {
        Some(Frame::Map { key }) => *key = None,
        Some(Frame::Seq { next }) => *next += 1,
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(index: &PositionIndex, path: YamlPath) -> ((usize, usize), Option<(usize, usize)>) {
        let place = index
            .find(&path)
            .unwrap_or_else(|| panic!("{path} not indexed"));
        let pos = |span: Span| (span.start.line(), span.start.col() + 1);
        (pos(place.value), place.key.map(pos))
    }

    #[test]
    fn block_style_keys_and_values() {
        let text = "start: first\nnodes:\n  first:\n    kind: question\n    choices:\n      - next: second\n      - next: third\n";
        let index = PositionIndex::build(text);
        assert_eq!(
            at(&index, YamlPath::root().key("start")),
            ((1, 8), Some((1, 1)))
        );
        assert_eq!(at(&index, YamlPath::node("first")).1, Some((3, 3)));
        let next = YamlPath::node("first").key("choices").index(1).key("next");
        assert_eq!(at(&index, next), ((7, 15), Some((7, 9))));
    }

    #[test]
    fn flow_style_quoted_keys_and_multi_line_strings() {
        let text = "nodes:\n  a: { \"kind\": solved, title: { en: \"x\" } }\n  b:\n    text: |\n      one\n      two\n    next: 'c'\n";
        let index = PositionIndex::build(text);
        assert_eq!(
            at(&index, YamlPath::node("a").key("kind")),
            ((2, 16), Some((2, 8)))
        );
        assert_eq!(
            at(&index, YamlPath::node("a").key("title").key("en")).0,
            (2, 37)
        );
        assert_eq!(at(&index, YamlPath::node("b").key("text")).1, Some((4, 5)));
        assert_eq!(
            at(&index, YamlPath::node("b").key("next")),
            ((7, 11), Some((7, 5)))
        );
    }

    #[test]
    fn repeated_keys_are_told_apart() {
        let text = "nodes:\n  a: 1\n  a: 2\n";
        let index = PositionIndex::build(text);
        assert_eq!(
            at(&index, YamlPath::node("a").nth(1)),
            ((3, 6), Some((3, 3)))
        );
    }

    #[test]
    fn a_syntax_error_keeps_what_came_before() {
        let index = PositionIndex::build("start: a\nnodes: [\n");
        assert!(index.find(&YamlPath::root().key("start")).is_some());
    }
}
