//! Extraction: a compiled `RuleSet` run over one document's folded text gives findings,
//! each a rule and the exact byte span of the words that evidence it.
//!
//! One pass over the folded text walks the alias dictionary from every token start and
//! keeps the longest alias that also ends on a token boundary: `C++`, `C#`, `.NET`,
//! `CI/CD` match; the `go` in `good` and the `c` in `c++17` do not. The few regex patterns run only when a `RegexSet` says they
//! can match. Context guards run last, because "near a skill of category X" needs the
//! unguarded findings first.

use serde::Serialize;

use crate::rules::dict::Word;
use crate::rules::{ContextDef, RuleId, RuleSet};
use crate::text::{Folded, is_word_byte};

/// How a finding was produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// A case-insensitive alias.
    Alias,
    /// A case-sensitive alias.
    Exact,
    /// A regex pattern.
    Pattern,
}

/// One skill mention in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    /// The rule that matched.
    pub rule: RuleId,
    /// Byte offset of the first matched byte in the original text.
    pub start: usize,
    /// Byte offset one past the last matched byte in the original text.
    pub end: usize,
    /// Start in the folded text (for proximity computations).
    pub fstart: usize,
    /// End in the folded text.
    pub fend: usize,
    /// What kind of rule entry matched.
    pub via: Via,
}

/// True when the folded span `[s, e)` starts and ends on token boundaries: nothing of
/// a word just before it, and, unless it ends with a symbol (`c++`), nothing of a word
/// just after it.
#[inline]
#[must_use]
pub fn on_boundaries(t: &[u8], s: usize, e: usize) -> bool {
    start_ok(t, s) && end_ok(t, e)
}

#[inline]
fn start_ok(t: &[u8], s: usize) -> bool {
    // Also for a span that begins with a symbol: the `.net` of `lwn.net` is no token.
    s == 0 || !is_word_byte(t[s - 1])
}

#[inline]
fn end_ok(t: &[u8], e: usize) -> bool {
    e >= t.len() || e == 0 || !is_word_byte(t[e - 1]) || !is_word_byte(t[e])
}

/// A candidate whose rule has a context guard, decided after the unguarded pass.
struct Pending {
    fstart: usize,
    fend: usize,
    /// Guarded readings, in priority order.
    guarded: Vec<(RuleId, Via)>,
    /// The unguarded reading, taken when no guarded one accepts.
    fallback: Option<(RuleId, Via)>,
}

impl RuleSet {
    /// Extracts findings from `text`.
    #[must_use]
    pub fn extract(&self, text: &str) -> Vec<Finding> {
        let folded = Folded::new(text);
        self.extract_folded(text, &folded)
    }

