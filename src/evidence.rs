//! What a profile evidences: for every skill, where the résumé names it (field path and
//! span), whether it is demonstrated in dated work or only declared, which of its skills
//! imply it, and for how many years — from the dated roles whose text shows it, and from
//! "15 years of Python" statements.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::extract::Finding;
use crate::posting::years_phrases;
use crate::profile::{Field, FieldKind, PartialDate, Profile, RoleRef};
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
    /// The words that make this a mention in passing ("a bit of", "familiar with"),
    /// if any: such a mention is worth less than work shown and adds no years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hedge: Option<&'static str>,
    /// Named as known a little ("some experience with Terraform", "basic Go"; see
    /// `weakly_qualified`): still named, but it adds no years of its role and is no
    /// strength to lead with.
    #[serde(skip)]
    pub weak: bool,
}

/// Everything the profile says about one skill.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SkillEvidence {
    /// Direct mentions.
    pub mentions: Vec<ProfileMention>,
    /// Profile skills that imply this one (Django ⇒ Python), when not named directly.
    #[serde(skip)]
    pub implied_by: Vec<RuleId>,
    /// Named, not in passing, in a demonstrated field.
    pub demonstrated: bool,
    /// Named somewhere without a hedge ("a bit of PHP" is a hedge).
    pub firm: bool,
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

/// Where a profile's years of experience come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearsSource {
    /// The dated roles, overlaps counted once.
    DatedRoles,
    /// An overall figure the text states ("15 years of experience").
    Stated,
    /// The years the text states of one skill ("10 years of Python").
    StatedForSkill(RuleId),
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
    /// The most years the text states of any one skill ("after 10 years and a million
    /// lines of Python"), and that skill: whoever has worked ten years with a skill
    /// has worked ten years, which matters for a narrative résumé without dates.
    pub stated_skill_years: Option<(u32, RuleId)>,
    /// Bullets, in original order.
    pub bullets: Vec<Bullet>,
    /// The date open-ended roles run to.
    pub as_of: PartialDate,
}

