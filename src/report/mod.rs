//! Messages and reporters. Every result jobfit prints is a `Message` (serialisable, so
//! `--format json` is the message itself); the table and Markdown printers are just
//! other reporters of the same value. Reporters write to a `Write` they are given; the
//! library never prints.

mod human;
mod markdown;
mod resume;

use std::io::{self, Write};

use serde::Serialize;

use crate::evidence::{AnalyzedProfile, ProfileMention};
use crate::extract::{Finding, Via};
use crate::posting::{AnalyzedPosting, Mention, SectionKind, WeightParts};
use crate::rules::{RuleId, RuleSet};
use crate::score::{Score, Status, YearsCheck};
use crate::tailor::Selected;
use crate::text::LineIndex;

pub use human::{Style, explain_text};
pub use resume::{TailorReport, json_resume, markdown as resume_markdown, text as resume_text};

/// "1 posting", "3 postings": counts in human-facing text agree with their noun.
pub(crate) fn postings(n: usize) -> String {
    counted(n, "posting")
}

/// "1 role", "0 roles": `n` and a noun that takes a plain `s` in the plural.
pub(crate) fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// What follows "N postings ranked": " (asking for Ceph or Object storage: 7120 others
/// left out; 12 duplicates folded, 80 distinct)", or nothing.
pub(crate) fn folded(r: &crate::rank::RankReport) -> String {
    let mut parts = Vec::new();
    if let Some((last, rest)) = r.with.split_last() {
        let names = if rest.is_empty() {
            last.clone()
        } else {
            format!("{} or {last}", rest.join(", "))
        };
        parts.push(format!("asking for {names}: {} others left out", r.without));
    }
    // The rows are the distinct jobs: say how many, or "7583 postings ranked" reads
    // as 7583 rows.
    let distinct = r.postings.saturating_sub(r.duplicates);
    match r.duplicates {
        0 => {}
        1 => parts.push(format!("1 duplicate folded, {distinct} distinct")),
        n => parts.push(format!("{n} duplicates folded, {distinct} distinct")),
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join("; "))
    }
}

/// Version of the JSON schema of every message (see docs/json.md).
pub const SCHEMA_VERSION: u32 = 1;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A human-readable table.
    Table,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Ndjson,
    /// Comma-separated values.
    Csv,
    /// Markdown.
    Markdown,
}

/// Everything jobfit reports.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Message {
    /// `jobfit score`.
    Score(Box<ScoreReport>),
    /// `jobfit extract`.
    Extraction(ExtractReport),
    /// `jobfit rules list`.
    RuleList(RuleListReport),
    /// `jobfit rules explain`.
    Rule(Box<RuleReport>),
    /// `jobfit rank`.
    Ranking(Box<crate::rank::RankReport>),
    /// `jobfit jobs list`.
    JobList(JobListReport),
    /// `jobfit jobs add` and `jobfit jobs import`.
    Saved(SavedReport),
    /// `jobfit profile show`.
    Profile(Box<ProfileView>),
    /// `jobfit tailor --format json`.
    Tailor(Box<TailorReport>),
}

/// A role as jobfit understood it.
#[derive(Debug, Clone, Serialize)]
pub struct RoleLine {
    /// JSON path (`work[0]`).
    pub field: String,
    /// Employer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employer: Option<String>,
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// Start date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// End date, or `present`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// Months the role covers (up to the as-of date for a current role).
    pub months: u32,
    /// Its bullets, verbatim.
    pub bullets: Vec<String>,
}

/// A skill of the profile and the years jobfit credits it with.
#[derive(Debug, Clone, Serialize)]
pub struct SkillYears {
    /// Rule id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Years (dated roles, or a stated figure), if anything says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<f32>,
    /// Shown in work or projects, or a degree and its field in education (not only claimed).
    pub demonstrated: bool,
    /// Only implied by other skills (Django ⇒ Python), never named.
    pub implied_only: bool,
    /// Named only in passing ("a bit of PHP"): credited at half and without years.
    pub in_passing: bool,
    /// Places the profile names it.
    pub mentions: usize,
}

/// `jobfit profile show`'s result.
#[derive(Debug, Clone, Serialize)]
pub struct ProfileView {
    /// Schema version.
    pub schema: u32,
    /// The profile.
    pub profile: ProfileInfo,
    /// Headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The date the résumé was written (`meta.lastModified`), when it says: open-ended
    /// roles run to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written: Option<String>,
    /// Where `profile.total_years` comes from (see `ExperienceLine::profile_source`).
    pub years_source: String,
    /// Roles in profile order.
    pub roles: Vec<RoleLine>,
    /// Skills, by years then mentions.
    pub skills: Vec<SkillYears>,
    /// Education, one line each.
    pub education: Vec<String>,
    /// What the importer could not place or guessed.
    pub notes: Vec<String>,
}

