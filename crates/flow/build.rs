//! Turns the built-in flow's YAML into JSON at build time: the same data, read about ten
//! times faster at start-up, which is most of the time to the first frame. The YAML stays
//! the source (and what `check` reads, for positions); a YAML error here only leaves the
//! JSON empty, so the program falls back to the YAML and reports the error properly.

use std::path::Path;

use anyhow::Context;

fn main() -> anyhow::Result<()> {
    let source = "../../flows/partner-center-signin.yaml";
    println!("cargo:rerun-if-changed={source}");
    let yaml = std::fs::read_to_string(source)
        .with_context(|| format!("cannot read the built-in flow {source}"))?;
    let mut json = Vec::new();
    let transcoded = serde_transcode::transcode(
        serde_yaml::Deserializer::from_str(&yaml),
        &mut serde_json::Serializer::new(&mut json),
    );
    if let Err(error) = transcoded {
        println!(
            "cargo:warning=the built-in flow is not valid YAML ({error}); it will be read as YAML at start-up"
        );
        json.clear();
    }
    let out = std::env::var("OUT_DIR").context("OUT_DIR is not set: run this through cargo")?;
    let target = Path::new(&out).join("built_in.json");
    std::fs::write(&target, json)
        .with_context(|| format!("cannot write the JSON copy {}", target.display()))?;
    Ok(())
}
