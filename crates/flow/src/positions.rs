//! A position index of a flow file: for every key and value, where it starts and ends.
//!
//! serde keeps no positions for values that parsed, so diagnostics found later (an unknown
//! `next:`, a repeated id) are placed with this index. The streaming reader fills it in as
//! it reads each value (see `reader`), so placing a diagnostic never parses the file again.
//! It is kept compact (a flat list of entries, keys stored once) because a valid flow pays
//! for it too; the lookup table is only built when something is looked up.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use super::path::{Seg, YamlPath};

/// A stretch of a file: where it starts (line from 1, column from 0, in characters) and,
/// when it ends on the same line, where it ends. Twelve bytes, as a flow has hundreds of
/// thousands of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Spot {
    line: u32,
    col: u32,
    /// The end column (exclusive), or [`OTHER_LINE`] when it ends on a later line.
    end_col: u32,
}

/// The end column of a stretch that ends on a later line.
const OTHER_LINE: u32 = u32::MAX;

impl Spot {
    /// A stretch from `start` to `end`, each a (line from 1, column from 0) pair.
    pub fn new(start: (usize, usize), end: (usize, usize)) -> Spot {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX - 1);
        Spot {
            line: narrow(start.0),
            col: narrow(start.1),
            end_col: if end.0 == start.0 {
                narrow(end.1)
            } else {
                OTHER_LINE
            },
        }
    }

    /// The line it starts on, from 1.
    pub fn line(self) -> usize {
        self.line as usize
    }

    /// The column it starts at, from 0, in characters.
    pub fn col(self) -> usize {
        self.col as usize
    }

    /// The column it starts at as messages give it: from 1, in characters.
    pub fn column(self) -> usize {
        self.col() + 1
    }

    /// The column it ends at (exclusive, from 0), when it ends on the line it starts on.
    pub fn end_col_on_its_line(self) -> Option<usize> {
        (self.end_col != OTHER_LINE).then_some(self.end_col as usize)
    }
}

/// Where one key and its value are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The key's stretch, for values inside a mapping.
    pub key: Option<Spot>,
    /// The value's stretch (for a list or mapping, where it starts).
    pub value: Spot,
}

/// Marks a step that is a list position rather than an interned key.
const INDEX_BIT: u32 = 1 << 31;
/// The parent of the document's own value.
const NO_PARENT: u32 = u32::MAX;

/// One key or list element and its value.
#[derive(Debug, Clone, Copy)]
struct Entry {
    parent: u32,
    /// An interned key, or a list position with [`INDEX_BIT`] set.
    step: u32,
    /// The key's stretch; line 0 for list elements and the document.
    key: Spot,
    value: Spot,
}

/// Entries are kept in chunks of this many, so the index never needs twice its size
/// while growing.
const CHUNK: usize = 1 << 13;

/// How many recently used keys are looked up before the key table: field names repeat
/// on every node, so most keys are found here without hashing.
const RECENT_KEYS: usize = 64;

/// Every key and value of a file, in file order; a path repeated in the file has one entry
/// per occurrence.
#[derive(Debug, Default)]
pub struct PositionIndex {
    chunks: Vec<Vec<Entry>>,
    len: usize,
    keys: Vec<Box<str>>,
    key_ids: HashMap<Box<str>, u32>,
    /// Recently interned keys by a cheap fingerprint (id + 1; 0 for none).
    recent: Vec<u32>,
    /// Entry numbers sorted by (parent, step, number), built on the first lookup.
    children: OnceCell<Vec<u32>>,
}

impl PositionIndex {
    /// Indexes `text` on its own (the loader gets its index while reading the flow). A
    /// syntax error stops indexing; what came before it stays indexed.
    pub fn build(text: &str) -> PositionIndex {
        super::reader::index_only(text)
    }

    /// Records the document's value, starting at `value`. Returns its entry number.
    pub(crate) fn push_root(&mut self, value: Spot) -> u32 {
        self.push(NO_PARENT, 0, Spot::default(), value)
    }

    /// Records a key of the mapping at entry `parent`; its value's place follows with
    /// [`PositionIndex::set_value`].
    pub(crate) fn push_key(&mut self, parent: u32, key: &str, at: Spot) -> u32 {
        let step = self.intern(key);
        self.push(parent, step, at, at)
    }

    /// Records element `position` of the list at entry `parent`, starting at `value`.
    pub(crate) fn push_element(&mut self, parent: u32, position: usize, value: Spot) -> u32 {
        let step = INDEX_BIT | u32::try_from(position).unwrap_or(INDEX_BIT - 1);
        self.push(parent, step, Spot::default(), value)
    }

    /// Sets where the value of entry `entry` starts.
    pub(crate) fn set_value(&mut self, entry: u32, value: Spot) {
        let entry = entry as usize;
        if let Some(entry) = self
            .chunks
            .get_mut(entry / CHUNK)
            .and_then(|chunk| chunk.get_mut(entry % CHUNK))
        {
            entry.value = value;
        }
    }

    fn push(&mut self, parent: u32, step: u32, key: Spot, value: Spot) -> u32 {
        self.children.take();
        if self.len.is_multiple_of(CHUNK) {
            self.chunks.push(Vec::with_capacity(CHUNK));
        }
        let chunk = self.chunks.last_mut().expect("a chunk with room");
        chunk.push(Entry {
            parent,
            step,
            key,
            value,
        });
        self.len += 1;
        u32::try_from(self.len - 1).unwrap_or(u32::MAX)
    }

