//! Problems found in a flow file, each naming the file, the node and the place.

use std::fmt;

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
    /// A link is not a usable web address.
    BadUrl,
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
            Code::MissingTranslation => "W001",
        }
    }

    /// How bad this kind of problem is.
    pub fn severity(self) -> Severity {
        match self {
            Code::MissingTranslation => Severity::Warning,
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
            code,
            file: self.file.clone(),
            node: node.map(str::to_owned),
            location: None,
            message: message.into(),
            help: None,
        });
        self.list.last_mut().expect("just pushed")
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.list.iter().any(Diagnostic::is_error)
    }

    pub(crate) fn into_vec(self) -> Vec<Diagnostic> {
        self.list
    }
}

impl Diagnostic {
    /// Adds advice on what to do.
    pub(crate) fn with_help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }
}
