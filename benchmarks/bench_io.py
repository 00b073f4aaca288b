"""Time read_survey (read, check against the dictionary, convert) on a large CSV survey,
against a bare pandas.read_csv of the same file in the same process.

Run: .venv/bin/python benchmarks/bench_io.py [--rows 250000]

The file has one column of every dictionary type (id, integer, Likert with a missing code,
reverse-keyed Likert, categorical, binary, integer with a refusal code, numeric, date,
multiselect, free text) and three bad cells that the validation report must locate.
Prints seconds per step, the ratio to pandas.read_csv (which reads text only: no codes,
ranges, dates or report), peak memory, and checks that no row was lost.
Target: 250,000 rows in under 10 s.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit.io import read_survey

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests._io_helpers import small_dictionary  # noqa: E402  (one column of every type, shared with the tests)


def write_survey(path: Path, n: int, seed: int = 1) -> list[tuple[int, str]]:
    """Write ``n`` rows; return the (file row, column) of the planted bad cells."""
    rng = np.random.default_rng(seed)
    i = np.arange(n)
    data = pd.DataFrame(
        {
            "rid": np.char.add("R", np.char.zfill(i.astype(str), 7)),
            "wave": 1 + i % 2,
            "q1": rng.integers(1, 6, n),
            "q2": rng.choice([1, 2, 3, 4, 5, 9], n),
            "grp": rng.choice([1, 2, 3, 98], n),
            "yn": rng.choice([0, 1, 9], n),
            "n": rng.integers(0, 300, n),
            "score": np.round(rng.random(n) * 10, 1),
            "when": pd.Timestamp("2024-03-01") + pd.to_timedelta(rng.integers(0, 200, n), unit="D"),
            "plat": rng.choice(["1", "1;2", "2;3", "", "3"], n),
            "note": rng.choice(["", "", "Abuse after a post", 'Comments, "quoted"'], n),
        }
    ).astype({"q1": str, "score": str, "n": str})
    data["when"] = data["when"].dt.strftime("%d/%m/%Y")
    bad = [(n // 5, "q1", "7"), (n // 2, "score", "x"), (n - 3, "n", "400")]
    for r, col, value in bad:
        data.loc[r, col] = value
    data.to_csv(path, index=False, lineterminator="\n")
    return sorted((r + 2, col) for r, col, _ in bad)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=250_000)
    args = ap.parse_args()
    path = Path(tempfile.mkdtemp()) / "survey.csv"
    t0 = time.perf_counter()
    bad = write_survey(path, args.rows)
    print(f"write {args.rows} rows (set-up): {time.perf_counter() - t0:.2f} s, {path.stat().st_size / 2**20:.0f} MiB")
    d = small_dictionary()
    t0 = time.perf_counter()
    pd.read_csv(path, dtype=str, keep_default_na=False)
    peer = time.perf_counter() - t0
    t0 = time.perf_counter()
    s = read_survey(path, d, on_error="report")
    ours = time.perf_counter() - t0
    found = sorted(map(tuple, s.report.errors[["row", "column"]].values.tolist()))
    print(f"pandas.read_csv (text only)   {peer:6.2f} s")
    print(f"read_survey (checked)         {ours:6.2f} s   ratio to read_csv {ours / peer:.1f}")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20:.2f} GiB")
    print(f"rows kept {len(s.data)} of {args.rows}; bad cells located: {found == bad} {found}")
    print(f"target: under 10 s -> {'met' if ours < 10 else 'NOT met'}")


if __name__ == "__main__":
    main()
