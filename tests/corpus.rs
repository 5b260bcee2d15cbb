//! The corpus of broken flows (`tests/corpus/`): each file is a mistake a flow author could
//! make, and `tests/corpus/expected.txt` says what `signin-doctor check` must report for it:
//! the code, the file and the line:column. The real binary is run on every entry; none may
//! panic, each must exit 2 (warning-only files: 0, and 2 with `--deny-warnings`).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

mod common;

/// Every code `check` can report.
const CODES: [&str; 25] = [
    "E001", "E002", "E003", "E004", "E005", "E006", "E007", "E008", "E009", "E010", "E011", "E012",
    "E013", "E014", "E015", "E016", "E017", "W001", "W002", "W003", "W004", "W005", "W006", "W007",
    "W008",
];

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// One line of `expected.txt`.
#[derive(Debug)]
struct Expected {
    /// The line of expected.txt, for messages.
    source_line: usize,
    /// The file the diagnostic names, relative to the corpus folder.
    file: String,
    code: String,
    /// Line and column, or `None` for `-:-`.
    at: Option<(u64, u64)>,
    /// Text that must (or, with `!`, must not) be in the message or the help.
    text: Option<String>,
}

impl Expected {
    /// What `check` is run on: the file, or the subfolder it lies in (a flow in several files).
    fn target(&self) -> &str {
        self.file
            .split_once('/')
            .map_or(&self.file, |(folder, _)| folder)
    }

    fn is_warning(&self) -> bool {
        self.code.starts_with('W')
    }

    fn matches(&self, d: &Value) -> bool {
        let at = match (d["line"].as_u64(), d["column"].as_u64()) {
            (Some(line), Some(column)) => Some((line, column)),
            _ => None,
        };
        let said = format!(
            "{} {}",
            d["message"].as_str().unwrap_or_default(),
            d["help"].as_str().unwrap_or_default()
        )
        .to_lowercase();
        let text_ok = match self.text.as_deref() {
            None => true,
            Some(text) => match text.strip_prefix('!') {
                Some(absent) => !said.contains(&absent.to_lowercase()),
                None => said.contains(&text.to_lowercase()),
            },
        };
        d["code"] == self.code.as_str()
            && d["file"] == self.file.as_str()
            && at == self.at
            && text_ok
    }
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = self
            .at
            .map_or("-:-".to_owned(), |(l, c)| format!("{l}:{c}"));
        write!(
            f,
            "expected.txt:{}: {} {} {at}",
            self.source_line, self.file, self.code
        )?;
        if let Some(text) = &self.text {
            write!(f, " {text}")?;
        }
        Ok(())
    }
}

