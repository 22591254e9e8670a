//! Times the phases of `jobfit score` in-process, to see what start-up costs:
//! `cargo run --release --example phases -- PROFILE POSTING [RUNS]`.

use std::time::Instant;

use jobfit::evidence::AnalyzedProfile;
use jobfit::posting::AnalyzedPosting;
use jobfit::profile::PartialDate;
use jobfit::rules::RuleSources;
use jobfit::score::Score;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: phases PROFILE POSTING [RUNS]");
        std::process::exit(2);
    }
    let runs: u32 = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(20);
    let mut t = [0f64; 6];
    for _ in 0..runs {
        let a = Instant::now();
        let rules = jobfit::rules::load(&RuleSources::default()).expect("rules");
        let b = Instant::now();
        let c = Instant::now();
        let profile =
            jobfit::source::load_profile(std::path::Path::new(&args[1])).expect("profile");
        let pa = AnalyzedProfile::analyze(profile, &rules, PartialDate::today());
        let d = Instant::now();
        let posting =
            jobfit::source::load_posting(Some(std::path::Path::new(&args[2]))).expect("posting");
        let po = AnalyzedPosting::analyze(posting, &rules);
        let e = Instant::now();
        let score = Score::compute(&rules, &po, &pa);
        let sel = jobfit::tailor::select_bullets(&po, &pa, 6, None);
        let rep = jobfit::report::ScoreReport::build(&rules, &po, &pa, &score, &sel);
        let json =
            serde_json::to_string(&jobfit::report::Message::Score(Box::new(rep))).expect("json");
        let f = Instant::now();
        std::hint::black_box(json);
        for (i, (x, y)) in [(a, b), (b, c), (c, d), (d, e), (e, f), (a, f)]
            .iter()
            .enumerate()
        {
            t[i] += (*y - *x).as_secs_f64() * 1e3 / f64::from(runs);
        }
    }
    println!(
        "mean over {runs} runs (ms): rules {:.2}, (unused) {:.2}, profile {:.2}, posting {:.2}, score+report {:.2}, total {:.2}",
        t[0], t[1], t[2], t[3], t[4], t[5]
    );
}
