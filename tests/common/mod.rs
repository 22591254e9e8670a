//! Helpers shared by the integration tests: the binary in a given directory with no
//! user config and a fixed date, and its output checked for success or failure.
#![allow(dead_code)] // each test crate uses a different part of it

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// tests/fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The repository root.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The binary run in `dir`, with `dir` as its home (so no user config is read) and a
/// fixed date for years arithmetic.
pub fn jobfit_in(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("jobfit").expect("binary builds");
    c.current_dir(dir)
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join(".config"))
        .env_remove("JOBFIT_CONFIG")
        .env_remove("JOBFIT_AS_OF")
        .env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1")
        .args(["--as-of", "2026-11"]);
    c
}

/// Stdout of a run that must succeed.
pub fn stdout(c: &mut Command) -> String {
    let out = c.output().expect("runs");
    assert!(
        out.status.success(),
        "failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Stderr of a run that must fail with `code`.
pub fn stderr_of_failure(c: &mut Command, code: i32) -> String {
    let out = c.output().expect("runs");
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr).expect("utf-8")
}

/// The `id`s of a report's `skills` list, in order.
pub fn skill_ids(v: &serde_json::Value) -> Vec<&str> {
    v["skills"]
        .as_array()
        .expect("skills")
        .iter()
        .map(|s| s["id"].as_str().expect("id"))
        .collect()
}
