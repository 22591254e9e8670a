//! Cycles in small directed graphs: rule implications, PDF page trees and forms. One
//! iterative depth-first search, so a deep or hostile graph cannot overflow the stack.

use std::collections::HashMap;
use std::hash::Hash;

/// Walks the graph of `nodes` depth first, `edges(n)` giving `n`'s out-edges in order
/// (`None` for an edge to nowhere, skipped but counted), and calls `found(path, at)`
/// for every edge that closes a cycle: `path` runs from the edge's target to its
/// source (one node for an edge to itself), and `at` is the edge's index at its source.
pub fn for_each_cycle<N: Copy + Eq + Hash>(
    nodes: impl IntoIterator<Item = N>,
    edges: impl Fn(N) -> Vec<Option<N>>,
    mut found: impl FnMut(&[N], usize),
) {
    // Absent: unvisited; `Some(i)`: on the current path at `path[i]`; `None`: finished.
    // `found` gets a slice of `path` and the position comes from the map: copying the
    // path, or searching it for the target, for every cycle made a long chain whose
    // every rule implied the first quadratic.
    let mut state: HashMap<N, Option<usize>> = HashMap::new();
    for root in nodes {
        if state.contains_key(&root) {
            continue;
        }
        // (its edges, next edge to follow) per node of `path`.
        let mut path = vec![root];
        let mut stack = vec![(edges(root), 0usize)];
        state.insert(root, Some(0));
        while let Some((out, next)) = stack.last_mut() {
            let Some(&target) = out.get(*next) else {
                if let Some(node) = path.pop() {
                    state.insert(node, None);
                }
                stack.pop();
                continue;
            };
            let at = *next;
            *next += 1;
            let Some(t) = target else { continue };
            match state.get(&t) {
                None => {
                    state.insert(t, Some(path.len()));
                    path.push(t);
                    stack.push((edges(t), 0));
                }
                Some(Some(from)) => found(&path[*from..], at),
                Some(None) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cycles(edges: &[(u32, u32)], n: u32) -> Vec<(Vec<u32>, usize)> {
        let mut out = Vec::new();
        for_each_cycle(
            0..n,
            |a| {
                edges
                    .iter()
                    .filter(|e| e.0 == a)
                    .map(|e| Some(e.1))
                    .collect()
            },
            |p, at| out.push((p.to_vec(), at)),
        );
        out
    }

    #[test]
    fn finds_each_cycle_once_with_its_path() {
        assert!(cycles(&[(0, 1), (1, 2), (0, 2)], 3).is_empty());
        assert_eq!(cycles(&[(0, 1), (1, 2), (2, 0)], 3), [(vec![0, 1, 2], 0)]);
        assert_eq!(cycles(&[(0, 0)], 1), [(vec![0], 0)]);
        assert_eq!(cycles(&[(0, 1), (1, 3), (1, 0)], 4), [(vec![0, 1], 1)]);
    }

    #[test]
    fn a_long_chain_is_walked_without_recursion() {
        let mut n = 0;
        for_each_cycle(
            [0u32],
            |a| {
                if a < 200_000 {
                    vec![Some(a + 1)]
                } else {
                    vec![]
                }
            },
            |_, _| n += 1,
        );
        assert_eq!(n, 0);
    }

    /// Regression: a chain whose every node also points back to the first closes a
    /// cycle at each node; each cycle's path was copied (and searched for its start),
    /// quadratic in the chain's length (minutes for this one in a debug build).
    #[test]
    fn a_chain_that_loops_back_everywhere_is_linear() {
        const N: u32 = 100_000;
        let (mut n, mut longest) = (0, 0);
        for_each_cycle(
            [0u32],
            |a| {
                let next = (a + 1 < N).then_some(a + 1);
                next.into_iter()
                    .chain((a > 0).then_some(0))
                    .map(Some)
                    .collect()
            },
            |p, _| {
                assert_eq!(p[0], 0);
                n += 1;
                longest = longest.max(p.len());
            },
        );
        assert_eq!((n, longest), (N - 1, N as usize));
    }
}
