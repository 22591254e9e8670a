//! What a profile evidences: for every skill, where the résumé names it (field path and
//! span), whether it is demonstrated in dated work or only declared, which of its skills
//! imply it, and for how many years — from the dated roles whose text shows it, and from
//! "15 years of Python" statements.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::posting::years_phrases;
use crate::profile::{FieldKind, PartialDate, Profile, RoleRef};
use crate::rules::{RuleId, RuleSet};
use crate::text::Folded;

/// One place the profile names a skill.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileMention {
    /// JSON path of the field (`work[0].highlights[2]`).
    pub field: String,
    /// Byte offsets into that field's text.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The words as written.
    pub text: String,
    /// Demonstrated (work, projects) or declared (summary, skills list).
    pub kind: FieldKind,
}

/// Everything the profile says about one skill.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SkillEvidence {
    /// Direct mentions.
    pub mentions: Vec<ProfileMention>,
    /// Profile skills that imply this one (Django ⇒ Python), when not named directly.
    #[serde(skip)]
    pub implied_by: Vec<RuleId>,
    /// Named in a demonstrated field.
    pub demonstrated: bool,
    /// Implied by a skill named in a demonstrated field.
    pub demonstrated_implied: bool,
    /// Months of dated roles whose text shows the skill (directly or implied), overlaps
    /// counted once.
    pub months: u32,
    /// Years stated in the text ("15 years of Python").
    pub stated_years: Option<u32>,
    /// Years given in `skills[].years`.
    pub listed_years: Option<f32>,
    /// Named or implied in a field with no dates (a summary, a skills list, an undated
    /// project): a claim whose duration is unknown.
    pub undated: bool,
    /// The dated roles whose text shows it (directly or implied): where `months` comes
    /// from.
    #[serde(skip)]
    pub roles: Vec<RoleRef>,
}

impl SkillEvidence {
    /// Best estimate of years with the skill, if anything says.
    #[must_use]
    pub fn years(&self) -> Option<f32> {
        #[allow(clippy::cast_precision_loss)]
        let from_roles = (self.months > 0).then(|| self.months as f32 / 12.0);
        [
            from_roles,
            self.stated_years.map(|y| y as f32),
            self.listed_years,
        ]
        .into_iter()
        .flatten()
        .max_by(f32::total_cmp)
    }

    /// True when the profile names the skill itself.
    #[must_use]
    pub fn is_direct(&self) -> bool {
        !self.mentions.is_empty()
    }
}

/// A bullet (highlight) of the profile with the skills it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Bullet {
    /// JSON path.
    pub field: String,
    /// The role it belongs to.
    pub role: Option<RoleRef>,
    /// Its position among all bullets (original order).
    pub order: usize,
    /// The text, verbatim.
    pub text: String,
    /// Skills named in it, plus the skills they imply.
    pub skills: Vec<RuleId>,
    /// Start of its role, for recency ties (month index).
    pub recency: i32,
}

/// A profile with its evidence worked out.
#[derive(Debug, Clone)]
pub struct AnalyzedProfile {
    /// The profile.
    pub profile: Profile,
    /// Evidence per skill (direct or implied).
    pub skills: BTreeMap<RuleId, SkillEvidence>,
    /// Months of work experience (union of `work[]` intervals).
    pub total_months: u32,
    /// Overall years stated in the text ("15 years experience").
    pub stated_total_years: Option<u32>,
    /// Bullets, in original order.
    pub bullets: Vec<Bullet>,
    /// The date open-ended roles run to.
    pub as_of: PartialDate,
}

