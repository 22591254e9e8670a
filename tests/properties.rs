//! Invariants of scoring, checked on generated profiles and postings: the score stays
//! in 0..=100, the same inputs give the same score, points add up to the score, and
//! adding a skill the posting asks for to the profile never lowers the score.

use jobfit::evidence::AnalyzedProfile;
use jobfit::posting::{AnalyzedPosting, Posting};
use jobfit::profile::{PartialDate, Profile, SkillEntry, Work};
use jobfit::rules::{RuleSet, RuleSources};
use jobfit::score::Score;
use proptest::prelude::*;
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| jobfit::rules::load(&RuleSources::default()).expect("built-in rules load"))
}

const SKILLS: &[&str] = &[
    "Python",
    "Go",
    "Rust",
    "Java",
    "JavaScript",
    "TypeScript",
    "PostgreSQL",
    "MySQL",
    "Redis",
    "Docker",
    "Kubernetes",
    "Django",
    "Flask",
    "FastAPI",
    "React",
    "CI/CD",
    "mentoring",
    "excellent communication skills",
    "C++",
    "SQL",
];
const SECTIONS: &[&str] = &[
    "## Requirements",
    "## Nice to have",
    "## Responsibilities",
    "## About us",
    "",
];
const YEARS: &[&str] = &[
    "",
    "3+ years of ",
    "at least five years of experience with ",
];

fn posting_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(SECTIONS),
            prop::sample::select(YEARS),
            prop::collection::vec(prop::sample::select(SKILLS), 1..4),
            any::<bool>(),
        ),
        1..6,
    )
    .prop_flat_map(|blocks| {
        (
            Just(blocks),
            prop::collection::vec(prop::sample::select(SKILLS), 0..4),
        )
    })
    .prop_map(|(blocks, roles)| {
        // Some titles offer several jobs ("Go Engineer, Rust Engineer, SREs"), so the
        // roles a résumé fits one of are exercised too.
        let mut t = if roles.is_empty() {
            String::from("Software Engineer\n\n")
        } else {
            let jobs: Vec<String> = roles.iter().map(|r| format!("{r} Engineer")).collect();
            format!("{}, SREs\n\n", jobs.join(", "))
        };
        for (heading, years, skills, or) in blocks {
            if !heading.is_empty() {
                t.push_str(heading);
                t.push('\n');
            }
            // Some lines list alternatives ("Go, Rust or Python"), so groups of
            // alternatives, and skills also asked for on their own, are exercised.
            let list = match skills.split_last() {
                Some((last, rest)) if or && !rest.is_empty() => {
                    format!("{} or {last}", rest.join(", "))
                }
                _ => skills.join(", "),
            };
            t.push_str(&format!("- {years}{list} in production.\n"));
        }
        t
    })
}

fn profile() -> impl Strategy<Value = Profile> {
    (
        prop::collection::vec(
            (
                prop::collection::vec(prop::sample::select(SKILLS), 1..4),
                2000u16..2024,
                1u16..6,
            ),
            0..4,
        ),
        prop::collection::vec(prop::sample::select(SKILLS), 0..5),
    )
        .prop_map(|(roles, declared)| {
            let mut p = Profile::default();
            p.basics.summary = Some("Engineer.".into());
            for (skills, start, len) in roles {
                p.work.push(Work {
                    name: Some("Co".into()),
                    start_date: Some(
                        PartialDate {
                            year: start,
                            month: Some(1),
                            day: None,
                        }
                        .into(),
                    ),
                    end_date: Some(
                        PartialDate {
                            year: start + len,
                            month: Some(6),
                            day: None,
                        }
                        .into(),
                    ),
                    highlights: vec![format!("Built systems with {}.", skills.join(" and "))],
                    ..Work::default()
                });
            }
            p.skills.push(SkillEntry {
                name: Some("Skills".into()),
                keywords: declared.iter().map(|s| (*s).to_owned()).collect(),
                ..SkillEntry::default()
            });
            p
        })
}

