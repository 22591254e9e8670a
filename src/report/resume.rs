//! `jobfit tailor`'s report and the documents made from it: a Markdown résumé, plain
//! text, and JSON Resume. All three show only profile text (bullets verbatim) plus the
//! generated summary; `--explain` adds where each summary sentence came from and what
//! each bullet covers.

use std::fmt::Write as _;

use serde::Serialize;

use super::{BulletLine, PostingInfo, ProfileInfo, RuleRef, SCHEMA_VERSION, round1};
use crate::evidence::AnalyzedProfile;
use crate::posting::AnalyzedPosting;
use crate::profile::{Dated, PartialDate, Profile, Work};
use crate::rules::RuleSet;
use crate::score::{Band, Score};
use crate::tailor::{Summary, Tailored};

/// `jobfit tailor`'s result (`--format json`).
#[derive(Debug, Clone, Serialize)]
pub struct TailorReport {
    /// Schema version.
    pub schema: u32,
    /// The posting.
    pub posting: PostingInfo,
    /// The profile.
    pub profile: ProfileInfo,
    /// The posting's score against the whole profile.
    pub score: f32,
    /// Its band.
    pub band: Band,
    /// The summary, sentence by sentence, with the profile fields behind each.
    pub summary: Summary,
    /// Selected bullets in the résumé's order, with the posting skills each covers.
    pub bullets: Vec<BulletLine>,
    /// The profile's skills, most relevant to the posting first.
    pub skills: Vec<RuleRef>,
    /// The tailored résumé (JSON Resume); written by `--format json-resume`.
    #[serde(skip)]
    pub resume: Profile,
}

impl TailorReport {
    /// Assembles the report.
    #[must_use]
    pub fn build(
        rules: &RuleSet,
        posting: &AnalyzedPosting,
        profile: &AnalyzedProfile,
        score: &Score,
        t: Tailored,
    ) -> Self {
        Self {
            schema: SCHEMA_VERSION,
            posting: PostingInfo::of(posting),
            profile: ProfileInfo::of(profile),
            score: round1(score.value),
            band: score.band(),
            bullets: super::bullet_lines(rules, profile, &t.selected),
            skills: t.skills.iter().map(|&r| RuleRef::of(rules, r)).collect(),
            summary: t.summary,
            resume: t.resume,
        }
    }

    fn bullets_of(&self, role: &str) -> impl Iterator<Item = &BulletLine> {
        let prefix = format!("{role}.");
        self.bullets
            .iter()
            .filter(move |b| b.field.starts_with(&prefix))
    }
}

/// "Sep 2023", "2017".
fn month_year(d: PartialDate) -> String {
    const M: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match d.month {
        Some(m) if (1..=12).contains(&m) => format!("{} {}", M[usize::from(m - 1)], d.year),
        _ => d.year.to_string(),
    }
}

fn dates(start: Option<Dated>, end: Option<Dated>) -> Option<String> {
    let s = start?.date;
    Some(format!(
        "{} – {}",
        month_year(s),
        end.map_or_else(|| "present".to_owned(), |e| month_year(e.date))
    ))
}

/// A role's heading. A role with nothing to name it by still gets one: its bullets
/// must not vanish with it.
fn role_title(w: &Work) -> String {
    w.heading().unwrap_or_else(|| "Role".to_owned())
}

fn contacts(p: &Profile) -> Vec<String> {
    let b = &p.basics;
    let mut v: Vec<String> = [&b.email, &b.phone, &b.url]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    if let Some(l) = &b.location {
        let place: Vec<&str> = [&l.city, &l.region, &l.country_code]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        if !place.is_empty() {
            v.push(place.join(", "));
        }
    }
    v.extend(b.profiles.iter().filter_map(|s| s.url.clone()));
    v
}

fn education_line(e: &crate::profile::Education) -> String {
    let mut parts: Vec<String> = Vec::new();
    match (&e.study_type, &e.area) {
        (Some(s), Some(a)) => parts.push(format!("{s}, {a}")),
        (Some(x), None) | (None, Some(x)) => parts.push(x.clone()),
        (None, None) => {}
    }
    parts.extend(e.institution.clone());
    parts.extend(e.score.clone());
    let mut line = parts.join(", ");
    if let Some(d) = e.end_date {
        let _ = write!(line, " ({})", month_year(d.date));
    }
    line
}

