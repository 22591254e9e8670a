//! A job posting: its metadata, its sections (required / preferred / duties / about /
//! benefits) found from headings and cue phrases, and the weighted skills it asks for,
//! with "5+ years of X" requirements attached.

use rustc_hash::FxHashSet;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::extract::Finding;
use crate::rules::{RuleId, RuleSet};
use crate::text::{Folded, find_short, holds};

/// A posting as read from a file, stdin, an NDJSON line or the web.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Posting {
    /// Where it came from (`jobs/acme.md`, `<stdin>`, `jobs.ndjson:12`).
    #[serde(skip)]
    pub origin: String,
    /// Stable id (from front matter or NDJSON), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Job title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Hiring company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Where it was fetched from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published, as the source gives it (schema.org `datePosted`, the
    /// `date_posted` of a saved job's front matter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_posted: Option<String>,
    /// The body text, as given.
    #[serde(skip)]
    pub text: String,
}

/// The kind of a posting section, which decides how much a skill mentioned in it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// Requirements, qualifications, must-haves.
    Required,
    /// Text under no recognised heading (most short ads).
    General,
    /// Nice to have, preferred, bonus, a plus.
    Preferred,
    /// Responsibilities, what you'll do.
    Duties,
    /// A sentence describing the company or its product ("We build X with Y") rather
    /// than asking something of the candidate.
    Company,
    /// About us, the company, the mission.
    About,
    /// Benefits, perks, compensation, equal opportunity, how to apply.
    Benefits,
    /// The job title (its line in the text, or a title line in the body): evidence of
    /// the title boost, never a skill's `need`.
    Title,
}

impl SectionKind {
    /// Multiplier on a skill's weight for a mention in this section. Required ≫
    /// preferred > duties ≫ about/benefits, as users read postings.
    #[must_use]
    pub fn factor(self) -> f32 {
        match self {
            SectionKind::Required => 1.0,
            SectionKind::General => 0.8,
            SectionKind::Preferred => 0.55,
            SectionKind::Duties => 0.45,
            SectionKind::Company => 0.4,
            SectionKind::About => 0.1,
            SectionKind::Benefits => 0.05,
            // The title's own boost is `WeightParts::title`.
            SectionKind::Title => 1.0,
        }
    }

    /// Name used in output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Required => "required",
            SectionKind::General => "general",
            SectionKind::Preferred => "preferred",
            SectionKind::Duties => "duties",
            SectionKind::Company => "company",
            SectionKind::About => "about",
            SectionKind::Benefits => "benefits",
            SectionKind::Title => "title",
        }
    }
}

/// A section of the posting body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// Its kind.
    pub kind: SectionKind,
    /// Byte offset where it starts (its heading line, if any).
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// The heading text, if the section has one.
    pub heading: Option<String>,
}

/// One place the posting mentions a skill. Reports add the words, line and column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mention {
    /// Byte offsets into the posting text.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The section the mention is in (after sentence-level cues such as "a plus").
    pub section: SectionKind,
}

/// How a posting skill's weight was computed: `rule × section × repetition × title`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WeightParts {
    /// The rule's own weight.
    pub rule: f32,
    /// The best section factor among its mentions.
    pub section: f32,
    /// Saturating repetition factor (1 for one mention, at most 1.5).
    pub repetition: f32,
    /// 1.5 when the title names the skill, else 1.
    pub title: f32,
}

impl WeightParts {
    /// The product.
    #[must_use]
    pub fn total(&self) -> f32 {
        self.rule * self.section * self.repetition * self.title
    }
}

/// A skill the posting asks for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostingSkill {
    /// The rule.
    #[serde(skip)]
    pub rule: RuleId,
    /// Final weight.
    pub weight: f32,
    /// How the weight was made.
    pub parts: WeightParts,
    /// The strongest section among its mentions.
    pub need: SectionKind,
    /// Every mention.
    #[serde(skip)]
    pub mentions: Vec<Mention>,
    /// Years of experience asked for, when the posting says so.
    pub years: Option<u32>,
    /// The skills the posting lists as alternatives to this one ("C, C++, Java, Go
    /// or Python": any one will do), when every mention of at least one of them is
    /// in such a list.
    #[serde(skip)]
    pub alternatives: Vec<RuleId>,
    /// Asked for outside its "or" lists too ("Airflow or Dagster" and "orchestrate
    /// jobs with Airflow"), or named by the title: an anchor of its group, which
    /// stands whatever the others are.
    #[serde(skip)]
    pub anchor: bool,
}

/// A "N+ years" phrase in the posting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearsRequirement {
    /// Years asked for (the lower bound of a range).
    pub years: u32,
    /// Skills it applies to (empty: overall experience).
    #[serde(skip)]
    pub skills: Vec<RuleId>,
    /// Byte offsets of the phrase.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The phrase as written.
    pub text: String,
    /// Section it is in.
    pub section: SectionKind,
}

/// A posting with its sections and skills worked out.
#[derive(Debug, Clone)]
pub struct AnalyzedPosting {
    /// The posting.
    pub posting: Posting,
    /// Sections in text order, covering the whole text.
    pub sections: Vec<Section>,
    /// Skills asked for, by decreasing weight then id.
    pub skills: Vec<PostingSkill>,
    /// The jobs a posting offering several lists, in its title ("Frontend Engineer,
    /// Backend Engineer, SREs", see `roles::title_roles`) or its body (see
    /// `listed_jobs`), each as the skills it names: a candidate needs to fit one.
    /// Empty for a posting offering one job.
    pub roles: Vec<Vec<RuleId>>,
    /// Years phrases.
    pub years: Vec<YearsRequirement>,
    /// Overall years of experience asked for, if stated without a skill.
    pub total_years: Option<YearsRequirement>,
    /// Raw findings in the body, for `extract`-style displays.
    pub findings: Vec<Finding>,
    /// Where a title in the text names a skill (section `Title`), in text order: the
    /// spans behind title boosts. None for a title that came from metadata (front
    /// matter, an NDJSON `title`) which the text does not repeat. Kept here rather than
    /// per skill: skills are cloned per scored item and most have none.
    pub title_mentions: Vec<(RuleId, Mention)>,
}

impl AnalyzedPosting {
    /// The title's spans naming `rule`.
    pub fn title_mentions_of(&self, rule: RuleId) -> impl Iterator<Item = &Mention> {
        self.title_mentions
            .iter()
            .filter(move |(r, _)| *r == rule)
            .map(|(_, m)| m)
    }
}

impl Posting {
    /// A posting from free text (a pasted ad, a .txt or .md file without front matter).
    /// The title and company are guessed from the first line.
    #[must_use]
    pub fn from_text(origin: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let mut p = Posting {
            origin: origin.into(),
            text,
            ..Posting::default()
        };
        p.guess_title();
        p
    }

    /// Fills in a missing title/company from the first non-empty line: `Company | Role |
    /// Place` (the Hacker News convention), `Role at Company`, or a short heading line.
    pub fn guess_title(&mut self) {
        let labelled = self.labelled_fields();
        if self.title.is_none() {
            self.guess_from_first_line();
        }
        let [company, location, title] = labelled;
        for (slot, value) in [
            (&mut self.company, company),
            (&mut self.location, location),
            (&mut self.title, title),
        ] {
            if slot.is_none() {
                *slot = value;
            }
        }
    }

    /// `guess_title` from the first line that is not a job board's heading or a
    /// labelled field.
    fn guess_from_first_line(&mut self) {
        // A role noun, or a seniority that only a role takes, first ("Senior Full
        // Stack (Rails)", not "VISA for senior roles").
        let role_noun = |p: &str| {
            p.split(|c: char| !c.is_alphanumeric())
                .any(|w| crate::text::names_job(w, ROLE_NOUNS))
        };
        let seniority_first = |p: &str| {
            p.split_whitespace()
                .next()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
                .is_some_and(|w| SENIORITY.iter().any(|s| s.eq_ignore_ascii_case(w)))
        };
        let names_role = |p: &str| role_noun(p) || seniority_first(p);
        // A pasted ad may open with the job board's own heading ("About the job",
        // "Job description") before the title.
        let board_heading = |l: &str| {
            let h = clean_heading(l);
            BOARD_HEADINGS.iter().any(|b| b.eq_ignore_ascii_case(&h))
        };
        let Some(first) = self
            .text
            .lines()
            .map(str::trim)
            .filter(|l| l.chars().any(char::is_alphanumeric))
            .take(3)
            .find(|l| !board_heading(l) && label_of(l).is_none() && !meta_line(l))
        else {
            return;
        };
        // A pasted list with no title ("Nice to have:\n1. Go") opens with a section's
        // heading or an item: neither is the job's title, nor is what follows it the
        // company.
        let section_heading = |l: &str| {
            let h = clean_heading(l);
            h.split_whitespace().count() <= 5 && classify_heading(&h).is_some() && !names_role(&h)
        };
        let item = |l: &str| l.starts_with(['-', '*', '•', '·', '–']) || numbered(l);
        if section_heading(first) || item(first) {
            return;
        }
        let line = clean_heading(first);
        if line.contains('|') {
            let parts: Vec<&str> = line
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            if parts.len() >= 2 {
                self.header_parts(&parts, role_noun, names_role, seniority_first);
                if self.location.is_none() {
                    self.location =
                        header_location(&parts[..], self.company.as_deref(), self.title.as_deref());
                }
                return;
            }
        }
        let first = first.to_owned();
        self.first_line_title(&first, &line);
    }

    /// Title and company from the `|`-separated parts of a header line.
    fn header_parts(
        &mut self,
        parts: &[&str],
        role_noun: impl Fn(&str) -> bool,
        names_role: impl Fn(&str) -> bool,
        seniority_first: impl Fn(&str) -> bool,
    ) {
        // "C++ Developer @ Globex Amsterdam, Netherlands | Full-time".
        if let Some((role, at)) = parts[0].split_once(" @ ")
            && role_noun(role)
        {
            self.title = Some(role.trim().to_owned());
            self.set_company_part(at, true);
            return;
        }
        // "Lead Developer | Full-time | REMOTE | Munich": a header that opens
        // with the role; the company, if named, comes next ("Software Engineer
        // | Initrode | Tampa, FL"). A last part that runs on into the ad's
        // prose is the ad, whatever roles it names.
        let header = || parts[1..].iter().filter(|p| !runs_into_prose(p));
        if role_noun(parts[0]) && !header().any(|p| names_role(p)) {
            self.title = Some(parts[0].to_owned());
            let company = without_links(parts[1]);
            // Not an area of work either ("Software Engineer | Front End").
            let area = company
                .split_whitespace()
                .next()
                .is_some_and(|w| AREA_WORDS.iter().any(|a| a.eq_ignore_ascii_case(w)));
            let named = company.split_whitespace().count() <= 4
                && !area
                && company.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && !names_role(&company)
                && !runs_into_prose(&company)
                && !is_place_or_terms(&company)
                && !only_a_place(&company);
            if self.company.is_none() && named {
                self.company = Some(company);
            }
            return;
        }
        // "London (Soho) | Senior Backend Engineer | Onsite": a header may open
        // with the place; the company is then named elsewhere, if at all.
        self.set_company_part(parts[0], false);
        // The role is usually second, but posters vary the order: prefer the
        // first part that names a role, else the first that is not a place,
        // terms of work or a link ("Acme | Vancouver, BC | Onsite" has no
        // title: the report then names the company alone).
        // A part that runs on into the ad's prose ("Rescale offers a
        // software platform…") is no title, whatever nouns it holds.
        // Each part as written (a link in it makes it terms, not a title)
        // and as a title would read.
        // The tests go cheapest first, each part's title made only when a
        // test picks it: the last part often carries the ad's whole first
        // paragraph.
        let title = |p: &&str| {
            let t = title_without_links(p);
            (!runs_into_prose(&t)).then_some(t)
        };
        let rest = &parts[1..];
        self.title = rest
            .iter()
            .filter(|p| role_noun(p))
            .find_map(title)
            .or_else(|| rest.iter().filter(|p| seniority_first(p)).find_map(title))
            .or_else(|| {
                rest.iter()
                    .filter(|p| !is_place_or_terms(p) && !only_a_place(p))
                    .find_map(title)
            });
    }

    /// Title and company from a first line that is no `|` header.
    fn first_line_title(&mut self, first: &str, line: &str) {
        // "Motivity Systems is hiring a full stack developer in Seattle to …": the
        // opening sentence names both.
        if let Some((company, title)) = hiring_sentence(line) {
            if self.company.is_none() {
                self.company = Some(company.to_owned());
            }
            self.title = Some(title.to_owned());
            return;
        }
        if line.chars().count() <= 90
            && !line.ends_with('.')
            && line.split_whitespace().count() <= 12
        {
            if let Some((role, company)) = line.split_once(" at ") {
                if self.company.is_none() && !company.trim().is_empty() {
                    self.company = Some(company.trim().to_owned());
                }
                self.title = Some(role.trim().to_owned());
            } else {
                self.title = Some(line.to_owned());
                self.company_line_after(first);
            }
        }
    }

    /// The company from a header's part naming it (unless the posting names it
    /// already, or the part is only a place where it may be one: `surely` says it
    /// names the company), and the place its name runs on into:
    /// "Vandelay, Boulder, CO, Techstars 2015" is Vandelay in "Boulder, CO"; "Globex
    /// Amsterdam, Netherlands" is Globex in "Amsterdam, Netherlands". "Carrot, Inc."
    /// stays whole.
    fn set_company_part(&mut self, part: &str, surely: bool) {
        // "Initech (New York, NY)": the note in brackets that `without_links` drops
        // may be the place.
        let noted_place = part
            .trim()
            .strip_suffix(')')
            .and_then(|r| r.rfind('(').map(|i| r[i + 1..].trim()))
            .filter(|p| !p.is_empty() && only_a_place(p))
            .map(str::to_owned);
        let part = without_links(part);
        if self.company.is_some() || (!surely && only_a_place(&part)) {
            return;
        }
        let mut name = part.as_str();
        let mut place = None;
        if let Some((head, rest)) = part.split_once(", ") {
            let mut pieces = rest.split(", ");
            let one = pieces.next().unwrap_or("");
            let two = pieces.next().map(|p| format!("{one}, {p}"));
            place = two
                .filter(|p| only_a_place(p))
                .or_else(|| only_a_place(one).then(|| one.to_owned()));
            if place.is_some() {
                name = head.trim();
            }
        }
        // "MongoDB -- New York, NY", "Unqork (New York, NY)", "Acme - Berlin": the
        // place follows a dash or a bracket.
        let cut = [" -- ", " - ", " – ", " — ", " ("].iter().find_map(|sep| {
            let at = find_short(name, sep)?;
            let (firm, tail) = (&name[..at], &name[at + sep.len()..]);
            let tail = tail.trim_end_matches(')').trim();
            let firm = firm.trim();
            (!firm.is_empty() && !tail.is_empty() && (place.is_some() || only_a_place(tail)))
                .then_some((firm, tail))
        });
        if let Some((firm, tail)) = cut {
            place = Some(place.map_or_else(|| tail.to_owned(), |p| format!("{tail}, {p}")));
            name = firm;
        } else if place.is_some()
            && let Some((firm, city)) = name.rsplit_once(' ')
            && is_place_name(&city.to_lowercase())
        {
            // A city before the comma ("Globex Amsterdam, Netherlands") is the
            // place's too.
            place = place.map(|p| format!("{city}, {p}"));
            name = firm.trim_end();
        }
        if name.is_empty() {
            return;
        }
        self.company = Some(name.to_owned());
        if self.location.is_none() {
            self.location = place.or(noted_place);
        }
    }

    /// The line under a guessed title, when it names the employer, as a copied job
    /// page lays it out: "Orchard Media Group", "Tidewater Instruments, Bristol UK",
    /// "Brightleaf Health - Berlin or remote". A capitalised name of a few words that
    /// is no heading, no role and no place; what follows a comma or dash is the place.
    fn company_line_after(&mut self, title_line: &str) {
        if self.company.is_some() {
            return;
        }
        let mut lines = self.text.lines().map(str::trim).filter(|l| !l.is_empty());
        if !lines.any(|l| l == title_line) {
            return;
        }
        let Some(next) = lines.next() else { return };
        if title_line.ends_with(':')
            || next.len() > 80
            || next.ends_with(['.', ':', '!', '?'])
            || heading_text(next).is_some()
            || label_of(next).is_some()
        {
            return;
        }
        // "Python, Django, AWS" under the title is a list of skills, not a place.
        if next.matches(", ").count() >= 2 {
            return;
        }
        let (name, place) = [" - ", " – ", " — ", ", ", " · "]
            .iter()
            .find_map(|sep| next.split_once(sep))
            .map_or((next, ""), |(n, p)| (n.trim(), p.trim()));
        let words: Vec<&str> = name.split_whitespace().collect();
        let capitalised = |w: &&str| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(*w, "&" | "and" | "of" | "the" | "for" | "de")
        };
        const NOT_NAMES: &[&str] = &[
            "overview",
            "summary",
            "introduction",
            "description",
            "details",
            "remote",
            "hybrid",
            "onsite",
            "apply",
            "hiring",
            "urgent",
            "new",
            "locations",
            "location",
            "posted",
            "time",
        ];
        if words.is_empty()
            || words.len() > 5
            || !words.iter().all(capitalised)
            || words
                .iter()
                .any(|w| NOT_NAMES.contains(&w.to_ascii_lowercase().as_str()))
            || name.contains(['|', '(', ')', '/', '@', '$', '€', '£'])
            || is_place_or_terms(name)
            || name
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| crate::text::names_job(w, ROLE_NOUNS))
        {
            return;
        }
        self.company = Some(name.to_owned());
        if self.location.is_none() && !place.is_empty() && place.len() <= 60 {
            self.location = Some(place.to_owned());
        }
    }
}

impl Posting {
    /// Fills in a missing company, location or title from the labelled lines a pasted
    /// ad often opens with ("Company: Quillpay", "**Location:** Remote (US)", "Job
    /// title: Data Engineer"), and from a job board's "Company · Place" line under the
    /// title (LinkedIn's layout). Only the first lines are read: a label further down
    /// ("Role: you will own…") is the ad's prose.
    /// Returns `[company, location, title]`, each only where the posting has none yet.
    fn labelled_fields(&self) -> [Option<String>; 3] {
        let mut out: [Option<String>; 3] = Default::default();
        let lines: Vec<&str> = self
            .text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(12)
            .collect();
        for line in &lines {
            let Some((slot, value)) = label_of(line) else {
                continue;
            };
            let value = value.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
            if value.len() > 80
                || value.ends_with('.')
                || value.split_whitespace().nth(10).is_some()
            {
                continue;
            }
            // "Position: Full-time" names the terms, not the job.
            if slot == 2 && is_place_or_terms(value) {
                continue;
            }
            out[slot].get_or_insert_with(|| value.to_owned());
        }
        // "Fernway · London, England, United Kingdom (Remote)" under the title.
        if let Some(line) = lines.get(1)
            && let Some((company, place)) = line.split_once(" · ")
        {
            let company = company.trim();
            if !company.is_empty() && company.split_whitespace().nth(5).is_none() {
                out[0].get_or_insert_with(|| company.to_owned());
                let place = place.split(" · ").next().unwrap_or("").trim();
                if !place.is_empty() && place.len() <= 80 {
                    out[1].get_or_insert_with(|| place.to_owned());
                }
            }
        }
        let have = [&self.company, &self.location, &self.title];
        for (o, h) in out.iter_mut().zip(have) {
            if h.is_some() {
                *o = None;
            }
        }
        out
    }
}

/// A "Label: value" line split at its first colon, the label lower-cased and stripped
/// of Markdown emphasis, heading and list marks ("**Location:**", "- Role:").
fn labelled(line: &str) -> Option<(String, &str)> {
    // Labels are a few short words: a colon further in belongs to prose (a posting
    // can be one long line), which is then neither searched nor lower-cased.
    let colon = memchr::memchr(b':', &line.as_bytes()[..line.len().min(64)])?;
    let (label, value) = (&line[..colon], &line[colon + 1..]);
    let label = label
        .trim_matches(|c: char| c == '*' || c == '_' || c == '#' || c == '-' || c.is_whitespace())
        .to_ascii_lowercase();
    Some((label, value))
}

/// A "Company: Quillpay" / "**Location:** Remote" / "Job title: …" line: which field it
/// fills (0 company, 1 location, 2 title) and the value.
fn label_of(line: &str) -> Option<(usize, &str)> {
    let (label, value) = labelled(line)?;
    let slot = match label.as_str() {
        "company" | "company name" | "employer" | "organization" | "organisation"
        | "hiring company" => 0,
        "location" | "locations" | "job location" | "office" | "based in" => 1,
        "job title" | "title" | "position" | "role" | "job" | "position title" => 2,
        _ => return None,
    };
    let value = value.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    (!value.is_empty()).then_some((slot, value))
}

/// A labelled line of facts about the job that names no title ("Job type:
/// Full-time", "Careers page: https://…", "Salary: £50k").
fn meta_line(line: &str) -> bool {
    let Some((label, value)) = labelled(line) else {
        return false;
    };
    const META: &[&str] = &[
        "type",
        "page",
        "industry",
        "salary",
        "compensation",
        "pay",
        "date",
        "posted",
        "deadline",
        "department",
        "team",
        "level",
        "schedule",
        "contract",
        "employment",
        "visa",
        "apply",
        "website",
        "url",
        "link",
        "reference",
        "ref",
        "category",
        "hours",
        "start",
        "duration",
        "remote",
    ];
    // "Platform Team: Senior Go Engineer" is a title after all.
    let names_job = value
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| crate::text::names_job(w, ROLE_NOUNS));
    !value.trim().is_empty()
        && !names_job
        && label.split_whitespace().count() <= 3
        && label.split_whitespace().any(|w| META.contains(&w))
}

/// Byte offset of the start of the line holding `at`.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// Words of seniority that name a role in a header part.
const SENIORITY: &[&str] = &[
    "senior",
    "sr",
    "junior",
    "jr",
    "mid-level",
    "principal",
    "staff",
];

/// Headings job boards put above a pasted ad's title.
const BOARD_HEADINGS: &[&str] = &[
    "about the job",
    "about the role",
    "about this role",
    "about this job",
    "about the position",
    "job description",
    "description",
    "job details",
    "details",
    "overview",
    "job overview",
    "position overview",
    "job summary",
    "summary",
    "role description",
    "job posting",
    "posting",
];

/// A header part as a company name: without the web addresses and the notes in
/// brackets that posters add ("Airtame (https://airtame.com)", "Flexport (YC W14)").
fn without_links(part: &str) -> String {
    let kept: Vec<&str> = part.split_whitespace().filter(|w| !web_link(w)).collect();
    let mut name = kept.join(" ");
    // A closing note in brackets goes, as long as a name stays before it.
    if name.ends_with(')')
        && let Some(open) = name.rfind('(')
        && !name[..open].trim().is_empty()
    {
        name.truncate(open);
    }
    let name = name.trim_end_matches(|c: char| "(-–,|".contains(c) || c.is_whitespace());
    if name.is_empty() {
        part.to_owned()
    } else {
        name.to_owned()
    }
}

/// True when a header part runs on into the ad's prose rather than being a title: a
/// sentence's stop after a word longer than an abbreviation, with more words after it
/// ("… simulation. We are…"; not "Sr. Engineer", nor a long list of roles).
fn runs_into_prose(part: &str) -> bool {
    let mut words = part.split_whitespace().peekable();
    while let Some(w) = words.next() {
        let Some(next) = words.peek() else {
            break;
        };
        // A capitalised word of a few letters may be an abbreviation, unless a
        // sentence plainly starts after it: "Cust. Exp. and more" is a list of
        // roles, "… in Tampa. Our engineers …" is prose.
        let stop = w.strip_suffix(['.', '!', '?']).is_some_and(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            letters > 3
                && (!w.starts_with(char::is_uppercase)
                    || letters > 5
                    || (next.starts_with(char::is_uppercase) && !next.ends_with('.')))
        });
        if stop {
            return true;
        }
    }
    false
}

/// A word of a header that is a web address ("https://acme.io", "(www.acme.io)"),
/// brackets and list punctuation around it aside.
fn web_link(word: &str) -> bool {
    let w = word.trim_matches(|c: char| "()[]<>,;".contains(c));
    ["http://", "https://", "www."].iter().any(|p| {
        w.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    })
}

/// A header part as a title: without the web addresses and e-mail addresses posters
/// put after the role, and a bracketed note left holding nothing else ("DevOps Engineer
/// https://angel.co/… (or email jobs@…)" is a "DevOps Engineer"). A bracket that says
/// something of the role stays ("Senior Full Stack (Rails)").
fn title_without_links(part: &str) -> String {
    let is_address = |w: &str| web_link(w) || (w.contains('@') && w.contains('.'));
    if !part.split_whitespace().any(is_address) {
        return part.to_owned();
    }
    // A bracket note that held an address goes whole: what is left of it is the
    // poster's "or email", "apply at", not the role.
    let mut kept: Vec<&str> = Vec::new();
    let mut note: Option<(usize, bool)> = None;
    for w in part.split_whitespace() {
        if w.starts_with('(') {
            note = Some((kept.len(), false));
        }
        if is_address(w) {
            if let Some((_, had)) = note.as_mut() {
                *had = true;
            }
        } else {
            kept.push(w);
        }
        if w.ends_with(')')
            && let Some((from, had)) = note.take()
            && had
        {
            kept.truncate(from);
        }
    }
    if let Some((from, true)) = note {
        kept.truncate(from);
    }
    let title = kept.join(" ");
    let title = title.trim_end_matches(|c: char| "(-–,:".contains(c) || c.is_whitespace());
    if title.is_empty() {
        part.to_owned()
    } else {
        title.to_owned()
    }
}

/// "Acme Robotics is hiring a senior Go engineer in Berlin …": the company (a short
/// capitalised name) and the role, from an opening sentence that says so. The role
/// ends at a preposition, a relative pronoun or punctuation, and is at most eight
/// words.
fn hiring_sentence(line: &str) -> Option<(&str, &str)> {
    let (company, rest) = [
        " is hiring ",
        " are hiring ",
        " is looking for ",
        " are looking for ",
    ]
    .iter()
    .find_map(|cue| line.split_once(cue))?;
    let company = company.trim();
    let first = company.split_whitespace().next()?;
    if company.split_whitespace().nth(5).is_some()
        || !first.starts_with(char::is_uppercase)
        || company.contains(['.', ',', ':', ';', '!', '?'])
        || ["we", "who", "our", "the", "this"]
            .iter()
            .any(|w| first.eq_ignore_ascii_case(w))
    {
        return None;
    }
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("for ").unwrap_or(rest);
    let rest = ["a ", "an ", "two ", "several ", "multiple "]
        .iter()
        .find_map(|a| rest.strip_prefix(a))
        .unwrap_or(rest);
    let end = rest
        .find(['.', ',', ';', ':', '!', '?', '(', '\n'])
        .unwrap_or(rest.len());
    let mut role = &rest[..end];
    for stop in [
        " in ", " to ", " for ", " who ", " that ", " with ", " at ", " and ",
    ] {
        if let Some(p) = role.find(stop) {
            role = &role[..p];
        }
    }
    let role = role
        .trim()
        .trim_end_matches(['-', '\u{2013}', '\u{2014}'])
        .trim_end();
    let names_role = role
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| crate::text::names_job(w, ROLE_NOUNS));
    (names_role && role.split_whitespace().count() <= 8).then_some((company, role))
}

