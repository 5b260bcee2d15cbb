//! In-process benchmarks with targets (see docs/performance.md): loading and checking
//! flows, one answer and back on the session, drawing each screen kind, and a keypress
//! handled and redrawn. Run with `cargo bench --bench wizard`.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use signin_doctor_core::flow::{EndingKind, Flow, NodeKind, check, load_built_in, load_str, parse};
use signin_doctor_core::generate::{flow_yaml, session_at};
use signin_doctor_core::lang::Lang;
use signin_doctor_core::session::Session;
use signin_doctor_tui::{Action, App, Options, update, view};

/// Whether a node is of the kind a screen shows.
type IsKind = fn(&NodeKind) -> bool;

/// The screen kinds, and how to recognise a node of each kind.
const KINDS: [(&str, IsKind); 5] = [
    ("question", |k| matches!(k, NodeKind::Question(_))),
    ("step", |k| matches!(k, NodeKind::Step(_))),
    (
        "remedy",
        |k| matches!(k, NodeKind::Ending(e) if e.kind == EndingKind::Remedy),
    ),
    (
        "contact",
        |k| matches!(k, NodeKind::Ending(e) if e.kind == EndingKind::Contact),
    ),
    (
        "solved",
        |k| matches!(k, NodeKind::Ending(e) if e.kind == EndingKind::Solved),
    ),
];

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

fn load_check(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_check");
    group.bench_function("built_in", |b| {
        b.iter(|| load_built_in().expect("the built-in flow is valid"))
    });
    for nodes in [100, 1_000, 10_000] {
        let yaml = flow_yaml(nodes, 1);
        if nodes >= 10_000 {
            group.sample_size(10);
        }
        group.throughput(Throughput::Elements(nodes as u64));
        group.bench_with_input(BenchmarkId::new("generated", nodes), &yaml, |b, yaml| {
            b.iter(|| {
                load_str(black_box(yaml), "generated.yaml").expect("generated flows are valid")
            })
        });
    }
    group.finish();

    // The two halves of a load, to see where the time goes: YAML into the raw types, and
    // the checker (which also builds the flow).
    let mut group = c.benchmark_group("load_phases");
    group.sample_size(10);
    for nodes in [1_000, 10_000] {
        let yaml = flow_yaml(nodes, 1);
        group.bench_with_input(BenchmarkId::new("parse", nodes), &yaml, |b, yaml| {
            b.iter(|| parse(black_box(yaml), "generated.yaml").expect("it parses"))
        });
        // The reader flows were read with before the streaming one, for the ratio.
        group.bench_with_input(
            BenchmarkId::new("parse_serde_yaml", nodes),
            &yaml,
            |b, yaml| {
                b.iter(|| {
                    serde_yaml::from_str::<signin_doctor_core::flow::RawFlow>(black_box(yaml))
                        .expect("it parses")
                })
            },
        );
        group.bench_with_input(BenchmarkId::new("index", nodes), &yaml, |b, yaml| {
            b.iter(|| signin_doctor_core::flow::PositionIndex::build(black_box(yaml)))
        });
        let raw = parse(&yaml, "generated.yaml").expect("it parses");
        group.bench_with_input(BenchmarkId::new("check", nodes), &raw, |b, raw| {
            b.iter(|| check(black_box(raw), "generated.yaml").expect("it is valid"))
        });
        // Refusing a flow full of typos (every `next: ask-…` misspelt) must stay linear too.
        let typos =
            parse(&yaml.replace("next: ask-", "next: asx-"), "typos.yaml").expect("it parses");
        group.bench_with_input(BenchmarkId::new("check_typos", nodes), &typos, |b, raw| {
            b.iter(|| check(black_box(raw), "typos.yaml").expect_err("it is refused"))
        });
    }
    group.finish();
}

fn session(c: &mut Criterion) {
    let flow = load_built_in().unwrap().flow.shared();
    let mut session = Session::new(flow);
    c.bench_function("session/choose_back", |b| {
        b.iter(|| {
            session.choose(black_box(0)).unwrap();
            assert!(session.back());
        })
    });
}

/// An app on the first node of each kind of a generated 1,000-node flow, at `size`.
fn apps(flow: &Arc<Flow>, (w, h): (u16, u16)) -> Vec<(&'static str, App)> {
    KINDS
        .iter()
        .map(|(name, is)| {
            let session = session_at(Arc::clone(flow), |node| is(&node.kind))
                .expect("the generated flow has every kind of node");
            let mut app = App::new(session, Lang::En, &Options::default());
            update(&mut app, Action::Resize(w, h));
            (*name, app)
        })
        .collect()
}

fn frames(c: &mut Criterion) {
    let flow = load_str(&flow_yaml(1_000, 1), "generated.yaml")
        .unwrap()
        .flow
        .shared();
    let mut group = c.benchmark_group("frame");
    for size in SIZES {
        let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
        for (name, app) in apps(&flow, size) {
            let id = BenchmarkId::new(name, format!("{}x{}", size.0, size.1));
            group.bench_function(id, |b| {
                b.iter(|| {
                    terminal.draw(|frame| view(frame, &app)).unwrap();
                })
            });
        }
    }
    group.finish();

    let mut group = c.benchmark_group("keypress");
    let built_in = load_built_in().unwrap().flow.shared();
    for size in SIZES {
        let label = format!("{}x{}", size.0, size.1);
        let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
        let mut app = App::new(
            Session::new(Arc::clone(&built_in)),
            Lang::En,
            &Options::default(),
        );
        update(&mut app, Action::Resize(size.0, size.1));
        // Down then Up: the selection moves and the whole frame is drawn again each time.
        let mut down = true;
        group.bench_function(BenchmarkId::new("move_redraw", &label), |b| {
            b.iter(|| {
                update(&mut app, if down { Action::Down } else { Action::Up });
                down = !down;
                terminal.draw(|frame| view(frame, &app)).unwrap();
            })
        });
        // A digit picks an answer (a new page), then Backspace goes back; two keypresses,
        // each handled and drawn.
        group.bench_function(BenchmarkId::new("pick_back_redraw_x2", &label), |b| {
            b.iter(|| {
                update(&mut app, Action::Pick(0));
                terminal.draw(|frame| view(frame, &app)).unwrap();
                update(&mut app, Action::Back);
                terminal.draw(|frame| view(frame, &app)).unwrap();
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = load_check, session, frames
}
criterion_main!(benches);
