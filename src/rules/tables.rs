//! The compiled form of a rule set as plain tables: rules with their implication and
//! relation graphs, every folded spelling with the readings it stands for, and the
//! alias dictionary. Built by the same code at run time (for user packs) and in
//! `build.rs` (for the built-in packs, which are emitted as `static` Rust data so that
//! start-up does no work for them).
//!
//! All data is `Cow<'static, _>`: borrowed from the binary for built-in tables, owned
//! when built at run time. This file is also compiled into `build.rs` and may only use
//! `std` and the `text`, `schema` and `dict` modules.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::dict::Dict;
use super::schema::{Category, ContextInput, Pos, RuleInput};
use crate::text::Folded;

/// A string that is borrowed from the binary or owned.
pub type Str = Cow<'static, str>;
/// A list that is borrowed from the binary or owned.
pub type List<T> = Cow<'static, [T]>;

/// Index of a rule in its `RuleSet`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleId(pub u32);

impl RuleId {
    /// As a vector index.
    #[must_use]
    pub fn index(self) -> usize {
        self.0 as usize
    }

    fn of(i: usize) -> Self {
        Self(u32::try_from(i).unwrap_or(u32::MAX))
    }
}

/// Where something in a rule file is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// The rule file as shown to users (`rules/languages.yml`).
    pub file: Str,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.col)
    }
}

/// Context guards of a rule, terms already folded. `any_near` and `none_near` are
/// sorted by the hash of their first word (`term_key`), with the hashes alongside, so
/// a guard looks each word of its window up instead of searching for every term.
#[derive(Debug, Clone, PartialEq)]
pub struct ContextDef {
    /// Words or phrases, at least one of which must be near.
    pub any_near: List<Str>,
    /// `term_key` of each `any_near` term.
    pub any_near_keys: List<u64>,
    /// Categories of skills, one of which must be near.
    pub any_near_category: List<Category>,
    /// Words or phrases, one of which must be somewhere in the document.
    pub any_in_document: List<Str>,
    /// Words or phrases none of which may be near.
    pub none_near: List<Str>,
    /// `term_key` of each `none_near` term.
    pub none_near_keys: List<u64>,
    /// A capitalised name followed by a capitalised word that names no skill is a
    /// person's name ("Ruby Chen"), vetoed.
    pub given_name: bool,
    /// Words on each side that count as near.
    pub window: u32,
}

/// A 256-bit set over word hashes (bits 56..64 of the hash pick the bit).
pub type TermFilter = [u64; 4];

/// True when `hash` may be in `f`.
#[inline]
#[must_use]
pub fn may_contain(f: &TermFilter, hash: u64) -> bool {
    let bit = (hash >> 56) as usize;
    f[bit / 64] & (1 << (bit % 64)) != 0
}

/// The `TermFilter` of some term keys.
#[must_use]
pub fn term_filter(keys: &[u64]) -> TermFilter {
    let mut f = [0u64; 4];
    for &k in keys {
        let bit = (k >> 56) as usize;
        f[bit / 64] |= 1 << (bit % 64);
    }
    f
}

