"""Time survey loading (``read_survey``: read, check every cell against the dictionary,
convert) for CSV, SPSS .sav and XLSX, each next to its peer on the same data, in one process.

Run: .venv/bin/python benchmarks/bench_io.py [--rows 250000] [--xlsx-rows 5000] [--repeat 3]
[--only csv sav xlsx] (``--only csv``: step 1 alone, without writing the other files)

The survey has 80 columns: an id, a wave, 60 Likert items (missing code 9, some blanks),
4 categorical, 4 binary, 3 integer (one with a refusal code), 3 numeric, a date, a packed
multiselect and 2 free-text columns (commas, quotes). Three bad cells are planted, and the
validation report must locate them (checked and printed).

Steps and peers (ratio = ours / peer; target from issue 16):

1. ``read_survey`` of the CSV. Peer: ``pyarrow.csv.read_csv`` of the same file with the
   column types given (ints, floats, a ``%d/%m/%Y`` timestamp, strings; the numeric column
   holding the planted text cell as string; quoted line breaks allowed), multi-threaded.
   Target: wall <= 1.5x.
   ``pandas.read_csv(dtype=str)`` is shown as a reference (text only).
2. ``read_survey`` of a .sav written from the same data. Peer: ``pyreadstat.read_sav``.
   Targets: CPU and wall <= 1.3x, peak memory <= 1.5x.
3. ``read_survey`` of an XLSX of the first ``--xlsx-rows`` rows (numbers as numbers, dates as
   Excel dates). Peer: ``read_survey`` of the CSV of the same rows. Target: wall <= 3x.

Timings are interleaved pairs (ours, peer, ours, peer, ...), min and median of ``--repeat``,
CPU seconds (all threads) and wall seconds. Peak memory is measured once per step in a fresh
interpreter (``VmHWM`` minus the RSS after imports). The load average is printed before
and after: run under ``flock /work/wt/heavy.lock`` so other heavy jobs do not interleave.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit.dictionary import COLUMNS, load_dictionary
from toolkit.io import read_survey

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests._io_helpers import LIKERT, _row  # noqa: E402  (the dictionary rows the io tests use)

N_LIKERT = 60


def make_dictionary():
    """80 variables: every type, 60 Likert items in 15 scales."""
    rows = [_row("rid", "id", required="yes", disclosure="identifier"), _row("wave", "integer", min="1", max="20")]
    rows += [_row(f"q{k:02d}", "likert", LIKERT, "9", f"s{k // 4}") for k in range(N_LIKERT)]
    rows += [_row(f"c{k}", "categorical", "1=Alpha; 2=Beta; 3=Gamma; 98=Prefer not to say", "98") for k in range(4)]
    rows += [_row(f"b{k}", "binary", "0=No; 1=Yes; 9=Don't know", "9") for k in range(4)]
    rows += [_row("n0", "integer", "-99=Refused", "-99", min="0", max="365")]
    rows += [_row(f"n{k}", "integer", min="0", max="1000") for k in (1, 2)]
    rows += [_row(f"x{k}", "numeric", min="0", max="10") for k in range(3)]
    rows += [_row("when", "date")]
    rows += [_row("plat", "multiselect", "1=Facebook; 2=X (Twitter), formerly; 3=Other; -99=Seen", "-99")]
    rows += [_row(f"note{k}", "text", disclosure="restricted") for k in range(2)]
    assert len(rows) == 80
    return load_dictionary(pd.DataFrame(rows, columns=list(COLUMNS)))


def make_frame(n: int, seed: int = 1) -> pd.DataFrame:
    """Typed answers (numbers, Timestamps, text; NaN = blank)."""
    rng = np.random.default_rng(seed)
    i = np.arange(n)
    cols: dict = {"rid": np.char.add("R", np.char.zfill(i.astype(str), 7)), "wave": 1 + i % 2}
    for k in range(N_LIKERT):
        q = rng.choice([1.0, 2, 3, 4, 5, 9, np.nan], n, p=[0.19, 0.19, 0.19, 0.19, 0.19, 0.03, 0.02])
        cols[f"q{k:02d}"] = q
    for k in range(4):
        cols[f"c{k}"] = rng.choice([1, 2, 3, 98], n)
    for k in range(4):
        cols[f"b{k}"] = rng.choice([0, 1, 9], n)
    cols["n0"] = rng.choice(np.r_[np.arange(0, 300), -99], n)
    for k in (1, 2):
        cols[f"n{k}"] = rng.integers(0, 1000, n)
    for k in range(3):
        cols[f"x{k}"] = np.round(rng.random(n) * 10, 1)
    cols["when"] = pd.Timestamp("2024-03-01") + pd.to_timedelta(rng.integers(0, 200, n), unit="D")
    cols["plat"] = rng.choice(["1", "1;2", "2;3", "", "3"], n)
    cols["note0"] = rng.choice(["", "", "Abuse after a post", 'Comments, "quoted"'], n)
    cols["note1"] = rng.choice(["", "Reported to my manager", "Café – “quoted”", "two\nlines"], n)
    return pd.DataFrame(cols)


#: (row index, column, CSV text, typed value) of the planted bad cells
def planted(n: int):
    return [(n // 5, "q07", "7", 7.0), (n // 2, "x1", "x", None), (n - 3, "n1", "4000", 4000)]


def write_csv(frame: pd.DataFrame, path: Path, bad) -> list[tuple[int, str]]:
    text = frame.copy()
    for c in text.columns:
        if c.startswith("q"):
            text[c] = text[c].map(lambda v: "" if v != v else str(int(v)))
    text["when"] = text["when"].dt.strftime("%d/%m/%Y")
    text = text.astype(str)
    for r, col, value, _ in bad:
        if r < len(text):
            text.loc[r, col] = value
    text.to_csv(path, index=False, lineterminator="\n")
    return sorted((r + 2, col) for r, col, _, _ in bad if r < len(text))


def write_sav(frame: pd.DataFrame, path: Path, bad) -> list[tuple[int, str]]:
    import pyreadstat

    f = frame.copy()
    for r, col, _, value in bad:
        if value is not None:
            f.loc[r, col] = value
    f["when"] = f["when"].dt.date
    pyreadstat.write_sav(f, str(path), missing_ranges={f"q{k:02d}": [9] for k in range(N_LIKERT)})
    return sorted((r + 1, col) for r, col, _, value in bad if value is not None)


def write_xlsx(frame: pd.DataFrame, path: Path, bad) -> None:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("survey")
    ws.append(list(frame.columns))
    rows = frame.astype(object).where(frame.notna(), None)
    rows["when"] = [t.to_pydatetime() for t in frame["when"]]
    for r, col, text, value in bad:
        if r < len(rows):
            rows.loc[r, col] = text if value is None else value
    for rec in rows.itertuples(index=False, name=None):
        ws.append([None if v == "" else v for v in rec])
    wb.save(path)


def pyarrow_types(d):
    import pyarrow as pa

    types = {}
    for v in d.variables:
        t = d.type(v)
        types[v] = {
            "likert": pa.int64(),
            "categorical": pa.int64(),
            "binary": pa.int64(),
            "integer": pa.int64(),
            "numeric": pa.float64(),
            "date": pa.timestamp("s"),
        }.get(t, pa.string())
    types["x1"] = pa.string()  # holds the planted text cell
    return types


def peer_csv(path, types):
    from pyarrow import csv

    return csv.read_csv(
        path,
        parse_options=csv.ParseOptions(newlines_in_values=True),  # quoted line breaks in the free text
        convert_options=csv.ConvertOptions(column_types=types, timestamp_parsers=["%d/%m/%Y"]),
    )


def peer_sav(path):
    import pyreadstat

    return pyreadstat.read_sav(str(path))


def timed(fn):
    c0, w0 = time.process_time(), time.perf_counter()
    out = fn()
    return time.process_time() - c0, time.perf_counter() - w0, out


def pair(ours, peer, repeat):
    """Interleaved runs; returns ([(cpu, wall)] ours, [(cpu, wall)] peer, last result of ours)."""
    a, b, res = [], [], None
    for _ in range(repeat):
        c, w, res = timed(ours)
        a.append((c, w))
        c, w, _ = timed(peer)
        b.append((c, w))
    return a, b, res


def _rss_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def child_memory(step: str, path: Path) -> float:
    """Peak memory (MiB) of one step in a fresh interpreter, above the RSS after imports."""
    out = subprocess.run(
        [sys.executable, __file__, "--memory", step, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)),
    )
    return float(out.stdout.strip().splitlines()[-1])


def _memory_main(step: str, path: str) -> None:
    import pyarrow.csv  # noqa: F401  (imports before the baseline)
    import pyreadstat  # noqa: F401

    d = make_dictionary()
    types = pyarrow_types(d)
    fns = {
        "read_survey": lambda: read_survey(path, d, on_error="report"),
        "pyarrow": lambda: peer_csv(path, types),
        "pyreadstat": lambda: peer_sav(path),
    }
    base = _rss_kib("VmRSS")
    keep = fns[step]()
    print((_rss_kib("VmHWM") - base) / 1024)
    del keep


def _fmt(runs):
    cpu = [c for c, _ in runs]
    wall = [w for _, w in runs]
    return min(cpu), statistics.median(cpu), min(wall), statistics.median(wall)


def line(name, runs):
    c0, c1, w0, w1 = _fmt(runs)
    print(f"  {name:<34} CPU {c0:6.2f} / {c1:6.2f} s   wall {w0:6.2f} / {w1:6.2f} s   (min / median)")


def ratio(label, ours, peer, target, key="wall"):
    i = 2 if key == "wall" else 0
    r = _fmt(ours)[i] / _fmt(peer)[i]
    verdict = "met" if r <= target else "NOT met"
    print(f"  ratio {label:<28} {key} {r:5.2f}x   target <= {target}x -> {verdict}")
    return r


def check(s, bad, label):
    found = sorted(map(tuple, s.report.errors[["row", "column"]].values.tolist()))
    print(f"  {label}: rows kept {len(s.data)}; bad cells located: {found == bad} {found}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=250_000)
    ap.add_argument("--xlsx-rows", type=int, default=5_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", nargs="+", choices=["csv", "sav", "xlsx"], default=["csv", "sav", "xlsx"])
    ap.add_argument("--memory", nargs=2, metavar=("STEP", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory:
        _memory_main(*args.memory)
        return
    print(f"load average before: {open('/proc/loadavg').read().strip()} ({os.cpu_count()} cores)")
    tmp = Path(tempfile.mkdtemp())
    d = make_dictionary()
    t0 = time.perf_counter()
    frame = make_frame(args.rows)
    bad = planted(args.rows)
    csv_path, sav_path = tmp / "survey.csv", tmp / "survey.sav"
    bad_csv = write_csv(frame, csv_path, bad)
    made = f"set-up: {args.rows} x {frame.shape[1]} CSV {csv_path.stat().st_size / 2**20:.0f} MiB"
    if "sav" in args.only:
        bad_sav = write_sav(frame, sav_path, bad)
        made += f", .sav {sav_path.stat().st_size / 2**20:.0f} MiB"
    if "xlsx" in args.only:
        small = frame.iloc[: args.xlsx_rows].reset_index(drop=True)
        small_csv, small_xlsx = tmp / "small.csv", tmp / "small.xlsx"
        bad_small = write_csv(small, small_csv, planted(args.xlsx_rows))
        write_xlsx(small, small_xlsx, planted(args.xlsx_rows))
        made += f"; XLSX {args.xlsx_rows} rows {small_xlsx.stat().st_size / 2**20:.1f} MiB"
    print(f"{made} ({time.perf_counter() - t0:.1f} s)")
    if "csv" in args.only:
        _step_csv(args, d, csv_path, bad_csv)
    if "sav" in args.only:
        _step_sav(args, d, sav_path, bad_sav)
    if "xlsx" in args.only:
        _step_xlsx(args, d, small_xlsx, small_csv, bad_small)
    print(f"\nload average after: {open('/proc/loadavg').read().strip()}")


def _step_csv(args, d, csv_path, bad_csv):
    types = pyarrow_types(d)
    print(f"\n1. CSV, {args.rows} x 80")
    ours, peer, s = pair(
        lambda: read_survey(csv_path, d, on_error="report"), lambda: peer_csv(csv_path, types), args.repeat
    )
    _, ref, _ = pair(lambda: None, lambda: pd.read_csv(csv_path, dtype=str, keep_default_na=False), 1)
    line("read_survey", ours)
    line("peer: pyarrow.csv.read_csv (typed)", peer)
    line("reference: pandas.read_csv (text)", ref)
    ratio("read_survey / pyarrow", ours, peer, 1.5)
    ratio("read_survey / pyarrow", ours, peer, 1.5, key="CPU")
    check(s, bad_csv, "read_survey CSV")
    m_ours, m_peer = child_memory("read_survey", csv_path), child_memory("pyarrow", csv_path)
    print(f"  peak memory: read_survey {m_ours:.0f} MiB, pyarrow {m_peer:.0f} MiB ({m_ours / m_peer:.2f}x)")


def _step_sav(args, d, sav_path, bad_sav):
    print(f"\n2. SPSS .sav, {args.rows} x 80")
    ours, peer, s = pair(lambda: read_survey(sav_path, d, on_error="report"), lambda: peer_sav(sav_path), args.repeat)
    line("read_survey", ours)
    line("peer: pyreadstat.read_sav", peer)
    ratio("read_survey / pyreadstat", ours, peer, 1.3)
    ratio("read_survey / pyreadstat", ours, peer, 1.3, key="CPU")
    check(s, bad_sav, "read_survey .sav")
    m_ours, m_peer = child_memory("read_survey", sav_path), child_memory("pyreadstat", sav_path)
    verdict = "met" if m_ours <= 1.5 * m_peer else "NOT met"
    print(
        f"  peak memory: read_survey {m_ours:.0f} MiB, pyreadstat {m_peer:.0f} MiB "
        f"({m_ours / m_peer:.2f}x, target <= 1.5x -> {verdict})"
    )


def _step_xlsx(args, d, small_xlsx, small_csv, bad_small):
    print(f"\n3. XLSX, {args.xlsx_rows} x 80")
    ours, peer, s = pair(
        lambda: read_survey(small_xlsx, d, on_error="report"),
        lambda: read_survey(small_csv, d, on_error="report"),
        args.repeat,
    )
    line("read_survey XLSX", ours)
    line("peer: read_survey CSV, same rows", peer)
    ratio("XLSX / CSV", ours, peer, 3)
    check(s, bad_small, "read_survey XLSX")


if __name__ == "__main__":
    main()