/// Words of a header part that say where or on what terms, not what the job is.
const TERMS_WORDS: &[&str] = &[
    // "4+ years of experience": what the job asks, not what it is called.
    "years",
    "experience",
    "remote",
    "remote-ok",
    "remote-friendly",
    "remote-first",
    "onsite",
    "on-site",
    "hybrid",
    "full-time",
    "fulltime",
    "part-time",
    "contract",
    "contractor",
    "freelance",
    "permanent",
    "perm",
    "visa",
    "visas",
    "relocation",
    "relo",
    "salary",
    "equity",
    "http",
    "https",
    "www",
    "citizen",
    "citizenship",
    "interns",
    "internships",
    "ft",
    "pt",
];

/// True when a `Company | … | …` header part is a place ("Vancouver, BC", "Copenhagen,
/// Denmark/ Budapest, Hungary"), terms of work ("Full-time, REMOTE", "$90-130k") or a
/// link, rather than a role.
fn is_place_or_terms(part: &str) -> bool {
    let lower = part.to_lowercase();
    if lower.contains(['$', '€', '£'])
        || holds(&lower, "full time")
        || holds(&lower, "part time")
        || holds(&lower, "on site")
        || lower
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .any(is_terms_word)
        || holds(&lower, ".com")
        || holds(&lower, ".io")
        || (!part.contains(' ') && part.contains('.'))
    {
        return true;
    }
    // A well-known place alone ("San Francisco", "NYC", "London (UK)").
    let bare = lower
        .split('(')
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    if is_place_name(bare) || only_places(bare) {
        return true;
    }
    // "City, Region": comma- or semicolon-separated capitalised names of a few words.
    // The last of a list may open with its conjunction ("…, San Francisco, and
    // Vancouver").
    let pieces: Vec<&str> = part
        .split([',', ';', '/'])
        .flat_map(|p| p.split(" and ").flat_map(|p| p.split(" & ")))
        .map(str::trim)
        .map(|p| {
            ["and ", "or ", "& "]
                .iter()
                .find_map(|c| p.strip_prefix(c))
                .unwrap_or(p)
        })
        .filter(|p| !p.is_empty())
        .collect();
    pieces.len() >= 2
        && pieces.iter().all(|p| {
            p.split_whitespace().count() <= 3
                && p.split_whitespace().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !crate::text::names_job(w, ROLE_NOUNS)
                        && !AREA_WORDS.iter().any(|a| a.eq_ignore_ascii_case(w))
                })
        })
}

/// True when a header's first part is a place and nothing else ("London (Soho)",
/// "Dallas, TX", "Remote"), so it is no company. Narrower than `is_place_or_terms`:
/// company names carry dots and commas too ("Sentry.io", "Carrot, Inc.").
fn only_a_place(part: &str) -> bool {
    let lower = part.trim().to_lowercase();
    let bare = lower.split('(').next().unwrap_or("").trim();
    if is_place_name(bare) || only_places(bare) || is_terms_word(bare) {
        return true;
    }
    // "Dallas, TX", "Leeds, UK": a name, then a state code or a known place.
    let Some((city, region)) = part.split('(').next().unwrap_or("").split_once(',') else {
        return false;
    };
    let region = region.trim().trim_end_matches('.');
    let state = region.len() == 2 && region.bytes().all(|b| b.is_ascii_uppercase());
    let region = region.to_lowercase();
    // A city names no other city's area: "Vandelay, San Francisco" is a company in
    // its city ("Brooklyn, NYC" is two places).
    let city_in_city = !is_region(&region) && !is_place_name(&city.trim().to_lowercase());
    !city.contains('.')
        && city.split_whitespace().count() <= 3
        && (state || (is_place_name(&region) && !city_in_city))
}

/// The known places that are countries, states and wider areas rather than cities
/// (`PLACES` holds the cities): what may
/// follow a city after a comma ("Leeds, UK", "Oakland, Bay Area").
const REGIONS: &[&str] = &[
    "bay area",
    "sf bay area",
    "silicon valley",
    "new york",
    "ny",
    "washington",
    "dc",
    "washington dc",
    "usa",
    "us",
    "u.s",
    "uk",
    "eu",
    "europe",
    "canada",
    "germany",
    "netherlands",
    "france",
    "spain",
    "ireland",
    "switzerland",
    "sweden",
    "israel",
    "india",
    "australia",
    "singapore",
    "hong kong",
    "worldwide",
    "anywhere",
    "global",
    "north america",
    "emea",
    "apac",
];

/// The place a `|` header names, as the posting's location: the first part that is a
/// place ("Gainesville, FL", "Menlo Park, CA", "London (Soho)"), else the first that
/// says the work is remote ("Remote", "REMOTE (US only)"). The company's own part is
/// left out: its place, if any, was taken with it (`set_company_part`).
fn header_location(parts: &[&str], company: Option<&str>, title: Option<&str>) -> Option<String> {
    let candidates = || {
        parts
            .iter()
            .map(|p| p.trim())
            .filter(|p| p.len() <= 80 && Some(*p) != company && Some(*p) != title)
            .filter(|p| !holds(p, "http") && !p.contains(['$', '€', '£', '@']))
            .filter(|p| !runs_into_prose(p))
    };
    // Words of a place list that say how, not where: "Boston or Remote", "SF & onsite".
    const HOW: &[&str] = &["remote", "onsite", "on-site", "hybrid", "or", "and"];
    let place = |p: &str| {
        let lower = p.to_lowercase();
        let bare = lower.split('(').next().unwrap_or("").trim();
        if is_terms_word(bare) {
            return false;
        }
        if only_a_place(p) {
            return true;
        }
        let words: Vec<&str> = p.split_whitespace().collect();
        // "Montreal QC", "Des Moines IA": names, then a state's code.
        let coded = words.len() >= 2
            && words.len() <= 4
            && words
                .last()
                .is_some_and(|w| w.len() == 2 && w.bytes().all(|b| b.is_ascii_uppercase()))
            && words.iter().all(|w| w.starts_with(char::is_uppercase));
        if coded {
            return true;
        }
        // "Vienna, Austria", "Washington DC, San Francisco SF", "Greenwich, CT or
        // Boston/Cambridge, MA or Remote": capitalised names in a list, with at most
        // the words of how the work is done beside them. The cheap tests first: most
        // parts are no list, or name terms of work.
        const LIST: [char; 4] = [',', '/', ';', '&'];
        if !p.contains(LIST)
            || lower
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .any(|w| is_terms_word(w) && !HOW.contains(&w))
        {
            return false;
        }
        let without_how: String = lower
            .split_whitespace()
            .zip(&words)
            .filter(|(l, _)| {
                !HOW.contains(&l.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
            })
            .map(|(_, w)| *w)
            .collect::<Vec<_>>()
            .join(" ");
        if !without_how.contains(LIST) || !is_place_or_terms(&without_how) {
            return false;
        }
        // A list of names is one of places when one of them surely is ("React /
        // Django" is none).
        without_how
            .split([',', '/', ';', '&', '(', ')'])
            .map(|p| p.trim().trim_end_matches('.').to_lowercase())
            .any(|p| {
                is_place_name(&p)
                    || is_country(&p)
                    || only_places(&p)
                    || p.rsplit_once(' ')
                        .is_some_and(|(_, last)| is_place_name(last) || is_country(last))
            })
    };
    let remote = |p: &str| {
        let lower = p.to_lowercase();
        lower
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .any(|w| w.starts_with("remote"))
            && p.split_whitespace().count() <= 8
            && !p
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| crate::text::names_job(w, ROLE_NOUNS))
    };
    candidates()
        .find(|p| place(p))
        .or_else(|| candidates().find(|p| remote(p)))
        .map(str::to_owned)
}

/// Countries and states that name where a job is in a header's list of places
/// ("Vienna, Austria", "Turin, Italy"), beside the big hiring places of `PLACES`.
const COUNTRIES: &[&str] = &[
    "austria",
    "belgium",
    "denmark",
    "norway",
    "finland",
    "iceland",
    "poland",
    "italy",
    "portugal",
    "romania",
    "hungary",
    "czechia",
    "czech republic",
    "greece",
    "turkey",
    "estonia",
    "latvia",
    "lithuania",
    "ukraine",
    "serbia",
    "croatia",
    "bulgaria",
    "slovakia",
    "slovenia",
    "luxembourg",
    "england",
    "scotland",
    "wales",
    "united kingdom",
    "united states",
    "japan",
    "china",
    "korea",
    "south korea",
    "taiwan",
    "vietnam",
    "thailand",
    "indonesia",
    "philippines",
    "malaysia",
    "pakistan",
    "bangladesh",
    "brazil",
    "mexico",
    "argentina",
    "chile",
    "colombia",
    "peru",
    "uruguay",
    "new zealand",
    "south africa",
    "nigeria",
    "kenya",
    "egypt",
    "uae",
    "dubai",
    "california",
    "texas",
    "massachusetts",
    "colorado",
    "oregon",
    "florida",
    "georgia",
    "illinois",
    "michigan",
    "minnesota",
    "ohio",
    "pennsylvania",
    "virginia",
    "north carolina",
    "utah",
    "arizona",
    "maryland",
    "new jersey",
    "ontario",
    "quebec",
    "british columbia",
    "alberta",
    "bavaria",
];

/// True when `part` is nothing but well-known places run together with spaces
/// ("Atlanta Brooklyn Oakland", "NYC London Berlin"), taking the longest place at each
/// word so "San Francisco" and "New York City" count once.
fn only_places(part: &str) -> bool {
    // Most parts fail at their first word: tell that before collecting the words.
    if !part
        .split_whitespace()
        .next()
        .is_some_and(|w| PLACE_FIRST_WORDS.contains(w))
    {
        return false;
    }
    let words: Vec<&str> = part.split_whitespace().collect();
    // Whether `words`, joined by spaces, are a place. Looked up whole in a set, in one
    // buffer for the part: scanning `PLACES` for every word and length cost more than
    // the rest of the header's reading.
    let mut joined = String::new();
    let mut is_place = |words: &[&str]| {
        joined.clear();
        for (k, w) in words.iter().enumerate() {
            if k > 0 {
                joined.push(' ');
            }
            joined.push_str(w);
        }
        is_place_name(&joined)
    };
    let mut i = 0;
    let mut places = 0;
    while i < words.len() {
        // A place starts with one of the places' first words.
        if !PLACE_FIRST_WORDS.contains(words[i]) {
            return false;
        }
        let Some(n) = (1..=3.min(words.len() - i))
            .rev()
            .find(|&n| is_place(&words[i..i + n]))
        else {
            return false;
        };
        i += n;
        places += 1;
    }
    places >= 2
}

/// A word list as a set. Header parts are checked against the lists of places and
/// terms many times each, and scanning a list of a hundred names for every check cost
/// more than the rest of the title guess.
fn lexicon(words: &[&'static str]) -> FxHashSet<&'static str> {
    words.iter().copied().collect()
}

static PLACE_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| PLACES.iter().chain(REGIONS).copied().collect());
static PLACE_FIRST_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    PLACES
        .iter()
        .chain(REGIONS)
        .filter_map(|p| p.split(' ').next())
        .collect()
});
static COUNTRY_SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| lexicon(COUNTRIES));
static REGION_SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| lexicon(REGIONS));
static TERMS_SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| lexicon(TERMS_WORDS));

/// One of `PLACES` or `REGIONS` (lower-case, as listed).
pub(crate) fn is_place_name(s: &str) -> bool {
    PLACE_SET.contains(s)
}

/// One of `COUNTRIES`.
pub(crate) fn is_country(s: &str) -> bool {
    COUNTRY_SET.contains(s)
}

/// One of `REGIONS`.
pub(crate) fn is_region(s: &str) -> bool {
    REGION_SET.contains(s)
}

/// One of `TERMS_WORDS`.
fn is_terms_word(s: &str) -> bool {
    TERMS_SET.contains(s)
}

/// Places that stand alone in posting headers often enough to be mistaken for a job
/// title ("Acme | San Francisco | Full-time"): the big hiring cities; the regions and
/// countries among such places are `REGIONS`.
const PLACES: &[&str] = &[
    "san francisco",
    "sf",
    "new york city",
    "nyc",
    "brooklyn",
    "manhattan",
    "los angeles",
    "la",
    "seattle",
    "boston",
    "cambridge",
    "austin",
    "chicago",
    "denver",
    "boulder",
    "portland",
    "atlanta",
    "washington, dc",
    "miami",
    "san diego",
    "san jose",
    "palo alto",
    "mountain view",
    "sunnyvale",
    "menlo park",
    "redwood city",
    "oakland",
    "berkeley",
    "santa monica",
    "pittsburgh",
    "philadelphia",
    "salt lake city",
    "dallas",
    "houston",
    "minneapolis",
    "detroit",
    "raleigh",
    "toronto",
    "vancouver",
    "montreal",
    "ottawa",
    "waterloo",
    "london",
    "berlin",
    "munich",
    "hamburg",
    "amsterdam",
    "paris",
    "dublin",
    "barcelona",
    "madrid",
    "lisbon",
    "stockholm",
    "copenhagen",
    "oslo",
    "helsinki",
    "zurich",
    "geneva",
    "vienna",
    "prague",
    "warsaw",
    "krakow",
    "tel aviv",
    "tokyo",
    "shanghai",
    "beijing",
    "bangalore",
    "bengaluru",
    "sydney",
    "melbourne",
    "auckland",
];

/// Capitalised words of a header part that name a kind of work, not a place:
/// "Backend, Fullstack, or Android" lists roles.
const AREA_WORDS: &[&str] = &[
    "backend",
    "back-end",
    "frontend",
    "front-end",
    "fullstack",
    "full-stack",
    "mobile",
    "android",
    "ios",
    "web",
    "data",
    "devops",
    "infrastructure",
    "platform",
    "security",
    "design",
    "product",
    "sales",
    "marketing",
    "qa",
    "ml",
    "ai",
    "embedded",
    "support",
    "operations",
    "finance",
    "research",
    "engineering",
    "machine",
    "learning",
    "vision",
    "computer",
    "software",
    "hardware",
    "systems",
    "cloud",
    "robotics",
    "analytics",
    "science",
    "ux",
    "ui",
    "growth",
    "content",
    "customer",
    "success",
    "game",
    "games",
    "front",
    "back",
];

/// Strips Markdown heading marks, emphasis and trailing colons from a heading line.
#[must_use]
pub fn clean_heading(line: &str) -> String {
    let t = line
        .trim()
        .trim_start_matches('#')
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_')
        .trim();
    let t = t.trim_end_matches(':').trim();
    t.trim_matches(|c: char| c == '*' || c == '_')
        .trim()
        .to_owned()
}

/// Heading cue phrases and the section they open, checked in order: the first cue
/// found in a heading decides (so "preferred qualifications" is preferred, not required).
const HEADING_CUES: &[(&str, SectionKind)] = &[
    // "Not required, but cool": before "requirement".
    ("not required", SectionKind::Preferred),
    ("not essential", SectionKind::Preferred),
    ("nice to have", SectionKind::Preferred),
    ("nice-to-have", SectionKind::Preferred),
    ("good to have", SectionKind::Preferred),
    ("preferred", SectionKind::Preferred),
    ("bonus", SectionKind::Preferred),
    ("a plus", SectionKind::Preferred),
    ("pluses", SectionKind::Preferred),
    ("desired", SectionKind::Preferred),
    ("desirable", SectionKind::Preferred),
    ("extra credit", SectionKind::Preferred),
    ("ideally", SectionKind::Preferred),
    ("optional", SectionKind::Preferred),
    // "What's nice", "It would be great if you have", "What will make you stand out".
    ("what's nice", SectionKind::Preferred),
    ("would be nice", SectionKind::Preferred),
    ("would be great", SectionKind::Preferred),
    ("great if you", SectionKind::Preferred),
    ("great to have", SectionKind::Preferred),
    ("even better", SectionKind::Preferred),
    ("stand out", SectionKind::Preferred),
    ("extra points", SectionKind::Preferred),
    ("plus if", SectionKind::Preferred),
    ("huge plus", SectionKind::Preferred),
    ("big plus", SectionKind::Preferred),
    ("equal opportunit", SectionKind::Benefits),
    ("equal employment", SectionKind::Benefits),
    ("benefit", SectionKind::Benefits),
    ("perks", SectionKind::Benefits),
    ("what we offer", SectionKind::Benefits),
    ("we offer", SectionKind::Benefits),
    ("compensation", SectionKind::Benefits),
    ("salary", SectionKind::Benefits),
    ("how to apply", SectionKind::Benefits),
    ("to apply", SectionKind::Benefits),
    ("application process", SectionKind::Benefits),
    ("interview process", SectionKind::Benefits),
    ("diversity", SectionKind::Benefits),
    ("why join", SectionKind::Benefits),
    ("why work", SectionKind::Benefits),
    ("about you", SectionKind::Required),
    ("requirement", SectionKind::Required),
    ("qualification", SectionKind::Required),
    ("must have", SectionKind::Required),
    ("must-have", SectionKind::Required),
    // UK person specifications: "Essential:" / "Essential criteria", then "Desirable".
    ("essential", SectionKind::Required),
    ("person specification", SectionKind::Required),
    ("what you bring", SectionKind::Required),
    ("what you'll bring", SectionKind::Required),
    ("what we're looking for", SectionKind::Required),
    ("what we are looking for", SectionKind::Required),
    ("who you are", SectionKind::Required),
    ("you have", SectionKind::Required),
    ("you should have", SectionKind::Required),
    ("skills", SectionKind::Required),
    ("experience", SectionKind::Required),
    ("what you need", SectionKind::Required),
    // Before "you'll" / "you will" (duties): "What you'll need" asks.
    ("you'll need", SectionKind::Required),
    ("you will need", SectionKind::Required),
    // A job board's heading over the whole ad (LinkedIn's "About the job"): nothing
    // about its lines, unlike "the job" (duties) or "about" (the company).
    ("about the job", SectionKind::General),
    ("looking for", SectionKind::Required),
    ("ideal candidate", SectionKind::Required),
    // "What we seek", "Who we seek", "Requisites".
    ("we seek", SectionKind::Required),
    ("requisite", SectionKind::Required),
    ("responsibilit", SectionKind::Duties),
    ("what you'll do", SectionKind::Duties),
    ("what you will do", SectionKind::Duties),
    ("you will", SectionKind::Duties),
    ("you'll", SectionKind::Duties),
    ("duties", SectionKind::Duties),
    ("the role", SectionKind::Duties),
    ("the job", SectionKind::Duties),
    ("the position", SectionKind::Duties),
    ("day to day", SectionKind::Duties),
    ("day-to-day", SectionKind::Duties),
    // "Roles:", "Open positions": a list of the jobs on offer, whose lines are titles.
    ("roles", SectionKind::General),
    ("positions", SectionKind::General),
    ("openings", SectionKind::General),
    ("role", SectionKind::Duties),
    // "Our stack", "Tech stack", "Tools we use": what the job works with, as a stack
    // line with no heading is, not more requirements.
    ("tech stack", SectionKind::General),
    ("technology stack", SectionKind::General),
    ("technical stack", SectionKind::General),
    ("software stack", SectionKind::General),
    ("our stack", SectionKind::General),
    ("the stack", SectionKind::General),
    ("current stack", SectionKind::General),
    ("technologies we use", SectionKind::General),
    ("tools we use", SectionKind::General),
    ("what we use", SectionKind::General),
    ("about us", SectionKind::About),
    ("about the company", SectionKind::About),
    ("about the team", SectionKind::About),
    ("who we are", SectionKind::About),
    ("our mission", SectionKind::About),
    ("our company", SectionKind::About),
    ("company overview", SectionKind::About),
    ("our story", SectionKind::About),
    ("the company", SectionKind::About),
    ("about", SectionKind::About),
];

/// Classifies a heading's text, if it is a known section cue.
#[must_use]
pub fn classify_heading(heading: &str) -> Option<SectionKind> {
    // A web address is no heading, whatever its path says ("acme.com/about/jobs").
    if holds(heading, "://") || heading.trim_start().starts_with("www.") {
        return None;
    }
    let h = Folded::new(heading);
    let hb = h.as_bytes();
    // "Stack:" alone; "Full Stack Engineer" is no heading of a stack.
    if hb == b"stack" {
        return Some(SectionKind::General);
    }
    // The first cue in list order that occurs as a phrase wins.
    HEADING_AC
        .find_overlapping_iter(hb)
        .filter(|m| {
            let (i, end) = (m.start(), m.end());
            let cue = HEADING_CUES[m.pattern().as_usize()].0;
            let before = i == 0 || !crate::text::is_word_byte(hb[i - 1]);
            // Allow a suffix on a word stem like "responsibilit" or "requirement(s)".
            let after = end >= hb.len()
                || !crate::text::is_word_byte(hb[end])
                || cue.ends_with(|c: char| c.is_ascii_alphabetic())
                    && matches!(hb[end], b's' | b'i' | b'y');
            before && after
        })
        .map(|m| m.pattern().as_usize())
        .min()
        .map(|i| HEADING_CUES[i].1)
}

static HEADING_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(HEADING_CUES.iter().map(|(c, _)| c)).expect("heading cues build an automaton")
});

/// What a sentence does, as far as the skills in it go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceRole {
    /// It asks something of the candidate, or lists what the job uses.
    Requirement,
    /// It is a job title ("Senior Java Developer – Remote"): its skills boost the
    /// posting's weight for them instead of counting as mentions.
    Title,
    /// It describes the company or its product ("We help banks with Kafka"), with no
    /// word asking anything of the candidate.
    Company,
}

/// Nouns that make a short line a job title, besides `text::JOB_NOUNS`.
const ROLE_NOUNS: &[&str] = &[
    "engineers",
    "developers",
    "internship",
    "expert",
    "technician",
    "recruiter",
    "vp",
];

/// Words that show a sentence asks something of the candidate.
const CANDIDATE_CUES: &[&str] = &[
    "you",
    "your",
    "you'll",
    "you're",
    "experience",
    "experienced",
    "knowledge",
    "skill",
    "skills",
    "familiar",
    "familiarity",
    "proficient",
    "proficiency",
    "understanding",
    "degree",
    "year",
    "years",
    "yrs",
    "ability",
    "able",
    "expertise",
    "required",
    "require",
    "requirements",
    "requirement",
    "must",
    "plus",
    "nice",
    "strong",
    "solid",
    "good",
    "background",
    "competence",
    "competent",
    "hands-on",
    "bonus",
    "preferred",
    "advantage",
    "desirable",
    "ideally",
    "qualification",
    "qualifications",
    "know",
    "bring",
    "master",
    "deep",
    "excellent",
    "fluent",
    "fluency",
    "mindset",
    "eager",
    "passion",
    "passionate",
    "should",
    "will",
    "comfortable",
    "candidate",
    "candidates",
    "ideal",
    "looking",
    // What the employer asks for in its own voice: "we need Python and Django" states
    // requirements even though "we" otherwise marks a sentence about the company.
    "need",
    "needs",
    "seeking",
    "wanted",
    "requires",
    "expect",
    "essential",
    "mandatory",
    "hiring",
];

/// Words that make a sentence about the company when no candidate cue is present: its
/// voice ("we", "our"), or how companies describe themselves ("a leader in", "our
/// customers", "the culture").
const COMPANY_SUBJECTS: &[&str] = &[
    "we",
    "we're",
    "we've",
    "our",
    "ours",
    "us",
    "they",
    "their",
    "leader",
    "leading",
    "founded",
    "headquartered",
    "customers",
    "clients",
    "culture",
    "colleagues",
    "atmosphere",
    "mission",
    "offer",
    "offers",
    "provider",
    "supplier",
    "industry",
    "company",
];

/// Nouns that, right after a skill, make it part of a job title or a team's name ("iOS
/// developer", "QA engineers", "the security team") rather than a requirement.
const TITLE_NOUNS_AFTER: &[&str] = &[
    "engineer",
    "engineers",
    "developer",
    "developers",
    "architect",
    "architects",
    "team",
    "teams",
    "lead",
    "leads",
    "specialist",
    "specialists",
    "expert",
    "experts",
    "manager",
    "managers",
    "consultant",
    "consultants",
    "analyst",
    "analysts",
    "administrator",
    "administrators",
    "designer",
    "designers",
    "scientist",
    "scientists",
    "programmer",
    "programmers",
    "tester",
    "testers",
    "department",
    "group",
    "guild",
    "intern",
    "master",
    "masters",
    "owner",
    "owners",
    "coach",
    "coaches",
];

/// True when the one or two words right after `end` in `text` name a role or a team.
#[must_use]
pub fn followed_by_role(text: &str, end: usize) -> bool {
    role_noun_after(text, end).is_some()
}

/// Nouns of `TITLE_NOUNS_AFTER` that name a group rather than a job: "the Data Science
/// team" may be the team the hire joins, or one the job only works with.
const GROUP_NOUNS: &[&str] = &["team", "teams", "department", "group", "guild"];

