//! The alias dictionary: a byte trie over every folded alias, walked anchored from each
//! token start of a document, behind a cheap first-word filter.
//!
//! Why not one unanchored aho-corasick automaton: a skill can only start at a token
//! boundary, but an unanchored automaton reports every in-word prefix (`go` in `good`,
//! `r` in `for`), about one hit per seven bytes of real postings, which capped
//! extraction near 45 MB/s; and building it costs about 3 µs per alias, more than the
//! whole `jobfit score` budget for a few thousand aliases. A trie is built in well
//! under a millisecond. Token starts are found 64 bytes at a time with bit masks; every
//! word is hashed, and bit filters pick, without a branch per word, the few that may
//! begin an alias (an alias whole, or a first word followed by a word it makes a pair
//! with). Only those are looked up in a table of the aliases' first words, which jumps
//! to the trie node after the word, so only the rest of a multi-word alias is walked.

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
    /// Per node, packed so one load brings it in: low 32 bits the pattern ending here
    /// (or `NONE`); high 32 bits `DENSE_FLAG | row` for a dense node, or
    /// `first_child << 3 | child_count` for a sparse one.
    pub(crate) nodes: List<u64>,
    /// Children of sparse nodes: `node << 8 | byte`, grouped by parent, byte-sorted.
    pub(crate) children: List<u32>,
    /// Open-addressing table over the first words of aliases, two `u64` per slot: the
    /// word's `nonzero_hash` (0 = empty slot), then the packed trie node (as in `nodes`)
    /// reached after reading that word. A token start looks its word up once instead of
    /// walking the trie letter by letter; most words of a posting begin no alias and
    /// stop here. The node itself sits beside its key, so a hit costs no second random
    /// load in the much larger `nodes`.
    pub(crate) word_table: List<u64>,
    /// One bit per value of a hash's top 16 bits, set for the first words' hashes: an
    /// 8 KiB bitmap that stays in L1 and turns away most words of a posting before the
    /// larger `word_table` is touched.
    pub(crate) word_filter: List<u64>,
    /// One bit per value of the top 17 bits of `pair_key(first, separator, second)`
    /// for every alias that goes on past its first word with one separator byte and a
    /// second word (`machine learning`, `node.js`, `a/b testing`). A first word is
    /// often an ordinary word (`a`, `in`, `data`, `software`) that begins some long
    /// alias; when the text's next word makes no such pair, the trie walk past the
    /// first word (several dependent loads) is skipped. About nine walks in ten were
    /// such dead ends on real postings.
    pub(crate) pair_filter: List<u64>,
    /// Bits (as in `word_filter`) of the first words that some alias continues in
    /// another way (`c++`, `ci/cd` after `ci` is a pair, `c#` is not): those are
    /// always walked.
    pub(crate) walk_filter: List<u64>,
    /// Bits (as in `word_filter`) of the first words that are worth looking up on
    /// their own: those that are an alias whole (`python`) or are in `walk_filter`.
    /// A first word with no bit here (`a`, `in`, `software`: a third of a posting's
    /// words begin some alias of several words) can only begin a match with the next
    /// word it makes a pair with, so `pair_filter` is asked before `word_table`, whose
    /// random loads cost more than the rest of the scan together.
    pub(crate) probe_filter: List<u64>,
    /// Symbols that start some alias (`.` of `.net`).
    pub(crate) symbol_starts: List<bool>,
}

/// Scan counters (starts, walks, matches), with `--features stats`.
#[cfg(feature = "stats")]
pub static STATS: [std::sync::atomic::AtomicU64; 3] = [
    std::sync::atomic::AtomicU64::new(0),
    std::sync::atomic::AtomicU64::new(0),
    std::sync::atomic::AtomicU64::new(0),
];

/// `u64`s in `Dict::word_filter` (65,536 bits).
const FILTER_WORDS: usize = 1024;

/// `u64`s in `Dict::pair_filter` (131,072 bits: 16 KiB, a few thousand pairs set).
const PAIR_WORDS: usize = 2048;

