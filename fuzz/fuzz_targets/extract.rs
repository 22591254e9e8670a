//! The extractor: any text, built-in rules. Findings must lie inside the text, on
//! character boundaries, in order, with no rule found twice at overlapping spans.
#![no_main]

use std::sync::OnceLock;

use jobfit::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

fn rules() -> &'static RuleSet {
    static R: OnceLock<RuleSet> = OnceLock::new();
    R.get_or_init(|| RuleSet::builtin().expect("built-in rules"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let found = rules().extract(&text);
    let mut last_start = 0;
    for f in &found {
        assert!(f.start < f.end && f.end <= text.len(), "{}..{} of {}", f.start, f.end, text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert!(f.start >= last_start, "findings out of order");
        last_start = f.start;
    }
    for (i, a) in found.iter().enumerate() {
        for b in &found[i + 1..] {
            if a.rule == b.rule {
                assert!(a.end <= b.start || b.end <= a.start, "overlapping findings of one rule");
            }
        }
    }
});