/// True for a sentence in which the person posting describes themselves ("I'm a
/// Python / Go tooling engineer in Operations", "I am the CTO"): the role it names is
/// theirs, not the one offered. "I'm hiring a Go engineer" is no such sentence.
fn self_description(sentence: &str) -> bool {
    // The first words only, lower-cased, with a typographic apostrophe made plain.
    let t: String = sentence
        .trim_start()
        .chars()
        .take(12)
        .map(|c| {
            if c == '’' {
                '\''
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    [
        "i'm a ",
        "i'm an ",
        "i'm the ",
        "i am a ",
        "i am an ",
        "i am the ",
        "i work as ",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

/// Phrases of a sentence that put the hire in the team it names ("join our iOS team",
/// "you will be part of the data team"); without one, a team is someone else.
static JOINS_TEAM: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "join",
            "part of",
            "member of",
            "hiring",
            "recruiting",
            "grow",
            "expand",
            "build our",
            "build out",
            "looking for",
            "seeking",
            "lead our",
            "lead the",
        ])
        .expect("phrases build")
});

/// Whether `sentence` puts the hire in a team (see `JOINS_TEAM`): a phrase that starts
/// a word and ends one, or goes on only with an inflection ("joining", "grows"). The
/// "grow" of "our Growth team" is the team's name, not the hire joining it.
fn joins_team_in(sentence: &str) -> bool {
    let b = sentence.as_bytes();
    JOINS_TEAM.find_iter(sentence).any(|m| {
        let starts = m.start() == 0 || !b[m.start() - 1].is_ascii_alphanumeric();
        let rest = &b[m.end()..];
        let word = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        let ending = rest[..word].to_ascii_lowercase();
        starts && matches!(ending.as_slice(), b"" | b"s" | b"es" | b"ing" | b"ed")
    })
}

/// Whether the finding `f`, followed by a plural role noun, is said of people the job
/// works with: a word just before it (or its own first word) such as "with",
/// "alongside", "mentor", "of" ("a team of 40 engineers"), "our" or "other".
fn people_worked_with(text: &str, sentence_start: usize, f: &crate::extract::Finding) -> bool {
    let before = text.get(sentence_start.min(f.start)..f.start).unwrap_or("");
    let own_first = text[f.start..f.end].split_whitespace().next().unwrap_or("");
    before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .chain(std::iter::once(own_first))
        .any(|w| WORKED_WITH_CUES.iter().any(|c| c.eq_ignore_ascii_case(w)))
}

/// Words just before people that make them people the job works with (see
/// `people_worked_with`, `others_use`).
const WORKED_WITH_CUES: &[&str] = &[
    "with",
    "alongside",
    "mentor",
    "mentors",
    "mentoring",
    "coach",
    "coaching",
    "support",
    "supporting",
    "of",
    "other",
    "fellow",
    "among",
    "help",
    "helping",
    "partner",
    "our",
    "guide",
    "guiding",
    "train",
    "training",
    "manage",
    "managing",
];

/// People the job may work with, besides the plural nouns of `TITLE_NOUNS_AFTER`.
const PEOPLE: &[&str] = &[
    "researchers",
    "customers",
    "users",
    "clients",
    "colleagues",
    "teammates",
    "stakeholders",
    "partners",
    "people",
    "folks",
    "operators",
    "marketers",
];

/// How a sentence says that people use a tool ("analysts who use", "data scientists
/// using"), as the words between the people and the tool.
const USES: &[&[&str]] = &[
    &["who", "use"],
    &["who", "uses"],
    &["that", "use"],
    &["who", "are", "using"],
    &["using"],
    &["who", "rely", "on"],
    &["who", "work", "with"],
    &["who", "work", "in"],
    &["working", "with"],
    &["working", "in"],
    &["who", "build", "with"],
    &["who", "live", "in"],
];

/// Whether the finding `findings[n]` (or the list it ends, "Tableau and Looker") is a
/// tool of people the job works with rather than the job's own: "Partner with analysts
/// who use Tableau", "work alongside data scientists using Spark". The people are a
/// plural role noun (`TITLE_NOUNS_AFTER`) or one of `PEOPLE`, right before one of
/// `USES`, with a `WORKED_WITH_CUES` word among the three words before them. A bare
/// participle ("using", "working with") may say how the job serves them ("build apps
/// for our clients using Python"): only working beside them ("with", "alongside")
/// makes the tool theirs then.
fn others_use(text: &str, sentence_start: usize, findings: &[Finding], n: usize) -> bool {
    // The list's first item: items before it joined by commas, "and", "or", slashes.
    let mut k = n;
    while k > 0 {
        let (prev, cur) = (&findings[k - 1], &findings[k]);
        if prev.end > cur.start || prev.start < sentence_start {
            break;
        }
        // Joins are lower-case words ("or", "and"): only a gap with an upper-case
        // letter ("OR") needs a lower-cased copy.
        let joined = text.get(prev.end..cur.start).is_some_and(|gap| {
            if gap.bytes().any(|b| b.is_ascii_uppercase()) {
                list_join(&gap.to_ascii_lowercase()).is_some()
            } else {
                list_join(gap).is_some()
            }
        });
        if !joined {
            break;
        }
        k -= 1;
    }
    let first = findings[k].start;
    if first <= sentence_start {
        return false;
    }
    // The last dozen words before the list are plenty, and a sentence can be a whole
    // posting on one line.
    let from =
        crate::text::floor_char_boundary(text, first.saturating_sub(160)).max(sentence_start);
    // Only the last words matter (the longest link and the cue words before its
    // people): kept in a small array, in text order, without allocating.
    const KEEP: usize = 8;
    let mut last = [""; KEEP];
    let mut kept = 0;
    for w in text[from..first]
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .take(KEEP)
    {
        kept += 1;
        last[KEEP - kept] = w;
    }
    let words = &last[KEEP - kept..];
    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    USES.iter().any(|link| {
        let Some(rest) = words.len().checked_sub(link.len()) else {
            return false;
        };
        if !words[rest..]
            .iter()
            .zip(link.iter())
            .all(|(w, l)| same(w, l))
            || rest == 0
        {
            return false;
        }
        let noun = words[rest - 1];
        let people = PEOPLE.iter().any(|p| same(p, noun))
            || TITLE_NOUNS_AFTER
                .iter()
                .any(|t| t.ends_with('s') && same(t, noun));
        let cues: &[&str] = if matches!(link[0], "who" | "that") {
            WORKED_WITH_CUES
        } else {
            &["with", "alongside", "among", "partner", "partnering"]
        };
        people
            && words[rest.saturating_sub(4)..rest - 1]
                .iter()
                .any(|w| cues.iter().any(|c| same(c, w)))
    })
}

/// Nouns for organisations that, before "like", "such as" or "including", open a list
/// of names: customers, backers, former employers ("companies like Stripe").
const ORGANISATIONS: &[&str] = &[
    "companies",
    "company",
    "customers",
    "clients",
    "brands",
    "organizations",
    "organisations",
    "enterprises",
    "businesses",
    "firms",
    "partners",
    "employers",
    "startups",
    "retailers",
    "investors",
    "institutions",
];

/// Participles that, before "by", open a list of organisations ("trusted by Slack").
const ORGANISATIONS_BY: &[&str] = &["trusted", "backed", "used", "funded", "loved"];

/// Whether the finding `f` stands, as a name written with a capital, in a list of
/// other organisations: "companies like DigitalOcean, Atlassian, New Relic and
/// Docker", "our customers include Salesforce", "trusted by Slack and GitHub". Back
/// from it to such an opening, the list holds only capitalised names, commas, slashes
/// and "and"/"or"/"&"; a lower-case word ("tools like Docker", "clients like Lyft
/// using Heroku") ends it.
fn names_organisation(text: &str, sentence_start: usize, f: &Finding) -> bool {
    if !text[f.start..].starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    // A list of a dozen names at most: a sentence may be a whole posting on one line.
    let from = crate::text::floor_char_boundary(text, f.start.saturating_sub(240))
        .max(sentence_start.min(f.start));
    let mut words = text[from..f.start]
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .rev()
        .peekable();
    let is = |w: Option<&&str>, set: &[&str]| {
        w.is_some_and(|w| set.iter().any(|s| s.eq_ignore_ascii_case(w)))
    };
    while let Some(w) = words.next() {
        // "companies like HashiCorp: Terraform, Vault" lists tools after the colon.
        if w.ends_with([':', ';']) {
            return false;
        }
        if w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || matches!(w, "and" | "or" | "&" | "the")
        {
            continue;
        }
        return match w {
            "like" | "including" | "include" | "includes" => is(words.peek(), ORGANISATIONS),
            "as" => words.next() == Some("such") && is(words.peek(), ORGANISATIONS),
            "by" => is(words.peek(), ORGANISATIONS_BY),
            _ => false,
        };
    }
    false
}

/// The role noun (from `TITLE_NOUNS_AFTER`) in the one or two words right after
/// `end`, when they make the skill part of a job title or a team's name.
fn role_noun_after(text: &str, end: usize) -> Option<&'static str> {
    // The next few words are all it reads: a bound keeps a long one-line text linear.
    let end = end.min(text.len());
    let rest = &text[end..crate::text::floor_char_boundary(text, (end + 200).min(text.len()))];
    // A line ends the phrase: "Python or C++\n- Excellent team practices" names no team.
    let rest = &rest[..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())];
    let mut words = rest
        .split(|c: char| c.is_whitespace() || c == '/' || c == '-')
        .filter(|w| !w.is_empty());
    for _ in 0..2 {
        let w = words.next()?;
        // The word's leading letters and digits, compared without a lower-cased copy
        // (the nouns are lower-case ASCII): this runs for every finding of every posting.
        let head = &w[..w.find(|c: char| !c.is_alphanumeric()).unwrap_or(w.len())];
        if let Some(noun) = TITLE_NOUNS_AFTER
            .iter()
            .find(|n| n.eq_ignore_ascii_case(head))
        {
            // "ML-based developer tools" names a product, not a role.
            let next = words.next().unwrap_or("");
            let next = &next[..next
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(next.len())];
            let product = head.len() == w.len()
                && PRODUCT_NOUNS_AFTER_ROLE
                    .iter()
                    .any(|n| n.eq_ignore_ascii_case(next));
            // "mentor junior team members", "a team player": people, not a team's name.
            if GROUP_NOUNS.contains(noun)
                && ["member", "members", "player", "players"]
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(next))
            {
                return None;
            }
            // "the data team lead" is a title after all.
            if GROUP_NOUNS.contains(noun)
                && let Some(lead) = TITLE_NOUNS_AFTER
                    .iter()
                    .find(|n| !GROUP_NOUNS.contains(n) && n.eq_ignore_ascii_case(next))
            {
                return Some(*lead);
            }
            return (!product).then_some(*noun);
        }
        // A sentence or list boundary ends the phrase, and so does "or"/"and": in
        // "a bachelor's or master's degree" the "master" is no role. A determiner or
        // preposition makes the skill a verb acting on people ("mentor other
        // engineers", "communicate with designers"), not part of a job title.
        if head.len() != w.len()
            || head.is_empty()
            || ["or", "and", "your", "junior", "of"]
                .iter()
                .chain(PEOPLE_BEFORE_ROLE)
                .any(|n| n.eq_ignore_ascii_case(head))
        {
            return None;
        }
    }
    None
}

/// Words after which a role noun is someone the job works with, not a job title:
/// "Mentor other engineers", "Work closely with designers". Flagged `NOT_TITLE` in
/// `WORD_FLAGS` for whole sentences; between a skill and a role noun (see
/// `followed_by_role`) "or", "and", "your", "junior" and "of" break a title too.
const PEOPLE_BEFORE_ROLE: &[&str] = &[
    "other",
    "fellow",
    "the",
    "our",
    "their",
    "new",
    "with",
    "to",
    "for",
    "among",
    "across",
    "between",
    "alongside",
    "by",
];

/// Words after a role noun that make it part of a product's name: "developer tools",
/// "engineering platform", "designer experience".
const PRODUCT_NOUNS_AFTER_ROLE: &[&str] = &[
    "tools",
    "tooling",
    "platform",
    "platforms",
    "experience",
    "productivity",
    "portal",
    "api",
    "apis",
    "docs",
    "documentation",
    "ecosystem",
    "community",
    "communities",
    "program",
    "programs",
    "marketplace",
    "workflow",
    "workflows",
    "console",
];

const CUE: u8 = 1;
const ROLE: u8 = 2;
const COMPANY: u8 = 4;
const PRODUCT: u8 = 8;
/// "year", "years", "yrs": candidate cues unless they tell time.
const YEARS: u8 = 16;
/// Words after which "years" tells time, not experience ("for the last two years").
const TIME: u8 = 32;
/// Words after which a role noun is someone the job works with, not the job's title:
/// "Mentor other engineers", "Work closely with designers".
const NOT_TITLE: u8 = 64;
/// Relative pronouns: a sentence holding one is a clause about someone ("Join a team of
/// engineers who use Rust"), never a job title, however short.
const CLAUSE: u8 = 128;

/// Word → what it says about a sentence (`CUE`, `ROLE`, `COMPANY`, `PRODUCT`), one
/// lookup per word, keyed by the lower-cased word packed into an integer (every listed
/// word fits in 16 bytes).
static WORD_FLAGS: LazyLock<rustc_hash::FxHashMap<u128, u8>> = LazyLock::new(|| {
    let mut m = rustc_hash::FxHashMap::default();
    for (list, flag) in [
        (CANDIDATE_CUES, CUE),
        (ROLE_NOUNS, ROLE),
        (crate::text::JOB_NOUNS, ROLE),
        (COMPANY_SUBJECTS, COMPANY),
        (
            &[
                "user",
                "developer",
                "customer",
                "client",
                "guest",
                "patient",
                "shopping",
                "digital",
                "employee",
                "learning",
                "product",
            ][..],
            PRODUCT,
        ),
        (&["year", "years", "yrs"][..], YEARS),
        (&["last", "past", "next", "coming"][..], TIME),
        (PEOPLE_BEFORE_ROLE, NOT_TITLE),
        (&["who", "whom", "whose", "which"][..], CLAUSE),
    ] {
        for w in list {
            let key = packed_word(w.as_bytes()).expect("sentence cue words are short ASCII");
            *m.entry(key).or_insert(0) |= flag;
        }
    }
    m
});

/// An ASCII word of at most 16 bytes, lower-cased and packed into an integer; `None`
/// for any other word (none of those is in `WORD_FLAGS`).
fn packed_word(w: &[u8]) -> Option<u128> {
    if w.len() > 16 || !w.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..w.len()].copy_from_slice(w);
    buf.make_ascii_lowercase();
    Some(u128::from_le_bytes(buf))
}

/// `packed_word("junior")`.
const JUNIOR: u128 = u128::from_le_bytes(*b"junior\0\0\0\0\0\0\0\0\0\0");

/// `packed_word("experience")`.
const EXPERIENCE: u128 = u128::from_le_bytes(*b"experience\0\0\0\0\0\0");

/// True when `sentence` asks what the candidate knows or has used ("experience with
/// Asana", "familiarity with Docker"), not merely that the employer is hiring.
fn asks_knowledge(sentence: &str) -> bool {
    const WORDS: &[&str] = &[
        "experience",
        "experienced",
        "knowledge",
        "familiar",
        "familiarity",
        "proficient",
        "proficiency",
        "expertise",
        "skills",
        "skill",
        "understanding",
        "used",
        "using",
        "know",
    ];
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| WORDS.iter().any(|k| k.eq_ignore_ascii_case(w)))
}

/// Classifies one sentence (see `SentenceRole`).
#[must_use]
pub fn sentence_role(sentence: &str) -> SentenceRole {
    sentence_role_cued(sentence).0
}

/// `sentence_role`, and whether a word asking something of the candidate settled it
/// (else a requirement is only the default for a sentence with no cue either way).
fn sentence_role_cued(sentence: &str) -> (SentenceRole, bool) {
    // One pass over the bytes: words are runs of letters, digits, `'` and `-`; a
    // non-ASCII character is decoded only to ask whether it is a letter. This runs for
    // every sentence that holds a skill, so it avoids allocating and stops at the first
    // word asking something of the candidate, which settles the answer.
    let b = sentence.as_bytes();
    let mut word_count = 0usize;
    let mut prev_experience_product = false;
    // Flags of the two words before, for "the last two years".
    let (mut prev, mut before_prev) = (0u8, 0u8);
    let (mut role, mut company, mut not_title, mut clause) = (false, false, false, false);
    let mut i = 0;
    while i < b.len() {
        // The word starting at or after `i`, and whether it is all ASCII.
        let mut start = None;
        let mut ascii = true;
        while i < b.len() {
            let (is_word, len) = if b[i].is_ascii() {
                (
                    b[i].is_ascii_alphanumeric() || b[i] == b'\'' || b[i] == b'-',
                    1,
                )
            } else {
                let c = sentence[i..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric(), c.len_utf8())
            };
            if is_word {
                start.get_or_insert(i);
                ascii &= len == 1;
            } else if start.is_some() {
                break;
            }
            i += len;
        }
        let Some(start) = start else { break };
        word_count += 1;
        let Some(key) = ascii.then(|| packed_word(&b[start..i])).flatten() else {
            prev_experience_product = false;
            continue;
        };
        let flags = WORD_FLAGS.get(&key).copied().unwrap_or(0);
        // "Developer experience" and "user experience" are products, not the
        // candidate's experience; "the last two years" is a time, not a demand.
        if flags & CUE != 0
            && !(key == EXPERIENCE && prev_experience_product)
            && !(flags & YEARS != 0 && (prev | before_prev) & TIME != 0)
        {
            return (SentenceRole::Requirement, true);
        }
        prev_experience_product = flags & PRODUCT != 0;
        (before_prev, prev) = (prev, flags);
        role |= flags & ROLE != 0 && !not_title;
        // "Mentor junior engineers", but "Junior Go Developer" is a title.
        not_title |= flags & NOT_TITLE != 0 || (word_count > 1 && key == JUNIOR);
        company |= flags & COMPANY != 0;
        clause |= flags & CLAUSE != 0;
    }
    if word_count <= 12
        && !sentence.trim().ends_with('.')
        && role
        && !clause
        && !self_description(sentence)
    {
        return (SentenceRole::Title, false);
    }
    if company || COMPANY_PHRASES_AC.is_match(sentence) {
        (SentenceRole::Company, false)
    } else {
        (SentenceRole::Requirement, false)
    }
}

/// `sentence_role_cued` of the sentence `text[a..b]` with the names of the skills in
/// it blanked out, when one holds a word that asks something of the candidate: "deep"
/// of "deep learning" and "understanding" of "natural language understanding" name a
/// field, not what the candidate must have. `None` when no name holds such a word. A
/// soft skill's or a degree's words ("strong communication", "a master's degree") do
/// ask, and are kept.
fn role_without_skill_names(
    text: &str,
    a: usize,
    b: usize,
    findings: &[Finding],
    rules: &RuleSet,
) -> Option<(SentenceRole, bool)> {
    use crate::rules::Category as C;
    let asks = |name: &str| {
        name.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '-'))
            .filter_map(|w| packed_word(w.as_bytes()))
            .any(|k| WORD_FLAGS.get(&k).is_some_and(|f| f & CUE != 0))
    };
    let from = findings.partition_point(|f| f.start < a);
    let mut masked: Option<Vec<u8>> = None;
    for f in findings[from..].iter().take_while(|f| f.start < b) {
        if f.end <= b
            && !matches!(rules.rule(f.rule).category, C::Soft | C::Education)
            && asks(&text[f.start..f.end])
        {
            masked.get_or_insert_with(|| text.as_bytes()[a..b].to_vec())[f.start - a..f.end - a]
                .fill(b' ');
        }
    }
    // A finding's span starts and ends on characters: blanking it keeps the text UTF-8.
    let masked = String::from_utf8(masked?).ok()?;
    Some(sentence_role_cued(&masked))
}

/// Phrases that make a sentence about the company, found anywhere in it regardless of
/// case. One automaton pass: testing each phrase in turn, window by window, was a
/// tenth of the time spent analysing a posting.
static COMPANY_PHRASES_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "the team",
            "the company",
            "the group",
            "the firm",
            "our team",
        ])
        .expect("company phrases build an automaton")
});

/// Sentence-level cues that make the skills of their sentence "preferred" wherever the
/// sentence is ("Kubernetes experience is a plus", "bonus points for Rust"), each with
/// the word in it that the search looks for: cues start with words as common as "a"
/// and "is", which make a poor first step; these words are rare.
const PREFERRED_CUES: &[(&str, &str)] = &[
    ("a plus", "plus"),
    ("a big plus", "plus"),
    ("is a bonus", "bonus"),
    ("bonus points", "bonus"),
    ("bonus if", "bonus"),
    // Only where they open a clause ("Go required; bonus for Elixir", "Must have: Go.
    // Bonus: Elixir"): see `preferred_sentences`. "A signing bonus for engineers"
    // prefers nothing.
    ("bonus for", "bonus"),
    ("bonus:", "bonus"),
    ("nice to have", "nice"),
    ("nice-to-have", "nice"),
    ("would be nice", "nice"),
    ("would be great", "great"),
    ("is preferred", "preferred"),
    ("are preferred", "preferred"),
    ("preferred but not required", "preferred"),
    ("not required", "required"),
    ("not a requirement", "requirement"),
    ("ideally", "ideally"),
    ("desirable", "desirable"),
    ("an advantage", "advantage"),
    ("a bonus", "bonus"),
    ("helpful but", "helpful"),
    ("is helpful", "helpful"),
    ("are helpful", "helpful"),
    ("would be helpful", "helpful"),
    ("strong plus", "plus"),
    ("huge plus", "plus"),
    ("definite plus", "plus"),
    ("experience preferred", "preferred"),
    ("knowledge preferred", "preferred"),
    ("- optional", "optional"),
    ("not a must", "must"),
    ("not essential", "essential"),
    ("not mandatory", "mandatory"),
    ("don't expect", "expect"),
    ("do not expect", "expect"),
    // Only inside parentheses ("(MSc or PhD preferred)", "Rust (optional)"): see
    // `preferred_sentences`.
    ("preferred", "preferred"),
    ("optional", "optional"),
    ("bonus", "bonus"),
];

/// The cues holding one anchor word, each with the anchor's offset in it.
type AnchoredCues = Vec<(&'static str, usize)>;

/// The distinct anchor words of `PREFERRED_CUES`, and for each anchor the cues holding
/// it.
struct CueAnchors {
    /// The SIMD substring searcher (Teddy), when this CPU has it: over a posting it is
    /// about five times faster than the automaton, which does not use it as a
    /// prefilter for these words (measured on the HN corpus: 3.7 against 21 ms).
    packed: Option<aho_corasick::packed::Searcher>,
    /// The same words, for CPUs without it.
    ac: AhoCorasick,
    cues: Vec<AnchoredCues>,
}

impl CueAnchors {
    /// (anchor index, start) of every anchor in `hay`, in order.
    fn find(&self, hay: &[u8]) -> Vec<(usize, usize)> {
        match &self.packed {
            Some(p) => p
                .find_iter(hay)
                .map(|m| (m.pattern().as_usize(), m.start()))
                .collect(),
            None => self
                .ac
                .find_iter(hay)
                .map(|m| (m.pattern().as_usize(), m.start()))
                .collect(),
        }
    }
}

static PREFERRED_ANCHORS: LazyLock<CueAnchors> = LazyLock::new(|| {
    let mut anchors: Vec<&str> = Vec::new();
    let mut cues: Vec<AnchoredCues> = Vec::new();
    for &(cue, anchor) in PREFERRED_CUES {
        let offset = cue.find(anchor).expect("a cue holds its anchor");
        let k = anchors
            .iter()
            .position(|a| *a == anchor)
            .unwrap_or_else(|| {
                anchors.push(anchor);
                cues.push(Vec::new());
                anchors.len() - 1
            });
        cues[k].push((cue, offset));
    }
    CueAnchors {
        packed: aho_corasick::packed::Searcher::new(&anchors),
        ac: AhoCorasick::new(&anchors).expect("cue anchors build an automaton"),
        cues,
    }
});

static YEARS_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?: (?:at\ least|minimum(?:\ of)?|min\.?|over|more\ than|a\ minimum\ of)\ )?
        (?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)
        \ ?(?:\+|plus|\ or\ more)?
        (?:\ ?(?:-|to|or)\ ?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)\+?)?
        \ ?(?:\(\d{1,2}\)\ )?
        (?:years?|yrs?)(?:'s|'|\b)
        (?:\ of)?",
    )
    .expect("the years pattern is a valid regex")
});

fn number_word(s: &str) -> Option<u32> {
    Some(match s {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        d => d.parse().ok()?,
    })
}

/// A "N years" phrase found in folded text: (years, folded start, folded end).
#[must_use]
pub fn find_years(folded: &str) -> Vec<(u32, usize, usize)> {
    // Every phrase holds one "year" or "yr", and no phrase is longer than
    // `YEARS_BEFORE` bytes before it or `YEARS_AFTER` from it on. Running the pattern
    // only around those words finds what a scan of the whole text finds (a test
    // checks), at a tenth of the cost: the pattern opens with alternatives no literal
    // search can skip to, so over whole postings it ran on every byte.
    let t = folded.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    for p in memchr::memchr_iter(b'y', t) {
        let rest = &t[p + 1..];
        if p < from || !(rest.starts_with(b"r") || rest.starts_with(b"ear")) {
            continue;
        }
        let start =
            crate::text::floor_char_boundary(folded, p.saturating_sub(YEARS_BEFORE)).max(from);
        let end = crate::text::ceil_char_boundary(folded, (p + YEARS_AFTER).min(t.len()));
        let Some(c) = YEARS_RE.captures_at(&folded[..end], start) else {
            continue;
        };
        // A match past this word is the next word's, and its end may be cut short here.
        let Some(m) = c.get(0).filter(|m| m.start() <= p) else {
            continue;
        };
        from = m.end();
        if let Some(n) = c.name("n").and_then(|n| number_word(n.as_str()))
            && (1..=40).contains(&n)
        {
            out.push((n, m.start(), m.end()));
        }
    }
    out
}

/// Bytes a years phrase may start before its "year": "a minimum of fifteen plus to
/// fifteen+ (12) " is under 60.
const YEARS_BEFORE: usize = 64;
/// Bytes a years phrase may run from the start of its "year": "years's of" is 10.
const YEARS_AFTER: usize = 16;

/// Words that may sit between a years phrase and the skill it is about.
const YEARS_LINKS: &[&str] = &[
    "of",
    "experience",
    "experienced",
    "with",
    "in",
    "using",
    "building",
    "developing",
    "working",
    "writing",
    "programming",
    "coding",
    "professional",
    "hands-on",
    "hands",
    "on",
    "commercial",
    "industry",
    "production",
    "relevant",
    "software",
    "development",
    "engineering",
    "practical",
    "solid",
    "proven",
    "strong",
    "deep",
    "as",
    "a",
    "an",
    "the",
    "and",
    "or",
    "doing",
    "modern",
    "backend",
    "back-end",
    "frontend",
    "front-end",
    "full-stack",
    "web",
    "designing",
    "shipping",
    "running",
    "operating",
    "managing",
    "leading",
    "work",
];