/// Key of a first word, the separator byte after it and the next word (by their
/// `nonzero_hash`es), for `Dict::pair_filter`.
#[inline]
fn pair_key(first: u64, sep: u8, second: u64) -> u64 {
    (first.rotate_left(23) ^ second ^ u64::from(sep)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The bit of `Dict::pair_filter` for pair key `k`: its top 17 bits.
#[inline]
fn pair_bit(k: u64) -> usize {
    (k >> 47) as usize
}

/// Length of the word starting at `t[i]`, which is bit `k` of `wide`, the word mask of
/// 128 bytes from the start of `i`'s block: read off the mask, or byte by byte when the
/// word runs past it.
#[inline(always)]
fn len_at(t: &[u8], i: usize, wide: u128, k: usize) -> usize {
    if k < 128 {
        let len = (!(wide >> k)).trailing_zeros() as usize;
        if k + len < 128 {
            return len;
        }
    }
    crate::text::word_len(&t[i..])
}

fn set_bit(bits: &mut [u64], bit: usize) {
    bits[bit / 64] |= 1 << (bit % 64);
}

#[inline]
fn test_bit(bits: &[u64], bit: usize) -> bool {
    bits[bit / 64] & (1 << (bit % 64)) != 0
}

/// The bit of `Dict::word_filter` for word hash `h`: its top 16 bits, independent of
/// the bits that choose its table slot.
#[inline]
fn filter_bit(h: u64) -> usize {
    (h >> 48) as usize
}

/// The first slot to probe for word hash `h` in a table of `mask + 1` slots: its low
/// bits (`token_hash` ends with a multiply and an xor-shift, so they are well spread).
#[inline]
fn home_slot(h: u64, mask: usize) -> usize {
    (h as usize) & mask
}

/// Word and space bit masks of a 64-byte block of folded text (bit k = byte k): words
/// are ASCII lower-case letters, digits, `_` and any non-ASCII byte. Computed with
/// vector compares (no per-byte branches).
// Always inlined, like `pair_at`: `scan` has more than one caller, and when the
// compiler outlined these two the scan lost a fifth of its speed.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline(always)]
fn block_masks(block: &[u8; 64]) -> (u64, u64) {
    block_masks_swar(block)
}

/// `block_masks` with SSE2: sixteen bytes a compare and one `movemask` per mask, where
/// the SWAR form takes a dozen operations per eight bytes.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn block_masks(block: &[u8; 64]) -> (u64, u64) {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_movemask_epi8,
        _mm_or_si128, _mm_set_epi64x, _mm_set1_epi8,
    };
    let mut word = 0u64;
    let mut space = 0u64;
    // SAFETY: the intrinsics below only need SSE2, which the `cfg` above guarantees is
    // enabled for the whole program (it is part of every x86-64 target's baseline);
    // none of them touches memory (the bytes come in by value).
    unsafe {
        for (i, chunk) in block.chunks_exact(16).enumerate() {
            let mut lo = [0u8; 8];
            let mut hi = [0u8; 8];
            lo.copy_from_slice(&chunk[..8]);
            hi.copy_from_slice(&chunk[8..]);
            let v = _mm_set_epi64x(i64::from_le_bytes(hi), i64::from_le_bytes(lo));
            // Signed compares: bytes of 0x80 and above are negative, so they fall in
            // neither range; `movemask` of `v` itself picks them (its sign bits).
            let within = |lo: u8, hi: u8| {
                _mm_and_si128(
                    _mm_cmpgt_epi8(v, _mm_set1_epi8((lo - 1) as i8)),
                    _mm_cmplt_epi8(v, _mm_set1_epi8((hi + 1) as i8)),
                )
            };
            let ascii_word = _mm_or_si128(
                _mm_or_si128(within(b'a', b'z'), within(b'0', b'9')),
                _mm_cmpeq_epi8(v, _mm_set1_epi8(b'_' as i8)),
            );
            let w = _mm_movemask_epi8(ascii_word) | _mm_movemask_epi8(v);
            let sp = _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8)));
            // `movemask` fills the low 16 bits of its i32.
            word |= u64::from(w as u16) << (16 * i);
            space |= u64::from(sp as u16) << (16 * i);
        }
    }
    (word, space)
}

/// `block_masks` with SWAR arithmetic on eight bytes at a time, for any target.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
#[inline(always)]
fn block_masks_swar(block: &[u8; 64]) -> (u64, u64) {
    let mut word = 0u64;
    let mut space = 0u64;
    for (i, chunk) in block.chunks_exact(8).enumerate() {
        let mut a = [0u8; 8];
        a.copy_from_slice(chunk);
        let (w, s) = word_space_8(u64::from_le_bytes(a));
        word |= u64::from(w) << (8 * i);
        space |= u64::from(s) << (8 * i);
    }
    (word, space)
}

