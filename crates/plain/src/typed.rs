//! A line read while plain mode asks about a typed answer (see
//! [`crate::core::typed_answer`]).

use super::reply::Reply;
use crate::core::typed_answer::{Confirm, takes_suggestion};

/// What `line` answers to "Did you mean …?": an empty line or a yes word takes the code
/// (the same as Enter in the full-screen wizard), a no word declines it — before any
/// command, so `n` is "no" here even in agent mode. `None` when nothing is asked, after
/// "nothing typed", or for any other line: that line is read as usual, a new answer.
pub(super) fn reply_to(asking: Option<&Confirm>, line: &str) -> Option<Reply> {
    let Some(Confirm::Suggest { .. }) = asking else {
        return None;
    };
    takes_suggestion(line).map(|takes| {
        if takes {
            Reply::Typed(String::new())
        } else {
            Reply::Decline
        }
    })
}
