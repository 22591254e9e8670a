//! Bullet selection: the résumé bullets, verbatim, that best cover a posting's weighted
//! skills (greedy weighted max-coverage with diminishing returns, under a budget).

use std::collections::HashMap;

use crate::evidence::{AnalyzedProfile, Bullet};
use crate::posting::AnalyzedPosting;
use crate::profile::RoleRef;
use crate::rules::RuleId;

/// Default number of bullets to select.
pub const DEFAULT_BULLETS: usize = 6;

/// A selected bullet and the posting skills it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Selected {
    /// The bullet, verbatim.
    pub bullet: Bullet,
    /// Posting skills it covers, heaviest first.
    pub covers: Vec<RuleId>,
    /// What it added when chosen (weighted coverage).
    pub gain: f32,
}

/// What an aside's coverage counts for: chosen only when no plain statement covers
/// as much.
const ASIDE_FACTOR: f32 = 0.25;

/// True for a sentence that reads as an aside rather than an achievement: a question
/// or an exclamation ("have you seen f-strings!?"), a scare-quoted word ("to say I
/// \"know\" python3"), or a turn of the story ("But I use golang", "I tried a Mac").
/// Narrative résumés are full of them; verbatim in a tailored résumé, they undercut it.
fn aside(text: &str) -> bool {
    let t = text.trim();
    let scare_quoted = t.split('"').skip(1).step_by(2).any(|q| {
        let q = q.trim();
        !q.is_empty() && !q.contains(' ')
    });
    // A sentence or a parenthesis that ends as a question or an exclamation; the "!"
    // of "Yahoo! Mail" or the "?" of a link's query string ends neither.
    let exclaims = t
        .trim_end_matches(|c: char| {
            matches!(c, '.' | ')' | '"' | '\'' | '\u{201d}') || c.is_whitespace()
        })
        .ends_with(['?', '!'])
        || t.contains("?)")
        || t.contains("!)");
    exclaims
        || scare_quoted
        || ["But ", "I tried ", "Sometimes "]
            .iter()
            .any(|p| t.starts_with(p))
}

/// Chooses up to `budget` bullets (at most `per_role` from one role) maximising weighted
/// coverage of the posting's skills; a skill covered k times before adds only 2^-k of
/// its weight again. Ties go to recent roles, then to earlier bullets. The result keeps
/// the résumé's original order.
#[must_use]
pub fn select_bullets(
    posting: &AnalyzedPosting,
    profile: &AnalyzedProfile,
    budget: usize,
    per_role: Option<usize>,
) -> Vec<Selected> {
    let weight: HashMap<RuleId, f32> = posting.skills.iter().map(|s| (s.rule, s.weight)).collect();
    let mut covered: HashMap<RuleId, i32> = HashMap::new();
    let mut per_role_count: HashMap<Option<RoleRef>, usize> = HashMap::new();
    let mut chosen: Vec<Selected> = Vec::new();
    let mut used = vec![false; profile.bullets.len()];
    let tone: Vec<f32> = profile
        .bullets
        .iter()
        .map(|b| if aside(&b.text) { ASIDE_FACTOR } else { 1.0 })
        .collect();
    while chosen.len() < budget {
        let mut best: Option<(usize, f32)> = None;
        for (i, b) in profile.bullets.iter().enumerate() {
            if used[i]
                || per_role
                    .is_some_and(|cap| per_role_count.get(&b.role).copied().unwrap_or(0) >= cap)
            {
                continue;
            }
            let gain: f32 = b
                .skills
                .iter()
                .filter_map(|r| {
                    weight
                        .get(r)
                        .map(|w| w * 0.5f32.powi(covered.get(r).copied().unwrap_or(0)))
                })
                .sum::<f32>()
                * tone[i];
            if gain <= 1e-6 {
                continue;
            }
            let better = match best {
                None => true,
                Some((j, g)) => {
                    let o = &profile.bullets[j];
                    gain > g + 1e-6
                        || ((gain - g).abs() <= 1e-6
                            && (b.recency > o.recency
                                || (b.recency == o.recency && b.order < o.order)))
                }
            };
            if better {
                best = Some((i, gain));
            }
        }
        let Some((i, gain)) = best else { break };
        used[i] = true;
        let b = &profile.bullets[i];
        *per_role_count.entry(b.role).or_default() += 1;
        let mut covers: Vec<RuleId> = b
            .skills
            .iter()
            .copied()
            .filter(|r| weight.contains_key(r))
            .collect();
        covers.sort_by(|x, y| weight[y].total_cmp(&weight[x]).then(x.cmp(y)));
        for r in &covers {
            *covered.entry(*r).or_default() += 1;
        }
        chosen.push(Selected {
            bullet: b.clone(),
            covers,
            gain,
        });
    }
    chosen.sort_by_key(|s| s.bullet.order);
    chosen
}

#[cfg(test)]
mod tests {
    use super::aside;

    #[test]
    fn asides_are_told_from_statements() {
        assert!(aside(
            "Sometimes it's hard to say I \"know\" python3 (have you seen f-strings!?)."
        ));
        assert!(aside("But I use golang - I would say I'm semi-productive."));
        assert!(aside(
            "I tried a Mac, it's a decent development environment."
        ));
        assert!(!aside(
            "Wrote a Twisted server that drove automation across six internal systems."
        ));
        assert!(!aside(
            "Built the \"binary artifact store\" that replaced several services."
        ));
        assert!(aside("Shipped it in a weekend!"));
        assert!(aside("Who knew printers could be this hard?"));
        assert!(!aside(
            "Rebuilt Yahoo! Mail's spam filter, cutting false positives by 40%."
        ));
        assert!(!aside(
            "Documented the API at https://example.com/docs?v=2 for 300 partners."
        ));
    }
}
