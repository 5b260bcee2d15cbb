//! Live reload for flow authors: notice when a flow's files change on disk, load the new
//! version (or say in short lines what is wrong with it), and carry a walk over to it by
//! the same replay rule as `--resume`. A front end shows the outcome its own way.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use crate::autosave::{Replayed, SavedSession, replay};
use crate::flow::{Diagnostic, Flow, LoadError, load_path, report};
use crate::lang::Lang;
use crate::session::Session;

/// What a flow's files looked like when last looked at: each file's name, size and time.
type Fingerprint = Vec<(PathBuf, u64, Option<SystemTime>)>;

/// How often the files are looked at: often enough that a save shows at once, seldom
/// enough that a big folder costs next to nothing while idle.
pub(crate) const INTERVAL: Duration = Duration::from_millis(500);

/// Watches a flow file, or the `.yaml`/`.yml` files of a flow folder (the files the flow
/// is read from), by polling at most every `INTERVAL`.
///
/// Polling (rather than change notifications) also sees editors that save by writing a new
/// file and renaming it over the old one, and works the same on every system.
#[derive(Debug)]
pub struct Watcher {
    path: PathBuf,
    last: Fingerprint,
    looked: Instant,
}

impl Watcher {
    /// Starts watching `path` as it is now.
    pub fn new(path: &Path) -> Watcher {
        Watcher {
            path: path.to_owned(),
            last: fingerprint(path),
            looked: Instant::now(),
        }
    }

    /// Whether anything changed since the files were last looked at; looks only if
    /// `INTERVAL` has passed since then.
    pub fn changed(&mut self) -> bool {
        if self.looked.elapsed() < INTERVAL {
            return false;
        }
        self.changed_now()
    }

    /// Whether anything changed since the files were last looked at, looking now.
    pub(crate) fn changed_now(&mut self) -> bool {
        self.looked = Instant::now();
        let now = fingerprint(&self.path);
        let changed = now != self.last;
        self.last = now;
        changed
    }
}

fn fingerprint(path: &Path) -> Fingerprint {
    let files: Vec<PathBuf> = match std::fs::read_dir(path) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|file| file.extension().is_some_and(|e| e == "yaml" || e == "yml"))
            .collect(),
        Err(_) => vec![path.to_owned()],
    };
    let mut print: Fingerprint = files
        .into_iter()
        .map(|file| {
            let metadata = std::fs::metadata(&file).ok();
            let size = metadata.as_ref().map_or(0, |m| m.len());
            let modified = metadata.and_then(|m| m.modified().ok());
            (file, size, modified)
        })
        .collect();
    print.sort();
    print
}

/// The walk `old` made, replayed on the new version `flow` by the same rule as `--resume`
/// ([`crate::autosave::replay`]): path, notes, call start and jumps are kept; the user
/// stays at the same node, or at the nearest earlier node still on the same path, and
/// what no longer fits is listed.
pub(crate) fn carry_over(old: &Session, flow: Arc<Flow>) -> Replayed {
    let saved = SavedSession::of(old, Lang::En, crate::clock::now());
    replay(flow, &saved)
}

/// News about the flow file from the live reload.
#[derive(Debug, Clone)]
pub enum FlowEvent {
    /// The file changed and the new version is valid.
    Reloaded(Arc<Flow>),
    /// The file changed and the new version is refused: one line per diagnostic.
    Invalid(Vec<String>),
}

/// Loads the edited flow at `path`: the new flow, or one line per problem. A
/// half-written file is just an invalid flow here; the next change is tried again.
pub fn reload(path: &Path) -> FlowEvent {
    match load_path(path) {
        Ok(checked) => FlowEvent::Reloaded(checked.flow.shared()),
        Err(LoadError::Invalid(mut diagnostics)) => {
            diagnostics.retain(|d| d.is_error());
            report::sort(&mut diagnostics);
            FlowEvent::Invalid(diagnostics.iter().map(status_line).collect())
        }
        Err(other) => FlowEvent::Invalid(vec![other.to_string()]),
    }
}

