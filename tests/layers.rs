//! The layers keep to their rooms (docs/architecture.md). Between crates the compiler
//! keeps them: a crate can use only the crates it depends on, and
//! `crates_depend_only_downwards` checks those dependencies (and that the flow and the core
//! pull in no terminal, server or command-line crate). Inside a crate this file checks what
//! the compiler cannot: the `core` module neither reads the process's surroundings nor
//! prints; the records, the engine and the leaves inside the core crate use only what lies
//! below them; inside the full-screen wizard the state and the views do not know each
//! other. A rule whose module or folder holds no file fails too: code that moves must take
//! its rule along, or the rule would go on checking nothing. And every module the
//! architecture's "open this module" table names exists.

use std::path::{Path, PathBuf};

/// Every Rust file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The code of a file without comments (a doc comment may name any module), with
/// grouped imports spelt out: `crate::{cli, tui::App}` also reads `crate::cli crate::tui::App`,
/// and `crate::tui::{view, App}` also reads `crate::tui::view crate::tui::App`.
fn code(file: &Path) -> String {
    let mut code = std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let path_char = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
    let mut spelt = String::new();
    for (at, _) in code.match_indices("::{") {
        let path_start = code[..at]
            .rfind(|c: char| !path_char(c))
            .map_or(0, |i| i + 1);
        let path = &code[path_start..at];
        let inside = code[at + 3..].split('}').next().unwrap_or("");
        for item in inside.split(',') {
            spelt += &format!(" {path}::{}", item.trim());
        }
    }
    code += &spelt;
    code
}

/// Whether `code` names `name` as a whole path (`println!` is not in `eprintln!`,
/// `super::view` is not in `super::view_model`).
fn names(code: &str, name: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(name).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + name.len()..].chars().next();
        let joined_before = before.is_some_and(word);
        let joined_after = name.ends_with(word) && after.is_some_and(word);
        !joined_before && !joined_after
    })
}

/// The files a rule is about, as places under `crates/`: a module `core/src/name` is
/// `name.rs` and everything under `name/`; a folder `tui/src/view` is everything under it.
enum Scope {
    /// The files in these places.
    In(&'static [&'static str]),
}

/// One rule: the files of `scope` may not name any of `names`, because of `why`.
struct Rule {
    scope: Scope,
    names: &'static [&'static str],
    why: &'static str,
}

/// The layer rules of docs/architecture.md that hold inside a crate.
fn rules() -> Vec<Rule> {
    vec![
        Rule {
            scope: Scope::In(&["core/src/core"]),
            names: &["std::env::var", "env::args"],
            why: "the core is given options, it reads no environment or arguments",
        },
        Rule {
            scope: Scope::In(&["core/src/core"]),
            names: &["is_terminal"],
            why: "the core is given options, it asks no terminal",
        },
        Rule {
            scope: Scope::In(&["core/src/core"]),
            names: &["println!", "eprintln!", "io::stdout", "io::stderr"],
            why: "the core returns notices, it never prints",
        },
        Rule {
            scope: Scope::In(&["core/src/core"]),
            names: &["io::stdin"],
            why: "the core asks through a prompt, it never reads stdin",
        },
        Rule {
            scope: Scope::In(&["tui/src/view"]),
            names: &["state::app"],
            why: "the views take a view model: they do not know the state",
        },
        Rule {
            scope: Scope::In(&["tui/src/state"]),
            names: &["crate::view", "super::view"],
            why: "the state does not know the views that draw it",
        },
        Rule {
            scope: Scope::In(BELOW_RECORDS),
            names: RECORDS_AND_CORE,
            why: "the layers below the records use neither them nor the core",
        },
        Rule {
            scope: Scope::In(HELPERS),
            names: &["crate::handoff", "crate::flow", "crate::session"],
            why: "helpers are leaves: they use only each other",
        },
        Rule {
            scope: Scope::In(&["core/src/handoff"]),
            names: &["crate::flow", "crate::session"],
            why: "hand-off codes know nothing of flows or sessions",
        },
        Rule {
            scope: Scope::In(&["core/src/session"]),
            names: &["crate::handoff"],
            why: "the engine uses only the flow and the helpers",
        },
        Rule {
            scope: Scope::In(RECORDS),
            names: &["crate::core"],
            why: "records and views of a session do not use the core above them",
        },
        Rule {
            scope: Scope::In(FLOW_LEAVES),
            names: &["crate::model", "crate::load", "crate::check", "crate::Flow"],
            why: "the flow crate's leaves do not use the flow",
        },
    ]
}