/// A word of folded text: its span and `nonzero_hash`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Start byte.
    pub start: u32,
    /// End byte.
    pub end: u32,
    /// `nonzero_hash` of its bytes.
    pub hash: u64,
}

/// Word and space masks of the 64 bytes of `t` from `pos`, past its end read as spaces.
#[inline(always)]
fn masks_at(t: &[u8], pos: usize) -> (u64, u64) {
    let n = t.len();
    if pos >= n {
        return (0, u64::MAX);
    }
    let mut block = [b' '; 64];
    if let Some(full) = t.get(pos..pos + 64) {
        block.copy_from_slice(full);
    } else {
        block[..n - pos].copy_from_slice(&t[pos..]);
    }
    block_masks(&block)
}

/// `token_hash`, never 0 (0 marks an empty slot of the first-word table). A 64-bit hash
/// of whole words: two distinct words of a posting colliding is not a practical concern.
#[inline]
pub fn nonzero_hash(word: &[u8]) -> u64 {
    super::tables::token_hash(word).max(1)
}

/// `nonzero_hash(&t[i..i + len])`, without a byte loop or a branch on the length for
/// the usual word of at most sixteen bytes.
#[inline(always)]
fn hash_word(t: &[u8], i: usize, len: usize) -> u64 {
    if len <= 16
        && let Some(sixteen) = t.get(i..i + 16)
    {
        let mut a = [0u8; 8];
        let mut b = [0u8; 8];
        a.copy_from_slice(&sixteen[..8]);
        b.copy_from_slice(&sixteen[8..]);
        super::tables::token_hash_16(u64::from_le_bytes(a), u64::from_le_bytes(b), len).max(1)
    } else {
        nonzero_hash(&t[i..i + len])
    }
}

const LSB: u64 = 0x0101_0101_0101_0101;
const MSB: u64 = 0x8080_8080_8080_8080;

/// High bit of each byte set when that byte of `c` (all bytes < 0x80) is in `lo..=hi`.
#[inline]
fn in_range(c: u64, lo: u8, hi: u8) -> u64 {
    // c + (0x80 - lo) has its high bit set iff c >= lo; c + (0x7f - hi) iff c > hi.
    // No byte overflows into the next because every byte of c is below 0x80.
    let ge = c.wrapping_add(LSB * u64::from(0x80 - lo));
    let gt = c.wrapping_add(LSB * u64::from(0x7f - hi));
    ge & !gt & MSB
}

