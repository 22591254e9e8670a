//! The bad-input corpus: every file under `tests/corpus/<kind>/` is run through every
//! command that reads that kind of input, each run in a fresh temporary directory.
//!
//! A file's name says what must happen to it: `ok-…` must succeed (exit 0 with output),
//! `err-…` must fail with exit 2 and an `error: <file>…` message. An optional sidecar
//! `<case>.expect` lists substrings (one per line) that must appear in stderr: the
//! `:line:col:`, the key, the hint. Whatever the input, jobfit must never panic, never
//! exit with anything but 0 or 2, and never leave a file behind except the output a
//! successful command is meant to write (never a temporary file).
//!
//! Each kind is one test that collects every failing case before asserting, so one run
//! shows them all. Inputs too big to commit (a 50 MB posting, a 10 MB scalar, files over
//! the 64 MiB input limit) are generated at test time in `big_inputs`.

mod common;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{fixtures, jobfit_in, repo};

/// Cases whose `err-`/`ok-` outcome is a known issue, not yet fixed, with the reason.
/// The runner still checks them for panics, exit codes and stray files.
const KNOWN_ISSUES: &[(&str, &str)] = &[];

/// One corpus file.
struct Case {
    /// Path of the input in the corpus.
    path: PathBuf,
    /// File name (`err-tabs.yml`).
    name: String,
    /// `ok-` (must succeed) or `err-` (must fail).
    ok: bool,
    /// Substrings stderr must contain when the case fails.
    expect: Vec<String>,
}

fn cases(kind: &str) -> Vec<Case> {
    let dir = repo().join("tests/corpus").join(kind);
    let mut out: Vec<Case> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_none_or(|e| e != "expect"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                name.starts_with("ok-") || name.starts_with("err-"),
                "{name}: corpus files start with ok- or err-"
            );
            let size = std::fs::metadata(&path).unwrap().len();
            assert!(size < 64 << 10, "{name}: committed cases stay under 64 KiB");
            let expect = std::fs::read_to_string(format!("{}.expect", path.display()))
                .map(|t| {
                    t.lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            Case {
                ok: name.starts_with("ok-"),
                path,
                name,
                expect,
            }
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(!out.is_empty(), "no cases in {}", dir.display());
    out
}

/// What a command does with its input.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Reads this one input: `ok-` succeeds, `err-` fails with exit 2.
    Single,
    /// Reads the input as text (`extract`; an HTML page as the posting text score and
    /// rank see) or does not run examples: it need not
    /// see every problem `Single` commands see, but must never mis-handle one.
    Lenient,
    /// `rank` without `--strict`: an unreadable posting is a warning naming it, exit 0.
    Rank,
    /// `rank --strict`: an unreadable posting (or NDJSON line) is an error.
    RankStrict,
}

/// One command to run each case through. `{}` in `args` is the input's file name.
struct Cmd {
    args: &'static [&'static str],
    mode: Mode,
    /// Where the command may write on success (a directory prefix), if anywhere.
    writes: Option<&'static str>,
}

const fn cmd(args: &'static [&'static str], mode: Mode, writes: Option<&'static str>) -> Cmd {
    Cmd { args, mode, writes }
}

/// Every file and directory under `dir`, relative, directories with a trailing `/`.
fn listing(dir: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read temp dir") {
            let p = e.expect("entry").path();
            let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            if p.is_dir() {
                out.insert(format!("{rel}/"));
                stack.push(p);
            } else {
                out.insert(rel);
            }
        }
    }
    out
}

fn copy(from: &Path, to: &Path) {
    if let Some(p) = to.parent() {
        std::fs::create_dir_all(p).unwrap();
    }
    std::fs::copy(from, to)
        .unwrap_or_else(|e| panic!("{} → {}: {e}", from.display(), to.display()));
}

/// What one run did.
struct Outcome {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    /// Files and directories that were not there before the run.
    created: Vec<String>,
    took: Duration,
}

