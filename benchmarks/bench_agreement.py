"""Krippendorff's alpha: the toolkit against the ``krippendorff`` package (peer), on
several shapes and every level of measurement.

The toolkit takes long data (one row per item and coder, as researchers store codings);
the package takes a dense coders x items matrix, so the toolkit's time includes reading
the long table (factorising items and coders, the duplicate check). Each sample times a
batch of calls (at least ~20 ms, so that tiny tables are measured above the clock's
resolution), toolkit and package interleaved; the table gives CPU and wall time per call
(median of ``--reps`` samples; ratios of the min and of the median), and whether the
target is met: never slower than the package (median CPU ratio <= 1). Run:
``python benchmarks/bench_agreement.py [--reps 5]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import krippendorff
import numpy as np
import pandas as pd

from toolkit.qual.agreement import krippendorff_alpha

SHAPES = [  # coders, items, values, missing share
    (2, 30, 3, 0.0),
    (3, 100, 5, 0.1),
    (10, 1_000, 5, 0.1),
    (10, 100_000, 5, 0.02),
    (3, 1_000, 5, 0.1),
    (50, 200, 5, 0.1),
    (2, 100_000, 2, 0.0),
]
LEVELS = ("nominal", "ordinal", "interval", "ratio")
TARGET = 1.0


def timed(f, batch):
    c, w = time.process_time(), time.perf_counter()
    for _ in range(batch):
        out = f()
    return (time.process_time() - c) / batch, (time.perf_counter() - w) / batch, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()
    rng = np.random.default_rng(7)
    rows = []
    loads = [os.getloadavg()[0]]
    for coders, items, values, missing in SHAPES:
        truth = rng.integers(0, values, items)
        mat = np.where(rng.random((coders, items)) < 0.7, truth, rng.integers(0, values, (coders, items))).astype(float)
        mat[rng.random(mat.shape) < missing] = np.nan
        long = pd.DataFrame(
            {
                "item": np.tile(np.arange(items), coders),
                "coder": np.repeat([f"c{i}" for i in range(coders)], items),
                "value": mat.ravel(),
            }
        )
        for level in LEVELS:

            def ours(long=long, level=level):
                return krippendorff_alpha(long, item="item", coder="coder", value="value", level=level)

            def peer(mat=mat, level=level):
                return krippendorff.alpha(reliability_data=mat, level_of_measurement=level)

            c0, _, _ = timed(peer, 1)  # warm up, and size the batch
            batch = max(1, int(0.02 / max(c0, 1e-6)))
            o_cpu, o_wall, p_cpu, p_wall = [], [], [], []
            for _ in range(args.reps):
                c, w, a = timed(ours, batch)
                o_cpu.append(c)
                o_wall.append(w)
                c, w, b = timed(peer, batch)
                p_cpu.append(c)
                p_wall.append(w)
            loads.append(os.getloadavg()[0])
            assert abs(a - b) < 1e-9, (a, b)
            rows.append(
                {
                    "shape": f"{coders}x{items:,}",
                    "level": level,
                    "ours_us": statistics.median(o_cpu) * 1e6,
                    "peer_us": statistics.median(p_cpu) * 1e6,
                    "cpu_ratio_min": min(o_cpu) / min(p_cpu),
                    "cpu_ratio_median": statistics.median(o_cpu) / statistics.median(p_cpu),
                    "wall_ratio_min": min(o_wall) / min(p_wall),
                    "wall_ratio_median": statistics.median(o_wall) / statistics.median(p_wall),
                    "target": f"<= {TARGET:g}",
                    "met": "yes" if statistics.median(o_cpu) / statistics.median(p_cpu) <= TARGET else "NO",
                }
            )
    table = pd.DataFrame(rows)
    print(
        f"krippendorff_alpha (toolkit, long data) vs krippendorff.alpha (peer, dense matrix); "
        f"CPU microseconds per call (median of {args.reps} interleaved samples; met: median CPU ratio <= {TARGET:g}); load average "
        f"{min(loads):.2f}-{max(loads):.2f} on {os.cpu_count()} cores; ratio < 1: the toolkit is faster"
    )
    print(table.to_string(index=False, float_format=lambda v: f"{v:.2f}"))
    print(f"target met on {int((table['met'] == 'yes').sum())} of {len(table)} shapes x levels")


if __name__ == "__main__":
    main()