/// FNV-1a hash of bytes: stable across versions, for what is stored or must not change
/// (saved postings' content hashes, the tailoring wording seed).
#[must_use]
pub fn word_hash(word: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Hash of one token of folded text, for the alias dictionary's first-word table and
/// the guards' term keys; the same at build time and run time. It reads the token eight
/// bytes at a time (zero-padded, little-endian) with one multiply per chunk: a scan
/// hashes every word of every posting, and FNV's multiply per byte made hashing the
/// largest single cost of extraction. `token_hash_16` is the same function for
/// tokens of at most sixteen bytes already loaded.
#[must_use]
#[inline]
pub fn token_hash(token: &[u8]) -> u64 {
    let mut chunks = token.chunks_exact(8);
    let mut h = token.len() as u64;
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = mix(h ^ u64::from_le_bytes(a));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() || token.is_empty() {
        let mut a = [0u8; 8];
        a[..rest.len()].copy_from_slice(rest);
        h = mix(h ^ u64::from_le_bytes(a));
    }
    finish(h)
}

/// `token_hash` of a token of `len` bytes (1..=16) that begins the sixteen bytes `lo`,
/// `hi` (little-endian; bytes past the token are ignored), without a branch on `len`.
#[must_use]
#[inline(always)]
pub fn token_hash_16(lo: u64, hi: u64, len: usize) -> u64 {
    let first = len.min(8);
    let second = len.saturating_sub(8);
    // Masks of the token's bytes in each half (`first` is at least 1; a `second` of 0
    // keeps nothing), with shifts below 64.
    let keep_lo = u64::MAX >> (64 - 8 * first);
    let keep_hi =
        (u64::MAX >> ((64 - 8 * second) & 63)) & 0u64.wrapping_sub(u64::from(second != 0));
    let one = mix(len as u64 ^ (lo & keep_lo));
    let two = mix(one ^ (hi & keep_hi));
    finish(if len > 8 { two } else { one })
}

#[inline]
fn mix(x: u64) -> u64 {
    let m = x.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    m ^ (m >> 29)
}

#[inline]
fn finish(h: u64) -> u64 {
    let m = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    m ^ (m >> 32)
}

/// Key of a guard term: the hash of its first word, or 0 when it starts with a symbol
/// (such terms are searched for directly).
#[must_use]
pub fn term_key(term: &str) -> u64 {
    let b = term.as_bytes();
    let n = crate::text::word_len(b);
    if n == 0 {
        0
    } else {
        super::dict::nonzero_hash(&b[..n])
    }
}

/// Terms folded and sorted by key, with their keys.
fn keyed_terms(v: &[Pos<String>]) -> (List<Str>, List<u64>) {
    let mut terms: Vec<(u64, String)> = v
        .iter()
        .map(|p| fold(&p.v))
        .filter(|t| !t.is_empty())
        .map(|t| (term_key(&t), t))
        .collect();
    terms.sort();
    terms.dedup();
    let keys = terms.iter().map(|(k, _)| *k).collect();
    let terms = terms.into_iter().map(|(_, t)| Cow::Owned(t)).collect();
    (Cow::Owned(terms), Cow::Owned(keys))
}

impl ContextDef {
    /// True when the guard accepts only some matches (has a positive condition).
    #[must_use]
    pub fn has_positive(&self) -> bool {
        !self.any_near.is_empty()
            || !self.any_near_category.is_empty()
            || !self.any_in_document.is_empty()
    }
}

/// Default context window in words.
pub const DEFAULT_WINDOW: u32 = 8;

/// A compiled rule: what reports show, and what scoring needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Stable id.
    pub id: Str,
    /// Canonical name.
    pub name: Str,
    /// Category.
    pub category: Category,
    /// Weight.
    pub weight: f32,
    /// Case-insensitive aliases as written.
    pub aliases: List<Str>,
    /// Case-sensitive aliases as written.
    pub exact: List<Str>,
    /// Folded forms of `aliases` then `exact`, in that order.
    pub folded: List<Str>,
    /// Regex patterns as written.
    pub patterns: List<Str>,
    /// Direct implications.
    pub implies: List<RuleId>,
    /// Direct relations (as written; `RuleSet::related_to` is symmetric).
    pub related: List<RuleId>,
    /// Context guards.
    pub context: Option<ContextDef>,
    /// Sentences that must match.
    pub examples_match: List<Str>,
    /// Sentences that must not match.
    pub examples_no_match: List<Str>,
    /// Description.
    pub description: Option<Str>,
    /// Where the rule is defined.
    pub origin: Origin,
    /// The built-in rule this one replaced.
    pub overrides: Option<Origin>,
}

/// One reading of a dictionary pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// The rule.
    pub rule: RuleId,
    /// For case-sensitive aliases: the exact spelling the original text must have.
    pub exact: Option<Str>,
    /// The rule's context guard applies to this spelling.
    pub guarded: bool,
}

