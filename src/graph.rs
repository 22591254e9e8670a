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
    // Absent: unvisited; false: on the current path; true: finished.
    let mut done: HashMap<N, bool> = HashMap::new();
    for root in nodes {
        if done.contains_key(&root) {
            continue;
        }
        // (node, its edges, next edge to follow); the path is the stack itself.
        let mut stack = vec![(root, edges(root), 0usize)];
        done.insert(root, false);
        while let Some((node, out, next)) = stack.last_mut() {
            let node = *node;
            let Some(&target) = out.get(*next) else {
                done.insert(node, true);
                stack.pop();
                continue;
            };
            let at = *next;
            *next += 1;
            let Some(t) = target else { continue };
            match done.get(&t) {
                None => {
                    done.insert(t, false);
                    stack.push((t, edges(t), 0));
                }
                Some(false) => {
                    let from = stack.iter().position(|s| s.0 == t).unwrap_or(0);
                    let path: Vec<N> = stack[from..].iter().map(|s| s.0).collect();
                    found(&path, at);
                }
                Some(true) => {}
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
}