/// Runs jobfit in `dir` with `args`.
fn run_in(dir: &Path, args: &[String], no_config: bool) -> Outcome {
    let before = listing(dir);
    let mut c = jobfit_in(dir);
    if no_config {
        c.arg("--no-config");
    }
    c.args(args);
    // A guard against hangs only: each caller judges the time taken against its own
    // limit, and the big inputs' limit (300 s) is above what a kill at 60 s allowed,
    // which a debug build on a loaded machine reached.
    c.timeout(Duration::from_secs(300));
    let start = Instant::now();
    let out = c.output().expect("jobfit runs");
    let took = start.elapsed();
    let after = listing(dir);
    Outcome {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        created: after.difference(&before).cloned().collect(),
        took,
    }
}

/// The problems with one run of `case` through `cmd`, given whether it must succeed and
/// the name the input has in the temporary directory.
fn judge(
    case: &Case,
    ok: bool,
    cmd: &Cmd,
    input: &str,
    o: &Outcome,
    limit: Duration,
) -> Vec<String> {
    let mut bad = Vec::new();
    let known = KNOWN_ISSUES.iter().any(|(n, _)| *n == case.name);
    // Never a panic, never an exit status other than 0 or 2.
    if !matches!(o.code, Some(0 | 2)) {
        bad.push(format!(
            "exit status {:?} (only 0 and 2 are allowed)",
            o.code
        ));
    }
    if o.stderr.contains("panicked") || o.stderr.contains("RUST_BACKTRACE") {
        bad.push("panic message on stderr".into());
    }
    // Not a speed test (benchmarks measure speed): a guard against hangs and blow-ups.
    if o.took > limit {
        bad.push(format!("took {:?}", o.took));
    }
    // Nothing half-written: only the intended output, only on success.
    for f in &o.created {
        let allowed = o.code == Some(0)
            && cmd.writes.is_some_and(|w| f.starts_with(w))
            && !f.contains(".tmp");
        if !allowed {
            bad.push(format!("left `{f}` behind"));
        }
    }
    if known {
        return bad;
    }
    let failed_well = |bad: &mut Vec<String>, what: &str| {
        if o.code != Some(2) {
            bad.push(format!("{what}: exit status {:?}, expected 2", o.code));
            return;
        }
        if !o.stderr.starts_with("error:") {
            bad.push(format!("{what}: stderr does not start with `error:`"));
        }
        if !o.stderr.contains(input) {
            bad.push(format!("{what}: stderr does not name `{input}`"));
        }
        if o.stderr.contains("error: error:") {
            bad.push(format!("{what}: `error:` printed twice"));
        }
    };
    let succeeded = |bad: &mut Vec<String>| {
        if o.code != Some(0) {
            bad.push(format!("exit status {:?}, expected 0", o.code));
        } else if o.stdout.trim().is_empty() {
            bad.push("no output on stdout".into());
        }
    };
    let expected = |bad: &mut Vec<String>, subset: &[String]| {
        for e in subset {
            if !o.stderr.contains(e.as_str()) {
                bad.push(format!("stderr lacks `{e}`"));
            }
        }
    };
    match (cmd.mode, ok) {
        (Mode::Single | Mode::Lenient | Mode::RankStrict, true) => succeeded(&mut bad),
        (Mode::Single, false) => {
            failed_well(&mut bad, "must fail");
            expected(&mut bad, &case.expect);
        }
        (Mode::Lenient, false) => {
            if o.code == Some(2) {
                failed_well(&mut bad, "failed");
            }
        }
        (Mode::Rank, true) => {
            succeeded(&mut bad);
            // An input with no postings at all (an empty board) is readable, and the
            // one warning it gets says so.
            let empty = o.stderr.starts_with("warning: no postings found")
                && o.stdout.contains("\"postings\": 0");
            if o.stderr.contains("warning") && !empty {
                bad.push("warning for a readable input".into());
            }
        }
        (Mode::Rank, false) => {
            succeeded(&mut bad);
            if !o.stderr.contains("warning: skipped") || !o.stderr.contains(input) {
                bad.push(format!("no `warning: skipped` naming `{input}`"));
            }
            expected(&mut bad, &case.expect);
        }
        (Mode::RankStrict, false) => {
            failed_well(&mut bad, "must fail");
            // Stops at the first problem: the first expectation is about it.
            expected(&mut bad, &case.expect[..case.expect.len().min(1)]);
        }
    }
    bad
}