    /// Extracts findings from `original`, whose folded form is `folded`. Findings are
    /// sorted by position; a rule never has two overlapping findings.
    #[must_use]
    pub fn extract_folded(&self, original: &str, folded: &Folded) -> Vec<Finding> {
        let t = folded.as_bytes();
        let mut found: Vec<Finding> = Vec::new();
        let mut pending: Vec<Pending> = Vec::new();

        let mut words: Vec<Word> = Vec::with_capacity(t.len() / 5);
        self.dict().scan(
            t,
            &mut words,
            |e| end_ok(t, e),
            |s, pid, e| {
                self.resolve_alias(
                    original,
                    folded,
                    s,
                    e,
                    pid as usize,
                    &mut found,
                    &mut pending,
                )
            },
        );

        if !self.regexes.is_empty() {
            let run = |idx: usize, found: &mut Vec<Finding>, pending: &mut Vec<Pending>| {
                let (rule, guarded, re) = &self.regexes[idx];
                for hit in re.find_iter(t) {
                    let (s, e) = (hit.start(), hit.end());
                    if s == e || !on_boundaries(t, s, e) {
                        continue;
                    }
                    if *guarded {
                        pending.push(Pending {
                            fstart: s,
                            fend: e,
                            guarded: vec![(*rule, Via::Pattern)],
                            fallback: None,
                        });
                    } else {
                        found.push(finding(folded, *rule, s, e, Via::Pattern));
                    }
                }
            };
            match &self.regex_set {
                Some(set) => {
                    for idx in set.matches(t).iter() {
                        run(idx, &mut found, &mut pending);
                    }
                }
                None => {
                    for idx in 0..self.regexes.len() {
                        run(idx, &mut found, &mut pending);
                    }
                }
            }
        }

        if !pending.is_empty() {
            // Guards that look at nearby words only are decided first; guards that ask
            // for a nearby skill of some category then see those findings too (so
            // "Python and Go" accepts Go even though Python has a veto-only guard).
            let needs_skills = |p: &Pending| {
                p.guarded.iter().any(|(r, _)| {
                    self.rule(*r)
                        .context
                        .as_ref()
                        .is_some_and(|g| !g.any_near_category.is_empty())
                })
            };
            let mut doc_cache = DocCache {
                words: &words,
                rules: Vec::new(),
            };
            for second in [false, true] {
                found.sort_by_key(|f| (f.fstart, f.rule));
                let mut accepted = Vec::new();
                for p in pending.iter().filter(|p| needs_skills(p) == second) {
                    let mut any = false;
                    for &(rule, via) in &p.guarded {
                        let Some(guard) = &self.rule(rule).context else {
                            continue;
                        };
                        if self.guard_accepts(
                            guard,
                            rule,
                            t,
                            p.fstart,
                            p.fend,
                            &found,
                            &mut doc_cache,
                        ) {
                            accepted.push(finding(folded, rule, p.fstart, p.fend, via));
                            any = true;
                        }
                    }
                    if !any && let Some((rule, via)) = p.fallback {
                        accepted.push(finding(folded, rule, p.fstart, p.fend, via));
                    }
                }
                found.extend(accepted);
            }
        }

        // One finding per rule per place: a pattern and an alias may both cover it. Rule
        // by rule, in order of position, a finding that starts inside the previous kept
        // one goes (stable sorts: of equal spans, the first produced stays).
        found.sort_by_key(|f| (f.rule, f.start, f.end));
        let mut last: Option<(RuleId, usize)> = None;
        found.retain(|f| {
            let keep = !matches!(last, Some((rule, end)) if rule == f.rule && f.start < end);
            if keep {
                last = Some((f.rule, f.end));
            }
            keep
        });
        found.sort_by_key(|f| (f.start, f.rule, f.end));
        found
    }