/// One diagnostic, short enough for a status line: code, file name and place, message
/// (the node is left out: the place says it), and the suggestion.
fn status_line(diagnostic: &Diagnostic) -> String {
    let file = Path::new(&diagnostic.file)
        .file_name()
        .map_or(diagnostic.file.clone(), |name| {
            name.to_string_lossy().into_owned()
        });
    let place = diagnostic
        .location
        .map_or(String::new(), |at| format!(":{}:{}", at.line, at.column));
    let help = diagnostic
        .help
        .as_deref()
        .map_or(String::new(), |help| format!(" ({help})"));
    format!(
        "{} {file}{place} {}{help}",
        diagnostic.code.as_str(),
        diagnostic.message
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::fixtures::{self, BEFORE, flow};

    #[test]
    fn an_unchanged_path_keeps_the_user_where_they_were() {
        let mut old = Session::new(flow(BEFORE));
        old.choose(0).unwrap();
        old.choose(0).unwrap();
        let edited = BEFORE.replace("\"C\"", "\"C, reworded\"");
        let new = carry_over(&old, flow(&edited));
        assert_eq!(new.session.node().key, "c");
        assert_eq!(new.session.path().len(), 2);
        assert!(new.moved.is_empty());
    }

    #[test]
    fn a_removed_node_leaves_the_user_at_the_nearest_earlier_node() {
        let mut old = Session::new(flow(BEFORE));
        old.choose(0).unwrap();
        old.choose(0).unwrap();
        let edited = BEFORE
            .replace("next: c }", "next: end }")
            .replace("  c:\n    kind: solved\n    title: { en: \"C\" }\n", "");
        let new = carry_over(&old, flow(&edited));
        assert_eq!(new.session.node().key, "b");
        assert_eq!(
            new.moved[0].to_string(),
            "step 2: the node 'c' no longer exists"
        );
    }

    #[test]
    fn notes_jumps_and_the_call_start_survive_a_reload() {
        let mut old = Session::new_at(flow(BEFORE), jiff::Timestamp::from_second(1000).unwrap());
        old.choose(0).unwrap();
        old.add_note("caller on a new phone").unwrap();
        let c = old.flow().find("c").unwrap();
        old.jump(c).unwrap();
        old.add_note("at c now").unwrap();
        let new = carry_over(&old, flow(&BEFORE.replace("\"B?\"", "\"B, reworded?\"")));
        assert!(new.moved.is_empty(), "{:?}", new.moved);
        assert_eq!(new.session.started(), old.started());
        assert_eq!(new.session.node().key, "c");
        assert!(new.session.path()[1].is_jump());
        assert_eq!(new.session.notes(), old.notes());
        // The node a note was written at is gone: the note stays, and says where it was.
        let without_c = BEFORE
            .replace("next: c }", "next: end }")
            .replace("  c:\n    kind: solved\n    title: { en: \"C\" }\n", "");
        let new = carry_over(&old, flow(&without_c));
        assert_eq!(new.session.node().key, "b");
        assert_eq!(new.session.notes().len(), 2);
        assert_eq!(new.session.notes()[1].text, "[at c] at c now");
        assert!(new.moved.iter().any(|m| m.to_string().contains("'c'")));
    }

    #[test]
    fn typed_answers_are_kept_and_routed_by_the_edited_patterns() {
        let typed = fixtures::TYPED;
        let mut old = Session::new(flow(typed));
        old.choose(0).unwrap();
        old.answer_text("AADSTS 50053").unwrap();
        let new = carry_over(&old, flow(typed)).session;
        assert_eq!(new.node().key, "locked");
        assert_eq!(new.path()[1].typed.as_deref(), Some("AADSTS 50053"));
        // The author changed the pattern: the same text now goes to "otherwise", so the
        // user is left at the question, where it was typed.
        let new = carry_over(&old, flow(&typed.replace("50053", "50054")));
        assert_eq!(new.session.node().key, "code");
        assert_eq!(new.moved.len(), 1, "{:?}", new.moved);
    }

    #[test]
    fn file_changes_are_seen() {
        let temporary = tempfile::tempdir().unwrap();
        let dir = temporary.path();
        let file = dir.join("flow.yaml");
        std::fs::write(&file, "one").unwrap();
        let mut watcher = Watcher::new(&file);
        assert!(!watcher.changed_now());
        std::fs::write(&file, "two, longer").unwrap();
        assert!(
            !watcher.changed(),
            "not looked at again before the interval"
        );
        assert!(watcher.changed_now());
        assert!(!watcher.changed_now());
        // In a folder only the flow's own files count.
        let mut folder = Watcher::new(dir);
        std::fs::write(dir.join("notes.txt"), "not a flow file").unwrap();
        assert!(!folder.changed_now());
        std::fs::write(dir.join("more.yaml"), "a flow file").unwrap();
        assert!(folder.changed_now());
    }

    #[test]
    fn an_edited_file_reloads_or_says_where_it_is_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("flow.yaml");
        std::fs::write(&file, BEFORE).unwrap();
        let FlowEvent::Reloaded(new) = reload(&file) else {
            panic!("a valid flow reloads");
        };
        let mut old = Session::new(flow(BEFORE));
        old.choose(0).unwrap();
        assert_eq!(carry_over(&old, new).session.node().key, "b");
        std::fs::write(&file, BEFORE.replace("next: c", "next: cc")).unwrap();
        let FlowEvent::Invalid(lines) = reload(&file) else {
            panic!("a broken flow is refused");
        };
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].contains("flow.yaml:"), "file and place: {lines:?}");
        assert!(lines[0].contains("'cc'"), "{lines:?}");
    }
}