impl AnalyzedProfile {
    /// Works out the evidence of `profile` under `rules`, with open-ended roles running
    /// to `as_of`.
    #[must_use]
    pub fn analyze(profile: Profile, rules: &RuleSet, as_of: PartialDate) -> Self {
        let now = as_of.last_month();
        let mut skills: BTreeMap<RuleId, SkillEvidence> = BTreeMap::new();
        // Per skill: the dated intervals that evidence it.
        let mut intervals: BTreeMap<RuleId, Vec<(i32, i32)>> = BTreeMap::new();
        let mut stated_total: Option<u32> = None;
        let mut bullets = Vec::new();

        let interval_of = |r: RoleRef| -> Option<(i32, i32)> {
            let (s, e) = profile.role_dates(r);
            let s = s?.first_month();
            let e = e.map_or(now, |d| d.last_month()).max(s);
            Some((s, e))
        };

        for field in profile.fields() {
            let folded = Folded::new(field.text);
            let found = rules.extract_folded(field.text, &folded);
            let mut field_skills: Vec<RuleId> = Vec::new();
            for f in &found {
                let ev = skills.entry(f.rule).or_default();
                ev.mentions.push(ProfileMention {
                    field: field.path.clone(),
                    start: f.start,
                    end: f.end,
                    text: field.text[f.start..f.end].to_owned(),
                    kind: field.kind,
                });
                if field.kind == FieldKind::Demonstrated {
                    ev.demonstrated = true;
                }
                field_skills.push(f.rule);
            }
            field_skills.sort();
            field_skills.dedup();
            let mut with_implied = field_skills.clone();
            for &r in &field_skills {
                for &imp in rules.implied_by(r) {
                    let ev = skills.entry(imp).or_default();
                    if !ev.implied_by.contains(&r) {
                        ev.implied_by.push(r);
                    }
                    if field.kind == FieldKind::Demonstrated {
                        ev.demonstrated_implied = true;
                    }
                    with_implied.push(imp);
                }
            }
            with_implied.sort();
            with_implied.dedup();
            match field.role.and_then(|r| Some((r, interval_of(r)?))) {
                Some((role, iv)) if field.kind == FieldKind::Demonstrated => {
                    for &r in &with_implied {
                        intervals.entry(r).or_default().push(iv);
                        let roles = &mut skills.entry(r).or_default().roles;
                        if !roles.contains(&role) {
                            roles.push(role);
                        }
                    }
                }
                _ => {
                    for &r in &with_implied {
                        skills.entry(r).or_default().undated = true;
                    }
                }
            }
            for y in years_phrases(&folded, &found) {
                if y.skills.is_empty() {
                    if y.about_experience {
                        stated_total = stated_total.max(Some(y.years));
                    }
                } else {
                    for r in y.skills {
                        let ev = skills.entry(r).or_default();
                        ev.stated_years = ev.stated_years.max(Some(y.years));
                    }
                }
            }
            if field.bullet {
                bullets.push(Bullet {
                    field: field.path.clone(),
                    role: field.role,
                    order: bullets.len(),
                    text: field.text.to_owned(),
                    skills: with_implied,
                    recency: field
                        .role
                        .and_then(interval_of)
                        .map_or(i32::MIN, |(s, _)| s),
                });
            }
        }

        // `skills[].years` applies to the skills named by that entry.
        for s in &profile.skills {
            let Some(y) = s.years else { continue };
            let names = s.name.iter().chain(&s.keywords);
            for n in names {
                for f in rules.extract(n) {
                    let ev = skills.entry(f.rule).or_default();
                    ev.listed_years = Some(ev.listed_years.map_or(y, |v: f32| v.max(y)));
                }
            }
        }

        for (rule, ivs) in intervals {
            if let Some(ev) = skills.get_mut(&rule) {
                ev.months = union_months(ivs);
            }
        }
        // A skill named directly does not also need its implied-by list for display.
        let work_ivs: Vec<(i32, i32)> = (0..profile.work.len())
            .filter_map(|i| interval_of(RoleRef::Work(i)))
            .collect();
        let total_months = union_months(work_ivs);
        AnalyzedProfile {
            profile,
            skills,
            total_months,
            stated_total_years: stated_total,
            bullets,
            as_of,
        }
    }

    /// Years of work experience: the larger of the dated roles and a stated figure.
    #[must_use]
    pub fn total_years(&self) -> f32 {
        #[allow(clippy::cast_precision_loss)]
        let dated = self.total_months as f32 / 12.0;
        #[allow(clippy::cast_precision_loss)]
        self.stated_total_years
            .map_or(dated, |s| dated.max(s as f32))
    }

    /// Evidence for `rule`, direct or implied.
    #[must_use]
    pub fn evidence(&self, rule: RuleId) -> Option<&SkillEvidence> {
        self.skills.get(&rule)
    }
}

/// Months covered by a set of inclusive month intervals, overlaps counted once.
fn union_months(mut ivs: Vec<(i32, i32)>) -> u32 {
    ivs.sort_unstable();
    let mut total: i64 = 0;
    let mut cur: Option<(i32, i32)> = None;
    for (s, e) in ivs {
        match cur {
            Some((cs, ce)) if s <= ce + 1 => cur = Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                total += i64::from(ce - cs + 1);
                cur = Some((s, e));
            }
            None => cur = Some((s, e)),
        }
    }
    if let Some((cs, ce)) = cur {
        total += i64::from(ce - cs + 1);
    }
    u32::try_from(total).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_counts_overlaps_once() {
        assert_eq!(union_months(vec![(0, 11), (6, 17), (30, 30)]), 19);
        assert_eq!(union_months(vec![]), 0);
    }
}
