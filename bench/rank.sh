#!/usr/bin/env bash
# Batch-ranking benchmark over real postings (kept outside the repository):
#   bench/rank.sh ../shared/data/postings/hn_whoishiring_2017_2020.jsonl
# Ranks the corpus and the corpus repeated 12 times with the release binary (wall
# time over repeated runs with hyperfine, peak RSS with /usr/bin/time), and, when
# scikit-learn is installed, the TF-IDF baseline on the same files.
set -euo pipefail
corpus=${1:?usage: bench/rank.sh POSTINGS.jsonl [PROFILE]}
profile=${2:-profiles/python-backend.yaml}
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/jobfit
work=${TMPDIR:-/tmp}/jobfit-bench
mkdir -p "$work"
big="$work/corpus-x12.jsonl"
if [ ! -s "$big" ] || [ "$big" -ot "$corpus" ]; then
  for _ in $(seq 12); do cat "$corpus"; done > "$big"
fi
for f in "$corpus" "$big"; do
  bytes=$(stat -c %s "$f")
  postings=$(grep -c . "$f")
  echo "== $f: $postings postings, $((bytes / 1000000)) MB"
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 1 --runs 5 --export-json "$work/h.json" \
      "$bin --no-config rank --profile $profile $f --top 20 -f json" | grep -E "Time|Range"
    mean=$(python3 -c "import json;print(json.load(open('$work/h.json'))['results'][0]['mean'])")
    python3 -c "m=$mean; print(f'  {$bytes/1e6/m:.1f} MB/s, {$postings/m:.0f} postings/s (mean of 5 runs)')"
  fi
  /usr/bin/time -f "  peak RSS %M KB, %e s wall, %U s user" \
    "$bin" --no-config rank --profile "$profile" "$f" --top 20 -f json > /dev/null
  if python3 -c "import sklearn" 2>/dev/null; then
    python3 bench/tfidf_rank.py "$f" "$profile" | sed 's/^/  /'
  fi
done