impl AnalyzedProfile {
    /// Works out the evidence of `profile` under `rules`, with open-ended roles running
    /// to `as_of`, or to the date the résumé was written (`meta.lastModified`) when that
    /// is earlier: a role "to present" in a 2017 résumé is only evidenced up to 2017.
    /// A `lastModified` older than a role's start is stale (the file was edited since)
    /// and is ignored.
    #[must_use]
    pub fn analyze(profile: Profile, rules: &RuleSet, as_of: PartialDate) -> Self {
        let as_of = match profile.written() {
            Some(d) if d.last_month() < as_of.last_month() => d,
            _ => as_of,
        };
        let now = as_of.last_month();
        let mut skills: BTreeMap<RuleId, SkillEvidence> = BTreeMap::new();
        // Per skill: the dated intervals that evidence it.
        let mut intervals: BTreeMap<RuleId, Vec<(i32, i32)>> = BTreeMap::new();
        // The (skill, role) pairs of `SkillEvidence::roles`: a skill shown in thousands
        // of roles made a search of its list per mention quadratic.
        let mut skill_roles: BTreeSet<(RuleId, RoleRef)> = BTreeSet::new();
        let mut stated_total: Option<u32> = None;
        let mut stated_skill: Option<(u32, RuleId)> = None;
        let mut bullets = Vec::new();

        let interval_of = |r: RoleRef| -> Option<(i32, i32)> {
            let (s, e) = profile.role_dates(r);
            let start = s?;
            let s = start.first_month();
            let e = e.map_or(now, |d| d.range_end_month(start)).max(s);
            Some((s, e))
        };

        let fields: Vec<Field<'_>> = profile.fields().collect();
        // Each list's items, in order, gathered once: gathering them again for each
        // item made a skills list of thousands of keywords quadratic.
        let mut lists: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (n, f) in fields.iter().enumerate() {
            if let Some(list) = list_of(&f.path) {
                lists.entry(list).or_default().push(n);
            }
        }
        for (n, field) in fields.iter().enumerate() {
            let folded = Folded::new(field.text);
            let found = match list_of(&field.path).and_then(|l| lists.get(l)) {
                Some(items) => list_item_findings(rules, &fields, items, n),
                None => rules.extract_folded(field.text, &folded),
            };
            let mut hedges = hedges(folded.as_bytes(), &found);
            // A role's `description` says what the employer does ("customers train AI
            // models on our GPUs"): the company's skills, not the person's.
            if field.path.ends_with("].description")
                && (field.path.starts_with("work[") || field.path.starts_with("volunteer["))
            {
                hedges.fill(Some("the employer's description"));
            }
            let mut field_skills: Vec<RuleId> = Vec::new();
            // The skills of `field_skills` named here other than weakly: the ones this
            // field's role adds years to.
            let mut earnest: Vec<RuleId> = Vec::new();
            for (f, &hedge) in found.iter().zip(&hedges) {
                let weak =
                    hedge.is_none() && field.text.get(..f.start).is_some_and(weakly_qualified);
                let ev = skills.entry(f.rule).or_default();
                ev.mentions.push(ProfileMention {
                    field: field.path.clone(),
                    start: f.start,
                    end: f.end,
                    text: field.text[f.start..f.end].to_owned(),
                    kind: field.kind,
                    hedge,
                    weak,
                });
                // A mention in passing is kept as evidence, but it demonstrates
                // nothing, implies nothing and adds no years of its role.
                if hedge.is_some() {
                    continue;
                }
                ev.firm = true;
                if field.kind == FieldKind::Demonstrated {
                    ev.demonstrated = true;
                }
                field_skills.push(f.rule);
                if !weak {
                    earnest.push(f.rule);
                }
            }
            field_skills.sort();
            field_skills.dedup();
            let mut with_implied = field_skills.clone();
            let mut dated = earnest.clone();
            for &r in &field_skills {
                let named_in_earnest = earnest.contains(&r);
                for &imp in rules.implied_by(r) {
                    let ev = skills.entry(imp).or_default();
                    if !ev.implied_by.contains(&r) {
                        ev.implied_by.push(r);
                    }
                    if field.kind == FieldKind::Demonstrated {
                        ev.demonstrated_implied = true;
                    }
                    with_implied.push(imp);
                    if named_in_earnest {
                        dated.push(imp);
                    }
                }
            }
            with_implied.sort();
            with_implied.dedup();
            dated.sort();
            dated.dedup();
            match field.role.and_then(|r| Some((r, interval_of(r)?))) {
                Some((role, iv)) if field.kind == FieldKind::Demonstrated => {
                    // "Some experience with Terraform" in a six-year role is no six
                    // years of Terraform, nor "basic Django" of Python.
                    for &r in &dated {
                        intervals.entry(r).or_default().push(iv);
                        if skill_roles.insert((r, role)) {
                            skills.entry(r).or_default().roles.push(role);
                        }
                    }
                }
                _ => {
                    for &r in &with_implied {
                        skills.entry(r).or_default().undated = true;
                    }
                }
            }
            for y in years_phrases(field.text, &folded, &found) {
                // "Ten years ago I wrote Perl" is no ten years of Perl; "for the past
                // five years" of a résumé is its writer's experience.
                if y.time == Some(crate::posting::TimeSpan::Age) {
                    continue;
                }
                if y.skills.is_empty() {
                    if y.about_experience {
                        stated_total = stated_total.max(Some(y.years));
                    }
                } else {
                    for r in y.skills {
                        let ev = skills.entry(r).or_default();
                        ev.stated_years = ev.stated_years.max(Some(y.years));
                        if stated_skill.is_none_or(|(n, _)| y.years > n) {
                            stated_skill = Some((y.years, r));
                        }
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
                let mut found = rules.extract(n);
                if found.is_empty() {
                    found.extend(rules.label_finding(n));
                }
                for f in found {
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
            stated_skill_years: stated_skill,
            bullets,
            as_of,
        }
    }

    /// Years of work experience: the largest of the dated roles, a stated overall
    /// figure and the years stated of any one skill.
    #[must_use]
    pub fn total_years(&self) -> f32 {
        self.experience().0
    }

    /// `total_years` and where the figure comes from.
    #[must_use]
    pub fn experience(&self) -> (f32, YearsSource) {
        #[allow(clippy::cast_precision_loss)]
        let mut best = (self.total_months as f32 / 12.0, YearsSource::DatedRoles);
        #[allow(clippy::cast_precision_loss)]
        if let Some(s) = self.stated_total_years.map(|s| s as f32)
            && s > best.0
        {
            best = (s, YearsSource::Stated);
        }
        #[allow(clippy::cast_precision_loss)]
        if let Some((n, rule)) = self.stated_skill_years
            && n as f32 > best.0
        {
            best = (n as f32, YearsSource::StatedForSkill(rule));
        }
        best
    }

    /// Evidence for `rule`, direct or implied.
    #[must_use]
    pub fn evidence(&self, rule: RuleId) -> Option<&SkillEvidence> {
        self.skills.get(&rule)
    }
}

/// The list a field is an item of, if any: a skills entry (its name and keywords), a
/// project's keywords, a degree (its area, type and courses), the spoken languages. An
/// item such as "Go", "BS" or "Spanish" is a skill's or a degree's name by where it
/// stands, and its guard needs that context.
fn list_of(path: &str) -> Option<&str> {
    let (head, tail) = path.split_once('.')?;
    if head.starts_with("languages[") {
        return Some("languages");
    }
    let listed = head.starts_with("skills[")
        || head.starts_with("education[")
        || (head.starts_with("projects[") && tail.starts_with("keywords["));
    listed.then_some(head)
}

/// Items on each side of a list item that its guard gets to see.
const LIST_CONTEXT: usize = 8;

/// Findings of `fields[n]`, an item of the list whose items are `items` (indices into
/// `fields`, in order; see `list_of`): read as part of the line its list would make
/// ("Languages, Go, R, Rust"), so that a guarded name sees its neighbours; failing
/// that, the item whole as the one guarded skill it names.
fn list_item_findings(
    rules: &RuleSet,
    fields: &[Field<'_>],
    items: &[usize],
    n: usize,
) -> Vec<Finding> {
    let join = |range: &[usize]| {
        range
            .iter()
            .map(|&i| fields[i].text)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let at = items.binary_search(&n).unwrap_or(0);
    let mut before = join(&items[at.saturating_sub(LIST_CONTEXT)..at]);
    if !before.is_empty() {
        before.push_str(", ");
    }
    let mut after =
        join(&items[(at + 1).min(items.len())..(at + 1 + LIST_CONTEXT).min(items.len())]);
    if !after.is_empty() {
        after.insert_str(0, ", ");
    }
    let found = rules.extract_within(&before, fields[n].text, &after);
    if found.is_empty() {
        return rules.label_finding(fields[n].text).into_iter().collect();
    }
    found
}

/// Words that, just before a skill, say it is known a little: "some Windows Server",
/// "basic Kubernetes", "a little bit of Go". Weaker than a hedge: "some" also counts
/// things ("ran some Windows Server hosts"), so a skill so named is still named and
/// worth points, but it earns no years of its role, and the tailored summary's
/// "strongest" skills do not rest on it.
const WEAK: &[&str] = &[
    "some",
    "little",
    "bit",
    "basic",
    "basics",
    "limited",
    "light",
    "minimal",
    "rudimentary",
    "elementary",
    "introductory",
    "beginner",
    "novice",
    "occasional",
    "passing",
    "exposure",
    "familiar",
    "familiarity",
];

/// Nouns between a weak word and the skill: "some experience with Java".
const WEAK_NOUNS: &[&str] = &[
    "experience",
    "knowledge",
    "understanding",
    "background",
    "skills",
    "work",
];

/// True when the text just before a mention (`before`, the field's text up to it)
/// qualifies it as known a little: a weak word right before it, or before "experience
/// with", "knowledge of" and the like. Only the clause the mention is in counts, so
/// "Python, some Windows Server" weakens Windows Server alone, and "migrated some
/// services to Kubernetes" weakens nothing ("services" stands between).
pub(crate) fn weakly_qualified(before: &str) -> bool {
    let clause = &before[clause_tail(before, 4)..];
    let mut words = clause
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .rev()
        .map(str::to_lowercase)
        .peekable();
    // "… experience with", "… knowledge of": the preposition, then the noun.
    if words
        .peek()
        .is_some_and(|w| matches!(w.as_str(), "with" | "in" | "of" | "to" | "using" | "on"))
    {
        words.next();
        if words
            .peek()
            .is_some_and(|w| WEAK_NOUNS.contains(&w.as_str()))
        {
            words.next();
        }
    } else if words
        .peek()
        .is_some_and(|w| WEAK_NOUNS.contains(&w.as_str()))
    {
        words.next();
    }
    words.next().is_some_and(|w| WEAK.contains(&w.as_str()))
}

/// Where the last `words` words of the clause `before` ends in begin (or the clause,
/// when it has fewer): the clause opens after the last `. , ; : ( ) / newline`, and
/// words are split at whitespace and `-`. Reading back no further than the words
/// needed keeps a long field without stops linear: searching back to the clause's
/// start for each mention was quadratic (1 MB of "Python and Go developer and …": 38 s).
fn clause_tail(before: &str, words: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in before.char_indices().rev() {
        if matches!(c, '.' | ',' | ';' | ':' | '(' | ')' | '\n' | '/') {
            return i + c.len_utf8();
        }
        if c.is_whitespace() || c == '-' {
            if in_word {
                seen += 1;
                if seen == words {
                    return i + c.len_utf8();
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    0
}

/// Phrases before a skill that say the résumé knows it only in passing, folded.
const HEDGES_BEFORE: &[&str] = &[
    "a bit of",
    "a little",
    "some exposure to",
    "exposure to",
    "limited exposure to",
    "limited experience with",
    "limited experience in",
    "basic knowledge of",
    "basic knowledge in",
    "basic understanding of",
    "basic familiarity with",
    "familiar with",
    "familiarity with",
    "some familiarity with",
    "dabbled in",
    "dabbled with",
    "dabbling in",
    "toyed with",
    "played with",
    "played around with",
    "poked at",
    "currently learning",
    "started learning",
    "now learning",
    "beginner in",
    "beginner-level",
    // Another product's design taken as a model is knowledge of it, not work in it:
    // "drawing on the AWS and GCP designs".
    "drawing on",
    "drawing upon",
    // "taking the best of AWS and GCP designs".
    "the best of",
    "inspired by",
    "modelled on",
    "modeled on",
    "modelled after",
    "modeled after",
];

/// Words right after a skill, in brackets or after a dash or colon, that say the same
/// ("Java (basic)", "Rust: learning").
const HEDGES_AFTER: &[&str] = &[
    "basic",
    "beginner",
    "elementary",
    "novice",
    "familiar",
    "learning",
];

/// Words that may sit between a hedge and the skills of its list without ending it
/// ("a bit of PHP, ASP and Java as well").
const LIST_WORDS: &[&str] = &[
    "and", "or", "as", "well", "also", "plus", "some", "the", "other",
];

/// Unknown words a hedged list may hold before the hedge stops applying: the names the
/// rules do not know ("a bit of php, asp, vbscript, and java"), not a new clause.
const LIST_UNKNOWN_WORDS: usize = 2;

static HEDGE_AC: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(HEDGES_BEFORE)
        .expect("hedge phrases build an automaton")
});

/// For each finding of a field (folded text `t`, findings sorted by position), the
/// hedge that makes it a mention in passing, if any. A hedge covers the skills of the
/// list it introduces: "with a bit of php, asp, vbscript, and java" hedges PHP and
/// Java; a clause end (`.`, `;`, `:`, a line break) or more than a couple of other
/// words ends the list, so "familiar with Kafka and led the Postgres migration"
/// hedges Kafka only.
fn hedges(t: &[u8], found: &[crate::extract::Finding]) -> Vec<Option<&'static str>> {
    let mut out = vec![None; found.len()];
    if found.is_empty() {
        return out;
    }
    for m in HEDGE_AC.find_iter(t) {
        if !crate::extract::on_boundaries(t, m.start(), m.end()) {
            continue;
        }
        let hedge = HEDGES_BEFORE[m.pattern().as_usize()];
        let mut at = m.end();
        let mut unknown = 0;
        for (i, f) in found.iter().enumerate() {
            if f.fstart < at {
                continue;
            }
            match list_gap(&t[at..f.fstart]) {
                Some(n) if unknown + n <= LIST_UNKNOWN_WORDS => unknown += n,
                _ => break,
            }
            out[i] = Some(hedge);
            at = f.fend;
        }
    }
    for (i, f) in found.iter().enumerate() {
        if out[i].is_none() {
            out[i] = hedge_after(&t[f.fend..]);
        }
    }
    out
}

/// The number of words in `gap` (text between list items) that are not list words,
/// or `None` when the gap ends a clause.
fn list_gap(gap: &[u8]) -> Option<usize> {
    if gap
        .iter()
        .any(|b| matches!(b, b'.' | b';' | b':' | b'!' | b'?' | b'\n'))
    {
        return None;
    }
    Some(
        gap.split(|&b| !crate::text::is_word_byte(b))
            .filter(|w| !w.is_empty() && !LIST_WORDS.iter().any(|l| l.as_bytes() == *w))
            .count(),
    )
}

/// A hedge word just after a skill, after an opening bracket, a dash or a colon.
fn hedge_after(rest: &[u8]) -> Option<&'static str> {
    let mut i = 0;
    while i < rest.len() && rest[i] == b' ' {
        i += 1;
    }
    if !matches!(rest.get(i), Some(b'(' | b'-' | b':')) {
        return None;
    }
    i += 1;
    while i < rest.len() && rest[i] == b' ' {
        i += 1;
    }
    let word = &rest[i..];
    HEDGES_AFTER.iter().copied().find(|h| {
        word.starts_with(h.as_bytes())
            && word
                .get(h.len())
                .is_none_or(|&b| !crate::text::is_word_byte(b))
    })
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

    /// The hedge of each skill found in `text`, by rule id.
    fn hedged(text: &str) -> Vec<(String, Option<&'static str>)> {
        let rules = RuleSet::builtin().expect("built-in rules");
        let folded = Folded::new(text);
        let found = rules.extract_folded(text, &folded);
        hedges(folded.as_bytes(), &found)
            .into_iter()
            .zip(&found)
            .map(|(h, f)| (rules.rule(f.rule).id.to_string(), h))
            .collect()
    }

    #[test]
    fn a_hedge_covers_its_list_and_stops_at_a_new_clause() {
        let h = hedged("mostly Python, with a bit of PHP, ASP, VBScript, and Java as needed");
        assert!(h.contains(&("python".into(), None)), "{h:?}");
        assert!(h.contains(&("php".into(), Some("a bit of"))), "{h:?}");
        assert!(h.contains(&("java".into(), Some("a bit of"))), "{h:?}");
        let h =
            hedged("Familiar with Kafka and led the migration of the billing data to PostgreSQL");
        assert!(
            h.contains(&("kafka".into(), Some("familiar with"))),
            "{h:?}"
        );
        assert!(h.contains(&("postgresql".into(), None)), "{h:?}");
        let h =
            hedged("Built services in Python. Some exposure to Rust; shipped Docker images daily");
        assert!(h.contains(&("python".into(), None)), "{h:?}");
        assert!(
            h.contains(&("rust".into(), Some("some exposure to"))),
            "{h:?}"
        );
        assert!(h.contains(&("docker".into(), None)), "{h:?}");
    }

    #[test]
    fn another_products_design_taken_as_a_model_is_in_passing() {
        let h = hedged(
            "Implemented security groups in Python & Go, taking the best of AWS and GCP designs",
        );
        assert!(h.iter().any(|(id, x)| id == "aws" && x.is_some()), "{h:?}");
        assert!(h.iter().any(|(id, x)| id == "gcp" && x.is_some()), "{h:?}");
        assert!(
            h.iter().any(|(id, x)| id == "python" && x.is_none()),
            "{h:?}"
        );
    }

    #[test]
    fn a_hedge_after_the_skill_and_words_that_are_no_hedge() {
        let h = hedged("Languages: Python, Java (basic), Go");
        assert!(h.contains(&("java".into(), Some("basic"))), "{h:?}");
        assert!(h.contains(&("python".into(), None)), "{h:?}");
        assert!(h.contains(&("go".into(), None)), "{h:?}");
        // "learning" alone is a field (machine learning), not a hedge.
        let h = hedged("Trained machine learning models with Python and PyTorch");
        assert!(h.iter().all(|(_, x)| x.is_none()), "{h:?}");
    }

    #[test]
    fn what_the_employer_does_is_no_skill_of_the_person() {
        let (p, rules) = analyzed(
            "work:\n  - name: Lambda\n    description: A GPU cloud on which customers train AI models.\n    startDate: 2020-01\n    highlights:\n      - Built the VM scheduler in Python.\n",
        );
        let ai = p
            .evidence(rules.find("artificial-intelligence").expect("ai rule"))
            .expect("ai evidence");
        assert!(!ai.firm && ai.months == 0, "{ai:?}");
        let py = p
            .evidence(rules.find("python").expect("python"))
            .expect("python");
        assert!(py.firm && py.months > 0, "{py:?}");
    }

    #[test]
    fn a_skill_named_only_in_passing_is_neither_demonstrated_nor_dated() {
        let (p, rules) = analyzed(
            "work:\n  - name: Acme\n    startDate: 2015-01\n    endDate: 2020-12\n    highlights:\n      - Wrote Python services, with a bit of PHP.\n",
        );
        let php = p
            .evidence(rules.find("php").expect("php rule"))
            .expect("php evidence");
        assert!(!php.demonstrated && !php.firm && php.months == 0, "{php:?}");
        assert_eq!(php.mentions[0].hedge, Some("a bit of"));
        let python = p
            .evidence(rules.find("python").expect("python rule"))
            .expect("python");
        assert!(python.demonstrated && python.months == 72, "{python:?}");
        let (p, rules) = analyzed(
            "work:\n  - name: Acme\n    startDate: 2015-01\n    endDate: 2020-12\n    highlights:\n      - Built security groups in Go, drawing on the AWS and GCP designs.\n",
        );
        for id in ["aws", "gcp"] {
            let e = p.evidence(rules.find(id).expect(id)).expect(id);
            assert!(!e.demonstrated && e.months == 0, "{id}: {e:?}");
        }
    }

    /// The words right before a skill that say it is known a little, and ones that do
    /// not.
    #[test]
    fn weak_qualifiers_before_a_skill() {
        for weak in [
            "Ran some ",
            "Wrote a little ",
            "A little bit of ",
            "Basic ",
            "Gained basic knowledge of ",
            "Some experience with ",
            "Had exposure to ",
            "Python, some ",
            "Familiar with ",
            "Light ",
        ] {
            assert!(weakly_qualified(weak), "{weak:?}");
        }
        for firm in [
            "",
            "Built ",
            "Migrated some services to ",
            "Some services, written in ",
            "Wrote tests in ",
            "Led the migration to ",
            "Built some of the ",
        ] {
            assert!(!weakly_qualified(firm), "{firm:?}");
        }
    }

    /// "Some experience with Terraform" in a six-year role is Terraform known a little,
    /// not six years of it: a weak mention still counts as named (the score's points),
    /// but adds no years of its role, nor do the skills it implies.
    #[test]
    fn a_skill_known_a_little_earns_no_years_of_its_role() {
        for weak in [
            "Some experience with Terraform.",
            "Basic Terraform scripting.",
            "Limited Terraform experience.",
            "Rudimentary Terraform.",
            "Wrote some Terraform.",
        ] {
            let (p, rules) = analyzed(&format!(
                "work:\n  - name: Initech\n    startDate: 2020-01\n    endDate: 2020-12\n    highlights:\n      - Built the billing API on AWS with Terraform.\n  - name: Globex\n    startDate: 2014-01\n    endDate: 2019-12\n    highlights:\n      - Rebuilt the billing service in Python.\n      - {weak}\n"
            ));
            let tf = p
                .evidence(rules.find("terraform").expect("terraform"))
                .expect("terraform evidence");
            assert_eq!(tf.months, 12, "{weak}: {tf:?}");
            assert!(tf.firm && tf.demonstrated, "{weak}: {tf:?}");
            assert!(tf.mentions.iter().any(|m| m.weak), "{weak}: {tf:?}");
        }
        // Nor does what a weak mention implies: "basic Django" is no years of Python.
        let (p, rules) = analyzed(
            "work:\n  - name: Globex\n    startDate: 2014-01\n    endDate: 2019-12\n    highlights:\n      - Basic Django views for the admin site.\n",
        );
        let py = p
            .evidence(rules.find("python").expect("python"))
            .expect("python");
        assert_eq!(py.months, 0, "{py:?}");
        // A firm mention in the same role still counts it.
        let (p, rules) = analyzed(
            "work:\n  - name: Globex\n    startDate: 2014-01\n    endDate: 2019-12\n    highlights:\n      - Some experience with Terraform.\n      - Moved the stack to Terraform.\n",
        );
        let tf = p
            .evidence(rules.find("terraform").expect("terraform"))
            .expect("terraform evidence");
        assert_eq!(tf.months, 72, "{tf:?}");
    }

    fn analyzed(yaml: &str) -> (AnalyzedProfile, RuleSet) {
        let profile = crate::profile::Profile::from_yaml("p.yaml", yaml).expect("profile");
        let rules = RuleSet::builtin().expect("built-in rules");
        let p = AnalyzedProfile::analyze(
            profile,
            &rules,
            PartialDate::parse("2024-01").expect("date"),
        );
        (p, rules)
    }

    fn has(p: &AnalyzedProfile, rules: &RuleSet, id: &str) -> bool {
        p.evidence(rules.find(id).expect(id))
            .is_some_and(|e| e.firm)
    }

    #[test]
    fn listed_skills_and_degrees_are_read_as_the_list_they_stand_in() {
        // Alone, "Go", "R" or "BS" is too ambiguous for its guard; in a skills entry
        // or a degree, where it stands says what it is.
        let (p, rules) = analyzed(
            "skills:\n  - name: Languages\n    keywords: [Go, R, Rust]\n  - name: Storage\n    keywords: [Swift, Ceph]\n  - keywords: [Spark]\neducation:\n  - studyType: BS\n    area: CS\n",
        );
        for id in [
            "go",
            "r-lang",
            "rust",
            "openstack-swift",
            "ceph",
            "spark",
            "bachelors-degree",
            "computer-science",
        ] {
            assert!(has(&p, &rules, id), "{id}");
        }
        assert!(!has(&p, &rules, "swift-lang"));
        let mention = &p
            .evidence(rules.find("go").expect("go"))
            .expect("go")
            .mentions[0];
        assert_eq!(
            (mention.field.as_str(), mention.start, mention.end),
            ("skills[0].keywords[0]", 0, 2)
        );
    }

    #[test]
    fn years_for_a_skill_stay_with_it_not_with_the_next_clause() {
        let (p, rules) = analyzed(
            "basics:\n  summary: Has written Python professionally for fifteen years and has also used Go and C++.\n",
        );
        let years = |id: &str| {
            p.evidence(rules.find(id).expect(id))
                .and_then(|e| e.stated_years)
        };
        assert_eq!(years("python"), Some(15));
        assert_eq!(years("go"), None);
        assert_eq!(years("c++"), None);
    }

    #[test]
    fn union_counts_overlaps_once() {
        assert_eq!(union_months(vec![(0, 11), (6, 17), (30, 30)]), 19);
        assert_eq!(union_months(vec![]), 0);
    }
}
