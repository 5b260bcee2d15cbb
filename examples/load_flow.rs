//! Loads and checks one flow file, as a whole process, and prints how long it took:
//! `cargo run --release --example load_flow -- FILE [MODE]`. Run it under
//! `/usr/bin/time -v` for the process's peak memory (see docs/performance.md).
//!
//! MODE is `load` (default: read, then `load_bytes`: parse, check, build), or one phase
//! alone, to see where time and memory go: `parse` (YAML into the raw flow types),
//! `check` (parse untimed, then the checker alone), `events` (only the YAML parser's events,
//! with saphyr-parser, as a floor for any YAML reading).
//!
//! The file is read with `std::fs::read`, not `load_path`, so flows over the 16 MiB file
//! limit (e.g. 100,000 nodes) can be measured too.

use std::time::Instant;

use signin_doctor::flow::{check, load_bytes, parse};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: load_flow FILE [load|parse|check|events]");
    let mode = args.next().unwrap_or_else(|| "load".to_owned());
    let bytes = std::fs::read(&path).expect("read the flow file");
    let text = std::str::from_utf8(&bytes).expect("the flow file is UTF-8");
    let start = Instant::now();
    let what = match mode.as_str() {
        "load" => match load_bytes(&bytes, &path) {
            Ok(checked) => format!(
                "{} nodes, {} warnings",
                checked.flow.nodes().len(),
                checked.warnings.len()
            ),
            Err(error) => {
                eprintln!("{error}");
                std::process::exit(2);
            }
        },
        "parse" => {
            let raw = parse(text, &path).expect("the flow parses");
            format!("{} raw nodes", raw.nodes.len())
        }
        "check" => {
            let raw = parse(text, &path).expect("the flow parses");
            let start = Instant::now();
            let checked = check(&raw, &path).expect("the flow is valid");
            let took = start.elapsed();
            println!(
                "{path}: check alone {:.1} ms ({} nodes)",
                took.as_secs_f64() * 1e3,
                checked.flow.nodes().len()
            );
            return;
        }
        "events" => {
            let mut events = 0;
            for event in saphyr_parser::Parser::new_from_str(text) {
                event.expect("valid YAML");
                events += 1;
            }
            format!("{events} YAML events")
        }
        other => panic!("unknown mode {other}"),
    };
    println!(
        "{path}: {} bytes, {what}; {mode} {:.1} ms",
        bytes.len(),
        start.elapsed().as_secs_f64() * 1e3
    );
}