impl ProfileView {
    /// Describes an analysed profile.
    #[must_use]
    pub fn build(rules: &RuleSet, p: &AnalyzedProfile, notes: Vec<String>) -> Self {
        let now = p.as_of.last_month();
        let roles = p
            .profile
            .work
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let start = w.start_date.map(|d| d.date);
                let months = start.map_or(0, |s| {
                    let e = w.end_date.map_or(now, |d| d.date.range_end_month(s));
                    u32::try_from((e - s.first_month() + 1).max(0)).unwrap_or(0)
                });
                RoleLine {
                    field: format!("work[{i}]"),
                    employer: w.name.clone(),
                    position: w.position.clone(),
                    start: start.map(|d| d.to_string()),
                    end: match (start, w.end_date) {
                        (_, Some(e)) => Some(e.date.to_string()),
                        (Some(_), None) => Some("present".to_owned()),
                        (None, None) => None,
                    },
                    months,
                    bullets: w.highlights.clone(),
                }
            })
            .collect();
        let mut skills: Vec<SkillYears> = p
            .skills
            .iter()
            .map(|(&r, ev)| SkillYears {
                id: rules.rule(r).id.to_string(),
                name: rules.rule(r).name.to_string(),
                years: ev.years().map(round1),
                demonstrated: ev.demonstrated || ev.demonstrated_implied,
                implied_only: ev.mentions.is_empty(),
                in_passing: !ev.mentions.is_empty() && !ev.firm,
                mentions: ev.mentions.len(),
            })
            .collect();
        skills.sort_by(|a, b| {
            b.years
                .unwrap_or(-1.0)
                .total_cmp(&a.years.unwrap_or(-1.0))
                .then(b.mentions.cmp(&a.mentions))
                .then_with(|| a.id.cmp(&b.id))
        });
        let education = p
            .profile
            .education
            .iter()
            .map(|e| {
                let mut line = [&e.study_type, &e.area, &e.institution, &e.score]
                    .into_iter()
                    .flatten()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
                match (&e.start_date, &e.end_date) {
                    (Some(a), Some(b)) => line.push_str(&format!(" ({}–{})", a.date, b.date)),
                    (None, Some(b)) => line.push_str(&format!(" ({})", b.date)),
                    (Some(a), None) => line.push_str(&format!(" ({}–)", a.date)),
                    (None, None) => {}
                }
                line
            })
            .collect();
        Self {
            schema: SCHEMA_VERSION,
            profile: ProfileInfo::of(p),
            label: p.profile.basics.label.clone(),
            // Only when it is what open-ended roles ran to (not overridden by an
            // earlier --as-of, not stale).
            written: p
                .profile
                .written()
                .filter(|d| *d == p.as_of)
                .map(|d| d.to_string()),
            years_source: years_source(rules, p),
            roles,
            skills,
            education,
            notes,
        }
    }
}

/// `jobfit jobs list`'s result.
#[derive(Debug, Clone, Serialize)]
pub struct JobListReport {
    /// Schema version.
    pub schema: u32,
    /// The jobs directory.
    pub dir: String,
    /// Saved postings.
    pub jobs: Vec<crate::jobs::SavedJob>,
}

/// One posting saved (or not) by `jobs add` / `jobs import`.
#[derive(Debug, Clone, Serialize)]
pub struct SavedLine {
    /// The file.
    pub file: String,
    /// `new`, `replaced` or `duplicate` (already saved, nothing written).
    pub status: &'static str,
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Company.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
}

/// `jobfit jobs add` / `import`'s result.
#[derive(Debug, Clone, Serialize)]
pub struct SavedReport {
    /// Schema version.
    pub schema: u32,
    /// Where the postings came from.
    pub source: String,
    /// Each posting.
    pub saved: Vec<SavedLine>,
    /// Jobs of a board that gave no posting (malformed, or without text), with why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<crate::fetch::SkippedJob>,
}

/// The posting, as identified in reports.
#[derive(Debug, Clone, Serialize)]
pub struct PostingInfo {
    /// File, `<stdin>` or NDJSON line.
    pub origin: String,
    /// Id, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Company.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Where the job is, as the posting says it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was posted, as its source gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_posted: Option<String>,
}

impl PostingInfo {
    /// From an analysed posting.
    #[must_use]
    pub fn of(p: &AnalyzedPosting) -> Self {
        Self {
            origin: p.posting.origin.clone(),
            id: p.posting.id.clone(),
            title: p.posting.title.clone(),
            company: p.posting.company.clone(),
            location: p.posting.location.clone(),
            url: p.posting.url.clone(),
            date_posted: p.posting.date_posted.clone(),
        }
    }

    /// "Title — Company" or the origin.
    #[must_use]
    pub fn label(&self) -> String {
        match (&self.title, &self.company) {
            (Some(t), Some(c)) => format!("{t} — {c}"),
            (Some(t), None) => t.clone(),
            (None, Some(c)) => c.clone(),
            (None, None) => self.origin.clone(),
        }
    }
}

/// The profile, as identified in reports.
#[derive(Debug, Clone, Serialize)]
pub struct ProfileInfo {
    /// File it was read from.
    pub origin: String,
    /// Name in `basics.name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Years of work experience (dated roles, or a stated figure if larger).
    pub total_years: f32,
}

