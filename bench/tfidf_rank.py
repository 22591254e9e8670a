#!/usr/bin/env python3
"""TF-IDF baseline for `bench/rank.sh`: rank the postings of an NDJSON file (text or
description field) against a profile's text by cosine similarity, the usual
scikit-learn approach. Prints the time taken and the throughput.

usage: tfidf_rank.py POSTINGS.jsonl PROFILE.yaml [TOP]
"""
import json
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel


def main() -> None:
    postings, profile = sys.argv[1], sys.argv[2]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    t0 = time.perf_counter()
    texts, size = [], 0
    with open(postings, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                t = d.get("text") or d.get("description") or ""
                texts.append(t)
                size += len(t.encode())
    with open(profile, encoding="utf-8") as f:
        query = f.read()
    vec = TfidfVectorizer(sublinear_tf=True, stop_words="english")
    matrix = vec.fit_transform(texts)
    scores = linear_kernel(vec.transform([query]), matrix).ravel()
    best = scores.argsort()[::-1][:top]
    elapsed = time.perf_counter() - t0
    print(f"tfidf: {len(texts)} postings, {size / 1e6:.1f} MB of text in {elapsed:.2f} s "
          f"= {size / 1e6 / elapsed:.1f} MB/s; best score {scores[best[0]]:.3f}")


if __name__ == "__main__":
    main()
