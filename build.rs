//! Links the release `signin-doctor` on Linux as a position-dependent executable
//! (`-no-pie`). A position-independent one has about 18,500 addresses that the dynamic
//! loader fixes up at every start, touching some 80 pages of memory before `main`: 86 of
//! the 197 page faults of `signin-doctor --version`, and about a tenth of the CPU time
//! until the first question is on screen (docs/performance.md, "The lean local binary").
//! Debug builds, tests and `signin-doctor-serve` (which faces the network, where a
//! randomised address keeps its hardening) stay as they are.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let release = std::env::var("PROFILE").is_ok_and(|profile| profile == "release");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    if release && linux {
        println!("cargo:rustc-link-arg-bin=signin-doctor=-no-pie");
    }
}