/// Runs every case of `kind` through `cmds`, in fresh directories prepared by `setup`;
/// `place` says where the input goes in that directory (its name there). Returns the
/// number of runs; panics with every problem found.
fn run_kind(
    kind: &str,
    cmds: &[Cmd],
    setup: &dyn Fn(&Path),
    place: &dyn Fn(&Case) -> String,
    no_config: bool,
) -> usize {
    let mut report = String::new();
    let mut runs = 0;
    let cases = cases(kind);
    for case in &cases {
        for cmd in cmds {
            let dir = tempfile::tempdir().expect("temp dir");
            setup(dir.path());
            let input = place(case);
            copy(&case.path, &dir.path().join(&input));
            let args: Vec<String> = cmd.args.iter().map(|a| a.replace("{}", &input)).collect();
            // A pack whose only problem is an example that fails loads fine: only
            // `rules check` runs the examples.
            let ok = case.ok
                || (case.name.starts_with("err-example-") && !args.iter().any(|a| a == "check"));
            let o = run_in(dir.path(), &args, no_config);
            runs += 1;
            let bad = judge(case, ok, cmd, &input, &o, Duration::from_secs(20));
            if !bad.is_empty() {
                let _ = writeln!(
                    report,
                    "\n✗ {kind}/{} — jobfit {}\n  {}\n  --- stderr:\n{}",
                    case.name,
                    args.join(" "),
                    bad.join("\n  "),
                    indent(&o.stderr)
                );
            }
        }
    }
    eprintln!("{kind}: {} cases, {runs} runs", cases.len());
    assert!(report.is_empty(), "corpus `{kind}`:{report}");
    runs
}

fn indent(s: &str) -> String {
    let s: String = s.chars().take(1500).collect();
    s.lines().map(|l| format!("    {l}\n")).collect()
}

/// A small text for `extract`, mentioning the corpus's made-up skills.
const TEXT: &str = "We deploy Zorblax daily, with QuuxQL, Python and Go.\n";