fn score(profile: &Profile, text: &str) -> Score {
    let as_of = PartialDate {
        year: 2026,
        month: Some(11),
        day: None,
    };
    let pr = AnalyzedProfile::analyze(profile.clone(), rules(), as_of);
    let po = AnalyzedPosting::analyze(Posting::from_text("p", text), rules());
    Score::compute(rules(), &po, &pr)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn score_is_bounded_deterministic_and_fully_explained(p in profile(), t in posting_text()) {
        let a = score(&p, &t);
        prop_assert!((0.0..=100.0).contains(&a.value), "score {}", a.value);
        let b = score(&p, &t);
        prop_assert_eq!(a.value.to_bits(), b.value.to_bits());
        let points: f32 = a.items.iter().map(|i| i.points).sum::<f32>() + a.experience.map_or(0.0, |e| e.points);
        prop_assert!((points - a.value).abs() < 0.01, "points {} score {}", points, a.value);
        let lost: f32 = a.items.iter().map(|i| i.lost).sum::<f32>() + a.experience.map_or(0.0, |e| e.lost);
        let unrecognised = 100.0 * a.unrecognized_weight / a.total_weight;
        prop_assert!((a.value + lost + unrecognised - 100.0).abs() < 0.05, "won {} lost {} unrecognised {}", a.value, lost, unrecognised);
    }

    #[test]
    fn adding_an_asked_skill_never_lowers_the_score(
        p in profile(),
        t in posting_text(),
        pick in 0usize..SKILLS.len(),
        as_work in any::<bool>(),
    ) {
        let before = score(&p, &t);
        let skill = SKILLS[pick];
        let mut q = p.clone();
        if as_work {
            q.work.push(Work {
                name: Some("New".into()),
                start_date: Some(PartialDate { year: 2010, month: Some(1), day: None }.into()),
                end_date: Some(PartialDate { year: 2012, month: Some(1), day: None }.into()),
                highlights: vec![format!("Shipped features with {skill}.")],
                ..Work::default()
            });
        } else {
            q.skills[0].keywords.push(skill.to_owned());
        }
        let after = score(&q, &t);
        prop_assert!(after.value + 1e-3 >= before.value, "{} -> {} adding {}", before.value, after.value, skill);
    }
}

// ---------------------------------------------------------------------------------
// Tailoring tells the truth: on generated profiles and postings, and on every shipped
// profile × posting, selected bullets are verbatim profile bullets, and the generated
// summary names only skills the profile shows, only numbers the profile contains (or
// years derived from its dates), and no word that is not in the profile, a rule's
// name, or the generator's fixed connecting vocabulary (so no invented employer,
// title or date can slip in).

use jobfit::tailor::{Options, Tailored, one_line, tailor};

/// Every word the summary templates may add on their own.
const TEMPLATE_WORDS: &[&str] = &[
    "with",
    "of",
    "experience",
    "currently",
    "now",
    "professional",
    "at",
    "as",
    "over",
    "year",
    "years",
    "strongest",
    "matches",
    "for",
    "this",
    "role",
    "brings",
    "to",
    "hands-on",
    "hands",
    "on",
    "core",
    "strengths",
    "posting",
    "carries",
    "the",
    "related",
    "uses",
    "is",
    "close",
    "asked",
    "here",
    "and",
    "languages",
    "frameworks",
    "data",
    "stores",
    "cloud",
    "services",
    "infrastructure",
    "tooling",
    "modelling",
    "tools",
    "test",
    "protocols",
    "formats",
    "platforms",
    "security",
    "practices",
    "closest",
    "match",
    "what",
    "asks",
];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-').to_lowercase())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect()
}

fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let inner = (c == '.' || c == ',')
            && !cur.is_empty()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() || inner {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Checks one generated text against the profile; `Err` says what is untrue.
fn truthful(text: &str, pr: &AnalyzedProfile) -> Result<(), String> {
    let rules = rules();
    // The profile's own words quoted verbatim (its headline, employers, titles, bullet
    // sentences) may name what they name.
    let p = &pr.profile;
    let mut quotes: Vec<String> = p.basics.label.iter().cloned().collect();
    for w in &p.work {
        quotes.extend(w.name.iter().cloned());
        quotes.extend(w.position.iter().cloned());
        for h in &w.highlights {
            quotes.extend(jobfit::import::sentences(h));
        }
    }
    for pj in &p.projects {
        quotes.extend(pj.name.iter().cloned());
        for h in &pj.highlights {
            quotes.extend(jobfit::import::sentences(h));
        }
    }
    let inside_quote = |a: usize, b: usize| {
        quotes.iter().any(|q| {
            let q = q.trim_end_matches('.');
            text.match_indices(q)
                .any(|(i, _)| i <= a && b <= i + q.len())
        })
    };
    for f in rules.extract(text) {
        if inside_quote(f.start, f.end) {
            continue;
        }
        if pr.evidence(f.rule).is_none() {
            return Err(format!(
                "names {} not in the profile: {text}",
                rules.rule(f.rule).id
            ));
        }
    }
    let source = pr.profile.to_json();
    let allowed_numbers: std::collections::BTreeSet<String> = numbers(&source)
        .into_iter()
        .chain(std::iter::once((pr.total_months / 12).to_string()))
        .chain(pr.stated_total_years.map(|y| y.to_string()))
        .chain(pr.skills.values().flat_map(|e| {
            [
                Some((e.months / 12).to_string()),
                e.stated_years.map(|y| y.to_string()),
                e.listed_years.map(|y| (y.floor() as u32).to_string()),
            ]
            .into_iter()
            .flatten()
        }))
        .collect();
    for n in numbers(text) {
        if !allowed_numbers.contains(&n) {
            return Err(format!("number {n} is not in the profile: {text}"));
        }
    }
    let mut vocabulary: std::collections::BTreeSet<String> = words(&source).into_iter().collect();
    vocabulary.extend(TEMPLATE_WORDS.iter().map(|w| (*w).to_owned()));
    for r in rules.rules() {
        vocabulary.extend(words(&r.name));
    }
    for w in words(text) {
        if !vocabulary.contains(&w) {
            return Err(format!("word {w:?} comes from nowhere: {text}"));
        }
    }
    Ok(())
}

fn check_tailoring(profile: &Profile, text: &str) -> Result<Tailored, String> {
    let as_of = PartialDate {
        year: 2026,
        month: Some(11),
        day: None,
    };
    let pr = AnalyzedProfile::analyze(profile.clone(), rules(), as_of);
    let po = AnalyzedPosting::analyze(Posting::from_text("p", text), rules());
    let sc = Score::compute(rules(), &po, &pr);
    let t = tailor(
        rules(),
        &po,
        &pr,
        &sc,
        Options {
            bullets: 4,
            per_role: Some(2),
        },
    );
    let all: Vec<(String, &String)> = profile
        .work
        .iter()
        .enumerate()
        .flat_map(|(i, w)| {
            w.highlights
                .iter()
                .enumerate()
                .map(move |(j, h)| (format!("work[{i}].highlights[{j}]"), h))
        })
        .chain(profile.projects.iter().enumerate().flat_map(|(i, p)| {
            p.highlights
                .iter()
                .enumerate()
                .map(move |(j, h)| (format!("projects[{i}].highlights[{j}]"), h))
        }))
        .collect();
    if t.selected.len() > 4 {
        return Err(format!("{} bullets over a budget of 4", t.selected.len()));
    }
    for s in &t.selected {
        if !all
            .iter()
            .any(|(f, h)| *f == s.bullet.field && **h == s.bullet.text)
        {
            return Err(format!(
                "not a verbatim profile bullet: {:?} {}",
                s.bullet.field, s.bullet.text
            ));
        }
    }
    if t.selected
        .windows(2)
        .any(|w| w[0].bullet.order > w[1].bullet.order)
    {
        return Err("bullets out of the résumé's order".into());
    }
    // The tailored résumé keeps every role, its dates and employer, and only cuts
    // highlights (order kept).
    if t.resume.work.len() != profile.work.len() {
        return Err("a role was dropped".into());
    }
    for (a, b) in t.resume.work.iter().zip(&profile.work) {
        if a.name != b.name
            || a.position != b.position
            || a.start_date != b.start_date
            || a.end_date != b.end_date
        {
            return Err("a role's facts changed".into());
        }
        let mut it = b.highlights.iter();
        if !a.highlights.iter().all(|h| it.any(|x| x == h)) {
            return Err("highlights are not a subsequence of the profile's".into());
        }
    }
    if !t.summary.dropped.is_empty() {
        return Err(format!(
            "the generator wrote untrue sentences: {:?}",
            t.summary.dropped
        ));
    }
    if t.summary.sentences.len() > 4 {
        return Err("more than 4 sentences".into());
    }
    truthful(&t.summary.text(), &pr)?;
    // The summary quotes no sentence the résumé already shows among its bullets.
    let summary = t.summary.text();
    for s in &t.selected {
        for piece in s.bullet.text.split(". ") {
            let piece = piece.trim().trim_end_matches('.');
            if piece.len() > 20 && summary.contains(piece) {
                return Err(format!("the summary repeats a selected bullet: {piece:?}"));
            }
        }
    }
    if let Some(line) = one_line(rules(), &pr, &sc) {
        truthful(&line, &pr)?;
    }
    Ok(t)
}

const EMPLOYERS: &[Option<&str>] = &[
    Some("Initech"),
    Some("Globex Corporation"),
    Some("Umbrella"),
    Some("Hooli"),
    None,
];
const POSITIONS: &[Option<&str>] = &[
    Some("Software engineer"),
    Some("Staff engineer, payments"),
    Some("SRE"),
    Some("Data Engineer"),
    None,
];
const LABELS: &[Option<&str>] = &[
    Some("Backend engineer"),
    Some("Senior platform engineer, infrastructure"),
    None,
];
const SUMMARIES: &[Option<&str>] = &[
    Some("I have 12 years of experience with Python and SQL."),
    Some("Engineer who likes Go and Kubernetes."),
    Some("Calm under pressure; 3 years of Rust."),
    None,
];
const BULLETS: &[&str] = &[
    "Cut p99 latency by 40% in the Go billing service.",
    "Ran PostgreSQL clusters serving 12k queries per second.",
    "Moved 300 services to Kubernetes on AWS.",
    "Mentored 5 engineers and led code reviews.",
    "Built Django and React features for 2 million users.",
    "Wrote Terraform modules for three regions.",
    "Automated releases with GitHub Actions and Docker.",
    "Designed Kafka pipelines processing 1.5 TB a day.",
    "Kept the on-call rota sane for a team of 8.",
    "Answered support tickets.",
];

fn rich_profile() -> impl Strategy<Value = Profile> {
    (
        prop::sample::select(LABELS),
        prop::sample::select(SUMMARIES),
        prop::collection::vec(
            (
                prop::sample::select(EMPLOYERS),
                prop::sample::select(POSITIONS),
                2000u16..2025,
                1u8..13,
                0i32..90,
                prop::collection::vec(prop::sample::select(BULLETS), 0..4),
                prop::collection::vec(prop::sample::select(SKILLS), 0..3),
            ),
            0..4,
        ),
        any::<bool>(),
        prop::collection::vec(prop::sample::select(SKILLS), 0..5),
    )
        .prop_map(|(label, summary, roles, current, declared)| {
            let mut p = Profile::default();
            p.basics.label = label.map(str::to_owned);
            p.basics.summary = summary.map(str::to_owned);
            for (k, (name, position, year, month, months, bullets, skills)) in
                roles.into_iter().enumerate()
            {
                let start = PartialDate {
                    year,
                    month: Some(month),
                    day: None,
                };
                let end = PartialDate::from_month_index(start.first_month() + months);
                let mut highlights: Vec<String> = bullets.iter().map(|b| (*b).to_owned()).collect();
                if !skills.is_empty() {
                    highlights.push(format!("Built systems with {}.", skills.join(" and ")));
                }
                highlights.dedup();
                p.work.push(Work {
                    name: name.map(str::to_owned),
                    position: position.map(str::to_owned),
                    start_date: Some(start.into()),
                    end_date: (!(current && k == 0)).then(|| end.into()),
                    highlights,
                    ..Work::default()
                });
            }
            if !declared.is_empty() {
                p.skills.push(SkillEntry {
                    name: Some("Skills".into()),
                    keywords: declared.iter().map(|s| (*s).to_owned()).collect(),
                    ..SkillEntry::default()
                });
            }
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn tailoring_states_only_profile_facts(p in rich_profile(), t in posting_text()) {
        if let Err(e) = check_tailoring(&p, &t) {
            prop_assert!(false, "{}", e);
        }
    }
}

#[test]
fn tailoring_every_shipped_profile_for_every_shipped_posting_is_truthful() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut postings: Vec<std::path::PathBuf> = Vec::new();
    for dir in ["jobs", "tests/fixtures/postings"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            postings.push(e.unwrap().path());
        }
    }
    postings.sort();
    let mut n = 0;
    for e in std::fs::read_dir(root.join("profiles")).unwrap() {
        let path = e.unwrap().path();
        let profile = jobfit::source::load_profile(&path).unwrap();
        let mut summaries = Vec::new();
        for posting in &postings {
            let Ok(p) = jobfit::source::load_posting(Some(posting)) else {
                continue;
            };
            let t = check_tailoring(&profile, &p.text)
                .unwrap_or_else(|e| panic!("{} × {}: {e}", path.display(), posting.display()));
            summaries.push(t.summary.text());
            n += 1;
        }
        // Different postings read differently.
        let distinct: std::collections::BTreeSet<&String> = summaries.iter().collect();
        assert!(
            distinct.len() * 10 >= summaries.len() * 8,
            "{}: {summaries:#?}",
            path.display()
        );
    }
    assert!(n >= 10, "{n} pairs checked");
}

/// A missing skill that builds on others the profile has is explained by the most
/// specific of them: Kinesis is nearest to AWS, not to the cloud computing AWS implies.
#[test]
fn a_skill_built_on_others_is_explained_by_the_most_specific_one() {
    let mut p = Profile::default();
    p.work.push(Work {
        name: Some("Co".into()),
        highlights: vec![
            "Ran cloud infrastructure and public cloud migrations for ten teams.".into(),
            "Built the billing pipeline on AWS.".into(),
        ],
        ..Work::default()
    });
    let s = score(&p, "Data Engineer\n\nRequirements:\n- Amazon Kinesis\n");
    let kinesis = rules().find("aws-kinesis").expect("kinesis rule");
    let item = s
        .items
        .iter()
        .find(|i| i.skill.rule == kinesis)
        .expect("kinesis asked");
    assert_eq!(item.status, jobfit::score::Status::Related);
    assert_eq!(item.via, rules().find("aws"));
}
