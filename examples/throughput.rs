//! Extraction and analysis throughput over a corpus of postings (JSONL with a `text`
//! field, e.g. ../shared/data/postings/hn_whoishiring_2017_2020.jsonl):
//! `cargo run --release --example throughput -- FILE [ROUNDS]`.
//! Reports MB/s of posting text for folding alone, extraction (fold + match), and the
//! whole posting analysis (sections, sentence roles, years, weights), single-threaded.

use std::time::Instant;

// The allocator the jobfit binary uses, so the figures are the shipped program's.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: throughput FILE.jsonl [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let data = std::fs::read_to_string(path).expect("readable corpus");
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let rules = jobfit::rules::load(&jobfit::rules::RuleSources::default()).expect("rules");
    // THROUGHPUT_DUMP=FILE writes every posting's findings and analysis instead of
    // timing: the reference that a speed-up must reproduce byte for byte.
    if let Some(out) = std::env::var_os("THROUGHPUT_DUMP") {
        use std::fmt::Write as _;
        let mut dump = String::new();
        for t in &texts {
            let _ = writeln!(dump, "{:?}", rules.extract(t));
            let p = jobfit::posting::Posting::from_text("x", t.clone());
            let a = jobfit::posting::AnalyzedPosting::analyze(p, &rules);
            let _ = writeln!(
                dump,
                "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
                a.sections, a.skills, a.roles, a.years, a.total_years, a.findings, a.title_mentions
            );
        }
        std::fs::write(out, dump).expect("writable dump");
        return;
    }
    println!(
        "{} postings, {:.1} MB, {} rules; best of {rounds} rounds, one thread",
        texts.len(),
        bytes as f64 / 1e6,
        rules.len()
    );
    let best = |f: &dyn Fn() -> usize| {
        let mut best = f64::MAX;
        let mut n = 0;
        for _ in 0..rounds {
            let t = Instant::now();
            n = f();
            best = best.min(t.elapsed().as_secs_f64());
        }
        (bytes as f64 / best / 1e6, n)
    };
    let (fold, _) = best(&|| {
        texts
            .iter()
            .map(|t| jobfit::text::Folded::new(t).as_str().len())
            .sum()
    });
    println!("fold only:        {fold:7.1} MB/s");
    // THROUGHPUT_ANALYSIS_ONLY skips extraction alone, so a profile of the run shows
    // the analysis's own costs.
    let analysis_only = std::env::var_os("THROUGHPUT_ANALYSIS_ONLY").is_some();
    let (extract, n) = if analysis_only {
        (0.0, 0)
    } else {
        best(&|| texts.iter().map(|t| rules.extract(t).len()).sum())
    };
    println!("extract:          {extract:7.1} MB/s  ({n} findings)");
    #[cfg(feature = "stats")]
    {
        let s: Vec<u64> = jobfit::rules::dict::STATS
            .iter()
            .map(|a| a.load(std::sync::atomic::Ordering::Relaxed) / rounds as u64)
            .collect();
        println!(
            "  per round: {} token starts, {} walks, {} dictionary matches",
            s[0], s[1], s[2]
        );
    }
    if std::env::var_os("THROUGHPUT_EXTRACT_ONLY").is_some() {
        return;
    }
    let (analyze, n) = best(&|| {
        texts
            .iter()
            .map(|t| {
                let p = jobfit::posting::Posting::from_text("x", t.clone());
                jobfit::posting::AnalyzedPosting::analyze(p, &rules)
                    .skills
                    .len()
            })
            .sum()
    });
    println!("posting analysis: {analyze:7.1} MB/s  ({n} posting skills)");
}
