//! Résumé import through the real binary: the two seed résumés (read by path from
//! ../shared/seeds when it is present), the project's own fixtures for every other
//! format (Markdown, JSON Resume, PDF), export round trips, on-the-fly `--profile`, and
//! bad input that must fail with exit 2 and write nothing.

mod common;

use std::path::{Path, PathBuf};

use common::{fixtures, jobfit_in, repo, skill_ids, stderr_of_failure, stdout};
use serde_json::Value;

/// A scratch directory holding a copy of the résumé fixtures; profiles/ starts empty.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = fixtures().join("resumes");
    for e in std::fs::read_dir(&src).expect("fixtures") {
        let e = e.expect("entry");
        std::fs::copy(e.path(), dir.path().join(e.file_name())).expect("copy");
    }
    dir
}

fn profiles_in(dir: &Path) -> Vec<String> {
    let Ok(rd) = std::fs::read_dir(dir.join("profiles")) else {
        return Vec::new();
    };
    let mut v: Vec<String> = rd
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// `profile show --format json` of any résumé file.
fn show(dir: &Path, file: &str) -> Value {
    let out = stdout(jobfit_in(dir).args(["profile", "show", "--profile", file, "-f", "json"]));
    serde_json::from_str(&out).expect("json")
}

/// `profile export` (JSON Resume) of any résumé file.
fn export(dir: &Path, file: &str) -> Value {
    let out = stdout(jobfit_in(dir).args(["profile", "export", "--profile", file]));
    serde_json::from_str(&out).expect("json")
}

fn years(v: &Value, id: &str) -> Option<f64> {
    v["skills"]
        .as_array()?
        .iter()
        .find(|s| s["id"] == id)?
        .get("years")?
        .as_f64()
}

#[test]
fn markdown_resume_imports_roles_dates_bullets_skills_education() {
    let dir = scratch();
    let out = stdout(jobfit_in(dir.path()).args(["profile", "import", "resume.md"]));
    assert!(
        out.contains("profiles/resume.yaml (2 roles, 4 bullets)"),
        "{out}"
    );
    assert_eq!(profiles_in(dir.path()), ["resume.yaml"]);
    let p = export(dir.path(), "resume");
    assert_eq!(p["basics"]["name"], "Alex Writer");
    assert_eq!(p["basics"]["email"], "alex@example.test");
    assert_eq!(
        p["basics"]["summary"],
        "Back-end developer who likes Rust and PostgreSQL."
    );
    let work = p["work"].as_array().unwrap();
    assert_eq!(work.len(), 2);
    assert_eq!(work[0]["name"], "Umbrella Ltd");
    assert_eq!(work[0]["position"], "Senior Engineer");
    assert_eq!(work[0]["startDate"], "2021-01");
    assert!(work[0].get("endDate").is_none(), "present: no end date");
    assert_eq!(
        work[0]["highlights"][0],
        "Rewrote the billing service in Rust, cutting latency by 40%."
    );
    assert_eq!(work[1]["name"], "Vandelay Industries");
    assert_eq!(work[1]["position"], "Developer");
    assert_eq!(
        (&work[1]["startDate"], &work[1]["endDate"]),
        (&"2017".into(), &"2020".into())
    );
    assert_eq!(p["skills"][0]["name"], "Languages");
    assert_eq!(
        p["skills"][0]["keywords"],
        serde_json::json!(["Rust", "Python", "SQL"])
    );
    assert_eq!(p["education"][0]["institution"], "University of Example");
    assert_eq!(p["education"][0]["studyType"], "MSc");
    assert_eq!(p["education"][0]["area"], "Software Engineering");
    // What jobfit understood: years per skill from the dated roles.
    let v = show(dir.path(), "resume");
    assert_eq!(years(&v, "rust"), Some(5.9));
    // "2017–2020" is three years: the range ends as 2020 begins.
    assert_eq!(years(&v, "python"), Some(3.0));
}

#[test]
fn profile_show_table_lists_roles_dates_years_and_bullets() {
    let dir = scratch();
    let out = stdout(jobfit_in(dir.path()).args([
        "--no-default-rules",
        "--rules",
        &fixtures().join("rules/core.yml").display().to_string(),
        "profile",
        "show",
        "--profile",
        "resume.md",
        "-f",
        "table",
    ]));
    insta::assert_snapshot!("profile_show_markdown_resume", out);
}

#[test]
fn json_resume_round_trips_without_loss() {
    let dir = scratch();
    let original: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("resume.json")).unwrap())
            .unwrap();
    stdout(jobfit_in(dir.path()).args(["profile", "import", "resume.json", "--name", "jordan"]));
    // JSON Resume → YAML profile → JSON Resume: every field of the schema survives.
    assert_eq!(export(dir.path(), "jordan"), original);
    // And YAML export → import → export is stable too.
    let yaml = stdout(jobfit_in(dir.path()).args([
        "profile",
        "export",
        "--profile",
        "jordan",
        "-f",
        "yaml",
    ]));
    std::fs::write(dir.path().join("again.yaml"), yaml).unwrap();
    assert_eq!(export(dir.path(), "again.yaml"), original);
    // --output writes atomically and refuses to clobber.
    stdout(jobfit_in(dir.path()).args([
        "profile",
        "export",
        "--profile",
        "jordan",
        "--output",
        "out.json",
    ]));
    let err = stderr_of_failure(
        jobfit_in(dir.path()).args([
            "profile",
            "export",
            "--profile",
            "jordan",
            "--output",
            "out.json",
        ]),
        2,
    );
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.json")).unwrap())
            .unwrap();
    assert_eq!(written, original);
}

