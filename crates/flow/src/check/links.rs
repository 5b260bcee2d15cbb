//! Link rules: every address is a full `https` address.

use crate::diagnostic::{Code, Diagnostics};
use crate::path::YamlPath;

/// Refuses link addresses that are not absolute `https` addresses.
pub(super) fn check_url(key: &str, url: &str, out: &mut Diagnostics) {
    let at = || YamlPath::root().key("links").key(key).key("url");
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    let has_host = url
        .strip_prefix("https://")
        .is_some_and(|rest| !rest.is_empty());
    if url.starts_with("http://") && clean {
        out.report(
            Code::BadUrl,
            None,
            format!("link '{key}' is not https: {url}"),
        )
        .at(at())
        .with_help("use the https:// address of the page; plain http is refused");
    } else if !clean || !has_host {
        out.report(
            Code::BadUrl,
            None,
            format!(
                "link '{key}' has an unusable address '{}'",
                url.escape_debug()
            ),
        )
        .at(at())
        .with_help("write a full address starting with https://, without spaces");
    }
}
