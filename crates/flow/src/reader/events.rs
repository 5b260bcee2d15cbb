//! The YAML parser's events, one at a time, with aliases expanded and the limits that keep
//! hostile files harmless enforced as the events go by.
//!
//! Nothing is buffered but the events of anchored nodes (`&name`), which an alias (`*name`)
//! replays; the parser's own events are never collected.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, Span, StrInput};

use super::error::{ReadError, ReadErrorKind};

/// Collections opened with a bracket (`[`, `{`) nested deeper than this are refused: a real
/// flow needs a handful.
pub const MAX_FLOW_NESTING: usize = 64;

/// Collections of any style nested deeper than this are refused.
pub const MAX_NESTING: usize = 128;

/// Aliases may replay at most this many events more than the file itself has so far, so a
/// "billion laughs" file is refused long before it costs time or memory.
pub const MAX_REPLAYED_EXTRA: usize = 10_000;

/// An event the reader is working on, and where it is.
pub(crate) type Spanned<'de> = (Event<'de>, Span);

/// A stretch of the recorded events being replayed for an alias.
struct Replay {
    next: usize,
    end: usize,
    /// Where the alias is, given to the first replayed event.
    alias: Option<Span>,
}

/// The event stream of one YAML text.
pub(crate) struct Events<'de> {
    parser: Parser<'de, StrInput<'de>>,
    peeked: Option<Spanned<'de>>,
    /// Events of anchored nodes, in file order.
    recorded: Vec<Spanned<'de>>,
    /// For each anchor id, the recorded events of its node (`end` is `usize::MAX` while open).
    anchors: HashMap<usize, (usize, usize)>,
    /// Anchored collections still open, with the nesting they were opened at.
    open_anchors: Vec<(usize, usize)>,
    replays: Vec<Replay>,
    /// For each open collection of the parser, whether it was opened with a bracket.
    open: Vec<bool>,
    bracketed: usize,
    parsed: usize,
    replayed: usize,
}

impl<'de> Events<'de> {
    /// The events of `text`.
    pub fn new(text: &'de str) -> Events<'de> {
        Events {
            parser: Parser::new_from_str(text),
            peeked: None,
            recorded: Vec::new(),
            anchors: HashMap::new(),
            open_anchors: Vec::new(),
            replays: Vec::new(),
            open: Vec::new(),
            bracketed: 0,
            parsed: 0,
            replayed: 0,
        }
    }

    /// The next event, without taking it.
    pub fn peek(&mut self) -> Result<&Spanned<'de>, ReadError> {
        if self.peeked.is_none() {
            let event = self.fetch()?;
            self.peeked = Some(event);
        }
        Ok(self.peeked.as_ref().expect("just filled"))
    }