#[cfg(feature = "pdf")]
#[test]
fn pdf_resume_imports_by_its_text_layer() {
    let dir = scratch();
    stdout(jobfit_in(dir.path()).args(["profile", "import", "resume.pdf"]));
    let p = export(dir.path(), "resume");
    assert_eq!(p["basics"]["name"], "Sam Example");
    let work = p["work"].as_array().unwrap();
    assert_eq!(work.len(), 2, "{p:#}");
    assert_eq!(work[0]["name"], "Initrode");
    assert_eq!(work[0]["position"], "Senior Platform Engineer");
    assert_eq!(work[0]["startDate"], "2020-02");
    assert_eq!(work[1]["name"], "Hooli");
    assert_eq!(
        work[1]["highlights"][0],
        "Wrote Python tools for CI/CD pipelines."
    );
    assert_eq!(p["education"][0]["studyType"], "BSc");
}

#[cfg(feature = "pdf")]
#[test]
fn scanned_pdf_is_refused_and_nothing_is_written() {
    let dir = scratch();
    let err = stderr_of_failure(
        jobfit_in(dir.path()).args(["profile", "import", "scanned.pdf"]),
        2,
    );
    assert!(
        err.contains("scanned.pdf") && err.contains("no text layer"),
        "{err}"
    );
    assert!(err.contains("OCR"), "says what to do: {err}");
    assert!(profiles_in(dir.path()).is_empty());
    // A file named .pdf that is not one.
    std::fs::write(dir.path().join("fake.pdf"), "just text, not a PDF").unwrap();
    let err = stderr_of_failure(
        jobfit_in(dir.path()).args(["profile", "import", "fake.pdf"]),
        2,
    );
    assert!(err.contains("not a PDF"), "{err}");
    // A truncated PDF: the reader fails, jobfit reports it.
    let pdf = std::fs::read(dir.path().join("resume.pdf")).unwrap();
    std::fs::write(dir.path().join("cut.pdf"), &pdf[..pdf.len() / 3]).unwrap();
    let err = stderr_of_failure(
        jobfit_in(dir.path()).args(["profile", "import", "cut.pdf"]),
        2,
    );
    assert!(err.contains("cut.pdf"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(profiles_in(dir.path()).is_empty());
}

#[test]
fn any_resume_format_works_as_profile_on_the_fly() {
    let dir = scratch();
    std::fs::copy(
        fixtures().join("postings/backend.md"),
        dir.path().join("ad.md"),
    )
    .unwrap();
    let mut files = vec!["resume.md", "resume.json"];
    if cfg!(feature = "pdf") {
        files.push("resume.pdf");
    }
    for f in files {
        let out =
            stdout(jobfit_in(dir.path()).args(["score", "--profile", f, "ad.md", "-f", "json"]));
        let v: Value = serde_json::from_str(&out).unwrap();
        let score = v["score"].as_f64().unwrap();
        assert!((0.0..=100.0).contains(&score), "{f}: {score}");
        assert!(
            v["skills"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["status"] == "matched"),
            "{f} matches something in a back-end ad"
        );
    }
    // Nothing is written by reading a résumé on the fly.
    assert!(profiles_in(dir.path()).is_empty());
}

/// What the importer had to guess is not silent when a résumé is read on the fly: one
/// note on stderr points to `profile show`; a clean résumé gets none.
#[test]
fn on_the_fly_import_notes_are_mentioned() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("cv.md"),
        "# Jane Doe\n\n## Experience\n\nAcme — Engineer\n- Built billing APIs in Go.\n\n\
         Globex — Developer\n2015 - 2018\n- Wrote Python services.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ad.txt"),
        "We need Go and Python engineers.\n",
    )
    .unwrap();
    let out = jobfit_in(dir.path())
        .args(["score", "--profile", "cv.md", "ad.txt", "-f", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("note: cv.md, read as a résumé"), "{err}");
    assert!(err.contains("no dates"), "{err}");
    assert!(err.contains("jobfit profile show --profile cv.md"), "{err}");
    let out = jobfit_in(dir.path())
        .args(["score", "--profile", "resume.json", "ad.txt", "-f", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn import_never_clobbers_without_force() {
    let dir = scratch();
    stdout(jobfit_in(dir.path()).args(["profile", "import", "resume.md", "--name", "me"]));
    let before = std::fs::read(dir.path().join("profiles/me.yaml")).unwrap();
    let err = stderr_of_failure(
        jobfit_in(dir.path()).args(["profile", "import", "resume.json", "--name", "me"]),
        2,
    );
    assert!(
        err.contains("profiles/me.yaml") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(dir.path().join("profiles/me.yaml")).unwrap(),
        before
    );
    stdout(jobfit_in(dir.path()).args([
        "profile",
        "import",
        "resume.json",
        "--name",
        "me",
        "--force",
    ]));
    let after = std::fs::read_to_string(dir.path().join("profiles/me.yaml")).unwrap();
    assert!(after.contains("Jordan Sample"));
    assert_eq!(profiles_in(dir.path()), ["me.yaml"], "no temp files left");
    let err = stderr_of_failure(
        jobfit_in(dir.path()).args(["profile", "import", "resume.md", "--name", "../escape"]),
        2,
    );
    assert!(err.contains("profile name"), "{err}");
}

#[test]
fn bad_resume_files_fail_clearly_and_write_nothing() {
    let dir = scratch();
    let d = dir.path();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    std::fs::write(d.join("blank.md"), "\n   \n\t\n").unwrap();
    std::fs::write(
        d.join("binary.txt"),
        [0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 0, 0],
    )
    .unwrap();
    // "Café résumé" in Latin-1: not UTF-8.
    std::fs::write(
        d.join("latin1.txt"),
        b"Caf\xe9 r\xe9sum\xe9\nPython developer\n",
    )
    .unwrap();
    // A sparse file past the size limit: no need to write the bytes.
    let huge = std::fs::File::create(d.join("huge.txt")).unwrap();
    huge.set_len(200 << 20).unwrap();
    drop(huge);
    std::fs::write(
        d.join("broken.json"),
        "{\"basics\": {\"name\": \"x\"},\n  \"work\": [1, }",
    )
    .unwrap();
    std::fs::write(
        d.join("wrong.yaml"),
        "basics:\n  name: x\nwork:\n  - nmae: Acme\n",
    )
    .unwrap();
    let cases: &[(&str, &[&str])] = &[
        ("empty.txt", &["empty.txt", "empty"]),
        ("blank.md", &["blank.md", "empty"]),
        ("binary.txt", &["binary.txt", "binary"]),
        ("latin1.txt", &["latin1.txt:1:4", "UTF-8", "iconv"]),
        ("huge.txt", &["huge.txt", "limit"]),
        ("broken.json", &["broken.json:2"]),
        ("wrong.yaml", &["wrong.yaml:4", "nmae"]),
        ("missing.txt", &["missing.txt"]),
    ];
    for (file, needles) in cases {
        for cmd in [
            vec!["profile", "import", file],
            vec!["profile", "show", "--profile", file],
        ] {
            let err = stderr_of_failure(jobfit_in(d).args(&cmd), 2);
            for n in *needles {
                assert!(err.contains(n), "{cmd:?}: wanted {n:?} in {err}");
            }
            assert!(!err.contains("panicked"), "{err}");
        }
    }
    assert!(profiles_in(d).is_empty());
}

/// JSON Resume files carry keys of their own (a theme's, an older schema's
/// `website`): they are ignored. A key that is a typo of one jobfit reads is still an
/// error, and an error after an ignored key keeps its line.
#[test]
fn json_resume_extra_keys_are_ignored() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("extra.json"),
        r#"{
  "x-custom": {"theme": "even", "list": [1, 2]},
  "basics": {
    "name": "Sam Lee",
    "summary": "Back-end developer.",
    "profiles": [{"network": "GitHub", "username": "sam", "x": true}]
  },
  "work": [
    {
      "name": "Initech",
      "website": "https://initech.example",
      "url": "https://initech.example",
      "position": "Engineer",
      "startDate": "2019-01",
      "highlights": ["Built APIs in Go."],
      "x-tags": ["backend"]
    }
  ]
}
"#,
    )
    .unwrap();
    let v = export(dir.path(), "extra.json");
    assert_eq!(v["basics"]["name"], "Sam Lee", "{v}");
    assert_eq!(v["basics"]["profiles"][0]["username"], "sam", "{v}");
    assert_eq!(v["work"][0]["name"], "Initech", "{v}");
    assert_eq!(v["work"][0]["highlights"][0], "Built APIs in Go.", "{v}");
    assert!(v.get("x-custom").is_none() && v["work"][0].get("website").is_none());

    std::fs::write(
        dir.path().join("typo.json"),
        "{\n  \"x-custom\": 1,\n  \"basics\": {\"nmae\": \"Sam\", \"summary\": \"Dev.\"}\n}\n",
    )
    .unwrap();
    let err = stderr_of_failure(
        jobfit_in(dir.path()).args(["profile", "show", "-p", "typo.json"]),
        2,
    );
    assert!(
        err.contains("typo.json:3:14: unknown field `nmae`"),
        "{err}"
    );
    std::fs::write(
        dir.path().join("late.json"),
        "{\n  \"x-custom\": \"é\",\n  \"work\": [{\"name\": \"A\", \"startDate\": \"2019-13\"}]\n}\n",
    )
    .unwrap();
    let err = stderr_of_failure(
        jobfit_in(dir.path()).args(["profile", "show", "-p", "late.json"]),
        2,
    );
    assert!(err.contains("late.json:3:"), "{err}");
    assert!(err.contains("2019-13"), "{err}");
}

