//! `stats` over a 300,000-line outcome log, streamed: the time per run, and — checked on
//! every run — the peak heap memory, which must stay under a bound that does not grow with
//! the log (the log itself is 70 MB). Run with `cargo bench --bench stats`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::io::BufReader;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jiff::Timestamp;
use signin_doctor_core::outcome_log::OutcomeRecord;
use signin_doctor_core::stats::compute;

/// Counts the bytes on the heap, and the most there were since the last reset.
struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const LINES: usize = 300_000;
/// Heap growth allowed while computing: a line buffer, the read buffer and the tallies.
const MEMORY_BOUND: usize = 4 * 1024 * 1024;

/// A realistic log: sessions over a handful of endings and nodes, one in ten abandoned,
/// durations spread over an hour.
fn write_log(path: &std::path::Path) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let started = Timestamp::from_second(1_741_944_600).unwrap();
    for n in 0..LINES {
        let abandoned = n % 10 == 0;
        let duration = (n * 7919 % 3600) as i64;
        let ending = ["solved", "ask-global-admin-password", "contact-support"][n % 3];
        let record = OutcomeRecord {
            flow: "partner-center-signin".into(),
            version: 1,
            language: "en".into(),
            started,
            ended: started + jiff::SignedDuration::from_secs(duration),
            duration_seconds: duration,
            outcome: (!abandoned).then(|| ending.into()),
            kind: (!abandoned).then(|| "contact".into()),
            solved: !abandoned && ending == "solved",
            abandoned,
            last_node: if abandoned { "sspr-enabled" } else { ending }.into(),
            answers: 3,
            jumps: 0,
            notes: 1,
            front_end: None,
        };
        out.write_all(record.to_line().as_bytes()).unwrap();
    }
}

fn stats_log(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("outcomes.jsonl");
    write_log(&log);
    let size = std::fs::metadata(&log).unwrap().len();
    let mut group = c.benchmark_group("stats");
    group.throughput(Throughput::Bytes(size));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("300k_lines", |b| {
        b.iter(|| {
            let before = NOW.load(Ordering::Relaxed);
            PEAK.store(before, Ordering::Relaxed);
            let file = std::fs::File::open(&log).unwrap();
            let stats = compute(BufReader::new(file), None).unwrap();
            let grown = PEAK.load(Ordering::Relaxed) - before;
            assert_eq!(stats.sessions, LINES);
            assert!(
                grown < MEMORY_BOUND,
                "stats used {grown} bytes of heap for a {size}-byte log (bound {MEMORY_BOUND})"
            );
            black_box(stats)
        })
    });
    group.finish();
}

criterion_group!(benches, stats_log);
criterion_main!(benches);
