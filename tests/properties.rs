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
        ),
        1..6,
    )
    .prop_map(|blocks| {
        let mut t = String::from("Software Engineer\n\n");
        for (heading, years, skills) in blocks {
            if !heading.is_empty() {
                t.push_str(heading);
                t.push('\n');
            }
            t.push_str(&format!("- {years}{} in production.\n", skills.join(", ")));
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