/// The core crate's helpers: leaves that use only each other (docs/architecture.md).
const HELPERS: &[&str] = &[
    "core/src/clock",
    "core/src/sanitize",
    "core/src/secrets",
    "core/src/atomic_file",
];

/// The flow crate's leaves, which the crates above use too.
const FLOW_LEAVES: &[&str] = &["flow/src/lang", "flow/src/i18n", "flow/src/bounded_read"];

/// What the layers below the records may not name: the records and the core.
const RECORDS_AND_CORE: &[&str] = &[
    "crate::page",
    "crate::transcript",
    "crate::autosave",
    "crate::outcome_log",
    "crate::stats",
    "crate::export",
    "crate::core",
];

/// The layers of the core crate below the records: its helpers, hand-off codes, the engine.
const BELOW_RECORDS: &[&str] = &[
    "core/src/clock",
    "core/src/sanitize",
    "core/src/secrets",
    "core/src/atomic_file",
    "core/src/handoff",
    "core/src/session",
];

/// Records and views of a session, just below the core.
const RECORDS: &[&str] = &[
    "core/src/page",
    "core/src/transcript",
    "core/src/autosave",
    "core/src/outcome_log",
    "core/src/stats",
    "core/src/export",
];

/// Whether the file at `relative` (to `crates/`) is in the module or folder `place`.
fn is_in(relative: &Path, place: &str) -> bool {
    relative.starts_with(place) || relative == Path::new(&format!("{place}.rs"))
}

/// Every place a file names a module its layer may not use, and every rule whose places
/// match no file (a module moved or renamed, and the rule would silently check nothing).
fn violations(src: &Path) -> Vec<String> {
    let files: Vec<(PathBuf, String)> = rust_files(src)
        .into_iter()
        .map(|file| {
            let relative = file.strip_prefix(src).unwrap().to_owned();
            let code = code(&file);
            (relative, code)
        })
        .collect();
    let mut found = Vec::new();
    for rule in rules() {
        let Scope::In(places) = rule.scope;
        let applies = |file: &Path| places.iter().any(|place| is_in(file, place));
        for place in places {
            if !files.iter().any(|(relative, _)| is_in(relative, place)) {
                found.push(format!(
                    "no file under {} is in {place:?}, named by the rule {:?}: move the rule along with the code",
                    src.display(),
                    rule.why
                ));
            }
        }
        for (relative, code) in files.iter().filter(|(relative, _)| applies(relative)) {
            for name in rule.names {
                if names(code, name) {
                    found.push(format!("{} names {name}: {}", relative.display(), rule.why));
                }
            }
        }
    }
    found.sort();
    found
}

#[test]
fn every_layer_uses_only_the_layers_below_it() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates");
    let found = violations(&crates);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// A `crates/` folder with an empty file in every place the rules name, then `files`
/// (path, code) written over it.
fn fixture(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let every_place = [
        "core/src/core/mod.rs",
        "tui/src/view/mod.rs",
        "tui/src/state/mod.rs",
        "core/src/session.rs",
        "core/src/clock.rs",
        "core/src/sanitize.rs",
        "core/src/secrets.rs",
        "core/src/atomic_file.rs",
        "core/src/handoff/mod.rs",
        "core/src/page.rs",
        "core/src/transcript/mod.rs",
        "core/src/autosave/mod.rs",
        "core/src/outcome_log.rs",
        "core/src/stats/mod.rs",
        "core/src/export/mod.rs",
        "flow/src/lang.rs",
        "flow/src/i18n.rs",
        "flow/src/bounded_read.rs",
    ];
    let empty = every_place.iter().map(|path| (*path, ""));
    for (path, code) in empty.chain(files.iter().copied()) {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, code).unwrap();
    }
    dir
}