/// The languages section's entries: "German (professional)".
fn language_lines(p: &Profile) -> Vec<String> {
    p.languages
        .iter()
        .filter_map(|l| {
            let name = l.language.as_deref()?;
            Some(match &l.fluency {
                Some(f) => format!("{name} ({f})"),
                None => name.to_owned(),
            })
        })
        .collect()
}

/// The skills section: the profile's own skills list reordered, else the skills the
/// profile names, most relevant first.
fn skill_lines(r: &TailorReport) -> Vec<(Option<String>, String)> {
    if r.resume.skills.is_empty() {
        let names: Vec<&str> = r.skills.iter().map(|s| s.name.as_str()).collect();
        return if names.is_empty() {
            Vec::new()
        } else {
            vec![(None, names.join(", "))]
        };
    }
    r.resume
        .skills
        .iter()
        .filter(|e| !e.keywords.is_empty() || e.name.is_some())
        .map(|e| (e.name.clone(), e.keywords.join(", ")))
        .collect()
}

fn covers(b: &BulletLine) -> String {
    b.covers
        .iter()
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The provenance section of `--explain`.
fn explanation(r: &TailorReport, heading: &str, out: &mut String) {
    let _ = writeln!(out, "{heading}");
    let _ = writeln!(
        out,
        "\nTailored for {} (score {:.1}, {}).\n",
        r.posting.label(),
        r.score,
        r.band.as_str()
    );
    for (i, s) in r.summary.sentences.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", i + 1, s.text);
        for src in &s.sources {
            let _ = writeln!(out, "   ← {}: {}", src.field, src.fact);
        }
    }
    for d in &r.summary.dropped {
        let _ = writeln!(out, "dropped: {d}");
    }
    if !r.bullets.is_empty() {
        let _ = writeln!(out);
    }
    for b in &r.bullets {
        let _ = writeln!(out, "- {} covers {}", b.field, covers(b));
    }
}