impl AnalyzedPosting {
    /// Splits the posting into sections, extracts its skills and weighs them.
    #[must_use]
    pub fn analyze(posting: Posting, rules: &RuleSet) -> Self {
        let text = posting.text.as_str();
        let folded = Folded::new(text);
        let findings = rules.extract_folded(text, &folded);
        let sections = split_sections(text);
        // As disjoint sorted spans, so a finding's test is a binary search: one per cue
        // and a scan per finding was quadratic on texts with thousands of both.
        let preferred = disjoint_spans(preferred_sentences(text, &folded));
        let section_at = |pos: usize| -> SectionKind {
            // Sections come in text order.
            let k = sections.partition_point(|s| s.start <= pos);
            let base = k
                .checked_sub(1)
                .map_or(SectionKind::General, |k| sections[k].kind);
            let k = preferred.partition_point(|&(a, _)| a <= pos);
            let in_pref = k.checked_sub(1).is_some_and(|k| pos < preferred[k].1);
            if in_pref
                && matches!(
                    base,
                    SectionKind::Required | SectionKind::General | SectionKind::Duties
                )
            {
                SectionKind::Preferred
            } else {
                base
            }
        };

        // The company's own name, folded: "Asana" in a posting by Asana is the employer,
        // not a tool asked for, unless a sentence asks it of the candidate; "Google
        // Cloud" in a posting by Google is its own product line.
        let own_name = posting
            .company
            .as_deref()
            .map(|c| Folded::new(c.trim()).as_str().to_owned())
            .filter(|c| !c.is_empty());
        // A product's name as written that is the company's name, or the name and a
        // capitalised word ("Google Cloud"; a practice such as "Back End" at a company
        // called Back is no product of it).
        let own_product = |name: &str, rule: RuleId| {
            use crate::rules::Category as C;
            !matches!(
                rules.rule(rule).category,
                C::Practice | C::Domain | C::Soft | C::Education | C::Spoken
            ) && posting.company.as_deref().map(str::trim).is_some_and(|c| {
                name.get(..c.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(c))
                    && (name.len() == c.len() || {
                        let rest = &name[c.len()..];
                        rest.starts_with(' ') && rest[1..].starts_with(char::is_uppercase)
                    })
            })
        };
        // The title names the job's skills, not the employer's products ("Business
        // Trainer, Google Cloud" at Google asks no Google Cloud Platform).
        let title_skills: Vec<crate::roles::TitleSkill> = posting
            .title
            .as_deref()
            .map(|t| {
                rules
                    .extract(t)
                    .into_iter()
                    .filter(|f| !own_product(&t[f.start..f.end], f.rule))
                    .map(|f| (f.rule, f.start, f.end))
                    .collect()
            })
            .unwrap_or_default();
        let title_rules: Vec<RuleId> = title_skills.iter().map(|s| s.0).collect();
        let title_roles = posting.title.as_deref().map_or_else(Vec::new, |t| {
            crate::roles::title_roles(t, &title_skills, |a, b| rules.implied_by(a).contains(&b))
        });
        // A title line that is also the first body line would count twice.
        // The title's own words at the top of the text (below a job board's heading at
        // most a few lines down).
        let title_line = posting
            .title
            .as_deref()
            .and_then(|t| text.find(t).map(|p| line_start(text, p)..p + t.len()))
            .filter(|r| {
                text[..r.start]
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .count()
                    <= 3
            });

        // The title's own skills, before the body's job titles join them.
        let header_rules = title_rules.clone();
        let mut title_rules = title_rules;
        // Job titles the body names ("openings for frontend engineers, backend
        // engineers"), in text order.
        let mut body_jobs: Vec<JobMention> = Vec::new();
        let mut by_rule: BTreeMap<RuleId, Vec<Mention>> = BTreeMap::new();
        // A slash list asks for either item under a requirements heading or in a
        // sentence asking something of the candidate.
        let lists = or_lists(folded.as_str(), &findings, |f| {
            matches!(
                section_at(f.start),
                SectionKind::Required | SectionKind::Preferred
            ) || {
                let (a, b) = sentence_around(text, f.start);
                sentence_role_cued(&text[a..b]).1
            }
        });
        // Per rule, the or-list of each of its mentions (None: a mention outside one).
        let mut lists_of: BTreeMap<RuleId, Vec<Option<usize>>> = BTreeMap::new();
        // Most postings have no "or" list: then nothing is tracked per rule.
        let any_or_list = lists.iter().any(Option::is_some);
        let mut title_mentions: Vec<(RuleId, Mention)> = Vec::new();
        let title_mention = |f: &crate::extract::Finding| Mention {
            start: f.start,
            end: f.end,
            section: SectionKind::Title,
        };
        // Where the company's name occurs: a skill word inside it ("Freight" of "Acme
        // Freight", "Cloud" of "IBM Cloud") is part of the name.
        let name_spans: Vec<(usize, usize)> = own_name.as_deref().map_or_else(Vec::new, |c| {
            let t = folded.as_bytes();
            memchr::memmem::find_iter(t, c.as_bytes())
                .filter(|&p| crate::extract::on_boundaries(t, p, p + c.len()))
                .map(|p| (p, p + c.len()))
                .collect()
        });
        // The spans come in order and do not overlap: the one that could hold a finding
        // is the last to start at or before it (a scan per finding was quadratic in a
        // text that repeats the name on every line).
        // A finding within the name, or one that starts with it (a product line).
        let is_own_name = |f: &crate::extract::Finding| {
            let k = name_spans.partition_point(|&(a, _)| a <= f.fstart);
            k > 0 && {
                let (a, b) = name_spans[k - 1];
                f.fend <= b || (a == f.fstart && own_product(&text[f.start..f.end], f.rule))
            }
        };
        // A sentence that names the company and asks nothing of the candidate is
        // about the company ("Mattermost is an open-source alternative to Slack").
        // A sentence in which the company tells its own years ("Acme Freight has 25
        // years of experience in logistics", "We have over 20 years of experience in
        // payments") is its history, though "experience" is a word that usually asks.
        let company_subject = |a: usize, b: usize| {
            // Most sentences have no "has"/"have"/"had": spare them the fold.
            if !text[a..b].contains(" ha") {
                return false;
            }
            let sentence = Folded::new(text[a..b].trim_start());
            let t = sentence.as_str();
            let rest = own_name
                .as_deref()
                .and_then(|c| t.strip_prefix(c))
                .or_else(|| t.strip_prefix("we"))
                .map(str::trim_start);
            let Some(rest) = rest.and_then(|r| {
                ["has ", "have ", "had "]
                    .iter()
                    .find_map(|v| r.strip_prefix(v))
            }) else {
                return false;
            };
            let mut words = rest.split_whitespace().take(4).peekable();
            while let Some(w) = words.next() {
                let w = w.trim_end_matches('+');
                if number_word(w).is_some() || w.bytes().all(|b| b.is_ascii_digit()) {
                    return words.peek().is_some_and(|u| u.starts_with("year"));
                }
            }
            false
        };
        let classify = |a: usize, b: usize| {
            // Under a duties or qualifications heading, with its full stop
            // (`sentence_around` leaves the stop out): a short sentence there that ends
            // in one ("Serve as a technical lead and manage small projects.") is a duty,
            // not a job title line. A job with its skills after a colon ("Data
            // Engineer: AWS, Spark.", under "We're looking for:") and any line outside
            // such a heading ("A back-end engineer to build our platform.") may end in
            // a stop too.
            let stop = usize::from(
                text.as_bytes().get(b) == Some(&b'.')
                    && !text[a..b].contains(':')
                    && matches!(
                        section_at(a),
                        SectionKind::Duties | SectionKind::Required | SectionKind::Preferred
                    ),
            );
            let (role, cued) = sentence_role_cued(&text[a..b + stop]);
            // "We have strengths in deep learning": "deep" names the field there, and
            // the sentence is the company's. (Only that: with the names blanked out,
            // "Lead Deep Learning development" would read as a job title.)
            let (role, cued) = if role == SentenceRole::Requirement
                && cued
                && role_without_skill_names(text, a, b, &findings, rules)
                    .is_some_and(|r| r.0 == SentenceRole::Company)
            {
                (SentenceRole::Company, false)
            } else {
                (role, cued)
            };
            if role != SentenceRole::Title && company_subject(a, b) {
                return (SentenceRole::Company, false);
            }
            let names_company = || {
                own_name.as_deref().is_some_and(|c| {
                    let sentence = Folded::new(&text[a..b]);
                    let t = sentence.as_bytes();
                    memchr::memmem::find_iter(t, c.as_bytes())
                        .any(|p| crate::extract::on_boundaries(t, p, p + c.len()))
                })
            };
            if role == SentenceRole::Requirement && !cued && names_company() {
                (SentenceRole::Company, false)
            } else {
                (role, cued)
            }
        };
        // Findings come in text order, so one sentence is classified once: its span,
        // its role, and whether a word asking something of the candidate settled it.
        let mut sentence: (std::ops::Range<usize>, SentenceRole, bool) =
            (0..0, SentenceRole::Requirement, false);
        // Where the current sentence's second way of meeting it begins.
        let mut alternative_from = usize::MAX;
        // The parts of the current sentence that say what is not wanted.
        let mut negated: Vec<std::ops::Range<usize>> = Vec::new();
        // Where the current sentence offers to teach what follows ("happy to train
        // people into Haskell"), and the skills it offers anywhere: those are no
        // requirement of the posting, however else it names them.
        let mut trained = usize::MAX..usize::MAX;
        let mut trainable: Vec<RuleId> = Vec::new();
        // Whether the current sentence puts the hire in a team it names, or is the
        // poster describing themselves: worked out when a finding first asks.
        let (mut joins_team, mut describes_self) = (None, None);
        for (n, f) in findings.iter().enumerate() {
            if !sentence.0.contains(&f.start) {
                let (a, b) = sentence_around(text, f.start);
                let (role, cued) = classify(a, b);
                sentence = (a..b, role, cued);
                (joins_team, describes_self) = (None, None);
                alternative_from = alternative_path(&text[a..b]).map_or(usize::MAX, |p| a + p);
                trained = offers_training(&text[a..b])
                    .map_or(usize::MAX..usize::MAX, |r| a + r.start..a + r.end);
                negated = negated_parts(&text[a..b])
                    .into_iter()
                    .map(|r| a + r.start..a + r.end)
                    .collect();
                // "Our mobile team uses Swift. You won't need any of that."
                // Past the sentence's own stop; a line break ends the paragraph.
                let after = b + text[b..].chars().next().map_or(0, char::len_utf8);
                let next = text[after..].find(|c: char| !c.is_whitespace() || c == '\n');
                if text.as_bytes().get(b) != Some(&b'\n')
                    && let Some(n) = next
                        .map(|n| after + n)
                        .filter(|&n| text.as_bytes()[n] != b'\n')
                {
                    // The wave-away opens its sentence: its first words are enough, and
                    // that sentence may run on for megabytes.
                    let nb = crate::text::floor_char_boundary(text, (n + 120).min(text.len()));
                    let nb = text[n..nb]
                        .find(['\n', '.', '!', '?', ';'])
                        .map_or(nb, |p| n + p);
                    if waves_away_previous(&text[n..nb]) {
                        negated.push(a..b);
                    }
                }
            }
            // "No Java experience needed", "we do not use Kubernetes": not asked.
            if negated.iter().any(|r| r.contains(&f.start)) {
                continue;
            }
            // "Analytics for companies like DigitalOcean, New Relic and Docker": other
            // organisations, named in the company's story.
            if names_organisation(text, sentence.0.start, f) {
                continue;
            }
            // "The Acme team is hiring" asks for no Acme: only a sentence about what
            // the candidate knows keeps the employer's own product.
            if is_own_name(f) && !(sentence.2 && asks_knowledge(&text[sentence.0.clone()])) {
                continue;
            }
            if title_line
                .as_ref()
                .is_some_and(|r| f.start >= r.start && f.end <= r.end)
            {
                if title_rules.contains(&f.rule) {
                    title_mentions.push((f.rule, title_mention(f)));
                }
                continue;
            }
            let mut section = section_at(f.start);
            // The role noun that makes the finding part of a job title, if one does.
            let mut role_noun = None;
            let role = match sentence.1 {
                SentenceRole::Requirement => match role_noun_after(text, f.end) {
                    // "Work with our Data Science team", "an algorithm from our ML
                    // group": a team the job deals with asks nothing of the candidate,
                    // and says little about the job.
                    // Each is read once per sentence, when first needed: a sentence
                    // can be a whole megabyte-long posting.
                    Some(n)
                        if GROUP_NOUNS.contains(&n)
                            && !*joins_team.get_or_insert_with(|| {
                                joins_team_in(&text[sentence.0.clone()])
                            }) =>
                    {
                        SentenceRole::Company
                    }
                    // "Mentor junior engineers", "work alongside ML engineers": people
                    // the job works with, not its title, unless the sentence hires
                    // them ("we're hiring Python developers"). "We need Go engineers"
                    // names the job.
                    Some(n)
                        if n.ends_with('s')
                            && people_worked_with(text, sentence.0.start, f)
                            && !*joins_team.get_or_insert_with(|| {
                                joins_team_in(&text[sentence.0.clone()])
                            }) =>
                    {
                        sentence.1
                    }
                    Some(_)
                        if *describes_self
                            .get_or_insert_with(|| self_description(&text[sentence.0.clone()])) =>
                    {
                        SentenceRole::Company
                    }
                    Some(n) => {
                        role_noun = Some(n);
                        SentenceRole::Title
                    }
                    None => sentence.1,
                },
                role => role,
            };
            match role {
                SentenceRole::Title => {
                    body_jobs.push(JobMention {
                        rule: f.rule,
                        start: f.start,
                        end: f.end,
                        noun: role_noun.and_then(|n| noun_after(text, f.end, n)),
                    });
                    // Another title line in the body ("Senior Java Developer – Berlin").
                    if !title_rules.contains(&f.rule) {
                        title_rules.push(f.rule);
                    }
                    title_mentions.push((f.rule, title_mention(f)));
                    continue;
                }
                // A duty that names the company ("build features for our object
                // store") is still the job's work.
                SentenceRole::Company
                    if matches!(section, SectionKind::Required | SectionKind::General) =>
                {
                    section = SectionKind::Company;
                }
                // "Partner with analysts who use Tableau": the tool is theirs, and says
                // less of the job than a duty does, unless the hire joins them.
                SentenceRole::Requirement | SentenceRole::Company
                    if matches!(
                        section,
                        SectionKind::Required
                            | SectionKind::General
                            | SectionKind::Duties
                            | SectionKind::Preferred
                    ) && others_use(text, sentence.0.start, &findings, n)
                        && !*joins_team
                            .get_or_insert_with(|| joins_team_in(&text[sentence.0.clone()])) =>
                {
                    section = SectionKind::Company;
                }
                _ => {}
            }
            if f.start >= alternative_from
                && matches!(section, SectionKind::Required | SectionKind::General)
            {
                section = SectionKind::Preferred;
            }
            if trained.contains(&f.start) {
                if !trainable.contains(&f.rule) {
                    trainable.push(f.rule);
                }
                if matches!(section, SectionKind::Required | SectionKind::General) {
                    section = SectionKind::Preferred;
                }
            }
            by_rule.entry(f.rule).or_default().push(Mention {
                start: f.start,
                end: f.end,
                section,
            });
            // A mention that asks nothing ("our pipelines run on Airflow" about the
            // company) makes no skill one asked for on its own.
            let asks = !matches!(
                section,
                SectionKind::About | SectionKind::Benefits | SectionKind::Company
            );
            if any_or_list && (asks || lists[n].is_some()) {
                lists_of.entry(f.rule).or_default().push(lists[n]);
            }
        }
        let alternatives = if any_or_list {
            alternative_groups(rules, &lists_of, &title_rules)
        } else {
            BTreeMap::new()
        };
        for r in &title_rules {
            by_rule.entry(*r).or_default();
        }

        // Years phrases, attached to the skills right after (or just before) them.
        // A technical skill: not a soft skill or a spoken language, nor (`strict`) a
        // domain or a degree, which a lorry driver's or a baker's ad may name too.
        let technical = |rule: RuleId, strict: bool| {
            use crate::rules::Category as C;
            match rules.rule(rule).category {
                C::Soft | C::Spoken => false,
                C::Domain | C::Education => !strict,
                _ => true,
            }
        };
        let posting_tech = findings.iter().any(|f| technical(f.rule, true));
        let mut years = Vec::new();
        let mut total_years: Option<YearsRequirement> = None;
        for y in years_phrases(text, &folded, &findings) {
            // A posting's "for the last two years" is about the company, not a demand.
            if y.time.is_some() {
                continue;
            }
            let (start, end) = folded.original_span(y.fstart, y.fend);
            // "…, or 1 year of experience with an advanced degree" is no demand.
            let (a, b) = sentence_around(text, start);
            if alternative_path(&text[a..b]).is_some_and(|p| start >= a + p)
                || company_subject(a, b)
            {
                continue;
            }
            let req = YearsRequirement {
                years: y.years,
                skills: y.skills.clone(),
                start,
                end,
                text: text[start..end].to_owned(),
                section: section_at(start),
            };
            if !y.skills.is_empty() {
                years.push(req);
            } else if y.about_experience
                && total_years.as_ref().is_none_or(|t| t.years < y.years)
                // "5+ years of experience driving lorries" is no software experience;
                // "…, including Go" and "…building products" are. A domain or degree
                // in the sentence ("…in public relations, e.g. journalism") makes no
                // years software work.
                && (findings
                    .iter()
                    .any(|f| (a..b).contains(&f.start) && technical(f.rule, true))
                    || !spent_elsewhere(&text[end.min(b)..b], &text[a..b], posting_tech))
            {
                total_years = Some(req);
            }
        }

        let mut skills: Vec<PostingSkill> = by_rule
            .into_iter()
            .map(|(rule, mentions)| {
                let in_title = title_rules.contains(&rule);
                // A skill the title names is what the job is: asked for at least as
                // much as a requirement, however the body mentions it besides
                // ("Android + iOS" with "Android: <link>" below).
                let need = mentions
                    .iter()
                    .map(|m| m.section)
                    .chain(in_title.then_some(SectionKind::Required))
                    .max_by(|a, b| a.factor().total_cmp(&b.factor()))
                    .unwrap_or(SectionKind::Required);
                let need = if trainable.contains(&rule)
                    && need.factor() > SectionKind::Preferred.factor()
                {
                    SectionKind::Preferred
                } else {
                    need
                };
                let count = mentions.len().max(1);
                #[allow(
                    clippy::cast_precision_loss,
                    clippy::cast_possible_truncation,
                    clippy::cast_possible_wrap
                )]
                let repetition = 1.0 + 0.5 * (1.0 - 0.5f32.powi((count - 1).min(16) as i32));
                let parts = WeightParts {
                    rule: rules.rule(rule).weight,
                    section: need.factor(),
                    repetition,
                    title: if in_title { 1.5 } else { 1.0 },
                };
                let yr = years
                    .iter()
                    .filter(|y| y.skills.contains(&rule))
                    .map(|y| y.years)
                    .max();
                PostingSkill {
                    rule,
                    weight: parts.total(),
                    parts,
                    need: if mentions.is_empty() {
                        SectionKind::Required
                    } else {
                        need
                    },
                    mentions,
                    years: yr,
                    alternatives: alternatives.get(&rule).cloned().unwrap_or_default(),
                    anchor: alternatives.contains_key(&rule)
                        && is_anchor(rule, &lists_of[&rule], &title_rules),
                }
            })
            .collect();
        skills.sort_by(|a, b| {
            b.weight
                .total_cmp(&a.weight)
                .then_with(|| rules.rule(a.rule).id.cmp(&rules.rule(b.rule).id))
        });
        // Jobs the body lists are roles too; a title naming one job is one of them.
        let body_roles = listed_jobs(text, &findings, &body_jobs);
        let mut roles = title_roles;
        if !body_roles.is_empty() {
            if roles.is_empty() && !header_rules.is_empty() {
                roles.push(header_rules);
            }
            roles.extend(body_roles);
        }
        let roles = offered_roles(roles, &skills);

        AnalyzedPosting {
            posting,
            sections,
            skills,
            roles,
            years,
            total_years,
            findings,
            title_mentions,
        }
    }
}

/// A "N years" phrase with the skills it is about.
#[derive(Debug, Clone)]
pub struct YearsPhrase {
    /// Years (lower bound of a range).
    pub years: u32,
    /// Skills it applies to; empty when it is about experience in general.
    pub skills: Vec<RuleId>,
    /// Folded span of the phrase.
    pub fstart: usize,
    /// End of the folded span.
    pub fend: usize,
    /// True when the sentence is about experience ("5+ years of professional experience"),
    /// not a company's age ("founded 10 years ago").
    pub about_experience: bool,
    /// When the phrase measures time, not experience.
    pub time: Option<TimeSpan>,
}

/// What a years phrase measures when it is not an amount of experience.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeSpan {
    /// An age or a point in time: "10 years ago", "a 5-year-old company", "the next
    /// two years", "three years in a row". Never anyone's experience.
    Age,
    /// A recent stretch: "for the last two years", "over the past 5 years". In a
    /// résumé it measures the writer's experience; in a posting it is about the
    /// company ("for the last two years, Asana has been named a best place to work").
    Recent,
}

/// How the words around a years phrase (`head` before it, `tail` after it, folded)
/// say it measures time rather than experience.
fn time_span(head: &str, tail: &str) -> Option<TimeSpan> {
    let tail = tail.trim_start_matches([' ', '-']);
    let head = head.trim_end();
    let last_word = head.rsplit([' ', '(', ',']).next().unwrap_or("");
    if ["ago", "old", "in a row", "running"]
        .iter()
        .any(|w| tail.starts_with(w) && !tail[w.len()..].starts_with(|c: char| c.is_alphanumeric()))
        || matches!(last_word, "next" | "coming" | "every" | "within")
    {
        Some(TimeSpan::Age)
    } else if matches!(last_word, "last" | "past" | "recent") {
        Some(TimeSpan::Recent)
    } else {
        None
    }
}

/// Words that name software work in general rather than one skill: "12+ years of
/// software engineering experience" and "10 years of backend experience" ask for a
/// career's length, which the rules' broad practices (`software-engineering`,
/// `back-end`) would otherwise take as their own years.
const FIELD_WORDS: &[&str] = &[
    "software",
    "engineering",
    "development",
    "developer",
    "programming",
    "coding",
    "code",
    "backend",
    "back-end",
    "back",
    "frontend",
    "front-end",
    "front",
    "end",
    "full-stack",
    "fullstack",
    "full",
    "stack",
    "server-side",
    "server",
    "side",
    "web",
    "application",
    "experience",
    "professional",
];

/// True when a finding's words (folded) only name software work in general (see
/// `FIELD_WORDS`).
fn names_software_work(words: &str) -> bool {
    words
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .all(|w| FIELD_WORDS.contains(&w))
}

/// Words in a sentence that make its years software work even when no rule names a
/// skill in it ("5+ years of experience building products").
const SOFTWARE_WORDS: &[&str] = &[
    "software",
    "engineering",
    "engineer",
    "engineers",
    "developer",
    "developers",
    "development",
    "programming",
    "programmer",
    "coding",
    "code",
    "technical",
    "technology",
    "technologies",
    "tech",
    "computer",
    "computing",
    "system",
    "systems",
    "codebase",
    "codebases",
    "web",
    "mobile",
    "backend",
    "back-end",
    "frontend",
    "front-end",
    "full-stack",
    "data",
    "cloud",
    "infrastructure",
    "platform",
    "platforms",
    "product",
    "products",
    "application",
    "applications",
    "apps",
    "saas",
];

/// Words after a years phrase that name no field of their own: "5+ years of relevant
/// experience in a similar role" is a career's length, "5+ years of experience driving
/// lorries" is not.
const NO_FIELD_WORDS: &[&str] = &[
    "similar",
    "comparable",
    "equivalent",
    "total",
    "overall",
    "combined",
    "paid",
    "full-time",
    "role",
    "roles",
    "position",
    "positions",
    "capacity",
    "field",
    "environment",
    "environments",
    "setting",
    "company",
    "companies",
    "startup",
    "startups",
    "fast-paced",
    "team",
    "teams",
    "post-graduate",
    "postgraduate",
    "demonstrable",
    "demonstrated",
    "progressive",
    "senior",
    "minimum",
    "required",
    "preferred",
    "preferably",
    "ideally",
    "plus",
    "least",
    "at",
    "is",
    "are",
    "this",
    "such",
    "any",
    "years",
    "year",
    "related",
    "recent",
    "applicable",
    "directly",
    "level",
];

/// Words ending in "ing" that name no activity.
const NOT_ACTIVITIES: &[&str] = &[
    "during",
    "something",
    "anything",
    "nothing",
    "everything",
    "morning",
    "evening",
    "spring",
    "string",
    "bring",
];

/// True when a years phrase that names no skill measures time spent on something other
/// than software: its sentence (`sentence`) has no software word (`SOFTWARE_WORDS`),
/// and the words after the phrase (`tail`) go on to an activity ("driving lorries",
/// "nursing experience"), to a field of work named after "experience in" or before
/// "experience" ("in market research", "of executive support experience"), or, in a
/// posting that asks for no technical skill at all (`posting_tech` false), to any
/// words naming a field ("professional kitchen"). A career's length names no field:
/// "5+ years of professional experience in a similar role", "industry or research
/// experience".
fn spent_elsewhere(tail: &str, sentence: &str, posting_tech: bool) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}'))
            .map(|w| w.trim_matches(['-', '\'', '\u{2019}']).to_lowercase())
            .filter(|w| !w.is_empty())
            .collect()
    };
    if words(sentence)
        .iter()
        .any(|w| SOFTWARE_WORDS.contains(&w.as_str()))
    {
        return false;
    }
    let clause = &tail[..tail.find([',', '(', ';', ':']).unwrap_or(tail.len())];
    let mut content = words(clause)
        .into_iter()
        .filter(|w| !YEARS_LINKS.contains(&w.as_str()) && !NO_FIELD_WORDS.contains(&w.as_str()))
        .peekable();
    let activity = content.peek().is_some_and(|w| {
        w.len() > 5
            && w.ends_with("ing")
            && !NOT_ACTIVITIES.contains(&w.as_str())
            && !INCLUDING.contains(&w.as_str())
    });
    // "Experience in market research", "experience working in customer support": a
    // field of its own after "in", whatever else the posting asks (Google's business
    // roles name SQL or a spreadsheet too). Not "experience in some of the following".
    let linking =
        |w: &String| YEARS_LINKS.contains(&w.as_str()) || NO_FIELD_WORDS.contains(&w.as_str());
    let ws = words(clause);
    let field_in = ws.iter().position(|w| w == "in").is_some_and(|i| {
        ws[..i].iter().all(linking)
            && ws[i + 1..]
                .iter()
                .find(|w| !["a", "an", "the"].contains(&w.as_str()))
                .is_some_and(|w| !linking(w) && !NOT_FIELDS.contains(&w.as_str()))
    });
    // "1 year of executive support experience": the field before "experience".
    let field_before = ws.iter().position(|w| w == "experience").is_some_and(|i| {
        let field: Vec<&String> = ws[..i].iter().filter(|w| !linking(w)).collect();
        !field.is_empty()
            && field.iter().all(|w| !NOT_FIELDS.contains(&w.as_str()))
            && ws[..i]
                .iter()
                .all(|w| !["in", "with", "of"].contains(&w.as_str()))
    });
    activity || (!posting_tech || field_in || field_before) && content.next().is_some()
}

/// Words after "experience in" that name no field of work: "in some of the
/// following", "in a leadership role" (a career's length for a lead's job).
const NOT_FIELDS: &[&str] = &[
    "some",
    "most",
    "all",
    "one",
    "each",
    "following",
    "these",
    "those",
    "our",
    "your",
    "their",
    "its",
    "which",
    "what",
    "leadership",
    "management",
    "managing",
    "lead",
    "leading",
    "senior",
    "similar",
    "other",
    "another",
    "multiple",
    "various",
    "research",
];

