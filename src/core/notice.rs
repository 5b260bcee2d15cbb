//! A message for the user from the core, shown by each front end in its own way: a line
//! in plain mode (problems on stderr), a status line in the full-screen wizard.

/// A message for the user from the record keeping or the start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// What to show, in the interface language (problems in English, like other errors).
    pub text: String,
    /// Whether it tells of a problem (show it as one: on stderr in line mode).
    pub error: bool,
}

impl Notice {
    /// Information: something was done as asked.
    pub fn info(text: String) -> Notice {
        Notice { text, error: false }
    }

    /// A problem, or something the user should look at.
    pub fn error(text: String) -> Notice {
        Notice { text, error: true }
    }
}
