//! Live preview for flow authors: notice when a flow's files change on disk, and carry a
//! walk over to the new version of the flow.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use crate::flow::Flow;
use crate::session::{MoveKind, Session};

/// What a flow's files looked like when last looked at: each file's name, size and time.
type Fingerprint = Vec<(PathBuf, u64, Option<SystemTime>)>;

/// Watches a flow file, or every file of a flow folder, by polling.
///
/// Polling (rather than change notifications) also sees editors that save by writing a new
/// file and renaming it over the old one, and works the same on every system.
#[derive(Debug)]
pub struct Watcher {
    path: PathBuf,
    last: Fingerprint,
}

impl Watcher {
    /// Starts watching `path` as it is now.
    pub fn new(path: &Path) -> Watcher {
        Watcher {
            path: path.to_owned(),
            last: fingerprint(path),
        }
    }

    /// Whether anything changed since the last call (or since [`Watcher::new`]).
    pub fn changed(&mut self) -> bool {
        let now = fingerprint(&self.path);
        let changed = now != self.last;
        self.last = now;
        changed
    }
}

fn fingerprint(path: &Path) -> Fingerprint {
    let files: Vec<PathBuf> = match std::fs::read_dir(path) {
        Ok(entries) => entries.filter_map(Result::ok).map(|e| e.path()).collect(),
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

/// The walk `old` made, replayed on `flow` by node ids as far as the new flow allows:
/// the user stays at the same node, or at the nearest earlier node still on the same path.
pub fn carry_over(old: &Session, flow: Arc<Flow>) -> Session {
    let mut session = Session::new(flow);
    let old_key = |id| old.flow().node(id).key.as_str();
    for step in old.path() {
        if session.node().key != old_key(step.node) {
            break;
        }
        let moved = match step.kind {
            // A typed answer is routed again, by the edited patterns.
            MoveKind::Answer(answer) => match &step.typed {
                Some(typed) => session.answer_text(typed).is_ok(),
                None => session.choose(answer).is_ok(),
            },
            MoveKind::Jump => {
                let to = session.flow().find(old_key(step.to));
                to.is_some_and(|to| session.jump(to).is_ok())
            }
        };
        if !moved {
            break;
        }
        if session.node().key != old_key(step.to) {
            // The same answer now leads elsewhere: stay where it was given.
            session.back();
            break;
        }
    }
    session
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::load_str;

    fn flow(yaml: &str) -> Arc<Flow> {
        load_str(yaml, "t.yaml")
            .expect("valid test flow")
            .flow
            .shared()
    }

    const BEFORE: &str = r#"
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

    #[test]
    fn an_unchanged_path_keeps_the_user_where_they_were() {
        let mut old = Session::new(flow(BEFORE));
        old.choose(0).unwrap();
        old.choose(0).unwrap();
        let edited = BEFORE.replace("\"C\"", "\"C, reworded\"");
        let new = carry_over(&old, flow(&edited));
        assert_eq!(new.node().key, "c");
        assert_eq!(new.path().len(), 2);
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
        assert_eq!(new.node().key, "b");
    }

    #[test]
    fn typed_answers_are_kept_and_routed_by_the_edited_patterns() {
        let typed = r#"
id: t
title: { en: "T" }
start: code
nodes:
  code:
    kind: input
    text: { en: "Code?" }
    matches:
      - { pattern: '50053', next: locked }
    otherwise: other
  locked:
    kind: solved
    title: { en: "Locked" }
  other:
    kind: solved
    title: { en: "Other" }
"#;
        let mut old = Session::new(flow(typed));
        old.answer_text("AADSTS50053").unwrap();
        let new = carry_over(&old, flow(typed));
        assert_eq!(new.node().key, "locked");
        assert_eq!(new.path()[0].typed.as_deref(), Some("AADSTS50053"));
        // The author changed the pattern: the same text now goes to "otherwise", so the
        // user is left at the question, where it was typed.
        let new = carry_over(&old, flow(&typed.replace("'50053'", "'50054'")));
        assert_eq!(new.node().key, "code");
    }

    #[test]
    fn file_changes_are_seen() {
        let dir = std::env::temp_dir().join(format!("signin-doctor-watch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("flow.yaml");
        std::fs::write(&file, "one").unwrap();
        let mut watcher = Watcher::new(&file);
        assert!(!watcher.changed());
        std::fs::write(&file, "two, longer").unwrap();
        assert!(watcher.changed());
        assert!(!watcher.changed());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
