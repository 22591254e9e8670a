//! Summary text from profile facts only: who the person is (headline, total years,
//! current role), the posting's skills they have (with years), one or two quantified
//! achievements quoted verbatim from bullets the selection left out (the tailored résumé
//! shows the chosen ones below), and the nearest transferable skill for the top gap.
//! No language model: sentences are assembled from templates whose wording is picked by
//! a hash of the posting, so the same inputs always give the same text and different
//! postings read differently. Every sentence carries the profile fields it came from,
//! and passes a guard before it is kept: every skill it names must be in the profile,
//! and every number in it must be in the profile or be a year count derived from the
//! profile's dates.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::evidence::AnalyzedProfile;
use crate::posting::AnalyzedPosting;
use crate::profile::{RoleRef, Work};
use crate::rules::{Category, RuleId, RuleSet};
use crate::score::{Score, Status};

use super::Selected;

/// Most sentences in a summary.
const MAX_SENTENCES: usize = 4;
/// Longest profile sentence quoted as an achievement.
const MAX_QUOTE: usize = 260;
/// A gap worth a transfer line costs at least this many points.
const TRANSFER_MIN_LOST: f32 = 3.0;

/// Where a sentence's facts come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Profile field (`basics.label`, `work[1].highlights[0]`, `work[0..5] dates`).
    pub field: String,
    /// What was taken from it.
    pub fact: String,
}

/// What a sentence says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Headline, total years, current role.
    Identity,
    /// The posting's skills the profile has.
    Skills,
    /// A quantified achievement, quoted.
    Achievement,
    /// The nearest transferable skill for the top gap.
    Transfer,
}

/// One generated sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    /// What it says.
    pub kind: Kind,
    /// The text.
    pub text: String,
    /// Profile fields it came from.
    pub sources: Vec<Source>,
    /// Numbers in it that are derived (years from dates) rather than quoted.
    #[serde(skip)]
    pub derived: Vec<u32>,
}

/// A summary: sentences, and the ones the guard refused (never shown as text).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Kept sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Sentences dropped by the truthfulness guard, with why (a bug if ever non-empty;
    /// kept visible rather than hidden).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dropped: Vec<String>,
}