impl ProfileInfo {
    /// From an analysed profile.
    #[must_use]
    pub fn of(p: &AnalyzedProfile) -> Self {
        Self {
            origin: p.profile.origin.clone(),
            name: p.profile.basics.name.clone(),
            total_years: round1(p.total_years()),
        }
    }
}

/// A rule, as identified in reports.
#[derive(Debug, Clone, Serialize)]
pub struct RuleRef {
    /// Rule id.
    pub id: String,
    /// Canonical name.
    pub name: String,
}

impl RuleRef {
    fn of(rules: &RuleSet, r: RuleId) -> Self {
        let rule = rules.rule(r);
        Self {
            id: rule.id.to_string(),
            name: rule.name.to_string(),
        }
    }
}

/// One posting skill in the score report.
#[derive(Debug, Clone, Serialize)]
pub struct SkillLine {
    /// Rule id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Category.
    pub category: String,
    /// Section that weighs the most among its mentions.
    pub need: SectionKind,
    /// Final weight.
    pub weight: f32,
    /// How the weight was made.
    pub weight_parts: WeightParts,
    /// How the profile covers it.
    pub status: Status,
    /// Credit in 0..=1 after the years check.
    pub credit: f32,
    /// Points won.
    pub points: f32,
    /// Points lost.
    pub lost: f32,
    /// The profile skill behind an implied or related credit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<RuleRef>,
    /// The skills the posting lists as alternatives to this one ("Java, Go or
    /// Python"): the group counts once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<RuleRef>,
    /// For an alternative that does not count: the member of its group that does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternative_to: Option<RuleRef>,
    /// The weight counted in the score, when it is not `weight`: the group's
    /// heaviest for the member that counts (added to its own for an `asked_alone`
    /// member), 0 for the others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted_weight: Option<f32>,
    /// A member of a group of alternatives that the posting also asks for on its own
    /// (or names in its title): it keeps its own weight whatever the others are.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub asked_alone: bool,
    /// Years check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<YearsCheck>,
    /// Where the posting names it.
    pub posting_evidence: Vec<MentionLine>,
    /// Where the profile names it (or the skill it came via).
    pub profile_evidence: Vec<ProfileMention>,
}

impl SkillLine {
    /// The weight a table shows: the weight the score counts, and the skill's own
    /// beside it when a list of alternatives or a title's roles moved it ("9.75 (own
    /// 2.25)"), so the column adds up to the score's denominator.
    #[must_use]
    pub fn weight_cell(&self) -> String {
        match self.counted_weight {
            Some(c) => format!("{c:.2} (own {:.2})", self.weight),
            None => format!("{:.2}", self.weight),
        }
    }

    /// The hedge of a match the résumé makes only in passing ("a bit of"): its
    /// evidence lists firm mentions first, so the first one tells.
    #[must_use]
    pub fn in_passing(&self) -> Option<&'static str> {
        match self.status {
            Status::Matched => self.profile_evidence.first().and_then(|m| m.hedge),
            _ => None,
        }
    }
}

impl ScoreReport {
    /// The sentence naming the roles of a multi-role title and the one that counts,
    /// for the table, Markdown and explain reports alike.
    #[must_use]
    pub fn roles_note(&self) -> Option<String> {
        if self.roles.is_empty() {
            return None;
        }
        // The counted role holds the skill the other roles' skills point at.
        let lead = self
            .skills
            .iter()
            .filter(|s| self.roles.iter().flatten().any(|r| r.id == s.id))
            .find_map(|s| s.alternative_to.as_ref());
        // An empty role is a job the posting offers that names no skill.
        let name = |role: &[RuleRef]| {
            if role.is_empty() {
                return "a job naming no skill".to_owned();
            }
            role.iter()
                .map(|r| r.name.as_str())
                .collect::<Vec<_>>()
                .join(" + ")
        };
        let all: Vec<String> = self.roles.iter().map(|r| name(r)).collect();
        let counted = lead.and_then(|l| self.roles.iter().find(|r| r.iter().any(|x| x.id == l.id)));
        // Beside a job naming no skill, the counted role is the one whose skills still
        // weigh; when none does, that job is the one judged.
        let unnamed = self.roles.iter().find(|r| r.is_empty());
        let counted = counted.or_else(|| {
            unnamed?;
            let weighs = |id: &str| {
                self.skills
                    .iter()
                    .any(|s| s.id == id && s.counted_weight.unwrap_or(s.weight) > 0.0)
            };
            self.roles
                .iter()
                .find(|r| r.iter().any(|x| weighs(&x.id)))
                .or(unnamed)
        });
        Some(match counted {
            Some(role) if role.is_empty() => format!(
                "The posting offers {} roles ({}): the résumé fits none better than the job naming no skill, judged on the rest of the posting; the other roles' skills count 0.",
                self.roles.len(),
                all.join("; ")
            ),
            Some(role) => format!(
                "The posting offers {} roles ({}): the résumé fits {} best, which counts for all of them.",
                self.roles.len(),
                all.join("; "),
                name(role)
            ),
            None => format!(
                "The posting offers {} roles ({}): the best-fitting one counts for all of them.",
                self.roles.len(),
                all.join("; ")
            ),
        })
    }

