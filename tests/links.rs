//! Every address in `flows/` (link definitions, and any address written in a text or a
//! comment) is an https address on a host Microsoft runs for documentation, support or
//! sign-in, and none is one of the addresses the 2021 content used that are dead or moved.

use std::collections::BTreeMap;
use std::path::PathBuf;

/// Hosts the built-in content may send a user to.
const ALLOWED_HOSTS: &[&str] = &[
    "learn.microsoft.com",
    "support.microsoft.com",
    "partner.microsoft.com",
    "login.microsoftonline.com",
];

/// Addresses of the 2021 content: moved (the N1-N4, R2, R3 and P3 pages), never existed
/// (the reset page without its `partner-center/account-settings/` folder, and the 2021
/// file name with its typo), or a route Microsoft dropped (the partner-network portal).
const DEAD: &[&str] = &[
    "https://learn.microsoft.com/partner-center/verification-responses",
    "https://learn.microsoft.com/partner-center/reset-my-password",
    "https://learn.microsoft.com/partner-center/reset-a-user-password",
    "https://learn.microsoft.com/partner-center/unable-to-sign-in",
    "https://learn.microsoft.com/partner-center/permissions-overview",
    "https://learn.microsoft.com/azure/marketplace/partner-center-portal/manage-account",
    "https://learn.microsoft.com/azure/active-directory/user-help/active-directory-passwords-update-your-own-password",
    "https://partner.microsoft.com/commercial",
];

/// Fragments that mark a dead address wherever they appear.
const DEAD_FRAGMENTS: &[&str] = &["reset-my-pasword", "partner.microsoft.com/commercial#"];

fn flow_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("flows");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("flows/ is readable")
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "yaml" || ext == "yml")
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no flow files in {}", dir.display());
    files
}

/// Every `http://` or `https://` address written anywhere in `text`.
fn addresses(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (start, _) in text.match_indices("http") {
        let rest = &text[start..];
        if !(rest.starts_with("https://") || rest.starts_with("http://")) {
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '"' || c == '\'' || c == ')')
            .unwrap_or(rest.len());
        found.push(rest[..end].trim_end_matches([',', '.']).to_string());
    }
    found
}

/// The `links:` of one flow file: key to address.
fn defined_links(text: &str) -> BTreeMap<String, String> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).expect("the flow is YAML");
    let mut links = BTreeMap::new();
    if let Some(map) = value.get("links").and_then(|links| links.as_mapping()) {
        for (key, link) in map {
            let key = key.as_str().expect("a link key is text").to_string();
            let url = link
                .get("url")
                .and_then(|url| url.as_str())
                .unwrap_or_else(|| panic!("link {key} has no url"))
                .to_string();
            links.insert(key, url);
        }
    }
    links
}

fn check_address(file: &str, address: &str) {
    let rest = address
        .strip_prefix("https://")
        .unwrap_or_else(|| panic!("{file}: {address} is not an https address"));
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    assert!(
        ALLOWED_HOSTS.contains(&host),
        "{file}: {address} is on {host}, which is not one of {ALLOWED_HOSTS:?}"
    );
    let without_fragment = address.split(['#', '?']).next().unwrap_or(address);
    for dead in DEAD {
        assert!(
            without_fragment.trim_end_matches('/') != *dead,
            "{file}: {address} is a dead 2021 address"
        );
    }
    for fragment in DEAD_FRAGMENTS {
        assert!(
            !address.contains(fragment),
            "{file}: {address} contains the dead 2021 address part {fragment}"
        );
    }
}

#[test]
fn every_link_in_the_flows_is_https_on_an_allowed_host_and_not_a_dead_2021_address() {
    let mut defined = 0;
    for path in flow_files() {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(&path).expect("a readable flow file");
        let links = defined_links(&text);
        defined += links.len();
        for url in links.values() {
            check_address(&file, url);
        }
        let written = addresses(&text);
        assert!(
            written.len() >= links.len(),
            "{file}: addresses were missed"
        );
        for address in written {
            check_address(&file, &address);
        }
    }
    assert!(
        defined >= 14,
        "the flows define {defined} links; the current content has at least L1-L14"
    );
}

#[test]
fn the_check_itself_rejects_each_dead_address_and_a_foreign_host() {
    for dead in DEAD {
        let outcome = std::panic::catch_unwind(|| check_address("test", dead));
        assert!(outcome.is_err(), "{dead} was accepted");
    }
    for bad in [
        "https://learn.microsoft.com/partner-center/reset-my-pasword",
        "http://learn.microsoft.com/partner-center/account-settings/reset-my-password",
        "https://example.com/partner-center",
        "https://partner.microsoft.com/commercial#/",
    ] {
        let outcome = std::panic::catch_unwind(|| check_address("test", bad));
        assert!(outcome.is_err(), "{bad} was accepted");
    }
    check_address(
        "test",
        "https://learn.microsoft.com/partner-center/account-settings/reset-my-password",
    );
}
