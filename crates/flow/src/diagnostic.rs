//! Problems found in a flow file, each naming the file, the node and the place.

use std::fmt;

use super::path::YamlPath;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The flow can still be used.
    Warning,
    /// The flow is refused.
    Error,
}

/// A stable code for each kind of problem, so authors can look it up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// The file is not valid YAML, or a field has the wrong type or name.
    Syntax,
    /// `start` names no node.
    UnknownStart,
    /// A `next`, `fixed` or `not_fixed` names no node.
    UnknownTarget,
    /// Two nodes (or two links) share an id.
    DuplicateId,
    /// No path from `start` leads to the node.
    Unreachable,
    /// No ending can be reached from the node.
    NoWayOut,
    /// A question has fewer than two choices.
    TooFewChoices,
    /// A link key is not defined under `links`.
    UnknownLink,
    /// A text has no English.
    MissingEnglish,
    /// A text contains control characters or escape sequences.
    ControlCharacter,
    /// A node lacks a field its kind needs.
    MissingField,
    /// A node has a field its kind does not use.
    UnusedField,
    /// A text lacks a language the flow declares.
    MissingTranslation,
    /// A link is not a usable `https` address.
    BadUrl,
    /// A remedy ending gives neither a link nor a contact.
    EndingWithoutHelp,
    /// A node has a field no node kind has (a typo).
    UnknownField,
    /// Text that looks garbled by a wrong encoding.
    Mojibake,
    /// Two choices of one question lead to the same node.
    SameTarget,
    /// A choice label too long for one line of an 80-column screen.
    LongLabel,
    /// A node nothing refers to.
    Unreferenced,
    /// The flow starts at an ending, so the wizard asks nothing.
    StartIsEnding,
    /// An input node's pattern is not a valid (or is too large a) regular expression.
    BadPattern,
    /// A `reviewed` date is not a real `YYYY-MM-DD` date.
    BadDate,
    /// A node's or link's review date is older than the allowed age, or in the future.
    StaleReview,
    /// The flow gives no review date at all, so nobody can tell how current it is.
    NotReviewed,
}

impl Code {
    /// The code as printed, e.g. `E003`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "E001",
            Code::UnknownStart => "E002",
            Code::UnknownTarget => "E003",
            Code::DuplicateId => "E004",
            Code::Unreachable => "E005",
            Code::NoWayOut => "E006",
            Code::TooFewChoices => "E007",
            Code::UnknownLink => "E008",
            Code::MissingEnglish => "E009",
            Code::ControlCharacter => "E010",
            Code::MissingField => "E011",
            Code::UnusedField => "E012",
            Code::BadUrl => "E013",
            Code::EndingWithoutHelp => "E014",
            Code::UnknownField => "E015",
            Code::BadPattern => "E016",
            Code::BadDate => "E017",
            Code::MissingTranslation => "W001",
            Code::Mojibake => "W002",
            Code::SameTarget => "W003",
            Code::LongLabel => "W004",
            Code::Unreferenced => "W005",
            Code::StartIsEnding => "W006",
            Code::StaleReview => "W007",
            Code::NotReviewed => "W008",
        }
    }

    /// Every warning code, for `allow:` lists.
    pub const WARNINGS: [Code; 5] = [
        Code::MissingTranslation,
        Code::Mojibake,
        Code::SameTarget,
        Code::LongLabel,
        Code::Unreferenced,
    ];

    /// The name an author uses to allow a warning in a node's `allow:` list.
    pub fn allow_name(self) -> Option<&'static str> {
        match self {
            Code::MissingTranslation => Some("missing-translation"),
            Code::Mojibake => Some("mojibake"),
            Code::SameTarget => Some("same-target"),
            Code::LongLabel => Some("long-label"),
            Code::Unreferenced => Some("unreferenced"),
            _ => None,
        }
    }

    /// Whether the problem is best shown at the value (an unknown id, bad text) rather than
    /// at the key (a node, a field).
    pub fn points_at_value(self) -> bool {
        matches!(
            self,
            Code::UnknownStart
                | Code::UnknownTarget
                | Code::UnknownLink
                | Code::ControlCharacter
                | Code::BadUrl
                | Code::SameTarget
                | Code::LongLabel
                | Code::Mojibake
                | Code::StartIsEnding
                | Code::BadPattern
                | Code::BadDate
                | Code::StaleReview
        )
    }

    /// How bad this kind of problem is.
    pub fn severity(self) -> Severity {
        match self {
            Code::MissingTranslation
            | Code::Mojibake
            | Code::SameTarget
            | Code::LongLabel
            | Code::Unreferenced
            | Code::StartIsEnding
            | Code::StaleReview
            | Code::NotReviewed => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// A line and column in the flow file, both counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1.
    pub column: usize,
}

/// The source line a problem is on, with the part to underline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The whole line, without its line break.
    pub line_text: String,
    /// Where the underline starts, in bytes from the start of the line.
    pub start: usize,
    /// Where it ends (exclusive), in bytes.
    pub end: usize,
}

/// One problem in a flow file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What kind of problem.
    pub code: Code,
    /// The file it is in.
    pub file: String,
    /// The node it is in, when it is in one.
    pub node: Option<String>,
    /// Where in the file, when known.
    pub location: Option<Location>,
    /// The key or value the problem is about, when it has one.
    pub path: Option<YamlPath>,
    /// The source line, for showing it underlined.
    pub snippet: Option<Snippet>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// How bad the problem is.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// Whether the flow is refused because of it.
    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}[{}]: {}", self.code.as_str(), self.file)?;
        if let Some(Location { line, column }) = self.location {
            write!(f, ":{line}:{column}")?;
        }
        if let Some(node) = &self.node {
            write!(f, ": node '{node}'")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

impl Diagnostic {
    /// A diagnostic with no node, place or help yet.
    pub(crate) fn new(code: Code, file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            file: file.to_owned(),
            node: None,
            location: None,
            path: None,
            snippet: None,
            message: message.into(),
            help: None,
        }
    }
}

/// Collects diagnostics for one file.
#[derive(Debug)]
pub(crate) struct Diagnostics {
    file: String,
    list: Vec<Diagnostic>,
}

impl Diagnostics {
    pub(crate) fn new(file: &str) -> Self {
        Diagnostics {
            file: file.to_owned(),
            list: Vec::new(),
        }
    }

    /// Records a problem; `node` is `None` for problems at the top of the file.
    pub(crate) fn report(
        &mut self,
        code: Code,
        node: Option<&str>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.list.push(Diagnostic {
            node: node.map(str::to_owned),
            ..Diagnostic::new(code, &self.file, message)
        });
        self.list.last_mut().expect("just pushed")
    }

    /// Drops the warnings that `allowed(node, code)` says the author accepts.
    pub(crate) fn retain_unless(&mut self, allowed: impl Fn(&str, Code) -> bool) {
        self.list.retain(|d| {
            d.is_error() || !d.node.as_deref().is_some_and(|node| allowed(node, d.code))
        });
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.list.iter().any(Diagnostic::is_error)
    }

    pub(crate) fn into_vec(self) -> Vec<Diagnostic> {
        self.list
    }
}

impl Diagnostic {
    /// Says which key or value of the file the problem is about.
    pub(crate) fn at(&mut self, path: YamlPath) -> &mut Self {
        self.path = Some(path);
        self
    }

    /// Adds advice on what to do.
    pub(crate) fn with_help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }
}
