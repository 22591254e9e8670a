//! Extraction: a compiled `RuleSet` run over one document's folded text gives findings,
//! each a rule and the exact byte span of the words that evidence it.
//!
//! One pass over the folded text walks the alias dictionary from every token start and
//! keeps the longest alias that also ends on a token boundary: `C++`, `C#`, `.NET`,
//! `CI/CD` match; the `go` in `good` and the `c` in `c++17` do not. The few regex patterns run only when a `RegexSet` says they
//! can match. Context guards run last, because "near a skill of category X" needs the
//! unguarded findings first. A technology's name standing in a phrase that asks for a
//! skill ("bonus if you know Elixir", "Elixir is a plus") has context enough whatever
//! its rule lists, unless the rule vetoes it.

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
    /// Guarded readings, in priority order: a range of the document's shared list of
    /// them (see `Pending::guarded`), not a `Vec` each, which cost an allocation per
    /// candidate.
    readings: (u32, u32),
    /// The unguarded reading, taken when no guarded one accepts.
    fallback: Option<(RuleId, Via)>,
}

impl Pending {
    /// The guarded readings, out of the document's list of them.
    fn guarded<'r>(&self, all: &'r [(RuleId, Via)]) -> &'r [(RuleId, Via)] {
        &all[self.readings.0 as usize..self.readings.1 as usize]
    }
}

/// Appends `reading` to the document's list of guarded readings and returns its range.
fn one_reading(all: &mut Vec<(RuleId, Via)>, reading: (RuleId, Via)) -> (u32, u32) {
    let at = index_u32(all.len());
    all.push(reading);
    (at, at + 1)
}

fn index_u32(i: usize) -> u32 {
    u32::try_from(i).expect("fewer than 2^32 guarded readings in a document")
}

impl RuleSet {
    /// Extracts findings from `text`.
    #[must_use]
    pub fn extract(&self, text: &str) -> Vec<Finding> {
        let folded = Folded::new(text);
        self.extract_folded(text, &folded)
    }

    /// Extracts findings from `text` read between `before` and `after`, which its
    /// guards see as context but which give no findings of their own: a résumé's
    /// skills keyword "Go" read within "Languages: Go, R, Rust". Offsets are into
    /// `text` and its folded form.
    #[must_use]
    pub fn extract_within(&self, before: &str, text: &str, after: &str) -> Vec<Finding> {
        let joined = format!("{before}{text}{after}");
        let folded = Folded::new(&joined);
        let fb = Folded::new(before).as_bytes().len();
        let ft = Folded::new(text).as_bytes().len();
        let fa = Folded::new(after).as_bytes().len();
        // Folding is per character except that a run of spaces stays one space; should
        // such a run straddle a seam, the pieces' offsets do not add up: read `text`
        // alone rather than misplace a span.
        if folded.as_bytes().len() != fb + ft + fa {
            return self.extract(text);
        }
        let (a, b) = (before.len(), before.len() + text.len());
        self.extract_folded(&joined, &folded)
            .into_iter()
            .filter(|f| f.start >= a && f.end <= b && f.fstart >= fb && f.fend <= fb + ft)
            .map(|f| Finding {
                start: f.start - a,
                end: f.end - a,
                fstart: f.fstart - fb,
                fend: f.fend - fb,
                ..f
            })
            .collect()
    }

    /// The rule a skill-list item names when the item is, whole, one alias of exactly
    /// one guarded rule ("Go", "R", "Spark"): being listed as a skill is its context.
    #[must_use]
    pub fn label_finding(&self, text: &str) -> Option<Finding> {
        let folded = Folded::new(text);
        let t = folded.as_bytes();
        let lead = t.iter().take_while(|&&b| b == b' ').count();
        let end = t.len() - t.iter().rev().take_while(|&&b| b == b' ').count();
        let mut hit = None;
        let mut hits = 0;
        self.dict().scan(
            t,
            &mut Vec::new(),
            |e| end_ok(t, e),
            |s, pid, e| {
                hits += 1;
                hit = Some((s, pid as usize, e));
            },
        );
        let (s, pid, e) = hit.filter(|&(s, _, e)| hits == 1 && s == lead && e == end)?;
        let (os, oe) = folded.original_span(s, e);
        let mut readings = self.readings(pid).iter().filter(|r| {
            r.exact
                .as_ref()
                .is_none_or(|x| text.as_bytes().get(os..oe) == Some(x.as_bytes()))
        });
        let first = readings.next()?;
        if !first.guarded || readings.any(|r| r.rule != first.rule) {
            return None;
        }
        let via = if first.exact.is_some() {
            Via::Exact
        } else {
            Via::Alias
        };
        Some(finding(&folded, first.rule, s, e, via))
    }

