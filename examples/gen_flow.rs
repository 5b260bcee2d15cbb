//! Writes a generated flow to stdout: `cargo run --example gen_flow -- NODES [SEED]`.

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let nodes: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .expect("usage: gen_flow NODES [SEED]");
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let yaml = signin_doctor_core::generate::flow_yaml(nodes, seed);
    std::io::stdout()
        .write_all(yaml.as_bytes())
        .expect("write the flow");
}