/// A `--profile` that is a path to a missing file says the file does not exist; a
/// bare name that matches no profile is still "no such profile".
#[test]
fn a_missing_profile_file_is_named_as_a_missing_file() {
    let dir = scratch();
    for spec in ["nosuch.txt", "nosuch.yaml", "cv/nosuch"] {
        let err = stderr_of_failure(
            jobfit_in(dir.path()).args(["profile", "show", "-p", spec]),
            2,
        );
        assert!(
            err.contains(&format!("no such file: `{spec}` does not exist")),
            "{spec}: {err}"
        );
        assert!(!err.contains("no such profile"), "{spec}: {err}");
    }
    let err = stderr_of_failure(
        jobfit_in(dir.path()).args(["profile", "show", "-p", "nosuch"]),
        2,
    );
    assert!(err.contains("nosuch: no such profile"), "{err}");
}

// ---------------------------------------------------------------------------------
// The seed résumés, read in place (never copied into the repository).

fn seeds() -> Option<PathBuf> {
    let dir = std::env::var_os("JOBFIT_SEEDS")
        .map_or_else(|| repo().join("../shared/seeds"), PathBuf::from);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is not here", dir.display());
        None
    }
}

fn seed(dir: &Path, prefix: &str) -> String {
    let f = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}* in {}", dir.display()));
    f.display().to_string()
}

