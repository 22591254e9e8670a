#!/usr/bin/env bash
# `jobs add` into a full jobs directory: how long the duplicate check takes when
# jobs/ holds many saved postings.
#   bench/jobs-add.sh [COUNT] [PAGE_EVERY]
# Makes COUNT (default 500) synthetic postings in a temp dir: Markdown with front
# matter as `jobs add` writes it, and, with PAGE_EVERY=N, one in N a saved HTML page
# with JSON-LD (a page put there by hand, read in full). Then
# times, with hyperfine, adding a new posting (removed again before each run), adding
# one already saved (nothing written), and, as the floor, adding the new posting to an
# empty jobs directory, with the release binary.
set -euo pipefail
count=${1:-500}
page_every=${2:-0}
cd "$(dirname "$0")/.."
# JOBFIT=path/to/jobfit times that binary instead (another build, to compare).
if [ -z "${JOBFIT:-}" ]; then
  cargo build --release --quiet
  JOBFIT=${CARGO_TARGET_DIR:-target}/release/jobfit
fi
bin=$(realpath "$JOBFIT")
work=$(mktemp -d "${TMPDIR:-/tmp}/jobfit-jobs-add.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/jobs" "$work/empty/jobs"
python3 - "$work" "$count" "$page_every" <<'EOF'
import json, random, sys
work, count, page_every = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(7)
skills = ["Python", "Go", "Rust", "Kubernetes", "Terraform", "PostgreSQL", "Kafka",
          "React", "TypeScript", "AWS", "Docker", "Airflow", "Spark", "Redis", "gRPC"]
verbs = ["build", "run", "design", "operate", "scale", "test", "ship", "own"]
nouns = ["services", "pipelines", "clusters", "APIs", "dashboards", "platforms"]
def text(n):
    lines = ["## About the role", ""]
    for _ in range(n):
        s = rng.sample(skills, 3)
        lines.append(f"- You will {rng.choice(verbs)} {rng.choice(nouns)} with "
                     f"{s[0]}, {s[1]} and {s[2]} for team {rng.randrange(10**6)}.")
    lines += ["", "## Requirements", ""]
    lines += [f"- {rng.randrange(2, 9)} years of {rng.choice(skills)}" for _ in range(8)]
    return "\n".join(lines) + "\n"
for i in range(count):
    title, company = f"Engineer {i}", f"Company {i % 97}"
    url = f"https://jobs.example.test/{i}?utm_source=list"
    body = text(40)
    if page_every and i % page_every == 0:
        ld = {"@type": "JobPosting", "title": title, "url": url,
              "hiringOrganization": {"name": company},
              "description": "<p>" + body.replace("\n", "</p><p>") + "</p>"}
        page = ("<!doctype html><html><head><title>" + title + "</title>"
                '<script type="application/ld+json">' + json.dumps(ld) + "</script>"
                "</head><body><h1>" + title + "</h1>" + body.replace("\n", "<br>")
                + "</body></html>")
        open(f"{work}/jobs/page-{i}.html", "w").write(page)
    else:
        fm = {"id": f"job-{i}", "title": title, "company": company, "url": url,
              "source": "url", "fetched": "2026-11-01"}
        head = "".join(f"{k}: {json.dumps(v)}\n" for k, v in fm.items())
        open(f"{work}/jobs/company-{i}.md", "w").write(f"---\n{head}---\n{body}")
open(f"{work}/new.md", "w").write(
    "---\ntitle: Brand New Role\ncompany: Elsewhere\nurl: https://example.test/new\n---\n"
    + text(40))
open(f"{work}/again.md", "w").write(
    "---\ntitle: Another Title\n---\n" + open(f"{work}/jobs/company-{count - 1}.md")
    .read().split("---\n", 2)[2])
EOF
cd "$work"
cp new.md empty/
echo "== $count saved postings in $work/jobs ($(du -sh jobs | cut -f1))"
hyperfine -N --warmup 2 --runs 20 \
  --prepare "rm -f $work/jobs/elsewhere-brand-new-role.md" \
  "$bin --no-config jobs add new.md -f json" \
  "$bin --no-config jobs add again.md -f json"
cd empty
hyperfine -N --warmup 2 --runs 20 \
  --prepare "rm -f $work/empty/jobs/elsewhere-brand-new-role.md" \
  "$bin --no-config jobs add new.md -f json"
