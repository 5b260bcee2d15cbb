//! The layers keep to their rooms (docs/architecture.md): only the edge (`main`, `run`,
//! `cli`) knows the command line, nothing below the front ends knows a front end, the two
//! front ends do not know each other, and the core neither reads the process's
//! surroundings nor prints.

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

/// The top-level module a file under `src/` belongs to: `tui` for `src/tui/app.rs`,
/// `plain` for `src/plain.rs`, `run` for `src/run.rs`.
fn module_of(file: &Path, src: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_owned()
}

/// The code of a file without comments (a doc comment may name any module), with
/// grouped imports spelt out: `crate::{cli, tui::App}` also reads `crate::cli crate::tui::App`.
fn code(file: &Path) -> String {
    let mut code = std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut spelt = String::new();
    for group in code.split("crate::{").skip(1) {
        let inside = group.split('}').next().unwrap_or("");
        for item in inside.split(',') {
            spelt += &format!(" crate::{}", item.trim());
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

/// What the files of `module` may not name, and why.
fn forbidden(module: &str) -> Vec<(&'static str, &'static str)> {
    let edge = ["main", "run", "cli", "serve"];
    if edge.contains(&module) {
        return Vec::new();
    }
    let mut rules = vec![
        ("crate::cli", "the command line is read at the edge only"),
        ("crate::run", "the edge calls down, never the reverse"),
    ];
    match module {
        "tui" => rules.push(("crate::plain", "front ends do not know each other")),
        "plain" => rules.push(("crate::tui", "front ends do not know each other")),
        _ => {
            rules.push(("crate::tui", "only the edge picks a front end"));
            rules.push(("crate::plain", "only the edge picks a front end"));
        }
    }
    for (name, why) in below_the_core(module) {
        rules.push((name, why));
    }
    if module == "core" {
        for (name, why) in [
            (
                "std::env::var",
                "the core is given options, it reads no environment",
            ),
            (
                "env::args",
                "the core is given options, it reads no arguments",
            ),
            (
                "is_terminal",
                "the core is given options, it asks no terminal",
            ),
            ("println!", "the core returns notices, it never prints"),
            ("eprintln!", "the core returns notices, it never prints"),
            ("io::stdout", "the core returns notices, it never prints"),
            ("io::stderr", "the core returns notices, it never prints"),
            (
                "io::stdin",
                "the core asks through a prompt, it never reads stdin",
            ),
        ] {
            rules.push((name, why));
        }
    }
    rules
}

/// The layers below the core, lowest first (docs/architecture.md's table): a module in
/// one row names no module of a later row, nor the core.
const LOWER_LAYERS: [&[&str]; 5] = [
    &[
        "crate::lang",
        "crate::i18n",
        "crate::clock",
        "crate::sanitize",
        "crate::secrets",
        "crate::atomic_file",
        "crate::bounded_read",
        "crate::default_paths",
    ],
    &["crate::handoff"],
    &["crate::flow"],
    &["crate::session"],
    &[
        "crate::page",
        "crate::transcript",
        "crate::autosave",
        "crate::outcome_log",
        "crate::stats",
        "crate::export",
    ],
];

/// What a module below the core may not name: the layers above it, and the crates of a
/// terminal, a server or the command line.
fn below_the_core(module: &str) -> Vec<(&'static str, &'static str)> {
    let module = format!("crate::{module}");
    let Some(row) = LOWER_LAYERS
        .iter()
        .position(|row| row.contains(&module.as_str()))
    else {
        return Vec::new();
    };
    let above = LOWER_LAYERS[row + 1..].iter().flat_map(|row| row.iter());
    let mut rules: Vec<_> = above
        .chain(&["crate::core"])
        .map(|name| (*name, "a lower layer does not use the layers above it"))
        .collect();
    for name in ["clap::", "ratatui::", "crossterm::", "russh::", "tokio::"] {
        rules.push((
            name,
            "below the core, no terminal, server or command-line crate",
        ));
    }
    rules
}

/// Inside the full-screen front end: the state (`tui/app`) and the views (`tui/view`) do
/// not know each other; the views draw a view model.
fn within_tui(relative: &Path) -> Vec<(&'static str, &'static str)> {
    let why = "the views take a view model: state and views do not know each other";
    if relative.starts_with("tui/view") {
        vec![("crate::tui::state::app", why), ("super::app", why)]
    } else if relative.starts_with("tui/app") || relative == Path::new("tui/app.rs") {
        vec![("crate::tui::view", why), ("super::view", why)]
    } else {
        Vec::new()
    }
}

/// Every place a file names a module its layer may not use.
fn violations(src: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for file in rust_files(src) {
        let module = module_of(&file, src);
        let code = code(&file);
        let mut rules = forbidden(&module);
        rules.extend(within_tui(file.strip_prefix(src).unwrap()));
        for (name, why) in rules {
            if names(&code, name) {
                found.push(format!("{} names {name}: {why}", file.display()));
            }
        }
    }
    found
}

#[test]
fn every_layer_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = violations(&src);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_front_end_naming_the_other_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("tui/view")).unwrap();
    std::fs::create_dir_all(src.join("core")).unwrap();
    std::fs::write(
        src.join("tui/view/page.rs"),
        "use crate::plain::start::show;\n",
    )
    .unwrap();
    std::fs::write(
        src.join("core/start.rs"),
        "// crate::cli in a comment is fine\nfn f() { eprintln!(\"x\"); }\n",
    )
    .unwrap();
    std::fs::write(src.join("session.rs"), "use crate::{cli::Cli, lang};\n").unwrap();
    std::fs::write(
        src.join("run.rs"),
        "use crate::cli::Cli;\nuse crate::tui;\n",
    )
    .unwrap();
    let found = violations(src);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[0].contains("core/start.rs names eprintln!"),
        "{found:#?}"
    );
    assert!(
        found[1].contains("session.rs names crate::cli"),
        "{found:#?}"
    );
    assert!(
        found[2].contains("tui/view/page.rs names crate::plain"),
        "{found:#?}"
    );
}
