//! Compiles the built-in flow's YAML at build time into MessagePack, the form the wizard
//! reads at start-up: the same data, with every text already in the one-string form the
//! program keeps it in (`src/encoded.rs`, shared with this script), so a start neither
//! scans YAML or JSON nor encodes a text. The YAML stays the source (and what `check`
//! reads, for positions); anything this script cannot compile leaves the copy empty, so
//! the program falls back to the YAML and reports the problem properly.

use std::path::Path;

use anyhow::Context;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_yaml::{Mapping, Value};

#[path = "src/encoded.rs"]
mod encoded;

fn main() -> anyhow::Result<()> {
    let source = "../../flows/partner-center-signin.yaml";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=src/encoded.rs");
    let yaml = std::fs::read_to_string(source)
        .with_context(|| format!("cannot read the built-in flow {source}"))?;
    let compiled = serde_yaml::from_str::<Value>(&yaml)
        .map_err(anyhow::Error::from)
        .and_then(|flow| Ok(rmp_serde::to_vec(&Compiled(&flow))?));
    let bytes = compiled.unwrap_or_else(|error| {
        println!(
            "cargo:warning=the built-in flow could not be compiled ({error}); it will be read as YAML at start-up"
        );
        Vec::new()
    });
    let out = std::env::var("OUT_DIR").context("OUT_DIR is not set: run this through cargo")?;
    let target = Path::new(&out).join("built_in.msgpack");
    std::fs::write(&target, bytes)
        .with_context(|| format!("cannot write the compiled copy {}", target.display()))?;
    Ok(())
}

/// A YAML value written as MessagePack, with each text (a mapping of language codes to
/// strings, English among them) written as the bytes of its encoded form.
struct Compiled<'a>(&'a Value);

impl Serialize for Compiled<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Mapping(mapping) => match encoded_text(mapping) {
                Some(text) => serializer.serialize_bytes(text.as_bytes()),
                None => {
                    let mut map = serializer.serialize_map(Some(mapping.len()))?;
                    for (key, value) in mapping {
                        map.serialize_entry(&Compiled(key), &Compiled(value))?;
                    }
                    map.end()
                }
            },
            Value::Sequence(items) => serializer.collect_seq(items.iter().map(Compiled)),
            other => other.serialize(serializer),
        }
    }
}

/// The encoded form of `mapping` if it is a text: every key a language code, every value
/// a string, and English there. Anything else that looked like one would fail to read as
/// the field it is and send the program to the YAML, so a wrong guess costs only speed.
fn encoded_text(mapping: &Mapping) -> Option<Box<str>> {
    let mut pairs = mapping
        .iter()
        .map(|(code, text)| match (code, text) {
            (Value::String(code), Value::String(text)) if is_language_code(code) => {
                Some((code.as_str(), text.as_str()))
            }
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    if !pairs.iter().any(|(code, _)| *code == "en") {
        return None;
    }
    pairs.sort_unstable_by_key(|(code, _)| *code);
    Some(encoded::encode(&pairs))
}

/// `en`, `nl`, `pt-BR`: two or three lower-case letters, then optional `-` parts.
fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}