    /// The sentence saying the posting was scored out of `MIN_TOTAL_WEIGHT` because
    /// its recognised skills weigh less, for the table and Markdown reports alike.
    #[must_use]
    pub fn little_recognised(&self) -> Option<String> {
        (self.unrecognized_weight > 0.0).then(|| {
            format!(
                "Little recognised: the rules find skills worth {:.2} in this posting, under the minimum {:.1}; {:.2} more counts as unrecognised requirements (−{:.1} points).",
                self.recognised_weight,
                crate::score::MIN_TOTAL_WEIGHT,
                self.unrecognized_weight,
                100.0 * self.unrecognized_weight / self.total_weight
            )
        })
    }
}

/// One place the posting names a skill.
#[derive(Debug, Clone, Serialize)]
pub struct MentionLine {
    /// Byte offsets into the posting text.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// The words as written.
    pub text: String,
    /// The section the mention is in.
    pub section: SectionKind,
}

/// A gap: a posting skill the profile does not (fully) cover.
#[derive(Debug, Clone, Serialize)]
pub struct GapLine {
    /// Rule id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Section.
    pub need: SectionKind,
    /// Points lost.
    pub lost: f32,
    /// Current status.
    pub status: Status,
    /// The nearest profile skill, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nearest: Option<RuleRef>,
    /// Why a skill the résumé has still loses points: too few years, only listed,
    /// only named in passing, or known through another skill.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

/// Where a profile's years of experience come from, as `ExperienceLine` and
/// `ProfileView` name it.
fn years_source(rules: &RuleSet, p: &AnalyzedProfile) -> String {
    match p.experience().1 {
        crate::evidence::YearsSource::DatedRoles => "dated roles".to_owned(),
        crate::evidence::YearsSource::Stated => "stated".to_owned(),
        crate::evidence::YearsSource::StatedForSkill(r) => {
            format!("stated for {}", rules.rule(r).name)
        }
    }
}

/// Why `it`, which the profile covers in some way, still loses points.
fn shortfall(rules: &RuleSet, it: &crate::score::ScoreItem) -> Option<String> {
    if matches!(it.status, Status::Related | Status::Missing) {
        return None;
    }
    if let Some(y) = it.years.filter(|y| y.factor < 1.0) {
        return Some(match y.have {
            Some(h) => format!("{h:.1} of {} years", y.required),
            None => format!("asks {} years; no dated role shows it", y.required),
        });
    }
    match it.status {
        Status::Matched if it.base_credit >= crate::score::CREDIT_DEMONSTRATED => None,
        Status::Matched if it.base_credit >= crate::score::CREDIT_DECLARED => {
            Some("listed, not shown in a role".to_owned())
        }
        Status::Matched => Some("named only in passing".to_owned()),
        Status::Implied => it.via.map(|v| format!("implied by {}", rules.rule(v).name)),
        Status::Related | Status::Missing => None,
    }
}

/// A selected bullet.
#[derive(Debug, Clone, Serialize)]
pub struct BulletLine {
    /// JSON path of the bullet in the profile.
    pub field: String,
    /// The role it belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The bullet, verbatim.
    pub text: String,
    /// Posting skills it covers.
    pub covers: Vec<RuleRef>,
}

/// The overall-experience check.
#[derive(Debug, Clone, Serialize)]
pub struct ExperienceLine {
    /// Years asked for.
    pub required: u32,
    /// Years the profile shows.
    pub have: f32,
    /// Weight.
    pub weight: f32,
    /// Credit.
    pub credit: f32,
    /// Points won.
    pub points: f32,
    /// Points lost.
    pub lost: f32,
    /// The phrase in the posting.
    pub posting_evidence: String,
    /// Where the résumé's years come from: `"dated roles"`, `"stated"` (an overall
    /// figure in its text) or `"stated for SKILL"` (the years it states of one skill).
    pub profile_source: String,
}

/// `jobfit score`'s result.
#[derive(Debug, Clone, Serialize)]
pub struct ScoreReport {
    /// Schema version.
    pub schema: u32,
    /// The posting.
    pub posting: PostingInfo,
    /// The profile.
    pub profile: ProfileInfo,
    /// 0–100, one decimal.
    pub score: f32,
    /// poor / fair / good / strong.
    pub band: crate::score::Band,
    /// Σ weights (the denominator).
    pub total_weight: f32,
    /// Part of the denominator that stands for requirements the rules did not
    /// recognise (postings with very few known skills are scored out of a minimum).
    pub unrecognized_weight: f32,
    /// What the rules recognise of the job the profile would apply for: Σ weights,
    /// less what a multi-role title's chosen role carries for the heavier roles.
    pub recognised_weight: f32,
    /// The roles a title offering several jobs lists, each as the skills it names
    /// (the best-fitting role counts; see `roles::title_roles`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Vec<RuleRef>>,
    /// Every posting skill, by weight.
    pub skills: Vec<SkillLine>,
    /// The overall-experience item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experience: Option<ExperienceLine>,
    /// Gaps by points lost.
    pub gaps: Vec<GapLine>,
    /// Résumé bullets that best cover the posting.
    pub bullets: Vec<BulletLine>,
    /// A one-line summary, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

fn round1(x: f32) -> f32 {
    (x * 10.0).round() / 10.0
}

fn round2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

impl ScoreReport {
    /// Assembles the report from the analysis.
    #[must_use]
    pub fn build(
        rules: &RuleSet,
        posting: &AnalyzedPosting,
        profile: &AnalyzedProfile,
        score: &Score,
        bullets: &[Selected],
    ) -> Self {
        let text = posting.posting.text.as_str();
        let lines = LineIndex::new(text);
        let mention = |m: &Mention| {
            let (line, column) = lines.line_col(text, m.start);
            MentionLine {
                start: m.start,
                end: m.end,
                line,
                column,
                text: text[m.start..m.end].to_owned(),
                section: m.section,
            }
        };
        let skills = score
            .items
            .iter()
            .map(|it| {
                let r = rules.rule(it.skill.rule);
                let source = it.via.unwrap_or(it.skill.rule);
                let profile_evidence = match it.status {
                    crate::score::Status::Missing => Vec::new(),
                    _ => profile
                        .evidence(source)
                        .map(|e| {
                            let mut m: Vec<ProfileMention> = e.mentions.clone();
                            // Work shown beats a claim, and a claim beats a mention
                            // in passing.
                            m.sort_by_key(|x| {
                                (
                                    x.hedge.is_some(),
                                    x.kind != crate::profile::FieldKind::Demonstrated,
                                )
                            });
                            m.truncate(3);
                            m
                        })
                        .unwrap_or_default(),
                };
                SkillLine {
                    id: r.id.to_string(),
                    name: r.name.to_string(),
                    category: r.category.to_string(),
                    need: it.skill.need,
                    weight: round2(it.skill.weight),
                    weight_parts: it.skill.parts,
                    status: it.status,
                    credit: round2(it.credit),
                    points: round2(it.points),
                    lost: round2(it.lost),
                    via: it.via.map(|v| RuleRef::of(rules, v)),
                    alternatives: it
                        .skill
                        .alternatives
                        .iter()
                        .map(|&a| RuleRef::of(rules, a))
                        .collect(),
                    alternative_to: it.alternative_to.map(|a| RuleRef::of(rules, a)),
                    #[allow(clippy::float_cmp)]
                    counted_weight: (it.weight != it.skill.weight).then(|| round2(it.weight)),
                    asked_alone: it.skill.anchor,
                    years: it.years.map(|mut y| {
                        y.have = y.have.map(round1);
                        y.factor = round2(y.factor);
                        y
                    }),
                    posting_evidence: posting
                        .title_mentions_of(it.skill.rule)
                        .chain(&it.skill.mentions)
                        .map(&mention)
                        .collect(),
                    profile_evidence,
                }
            })
            .collect();
        let gaps = score
            .gaps()
            .into_iter()
            .map(|it| GapLine {
                id: rules.rule(it.skill.rule).id.to_string(),
                name: rules.rule(it.skill.rule).name.to_string(),
                need: it.skill.need,
                lost: round2(it.lost),
                status: it.status,
                nearest: it
                    .via
                    .filter(|_| it.status == Status::Related)
                    .map(|v| RuleRef::of(rules, v)),
                why: shortfall(rules, it),
            })
            .collect();
        let experience = score.experience.map(|e| ExperienceLine {
            required: e.required,
            have: round1(e.have),
            weight: e.weight,
            credit: round2(e.credit),
            points: round2(e.points),
            lost: round2(e.lost),
            posting_evidence: posting
                .total_years
                .as_ref()
                .map(|t| t.text.clone())
                .unwrap_or_default(),
            profile_source: years_source(rules, profile),
        });
        let bullets = bullet_lines(rules, profile, bullets);
        Self {
            schema: SCHEMA_VERSION,
            posting: PostingInfo::of(posting),
            profile: ProfileInfo::of(profile),
            score: round1(score.value),
            band: score.band(),
            total_weight: round2(score.total_weight),
            unrecognized_weight: round2(score.unrecognized_weight),
            recognised_weight: round2(score.recognised_weight()),
            roles: posting
                .roles
                .iter()
                .map(|r| r.iter().map(|&id| RuleRef::of(rules, id)).collect())
                .collect(),
            skills,
            experience,
            gaps,
            bullets,
            summary: None,
        }
    }
}

/// Selected bullets as reported.
fn bullet_lines(
    rules: &RuleSet,
    profile: &AnalyzedProfile,
    selected: &[Selected],
) -> Vec<BulletLine> {
    selected
        .iter()
        .map(|s| BulletLine {
            field: s.bullet.field.clone(),
            role: s.bullet.role.map(|r| profile.profile.role_name(r)),
            text: s.bullet.text.clone(),
            covers: s.covers.iter().map(|&r| RuleRef::of(rules, r)).collect(),
        })
        .collect()
}

/// One finding in `jobfit extract`.
#[derive(Debug, Clone, Serialize)]
pub struct FindingLine {
    /// Rule id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Category.
    pub category: String,
    /// The matched text.
    pub text: String,
    /// Byte offset into the input as given.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// How it matched.
    pub via: Via,
}

/// `jobfit extract`'s result.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractReport {
    /// Schema version.
    pub schema: u32,
    /// The input.
    pub origin: String,
    /// Findings in text order.
    pub findings: Vec<FindingLine>,
    /// For an HTML page, the text read from it (its posting, as `score` reads it),
    /// which the findings' offsets index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_text: Option<String>,
}

impl ExtractReport {
    /// From findings over `text`.
    #[must_use]
    pub fn build(rules: &RuleSet, origin: &str, text: &str, findings: &[Finding]) -> Self {
        let lines = LineIndex::new(text);
        let findings = findings
            .iter()
            .map(|f| {
                let r = rules.rule(f.rule);
                let (line, column) = lines.line_col(text, f.start);
                FindingLine {
                    id: r.id.to_string(),
                    name: r.name.to_string(),
                    category: r.category.to_string(),
                    text: text[f.start..f.end].to_owned(),
                    start: f.start,
                    end: f.end,
                    line,
                    column,
                    via: f.via,
                }
            })
            .collect();
        Self {
            schema: SCHEMA_VERSION,
            origin: origin.to_owned(),
            findings,
            page_text: None,
        }
    }
}

/// A rule in `jobfit rules list`.
#[derive(Debug, Clone, Serialize)]
pub struct RuleSummary {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Category.
    pub category: String,
    /// Weight.
    pub weight: f32,
    /// Number of aliases, exact spellings and patterns.
    pub spellings: usize,
    /// Has context guards.
    pub guarded: bool,
    /// Where it is defined.
    pub origin: String,
}

/// `jobfit rules list`'s result.
#[derive(Debug, Clone, Serialize)]
pub struct RuleListReport {
    /// Schema version.
    pub schema: u32,
    /// Rules.
    pub rules: Vec<RuleSummary>,
}

impl RuleListReport {
    /// Lists the rules, optionally of one category.
    #[must_use]
    pub fn build(rules: &RuleSet, category: Option<crate::rules::Category>) -> Self {
        let rules = rules
            .rules()
            .iter()
            .filter(|r| category.is_none_or(|c| r.category == c))
            .map(|r| RuleSummary {
                id: r.id.to_string(),
                name: r.name.to_string(),
                category: r.category.to_string(),
                weight: r.weight,
                spellings: r.aliases.len() + r.exact.len() + r.patterns.len(),
                guarded: r.context.is_some(),
                origin: r.origin.to_string(),
            })
            .collect();
        Self {
            schema: SCHEMA_VERSION,
            rules,
        }
    }
}

/// An example sentence and whether it behaves.
#[derive(Debug, Clone, Serialize)]
pub struct ExampleLine {
    /// The sentence.
    pub sentence: String,
    /// Must it match?
    pub should_match: bool,
    /// Does it?
    pub passes: bool,
}

/// `jobfit rules explain`'s result.
#[derive(Debug, Clone, Serialize)]
pub struct RuleReport {
    /// Schema version.
    pub schema: u32,
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Category.
    pub category: String,
    /// Weight.
    pub weight: f32,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Case-insensitive aliases.
    pub aliases: Vec<String>,
    /// Case-sensitive aliases.
    pub exact: Vec<String>,
    /// Regex patterns.
    pub patterns: Vec<String>,
    /// Direct implications.
    pub implies: Vec<RuleRef>,
    /// Everything implied, transitively.
    pub implies_all: Vec<RuleRef>,
    /// Rules that imply this one.
    pub implied_by: Vec<RuleRef>,
    /// Related rules.
    pub related: Vec<RuleRef>,
    /// Context guards, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<ContextLine>,
    /// Examples and whether they pass.
    pub examples: Vec<ExampleLine>,
    /// Where it is defined.
    pub origin: String,
    /// The rule it overrides.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overrides: Option<String>,
}

/// Context guards in a rule report.
#[derive(Debug, Clone, Serialize)]
pub struct ContextLine {
    /// Words one of which must be near.
    pub any_near: Vec<String>,
    /// Categories one of which must be near.
    pub any_near_category: Vec<String>,
    /// Words one of which must be in the document.
    pub any_in_document: Vec<String>,
    /// Words none of which may be near.
    pub none_near: Vec<String>,
    /// A capitalised name followed by a capitalised word is a person's or company's
    /// name ("Ruby Chen"), not the skill.
    pub given_name: bool,
    /// Window in words.
    pub window: u32,
}

impl RuleReport {
    /// Describes rule `id`.
    #[must_use]
    pub fn build(rules: &RuleSet, id: RuleId) -> Self {
        let r = rules.rule(id);
        let refs = |v: &[RuleId]| v.iter().map(|&x| RuleRef::of(rules, x)).collect::<Vec<_>>();
        let implied_by: Vec<RuleId> = (0..rules.len())
            .map(|i| RuleId(u32::try_from(i).unwrap_or(u32::MAX)))
            .filter(|&o| rules.rule(o).implies.contains(&id))
            .collect();
        let mut examples = Vec::new();
        for (list, should) in [(&r.examples_match, true), (&r.examples_no_match, false)] {
            for s in list.iter() {
                let hit = rules.extract(s).iter().any(|f| f.rule == id);
                examples.push(ExampleLine {
                    sentence: s.to_string(),
                    should_match: should,
                    passes: hit == should,
                });
            }
        }
        Self {
            schema: SCHEMA_VERSION,
            id: r.id.to_string(),
            name: r.name.to_string(),
            category: r.category.to_string(),
            weight: r.weight,
            description: r.description.as_ref().map(ToString::to_string),
            aliases: r.aliases.iter().map(ToString::to_string).collect(),
            exact: r.exact.iter().map(ToString::to_string).collect(),
            patterns: r.patterns.iter().map(ToString::to_string).collect(),
            implies: refs(&r.implies),
            implies_all: refs(rules.implied_by(id)),
            implied_by: refs(&implied_by),
            related: refs(rules.related_to(id)),
            context: r.context.as_ref().map(|c| ContextLine {
                // Guards are stored in lookup order; show them alphabetically.
                any_near: sorted(&c.any_near),
                any_near_category: c
                    .any_near_category
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
                any_in_document: c.any_in_document.iter().map(ToString::to_string).collect(),
                none_near: sorted(&c.none_near),
                given_name: c.given_name,
                window: c.window,
            }),
            examples,
            origin: r.origin.to_string(),
            overrides: r.overrides.as_ref().map(ToString::to_string),
        }
    }
}

fn sorted(v: &[crate::rules::Str]) -> Vec<String> {
    let mut out: Vec<String> = v.iter().map(ToString::to_string).collect();
    out.sort();
    out
}

/// Writes `msg` in `format`.
///
/// # Errors
/// Write errors (a closed pipe is for the caller to treat as success).
pub fn write(msg: &Message, format: Format, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, msg).map_err(io::Error::from)?;
            writeln!(out)
        }
        Format::Ndjson => write_ndjson(msg, out),
        Format::Markdown => markdown::write(msg, out),
        Format::Csv => write_csv(msg, out),
        Format::Table => human::write(msg, style, out),
    }
}

