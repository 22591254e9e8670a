//! The alias dictionary: a byte trie over every folded alias, walked anchored from each
//! token start of a document, behind a cheap first-word filter.
//!
//! Why not one unanchored aho-corasick automaton: a skill can only start at a token
//! boundary, but an unanchored automaton reports every in-word prefix (`go` in `good`,
//! `r` in `for`), about one hit per seven bytes of real postings, which capped
//! extraction near 45 MB/s; and building it costs about 3 µs per alias, more than the
//! whole `jobfit score` budget for a few thousand aliases. A trie is built in well
//! under a millisecond. Token starts are found 64 bytes at a time with bit masks, and a
//! start is only walked when its first word (hashed) begins some alias, which skips
//! about five starts in six on real postings.

/// Marker for "no pattern ends here" / "no child".
const NONE: u32 = u32::MAX;

/// Nodes with at least this many children get a dense row (one slot per byte class)
/// instead of a list to scan: the root and the first letters fan out widely, and they
/// are visited at every token start.
const DENSE_MIN: usize = 6;
const DENSE_FLAG: u32 = 1 << 31;

type List<T> = std::borrow::Cow<'static, [T]>;

/// A compact trie. Node 0 is the root. Its arrays are borrowed from the binary for the
/// built-in rules and owned when built at run time.
#[derive(Debug, Clone)]
pub struct Dict {
    /// Byte → class; class 0 means the byte occurs in no pattern.
    pub(crate) classes: List<u8>,
    /// Dense rows, `nclasses` slots each, for wide nodes.
    pub(crate) dense: List<u32>,
    /// Per node: index of its first child in `child_bytes` / `child_nodes`, or
    /// `DENSE_FLAG | row offset` for a dense node.
    pub(crate) first: List<u32>,
    /// Per node: number of children.
    pub(crate) count: List<u16>,
    /// Per node: the pattern ending here, or `NONE`.
    pub(crate) pattern: List<u32>,
    pub(crate) child_bytes: List<u8>,
    pub(crate) child_nodes: List<u32>,
    /// Bitset over hashed first words of aliases that start with a word byte.
    pub(crate) first_words: List<u64>,
    /// Symbols that start some alias (`.` of `.net`).
    pub(crate) symbol_starts: List<bool>,
}

const FILTER_BITS: u32 = 18;