/// Everything a rule set is, as data.
#[derive(Debug, Clone)]
pub struct Tables {
    /// Rules in load order. What a rule implies transitively is not stored: see
    /// `Tables::implied_by`.
    pub rules: List<Rule>,
    /// Per rule: related rules in both directions, sorted.
    pub related: List<List<RuleId>>,
    /// (id, rule) sorted by id, for lookups.
    pub index: List<(Str, RuleId)>,
    /// For each dictionary pattern, the range of `targets` it stands for.
    pub pattern_targets: List<(u32, u32)>,
    /// Readings, grouped by pattern; guarded readings first.
    pub targets: List<Target>,
    /// The alias dictionary over the folded spellings.
    pub dict: Dict,
    /// Per rule, the `term_filter` of its `none_near` keys and of its `any_near` keys
    /// (zero without a guard). A guard looks every word near a match up in its terms;
    /// nearly all those words begin none of them, and one bit test turns them away
    /// before the sorted keys are searched. Per rule, because the guards' terms
    /// together include the commonest words (`to`, `the`, `we`): one filter over all
    /// of them would pass most words. A table of its own, not a field of `ContextDef`:
    /// plain numbers need no relocation when the program starts, while every byte
    /// added to `Rule` made start-up touch more relocated pages.
    pub guard_filters: List<[TermFilter; 2]>,
}

/// A rule ready to be compiled: validated (at run time) or trusted (built-in, checked
/// by the test suite and `jobfit rules check`).
#[derive(Debug, Clone)]
pub struct RuleSource {
    /// The rule, with `implies` and `related` still unresolved.
    pub rule: Rule,
    /// Ids of `implies`.
    pub implies: Vec<String>,
    /// Ids of `related`.
    pub related: Vec<String>,
}

fn fold(s: &str) -> String {
    Folded::new(s).as_str().trim().to_owned()
}

fn owned_list(v: Vec<Pos<String>>) -> List<Str> {
    Cow::Owned(v.into_iter().map(|p| Cow::Owned(p.v)).collect())
}

fn folded_terms(v: &[Pos<String>]) -> List<Str> {
    Cow::Owned(
        v.iter()
            .map(|p| fold(&p.v))
            .filter(|t| !t.is_empty())
            .map(Cow::Owned)
            .collect(),
    )
}

impl RuleSource {
    /// Converts a parsed rule; `file` is where it was read from.
    #[must_use]
    pub fn from_input(r: RuleInput, file: &Str) -> Self {
        let origin = |p: (u32, u32)| Origin {
            file: file.clone(),
            line: p.0,
            col: p.1,
        };
        let folded: Vec<Str> = r
            .aliases
            .iter()
            .chain(&r.exact)
            .map(|a| Cow::Owned(fold(&a.v)))
            .collect();
        let context = r.context.as_ref().map(|c: &ContextInput| {
            let (any_near, any_near_keys) = keyed_terms(&c.any_near);
            let (none_near, none_near_keys) = keyed_terms(&c.none_near);
            ContextDef {
                any_near,
                any_near_keys,
                any_near_category: Cow::Owned(c.any_near_category.clone()),
                any_in_document: folded_terms(&c.any_in_document),
                none_near,
                none_near_keys,
                given_name: c.given_name,
                window: c.window.as_ref().map_or(DEFAULT_WINDOW, |w| w.v),
            }
        });
        let trimmed = |v: Vec<Pos<String>>| -> Vec<Pos<String>> {
            v.into_iter()
                .map(|p| Pos {
                    v: p.v.trim().to_owned(),
                    l: p.l,
                    c: p.c,
                })
                .collect()
        };
        let rule = Rule {
            id: Cow::Owned(r.id.v.trim().to_owned()),
            name: Cow::Owned(r.name.v.trim().to_owned()),
            category: r.category,
            weight: r
                .weight
                .as_ref()
                .map_or(r.category.default_weight(), |w| w.v),
            aliases: owned_list(trimmed(r.aliases)),
            exact: owned_list(trimmed(r.exact)),
            folded: Cow::Owned(folded),
            patterns: owned_list(r.patterns),
            implies: Cow::Borrowed(&[]),
            related: Cow::Borrowed(&[]),
            context,
            examples_match: owned_list(r.examples_match),
            examples_no_match: owned_list(r.examples_no_match),
            description: r.description.map(|d| Cow::Owned(d.trim().to_owned())),
            origin: origin((r.id.l, r.id.c)),
            overrides: None,
        };
        Self {
            rule,
            implies: r
                .implies
                .into_iter()
                .map(|p| p.v.trim().to_owned())
                .collect(),
            related: r
                .related
                .into_iter()
                .map(|p| p.v.trim().to_owned())
                .collect(),
        }
    }