/// The meaningful lines of expected.txt, each with its line number.
fn expected_lines() -> Vec<(usize, String)> {
    let text = fs::read_to_string(corpus().join("expected.txt")).expect("expected.txt is readable");
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim().to_owned()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

/// The files marked `FILE only`: what their lines list is all they may report.
fn only_files() -> BTreeSet<String> {
    expected_lines()
        .into_iter()
        .filter_map(|(_, line)| line.strip_suffix(" only").map(str::to_owned))
        .collect()
}

fn expectations() -> Vec<Expected> {
    let mut all = Vec::new();
    for (number, line) in expected_lines() {
        let i = number - 1;
        if line.ends_with(" only") {
            continue;
        }
        let mut parts = line.splitn(4, ' ');
        let (Some(file), Some(code), Some(at)) = (parts.next(), parts.next(), parts.next()) else {
            panic!(
                "expected.txt:{}: want `FILE CODE LINE:COLUMN [TEXT]`: {line}",
                i + 1
            );
        };
        let at = match at {
            "-:-" => None,
            _ => {
                let (l, c) = at.split_once(':').expect("LINE:COLUMN");
                Some((
                    l.parse().expect("a line number"),
                    c.parse().expect("a column number"),
                ))
            }
        };
        assert!(
            CODES.contains(&code),
            "expected.txt:{}: unknown code {code}",
            i + 1
        );
        all.push(Expected {
            source_line: i + 1,
            file: file.to_owned(),
            code: code.to_owned(),
            at,
            text: parts.next().map(str::to_owned),
        });
    }
    all
}

/// Runs the binary in the corpus folder (so file names in diagnostics are as in
/// expected.txt), killing it after `limit`. `None` when it ran out of time.
fn run_for(args: &[&str], dir: &Path, limit: Duration) -> Option<Output> {
    let mut child = common::binary(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .spawn()
        .expect("the binary starts");
    common::child::exit_within(&mut child, limit)?;
    Some(child.wait_with_output().expect("output is readable"))
}

fn run(args: &[&str], dir: &Path) -> Output {
    run_for(args, dir, Duration::from_secs(60))
        .unwrap_or_else(|| panic!("`signin-doctor {}` ran for more than 60 s", args.join(" ")))
}

fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect()
}

/// Checks one target (a file or a folder) against its lines of expected.txt; returns the
/// problems. With `only`, every diagnostic must be one of the lines.
fn check_target(target: &str, expected: &[&Expected], only: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let output = run(&["check", target, "--format", "json"], &corpus());
    let stderr = String::from_utf8_lossy(&output.stderr);
    if stderr.contains("panicked") {
        problems.push(format!("{target}: panicked: {stderr}"));
    }
    let warnings_only = expected.iter().all(|e| e.is_warning());
    let want_code = if warnings_only { 0 } else { 2 };
    if output.status.code() != Some(want_code) {
        problems.push(format!(
            "{target}: exit {:?}, expected {want_code}",
            output.status.code()
        ));
    }
    if warnings_only {
        let denied = run(
            &["check", target, "--format", "json", "--deny-warnings"],
            &corpus(),
        );
        if denied.status.code() != Some(2) {
            problems.push(format!(
                "{target}: exit {:?} with --deny-warnings, expected 2",
                denied.status.code()
            ));
        }
    }
    let diagnostics = json_lines(&output);
    if only {
        for d in &diagnostics {
            if !expected.iter().any(|e| e.matches(d)) {
                problems.push(format!(
                    "{target}: marked `only`, yet also reports {} {}:{} {}",
                    d["code"], d["line"], d["column"], d["message"]
                ));
            }
        }
    }
    for e in expected {
        if !diagnostics.iter().any(|d| e.matches(d)) {
            let got: Vec<String> = diagnostics
                .iter()
                .map(|d| {
                    format!(
                        "{} {} {}:{} {} / help: {}",
                        d["file"].as_str().unwrap_or("?"),
                        d["code"].as_str().unwrap_or("?"),
                        d["line"],
                        d["column"],
                        d["message"].as_str().unwrap_or(""),
                        d["help"].as_str().unwrap_or("")
                    )
                })
                .collect();
            problems.push(format!(
                "{e}\n    not reported; got:\n      {}",
                got.join("\n      ")
            ));
        }
    }
    problems
}

#[test]
fn every_corpus_file_is_reported_as_expected() {
    let all = expectations();
    let targets: BTreeSet<&str> = all.iter().map(Expected::target).collect();
    let only = only_files();
    let mut problems = Vec::new();
    for target in targets {
        let expected: Vec<&Expected> = all.iter().filter(|e| e.target() == target).collect();
        problems.extend(check_target(target, &expected, only.contains(target)));
    }
    for file in &only {
        assert!(
            all.iter().any(|e| &e.file == file),
            "expected.txt marks {file} `only` but lists nothing for it"
        );
    }
    assert!(
        problems.is_empty(),
        "{} corpus entr{} not as expected:\n\n{}",
        problems.len(),
        if problems.len() == 1 {
            "y is"
        } else {
            "ies are"
        },
        problems.join("\n\n")
    );
}

#[test]
fn every_corpus_file_is_listed_in_expected_txt() {
    let all = expectations();
    let listed: BTreeSet<&str> = all.iter().map(|e| e.file.as_str()).collect();
    let targets: BTreeSet<&str> = all.iter().map(Expected::target).collect();
    let mut unlisted = Vec::new();
    for entry in fs::read_dir(corpus()).expect("the corpus folder is readable") {
        let entry = entry.expect("a directory entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if matches!(name.as_str(), "expected.txt" | ".gitattributes") {
            continue;
        }
        let listed = if entry.path().is_dir() {
            targets.contains(name.as_str())
        } else {
            listed.contains(name.as_str())
        };
        if !listed {
            unlisted.push(name);
        }
    }
    for file in &listed {
        assert!(
            corpus().join(file).exists(),
            "expected.txt lists {file}, which does not exist"
        );
    }
    assert!(
        unlisted.is_empty(),
        "corpus files missing from expected.txt: {unlisted:?}"
    );
    assert!(
        targets.len() >= 35,
        "the corpus should have at least 35 entries, has {}",
        targets.len()
    );
}

#[test]
fn every_code_is_in_the_corpus() {
    let all = expectations();
    let missing: Vec<&str> = CODES
        .iter()
        .copied()
        .filter(|code| !all.iter().any(|e| e.code == *code))
        .collect();
    assert!(missing.is_empty(), "codes with no corpus file: {missing:?}");
    let syntax = all.iter().filter(|e| e.code == "E001").count();
    assert!(
        syntax >= 10,
        "E001 should be covered many times, is {syntax} times"
    );
}

#[test]
fn the_byte_exact_files_keep_their_bytes() {
    let read = |name: &str| fs::read(corpus().join(name)).expect("corpus file is readable");
    for name in ["encoding-bom.yaml", "encoding-bom-syntax.yaml"] {
        assert!(
            read(name).starts_with(b"\xef\xbb\xbf"),
            "{name} lost its byte-order mark"
        );
    }
    for name in ["encoding-crlf.yaml", "encoding-crlf-syntax.yaml"] {
        let bytes = read(name);
        let lf = bytes.iter().filter(|&&b| b == b'\n').count();
        let crlf = bytes.windows(2).filter(|w| w == b"\r\n").count();
        assert!(
            lf > 0 && crlf == lf,
            "{name} must use CRLF line endings only"
        );
    }
    assert!(
        std::str::from_utf8(&read("encoding-latin1.yaml")).is_err(),
        "encoding-latin1.yaml became UTF-8"
    );
    assert!(
        read("encoding-control-byte.yaml").contains(&0x0b),
        "the raw vertical tab was removed"
    );
    assert!(
        read("syntax-tab-indentation.yaml").contains(&b'\t'),
        "the tab was replaced"
    );
}

#[test]
fn the_human_format_underlines_the_place_and_gives_help() {
    // (target, the source line as shown, the part of it underlined, the help line)
    let cases = [
        (
            "unknown-next.yaml",
            "24 |         next: try-rest",
            "try-rest",
            "= help: did you mean 'try-reset'?",
        ),
        (
            "encoding-crlf.yaml",
            "23 |         next: ask-admn",
            "ask-admn",
            "= help: did you mean 'ask-admin'?",
        ),
        (
            "syntax-colon-in-text.yaml",
            "30 |       - en: Note: you need your phone.",
            ":",
            "= help: ",
        ),
        (
            "split-flow",
            "13 |     not_fixed: ask-admn",
            "ask-admn",
            "= help: did you mean 'ask-admin'?",
        ),
    ];
    for (target, source_line, marked, help) in cases {
        let output = run(&["check", target], &corpus());
        let text = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(2), "{target}:\n{text}");
        assert!(
            !text.contains('\r'),
            "{target}: a carriage return reached the output:\n{text}"
        );
        let lines: Vec<&str> = text.lines().collect();
        let shown = lines.iter().position(|l| *l == source_line);
        let shown =
            shown.unwrap_or_else(|| panic!("{target}: no line `{source_line}` in:\n{text}"));
        let underline = lines.get(shown + 1).copied().unwrap_or_default();
        let start = source_line
            .rfind(marked)
            .expect("test setup: the marked part is on the line");
        let carets = underline.matches('^').count();
        assert_eq!(
            (underline.find('^'), carets),
            (Some(start), marked.len()),
            "{target}: `{marked}` is not underlined:\n{text}"
        );
        assert!(
            lines.iter().any(|l| l.trim_start().starts_with(help)),
            "{target}: no `{help}` in:\n{text}"
        );
    }
}

