//! Where in a flow file something is, as a path of keys and list positions
//! (`nodes.first.choices[2].next`), so a diagnostic can be pointed at a line and column.

use std::fmt;

/// One step of a [`YamlPath`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    /// A key of a mapping.
    Key(String),
    /// A position in a list, from 0.
    Index(usize),
}

/// A path from the top of a flow file to a key or value in it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct YamlPath {
    segs: Vec<Seg>,
    /// Which definition, when the same path occurs more than once (a repeated node id): 0 is the first.
    pub occurrence: usize,
}

impl YamlPath {
    /// The top of the file.
    pub fn root() -> YamlPath {
        YamlPath::default()
    }

    /// The path of the node with this id.
    pub fn node(key: &str) -> YamlPath {
        YamlPath::root().key("nodes").key(key)
    }

    /// This path followed by a mapping key.
    pub fn key(mut self, key: &str) -> YamlPath {
        self.segs.push(Seg::Key(key.to_owned()));
        self
    }

    /// This path followed by a list position (from 0).
    pub fn index(mut self, index: usize) -> YamlPath {
        self.segs.push(Seg::Index(index));
        self
    }

    /// The same path, at its `n`th definition (from 0).
    pub fn nth(mut self, occurrence: usize) -> YamlPath {
        self.occurrence = occurrence;
        self
    }

    /// This path followed by all of `tail`'s steps.
    pub fn join(mut self, tail: &YamlPath) -> YamlPath {
        self.segs.extend(tail.segs.iter().cloned());
        self
    }

    /// The steps of the path.
    pub fn segs(&self) -> &[Seg] {
        &self.segs
    }

    /// Builds a path from steps.
    pub(crate) fn from_segs(segs: Vec<Seg>) -> YamlPath {
        YamlPath {
            segs,
            occurrence: 0,
        }
    }
}

/// Shown with list positions counted from 1, as an author counts them.
impl fmt::Display for YamlPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.segs.iter().enumerate() {
            match seg {
                Seg::Key(key) if i == 0 => write!(f, "{key}")?,
                Seg::Key(key) => write!(f, ".{key}")?,
                Seg::Index(index) => write!(f, "[{}]", index + 1)?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_authors_count() {
        let path = YamlPath::node("first").key("choices").index(1).key("next");
        assert_eq!(path.to_string(), "nodes.first.choices[2].next");
    }
}
