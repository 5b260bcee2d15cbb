//! The layers keep to their rooms (docs/architecture.md): only the edge (`main`, `run`,
//! `cli`) knows the command line, nothing below the front ends knows a front end, the two
//! front ends do not know each other, the core neither reads the process's surroundings
//! nor prints, and inside the full-screen wizard the state and the views do not know each
//! other. A rule whose module or folder holds no file fails too: code that moves must take
//! its rule along, or the rule would go on checking nothing.

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

/// The edge: the only modules that know the command line and pick a front end.
const EDGE: [&str; 4] = ["main", "run", "cli", "serve"];

/// The files a rule is about, as places under `src/`: a module `name` is `name.rs` and
/// everything under `name/`; a folder `tui/view` is everything under it.
enum Scope {
    /// The files in these places.
    In(&'static [&'static str]),
    /// Every file except those in these places.
    AllBut(&'static [&'static str]),
}

/// One rule: the files of `scope` may not name any of `names`, because of `why`.
struct Rule {
    scope: Scope,
    names: &'static [&'static str],
    why: &'static str,
}

/// The layer rules of docs/architecture.md.
fn rules() -> Vec<Rule> {
    const EDGE_AND_FRONT_ENDS: &[&str] = &["main", "run", "cli", "serve", "tui", "plain"];
    vec![
        Rule {
            scope: Scope::AllBut(&EDGE),
            names: &["crate::cli"],
            why: "the command line is read at the edge only",
        },
        Rule {
            scope: Scope::AllBut(&EDGE),
            names: &["crate::run"],
            why: "the edge calls down, never the reverse",
        },
        Rule {
            scope: Scope::In(&["tui"]),
            names: &["crate::plain"],
            why: "front ends do not know each other",
        },
        Rule {
            scope: Scope::In(&["plain"]),
            names: &["crate::tui"],
            why: "front ends do not know each other",
        },
        Rule {
            scope: Scope::AllBut(EDGE_AND_FRONT_ENDS),
            names: &["crate::tui", "crate::plain"],
            why: "only the edge picks a front end",
        },
        Rule {
            scope: Scope::In(&["core"]),
            names: &["std::env::var", "env::args"],
            why: "the core is given options, it reads no environment or arguments",
        },
        Rule {
            scope: Scope::In(&["core"]),
            names: &["is_terminal"],
            why: "the core is given options, it asks no terminal",
        },
        Rule {
            scope: Scope::In(&["core"]),
            names: &["println!", "eprintln!", "io::stdout", "io::stderr"],
            why: "the core returns notices, it never prints",
        },
        Rule {
            scope: Scope::In(&["core"]),
            names: &["io::stdin"],
            why: "the core asks through a prompt, it never reads stdin",
        },
        Rule {
            scope: Scope::In(&["tui/view"]),
            names: &["state::app"],
            why: "the views take a view model: they do not know the state",
        },
        Rule {
            scope: Scope::In(&["tui/state"]),
            names: &["tui::view", "super::view"],
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
            scope: Scope::In(&["handoff"]),
            names: &["crate::flow", "crate::session"],
            why: "hand-off codes know nothing of flows or sessions",
        },
        Rule {
            scope: Scope::In(&["flow"]),
            names: &["crate::handoff", "crate::session"],
            why: "the flow is data: it uses only the helpers",
        },
        Rule {
            scope: Scope::In(&["session"]),
            names: &["crate::handoff"],
            why: "the engine uses only the flow and the helpers",
        },
        Rule {
            scope: Scope::In(RECORDS),
            names: &["crate::core"],
            why: "records and views of a session do not use the core above them",
        },
        Rule {
            scope: Scope::In(BELOW_THE_CORE),
            names: &["clap::", "ratatui::", "crossterm::", "russh::", "tokio::"],
            why: "below the core, no terminal, server or command-line crate",
        },
    ]
}

/// The helpers: leaves that use only each other (docs/architecture.md's table).
const HELPERS: &[&str] = &[
    "lang",
    "i18n",
    "clock",
    "sanitize",
    "secrets",
    "atomic_file",
    "bounded_read",
    "default_paths",
];

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

/// The layers below the records: the helpers, hand-off codes, the flow and the engine.
const BELOW_RECORDS: &[&str] = &[
    "lang",
    "i18n",
    "clock",
    "sanitize",
    "secrets",
    "atomic_file",
    "bounded_read",
    "default_paths",
    "handoff",
    "flow",
    "session",
];

