//! Loads and checks one flow file, as a whole process, and prints how long it took:
//! `cargo run --release --example load_flow -- FILE`. Run it under `/usr/bin/time -v` for
//! the process's peak memory (see docs/performance.md).
//!
//! The file is read with `std::fs::read` and loaded with `load_bytes`, so flows over the
//! 16 MiB file limit (e.g. 100,000 nodes) can be measured too; `load_path` would refuse them.

use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: load_flow FILE");
    let start = Instant::now();
    let bytes = std::fs::read(&path).expect("read the flow file");
    let read = start.elapsed();
    let checked = match signin_doctor::flow::load_bytes(&bytes, &path) {
        Ok(checked) => checked,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(2);
        }
    };
    let total = start.elapsed();
    println!(
        "{path}: {} bytes, {} nodes, {} warnings; read {:.1} ms, read+load+check {:.1} ms",
        bytes.len(),
        checked.flow.nodes().len(),
        checked.warnings.len(),
        read.as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3
    );
}
