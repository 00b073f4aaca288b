"""Redaction: recall and precision per kind on the hand-annotated corpora, and throughput.

Corpora (tests/data/redaction): A was written before the rules were changed and B after
(the rules were then revised on B's misses, so B is no longer unseen); C was written after
the revision informed by B (its misses informed a small revision, see heldout_corpus_c.csv);
D to L were each written after a revision of the rules, committed, scored once
(heldout_corpus_<x>.csv), and then (D-L) the rules were revised on their errors (J's by the
lexicon test for proper nouns, L's by trigger windows for numbers and dates); M, written
by another author who had not read the rules, was revised on for two of its errors after
its first look, so it is no longer held out; N, written by a third author, was held out
until the five-area revision (the _id_* modules), made on the misses of K-N; P, written by a
fourth author before that revision and read by nobody until it was merged, is its held-out
measure (first look before it: heldout_corpus_p.csv; after it: revised_corpus_p.csv,
0.907 / 0.966). Each table shows
today's figures beside the corpus's first look, and what the review sheet reaches (its
low-confidence candidates put before a person, counted as caught when they cover an
identifier). Throughput: words per
CPU second and per wall second of ``redact_many`` with 1 and 2 worker processes, on
benchmark-style transcripts (bench_qual's generator), min and median of 3 interleaved runs.

Run: ``python benchmarks/bench_redact.py [--n 400] [--words 3000]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # _redaction_eval

from _redaction_eval import CORPUS_DIR, evaluate, evaluate_review  # noqa: E402
from bench_qual import make_texts  # noqa: E402

from toolkit.qual.redact import redact_many  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--words", type=int, default=3000)
    args = ap.parse_args()
    pd.set_option("display.width", 120)
    firsts = {
        "corpus_a": "before_corpus_a.csv",
        "corpus_b": "first_look_corpus_b.csv",
        "corpus_c": "heldout_corpus_c.csv",
        "corpus_d": "heldout_corpus_d.csv",
        "corpus_e": "heldout_corpus_e.csv",
        "corpus_f": "heldout_corpus_f.csv",
        "corpus_g": "heldout_corpus_g.csv",
        "corpus_h": "heldout_corpus_h.csv",
        "corpus_i": "heldout_corpus_i.csv",
        "corpus_j": "heldout_corpus_j.csv",
        "corpus_k": "heldout_corpus_k.csv",
        "corpus_l": "heldout_corpus_l.csv",
        "corpus_m": "heldout_corpus_m.csv",
        "corpus_n": "heldout_corpus_n.csv",
        "corpus_p": "heldout_corpus_p.csv",
        "corpus_q": "heldout_corpus_q.csv",
        "corpus_r": "heldout_corpus_r.csv",
        "corpus_s": "heldout_corpus_s.csv",
        "corpus_t": "heldout_corpus_t.csv",
        "corpus_u": "heldout_corpus_u.csv",
        "corpus_v": "heldout_corpus_v.csv",
        "corpus_w": "heldout_corpus_w.csv",
        "corpus_x": "heldout_corpus_x.csv",
        "corpus_y": "heldout_corpus_y.csv",
        "corpus_z": "heldout_corpus_z.csv",
        "corpus_aa": "heldout_corpus_aa.csv",
        "corpus_ab": "heldout_corpus_ab.csv",
        "corpus_ae": "heldout_corpus_ae.csv",
    }
    for name, first in firsts.items():
        table = evaluate(name)
        before = pd.read_csv(CORPUS_DIR / first).set_index("kind")
        table["first_recall"] = table["kind"].map(before["recall"])
        table["first_precision"] = table["kind"].map(before["precision"])
        print(f"\n{name} (first: {first}):")
        print(table.round(3).to_string(index=False))
        review = evaluate_review(name).set_index("kind")
        print(
            f"  with the review sheet's candidates: recall {review.loc['all', 'recall']:.3f}, "
            f"precision {review.loc['all', 'precision']:.3f}, "
            f"{review.attrs['candidates']:.2f} candidates per excerpt"
        )
    texts = make_texts(args.n, args.words, np.random.default_rng(1))
    n_words = sum(len(t.split()) for t in texts)
    redact_many(texts[:4], n_jobs=2)  # warm up (imports, caches, pool start)
    runs = {1: [], 2: []}
    for _ in range(3):
        for jobs in (1, 2):
            c0, w0 = time.process_time(), time.perf_counter()
            ch0 = os.times().children_user + os.times().children_system
            out = redact_many(texts, n_jobs=jobs)
            ch1 = os.times().children_user + os.times().children_system
            runs[jobs].append((time.process_time() - c0 + ch1 - ch0, time.perf_counter() - w0))
            if jobs == 1:
                serial = out
            else:
                assert out[0] == serial[0] and out[1].equals(serial[1]), "2 jobs differ"
    print(
        f"\nredact_many on {args.n} transcripts, {n_words:,} words; load average "
        f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"
    )
    for jobs, r in runs.items():
        walls = [w for _, w in r]
        cpus = [c for c, _ in r]
        print(
            f"  n_jobs={jobs}: {n_words / min(walls):,.0f} words/s wall (best; median "
            f"{n_words / statistics.median(walls):,.0f}), {n_words / min(cpus):,.0f} words "
            f"per CPU s"
        )
    print("  results with 2 processes identical to the serial run: yes")


if __name__ == "__main__":
    main()
