//! `jobfit tailor` through the real binary: each shipped profile (written from the two
//! seed résumés) against three different postings, pinned as snapshots; the output
//! formats; posting arguments (file, saved job, stdin); atomic `--output`; and the
//! one-line `--summary` of `score` and `rank`.

mod common;

use common::{jobfit_in, repo, stderr_of_failure, stdout};
use serde_json::Value;

const POSTINGS: [&str; 3] = [
    "northwind-python-backend",
    "stratos-storage-sre",
    "meridian-data-engineer",
];

#[test]
fn each_profile_against_three_postings() {
    for profile in ["python-backend", "storage-engineer"] {
        let mut summaries = Vec::new();
        for posting in POSTINGS {
            let out = stdout(jobfit_in(repo()).args([
                "tailor",
                "--profile",
                profile,
                posting,
                "--explain",
            ]));
            insta::assert_snapshot!(format!("tailor_{profile}_{posting}"), out);
            let summary = out
                .split("## Summary\n\n")
                .nth(1)
                .and_then(|s| s.split("\n\n").next())
                .unwrap_or_default()
                .to_owned();
            summaries.push(summary);
        }
        // Three postings, three different summaries.
        assert_ne!(summaries[0], summaries[1], "{profile}");
        assert_ne!(summaries[1], summaries[2], "{profile}");
        assert_ne!(summaries[0], summaries[2], "{profile}");
    }
}

#[test]
fn json_report_and_json_resume() {
    let out = stdout(jobfit_in(repo()).args([
        "tailor",
        "-p",
        "python-backend",
        "jobs/northwind-python-backend.md",
        "-f",
        "json",
        "--bullets",
        "3",
    ]));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["type"], "tailor");
    assert_eq!(v["bullets"].as_array().unwrap().len(), 3);
    let sentences = v["summary"]["sentences"].as_array().unwrap();
    assert!((2..=4).contains(&sentences.len()), "{sentences:#?}");
    for s in sentences {
        assert!(!s["sources"].as_array().unwrap().is_empty(), "{s}");
    }
    for b in v["bullets"].as_array().unwrap() {
        assert!(!b["covers"].as_array().unwrap().is_empty(), "{b}");
    }

    let out = stdout(jobfit_in(repo()).args([
        "tailor",
        "-p",
        "python-backend",
        "northwind-python-backend",
        "-f",
        "json-resume",
        "--per-role",
        "1",
        "--explain",
    ]));
    let r: Value = serde_json::from_str(&out).unwrap();
    // The score reads as the report shows it, one decimal (not 78.4000015258789).
    let score = r["meta"]["jobfit"]["score"].as_f64().unwrap();
    assert_eq!(score, (score * 10.0).round() / 10.0, "{score}");
    let original: Value = serde_json::from_str(&stdout(jobfit_in(repo()).args([
        "profile",
        "export",
        "-p",
        "python-backend",
    ])))
    .unwrap();
    let work = r["work"].as_array().unwrap();
    assert_eq!(work.len(), original["work"].as_array().unwrap().len());
    for (w, o) in work.iter().zip(original["work"].as_array().unwrap()) {
        assert_eq!(w["name"], o["name"]);
        assert_eq!(w["startDate"], o["startDate"]);
        let kept = w
            .get("highlights")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        assert!(kept <= 1, "--per-role 1: {w}");
        for h in w
            .get("highlights")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            assert!(
                o["highlights"].as_array().unwrap().contains(h),
                "verbatim: {h}"
            );
        }
    }
    assert_ne!(r["basics"]["summary"], original["basics"]["summary"]);
    assert!(
        r["meta"]["jobfit"]["tailoredFor"]["title"].is_string(),
        "{}",
        r["meta"]
    );
    assert!(r["meta"]["jobfit"]["summary"]["sentences"].is_array());
    // It is a profile jobfit reads back.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tailored.json"), &out).unwrap();
    stdout(jobfit_in(dir.path()).args(["profile", "show", "-p", "tailored.json", "-f", "json"]));
}

