//! Scoring, pure and deterministic: a posting's weighted skills against a profile's
//! evidence → a 0–100 score where every point is an item with a rule id, a weight, a
//! credit and the spans in both documents that justify it.
//!
//! score = 100 × Σ weightᵢ × creditᵢ / Σ weightᵢ, over the posting's skills plus, when
//! the posting states one, an overall-experience item. Points won and lost per item
//! sum to the score and to 100 − score, so gaps are ranked by exactly what they cost.

use serde::Serialize;

use crate::evidence::AnalyzedProfile;
use crate::posting::{AnalyzedPosting, PostingSkill, SectionKind};
use crate::rules::{RuleId, RuleSet};

/// Credit for a skill named in the profile's work or projects.
pub const CREDIT_DEMONSTRATED: f32 = 1.0;
/// Credit for a skill only claimed (summary, skills list).
pub const CREDIT_DECLARED: f32 = 0.85;
/// Credit for a skill the profile names only in passing ("a bit of PHP", "familiar
/// with Kafka").
pub const CREDIT_IN_PASSING: f32 = 0.5;
/// Credit for a skill implied by a profile skill (Django ⇒ Python).
pub const CREDIT_IMPLIED: f32 = 0.8;
/// Credit for a skill related to a profile skill (MySQL ~ PostgreSQL).
pub const CREDIT_RELATED: f32 = 0.4;
/// Credit for a skill built on a profile skill (asks Django, profile has Python).
pub const CREDIT_FOUNDATION: f32 = 0.25;
/// Weight of the overall-experience item ("5+ years of experience").
pub const EXPERIENCE_WEIGHT: f32 = 2.0;
/// Years credit when the profile shows the skill but nothing says for how long.
pub const YEARS_UNKNOWN: f32 = 0.75;
/// The least total weight a posting is scored out of. A posting in which the rules
/// recognise almost nothing (a pastry chef's ad) must not score 100 because its one
/// recognised skill matched: the missing weight counts as unrecognised requirements.
/// About the recognised weight of a typical posting (the median over 400 sampled
/// Hacker News postings is 12): at 5, three skills named in passing in a company blurb
/// scored 100 and filled the top of a 7,583-posting ranking ahead of postings that ask
/// for the profile's skills outright.
pub const MIN_TOTAL_WEIGHT: f32 = 10.0;

/// How the profile covers a posting skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The profile names the skill.
    Matched,
    /// A profile skill implies it.
    Implied,
    /// A profile skill is related to it, or it builds on a profile skill.
    Related,
    /// Nothing in the profile.
    Missing,
}

impl Status {
    /// Name used in output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Matched => "matched",
            Status::Implied => "implied",
            Status::Related => "related",
            Status::Missing => "missing",
        }
    }
}

/// A years requirement checked against the profile.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearsCheck {
    /// Years asked for.
    pub required: u32,
    /// Years the profile shows, if anything says.
    pub have: Option<f32>,
    /// Multiplier on the credit: 1 when met, 0.5 + 0.5 × have/required when short.
    pub factor: f32,
}

impl YearsCheck {
    /// `undated`: the profile also claims the skill somewhere without dates, which
    /// counts as `YEARS_UNKNOWN` however short the dated evidence is (so adding a dated
    /// role never lowers a claim's credit).
    fn new(required: u32, have: Option<f32>, undated: bool) -> Self {
        #[allow(clippy::cast_precision_loss)]
        let req = required as f32;
        let dated = match have {
            Some(h) if h >= req => 1.0,
            Some(h) => 0.5 + 0.5 * (h / req).clamp(0.0, 1.0),
            None => YEARS_UNKNOWN,
        };
        let factor = if undated {
            dated.max(YEARS_UNKNOWN)
        } else {
            dated
        };
        Self {
            required,
            have,
            factor,
        }
    }
}

/// One scored posting skill.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreItem {
    /// The posting's skill (rule, weight, mentions).
    pub skill: PostingSkill,
    /// How the profile covers it.
    pub status: Status,
    /// The profile skill that gave implied or related credit.
    pub via: Option<RuleId>,
    /// Base credit before the years check.
    pub base_credit: f32,
    /// Final credit in 0..=1.
    pub credit: f32,
    /// Years check, when the posting asks for years of this skill.
    pub years: Option<YearsCheck>,
    /// Points won (share of 100).
    pub points: f32,
    /// Points lost.
    pub lost: f32,
    /// The weight counted in the score: the skill's own, except in a group of
    /// alternatives, where the best-covered member counts with the group's heaviest
    /// weight and the others count 0.
    pub weight: f32,
    /// For a listed alternative that does not count: the member of its group that
    /// does.
    pub alternative_to: Option<RuleId>,
}

