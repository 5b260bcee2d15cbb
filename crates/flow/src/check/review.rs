//! Whether the facts are still current: review dates older than the allowed age.

use jiff::civil::Date;

use crate::diagnostic::{Code, Diagnostics};
use crate::path::YamlPath;
use crate::raw::RawFlow;

use super::dates::parse_date;

/// How old a review date may be, and what day it is. The command line uses the real date;
/// tests give a fixed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewPolicy {
    /// The day to measure from.
    pub today: Date,
    /// Review dates older than this many days get a warning.
    pub max_age_days: u32,
}

/// The age after which a review is stale, unless `--max-age-days` says otherwise: a year.
pub const DEFAULT_MAX_AGE_DAYS: u32 = 365;

impl ReviewPolicy {
    /// Measures from today's date on this computer, with the default age of a year.
    pub fn today() -> ReviewPolicy {
        ReviewPolicy {
            today: jiff::Zoned::now().date(),
            max_age_days: DEFAULT_MAX_AGE_DAYS,
        }
    }

    /// What is wrong with a review on `date`, if anything.
    fn problem(&self, date: Date) -> Option<String> {
        let age = (self.today - date).get_days();
        if age > i32::try_from(self.max_age_days).unwrap_or(i32::MAX) {
            // No exact age: the message stays the same from day to day.
            Some(format!(
                "last reviewed on {date}, more than {} days ago",
                self.max_age_days
            ))
        } else if age < 0 {
            Some(format!("reviewed on {date}, which is in the future"))
        } else {
            None
        }
    }
}

/// Warns about every node whose effective review date (its own, else the flow's) is stale,
/// every link whose own date is, and a flow with no review date anywhere. Malformed dates
/// were reported already and are skipped here.
pub(super) fn check_reviews(raw: &RawFlow, policy: &ReviewPolicy, out: &mut Diagnostics) {
    let flow_date = raw.reviewed.as_deref().and_then(parse_date);
    let any_date = raw.reviewed.is_some()
        || raw.nodes.iter().any(|(_, node)| node.reviewed.is_some())
        || raw.links.iter().any(|(_, link)| link.reviewed.is_some());
    if !any_date {
        out.report(
            Code::NotReviewed,
            None,
            "the flow gives no review date, so nobody can tell how current its advice is",
        )
        .at(YamlPath::root())
        .with_help("check the facts against their sources, then add `reviewed: YYYY-MM-DD` at the top of the flow");
        return;
    }
    let mut flow_reported = false;
    for (key, node) in &raw.nodes {
        let own = node.reviewed.as_deref().and_then(parse_date);
        let Some(problem) = own.or(flow_date).and_then(|date| policy.problem(date)) else {
            continue;
        };
        if own.is_some() {
            out.report(
                Code::StaleReview,
                Some(key),
                format!("its facts were {problem}"),
            )
            .at(YamlPath::node(key).key("reviewed"))
            .with_help("check its facts against its sources, then update `reviewed:`");
        } else if !flow_reported {
            // One warning at the flow's date covers every node that relies on it.
            flow_reported = true;
            let relying = raw
                .nodes
                .iter()
                .filter(|(_, node)| node.reviewed.is_none())
                .count();
            out.report(
                Code::StaleReview,
                None,
                format!("the flow's facts were {problem}; {relying} nodes have no newer date of their own"),
            )
            .at(YamlPath::root().key("reviewed"))
            .with_help("check the facts against their sources, then update `reviewed:` (or give re-checked nodes their own date)");
        }
    }
    for (key, link) in &raw.links {
        let own = link.reviewed.as_deref().and_then(parse_date);
        if let Some(problem) = own.and_then(|date| policy.problem(date)) {
            out.report(
                Code::StaleReview,
                None,
                format!("the link '{key}' was {problem}"),
            )
            .at(YamlPath::root().key("links").key(key).key("reviewed"))
            .with_help("open the page, check that it still says what the flow relies on, then update `reviewed:`");
        }
    }
}