/// Tailoring to a posting the profile hardly fits says so on stderr, with the gaps;
/// a good fit draws no note.
#[test]
fn a_poor_fit_is_noted() {
    let out = jobfit_in(repo())
        .args([
            "tailor",
            "-p",
            "storage-engineer",
            "pinecone-ios",
            "-f",
            "text",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("(poor) against the profile"), "{err}");
    assert!(err.contains("costliest gaps: iOS"), "{err}");
    let out = jobfit_in(repo())
        .args(["tailor", "-p", "storage-engineer", "stratos-storage-sre"])
        .output()
        .unwrap();
    assert!(out.status.success() && out.stderr.is_empty(), "{out:?}");
}

/// `--bullets 0` asks for a summary and skills without bullets: the résumé keeps none,
/// and no note claims that the profile has no bullet for the posting (the bug was
/// "no bullet of the profile shows a skill it asks for" after a good fit).
#[test]
fn zero_bullets_means_none_without_a_false_note() {
    let out = jobfit_in(repo())
        .args([
            "tailor",
            "-p",
            "storage-engineer",
            "stratos-storage-sre",
            "-f",
            "json",
            "--bullets",
            "0",
        ])
        .output()
        .unwrap();
    assert!(out.status.success() && out.stderr.is_empty(), "{out:?}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["bullets"].as_array().unwrap().len(), 0, "{v}");
    assert!(!v["summary"]["sentences"].as_array().unwrap().is_empty());
    // A poor fit is still noted, without the claim about bullets.
    let out = jobfit_in(repo())
        .args([
            "tailor",
            "-p",
            "storage-engineer",
            "pinecone-ios",
            "--bullets",
            "0",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("(poor) against the profile"), "{err}");
    assert!(!err.contains("no bullet"), "{err}");
}

#[test]
fn text_format_has_no_markup() {
    let out = stdout(jobfit_in(repo()).args([
        "tailor",
        "-p",
        "storage-engineer",
        "stratos-storage-sre",
        "-f",
        "text",
    ]));
    assert!(
        out.contains("SUMMARY\n") && out.contains("EXPERIENCE\n"),
        "{out}"
    );
    // A chosen project stands under its own heading, not as one more role.
    assert!(
        out.contains("\nPROJECTS\nOpenStack Swift (upstream)\n  - "),
        "{out}"
    );
    assert!(
        !out.contains("<!--") && !out.contains("**") && !out.contains("## "),
        "{out}"
    );
}

#[test]
fn a_role_without_title_or_employer_keeps_its_bullets() {
    // An imported narrative may know only where a role was.
    let dir = profile_and_ad(
        "basics:\n  name: Pat\nwork:\n  - location: Lisbon\n    highlights:\n      - Ran the Ceph clusters behind the object store.\n  - highlights:\n      - Wrote the Ceph upgrade runbooks.\n",
        "Storage engineer\n\nRequirements\n- Ceph\n",
    );
    for (format, heading) in [
        ("markdown", "### Role in Lisbon"),
        ("text", "Role in Lisbon"),
    ] {
        let out = tailor_in(&dir, format);
        assert!(out.contains(heading), "{out}");
        assert!(out.contains("Ran the Ceph clusters"), "{out}");
        assert!(out.contains("Wrote the Ceph upgrade runbooks."), "{out}");
    }
}

#[test]
fn output_is_atomic_and_never_clobbers() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("cv.md");
    let target_s = target.display().to_string();
    let run = |extra: &[&str]| {
        let mut c = jobfit_in(repo());
        c.args([
            "tailor",
            "-p",
            "python-backend",
            "northwind-python-backend",
            "-o",
            &target_s,
        ]);
        c.args(extra);
        c
    };
    assert_eq!(stdout(&mut run(&[])), "");
    let first = std::fs::read_to_string(&target).unwrap();
    assert!(first.starts_with("# "), "{first}");
    std::fs::write(&target, "my edits").unwrap();
    let err = stderr_of_failure(&mut run(&[]), 2);
    assert!(err.contains("cv.md") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "my edits");
    stdout(&mut run(&["--force"]));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), first);
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temp files left");
}