impl Summary {
    /// The sentences as one paragraph.
    #[must_use]
    pub fn text(&self) -> String {
        self.sentences
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Years with a skill or in work, as the text states them.
#[derive(Debug, Clone)]
struct Years {
    /// Whole years (rounded down).
    n: u32,
    /// True when the months behind it exceed `n` years by a quarter or more.
    over: bool,
    /// True when `n` is derived from dates (not quoted from the text).
    derived: bool,
    sources: Vec<Source>,
}

impl Years {
    fn phrase(&self) -> String {
        let unit = if self.n == 1 { "year" } else { "years" };
        if self.over {
            format!("over {} {unit}", self.n)
        } else {
            format!("{} {unit}", self.n)
        }
    }
}

/// A posting skill the profile names itself.
#[derive(Debug, Clone)]
struct SkillFact {
    rule: RuleId,
    name: String,
    years: Option<Years>,
    sources: Vec<Source>,
}

/// Everything the generator may say, gathered once.
struct Facts<'a> {
    rules: &'a RuleSet,
    profile: &'a AnalyzedProfile,
    headline: Option<(String, Source)>,
    /// The current (or latest) role.
    current: Option<(usize, &'a Work)>,
    total: Option<Years>,
    skills: Vec<SkillFact>,
    /// Numbers that appear anywhere in the profile.
    numbers: BTreeSet<String>,
    /// Profile text the summary may quote verbatim (headline, employers, titles,
    /// bullet sentences): a skill read inside a quote is the profile's own words.
    quotable: Vec<String>,
}

/// Whole years from months, rounded down; `None` below one year.
fn years_of_months(months: u32, derived: bool, sources: Vec<Source>) -> Option<Years> {
    let n = months / 12;
    (n >= 1).then_some(Years {
        n,
        over: months % 12 >= 3,
        derived,
        sources,
    })
}

fn date_span(w: &Work) -> String {
    let s = w.start_date.map(|d| d.date.to_string()).unwrap_or_default();
    let e = w
        .end_date
        .map_or_else(|| "present".to_owned(), |d| d.date.to_string());
    format!("{s} – {e}")
}

impl<'a> Facts<'a> {
    fn gather(rules: &'a RuleSet, profile: &'a AnalyzedProfile, score: &Score) -> Self {
        let p = &profile.profile;
        // The current role: open-ended, else the latest start.
        let current = p
            .work
            .iter()
            .enumerate()
            .filter(|(_, w)| w.start_date.is_some() && w.end_date.is_none())
            .max_by_key(|(_, w)| w.start_date.map(|d| d.date.first_month()))
            .or_else(|| {
                p.work
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| w.start_date.is_some())
                    .max_by_key(|(_, w)| w.start_date.map(|d| d.date.first_month()))
            });
        let headline = p
            .basics
            .label
            .as_ref()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                (
                    l.trim().to_owned(),
                    Source {
                        field: "basics.label".into(),
                        fact: "headline".into(),
                    },
                )
            })
            .or_else(|| {
                let (i, w) = current?;
                let pos = w.position.as_ref()?;
                Some((
                    pos.trim().to_owned(),
                    Source {
                        field: format!("work[{i}].position"),
                        fact: "current title".into(),
                    },
                ))
            });
        let numbers = number_tokens(&p.to_json());
        let total = if profile.total_months >= 12 {
            let dated: Vec<String> = p
                .work
                .iter()
                .enumerate()
                .filter(|(_, w)| w.start_date.is_some())
                .map(|(i, w)| format!("work[{i}] {}", date_span(w)))
                .collect();
            years_of_months(
                profile.total_months,
                true,
                vec![Source {
                    field: "work[*].startDate/endDate".into(),
                    fact: format!(
                        "{} months of dated roles (overlaps once): {}",
                        profile.total_months,
                        dated.join("; ")
                    ),
                }],
            )
        } else {
            profile.stated_total_years.and_then(|y| {
                let field = quoted_in(profile, &y.to_string())?;
                Some(Years {
                    n: y,
                    over: false,
                    derived: false,
                    sources: vec![Source {
                        field,
                        fact: format!("states {y} years of experience"),
                    }],
                })
            })
        };
        // The posting's skills the profile names itself, heaviest first.
        let mut skills: Vec<(f32, SkillFact)> = score
            .items
            .iter()
            .filter(|i| i.status == Status::Matched)
            // A degree or a spoken language is no skill one is "hands-on with" or
            // "brings": the skills sentence names what the person works with.
            .filter(|i| {
                !matches!(
                    rules.rule(i.skill.rule).category,
                    Category::Education | Category::Spoken
                )
            })
            .filter_map(|i| {
                let ev = profile.evidence(i.skill.rule)?;
                let first = best_mention(ev)?;
                let mut sources = vec![Source {
                    field: first.field.clone(),
                    fact: format!("names {:?}", first.text),
                }];
                let years = skill_years(profile, i.skill.rule);
                if let Some(y) = &years {
                    sources.extend(y.sources.iter().cloned());
                }
                Some((
                    i.weight * i.credit,
                    SkillFact {
                        rule: i.skill.rule,
                        name: short_name(rules, i.skill.rule),
                        years,
                        sources,
                    },
                ))
            })
            .collect();
        skills.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.rule.cmp(&b.1.rule)));
        let mut quotable: Vec<String> = p.basics.label.iter().cloned().collect();
        for w in p.work.iter().chain(&p.volunteer) {
            quotable.extend(w.name.iter().cloned());
            quotable.extend(w.position.iter().cloned());
        }
        quotable.extend(p.projects.iter().filter_map(|x| x.name.clone()));
        for b in &profile.bullets {
            quotable.extend(crate::import::sentences(&b.text));
        }
        quotable.retain(|q| !q.trim().is_empty());
        Facts {
            rules,
            profile,
            headline,
            current,
            total,
            skills: skills.into_iter().map(|(_, s)| s).collect(),
            numbers,
            quotable,
        }
    }

    /// "Position at Employer", "at Employer", or the position alone.
    fn current_role(&self, headline_is_position: bool) -> Option<(String, Vec<Source>)> {
        let (i, w) = self.current?;
        // Only an open-ended role is "current".
        w.end_date.is_none().then_some(())?;
        let mut src = Vec::new();
        // A title with a comma in it ("Engineer, GPU cloud") cannot sit inside the
        // sentence without misreading: say where, not as what.
        let pos = (!headline_is_position)
            .then_some(w.position.as_deref())
            .flatten()
            .filter(|p| !p.contains(','));
        if pos.is_some() {
            src.push(Source {
                field: format!("work[{i}].position"),
                fact: "title".into(),
            });
        }
        if w.name.is_some() {
            src.push(Source {
                field: format!("work[{i}].name"),
                fact: "employer".into(),
            });
        }
        src.push(Source {
            field: format!("work[{i}].endDate"),
            fact: "no end date: current".into(),
        });
        let text = match (pos, w.name.as_deref()) {
            (Some(p), Some(n)) => format!("{} at {n}", lower_first(p)),
            (None, Some(n)) => format!("at {n}"),
            (Some(p), None) => lower_first(p),
            (None, None) => return None,
        };
        Some((text, src))
    }
}

/// The mention to cite: work shown before a claim. `None` when every mention is in
/// passing or weak: a skill named only as "a bit of PHP" or "some Windows Server" is no
/// strength to lead with.
pub(super) fn best_mention(
    ev: &crate::evidence::SkillEvidence,
) -> Option<&crate::evidence::ProfileMention> {
    let firm = || ev.mentions.iter().filter(|m| m.hedge.is_none() && !m.weak);
    firm()
        .find(|m| m.kind == crate::profile::FieldKind::Demonstrated)
        .or_else(|| firm().next())
}

