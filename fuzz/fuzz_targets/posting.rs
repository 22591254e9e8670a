//! The posting parser and everything after it: any bytes, read as a posting of any
//! kind (text, Markdown, HTML, JSON, YAML, CSV, NDJSON; the first byte picks the kind), then
//! analysed, scored against a fixed profile and tailored. Nothing may panic, and the
//! score must stay in 0..=100 with its points adding up.
#![no_main]

use std::sync::OnceLock;

use jobfit::evidence::AnalyzedProfile;
use jobfit::posting::AnalyzedPosting;
use jobfit::profile::{PartialDate, Profile};
use jobfit::rules::RuleSet;
use jobfit::score::Score;
use libfuzzer_sys::fuzz_target;

const PROFILE: &str = "basics:\n  label: Back-end engineer\n  summary: Python and Go for 8 years.\nwork:\n  - name: Acme\n    position: Engineer\n    startDate: 2018-01\n    highlights:\n      - Built Django APIs on PostgreSQL for 2 million users.\n      - Ran Kubernetes on AWS.\n";

fn setup() -> &'static (RuleSet, AnalyzedProfile) {
    static S: OnceLock<(RuleSet, AnalyzedProfile)> = OnceLock::new();
    S.get_or_init(|| {
        // Panics that jobfit contains (the HTML readability port) are not findings;
        // any other panic still reaches libFuzzer's hook, which reports it and aborts.
        jobfit::error::quiet_contained_panics();
        let rules = RuleSet::builtin().expect("built-in rules");
        let p = Profile::from_yaml("fuzz.yaml", PROFILE).expect("profile");
        let as_of = PartialDate { year: 2026, month: Some(11), day: None };
        let a = AnalyzedProfile::analyze(p, &rules, as_of);
        (rules, a)
    })
}

fuzz_target!(|data: &[u8]| {
    let (rules, profile) = setup();
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    // 250 and 251 were added later: the older kinds keep their bytes, so the corpus
    // keeps its meaning.
    let origin = match kind {
        250 => "fuzz.csv",
        251 => "fuzz.ndjson",
        k => match k % 5 {
            0 => "fuzz.md",
            1 => "fuzz.txt",
            2 => "fuzz.html",
            3 => "fuzz.json",
            _ => "fuzz.yaml",
        },
    };
    let Ok(text) = jobfit::source::decode(origin, rest) else {
        return;
    };
    let Ok(posting) = jobfit::source::posting_from_document(origin, &text) else {
        return;
    };
    let analyzed = AnalyzedPosting::analyze(posting, rules);
    let score = Score::compute(rules, &analyzed, profile);
    assert!((0.0..=100.0).contains(&score.value), "score {}", score.value);
    let points: f32 = score.items.iter().map(|i| i.points).sum::<f32>()
        + score.experience.map_or(0.0, |e| e.points);
    assert!((points - score.value).abs() < 0.05, "{points} vs {}", score.value);
    let t = jobfit::tailor::tailor(
        rules,
        &analyzed,
        profile,
        &score,
        jobfit::tailor::Options::default(),
    );
    assert!(t.summary.dropped.is_empty(), "{:?}", t.summary.dropped);
});