#[test]
fn posting_from_stdin_and_unknown_postings() {
    let ad = std::fs::read_to_string(repo().join("jobs/stratos-storage-sre.md")).unwrap();
    let from_stdin = stdout(
        jobfit_in(repo())
            .args(["tailor", "-p", "storage-engineer", "-"])
            .write_stdin(ad),
    );
    let from_file = stdout(jobfit_in(repo()).args([
        "tailor",
        "-p",
        "storage-engineer",
        "jobs/stratos-storage-sre.md",
    ]));
    assert_eq!(from_stdin, from_file);
    let err = stderr_of_failure(
        jobfit_in(repo()).args(["tailor", "-p", "storage-engineer", "stratos-storage"]),
        2,
    );
    assert!(err.contains("no such file, URL or saved job"), "{err}");
    assert!(err.contains("did you mean `stratos-storage-sre`"), "{err}");
}

#[test]
fn score_and_rank_one_line_summaries() {
    let out = stdout(jobfit_in(repo()).args([
        "score",
        "-p",
        "python-backend",
        "northwind-python-backend",
        "--summary",
        "-f",
        "json",
    ]));
    let v: Value = serde_json::from_str(&out).unwrap();
    let line = v["summary"].as_str().unwrap();
    assert!(line.contains("Python (20 years)"), "{line}");
    assert!(!line.contains('\n'));
    let out =
        stdout(jobfit_in(repo()).args(["rank", "-p", "python-backend", "--summary", "-f", "json"]));
    let v: Value = serde_json::from_str(&out).unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert!(rows.iter().all(|r| r["summary"].is_string()), "{rows:#?}");
    let out = stdout(jobfit_in(repo()).args(["rank", "-p", "python-backend", "-f", "json"]));
    assert!(!out.contains("\"summary\""), "only when asked");
}

/// A quoted bullet that names its own place ("At Globex, …") is not introduced by its
/// role's employer as well ("At Freelance clients: At Globex, …").
#[test]
fn a_bullet_naming_its_place_is_not_introduced_twice() {
    let dir = profile_and_ad(
        "basics:\n  name: Pat\nwork:\n  - name: Freelance clients\n    position: Developer\n    startDate: 2015-01\n    endDate: 2020-01\n    highlights:\n      - At Globex, rebuilt the billing service in Python and PostgreSQL for 2 million customers.\n",
        "Backend engineer\n\nRequirements\n- Python\n- PostgreSQL\n",
    );
    let out = tailor_in(&dir, "text");
    assert!(
        out.contains("At Globex, rebuilt the billing service"),
        "{out}"
    );
    assert!(!out.contains(": At Globex"), "{out}");
}

/// The skills sentence names what the person works with: a matched degree or spoken
/// language is no "strongest match" beside PostgreSQL.
#[test]
fn the_skills_sentence_names_no_degree_or_language() {
    let dir = profile_and_ad(
        "basics:\n  name: Pat\nlanguages:\n  - language: English\n    fluency: Native\neducation:\n  - institution: Uni\n    studyType: Bachelor\n    area: Computer Science\nwork:\n  - name: Globex\n    position: Developer\n    startDate: 2015-01\n    endDate: 2020-01\n    highlights:\n      - Rebuilt the billing service in PostgreSQL for 2 million customers.\n",
        "Database engineer\n\nRequirements\n- Bachelor's degree in Computer Science\n- Fluent English\n- PostgreSQL\n",
    );
    let out = tailor_in(&dir, "text");
    let summary = out
        .split("SUMMARY\n")
        .nth(1)
        .unwrap()
        .lines()
        .next()
        .unwrap();
    assert!(summary.contains("PostgreSQL (5 years)"), "{summary}");
    for not in ["computer science", "Computer Science", "English"] {
        assert!(!summary.contains(not), "{summary}");
    }
    // Nor does the skills section list the degree: the education section says it.
    let skills = out
        .split("SKILLS\n")
        .nth(1)
        .unwrap()
        .lines()
        .next()
        .unwrap();
    assert!(skills.contains("PostgreSQL"), "{skills}");
    assert!(!skills.contains("Bachelor"), "{skills}");
    assert!(!skills.contains("Computer science"), "{skills}");
    // The profile's languages have their own section, with the fluency.
    assert!(!skills.contains("English"), "{skills}");
    assert!(out.contains("\nLANGUAGES\nEnglish (Native)\n"), "{out}");
    let md = tailor_in(&dir, "markdown");
    assert!(md.contains("## Languages\n\nEnglish (Native)"), "{md}");
}