/// The years a profile shows with a skill, from its dated roles, a "N years of X"
/// statement, or `skills[].years`, whichever is largest, with where it comes from.
fn skill_years(profile: &AnalyzedProfile, rule: RuleId) -> Option<Years> {
    let ev = profile.evidence(rule)?;
    let mut best: Option<Years> = None;
    let mut consider = |y: Option<Years>| {
        if let Some(y) = y
            && best.as_ref().is_none_or(|b| y.n > b.n)
        {
            best = Some(y);
        }
    };
    if ev.months >= 12 {
        let mut roles: Vec<String> = ev
            .roles
            .iter()
            .map(|r| match r {
                RoleRef::Work(i) => format!("work[{i}]"),
                RoleRef::Volunteer(i) => format!("volunteer[{i}]"),
                RoleRef::Project(i) => format!("projects[{i}]"),
            })
            .collect();
        roles.sort();
        consider(years_of_months(
            ev.months,
            true,
            vec![Source {
                field: if roles.is_empty() {
                    "work[*] dates".into()
                } else {
                    format!("{} dates", roles.join(", "))
                },
                fact: format!("{} months in dated roles that show it", ev.months),
            }],
        ));
    }
    if let Some(y) = ev.stated_years
        && let Some(field) = quoted_in(profile, &y.to_string())
    {
        consider(Some(Years {
            n: y,
            over: false,
            derived: false,
            sources: vec![Source {
                field,
                fact: format!("states {y} years"),
            }],
        }));
    }
    if let Some(y) = ev.listed_years
        && y >= 1.0
    {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let n = y.floor() as u32;
        consider(Some(Years {
            n,
            over: y - y.floor() >= 0.25,
            derived: true,
            sources: vec![Source {
                field: "skills[].years".into(),
                fact: format!("lists {y} years"),
            }],
        }));
    }
    best
}

/// The first profile field whose text contains `number` as a whole token.
fn quoted_in(profile: &AnalyzedProfile, number: &str) -> Option<String> {
    profile
        .profile
        .fields()
        .find(|f| number_tokens(f.text).contains(number))
        .map(|f| f.path)
}

/// Every number in a text with its offset, as written (`5k` gives `5`, `2.5` stays
/// `2.5`).
fn number_spans(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let s = i;
            while i < b.len()
                && (b[i].is_ascii_digit()
                    || (matches!(b[i], b'.' | b',')
                        && i + 1 < b.len()
                        && b[i + 1].is_ascii_digit()))
            {
                i += 1;
            }
            out.push((s, text[s..i].to_owned()));
        } else {
            i += 1;
        }
    }
    out
}

/// Every number in a text.
fn number_tokens(text: &str) -> BTreeSet<String> {
    number_spans(text).into_iter().map(|(_, n)| n).collect()
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // Keep acronyms and names: "SRE", "iOS developer" stay as written.
        Some(f) if f.is_uppercase() && !c.clone().next().is_some_and(char::is_uppercase) => {
            f.to_lowercase().chain(c).collect()
        }
        _ => s.to_owned(),
    }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn end_sentence(s: &str) -> String {
    let t = s.trim_end();
    if t.ends_with(['.', '!', '?']) {
        t.to_owned()
    } else {
        format!("{t}.")
    }
}

/// Picks wording: slot `k` of a posting's hash, among `n` variants.
fn pick(seed: u64, k: u32, n: usize) -> usize {
    #[allow(clippy::cast_possible_truncation)]
    let v = (seed.rotate_right(k * 13) ^ (seed >> 7)) as usize;
    v % n.max(1)
}

fn identity(f: &Facts<'_>, seed: u64) -> Option<Sentence> {
    let headline_is_position = f
        .headline
        .as_ref()
        .is_some_and(|(_, s)| s.field.ends_with(".position"));
    let current = f.current_role(headline_is_position);
    let mut sources: Vec<Source> = Vec::new();
    let mut derived = Vec::new();
    if let Some((_, s)) = &f.headline {
        sources.push(s.clone());
    }
    if let Some(y) = &f.total {
        sources.extend(y.sources.iter().cloned());
        if y.derived {
            derived.push(y.n);
        }
    }
    if let Some((_, s)) = &current {
        sources.extend(s.iter().cloned());
    }
    let v = pick(seed, 1, 3);
    let cur = |lead: &str| {
        current
            .as_ref()
            .map(|(c, _)| format!("{lead}{c}"))
            .unwrap_or_default()
    };
    let text = match (&f.headline, &f.total) {
        (Some((h, _)), Some(y)) => match v {
            0 => format!(
                "{h}, with {} of experience{}.",
                y.phrase(),
                cur(", currently ")
            ),
            1 => format!(
                "{h}; {} of professional experience{}.",
                y.phrase(),
                cur(", now ")
            ),
            _ => format!("{h} — {} of experience{}.", y.phrase(), cur("; currently ")),
        },
        (Some((h, _)), None) => format!("{h}{}.", cur(", currently ")),
        (None, Some(y)) => format!(
            "{} of professional experience{}.",
            upper_first(&y.phrase()),
            cur(", currently ")
        ),
        (None, None) => format!("{}.", upper_first(current.as_ref()?.0.as_str())),
    };
    Some(Sentence {
        kind: Kind::Identity,
        text,
        sources,
        derived,
    })
}

/// A rule's name as it reads in a sentence: "Software testing / QA" → "Software
/// testing", "OpenStack Swift (object storage)" → "OpenStack Swift".
/// Common nouns ("Mentoring and coaching", "Software testing") are lower-cased, as
/// they would be mid-sentence; names of things ("PostgreSQL", "Apache Spark") are not.
fn short_name(rules: &RuleSet, rule: RuleId) -> String {
    let r = rules.rule(rule);
    let name: &str = &r.name;
    let cut = name.find(" (").unwrap_or(name.len());
    let name = &name[..cut];
    let cut = name.find(" / ").unwrap_or(name.len());
    let name = name[..cut].trim();
    // A phrase of several words with no capital after its first letter is a common
    // noun whatever its category ("Message queues and brokers", "Machine learning").
    let common = (matches!(
        r.category,
        Category::Soft | Category::Practice | Category::Domain | Category::Testing
    ) || name.contains(' '))
        && !name.chars().skip(1).any(char::is_uppercase);
    if common {
        name.to_lowercase()
    } else {
        name.to_owned()
    }
}

