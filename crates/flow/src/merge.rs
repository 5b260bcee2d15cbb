//! Joins the parts of a flow split over several files into one raw flow, and afterwards
//! tells which file each diagnostic belongs to.

use std::collections::HashMap;

use super::diagnostic::{Code, Diagnostic};
use super::path::{Seg, YamlPath};
use super::raw::RawFlow;

/// A raw flow made of several files, remembering where each piece came from.
#[derive(Debug, Default)]
pub(crate) struct Merged {
    /// The joined flow.
    pub raw: RawFlow,
    /// For each node of `raw.nodes`, the index of its file.
    node_files: Vec<usize>,
    /// For each link of `raw.links`, the index of its file.
    link_files: Vec<usize>,
    /// For each top-level field, the index of the file that sets it.
    field_files: HashMap<&'static str, usize>,
    /// Top-level fields set in more than one file.
    pub conflicts: Vec<Diagnostic>,
}

/// Sets a top-level field from part `index`, reporting it when an earlier part set it too.
fn take<T>(
    merged: &mut Merged,
    names: &[String],
    field: &'static str,
    into: impl FnOnce(&mut RawFlow) -> &mut Option<T>,
    value: Option<T>,
    index: usize,
) {
    let Some(value) = value else { return };
    if let Some(&first) = merged.field_files.get(field) {
        let mut diagnostic = Diagnostic::new(
            Code::DuplicateId,
            &names[index],
            format!("`{field}` is set here and in {}", names[first]),
        );
        diagnostic.path = Some(YamlPath::root().key(field));
        diagnostic.help = Some("set the flow's header fields in one file only".to_owned());
        merged.conflicts.push(diagnostic);
        return;
    }
    merged.field_files.insert(field, index);
    *into(&mut merged.raw) = Some(value);
}

/// Joins parts given in order with their file names.
pub(crate) fn merge(parts: Vec<RawFlow>, names: &[String]) -> Merged {
    let mut merged = Merged::default();
    for (index, part) in parts.into_iter().enumerate() {
        take(&mut merged, names, "id", |raw| &mut raw.id, part.id, index);
        take(
            &mut merged,
            names,
            "version",
            |raw| &mut raw.version,
            part.version,
            index,
        );
        take(
            &mut merged,
            names,
            "languages",
            |raw| &mut raw.languages,
            part.languages,
            index,
        );
        take(
            &mut merged,
            names,
            "title",
            |raw| &mut raw.title,
            part.title,
            index,
        );
        take(
            &mut merged,
            names,
            "start",
            |raw| &mut raw.start,
            part.start,
            index,
        );
        take(
            &mut merged,
            names,
            "further_reading",
            |raw| &mut raw.further_reading,
            part.further_reading,
            index,
        );
        take(
            &mut merged,
            names,
            "reviewed",
            |raw| &mut raw.reviewed,
            part.reviewed,
            index,
        );
        merged
            .node_files
            .extend(std::iter::repeat_n(index, part.nodes.len()));
        merged
            .link_files
            .extend(std::iter::repeat_n(index, part.links.len()));
        merged.raw.nodes.extend(part.nodes);
        merged.raw.links.extend(part.links);
    }
    merged
}

impl Merged {
    /// Gives each diagnostic the file its path lies in, and turns a path's occurrence
    /// across all files into its occurrence within that file. `nodes` and `links` are the
    /// keys of the joined flow's nodes and links, in order.
    pub(crate) fn attribute(
        &self,
        diagnostics: &mut [Diagnostic],
        names: &[String],
        nodes: &[&str],
        links: &[&str],
    ) {
        let header = self.field_files.get("start").copied().unwrap_or_default();
        let nodes = positions_by_key(nodes.iter().copied());
        let links = positions_by_key(links.iter().copied());
        for diagnostic in diagnostics.iter_mut() {
            let Some(path) = &mut diagnostic.path else {
                continue;
            };
            let occurrence = path.occurrence;
            let (file, within) = match path.segs() {
                [Seg::Key(section), Seg::Key(key), ..] if section == "nodes" => {
                    locate_entry(nodes.get(key.as_str()), &self.node_files, occurrence)
                }
                [Seg::Key(section), Seg::Key(key), ..] if section == "links" => {
                    locate_entry(links.get(key.as_str()), &self.link_files, occurrence)
                }
                [Seg::Key(field), ..] => {
                    (self.field_files.get(field.as_str()).copied(), occurrence)
                }
                _ => (None, occurrence),
            };
            path.occurrence = within;
            if let Some(name) = names.get(file.unwrap_or(header)) {
                diagnostic.file.clone_from(name);
            }
        }
    }
}

/// Where each key stands in the joined list, in order.
fn positions_by_key<'a>(keys: impl Iterator<Item = &'a str>) -> HashMap<&'a str, Vec<usize>> {
    let mut positions: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, key) in keys.enumerate() {
        positions.entry(key).or_default().push(index);
    }
    positions
}

/// The file of the `occurrence`th of the entries at `positions` (all with one key, across
/// all files), and which occurrence it is within that file.
fn locate_entry(
    positions: Option<&Vec<usize>>,
    files: &[usize],
    occurrence: usize,
) -> (Option<usize>, usize) {
    let Some(&global) = positions.and_then(|p| p.get(occurrence)) else {
        return (None, occurrence);
    };
    let file = files[global];
    let within = positions.map_or(0, |p| {
        p[..occurrence]
            .iter()
            .filter(|&&i| files[i] == file)
            .count()
    });
    (Some(file), within)
}