/// The skills sentence names the profile's strengths: a skill the profile names only
/// as known a little ("some Windows Server", "a little golang", "some experience with
/// Ansible", "basic Terraform") is no "strongest match", though it still scores.
#[test]
fn the_skills_sentence_names_no_skill_known_a_little() {
    let dir = profile_and_ad(
        "basics:\n  name: Pat\nwork:\n  - name: Globex\n    position: Developer\n    startDate: 2015-01\n    endDate: 2020-01\n    highlights:\n      - Rebuilt the billing service in Python.\n      - Ran some Windows Server hosts and wrote a little golang.\n      - Some experience with Ansible and basic Terraform.\n",
        "Platform engineer\n\nRequirements\n- Windows Server\n- Go (golang)\n- Ansible\n- Terraform\n- Python\n",
    );
    let out = tailor_in(&dir, "text");
    let summary = out
        .split("SUMMARY\n")
        .nth(1)
        .unwrap()
        .lines()
        .next()
        .unwrap();
    assert!(summary.contains("Python (5 years)"), "{summary}");
    for weak in ["Windows Server", "Go ", "Ansible", "Terraform"] {
        assert!(!summary.contains(weak), "{weak}: {summary}");
    }
    // Nor do they lead the skills section.
    let skills = out
        .split("SKILLS\n")
        .nth(1)
        .unwrap()
        .lines()
        .next()
        .unwrap();
    assert!(skills.starts_with("Python"), "{skills}");
}

/// A skill named only as known a little in a role ("some experience with Terraform")
/// earns none of that role's years: the summary counts the years of the role that shows
/// it in earnest, not "Terraform (7 years)".
#[test]
fn a_skill_known_a_little_earns_no_years_of_its_role() {
    let dir = profile_and_ad(
        "basics:\n  name: Pat\nwork:\n  - name: Initech\n    position: Developer\n    startDate: 2020-01\n    endDate: 2021-01\n    highlights:\n      - Built the billing API in Python on AWS with Terraform.\n  - name: Globex\n    position: Developer\n    startDate: 2014-01\n    endDate: 2020-01\n    highlights:\n      - Rebuilt the billing service in Python.\n      - Some experience with Terraform.\n",
        "Backend engineer\n\nRequirements\n- Python\n- Terraform\n",
    );
    let out = tailor_in(&dir, "text");
    let summary = out
        .split("SUMMARY\n")
        .nth(1)
        .unwrap()
        .lines()
        .next()
        .unwrap();
    assert!(summary.contains("Python (7 years)"), "{summary}");
    assert!(summary.contains("Terraform (1 year)"), "{summary}");
}

