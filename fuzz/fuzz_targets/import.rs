//! The résumé importer: any bytes as a résumé (text, Markdown, narrative; or a PDF when
//! they start with `%PDF-`). It may refuse, but a profile it returns must be one jobfit
//! can write and read back unchanged, and analyse.
#![no_main]

use jobfit::profile::{PartialDate, Profile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The PDF reader runs inside `jobfit::error::contain`; its panics are handled, not
    // findings. Any other panic still reaches libFuzzer's hook, which reports it and
    // aborts.
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(jobfit::error::quiet_contained_panics);
    let imported = if data.starts_with(b"%PDF-") {
        match jobfit::import::pdf_text("fuzz.pdf", data) {
            Ok(text) => jobfit::import::import_text("fuzz.pdf", &text),
            Err(_) => return,
        }
    } else {
        let Ok(text) = jobfit::source::decode("fuzz.txt", data) else {
            return;
        };
        jobfit::import::import_text("fuzz.txt", &text)
    };
    let Ok(imported) = imported else {
        return;
    };
    let yaml = imported.profile.to_yaml();
    let back = match Profile::from_yaml("fuzz.yaml", &yaml) {
        Ok(p) => p,
        Err(e) => panic!("imported profile does not load back: {e}\n{yaml}"),
    };
    let mut original = imported.profile.clone();
    original.origin = back.origin.clone();
    assert_eq!(back, original, "YAML round trip changed the profile");
    let rules = jobfit::rules::RuleSet::builtin().expect("rules");
    let as_of = PartialDate { year: 2026, month: Some(11), day: None };
    let _ = jobfit::evidence::AnalyzedProfile::analyze(back, &rules, as_of);
});