#[test]
fn seed_004_structured_resume_imports_every_role() {
    let Some(seeds) = seeds() else { return };
    let file = seed(&seeds, "004_");
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(jobfit_in(dir.path()).args(["profile", "import", &file, "--name", "seed"]));
    assert!(out.contains("6 roles"), "{out}");
    assert!(
        out.contains("taken as 2011-06 to 2017-06"),
        "reversed dates are noted: {out}"
    );
    let p = export(dir.path(), "seed");
    let roles: Vec<(String, String, String)> = p["work"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            let s = |k: &str| w[k].as_str().unwrap_or("").to_owned();
            (s("name"), s("startDate"), s("endDate"))
        })
        .collect();
    let want = [
        ("Lambda", "2023-09", ""),
        ("Canonical", "2019-05", "2023-07"),
        ("IBM Cloud", "2017-07", "2019-05"),
        (
            "Able.ag, Antidote.me, Made.com, BATS Trading, Rangespan",
            "2011-06",
            "2017-06",
        ),
        ("Resolver Systems", "2006-09", "2011-05"),
        ("GIS consulting", "2003-08", "2006-09"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| ((*a).into(), (*b).into(), (*c).into()))
        .collect();
    assert_eq!(roles, want);
    // Bullets are verbatim from the text (markup removed), one per sentence when long.
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace(['*', '_'], "");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut bullets = 0;
    for w in p["work"].as_array().unwrap() {
        for h in w["highlights"].as_array().into_iter().flatten() {
            let h = h.as_str().unwrap();
            assert!(flat.contains(h), "not verbatim: {h}");
            // "This made the code…", "To this I migrated…" stay with what they point at.
            assert!(
                !["This ", "To this ", "One is "]
                    .iter()
                    .any(|o| h.starts_with(o)),
                "cut from its antecedent: {h}"
            );
            bullets += 1;
        }
    }
    assert!(bullets >= 17, "{bullets} bullets");
    // What the employer does is the role's description, no skill of the person's
    // ("customers train AI models"), and no bullet.
    let lambda = p["work"][0]["description"].as_str().unwrap_or_default();
    assert!(lambda.contains("customers train AI models"), "{lambda}");
    let snap = p["work"][1]["description"].as_str().unwrap_or_default();
    assert!(snap.starts_with("The Snap Store is an app store"), "{snap}");
    let ibm = &p["work"][2]["highlights"][0];
    assert!(
        ibm.as_str()
            .unwrap()
            .starts_with("Implemented IBM Cloud's security groups feature"),
        "{ibm}"
    );
    // The summary and the "Experience and technologies" prose, not the roles.
    let summary = p["basics"]["summary"].as_str().unwrap();
    assert!(
        summary.starts_with("I'm an experienced software developer"),
        "{summary}"
    );
    assert!(
        summary.contains("I have 15 years experience in Python"),
        "{summary}"
    );
    assert!(!summary.contains("Snap Store"), "{summary}");
    let edu = &p["education"][0];
    assert_eq!(edu["institution"], "University of Durham (United Kingdom)");
    assert_eq!(edu["studyType"], "Bachelor of Science");
    assert_eq!(edu["area"], "Electronics");
    // Years per skill from the dated roles.
    let v = show(dir.path(), "seed");
    assert!(years(&v, "python").unwrap() >= 15.0, "{v:#}");
    assert!(years(&v, "django").unwrap() >= 3.0);
    assert!(years(&v, "go").unwrap() > 1.0);
}