/// A Markdown résumé: basics, summary, roles with their selected bullets (each with
/// the posting skills it covers in an HTML comment, invisible when rendered), skills
/// ordered by relevance, education.
#[must_use]
pub fn markdown(r: &TailorReport, explain: bool) -> String {
    let p = &r.resume;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", p.basics.name.as_deref().unwrap_or("Résumé"));
    if let Some(l) = &p.basics.label {
        let _ = writeln!(out, "**{l}**\n");
    }
    let c = contacts(p);
    if !c.is_empty() {
        let _ = writeln!(out, "{}\n", c.join(" · "));
    }
    if let Some(s) = &p.basics.summary {
        let _ = writeln!(out, "## Summary\n\n{s}\n");
    }
    let mut roles = String::new();
    for (i, w) in p.work.iter().enumerate() {
        let title = role_title(w);
        let _ = writeln!(roles, "### {title}\n");
        if let Some(d) = dates(w.start_date, w.end_date) {
            let _ = writeln!(roles, "*{d}*\n");
        }
        let mut any = false;
        for b in r.bullets_of(&format!("work[{i}]")) {
            let _ = writeln!(roles, "- {} <!-- covers: {} -->", b.text, covers(b));
            any = true;
        }
        if any {
            roles.push('\n');
        }
    }
    if !roles.is_empty() {
        let _ = writeln!(out, "## Experience\n\n{}\n", roles.trim_end());
    }
    let mut projects = String::new();
    for (i, pr) in p.projects.iter().enumerate() {
        let picked: Vec<&BulletLine> = r.bullets_of(&format!("projects[{i}]")).collect();
        if picked.is_empty() {
            continue;
        }
        let _ = writeln!(
            projects,
            "### {}\n",
            pr.name.as_deref().unwrap_or("Project")
        );
        for b in picked {
            let _ = writeln!(projects, "- {} <!-- covers: {} -->", b.text, covers(b));
        }
        projects.push('\n');
    }
    if !projects.is_empty() {
        let _ = writeln!(out, "## Projects\n\n{}\n", projects.trim_end());
    }
    let skills = skill_lines(r);
    if !skills.is_empty() {
        let _ = writeln!(out, "## Skills\n");
        for (name, list) in skills {
            match name {
                Some(n) if !list.is_empty() => {
                    let _ = writeln!(out, "- **{n}:** {list}");
                }
                Some(n) => {
                    let _ = writeln!(out, "- {n}");
                }
                None => {
                    let _ = writeln!(out, "{list}");
                }
            }
        }
        out.push('\n');
    }
    if !p.education.is_empty() {
        let _ = writeln!(out, "## Education\n");
        for e in &p.education {
            let _ = writeln!(out, "- {}", education_line(e));
        }
        out.push('\n');
    }
    let languages = language_lines(p);
    if !languages.is_empty() {
        let _ = writeln!(out, "## Languages\n\n{}\n", languages.join(", "));
    }
    if explain {
        explanation(r, "## Where this comes from", &mut out);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Plain text, for pasting into forms: the same content without markup.
#[must_use]
pub fn text(r: &TailorReport, explain: bool) -> String {
    let p = &r.resume;
    let mut out = String::new();
    if let Some(n) = &p.basics.name {
        let _ = writeln!(out, "{n}");
    }
    if let Some(l) = &p.basics.label {
        let _ = writeln!(out, "{l}");
    }
    let c = contacts(p);
    if !c.is_empty() {
        let _ = writeln!(out, "{}", c.join(" · "));
    }
    if let Some(s) = &p.basics.summary {
        let _ = writeln!(out, "\nSUMMARY\n{s}");
    }
    let mut first = true;
    for (i, w) in p.work.iter().enumerate() {
        let title = role_title(w);
        if first {
            let _ = writeln!(out, "\nEXPERIENCE");
            first = false;
        }
        match dates(w.start_date, w.end_date) {
            Some(d) => {
                let _ = writeln!(out, "{title} ({d})");
            }
            None => {
                let _ = writeln!(out, "{title}");
            }
        }
        for b in r.bullets_of(&format!("work[{i}]")) {
            let _ = writeln!(out, "  - {}", b.text);
        }
    }
    let mut heading = true;
    for (i, pr) in p.projects.iter().enumerate() {
        let picked: Vec<&BulletLine> = r.bullets_of(&format!("projects[{i}]")).collect();
        if picked.is_empty() {
            continue;
        }
        // Under a heading of their own, so a project does not read as another role.
        if std::mem::take(&mut heading) {
            let _ = writeln!(out, "\nPROJECTS");
        }
        let _ = writeln!(out, "{}", pr.name.as_deref().unwrap_or("Project"));
        for b in picked {
            let _ = writeln!(out, "  - {}", b.text);
        }
    }
    let skills = skill_lines(r);
    if !skills.is_empty() {
        let _ = writeln!(out, "\nSKILLS");
        for (name, list) in skills {
            match name {
                Some(n) if !list.is_empty() => {
                    let _ = writeln!(out, "{n}: {list}");
                }
                Some(n) => {
                    let _ = writeln!(out, "{n}");
                }
                None => {
                    let _ = writeln!(out, "{list}");
                }
            }
        }
    }
    if !p.education.is_empty() {
        let _ = writeln!(out, "\nEDUCATION");
        for e in &p.education {
            let _ = writeln!(out, "{}", education_line(e));
        }
    }
    let languages = language_lines(p);
    if !languages.is_empty() {
        let _ = writeln!(out, "\nLANGUAGES\n{}", languages.join(", "));
    }
    if explain {
        out.push('\n');
        explanation(r, "WHERE THIS COMES FROM", &mut out);
    }
    out
}

/// The tailored profile as JSON Resume. `meta.jobfit` records what it was tailored for
/// and what each bullet covers; with `explain`, also the sources of every summary
/// sentence. Other `meta` keys of the profile are kept.
#[must_use]
pub fn json_resume(r: &TailorReport, explain: bool) -> String {
    let mut p = r.resume.clone();
    let mut jobfit = serde_json::json!({
        "tailoredFor": r.posting,
        // Through f64 at one decimal: a JSON value holds f64, in which the f32 78.4
        // would read 78.4000015258789.
        "score": (f64::from(r.score) * 10.0).round() / 10.0,
        "bullets": r.bullets.iter().map(|b| serde_json::json!({
            "field": b.field,
            "covers": b.covers.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    if explain {
        jobfit["summary"] = serde_json::to_value(&r.summary).unwrap_or_default();
    }
    let mut meta = match p.meta.take() {
        Some(serde_json::Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    };
    meta.insert("jobfit".into(), jobfit);
    p.meta = Some(serde_json::Value::Object(meta));
    p.to_json()
}