/// The overall-experience item.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ExperienceItem {
    /// Years asked for.
    pub required: u32,
    /// Years the profile shows.
    pub have: f32,
    /// Its weight.
    pub weight: f32,
    /// Credit: have / required, capped at 1.
    pub credit: f32,
    /// Points won.
    pub points: f32,
    /// Points lost.
    pub lost: f32,
}

/// A posting scored against a profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// 0–100.
    pub value: f32,
    /// Items in the posting's order (by weight).
    pub items: Vec<ScoreItem>,
    /// Overall experience, when the posting asks.
    pub experience: Option<ExperienceItem>,
    /// Σ weights, plus `unrecognized_weight`.
    pub total_weight: f32,
    /// Weight added so that the recognised weight (less `role_lift`) reaches
    /// `MIN_TOTAL_WEIGHT`: unrecognised requirements, never met.
    pub unrecognized_weight: f32,
    /// Weight the chosen role of a multi-role title carries beyond its own skills'
    /// (the roles weigh as the heaviest one): part of `total_weight`, but not of what
    /// the rules recognise of the job.
    pub role_lift: f32,
}

impl Score {
    /// The weight of what the rules recognise in the posting, for the job the profile
    /// would apply for (`role_lift` left out).
    #[must_use]
    pub fn recognised_weight(&self) -> f32 {
        self.total_weight - self.unrecognized_weight - self.role_lift
    }
}

/// Qualitative band of a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    /// Below 40.
    Poor,
    /// 40–59.
    Fair,
    /// 60–79.
    Good,
    /// 80 and above.
    Strong,
}

impl Band {
    /// The band of a score, judged on the whole number the reports show, so that a
    /// 39.7 shown as "40" reads "fair" and not "poor".
    #[must_use]
    pub fn of(score: f32) -> Self {
        match score.round() {
            s if s >= 80.0 => Band::Strong,
            s if s >= 60.0 => Band::Good,
            s if s >= 40.0 => Band::Fair,
            _ => Band::Poor,
        }
    }

    /// Name used in output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Band::Poor => "poor",
            Band::Fair => "fair",
            Band::Good => "good",
            Band::Strong => "strong",
        }
    }
}

impl Score {
    /// Scores `posting` against `profile`. Pure: the same inputs give the same result.
    #[must_use]
    pub fn compute(rules: &RuleSet, posting: &AnalyzedPosting, profile: &AnalyzedProfile) -> Self {
        let mut items: Vec<ScoreItem> = posting
            .skills
            .iter()
            .map(|s| item_for(rules, s, profile))
            .collect();
        settle_alternatives(&mut items);
        let experience = posting.total_years.as_ref().map(|req| {
            #[allow(clippy::cast_precision_loss)]
            let need = req.years as f32;
            let have = profile.total_years();
            ExperienceItem {
                required: req.years,
                have,
                weight: EXPERIENCE_WEIGHT,
                credit: (have / need).clamp(0.0, 1.0),
                points: 0.0,
                lost: 0.0,
            }
        });
        let role_lift = settle_roles(&mut items, &posting.roles, experience.as_ref());
        let recognized: f32 =
            items.iter().map(|i| i.weight).sum::<f32>() + experience.map_or(0.0, |e| e.weight);
        // The padding judges how much the rules know of the job the profile would apply
        // for: a title's roles count at the chosen role's own weight, not at the
        // heaviest role's that it carries.
        let unrecognized_weight = (MIN_TOTAL_WEIGHT - (recognized - role_lift)).max(0.0);
        let total_weight = recognized + unrecognized_weight;
        let mut experience = experience;
        let mut value = 0.0;
        if total_weight > 0.0 {
            for it in &mut items {
                it.points = 100.0 * it.weight * it.credit / total_weight;
                it.lost = 100.0 * it.weight * (1.0 - it.credit) / total_weight;
                value += it.points;
            }
            if let Some(e) = &mut experience {
                e.points = 100.0 * e.weight * e.credit / total_weight;
                e.lost = 100.0 * e.weight * (1.0 - e.credit) / total_weight;
                value += e.points;
            }
        }
        Score {
            value: value.clamp(0.0, 100.0),
            items,
            experience,
            total_weight,
            unrecognized_weight,
            role_lift,
        }
    }