/// Finds "N years" phrases in a document and attaches each to the skills it is about:
/// the findings right after it ("5+ years of Python and Go") when only linking words
/// sit between, or the finding just before it ("Python (5+ years)"). Software work in
/// general ("12+ years of software engineering experience") is no skill's: those years
/// are a career's length, unless a skill follows it ("5 years of backend work in Go").
#[must_use]
pub fn years_phrases(original: &str, folded: &Folded, findings: &[Finding]) -> Vec<YearsPhrase> {
    let ft = folded.as_str();
    // Folding turns a line break into a space; the phrase's reach ends there all the
    // same ("- Kubernetes (3+ years)\n- Python": the years are not Python's).
    let breaks_line = |a: usize, b: usize| {
        let (oa, ob) = folded.original_span(a, b);
        original.as_bytes()[oa..ob].contains(&b'\n')
    };
    let mut out = Vec::new();
    for (n, fs, fe) in find_years(ft) {
        // At most 90 bytes on, backed off to a character boundary: the cut can fall
        // inside a multi-byte letter (found by fuzzing).
        let reach = crate::text::floor_char_boundary(ft, (fe + 90).min(ft.len()));
        let sentence_end = ft.as_bytes()[fe..reach]
            .iter()
            .enumerate()
            .find(|&(i, &b)| {
                matches!(b, b'.' | b';' | b'!' | b'?')
                    || (b == b' ' && breaks_line(fe + i, fe + i + 1))
            })
            .map_or(reach, |(i, _)| fe + i);
        // The first skill the phrase leads to, then the skills listed right after it
        // ("Python, Go and Rust"), but not skills further on ("Python (and have used
        // Go)").
        let mut skills: Vec<RuleId> = Vec::new();
        let after: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.fstart >= fe && f.fstart < sentence_end)
            .collect();
        // A name of software work in general links like "of experience" does: the
        // years go to a skill after it, else to the career.
        let mut field = false;
        let mut from = fe;
        let mut first = None;
        for (k, f) in after.iter().enumerate() {
            if f.fstart < from {
                continue;
            }
            let gap = &ft[from..f.fstart];
            // Past the field's name only linking words lead on ("backend development
            // in Go"): "programming experience and enough Django knowledge" and
            // "development experience, proficient in Python" start new items.
            let linked = if field {
                !gap.contains(',')
                    && gap
                        .split_whitespace()
                        .all(|w| YEARS_LINKS.contains(&w) && !matches!(w, "and" | "or"))
            } else {
                only_links_between(gap) && !opens_clause(gap)
            };
            if !linked {
                break;
            }
            if names_software_work(&ft[f.fstart..f.fend]) {
                field = true;
                from = f.fend;
                continue;
            }
            first = Some(k);
            break;
        }
        if let Some(k) = first {
            skills.push(after[k].rule);
            let mut end = after[k].fend;
            for f in &after[k + 1..] {
                if f.fstart < end {
                    continue;
                }
                if !list_separator(&ft[end..f.fstart]) {
                    break;
                }
                // "5+ years of Python backend work": the years are Python's.
                if !names_software_work(&ft[f.fstart..f.fend]) {
                    skills.push(f.rule);
                }
                end = f.fend;
            }
        }
        if skills.is_empty() && !field {
            skills = findings
                .iter()
                .filter(|f| f.fend <= fs && fs - f.fend <= 3)
                .filter(|f| ft[f.fend..fs].chars().all(|c| " (:-,".contains(c)))
                .filter(|f| !breaks_line(f.fend, fs))
                .map(|f| f.rule)
                .collect();
        }
        if skills.is_empty() && !field {
            // "has written Python professionally for fifteen years": the years of
            // "for N years" are those of the skill just before, in the same clause.
            let before = ft[..fs].trim_end();
            if before.ends_with(" for") || before.ends_with(" over") {
                skills.extend(
                    findings
                        .iter()
                        .rev()
                        .find(|f| f.fend <= fs)
                        .filter(|f| {
                            fs - f.fend <= 60
                                && !ft[f.fend..fs].contains(['.', ';', '!', '?'])
                                && !breaks_line(f.fend, fs)
                        })
                        .map(|f| f.rule),
                );
            }
        }
        skills.sort();
        skills.dedup();
        let tail = &ft[fe..sentence_end];
        let head = &ft[crate::text::floor_char_boundary(ft, fs.saturating_sub(40))..fs];
        let time = time_span(head, tail);
        let about_experience = time != Some(TimeSpan::Age)
            && (field || tail.contains("experience") || head.contains("experience"));
        out.push(YearsPhrase {
            years: n,
            skills,
            fstart: fs,
            fend: fe,
            about_experience,
            time,
        });
    }
    out
}

/// Where a sentence goes on to a second way of meeting its requirement, if it does:
/// ", or 1 year of experience with an advanced degree" after "2 years of experience
/// in software development", or a sentence that opens with "or 1 year …" (the
/// sentences of a posting are cut at "; "). The skills of that clause (the advanced
/// degree) are an option, not a demand. The offset is that of the "or".
fn alternative_path(sentence: &str) -> Option<usize> {
    let years_after = |at: usize| {
        let mut words = sentence[at..]
            .split(|c: char| c.is_whitespace() || c == '+')
            .filter(|w| !w.is_empty());
        let count = words.next().unwrap_or("");
        let unit = words.next().unwrap_or("").to_ascii_lowercase();
        number_word(&count.to_ascii_lowercase()).is_some()
            && (unit.starts_with("year") || unit.starts_with("yr"))
    };
    let lead = sentence.len() - sentence.trim_start().len();
    if sentence[lead..].starts_with("or ") && years_after(lead + 3) {
        return Some(lead);
    }
    // ", or a master's degree and 3 years …", ", or an equivalent degree": another
    // credential offered in place of the first.
    let degree_after = |at: usize| {
        sentence[at..]
            .split_whitespace()
            .take(3)
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_ascii_lowercase()
            })
            .any(|w| {
                matches!(
                    w.as_str(),
                    "master's"
                        | "masters"
                        | "phd"
                        | "ph"
                        | "doctorate"
                        | "mba"
                        | "msc"
                        | "bachelor's"
                        | "bachelors"
                        | "bsc"
                        | "degree"
                        | "equivalent"
                )
            })
    };
    // By its comma: most sentences have none, and a substring search is set up anew
    // at every call, for every sentence of every posting.
    memchr::memchr_iter(b',', sentence.as_bytes())
        .filter(|&c| sentence.as_bytes()[c..].starts_with(b", or "))
        .map(|c| c + 2)
        .find(|&at| years_after(at + 3) || degree_after(at + 3))
}

/// True when the words after a years phrase begin a new clause ("fifteen years and
/// has also used Go"): the skills in it are not what the years are about
/// ("ten years and a million lines of Python" goes on about the same thing).
fn opens_clause(gap: &str) -> bool {
    let mut words = gap
        .split(|c: char| c.is_whitespace() || ",()".contains(c))
        .filter(|w| !w.is_empty());
    // "3 years of professional experience, including Go": the years are the career's,
    // of which Go is a part ("3 years of Go" says otherwise).
    if gap
        .split(|c: char| c.is_whitespace() || ",():".contains(c))
        .any(|w| INCLUDING.contains(&w.trim_end_matches('.')))
    {
        return true;
    }
    match words.next() {
        Some("but" | "while" | "whereas" | "which" | "who" | "where") => true,
        // "5 years of experience, or a master's degree and 3": a second way to
        // qualify, not what the five years are of.
        Some("or") => gap.trim_start().starts_with(','),
        _ if gap.contains(", or ") => true,
        Some("and" | "so" | "then") => matches!(
            words.next(),
            Some(
                "has"
                    | "have"
                    | "had"
                    | "also"
                    | "is"
                    | "was"
                    | "am"
                    | "are"
                    | "i"
                    | "we"
                    | "he"
                    | "she"
                    | "they"
                    | "used"
                    | "worked"
                    | "later"
                    | "then"
                    | "now"
                    | "recently"
                    | "since"
            )
        ),
        _ => false,
    }
}

/// Words that make what follows a part of what a years phrase measures, not its object.
const INCLUDING: &[&str] = &[
    "including",
    "incl",
    "especially",
    "particularly",
    "notably",
    "ideally",
    "preferably",
];

/// True when the words just before `at` (same line and sentence) ask for a choice
/// among what follows: "one or more of", "at least one of", "any of", "one of the
/// following languages:", or give examples of a kind ("such as", "e.g."). Only a few
/// words naming the kind of thing may come between ("one of the best teams in Go"
/// chooses nothing). "Two or more of" is read as one: a list counts once.
fn choice_cue_before(ft: &str, at: usize) -> bool {
    const CUES: &[&[&str]] = &[
        &["one", "or", "more", "of"],
        &["at", "least", "one", "of"],
        &["one", "of"],
        &["any", "of"],
        &["any", "one", "of"],
        &["two", "or", "more", "of"],
        &["at", "least", "two", "of"],
        &["some", "of"],
        &["one", "or", "more"],
        // Examples of a kind: any of them shows it ("languages such as Ruby, Perl
        // and Fortran").
        &["such", "as"],
        &["eg"],
        &["for", "example"],
    ];
    const BETWEEN: &[&str] = &[
        "the",
        "following",
        "these",
        "languages",
        "language",
        "technologies",
        "frameworks",
        "tools",
        "databases",
        "skills",
        "areas",
        "programming",
        "modern",
        "popular",
        "major",
        "cloud",
        "providers",
        "platforms",
        "like",
        "stacks",
        "systems",
        "technology",
        "fields",
        "disciplines",
    ];
    let from = crate::text::floor_char_boundary(ft, at.saturating_sub(80));
    let Some(window) = ft.get(from..at) else {
        return false;
    };
    // The clause the list opens: after the last line break or sentence stop (not the
    // stops of "e.g.", rare enough to rewrite only when present).
    let window: std::borrow::Cow<'_, str> = if window.contains("e.g") {
        window.replace("e.g.", "eg").replace("e.g", "eg").into()
    } else {
        window.into()
    };
    let clause = window
        .rfind(['\n', '.', ';', '!', '?'])
        .map_or(&window[..], |p| &window[p + 1..]);
    let words: Vec<&str> = clause
        .split(|c: char| c.is_whitespace() || c == ':' || c == ',' || c == '(')
        .filter(|w| !w.is_empty())
        .collect();
    // Drop the kind-of-thing words next to the list, then look for a cue ending there.
    let mut n = words.len();
    while n > 0 && BETWEEN.contains(&words[n - 1]) {
        n -= 1;
    }
    let rest = &words[..n];
    CUES.iter().any(|cue| rest.ends_with(cue))
}

/// True when the text after a list's last item says it stands for any of its kind:
/// "or a related field", "or similar", "or equivalent", "or another language". ("etc."
/// is no choice: "a mix of Go, Python, Redis, etc." uses them all.)
fn or_similar_after(after: &str) -> bool {
    let mut words = after
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    words.next() == Some("or")
        && words
            .next()
            .is_some_and(|w| OR_ANOTHER.contains(&w.trim_end_matches(['.', ')', ';'])))
}

/// Words after "or" that keep the last item one of a list: "Go or another systems
/// language", "Mathematics or a related field".
const OR_ANOTHER: &[&str] = &[
    "a",
    "an",
    "another",
    "other",
    "related",
    "similar",
    "equivalent",
    "any",
];

/// How two neighbouring items of a list are joined, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Join {
    /// A comma.
    Comma,
    /// A slash: either will do in a sentence asking something of the candidate
    /// ("experience with AWS/GCP"), both are used in one describing a stack ("Tech
    /// stack: Go/TypeScript/React").
    Slash,
    /// "or", "and/or": either will do.
    Or,
    /// "and", "&": both are asked for.
    And,
}

/// How the text between two findings joins them as list items, if it does: the
/// strongest of its joins ("and" over "or" over a comma).
fn list_join(gap: &str) -> Option<Join> {
    let mut join: Option<Join> = None;
    let mut add = |j: Join| join = Some(join.map_or(j, |k| k.max(j)));
    // Whether an "or" came before: only then may a filler word follow.
    let mut conjunction = false;
    for token in gap.split(' ').filter(|t| !t.is_empty()) {
        let word = token.trim_matches([',', '/', '&']);
        match word {
            "" => {}
            // "AWS (or GCP/Azure)": the parenthesis gives the others as options.
            "or" | "and/or" | "(or" => {
                add(Join::Or);
                conjunction = true;
            }
            "and" => add(Join::And),
            // "Statistics, Mathematics or a related quantitative field", "Go or
            // another systems language": the last item is still one of the list
            // (after "and", "an eye for detail" is a new clause).
            w if conjunction && OR_ANOTHER.contains(&w) => {}
            _ => return None,
        }
        for c in token.chars() {
            match c {
                ',' => add(Join::Comma),
                '/' if word != "and/or" => add(Join::Slash),
                '&' => add(Join::And),
                _ => {}
            }
        }
    }
    join
}

/// For each finding, the "or" list it is an item of, if any: a run of findings
/// joined by commas and at least one "or" and no "and" ("C, C++, Java, Go or Python",
/// "a bachelor's or master's degree"), or by slashes in a sentence that `asks`
/// something of the candidate ("experience with AWS/GCP").
fn or_lists(ft: &str, findings: &[Finding], asks: impl Fn(&Finding) -> bool) -> Vec<Option<usize>> {
    let mut out = vec![None; findings.len()];
    let mut next_id = 0;
    let mut i = 0;
    while i < findings.len() {
        let mut end = findings[i].fend;
        let (mut or, mut slash, mut and, mut items) = (false, false, false, 1);
        let mut k = i + 1;
        while k < findings.len() {
            let f = &findings[k];
            // Another reading of the same words.
            if f.fstart < end {
                k += 1;
                continue;
            }
            match ft.get(end..f.fstart).and_then(list_join) {
                Some(Join::Or) => or = true,
                Some(Join::Slash) => slash = true,
                Some(Join::And) => and = true,
                Some(Join::Comma) => {}
                None => break,
            }
            items += 1;
            end = f.fend;
            k += 1;
        }
        // "One or more of Java, Go and Python", "at least one of the following: …":
        // the words before the list make it one of alternatives, "and" or not.
        // Only where the candidate is asked something: "tools such as Django and
        // Postgres" describing a stack lists what is used, all of it.
        let chooses = items > 1 && choice_cue_before(ft, findings[i].fstart) && asks(&findings[i]);
        // "Computer Science, Mathematics, Physics or a related field": the "or" comes
        // after the last item.
        or = or || items > 1 && or_similar_after(ft.get(end..).unwrap_or(""));
        if (chooses || (or || slash && asks(&findings[i])) && !and) && items > 1 {
            for x in &mut out[i..k] {
                *x = Some(next_id);
            }
            next_id += 1;
        }
        i = k;
    }
    out
}

/// A skill the body names as part of a job title ("backend engineers").
struct JobMention {
    rule: RuleId,
    start: usize,
    end: usize,
    /// Where the role noun that makes it a title starts, when one does.
    noun: Option<usize>,
}

/// Where `noun` (from `role_noun_after`) starts in the words right after `end`.
fn noun_after(text: &str, end: usize, noun: &str) -> Option<usize> {
    let to = crate::text::floor_char_boundary(text, (end + 48).min(text.len()));
    text[end..to]
        .to_ascii_lowercase()
        .find(noun)
        .map(|i| end + i)
}

/// The jobs the body lists as openings, each as the skills its title names, when a
/// list offers two or more different ones: "openings for frontend engineers, backend
/// engineers and firmware engineers", or one a line ("- Backend Engineer: <link>",
/// "- Frontend Developer: <link>").
///
/// Skills before one role noun are one job ("Python Backend Engineer"), and so are
/// those a line names without a role noun of their own, with the job beside them
/// ("Full Stack Engineer (Python/React)"). Jobs follow each other in a list when
/// nothing between them names another skill, over at most two other lines (jobs that
/// name no skill, links) and a few hundred bytes: a job named again paragraphs later
/// ("As our Backend Engineer you will…") is the same job, and one in prose between
/// requirements is no list.
fn listed_jobs(text: &str, findings: &[Finding], mentions: &[JobMention]) -> Vec<Vec<RuleId>> {
    struct Job {
        rules: Vec<RuleId>,
        start: usize,
        end: usize,
        line: usize,
        noun: Option<usize>,
    }
    /// At most this far from one job of a list to the next.
    const GAP: usize = 400;
    if mentions.len() < 2 {
        return Vec::new();
    }
    // Line starts, searched from the previous mention on (mentions come in text
    // order): searching back to the start each time was quadratic on a one-line
    // text naming thousands of jobs.
    let (mut line, mut seen) = (0, 0);
    let mut jobs: Vec<Job> = Vec::new();
    for m in mentions {
        let from = if m.start >= seen { seen } else { 0 };
        if from == 0 {
            line = 0;
        }
        if let Some(i) = memchr::memrchr(b'\n', &text.as_bytes()[from..m.start]) {
            line = from + i + 1;
        }
        seen = m.start;
        match jobs.last_mut() {
            Some(j)
                if j.line == line && (j.noun == m.noun || j.noun.is_none() || m.noun.is_none()) =>
            {
                j.rules.push(m.rule);
                j.end = m.end;
                j.noun = j.noun.or(m.noun);
            }
            _ => jobs.push(Job {
                rules: vec![m.rule],
                start: m.start,
                end: m.end,
                line,
                noun: m.noun,
            }),
        }
    }
    // Findings and mentions are sorted by start: each test below is a binary search
    // and a short walk, not a scan of the whole document per pair of jobs.
    let is_mention = |f: &Finding| {
        let k = mentions.partition_point(|m| m.start < f.start);
        mentions[k..]
            .iter()
            .take_while(|m| m.start == f.start)
            .any(|m| m.rule == f.rule)
    };
    let listed = |a: &Job, b: &Job| {
        let between = &text[a.end..b.start];
        if between.len() > GAP {
            return false;
        }
        // The lines wholly between the two jobs' own.
        let others = between.find('\n').map_or(0, |i| {
            text[a.end + i + 1..b.line]
                .lines()
                .filter(|l| !l.trim().is_empty())
                .count()
        });
        let lo = findings.partition_point(|f| f.start < a.end);
        others <= 2
            && !findings[lo..]
                .iter()
                .take_while(|f| f.start < b.start)
                .any(|f| !is_mention(f))
    };
    let mut out: Vec<Vec<RuleId>> = Vec::new();
    let mut from = 0;
    for k in 1..=jobs.len() {
        if k < jobs.len() && listed(&jobs[k - 1], &jobs[k]) {
            continue;
        }
        let mut list: Vec<Vec<RuleId>> = jobs[from..k]
            .iter()
            .map(|j| {
                let mut r = j.rules.clone();
                r.sort_unstable();
                r.dedup();
                r
            })
            .collect();
        list.sort();
        list.dedup();
        if list.len() >= 2 {
            out.extend(list);
        }
        from = k;
    }
    out
}

/// The roles of a multi-role title as the score counts them: without skills the body
/// lists as alternatives (they are settled with their list), and only when two or more
/// roles are left. A job naming no skill (an empty role, see `roles::title_roles`)
/// stays one, first, beside a single job that names skills.
fn offered_roles(mut roles: Vec<Vec<RuleId>>, skills: &[PostingSkill]) -> Vec<Vec<RuleId>> {
    let plain = |r: &RuleId| {
        skills
            .iter()
            .any(|s| s.rule == *r && s.alternatives.is_empty())
    };
    let unnamed = roles.iter().any(Vec::is_empty);
    for role in &mut roles {
        role.retain(plain);
    }
    roles.retain(|r| !r.is_empty());
    roles.sort();
    roles.dedup();
    // Beside two or more jobs naming skills, which already ask for one of them only,
    // it adds nothing (as in a title).
    if unnamed && roles.len() == 1 {
        roles.insert(0, Vec::new());
    }
    if roles.len() < 2 {
        roles.clear();
    }
    roles
}

/// True when a skill is asked for outside its "or" lists too, or named by the title.
fn is_anchor(rule: RuleId, lists: &[Option<usize>], title_rules: &[RuleId]) -> bool {
    title_rules.contains(&rule) || lists.iter().any(Option::is_none)
}

/// Per skill, the skills it is an alternative to: members of one "or" list that can
/// stand in for each other (`interchangeable`); lists sharing a member merge. A group
/// needs a member whose every mention is in such a list and which no title names:
/// lists of skills each asked for on its own too are no alternatives.
fn alternative_groups(
    rules: &RuleSet,
    lists_of: &BTreeMap<RuleId, Vec<Option<usize>>>,
    title_rules: &[RuleId],
) -> BTreeMap<RuleId, Vec<RuleId>> {
    let mut members: BTreeMap<usize, Vec<RuleId>> = BTreeMap::new();
    for (&rule, lists) in lists_of {
        for l in lists.iter().flatten() {
            members.entry(*l).or_default().push(rule);
        }
    }
    // Union-find over rules, by their index in `ids`.
    let ids: Vec<RuleId> = lists_of.keys().copied().collect();
    let mut parent: Vec<usize> = (0..ids.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let index = |r: &RuleId| ids.binary_search(r).unwrap_or(0);
    for group in members.values().filter(|g| g.len() > 1) {
        for (k, &a) in group.iter().enumerate() {
            for &b in &group[k + 1..] {
                if interchangeable(rules, a, b) {
                    let (ra, rb) = (root(&mut parent, index(&a)), root(&mut parent, index(&b)));
                    parent[rb] = ra;
                }
            }
        }
    }
    let mut sets: BTreeMap<usize, Vec<RuleId>> = BTreeMap::new();
    for (i, &r) in ids.iter().enumerate() {
        sets.entry(root(&mut parent, i)).or_default().push(r);
    }
    let pure = |r: &RuleId| !is_anchor(*r, &lists_of[r], title_rules);
    let mut out = BTreeMap::new();
    for set in sets.values().filter(|s| s.len() > 1 && s.iter().any(pure)) {
        for &r in set {
            out.insert(r, set.iter().copied().filter(|&o| o != r).collect());
        }
    }
    out
}

/// True when two skills of one "or" list can stand in for each other: of one category
/// ("Python or Go"), related ("OpenStack Swift, Ceph or similar"), one implying the
/// other ("Kafka or another message queue"), or both implying the same narrower
/// skill (two object stores). A language and a cloud in one list are no alternatives.
fn interchangeable(rules: &RuleSet, a: RuleId, b: RuleId) -> bool {
    let (ia, ib) = (rules.implied_by(a), rules.implied_by(b));
    rules.rule(a).category == rules.rule(b).category
        || rules.related_to(a).contains(&b)
        || rules.related_to(b).contains(&a)
        || ia.contains(&b)
        || ib.contains(&a)
        || ia.iter().any(|x| ib.contains(x))
}

/// True when `gap` only separates items of a list: commas, slashes, "and", "or", or
/// nothing but spaces.
fn list_separator(gap: &str) -> bool {
    gap.trim().is_empty() || list_join(gap).is_some()
}

/// True when the words between a years phrase and a skill can link them: linking words
/// ("of experience with"), and at most three others ("building web applications
/// with", "and a million lines of"), eight words in all.
fn only_links_between(gap: &str) -> bool {
    let words: Vec<&str> = gap
        .split(|c: char| c.is_whitespace() || ",()/:".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let others = words
        .iter()
        .filter(|w| {
            !YEARS_LINKS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        })
        .count();
    // "5+ years of experience, including 2 with Kubernetes": another count is another
    // measure, not a link.
    let counts = words
        .iter()
        .any(|w| number_word(&w.trim_end_matches('+').to_ascii_lowercase()).is_some());
    words.len() <= 8 && others <= 3 && !counts
}

/// True when a line looks like a heading: a Markdown heading, a bold line, a short line
/// ending in a colon, or a short all-caps line.
fn heading_text(line: &str) -> Option<String> {
    let t = line.trim();
    if t.is_empty() || t.len() > 120 {
        return None;
    }
    // Words are counted only as far as a test needs: most lines are prose.
    let at_most_words = |n: usize| t.split_whitespace().nth(n).is_none();
    let md = t.starts_with('#');
    let bold = (t.starts_with("**") && t.ends_with("**") && t.len() > 4)
        || (t.starts_with("__") && t.ends_with("__") && t.len() > 4);
    let colon = || t.ends_with(':') && at_most_words(8);
    let caps = || {
        // The first lower-case letter settles it.
        let mut letters = 0usize;
        for c in t.chars().filter(|c| c.is_alphabetic()) {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
        letters >= 4 && at_most_words(8)
    };
    // Cheapest tests first: every short line of every posting comes through here, and
    // classifying a cue folds the line and runs an automaton over it.
    // A bulleted or numbered line is an item ("2. Experience with Flink"), not a
    // heading, unless it says so with a colon, bold or a Markdown mark.
    let cue_alone = || {
        // "Go. Bonus points for Elixir!" is prose, not a heading.
        !t.ends_with(['.', ',', ';', '!'])
            && !holds(t, ". ")
            && at_most_words(5)
            && !t.starts_with(['-', '*', '•'])
            && !numbered(t)
            && classify_heading(t).is_some()
    };
    (md || bold || colon() || caps() || cue_alone()).then(|| clean_heading(t))
}

/// Splits text into sections at heading lines and `Heading: content` lines.
#[must_use]
pub fn split_sections(text: &str) -> Vec<Section> {
    let mut sections = vec![Section {
        kind: SectionKind::General,
        start: 0,
        end: text.len(),
        heading: None,
    }];
    let mut offset = 0;
    let raws: Vec<&str> = crate::text::lines_inclusive(text).collect();
    for (i, raw) in raws.iter().enumerate() {
        let line = raw.trim_end_matches(['\n', '\r']);
        let found = heading_text(line)
            .map(|h| {
                let kind = classify_heading(&h);
                (h, kind)
            })
            .or_else(|| lead_in(line, &raws[i + 1..]))
            .or_else(|| {
                // "Requirements: 5+ years of Go" opens a section on its own line.
                let (head, rest) = line.split_once(':')?;
                let head = head.trim().trim_start_matches(['-', '*', '•', '#']).trim();
                // "Experience with X: ..." is a sentence, not a label.
                // "More about how we work: https://…" points at a page; it opens no
                // section over the lines after it.
                let link = rest.trim().starts_with("http") && !rest.trim().contains(' ');
                if head.len() > 40
                    || head.split_whitespace().nth(5).is_some()
                    || rest.trim().is_empty()
                    || link
                {
                    return None;
                }
                let kind = classify_heading(head)?;
                Some((clean_heading(head), Some(kind)))
            });
        if let Some((heading, kind)) = found {
            let last = sections.last_mut().expect("sections is never empty");
            // A heading with no known cue keeps the section's kind when it looks like a
            // sub-heading of it ("Backend:" under "Requirements"), else starts general.
            let kind = kind.unwrap_or(if line.trim_start().starts_with('#') {
                SectionKind::General
            } else {
                last.kind
            });
            if last.start == offset {
                last.kind = kind;
                last.heading = Some(heading);
            } else {
                last.end = offset;
                sections.push(Section {
                    kind,
                    start: offset,
                    end: text.len(),
                    heading: Some(heading),
                });
            }
        }
        offset += raw.len();
    }
    sections
}

/// Phrases after which the rest of a clause names what the job does not want or use.
/// (Curly apostrophes are made straight before these are looked for.)
const NEGATION_CUES: &[&str] = &[
    "not looking for",
    "do not use",
    "don't use",
    "never use",
    "do not need",
    "don't need",
    "no need for",
    "no need to",
    "not need",
    "no longer use",
    "no longer using",
    "no longer work with",
    "moved off",
    "moved away from",
];

/// Words after "no" that make it no negation of what follows.
const NOT_NEGATING: &[&str] = &[
    "less", "fewer", "more", "later", "matter", "longer", "doubt",
];

/// Words that close a "no … needed" phrase.
const NEGATION_ENDS: &[&str] = &["needed", "required", "necessary", "expected"];

/// The parts of a sentence that say what the job does not want or use: after a cue
/// ("we do not use Kubernetes", "not looking for Rust experience"), a "no … needed"
/// phrase ("No Java or PHP experience needed"), a clause that its end denies ("Hadoop
/// experience is not required"), and what a later clause waves away ("We still run
/// some COBOL, but you will not touch it"). Each reaches to the end of its clause.
fn negated_parts(sentence: &str) -> Vec<std::ops::Range<usize>> {
    // Curly apostrophes are three bytes, straight ones one: offsets into `lower` are
    // offsets into `sentence` only when there are none.
    if sentence.contains('\u{2019}') {
        return negated_parts(&sentence.replace('\u{2019}', "'"))
            .into_iter()
            .map(|r| widen(sentence, r))
            .collect();
    }
    let lower = sentence.to_ascii_lowercase();
    let word_at =
        |i: usize, len: usize| crate::extract::on_boundaries(lower.as_bytes(), i, i + len);
    // The clause ends where another begins: "…, but Go is a must", "a CS degree,
    // just strong Python", "a specific background - if you know Go, apply".
    let clause_end = |from: usize| {
        [
            " but ", ", while ", " just ", " only ", " if ", " instead", " - ", " – ", " — ", ": ",
        ]
        .iter()
        .filter_map(|stop| lower[from..].find(stop))
        .min()
        .map_or(lower.len(), |p| from + p)
    };
    // …and begins after the last such break before `to`, or after a comma.
    let clause_start = |to: usize| {
        [", ", " but ", " - ", " – ", " — ", ": ", " and "]
            .iter()
            .filter_map(|stop| lower[..to].rfind(stop).map(|p| p + stop.len()))
            .max()
            .unwrap_or(0)
    };
    let mut out = Vec::new();
    // Cues and denials in one pass: a sentence can be a whole posting on one line. Most
    // sentences hold none, which the automaton's prefiltered `is_match` tells at a
    // fraction of the cost of an overlapping search (that finds nothing either way).
    if NEGATION_AC.is_match(lower.as_bytes()) {
        for m in NEGATION_AC.find_overlapping_iter(lower.as_bytes()) {
            let (i, j) = (m.start(), m.end());
            if !word_at(i, j - i) {
                continue;
            }
            if m.pattern().as_usize() < NEGATION_CUES.len() {
                out.push(i..clause_end(i));
            } else {
                // "Hadoop experience is not required", "Knowledge of Go isn't necessary".
                out.push(clause_start(i)..j);
            }
        }
    }
    // One searcher for every sentence: `str::find` builds one per call. "no " cannot
    // overlap itself, so its occurrences are those the search from past each finds.
    static NO: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("no "));
    for i in NO.find_iter(lower.as_bytes()) {
        if !word_at(i, 2) {
            continue;
        }
        let mut at = i + 3;
        for (k, w) in lower[i + 3..].split(' ').take(8).enumerate() {
            // "No less than 5 years of Java required" asks; "no matter what, …".
            if k == 0 && NOT_NEGATING.contains(&w) {
                break;
            }
            let word = w.trim_end_matches(['.', ',', ';', ':', '!', ')']);
            if NEGATION_ENDS.contains(&word) {
                out.push(i..at + word.len());
                break;
            }
            // "No recruiters please – senior Go experience required": a stop or a
            // dash ends the phrase.
            if word.len() < w.len() || !w.chars().any(char::is_alphanumeric) {
                break;
            }
            at += w.len() + 1;
        }
    }
    // "…some COBOL, but you will not touch it": the clause before is waved away.
    if let Some(i) = back_reference(&lower) {
        out.push(0..i);
    }
    out
}

/// `r` of a sentence whose curly apostrophes were made straight, as a range of the
/// sentence itself.
fn widen(sentence: &str, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    // Each curly apostrophe before an offset moves it two bytes on.
    let map = |pos: usize| {
        let mut straight = 0;
        for (i, c) in sentence.char_indices() {
            if straight >= pos {
                return i;
            }
            straight += if c == '\u{2019}' { 1 } else { c.len_utf8() };
        }
        sentence.len()
    };
    map(r.start)..map(r.end)
}

/// Phrases by which a posting offers to teach what follows them: a skill named after
/// one is welcome, not required.
const TEACHING: &[&str] = &[
    // The employer speaking: "willing to teach Rust to others" asks the candidate to
    // teach, and "happy to learn on the job" says nothing of which skill.
    "train you",
    "teach you",
    "we will train",
    "we'll train",
    "we\u{2019}ll train",
    "we can train",
    "we will teach",
    "we'll teach",
    "we\u{2019}ll teach",
    "we can teach",
    "happy to train people",
    "happy to train the right",
    "willing to train the right",
];

/// Phrases by which a posting promises the hire will learn what follows ("You'll learn
/// Terraform", "you will pick up Kubernetes"): the job will teach it, so it is no more
/// than welcome, like `TEACHING`. Each reaches only to the end of its clause: in
/// "you'll learn a lot, writing Go every day" Go is the job's.
const LEARNING: &[&str] = &[
    "you'll learn",
    "you\u{2019}ll learn",
    "you will learn",
    "you'll get to learn",
    "you\u{2019}ll get to learn",
    "you will get to learn",
    "you can learn",
    "you'll pick up",
    "you\u{2019}ll pick up",
    "you will pick up",
    "you can pick up",
];

/// `TEACHING` then `LEARNING`, as one automaton.
static TRAINING_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(TEACHING.iter().chain(LEARNING))
        .expect("training cues build")
});

