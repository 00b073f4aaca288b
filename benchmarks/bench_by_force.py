"""How long ``toolkit evidence-pack --by force`` takes at national scale (target: the national
pack plus 43 force packs under 10 minutes on 2 cores).

Run: .venv/bin/python benchmarks/bench_by_force.py [--rows 250000] [--forces 43] [--workers N]

The synthetic generator (toolkit.synth.survey) draws eight forces and at most about 5,000
respondents a wave, so the national study is made from the demo study: its survey is
copied until it has ``--rows`` rows, copy j of demo force i becoming force
``(8 j + i) mod forces``, with pseudonymous identifiers made unique per copy; the workforce
margins are summed the same way, so raking and the finite population correction stay
consistent. Prints the time of the national pack (issue 16: under 5 minutes), of the force
packs (the joint check over the set included), the time of each step summed, and the peak
resident memory of this process and of the largest worker (issue 16: under 4 GiB).

Measured (2 cores, shared; under ``flock /work/wt/heavy.lock``; load average 2.4 at the end):
national pack 53 s, 43 force packs 156 s (joint check 18 s), total 209 s; peak RSS 1.12 GiB
(parent), 1.09 GiB (largest worker).
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import tempfile
import time
from pathlib import Path

import pandas as pd


def national_study(root: Path, rows: int, forces: int) -> Path:
    from toolkit.study import demo_config

    cfg = demo_config(root)
    data = root / "demo-data" / "survey"
    survey = pd.read_csv(data / "survey.csv", dtype=str, keep_default_na=False)
    work = pd.read_csv(data / "workforce.csv")
    demo_forces = sorted(survey["force"].unique())
    copies = math.ceil(rows / len(survey))
    parts, margins = [], []
    for j in range(copies):
        new = {f: f"F{(len(demo_forces) * j + i) % forces + 1:02d}" for i, f in enumerate(demo_forces)}
        s = survey.copy()
        s["force"] = s["force"].map(new)
        s["resp_id"] = s["resp_id"] + f"-{j:02d}"
        parts.append(s)
        margins.append(work.assign(force=work["force"].map(new)))
    big = pd.concat(parts, ignore_index=True).iloc[:rows]
    big.to_csv(data / "survey.csv", index=False)
    wf = pd.concat(margins).groupby(["force", "variable", "code", "label"], as_index=False)["count"].sum()
    wf.to_csv(data / "workforce.csv", index=False)
    print(f"set-up: {len(big):,} respondents in {big['force'].nunique()} forces", flush=True)
    return Path(cfg.source)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=250_000)
    ap.add_argument("--forces", type=int, default=43)
    ap.add_argument("--workers", type=int, default=None)
    args = ap.parse_args()
    from toolkit.report.by_force import build_by_force

    with tempfile.TemporaryDirectory() as tmp:
        study = national_study(Path(tmp), args.rows, args.forces)
        start = time.perf_counter()
        table = build_by_force(Path(tmp) / "out", config=study, demo=False, notebooks=False, workers=args.workers)
        total = time.perf_counter() - start
    print(f"\nnational pack        {table.attrs['national_seconds']:8.1f} s")
    print(
        f"{len(table)} force packs       {table.attrs['forces_seconds']:8.1f} s "
        f"(median {table['seconds'].median():.1f} s each)"
    )
    print(f"TOTAL                {total:8.1f} s   target < 600 s: {'OK' if total < 600 else 'SLOW'}")
    print(table["status"].value_counts().to_string())
    nat = table.attrs.get("national_timings") or {}
    print("national pack by step: " + ", ".join(f"{k} {v:.1f} s" for k, v in nat.items()))
    steps: dict = {}
    for t in (table.attrs.get("timings") or {}).values():
        for k, v in (t or {}).items():
            steps[k] = steps.get(k, 0.0) + v
    print("force packs by step (summed over forces): " + ", ".join(f"{k} {v:.1f} s" for k, v in steps.items()))
    # ru_maxrss is in KiB on Linux; RUSAGE_CHILDREN: the largest child (a worker) reaped
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 2**20
    print(f"peak RSS: parent {parent:.2f} GiB, largest child {child:.2f} GiB; load average {os.getloadavg()}")


if __name__ == "__main__":
    main()