/// The summary quotes an achievement only for a number that counts something: the
/// digit of a name ("0MQ"), a version ("Python 3") or an id ("RFC 7231") is none, nor
/// is a scale in words ("hundreds of services").
#[test]
fn an_achievement_needs_a_quantity() {
    let profile = "basics:\n  name: Pat\nwork:\n  - name: Globex\n    position: Developer\n    startDate: 2015-01\n    endDate: 2020-01\n    highlights:\n      - Rebuilt the billing service in Python with Kafka.\n      - Replaced the 0MQ message bus with Kafka.\n  - name: Initech\n    position: Developer\n    startDate: 2012-01\n    endDate: 2014-12\n    highlights:\n      - Ported the reporting jobs to Python 3.\n      - Implemented RFC 7231 caching in the Python proxy.\n";
    let ad = "Backend engineer\n\nRequirements\n- Python\n- Kafka\n";
    let dir = profile_and_ad(profile, ad);
    let json = |dir: &tempfile::TempDir| -> Value {
        serde_json::from_str(&stdout(jobfit_in(dir.path()).args([
            "--no-config",
            "tailor",
            "-p",
            "p.yaml",
            "ad.txt",
            "-f",
            "json",
            "--bullets",
            "1",
        ])))
        .unwrap()
    };
    let v = json(&dir);
    let kinds: Vec<&str> = v["summary"]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert!(!kinds.contains(&"achievement"), "{v}");
    let kinds_of = |v: &Value| -> Vec<String> {
        v["summary"]["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["kind"].as_str().unwrap().to_owned())
            .collect()
    };
    for vague in [
        "hundreds of services",
        "thousands of hosts",
        "millions of users",
    ] {
        let dir = profile_and_ad(
            &profile.replace(
                "Replaced the 0MQ message bus",
                &format!("Replaced the 0MQ message bus of {vague}"),
            ),
            ad,
        );
        let v = json(&dir);
        assert!(!kinds_of(&v).iter().any(|k| k == "achievement"), "{v}");
    }
    // A count in the same sentence makes it one.
    let dir = profile_and_ad(
        &profile.replace(
            "Replaced the 0MQ message bus",
            "Replaced the 0MQ message bus of 40 services",
        ),
        ad,
    );
    let v = json(&dir);
    let quoted: Vec<&str> = v["summary"]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "achievement")
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        quoted,
        ["At Globex: Replaced the 0MQ message bus of 40 services with Kafka."],
        "{v}"
    );
}

/// A scratch directory holding `p.yaml` (the profile) and `ad.txt` (the posting).
fn profile_and_ad(profile: &str, ad: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.yaml"), profile).unwrap();
    std::fs::write(dir.path().join("ad.txt"), ad).unwrap();
    dir
}

/// `jobfit tailor -p p.yaml ad.txt -f FORMAT` in `dir`: its stdout.
fn tailor_in(dir: &tempfile::TempDir, format: &str) -> String {
    stdout(jobfit_in(dir.path()).args([
        "--no-config",
        "tailor",
        "-p",
        "p.yaml",
        "ad.txt",
        "-f",
        format,
    ]))
}

/// The transfer line skips a gap whose nearest profile skill is known only a little
/// ("some MySQL" for PostgreSQL) and speaks of the next one, rather than saying nothing.
#[test]
fn the_transfer_line_passes_over_a_skill_known_a_little() {
    let dir = profile_and_ad(
        "basics:\n  name: Pat\nwork:\n  - name: Globex\n    position: Developer\n    startDate: 2015-01\n    endDate: 2020-01\n    highlights:\n      - Rebuilt the billing service in Python.\n      - Kept some MySQL tables tidy.\n      - Ran the services on AWS with Terraform.\n",
        "Backend engineer\n\nRequirements\n- Python\n- PostgreSQL\n- PostgreSQL replication and tuning\n- GCP\n",
    );
    let v: Value = serde_json::from_str(&stdout(jobfit_in(dir.path()).args([
        "--no-config",
        "tailor",
        "-p",
        "p.yaml",
        "ad.txt",
        "-f",
        "json",
    ])))
    .unwrap();
    let transfer: Vec<&str> = v["summary"]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "transfer")
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(transfer.len(), 1, "{v}");
    assert!(transfer[0].contains("Amazon Web Services"), "{transfer:?}");
    assert!(!transfer[0].contains("MySQL"), "{transfer:?}");
}