/// Records and views of a session, just below the core.
const RECORDS: &[&str] = &[
    "page",
    "transcript",
    "autosave",
    "outcome_log",
    "stats",
    "export",
];

/// Every module below the core.
const BELOW_THE_CORE: &[&str] = &[
    "lang",
    "i18n",
    "clock",
    "sanitize",
    "secrets",
    "atomic_file",
    "bounded_read",
    "default_paths",
    "handoff",
    "flow",
    "session",
    "page",
    "transcript",
    "autosave",
    "outcome_log",
    "stats",
    "export",
];

/// Whether the file at `relative` (to `src/`) is in the module or folder `place`.
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
        let (places, all_but) = match rule.scope {
            Scope::In(places) => (places, false),
            Scope::AllBut(places) => (places, true),
        };
        let applies = |file: &Path| places.iter().any(|place| is_in(file, place)) != all_but;
        for place in places {
            if !files.iter().any(|(relative, _)| is_in(relative, place)) {
                found.push(format!(
                    "no file under {} is in {place:?}, named by the rule {:?}: move the rule along with the code",
                    src.display(),
                    rule.why
                ));
            }
        }
        let mut checked = 0;
        for (relative, code) in files.iter().filter(|(relative, _)| applies(relative)) {
            checked += 1;
            for name in rule.names {
                if names(code, name) {
                    found.push(format!("{} names {name}: {}", relative.display(), rule.why));
                }
            }
        }
        if all_but && checked == 0 {
            found.push(format!("the rule {:?} checks no file", rule.why));
        }
    }
    found.sort();
    found
}

#[test]
fn every_layer_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = violations(&src);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// A `src/` folder with an empty file in every place the rules name, then `files`
/// (path, code) written over it.
fn fixture(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let every_place = [
        "main.rs",
        "run.rs",
        "cli.rs",
        "serve/mod.rs",
        "plain.rs",
        "core/mod.rs",
        "tui/mod.rs",
        "tui/view/mod.rs",
        "tui/state/mod.rs",
        "session.rs",
        "lang.rs",
        "i18n.rs",
        "clock.rs",
        "sanitize.rs",
        "secrets.rs",
        "atomic_file.rs",
        "bounded_read.rs",
        "default_paths.rs",
        "handoff/mod.rs",
        "flow/mod.rs",
        "page.rs",
        "transcript/mod.rs",
        "autosave/mod.rs",
        "outcome_log.rs",
        "stats/mod.rs",
        "export/mod.rs",
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
        ("tui/view/page.rs", "use crate::plain::start::show;\n"),
        (
            "core/start.rs",
            "// crate::cli in a comment is fine\nfn f() { eprintln!(\"x\"); }\n",
        ),
        ("session.rs", "use crate::{cli::Cli, lang};\n"),
        ("run.rs", "use crate::cli::Cli;\nuse crate::tui;\n"),
        (
            "tui/state/app/update.rs",
            "use crate::tui::{\n    layout::screen,\n    view,\n};\n",
        ),
        ("tui/view/body.rs", "use crate::tui::state::app::App;\n"),
        ("flow/model.rs", "use crate::session::Session;\n"),
        ("secrets.rs", "use ratatui::text::Line;\n"),
    ]);
    let found = violations(src.path());
    assert_eq!(
        found,
        [
            "core/start.rs names eprintln!: the core returns notices, it never prints",
            "flow/model.rs names crate::session: the flow is data: it uses only the helpers",
            "secrets.rs names ratatui::: below the core, no terminal, server or command-line crate",
            "session.rs names crate::cli: the command line is read at the edge only",
            "tui/state/app/update.rs names tui::view: the state does not know the views that draw it",
            "tui/view/body.rs names state::app: the views take a view model: they do not know the state",
            "tui/view/page.rs names crate::plain: front ends do not know each other",
        ],
    );
}

#[test]
fn a_rule_about_a_place_with_no_files_is_caught() {
    // As when `tui/app` moved to `tui/state/app` and "the state does not use the views"
    // went on checking a folder that was no longer there.
    let src = fixture(&[]);
    std::fs::remove_dir_all(src.path().join("tui/state")).unwrap();
    let found = violations(src.path());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("\"tui/state\"") && found[0].contains("move the rule along"),
        "{found:#?}"
    );
}
