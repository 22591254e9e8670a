//! Every command through the real binary, in the fixtures directory, with a fixed date
//! and no user config. Reports and error texts are pinned with insta snapshots.

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::{fixtures, jobfit_in, skill_ids, stderr_of_failure, stdout};
use predicates::prelude::*;

/// The binary, run in tests/fixtures with an empty config home and a fixed date.
fn jobfit() -> Command {
    let mut c = jobfit_in(&fixtures());
    let home = std::env::temp_dir().join("jobfit-test-home");
    c.env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"));
    c
}

/// The binary with only the fixed test rule pack (stable snapshots).
fn core() -> Command {
    let mut c = jobfit();
    c.args(["--no-default-rules", "--rules", "rules/core.yml"]);
    c
}

/// `jobfit score ARGS… -` with `ad` pasted on stdin: its stdout.
fn score_ad(args: &[&str], ad: &str) -> String {
    stdout(
        jobfit()
            .arg("score")
            .args(args)
            .arg("-")
            .write_stdin(ad.to_owned()),
    )
}

/// `score_ad` with `-f json`, parsed.
fn score_ad_json(args: &[&str], ad: &str) -> serde_json::Value {
    let mut args = args.to_vec();
    args.extend(["-f", "json"]);
    serde_json::from_str(&score_ad(&args, ad)).expect("json")
}

/// The entry of report list `list` (`skills`, `gaps`) whose `id` is `id`.
fn entry(v: &serde_json::Value, list: &str, id: &str) -> serde_json::Value {
    v[list]
        .as_array()
        .unwrap_or_else(|| panic!("{list} in {v}"))
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("{id} in {v}"))
        .clone()
}

#[test]
fn score_table_report() {
    let out = stdout(core().args(["score", "postings/backend.md", "--format", "table"]));
    insta::assert_snapshot!("score_table", out);
}

#[test]
fn score_json_report_has_stable_schema() {
    let out = stdout(core().args(["score", "postings/backend.md", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["type"], "score");
    assert_eq!(v["schema"], 1);
    let score = v["score"].as_f64().expect("score is a number");
    assert!((0.0..=100.0).contains(&score));
    // Points won add up to the score: every point is accounted for.
    let sum: f64 = v["skills"]
        .as_array()
        .expect("skills")
        .iter()
        .map(|s| s["points"].as_f64().expect("points"))
        .sum::<f64>()
        + v["experience"]["points"].as_f64().unwrap_or(0.0);
    assert!((sum - score).abs() < 0.5, "points {sum} vs score {score}");
    // Every boost is explained by a span: a title boost by the title's words.
    for s in v["skills"].as_array().expect("skills") {
        if s["weight_parts"]["title"].as_f64() > Some(1.0) {
            assert!(
                s["posting_evidence"]
                    .as_array()
                    .expect("evidence")
                    .iter()
                    .any(|m| m["section"] == "title"),
                "{s}"
            );
        }
    }
    insta::assert_snapshot!("score_json", out);
}

#[test]
fn score_markdown_report() {
    let out = stdout(core().args(["score", "postings/backend.md", "--format", "markdown"]));
    insta::assert_snapshot!("score_markdown", out);
}

#[test]
fn score_explain_lists_every_point() {
    let out = stdout(core().args([
        "score",
        "postings/backend.md",
        "--explain",
        "--format",
        "table",
    ]));
    assert!(out.contains("[python]"));
    assert!(out.contains("weight"));
    insta::assert_snapshot!("score_explain", out);
}

#[test]
fn rank_table_report() {
    let out = stdout(core().args(["rank", "-p", "profiles/dev.yaml", "postings", "-f", "table"]));
    insta::assert_snapshot!("rank_table", out);
}

/// One posting: the counts in the text agree with their noun ("1 posting").
#[test]
fn rank_markdown_report() {
    let out = stdout(core().args([
        "rank",
        "-p",
        "profiles/dev.yaml",
        "postings/ad.txt",
        "-f",
        "markdown",
    ]));
    assert!(out.contains("1 posting for"), "{out}");
    insta::assert_snapshot!("rank_markdown", out);
}

#[test]
fn skills_listed_as_alternatives_count_once() {
    let ad = "Back-end engineer\n\nRequirements\n- Strong in one of Java, Go or Python\n- PostgreSQL and Docker\n";
    let score = |ad: &str| score_ad_json(&["-p", "profiles/dev.yaml"], ad);
    let v = score(ad);
    let skill = |id: &str| entry(&v, "skills", id);
    // Python (in the profile) stands for the group; Java and Go weigh nothing.
    assert!(skill("python").get("alternative_to").is_none());
    assert_eq!(skill("python")["alternatives"].as_array().unwrap().len(), 2);
    for id in ["java", "go"] {
        let s = skill(id);
        assert_eq!(s["alternative_to"]["id"], "python", "{s}");
        assert_eq!(s["counted_weight"], 0.0, "{s}");
        assert_eq!(s["lost"], 0.0, "{s}");
    }
    // Every skill of the ad is in the profile once the alternatives count once.
    assert_eq!(v["score"], 100.0, "{v}");
    // Asked for with "and", all three are required and two are missing.
    let v = score(
        "Back-end engineer\n\nRequirements\n- Strong in Java, Go and Python\n- PostgreSQL and Docker\n",
    );
    assert!(v["score"].as_f64().unwrap() < 80.0, "{v}");
    // A member also asked for on its own is needed whatever else the résumé holds:
    // covered, it stands for its list ("Python or Ruby" with Python in the duties);
    // missing, it still costs, and the member the résumé has counts on its own.
    let v = score(
        "Back-end engineer\n\nRequirements\n- Python or Ruby\n\nResponsibilities\n- Build services in Python\n",
    );
    let ruby = entry(&v, "skills", "ruby");
    assert_eq!(ruby["alternative_to"]["id"], "python", "{v}");
    assert_eq!(ruby["lost"], 0.0, "{v}");
    assert_eq!(ruby["counted_weight"], 0.0, "{v}");
    let v = score(
        "Back-end engineer\n\nRequirements\n- Ruby or Python\n\nResponsibilities\n- Build services in Ruby\n",
    );
    let (ruby, python) = (entry(&v, "skills", "ruby"), entry(&v, "skills", "python"));
    assert!(
        ruby.get("alternative_to").is_none() && python.get("alternative_to").is_none(),
        "{v}"
    );
    assert!(ruby["lost"].as_f64().unwrap() > 0.0, "{v}");
    assert_eq!(python["points"], 35.0, "{v}");
    // A member the résumé also has says so, so its evidence reads as its own.
    let md = score_ad(
        &["-p", "profiles/dev.yaml", "-f", "markdown"],
        "Back-end engineer\n\nRequirements\n- Strong in one of Go, JavaScript or Python\n",
    );
    assert!(
        md.contains("| Go | required | 0.00 (own 3.50) | or Python instead | 0.0 |  |"),
        "{md}"
    );
    assert!(
        md.contains(
            "| JavaScript | required | 0.00 (own 3.50) | or Python instead; own: matched |"
        ),
        "{md}"
    );
}

#[test]
fn a_title_offering_several_jobs_is_met_by_fitting_one() {
    let score = |ad: &str| score_ad_json(&["-p", "profiles/dev.yaml"], ad);
    // "Go Engineer, Python Engineer, SREs": a Python developer fits the Python role;
    // Go is another job's skill, not a gap.
    let ad = "Acme | Go Engineer, Python Engineer, SREs | Remote\n\nRequirements\n- PostgreSQL and Docker\n";
    let v = score(ad);
    assert_eq!(v["roles"].as_array().map(Vec::len), Some(2), "{v}");
    let go = entry(&v, "skills", "go");
    assert_eq!(go["alternative_to"]["id"], "python", "{go}");
    assert_eq!(go["counted_weight"], 0.0, "{go}");
    assert_eq!(v["score"], 100.0, "{v}");
    // One job asking for both languages still asks for Go.
    let v = score(
        "Acme | Senior Go Engineer | Remote\n\nRequirements\n- Python, PostgreSQL and Docker\n",
    );
    assert!(v.get("roles").is_none(), "{v}");
    assert!(
        entry(&v, "skills", "go")["lost"].as_f64().unwrap() > 10.0,
        "{v}"
    );
    // A skill the body asks for too is needed whichever role counts.
    let v = score(
        "Acme | Go Engineer, Python Engineer, SREs | Remote\n\nRequirements\n- Go, PostgreSQL and Docker\n",
    );
    let go = entry(&v, "skills", "go");
    assert!(go.get("alternative_to").is_none(), "{go}");
    assert!(go["lost"].as_f64().unwrap() > 10.0, "{go}");
    // A title alone says little of the job: the role that fits counts at its own
    // weight when the posting is padded to the minimum, not at the heavier role's it
    // carries, so "we hire Go and Python engineers" with nothing else is no strong fit.
    let v =
        score("Acme | Go Engineer (Kubernetes), Python Engineer | Remote\n\nCome work with us.\n");
    let python = entry(&v, "skills", "python");
    let (own, counted) = (
        python["weight"].as_f64().unwrap(),
        python["counted_weight"].as_f64().unwrap(),
    );
    assert!(counted > own, "{python}");
    assert!(
        (v["recognised_weight"].as_f64().unwrap() - own).abs() < 0.01,
        "{v}"
    );
    assert!(v["unrecognized_weight"].as_f64().unwrap() > 0.0, "{v}");
    assert!(v["score"].as_f64().unwrap() < 80.0, "{v}");
    // The reports say which role counted.
    let table = score_ad(&["-p", "profiles/dev.yaml", "-f", "table"], ad);
    assert!(
        table.contains("The posting offers 2 roles (Python; Go): the résumé fits Python best"),
        "{table}"
    );
}

/// A narrative résumé without dates that says "after 10 years … of Python" has
/// worked at least ten years: an "8 years of experience" posting credits it, and the
/// explanation says where the figure comes from.
#[test]
fn years_stated_of_a_skill_count_as_experience_without_dates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let resume = dir.path().join("story.txt");
    std::fs::write(
        &resume,
        "I started out running a small web host. Later I built storage systems in Python \
         on Linux. After 10 years and a million lines of Python I still enjoy it.\n",
    )
    .expect("write");
    let ad = "Storage engineer\n\nRequirements\n- At least 8 years of professional experience.\n- Python and Linux\n";
    let resume = resume.to_str().expect("UTF-8 path");
    let v = score_ad_json(&["-p", resume], ad);
    assert_eq!(v["experience"]["have"], 10.0, "{v}");
    assert_eq!(v["experience"]["credit"], 1.0, "{v}");
    assert_eq!(
        v["experience"]["profile_source"], "stated for Python",
        "{v}"
    );
    let explain = score_ad(&["--explain", "-f", "table", "-p", resume], ad);
    assert!(
        explain.contains("10.0 years (the years the résumé states of Python) / 8 asked"),
        "{explain}"
    );
}

/// A gap the résumé half covers says why it still costs points.
#[test]
fn gaps_of_skills_the_resume_has_say_why_they_cost_points() {
    let ad = "Back-end engineer\n\nRequirements\n- 12+ years of Python\n- JavaScript\n- Rust\n";
    let v = score_ad_json(&["-p", "profiles/dev.yaml"], ad);
    let why = |id: &str| entry(&v, "gaps", id).get("why").cloned();
    let python = why("python").expect("python's shortfall");
    assert!(
        python.as_str().unwrap().ends_with("of 12 years"),
        "{python}"
    );
    assert_eq!(
        why("javascript"),
        Some("listed, not shown in a role".into())
    );
    // A skill the résumé lacks needs no explaining.
    assert_eq!(why("rust"), None);
    let table = score_ad(&["-p", "profiles/dev.yaml", "-f", "table"], ad);
    assert!(
        table.contains("JavaScript (required, matched: listed, not shown in a role)"),
        "{table}"
    );
}

/// Years of "software development" or "backend development" in general are a
/// career's length: the overall-experience item, met by the profile's dated roles, not
/// years of the broad practices the words also name (which no role says outright).
#[test]
fn years_of_software_development_are_overall_experience() {
    let ad = "Back-end engineer\n\nRequirements\n- 5+ years of software development experience\n- 3+ years of backend development\n- Python\n";
    let v = score_ad_json(&["-p", "profiles/dev.yaml", "--as-of", "2024-12"], ad);
    let skill = |id: &str| entry(&v, "skills", id);
    let se = skill("software-engineering");
    assert_eq!(se["status"], "implied", "{se}");
    assert!(se["years"].is_null(), "{se}");
    assert!(skill("back-end")["years"].is_null());
    let ex = &v["experience"];
    assert_eq!(ex["required"], 5, "{ex}");
    assert!(ex["have"].as_f64().unwrap() >= 9.0, "{ex}");
    assert_eq!(ex["credit"], 1.0, "{ex}");
}

#[test]
fn score_reads_a_pasted_ad_from_stdin() {
    let ad = std::fs::read_to_string(fixtures().join("postings/ad.txt")).expect("fixture");
    let out = stdout(
        core()
            .args(["score", "-", "--format", "json"])
            .write_stdin(ad),
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let ids = skill_ids(&v);
    assert!(ids.contains(&"go"), "{ids:?}");
    assert!(
        !ids.contains(&"excel"),
        "excel at communication is not Excel: {ids:?}"
    );
    assert_eq!(v["posting"]["origin"], "<stdin>");
}

/// Skills the employer asks for in its own voice ("we need") are requirements; the
/// same skills in a sentence about the company's customers count little, and a
/// posting that names little cannot score 100 on it: the report says why.
#[test]
fn employer_needs_count_and_thin_postings_are_scored_out_of_a_minimum() {
    let score = |ad: &str| {
        let out = stdout(
            core()
                .args(["score", "-", "--format", "json"])
                .write_stdin(ad.to_owned()),
        );
        let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
        let needs: Vec<String> = v["skills"]
            .as_array()
            .expect("skills")
            .iter()
            .map(|s| s["need"].as_str().expect("need").to_owned())
            .collect();
        (v["score"].as_f64().expect("score"), needs)
    };
    let (asked, needs) = score("We need Python, Django and PostgreSQL.");
    assert!(needs.iter().all(|n| n != "company"), "{needs:?}");
    assert!(asked >= 60.0, "{asked}");
    let (described, needs) =
        score("Our customers run PostgreSQL and Django in their data centres.");
    assert!(needs.iter().all(|n| n == "company"), "{needs:?}");
    assert!(described < 40.0, "{described}");
    let table = stdout(
        core()
            .args(["score", "-", "--format", "table"])
            .write_stdin("Our customers run PostgreSQL and Django in their data centres."),
    );
    assert!(table.contains("Little recognised"), "{table}");
}

/// A title given only in front matter has no span in the text: `--explain` names the
/// title itself as the evidence of its boost.
#[test]
fn explain_names_a_front_matter_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ad.md");
    std::fs::write(
        &path,
        "---\ntitle: Redis Engineer\ncompany: Initech\n---\nYou will run our caches and write Python.\n",
    )
    .unwrap();
    let out = stdout(core().args([
        "score",
        path.to_str().unwrap(),
        "--explain",
        "--format",
        "table",
    ]));
    assert!(
        out.contains("posting title “Redis Engineer” [title]"),
        "{out}"
    );
}

/// A saved job the user has annotated ("status: applied") still reads, in front
/// matter and in a YAML posting; a misspelt key is still an error at its line.
#[test]
fn a_users_own_keys_on_a_saved_job_are_ignored_but_typos_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("ad.md");
    std::fs::write(
        &md,
        "---\ntitle: Redis Engineer\nstatus: applied\nnotes:\n- call back\ncompany: Initech\n---\nYou will write Python.\n",
    )
    .unwrap();
    let yaml = dir.path().join("ad.yaml");
    std::fs::write(
        &yaml,
        "title: Go Engineer\nsalary: 100k\ntext: We write Go.\n",
    )
    .unwrap();
    for (path, title) in [(&md, "Redis Engineer"), (&yaml, "Go Engineer")] {
        let out = stdout(core().args(["score", path.to_str().unwrap(), "-f", "json"]));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["posting"]["title"], title, "{out}");
    }
    std::fs::write(
        &md,
        "---\ntitle: Redis Engineer\ncompnay: Initech\n---\nPython.\n",
    )
    .unwrap();
    let err = stderr_of_failure(core().args(["score", md.to_str().unwrap()]), 2);
    assert!(
        err.contains(":3:1: unknown field `compnay`") && err.contains("did you mean `company`?"),
        "{err}"
    );
}