/// One CSV field, quoted when it needs to be (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn write_csv(msg: &Message, out: &mut dyn Write) -> io::Result<()> {
    let mut line = |fields: &[&str]| -> io::Result<()> {
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        writeln!(out, "{}", row.join(","))
    };
    match msg {
        Message::Ranking(r) => {
            line(&[
                "rank",
                "score",
                "band",
                "title",
                "company",
                "id",
                "url",
                "origin",
                "top_matches",
                "top_gaps",
                "summary",
                "duplicates",
            ])?;
            for (i, row) in r.rows.iter().enumerate() {
                line(&[
                    &(i + 1).to_string(),
                    &format!("{:.1}", row.score),
                    row.band.as_str(),
                    row.title.as_deref().unwrap_or(""),
                    row.company.as_deref().unwrap_or(""),
                    row.id.as_deref().unwrap_or(""),
                    row.url.as_deref().unwrap_or(""),
                    &row.origin,
                    &row.top_matches.join("; "),
                    &row.top_gaps.join("; "),
                    row.summary.as_deref().unwrap_or(""),
                    &row.duplicates.to_string(),
                ])?;
            }
            Ok(())
        }
        Message::Extraction(e) => {
            line(&[
                "id", "name", "category", "text", "start", "end", "line", "column",
            ])?;
            for f in &e.findings {
                line(&[
                    &f.id,
                    &f.name,
                    &f.category,
                    &f.text,
                    &f.start.to_string(),
                    &f.end.to_string(),
                    &f.line.to_string(),
                    &f.column.to_string(),
                ])?;
            }
            Ok(())
        }
        Message::RuleList(l) => {
            line(&["id", "name", "category", "weight", "origin"])?;
            for r in &l.rules {
                line(&[
                    &r.id,
                    &r.name,
                    &r.category,
                    &format!("{:.1}", r.weight),
                    &r.origin,
                ])?;
            }
            Ok(())
        }
        Message::JobList(l) => {
            // Columns are only ever added, after the others, so a script that reads
            // them by position keeps working.
            line(&[
                "file",
                "id",
                "title",
                "company",
                "location",
                "url",
                "fetched",
                "problem",
                "postings",
                "source",
                "date_posted",
            ])?;
            for j in &l.jobs {
                line(&[
                    &j.file.display().to_string(),
                    j.id.as_deref().unwrap_or(""),
                    j.title.as_deref().unwrap_or(""),
                    j.company.as_deref().unwrap_or(""),
                    j.location.as_deref().unwrap_or(""),
                    j.url.as_deref().unwrap_or(""),
                    j.fetched.as_deref().unwrap_or(""),
                    j.problem.as_deref().unwrap_or(""),
                    &j.postings.map(|n| n.to_string()).unwrap_or_default(),
                    j.source.as_deref().unwrap_or(""),
                    j.date_posted.as_deref().unwrap_or(""),
                ])?;
            }
            Ok(())
        }
        Message::Score(r) => {
            // One row per posting skill: the score's items, as a spreadsheet wants them.
            line(&[
                "id",
                "name",
                "category",
                "need",
                "weight",
                "counted_weight",
                "status",
                "via",
                "alternative_to",
                "credit",
                "points",
                "lost",
                "years_required",
                "years_have",
            ])?;
            for s in &r.skills {
                let years = s.years.as_ref();
                line(&[
                    &s.id,
                    &s.name,
                    &s.category,
                    s.need.as_str(),
                    &format!("{:.2}", s.weight),
                    &format!("{:.2}", s.counted_weight.unwrap_or(s.weight)),
                    s.status.as_str(),
                    s.via.as_ref().map_or("", |v| v.id.as_str()),
                    s.alternative_to.as_ref().map_or("", |v| v.id.as_str()),
                    &format!("{:.2}", s.credit),
                    &format!("{:.2}", s.points),
                    &format!("{:.2}", s.lost),
                    &years.map_or(String::new(), |y| y.required.to_string()),
                    &years
                        .and_then(|y| y.have)
                        .map_or(String::new(), |h| format!("{h:.1}")),
                ])?;
            }
            Ok(())
        }
        Message::Saved(r) => {
            line(&["status", "file", "title", "company"])?;
            for s in &r.saved {
                line(&[
                    s.status,
                    &s.file,
                    s.title.as_deref().unwrap_or(""),
                    s.company.as_deref().unwrap_or(""),
                ])?;
            }
            Ok(())
        }
        Message::Profile(p) => {
            line(&[
                "id",
                "name",
                "years",
                "demonstrated",
                "implied_only",
                "in_passing",
                "mentions",
            ])?;
            for s in &p.skills {
                line(&[
                    &s.id,
                    &s.name,
                    &s.years.map_or(String::new(), |y| format!("{y:.1}")),
                    &s.demonstrated.to_string(),
                    &s.implied_only.to_string(),
                    &s.in_passing.to_string(),
                    &s.mentions.to_string(),
                ])?;
            }
            Ok(())
        }
        // The command line offers CSV only for the reports above (`cli::formats`).
        Message::Rule(_) | Message::Tailor(_) => Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "this report has no CSV form",
        )),
    }
}

