//! Graph rules, answered with petgraph: every node is reachable from the start, and an
//! ending is reachable from every node.

use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{Bfs, Reversed};

use crate::diagnostic::{Code, Diagnostics};
use crate::path::YamlPath;

/// One node as the graph rules see it.
pub(super) struct GraphNode<'a> {
    /// The node's id in the file.
    pub key: &'a str,
    /// Whether walks stop here.
    pub is_ending: bool,
    /// Indices of the nodes it leads to (unknown targets left out).
    pub targets: Vec<usize>,
    /// Whether the rules should speak about it (false for a repeated id, already reported).
    pub reported: bool,
}

/// Reports unreachable nodes and nodes with no way to an ending.
pub(super) fn check_graph(nodes: &[GraphNode], start: Option<usize>, out: &mut Diagnostics) {
    let mut graph = DiGraph::<(), ()>::with_capacity(nodes.len() + 1, nodes.len() * 2);
    for _ in nodes {
        graph.add_node(());
    }
    // Every ending leads to one extra "finish" node, so "can reach an ending" becomes
    // "can reach the finish", answered by one search backwards from it.
    let finish = graph.add_node(());
    for (index, node) in nodes.iter().enumerate() {
        for &target in &node.targets {
            graph.add_edge(NodeIndex::new(index), NodeIndex::new(target), ());
        }
        if node.is_ending {
            graph.add_edge(NodeIndex::new(index), finish, ());
        }
    }

    if let Some(start) = start {
        let reachable = reached_from(&graph, NodeIndex::new(start));
        let mut referenced = vec![false; nodes.len()];
        for (index, node) in nodes.iter().enumerate() {
            for &target in node.targets.iter().filter(|&&target| target != index) {
                referenced[target] = true;
            }
        }
        for (index, node) in nodes.iter().enumerate() {
            if !node.reported || reachable[index] {
                continue;
            }
            let at = YamlPath::node(node.key);
            if referenced[index] {
                out.report(Code::Unreachable, Some(node.key), "no path from the start leads here")
                    .at(at)
                    .with_help("the nodes that lead here are themselves unreachable; connect one of them, or delete them");
            } else {
                out.report(
                    Code::Unreferenced,
                    Some(node.key),
                    "nothing leads to this node",
                )
                .at(at)
                .with_help("point a choice at it, or delete it");
            }
        }
    }

    let reversed = Reversed(&graph);
    let can_finish = reached_from(reversed, finish);
    let stuck = |index: usize| nodes[index].reported && !can_finish[index];
    if !(0..nodes.len()).any(stuck) {
        return;
    }
    // Cycles are only looked for when some node has no way out.
    let (cycle_of, cycles) = cycles(&graph, nodes.len());
    for (index, node) in nodes.iter().enumerate() {
        if !stuck(index) {
            continue;
        }
        let message = match cycle_of[index].map(|cycle| &cycles[cycle]) {
            Some(members) => format!(
                "it is part of a cycle with no way out ({}): no ending can be reached",
                members
                    .iter()
                    .map(|&m| nodes[m].key)
                    .collect::<Vec<_>>()
                    .join(" → ")
            ),
            None => "no ending (remedy, contact or solved) can be reached from here".to_owned(),
        };
        out.report(Code::NoWayOut, Some(node.key), message)
            .at(YamlPath::node(node.key))
            .with_help("give one of its answers a path to a remedy, contact or solved node");
    }
}

/// Which nodes a breadth-first search from `from` discovers.
fn reached_from<G>(graph: G, from: NodeIndex) -> Vec<bool>
where
    G: petgraph::visit::IntoNeighbors<NodeId = NodeIndex>
        + petgraph::visit::Visitable
        + petgraph::visit::NodeCount,
{
    let mut reached = vec![false; graph.node_count()];
    let mut search = Bfs::new(graph, from);
    while let Some(found) = search.next(graph) {
        reached[found.index()] = true;
    }
    reached
}

/// The cycles (strongly connected components with a loop), each with its members in
/// order, and for each node the cycle it is on. Members are kept once per cycle, not once
/// per member: a large flow may have one cycle of thousands of nodes.
fn cycles(graph: &DiGraph<(), ()>, node_count: usize) -> (Vec<Option<usize>>, Vec<Vec<usize>>) {
    let mut cycle_of = vec![None; node_count];
    let mut cycles = Vec::new();
    for component in tarjan_scc(graph) {
        let self_loop = component.len() == 1 && graph.contains_edge(component[0], component[0]);
        if component.len() < 2 && !self_loop {
            continue;
        }
        let mut members: Vec<usize> = component.iter().map(|n| n.index()).collect();
        members.sort_unstable();
        for &member in &members {
            if member < node_count {
                cycle_of[member] = Some(cycles.len());
            }
        }
        cycles.push(members);
    }
    (cycle_of, cycles)
}