/// Where `sentence` offers to teach (see `TEACHING`, `LEARNING`): from the cue to the
/// sentence's end, or to its clause's end after a `LEARNING` cue. Every cue says
/// "train", "teach", "learn" or "pick up": a sentence with none, nearly all of them,
/// skips the case-blind automaton (which has no fast prefilter and ran for every
/// sentence that names a skill, 3% of a ranking).
fn offers_training(sentence: &str) -> Option<std::ops::Range<usize>> {
    static STEMS: LazyLock<[memchr::memmem::Finder<'static>; 8]> = LazyLock::new(|| {
        [
            "rain", "each", "earn", "ick up", "RAIN", "EACH", "EARN", "ICK UP",
        ]
        .map(memchr::memmem::Finder::new)
    });
    let b = sentence.as_bytes();
    if !STEMS.iter().any(|f| f.find(b).is_some()) {
        return None;
    }
    // Whole words only: "train your models" offers no training. "You can learn more
    // about AWS AppSync here" points at a page.
    let m = TRAINING_CUES.find_iter(sentence).find(|m| {
        b.get(m.end()).is_none_or(|c| !c.is_ascii_alphanumeric())
            && !sentence[m.end()..]
                .split_whitespace()
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("more"))
    })?;
    if m.pattern().as_usize() < TEACHING.len() {
        return Some(m.start()..sentence.len());
    }
    // What is learnt ends where another clause starts.
    let rest = sentence[m.end()..].to_ascii_lowercase();
    let end = [
        ",",
        ";",
        " while ",
        " by ",
        " from ",
        " alongside ",
        " as ",
        " when ",
        " but ",
        " so ",
        " if ",
        " - ",
        " – ",
        " — ",
    ]
    .iter()
    .filter_map(|stop| rest.find(stop))
    .min()
    .map_or(sentence.len(), |p| m.end() + p);
    Some(m.start()..end)
}

/// `NEGATION_CUES` then `DENIALS`, as one automaton.
static NEGATION_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(NEGATION_CUES.iter().chain(DENIALS)).expect("negation cues build an automaton")
});

/// Endings that deny what their clause names.
const DENIALS: &[&str] = &[
    "is not required",
    "are not required",
    "isn't required",
    "aren't required",
    "is not needed",
    "are not needed",
    "isn't needed",
    "aren't needed",
    "is not necessary",
    "are not necessary",
    "isn't necessary",
    "aren't necessary",
    "is not a requirement",
    "is not mandatory",
    "not required for this role",
];

/// Where a clause starts that waves away what came before it ("you won't need any of
/// that", "you will not touch it"), if the sentence has one: the offset of that clause.
fn back_reference(lower: &str) -> Option<usize> {
    const VERBS: &[&str] = &[
        "won't need",
        "will not need",
        "don't need",
        "do not need",
        "won't touch",
        "will not touch",
        "won't use",
        "will not use",
        "won't be using",
        "will not be using",
        "won't work with",
        "will not work with",
        "won't work on",
        "will not work on",
    ];
    const OBJECTS: &[&str] = &[
        " any of that",
        " any of this",
        " any of those",
        " any of them",
        " it",
        " them",
        " those",
        " that",
    ];
    // Every verb holds "n't" or "not ": most sentences have neither.
    // Searchers made once: `str::find` sets one up per call, and every sentence with a
    // skill is asked. (A scan for the first byte, as `find_short` does, meets every
    // "n" and space of the sentence.)
    static CUES: LazyLock<[memchr::memmem::Finder<'static>; 2]> = LazyLock::new(|| {
        [
            memchr::memmem::Finder::new("n't"),
            memchr::memmem::Finder::new("not "),
        ]
    });
    static VERB_FINDERS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
        VERBS
            .iter()
            .map(|v| memchr::memmem::Finder::new(v.as_bytes()))
            .collect()
    });
    let hay = lower.as_bytes();
    if CUES.iter().all(|f| f.find(hay).is_none()) {
        return None;
    }
    VERBS.iter().zip(VERB_FINDERS.iter()).find_map(|(v, f)| {
        let i = f.find(hay)?;
        let rest = &lower[i + v.len()..];
        OBJECTS
            .iter()
            .any(|o| {
                rest.starts_with(o) && !rest[o.len()..].starts_with(|c: char| c.is_alphanumeric())
            })
            .then_some(i)
    })
}

/// True when `sentence` is only a back-reference that waves away the sentence before
/// it ("You won't need any of that.").
fn waves_away_previous(sentence: &str) -> bool {
    let lower = sentence
        .trim()
        .to_ascii_lowercase()
        .replace('\u{2019}', "'");
    back_reference(&lower).is_some_and(|i| lower[..i].split_whitespace().count() <= 3)
}

/// A numbered list item ("1. …", "2) …").
fn numbered(line: &str) -> bool {
    // Read from the start only: searching a long line for its first stop cost more
    // than the rest of the title guess.
    let b = line.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=2).contains(&digits) && matches!(b.get(digits), Some(b'.' | b')'))
}

/// A longer cue line that introduces a list ("It would be great if you have", "What
/// will make you stand out"): a heading when the next non-empty line is a bullet. Up
/// to five words a cue line is a heading anyway (`heading_text`); past five, only a
/// list after it says it is no sentence of prose.
fn lead_in(line: &str, rest: &[&str]) -> Option<(String, Option<SectionKind>)> {
    let t = line.trim();
    if t.is_empty()
        || t.len() > 80
        // "As a good fit for this role, you…" runs on into its items, which say more
        // than the cue word ("role") does.
        || t.ends_with(['.', ',', ';', '!', '?', '…'])
        || t.starts_with(['-', '*', '•', '·', '■', '–', '—'])
        || numbered(t)
        // A header of parts ("Acme | Singapore | ONSITE preferred") introduces nothing.
        || t.contains('|')
        || t.split_whitespace().nth(8).is_some()
    {
        return None;
    }
    let next = rest.iter().map(|l| l.trim()).find(|l| !l.is_empty())?;
    // A list item: a marker and a space ("* About us *" is emphasis, not an item).
    let marked = next
        .strip_prefix(['-', '*', '•', '·', '■', '–'])
        .is_some_and(|r| r.starts_with(char::is_whitespace) && !next.ends_with('*'));
    let bullet = marked || numbered(next);
    if !bullet {
        return None;
    }
    let kind = classify_heading(t)?;
    Some((clean_heading(t), Some(kind)))
}

/// Byte ranges of sentences that carry a "preferred" cue.
fn preferred_sentences(text: &str, folded: &Folded) -> Vec<(usize, usize)> {
    let ft = folded.as_str();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let fb = ft.as_bytes();
    let anchors = &*PREFERRED_ANCHORS;
    for (k, at) in anchors.find(fb) {
        for &(cue, offset) in &anchors.cues[k] {
            let Some(start) = at.checked_sub(offset) else {
                continue;
            };
            let end = start + cue.len();
            if fb.get(start..end) != Some(cue.as_bytes())
                || !crate::extract::on_boundaries(fb, start, end)
            {
                continue;
            }
            let (s, _) = folded.original_span(start, end);
            // "Python (Django a plus)", "a degree (MSc or PhD preferred)": a cue inside
            // parentheses makes only them nice-to-have; a bare "preferred" counts
            // only there.
            // "Vue (nice to have)": parentheses holding only the cue speak of what
            // comes before them, the whole sentence.
            let paren = paren_around(text, s);
            let only_cue = paren.is_some_and(|(a, b)| {
                let (cs, ce) = folded.original_span(start, end);
                let before = text.get(a + 1..cs.max(a + 1)).unwrap_or("");
                let after = text.get(ce.min(b - 1)..b - 1).unwrap_or("");
                // "(definitely a plus)", "(nice to have, not required)".
                const FILLER: &[&str] = &[
                    "also",
                    "definitely",
                    "very",
                    "big",
                    "huge",
                    "not",
                    "required",
                    "strongly",
                    "but",
                    "is",
                    "are",
                    "would",
                    "be",
                    "highly",
                    "really",
                    "nice",
                    "to",
                    "have",
                    "a",
                    "an",
                    "plus",
                    "bonus",
                    "preferred",
                    "optional",
                    "great",
                ];
                before
                    .split(|c: char| !c.is_alphanumeric())
                    .chain(after.split(|c: char| !c.is_alphanumeric()))
                    .filter(|w| !w.is_empty())
                    .all(|w| FILLER.contains(&w.to_ascii_lowercase().as_str()))
            });
            match paren {
                // Within the parentheses, the cue speaks of its own item of a list
                // ("(Python, Django, Scala and experience with Spark preferred)").
                Some((a, b)) if !only_cue => {
                    // "(AWS, GCP or Azure preferred)": alternatives are all of it.
                    let head = &text[a..s];
                    let item = if head.contains(" or ") || head.contains('/') {
                        a
                    } else {
                        head.rfind([',', ';']).map_or(a, |i| a + i)
                    };
                    out.push((item, b));
                }
                None if matches!(cue, "preferred" | "optional" | "bonus") => {}
                _ => {
                    let (a, b) = sentence_around(text, s);
                    // "Python | remote + onsite (preferred) | NLP": in a header line
                    // the parentheses speak of their own part only.
                    let (a, b) = match paren {
                        Some((pa, pb)) if a <= pa && pb <= b => (
                            text[a..pa].rfind('|').map_or(a, |i| a + i + 1),
                            text[pb..b].find('|').map_or(b, |i| pb + i),
                        ),
                        _ => (a, b),
                    };
                    // "Experience with those languages is a bonus": the cue speaks of
                    // what the sentence points back at, the paragraph before it.
                    if points_back(&text[a..s]) {
                        out.extend(paragraph_before(text, a));
                    }
                    // A cue that opens its clause and looks ahead ("Python, bonus if
                    // you know Elixir", "…, and it's a bonus if you know Elixir")
                    // speaks of that clause only.
                    let (_, ce) = folded.original_span(start, end);
                    match clause_led_by_cue(cue, &text[a..s], &text[ce..b])
                        .or_else(|| clause_after_requirement(&text[a..s]))
                    {
                        Some(from) => out.push((a + from, b)),
                        None if matches!(cue, "bonus for" | "bonus:") => {}
                        None => out.push((a, b)),
                    }
                }
            }
        }
    }
    // Two cues of one sentence give it twice.
    out.sort_unstable();
    out.dedup();
    out
}

/// True when a sentence, up to its preferred cue, opens by pointing back at skills
/// named before it: "Experience with those languages (is a bonus)", "Direct experience
/// with these technologies (is not required)", "Any of the above (would be nice)".
/// "Experience in this industry" points at no skill: only plural pointers, "it" and
/// "the above" count.
fn points_back(head: &str) -> bool {
    const QUALIFIERS: &[&str] = &[
        "direct",
        "prior",
        "previous",
        "professional",
        "practical",
        "working",
        "hands-on",
        "some",
        "any",
    ];
    const NOUNS: &[&str] = &[
        "experience",
        "knowledge",
        "familiarity",
        "expertise",
        "exposure",
        "background",
        "proficiency",
    ];
    const LINKS: &[&str] = &["with", "in", "of", "using"];
    const QUANTITIES: &[&str] = &["any", "all", "some", "one", "either", "each"];
    const POINTERS: &[&str] = &["these", "those", "them", "it", "above"];
    let mut words = head
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .take(8)
        .peekable();
    let is = |w: Option<&String>, set: &[&str]| w.is_some_and(|w| set.contains(&w.as_str()));
    let mut named_knowledge = false;
    while is(words.peek(), QUALIFIERS) {
        words.next();
    }
    if is(words.peek(), NOUNS) {
        words.next();
        if !is(words.next().as_ref(), LINKS) {
            return false;
        }
        named_knowledge = true;
    }
    // "any of these", "all of the above".
    let mut counted = false;
    if is(words.peek(), QUANTITIES) {
        words.next();
        if words.next().as_deref() != Some("of") {
            return false;
        }
        counted = true;
    }
    if words.peek().is_some_and(|w| w == "the") {
        words.next();
        // Only "the above": "the stack" could be anything.
        return words.next().as_deref() == Some("above") && (named_knowledge || counted);
    }
    is(words.next().as_ref(), POINTERS) && (named_knowledge || counted)
}

/// The paragraph before byte `at` (the one holding the last words before it, which may
/// be `at`'s own): from its start, at most a few hundred bytes back and then from a
/// sentence's start, to `at`. A blank line parts paragraphs.
fn paragraph_before(text: &str, at: usize) -> Option<(usize, usize)> {
    /// As far back as a pointer reaches: a stack paragraph, a short list.
    const REACH: usize = 800;
    let head = text[..at].trim_end();
    if head.is_empty() {
        return None;
    }
    // Line by line back from the last one with words, to a blank one, searching no
    // further back than the reach needs (a whole one-line text per pointer was
    // quadratic): a line that starts before it gives the same answer as the start.
    let lo = crate::text::floor_char_boundary(text, at.saturating_sub(REACH + 1));
    let mut end = head.len();
    let start = loop {
        let from = lo.min(end);
        let line = match head[from..end].rfind('\n') {
            Some(i) => from + i + 1,
            None if from > 0 => break 0,
            None => 0,
        };
        if head[line..end].trim().is_empty() {
            break end + 1;
        }
        if line == 0 {
            break 0;
        }
        end = line - 1;
    };
    let mut start = start.min(at);
    if at - start > REACH {
        let from = crate::text::floor_char_boundary(text, at - REACH);
        start = sentence_around(text, from).1.min(at);
    }
    Some((start, at))
}

/// Where the clause a closing cue ends begins, when an earlier clause of its sentence
/// states its own demand: "Go required, Kotlin a bonus", "Must know Python; Django is
/// a plus" prefer only what follows the break. Without such a word ("Go, Rust or
/// Kotlin is a plus") the cue speaks of the whole sentence.
fn clause_after_requirement(before: &str) -> Option<usize> {
    const DEMANDS: &[&str] = &[
        "required",
        "must",
        "essential",
        "mandatory",
        "needed",
        "need",
        "requirement",
    ];
    let brk = before.rfind([',', ';'])?;
    before[..brk]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| DEMANDS.iter().any(|d| d.eq_ignore_ascii_case(w)))
        .then_some(brk + 1)
}

/// Where the clause starts that a preferred `cue` opens, as an offset into `before`
/// (the sentence up to the cue), when the cue looks ahead: it comes first in its
/// clause (after a comma, colon or dash, or at the sentence's start, with at most
/// "and", "also", "it's a"/"it is a"/"it would be a" before it) and names what follows
/// ("bonus:", "bonus points", "bonus if", or a cue that `after` goes on with "if",
/// "for" or "when"). "Kubernetes, Terraform and Helm are a plus if …" names its items before
/// the cue: no clause is led by it.
fn clause_led_by_cue(cue: &str, before: &str, after: &str) -> Option<usize> {
    const LEAD: &[&str] = &[
        "and",
        "also",
        "it's",
        "it\u{2019}s",
        "it",
        "is",
        "would",
        "be",
        "a",
    ];
    let looks_ahead = [":", " if", " for", " points"]
        .iter()
        .any(|e| cue.ends_with(e))
        || after.split_whitespace().next().is_some_and(|w| {
            ["if", "for", "when"]
                .iter()
                .any(|x| x.eq_ignore_ascii_case(w))
        });
    if !looks_ahead {
        return None;
    }
    let mut head = before.trim_end();
    loop {
        let (rest, last) = head.rsplit_once(char::is_whitespace).unwrap_or(("", head));
        if last.is_empty() || !LEAD.iter().any(|l| l.eq_ignore_ascii_case(last)) {
            break;
        }
        head = rest.trim_end();
    }
    (head.is_empty() || head.ends_with([',', ':', '-', '\u{2013}', '\u{2014}']))
        .then_some(head.len())
}

/// The parenthesised span around byte `pos` on its line, brackets included, if `pos`
/// is inside one that opens and closes within `PAREN_REACH` bytes of it.
fn paren_around(text: &str, pos: usize) -> Option<(usize, usize)> {
    // Bounded: this runs at every cue, and searching a whole line each time was
    // quadratic on a long one-line text.
    const PAREN_REACH: usize = 400;
    let b = text.as_bytes();
    let lo = pos.saturating_sub(PAREN_REACH);
    let hi = (pos + PAREN_REACH).min(b.len());
    let line_start = memchr::memrchr(b'\n', &b[lo..pos]).map_or(lo, |i| lo + i + 1);
    let line_end = memchr::memchr(b'\n', &b[pos..hi]).map_or(hi, |i| pos + i);
    let open = memchr::memrchr2(b'(', b')', &b[line_start..pos]).map(|i| line_start + i)?;
    if b[open] != b'(' {
        return None;
    }
    let close = memchr::memchr2(b')', b'(', &b[pos..line_end])? + pos;
    (b[close] == b')').then_some((open, close + 1))
}

