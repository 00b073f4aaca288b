"""Krippendorff's alpha: the toolkit against the ``krippendorff`` package (peer), on
several shapes; CPU seconds, min and median of interleaved pairs, and their ratio.

The toolkit takes long data (one row per item and coder, as researchers store codings);
the package takes a dense coders x items matrix, so the toolkit's time includes reading
the long table (factorising items and coders, the duplicate check). Run:
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
    (3, 1_000, 5, 0.1),
    (50, 200, 5, 0.1),
    (2, 100_000, 2, 0.0),
    (10, 100_000, 5, 0.02),
]


def cpu(f):
    t = time.process_time()
    out = f()
    return time.process_time() - t, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()
    rng = np.random.default_rng(7)
    rows = []
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
        for level in ("nominal", "ordinal", "interval"):
            ours, peer = [], []
            for _ in range(args.reps):
                t1, a = cpu(
                    lambda long=long, level=level: krippendorff_alpha(
                        long, item="item", coder="coder", value="value", level=level
                    )
                )
                t2, b = cpu(
                    lambda mat=mat, level=level: krippendorff.alpha(reliability_data=mat, level_of_measurement=level)
                )
                ours.append(t1)
                peer.append(t2)
            assert abs(a - b) < 1e-9, (a, b)
            rows.append(
                {
                    "coders": coders,
                    "items": items,
                    "values": values,
                    "level": level,
                    "toolkit_min_s": min(ours),
                    "peer_min_s": min(peer),
                    "ratio_min": min(ours) / max(min(peer), 1e-9),
                    "ratio_median": statistics.median(ours) / max(statistics.median(peer), 1e-9),
                }
            )
    table = pd.DataFrame(rows)
    print(
        f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; CPU seconds; "
        "ratio < 1: the toolkit is faster"
    )
    print(table.to_string(index=False, float_format=lambda v: f"{v:.4f}"))


if __name__ == "__main__":
    main()