#[test]
fn score_min_score_sets_exit_code_one() {
    core()
        .args([
            "score",
            "postings/backend.md",
            "--min-score",
            "99.9",
            "--format",
            "json",
        ])
        .assert()
        .code(1)
        // The table rounds the score: the note says which number failed the check.
        .stderr(predicate::str::contains("is below --min-score 99.9"));
    core()
        .args([
            "score",
            "postings/backend.md",
            "--min-score",
            "1",
            "--format",
            "json",
        ])
        .assert()
        .code(0);
}

/// Regression: `rank --min-score` exited 0 when no posting reached the threshold,
/// while `score --min-score` exits 1 below it. Exit 1 now means "nothing reached
/// --min-score" for both; `--top` hiding rows that did reach it changes nothing.
#[test]
fn rank_min_score_sets_exit_code_one_when_no_posting_reaches_it() {
    let (_dir, file) = board(&[
        r#"{"id": "a", "title": "Backend", "text": "Requirements: Python, Haskell and Erlang."}"#,
        r#"{"id": "b", "title": "Mobile", "text": "Requirements: Swift, SwiftUI and Xcode."}"#,
    ]);
    let rank = |extra: &[&str]| {
        let mut args = vec!["rank", "-p", "profiles/dev.yaml", &file, "-f", "json"];
        args.extend_from_slice(extra);
        jobfit().args(&args).output().unwrap()
    };
    let out = rank(&["--min-score", "90"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no posting scores 90 or more"), "{err}");
    assert!(err.contains("exit status 1"), "{err}");
    // The report is still written: how close the postings came is in it.
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["postings"], 2, "{v:#}");
    for extra in [
        &["--min-score", "1"][..],
        &["--min-score", "1", "--top", "0"],
        &[],
    ] {
        let out = rank(extra);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{extra:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Regression: a file named twice on the command line (or once by itself and once by
/// its directory) was read twice, and ranked as its own duplicate.
#[test]
fn rank_reads_each_input_file_once() {
    let (dir, file) = board(&[
        r#"{"id": "a", "title": "Backend", "company": "Acme", "text": "Requirements: Python."}"#,
    ]);
    std::fs::write(dir.path().join("b.md"), "# Gopher\n\nRequirements: Go.\n").unwrap();
    let root = dir.path().to_str().unwrap();
    let dotted = format!("{root}/./board.ndjson");
    let md = format!("{root}/b.md");
    let v = rank_json(&file, &[&dotted, &file, root, &md]);
    assert_eq!(v["postings"], 2, "{v:#}");
    assert_eq!(v["duplicates"], 0, "{v:#}");
    assert_eq!(v["rows"].as_array().unwrap().len(), 2, "{v:#}");
}

#[test]
fn extract_reports_offsets_lines_and_columns() {
    let out = stdout(core().args(["extract", "postings/ad.txt", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let text = std::fs::read_to_string(fixtures().join("postings/ad.txt")).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &text[s..e],
            f["text"].as_str().unwrap(),
            "offsets slice the input as given"
        );
    }
    // "Go above and beyond" on line 2 is not the language.
    assert!(findings.iter().all(|f| f["line"] != 2), "{findings:?}");
    insta::assert_snapshot!(
        "extract_table",
        stdout(core().args(["extract", "postings/ad.txt", "--format", "table"]))
    );
    let nd = stdout(core().args(["extract", "postings/ad.txt", "--format", "ndjson"]));
    assert_eq!(nd.lines().count(), findings.len());
}

#[test]
fn extract_from_stdin() {
    let out = stdout(
        core()
            .args(["extract", "--format", "ndjson"])
            .write_stdin("Kubernetes and Redis"),
    );
    assert_eq!(out.lines().count(), 2);
}

/// Across twenty or more postings, "most often missing" lists only skills more than
/// one of them asks for: one posting's heavy Go requirement is no trend.
#[test]
fn skills_most_often_missing_are_asked_for_more_than_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ndjson");
    let mut lines = String::new();
    for i in 0..19 {
        lines.push_str(&format!(
            "{{\"title\": \"Role {i}\", \"company\": \"Co {i}\", \"text\": \"Requirements: Python and Redis.\"}}\n"
        ));
    }
    lines.push_str("{\"title\": \"Gopher\", \"company\": \"Solo\", \"text\": \"Requirements: 5+ years of golang, golang expertise. Kubernetes.\"}\n");
    std::fs::write(&path, lines).unwrap();
    let out = stdout(core().args([
        "rank",
        "-p",
        "profiles/dev.yaml",
        path.to_str().unwrap(),
        "-f",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["postings"], 20, "{v:#}");
    let missing: Vec<&str> = v["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(missing, ["redis"], "{v:#}");
}

#[test]
fn extract_reads_only_the_text_of_an_html_page() {
    // Piped in with no file name: the page is known by how it starts.
    let page = "<!DOCTYPE html><html><head><script>const stack = 'Redis';</script></head>\
                <body><p>We run Kubernetes.</p></body></html>";
    let out = stdout(
        core()
            .args(["extract", "--format", "json"])
            .write_stdin(page),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Kubernetes"], "{out}");
    let start = v["findings"][0]["start"].as_u64().unwrap() as usize;
    assert_eq!(
        &v["page_text"].as_str().unwrap()[start..start + 10],
        "Kubernetes",
        "offsets into the page's text as read"
    );
}

#[test]
fn rules_list_check_and_explain() {
    let out = stdout(core().args(["rules", "list", "--format", "table"]));
    assert!(out.contains("15 rules"));
    stdout(core().args(["rules", "check"]));
    let out = stdout(core().args(["rules", "explain", "go", "--format", "table"]));
    insta::assert_snapshot!("rules_explain_go", out);
    let err = stderr_of_failure(core().args(["rules", "explain", "pyhton"]), 2);
    assert!(err.contains("did you mean `python`"), "{err}");
}

#[test]
fn a_format_a_report_lacks_is_refused_not_swapped_for_json() {
    // A rule has no CSV shape and the evaluation is a table or JSON: asking for another
    // format is a usage error naming the ones there are, not JSON under the wrong name.
    let err = stderr_of_failure(core().args(["rules", "explain", "go", "-f", "csv"]), 2);
    assert!(
        err.contains("possible values: table, json, ndjson, markdown"),
        "{err}"
    );
    let err = stderr_of_failure(
        core().args([
            "eval",
            "skillspan",
            "skillspan-mini.conll",
            "-f",
            "markdown",
        ]),
        2,
    );
    assert!(err.contains("possible values: table, json"), "{err}");
}

#[test]
fn built_in_rules_check_passes() {
    let out = stdout(jobfit().args(["rules", "check"]));
    assert!(out.starts_with("ok: "), "{out}");
}

#[test]
fn user_rules_add_and_override() {
    let out = stdout(jobfit().args([
        "--rules",
        "rules/extra.yml",
        "rules",
        "explain",
        "redis",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["name"], "Redis (overridden)");
    assert!(v["overrides"].is_string());
    let out = stdout(
        jobfit()
            .args([
                "--rules",
                "rules/extra.yml",
                "extract",
                "--format",
                "ndjson",
            ])
            .write_stdin("We query WidgetQL."),
    );
    assert!(out.contains("widgetql"));
}

#[test]
fn rule_errors_name_file_line_column_and_fix() {
    let cases = [
        "unknown-key",
        "bad-regex",
        "duplicate-id",
        "dangling-implies",
        "malformed",
        "wrong-type",
        "bad-category",
        "failing-example",
    ];
    for case in cases {
        let file = format!("bad/{case}.yml");
        let err = stderr_of_failure(
            jobfit().args(["--no-default-rules", "--rules", &file, "rules", "check"]),
            2,
        );
        assert!(err.contains(&format!("bad/{case}.yml:")), "{case}: {err}");
        assert!(err.contains("help:"), "{case}: {err}");
        insta::assert_snapshot!(format!("rule_error_{case}"), err);
    }
    // One run reports every stage it can: a file that does not parse, and a duplicate
    // id among the rules that do (a reference waits: it may name a broken rule).
    let dir = tempfile::tempdir().unwrap();
    let rule = |id: &str, extra: &str| {
        format!(
            "- id: {id}\n  name: {id}\n  category: tool\n  weight: 1\n  aliases: [{id}x]\n{extra}  examples:\n    match: [\"uses {id}x\"]\n"
        )
    };
    std::fs::write(
        dir.path().join("a.yml"),
        rule("foo", "") + &rule("foo", "  implies: [missing]\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.yml"),
        rule("bar", "").replace("tool", "tol"),
    )
    .unwrap();
    let err = stderr_of_failure(
        jobfit().args([
            "--no-default-rules",
            "rules",
            "check",
            dir.path().to_str().unwrap(),
        ]),
        2,
    );
    assert!(err.contains("b.yml:3:13: unknown variant `tol`"), "{err}");
    assert!(err.contains("a.yml:8:7: duplicate rule id `foo`"), "{err}");
    assert!(!err.contains("missing"), "{err}");
}

#[test]
fn bad_postings_and_profiles_fail_clearly() {
    for (args, name) in [
        (vec!["score", "bad/empty.txt"], "posting_empty"),
        (vec!["score", "bad/binary.bin"], "posting_binary"),
        (vec!["score", "bad/latin1.txt"], "posting_latin1"),
        (vec!["score", "nope.md"], "posting_missing"),
        (
            vec!["score", "--profile", "nobody", "postings/backend.md"],
            "profile_missing",
        ),
        (
            vec![
                "score",
                "--profile",
                "bad/profile-unknown-key.yaml",
                "postings/backend.md",
            ],
            "profile_unknown_key",
        ),
        (
            vec![
                "score",
                "--profile",
                "bad/profile-bad-date.yaml",
                "postings/backend.md",
            ],
            "profile_bad_date",
        ),
    ] {
        let err = stderr_of_failure(core().args(&args), 2);
        assert!(err.starts_with("error: "), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        insta::assert_snapshot!(format!("input_error_{name}"), err);
    }
}

#[test]
fn jobs_list_shows_files_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let jobs = dir.path().join("jobs");
    std::fs::create_dir(&jobs).unwrap();
    std::fs::write(
        jobs.join("ok.md"),
        "---\ntitle: \"Data Engineer\"\n---\nSQL and Python.\n",
    )
    .unwrap();
    std::fs::write(jobs.join("broken.md"), "---\ntitle: [unclosed\n---\nBody\n").unwrap();
    // Latin-1 text: no UTF-8, and no UTF-16 either (`rank` would read a file that
    // starts with a UTF-16 byte-order mark, and so does `list`).
    std::fs::write(jobs.join("binary.md"), b"Caf\xe9 Rust\n").unwrap();
    let mut c = jobfit_in(dir.path());
    let out = stdout(c.args(["--no-config", "jobs", "list", "-f", "table"]));
    assert!(out.contains("3 postings"), "{out}");
    assert!(
        out.contains("warning: jobs/binary.md: not valid UTF-8"),
        "{out}"
    );
    assert!(
        out.contains("warning: jobs/broken.md: front matter is not valid YAML at line 2, column"),
        "{out}"
    );
    let mut c = jobfit_in(dir.path());
    let v: serde_json::Value = serde_json::from_str(&stdout(c.args([
        "--no-config",
        "jobs",
        "list",
        "-f",
        "json",
    ])))
    .unwrap();
    let problems = v["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|j| j.get("problem").is_some())
        .count();
    assert_eq!(problems, 2, "{v}");
    // The CSV and Markdown lists say so too.
    for format in ["csv", "markdown"] {
        let mut c = jobfit_in(dir.path());
        let out = stdout(c.args(["--no-config", "jobs", "list", "-f", format]));
        assert!(out.contains("not valid UTF-8"), "{format}: {out}");
    }
}

/// Regression: `jobs list` showed only `.md` files, and read a Markdown file that
/// starts with a byte-order mark as one without front matter, while `rank` read every
/// posting file in jobs/ (.txt, .html, .json, .yaml, .MD; NDJSON and CSV files of many
/// postings). `list` now shows every file `rank` reads, as `rank` reads it.
#[test]
fn jobs_list_shows_every_file_rank_reads() {
    let dir = tempfile::tempdir().unwrap();
    let jobs = dir.path().join("jobs");
    std::fs::create_dir(&jobs).unwrap();
    let files: &[(&str, &str)] = &[
        (
            "a-bom.md",
            "\u{feff}---\ntitle: \"Data Engineer\"\ncompany: \"Acme\"\n---\nSQL and Python.\n",
        ),
        (
            "b.txt",
            "Go Developer at Globex\n\nRequirements: Go and Kafka.\n",
        ),
        (
            "c.html",
            "<html><head><title>Rust Engineer</title></head><body><h1>Rust Engineer</h1><p>Rust and Linux.</p></body></html>",
        ),
        (
            "d.json",
            r#"{"title": "iOS Engineer", "company": "Initech", "text": "Swift and SwiftUI."}"#,
        ),
        (
            "e.yaml",
            "title: SRE\ncompany: Hooli\ntext: Kubernetes and Terraform.\n",
        ),
        ("f.MD", "# Frontend Developer\n\nReact and TypeScript.\n"),
        (
            "g.ndjson",
            "{\"title\": \"A\", \"text\": \"Python.\"}\n\n{\"title\": \"B\", \"text\": \"Java.\"}\n",
        ),
        ("h.csv", "title,text\nC,Ruby.\nD,Elixir.\n,\n"),
        // Not postings: rank reads neither, and list shows neither.
        ("notes.pdf", "%PDF-1.4"),
        ("README", "my job hunt"),
    ];
    for (name, text) in files {
        std::fs::write(jobs.join(name), text).unwrap();
    }
    let mut c = jobfit_in(dir.path());
    let v: serde_json::Value = serde_json::from_str(&stdout(c.args([
        "--no-config",
        "jobs",
        "list",
        "-f",
        "json",
    ])))
    .unwrap();
    let listed = v["jobs"].as_array().unwrap();
    let names: Vec<&str> = listed
        .iter()
        .map(|j| j["file"].as_str().unwrap().trim_start_matches("jobs/"))
        .collect();
    assert_eq!(
        names,
        [
            "a-bom.md", "b.txt", "c.html", "d.json", "e.yaml", "f.MD", "g.ndjson", "h.csv"
        ],
        "{v:#}"
    );
    assert!(listed.iter().all(|j| j.get("problem").is_none()), "{v:#}");
    let field = |i: usize, k: &str| listed[i][k].as_str().map(str::to_owned);
    assert_eq!(field(0, "title").as_deref(), Some("Data Engineer"), "{v:#}");
    assert_eq!(field(0, "company").as_deref(), Some("Acme"), "{v:#}");
    assert_eq!(field(2, "title").as_deref(), Some("Rust Engineer"), "{v:#}");
    assert_eq!(field(3, "company").as_deref(), Some("Initech"), "{v:#}");
    assert_eq!(field(4, "title").as_deref(), Some("SRE"), "{v:#}");
    // A file of many postings says how many.
    assert_eq!(listed[6]["postings"], 2, "{v:#}");
    assert_eq!(listed[7]["postings"], 2, "{v:#}");
    let mut c = jobfit_in(dir.path());
    let out = stdout(c.args(["--no-config", "jobs", "list", "-f", "table"]));
    assert!(out.contains("10 postings in 8 files"), "{out}");
    // rank reads the same ten.
    let mut c = jobfit_in(dir.path());
    let v: serde_json::Value = serde_json::from_str(&stdout(c.args([
        "--no-config",
        "rank",
        "-p",
        fixtures().join("profiles/dev.yaml").to_str().unwrap(),
        "--keep-duplicates",
        "-f",
        "json",
    ])))
    .unwrap();
    assert_eq!(v["postings"], 10, "{v:#}");
}

#[test]
fn completions_and_man_page() {
    let out = stdout(jobfit().args(["completions", "bash"]));
    assert!(out.contains("jobfit"));
    let out = stdout(jobfit().args(["man"]));
    assert!(out.contains(".TH jobfit"));
    // Every command's own options, and what clap cannot say: the exit statuses.
    for section in [
        ".SH \"JOBFIT SCORE\"",
        ".SH \"JOBFIT RULES CHECK\"",
        ".SH \"JOBFIT JOBS IMPORT\"",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(out.contains(section), "{section}");
    }
    assert!(out.contains("\\-\\-min\\-score"), "{out}");
    assert!(out.contains("\\-\\-greenhouse\\-api"), "{out}");
}

#[test]
fn config_file_sets_default_profile_and_rules() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.yaml");
    std::fs::write(
        &cfg,
        format!(
            "profile: {}\nrules: [{}]\ncolor: never\n",
            fixtures().join("profiles/dev.yaml").display(),
            fixtures().join("rules/extra.yml").display()
        ),
    )
    .unwrap();
    let out = stdout(
        jobfit()
            .current_dir(dir.path())
            .args([
                "--config",
                cfg.to_str().unwrap(),
                "extract",
                "--format",
                "ndjson",
            ])
            .write_stdin("WidgetQL"),
    );
    assert!(out.contains("widgetql"));
    std::fs::write(&cfg, "colour: never\n").unwrap();
    let err = stderr_of_failure(
        jobfit().args(["--config", cfg.to_str().unwrap(), "rules", "list"]),
        2,
    );
    assert!(err.contains("unknown field `colour`"), "{err}");
}

#[test]
fn several_profiles_need_a_choice() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("profiles")).unwrap();
    for n in ["a", "b"] {
        std::fs::copy(
            fixtures().join("profiles/dev.yaml"),
            dir.path().join(format!("profiles/{n}.yaml")),
        )
        .unwrap();
    }
    std::fs::copy(
        fixtures().join("postings/backend.md"),
        dir.path().join("p.md"),
    )
    .unwrap();
    let err = stderr_of_failure(jobfit().current_dir(dir.path()).args(["score", "p.md"]), 2);
    assert!(err.contains("2 profiles found"), "{err}");
    std::fs::write(dir.path().join("jobfit.yaml"), "profile: b\n").unwrap();
    stdout(
        jobfit()
            .current_dir(dir.path())
            .args(["score", "p.md", "--format", "json"]),
    );
}

#[test]
fn eval_skillspan_reports_precision_recall() {
    let out = stdout(core().args([
        "eval",
        "skillspan",
        "skillspan-mini.conll",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let m = &v["mentions"];
    assert_eq!(m["gold_knowledge"], 3);
    assert_eq!(m["found_knowledge"], 3);
    assert_eq!(m["predictions"], 4);
    assert_eq!(m["correct_predictions"], 4);
    // "We use Python and Kubernetes daily" describes the company: not a requirement.
    assert_eq!(v["requirements"]["predictions"], 2);
}

#[test]
fn broken_pipe_is_not_an_error() {
    // `head -c1` closes the pipe early; jobfit must exit quietly with success.
    let bin = assert_cmd::cargo::cargo_bin("jobfit");
    let out = std::process::Command::new("bash")
        .current_dir(fixtures())
        .arg("-c")
        .arg(format!(
            "'{}' --no-config rules list --format table 2>&1 | head -c1 >/dev/null; echo ${{PIPESTATUS[0]}}",
            bin.display()
        ))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0");
}

#[test]
fn seed_traps_swift_go_excel() {
    // The storage engineer's profile talks about OpenStack Swift; an iOS posting asks
    // for the Swift language. Built-in rules must keep them apart.
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = stdout(jobfit().current_dir(repo).args([
        "score",
        "--profile",
        "storage-engineer",
        "jobs/pinecone-ios.md",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let swift = v["skills"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "swift-lang")
        .expect("the iOS posting asks for Swift");
    assert_eq!(swift["status"], "missing", "{swift}");
    let out = stdout(
        jobfit()
            .args(["extract", "--format", "ndjson"])
            .write_stdin("Go above and beyond for our customers. You excel at communication."),
    );
    assert!(!out.contains("\"id\":\"go\""), "{out}");
    assert!(!out.contains("\"id\":\"excel\""), "{out}");
}

#[test]
fn help_mentions_every_command() {
    jobfit()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("score").and(predicate::str::contains("extract")));
}

/// An NDJSON file longer than one batch of the streaming reader (2,048 postings), with
/// broken lines in different batches: every other line is ranked, the broken ones are
/// reported in file order, and `--strict` stops at the first.
#[test]
fn rank_streams_ndjson_across_batches() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.ndjson");
    let mut bytes = Vec::new();
    for i in 1..=5000 {
        match i {
            1500 => bytes.extend_from_slice(b"{\"text\": \"broken\n"),
            3000 => bytes.extend_from_slice(b"{\"text\": \"caf\xe9 Python\"}\n"),
            4097 => bytes.extend_from_slice(b"[1, 2]\n"),
            _ => bytes.extend_from_slice(
                format!("{{\"id\": \"p{i}\", \"text\": \"Python and Go, posting {i}.\"}}\n")
                    .as_bytes(),
            ),
        }
    }
    std::fs::write(&path, bytes).unwrap();
    let file = path.to_str().unwrap();
    let out = stdout(jobfit().args(["rank", "-p", "profiles/dev.yaml", file, "-f", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["postings"], 4997);
    assert_eq!(v["rows"].as_array().unwrap().len(), 4997);
    let skipped: Vec<String> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            s["origin"]
                .as_str()
                .unwrap()
                .rsplit(':')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(skipped, ["1500", "3000", "4097"]);
    let err = stderr_of_failure(
        jobfit().args(["rank", "--strict", "-p", "profiles/dev.yaml", file]),
        2,
    );
    assert!(err.contains("many.ndjson:1500"), "{err}");
}

/// An NDJSON board of `lines` in a fresh directory (kept alive by the returned guard).
fn board(lines: &[&str]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ndjson");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let file = path.to_str().unwrap().to_owned();
    (dir, file)
}

/// `jobfit rank` of `file` for the test profile as JSON, with `extra` flags.
fn rank_json(file: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["rank", "-p", "profiles/dev.yaml", file, "-f", "json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&stdout(jobfit().args(&args))).unwrap()
}

/// The same job seen again (a board's monthly repost, an ad saved twice) is one row,
/// shown by its best-scoring posting with a count of the others, whatever the order
/// they come in and with or without `--top`; `--keep-duplicates` ranks them all.
#[test]
fn rank_folds_the_same_job_seen_twice() {
    let (_dir, file) = board(&[
        // Acme's role posted twice: the later one asks for more the profile has.
        r#"{"id": "a1", "company": "Acme", "title": "Backend Engineer", "text": "Requirements: Rust and Kubernetes."}"#,
        r#"{"id": "b1", "company": "Globex", "title": "Data Engineer", "text": "Requirements: Python and SQL."}"#,
        r#"{"id": "a2", "company": "ACME", "title": "Backend engineer!", "text": "Requirements: Python, Django and PostgreSQL."}"#,
        // The same untitled text twice, whitespace aside.
        r#"{"id": "c1", "text": "We need Python and Go.\nRemote."}"#,
        r#"{"id": "c2", "text": "We need  Python and Go. Remote."}"#,
    ]);
    let file = file.as_str();
    let rank = |extra: &[&str]| rank_json(file, extra);
    for extra in [&[][..], &["--top", "10"]] {
        let v = rank(extra);
        assert_eq!(v["postings"], 5, "{extra:?}");
        assert_eq!(v["duplicates"], 2, "{extra:?}");
        let rows = v["rows"].as_array().unwrap();
        let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(ids.len(), 3, "{extra:?} {ids:?}");
        assert!(
            ids.contains(&"a2") && !ids.contains(&"a1"),
            "{extra:?} {ids:?}"
        );
        assert!(
            ids.contains(&"c1") && !ids.contains(&"c2"),
            "{extra:?} {ids:?}"
        );
        for r in rows {
            let folded = if r["id"] == "b1" { None } else { Some(1) };
            assert_eq!(r["duplicates"].as_u64(), folded, "{r}");
        }
    }
    let v = rank(&["--keep-duplicates"]);
    assert_eq!(v["duplicates"], 0);
    assert_eq!(v["rows"].as_array().unwrap().len(), 5);
    let table = stdout(jobfit().args(["rank", "-p", "profiles/dev.yaml", file, "-f", "table"]));
    assert!(
        table.contains("5 postings ranked (2 duplicates folded, 3 distinct)"),
        "{table}"
    );
    assert!(table.contains("(+1 duplicate)"), "{table}");
}

/// `rank --with` ranks only the postings that ask for a skill (by id, name or alias),
/// or for one implying it, outside what they say about the company; the others are
/// counted as left out. A skill no rule knows is an error.
#[test]
fn rank_with_keeps_postings_asking_for_a_skill() {
    let (_dir, file) = board(&[
        r#"{"id": "ceph", "text": "Requirements: Ceph and Linux."}"#,
        r#"{"id": "s3", "text": "Requirements: object storage and Python."}"#,
        r#"{"id": "py", "text": "Requirements: Python and Django."}"#,
        r#"{"id": "about", "text": "About us\nWe build object storage for banks.\n\nRequirements\nPython and SQL."}"#,
    ]);
    let file = file.as_str();
    for skill in ["object storage", "object-storage", "OBJECT STORAGE"] {
        let v = rank_json(file, &["--with", skill]);
        let mut ids: Vec<&str> = v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        ids.sort_unstable();
        assert_eq!(ids, ["ceph", "s3"], "{skill}");
        assert_eq!(v["postings"], 2);
        assert_eq!(v["without"], 2);
        assert_eq!(v["with"], serde_json::json!(["Object storage"]));
    }
    let table = stdout(jobfit().args([
        "rank",
        "-p",
        "profiles/dev.yaml",
        file,
        "-f",
        "table",
        "--with",
        "django",
        "--with",
        "ceph",
    ]));
    assert!(
        table.contains("2 postings ranked (asking for Ceph or Django: 2 others left out)"),
        "{table}"
    );
    let err = stderr_of_failure(
        jobfit().args([
            "rank",
            "-p",
            "profiles/dev.yaml",
            file,
            "--with",
            "frobnication",
        ]),
        2,
    );
    assert!(
        err.contains("no rule recognises the skill `frobnication`"),
        "{err}"
    );
    // A typo gets the likely skill; a spelling of two skills asks which.
    let with_err = |skill: &str| {
        stderr_of_failure(
            jobfit().args(["rank", "-p", "profiles/dev.yaml", file, "--with", skill]),
            2,
        )
    };
    let err = with_err("postgress");
    assert!(err.contains("did you mean `postgresql`"), "{err}");
    let err = with_err("pyhton");
    assert!(err.contains("did you mean `python` for Python?"), "{err}");
    // "swift" spells two skills: both are kept, and a warning says how to pick one.
    let with_ok = |skill: &str| {
        jobfit()
            .args([
                "rank",
                "-p",
                "profiles/dev.yaml",
                file,
                "-f",
                "json",
                "--with",
                skill,
            ])
            .output()
            .unwrap()
    };
    let out = with_ok("swift");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("names 2 skills")
            && err.contains("`openstack-swift`")
            && err.contains("`swift-lang`"),
        "{err}"
    );
    // Text that names two skills is a list of them, without a warning.
    let out = with_ok("python, ceph");
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"));
    // A spelling of one skill needs no context: "Go" alone is the language.
    let v = rank_json(file, &["--with", "Go"]);
    assert_eq!(v["with"], serde_json::json!(["Go"]));
}

/// `rank -` ranks NDJSON piped in; plain text on stdin is pointed at `score`; inputs
/// with no postings at all get a warning that says what rank reads.
#[test]
fn rank_reads_ndjson_from_stdin_and_refuses_nothing_to_rank() {
    let lines = [
        r#"{"id": "py", "text": "Requirements: Python and Django."}"#,
        r#"{"id": "ceph", "text": "Requirements: Ceph and Linux."}"#,
    ];
    let out = stdout(
        jobfit()
            .args(["rank", "-p", "profiles/dev.yaml", "-", "-f", "json"])
            .write_stdin(lines.join("\n")),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["postings"], 2, "{v}");
    assert_eq!(v["rows"][0]["id"], "py", "{v}");
    assert_eq!(v["rows"][0]["origin"], "<stdin>:1", "{v}");
    let err = stderr_of_failure(
        jobfit()
            .args(["rank", "-p", "profiles/dev.yaml", "-"])
            .write_stdin("Senior Python engineer\nRequirements: Django"),
        2,
    );
    assert!(err.contains("jobfit score -"), "{err}");
    // A byte-order mark before the first line is not part of it.
    let out = stdout(
        jobfit()
            .args(["rank", "-p", "profiles/dev.yaml", "-", "-f", "json"])
            .write_stdin(format!("\u{FEFF}{}", lines.join("\n"))),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["postings"], 2, "{v}");
    // UTF-16 with its byte-order mark (a Windows pipe) is decoded, as a file is.
    let utf16: Vec<u8> = std::iter::once(0xFEFF)
        .chain(lines.join("\n").encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let out = stdout(
        jobfit()
            .args(["rank", "-p", "profiles/dev.yaml", "-", "-f", "json"])
            .write_stdin(utf16),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["postings"], 2, "{v}");
    assert_eq!(v["rows"][1]["origin"], "<stdin>:2", "{v}");
    let empty = tempfile::tempdir().unwrap();
    let out = jobfit()
        .args([
            "rank",
            "-p",
            "profiles/dev.yaml",
            empty.path().to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("no postings found") && err.contains(".ndjson"),
        "{err}"
    );
}

/// Years of an ORM framework or of an object-oriented language are years of the
/// practice a posting names in general ("an ORM", "OO development").
#[test]
fn orm_and_object_oriented_work_are_implied_by_the_tools_that_do_them() {
    let ad = "Back-end engineer\n\nRequirements\n- Writing SQL by hand and with an ORM\n\
              - Solid object-oriented design\n";
    let v = score_ad_json(&["-p", "profiles/dev.yaml"], ad);
    for id in ["orm", "oop"] {
        let s = entry(&v, "skills", id);
        assert_eq!(s["status"], "implied", "{s}");
    }
}

/// An implied or related skill is explained through the profile's strongest skill that
/// gives that credit (years of Python, not a framework named once in a summary).
#[test]
fn implied_credit_names_the_profiles_strongest_source() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p.yaml");
    std::fs::write(
        &profile,
        "basics:\n  name: A. Dev\n  summary: Once tried Django and Flask.\nwork:\n  - name: Acme\n    position: Engineer\n    startDate: 2012-01\n    endDate: 2022-01\n    highlights:\n      - Built billing services in Python.\n      - Tuned Python workers for throughput.\n",
    )
    .unwrap();
    let ad = "Engineer\n\nRequirements\n- Software engineering\n";
    let v = score_ad_json(&["-p", profile.to_str().unwrap()], ad);
    let se = entry(&v, "skills", "software-engineering");
    assert_eq!(se["status"], "implied", "{se}");
    assert_eq!(se["via"]["id"], "python", "{se}");
}

/// Of two postings with the same score, the one that asks more (more recognised
/// weight) is the better-evidenced match and ranks first, whatever the file names.
#[test]
fn equal_scores_rank_the_fuller_posting_first() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a-thin.md"),
        "Python developer\n\nRequirements\n- Python\n- Django\n- PostgreSQL\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b-full.md"),
        "Python developer\n\nRequirements\n- Python\n- Django\n- PostgreSQL\n- Docker\n- Kubernetes\n- MySQL\n",
    )
    .unwrap();
    let out = stdout(
        jobfit()
            .current_dir("tests/fixtures")
            .args(["rank", "-p", "profiles/dev.yaml", "-f", "json"])
            .arg(dir.path()),
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let rows = v["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 2, "{v}");
    assert_eq!(rows[0]["score"], rows[1]["score"], "{v}");
    assert!(
        rows[0]["origin"].as_str().unwrap().ends_with("b-full.md"),
        "{v}"
    );
}

/// What a posting says it does not want or use is no requirement.
#[test]
fn negated_skills_are_not_asked() {
    let ad = "Python Developer\n\nRequirements\n- 3+ years of Python and Django\n- No Java or PHP experience needed; we do not use Kubernetes.\n";
    let v = score_ad_json(&["-p", "profiles/dev.yaml"], ad);
    let ids = skill_ids(&v);
    assert!(
        ids.contains(&"python") && ids.contains(&"django"),
        "{ids:?}"
    );
    for absent in ["java", "php", "kubernetes"] {
        assert!(!ids.contains(&absent), "{absent} in {ids:?}");
    }
}

/// A pasted ad's company line and the company's own history: "Freight" of "Acme
/// Freight" names no logistics skill, and "Acme Freight has 25 years of experience in
/// logistics" asks no years of anyone.
#[test]
fn a_company_line_and_its_history_ask_nothing() {
    let ad = "Backend Engineer\nAcme Freight\n\nAcme Freight has 25 years of experience in logistics.\n\nRequirements\n- 3+ years of Python\n";
    let v = score_ad_json(&["-p", "profiles/dev.yaml"], ad);
    assert_eq!(v["posting"]["company"], "Acme Freight", "{v}");
    let logistics = entry(&v, "skills", "logistics");
    assert_eq!(logistics["need"], "company", "{logistics}");
    assert!(logistics["years"].is_null(), "{logistics}");
    assert_eq!(
        logistics["posting_evidence"].as_array().unwrap().len(),
        1,
        "{logistics}"
    );
}

/// `rules explain` takes a name or alias as `rank --with` does, and says when a word
/// names two skills; `rules check` on a directory with no rule file is an error.
#[test]
fn rules_explain_takes_aliases_and_check_wants_rule_files() {
    let out = stdout(jobfit().args(["rules", "explain", "golang", "-f", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["id"], "go", "{v}");
    // A guard against people's names shows in both forms.
    let out = stdout(jobfit().args(["rules", "explain", "ruby", "-f", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["context"]["given_name"], true, "{v}");
    let out = stdout(jobfit().args(["rules", "explain", "ruby", "-f", "table"]));
    assert!(out.contains("given name:"), "{out}");
    let err = stderr_of_failure(jobfit().args(["rules", "explain", "swift"]), 2);
    assert!(
        err.contains("swift-lang") && err.contains("openstack-swift"),
        "{err}"
    );
    let empty = tempfile::tempdir().unwrap();
    let err = stderr_of_failure(
        jobfit().args(["rules", "check", empty.path().to_str().unwrap()]),
        2,
    );
    assert!(err.contains("no rule files"), "{err}");
}

/// A skill the résumé lists and its roles show through a skill that implies it (SQL
/// listed; PostgreSQL and MySQL in the roles) is shown, not "listed, not shown in a
/// role".
#[test]
fn a_listed_skill_the_roles_imply_counts_as_shown() {
    let ad = "Back-end engineer\n\nRequirements\n- SQL\n- JavaScript\n";
    let v = score_ad_json(&["-p", "profiles/dev.yaml"], ad);
    let sql = entry(&v, "skills", "sql");
    assert_eq!(sql["status"], "matched", "{sql}");
    assert_eq!(sql["credit"], 1.0, "{sql}");
    // JavaScript is only listed: no role shows it or a skill implying it.
    assert_eq!(entry(&v, "skills", "javascript")["credit"], 0.85, "{v}");
}

/// A job ad passed as the résumé (arguments swapped) is still read, with a warning that
/// says so; a role that starts after `--as-of` counts no years, with a warning naming it.
#[test]
fn swapped_arguments_and_roles_after_as_of_are_warned_about() {
    let out = jobfit()
        .args([
            "score",
            "--profile",
            "postings/backend.md",
            "-f",
            "json",
            "-",
        ])
        .write_stdin("Senior engineer\n\n- 10 years of Python\n")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: postings/backend.md reads like a job posting, not a résumé")
            && err.contains("--profile RÉSUMÉ POSTING"),
        "{err}"
    );
    // A profile passed where the posting goes is refused with the way round.
    let err = stderr_of_failure(
        jobfit().args(["score", "-p", "profiles/dev.yaml", "profiles/dev.yaml"]),
        2,
    );
    assert!(
        err.contains("unknown field `basics`") && err.contains("pass it with `--profile`"),
        "{err}"
    );
    // The résumé itself draws no such warning.
    let out = jobfit()
        .args([
            "score",
            "-p",
            "profiles/dev.yaml",
            "-f",
            "json",
            "postings/backend.md",
        ])
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");

    let out = jobfit()
        .args([
            "--as-of",
            "2016-06",
            "profile",
            "show",
            "-p",
            "profiles/dev.yaml",
        ])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("starts after 2016-06, the date open-ended roles run to: it counts no years"),
        "{err}"
    );
}

/// Record files are known by their extension whatever its case, in a directory or
/// named alone.
#[test]
fn rank_reads_record_files_with_upper_case_extensions() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("A.JSONL"),
        "{\"id\": \"a\", \"text\": \"Backend engineer. Python and PostgreSQL.\"}\n{\"id\": \"b\", \"text\": \"Go developer.\"}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("B.CSV"), "id,text\nc,React developer\n").unwrap();
    let v = rank_json(dir.path().to_str().unwrap(), &[]);
    assert_eq!(v["postings"], 3, "{v:#}");
    let v = rank_json(dir.path().join("A.JSONL").to_str().unwrap(), &[]);
    assert_eq!(v["postings"], 2, "{v:#}");
}

/// A CSV export ranks row by row: the header says which column is what, columns
/// headed like sections become them, a row with quoted newlines is one posting, a
/// broken row is skipped by its line number, and a header with no text column is an
/// error at line 1.
#[test]
fn rank_reads_postings_from_a_csv_export() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    let mut csv = String::from(
        "\u{feff}Job_ID,Company,Title,Category,Minimum Qualifications,Preferred Qualifications\n",
    );
    csv.push_str("a1,Acme,Backend Engineer,Engineering,\"Python.\nPostgreSQL.\",Kubernetes\n");
    csv.push_str("b2,Globex,Gopher,Engineering,Go and Kafka.,\n");
    csv.push_str("c3,Initech,Empty,Engineering,,\n");
    csv.push_str("d4,Hooli,\"Web Developer\",Engineering,React,\n");
    // A trailing row of empty cells is no posting and no problem.
    csv.push_str(",,,,,\n");
    std::fs::write(&path, &csv).unwrap();
    let file = path.to_str().unwrap();
    let v = rank_json(file, &[]);
    assert_eq!(v["postings"], 3, "{v:#}");
    let rows = v["rows"].as_array().unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids[0], "a1", "{v:#}");
    assert_eq!(rows[0]["company"], "Acme");
    assert_eq!(rows[0]["title"], "Backend Engineer");
    // The row whose text cells are empty, named by the line it starts on.
    let skipped = v["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1, "{v:#}");
    assert!(
        skipped[0]["origin"]
            .as_str()
            .unwrap()
            .ends_with("export.csv:5"),
        "{v:#}"
    );
    // Both lines of the quoted cell are the posting's.
    let matches: Vec<&str> = rows[0]["top_matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert!(
        matches.contains(&"Python") && matches.contains(&"PostgreSQL"),
        "{v:#}"
    );
    // A header row with no text column says what it has and what to name it: the file
    // is skipped (the rest would be ranked), or with --strict, an error.
    std::fs::write(&path, "id,title,salary\n1,Dev,100\n").unwrap();
    let v = rank_json(file, &[]);
    assert_eq!(v["postings"], 0, "{v:#}");
    let err = stderr_of_failure(
        jobfit().args(["rank", "--strict", "-p", "profiles/dev.yaml", file]),
        2,
    );
    assert!(err.contains("export.csv:1:1"), "{err}");
    assert!(err.contains("`salary`"), "{err}");
    // In a directory, a CSV ranks beside the posting files.
    std::fs::write(
        dir.path().join("export.csv"),
        "title,description\nDev,Requirements: Python and Go.\n",
    )
    .unwrap();
    let v = rank_json(dir.path().to_str().unwrap(), &[]);
    assert_eq!(v["postings"], 1, "{v:#}");
}

/// Regression: an unclosed quote made the CSV reader take every row after it as one
/// cell, and a row with more cells than the header ranked as if it fitted; both were
/// silent. Each is now a skipped row named by its line, and an error under --strict.
#[test]
fn rank_reports_csv_rows_it_cannot_trust() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    let file = path.to_str().unwrap();
    std::fs::write(
        &path,
        "id,title,text\n\
         a1,Backend Engineer,\"Python and PostgreSQL.\nDjango.\"\n\
         b2,Gopher,Go, Kafka and Kubernetes.\n\
         c3,Trailing comma,Rust and Linux.,\n\
         d4,\"Data Engineer,Python and Airflow.\n\
         e5,Web Developer,React.\n\
         f6,Frontend Developer,TypeScript.\n",
    )
    .unwrap();
    let v = rank_json(file, &[]);
    let ids: Vec<&str> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    // The row with a fourth cell that holds text, and the row whose quote never
    // closes, are skipped; an empty cell past the header's width loses nothing.
    assert_eq!(v["postings"], 2, "{v:#}");
    assert!(ids.contains(&"a1") && ids.contains(&"c3"), "{v:#}");
    let skipped = v["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 2, "{v:#}");
    assert!(
        skipped[0]["origin"]
            .as_str()
            .unwrap()
            .ends_with("export.csv:4"),
        "{v:#}"
    );
    assert!(
        skipped[0]["error"].as_str().unwrap().contains("4 cells"),
        "{v:#}"
    );
    assert!(
        skipped[1]["origin"]
            .as_str()
            .unwrap()
            .ends_with("export.csv:6"),
        "{v:#}"
    );
    let error = skipped[1]["error"].as_str().unwrap();
    assert!(error.contains("never closed"), "{error}");
    assert!(error.contains("lines 6–8"), "{error}");
    let err = stderr_of_failure(
        jobfit().args(["rank", "--strict", "-p", "profiles/dev.yaml", file]),
        2,
    );
    assert!(err.contains("export.csv:4"), "{err}");
    // A quote left open in the header row takes the whole file: skipped, said why.
    std::fs::write(&path, "id,\"title,text\n1,Dev,Python.\n").unwrap();
    let v = rank_json(file, &[]);
    assert_eq!(v["postings"], 0, "{v:#}");
    let error = v["skipped"][0]["error"].as_str().unwrap();
    assert!(error.contains("export.csv:1:4: the quoted cell"), "{error}");
    // `score` reads a one-row CSV the same way.
    std::fs::write(&path, "title,text\n\"Dev,Python.\n").unwrap();
    let err = stderr_of_failure(jobfit().args(["score", "-p", "profiles/dev.yaml", file]), 2);
    assert!(err.contains("never closed"), "{err}");
}

#[test]
fn commands_that_read_files_point_a_url_at_jobs_add() {
    for args in [
        &["rank", "http://127.0.0.1:9/x"][..],
        &["extract", "http://127.0.0.1:9/x"],
    ] {
        let err = stderr_of_failure(core().args(args), 2);
        assert!(
            err.contains("a web address, and this command reads files"),
            "{err}"
        );
        assert!(err.contains("jobfit jobs add URL"), "{err}");
    }
}

#[test]
fn matching_with_no_rules_at_all_is_an_error() {
    let err = stderr_of_failure(
        jobfit().args(["--no-default-rules", "score", "postings/backend.md"]),
        2,
    );
    assert!(err.contains("no rules loaded"), "{err}");
    // An empty directory of rules is most likely the wrong one.
    let dir = tempfile::tempdir().unwrap();
    let err = stderr_of_failure(
        jobfit().args(["--rules", dir.path().to_str().unwrap(), "rules", "list"]),
        2,
    );
    assert!(
        err.contains("no rule files (*.yml, *.yaml) in this directory"),
        "{err}"
    );
}

/// NDJSON given where one posting is read (`score -`, `jobs add -`) fails at its second
/// line with a pointer to `rank`, which reads one posting per line; other trailing text
/// gets the plain advice.
#[test]
fn ndjson_for_one_posting_points_to_rank() {
    let two = "{\"title\":\"A\",\"text\":\"Python developer\"}\n{\"title\":\"B\",\"text\":\"Go developer\"}\n";
    let err = stderr_of_failure(jobfit().args(["score", "-"]).write_stdin(two), 2);
    assert!(err.contains("<stdin>:2:1"), "{err}");
    assert!(err.contains("jobfit rank -"), "{err}");
    let err = stderr_of_failure(
        jobfit()
            .args(["score", "-"])
            .write_stdin("{\"text\":\"Python developer\"} x\n"),
        2,
    );
    assert!(err.contains("fix the JSON at this position"), "{err}");
}

/// Regression: `extract page.html` read every visible word of the page, menus and
/// footer included, at offsets into the raw HTML, while `score` and `rank` read the
/// page's posting (its JSON-LD, else its main text). Extract now reads what they read;
/// its offsets index that text, which the JSON report gives as `page_text`.
#[test]
fn extract_reads_an_html_page_as_score_does() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><head><title>Platform Engineer</title></head><body>\
         <nav><a href=/jobs>Redis jobs</a></nav>\
         <main><article><h1>Platform Engineer</h1>\
         <p>We run Kubernetes &amp; PostgreSQL.</p></article></main>\
         <footer>Docker careers</footer></body></html>",
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(core().args([
        "extract",
        page.to_str().unwrap(),
        "--format",
        "json",
    ])))
    .unwrap();
    let ids: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["kubernetes", "postgresql"], "{v:#}");
    let text = v["page_text"].as_str().expect("page_text for an HTML page");
    for f in v["findings"].as_array().unwrap() {
        let (s, e) = (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap());
        assert_eq!(&text[s as usize..e as usize], f["text"].as_str().unwrap());
    }
    // The same skills as score finds in the page.
    let score: serde_json::Value = serde_json::from_str(&stdout(core().args([
        "score",
        "--profile",
        "profiles/dev.yaml",
        page.to_str().unwrap(),
        "-f",
        "json",
    ])))
    .unwrap();
    let mut scored: Vec<&str> = skill_ids(&score);
    scored.sort_unstable();
    assert_eq!(scored, ["kubernetes", "postgresql"], "{score:#}");
    // A page whose JSON-LD holds the posting is read as that posting.
    std::fs::write(
        &page,
        r#"<html><head><script type="application/ld+json">{"@type":"JobPosting","title":"Backend","description":"<p>Python and Django.</p>"}</script></head><body><p>Redis Redis Redis</p></body></html>"#,
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(core().args([
        "extract",
        page.to_str().unwrap(),
        "--format",
        "json",
    ])))
    .unwrap();
    let ids: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["python", "django"], "{v:#}");
    // A text file has no `page_text`: its offsets are into the file as given.
    let v: serde_json::Value = serde_json::from_str(&stdout(core().args([
        "extract",
        "postings/ad.txt",
        "--format",
        "json",
    ])))
    .unwrap();
    assert!(v.get("page_text").is_none(), "{v:#}");
}

/// Regression: a cell with text after its closing quote (`"Go" Dev`) was read as the
/// CSV reader joins it (`Go Dev`), and nothing said the row was malformed. It is now a
/// skipped row named by its line, like the other broken rows, and an error under
/// --strict; blanks before the next delimiter are no text.
#[test]
fn rank_reports_csv_cells_with_text_after_the_closing_quote() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    let file = path.to_str().unwrap();
    std::fs::write(
        &path,
        "id,title,text\n\
         a1,\"Backend Engineer\" ,\"Python and PostgreSQL.\"\n\
         b2,\"Go\" Developer,Go and Kafka.\n\
         c3,Ops,\"Docker and\nLinux\"Kubernetes\n\
         d4,Web Developer,React.\n",
    )
    .unwrap();
    let v = rank_json(file, &[]);
    let ids: Vec<&str> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(v["postings"], 2, "{v:#}");
    assert!(ids.contains(&"a1") && ids.contains(&"d4"), "{v:#}");
    let skipped = v["skipped"].as_array().unwrap();
    let origins: Vec<&str> = skipped
        .iter()
        .map(|s| s["origin"].as_str().unwrap())
        .collect();
    assert_eq!(origins, [format!("{file}:3"), format!("{file}:4")], "{v:#}");
    let error = skipped[0]["error"].as_str().unwrap();
    assert!(
        error.contains("export.csv:3:8: text after the closing quote of a cell"),
        "{error}"
    );
    // In a cell over two lines, the position is where the stray text is.
    let error = skipped[1]["error"].as_str().unwrap();
    assert!(error.contains("export.csv:5:7:"), "{error}");
    let err = stderr_of_failure(
        jobfit().args(["rank", "--strict", "-p", "profiles/dev.yaml", file]),
        2,
    );
    assert!(err.contains("text after the closing quote"), "{err}");
    // `score` reads a one-row CSV the same way.
    std::fs::write(&path, "title,text\nDev,\"Python\" and Go\n").unwrap();
    let err = stderr_of_failure(jobfit().args(["score", "-p", "profiles/dev.yaml", file]), 2);
    assert!(
        err.contains("export.csv:2:13: text after the closing quote"),
        "{err}"
    );
}

/// `jobs add FILE -f json` in `dir` (with `extra` flags): exit code, the saved entry.
fn jobs_add(dir: &Path, file: &str, extra: &[&str]) -> (Option<i32>, serde_json::Value, String) {
    let out = jobfit_in(dir)
        .args(["--no-config", "jobs", "add", file, "-f", "json"])
        .args(extra)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or_default();
    (
        out.status.code(),
        v,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Regression: `jobs add` compared a new posting only with the Markdown and text
/// files in jobs/, so one saved there as a page, JSON or YAML (which `rank` and
/// `jobs list` read) was saved again. Every posting document in jobs/ is compared, by
/// URL and by text; `--force` does not write Markdown over a file of another format.
#[test]
fn jobs_add_finds_a_posting_saved_in_any_format() {
    let dir = tempfile::tempdir().unwrap();
    let jobs = dir.path().join("jobs");
    std::fs::create_dir(&jobs).unwrap();
    let page = r#"<html><head><script type="application/ld+json">{"@type":"JobPosting","title":"Rust Engineer","hiringOrganization":{"name":"Acme"},"url":"https://example.test/jobs/7","description":"<p>Rust and PostgreSQL.</p>"}</script></head><body></body></html>"#;
    std::fs::write(jobs.join("page.html"), page).unwrap();
    let json = r#"{"title": "Data Engineer", "company": "Globex", "text": "Python and Airflow pipelines."}"#;
    std::fs::write(jobs.join("ad.json"), json).unwrap();
    std::fs::write(
        jobs.join("ad.yaml"),
        "title: Go Developer\ntext: Go and Kafka services.\n",
    )
    .unwrap();
    let new = dir.path().join("new");
    std::fs::create_dir(&new).unwrap();
    let write = |name: &str, text: &str| {
        let p = new.join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_owned()
    };
    let cases = [
        (
            write("data.txt", "Python and Airflow\npipelines.\n"),
            "ad.json",
        ),
        (write("go.md", "Go and Kafka services.\n"), "ad.yaml"),
        (
            write(
                "rust.md",
                "---\ntitle: Rust Engineer\ncompany: Acme\nurl: https://example.test/jobs/7?utm_source=mail\n---\nRust, PostgreSQL and more.\n",
            ),
            "page.html",
        ),
    ];
    for (file, saved_as) in &cases {
        let (code, v, err) = jobs_add(dir.path(), file, &[]);
        assert_eq!(code, Some(0), "{err}");
        assert_eq!(v["saved"][0]["status"], "duplicate", "{file}: {v:#}");
        assert!(
            v["saved"][0]["file"].as_str().unwrap().ends_with(saved_as),
            "{file}: {v:#}"
        );
    }
    // --force replaces a saved Markdown copy, never a page or a JSON file with Markdown.
    let (code, _, err) = jobs_add(dir.path(), &cases[0].0, &["--force"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("ad.json"), "{err}");
    assert!(err.contains("remove it"), "{err}");
    assert_eq!(std::fs::read_to_string(jobs.join("ad.json")).unwrap(), json);
    let mut names: Vec<String> = std::fs::read_dir(&jobs)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".jobfit.lock", "ad.json", "ad.yaml", "page.html"]);
}

/// Regression: `--output` into a directory that does not exist created it (and every
/// missing parent) without a word, so a typo in the path left a stray tree of
/// directories. It is an error naming the missing directory, and writes nothing.
#[test]
fn output_into_a_missing_directory_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("reprots/2026/out.md");
    for args in [
        &["profile", "export", "--profile", "profiles/dev.yaml", "-o"][..],
        &[
            "tailor",
            "-p",
            "profiles/dev.yaml",
            "postings/backend.md",
            "-o",
        ],
    ] {
        let err = stderr_of_failure(jobfit().args(args).arg(&target), 2);
        let missing = dir.path().join("reprots/2026");
        assert!(
            err.contains(&format!(
                "the directory `{}` does not exist",
                missing.display()
            )),
            "{err}"
        );
        assert!(err.contains("mkdir -p"), "{err}");
        assert!(!dir.path().join("reprots").exists(), "{args:?}");
    }
    // A parent that is a file is no directory either.
    std::fs::write(dir.path().join("file"), "x").unwrap();
    let err = stderr_of_failure(
        jobfit()
            .args(["profile", "export", "--profile", "profiles/dev.yaml", "-o"])
            .arg(dir.path().join("file/out.json")),
        2,
    );
    assert!(err.contains("is not a directory"), "{err}");
    // Into a directory that exists, it writes.
    stdout(
        jobfit()
            .args(["profile", "export", "--profile", "profiles/dev.yaml", "-o"])
            .arg(dir.path().join("out.json")),
    );
    assert!(dir.path().join("out.json").is_file());
}

/// Regression: `jobs list -f csv` had no `postings` column, so a file of many postings
/// (NDJSON, CSV) read as one, while the table and JSON said how many it holds.
#[test]
fn jobs_list_csv_says_how_many_postings_a_file_holds() {
    let dir = tempfile::tempdir().unwrap();
    let jobs = dir.path().join("jobs");
    std::fs::create_dir(&jobs).unwrap();
    std::fs::write(jobs.join("a.md"), "---\ntitle: Dev\n---\nPython.\n").unwrap();
    std::fs::write(
        jobs.join("b.ndjson"),
        "{\"title\": \"A\", \"text\": \"Python.\"}\n{\"title\": \"B\", \"text\": \"Go.\"}\n",
    )
    .unwrap();
    std::fs::write(
        jobs.join("c.csv"),
        "title,text\nC,Ruby.\nD,Elixir.\nE,Go.\n",
    )
    .unwrap();
    let out = stdout(jobfit_in(dir.path()).args(["--no-config", "jobs", "list", "-f", "csv"]));
    let mut rows = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_owned).collect();
    let at = header
        .iter()
        .position(|h| h == "postings")
        .unwrap_or_else(|| panic!("no postings column: {out}"));
    let counts: Vec<String> = rows.records().map(|r| r.unwrap()[at].to_owned()).collect();
    // A document is one posting; JSON leaves the field out for it, CSV the cell empty.
    assert_eq!(counts, ["", "2", "3"], "{out}");
}

/// Regression: `jobs list -f csv` had no `source` or `date_posted` column, though saved
/// front matter carries both and the JSON listing gives them. They come after the
/// older columns, which keep their places.
#[test]
fn jobs_list_gives_source_and_date_posted_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let jobs = dir.path().join("jobs");
    std::fs::create_dir(&jobs).unwrap();
    std::fs::write(
        jobs.join("a.md"),
        "---\ntitle: Go Developer\ncompany: Initech\ndate_posted: \"2026-10-15\"\nsource: \"greenhouse:initech\"\nfetched: \"2026-11-01\"\n---\nGo.\n",
    )
    .unwrap();
    std::fs::write(jobs.join("b.md"), "---\ntitle: Dev\n---\nPython.\n").unwrap();
    let list = |format: &str| {
        stdout(jobfit_in(dir.path()).args(["--no-config", "jobs", "list", "-f", format]))
    };
    let out = list("csv");
    let mut rows = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        [
            "file",
            "id",
            "title",
            "company",
            "location",
            "url",
            "fetched",
            "problem",
            "postings",
            "source",
            "date_posted"
        ],
        "{out}"
    );
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][9], "greenhouse:initech", "{out}");
    assert_eq!(&rows[0][10], "2026-10-15", "{out}");
    assert_eq!((&rows[1][9], &rows[1][10]), ("", ""), "{out}");
    let v: serde_json::Value = serde_json::from_str(&list("json")).unwrap();
    assert_eq!(v["jobs"][0]["source"], "greenhouse:initech", "{v:#}");
    assert_eq!(v["jobs"][0]["date_posted"], "2026-10-15", "{v:#}");
    let first = list("ndjson");
    let line: serde_json::Value = serde_json::from_str(first.lines().next().unwrap()).unwrap();
    assert_eq!(line["source"], "greenhouse:initech", "{first}");
    assert_eq!(line["date_posted"], "2026-10-15", "{first}");
}

/// Regression: a saved page whose JSON-LD holds several `JobPosting`s was read as the
/// first without a word, while the same page fetched by its URL got a note naming the
/// others. Every command that reads one posting from a page now says so.
#[test]
fn a_local_page_with_several_postings_gets_the_note() {
    let note = "note: the page holds 2 job postings (JSON-LD); took the first, `Platform Engineer — Umbrella`, not `Data Analyst — Umbrella`";
    let page = fixtures().join("web/two-jobs.html");
    let page = page.to_str().unwrap();
    let err = |c: &mut Command| {
        let out = c.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stderr).unwrap()
    };
    for args in [
        &["score", "-p", "profiles/dev.yaml", page, "-f", "json"][..],
        &["extract", page, "-f", "json"],
    ] {
        let e = err(jobfit().args(args));
        assert!(e.contains(note), "{args:?}: {e}");
    }
    // Piped in, known by how it starts.
    let e = err(jobfit()
        .args(["score", "-p", "profiles/dev.yaml", "-", "-f", "json"])
        .write_stdin(std::fs::read(page).unwrap()));
    assert!(e.contains(note), "stdin: {e}");
    let dir = tempfile::tempdir().unwrap();
    let e = err(jobfit_in(dir.path()).args(["--no-config", "jobs", "add", page, "-f", "json"]));
    assert!(e.contains(note), "jobs add: {e}");
}

/// Regression: `rank DIR` over a saved careers page whose JSON-LD lists several jobs
/// ranked the page as its first posting without a word, while `jobs add` of the same
/// file noted it. `rank` warns, naming the file, on stderr and in its report.
#[test]
fn rank_warns_of_a_page_with_several_postings() {
    let dir = tempfile::tempdir().unwrap();
    let jobs = dir.path().join("jobs");
    std::fs::create_dir(&jobs).unwrap();
    std::fs::copy(
        fixtures().join("web/two-jobs.html"),
        jobs.join("careers.html"),
    )
    .unwrap();
    std::fs::write(jobs.join("one.md"), "---\ntitle: Go Developer\n---\nGo.\n").unwrap();
    let profile = fixtures().join("profiles/dev.yaml");
    let out = jobfit_in(dir.path())
        .args(["--no-config", "rank", "-p"])
        .arg(&profile)
        .args(["jobs", "-f", "json"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let file = Path::new("jobs").join("careers.html");
    let warning = format!(
        "warning: {}: the page holds 2 job postings (JSON-LD); took the first, `Platform Engineer — Umbrella`, not `Data Analyst — Umbrella`",
        file.display()
    );
    assert!(err.contains(&warning), "{err}");
    assert_eq!(err.matches("warning:").count(), 1, "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["postings"], 2, "{v:#}");
    let notes = v["warnings"].as_array().unwrap_or_else(|| panic!("{v:#}"));
    assert_eq!(notes.len(), 1, "{v:#}");
    assert_eq!(notes[0]["origin"], file.display().to_string());
    assert!(
        notes[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("the page holds 2 job postings"),
        "{v:#}"
    );
}

/// Regression: two `jobs add` of one posting at the same time each found it unsaved
/// and each saved it (the second under a numbered name). Checking and saving is now one
/// step, under a lock on the jobs directory: one saves, the others report a duplicate.
#[test]
fn jobs_add_of_one_posting_at_the_same_time_saves_it_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("jobs")).unwrap();
    let ad = dir.path().join("ad.md");
    std::fs::write(
        &ad,
        "---\ntitle: Go Developer\ncompany: Initech\nurl: https://example.test/1\n---\nWe write Go and Kafka.\n",
    )
    .unwrap();
    for _ in 0..3 {
        let children: Vec<_> = (0..4)
            .map(|_| {
                std::process::Command::new(env!("CARGO_BIN_EXE_jobfit"))
                    .current_dir(dir.path())
                    .env("HOME", dir.path())
                    .env("XDG_CONFIG_HOME", dir.path().join(".config"))
                    .env_remove("JOBFIT_CONFIG")
                    .args(["--no-config", "jobs", "add", "-f", "json"])
                    .arg(&ad)
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let statuses: Vec<String> = children
            .into_iter()
            .map(|c| {
                let out = c.wait_with_output().unwrap();
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                v["saved"][0]["status"].as_str().unwrap().to_owned()
            })
            .collect();
        let saved: Vec<String> = std::fs::read_dir(dir.path().join("jobs"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".md"))
            .collect();
        assert_eq!(saved, ["initech-go-developer.md"], "{statuses:?}");
        assert!(
            statuses.iter().filter(|s| *s == "new").count() <= 1,
            "{statuses:?}"
        );
    }
}

/// A title that offers a job naming no skill beside one that does ("Senior Software
/// Engineers and Agile Coaches") asks no one for the other job's skills: a candidate
/// who fits neither is judged on the rest of the posting, one who fits the named job
/// gets its weight (audit: "ML Engineer" among five jobs cost a third of the score).
#[test]
fn a_job_naming_no_skill_beside_one_that_does_is_one_the_candidate_may_apply_for() {
    let ad = "Acme | Senior Software Engineers and Rust Engineers | Remote\n\n\
              Requirements\n- Python, Django, PostgreSQL, Docker and Kubernetes\n";
    let v = score_ad_json(&["-p", "profiles/dev.yaml"], ad);
    assert_eq!(v["roles"].as_array().map(Vec::len), Some(2), "{v}");
    let rust = entry(&v, "skills", "rust");
    assert_eq!(rust["counted_weight"], 0.0, "{rust}");
    assert_eq!(v["score"], 100.0, "{v}");
    let table = score_ad(&["-p", "profiles/dev.yaml", "-f", "table"], ad);
    assert!(
        table.contains("roles (a job naming no skill; Rust): the résumé fits none better"),
        "{table}"
    );
    let explain = score_ad(&["-p", "profiles/dev.yaml", "--explain", "-f", "table"], ad);
    assert!(
        explain.contains("the job naming no skill counts instead: this one weighs 0"),
        "{explain}"
    );
    // The named job counts for a candidate who fits it.
    let ad = "Acme | Senior Software Engineers and Python Engineers | Remote\n\n\
              Requirements\n- PostgreSQL and Docker\n";
    let table = score_ad(&["-p", "profiles/dev.yaml", "-f", "table"], ad);
    assert!(
        table.contains("roles (a job naming no skill; Python): the résumé fits Python best"),
        "{table}"
    );
}

/// Where the job is, as the schema in docs/json.md promises: from a saved job's front
/// matter or an NDJSON line's `location`, and from the place in a pasted ad's header.
#[test]
fn reports_say_where_the_job_is() {
    let v = score_ad_json(
        &["-p", "profiles/dev.yaml"],
        "Initech | Backend Engineer | Vienna, Austria | Onsite\n\nRequirements: Python.\n",
    );
    assert_eq!(v["posting"]["company"], "Initech", "{v}");
    assert_eq!(v["posting"]["location"], "Vienna, Austria", "{v}");
    let ad = "Initech | Backend Engineer | Vienna, Austria | Onsite\n\nRequirements: Python.\n";
    let table = score_ad(&["-p", "profiles/dev.yaml", "-f", "table"], ad);
    assert!(
        table.starts_with("Backend Engineer — Initech · Vienna, Austria  (<stdin>)"),
        "{table}"
    );
    let md = score_ad(&["-p", "profiles/dev.yaml", "-f", "markdown"], ad);
    assert!(md.contains("Location: Vienna, Austria."), "{md}");
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("ad.md");
    std::fs::write(
        &md,
        "---\ntitle: Redis Engineer\nlocation: Leeds, UK\ndate_posted: 2026-11-02\n---\nYou will write Python.\n",
    )
    .unwrap();
    let out = stdout(core().args(["score", md.to_str().unwrap(), "-f", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["posting"]["location"], "Leeds, UK", "{out}");
    assert_eq!(v["posting"]["date_posted"], "2026-11-02", "{out}");
    let out = stdout(
        jobfit()
            .args(["rank", "-p", "profiles/dev.yaml", "-", "-f", "ndjson"])
            .write_stdin(
                r#"{"id": "py", "location": "Remote (EU)", "text": "Requirements: Python."}"#,
            ),
    );
    let row: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(row["location"], "Remote (EU)", "{out}");
}