    /// The band.
    #[must_use]
    pub fn band(&self) -> Band {
        Band::of(self.value)
    }

    /// Items that lost points, most costly first.
    #[must_use]
    pub fn gaps(&self) -> Vec<&ScoreItem> {
        let mut g: Vec<&ScoreItem> = self.items.iter().filter(|i| i.lost > 0.005).collect();
        g.sort_by(|a, b| {
            b.lost
                .total_cmp(&a.lost)
                .then_with(|| a.skill.rule.cmp(&b.skill.rule))
        });
        g
    }
}

/// Skills the posting lists as alternatives ("C, C++, Java, Go or Python") are one
/// requirement: the list weighs as its heaviest plain member, whatever the profile
/// holds (so more evidence never lowers a score), and is met as well as its
/// best-covered member is, which carries that weight. The other plain members count
/// for nothing and point at that one.
///
/// A member asked for on its own too (an anchor: "Airflow or Dagster" and
/// "orchestrate jobs with Airflow") is needed whatever else the profile holds: it
/// always keeps its own weight, and carries the list's too when it is the
/// best-covered member.
fn settle_alternatives(items: &mut [ScoreItem]) {
    if items.iter().all(|it| it.skill.alternatives.is_empty()) {
        return;
    }
    let mut groups: std::collections::BTreeMap<Vec<RuleId>, Vec<usize>> =
        std::collections::BTreeMap::new();
    for (i, it) in items.iter().enumerate() {
        if it.skill.alternatives.is_empty() {
            continue;
        }
        let mut key = it.skill.alternatives.clone();
        key.push(it.skill.rule);
        key.sort();
        groups.entry(key).or_default().push(i);
    }
    for members in groups.values().filter(|m| m.len() > 1) {
        // The list is one requirement weighing as its heaviest plain member. Anchors
        // keep their own weight whatever happens; the best-covered member (an anchor
        // on a tie) carries the list's weight besides. The total weight never depends
        // on the profile, so more evidence never lowers a score.
        let list_weight = members
            .iter()
            .filter(|&&i| !items[i].skill.anchor)
            .map(|&i| items[i].skill.weight)
            .fold(0.0f32, f32::max);
        let Some(&best) = members.iter().max_by(|&&a, &&b| {
            let (x, y) = (&items[a], &items[b]);
            x.credit
                .total_cmp(&y.credit)
                .then(x.skill.anchor.cmp(&y.skill.anchor))
                .then(x.skill.weight.total_cmp(&y.skill.weight))
                .then(y.skill.rule.cmp(&x.skill.rule))
        }) else {
            continue;
        };
        let chosen = items[best].skill.rule;
        for &i in members {
            if i == best {
                items[i].weight = if items[i].skill.anchor {
                    items[i].skill.weight + list_weight
                } else {
                    list_weight
                };
            } else if !items[i].skill.anchor {
                items[i].weight = 0.0;
                items[i].alternative_to = Some(chosen);
            }
        }
    }
}