    /// Extracts findings from `original`, whose folded form is `folded`. Findings are
    /// sorted by position; a rule never has two overlapping findings.
    #[must_use]
    pub fn extract_folded(&self, original: &str, folded: &Folded) -> Vec<Finding> {
        let t = folded.as_bytes();
        // Sized for the usual posting (a finding per few hundred bytes) so that it
        // seldom grows: each doubling was a reallocation and a copy.
        let mut found: Vec<Finding> = Vec::with_capacity(16 + t.len() / 256);
        let mut pending: Vec<Pending> = Vec::with_capacity(16);
        let mut readings: Vec<(RuleId, Via)> = Vec::with_capacity(16);

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
                    (&mut pending, &mut readings),
                )
            },
        );

        if !self.regexes.is_empty() {
            let mut run = |idx: usize, found: &mut Vec<Finding>, pending: &mut Vec<Pending>| {
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
                            readings: one_reading(&mut readings, (*rule, Via::Pattern)),
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
                p.guarded(&readings).iter().any(|(r, _)| {
                    self.rule(*r)
                        .context
                        .as_ref()
                        .is_some_and(|g| !g.any_near_category.is_empty())
                })
            };
            let mut doc_cache = DocCache {
                original,
                folded,
                words: &words,
                readings: &readings,
                rules: Vec::new(),
                standing: vec![None; readings.len()],
            };
            let mut decided = vec![false; pending.len()];
            // A name accepted through a nearby skill vouches for the next one in turn
            // ("Python and a sprinkle of Rust and Go": Python accepts Rust, Rust then
            // accepts Go), so the skill-asking pass repeats while it accepts more; the
            // chain is short in practice, and capped.
            // How many of `found` were sorted last: a pass that accepted nothing
            // leaves nothing to sort for the next.
            let mut sorted = 0;
            for pass in 0..4 {
                let second = pass > 0;
                if sorted != found.len() {
                    found.sort_by_key(|f| (f.fstart, f.rule));
                    sorted = found.len();
                }
                let mut accepted = Vec::new();
                for (p, done) in pending.iter().zip(decided.iter_mut()) {
                    if needs_skills(p) != second || *done {
                        continue;
                    }
                    let mut any = false;
                    // A frame says the name is a skill, not which: only a name with one
                    // reading is taken on its word ("experience with Swift" stays open).
                    // Asked only when a guard gets that far: most are decided before.
                    let one_reading = p.guarded(&readings).len() == 1 && p.fallback.is_none();
                    let asked = || one_reading && asked_for(original, folded, p.fstart, p.fend);
                    let lo = p.readings.0 as usize;
                    for (k, &(rule, via)) in p.guarded(&readings).iter().enumerate() {
                        let reading = lo + k;
                        let Some(guard) = &self.rule(rule).context else {
                            continue;
                        };
                        if self.guard_accepts(
                            guard,
                            (rule, reading),
                            t,
                            (p.fstart, p.fend),
                            &asked,
                            &found,
                            &mut doc_cache,
                        ) {
                            accepted.push(finding(folded, rule, p.fstart, p.fend, via));
                            any = true;
                        }
                    }
                    if !any && let Some((rule, via)) = p.fallback {
                        accepted.push(finding(folded, rule, p.fstart, p.fend, via));
                        any = true;
                    }
                    *done = any;
                }
                let more = !accepted.is_empty();
                found.extend(accepted);
                if second && !more {
                    break;
                }
            }
            found.extend(self.vouching_pairs(folded, &pending, &decided, &doc_cache));
            found.extend(
                self.lone_list_items(original, folded, &pending, &decided, &found, &doc_cache),
            );
        }

        // A name of several words read across a line break into the next list item
        // ("1. Scala\n2. Flink" is no "Scala 2") is the part before the break, if that
        // still names the skill, else nothing.
        if memchr::memchr(b'\n', original.as_bytes()).is_some() {
            let mut cut = Vec::new();
            found.retain(|f| {
                let span = &original[f.start..f.end];
                // A plain loop: spans are a few bytes, too short for `str::find` or
                // `memchr`, whose setup cost more than the rest of this pass.
                let Some(nl) = span.bytes().position(|b| b == b'\n') else {
                    return true;
                };
                if !list_boundary(&original[f.start + nl + 1..]) {
                    return true;
                }
                let head = &span[..nl];
                let lead = f.fstart;
                cut.extend(
                    self.extract(head)
                        .into_iter()
                        .filter(|h| h.rule == f.rule)
                        .map(|h| Finding {
                            start: f.start + h.start,
                            end: f.start + h.end,
                            fstart: lead + h.fstart,
                            fend: lead + h.fend,
                            ..h
                        }),
                );
                false
            });
            found.extend(cut);
        }

        // By position: for the result, for the pass over rules below, and so that the
        // address test reads each token once.
        found.sort_by_key(|f| (f.start, f.rule, f.end));

        // Words inside a web address ("careers.html", "notebooks.azure.com",
        // "/vs/python/") name no skill of the document.
        let mut addresses = Addresses::new(t);
        found.retain(|f| !addresses.covers(f.fstart, f.fend));

        // One finding per rule per place: a pattern and an alias may both cover it. Rule
        // by rule, in order of position, a finding that starts inside the previous kept
        // one goes (the sort is stable: of equal spans, the first produced stays). Each
        // rule's findings come in the same order as sorted by rule first, and only the
        // kept findings that reach past the current start (a handful) need remembering.
        let mut open: Vec<(RuleId, usize)> = Vec::new();
        found.retain(|f| {
            open.retain(|&(_, end)| end > f.start);
            if open.iter().any(|&(rule, _)| rule == f.rule) {
                return false;
            }
            open.push((f.rule, f.end));
            true
        });
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
        (pending, guarded): (&mut Vec<Pending>, &mut Vec<(RuleId, Via)>),
    ) {
        let mark = guarded.len();
        let mut fallback = None;
        for t in self.readings(pid) {
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
        if guarded.len() == mark {
            if let Some((rule, via)) = fallback {
                found.push(finding(folded, rule, s, e, via));
            }
        } else {
            pending.push(Pending {
                fstart: s,
                fend: e,
                readings: (index_u32(mark), index_u32(guarded.len())),
                fallback,
            });
        }
    }

    /// Whether `rule`'s guard takes the name at `[s, e)` of folded text `t`, read as
    /// `reading` (its index in the document's guarded readings). `asked`: whether the
    /// name stands in a phrase that asks for a skill (`asked_for`), which a
    /// technology's guard takes as its context once no veto holds.
    #[allow(clippy::too_many_arguments)]
    fn guard_accepts(
        &self,
        g: &ContextDef,
        (rule, reading): (RuleId, usize),
        t: &[u8],
        (s, e): (usize, usize),
        asked: &dyn Fn() -> bool,
        found: &[Finding],
        doc: &mut DocCache<'_>,
    ) -> bool {
        let standing = match doc.standing[reading] {
            Some(st) => st,
            None => {
                let st = self.standing(g, rule, t, doc, s, e);
                doc.standing[reading] = Some(st);
                st
            }
        };
        let (a, b) = match standing {
            Standing::Vetoed => return false,
            Standing::Accepted => return true,
            Standing::Open(a, b) => (a, b),
        };
        if !g.any_near_category.is_empty() {
            let lo = found.partition_point(|f| f.fstart < a);
            if found[lo..].iter().take_while(|f| f.fstart < b).any(|f| {
                (f.fend <= s || f.fstart >= e)
                    && g.any_near_category.contains(&self.rule(f.rule).category)
            }) {
                return true;
            }
        }
        // Only for technologies: "experience in Engineering" asks for no degree, and
        // "knowledge of Marketing" is a domain's own business (its guard decides).
        // Tried after the cheaper tests that accept just as well.
        if technical(self.rule(rule).category) && asked() {
            return true;
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

/// What a guard says of a reading whatever else the document is found to hold. Of its
/// tests only "a skill of a category it asks for nearby" can change as passes accept
/// more, so the rest is worked out once per reading, not again in every pass.
#[derive(Debug, Clone, Copy)]
enum Standing {
    /// A `none_near` word in the window, or a surname after the name.
    Vetoed,
    /// Not vetoed, and the guard asks for nothing more or an `any_near` word is near.
    Accepted,
    /// Neither: a nearby skill, the phrase the name stands in or the document may still
    /// accept it. The guard window's byte range.
    Open(usize, usize),
}

impl RuleSet {
    /// The tests of `rule`'s guard on the name at `[s, e)` that no pass changes.
    fn standing(
        &self,
        g: &ContextDef,
        rule: RuleId,
        t: &[u8],
        doc: &DocCache<'_>,
        s: usize,
        e: usize,
    ) -> Standing {
        let (window, a, b) = guard_window(g, doc.words, s, e);
        let [none_filter, any_filter] = &self.tables.guard_filters[rule.index()];
        let near = |terms, keys, overlap, filter| {
            terms_near(t, window, a, b, s, e, terms, keys, overlap, filter)
        };
        if near(&g.none_near, &g.none_near_keys, true, none_filter)
            || (g.given_name && self.reads_as_person(doc, s, e))
        {
            return Standing::Vetoed;
        }
        if !g.has_positive() || near(&g.any_near, &g.any_near_keys, true, any_filter) {
            return Standing::Accepted;
        }
        Standing::Open(a, b)
    }

    /// The byte range of `rule`'s guard window around `[s, e)`, unless a `none_near`
    /// word in it or a surname after it (`given_name`) vetoes the name: what the later
    /// passes ask before they accept a name on other grounds than its own guard.
    /// `reading` is the name's index in the document's guarded readings: a veto the
    /// passes found is not looked for again.
    #[allow(clippy::too_many_arguments)]
    fn unvetoed_window(
        &self,
        g: &ContextDef,
        (rule, reading): (RuleId, usize),
        t: &[u8],
        doc: &DocCache<'_>,
        s: usize,
        e: usize,
    ) -> Option<(usize, usize)> {
        match doc.standing[reading] {
            Some(Standing::Vetoed) => return None,
            Some(Standing::Open(a, b)) => return Some((a, b)),
            // The window of an accepted reading was not kept: it is cheap to find.
            Some(Standing::Accepted) => {
                let (_, a, b) = guard_window(g, doc.words, s, e);
                return Some((a, b));
            }
            None => {}
        }
        if g.given_name && self.reads_as_person(doc, s, e) {
            return None;
        }
        let (window, a, b) = guard_window(g, doc.words, s, e);
        let [none_filter, _] = &self.tables.guard_filters[rule.index()];
        let vetoed = terms_near(
            t,
            window,
            a,
            b,
            s,
            e,
            &g.none_near,
            &g.none_near_keys,
            true,
            none_filter,
        );
        (!vetoed).then_some((a, b))
    }

    /// Findings for ambiguous names still undecided that vouch for each other: two
    /// guarded candidates of different rules within each other's window ("Rust, Go or
    /// C"), neither vetoed by its own guard, each of a category the other's guard asks
    /// to see near. The passes before cannot accept them: each waits for the other.
    fn vouching_pairs(
        &self,
        folded: &Folded,
        pending: &[Pending],
        decided: &[bool],
        doc: &DocCache<'_>,
    ) -> Vec<Finding> {
        let t = folded.as_bytes();
        // (pending index, reading, window byte range), by position.
        let mut cands: Vec<(usize, RuleId, Via, usize, usize)> = Vec::new();
        for (i, p) in pending.iter().enumerate() {
            // A span with an unguarded reading was settled by its fallback.
            if decided[i] || p.fallback.is_some() {
                continue;
            }
            for reading in p.readings.0 as usize..p.readings.1 as usize {
                let (rule, via) = doc.readings[reading];
                let Some(g) = &self.rule(rule).context else {
                    continue;
                };
                if g.any_near_category.is_empty() {
                    continue;
                }
                if let Some((a, b)) =
                    self.unvetoed_window(g, (rule, reading), t, doc, p.fstart, p.fend)
                {
                    cands.push((i, rule, via, a, b));
                }
            }
        }
        cands.sort_by_key(|c| (pending[c.0].fstart, c.1));
        let asks = |r: RuleId, other: RuleId| {
            self.rule(r)
                .context
                .as_ref()
                .is_some_and(|g| g.any_near_category.contains(&self.rule(other).category))
        };
        let mut taken = vec![false; cands.len()];
        for x in 0..cands.len() {
            let (i, ri, _, _, bi) = cands[x];
            for y in x + 1..cands.len() {
                let (j, rj, _, aj, _) = cands[y];
                // Windows are bounded, so this inner loop is too.
                if pending[j].fstart >= bi {
                    break;
                }
                if i != j && ri != rj && pending[i].fstart >= aj && asks(ri, rj) && asks(rj, ri) {
                    taken[x] = true;
                    taken[y] = true;
                }
            }
        }
        cands
            .iter()
            .zip(taken)
            .filter(|(_, took)| *took)
            .map(|(&(i, rule, via, _, _), _)| {
                finding(folded, rule, pending[i].fstart, pending[i].fend, via)
            })
            .collect()
    }
}

impl RuleSet {
    /// True when the name at `[s, e)` (folded offsets) reads as a person's given name:
    /// written capitalised ("Ruby", not "ruby" or "RUBY") and followed on its line, one
    /// space on, by a capitalised word that is neither the start of a skill's spelling
    /// nor a word a technology's name goes on with in a title ("Ruby Chen will be your
    /// manager", "Julia Roberts", "Ada Health"; not "Ruby Developer", "Ruby On Rails",
    /// "Julia Python", "Jasmine And Karma").
    fn reads_as_person(&self, doc: &DocCache<'_>, s: usize, e: usize) -> bool {
        let t = doc.folded.as_bytes();
        let (os, oe) = doc.folded.original_span(s, e);
        let (Some(name), Some(rest)) = (doc.original.get(os..oe), doc.original.get(oe..)) else {
            return false;
        };
        let Some(rest) = rest.strip_prefix(' ') else {
            return false;
        };
        let len = rest
            .find(|c: char| !(c.is_alphabetic() || c == '\''))
            .unwrap_or(rest.len());
        let next = &rest[..len];
        // A surname is a short word: a longer run is no name (and is not worth scanning).
        if !capitalised(name)
            || !name.chars().all(char::is_alphabetic)
            || !capitalised(next)
            || len > 40
            || t.get(e) != Some(&b' ')
        {
            return false;
        }
        let lower = next.to_lowercase();
        let singular = lower.strip_suffix('s').unwrap_or(&lower);
        if [lower.as_str(), singular]
            .iter()
            .any(|w| crate::text::names_job(w, TITLE_WORDS))
        {
            return false;
        }
        // A skill's spelling starting at the next word ("Ruby Rails", "Julia Python"),
        // in any case and whatever its guard would say: the surname test is for names
        // that are no technology at all.
        // A few words from there are enough for the longest spelling; the cut is made
        // where a word ends, so that it cannot make one.
        let x = e + 1;
        let y = (x + 64).min(t.len());
        let y = (y..t.len())
            .find(|&i| !is_word_byte(t[i]))
            .unwrap_or(t.len());
        let span = &t[x..y];
        let mut skill = false;
        self.dict().scan(
            span,
            &mut Vec::new(),
            |end| end_ok(span, end),
            |at, _, _| skill |= at == 0,
        );
        !skill
    }
}

/// True when `w` is a word written capitalised: an upper-case letter, then at least one
/// letter, not all of them upper-case ("Chen", "McKay", "O'Brien"; not "API", "C").
fn capitalised(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars().count() > 1
        && chars.any(char::is_lowercase)
}

/// Words that go on from a technology's name in a title or heading and are no surname
/// ("Ruby Application Developer", "Ember Data", "Ruby And Python Required"), lower-case,
/// besides the job nouns of `text::JOB_NOUNS`; a plural's singular counts too.
const TITLE_WORDS: &[&str] = &[
    // Words of a title-cased sentence.
    "and",
    "or",
    "on",
    "in",
    "at",
    "to",
    "of",
    "for",
    "with",
    "the",
    "a",
    "an",
    "is",
    "are",
    "as",
    "by",
    "from",
    "vs",
    "via",
    "plus",
    "not",
    "but",
    "also",
    "if",
    "we",
    "you",
    "our",
    "your",
    "all",
    "any",
    "this",
    "that",
    "must",
    "will",
    "can",
    // What a technology's name heads.
    "application",
    "app",
    "software",
    "code",
    "codebase",
    "back",
    "front",
    "backend",
    "frontend",
    "web",
    "stack",
    "programming",
    "language",
    "experience",
    "skill",
    "knowledge",
    "expertise",
    "dev",
    "development",
    "framework",
    "library",
    "libraries",
    "gem",
    "community",
    "team",
    "job",
    "role",
    "position",
    "project",
    "service",
    "platform",
    "script",
    "scripting",
    "test",
    "testing",
    "unit",
    "core",
    "tooling",
    "tool",
    "api",
    "sdk",
    "runtime",
    "version",
    "ecosystem",
    "meetup",
    "conference",
    "conf",
    "user",
    "group",
    "expert",
    "guru",
    "ninja",
    "enthusiast",
    "certification",
    "certified",
    "training",
    "course",
    "bootcamp",
    "open",
    "source",
    "data",
    "cluster",
    "database",
    "client",
    "server",
    // What a posting says of it.
    "required",
    "preferred",
    "desired",
    "desirable",
    "bonus",
    "nice",
    "wanted",
    "needed",
    "remote",
    "senior",
    "junior",
];

/// Categories of technologies, as opposed to domains, practices, degrees, soft skills
/// and spoken languages: what a bare list item names when it names a tool.
fn technical(c: crate::rules::Category) -> bool {
    use crate::rules::Category as C;
    matches!(
        c,
        C::Language
            | C::Framework
            | C::Database
            | C::Cloud
            | C::Devops
            | C::Tool
            | C::Data
            | C::Ml
            | C::Testing
            | C::Protocol
            | C::Os
            | C::Security
    )
}

/// Phrases that, right before a name, ask for it as a skill: "bonus if you know
/// Elixir", "experience with Elixir is a plus". Each rule could list them with its own
/// name ("know go"), but they are the same for every technology, and a rule that forgot
/// one missed the name wherever no other technology stood near.
const ASKING_BEFORE: &[&str] = &[
    "know",
    "knows",
    "knowing",
    "knowledge of",
    "knowledge in",
    "experience with",
    "experience in",
    "experience using",
    "experienced with",
    "experienced in",
    "familiar with",
    "familiarity with",
    "proficient in",
    "proficient with",
    "proficiency in",
    "proficiency with",
    "expertise in",
    "expert in",
    "skilled in",
    "fluent in",
    "fluency in",
    "years of",
    "background in",
    "comfortable with",
];

/// Phrases that, right after a name, ask for it as a skill or call its user by it:
/// "Elixir is a plus", "Elixir experience preferred", "Elixir engineers".
const ASKING_AFTER: &[&str] = &[
    "experience",
    "skills",
    "knowledge",
    "expertise",
    "proficiency",
    "is a plus",
    "a plus",
    "is a bonus",
    "a bonus",
    "is nice to have",
    "nice to have",
    "is preferred",
    "preferred",
    "is desirable",
    "desirable",
    "is an advantage",
    "an advantage",
];

/// Words that, right after a capitalised name, call its user or its use by it:
/// "Elixir engineers", "Phoenix developer". Not after a lower-case one, which may be a
/// verb: "tools that make developers' lives better", "to make programming fun".
const ASKING_AFTER_CAPITALISED: &[&str] = &[
    "developer",
    "developers",
    "engineer",
    "engineers",
    "programmer",
    "programmers",
    "programming",
];

/// True when the name at `[s, e)` of `folded`, the folded form of `original`, stands
/// in one of the asking phrases, a single space from it.
fn asked_for(original: &str, folded: &Folded, s: usize, e: usize) -> bool {
    let t = folded.as_bytes();
    // Each phrase is tried only when the word next to the name is its own last (or
    // first) word: a name is checked against forty phrases at every guarded mention,
    // and comparing them all whole was a tenth of extraction's time.
    if s >= 2 && t[s - 1] == b' ' {
        let before = &t[..s - 1];
        let word = &before[before.len() - word_len_back(before)..];
        let found = ASKING_BEFORE.iter().any(|p| {
            let p = p.as_bytes();
            p.ends_with(word) && before.ends_with(p) && start_ok(t, before.len() - p.len())
        });
        if found {
            return true;
        }
    }
    if t.get(e) != Some(&b' ') {
        return false;
    }
    let after = &t[e + 1..];
    let word = &after[..crate::text::word_len(after)];
    if word.is_empty() {
        return false;
    }
    let asks = |p: &&str| {
        let p = p.as_bytes();
        p.starts_with(word) && after.starts_with(p) && end_ok(t, e + 1 + p.len())
    };
    ASKING_AFTER.iter().any(asks)
        || (ASKING_AFTER_CAPITALISED.iter().any(asks)
            && original
                .as_bytes()
                .get(folded.original_span(s, e).0)
                .is_some_and(u8::is_ascii_uppercase))
}

/// Bytes of the word (`is_word_byte` run) that `b` ends with.
fn word_len_back(b: &[u8]) -> usize {
    b.iter().rev().take_while(|&&c| is_word_byte(c)).count()
}

/// True when `rest`, the text right after a line break, starts a new list item or
/// paragraph: a blank line, a bullet or a number ("2.", "3)").
fn list_boundary(rest: &str) -> bool {
    let line = rest.split('\n').next().unwrap_or("");
    line.trim().is_empty() || item_text(line).0
}

/// The text of `line` as a list item: without its bullet or number and its closing
/// punctuation, and whether it had a marker.
fn item_text(line: &str) -> (bool, &str) {
    let l = line.trim();
    let marked = l
        .strip_prefix(['-', '*', '•', '·', '–', '▪', '◦', '‣'])
        .or_else(|| {
            let digits = l.bytes().take_while(u8::is_ascii_digit).count();
            ((1..=3).contains(&digits) && matches!(l.as_bytes().get(digits), Some(b'.' | b')')))
                .then(|| &l[digits + 1..])
        });
    match marked {
        Some(rest) => (true, rest.trim().trim_end_matches(['.', ',', ';', '!'])),
        None => (false, l.trim_end_matches(['.', ',', ';', '!'])),
    }
}

impl RuleSet {
    /// Ambiguous names still undecided that are, whole, an item of a list whose other
    /// items name skills too ("Nice to have:\n- Go\n- Flink"): standing in a list of
    /// skills is their context. Only technologies are read so: a list of departments
    /// ("- Marketing\n- Finance") or values ("- Unity\n- Teamwork") names none; nor is
    /// an item whose guard vetoes it, nor a name with two guarded readings ("Swift"
    /// alone says neither which).
    fn lone_list_items(
        &self,
        original: &str,
        folded: &Folded,
        pending: &[Pending],
        decided: &[bool],
        found: &[Finding],
        doc: &DocCache<'_>,
    ) -> Vec<Finding> {
        let t = folded.as_bytes();
        let line_of = |pos: usize| {
            let a = original[..pos].rfind('\n').map_or(0, |i| i + 1);
            let b = original[pos..]
                .find('\n')
                .map_or(original.len(), |i| pos + i);
            (a, b)
        };
        // (pending index, rule, via, line range, marked) of each lone item.
        type Lone = (usize, RuleId, Via, (usize, usize), bool);
        let mut lone: Vec<Lone> = Vec::new();
        for (i, p) in pending.iter().enumerate() {
            let [(rule, via)] = *p.guarded(doc.readings) else {
                continue;
            };
            if decided[i] || p.fallback.is_some() || !technical(self.rule(rule).category) {
                continue;
            }
            let (s, e) = folded.original_span(p.fstart, p.fend);
            // Only a name with a line break a marker's width before it and a stop's
            // after it can be a whole line: test that before looking for the line's
            // ends, which on a long line would take a scan of it per name.
            let lead = original[..s].bytes().rev().take(8).position(|b| b == b'\n');
            let tail = original[e..].bytes().take(4).position(|b| b == b'\n');
            if (lead.is_none() && s > 8) || (tail.is_none() && e + 4 < original.len()) {
                continue;
            }
            let line = line_of(s);
            let (marked, item) = item_text(&original[line.0..line.1]);
            if item != &original[s..e] {
                continue;
            }
            let Some(g) = &self.rule(rule).context else {
                continue;
            };
            if self
                .unvetoed_window(g, (rule, p.readings.0 as usize), t, doc, p.fstart, p.fend)
                .is_none()
            {
                continue;
            }
            lone.push((i, rule, via, line, marked));
        }
        if lone.is_empty() {
            return Vec::new();
        }
        let mut starts: Vec<(usize, RuleId)> = found.iter().map(|f| (f.start, f.rule)).collect();
        starts.sort_unstable();
        // Sorted, to look up: a text of a million short lines has as many lone items.
        let mut lone_lines: Vec<usize> = lone.iter().map(|l| l.3.0).collect();
        lone_lines.sort_unstable();
        // A neighbouring line of the same kind (an item if this one is) that names a
        // technology, or is a lone name itself.
        let names_skill = |(a, b): (usize, usize)| {
            let lo = starts.partition_point(|&(s, _)| s < a);
            starts[lo..]
                .iter()
                .take_while(|&&(s, _)| s < b)
                .any(|&(_, r)| technical(self.rule(r).category))
                || lone_lines.binary_search(&a).is_ok()
        };
        let mut out = Vec::new();
        for &(i, rule, via, (a, b), marked) in &lone {
            let mut siblings = Vec::new();
            // Up to three non-blank lines above and below.
            let mut at = a;
            while siblings.len() < 3 && at > 0 {
                let (pa, pb) = line_of(at - 1);
                at = pa;
                if original[pa..pb].trim().is_empty() {
                    continue;
                }
                siblings.push((pa, pb));
            }
            let mut at = b;
            let mut below = 0;
            while below < 3 && at < original.len() {
                let (na, nb) = line_of(at + 1);
                at = nb;
                if original[na..nb].trim().is_empty() {
                    continue;
                }
                siblings.push((na, nb));
                below += 1;
            }
            let listed = siblings
                .into_iter()
                .any(|(sa, sb)| item_text(&original[sa..sb]).0 == marked && names_skill((sa, sb)));
            if listed {
                out.push(finding(
                    folded,
                    rule,
                    pending[i].fstart,
                    pending[i].fend,
                    via,
                ));
            }
        }
        out
    }
}

/// Which spans of folded text `t` lie inside a web or mail address: a
/// whitespace-delimited token holding a `://` or a `www.`, or an `@` with a dotted
/// domain after it (`jobs@python.org`, not a handle such as `@golang`).
///
/// Asked finding by finding rather than by listing every address first: only the
/// tokens that hold a finding are read, where searching the whole text for the three
/// marks cost a twentieth of extraction. Asked in order of position, each token is
/// read once (the last one's verdict is kept), so a long text stays linear.
struct Addresses<'t> {
    t: &'t [u8],
    /// The last token read, `(start, end, is an address)`.
    last: Option<(usize, usize, bool)>,
}

/// Bytes that end an address token. A `matches!`, not a search of a list of stops:
/// this runs for every byte of every token read.
fn address_stop(b: &u8) -> bool {
    matches!(
        b,
        b' ' | b'<' | b'>' | b'"' | b'(' | b')' | b'[' | b']' | b'\''
    )
}

impl<'t> Addresses<'t> {
    fn new(t: &'t [u8]) -> Self {
        Addresses { t, last: None }
    }

    /// True when the (non-empty) span `[s, e)` lies inside an address token: it
    /// holds no stop, and the token around `s` is an address.
    fn covers(&mut self, s: usize, e: usize) -> bool {
        let t = self.t;
        if t[s..e].iter().any(address_stop) {
            return false;
        }
        match self.last {
            Some((a, b, address)) if a <= s && s < b => address,
            _ => {
                let a = t[..s].iter().rposition(address_stop).map_or(0, |p| p + 1);
                let b = t[s..]
                    .iter()
                    .position(address_stop)
                    .map_or(t.len(), |p| s + p);
                let address = is_address(&t[a..b]);
                self.last = Some((a, b, address));
                address
            }
        }
    }
}

/// True when `token` (free of `address_stop` bytes) is a web or mail address. One
/// pass over its bytes, looking closer only at the three that can end or begin a mark.
fn is_address(token: &[u8]) -> bool {
    token.iter().enumerate().any(|(i, &c)| match c {
        b':' => token[i..].starts_with(b"://"),
        b'.' => token[..i].ends_with(b"www"),
        b'@' => {
            let domain = &token[i + 1..];
            i > 0
                && domain
                    .iter()
                    .position(|&c| c == b'.')
                    .is_some_and(|d| d > 0 && d + 1 < domain.len())
        }
        _ => false,
    })
}

/// The words a guard looks at around the match `[s, e)` (its own, then `window` words
/// on each side) and the byte range they cover.
fn guard_window<'w>(
    g: &ContextDef,
    words: &'w [Word],
    s: usize,
    e: usize,
) -> (&'w [Word], usize, usize) {
    let first = words.partition_point(|w| (w.end as usize) <= s);
    let past = words.partition_point(|w| (w.start as usize) < e);
    let w = g.window as usize;
    let window = &words[first.saturating_sub(w)..(past + w).min(words.len())];
    match (window.first(), window.last()) {
        (Some(x), Some(y)) => (window, x.start as usize, y.end as usize),
        _ => (window, s, e),
    }
}

/// Per-document state of the guard checks: the text (original and folded), its words
/// (from the scan) and the verdicts of document-wide guards.
struct DocCache<'a> {
    original: &'a str,
    folded: &'a Folded,
    words: &'a [Word],
    /// The guarded readings `Pending`s point into.
    readings: &'a [(RuleId, Via)],
    rules: Vec<(RuleId, bool)>,
    /// Per guarded reading, what its guard says whatever the passes accept; `None`
    /// until a pass asks.
    standing: Vec<Option<Standing>>,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        let rules = RuleSet::builtin().expect("built-in rules");
        rules
            .extract(text)
            .iter()
            .map(|f| rules.rule(f.rule).id.to_string())
            .collect()
    }

    #[test]
    fn lone_names_in_a_list_of_technologies_are_skills() {
        assert_eq!(ids("Nice to have:\n- Go\n- Flink\n"), ["go", "flink"]);
        assert_eq!(ids("Skills\nGo\nKubernetes\n"), ["go", "kubernetes"]);
        // Values, departments, soft skills: no technology to stand among.
        assert_eq!(ids("Our values:\n- Unity\n- Teamwork\n"), ["teamwork"]);
        assert_eq!(
            ids("Requirements:\n- Go\n- Strong communication\n"),
            ["communication"]
        );
        assert!(ids("We love\n- Go\n- Chess\n").is_empty());
    }

    #[test]
    fn a_name_does_not_run_on_into_the_next_list_item() {
        // "Scala 2" is an alias; "1. Scala\n2. …" is two items.
        let rules = RuleSet::builtin().expect("built-in rules");
        let text = "1. Scala\n2. Experience with Flink\n";
        let found: Vec<&str> = rules
            .extract(text)
            .iter()
            .map(|f| &text[f.start..f.end])
            .collect();
        assert_eq!(found, ["Scala", "Flink"]);
    }

    #[test]
    fn nothing_inside_a_web_address_is_a_skill() {
        assert_eq!(
            ids("Apply at https://example.com/careers.html (www.python.org) if you know Python"),
            ["python"]
        );
        // Nor in a mail address; a handle is no address.
        assert_eq!(
            ids("Write to jobs@python.org or ping @golang, Docker."),
            ["go", "docker"]
        );
        assert_eq!(
            ids("Reach me at me@digitalocean.com. We use Go and Python"),
            ["go", "python"]
        );
    }

    #[test]
    fn a_technology_asked_for_as_a_skill_needs_no_other_context() {
        assert_eq!(ids("bonus if you know Elixir"), ["elixir"]);
        assert_eq!(ids("experience with Elixir is a plus"), ["elixir"]);
        assert_eq!(ids("Elixir is a plus"), ["elixir"]);
        assert_eq!(ids("Knowledge of Ember preferred"), ["ember"]);
        assert_eq!(ids("bonus if you know Rust"), ["rust"]);
        // Vetoes still hold.
        assert!(ids("experience with rust removal").is_empty());
        assert!(ids("an elixir of youth, with experience in skincare").is_empty());
        // A frame says "a skill", not which: Swift has two readings.
        assert!(ids("experience with Swift").is_empty());
        // Degrees and domains are left to their own guards.
        assert!(ids("experience in Engineering").is_empty());
        // Only a single space from the name: "you know, Rust" is talk.
        assert!(ids("you know, Rust never sleeps").is_empty());
        // A user named by a capitalised name only: a lower-case one may be a verb.
        assert_eq!(ids("Phoenix developers wanted"), ["phoenix"]);
        assert!(ids("tools that make developers' lives better").is_empty());
    }

    #[test]
    fn a_given_name_before_a_surname_names_a_person() {
        assert!(ids("Ruby Chen will be your manager").is_empty());
        assert_eq!(
            ids("Julia Chen and Ruby Lee run our Python team"),
            ["python"]
        );
        // Vetoed for the later passes too: a person vouches for no Rust.
        assert_eq!(ids("Rust, Crystal"), ["rust", "crystal"]);
        assert!(ids("Rust, Crystal Lee").is_empty());
        // A job noun, a title's word or a skill after it; no capital, or another line.
        assert_eq!(ids("Senior Ruby Developers wanted"), ["ruby"]);
        assert_eq!(ids("Ruby And Python Required"), ["ruby", "python"]);
        assert_eq!(ids("Skills: Ruby Postgres"), ["ruby", "postgresql"]);
        assert_eq!(ids("RUBY API"), ["ruby", "apis"]);
        assert_eq!(ids("We use Ruby. Chen will help"), ["ruby"]);
        assert_eq!(ids("We use Ruby\nChen will help"), ["ruby"]);
    }

    #[test]
    fn ambiguous_names_in_a_list_vouch_for_each_other() {
        assert_eq!(ids("Rust, Go, or C"), ["rust", "go", "c"]);
        // Each alone has no context; a veto still holds.
        assert!(ids("we go the extra mile, rust or not").is_empty());
        // An accepted name vouches for the next: Python accepts Rust, which accepts Go
        // (six words from Python, outside its window).
        assert_eq!(
            ids("We use Python and a sprinkle of Rust and Go"),
            ["python", "rust", "go"]
        );
    }
}
