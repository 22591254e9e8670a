//! Compiling validated rules once into a `RuleSet`: one alias dictionary (a trie over
//! every folded alias, see `dict`), the few regex patterns behind one `RegexSet`
//! prefilter, context guards with pre-built substring finders, and the implication and
//! relation graphs.

use rustc_hash::FxHashMap as HashMap;

use regex::bytes::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

use super::dict::Dict;
use super::load::{ContextDef, Origin, RuleDef};
use super::schema::Category;
use crate::error::{Diagnostic, Error, Result};

/// Index of a rule in its `RuleSet`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleId(pub u32);

impl RuleId {
    /// As a vector index.
    #[must_use]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A compiled rule: what reports show, and what scoring needs.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Stable id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Category.
    pub category: Category,
    /// Weight.
    pub weight: f32,
    /// Case-insensitive aliases as written.
    pub aliases: Vec<String>,
    /// Case-sensitive aliases as written.
    pub exact: Vec<String>,
    /// Regex patterns as written.
    pub patterns: Vec<String>,
    /// Direct implications.
    pub implies: Vec<RuleId>,
    /// Direct relations (symmetric).
    pub related: Vec<RuleId>,
    /// Context guards.
    pub context: Option<ContextDef>,
    /// Sentences that must match.
    pub examples_match: Vec<String>,
    /// Sentences that must not match.
    pub examples_no_match: Vec<String>,
    /// Description.
    pub description: Option<String>,
    /// Where the rule is defined.
    pub origin: Origin,
    /// The built-in rule this one replaced.
    pub overrides: Option<Origin>,
}

/// Everything the extractor needs, built once per process.
#[derive(Debug)]
pub(crate) struct Matcher {
    pub dict: Dict,
    /// For each dictionary pattern, the range of `targets` it stands for.
    pub pattern_targets: Vec<(u32, u32)>,
    pub targets: Vec<Target>,
    /// Pattern regexes: (rule, guarded, regex).
    pub regexes: Vec<(RuleId, bool, Regex)>,
    pub regex_set: Option<RegexSet>,
}

/// One reading of an automaton pattern.
#[derive(Debug)]
pub(crate) struct Target {
    pub rule: RuleId,
    /// For case-sensitive aliases: the exact spelling the original text must have.
    pub exact: Option<Box<str>>,
    /// The rule's context guard applies to this spelling.
    pub guarded: bool,
}

/// Builds one pattern regex the way the extractor runs it. Shared with validation so a
/// pattern that passes `rules check` is exactly the pattern that runs.
///
/// # Errors
/// When the pattern does not compile, is too large, or matches the empty string.
pub fn build_pattern(p: &str) -> std::result::Result<Regex, regex::Error> {
    let re = pattern_builder(p).build()?;
    if re.is_match(b"") {
        return Err(regex::Error::Syntax(
            "the pattern matches empty text; require at least one character".into(),
        ));
    }
    Ok(re)
}

fn pattern_builder(p: &str) -> RegexBuilder {
    let mut b = RegexBuilder::new(p);
    // ASCII classes and ASCII \b: the text is folded, and a Unicode \b over many
    // alternatives is orders of magnitude slower.
    b.unicode(false).case_insensitive(true).size_limit(1 << 20);
    b
}

/// The compiled rule set.
#[derive(Debug)]
pub struct RuleSet {
    pub(crate) rules: Vec<Rule>,
    by_id: HashMap<String, RuleId>,
    implied: Vec<Vec<RuleId>>,
    related: Vec<Vec<RuleId>>,
    pub(crate) matcher: Matcher,
}

impl RuleSet {
    /// Compiles validated, merged rule definitions.
    ///
    /// # Errors
    /// When a pattern fails to compile (validation already catches this) or the
    /// automaton cannot be built.
    pub fn compile(defs: Vec<RuleDef>) -> Result<Self> {
        let mut by_id = HashMap::with_capacity_and_hasher(defs.len(), rustc_hash::FxBuildHasher);
        for (i, d) in defs.iter().enumerate() {
            by_id.insert(d.id.clone(), RuleId(u32::try_from(i).unwrap_or(u32::MAX)));
        }
        let matcher = build_matcher(&defs)?;
        let resolve = |v: &[super::load::Located]| -> Vec<RuleId> {
            v.iter()
                .filter_map(|l| by_id.get(&l.value).copied())
                .collect()
        };
        let values = |v: Vec<super::load::Located>| -> Vec<String> {
            v.into_iter().map(|a| a.value).collect()
        };
        let mut rules: Vec<Rule> = Vec::with_capacity(defs.len());
        // Move, not clone: start-up time is mostly allocation.
        for d in defs {
            rules.push(Rule {
                implies: resolve(&d.implies),
                related: resolve(&d.related),
                id: d.id,
                name: d.name,
                category: d.category,
                weight: d.weight,
                aliases: values(d.aliases),
                exact: values(d.exact),
                patterns: values(d.patterns),
                context: d.context,
                examples_match: values(d.examples_match),
                examples_no_match: values(d.examples_no_match),
                description: d.description,
                origin: d.origin,
                overrides: d.overrides,
            });
        }
        let implied = implication_closure(&rules);
        let related = symmetric_related(&rules);
        Ok(Self {
            rules,
            by_id,
            implied,
            related,
            matcher,
        })
    }