fn skill_phrase(s: &SkillFact) -> String {
    match &s.years {
        Some(y) => format!("{} ({})", s.name, y.phrase()),
        None => s.name.clone(),
    }
}

fn skills_sentence(f: &Facts<'_>, seed: u64) -> Option<Sentence> {
    let top: Vec<&SkillFact> = f.skills.iter().take(3).collect();
    if top.is_empty() {
        return None;
    }
    let list = and_list(&top.iter().map(|s| skill_phrase(s)).collect::<Vec<_>>());
    let text = match pick(seed, 2, 4) {
        0 => format!("Strongest matches for this role: {list}."),
        1 => format!("Brings {list} to this role."),
        2 => format!("Hands-on with {list}."),
        _ => format!("Core strengths for this posting: {list}."),
    };
    Some(Sentence {
        kind: Kind::Skills,
        text,
        sources: top.iter().flat_map(|s| s.sources.iter().cloned()).collect(),
        derived: top
            .iter()
            .filter_map(|s| s.years.as_ref().filter(|y| y.derived).map(|y| y.n))
            .collect(),
    })
}

/// A quotable achievement: one sentence, with a number in it, of a bullet the selection
/// left out, that shows one of the posting's matched skills.
#[derive(Debug, Clone)]
struct Quote {
    field: String,
    role: Option<RoleRef>,
    text: String,
    covers: Vec<RuleId>,
    value: f32,
    recency: i32,
    order: usize,
}