    /// Takes the next event.
    pub fn next(&mut self) -> Result<Spanned<'de>, ReadError> {
        match self.peeked.take() {
            Some(event) => Ok(event),
            None => self.fetch(),
        }
    }

    /// The next event of the document, with aliases replaced by what they stand for.
    fn fetch(&mut self) -> Result<Spanned<'de>, ReadError> {
        loop {
            if let Some(replay) = self.replays.last_mut() {
                if replay.next == replay.end {
                    self.replays.pop();
                    continue;
                }
                let (event, mut span) = self.recorded[replay.next].clone();
                replay.next += 1;
                if let Some(alias) = replay.alias.take() {
                    span = alias;
                }
                self.replayed += 1;
                if self.replayed > self.parsed + MAX_REPLAYED_EXTRA {
                    return Err(at(
                        span,
                        "aliases repeat too much of the file (an alias \"bomb\")",
                    ));
                }
                if let Event::Alias(id) = event {
                    self.replay(id, span)?;
                    continue;
                }
                return Ok((event, span));
            }
            let (event, span) = self.parsed_event()?;
            self.track(&event, span)?;
            self.record(&event, span);
            if let Event::Alias(id) = event {
                self.replay(id, span)?;
                continue;
            }
            return Ok((event, span));
        }
    }

    fn parsed_event(&mut self) -> Result<Spanned<'de>, ReadError> {
        match self.parser.next_event() {
            Some(Ok(event)) => {
                self.parsed += 1;
                Ok(event)
            }
            // The scanner's own limit on open brackets (255), met before the parser has
            // given the events that break ours; the place is found from the text.
            Some(Err(error)) if error.info() == "recursion limit exceeded" => {
                Err(brackets_too_deep(None))
            }
            Some(Err(error)) => {
                let mark = error.marker();
                Err(ReadError::syntax(error.info(), mark.line(), mark.col()))
            }
            None => Err(ReadError::new("the file ends in the middle of a value")),
        }
    }

    /// Enforces the nesting limits on an event straight from the parser.
    fn track(&mut self, event: &Event<'de>, span: Span) -> Result<(), ReadError> {
        match event {
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                // A block collection's event is empty unless it has an anchor or tag; one
                // opened with a bracket covers the bracket.
                let bracket = span.end.index() > span.start.index();
                self.open.push(bracket);
                self.bracketed += usize::from(bracket);
                if self.bracketed > MAX_FLOW_NESTING {
                    return Err(brackets_too_deep(Some(span)));
                }
                if self.open.len() > MAX_NESTING {
                    return Err(at(
                        span,
                        format!("the YAML is nested more than {MAX_NESTING} levels deep"),
                    ));
                }
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let bracket = self.open.pop().unwrap_or_default();
                self.bracketed -= usize::from(bracket);
            }
            _ => {}
        }
        Ok(())
    }

    /// Keeps the events of anchored nodes, for aliases to replay.
    fn record(&mut self, event: &Event<'de>, span: Span) {
        let anchor = match event {
            Event::Scalar(_, _, anchor, _)
            | Event::SequenceStart(anchor, _)
            | Event::MappingStart(anchor, _) => *anchor,
            _ => 0,
        };
        if anchor == 0 && self.open_anchors.is_empty() {
            return;
        }
        self.recorded.push((event.clone(), span));
        let at = self.recorded.len() - 1;
        match event {
            Event::Scalar(..) if anchor > 0 => {
                self.anchors.insert(anchor, (at, at + 1));
            }
            Event::SequenceStart(..) | Event::MappingStart(..) if anchor > 0 => {
                self.anchors.insert(anchor, (at, usize::MAX));
                self.open_anchors.push((anchor, self.open.len()));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                // `track` has already closed this collection.
                while let Some(&(id, nesting)) = self.open_anchors.last() {
                    if nesting <= self.open.len() {
                        break;
                    }
                    if let Some(range) = self.anchors.get_mut(&id) {
                        range.1 = self.recorded.len();
                    }
                    self.open_anchors.pop();
                }
            }
            _ => {}
        }
    }

    /// Starts replaying the node anchored as `id`, for an alias at `span`.
    fn replay(&mut self, id: usize, span: Span) -> Result<(), ReadError> {
        match self.anchors.get(&id) {
            Some(&(start, end)) if end != usize::MAX => {
                if self.replays.len() >= MAX_NESTING {
                    return Err(at(span, "aliases are nested too deeply"));
                }
                self.replays.push(Replay {
                    next: start,
                    end,
                    alias: Some(span),
                });
                Ok(())
            }
            _ => Err(at(span, "this alias refers to the node it is part of")),
        }
    }

    /// After a value failed to read: reads the rest of the file's events (without
    /// replaying aliases) and returns a limit it breaks, which then matters more than the
    /// value's error. A syntax error ends the search.
    pub fn broken_limit(&mut self) -> Option<ReadError> {
        self.replays.clear();
        loop {
            let (event, span) = match self.parsed_event() {
                Ok(event) => event,
                Err(error) if !error.is_syntax() && error.location().is_none() => {
                    return Some(error);
                }
                Err(_) => return None,
            };
            if matches!(event, Event::StreamEnd) {
                return None;
            }
            if let Err(error) = self.track(&event, span) {
                return Some(error);
            }
        }
    }
}

/// Brackets nested deeper than [`MAX_FLOW_NESTING`], at the start of `span` if known.
fn brackets_too_deep(span: Option<Span>) -> ReadError {
    let message = format!("brackets are nested more than {MAX_FLOW_NESTING} levels deep");
    match span {
        Some(span) => at(span, message),
        None => ReadError::new(message),
    }
    .because(ReadErrorKind::BracketsTooDeep)
}

/// An error at the start of `span`.
pub(crate) fn at(span: Span, message: impl Into<String>) -> ReadError {
    ReadError::at(message, span.start.line(), span.start.col())
}
