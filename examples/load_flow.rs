//! Loads and checks one flow file, as a whole process, and prints how long it took:
//! `cargo run --release --example load_flow -- FILE [MODE]`. Run it under
//! `/usr/bin/time -v` for the process's peak memory (see docs/performance.md).
//!
//! With `--heap` after the mode, it also prints how much heap the program holds at the end
//! and at most (counting costs time, so leave it off for timings).
//!
//! MODE is `load` (default: read, then `load_bytes`: parse, check, build), or one phase
//! alone, to see where time and memory go: `parse` (YAML into the raw flow types),
//! `check` (parse untimed, then the checker alone), `index` (the position index alone, read
//! from the same events), `events` (only the YAML parser's events, with saphyr-parser, as a
//! floor for any YAML reading).
//!
//! The file is read with `std::fs::read`, not `load_path`, so flows over the 16 MiB file
//! limit (e.g. 100,000 nodes) can be measured too.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

/// With `--heap`: counts the bytes the program holds on the heap, and the most it ever
/// held, so the output can say how much of the process's memory is the flow's. Off by
/// default, as counting costs time.
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTING.load(Ordering::Relaxed) {
            let held = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(held, Ordering::Relaxed);
        }
        // SAFETY: passed on unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if COUNTING.load(Ordering::Relaxed) {
            HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        // SAFETY: passed on unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

use signin_doctor_core::flow::{check, load_bytes, parse};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: load_flow FILE [load|parse|check|index|events] [--heap]");
    let mode = args.next().unwrap_or_else(|| "load".to_owned());
    let heap = args.next().as_deref() == Some("--heap");
    // Counting starts before the file is read, so a freed block is never one it missed.
    COUNTING.store(heap, Ordering::Relaxed);
    let bytes = std::fs::read(&path).expect("read the flow file");
    let text = std::str::from_utf8(&bytes).expect("the flow file is UTF-8");
    let start = Instant::now();
    // What was read stays alive until the figures are printed.
    let mut keep: Vec<Box<dyn std::any::Any>> = Vec::new();
    let what = match mode.as_str() {
        "load" => match load_bytes(&bytes, &path) {
            Ok(checked) => {
                let what = format!(
                    "{} nodes, {} warnings",
                    checked.flow.nodes().len(),
                    checked.warnings.len()
                );
                keep.push(Box::new(checked));
                what
            }
            Err(error) => {
                eprintln!("{error}");
                std::process::exit(2);
            }
        },
        "parse" => {
            let raw = parse(text, &path).expect("the flow parses");
            let what = format!("{} raw nodes", raw.nodes.len());
            keep.push(Box::new(raw));
            what
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
        "index" => {
            let index = signin_doctor_core::flow::PositionIndex::build(text);
            let what = format!("{} places indexed", index.len());
            keep.push(Box::new(index));
            what
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
    let heap = if heap {
        format!(
            "; heap {:.1} MiB at the end, {:.1} MiB at most",
            mib(HELD.load(Ordering::Relaxed)),
            mib(PEAK.load(Ordering::Relaxed))
        )
    } else {
        String::new()
    };
    println!(
        "{path}: {} bytes, {what}; {mode} {:.1} ms{heap}",
        bytes.len(),
        start.elapsed().as_secs_f64() * 1e3,
    );
    drop(keep);
}