#[test]
fn seed_000_narrative_becomes_roles_of_sentences() {
    let Some(seeds) = seeds() else { return };
    let file = seed(&seeds, "000_");
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(jobfit_in(dir.path()).args(["profile", "import", &file, "--name", "story"]));
    assert!(out.contains("a narrative"), "{out}");
    let p = export(dir.path(), "story");
    let work = p["work"].as_array().unwrap();
    let names: Vec<&str> = work
        .iter()
        .map(|w| w["name"].as_str().unwrap_or(""))
        .collect();
    assert!(names.contains(&"Rackspace"), "{names:?}");
    assert!(work.len() >= 4, "{names:?}");
    // "help build the Rackspace Cloud" is a new role at Rackspace, not a new employer;
    // the story gives it no title.
    let cloud = work
        .iter()
        .position(|w| {
            w["highlights"][0]
                .as_str()
                .is_some_and(|h| h.contains("help build the Rackspace Cloud"))
        })
        .unwrap_or_else(|| panic!("{work:#?}"));
    assert_eq!(work[cloud]["name"], "Rackspace", "{:#?}", work[cloud]);
    assert!(work[cloud].get("position").is_none(), "{:#?}", work[cloud]);
    assert_eq!(work[cloud - 1]["name"], "Rackspace");
    assert_eq!(work[cloud - 1]["position"], "Admin");
    assert!(!names.contains(&"Rackspace Cloud"), "{names:?}");
    // No dates are invented for a story that gives none.
    assert!(
        work.iter().all(|w| w.get("startDate").is_none()),
        "{work:#?}"
    );
    // Every highlight is a sentence of the story, verbatim.
    let text = std::fs::read_to_string(&file).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for w in work {
        for h in w["highlights"].as_array().into_iter().flatten() {
            assert!(flat.contains(h.as_str().unwrap()), "not verbatim: {h}");
        }
    }
    // A hobby or a taste is no bullet of the job it was told beside (tailoring would
    // offer it to employers): it stays in the summary.
    let summary = p["basics"]["summary"].as_str().unwrap();
    for hobby in [
        "I soldered a mod chip",
        "NES roms with the kids",
        "I tried a Mac",
        "I tried Gentoo",
    ] {
        assert!(summary.contains(hobby), "{hobby} not in {summary}");
        for w in work {
            assert!(
                !w["highlights"].to_string().contains(hobby),
                "{hobby} is a bullet: {w:#}"
            );
        }
    }
    // The Swift work is attached to the last role, and it is OpenStack Swift.
    let last = work.last().unwrap()["highlights"].to_string();
    assert!(last.contains("Storage Policies, Erasure Coding"), "{last}");
    let v = show(dir.path(), &file);
    let ids = skill_ids(&v);
    assert!(ids.contains(&"openstack-swift"), "{ids:?}");
    assert!(!ids.contains(&"swift-lang"), "{ids:?}");
    assert!(ids.contains(&"go") && ids.contains(&"python"), "{ids:?}");
    // "10 years and a million lines of python": the stated years are kept.
    assert_eq!(years(&v, "python"), Some(10.0));
    // "My Story (Q4 2017)": the story speaks as of the end of 2017.
    assert_eq!(p["meta"]["lastModified"], "2017-12", "{:#?}", p["meta"]);
    assert_eq!(v["written"], "2017-12");
    for id in ["fuse", "iscsi", "twisted"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
}

/// One "Label: items" line per skill group, however many follow each other, and a
/// degree's field written right after it.
#[test]
fn skill_groups_on_consecutive_lines_and_a_degree_field_after_the_degree() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("short.md"),
        "# Jane Doe\n\n## Experience\n\nAcme Corp, Engineer\nJan 2020 to present\n- Built APIs in Go.\n\n## Skills\nProgramming: Go, Rust\nFrameworks: React,\nRedux\nTools: Git, Docker\n\n## Education\nBSc Computer Science, University of Leeds, 2016\n",
    )
    .unwrap();
    let v = export(dir.path(), "short.md");
    let groups: Vec<(String, Vec<String>)> = v["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["name"].as_str().unwrap().to_owned(),
                g["keywords"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|k| k.as_str().unwrap().to_owned())
                    .collect(),
            )
        })
        .collect();
    let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        groups,
        [
            ("Programming".to_owned(), s(&["Go", "Rust"])),
            ("Frameworks".to_owned(), s(&["React", "Redux"])),
            ("Tools".to_owned(), s(&["Git", "Docker"])),
        ],
        "{v}"
    );
    assert_eq!(v["education"][0]["area"], "Computer Science", "{v}");
    assert_eq!(
        v["education"][0]["institution"], "University of Leeds",
        "{v}"
    );
}