/// One JSON object per item, one per line.
fn json_lines<T: Serialize>(items: &[T], out: &mut dyn Write) -> io::Result<()> {
    for item in items {
        serde_json::to_writer(&mut *out, item).map_err(io::Error::from)?;
        writeln!(out)?;
    }
    Ok(())
}

fn write_ndjson(msg: &Message, out: &mut dyn Write) -> io::Result<()> {
    match msg {
        Message::Ranking(r) => {
            #[derive(Serialize)]
            struct Row<'a> {
                r#type: &'static str,
                rank: usize,
                #[serde(flatten)]
                row: &'a crate::rank::RankRow,
            }
            #[derive(Serialize)]
            struct Summary<'a> {
                r#type: &'static str,
                postings: usize,
                duplicates: usize,
                #[serde(skip_serializing_if = "<[String]>::is_empty")]
                with: &'a [String],
                #[serde(skip_serializing_if = "crate::rank::is_zero")]
                without: usize,
                bytes: u64,
                missing: &'a [crate::rank::MissingSkill],
                skipped: &'a [crate::rank::Skipped],
                #[serde(skip_serializing_if = "<[crate::rank::Warning]>::is_empty")]
                warnings: &'a [crate::rank::Warning],
            }
            for (i, row) in r.rows.iter().enumerate() {
                serde_json::to_writer(
                    &mut *out,
                    &Row {
                        r#type: "rank_row",
                        rank: i + 1,
                        row,
                    },
                )
                .map_err(io::Error::from)?;
                writeln!(out)?;
            }
            serde_json::to_writer(
                &mut *out,
                &Summary {
                    r#type: "rank_summary",
                    postings: r.postings,
                    duplicates: r.duplicates,
                    with: &r.with,
                    without: r.without,
                    bytes: r.bytes,
                    missing: &r.missing,
                    skipped: &r.skipped,
                    warnings: &r.warnings,
                },
            )
            .map_err(io::Error::from)?;
            writeln!(out)
        }
        Message::Extraction(e) => json_lines(&e.findings, out),
        Message::RuleList(l) => json_lines(&l.rules, out),
        Message::JobList(l) => json_lines(&l.jobs, out),
        Message::Saved(s) => json_lines(&s.saved, out),
        other => {
            // A single record (a score, a profile) is one line.
            serde_json::to_writer(&mut *out, other).map_err(io::Error::from)?;
            writeln!(out)
        }
    }
}