    /// The source of a compiled rule (to merge a user pack over built-in rules).
    #[must_use]
    pub fn from_rule(rule: &Rule, rules: &[Rule]) -> Self {
        let ids = |v: &[RuleId]| v.iter().map(|r| rules[r.index()].id.to_string()).collect();
        Self {
            implies: ids(&rule.implies),
            related: ids(&rule.related),
            rule: rule.clone(),
        }
    }
}

impl Tables {
    /// Compiles merged rule sources into tables.
    ///
    /// # Errors
    /// References (`implies`, `related`) to ids that do not exist; validation reports
    /// these with positions before this is reached.
    pub fn build(sources: Vec<RuleSource>) -> Result<Self, Vec<String>> {
        let mut by_id: HashMap<String, RuleId> = HashMap::with_capacity(sources.len());
        for (i, s) in sources.iter().enumerate() {
            by_id.insert(s.rule.id.to_string(), RuleId::of(i));
        }
        let mut problems = Vec::new();
        let mut resolve = |from: &str, v: &[String]| -> Vec<RuleId> {
            v.iter()
                .filter_map(|id| {
                    let r = by_id.get(id).copied();
                    if r.is_none() {
                        problems.push(format!(
                            "rule `{from}` refers to `{id}`, which is not a rule id"
                        ));
                    }
                    r
                })
                .collect()
        };
        let mut rules: Vec<Rule> = Vec::with_capacity(sources.len());
        for s in sources {
            let mut r = s.rule;
            r.implies = Cow::Owned(resolve(&r.id, &s.implies));
            r.related = Cow::Owned(resolve(&r.id, &s.related));
            rules.push(r);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let related = symmetric_related(&rules);
        let mut index: Vec<(Str, RuleId)> = rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), RuleId::of(i)))
            .collect();
        index.sort_by(|a, b| a.0.cmp(&b.0));

        // folded spelling → readings, in rule order so results are deterministic.
        let mut patterns: Vec<String> = Vec::new();
        let mut readings: Vec<Vec<Target>> = Vec::new();
        let mut slots: HashMap<&str, usize> = HashMap::new();
        for (i, r) in rules.iter().enumerate() {
            let rid = RuleId::of(i);
            let exacts = std::iter::repeat_n(None, r.aliases.len()).chain(r.exact.iter().map(Some));
            for (key, exact) in r.folded.iter().zip(exacts) {
                if key.is_empty() {
                    continue;
                }
                let slot = *slots.entry(key.as_ref()).or_insert_with(|| {
                    patterns.push(key.to_string());
                    readings.push(Vec::new());
                    patterns.len() - 1
                });
                // A context guards the exact spellings, or every spelling of a rule
                // that has none.
                let guarded = r.context.is_some() && (exact.is_some() || r.exact.is_empty());
                let exact: Option<Str> = exact.cloned();
                if !readings[slot]
                    .iter()
                    .any(|t| t.rule == rid && t.exact == exact)
                {
                    readings[slot].push(Target {
                        rule: rid,
                        exact,
                        guarded,
                    });
                }
            }
        }
        let mut targets = Vec::new();
        let mut pattern_targets = Vec::with_capacity(readings.len());
        for mut rs in readings {
            // Guarded readings first: they claim a match in their context, and the
            // unguarded reading (at most one, checked at load) takes what is left.
            rs.sort_by_key(|t| (!t.guarded, t.rule));
            let start = u32::try_from(targets.len()).unwrap_or(u32::MAX);
            targets.extend(rs);
            let end = u32::try_from(targets.len()).unwrap_or(u32::MAX);
            pattern_targets.push((start, end));
        }
        let dict = Dict::new(&patterns);
        let guard_filters = rules
            .iter()
            .map(|r| {
                r.context.as_ref().map_or([[0; 4]; 2], |g| {
                    [
                        term_filter(&g.none_near_keys),
                        term_filter(&g.any_near_keys),
                    ]
                })
            })
            .collect();
        Ok(Self {
            rules: Cow::Owned(rules),
            related: Cow::Owned(related.into_iter().map(Cow::Owned).collect()),
            index: Cow::Owned(index),
            pattern_targets: Cow::Owned(pattern_targets),
            targets: Cow::Owned(targets),
            dict,
            guard_filters: Cow::Owned(guard_filters),
        })
    }

    /// Rust source for these tables as a `static` named `name`, for `build.rs`.
    #[must_use]
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn to_rust(&self, name: &str) -> String {
        let mut o = String::with_capacity(4 << 20);
        let _ = writeln!(o, "pub(crate) static {name}: Tables = Tables {{");
        o.push_str("rules: Cow::Borrowed(&[\n");
        for r in self.rules.iter() {
            rule_rust(&mut o, r);
        }
        o.push_str("]),\nrelated: Cow::Borrowed(&[");
        for v in self.related.iter() {
            ids_rust(&mut o, v);
            o.push(',');
        }
        o.push_str("]),\nindex: Cow::Borrowed(&[");
        for (id, r) in self.index.iter() {
            let _ = write!(o, "(Cow::Borrowed({id:?}),RuleId({})),", r.0);
        }
        o.push_str("]),\npattern_targets: Cow::Borrowed(&[");
        for (a, b) in self.pattern_targets.iter() {
            let _ = write!(o, "({a},{b}),");
        }
        o.push_str("]),\ntargets: Cow::Borrowed(&[");
        for t in self.targets.iter() {
            let _ = write!(
                o,
                "Target{{rule:RuleId({}),exact:{},guarded:{}}},",
                t.rule.0,
                opt_str(t.exact.as_deref()),
                t.guarded
            );
        }
        o.push_str("]),\ndict: ");
        self.dict.to_rust(&mut o);
        o.push_str(",\nguard_filters: Cow::Borrowed(&[");
        for f in self.guard_filters.iter() {
            let _ = write!(o, "{f:?},");
        }
        o.push_str("]),\n};\n");
        o
    }
}