/// Hash of the word `t[i..i + len]` into the filter's bit range.
#[inline]
fn word_key(t: &[u8], i: usize, len: usize) -> usize {
    let x = if let Some(chunk) = t.get(i..i + 8) {
        let mut a = [0u8; 8];
        a.copy_from_slice(chunk);
        let v = u64::from_le_bytes(a);
        if len >= 8 {
            v
        } else {
            v & ((1u64 << (8 * len)) - 1)
        }
    } else {
        let mut x = 0u64;
        for (k, &b) in t[i..].iter().take(len.min(8)).enumerate() {
            x |= u64::from(b) << (8 * k);
        }
        x
    };
    let h = (x ^ (len as u64).wrapping_mul(0x9E37_79B9)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    usize::try_from(h >> (64 - FILTER_BITS)).unwrap_or(0)
}

/// Word and space bit masks of a 64-byte block (bit k = byte k). Written as a fixed-size
/// loop of branch-free comparisons so the compiler can vectorise it.
#[inline]
fn block_masks(block: &[u8; 64]) -> (u64, u64) {
    let mut word = 0u64;
    let mut space = 0u64;
    for (k, &b) in block.iter().enumerate() {
        let lower = b | 0x20;
        let is_word = (lower.wrapping_sub(b'a') < 26)
            | (b.wrapping_sub(b'0') < 10)
            | (b == b'_')
            | (b >= 0x80);
        word |= u64::from(is_word) << k;
        space |= u64::from(b == b' ') << k;
    }
    (word, space)
}

impl Dict {
    /// Builds the trie; pattern `i` is `patterns[i]` (non-empty, unique).
    #[must_use]
    pub fn new(patterns: &[String]) -> Self {
        // Build from the patterns in sorted order: a new pattern shares its prefix path
        // with the previous one, so nodes are created without any lookups, and every
        // node's children are created in byte order. No per-node allocation.
        let mut order: Vec<usize> = (0..patterns.len()).collect();
        order.sort_unstable_by(|&a, &b| patterns[a].as_bytes().cmp(patterns[b].as_bytes()));
        let mut pat: Vec<u32> = vec![NONE];
        // (parent, byte, child), in creation order.
        let mut edges: Vec<(u32, u8, u32)> = Vec::new();
        let mut path: Vec<u32> = vec![0];
        let mut prev: &[u8] = &[];
        for &pid in &order {
            let p = patterns[pid].as_bytes();
            let common = prev.iter().zip(p).take_while(|(a, b)| a == b).count();
            path.truncate(common + 1);
            for &b in &p[common..] {
                let parent = *path.last().unwrap_or(&0);
                let child = u32::try_from(pat.len()).unwrap_or(NONE);
                pat.push(NONE);
                edges.push((parent, b, child));
                path.push(child);
            }
            let node = *path.last().unwrap_or(&0) as usize;
            pat[node] = u32::try_from(pid).unwrap_or(NONE);
            prev = p;
        }
        // Group children by parent with a counting sort (stable, so each node's
        // children stay in byte order).
        let nodes = pat.len();
        let mut kids_start = vec![0usize; nodes + 1];
        for &(parent, _, _) in &edges {
            kids_start[parent as usize + 1] += 1;
        }
        for i in 0..nodes {
            kids_start[i + 1] += kids_start[i];
        }
        let mut fill = kids_start.clone();
        let mut grouped = vec![(0u32, 0u8, 0u32); edges.len()];
        for &e in &edges {
            let slot = &mut fill[e.0 as usize];
            grouped[*slot] = e;
            *slot += 1;
        }
        let edges = grouped;
        let kids = |n: usize| &edges[kids_start[n]..kids_start[n + 1]];
        let mut classes = vec![0u8; 256];
        let mut nclasses = 1usize;
        for p in patterns {
            for &b in p.as_bytes() {
                if classes[b as usize] == 0 {
                    classes[b as usize] = u8::try_from(nclasses).unwrap_or(0);
                    nclasses += 1;
                }
            }
        }
        // More than 255 distinct bytes cannot happen in folded aliases, but stay safe.
        if nclasses > 255 {
            for (b, c) in classes.iter_mut().enumerate() {
                *c = u8::try_from(b).unwrap_or(0);
            }
            nclasses = 256;
        }
        let mut dense = Vec::new();
        let mut first = Vec::with_capacity(nodes);
        let mut count = Vec::with_capacity(nodes);
        let mut child_bytes = Vec::new();
        let mut child_nodes = Vec::new();
        for n in 0..nodes {
            let k = kids(n);
            count.push(u16::try_from(k.len()).unwrap_or(u16::MAX));
            if n == 0 || k.len() >= DENSE_MIN {
                let row = dense.len();
                dense.resize(row + nclasses, NONE);
                for &(_, b, c) in k {
                    dense[row + classes[b as usize] as usize] = c;
                }
                first.push(DENSE_FLAG | u32::try_from(row).unwrap_or(0));
            } else {
                first.push(u32::try_from(child_bytes.len()).unwrap_or(NONE));
                for &(_, b, c) in k {
                    child_bytes.push(b);
                    child_nodes.push(c);
                }
            }
        }
        let mut first_words = vec![0u64; (1usize << FILTER_BITS) / 64];
        let mut symbol_starts = vec![false; 256];
        for p in patterns {
            let b = p.as_bytes();
            if !crate::text::is_word_byte(b[0]) {
                symbol_starts[b[0] as usize] = true;
                continue;
            }
            let len = b
                .iter()
                .take_while(|&&c| crate::text::is_word_byte(c))
                .count();
            let k = word_key(b, 0, len);
            first_words[k / 64] |= 1 << (k % 64);
        }
        Self {
            classes: classes.into(),
            dense: dense.into(),
            first_words: first_words.into(),
            symbol_starts: symbol_starts.into(),
            first: first.into(),
            count: count.into(),
            pattern: pat.into(),
            child_bytes: child_bytes.into(),
            child_nodes: child_nodes.into(),
        }
    }

    /// Rust source for this dictionary as a constant expression, for `build.rs`.
    pub fn to_rust(&self, o: &mut String) {
        use std::fmt::Write as _;
        fn list<T: std::fmt::Display>(o: &mut String, name: &str, v: &[T]) {
            let _ = write!(o, "{name}:Cow::Borrowed(&[");
            for x in v {
                let _ = write!(o, "{x},");
            }
            o.push_str("]),\n");
        }
        o.push_str("Dict{\n");
        list(o, "classes", &self.classes);
        list(o, "dense", &self.dense);
        list(o, "first", &self.first);
        list(o, "count", &self.count);
        list(o, "pattern", &self.pattern);
        list(o, "child_bytes", &self.child_bytes);
        list(o, "child_nodes", &self.child_nodes);
        list(o, "first_words", &self.first_words);
        list(o, "symbol_starts", &self.symbol_starts);
        o.push('}');
    }

    /// Calls `found(start, pattern, end)` for the longest alias at each token start of
    /// `t` that also ends on a token boundary (as judged by `ends_ok`), left to right
    /// and without overlaps.
    #[inline]
    pub fn scan(
        &self,
        t: &[u8],
        ends_ok: impl Fn(usize) -> bool,
        mut found: impl FnMut(usize, u32, usize),
    ) {
        let n = t.len();
        let mut pos = 0;
        let mut resume = 0;
        let mut prev_word = 0u64;
        let mut block = [b' '; 64];
        while pos < n {
            let end = (pos + 64).min(n);
            if end - pos < 64 {
                block = [b' '; 64];
            }
            block[..end - pos].copy_from_slice(&t[pos..end]);
            let (word, space) = block_masks(&block);
            let word_starts = word & !((word << 1) | prev_word);
            prev_word = word >> 63;
            let mut starts = word_starts | (!word & !space);
            while starts != 0 {
                let k = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let i = pos + k;
                if i < resume || i >= n {
                    continue;
                }
                let b = t[i];
                let worth_walking = if word_starts & (1 << k) != 0 {
                    let rest = !word >> k;
                    let mut len = rest.trailing_zeros() as usize;
                    if k + len >= 64 {
                        len = t[i..]
                            .iter()
                            .take_while(|&&c| crate::text::is_word_byte(c))
                            .count();
                    }
                    let key = word_key(t, i, len);
                    self.first_words[key / 64] & (1 << (key % 64)) != 0
                } else {
                    self.symbol_starts[b as usize]
                };
                if !worth_walking {
                    continue;
                }
                let mut best = None;
                self.walk(t, i, |p, e| {
                    if ends_ok(e) {
                        best = Some((p, e));
                    }
                });
                if let Some((p, e)) = best {
                    found(i, p, e);
                    resume = e;
                }
            }
            pos += 64;
        }
    }

    /// Walks from `t[i]` and calls `accept(pattern, end)` for every pattern that is a
    /// prefix of `t[i..]`, shortest first; the walk stops when `accept` is no longer
    /// needed because the trie has no deeper path.
    #[inline]
    pub fn walk(&self, t: &[u8], i: usize, mut accept: impl FnMut(u32, usize)) {
        let mut node = self.dense[self.classes[t[i] as usize] as usize];
        let mut j = i + 1;
        while node != NONE {
            let n = node as usize;
            let p = self.pattern[n];
            if p != NONE {
                accept(p, j);
            }
            if j >= t.len() {
                break;
            }
            let b = t[j];
            let f = self.first[n];
            node = if f & DENSE_FLAG != 0 {
                self.dense[(f & !DENSE_FLAG) as usize + self.classes[b as usize] as usize]
            } else {
                let a = f as usize;
                let c = self.count[n] as usize;
                match self.child_bytes[a..a + c].iter().position(|&x| x == b) {
                    Some(k) => self.child_nodes[a + k],
                    None => NONE,
                }
            };
            j += 1;
        }
    }

    /// Approximate heap size in bytes.
    #[must_use]
    pub fn memory_usage(&self) -> usize {
        self.classes.len()
            + self.first_words.len() * 8
            + self.dense.len() * 4
            + self.first.len() * 4
            + self.count.len() * 2
            + self.pattern.len() * 4
            + self.child_bytes.len()
            + self.child_nodes.len() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_all_prefix_patterns() {
        let pats: Vec<String> = ["c", "c++", "c#", "ci/cd", "go"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let d = Dict::new(&pats);
        let mut seen = Vec::new();
        d.walk(b"c++17", 0, |p, e| seen.push((p, e)));
        assert_eq!(seen, vec![(0, 1), (1, 3)]);
        seen.clear();
        d.walk(b"ci/cd", 0, |p, e| seen.push((p, e)));
        assert_eq!(seen, vec![(0, 1), (3, 5)]);
        seen.clear();
        d.walk(b"xyz", 0, |p, e| seen.push((p, e)));
        assert!(seen.is_empty());
    }

    #[test]
    fn scan_finds_token_bounded_longest_matches_across_blocks() {
        let pats: Vec<String> = ["go", "golang", ".net", "machine learning", "c++"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let d = Dict::new(&pats);
        let mut text = "good cargo: go, golang; asp.net and c++17 ".repeat(3);
        text.push_str(&"x".repeat(61));
        text.push_str(" machine learning");
        let t = text.as_bytes();
        let ends_ok = |e: usize| {
            e >= t.len() || !crate::text::is_word_byte(t[e - 1]) || !crate::text::is_word_byte(t[e])
        };
        let mut got = Vec::new();
        d.scan(t, ends_ok, |s, p, e| got.push((p, &text[s..e])));
        let names: Vec<&str> = got.iter().map(|(_, s)| *s).collect();
        assert_eq!(
            names,
            [
                "go",
                "golang",
                ".net",
                "c++",
                "go",
                "golang",
                ".net",
                "c++",
                "go",
                "golang",
                ".net",
                "c++",
                "machine learning"
            ]
        );
    }
}