#[test]
fn a_layer_naming_one_it_may_not_use_is_caught() {
    let src = fixture(&[
        (
            "core/src/core/start.rs",
            "// eprintln! in a comment is fine\nfn f() { eprintln!(\"x\"); }\n",
        ),
        ("core/src/session.rs", "use crate::{handoff::Code, lang};\n"),
        (
            "tui/src/state/app/update.rs",
            "use crate::{\n    layout::screen,\n    view,\n};\n",
        ),
        ("tui/src/view/body.rs", "use crate::state::app::App;\n"),
        ("core/src/secrets.rs", "use crate::session::Session;\n"),
        ("core/src/page.rs", "use crate::core::Notice;\n"),
    ]);
    let found = violations(src.path());
    assert_eq!(
        found,
        [
            "core/src/core/start.rs names eprintln!: the core returns notices, it never prints",
            "core/src/page.rs names crate::core: records and views of a session do not use the core above them",
            "core/src/secrets.rs names crate::session: helpers are leaves: they use only each other",
            "core/src/session.rs names crate::handoff: the engine uses only the flow and the helpers",
            "tui/src/state/app/update.rs names crate::view: the state does not know the views that draw it",
            "tui/src/view/body.rs names state::app: the views take a view model: they do not know the state",
        ],
    );
}

#[test]
fn a_rule_about_a_place_with_no_files_is_caught() {
    // As when `tui/app` moved to `tui/state/app` and "the state does not use the views"
    // went on checking a folder that was no longer there.
    let src = fixture(&[]);
    std::fs::remove_dir_all(src.path().join("tui/src/state")).unwrap();
    let found = violations(src.path());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("\"tui/src/state\"") && found[0].contains("move the rule along"),
        "{found:#?}"
    );
}

/// The packages `package` depends on when built (not for its tests), itself included, as
/// `cargo tree` lists them.
fn dependencies(package: &str) -> Vec<String> {
    let output = std::process::Command::new(env!("CARGO"))
        .args(["tree", "--offline", "--edges", "normal", "--prefix", "none"])
        .args(["--format", "{p}", "--package", package])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo tree -p {package}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut names: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn crates_depend_only_downwards() {
    let terminal_server_or_command_line = ["ratatui", "crossterm", "russh", "tokio", "clap"];
    let our = |name: &str| format!("signin-doctor-{name}");
    // Each crate, and the crates of this workspace and the outside ones it must not pull in.
    let rules: [(&str, &[&str]); 6] = [
        ("flow", &["core", "tui", "plain", "cli", "serve"]),
        ("core", &["tui", "plain", "cli", "serve"]),
        ("tui", &["plain", "cli", "serve"]),
        ("plain", &["tui", "cli", "serve"]),
        // The edge shared by both programs: above the front ends, whose errors it words.
        ("cli", &["serve"]),
        ("serve", &[]),
    ];
    for (name, above) in rules {
        let found = dependencies(&our(name));
        assert!(found.contains(&our(name)), "{name}: {found:?}");
        for other in above {
            assert!(
                !found.contains(&our(other)),
                "signin-doctor-{name} depends on signin-doctor-{other}: {found:?}"
            );
        }
        if name == "flow" || name == "core" {
            for outside in terminal_server_or_command_line {
                assert!(
                    !found.iter().any(|package| package == outside),
                    "signin-doctor-{name} pulls in {outside}: the engine uses no terminal, server or command-line crate"
                );
            }
        }
    }
    // The partner's program leaves the server out: only the serve binary links it.
    let top = dependencies("signin-doctor");
    assert!(top.contains(&our("serve")), "{top:?}");
}

/// The modules and folders docs/architecture.md's "open this module" table names: every
/// `path` in backticks that has a `/` or ends in `.rs`.
fn table_paths(architecture: &str) -> Vec<String> {
    let table = architecture
        .split("## For this behaviour, open this module")
        .nth(1)
        .expect("docs/architecture.md has the table");
    let mut paths = Vec::new();
    for row in table.lines().filter(|line| line.starts_with('|')) {
        for (index, piece) in row.split('`').enumerate() {
            let code = index % 2 == 1;
            let path = piece.trim();
            if code && !path.contains(' ') && (path.ends_with(".rs") || path.ends_with('/')) {
                paths.push(path.to_owned());
            }
        }
    }
    paths
}

#[test]
fn every_module_the_architecture_names_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let architecture = std::fs::read_to_string(root.join("docs/architecture.md")).unwrap();
    let paths = table_paths(&architecture);
    assert!(paths.len() > 40, "{paths:?}");
    let missing: Vec<&String> = paths
        .iter()
        .filter(|path| !root.join(path).exists())
        .collect();
    assert!(
        missing.is_empty(),
        "docs/architecture.md names modules that are not there: {missing:?}"
    );
}