    #[allow(clippy::too_many_arguments)]
    fn resolve_alias(
        &self,
        original: &str,
        folded: &Folded,
        s: usize,
        e: usize,
        pid: usize,
        found: &mut Vec<Finding>,
        pending: &mut Vec<Pending>,
    ) {
        let readings = self.readings(pid);
        let mut guarded = Vec::new();
        let mut fallback = None;
        for t in readings {
            let via = if let Some(exact) = &t.exact {
                let (os, oe) = folded.original_span(s, e);
                if original.as_bytes().get(os..oe) != Some(exact.as_bytes()) {
                    continue;
                }
                Via::Exact
            } else {
                Via::Alias
            };
            if t.guarded {
                guarded.push((t.rule, via));
            } else if fallback.is_none() {
                fallback = Some((t.rule, via));
            }
        }
        if guarded.is_empty() {
            if let Some((rule, via)) = fallback {
                found.push(finding(folded, rule, s, e, via));
            }
        } else {
            pending.push(Pending {
                fstart: s,
                fend: e,
                guarded,
                fallback,
            });
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn guard_accepts(
        &self,
        g: &ContextDef,
        rule: RuleId,
        t: &[u8],
        s: usize,
        e: usize,
        found: &[Finding],
        doc: &mut DocCache<'_>,
    ) -> bool {
        let tokens = doc.words;
        // The match's own words, then `window` words on each side.
        let first = tokens.partition_point(|w| (w.end as usize) <= s);
        let past = tokens.partition_point(|w| (w.start as usize) < e);
        let w = g.window as usize;
        let window = &tokens[first.saturating_sub(w)..(past + w).min(tokens.len())];
        let (a, b) = match (window.first(), window.last()) {
            (Some(x), Some(y)) => (x.start as usize, y.end as usize),
            _ => (s, e),
        };
        let [none_filter, any_filter] = &self.tables.guard_filters[rule.index()];
        let near = |terms, keys, overlap, filter| {
            terms_near(t, window, a, b, s, e, terms, keys, overlap, filter)
        };
        if near(&g.none_near, &g.none_near_keys, true, none_filter) {
            return false;
        }
        if !g.has_positive() {
            return true;
        }
        if near(&g.any_near, &g.any_near_keys, false, any_filter) {
            return true;
        }
        if !g.any_near_category.is_empty() {
            let lo = found.partition_point(|f| f.fstart < a);
            if found[lo..].iter().take_while(|f| f.fstart < b).any(|f| {
                (f.fend <= s || f.fstart >= e)
                    && g.any_near_category.contains(&self.rule(f.rule).category)
            }) {
                return true;
            }
        }
        if !g.any_in_document.is_empty() {
            if let Some(&(_, v)) = doc.rules.iter().find(|(r, _)| *r == rule) {
                return v;
            }
            let v = g
                .any_in_document
                .iter()
                .any(|f| term_in(t, 0, t.len(), s, e, f, false));
            doc.rules.push((rule, v));
            return v;
        }
        false
    }
}

/// Per-document state of the guard checks: the words of the text (from the scan) and
/// the verdicts of document-wide guards.
struct DocCache<'a> {
    words: &'a [Word],
    rules: Vec<(RuleId, bool)>,
}

fn finding(folded: &Folded, rule: RuleId, s: usize, e: usize, via: Via) -> Finding {
    let (start, end) = folded.original_span(s, e);
    Finding {
        rule,
        start,
        end,
        fstart: s,
        fend: e,
        via,
    }
}

/// True when one of `terms` (sorted by `keys`, see `tables::term_key`) occurs
/// token-bounded in the window `t[a..b]`, whose words are `window`: each word's hash
/// is looked up instead of searching the window for every term, once it passes
/// `filter` (see `Tables::guard_filters`).
#[allow(clippy::too_many_arguments)]
fn terms_near(
    t: &[u8],
    window: &[Word],
    a: usize,
    b: usize,
    s: usize,
    e: usize,
    terms: &[crate::rules::Str],
    keys: &[u64],
    overlap: bool,
    filter: &crate::rules::TermFilter,
) -> bool {
    if terms.is_empty() {
        return false;
    }
    // Terms that start with a symbol have key 0 and sort first.
    let symbolic = keys.partition_point(|&k| k == 0);
    if terms[..symbolic]
        .iter()
        .any(|term| term_in(t, a, b, s, e, term, overlap))
    {
        return true;
    }
    let keys = &keys[symbolic..];
    let terms = &terms[symbolic..];
    window.iter().any(|w| {
        if !crate::rules::may_contain(filter, w.hash) {
            return false;
        }
        let lo = keys.partition_point(|&k| k < w.hash);
        terms[lo..]
            .iter()
            .zip(&keys[lo..])
            .take_while(|(_, k)| **k == w.hash)
            .any(|(term, _)| matches_at(t, w.start as usize, b, s, e, term.as_bytes(), overlap))
    })
}

/// True when `needle` is at `x` in `t` (within `..limit`), token-bounded, and outside
/// the match `[s, e)` (or, with `overlap`, wider than it).
fn matches_at(
    t: &[u8],
    x: usize,
    limit: usize,
    s: usize,
    e: usize,
    needle: &[u8],
    overlap: bool,
) -> bool {
    let y = x + needle.len();
    if y > limit.max(e) || y > t.len() || &t[x..y] != needle {
        return false;
    }
    let outside = y <= s || x >= e;
    let wider = overlap && x <= s && y >= e && (x, y) != (s, e);
    (outside || wider) && on_boundaries(t, x, y)
}

/// True when `term` occurs token-bounded in `t[a..b]`. With `overlap`, an
/// occurrence may include the match `[s, e)` as long as it is more than the match (a
/// veto such as "excel at" contains the "excel" it vetoes); without, it must lie
/// outside the match.
#[allow(clippy::too_many_arguments)]
fn term_in(t: &[u8], a: usize, b: usize, s: usize, e: usize, term: &str, overlap: bool) -> bool {
    let needle = term.as_bytes();
    let (Some(&first), n) = (needle.first(), needle.len()) else {
        return false;
    };
    // Windows are a few dozen bytes: scanning for the first byte beats building a
    // searcher per term.
    let _ = n;
    memchr::memchr_iter(first, &t[a..b]).any(|p| matches_at(t, a + p, b, s, e, needle, overlap))
}