/// True when a sentence carries a result in numbers: "40% faster", "2.5 million users",
/// "a million requests a day", "$2M". A scale in plural words ("hundreds of
/// developers", "millions of users", "tens of thousands of pods") is none: it gives the
/// size of what the work touched in words any bullet can use, and says neither how
/// much nor what changed; the summary quotes a number a reader can hold the profile
/// to. A year ("in 2019"), a version ("python3", "Python 3",
/// "v2.1.0"), a name with a digit in it ("0MQ", "3D", "2FA"), an ID ("RFC 7231",
/// "PEP 8") or a tenure ("for 3-4 yrs", "5 years of") is no result. `rules` tells a
/// skill's name, so that the number after it reads as its version.
fn quantified(rules: &RuleSet, s: &str) -> bool {
    // A scale word with its count in words ("a million", "half a million", "one
    // billion"); with digits ("2.5 million", "300 thousand") the digits count already.
    const SCALE: &[&str] = &[
        "dozen", "hundred", "thousand", "million", "billion", "trillion",
    ];
    const COUNT: &[&str] = &[
        "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "twelve", "twenty", "thirty", "forty", "fifty", "hundred",
    ];
    const TENURE: &[&str] = &[
        "year", "years", "yr", "yrs", "month", "months", "mo", "decade", "decades",
    ];
    // Letters that may follow a number's digits and leave it a quantity ("10k",
    // "2.5M", "3x", "40ms", "2TB"); any others make it a name ("0MQ", "3D", "2FA",
    // "3rd-party").
    const UNITS: &[&str] = &[
        "k", "m", "mm", "b", "bn", "x", "kb", "mb", "gb", "tb", "pb", "ms", "s", "sec", "secs",
        "min", "mins", "h", "hr", "hrs", "qps", "rps", "tps", "rpm", "gbps", "mbps", "kloc", "loc",
        "usd", "eur", "gbp", "pct",
    ];
    // Words before a year ("in 2016", "since 2019", "2017-2019").
    const BEFORE_YEAR: &[&str] = &[
        "in", "since", "from", "to", "until", "till", "by", "of", "during", "circa", "between",
        "and", "early", "late", "mid", "through", "before", "after", "around",
    ];
    // Words before a tenure ("for 3-4 yrs", "over 10 years"), or after it ("5 years of").
    const BEFORE_TENURE: &[&str] = &["for", "over", "past", "nearly", "almost", "about", "with"];
    // Words before a number that make it a version or an identifier, not an amount.
    const BEFORE_ID: &[&str] = &[
        "v",
        "version",
        "versions",
        "release",
        "rev",
        "revision",
        "rfc",
        "iso",
        "pep",
        "cve",
        "jsr",
        "ieee",
        "ecma",
        "ecmascript",
        "es",
        "id",
        "no",
        "number",
        "ticket",
        "issue",
        "pr",
        "bug",
        "level",
        "tier",
        "layer",
        "web",
        "soc",
        "pci",
        "gen",
    ];
    // Each word with its byte offset.
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let sep = c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '"');
        match (sep, start) {
            (true, Some(b)) => {
                words.push((b, &s[b..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(b) = start {
        words.push((b, &s[b..]));
    }
    let clean = |w: Option<&(usize, &str)>| {
        w.map(|(_, n)| {
            n.to_ascii_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_owned()
        })
        .unwrap_or_default()
    };
    // Skills named in the sentence, by byte span: a number inside one is part of its
    // name, one right after it is its version.
    let mut findings: Option<Vec<(usize, usize)>> = None;
    for (i, (at, w)) in words.iter().enumerate() {
        if SCALE.contains(&clean(words.get(i)).as_str())
            && COUNT.contains(&clean(i.checked_sub(1).and_then(|p| words.get(p))).as_str())
        {
            return true;
        }
        // A number opens the word ("$2M", "40%", "3x", "10k"), not inside a name.
        let t = w.trim_start_matches(['$', '€', '£', '~', '+']);
        if !t.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
        // The whole number, with its decimal point or thousands separators.
        let number = number_spans(t).first().map_or(0, |(_, n)| n.len());
        let rest = t[digits.len()..].trim_end_matches(|c: char| !c.is_alphanumeric());
        let glued: String = t[number..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        // "0MQ", "3D", "2FA", "3rd": a name or an ordinal, not an amount. Tenure words
        // ("5yrs") are judged below.
        if !glued.is_empty()
            && !UNITS.contains(&glued.as_str())
            && !TENURE.contains(&glued.as_str())
        {
            continue;
        }
        // "1.2.3", "18.04.1": a version; "64-bit": a kind of machine; "the 1990s": a
        // decade.
        if t[..number].matches('.').count() >= 2
            || t[number..].starts_with("-bit")
            || (number == 4 && glued == "s" && (t.starts_with("19") || t.starts_with("20")))
        {
            continue;
        }
        let prev = clean(i.checked_sub(1).and_then(|p| words.get(p)));
        let next = clean(words.get(i + 1));
        if BEFORE_ID.contains(&prev.as_str()) {
            continue;
        }
        // A bare number within a skill's name or right after it ("Python 3", "Java 8",
        // "Windows Server 2012", "PostgreSQL 9.6") is its version.
        let from = at + (w.len() - t.len());
        let to = from + number;
        let bare = t[number..]
            .chars()
            .all(|c| !c.is_alphanumeric() && !matches!(c, '%' | '+' | '-' | '–'));
        let spans = findings
            .get_or_insert_with(|| rules.extract(s).iter().map(|f| (f.start, f.end)).collect());
        if spans.iter().any(|&(a, b)| {
            (a < to && from < b) || (bare && b <= from && s[b..from].trim().is_empty())
        }) {
            continue;
        }
        // A year: four digits from 1900 to 2099, alone or in a range, after a word that
        // leads to a date ("in 2016.", "2017-2019"); "ran 2000 nodes" is a number.
        let year_digits =
            digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
        let is_range = rest.starts_with(['-', '–'])
            && rest[rest
                .find(|c: char| c.is_ascii_digit())
                .unwrap_or(rest.len())..]
                .chars()
                .all(|c| c.is_ascii_digit());
        let is_year = year_digits
            && (rest.is_empty() || is_range)
            && (is_range || BEFORE_YEAR.contains(&prev.as_str()));
        let unit = rest
            .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '–' | '.' | '+'));
        // A tenure: a number of years or months said as a duration ("for 3-4 yrs",
        // "5+ years of"), not a result ("3 months early").
        let (unit_word, after) = if TENURE.contains(&unit) {
            (true, next.clone())
        } else {
            (
                unit.is_empty() && TENURE.contains(&next.as_str()),
                clean(words.get(i + 2)),
            )
        };
        let is_tenure = unit_word
            && (BEFORE_TENURE.contains(&prev.as_str())
                || matches!(after.as_str(), "of" | "experience" | "in" | "with" | "")
                || w.contains('+'));
        if !is_tenure && !is_year {
            return true;
        }
    }
    false
}

fn quotes(f: &Facts<'_>, score: &Score, selected: &[Selected]) -> Vec<Quote> {
    let matched: Vec<(RuleId, f32)> = score
        .items
        .iter()
        .filter(|i| i.status == Status::Matched)
        .map(|i| (i.skill.rule, i.weight))
        .collect();
    // A bullet chosen for the posting stands in the tailored résumé already: quoting it
    // (or the same words in another role) would say a sentence twice, so the summary
    // quotes another or none.
    let shown: BTreeSet<String> = selected
        .iter()
        .flat_map(|s| crate::import::sentences(&s.bullet.text))
        .collect();
    let mut out = Vec::new();
    for b in &f.profile.bullets {
        for s in crate::import::sentences(&b.text) {
            // Only a result in numbers is worth the summary's space: a sentence without
            // one ("kept legacy tools running") says less than the chosen bullets do.
            if s.len() > MAX_QUOTE || !quantified(f.rules, &s) || shown.contains(&s) {
                continue;
            }
            let mut covers: Vec<RuleId> = f
                .rules
                .extract(&s)
                .into_iter()
                .flat_map(|x| {
                    std::iter::once(x.rule).chain(f.rules.implied_by(x.rule).iter().copied())
                })
                .filter(|r| matched.iter().any(|(m, _)| m == r))
                .collect();
            covers.sort();
            covers.dedup();
            if covers.is_empty() {
                continue;
            }
            let value = covers
                .iter()
                .map(|r| matched.iter().find(|(m, _)| m == r).map_or(0.0, |x| x.1))
                .sum();
            out.push(Quote {
                field: b.field.clone(),
                role: b.role,
                text: s,
                covers,
                value,
                recency: b.recency,
                order: b.order,
            });
        }
    }
    // By the weight of the posting skills they show.
    out.sort_by(|a, b| {
        b.value
            .total_cmp(&a.value)
            .then(b.recency.cmp(&a.recency))
            .then(a.order.cmp(&b.order))
    });
    out
}

fn achievement(f: &Facts<'_>, q: &Quote, seed: u64) -> Sentence {
    let p = &f.profile.profile;
    let (employer, position, role_field) = match q.role {
        Some(RoleRef::Work(i)) => p.work.get(i).map_or((None, None, None), |w| {
            (
                w.name.clone(),
                w.position.clone(),
                Some(format!("work[{i}]")),
            )
        }),
        Some(RoleRef::Volunteer(i)) => p.volunteer.get(i).map_or((None, None, None), |w| {
            (
                w.name.clone(),
                w.position.clone(),
                Some(format!("volunteer[{i}]")),
            )
        }),
        Some(RoleRef::Project(i)) => (
            p.projects.get(i).and_then(|x| x.name.clone()),
            None,
            Some(format!("projects[{i}]")),
        ),
        None => (None, None, None),
    };
    let mut sources = vec![Source {
        field: q.field.clone(),
        fact: "quoted verbatim".into(),
    }];
    let quote = end_sentence(&q.text);
    // "Contracts" or "Freelance" in the title slot says how, not as what: "As contracts
    // at …" reads wrong.
    let engagement = position.as_deref().and_then(engagement_kind);
    const TITLE: (&str, &str) = ("position", "title");
    const ENGAGEMENT: (&str, &str) = ("position", "kind of engagement");
    const EMPLOYER: (&str, &str) = ("name", "employer");
    // The sentence, and the role fields it cites.
    let (text, cited): (String, &[(&str, &str)]) = match (employer, position, engagement) {
        // "At Made.com, turned around …" names its own place: "At Contract roles: At
        // Made.com, …" would say it twice.
        _ if quote.starts_with("At ") || quote.starts_with("In ") => (quote, &[]),
        (Some(e), Some(_), Some(kind)) => {
            let text = if e.contains(',') {
                format!("In {kind} roles at {e}: {quote}")
            } else {
                format!("In a {kind} role at {e}: {quote}")
            };
            (text, &[ENGAGEMENT, EMPLOYER])
        }
        (Some(e), Some(pos), None) if pick(seed, 3, 2) == 1 && !pos.contains(',') => (
            format!("As {} at {e}: {quote}", lower_first(&pos)),
            &[TITLE, EMPLOYER],
        ),
        (Some(e), _, _) => (format!("At {e}: {quote}"), &[EMPLOYER]),
        (None, Some(_), Some(kind)) => (format!("In a {kind} role: {quote}"), &[ENGAGEMENT]),
        (None, Some(pos), None) if !pos.contains(',') => {
            (format!("As {}: {quote}", lower_first(&pos)), &[TITLE])
        }
        (None, _, _) => (quote, &[]),
    };
    if let Some(r) = &role_field {
        sources.extend(cited.iter().map(|(key, fact)| Source {
            field: format!("{r}.{key}"),
            fact: (*fact).into(),
        }));
    }
    Sentence {
        kind: Kind::Achievement,
        text,
        sources,
        derived: Vec::new(),
    }
}

/// The kind of engagement a title slot names instead of a title ("Contracts",
/// "Freelance", "Consulting"), as an adjective for "role".
fn engagement_kind(position: &str) -> Option<&'static str> {
    let p = position
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    match p.as_str() {
        "contract" | "contracts" | "contractor" | "contracting" => Some("contract"),
        "freelance" | "freelancer" | "freelancing" | "self-employed" => Some("freelance"),
        "consulting" | "consultancy" => Some("consulting"),
        _ => None,
    }
}

/// How a category's skills are referred to without naming one.
fn category_noun(c: Category) -> &'static str {
    match c {
        Category::Language => "languages",
        Category::Framework => "frameworks",
        Category::Database => "data stores",
        Category::Cloud => "cloud services",
        Category::Devops => "infrastructure tooling",
        Category::Data => "data tooling",
        Category::Ml => "modelling tools",
        Category::Testing => "test tooling",
        Category::Protocol => "protocols and formats",
        Category::Os => "platforms",
        Category::Security => "security tooling",
        Category::Practice => "practices",
        Category::Domain => "domain knowledge",
        Category::Soft => "people skills",
        Category::Spoken => "spoken languages",
        Category::Education => "fields of study",
        Category::Tool => "tools",
    }
}

fn transfer(f: &Facts<'_>, score: &Score, seed: u64) -> Option<Sentence> {
    // The costliest gap whose nearest profile skill the text has not named already
    // (naming the same skill twice says nothing new) and that the profile shows in
    // earnest, not only as known a little: else the next gap.
    let gap = score.gaps().into_iter().find(|g| {
        // A degree or a spoken language does not "carry over" to another.
        !matches!(
            f.rules.rule(g.skill.rule).category,
            Category::Education | Category::Spoken
        ) && g.status == Status::Related
            && g.lost >= TRANSFER_MIN_LOST
            && g.via.is_some_and(|v| {
                !f.skills.iter().take(3).any(|s| s.rule == v)
                    && f.profile
                        .evidence(v)
                        .is_some_and(|ev| ev.is_direct() && best_mention(ev).is_some())
            })
    })?;
    let via = gap.via?;
    let ev = f.profile.evidence(via)?;
    let first = best_mention(ev)?;
    let name = short_name(f.rules, via);
    let years = skill_years(f.profile, via);
    let have = match &years {
        Some(y) => format!("{name} ({})", y.phrase()),
        None => name,
    };
    let category = f.rules.rule(gap.skill.rule).category;
    let noun = category_noun(category);
    // Tools are used; knowledge and people skills are asked for.
    let verb = match category {
        Category::Soft
        | Category::Domain
        | Category::Education
        | Category::Spoken
        | Category::Practice => "asks for",
        _ => "uses",
    };
    let mut derived_years: Vec<u32> = Vec::new();
    if let Some(y) = years.as_ref().filter(|y| y.derived) {
        derived_years.push(y.n);
    }
    let specific = match pick(seed, 4, 2) {
        // "Work with" keeps the verb singular whatever the skill's name ("databases").
        0 => format!("Work with {have} carries over to the related {noun} this role {verb}."),
        _ => format!("Experience with {have} is close to the {noun} asked for here."),
    };
    // A category word can itself read as a skill ("data stores"): then say it plainly.
    let text = if refuse_text(f, &upper_first(&specific), &derived_years).is_none() {
        specific
    } else {
        format!("The closest match to what this role asks for is {have}.")
    };
    let mut sources = vec![Source {
        field: first.field.clone(),
        fact: format!("names {:?}", first.text),
    }];
    let mut derived = Vec::new();
    if let Some(y) = years {
        if y.derived {
            derived.push(y.n);
        }
        sources.extend(y.sources);
    }
    Some(Sentence {
        kind: Kind::Transfer,
        text,
        sources,
        derived,
    })
}

/// Byte spans of `text` that quote profile text verbatim.
fn quoted_spans(text: &str, quotable: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for q in quotable {
        let q = q.trim_end_matches('.');
        let mut from = 0;
        while let Some(i) = text[from..].find(q) {
            out.push((from + i, from + i + q.len()));
            from += i + q.len().max(1);
        }
    }
    out
}

/// Why a text may not be said, if it may not: it names a skill the profile does not
/// show (outside a verbatim quote of the profile), or a number the profile does not
/// contain and that is not one of `derived`.
fn refuse_text(f: &Facts<'_>, text: &str, derived: &[u32]) -> Option<(usize, String)> {
    let quoted = quoted_spans(text, &f.quotable);
    for x in f.rules.extract(text) {
        if quoted.iter().any(|&(a, b)| a <= x.start && x.end <= b) {
            continue;
        }
        if f.profile.evidence(x.rule).is_none() {
            return Some((
                x.start,
                format!(
                    "names {} ({}), which the profile does not show",
                    f.rules.rule(x.rule).name,
                    f.rules.rule(x.rule).id
                ),
            ));
        }
    }
    for (at, n) in number_spans(text) {
        let ok = n.parse::<u32>().is_ok_and(|v| derived.contains(&v)) || f.numbers.contains(&n);
        if !ok {
            return Some((
                at,
                format!("says {n}, a number the profile does not contain"),
            ));
        }
    }
    None
}

/// Why a sentence may not be said, if it may not.
fn refuse(f: &Facts<'_>, s: &Sentence) -> Option<String> {
    refuse_text(f, &s.text, &s.derived).map(|(_, why)| format!("{:?} {why}", s.text))
}

/// Seed for wording choices: the posting's text, so every posting reads differently
/// and the same posting always reads the same.
fn seed_of(posting: &AnalyzedPosting) -> u64 {
    crate::rules::word_hash(posting.posting.text.as_bytes())
}

/// Writes a 2–4 sentence summary of `profile` for `posting`.
#[must_use]
pub fn summarize(
    rules: &RuleSet,
    posting: &AnalyzedPosting,
    profile: &AnalyzedProfile,
    score: &Score,
    selected: &[Selected],
) -> Summary {
    let f = Facts::gather(rules, profile, score);
    let seed = seed_of(posting);
    let mut planned: Vec<Sentence> = Vec::new();
    planned.extend(identity(&f, seed));
    planned.extend(skills_sentence(&f, seed));
    let qs = quotes(&f, score, selected);
    let mut quoted: Vec<&Quote> = Vec::new();
    if let Some(q) = qs.first() {
        quoted.push(q);
        // A second one only when it shows another skill, from another role.
        if let Some(q2) = qs
            .iter()
            .find(|x| x.role != q.role && x.covers.iter().any(|r| !q.covers.contains(r)))
        {
            quoted.push(q2);
        }
    }
    let tr = transfer(&f, score, seed);
    for (k, q) in quoted.iter().enumerate() {
        // The transfer line, when there is one, takes the last slot before a second
        // achievement does.
        if k == 1 && tr.is_some() && planned.len() + 2 > MAX_SENTENCES {
            break;
        }
        planned.push(achievement(&f, q, seed));
    }
    planned.extend(tr);
    planned.truncate(MAX_SENTENCES);
    let mut out = Summary::default();
    for mut s in planned {
        s.text = upper_first(&s.text);
        match refuse(&f, &s) {
            Some(why) => out.dropped.push(why),
            None => out.sentences.push(s),
        }
    }
    // Sentences read together can say more than each alone (a context guard sees the
    // whole text): check the paragraph too, dropping the sentence at fault.
    loop {
        let text = out.text();
        let derived: Vec<u32> = out
            .sentences
            .iter()
            .flat_map(|s| s.derived.iter().copied())
            .collect();
        let Some((at, why)) = refuse_text(&f, &text, &derived) else {
            break;
        };
        let mut offset = 0;
        let k = out
            .sentences
            .iter()
            .position(|s| {
                offset += s.text.len() + 1;
                at < offset
            })
            .unwrap_or(out.sentences.len() - 1);
        let s = out.sentences.remove(k);
        out.dropped
            .push(format!("{:?} {why} (read with the rest)", s.text));
    }
    out
}

/// One line for `rank` and `score --summary`: headline, years and the strongest
/// matching skills, through the same guard as the full summary.
#[must_use]
pub fn one_line(rules: &RuleSet, profile: &AnalyzedProfile, score: &Score) -> Option<String> {
    let f = Facts::gather(rules, profile, score);
    let mut head: Vec<String> = Vec::new();
    let mut derived = Vec::new();
    if let Some((h, _)) = &f.headline {
        head.push(h.clone());
    }
    if let Some(y) = &f.total {
        head.push(y.phrase());
        if y.derived {
            derived.push(y.n);
        }
    }
    let top: Vec<&SkillFact> = f.skills.iter().take(3).collect();
    for s in &top {
        if let Some(y) = s.years.as_ref().filter(|y| y.derived) {
            derived.push(y.n);
        }
    }
    let skills = and_list(&top.iter().map(|s| skill_phrase(s)).collect::<Vec<_>>());
    let text = match (head.is_empty(), skills.is_empty()) {
        (true, true) => return None,
        (false, true) => format!("{}.", upper_first(&head.join(", "))),
        (true, false) => format!("Matches {skills}."),
        (false, false) => format!("{}; matches {skills}.", upper_first(&head.join(", "))),
    };
    refuse_text(&f, &text, &derived).is_none().then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_phrases_are_lower_case_and_names_are_not() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let name = |id: &str| short_name(&rules, rules.find(id).expect(id));
        assert_eq!(name("message-queues"), "message queues and brokers");
        assert_eq!(name("machine-learning"), "machine learning");
        assert_eq!(name("python"), "Python");
        assert_eq!(name("postgresql"), "PostgreSQL");
        assert_eq!(name("aws"), "Amazon Web Services");
    }

    #[test]
    fn numbers_and_lists() {
        let n = number_tokens("serving 5k req/s to 2.5 million users in 2019, 40%");
        assert_eq!(
            n.into_iter().collect::<Vec<_>>(),
            ["2.5", "2019", "40", "5"]
        );
        assert_eq!(
            and_list(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
        assert_eq!(lower_first("Senior engineer"), "senior engineer");
        assert_eq!(lower_first("SRE"), "SRE");
        let rules = RuleSet::builtin().expect("built-in rules");
        let q = |s: &str| quantified(&rules, s);
        assert!(q("cut p99 latency by 40%"));
        assert!(q("served 2.5M users"));
        assert!(q("reduced builds from 3 days to 2 hours"));
        assert!(!q("wrote tests"));
        assert!(!q(
            "Been doing python development on distributed systems for 3-4 yrs."
        ));
        assert!(!q("5+ years of Go"));
        assert!(!q("for 3-4 yrs."));
        assert_eq!(engagement_kind("*Contracts,"), Some("contract"));
        assert_eq!(engagement_kind("Freelance"), Some("freelance"));
        assert_eq!(engagement_kind("Senior engineer"), None);
        assert!(!q("migrated everything to python3 in 2019"));
        assert!(!q("Moved the web tier onto Kubernetes in 2016."));
        assert!(!q("Led the platform team, 2017-2019:"));
        assert!(q("Ran 2000 Kubernetes nodes."));
        assert!(q("Shipped the migration 3 months early"));
    }

    /// A scale said in plural words ("hundreds of developers", "millions of users")
    /// is the size of what the work touched, in words any bullet can use; a count is
    /// a number: digits, or a number word with its count ("a million", "2.5 million").
    #[test]
    fn a_scale_in_words_is_no_quantity() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let q = |s: &str| quantified(&rules, s);
        for not in [
            "Taught a testing course to hundreds of developers.",
            "Delivered updates to millions of Linux devices.",
            "Rolled the agent out to thousands of hosts.",
            "Delivered updates to hundreds of millions of devices.",
            "Migrated tens-of-thousands of pods.",
            "Wrote dozens of services in Go.",
            "Routed billions of events.",
        ] {
            assert!(!q(not), "{not}");
        }
        for yes in [
            "Served 2.5 million users.",
            "Routed over a billion sales.",
            "Handled one million requests a day.",
            "Indexed half a million documents.",
            "Grew the platform to 300 thousand users.",
            "Cut the build from a dozen hours to 40 minutes.",
            "Taught 200 developers.",
        ] {
            assert!(q(yes), "{yes}");
        }
    }

    /// A digit is not a quantity when it is part of a name, a version or an id.
    #[test]
    fn names_versions_and_ids_are_no_quantities() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let q = |s: &str| quantified(&rules, s);
        for not in [
            "Replaced the 0MQ message bus with Kafka.",
            "Ported the reporting jobs to Python 3.",
            "Moved the build from Java 8 to Java 17.",
            "Upgraded the fleet to PostgreSQL 9.6.",
            "Pinned the agents to release 4.2.1.",
            "Implemented RFC 7231 caching in the proxy.",
            "Brought the codebase in line with PEP 8.",
            "Built 3D previews and 2FA login.",
            "Wrote 3rd-party integrations.",
            "Ported the 32-bit client to 64-bit.",
            "Shipped version 2 of the API.",
            "Maintained payroll code from the 1990s.",
        ] {
            assert!(!q(not), "{not}");
        }
        for yes in [
            "Cut p99 latency by 40% on the 0MQ bus.",
            "Moved 30 services to Python 3.",
            "Scaled Kafka 10x.",
            "Served 2.5M users.",
            "Grew revenue by $2M.",
            "Led a 5-person team.",
            "Handled 5k requests per second.",
        ] {
            assert!(q(yes), "{yes}");
        }
    }
}