/// A valid flow of about `bytes` bytes: a chain of questions with long texts, each with a
/// way out to `done`. The last question's second `next` names `dnoe`; returns the text and
/// that line (from 1).
fn big_flow(bytes: usize) -> (String, usize) {
    let long = "Check the sign-in page carefully and compare it with the picture in the article. "
        .repeat(12);
    let mut yaml = String::from(
        "id: big\nversion: 1\nreviewed: 2026-11-26\ntitle:\n  en: \"A big flow\"\nstart: q0\nnodes:\n",
    );
    let mut i = 0;
    while yaml.len() < bytes {
        yaml += &format!(
            "  q{i}:\n    kind: question\n    text:\n      en: \"{long}\"\n    choices:\n      - label:\n          en: \"Go on\"\n        next: q{}\n      - label:\n          en: \"Stop here\"\n        next: done\n",
            i + 1
        );
        i += 1;
    }
    yaml += &format!(
        "  q{i}:\n    kind: question\n    text:\n      en: \"{long}\"\n    choices:\n      - label:\n          en: \"Finish\"\n        next: done\n      - label:\n          en: \"Stop here\"\n        next: dnoe\n"
    );
    let typo_line = yaml.lines().count();
    yaml += "  done:\n    kind: solved\n    title:\n      en: \"Done\"\n";
    (yaml, typo_line)
}