    /// Number of rules.
    #[must_use]
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// True when there are no rules.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The rule with index `id`.
    #[must_use]
    pub fn rule(&self, id: RuleId) -> &Rule {
        &self.rules[id.index()]
    }

    /// All rules in load order.
    #[must_use]
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Looks a rule up by its id.
    #[must_use]
    pub fn find(&self, id: &str) -> Option<RuleId> {
        self.by_id.get(id).copied()
    }

    /// Every rule `id` implies, transitively (not including itself).
    #[must_use]
    pub fn implied_by(&self, id: RuleId) -> &[RuleId] {
        &self.implied[id.index()]
    }

    /// Rules related to `id` (both directions).
    #[must_use]
    pub fn related_to(&self, id: RuleId) -> &[RuleId] {
        &self.related[id.index()]
    }

    /// Ids of all rules.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.id.as_str())
    }
}

fn implication_closure(rules: &[Rule]) -> Vec<Vec<RuleId>> {
    let mut out = Vec::with_capacity(rules.len());
    // One visited array for all rules, stamped with the rule being closed.
    let mut seen = vec![usize::MAX; rules.len()];
    let mut stack: Vec<RuleId> = Vec::new();
    for (i, rule) in rules.iter().enumerate() {
        if rule.implies.is_empty() {
            out.push(Vec::new());
            continue;
        }
        seen[i] = i;
        stack.extend(rule.implies.iter().copied());
        let mut closure = Vec::new();
        while let Some(r) = stack.pop() {
            if seen[r.index()] == i {
                continue;
            }
            seen[r.index()] = i;
            closure.push(r);
            stack.extend(rules[r.index()].implies.iter().copied());
        }
        closure.sort();
        out.push(closure);
    }
    out
}

fn symmetric_related(rules: &[Rule]) -> Vec<Vec<RuleId>> {
    let mut out: Vec<Vec<RuleId>> = vec![Vec::new(); rules.len()];
    for (i, r) in rules.iter().enumerate() {
        let me = RuleId(u32::try_from(i).unwrap_or(u32::MAX));
        for &o in &r.related {
            out[i].push(o);
            out[o.index()].push(me);
        }
    }
    for v in &mut out {
        v.sort();
        v.dedup();
    }
    out
}

fn build_matcher(defs: &[RuleDef]) -> Result<Matcher> {
    // folded alias → readings, in rule order so results are deterministic.
    let mut patterns: Vec<String> = Vec::new();
    let mut readings: Vec<Vec<Target>> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::default();
    for (i, r) in defs.iter().enumerate() {
        let d = r;
        let rid = RuleId(u32::try_from(i).unwrap_or(u32::MAX));
        for (key, exact) in &d.spellings {
            let slot = *index.entry(key.as_str()).or_insert_with(|| {
                patterns.push(key.clone());
                readings.push(Vec::new());
                patterns.len() - 1
            });
            let guarded = r.context.is_some() && (exact.is_some() || r.exact.is_empty());
            let exact: Option<Box<str>> = exact.as_deref().map(Into::into);
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
    let mut regexes = Vec::new();
    let mut sources = Vec::new();
    for (i, d) in defs.iter().enumerate() {
        for p in &d.patterns {
            let re =
                build_pattern(&p.value).map_err(|e| {
                    Error::from(
                        Diagnostic::new(&*p.origin.file, format!("pattern does not compile: {e}"))
                            .at(p.origin.line, p.origin.col, None),
                    )
                })?;
            // Patterns are guarded like case-insensitive aliases: unless the rule has
            // exact spellings, which then carry the ambiguity.
            let guarded = d.context.is_some() && d.exact.is_empty();
            regexes.push((RuleId(u32::try_from(i).unwrap_or(u32::MAX)), guarded, re));
            sources.push(p.value.clone());
        }
    }
    let regex_set = if sources.len() > 1 {
        let mut b = RegexSetBuilder::new(&sources);
        b.unicode(false).case_insensitive(true).size_limit(1 << 24);
        b.build().ok()
    } else {
        None
    };
    Ok(Matcher {
        dict,
        pattern_targets,
        targets,
        regexes,
        regex_set,
    })
}