    fn get(&self, entry: u32) -> Option<&Entry> {
        let entry = entry as usize;
        self.chunks.get(entry / CHUNK)?.get(entry % CHUNK)
    }

    fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.chunks.iter().flatten()
    }

    fn intern(&mut self, key: &str) -> u32 {
        let bytes = key.as_bytes();
        let fingerprint = (bytes.len()
            ^ usize::from(bytes.first().copied().unwrap_or_default()) << 2
            ^ usize::from(bytes.last().copied().unwrap_or_default()) << 3)
            % RECENT_KEYS;
        if self.recent.is_empty() {
            self.recent = vec![0; RECENT_KEYS];
        }
        if let Some(id) = self.recent[fingerprint].checked_sub(1)
            && *self.keys[id as usize] == *key
        {
            return id;
        }
        let id = match self.key_ids.get(key) {
            Some(&id) => id,
            None => {
                let id = u32::try_from(self.keys.len()).unwrap_or(INDEX_BIT - 1) & !INDEX_BIT;
                self.keys.push(key.into());
                self.key_ids.insert(key.into(), id);
                id
            }
        };
        self.recent[fingerprint] = id + 1;
        id
    }

    /// The steps from the document down to entry `entry`.
    pub(crate) fn path_of(&self, mut entry: u32) -> Vec<Seg> {
        let mut segs = Vec::new();
        while let Some(found) = self.get(entry) {
            if found.parent == NO_PARENT {
                break;
            }
            segs.push(self.seg(found.step));
            entry = found.parent;
        }
        segs.reverse();
        segs
    }

    fn seg(&self, step: u32) -> Seg {
        if step & INDEX_BIT == 0 {
            Seg::Key(self.keys[step as usize].to_string())
        } else {
            Seg::Index((step & !INDEX_BIT) as usize)
        }
    }

    fn place(&self, entry: &Entry) -> Place {
        Place {
            key: (entry.key.line > 0).then_some(entry.key),
            value: entry.value,
        }
    }

    fn children(&self) -> &[u32] {
        self.children.get_or_init(|| {
            let mut sorted: Vec<u32> = (0..self.len as u32).collect();
            sorted.sort_by_key(|&n| {
                let entry = self.get(n).expect("indexed");
                (entry.parent, entry.step, n)
            });
            sorted
        })
    }

    /// The entries under `parent` with step `step`, in file order.
    fn children_with(&self, parent: u32, step: u32) -> &[u32] {
        let children = self.children();
        let key = |n: &u32| {
            let entry = self.get(*n).expect("indexed");
            (entry.parent, entry.step)
        };
        let start = children.partition_point(|n| key(n) < (parent, step));
        let end = children.partition_point(|n| key(n) <= (parent, step));
        &children[start..end]
    }

    /// Where each repeat of a key named `key` is (every occurrence but the first, in any
    /// mapping), in file order.
    pub fn repeats_of(&self, key: &str) -> Vec<Place> {
        let Some(&step) = self.key_ids.get(key) else {
            return Vec::new();
        };
        let mut seen = HashSet::new();
        self.entries()
            .filter(|entry| entry.step == step)
            .filter(|entry| !seen.insert(entry.parent))
            .map(|entry| self.place(entry))
            .collect()
    }

    /// Where `path` is, if the file has it.
    pub fn find(&self, path: &YamlPath) -> Option<Place> {
        let root = self.get(0)?;
        let mut found: Vec<u32> = vec![0];
        for seg in path.segs() {
            let step = match seg {
                Seg::Key(key) => *self.key_ids.get(key.as_str())?,
                Seg::Index(i) => INDEX_BIT | u32::try_from(*i).ok()?,
            };
            let mut next: Vec<u32> = found
                .iter()
                .flat_map(|&parent| self.children_with(parent, step).iter().copied())
                .collect();
            next.sort_unstable();
            if next.is_empty() {
                return None;
            }
            found = next;
        }
        if path.segs().is_empty() {
            return (path.occurrence == 0).then(|| self.place(root));
        }
        let entry = found.get(path.occurrence)?;
        Some(self.place(self.get(*entry)?))
    }

    /// How many keys and values are indexed.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing is indexed (the file did not get as far as its first value).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(index: &PositionIndex, path: YamlPath) -> ((usize, usize), Option<(usize, usize)>) {
        let place = index
            .find(&path)
            .unwrap_or_else(|| panic!("{path} not indexed"));
        let pos = |spot: Spot| (spot.line(), spot.column());
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
        let repeats = index.repeats_of("a");
        assert_eq!(repeats.len(), 1);
        assert_eq!(repeats[0].key.map(|k| (k.line(), k.col())), Some((3, 2)));
    }

    #[test]
    fn a_syntax_error_keeps_what_came_before() {
        let index = PositionIndex::build("start: a\nnodes: [\n");
        assert!(index.find(&YamlPath::root().key("start")).is_some());
    }

    #[test]
    fn aliased_values_are_placed_at_the_alias() {
        let text = "yes: &y { en: Yes }\nagain: *y\n";
        let index = PositionIndex::build(text);
        assert_eq!(at(&index, YamlPath::root().key("again")).0, (2, 8));
        assert_eq!(
            at(&index, YamlPath::root().key("again").key("en")).0,
            (1, 15)
        );
    }
}