#[test]
fn a_ten_megabyte_flow_is_checked_and_the_typo_near_its_end_is_placed() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (yaml, typo_line) = big_flow(10_000_000);
    assert!(yaml.len() >= 10_000_000);
    fs::write(dir.path().join("big.yaml"), &yaml).expect("write the big flow");
    // A review date a century old is still current here, whatever day the test runs.
    let output = run(
        &[
            "check",
            "big.yaml",
            "--format",
            "json",
            "--max-age-days",
            "36500",
        ],
        dir.path(),
    );
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let diagnostics = json_lines(&output);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    assert_eq!(d["code"], "E003");
    assert_eq!(d["file"], "big.yaml");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(typo_line as u64), Some(15))
    );
    assert!(
        d["help"]
            .as_str()
            .unwrap_or_default()
            .contains("did you mean 'done'?"),
        "{d}"
    );
}

#[test]
fn a_flow_over_16_mib_is_refused_before_parsing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (yaml, _) = big_flow(17 * 1024 * 1024);
    fs::write(dir.path().join("huge.yaml"), &yaml).expect("write the huge flow");
    let output = run(&["check", "huge.yaml", "--format", "json"], dir.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(output.stdout.is_empty(), "no diagnostics expected");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let wanted = format!(
        "the flow file huge.yaml is {} bytes; flows larger than 16777216 bytes (16 MiB) are refused",
        yaml.len()
    );
    assert!(stderr.contains(&wanted), "{stderr}");
}

/// Brackets nested far deeper than any flow needs are refused by a linear scan before
/// the YAML reader (which slows down badly on them) sees the file. The deadline only
/// guards against a hang; speed itself is measured in the benchmarks.
#[test]
fn deeply_nested_brackets_are_refused_quickly() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let depth = 20_000;
    let yaml = format!(
        "id: deep\ntitle:\n  en: \"Deep\"\nstart: deep\nnodes:\n  deep:\n    kind: solved\n    title: {}{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    fs::write(dir.path().join("deep.yaml"), &yaml).expect("write the deep flow");
    let started = Instant::now();
    let output = run_for(
        &["check", "deep.yaml", "--format", "json"],
        dir.path(),
        Duration::from_secs(30),
    )
    .unwrap_or_else(|| {
        panic!(
            "checking {depth} nested brackets ({} bytes) did not finish in 30 s",
            yaml.len()
        )
    });
    assert_eq!(
        output.status.code(),
        Some(2),
        "after {:?}",
        started.elapsed()
    );
    let diagnostics = json_lines(&output);
    assert!(
        diagnostics
            .iter()
            .any(|d| d["code"] == "E001" && d["line"] == 8 && d["column"] == 12 + 64),
        "{diagnostics:?}"
    );
}