/// The union of half-open spans as disjoint spans sorted by start.
fn disjoint_spans(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// The sentence containing byte `pos`: bounded by a line break, or by `.`, `!`, `?`, `;`
/// followed by whitespace (so `Node.js` does not end a sentence), and by
/// `SENTENCE_REACH` bytes either side of `pos` (on a character boundary).
fn sentence_around(text: &str, pos: usize) -> (usize, usize) {
    // Text without stops is no sentence past this: the bound keeps a long one-line
    // text with many cues linear (it was quadratic: each cue walked the whole line).
    const SENTENCE_REACH: usize = 1000;
    let b = text.as_bytes();
    let is_end = |i: usize| {
        b[i] == b'\n'
            || (matches!(b[i], b'.' | b'!' | b'?' | b';')
                && b.get(i + 1).is_none_or(u8::is_ascii_whitespace))
    };
    let pos = pos.min(b.len());
    let lo = crate::text::ceil_char_boundary(text, pos.saturating_sub(SENTENCE_REACH));
    let hi = crate::text::floor_char_boundary(text, (pos + SENTENCE_REACH).min(b.len()));
    let mut a = pos;
    while a > lo && !is_end(a - 1) {
        a -= 1;
    }
    let mut e = pos;
    while e < hi && !is_end(e) {
        e += 1;
    }
    (a, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids of the skills a posting lists as alternatives to `id`, sorted.
    fn alternatives_of(rules: &RuleSet, a: &AnalyzedPosting, id: &str) -> Vec<String> {
        let rule = rules.find(id).expect(id);
        let skill = a.skills.iter().find(|s| s.rule == rule).expect(id);
        let mut v: Vec<String> = skill
            .alternatives
            .iter()
            .map(|&r| rules.rule(r).id.to_string())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn skills_listed_as_alternatives_know_each_other() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let text = "Engineer\n\nRequirements\n- One or more of C++, Java or Go\n- Python and Docker\n- AWS/GCP\n- Kotlin experience\n- A bachelor's or master's degree\n- Kotlin, Terraform or Redis\n- OpenStack Swift, Ceph or similar object stores\n- Kafka or another message queue\n";
        let a = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
        let alts = |id: &str| alternatives_of(&rules, &a, id);
        assert_eq!(alts("c++"), ["go", "java"]);
        assert_eq!(alts("aws"), ["gcp"]);
        assert_eq!(alts("bachelors-degree"), ["masters-degree"]);
        // "and" joins requirements; Kotlin is also asked for on its own; Terraform
        // and Redis are of different kinds.
        assert!(alts("python").is_empty() && alts("docker").is_empty());
        assert!(alts("kotlin").is_empty() && alts("terraform").is_empty());
        assert!(alts("redis").is_empty());
        // Of different categories, but one kind of thing: related object stores, and a
        // broker beside the kind it is.
        assert_eq!(alts("ceph"), ["object-storage", "openstack-swift"]);
        assert_eq!(alts("kafka"), ["message-queues"]);
        // Words before a list can make it a choice, "and" or not; so can "or a related
        // field" after it. Without such words, or describing a stack, it is no choice.
        let cued = "Engineer\n\nRequirements\n- At least one of the following languages: Ruby, Elixir and Scala\n- A language such as Rust, Haskell or OCaml\n- Familiarity with languages such as Perl, Fortran and COBOL\n- A degree in Physics, Mathematics, Chemistry or a related field\n- Join one of the best teams in Java and Kotlin\n\nAbout us\nOur stack uses tools such as Django and Flask.\n";
        let a = AnalyzedPosting::analyze(Posting::from_text("x", cued.to_owned()), &rules);
        let alts = |id: &str| alternatives_of(&rules, &a, id);
        assert_eq!(alts("ruby"), ["elixir", "scala"]);
        assert_eq!(alts("perl"), ["cobol", "fortran"]);
        assert_eq!(alts("rust"), ["haskell", "ocaml"]);
        assert_eq!(alts("physics"), ["chemistry", "mathematics"]);
        assert!(alts("java").is_empty() && alts("kotlin").is_empty());
        assert!(alts("django").is_empty() && alts("flask").is_empty());
        // A stack described with slashes uses all of it.
        let stack = "Engineer\n\nTech stack:\n\n* Go/JavaScript/TypeScript/React\n";
        let s = AnalyzedPosting::analyze(Posting::from_text("x", stack.to_owned()), &rules);
        assert!(s.skills.len() >= 4 && s.skills.iter().all(|s| s.alternatives.is_empty()));
        let asked = "Engineer\n\nAbout you: experience with Go/Java/Rust.\n";
        let s = AnalyzedPosting::analyze(Posting::from_text("x", asked.to_owned()), &rules);
        assert!(s.skills.len() == 3 && s.skills.iter().all(|s| s.alternatives.len() == 2));
        // Options in parentheses are alternatives too.
        for item in [
            "AWS (or GCP/Azure)",
            "AWS (or GCP, Azure)",
            "AWS, GCP or Azure",
        ] {
            let text = format!("Engineer\n\nRequirements\n- Experience with {item}\n");
            let s = AnalyzedPosting::analyze(Posting::from_text("x", text), &rules);
            assert_eq!(
                alternatives_of(&rules, &s, "aws"),
                ["azure", "gcp"],
                "{item}"
            );
            assert_eq!(
                alternatives_of(&rules, &s, "gcp"),
                ["aws", "azure"],
                "{item}"
            );
        }
        // A member also asked for on its own is an anchor of its list.
        let text = "Engineer\n\nRequirements\n- Airflow or Dagster\n\nResponsibilities\n- Orchestrate jobs with Airflow\n";
        let s = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
        let skill = |id: &str| {
            let rule = rules.find(id).expect(id);
            s.skills.iter().find(|s| s.rule == rule).expect(id)
        };
        assert!(skill("airflow").anchor && !skill("dagster").anchor);
        assert_eq!(
            skill("dagster").alternatives,
            [rules.find("airflow").expect("rule")]
        );
        // "master" right after "or" is no job title.
        let bachelor = rules.find("bachelors-degree").expect("rule");
        assert!(a.title_mentions_of(bachelor).next().is_none());
    }

    #[test]
    fn classifies_sentences_by_their_words() {
        use SentenceRole::{Company, Requirement, Title};
        for (sentence, role) in [
            ("5+ years of Python", Requirement),
            ("Kubernetes, Terraform and Go", Requirement),
            ("Senior Python Developer - Berlin", Title),
            (
                "Golang Software Engineer (f/m): For hardcore gophers",
                Title,
            ),
            // People the job works with are not its title.
            (
                "Mentor other engineers and lead design reviews",
                Requirement,
            ),
            ("Work closely with product designers", Requirement),
            ("Mentor junior engineers", Requirement),
            ("Coach new engineers", Requirement),
            ("Join a team of engineers who use Rust", Requirement),
            ("Junior Go Developer", Title),
            (
                "Senior Python Developer, you will own our platform",
                Requirement,
            ),
            ("We help banks move money with Kafka.", Company),
            ("Built by THE TEAM behind Kafka.", Company),
            // A product's experience is not the candidate's.
            ("We improve developer experience with Go tooling.", Company),
            ("We want experience with Go tooling.", Requirement),
            // Non-ASCII punctuation separates words; accented words are words.
            ("•Experience with Go", Requirement),
            ("Équipe café: Python développeur backend.", Requirement),
        ] {
            assert_eq!(sentence_role(sentence), role, "{sentence}");
        }
    }

    #[test]
    fn a_word_of_a_skills_own_name_asks_nothing_of_the_candidate() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let need = |text: &str, id: &str| {
            let a = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
            let rule = rules.find(id).expect(id);
            a.skills.iter().find(|s| s.rule == rule).map(|s| s.need)
        };
        use SectionKind::{Company, General};
        // "Deep knowledge of" and "an understanding of" ask; the same words in "deep
        // learning" and "natural language understanding" name a field.
        let text = "Engineer\n\nWe have particular strengths in compilers and deep learning.\n";
        assert_eq!(need(text, "deep-learning"), Some(Company));
        let text = "Engineer\n\nOur platform has the finest natural language understanding.\n";
        assert_eq!(need(text, "nlp"), Some(Company));
        // Another word still asks, and a soft skill's qualifier is the candidate's.
        let text = "Engineer\n\nWe want people who know deep learning.\n";
        assert_eq!(need(text, "deep-learning"), Some(General));
        let text = "Engineer\n\nOur best people have strong communication skills.\n";
        assert_eq!(need(text, "communication"), Some(General));
        // Without the names, a duty that opens with "Lead" is still no job title.
        let text = "Engineer\n\nWhat you will do:\n- Lead Deep Learning development.\n";
        assert_eq!(need(text, "deep-learning"), Some(SectionKind::Duties));
    }

    #[test]
    fn a_short_duty_ending_in_a_full_stop_is_no_job_title() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let need = |text: &str, id: &str| {
            let a = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
            let rule = rules.find(id).expect(id);
            a.skills.iter().find(|s| s.rule == rule).map(|s| s.need)
        };
        // Short duties that name a job noun ("lead") read as a title line when the
        // sentence's own full stop was not looked at.
        let text = "Office Partner\n\nResponsibilities\nBook travel for the team.\n\
                    Serve as a technical lead and manage small projects.\n";
        assert_eq!(
            need(text, "technical-leadership"),
            Some(SectionKind::Duties)
        );
        let text = "Supplier Engineer\n\nResponsibilities\nAudit the plant.\n\
                    Lead root causing and corrective action for line defects.\n";
        assert_eq!(need(text, "root-cause-analysis"), Some(SectionKind::Duties));
        // A job line without a stop is still a title.
        let text = "Acme | Remote\n\nAcme sells boats.\n\nOpenings:\nTechnical Lead, payments\n";
        assert_eq!(
            need(text, "technical-leadership"),
            Some(SectionKind::Required)
        );
    }

    #[test]
    fn a_role_noun_right_after_a_skill_makes_it_a_title() {
        let after = |t: &str| followed_by_role(t, t.find("Python").unwrap() + 6);
        assert!(after("Python developers wanted"));
        assert!(after("Python Backend Engineer"));
        assert!(after("Python-Developer (m/w/d)"));
        assert!(!after("Python, developers welcome"));
        assert!(!after("Python (developer tools)"));
        assert!(!after("Python and Go"));
        assert!(!after("Python"));
        assert!(!after("Python-based developer tools"));
        assert!(!after("Python engineering platform team"));
        assert!(after("Python Developer. Tools we use"));
        assert!(!after("Python or C++\n- Excellent team practices"));
        let noun = |t: &str| role_noun_after(t, t.find("Python").unwrap() + 6);
        assert_eq!(noun("our Python team is"), Some("team"));
        assert_eq!(noun("our Python team lead"), Some("lead"));
        assert_eq!(noun("Python team members"), None);
    }

    #[test]
    fn a_second_way_to_qualify_is_an_option() {
        let s = "2 years of experience in software development, or 1 year of experience with an advanced degree.";
        assert_eq!(alternative_path(s), s.find("or 1"));
        assert_eq!(alternative_path(" or three years in Java"), Some(1));
        assert_eq!(alternative_path("Python, Java, or Go"), None);
        assert_eq!(alternative_path("Python, or a year-long course"), None);
        let rules = RuleSet::builtin().expect("built-in rules");
        let text = format!("Engineer\n\nMinimum qualifications:\n{s}\n");
        let a = AnalyzedPosting::analyze(Posting::from_text("x", text), &rules);
        let skill = |id: &str| {
            let rule = rules.find(id).expect(id);
            a.skills.iter().find(|s| s.rule == rule).expect(id)
        };
        assert_eq!(skill("masters-degree").need, SectionKind::Preferred);
        assert_eq!(skill("masters-degree").years, None);
        assert_eq!(skill("software-engineering").need, SectionKind::Required);
        // Years of software development in general are the career's.
        assert_eq!(skill("software-engineering").years, None);
        assert_eq!(a.total_years.as_ref().map(|y| y.years), Some(2));
        // After "; " (where sentences are cut) the second way still is an option, and
        // a years phrase in it is no demand even with no skill in its sentence.
        let text = "Engineer\n\nMinimum qualifications:\n4 years of software engineering experience; or 2 years of experience with a master's degree.\n";
        let a = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
        let masters = rules.find("masters-degree").expect("rule");
        let m = a
            .skills
            .iter()
            .find(|s| s.rule == masters)
            .expect("masters");
        assert_eq!((m.need, m.years), (SectionKind::Preferred, None));
        let text = "Engineer\n\nRequirements:\n4 years of experience, or 6 years of experience.\n";
        let a = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
        assert_eq!(a.total_years.map(|y| y.years), Some(4));
    }

    #[test]
    fn duties_that_name_people_or_the_company_stay_duties() {
        // A skill acting on people is no job title, wherever it is.
        assert!(!followed_by_role("Mentor other engineers", 6));
        assert!(!followed_by_role("Communicate with designers", 11));
        let rules = RuleSet::builtin().expect("built-in rules");
        let text = "Storage Engineer\n\nAlso open: Senior Kafka Engineer\n\n\
                    What you'll do\n\
                    - Mentor other engineers\n\
                    - Build features for our object storage service\n\
                    - Take part in our on-call rotation\n";
        let a = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
        let need = |id: &str| {
            let rule = rules.find(id).expect(id);
            let skill = a.skills.iter().find(|s| s.rule == rule).expect(id);
            (skill.need, a.title_mentions_of(rule).count())
        };
        assert_eq!(need("mentoring"), (SectionKind::Duties, 0));
        assert_eq!(need("object-storage"), (SectionKind::Duties, 0));
        assert_eq!(need("on-call"), (SectionKind::Duties, 0));
        // A short line naming a role is another title, whatever the heading above
        // ("We're looking for:" lists roles as often as requirements).
        assert_eq!(need("kafka").1, 1);
        let text = "Acme\n\nWe're looking for:\n- Senior C++ Engineer\n- Web Developers\n";
        let a = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
        let cpp = rules.find("c++").expect("c++");
        assert_eq!(a.title_mentions_of(cpp).count(), 1);
        // The person posting names their own role: no title of the job offered.
        let text = "Acme | Remote\n\nI'm a Python / Go tooling engineer in Operations. \
                    I'm hiring a Rust engineer.\n";
        let a = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
        let titled = |id: &str| a.title_mentions_of(rules.find(id).expect(id)).count();
        assert_eq!((titled("python"), titled("go"), titled("rust")), (0, 0, 1));
        for (heading, kind) in [
            ("Roles:", SectionKind::General),
            ("Recruiting for various roles", SectionKind::General),
            ("Open positions", SectionKind::General),
            ("Roles and responsibilities", SectionKind::Duties),
            ("About the role", SectionKind::Duties),
            ("Our stack", SectionKind::General),
            ("Tech stack:", SectionKind::General),
            ("Stack", SectionKind::General),
            ("Your role", SectionKind::Duties),
            ("What we seek:", SectionKind::Required),
            ("Requisites", SectionKind::Required),
        ] {
            assert_eq!(classify_heading(heading), Some(kind), "{heading}");
        }
    }

    #[test]
    fn a_web_address_opens_no_section() {
        assert_eq!(classify_heading("https://www.acme.com/about/jobs"), None);
        assert_eq!(classify_heading("www.acme.com/about"), None);
        let text = "Acme | Backend Engineer\nhttps://www.acme.com/about/\n\
                    More about how we work: https://acme.com/handbook\n\n\
                    We need strong Python and PostgreSQL skills.\n";
        let kinds: Vec<SectionKind> = split_sections(text).iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SectionKind::General]);
    }

    #[test]
    fn a_team_the_job_works_with_asks_nothing_and_one_it_joins_is_the_job() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let text = "Senior DevOps Engineer\n\n\
                    You will integrate the models built by our Data Science team. \
                    You will join our iOS team.\n\
                    - Python or C++\n\
                    - Excellent team practices\n";
        let a = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
        let need = |id: &str| {
            let rule = rules.find(id).expect(id);
            let skill = a.skills.iter().find(|s| s.rule == rule).expect(id);
            (skill.need, a.title_mentions_of(rule).count())
        };
        assert_eq!(need("data-science"), (SectionKind::Company, 0));
        assert_eq!(need("ios").1, 1);
        // A list item's skill is not named by the next item's words.
        assert_eq!(need("c++"), (SectionKind::General, 0));
        // Phrases that join a team are whole words, or inflections of them.
        assert!(joins_team_in("You'll be joining the Data team"));
        assert!(joins_team_in("We are growing our ML group"));
        assert!(!joins_team_in(
            "Partner with our Growth team on experiments"
        ));
        assert!(!joins_team_in("Report to the rejoinder desk"));
    }

    #[test]
    fn a_skill_the_employer_offers_to_teach_is_no_requirement() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let need = |text: &str, id: &str| {
            let a = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
            let rule = rules.find(id).expect(id);
            a.skills.iter().find(|s| s.rule == rule).map(|s| s.need)
        };
        let text = "Software Engineer\n\nAll new projects are written in Haskell.\n\
                    * Happy to train people into Haskell.\n\
                    * A few years of Python.\n";
        assert_eq!(need(text, "haskell"), Some(SectionKind::Preferred));
        assert_eq!(need(text, "python"), Some(SectionKind::General));
        let text = "Our training program will teach you Ruby and Rails.";
        assert_eq!(need(text, "ruby"), Some(SectionKind::Preferred));
        // The candidate teaching others is a requirement like any other.
        let text = "Requirements:\n- Kubernetes, and willing to teach Kubernetes to others.\n";
        assert_eq!(need(text, "kubernetes"), Some(SectionKind::Required));
        // "train your models" offers no training.
        let text = "Requirements:\n- You will train your models with PyTorch.\n";
        assert_eq!(need(text, "pytorch"), Some(SectionKind::Required));
        // What the hire will learn or pick up on the job is welcome, not required, as
        // far as its clause goes.
        let text = "Requirements:\n- Python\n- You'll learn Terraform on the job\n\
                    - You will pick up Kubernetes quickly\n- We\u{2019}ll teach you Ansible\n\
                    - You\u{2019}ll learn a lot, writing Go every day\n\
                    - You can learn more about our Redis setup on our blog\n";
        for id in ["terraform", "kubernetes", "ansible"] {
            assert_eq!(need(text, id), Some(SectionKind::Preferred), "{id}");
        }
        assert_eq!(need(text, "python"), Some(SectionKind::Required));
        assert_eq!(need(text, "go"), Some(SectionKind::Required));
        assert_eq!(need(text, "redis"), Some(SectionKind::Required));
    }

    #[test]
    fn the_employers_own_product_line_is_not_asked_for() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let posting = |company: &str, title: &str, text: &str| {
            let mut p = Posting::from_text("x", text.to_owned());
            p.company = Some(company.to_owned());
            p.title = Some(title.to_owned());
            AnalyzedPosting::analyze(p, &rules)
        };
        let has = |a: &AnalyzedPosting, id: &str| {
            let rule = rules.find(id).expect(id);
            a.skills.iter().any(|s| s.rule == rule)
        };
        let a = posting(
            "Google",
            "Business Trainer, Google Cloud",
            "Responsibilities\nDeliver training on the business benefits of Google Cloud.\n",
        );
        assert!(!has(&a, "gcp"));
        // Asked of the candidate, it is a skill again.
        let a = posting(
            "Google",
            "Cloud Engineer",
            "Requirements\n- Experience with Google Cloud and Kubernetes.\n",
        );
        assert!(has(&a, "gcp"));
        // A practice is no product, whatever the company is called.
        let a = posting(
            "Back",
            "Software Engineer, Back End",
            "Back is hiring.\n- Software Engineer, Back End\n",
        );
        assert!(has(&a, "back-end"));
    }

    #[test]
    fn jobs_the_body_lists_are_roles_one_of_which_is_met() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let roles = |text: &str| {
            let a = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
            let mut v: Vec<Vec<&str>> = a
                .roles
                .iter()
                .map(|r| {
                    let mut ids: Vec<&str> = r.iter().map(|&x| &*rules.rule(x).id).collect();
                    ids.sort_unstable();
                    ids
                })
                .collect();
            v.sort();
            v
        };
        // Listed in one sentence.
        assert_eq!(
            roles(
                "Acme | Engineering | Remote\n\nWe are hiring frontend engineers, backend \
                 engineers and firmware engineers. Apply below.\n"
            ),
            [["back-end"], ["embedded-development"], ["front-end"]]
        );
        // One a line, with links and jobs that name no skill between them.
        assert_eq!(
            roles(
                "Acme | Engineering | Remote\n\nAcme makes invoices simple.\n\nOpen roles:\n\n\
                 - Backend Engineer: https://acme.example/jobs/1\n\n\
                 - Office Manager: https://acme.example/jobs/2\n\n\
                 - Frontend Developer: https://acme.example/jobs/3\n"
            ),
            [["back-end"], ["front-end"]]
        );
        // A title naming one job is one more of them.
        assert_eq!(
            roles(
                "Acme | Backend Engineer | Remote\n\nWe also hire:\n\n- Frontend Engineers\n\
                 - Security Engineers\n"
            ),
            [["back-end"], ["front-end"], ["security"]]
        );
        // Jobs the hire works with, or one job named twice, are no list.
        assert!(
            roles(
                "Acme | Backend Engineer | Remote\n\nYou will pair with our frontend \
                 engineers and data engineers.\n"
            )
            .is_empty()
        );
        assert!(
            roles(
                "Acme | Engineering | Remote\n\nWe need a Backend Engineer.\n\n\
                 As our Backend Engineer you will own the APIs.\n"
            )
            .is_empty()
        );
    }

    #[test]
    fn names_in_a_list_of_customers_or_backers_are_organisations_not_skills() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let ids = |text: &str| {
            let a = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
            let mut v: Vec<&str> = a.skills.iter().map(|s| &*rules.rule(s.rule).id).collect();
            v.sort_unstable();
            v
        };
        for text in [
            "Engineer\n\nWe run the pipelines of companies like DigitalOcean, Atlassian, New \
             Relic, and Docker. You know Python.",
            "Engineer\n\nOur customers include Salesforce, Lyft and MongoDB. You know Python.",
            "Engineer\n\nOver 300 customers, including industry-leading companies such as \
             GitHub and Heroku. You know Python.",
            "Engineer\n\nWe are trusted by Slack, Box and GitHub. You know Python.",
        ] {
            assert_eq!(ids(text), ["python"], "{text}");
        }
        // Tools are no organisations, nor is a field of business in lower case; and the
        // same name asked of the candidate is still a skill.
        assert_eq!(
            ids("Engineer\n\nYou know tools like Docker and Kubernetes."),
            ["docker", "kubernetes"]
        );
        assert_eq!(
            ids("Engineer\n\nWe deploy to Heroku for clients like Lyft and GitHub."),
            ["heroku"]
        );
        assert_eq!(
            ids("Engineer\n\nWe use tools by companies like HashiCorp: Terraform, Vault."),
            ["terraform", "vault"]
        );
    }

    #[test]
    fn the_tools_of_people_the_job_works_with_weigh_less_than_a_duty() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let text = "Data Engineer\n\nResponsibilities:\n\
                    - Partner with analysts who use Tableau and Looker\n\
                    - Work alongside data scientists using Spark\n\
                    - Build pipelines in Python\n\
                    - Build dashboards using Metabase\n\
                    - Ship apps for our clients using Django\n\
                    - You will join a team of engineers who use Rust\n\n\
                    Requirements:\n\
                    - Collaborate with engineers who work with Kotlin\n";
        let a = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
        let skill = |id: &str| {
            let rule = rules.find(id).expect(id);
            a.skills.iter().find(|s| s.rule == rule).expect(id)
        };
        let duty = skill("python").weight / rules.rule(rules.find("python").expect("rule")).weight;
        for id in ["tableau", "looker", "spark", "kotlin"] {
            let s = skill(id);
            assert_eq!(s.need, SectionKind::Company, "{id}");
            assert!(s.weight / rules.rule(s.rule).weight < duty, "{id}");
        }
        // The job's own tools, and those of a team the hire joins, stay duties.
        for id in ["python", "metabase", "django", "rust"] {
            assert_eq!(skill(id).need, SectionKind::Duties, "{id}");
        }
    }

    #[test]
    fn a_bonus_is_preferred_and_only_what_it_names() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let need = |text: &str, id: &str| {
            let a = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
            let rule = rules.find(id).expect(id);
            a.skills.iter().find(|s| s.rule == rule).map(|s| s.need)
        };
        use SectionKind::{General, Preferred, Required};
        for (text, go, kotlin) in [
            (
                "Engineer\n\nGo. Bonus points for Kotlin!",
                General,
                Preferred,
            ),
            (
                "Engineer\n\nGo. Bonus if you know Kotlin.",
                General,
                Preferred,
            ),
            (
                "Engineer\n\nGo, bonus if you know Kotlin",
                General,
                Preferred,
            ),
            (
                "Engineer\n\nGo, and it's a bonus if you know Kotlin.",
                General,
                Preferred,
            ),
            (
                "Engineer\n\nIt\u{2019}s a bonus if you know Kotlin and Go.",
                Preferred,
                Preferred,
            ),
            (
                "Engineer\n\nGo required; bonus for Kotlin.",
                General,
                Preferred,
            ),
            (
                "Engineer\n\nMust have: Go. Bonus: Kotlin.",
                Required,
                Preferred,
            ),
            (
                "Engineer\n\nGo and Kotlin are a bonus if you ran them.",
                Preferred,
                Preferred,
            ),
            (
                "Engineer\n\nRequirements:\n- Go\n- Bonus points for Kotlin\n",
                Required,
                Preferred,
            ),
            // A closing cue after a clause that states its own demand.
            (
                "Engineer\n\nGo required, Kotlin a bonus.",
                General,
                Preferred,
            ),
            (
                "Engineer\n\nYou must know Go; Kotlin is a plus.",
                General,
                Preferred,
            ),
            (
                "Engineer\n\nExperience with Go, Rust or Kotlin is a plus.",
                Preferred,
                Preferred,
            ),
        ] {
            assert_eq!(
                (need(text, "go"), need(text, "kotlin")),
                (Some(go), Some(kotlin)),
                "{text}"
            );
        }
        // A bonus that is pay asks nothing.
        let text = "Engineer\n\nWe pay a signing bonus for Go engineers who know Kotlin.";
        assert_ne!(need(text, "kotlin"), Some(Preferred));
    }

    #[test]
    fn a_cue_that_points_back_prefers_what_it_points_at() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let need = |text: &str, id: &str| {
            let a = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
            let rule = rules.find(id).expect(id);
            a.skills.iter().find(|s| s.rule == rule).map(|s| s.need)
        };
        use SectionKind::{General, Preferred};
        for text in [
            // The sentence before, in the same paragraph.
            "Engineer\n\nWe are porting our services from Ruby to Kotlin. Experience with \
             those languages is a bonus, not a requirement.",
            "Engineer\n\nOur stack is Ruby on the server and Kotlin on Android. Experience in \
             any of these is a plus but not required.",
            "Engineer\n\nOur stack is Ruby and Kotlin. Direct experience with these \
             technologies is not required.",
            // A list in the paragraph before.
            "Engineer\n\nOur stack:\n- Ruby\n- Kotlin\n\nWorking knowledge of the above \
             would be helpful.",
        ] {
            assert_eq!(
                (need(text, "ruby"), need(text, "kotlin")),
                (Some(Preferred), Some(Preferred)),
                "{text}"
            );
        }
        // A paragraph further back is out of reach, and so is a sentence that names
        // its own skill.
        let text = "Engineer\n\nYou know Ruby well.\n\nWe use Kotlin. Experience with it is \
                    a plus.";
        assert_eq!(need(text, "ruby"), Some(General));
        let text = "Engineer\n\nYou know Ruby well. Experience with Kotlin is a plus.";
        assert_eq!(need(text, "ruby"), Some(General));
    }

    #[test]
    fn preferred_cues_mark_their_sentences_with_either_searcher() {
        let text = "Python required. Go is a plus; Rust would be nice-to-have. \
                    Surplus staff. Kafka is not required.\nAnsible ideally.";
        let folded = Folded::new(text);
        let got: Vec<&str> = preferred_sentences(text, &folded)
            .into_iter()
            .map(|(a, b)| text[a..b].trim())
            .collect();
        assert_eq!(
            got,
            [
                "Go is a plus",
                "Rust would be nice-to-have",
                "Kafka is not required",
                "Ansible ideally"
            ]
        );
        // The automaton the searcher falls back to finds the same anchors.
        let anchors = &*PREFERRED_ANCHORS;
        if let Some(p) = &anchors.packed {
            let hay = folded.as_bytes();
            let packed: Vec<_> = p.find_iter(hay).map(|m| (m.pattern(), m.start())).collect();
            let ac: Vec<_> = anchors
                .ac
                .find_iter(hay)
                .map(|m| (m.pattern(), m.start()))
                .collect();
            assert_eq!(packed, ac);
        }
        // Other ways to say a skill is optional; a bare "optional" or "bonus" outside
        // parentheses ("remote optional") says nothing of a skill.
        for (text, want) in [
            ("- Rust (optional)\n", "- Rust (optional)"),
            ("- Rust - optional\n", "- Rust - optional"),
            ("- Rust (bonus)\n", "- Rust (bonus)"),
            (
                "Any Rust experience is a strong plus.",
                "Any Rust experience is a strong plus",
            ),
            (
                "Rust is nice but not essential.",
                "Rust is nice but not essential",
            ),
            (
                "We don't expect Rust knowledge.",
                "We don't expect Rust knowledge",
            ),
        ] {
            let folded = Folded::new(text);
            let got: Vec<&str> = preferred_sentences(text, &folded)
                .into_iter()
                .map(|(a, b)| text[a..b].trim())
                .collect();
            assert_eq!(got, [want], "{text}");
        }
        let text = "Remote optional. Bonus round.";
        assert!(preferred_sentences(text, &Folded::new(text)).is_empty());
    }

    #[test]
    fn a_plural_role_noun_names_people_the_job_works_with_not_its_title() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let text = "Senior Backend Engineer\n\nResponsibilities\n\
                    - Work alongside ML engineers training models.\n\n\
                    We need Go engineers.\n";
        let a = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
        let titled = |id: &str| a.title_mentions_of(rules.find(id).expect(id)).count();
        assert_eq!(titled("machine-learning"), 0);
        assert_eq!(titled("go"), 1);
    }

    #[test]
    fn title_nouns_are_short_lower_case_ascii() {
        for n in TITLE_NOUNS_AFTER {
            assert!(
                n.len() <= 16 && n.bytes().all(|b| b.is_ascii_lowercase()),
                "{n}"
            );
        }
    }

    #[test]
    fn finds_sections_from_headings_and_labels() {
        let text = "Backend Engineer\n\nAbout us\nWe sell things.\n\n## Requirements\n- Python\n\nNice to have:\n- Go\n\nBenefits: free lunch\n";
        let s = split_sections(text);
        let kinds: Vec<_> = s.iter().map(|x| x.kind).collect();
        assert_eq!(
            kinds,
            [
                SectionKind::General,
                SectionKind::About,
                SectionKind::Required,
                SectionKind::Preferred,
                SectionKind::Benefits
            ]
        );
        assert_eq!(s[2].heading.as_deref(), Some("Requirements"));
    }

    #[test]
    fn pasted_ads_name_their_company_under_the_title_or_in_labels() {
        let meta = |text: &str| {
            let p = Posting::from_text("t", text);
            (p.title, p.company, p.location)
        };
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            meta(
                "Data Scientist, Growth Analytics\nOrchard Media Group\n\nWe publish magazines.\n"
            ),
            (
                s("Data Scientist, Growth Analytics"),
                s("Orchard Media Group"),
                None
            )
        );
        assert_eq!(
            meta("Embedded Engineer (C)\nTidewater Instruments, Bristol UK\n\nText.\n"),
            (
                s("Embedded Engineer (C)"),
                s("Tidewater Instruments"),
                s("Bristol UK")
            )
        );
        assert_eq!(
            meta("Backend Engineer\nFernway · London, England (Remote) · 3 days ago\n\nText.\n"),
            (
                s("Backend Engineer"),
                s("Fernway"),
                s("London, England (Remote)")
            )
        );
        assert_eq!(
            meta("SRE\n**Company:** Quillpay\n**Location:** Remote (US)\n\nText.\n"),
            (s("SRE"), s("Quillpay"), s("Remote (US)"))
        );
        assert_eq!(
            meta("Job type: Full-time\nRole: Python engineer\n\nWe are a startup.\n"),
            (s("Python engineer"), None, None)
        );
        // Neither a heading nor a sentence under the title is a company.
        assert_eq!(meta("Backend Engineer\nRequirements\n- Go\n").1, None);
        assert_eq!(meta("Backend Engineer\nWe build tools.\n").1, None);
        assert_eq!(meta("Backend Engineer\nSenior Developer\n").1, None);
        // A Hacker News header keeps its company though a label names the role.
        assert_eq!(
            meta("Acme | Python Engineer | Remote\n\nPosition: Python Engineer\n").1,
            s("Acme")
        );
    }

    #[test]
    fn list_items_after_or_may_take_a_filler_word() {
        assert_eq!(list_join(" or a related "), Some(Join::Or));
        assert_eq!(list_join(", or another "), Some(Join::Or));
        // After "and", "an eye for detail" is a new clause.
        assert_eq!(list_join(", and an "), None);
        assert_eq!(list_join(" a "), None);
    }

    #[test]
    fn a_cue_in_parentheses_speaks_of_its_own_item() {
        let preferred = |text: &str| {
            let f = Folded::new(text);
            preferred_sentences(text, &f)
                .into_iter()
                .map(|(a, b)| text[a..b].to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            preferred("- A degree in CS (MSc or PhD preferred)"),
            ["(MSc or PhD preferred)"]
        );
        assert_eq!(
            preferred("- Backend (Python, Django, Scala and Spark preferred)"),
            [", Scala and Spark preferred)"]
        );
        assert_eq!(preferred("- Vue (nice to have)"), ["- Vue (nice to have)"]);
        // A header line's parts are items of their own.
        assert_eq!(
            preferred("Acme | NLP, Python | remote + onsite (preferred) | Go"),
            [" remote + onsite (preferred) "]
        );
        assert_eq!(
            preferred("- Kubernetes (definitely a plus)"),
            ["- Kubernetes (definitely a plus)"]
        );
        assert_eq!(
            preferred("- Cloud (AWS, GCP or Azure preferred)"),
            ["(AWS, GCP or Azure preferred)"]
        );
        // A bare "preferred" outside parentheses is no cue ("our preferred stack").
        assert!(preferred("Our preferred stack is Go.").is_empty());
    }

    #[test]
    fn a_second_credential_is_an_alternative_path() {
        let s = "Bachelor's degree in CS and 5 years of experience, or a Master's degree and 3 years of experience";
        assert_eq!(alternative_path(s), s.find("or a Master"));
        assert_eq!(alternative_path("Python, Go, or Rust"), None);
        assert!(opens_clause(" of experience, or a "));
    }

    #[test]
    fn negated_parts_of_sentences() {
        fn part(s: &str) -> Option<&str> {
            negated_parts(s).into_iter().next().map(|r| &s[r])
        }
        assert_eq!(
            part("No Java or PHP experience needed"),
            Some("No Java or PHP experience needed")
        );
        assert_eq!(
            part("we do not use Kubernetes"),
            Some("do not use Kubernetes")
        );
        assert_eq!(
            part("We are not looking for Rust experience, but Go is a must"),
            Some("not looking for Rust experience,")
        );
        assert_eq!(
            part("You don\u{2019}t need Scala"),
            Some("don\u{2019}t need Scala")
        );
        assert_eq!(part("No less than 5 years of Java required"), None);
        assert_eq!(part("No matter what, Python is required"), None);
        assert_eq!(part("Python and Go required"), None);
        assert_eq!(part("Node.js, no frameworks"), None);
        assert_eq!(
            part("You don't need a CS degree, just strong Python and SQL skills"),
            Some("don't need a CS degree,")
        );
        assert_eq!(
            part("No recruiters please – senior Go experience required"),
            None
        );
    }

    #[test]
    fn denials_back_references_and_several_negations_in_one_sentence() {
        let all = |s: &str| -> Vec<String> {
            negated_parts(s)
                .into_iter()
                .map(|r| s[r].to_owned())
                .collect()
        };
        assert_eq!(
            all("We do not use Hadoop anymore — no Hadoop experience needed."),
            ["do not use Hadoop anymore", "no Hadoop experience needed"]
        );
        assert_eq!(
            all("Python is required, Hadoop experience is not required"),
            ["Hadoop experience is not required"]
        );
        assert_eq!(
            all("We still run some COBOL, but you will not touch it."),
            ["We still run some COBOL, but you "]
        );
        assert_eq!(all("We no longer use Perl"), ["no longer use Perl"]);
        // Curly apostrophes: ranges stay on the sentence's own bytes.
        assert_eq!(
            all("You don\u{2019}t need Scala"),
            ["don\u{2019}t need Scala"]
        );
        assert!(all("Python and Go required").is_empty());
        assert!(waves_away_previous("You won't need any of that."));
        assert!(!waves_away_previous("You will love it."));
    }

    #[test]
    fn what_an_ad_says_it_does_not_need_is_not_asked() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let asked = |body: &str| {
            let text = format!("Data Engineer\nAcme\n\nRequirements\n- Python\n\n{body}\n");
            let a = AnalyzedPosting::analyze(Posting::from_text("x", text), &rules);
            let mut ids: Vec<String> = a
                .skills
                .iter()
                .filter(|s| s.weight > 0.0)
                .map(|s| rules.rule(s.rule).id.to_string())
                .collect();
            ids.sort();
            ids
        };
        assert_eq!(asked("Hadoop experience is not required."), ["python"]);
        assert_eq!(
            asked("Our mobile team ships Swift and Kotlin apps; you won't need any of that."),
            ["python"]
        );
        assert_eq!(
            asked("Our mobile team ships Kotlin apps. You won\u{2019}t need any of that."),
            ["python"]
        );
        // A line break ends the paragraph the back-reference speaks of.
        assert_eq!(
            asked("Our mobile team ships Kotlin apps.\n\nThe rest you will learn."),
            ["kotlin", "python"]
        );
    }

    #[test]
    fn years_bind_within_their_line() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let text = "Platform Engineer\n\nRequirements\n- Kubernetes (3+ years)\n- Python\n- Written Go every day for at least 4 years\n- Debugged Linux networking\n- 5+ years of experience, including 2 with Terraform\n- three or more years of PostgreSQL experience\n";
        let a = AnalyzedPosting::analyze(Posting::from_text("x", text.to_owned()), &rules);
        let years = |id: &str| {
            let rule = rules.find(id).expect(id);
            a.skills
                .iter()
                .find(|s| s.rule == rule)
                .and_then(|s| s.years)
        };
        assert_eq!(years("kubernetes"), Some(3));
        assert_eq!(years("python"), None);
        assert_eq!(years("go"), Some(4));
        assert_eq!(years("linux"), None);
        assert_eq!(years("terraform"), None);
        assert_eq!(years("postgresql"), Some(3));
    }

    #[test]
    fn numbered_items_are_no_headings_and_uk_criteria_are() {
        let kinds = |text: &str| -> Vec<(usize, SectionKind)> {
            split_sections(text)
                .iter()
                .map(|s| (s.start, s.kind))
                .collect()
        };
        let text = "## Nice-to-haves\n\n1. Scala\n2. Experience with Flink\n";
        assert_eq!(kinds(text), [(0, SectionKind::Preferred)]);
        let text =
            "Essential:\n- Terraform\nDesirable:\n- Ansible\nNot required, but cool:\n- Go\n";
        assert_eq!(
            split_sections(text)
                .iter()
                .map(|s| s.kind)
                .collect::<Vec<_>>(),
            [
                SectionKind::Required,
                SectionKind::Preferred,
                SectionKind::Preferred
            ]
        );
    }

    #[test]
    fn a_pasted_list_has_no_title() {
        let p = Posting::from_text("x", "Nice to have:\n1. Go\n2. Flink\n".to_owned());
        assert_eq!((p.title, p.company), (None, None));
        let p = Posting::from_text("x", "## Must-haves\n\n1. Python\n".to_owned());
        assert_eq!((p.title, p.company), (None, None));
    }

    #[test]
    fn cue_lines_that_introduce_lists_are_headings() {
        let kind_of_list_after = |heading: &str| {
            let text = format!("Backend Engineer\n\n{heading}\n- Terraform\n- Kafka\n");
            let s = split_sections(&text);
            (s.len() == 2).then(|| s[1].kind)
        };
        assert_eq!(
            kind_of_list_after("What you\u{2019}ll need:"),
            Some(SectionKind::Required)
        );
        assert_eq!(
            kind_of_list_after("It would be great if you have"),
            Some(SectionKind::Preferred)
        );
        assert_eq!(
            kind_of_list_after("What will make you stand out"),
            Some(SectionKind::Preferred)
        );
        assert_eq!(
            kind_of_list_after("What's nice:"),
            Some(SectionKind::Preferred)
        );
        assert_eq!(
            kind_of_list_after("About the job"),
            Some(SectionKind::General)
        );
        // A numbered item is no heading of the items after it.
        let s = split_sections(
            "Engineer\n\nNice to have:\n1. Experience with Kubernetes and Terraform in production\n2. Kafka\n",
        );
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].kind, SectionKind::Preferred);
        // A long cue line that no list follows is prose.
        let s = split_sections("Engineer\n\nIt would be great if you have time\nWe use Go.\n");
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn years_in_another_field_are_no_software_career_beside_technical_skills() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let total = |items: &str| {
            let text = format!("Analyst\n\nMinimum qualifications:\n{items}\n");
            let a = AnalyzedPosting::analyze(Posting::from_text("x", text), &rules);
            a.total_years.as_ref().map(|y| y.years)
        };
        // A business job that names SQL or Python too asks years of its own field,
        // which a developer's career does not meet.
        for items in [
            "- SQL and Python\n- 5 years of experience in market research or survey analytics",
            "- SQL\n- 8 years of experience working in a customer support or operations \
             environment",
            "- SQL\n- 1 year of executive support experience",
            "- SQL\n- 7 years of experience in public relations (for example journalism)",
        ] {
            assert_eq!(total(items), None, "{items}");
        }
        // A career's length still is one.
        for (items, want) in [
            ("- Python\n- 2+ years industry or research experience", 2),
            (
                "- Python\n- 3+ years of experience in some of the following:",
                3,
            ),
            ("- Python\n- 5+ years of experience in a leadership role", 5),
            (
                "- Python\n- 2 years of experience in industry or as a research assistant",
                2,
            ),
            ("- Python\n- 4 years of work experience", 4),
        ] {
            assert_eq!(total(items), Some(want), "{items}");
        }
    }

    #[test]
    fn years_of_software_work_in_general_are_the_careers() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let analyze = |items: &str| {
            let text = format!("Engineer\n\nRequirements:\n{items}\n");
            AnalyzedPosting::analyze(Posting::from_text("x", text), &rules)
        };
        let years_of = |a: &AnalyzedPosting, id: &str| {
            let rule = rules.find(id).expect(id);
            a.skills
                .iter()
                .find(|s| s.rule == rule)
                .and_then(|s| s.years)
        };
        let total = |a: &AnalyzedPosting| a.total_years.as_ref().map(|y| y.years);
        // Software work in general: the career's length, no skill's years.
        for items in [
            "- 12+ years of software engineering experience\n- Python",
            "- 12+ years of backend experience\n- Python",
            "- 12+ years in software engineering\n- Python",
        ] {
            let a = analyze(items);
            assert_eq!(total(&a), Some(12), "{items}");
            assert!(a.years.is_empty(), "{items}");
        }
        // A skill after the field words has the years.
        let a = analyze("- 5+ years of backend development in Go");
        assert_eq!((years_of(&a, "go"), total(&a)), (Some(5), None));
        let a = analyze("- 5+ years of Python backend experience");
        assert_eq!(
            (years_of(&a, "python"), years_of(&a, "back-end")),
            (Some(5), None)
        );
        // A skill the experience includes is a part of it, not what it measures.
        let a = analyze("- At least 3 years of professional experience, including Go");
        assert_eq!((years_of(&a, "go"), total(&a)), (None, Some(3)));
        let a = analyze("- At least 3 years of Go");
        assert_eq!((years_of(&a, "go"), total(&a)), (Some(3), None));
        // Years in a field no rule knows and no software word names are no software
        // experience; experience that names no field is.
        for (items, want) in [
            ("- 5+ years driving lorries\n- A clean licence", None),
            ("- 5+ years of experience driving lorries", None),
            ("- Python\n- 5+ years of experience driving lorries", None),
            ("- 5 years of nursing experience", None),
            ("- 5 years of experience in a professional kitchen", None),
            ("- 5+ years of professional experience", Some(5)),
            ("- 5+ years of experience in a similar role", Some(5)),
            ("- 2 years of related work experience", Some(2)),
            (
                "- Python\n- 5+ years of experience building products",
                Some(5),
            ),
            (
                "- Go\n- 5+ years of experience maintaining large codebases",
                Some(5),
            ),
            ("- 4+ years of experience writing Python", None),
        ] {
            assert_eq!(total(&analyze(items)), want, "{items}");
        }
    }

    #[test]
    fn finds_years_phrases() {
        let f =
            Folded::new("5+ years of Python; at least three years' experience with Go; 2-4 yrs");
        let y = find_years(f.as_str());
        assert_eq!(y.iter().map(|x| x.0).collect::<Vec<_>>(), [5, 3, 2]);
    }

    #[test]
    fn years_that_measure_time_are_told_apart_from_experience() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let span = |text: &str| {
            let f = Folded::new(text);
            let found = rules.extract_folded(text, &f);
            years_phrases(text, &f, &found)
                .into_iter()
                .map(|y| (y.time, y.skills.len()))
                .collect::<Vec<_>>()
        };
        assert_eq!(span("5+ years of Python"), [(None, 1)]);
        assert_eq!(
            span("We adopted Python 5 years ago, Go later")[0].0,
            Some(TimeSpan::Age)
        );
        assert_eq!(
            span("For the last two years, Asana has been named a best place to work"),
            [(Some(TimeSpan::Recent), 1)]
        );
        assert_eq!(
            span("a 10 year old Django codebase"),
            [(Some(TimeSpan::Age), 1)]
        );
        assert_eq!(
            span("ranked first three years in a row"),
            [(Some(TimeSpan::Age), 0)]
        );
        assert_eq!(
            span("over the next 2 years you will build Kafka pipelines")[0].0,
            Some(TimeSpan::Age)
        );
        // "old" must be a word of its own.
        assert_eq!(span("5 years older Java")[0].0, None);
    }

    #[test]
    fn the_employers_own_name_is_no_skill_unless_asked_of_the_candidate() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let ids = |text: &str| {
            let a = AnalyzedPosting::analyze(Posting::from_text("x", text), &rules);
            a.skills
                .iter()
                .map(|s| rules.rule(s.rule).id.to_string())
                .collect::<Vec<_>>()
        };
        let story = "Asana | New York City, San Francisco, and Vancouver | Onsite\n\n\
             Asana is a work management platform. Millions of users rely on Asana. \
             For the last two years, Asana has been named a best place to work.\n\n\
             Requirements: 5+ years of Python";
        assert_eq!(ids(story), ["python"]);
        let hiring = format!("{story}\n\nThe Asana Marketplace team is hiring an intern.");
        assert_eq!(ids(&hiring), ["python"]);
        let asked = format!("{story}; experience with Asana as a user");
        assert!(ids(&asked).contains(&"asana".to_owned()));
        // Another company's posting that names Asana keeps it.
        assert!(
            ids("Initech | Senior Engineer\n\nOur teams plan in Asana.")
                .contains(&"asana".to_owned())
        );
    }

    #[test]
    fn a_posting_asks_no_years_of_a_skill_its_company_story_mentions() {
        let rules = RuleSet::builtin().expect("built-in rules");
        let p = Posting::from_text(
            "x",
            "For the last two years, Asana has been named a best place to work. \
             Founded 10 years ago, we run Kafka.\n\nRequirements: 5+ years of Python",
        );
        let a = AnalyzedPosting::analyze(p, &rules);
        let asked: Vec<u32> = a.years.iter().map(|y| y.years).collect();
        assert_eq!(asked, [5]);
        assert!(a.total_years.is_none());
    }

    /// `find_years` runs its pattern only around each "year"/"yr": it must find what
    /// one scan of the whole text finds, over texts dense with near-misses.
    #[test]
    fn windowed_years_search_agrees_with_a_whole_text_scan() {
        const PIECES: &[&str] = &[
            "at least ",
            "a minimum of ",
            "over ",
            "more than ",
            "fifteen",
            "twenty",
            "5",
            "12",
            "123",
            " plus",
            "+",
            " to ",
            "-",
            "ten",
            " (3) ",
            "years",
            "year",
            "yrs",
            "yr",
            "'s",
            "'",
            " of",
            " ",
            "x",
            "é",
            "python",
            "yearly",
            "ye",
            ". ",
        ];
        let whole = |t: &str| -> Vec<(u32, usize, usize)> {
            YEARS_RE
                .captures_iter(t)
                .filter_map(|c| {
                    let m = c.get(0)?;
                    let n = number_word(c.name("n")?.as_str())?;
                    (1..=40).contains(&n).then_some((n, m.start(), m.end()))
                })
                .collect()
        };
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..4_000 {
            let mut text = String::new();
            for _ in 0..(x % 40) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                text.push_str(PIECES[(x % PIECES.len() as u64) as usize]);
            }
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            assert_eq!(find_years(&text), whole(&text), "{text:?}");
        }
    }

    #[test]
    fn years_phrases_before_long_non_ascii_text_do_not_cut_a_letter() {
        // The phrase's reach ends 90 bytes on: with two-byte letters after it, one of
        // these offsets puts that end inside a letter (a fuzzing find).
        for pad in 0..2 {
            let text = format!("5 years of {}{}", "x".repeat(pad), "ے".repeat(60));
            let f = Folded::new(&text);
            let y = years_phrases(&text, &f, &[]);
            assert_eq!(y.len(), 1, "{text}");
        }
    }

    #[test]
    fn guesses_title_and_company() {
        let p = Posting::from_text("x", "Acme | Senior Rust Engineer | Remote\n\nWe build.");
        assert_eq!(p.title.as_deref(), Some("Senior Rust Engineer"));
        assert_eq!(p.company.as_deref(), Some("Acme"));
        // Addresses after the role are no part of it.
        let p = Posting::from_text(
            "x",
            "Acme | Boston ONSITE | DevOps Engineer https://jobs.example.com/42 (or email jobs@acme.example)",
        );
        assert_eq!(p.title.as_deref(), Some("DevOps Engineer"));
        let p = Posting::from_text(
            "x",
            "Acme | https://acme.example Acme builds tools for farms. We are hiring.",
        );
        assert_eq!(p.title, None);
        for title in [
            "Sr. Application Security Engineer",
            "Python Developer, C++ Developer, Mobile Developer (iOS), System Administrator, Scrum Master, Agile Coach",
        ] {
            let p = Posting::from_text("x", format!("Acme | {title} | Berlin"));
            assert_eq!(p.title.as_deref(), Some(title));
        }
        // A header that opens with its place names no company there.
        let p = Posting::from_text("x", "London (Soho) | Senior Backend Engineer | Onsite");
        assert_eq!(
            (p.title.as_deref(), p.company.as_deref()),
            (Some("Senior Backend Engineer"), None)
        );
        // An opening sentence that says who is hiring whom.
        let p = Posting::from_text(
            "x",
            "Brightwater Labs is hiring a full stack developer in Leeds to help us grow.\n\nMore.",
        );
        assert_eq!(
            (p.title.as_deref(), p.company.as_deref()),
            (Some("full stack developer"), Some("Brightwater Labs"))
        );
        let p = Posting::from_text("x", "We are hiring a full stack developer in Leeds.");
        assert_eq!(p.company, None);
        for (header, company) in [
            ("Dallas, TX | Backend Developer", None),
            ("Carrot, Inc. | Engineers | Remote", Some("Carrot, Inc.")),
            ("Sentry.io | Various | Remote", Some("Sentry.io")),
        ] {
            assert_eq!(
                Posting::from_text("x", header).company.as_deref(),
                company,
                "{header}"
            );
        }
        // No part names a role: the first that is not a place or terms is taken; a
        // header of places and terms only gives no title at all.
        let p = Posting::from_text(
            "x",
            "Asana | New York City, San Francisco, and Vancouver | Onsite",
        );
        assert_eq!(p.title, None);
        assert_eq!(p.company.as_deref(), Some("Asana"));
        let p = Posting::from_text(
            "x",
            "Remind | Backend, Fullstack, or Android | San Francisco, CA",
        );
        assert_eq!(p.title.as_deref(), Some("Backend, Fullstack, or Android"));
        let p = Posting::from_text(
            "x",
            "Airtame (https://airtame.com) | Copenhagen, Denmark | Onsite",
        );
        assert_eq!(p.company.as_deref(), Some("Airtame"));
        let p = Posting::from_text("x", "Acme - https://acme.io | Rust Engineer");
        assert_eq!(p.company.as_deref(), Some("Acme"));
        let p = Posting::from_text(
            "x",
            "Flexport (YC W14) | San Francisco, CA and Chicago, IL | Onsite",
        );
        assert_eq!(
            (p.company.as_deref(), p.title.as_deref()),
            (Some("Flexport"), None)
        );
        let p = Posting::from_text("x", "INTEROS(SaaS)|Haskell Software Engineer|Arlington, VA");
        assert_eq!(p.company.as_deref(), Some("INTEROS"));
        let p = Posting::from_text("x", "Lead Developer | Full-time | REMOTE | Munich");
        assert_eq!(
            (p.title.as_deref(), p.company.as_deref()),
            (Some("Lead Developer"), None)
        );
        for header in [
            "PlanGrid | San Francisco | Onsite",
            "Acme | NYC",
            "Acme | London (UK) | Full-time",
        ] {
            assert_eq!(Posting::from_text("x", header).title, None, "{header}");
        }
        let p = Posting::from_text("x", "Nuna | San Francisco / DC | Remote-OK");
        assert_eq!(p.title, None);
        let p = Posting::from_text("x", "Nuna | Machine Learning / Computer Vision | Boston");
        assert_eq!(
            p.title.as_deref(),
            Some("Machine Learning / Computer Vision")
        );
        let p = Posting::from_text("x", "Initech | Platform team | Austin, TX | REMOTE");
        assert_eq!(p.title.as_deref(), Some("Platform team"));
        for header in [
            "Cmd | Vancouver, BC | Onsite and Remote | Full Time | https://www.cmd.com",
            "Airtame | Copenhagen, Denmark/ Budapest, Hungary | Full-time, Onsite",
            "SpaceX | Hawthorne, CA; Redmond, WA | Perm, Onsite | $120k",
            "Tata Institute | tiss.edu | Mumbai, India",
            "MailChimp | Atlanta Brooklyn Oakland | Full-Time (FT)",
            "Acme | New York City London | Onsite",
        ] {
            let p = Posting::from_text("x", header);
            assert_eq!(p.title, None, "{header}");
            assert!(p.company.is_some(), "{header}");
        }
        // A job board's heading above the title is skipped; a title naming a
        // section word is not.
        let p = Posting::from_text(
            "x",
            "About the job\nSenior Backend Engineer (Python)\n\nText.",
        );
        assert_eq!(p.title.as_deref(), Some("Senior Backend Engineer (Python)"));
        let p = Posting::from_text("x", "Job description\n\nData Engineer\n\nText.");
        assert_eq!(p.title.as_deref(), Some("Data Engineer"));
        // A part opening with a seniority names the role.
        let header = "Cleary | Full-Time | Senior Full Stack (Rails) | San Francisco, CA";
        let p = Posting::from_text("x", header);
        assert_eq!(p.title.as_deref(), Some("Senior Full Stack (Rails)"));
        // What the job asks is no title ("NLP, Telephony" reads as "City, Region").
        let p = Posting::from_text(
            "x",
            "KEA | Bay Area | NLP, Telephony | Python / Haskell | 4+ years of experience",
        );
        assert_eq!(p.title, None);
        let p = Posting::from_text("x", "Quatico | Java Backend | SALARY: 100k\n- Days: 25\n");
        assert_eq!(p.title.as_deref(), Some("Java Backend"));
        // A section heading opening an ad is no job board's heading: the line below
        // it is no title either.
        let p = Posting::from_text("x", "Responsibilities\n- Design APIs in Go\n");
        assert_ne!(p.title.as_deref(), Some("- Design APIs in Go"));
        assert_eq!(classify_heading("Senior Full Stack Engineer"), None);
        // A seniority word opening the first part is a company's name.
        let p = Posting::from_text("x", "Principal Financial Group | Data Platform | Remote");
        assert_eq!(p.company.as_deref(), Some("Principal Financial Group"));
        let p = Posting::from_text("x", "Engineer, Developer Experience\n\nText.");
        assert_eq!(p.title.as_deref(), Some("Engineer, Developer Experience"));
        let p = Posting::from_text("x", "# Data Engineer at Globex\n\nText.");
        assert_eq!(p.title.as_deref(), Some("Data Engineer"));
        assert_eq!(p.company.as_deref(), Some("Globex"));
    }

    #[test]
    fn header_parts_name_the_company_around_the_role_and_place() {
        for (header, title, company, location) in [
            // The role first, the company second.
            (
                "Software Engineer | Initrode | Gainesville, FL | Onsite, Full-Time |",
                Some("Software Engineer"),
                Some("Initrode"),
                Some("Gainesville, FL"),
            ),
            (
                "Software Engineer (Remote-EST) | Initrode | Remote | Full-Time",
                Some("Software Engineer (Remote-EST)"),
                Some("Initrode"),
                Some("Remote"),
            ),
            // The last part runs on into the ad, which names roles of its own.
            (
                "Software Engineer (Tampa + Remote) | Initrode | Tampa, FL | Full-Time | \
                 Tampa: https://jobs.example.com/initrode/1 Initrode is seeking engineers \
                 for our team in Tampa. Our engineers ship to production daily.",
                Some("Software Engineer (Tampa + Remote)"),
                Some("Initrode"),
                Some("Tampa, FL"),
            ),
            // No company second: terms of work.
            (
                "Lead Developer | Full-time | REMOTE | Munich",
                Some("Lead Developer"),
                None,
                Some("Munich"),
            ),
            // The company's name runs on into its place.
            (
                "Vandelay, Boulder, CO, Techstars Boulder 2015 | iOS Developer",
                Some("iOS Developer"),
                Some("Vandelay"),
                Some("Boulder, CO"),
            ),
            (
                "Carrot, Inc. | Engineers | Remote",
                Some("Engineers"),
                Some("Carrot, Inc."),
                Some("Remote"),
            ),
            (
                "Software Engineer | Front End | FULL TIME | Menlo Park, CA",
                Some("Software Engineer"),
                None,
                Some("Menlo Park, CA"),
            ),
            // The place after a dash or in brackets.
            (
                "Initech -- New York, NY | Full Stack Engineer",
                Some("Full Stack Engineer"),
                Some("Initech"),
                Some("New York, NY"),
            ),
            (
                "Initech (New York, NY) | Data Engineer",
                Some("Data Engineer"),
                Some("Initech"),
                Some("New York, NY"),
            ),
            (
                "GLOBEX.COM - Amsterdam, Netherlands | Remote",
                None,
                Some("GLOBEX.COM"),
                Some("Amsterdam, Netherlands"),
            ),
            // "Role @ Company City, Country".
            (
                "C++ Developer @ Globex Amsterdam, Netherlands | Full-time | Onsite",
                Some("C++ Developer"),
                Some("Globex"),
                Some("Amsterdam, Netherlands"),
            ),
            // A company in its city; a place is no title; places in a list; a list of
            // skills is no place.
            (
                "Vandelay, San Francisco | Senior Backend Engineer | Full-time",
                Some("Senior Backend Engineer"),
                Some("Vandelay"),
                Some("San Francisco"),
            ),
            (
                "Initech | Los Angeles, CA (Playa Vista) | Full Time | Onsite",
                None,
                Some("Initech"),
                Some("Los Angeles, CA (Playa Vista)"),
            ),
            (
                "Initech | Backend Engineer | Greenwich, CT or Boston/Cambridge, MA or Remote",
                Some("Backend Engineer"),
                Some("Initech"),
                Some("Greenwich, CT or Boston/Cambridge, MA or Remote"),
            ),
            (
                "Initech | Backend Engineer | Vienna, Austria | Onsite",
                Some("Backend Engineer"),
                Some("Initech"),
                Some("Vienna, Austria"),
            ),
            (
                "Initech | Mobile Engineer | React Native / Django | 100% Remote",
                Some("Mobile Engineer"),
                Some("Initech"),
                Some("100% Remote"),
            ),
            // A capitalised abbreviation is no sentence's end.
            (
                "Zentrix | PM, Eng, Sales, Marketing, Cust. Exp. and more | Full-time",
                Some("PM, Eng, Sales, Marketing, Cust. Exp. and more"),
                Some("Zentrix"),
                None,
            ),
        ] {
            let p = Posting::from_text("x", header);
            assert_eq!(
                (
                    p.title.as_deref(),
                    p.company.as_deref(),
                    p.location.as_deref()
                ),
                (title, company, location),
                "{header}"
            );
        }
    }
}