/// A "Languages" section is spoken languages when it gives fluency, else programming
/// languages; a grade on its own line is the degree's score; a résumé with no dates
/// and no bullets still has its Education and Skills sections read as such.
#[test]
fn languages_sections_grades_and_undated_sectioned_resumes() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("langs.md"),
        "# Jane Doe\n\n## Experience\n### Senior Engineer, Acme Corp\nJan 2019 – Present\n- Built payment APIs in Python.\n\n## Programming Languages\nPython, Go, SQL\n\n## Languages\nEnglish (native), Spanish – fluent, German: basic\n\n## Education\nBSc Computer Science, University of Leeds, 2012–2015\nGrade: First Class\n",
    )
    .unwrap();
    let out = stdout(jobfit_in(dir.path()).args(["profile", "import", "langs.md"]));
    assert!(out.contains("(1 role, 1 bullet)"), "{out}");
    let v = export(dir.path(), "langs");
    assert_eq!(v["skills"][0]["name"], "Languages", "{v}");
    assert_eq!(v["skills"][0]["keywords"][1], "Go", "{v}");
    let spoken: Vec<(String, String)> = v["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["language"].as_str().unwrap().to_owned(),
                l["fluency"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let pairs = |v: &[(&str, &str)]| {
        v.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        spoken,
        pairs(&[
            ("English", "native"),
            ("Spanish", "fluent"),
            ("German", "basic")
        ]),
        "{v}"
    );
    assert_eq!(v["education"][0]["score"], "First Class", "{v}");
    assert!(v["basics"].get("summary").is_none(), "{v}");

    std::fs::write(
        dir.path().join("undated.txt"),
        "Jane Doe\n\nSkills\nPython, Go\n\nEducation\nMSc Data Science, University of Bath, 2018\n\nGPA: 3.8/4.0\n",
    )
    .unwrap();
    let v = export(dir.path(), "undated.txt");
    assert_eq!(v["skills"][0]["keywords"][0], "Python", "{v}");
    assert_eq!(
        v["education"][0]["institution"], "University of Bath",
        "{v}"
    );
    assert_eq!(v["education"][0]["score"], "3.8/4.0", "{v}");
    assert!(v["basics"].get("summary").is_none(), "{v}");
}

/// Text copied out of a PDF résumé: a title and a contact line under the name, the
/// employer's city on its line, degrees with no blank line between them, and a skills
/// list with services in brackets.
#[test]
fn a_resume_pasted_from_a_pdf_keeps_its_header_places_and_degrees() {
    let dir = scratch();
    let v = export(dir.path(), "pasted-from-pdf.txt");
    let b = &v["basics"];
    assert_eq!(b["label"], "Senior Data Engineer", "{b:#}");
    assert_eq!(b["location"]["city"], "Austin");
    assert_eq!(b["location"]["region"], "TX");
    assert_eq!(
        b["summary"],
        "Data engineer with 8 years building batch and streaming pipelines."
    );
    let work = v["work"].as_array().unwrap();
    assert_eq!(work[0]["name"], "Acme Analytics");
    assert_eq!(work[0]["location"], "Austin, TX");
    assert_eq!(work[1]["name"], "Globex Corporation");
    let edu: Vec<(&str, &str, &str)> = v["education"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["institution"].as_str().unwrap_or(""),
                e["studyType"].as_str().unwrap_or(""),
                e["area"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        edu,
        [
            (
                "University of Texas at Austin",
                "Master of Science",
                "Computer Science"
            ),
            ("Texas A&M University", "B.S", "Mathematics"),
        ]
    );
    let cloud = v["skills"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "Cloud")
        .unwrap();
    assert_eq!(
        cloud["keywords"],
        serde_json::json!(["AWS (EMR, S3, Glue)", "GCP"])
    );
}

#[test]
fn a_job_ad_is_not_saved_as_a_profile_without_force() {
    let dir = scratch();
    let ad = "Acme is hiring a Rust engineer.\n\nRequirements:\n- 5+ years of Rust\n\nNice to have:\n- Kafka\n\nBenefits:\n- Remote work\n";
    std::fs::write(dir.path().join("ad.txt"), ad).unwrap();
    let err = stderr_of_failure(
        jobfit_in(dir.path()).args(["profile", "import", "ad.txt"]),
        2,
    );
    assert!(
        err.contains("ad.txt: reads like a job posting, not a résumé"),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert!(profiles_in(dir.path()).is_empty());
    // The user who means it can still import it.
    stdout(jobfit_in(dir.path()).args(["profile", "import", "ad.txt", "--force"]));
    assert_eq!(profiles_in(dir.path()), ["ad.yaml"]);
}

/// The months of each role `profile show` lists, in order.
fn role_months(v: &Value) -> Vec<u64> {
    v["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["months"].as_u64().unwrap())
        .collect()
}

/// A range of bare years ends as its last year begins: "2019–2021" is two years, as
/// a reader takes it, not three; a range within one year is that whole year.
#[test]
fn year_only_ranges_end_as_their_last_year_begins() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("years.md"),
        "# Sam Rivera\n\n## Experience\n\nInitech — Engineer\n2019–2021\n\
         - Built billing APIs in Go.\n\nGlobex — Developer\n2017 - 2017\n\
         - Wrote Python services.\n\nHooli — Intern\nJun 2015 – 2016\n\
         - Tested Java code.\n",
    )
    .unwrap();
    let v = show(dir.path(), "years.md");
    assert_eq!(role_months(&v), [24, 12, 7], "{v:#}");
    assert_eq!(years(&v, "go"), Some(2.0), "{v:#}");
    assert_eq!(years(&v, "python"), Some(1.0), "{v:#}");
    // The dates are kept as written.
    let p = export(dir.path(), "years.md");
    assert_eq!(p["work"][0]["endDate"], "2021", "{p:#}");
}

// ---------------------------------------------------------------------------------
// Layouts audited with the project's own résumés (tests/fixtures/import-layouts):
// what a careful reader would take from each, field by field.

/// `profile export` (JSON Resume) of a fixture in tests/fixtures/import-layouts.
fn layout(file: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = fixtures().join("import-layouts").join(file);
    export(dir.path(), &path.display().to_string())
}

/// The (employer, title, start, end) of each role.
fn role_rows(p: &Value) -> Vec<[String; 4]> {
    p["work"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            ["name", "position", "startDate", "endDate"]
                .map(|k| w[k].as_str().unwrap_or("").to_owned())
        })
        .collect()
}

fn rows(want: &[[&str; 4]]) -> Vec<[String; 4]> {
    want.iter().map(|r| r.map(str::to_owned)).collect()
}

/// Plain text with the dates right-aligned on the employer's line and the title on
/// the line under it.
#[test]
fn layout_right_aligned_dates_with_the_title_underneath() {
    let p = layout("right-aligned.txt");
    assert_eq!(
        role_rows(&p),
        rows(&[
            ["Acme Analytics", "Senior Data Engineer", "2020-01", ""],
            ["Globex Retail", "Data Engineer", "2017-07", "2019-12"],
        ]),
        "{p:#}"
    );
    let work = p["work"].as_array().unwrap();
    // The title is no summary of the role.
    assert!(work.iter().all(|w| w.get("summary").is_none()), "{p:#}");
    assert_eq!(work[0]["location"], "Austin, TX");
    assert_eq!(work[0]["highlights"].as_array().unwrap().len(), 2);
    // "Data Engineer | email | phone" under the name: the title is the headline, and
    // nothing of the line is left for the summary.
    assert_eq!(p["basics"]["name"], "PRIYA NAIR");
    assert_eq!(p["basics"]["label"], "Data Engineer", "{p:#}");
    assert_eq!(p["basics"]["phone"], "+1 555 010 7788");
    assert!(p["basics"].get("summary").is_none(), "{p:#}");
    // "B.Tech, Electronics and Communication   2013 – 2017" over the institute.
    let edu = &p["education"][0];
    assert_eq!(edu["studyType"], "B.Tech", "{edu:#}");
    assert_eq!(edu["area"], "Electronics and Communication", "{edu:#}");
    assert_eq!(edu["institution"], "National Institute of Technology");
    assert_eq!(
        (&edu["startDate"], &edu["endDate"]),
        (&"2013".into(), &"2017".into())
    );
}

/// Markdown: "# Name", a blank line, a contact line; roles as "### Title — Company
/// (years)".
#[test]
fn layout_markdown_with_title_company_and_years_in_headings() {
    let p = layout("markdown-headed.md");
    let b = &p["basics"];
    assert_eq!(b["name"], "Sam Ortega");
    assert_eq!(b["email"], "sam@example.test");
    // "Backend engineer · sam@example.test · Lisbon, Portugal" under a blank line.
    assert_eq!(b["label"], "Backend engineer", "{p:#}");
    assert_eq!(b["location"]["city"], "Lisbon", "{p:#}");
    assert_eq!(b["location"]["region"], "Portugal", "{p:#}");
    assert!(b.get("summary").is_none(), "{p:#}");
    // "### Intern, Quayside Software (Summer 2015)" is a role of its own, not a bullet
    // of the role above it.
    assert_eq!(
        role_rows(&p),
        rows(&[
            ["Tidewater Labs", "Senior Backend Engineer", "2019", "2022"],
            ["Harbor & Finch", "Backend Engineer", "2016", "2019"],
            ["Quayside Software", "Intern", "2015-06", "2015-08"],
        ]),
        "{p:#}"
    );
    let bullets: Vec<usize> = p["work"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["highlights"].as_array().unwrap().len())
        .collect();
    assert_eq!(bullets, [2, 2, 1], "{p:#}");
    // "MSc Computer Engineering, Instituto Superior Técnico, 2016": one year is when
    // the degree was awarded.
    let edu = &p["education"][0];
    assert_eq!(edu["studyType"], "MSc");
    assert_eq!(edu["area"], "Computer Engineering");
    assert_eq!(edu["institution"], "Instituto Superior Técnico");
    assert_eq!(edu["endDate"], "2016");
    assert!(edu.get("startDate").is_none(), "{edu:#}");
}

/// LinkedIn's "Save to PDF", as text: a sidebar first (Contact, Top Skills,
/// Languages), then the name, headline and place; roles as "Company / Title / Month
/// Year - Present (N years M months) / Place", one achievement a line, wrapped; a
/// company's several titles under its total duration; "Page 1 of 2" at a page's foot.
#[test]
fn layout_linkedin_pdf_export() {
    let p = layout("linkedin-export.txt");
    // The sidebar's lists are what they say, and end where the main column starts
    // with the name, the headline and the place.
    let b = &p["basics"];
    assert_eq!(b["name"], "Dana Kim", "{p:#}");
    assert_eq!(
        b["label"],
        "Staff Site Reliability Engineer at Northwind Cloud"
    );
    assert_eq!(b["location"]["city"], "Portland", "{p:#}");
    assert_eq!(b["location"]["region"], "Oregon, United States");
    assert_eq!(b["email"], "dana.kim@example.test");
    assert_eq!(
        b["profiles"],
        serde_json::json!([{
            "network": "LinkedIn",
            "url": "www.linkedin.com/in/danakim-example"
        }]),
        "{p:#}"
    );
    assert_eq!(
        b["summary"],
        "I keep large fleets boring: on-call, capacity planning and incident reviews across storage and compute platforms.",
        "{p:#}"
    );
    assert_eq!(
        p["languages"],
        serde_json::json!([
            {"language": "Korean", "fluency": "Native or Bilingual"},
            {"language": "English", "fluency": "Full Professional"}
        ]),
        "{p:#}"
    );
    let skills: Vec<&Value> = p["skills"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["keywords"].as_array().unwrap())
        .collect();
    assert_eq!(skills, ["Kubernetes", "Go", "PostgreSQL"], "{p:#}");
    let work = p["work"].as_array().unwrap();
    // The place under a role's dates is where it was, no bullet.
    let places: Vec<&str> = work
        .iter()
        .map(|w| w["location"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        places,
        [
            "Portland, Oregon, United States",
            "Seattle, Washington",
            "Seattle, Washington",
            ""
        ],
        "{p:#}"
    );
    for w in work {
        for h in w["highlights"].as_array().unwrap() {
            assert!(!h.as_str().unwrap().contains("Seattle"), "{h}");
            assert!(!h.as_str().unwrap().contains("Portland"), "{h}");
        }
    }
    // A company's several titles, under its total time there, are all at it.
    assert_eq!(
        role_rows(&p),
        rows(&[
            [
                "Northwind Cloud",
                "Staff Site Reliability Engineer",
                "2021-03",
                ""
            ],
            [
                "Contoso Data",
                "Senior Software Engineer",
                "2019-01",
                "2021-02"
            ],
            ["Contoso Data", "Software Engineer", "2018-04", "2018-12"],
            ["Fabrikam", "Junior Developer", "2016-06", "2018-03"],
        ]),
        "{p:#}"
    );
    // "Page 1 of 2", copied out of the PDF with the text, is no school.
    assert_eq!(
        p["education"],
        serde_json::json!([{
            "institution": "Oregon State University",
            "area": "Computer Science",
            "studyType": "Bachelor of Science",
            "startDate": "2012",
            "endDate": "2016"
        }]),
        "{p:#}"
    );
    // One achievement a line, however the PDF wrapped it: each is a bullet.
    assert_eq!(
        work[0]["highlights"],
        serde_json::json!([
            "Led the migration of 400 services from Nomad to Kubernetes with no customer-facing downtime.",
            "Cut paging volume by 60% by rewriting alert rules as SLO burn-rate alerts in Prometheus."
        ]),
        "{p:#}"
    );
}