/// A title offering several jobs ("Python Backend Engineers, SREs, DevOps") is met by
/// fitting one of them. The roles together weigh as the heaviest role's skills, whatever
/// the profile holds (so more evidence never lowers a score); the role whose skills the
/// profile covers best carries that weight, spread over its skills in proportion to
/// their own, and the other roles' skills count for nothing and point at it.
///
/// A skill the body asks for too ("Requirements: Python") is needed whatever the role:
/// it keeps its own weight, and a role of such skills alone carries the roles' weight
/// on its best-covered one.
///
/// A job that names no skill (an empty role: "Senior Software Engineers and Agile
/// Coaches") is judged on the rest of the posting: chosen, the other roles' skills
/// weigh nothing and carry no role's weight.
///
/// The chosen role is the one that gives the highest score, padding included: a thin
/// posting is padded up to `MIN_TOTAL_WEIGHT` counting only the chosen role's own
/// weight, so a light role fitted fully can score below a heavy role fitted nearly.
/// Each role's score only grows with the profile's evidence, so their maximum does
/// too. Returns the weight the chosen role carries beyond its own (`Score::role_lift`).
fn settle_roles(
    items: &mut [ScoreItem],
    roles: &[Vec<RuleId>],
    experience: Option<&ExperienceItem>,
) -> f32 {
    if roles.len() < 2 {
        return 0.0;
    }
    let find = |items: &[ScoreItem], r: RuleId| items.iter().position(|i| i.skill.rule == r);
    let asked_in_body = |it: &ScoreItem| {
        it.skill.mentions.iter().any(|m| {
            matches!(
                m.section,
                SectionKind::Required
                    | SectionKind::General
                    | SectionKind::Preferred
                    | SectionKind::Duties
            )
        })
    };
    // Per role: its members' item indices, and which of them are plain (title only).
    let members: Vec<Vec<(usize, bool)>> = roles
        .iter()
        .map(|role| {
            role.iter()
                .filter_map(|&r| find(items, r))
                .map(|i| (i, !asked_in_body(&items[i])))
                .collect()
        })
        .collect();
    let plain_weight =
        |m: &[(usize, bool)]| -> f32 { m.iter().filter(|p| p.1).map(|p| items[p.0].weight).sum() };
    let total = members
        .iter()
        .map(|m| plain_weight(m))
        .fold(0.0f32, f32::max);
    // How well the profile fits a role: the weighted credit of its plain skills, or,
    // for a role of body-asked skills only, the best credit among them.
    let fit = |m: &[(usize, bool)]| -> f32 {
        let w = plain_weight(m);
        if w > 0.0 {
            m.iter()
                .filter(|p| p.1)
                .map(|p| items[p.0].weight * items[p.0].credit)
                .sum::<f32>()
                / w
        } else {
            m.iter().map(|p| items[p.0].credit).fold(0.0f32, f32::max)
        }
    };
    // Everything but the roles' plain skills weighs the same whichever role is chosen.
    let in_roles = |i: usize| members.iter().flatten().any(|&(j, plain)| plain && j == i);
    let (mut rest_weight, mut rest_points) =
        experience.map_or((0.0, 0.0), |e| (e.weight, e.weight * e.credit));
    for (i, it) in items.iter().enumerate() {
        if !in_roles(i) {
            rest_weight += it.weight;
            rest_points += it.weight * it.credit;
        }
    }
    // What the roles weigh when `m` is chosen: nothing for the job naming no skill.
    let weight_of = |m: &[(usize, bool)]| if m.is_empty() { 0.0 } else { total };
    let score_with = |m: &[(usize, bool)]| -> f32 {
        let pad = (MIN_TOTAL_WEIGHT - rest_weight - plain_weight(m)).max(0.0);
        let all = rest_weight + weight_of(m) + pad;
        if all > 0.0 {
            (rest_points + weight_of(m) * fit(m)) / all
        } else {
            0.0
        }
    };
    // The best score, then the best fit; on a tie, the role listed first in rule order
    // (deterministic).
    let Some(best) = (0..members.len()).max_by(|&a, &b| {
        score_with(&members[a])
            .total_cmp(&score_with(&members[b]))
            .then(fit(&members[a]).total_cmp(&fit(&members[b])))
            .then(b.cmp(&a))
    }) else {
        return 0.0;
    };
    let chosen = &members[best];
    if chosen.is_empty() {
        for &(i, plain) in members.iter().flatten() {
            if plain {
                items[i].weight = 0.0;
            }
        }
        return 0.0;
    }
    let chosen_plain = plain_weight(chosen);
    let Some(lead) = chosen
        .iter()
        .max_by(|a, b| {
            items[a.0]
                .credit
                .total_cmp(&items[b.0].credit)
                .then(b.0.cmp(&a.0))
        })
        .map(|p| p.0)
    else {
        return 0.0;
    };
    let lead_rule = items[lead].skill.rule;
    if chosen_plain > 0.0 {
        for &(i, plain) in chosen {
            if plain {
                items[i].weight *= total / chosen_plain;
            }
        }
    } else {
        items[lead].weight += total;
    }
    for m in &members {
        for &(i, plain) in m {
            if plain && !chosen.iter().any(|c| c.0 == i) {
                items[i].weight = 0.0;
                items[i].alternative_to = Some(lead_rule);
            }
        }
    }
    total - chosen_plain
}