// ---------------------------------------------------------------- the author's guide

fn guide() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/flow-format.md"))
        .expect("docs/flow-format.md is readable")
}

/// The fenced blocks of `markdown` with this info string, in order.
fn fenced<'a>(markdown: &'a str, info: &str) -> Vec<&'a str> {
    let opening = format!("```{info}\n");
    markdown
        .match_indices(&opening)
        .map(|(at, _)| {
            let body = &markdown[at + opening.len()..];
            &body[..body.find("```").expect("a closing fence")]
        })
        .collect()
}

#[test]
fn the_guide_has_a_section_for_every_code() {
    let guide = guide();
    let missing: Vec<&str> = CODES
        .iter()
        .copied()
        .filter(|code| !guide.contains(&format!("\n### {code} ")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/flow-format.md has no section for {missing:?}"
    );
}

#[test]
fn the_guides_complete_example_is_valid_and_its_picture_is_current() {
    let guide = guide();
    let from_example = &guide[guide
        .find("## A complete example")
        .expect("the example section")..];
    let example = fenced(from_example, "yaml")[0];
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(dir.path().join("password-help.yaml"), example).expect("write the example");
    // The example's review date stays current for a century, whatever day the test runs.
    let checked = run(
        &[
            "check",
            "password-help.yaml",
            "--deny-warnings",
            "--max-age-days",
            "36500",
        ],
        dir.path(),
    );
    assert_eq!(
        checked.status.code(),
        Some(0),
        "the guide's example has problems:\n{}",
        String::from_utf8_lossy(&checked.stdout)
    );
    // "Checking a flow" shows the output for the example with a typo and a missing translation.
    let broken = example
        .replacen("next: try-reset", "next: try-rest", 1)
        .replace("      nl: \"Fijn dat het weer werkt\"\n", "");
    fs::write(dir.path().join("password-help.yaml"), broken).expect("write the broken example");
    let checked = run(
        &["check", "password-help.yaml", "--max-age-days", "36500"],
        dir.path(),
    );
    let from_checking = &guide[guide.find("## Checking a flow").expect("the check section")..];
    let quoted = fenced(from_checking, "text")[0];
    assert!(
        String::from_utf8_lossy(&checked.stdout).contains(quoted),
        "`Checking a flow` quotes:\n{quoted}\nbut check prints:\n{}",
        String::from_utf8_lossy(&checked.stdout)
    );
    fs::write(dir.path().join("password-help.yaml"), example).expect("write the example");
    let graph = run(&["graph", "password-help.yaml"], dir.path());
    let mermaid = fenced(&guide, "mermaid");
    assert_eq!(
        mermaid.first().copied(),
        Some(String::from_utf8_lossy(&graph.stdout).as_ref()),
        "the guide's Mermaid picture is not what `graph` prints for its example"
    );
}

/// Every output the guide quotes for a corpus file is what `check` prints for it today.
#[test]
fn the_guide_quotes_check_output_verbatim() {
    let guide = guide();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut quoted = 0;
    for block in fenced(&guide, "text") {
        let Some(at) = block.find("--> tests/corpus/") else {
            continue;
        };
        let path = block[at + 4..].split([':', '\n']).next().expect("a path");
        let output = run(&["check", path], root);
        let printed = String::from_utf8_lossy(&output.stdout);
        assert!(
            printed.contains(block.trim_end()),
            "docs/flow-format.md quotes for {path}:\n{block}\nbut `signin-doctor check {path}` prints:\n{printed}"
        );
        quoted += 1;
    }
    assert!(
        quoted >= 20,
        "only {quoted} quoted outputs found in the guide"
    );
}
