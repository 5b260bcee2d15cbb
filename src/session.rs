//! The engine: where the user is in a flow and how they got there. No I/O, no terminal.

use std::sync::Arc;

use thiserror::Error;

use crate::flow::{Ending, Flow, Node, NodeId, NodeKind};

/// One answer given on the way: at `node`, option `answer` was picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    /// The node the answer was given at.
    pub node: NodeId,
    /// The option picked, counted from 0 (for a step: 0 fixed, 1 not fixed).
    pub answer: usize,
}

/// Why an action could not be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum SessionError {
    /// The walk has ended; there is nothing to choose.
    #[error("the walk has reached an ending; restart to begin again")]
    AtEnding,
    /// The option number is not one of the current node's options.
    #[error("there is no option {given}; pick 1 to {count}")]
    NoSuchOption {
        /// The option asked for, counted from 0.
        given: usize,
        /// How many options there are.
        count: usize,
    },
}

/// A walk through a flow.
#[derive(Debug, Clone)]
pub struct Session {
    flow: Arc<Flow>,
    current: NodeId,
    path: Vec<Answer>,
}

impl Session {
    /// Starts a walk at the flow's first node.
    pub fn new(flow: Arc<Flow>) -> Session {
        let current = flow.start();
        Session {
            flow,
            current,
            path: Vec::new(),
        }
    }

    /// The flow being walked.
    pub fn flow(&self) -> &Flow {
        &self.flow
    }

    /// The node the user is at.
    pub fn current(&self) -> NodeId {
        self.current
    }

    /// The node the user is at, resolved.
    pub fn node(&self) -> &Node {
        self.flow.node(self.current)
    }

    /// The answers given so far, oldest first.
    pub fn path(&self) -> &[Answer] {
        &self.path
    }

    /// How many options the current node offers (0 at an ending).
    pub fn option_count(&self) -> usize {
        self.node().targets().len()
    }

    /// Picks option `answer` (from 0) of the current node and moves on.
    pub fn choose(&mut self, answer: usize) -> Result<NodeId, SessionError> {
        let targets = self.node().targets();
        if targets.is_empty() {
            return Err(SessionError::AtEnding);
        }
        let next = *targets.get(answer).ok_or(SessionError::NoSuchOption {
            given: answer,
            count: targets.len(),
        })?;
        self.path.push(Answer {
            node: self.current,
            answer,
        });
        self.current = next;
        Ok(next)
    }

    /// Undoes the last answer. Returns `false` at the start, where there is nothing to undo.
    pub fn back(&mut self) -> bool {
        match self.path.pop() {
            Some(last) => {
                self.current = last.node;
                true
            }
            None => false,
        }
    }

    /// Goes back to the first node and forgets the path.
    pub fn restart(&mut self) {
        self.path.clear();
        self.current = self.flow.start();
    }

    /// The ending reached, if the walk is over.
    pub fn outcome(&self) -> Option<&Ending> {
        match &self.node().kind {
            NodeKind::Ending(ending) => Some(ending),
            _ => None,
        }
    }
}
