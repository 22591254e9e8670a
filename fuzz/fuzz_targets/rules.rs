//! The rules loader: any bytes as a rule file must load, or fail with diagnostics;
//! never panic, hang or blow up. A pack that loads must compile, extract, and run its
//! own examples.
#![no_main]

use jobfit::rules::{SourceFile, check_examples, compile_texts};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let files = [SourceFile {
        name: "fuzz.yml".into(),
        text: text.to_owned(),
    }];
    match compile_texts(&files) {
        Ok(set) => {
            let _ = set.extract("Python, Go and C++ on Kubernetes; 5+ years of Rust.");
            let _ = check_examples(&set);
        }
        Err(e) => {
            // Every error renders (file:line:col, help) without panicking.
            let _ = e.to_string();
        }
    }
});