#[cfg_attr(not(test), allow(dead_code))]
fn opt_str(s: Option<&str>) -> String {
    s.map_or_else(
        || "None".to_owned(),
        |s| format!("Some(Cow::Borrowed({s:?}))"),
    )
}

#[cfg_attr(not(test), allow(dead_code))]
fn strs_rust(o: &mut String, v: &[Str]) {
    o.push_str("Cow::Borrowed(&[");
    for s in v {
        let _ = write!(o, "Cow::Borrowed({s:?}),");
    }
    o.push_str("])");
}

#[cfg_attr(not(test), allow(dead_code))]
fn keys_rust(o: &mut String, v: &[u64]) {
    o.push_str("Cow::Borrowed(&[");
    for k in v {
        let _ = write!(o, "{k},");
    }
    o.push_str("])");
}

#[cfg_attr(not(test), allow(dead_code))]
fn ids_rust(o: &mut String, v: &[RuleId]) {
    o.push_str("Cow::Borrowed(&[");
    for r in v {
        let _ = write!(o, "RuleId({}),", r.0);
    }
    o.push_str("])");
}

#[cfg_attr(not(test), allow(dead_code))]
fn origin_rust(o: &Origin) -> String {
    format!(
        "Origin{{file:Cow::Borrowed({:?}),line:{},col:{}}}",
        o.file, o.line, o.col
    )
}