/// The high bit of each of the 8 bytes of `x`, gathered into one byte.
#[inline]
fn gather(x: u64) -> u8 {
    // Bits 7, 15, …, 63 → bits 0..8 of the top byte.
    (((x >> 7) & LSB).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

/// Word and space masks of eight bytes.
#[inline]
fn word_space_8(x: u64) -> (u8, u8) {
    let high = x & MSB;
    let c = x & !MSB;
    let ascii = !high & MSB;
    let word = in_range(c, b'a', b'z') | in_range(c, b'0', b'9') | in_range(c, b'_', b'_');
    let word = (word & ascii) | high;
    let space = in_range(c, b' ', b' ') & ascii;
    (gather(word), gather(space))
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
        let mut packed = Vec::with_capacity(nodes);
        let mut children = Vec::new();
        for (n, &p) in pat.iter().enumerate() {
            let k = kids(n);
            let link = if n == 0 || k.len() >= DENSE_MIN {
                let row = dense.len();
                dense.resize(row + nclasses, NONE);
                for &(_, b, c) in k {
                    dense[row + classes[b as usize] as usize] = c;
                }
                DENSE_FLAG | u32::try_from(row).unwrap_or(0)
            } else {
                let first = u32::try_from(children.len()).unwrap_or(0);
                for &(_, b, c) in k {
                    children.push(c << 8 | u32::from(b));
                }
                first << 3 | u32::try_from(k.len()).unwrap_or(0)
            };
            packed.push(u64::from(link) << 32 | u64::from(p));
        }
        let mut symbol_starts = vec![false; 256];
        let mut first_words: Vec<(u64, u32)> = Vec::new();
        let mut pair_filter = vec![0u64; PAIR_WORDS];
        let mut walk_filter = vec![0u64; FILTER_WORDS];
        let mut probe_filter = vec![0u64; FILTER_WORDS];
        for p in patterns {
            let b = p.as_bytes();
            if !crate::text::is_word_byte(b[0]) {
                symbol_starts[b[0] as usize] = true;
                continue;
            }
            let len = crate::text::word_len(b);
            let first = nonzero_hash(&b[..len]);
            let rest = &b[len..];
            if !rest.is_empty() {
                let second = crate::text::word_len(&rest[1..]);
                if second > 0 {
                    let bit = pair_bit(pair_key(first, rest[0], nonzero_hash(&rest[1..=second])));
                    set_bit(&mut pair_filter, bit);
                } else {
                    let bit = filter_bit(first);
                    set_bit(&mut walk_filter, bit);
                    set_bit(&mut probe_filter, bit);
                }
            } else {
                let bit = filter_bit(first);
                set_bit(&mut probe_filter, bit);
            }
            // The node after the first word, found by walking the trie just built.
            let mut node = 0u32;
            for &c in &b[..len] {
                let link = (packed[node as usize] >> 32) as u32;
                node = if link & DENSE_FLAG != 0 {
                    dense[(link & !DENSE_FLAG) as usize + classes[c as usize] as usize]
                } else {
                    let a = (link >> 3) as usize;
                    let n = (link & 7) as usize;
                    children[a..a + n]
                        .iter()
                        .find(|&&x| x as u8 == c)
                        .map_or(NONE, |&x| x >> 8)
                };
            }
            first_words.push((first, node));
        }
        first_words.sort_unstable();
        first_words.dedup();
        let slots = (first_words.len() * 2).next_power_of_two().max(16);
        let mut word_table = vec![0u64; 2 * slots];
        let mut word_filter = vec![0u64; FILTER_WORDS];
        for (h, node) in first_words {
            if node == NONE {
                continue;
            }
            let bit = filter_bit(h);
            set_bit(&mut word_filter, bit);
            let mut i = home_slot(h, slots - 1);
            while word_table[2 * i] != 0 {
                i = (i + 1) & (slots - 1);
            }
            word_table[2 * i] = h;
            word_table[2 * i + 1] = packed[node as usize];
        }
        Self {
            classes: classes.into(),
            dense: dense.into(),
            nodes: packed.into(),
            children: children.into(),
            word_table: word_table.into(),
            word_filter: word_filter.into(),
            pair_filter: pair_filter.into(),
            walk_filter: walk_filter.into(),
            probe_filter: probe_filter.into(),
            symbol_starts: symbol_starts.into(),
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
        list(o, "nodes", &self.nodes);
        list(o, "children", &self.children);
        list(o, "word_table", &self.word_table);
        list(o, "word_filter", &self.word_filter);
        list(o, "pair_filter", &self.pair_filter);
        list(o, "walk_filter", &self.walk_filter);
        list(o, "probe_filter", &self.probe_filter);
        list(o, "symbol_starts", &self.symbol_starts);
        o.push('}');
    }

    /// Calls `found(start, pattern, end)` for the longest alias at each token start of
    /// `t` that also ends on a token boundary (as judged by `ends_ok`), left to right
    /// and without overlaps. Every word of `t` is also appended to `words` (start, end,
    /// `nonzero_hash`), for the context guards: the scan visits each word anyway.
    ///
    /// Each 64-byte block is read in two passes. The first hashes every word and marks,
    /// without a branch per word, the few that may begin an alias: a word that is an
    /// alias whole or is walked on (`probe_filter`), or one that makes a pair of
    /// `pair_filter` with the word after it. The second looks up only those. Asking
    /// the filters word by word instead mispredicted a branch at nearly every other
    /// word of a posting, which cost more than the hashing.
    #[inline]
    pub fn scan(
        &self,
        t: &[u8],
        words: &mut Vec<Word>,
        ends_ok: impl Fn(usize) -> bool,
        mut found: impl FnMut(usize, u32, usize),
    ) {
        let n = t.len();
        let masks_at = |pos: usize| masks_at(t, pos);
        let mut pos = 0;
        let mut resume = 0;
        let mut carry = 0u64;
        let (mut word, mut space) = masks_at(0);
        while pos < n {
            let (next_word, next_space) = masks_at(pos + 64);
            // Word bits of this block and the next, so a word running past the block
            // is measured without a byte loop.
            let wide = u128::from(next_word) << 64 | u128::from(word);
            let after_word = (word << 1) | carry;
            carry = word >> 63;
            let word_starts = word & !after_word;
            // A symbol starts a token (`.net`, `#`) only after a space or another
            // symbol: the `.net` of `lwn.net` or `asp.net` is no token start.
            let mut symbols = !word & !space & !after_word;
            let mut cand = 0u64;
            while symbols != 0 {
                let k = symbols.trailing_zeros() as usize;
                symbols &= symbols - 1;
                if self.symbol_starts[t[pos + k] as usize] {
                    cand |= 1 << k;
                }
            }

            // Pass 1: every word, branch-free but for the loop.
            let base = words.len();
            let mut starts = word_starts;
            // Bit and end of the previous word of this block (none yet: an end that
            // no word follows).
            let (mut prev_k, mut prev_end) = (0usize, usize::MAX - 1);
            let mut prev_hash = 0u64;
            // Bit k set when the word at k makes a `pair_filter` pair with the next
            // word of this block: pass 2 reads it off instead of hashing that word again.
            let mut pairs = 0u64;
            while starts != 0 {
                let k = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let i = pos + k;
                let len = len_at(t, i, wide, k);
                let hash = hash_word(t, i, len);
                words.push(Word {
                    start: u32::try_from(i).unwrap_or(u32::MAX),
                    end: u32::try_from(i + len).unwrap_or(u32::MAX),
                    hash,
                });
                cand |= u64::from(test_bit(&self.probe_filter, filter_bit(hash))) << k;
                // One separator byte between the previous word and this one: a pair.
                let adjacent = prev_end + 1 == i;
                let key = pair_key(prev_hash, t[i.saturating_sub(1)], hash);
                // `&`, not `&&`: a branch here mispredicted at every third word.
                let pair = adjacent & test_bit(&self.pair_filter, pair_bit(key));
                cand |= u64::from(pair) << prev_k;
                pairs |= u64::from(pair) << prev_k;
                (prev_k, prev_end, prev_hash) = (k, i + len, hash);
            }
            // The block's last word may pair with the first of the next block.
            if word_starts != 0 && test_bit(&self.word_filter, filter_bit(prev_hash)) {
                cand |= 1 << prev_k;
            }

            // Pass 2: the candidates, in order.
            while cand != 0 {
                let k = cand.trailing_zeros() as usize;
                cand &= cand - 1;
                let i = pos + k;
                if i < resume || i >= n {
                    continue;
                }
                let mut best = None;
                let mut accept = |p: u32, e: usize| {
                    if ends_ok(e) {
                        best = Some((p, e));
                    }
                };
                if word_starts & (1 << k) != 0 {
                    #[cfg(feature = "stats")]
                    STATS[0].fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let below = (word_starts & ((1u64 << k) - 1)).count_ones() as usize;
                    let w = words[base + below];
                    let (hash, j) = (w.hash, w.end as usize);
                    let bit = filter_bit(hash);
                    if !test_bit(&self.word_filter, bit) {
                        continue;
                    }
                    // A next word that starts in this block was paired with this one
                    // in pass 1 (a word starting right after the separator at `j` is
                    // the next word); one in the next block is not yet hashed.
                    let pair = if j + 1 < pos + 64 {
                        pairs & (1 << k) != 0
                    } else {
                        self.pair_at(t, j, hash, wide, j - pos)
                    };
                    if !pair && !test_bit(&self.probe_filter, bit) {
                        continue;
                    }
                    let Some(node) = self.first_word_hashed(hash) else {
                        continue;
                    };
                    if pair || test_bit(&self.walk_filter, bit) {
                        #[cfg(feature = "stats")]
                        STATS[1].fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        self.walk_from(t, node, j, &mut accept);
                    } else {
                        let p = (node & 0xFFFF_FFFF) as u32;
                        if p != NONE {
                            accept(p, j);
                        }
                    }
                } else {
                    self.walk(t, i, &mut accept);
                }
                if let Some((p, e)) = best {
                    #[cfg(feature = "stats")]
                    STATS[2].fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    found(i, p, e);
                    resume = e;
                }
            }
            pos += 64;
            (word, space) = (next_word, next_space);
        }
    }

    /// Walks from `t[i]` and calls `accept(pattern, end)` for every pattern that is a
    /// prefix of `t[i..]`, shortest first; the walk stops when `accept` is no longer
    /// needed because the trie has no deeper path.
    #[inline]
    pub fn walk(&self, t: &[u8], i: usize, mut accept: impl FnMut(u32, usize)) {
        let node = self.dense[self.classes[t[i] as usize] as usize];
        if node != NONE {
            self.walk_from(t, self.nodes[node as usize], i + 1, &mut accept);
        }
    }

    /// Whether the separator and next word after the first word (hash `first`) that
    /// ends at `t[j]` make a pair in `pair_filter`, so that some alias may go on there.
    /// `t[j]` is bit `at` (perhaps past 63) of `wide`, the word mask of the block and
    /// the next.
    #[inline(always)]
    fn pair_at(&self, t: &[u8], j: usize, first: u64, wide: u128, at: usize) -> bool {
        let next = j + 1;
        if next < t.len() && !crate::text::is_word_byte(t[j]) && crate::text::is_word_byte(t[next])
        {
            let len = len_at(t, next, wide, at + 1);
            let key = pair_key(first, t[j], hash_word(t, next, len));
            return test_bit(&self.pair_filter, pair_bit(key));
        }
        false
    }

    /// The packed trie node after reading `word` (a whole word of the text, by its
    /// hash), if some alias begins with exactly that word. The caller has tested
    /// `word_filter`.
    #[inline]
    fn first_word_hashed(&self, h: u64) -> Option<u64> {
        let mask = self.word_table.len() / 2 - 1;
        let mut i = home_slot(h, mask);
        loop {
            let k = self.word_table[2 * i];
            if k == h {
                return Some(self.word_table[2 * i + 1]);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Continues a walk at the node packed as `packed`, having read `t[..j]`.
    #[inline]
    fn walk_from(
        &self,
        t: &[u8],
        mut packed: u64,
        mut j: usize,
        accept: &mut impl FnMut(u32, usize),
    ) {
        loop {
            let p = (packed & 0xFFFF_FFFF) as u32;
            if p != NONE {
                accept(p, j);
            }
            if j >= t.len() {
                break;
            }
            let b = t[j];
            let link = (packed >> 32) as u32;
            let node = if link & DENSE_FLAG != 0 {
                self.dense[(link & !DENSE_FLAG) as usize + self.classes[b as usize] as usize]
            } else {
                let a = (link >> 3) as usize;
                let c = (link & 7) as usize;
                self.children[a..a + c]
                    .iter()
                    .find(|&&x| x as u8 == b)
                    .map_or(NONE, |&x| x >> 8)
            };
            if node == NONE {
                break;
            }
            packed = self.nodes[node as usize];
            j += 1;
        }
    }

    /// Approximate heap size in bytes.
    #[must_use]
    pub fn memory_usage(&self) -> usize {
        self.classes.len()
            + self.word_table.len() * 8
            + self.word_filter.len() * 8
            + self.pair_filter.len() * 8
            + self.walk_filter.len() * 8
            + self.probe_filter.len() * 8
            + self.dense.len() * 4
            + self.nodes.len() * 8
            + self.children.len() * 4
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

    /// A few pseudo-random numbers (xorshift), for the exhaustive-ish tests below.
    fn rng(seed: u64) -> impl FnMut(usize) -> usize {
        let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        move |n| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 33) as usize % n
        }
    }

    #[test]
    fn short_token_hash_equals_the_general_one() {
        let text = b"abcdefghijklmnopqrstuvwxyz0123456789";
        for len in 1..=16 {
            let mut lo = [0u8; 8];
            let mut hi = [0u8; 8];
            lo.copy_from_slice(&text[..8]);
            hi.copy_from_slice(&text[8..16]);
            assert_eq!(
                super::super::tables::token_hash_16(
                    u64::from_le_bytes(lo),
                    u64::from_le_bytes(hi),
                    len
                ),
                super::super::tables::token_hash(&text[..len])
            );
        }
        // Near the end of the text there are not sixteen bytes to load: the slow path.
        for i in 0..text.len() {
            for len in 1..=text.len() - i {
                assert_eq!(hash_word(text, i, len), nonzero_hash(&text[i..i + len]));
            }
        }
    }

    /// `scan` against a direct reading of its contract: at each token start, left to
    /// right and never inside the previous match, the longest pattern that is there,
    /// ends on a boundary, and (at a word) begins with that whole word.
    #[test]
    fn scan_agrees_with_a_naive_matcher() {
        // Every other seed draws from mostly word letters, so that words run across
        // the 64-byte blocks of the scan and multi-word patterns recur.
        const SYMBOLIC: &[&str] = &["a", "b", "c", " ", ".", "+", "-", "/", "é", "1"];
        const WORDY: &[&str] = &["a", "b", "a", "b", "a", "b", "a", "b", " ", "-"];
        let word_len = crate::text::word_len;
        for seed in 0..3000u64 {
            let mut r = rng(seed);
            let (alphabet, max_len) = if seed % 2 == 0 {
                (SYMBOLIC, 150)
            } else {
                (WORDY, 400)
            };
            let mut pats: Vec<String> = (0..1 + r(12))
                .map(|_| (0..1 + r(6)).map(|_| alphabet[r(alphabet.len())]).collect())
                .filter(|p: &String| !p.trim().is_empty() && p.trim() == p)
                .collect();
            pats.sort();
            pats.dedup();
            if pats.is_empty() {
                continue;
            }
            let text: String = (0..r(max_len))
                .map(|_| alphabet[r(alphabet.len())])
                .collect();
            let t = text.as_bytes();
            let ends_ok = |e: usize| {
                e >= t.len()
                    || !crate::text::is_word_byte(t[e - 1])
                    || !crate::text::is_word_byte(t[e])
            };
            let d = Dict::new(&pats);
            let mut got = Vec::new();
            d.scan(t, &mut Vec::new(), ends_ok, |s, p, e| got.push((s, p, e)));

            let mut want = Vec::new();
            let mut resume = 0;
            for i in 0..t.len() {
                let after_word = i > 0 && crate::text::is_word_byte(t[i - 1]);
                let word = crate::text::is_word_byte(t[i]);
                if after_word || t[i] == b' ' || i < resume {
                    continue;
                }
                let w = word_len(&t[i..]);
                let best = pats
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| t[i..].starts_with(p.as_bytes()))
                    .filter(|(_, p)| !word || word_len(p.as_bytes()) == w)
                    .filter(|(_, p)| ends_ok(i + p.len()))
                    .max_by_key(|(_, p)| p.len());
                if let Some((pid, p)) = best {
                    want.push((i, pid as u32, i + p.len()));
                    resume = i + p.len();
                }
            }
            assert_eq!(got, want, "patterns {pats:?} text {text:?}");
        }
    }

    #[test]
    fn swar_masks_match_a_byte_loop() {
        let mut block = [0u8; 64];
        for seed in 0..2000u64 {
            let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
            for b in &mut block {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                *b = (x >> 24) as u8;
            }
            let (w, s) = block_masks(&block);
            assert_eq!((w, s), block_masks_swar(&block));
            for (k, &b) in block.iter().enumerate() {
                let is_word =
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b >= 0x80;
                assert_eq!(w >> k & 1 == 1, is_word, "byte {b:#x}");
                assert_eq!(s >> k & 1 == 1, b == b' ', "byte {b:#x}");
            }
        }
    }

    #[test]
    fn scan_finds_token_bounded_longest_matches_across_blocks() {
        let pats: Vec<String> = ["go", "golang", ".net", "machine learning", "c++"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let d = Dict::new(&pats);
        let mut text = "good cargo: go, golang; asp.net and .net c++17 ".repeat(3);
        text.push_str(&"x".repeat(61));
        text.push_str(" machine learning");
        let t = text.as_bytes();
        let ends_ok = |e: usize| {
            e >= t.len() || !crate::text::is_word_byte(t[e - 1]) || !crate::text::is_word_byte(t[e])
        };
        let mut got = Vec::new();
        let mut words = Vec::new();
        d.scan(t, &mut words, ends_ok, |s, p, e| got.push((p, &text[s..e])));
        assert_eq!(
            words.len(),
            text.split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .count()
        );
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
