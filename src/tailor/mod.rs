//! Tailoring from facts only: the résumé bullets that best cover a posting (verbatim),
//! a summary assembled from profile facts, the profile's skills ordered by relevance to
//! the posting, and the résumé cut down to that selection. Nothing here rewrites or
//! invents text; what is new (the summary's connecting words) is checked against the
//! profile before it is kept.

mod select;
pub mod summary;

use std::collections::{BTreeSet, HashMap};

pub use select::{DEFAULT_BULLETS, Selected, select_bullets};
pub use summary::{Sentence, Source, Summary, one_line, summarize};

use crate::evidence::AnalyzedProfile;
use crate::posting::AnalyzedPosting;
use crate::profile::{Profile, SkillEntry};
use crate::rules::{Category, RuleId, RuleSet};
use crate::score::Score;

/// How much to select.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Bullets in all.
    pub bullets: usize,
    /// Bullets from one role at most.
    pub per_role: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            bullets: DEFAULT_BULLETS,
            per_role: None,
        }
    }
}

/// A profile tailored to a posting.
#[derive(Debug, Clone)]
pub struct Tailored {
    /// Selected bullets, in the résumé's order.
    pub selected: Vec<Selected>,
    /// The summary.
    pub summary: Summary,
    /// Skills the profile names itself, most relevant to the posting first.
    pub skills: Vec<RuleId>,
    /// The profile with highlights cut to the selection, the summary replaced, and its
    /// skills list reordered by relevance: what the JSON Resume export writes.
    pub resume: Profile,
}

/// Tailors `profile` to `posting`.
#[must_use]
pub fn tailor(
    rules: &RuleSet,
    posting: &AnalyzedPosting,
    profile: &AnalyzedProfile,
    score: &Score,
    opts: Options,
) -> Tailored {
    let selected = select_bullets(posting, profile, opts.bullets, opts.per_role);
    let summary = summarize(rules, posting, profile, score, &selected);
    let weight: HashMap<RuleId, f32> = posting.skills.iter().map(|s| (s.rule, s.weight)).collect();
    let relevance = |r: RuleId| weight.get(&r).copied().unwrap_or(0.0);
    let mut skills: Vec<RuleId> = profile
        .skills
        .iter()
        // A skill only named in passing ("poked at Pascal for fun") is listed only when the
        // posting asks for it. Degrees and fields of study have the education section,
        // and spoken languages the languages section when the profile has one.
        .filter(|(r, ev)| {
            let category = rules.rule(**r).category;
            ev.is_direct()
                && (ev.firm || relevance(**r) > 0.0)
                && category != Category::Education
                && (category != Category::Spoken
                    || !profile
                        .profile
                        .languages
                        .iter()
                        .any(|l| l.language.is_some()))
        })
        .map(|(r, _)| *r)
        .collect();
    // Skills the profile shows in earnest come before those it names only as known a
    // little, however much the posting wants the latter: a skills section that leads
    // with "a little golang" would overstate it (the summary's test of the same).
    let firm = |r: RuleId| {
        profile
            .evidence(r)
            .is_some_and(|e| summary::best_mention(e).is_some())
    };
    skills.sort_by(|a, b| {
        firm(*b)
            .cmp(&firm(*a))
            .then_with(|| relevance(*b).total_cmp(&relevance(*a)))
            .then_with(|| {
                let y = |r: RuleId| profile.evidence(r).and_then(|e| e.years()).unwrap_or(0.0);
                y(*b).total_cmp(&y(*a))
            })
            .then_with(|| rules.rule(*a).name.cmp(&rules.rule(*b).name))
    });
    let resume = cut(rules, &profile.profile, &selected, &summary, &relevance);
    Tailored {
        selected,
        summary,
        skills,
        resume,
    }
}

/// The profile restricted to the selection.
fn cut(
    rules: &RuleSet,
    p: &Profile,
    selected: &[Selected],
    summary: &Summary,
    relevance: &dyn Fn(RuleId) -> f32,
) -> Profile {
    let keep: BTreeSet<&str> = selected.iter().map(|s| s.bullet.field.as_str()).collect();
    let mut out = p.clone();
    let filter = |prefix: String, highlights: &mut Vec<String>| {
        let mut j = 0;
        highlights.retain(|_| {
            let k = keep.contains(format!("{prefix}.highlights[{j}]").as_str());
            j += 1;
            k
        });
    };
    for (i, w) in out.work.iter_mut().enumerate() {
        filter(format!("work[{i}]"), &mut w.highlights);
    }
    for (i, w) in out.volunteer.iter_mut().enumerate() {
        filter(format!("volunteer[{i}]"), &mut w.highlights);
    }
    for (i, pr) in out.projects.iter_mut().enumerate() {
        filter(format!("projects[{i}]"), &mut pr.highlights);
    }
    if !summary.sentences.is_empty() {
        out.basics.summary = Some(summary.text());
    }
    out.skills = reorder_skills(rules, &p.skills, relevance);
    out
}

/// Skills entries and their keywords, most relevant to the posting first (stable, so
/// equally relevant ones keep the profile's order).
fn reorder_skills(
    rules: &RuleSet,
    entries: &[SkillEntry],
    relevance: &dyn Fn(RuleId) -> f32,
) -> Vec<SkillEntry> {
    let of = |text: &str| -> f32 {
        rules
            .extract(text)
            .into_iter()
            .map(|f| relevance(f.rule))
            .fold(0.0, f32::max)
    };
    let mut out: Vec<(f32, SkillEntry)> = entries
        .iter()
        .map(|e| {
            let mut kw: Vec<(f32, String)> =
                e.keywords.iter().map(|k| (of(k), k.clone())).collect();
            kw.sort_by(|a, b| b.0.total_cmp(&a.0));
            let best = kw
                .iter()
                .map(|k| k.0)
                .fold(e.name.as_deref().map_or(0.0, of), f32::max);
            let mut e = e.clone();
            e.keywords = kw.into_iter().map(|k| k.1).collect();
            (best, e)
        })
        .collect();
    out.sort_by(|a, b| b.0.total_cmp(&a.0));
    out.into_iter().map(|e| e.1).collect()
}