#[cfg_attr(not(test), allow(dead_code))]
fn rule_rust(o: &mut String, r: &Rule) {
    let _ = write!(
        o,
        "Rule{{id:Cow::Borrowed({:?}),name:Cow::Borrowed({:?}),category:Category::{:?},weight:{:?},aliases:",
        r.id, r.name, r.category, r.weight
    );
    strs_rust(o, &r.aliases);
    o.push_str(",exact:");
    strs_rust(o, &r.exact);
    o.push_str(",folded:");
    strs_rust(o, &r.folded);
    o.push_str(",patterns:");
    strs_rust(o, &r.patterns);
    o.push_str(",implies:");
    ids_rust(o, &r.implies);
    o.push_str(",related:");
    ids_rust(o, &r.related);
    o.push_str(",context:");
    match &r.context {
        None => o.push_str("None"),
        Some(c) => {
            o.push_str("Some(ContextDef{any_near:");
            strs_rust(o, &c.any_near);
            o.push_str(",any_near_keys:");
            keys_rust(o, &c.any_near_keys);
            o.push_str(",any_near_category:Cow::Borrowed(&[");
            for cat in c.any_near_category.iter() {
                let _ = write!(o, "Category::{cat:?},");
            }
            o.push_str("]),any_in_document:");
            strs_rust(o, &c.any_in_document);
            o.push_str(",none_near:");
            strs_rust(o, &c.none_near);
            o.push_str(",none_near_keys:");
            keys_rust(o, &c.none_near_keys);
            let _ = write!(o, ",given_name:{},window:{}}})", c.given_name, c.window);
        }
    }
    o.push_str(",examples_match:");
    strs_rust(o, &r.examples_match);
    o.push_str(",examples_no_match:");
    strs_rust(o, &r.examples_no_match);
    let _ = writeln!(
        o,
        ",description:{},origin:{},overrides:{}}},",
        opt_str(r.description.as_deref()),
        origin_rust(&r.origin),
        r.overrides.as_ref().map_or_else(
            || "None".to_owned(),
            |x| format!("Some({})", origin_rust(x))
        )
    );
}

impl Tables {
    /// Everything rule `id` implies, transitively, sorted (not `id` itself, even in a
    /// cycle): a walk of the `implies` edges it reaches, in time and memory linear in
    /// what it finds. Computed when asked, not stored per rule: the closures of all
    /// rules together grow with the square of the pack (a chain of 20,000 rules each
    /// implying the next is 200 million entries, 5.9 s and 900 MB to build at start-up,
    /// for `rules check` which never reads one).
    #[must_use]
    pub fn implied_by(&self, id: RuleId) -> Vec<RuleId> {
        let rules = &self.rules;
        let mut out = Vec::new();
        let mut seen: HashSet<RuleId> = HashSet::new();
        seen.insert(id);
        let mut stack: Vec<RuleId> = rules[id.index()].implies.to_vec();
        while let Some(r) = stack.pop() {
            if seen.insert(r) {
                out.push(r);
                stack.extend(rules[r.index()].implies.iter().copied());
            }
        }
        out.sort_unstable();
        out
    }
}