fn item_for(rules: &RuleSet, skill: &PostingSkill, profile: &AnalyzedProfile) -> ScoreItem {
    let rule = skill.rule;
    // Every way the profile could cover the skill, each with its final credit (years
    // check included); the best one counts. Taking a maximum over candidates is what
    // makes "more evidence never lowers a score" hold.
    let own_years = profile
        .evidence(rule)
        .and_then(crate::evidence::SkillEvidence::years);
    let undated = profile.evidence(rule).is_some_and(|e| e.undated);
    let mut best = ScoreItem {
        skill: skill.clone(),
        status: Status::Missing,
        via: None,
        base_credit: 0.0,
        credit: 0.0,
        years: skill
            .years
            .map(|req| YearsCheck::new(req, Some(0.0), false)),
        points: 0.0,
        lost: 0.0,
        weight: skill.weight,
        alternative_to: None,
    };
    // Between two ways of equal credit, the one through the profile's stronger skill
    // explains the item better ("implied by Python, 10 years", not by a framework
    // named once).
    let strength =
        |via: Option<RuleId>| via.and_then(|r| profile.evidence(r)).map(evidence_strength);
    let mut consider = |status: Status, via: Option<RuleId>, base: f32| {
        let years = skill.years.map(|req| {
            match status {
                Status::Matched | Status::Implied => YearsCheck::new(req, own_years, undated),
                // Years of a related skill are not years of this one.
                Status::Related | Status::Missing => YearsCheck::new(req, Some(0.0), false),
            }
        });
        let credit = (base * years.map_or(1.0, |y| y.factor)).clamp(0.0, 1.0);
        let stronger =
            status == best.status && credit == best.credit && strength(via) > strength(best.via);
        if credit > best.credit || stronger {
            best.status = status;
            best.via = via;
            best.base_credit = base;
            best.credit = credit;
            best.years = years;
        }
    };
    if let Some(ev) = profile.evidence(rule) {
        if ev.is_direct() {
            consider(
                Status::Matched,
                None,
                // Claimed, and a role shows a skill that entails it (SQL listed,
                // PostgreSQL in the work): shown, not only listed.
                if ev.demonstrated || (ev.firm && ev.demonstrated_implied) {
                    CREDIT_DEMONSTRATED
                } else if ev.firm {
                    CREDIT_DECLARED
                } else {
                    CREDIT_IN_PASSING
                },
            );
        }
        // The implying skill shown is the profile's strongest (then the lowest rule
        // index, so the choice is deterministic); the credit does not depend on it.
        if let Some(&via) = ev
            .implied_by
            .iter()
            .max_by(|&&a, &&b| strength(Some(a)).cmp(&strength(Some(b))).then(b.cmp(&a)))
        {
            let scale = if ev.demonstrated_implied {
                1.0
            } else {
                CREDIT_DECLARED
            };
            consider(Status::Implied, Some(via), CREDIT_IMPLIED * scale);
        }
    }
    for &r in rules.related_to(rule) {
        if let Some(ev) = profile.evidence(r) {
            let scale = if ev.demonstrated || ev.demonstrated_implied {
                1.0
            } else if ev.firm || !ev.implied_by.is_empty() {
                CREDIT_DECLARED
            } else {
                CREDIT_IN_PASSING
            };
            consider(Status::Related, Some(r), CREDIT_RELATED * scale);
        }
    }
    // Every skill this one builds on is worth the same; the most specific ones the
    // profile has explain the item best: Amazon Kinesis is nearest to AWS, not to the
    // cloud computing that AWS implies in turn. Of those, the profile's strongest.
    let firm: Vec<RuleId> = rules
        .implied_by(rule)
        .iter()
        .copied()
        .filter(|&r| profile.evidence(r).is_some_and(|e| e.firm))
        .collect();
    if let Some(r) = firm
        .iter()
        .copied()
        .filter(|&r| !firm.iter().any(|&c| rules.implied_by(c).contains(&r)))
        .max_by(|&a, &b| strength(Some(a)).cmp(&strength(Some(b))).then(b.cmp(&a)))
    {
        consider(Status::Related, Some(r), CREDIT_FOUNDATION);
    }
    best
}

/// How strongly the profile shows a skill, for choosing which profile skill explains an
/// implied or related item: demonstrated, then firm, then years, then mentions.
fn evidence_strength(ev: &crate::evidence::SkillEvidence) -> (bool, bool, u32, usize) {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let months = ev.years().map_or(0, |y| (y * 12.0).round() as u32);
    (ev.demonstrated, ev.firm, months, ev.mentions.len())
}
