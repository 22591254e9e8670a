#!/usr/bin/env bash
# Builds the seed corpora for the fuzz targets from the repository's own files:
#   fuzz/seed.sh            (then run the targets as in fuzz/README.md)
# rules:   one rule per file, split from rules/*.yml (small inputs mutate best)
# posting: jobs/, test postings and web pages, each prefixed with the byte that picks
#          its kind (0 .md, 1 .txt, 2 .html, 3 .json, 4 .yaml, 250 .csv, 251 .ndjson)
# import:  test résumés and postings, and the bad-input résumés, as they are
# extract: jobs/ and test postings as they are
set -euo pipefail
cd "$(dirname "$0")"
root=..
mkdir -p corpus/rules corpus/posting corpus/import corpus/extract
for f in "$root"/rules/*.yml; do
  awk -v out="corpus/rules/$(basename "$f" .yml)" '
    /^- id:/ { n++ }
    n > 0 { print > (out "-" n ".yml") }' "$f"
done
kind() {
  case "$1" in
    *.md) printf '\0' ;; *.txt) printf '\1' ;; *.html) printf '\2' ;;
    *.json) printf '\3' ;; *.yaml|*.yml) printf '\4' ;;
    *.csv) printf '\372' ;; *.ndjson|*.jsonl) printf '\373' ;; *) printf '\1' ;;
  esac
}
for f in "$root"/jobs/*.md "$root"/tests/fixtures/postings/* "$root"/tests/fixtures/web/*; do
  [ -f "$f" ] || continue
  { kind "$f"; cat "$f"; } > "corpus/posting/$(basename "$f")"
done
for f in "$root"/tests/fixtures/resumes/* "$root"/tests/fixtures/postings/* \
         "$root"/tests/corpus/resumes/*; do
  [ -f "$f" ] && cp "$f" corpus/import/
done
# The bad-input corpus too: each case is a hostile input someone wrote on purpose.
for f in "$root"/tests/corpus/postings/* "$root"/tests/corpus/csv/*.csv \
         "$root"/tests/corpus/ndjson/*.ndjson; do
  [ -f "$f" ] || continue
  { kind "$f"; cat "$f"; } > "corpus/posting/bad-$(basename "$f")"
done
for f in "$root"/jobs/*.md "$root"/tests/fixtures/postings/*; do
  cp "$f" corpus/extract/
done
for d in corpus/*; do echo "$d: $(ls "$d" | wc -l) files"; done