fn symmetric_related(rules: &[Rule]) -> Vec<Vec<RuleId>> {
    let mut out: Vec<Vec<RuleId>> = vec![Vec::new(); rules.len()];
    for (i, r) in rules.iter().enumerate() {
        for &o in r.related.iter() {
            out[i].push(o);
            out[o.index()].push(RuleId::of(i));
        }
    }
    for v in &mut out {
        v.sort();
        v.dedup();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in tables compiled into the binary are exactly what the run-time
    /// pipeline builds from the same YAML with full validation.
    #[test]
    fn generated_builtin_tables_match_the_validating_pipeline() {
        let sources = crate::rules::load_defs(&crate::rules::RuleSources::default(), true)
            .expect("built-in packs validate");
        let tables = Tables::build(sources).expect("built-in packs compile");
        let generated = include_str!(concat!(env!("OUT_DIR"), "/builtin_tables.rs"));
        assert!(
            tables.to_rust("BUILTIN_TABLES") == generated,
            "build.rs and the run-time pipeline disagree on the built-in rules"
        );
    }

    fn source(id: &str, implies: &[String]) -> RuleSource {
        let id: Str = Cow::Owned(id.to_owned());
        RuleSource {
            rule: Rule {
                id: id.clone(),
                name: id.clone(),
                category: Category::Tool,
                weight: 1.0,
                aliases: Cow::Owned(vec![id.clone()]),
                exact: Cow::Borrowed(&[]),
                folded: Cow::Owned(vec![id]),
                patterns: Cow::Borrowed(&[]),
                implies: Cow::Borrowed(&[]),
                related: Cow::Borrowed(&[]),
                context: None,
                examples_match: Cow::Borrowed(&[]),
                examples_no_match: Cow::Borrowed(&[]),
                description: None,
                origin: Origin::default(),
                overrides: None,
            },
            implies: implies.to_vec(),
            related: Vec::new(),
        }
    }

    /// Regression: every rule's closure was built and kept at start-up, quadratic in
    /// a long chain (this one: 200 million entries, 800 MB) or a hub that many rules
    /// imply and that implies many (100 million).
    #[test]
    fn long_chains_and_wide_hubs_compile_in_linear_space() {
        const N: usize = 20_000;
        let id = |p: &str, i: usize| format!("{p}{i}");
        let mut sources: Vec<RuleSource> = (0..N)
            .map(|i| source(&id("c", i), &[id("c", i + 1)][..usize::from(i + 1 < N)]))
            .collect();
        let spokes: Vec<String> = (0..N / 2).map(|i| id("o", i)).collect();
        sources.push(source("hub", &spokes));
        sources.extend((0..N / 2).map(|i| source(&id("s", i), &["hub".to_owned()])));
        sources.extend(spokes.iter().map(|o| source(o, &[])));
        let rules = crate::rules::RuleSet::compile(sources).expect("compiles");
        let chain = rules.implied_by(RuleId(0));
        assert_eq!(chain.len(), N - 1);
        assert!(chain.windows(2).all(|w| w[0] < w[1]) && chain[0] == RuleId(1));
        assert_eq!(rules.implied_by(RuleId::of(N - 2)), [RuleId::of(N - 1)]);
        assert!(rules.implied_by(RuleId::of(N - 1)).is_empty());
        let hub = rules.find("hub").unwrap();
        let from_spoke = rules.implied_by(rules.find("s7").unwrap());
        assert_eq!(from_spoke.len(), N / 2 + 1);
        assert_eq!(from_spoke[0], hub);
        assert_eq!(rules.implied_by(hub), &from_spoke[1..]);
    }

    #[test]
    fn a_closure_leaves_out_the_rule_itself_and_each_rule_once() {
        let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        // a ⇒ b, c; b ⇒ d; c ⇒ d, a (a cycle, which validation reports first).
        let sources = vec![
            source("a", &s(&["b", "c"])),
            source("b", &s(&["d"])),
            source("c", &s(&["d", "a"])),
            source("d", &[]),
        ];
        let t = Tables::build(sources).unwrap();
        let ids = |v: &[u32]| v.iter().map(|&i| RuleId(i)).collect::<Vec<_>>();
        assert_eq!(t.implied_by(RuleId(0)), ids(&[1, 2, 3]));
        assert_eq!(t.implied_by(RuleId(2)), ids(&[0, 1, 3]));
        assert_eq!(t.implied_by(RuleId(3)), ids(&[]));
    }
}