fn put(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn profile_fixture(dir: &Path, to: &str) {
    copy(&fixtures().join("profiles/dev.yaml"), &dir.join(to));
}

fn posting_fixture(dir: &Path, to: &str) {
    copy(&fixtures().join("postings/backend.md"), &dir.join(to));
}

/// `rank` over one input, lenient and strict: for postings and NDJSON files alike.
const RANK: [Cmd; 2] = [
    cmd(
        &["rank", "-p", "dev.yaml", "{}", "-f", "json"],
        Mode::Rank,
        None,
    ),
    cmd(
        &["rank", "--strict", "-p", "dev.yaml", "{}", "-f", "json"],
        Mode::RankStrict,
        None,
    ),
];

fn same_name(c: &Case) -> String {
    c.name.clone()
}

#[test]
fn rules() {
    run_kind(
        "rules",
        &[
            // `rules check` on top of the built-in packs re-validates all 1,200 built-in
            // rules (a second per run in a debug build); alone, it checks just the file.
            cmd(
                &["--no-default-rules", "rules", "check", "{}"],
                Mode::Single,
                None,
            ),
            cmd(
                &[
                    "--no-default-rules",
                    "--rules",
                    "{}",
                    "rules",
                    "list",
                    "-f",
                    "json",
                ],
                Mode::Single,
                None,
            ),
            cmd(
                &["--rules", "{}", "extract", "text.txt", "-f", "json"],
                Mode::Single,
                None,
            ),
            cmd(
                &[
                    "--rules",
                    "{}",
                    "score",
                    "-p",
                    "dev.yaml",
                    "backend.md",
                    "-f",
                    "json",
                ],
                Mode::Single,
                None,
            ),
        ],
        &|d| {
            put(d, "text.txt", TEXT);
            profile_fixture(d, "dev.yaml");
            posting_fixture(d, "backend.md");
        },
        &same_name,
        true,
    );
}

#[test]
fn profiles() {
    run_kind(
        "profiles",
        &[
            cmd(
                &["score", "-p", "{}", "backend.md", "-f", "json"],
                Mode::Single,
                None,
            ),
            cmd(&["tailor", "-p", "{}", "backend.md"], Mode::Single, None),
            cmd(
                &["rank", "-p", "{}", "postings", "-f", "json"],
                Mode::Single,
                None,
            ),
            cmd(
                &["profile", "show", "-p", "{}", "-f", "json"],
                Mode::Single,
                None,
            ),
            cmd(&["profile", "export", "-p", "{}"], Mode::Single, None),
            cmd(
                &["profile", "import", "{}", "--name", "x"],
                Mode::Single,
                Some("profiles/"),
            ),
        ],
        &|d| {
            posting_fixture(d, "backend.md");
            posting_fixture(d, "postings/backend.md");
        },
        &same_name,
        true,
    );
}

#[test]
fn postings() {
    run_kind(
        "postings",
        &[
            cmd(
                &["score", "-p", "dev.yaml", "{}", "-f", "json"],
                Mode::Single,
                None,
            ),
            cmd(&["tailor", "-p", "dev.yaml", "{}"], Mode::Single, None),
            // `extract` shows what the rules see in the text (an HTML page's posting
            // text): it only fails on input that is not text at all.
            cmd(&["extract", "{}", "-f", "json"], Mode::Lenient, None),
            cmd(
                &["jobs", "add", "{}", "-f", "json"],
                Mode::Single,
                Some("jobs/"),
            ),
        ]
        .into_iter()
        .chain(RANK)
        .collect::<Vec<_>>(),
        &|d| profile_fixture(d, "dev.yaml"),
        &same_name,
        true,
    );
}

#[test]
fn ndjson() {
    run_kind(
        "ndjson",
        &RANK,
        &|d| profile_fixture(d, "dev.yaml"),
        &same_name,
        true,
    );
}

#[test]
fn csv() {
    run_kind(
        "csv",
        &RANK,
        &|d| profile_fixture(d, "dev.yaml"),
        &same_name,
        true,
    );
}

#[test]
fn resumes() {
    run_kind(
        "resumes",
        &[
            // `--force`: a file that reads like a job posting is refused without it
            // (tests/cli.rs), and the cases here are about what the importer makes of
            // each input.
            cmd(
                &["profile", "import", "{}", "--force"],
                Mode::Single,
                Some("profiles/"),
            ),
            cmd(
                &["score", "-p", "{}", "backend.md", "-f", "json"],
                Mode::Single,
                None,
            ),
        ],
        &|d| posting_fixture(d, "backend.md"),
        &same_name,
        true,
    );
}

/// The directory a config case runs in: one profile in profiles/ (so it is the default),
/// another profiles directory, a rule pack, an empty jobs/ and a posting.
fn config_workspace(d: &Path) {
    profile_fixture(d, "profiles/dev.yaml");
    profile_fixture(d, "alt-profiles/dev.yaml");
    copy(
        &fixtures().join("rules/extra.yml"),
        &d.join("myrules/extra.yml"),
    );
    std::fs::create_dir_all(d.join("jobs")).unwrap();
    posting_fixture(d, "backend.md");
}

#[test]
fn config() {
    // As the file given to --config…
    run_kind(
        "config",
        &[cmd(
            &["--config", "{}", "score", "backend.md", "-f", "json"],
            Mode::Single,
            None,
        )],
        &config_workspace,
        &same_name,
        false,
    );
    // …and as the project's ./jobfit.yaml.
    run_kind(
        "config",
        &[cmd(
            &["score", "backend.md", "-f", "json"],
            Mode::Single,
            None,
        )],
        &config_workspace,
        &|_| "jobfit.yaml".to_owned(),
        false,
    );
}

/// Writes `len` bytes: `head`, then `fill` repeated, then `tail`, with no newline.
fn write_long_line(path: &Path, head: &str, fill: &str, tail: &str, len: usize) {
    use std::io::Write as _;
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    f.write_all(head.as_bytes()).unwrap();
    let mut n = head.len() + tail.len();
    while n + fill.len() <= len {
        f.write_all(fill.as_bytes()).unwrap();
        n += fill.len();
    }
    f.write_all(tail.as_bytes()).unwrap();
    f.flush().unwrap();
}

/// Runs one generated case and returns the problems with it, as `judge` sees them.
fn check_big(
    dir: &Path,
    name: &str,
    ok: bool,
    args: &[&str],
    mode: Mode,
    expect: &[&str],
) -> String {
    let case = Case {
        path: dir.join(name),
        name: name.to_owned(),
        ok,
        expect: expect.iter().map(|s| (*s).to_owned()).collect(),
    };
    let args: Vec<String> = args.iter().map(|a| a.replace("{}", name)).collect();
    let o = run_in(dir, &args, true);
    // Tens of megabytes through a debug build on a busy machine: a generous limit.
    let bad = judge(
        &case,
        ok,
        &cmd(&[], mode, None),
        name,
        &o,
        Duration::from_secs(300),
    );
    if bad.is_empty() {
        String::new()
    } else {
        format!(
            "\n✗ {name} — jobfit {}\n  {}\n  --- stderr:\n{}",
            args.join(" "),
            bad.join("\n  "),
            indent(&o.stderr)
        )
    }
}

/// `check_big` of `jobfit score` on a posting of one long line (`write_long_line`),
/// which is removed after.
fn score_long_line(
    dir: &Path,
    name: &str,
    head: &str,
    fill: &str,
    tail: &str,
    len: usize,
) -> String {
    write_long_line(&dir.join(name), head, fill, tail, len);
    let report = check_big(
        dir,
        name,
        true,
        &["score", "-p", "dev.yaml", "{}", "-f", "json"],
        Mode::Single,
        &[],
    );
    std::fs::remove_file(dir.join(name)).unwrap();
    report
}

/// Inputs too big to commit, generated here: a 50 MB single line (mostly non-ASCII, so
/// columns are counted in characters all the way), a 10 MB YAML scalar in a profile and
/// in a rule, and files and NDJSON lines over the 64 MiB limit.
#[test]
fn big_inputs() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    profile_fixture(d, "dev.yaml");
    let mut report = String::new();

    // A 50 MB posting on one line: scored, its skills found at the right columns.
    write_long_line(
        &d.join("line.md"),
        "Requirements: Python and Go. ",
        "ĉiuj ŝatas ĝui la vivon — ",
        " Kubernetes.",
        50 << 20,
    );
    report += &check_big(
        d,
        "line.md",
        true,
        &["score", "-p", "dev.yaml", "{}", "-f", "json"],
        Mode::Single,
        &[],
    );
    let o = run_in(
        d,
        &[
            "extract".into(),
            "line.md".into(),
            "-f".into(),
            "ndjson".into(),
        ],
        true,
    );
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let last: serde_json::Value =
        serde_json::from_str(o.stdout.lines().last().expect("findings")).unwrap();
    assert_eq!(last["name"], "Kubernetes", "{last}");
    assert_eq!(last["line"], 1);
    let text = std::fs::read_to_string(d.join("line.md")).unwrap();
    let start = usize::try_from(last["start"].as_u64().unwrap()).unwrap();
    assert_eq!(
        last["column"].as_u64().unwrap(),
        text[..start].chars().count() as u64 + 1
    );
    drop(text);
    std::fs::remove_file(d.join("line.md")).unwrap();

    // A dense 3 MB posting on one line with no sentence stops: thousands of skills,
    // job titles, preference cues and pointers back in one "sentence". Analysis that
    // searched the line once per cue or finding took minutes on a third of this.
    report += &score_long_line(
        d,
        "dense.md",
        "",
        "We are hiring Python engineers, Rust developers and Go engineers, experience \
         with those languages is a bonus, Kubernetes (a plus) preferred, customers \
         include Docker and New Relic, ",
        "done",
        3 << 20,
    );

    // A 1 MB story of 40,000 jobs, each followed by a taste ("I like it."): asking
    // every earlier employer whether a new one is its team, and whether each taste
    // names one, took minutes.
    {
        use std::io::Write as _;
        let mut f = std::io::BufWriter::new(std::fs::File::create(d.join("story.txt")).unwrap());
        let (mut n, mut i) = (0, 0u32);
        while n < 1 << 20 {
            let name: String = (0..4)
                .map(|k| char::from(b'a' + u8::try_from(i / 26u32.pow(k) % 26).unwrap()))
                .collect();
            let s = format!(
                "I joined {}{}. I like it. ",
                name[..1].to_uppercase(),
                &name[1..]
            );
            f.write_all(s.as_bytes()).unwrap();
            n += s.len();
            i += 1;
        }
    }
    report += &check_big(
        d,
        "story.txt",
        true,
        &["profile", "show", "-p", "{}", "-f", "json"],
        Mode::Single,
        &[],
    );
    std::fs::remove_file(d.join("story.txt")).unwrap();

    // A page that opens a tag 350,000 times and never closes one: the depth scan
    // looked for each tag's `>` to the end of the page, minutes for this.
    report += &score_long_line(
        d,
        "unclosed.html",
        "<html><body><p>We need Python and Go engineers for our platform team, with \
         Kubernetes and Docker in production every day.</p>",
        "<a ",
        "</body></html>",
        1 << 20,
    );

    // Profiles whose evidence took a search per mention over the whole field, list or
    // role list: a 4 MB summary with no stops (the clause before each mention), 200,000
    // keywords of one skills entry (the entry's items), 70,000 roles showing the same
    // ten skills (each skill's roles). Minutes each; seconds now.
    let summary = "Python and Go developer and ".repeat(150_000);
    let keywords = vec!["x"; 200_000];
    let role = serde_json::json!({
        "name": "A",
        "startDate": "2001",
        "highlights": ["Python, Rust, Java, SQL, Docker, Kafka, Redis, Spark, React, Terraform."],
    });
    let roles = vec![role; 70_000];
    for (name, resume) in [
        (
            "summary.json",
            serde_json::json!({"basics": {"summary": summary}}),
        ),
        (
            "keywords.json",
            serde_json::json!({"skills": [{"name": "L", "keywords": keywords}]}),
        ),
        ("roles.json", serde_json::json!({"work": roles})),
    ] {
        put(d, name, &resume.to_string());
        report += &check_big(
            d,
            name,
            true,
            &["profile", "show", "-p", "{}", "-f", "json"],
            Mode::Single,
            &[],
        );
        std::fs::remove_file(d.join(name)).unwrap();
    }

    // A profile whose summary is a 10 MB scalar.
    let mut profile = std::fs::read_to_string(fixtures().join("profiles/dev.yaml")).unwrap();
    profile = profile.replacen(
        "  summary: Back-end developer with 8 years of Python experience.",
        &format!("  summary: \"{}\"", "Rust and SQL. ".repeat(800_000)),
        1,
    );
    assert!(profile.len() > 10 << 20);
    put(d, "huge-scalar.yaml", &profile);
    report += &check_big(
        d,
        "huge-scalar.yaml",
        true,
        &["profile", "show", "-p", "{}", "-f", "json"],
        Mode::Single,
        &[],
    );
    std::fs::remove_file(d.join("huge-scalar.yaml")).unwrap();

    // A rule whose alias is a 10 MB scalar: refused with the rule's location.
    put(
        d,
        "huge-alias.yml",
        &format!(
            "- id: huge\n  name: Huge\n  category: tool\n  aliases: [\"{}\"]\n  examples:\n    match: [\"x\"]\n",
            "z".repeat(10 << 20)
        ),
    );
    report += &check_big(
        d,
        "huge-alias.yml",
        false,
        &["--no-default-rules", "rules", "check", "{}"],
        Mode::Single,
        &["huge-alias.yml:4:", "longer than 200 bytes"],
    );
    std::fs::remove_file(d.join("huge-alias.yml")).unwrap();

    // Files over the limit are refused before they are read.
    write_long_line(
        &d.join("over.md"),
        "Python ",
        "lorem ipsum ",
        "",
        (64 << 20) + 10,
    );
    let limit = ["more than the 64 MiB limit"];
    report += &check_big(
        d,
        "over.md",
        false,
        &["score", "-p", "dev.yaml", "{}"],
        Mode::Single,
        &limit,
    );
    report += &check_big(
        d,
        "over.md",
        false,
        &["rank", "-p", "dev.yaml", "{}"],
        Mode::Rank,
        &limit,
    );
    report += &check_big(
        d,
        "over.md",
        false,
        &["rank", "--strict", "-p", "dev.yaml", "{}"],
        Mode::RankStrict,
        &limit,
    );
    report += &check_big(
        d,
        "over.md",
        false,
        &["profile", "import", "{}"],
        Mode::Single,
        &limit,
    );
    std::fs::rename(d.join("over.md"), d.join("over.yaml")).unwrap();
    report += &check_big(
        d,
        "over.yaml",
        false,
        &["score", "-p", "{}", "dev.yaml"],
        Mode::Single,
        &limit,
    );
    std::fs::rename(d.join("over.yaml"), d.join("over.yml")).unwrap();
    report += &check_big(
        d,
        "over.yml",
        false,
        &["--rules", "{}", "rules", "list"],
        Mode::Single,
        &limit,
    );
    std::fs::remove_file(d.join("over.yml")).unwrap();

    // A device that never ends is read up to the limit, not forever.
    if Path::new("/dev/zero").exists() {
        let never = ["past the 64 MiB limit"];
        report += &check_big(
            d,
            "/dev/zero",
            false,
            &["score", "-p", "dev.yaml", "{}"],
            Mode::Single,
            &never,
        );
        report += &check_big(
            d,
            "/dev/zero",
            false,
            &["profile", "import", "{}"],
            Mode::Single,
            &never,
        );
    }

    // An NDJSON file whose second line is over the limit: the others are ranked.
    {
        use std::io::Write as _;
        let mut f = std::io::BufWriter::new(std::fs::File::create(d.join("big.ndjson")).unwrap());
        writeln!(f, r#"{{"id":"a","text":"Python and Go"}}"#).unwrap();
        write!(f, r#"{{"id":"b","text":""#).unwrap();
        let chunk = "lorem ipsum ".repeat(1 << 16);
        for _ in 0..(65 << 20) / chunk.len() + 1 {
            f.write_all(chunk.as_bytes()).unwrap();
        }
        writeln!(f, r#""}}"#).unwrap();
        writeln!(f, r#"{{"id":"c","text":"Rust and SQL"}}"#).unwrap();
    }
    report += &check_big(
        d,
        "big.ndjson",
        false,
        &["rank", "-p", "dev.yaml", "{}", "-f", "json"],
        Mode::Rank,
        &["big.ndjson:2", "input limit"],
    );
    report += &check_big(
        d,
        "big.ndjson",
        false,
        &["rank", "--strict", "-p", "dev.yaml", "{}", "-f", "json"],
        Mode::RankStrict,
        &["big.ndjson:2"],
    );
    let o = run_in(
        d,
        &[
            "rank".into(),
            "-p".into(),
            "dev.yaml".into(),
            "big.ndjson".into(),
            "-f".into(),
            "ndjson".into(),
        ],
        true,
    );
    assert_eq!(
        o.stdout
            .lines()
            .filter(|l| l.contains("\"rank_row\""))
            .count(),
        2,
        "postings a and c ranked:\n{}",
        o.stdout
    );

    assert!(report.is_empty(), "big inputs:{report}");
}

/// Writes a rule pack of `files` files: rule `prefix{i}` implies what `implies(i)` names.
fn write_pack(dir: &Path, rules: &[(String, Vec<String>)], files: usize) {
    use std::io::Write as _;
    std::fs::create_dir_all(dir).unwrap();
    for (k, part) in rules.chunks(rules.len().div_ceil(files)).enumerate() {
        let path = dir.join(format!("p{k:03}.yml"));
        let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
        for (id, implies) in part {
            writeln!(
                f,
                "- id: {id}\n  name: {}\n  category: tool\n  aliases: [{id}]",
                id.to_uppercase()
            )
            .unwrap();
            if !implies.is_empty() {
                writeln!(f, "  implies: [{}]", implies.join(", ")).unwrap();
            }
            writeln!(f, "  examples:\n    match: [\"uses {id}\"]").unwrap();
        }
        f.flush().unwrap();
    }
}

/// Rule packs whose implication graphs are big: a chain of 20,000 rules in 20 files,
/// each implying the next; 10,000 rules implying one hub that implies 10,000 others;
/// a chain of 5,000 that each also imply the first (4,999 cycles). Every rule's full
/// closure was built at start-up (the chain: 200 million entries, 900 MB and 3 s in a
/// release build) and each cycle's path was copied.
#[test]
fn big_rule_packs() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let id = |p: &str, i: usize| format!("{p}{i}");
    let chain: Vec<(String, Vec<String>)> = (0..20_000)
        .map(|i| {
            (
                id("r", i),
                (i < 19_999).then(|| id("r", i + 1)).into_iter().collect(),
            )
        })
        .collect();
    write_pack(&d.join("chain"), &chain, 20);
    let others: Vec<String> = (0..10_000).map(|i| id("o", i)).collect();
    let mut hub = vec![("hub".to_owned(), others.clone())];
    hub.extend((0..10_000).map(|i| (id("s", i), vec!["hub".to_owned()])));
    hub.extend(others.into_iter().map(|o| (o, Vec::new())));
    write_pack(&d.join("hub"), &hub, 21);
    let looped: Vec<(String, Vec<String>)> = (0..5_000)
        .map(|i| {
            let next = (i < 4_999).then(|| id("c", i + 1));
            let first = (i > 0).then(|| "c0".to_owned());
            (id("c", i), next.into_iter().chain(first).collect())
        })
        .collect();
    write_pack(&d.join("looped"), &looped, 5);

    let mut report = String::new();
    let mut run = |pack: &str, args: &[&str], ok: bool, expect: &[&str]| -> Outcome {
        let mut all = vec![
            "--no-default-rules".to_owned(),
            "--rules".into(),
            pack.into(),
        ];
        all.extend(args.iter().map(|a| (*a).to_owned()));
        let o = run_in(d, &all, true);
        let case = Case {
            path: d.join(pack),
            name: pack.to_owned(),
            ok,
            expect: expect.iter().map(|s| (*s).to_owned()).collect(),
        };
        // About 5 s each in a debug build; the quadratic closure took 30 s and 900 MB.
        let bad = judge(
            &case,
            ok,
            &cmd(&[], Mode::Single, None),
            pack,
            &o,
            Duration::from_secs(20),
        );
        if !bad.is_empty() {
            let _ = write!(
                report,
                "\n✗ jobfit {} ({:?})\n  {}\n  --- stderr:\n{}",
                all.join(" "),
                o.took,
                bad.join("\n  "),
                indent(&o.stderr)
            );
        }
        o
    };
    for pack in ["chain", "hub"] {
        run(pack, &["rules", "check"], true, &[]);
        run(pack, &["rules", "list", "-f", "json"], true, &[]);
    }
    let o = run(
        "chain",
        &["rules", "explain", "r0", "-f", "json"],
        true,
        &[],
    );
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap_or_default();
    assert_eq!(
        v["implies_all"].as_array().map(Vec::len),
        Some(19_999),
        "{}",
        o.stderr
    );
    let o = run("hub", &["rules", "explain", "s1", "-f", "json"], true, &[]);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap_or_default();
    assert_eq!(
        v["implies_all"].as_array().map(Vec::len),
        Some(10_001),
        "{}",
        o.stderr
    );
    let o = run(
        "looped",
        &["rules", "check"],
        false,
        &[
            "implication cycle: `c0` ⇒ `c1`",
            "(4988 more)",
            "4999 problems found",
        ],
    );
    assert_eq!(o.stderr.matches("implication cycle").count(), 4_999);
    assert!(report.is_empty(), "big rule packs:{report}");
}
