"""Time the qualitative module on a large synthetic project, against peers where one exists.

Run: .venv/bin/python benchmarks/bench_qual.py [--transcripts 2000] [--words 10000]
     [--codes 100] [--segments 200000] [--boot 200]

The project (seeded) has ``--transcripts`` interview transcripts of ``--words`` words (with
names, e-mail addresses, phone numbers and postcodes planted for the redaction step), a
codebook of ``--codes`` codes (10 parents with 9 children each, plus leaves), and
``--segments`` coded segments split between two coders: coder B recodes the same passages
as coder A with shifted boundaries on 20% and a different code on 10%.

First, write_qdpx and read_qdpx against the lxml + zip floor (see ``interchange``:
interleaved rounds, min and median ratios in CPU and wall time, load average, peak memory
against the uncompressed content). ``--interchange-only`` stops there.

Steps timed: write_qdpx (set-up, reported), read_qdpx (import), code_frequencies,
cooccurrence (segment level), agreement (per code, bootstrap ``--boot``), redact_many on
every transcript, and krippendorff_alpha against the ``krippendorff`` package on the same
reliability data (2 coders x one unit per segment of coder A, nominal with ``--codes``
values and 2% missing; and interval). Peer: the ``krippendorff`` package for alpha
(column ``peer``). References that do less work (column ``reference``, never called a
peer): a bare ElementTree parse of the project XML for read_qdpx (the floor any importer
pays) and a pandas groupby for code_frequencies (no roll-up, no intervals). The total
counts the pipeline as run on 2 cores (redact_many with ``n_jobs=2``); the serial
redact_many is shown beside it and not counted. Peak memory is the process maximum resident set
size after each step. Target on 2 cores: the whole run under 60 s and 4 GiB.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

_WORD_TEXT = (
    "the of and to a in that it is was for on are with as they be at this have from or "
    "one had by but not what all were when we there can an your which their said if do "
    "will each about how up out them then she many some so these would other into has more "
    "her two like him see time could no make than first been its who now people my made over "
    "did down only way find use may water long little very after words called just where "
    "most know online abuse officer staff family support wellbeing misconduct reputation "
    "harassment threat team manager sergeant inspector social media report training policy "
    "care harm doxxing impersonation account posted comments felt worried colleagues"
)
WORDS = _WORD_TEXT.split()
FIRST = ["Sarah", "James", "Priya", "Tom", "Aisha", "David", "Megan", "Kwame", "Olu", "Ewan"]
LAST = ["Patel", "Brown", "Smith", "Jones", "Okafor", "Murray", "Evans", "Khan", "Taylor"]


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_texts(n: int, words: int, rng) -> list[str]:
    vocab = np.array(WORDS, dtype=object)
    texts = []
    for i in range(n):
        w = vocab[rng.integers(0, len(vocab), words)]
        # speaker turns every ~60 words, and a few identifiers to redact
        for k in range(0, words, 60):
            w[k] = "\nInterviewer:" if (k // 60) % 2 == 0 else f"\nP{i + 1:04d}:"
        for k in rng.integers(1, words, 6):
            w[k] = f"Inspector {LAST[rng.integers(len(LAST))]}"
        w[rng.integers(1, words)] = f"{FIRST[i % 10].lower()}.{LAST[i % 9].lower()}@example.org"
        w[rng.integers(1, words)] = f"07700 900{rng.integers(100, 999)}"
        w[rng.integers(1, words)] = "EH10 5DT"
        texts.append(" ".join(w))
    return texts


def make_project(n_sources, words, n_codes, n_segments, seed=1):
    from toolkit.qual.project import QualProject

    rng = np.random.default_rng(seed)
    texts = make_texts(n_sources, words, rng)
    ids = [f"INT{i + 1:04d}" for i in range(n_sources)]
    sources = pd.DataFrame(
        {
            "id": ids,
            "kind": "interview",
            "name": [f"Interview {i}" for i in ids],
            "text": texts,
            "case": [f"M{i + 1:04d}" for i in range(n_sources)],
        }
    )
    cases = pd.DataFrame(
        {
            "id": sources["case"],
            "pseudonym": [f"P{i}" for i in range(n_sources)],
            "role": rng.choice(["Sergeant", "Inspector", "Staff manager"], n_sources),
            "personal_experience": rng.choice(["yes", "no"], n_sources),
        }
    )
    n_parents = 10
    code_ids, parents = [], []
    for p in range(n_parents):
        code_ids.append(f"C{p:02d}")
        parents.append(None)
        for c in range((n_codes - n_parents) // n_parents):
            code_ids.append(f"C{p:02d}.{c}")
            parents.append(f"C{p:02d}")
    while len(code_ids) < n_codes:
        code_ids.append(f"X{len(code_ids)}")
        parents.append(None)
    codebook = pd.DataFrame(
        {
            "id": code_ids,
            "name": [f"Theme {c}" for c in code_ids],
            "parent": parents,
            "definition": "",
            "pillar": "recognition",
        }
    )
    leaves = [c for c in code_ids if c not in set(parents)]
    per_coder = n_segments // 2
    src = rng.integers(0, n_sources, per_coder)
    lengths = np.array([len(t) for t in texts])
    seg_len = rng.integers(100, 800, per_coder)
    start = (rng.random(per_coder) * (lengths[src] - seg_len)).astype(np.int64)
    end = start + seg_len
    code = np.array(leaves, dtype=object)[rng.integers(0, len(leaves), per_coder)]
    a = pd.DataFrame(
        {"source": np.array(ids, dtype=object)[src], "start": start, "end": end, "code": code, "coder": "A"}
    )
    b = a.copy()
    b["coder"] = "B"
    shift = rng.random(per_coder) < 0.2
    b.loc[shift, "start"] = np.maximum(0, b.loc[shift, "start"] - rng.integers(0, 50, shift.sum()))
    change = rng.random(per_coder) < 0.1
    b.loc[change, "code"] = np.array(leaves, dtype=object)[rng.integers(0, len(leaves), change.sum())]
    segments = pd.concat([a, b], ignore_index=True)
    segments = segments.drop_duplicates(["source", "start", "end", "code", "coder"])
    return QualProject(sources, cases, codebook, segments, name="benchmark"), a, b


def timed(label, fn, results, peer=None, reference=None):
    t0 = time.perf_counter()
    out = fn()
    results.append(
        {
            "step": label,
            "seconds": time.perf_counter() - t0,
            "peak_mib": peak_mib(),
            "peer": peer,
            "reference": reference,
        }
    )
    print(f"{label:<44s} {results[-1]['seconds']:8.2f} s   peak {results[-1]['peak_mib']:7.0f} MiB", flush=True)
    return out


_PEAK_SCRIPT = """
import ctypes, gc, sys, warnings
warnings.simplefilter("ignore")
from toolkit.qual import read_qdpx, write_qdpx

def rss(field):
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field):
                return int(line.split()[1]) / 1024

def reset():
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    with open("/proc/self/clear_refs", "w") as fh:  # resets VmHWM (Linux >= 4.0)
        fh.write("5")
    return rss("VmRSS")

op, path, out = sys.argv[1:4]
project = read_qdpx(path) if op == "write" else None
base = reset()
if op == "read":
    project = read_qdpx(path)
else:
    write_qdpx(project, out)
print(rss("VmHWM") - base)
"""


def _peak(op: str, path: Path, out: Path) -> float:
    """Peak memory (MiB) one read_qdpx or write_qdpx adds, in a fresh interpreter: its
    peak resident set (VmHWM, reset just before the step after a garbage collection and
    ``malloc_trim``) minus the resident set at that moment. For ``write`` the project is
    read first (not counted)."""
    import subprocess
    import sys

    res = subprocess.run(
        [sys.executable, "-c", _PEAK_SCRIPT, op, str(path), str(out)], capture_output=True, text=True, check=True
    )
    return float(res.stdout.split()[-1])


def interchange(project, tmp: Path, runs: int = 3) -> pd.DataFrame:
    """write_qdpx and read_qdpx against the lxml + zip floor, interleaved in one process.

    Floor for writing: lxml ``tostring`` of the same project XML (parsed once beforehand)
    plus deflating every member into a zip. Floor for reading: inflating every member
    plus an lxml parse of ``project.qde``. Both are references that do less work (no
    tables, no checks), not peers. Each round runs floor and toolkit back to back; the
    ratios are min and median over ``runs`` rounds, in CPU and wall time. Peak memory of
    each step is measured in a fresh interpreter (see ``_peak``) and compared with the
    uncompressed content (all members of the .qdpx).
    """
    import os
    import zipfile

    from lxml import etree

    from toolkit.qual import read_qdpx, write_qdpx

    path = write_qdpx(project, tmp / "bench.qdpx")
    with zipfile.ZipFile(path) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    content = sum(map(len, members.values()))
    tree = etree.fromstring(members["project.qde"])

    def floor_write():
        xml = etree.tostring(tree, xml_declaration=True, encoding="utf-8", pretty_print=True)
        with zipfile.ZipFile(tmp / "floor.qdpx", "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in [("project.qde", xml)] + [(k, v) for k, v in members.items() if k != "project.qde"]:
                z.writestr(name, data)

    def floor_read():
        with zipfile.ZipFile(path) as z:
            data = {i.filename: z.read(i) for i in z.infolist()}
        return etree.fromstring(data["project.qde"])

    ns = {"q": "urn:QDA-XML:project:1.0"}
    sel = "/q:Project/q:Sources/q:TextSource/q:PlainTextSelection"
    xpaths = {
        a: etree.XPath(f"{sel}/@{a}", namespaces=ns, smart_strings=False)
        for a in ("startPosition", "endPosition", "name")
    }
    xpaths["code"] = etree.XPath(f"{sel}/q:Coding/q:CodeRef/@targetGUID", namespaces=ns, smart_strings=False)
    xpaths["coder"] = etree.XPath(f"{sel}/q:Coding/@creatingUser", namespaces=ns, smart_strings=False)

    def floor_read_df():
        # the floor as the issue defines it: zip read + lxml parse + the DataFrames (every
        # selection's positions, text, code and coder in one XPath each; the source texts)
        with zipfile.ZipFile(path) as z:
            data = {i.filename: z.read(i) for i in z.infolist()}
        root = etree.fromstring(data.pop("project.qde"))
        cols = {a: f(root) for a, f in xpaths.items()}
        del root
        seg = pd.DataFrame(
            {
                "start": np.array(cols["startPosition"]).astype(np.int64),
                "end": np.array(cols["endPosition"]).astype(np.int64),
                "text": pd.array(cols["name"], dtype="str"),
                "code": pd.array(cols["code"], dtype="str"),
                "coder": pd.array(cols["coder"], dtype="str"),
            }
        )
        src = pd.DataFrame(
            {"id": list(data), "text": pd.array([v.decode("utf-8") for v in data.values()], dtype="str")}
        )
        return seg, src

    steps = {
        "write floor": floor_write,
        "write_qdpx": lambda: write_qdpx(project, tmp / "again.qdpx"),
        "read floor": floor_read_df,
        "read_qdpx": lambda: read_qdpx(path),
        "read parse only": floor_read,
    }
    rows = []
    for k in range(runs):
        for name, fn in steps.items():
            load = os.getloadavg()[0]
            c0, w0 = time.process_time(), time.perf_counter()
            fn()
            rows.append(
                {
                    "round": k,
                    "step": name,
                    "cpu": time.process_time() - c0,
                    "wall": time.perf_counter() - w0,
                    "load": load,
                }
            )
    t = pd.DataFrame(rows)
    wide = t.pivot(index="round", columns="step", values=["cpu", "wall"])
    out = []
    for op in ("write", "read"):
        ours = "write_qdpx" if op == "write" else "read_qdpx"
        rec = {"operation": op}
        for kind in ("cpu", "wall"):
            ratio = wide[(kind, ours)] / wide[(kind, f"{op} floor")]
            rec[f"{kind}_s"] = wide[(kind, ours)].median()
            rec[f"floor_{kind}_s"] = wide[(kind, f"{op} floor")].median()
            rec[f"{kind}_ratio_min"] = ratio.min()
            rec[f"{kind}_ratio_median"] = ratio.median()
        if op == "read":
            rec["cpu_ratio_to_parse_only"] = (wide[("cpu", ours)] / wide[("cpu", "read parse only")]).median()
        rec["peak_mib"] = _peak(op, path, tmp / "peak.qdpx")
        rec["peak_over_content"] = rec["peak_mib"] / (content / 2**20)
        out.append(rec)
    res = pd.DataFrame(out)
    print(
        f"\nREFI-QDA interchange ({runs} interleaved rounds; machine shared: load average "
        f"{t['load'].min():.1f}-{t['load'].max():.1f} on {os.cpu_count()} cores during the "
        f"rounds); uncompressed content {content / 2**20:.0f} MiB"
    )
    print(
        "floors (references doing less work): write = lxml tostring of the same tree + zip deflate; "
        "read = zip read + lxml parse + the selections and sources DataFrames (one XPath per column); "
        "cpu_ratio_to_parse_only: against zip read + lxml parse alone"
    )
    print(res.to_string(index=False, float_format=lambda v: f"{v:.2f}"))
    targets = []
    for r in out:
        for what, value, limit in (
            ("CPU ratio (median)", r["cpu_ratio_median"], 1.5),
            ("wall ratio (median)", r["wall_ratio_median"], 1.5),
            ("peak / content", r["peak_over_content"], 3.0),
        ):
            targets.append(
                {
                    "target": f"{r['operation']}_qdpx {what}",
                    "ours": value,
                    "limit": f"<= {limit:g}",
                    "met": "yes" if value <= limit else "NO",
                }
            )
    print(pd.DataFrame(targets).to_string(index=False, float_format=lambda v: f"{v:.2f}"))
    return res


def rollups(n_sources: int = 200, n_segments: int = 20000, sizes=(50, 100, 200, 300)) -> pd.DataFrame:
    """Codebook roll-ups against the size of the codebook: the hierarchy (one pass over
    the codebook, then cached), and code_frequencies / cooccurrence, which gather each
    code's descendants. Target: a roll-up of a 300-code codebook in a few milliseconds
    (<= 5 ms), and the analyses growing no faster than the codebook."""
    import os

    from toolkit.qual import code_frequencies, cooccurrence

    rows = []
    for n_codes in sizes:
        project, _, _ = make_project(n_sources, 2000, n_codes, n_segments, seed=3)
        c0 = time.perf_counter()
        project.rollup()  # builds the hierarchy
        build = time.perf_counter() - c0
        c0 = time.perf_counter()
        for _ in range(20):
            project.rollup()
        cached = (time.perf_counter() - c0) / 20
        row = {"codes": len(project.codebook), "hierarchy_ms": build * 1e3, "rollup_cached_ms": cached * 1e3}
        for label, fn in (
            ("code_frequencies_s", lambda p=project: code_frequencies(p, coder="A")),
            ("code_frequencies_by_role_s", lambda p=project: code_frequencies(p, by="role", coder="A")),
            ("cooccurrence_s", lambda p=project: cooccurrence(p, unit="segment", coder="A")),
        ):
            c0 = time.process_time()
            fn()
            row[label] = time.process_time() - c0
        rows.append(row)
    res = pd.DataFrame(rows)
    print(
        f"\nCodebook roll-ups ({n_sources} sources, {n_segments} segments; load average "
        f"{os.getloadavg()[0]:.2f}); hierarchy and roll-up in wall ms, analyses in CPU s"
    )
    print(res.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    big = res.iloc[-1]
    growth = big["code_frequencies_by_role_s"] / max(res.iloc[0]["code_frequencies_by_role_s"], 1e-9)
    codes_growth = big["codes"] / res.iloc[0]["codes"]
    print(
        pd.DataFrame(
            [
                {
                    "target": f"roll-up at {int(big['codes'])} codes (hierarchy built)",
                    "ours": f"{big['hierarchy_ms']:.2f} ms",
                    "limit": "<= 5 ms",
                    "met": "yes" if big["hierarchy_ms"] <= 5 else "NO",
                },
                {
                    "target": f"code_frequencies growth {int(res.iloc[0]['codes'])} -> {int(big['codes'])} codes",
                    "ours": f"{growth:.1f}x",
                    "limit": f"<= {codes_growth:.0f}x (linear)",
                    "met": "yes" if growth <= codes_growth else "NO",
                },
            ]
        ).to_string(index=False)
    )
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--transcripts", type=int, default=2000)
    ap.add_argument("--words", type=int, default=10000)
    ap.add_argument("--codes", type=int, default=100)
    ap.add_argument("--segments", type=int, default=200000)
    ap.add_argument("--boot", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3, help="interleaved rounds (interchange)")
    ap.add_argument(
        "--interchange-only",
        action="store_true",
        help="only the write_qdpx / read_qdpx comparison with the lxml floor, and the codebook roll-ups",
    )
    args = ap.parse_args()

    import xml.etree.ElementTree as ET
    import zipfile

    import krippendorff

    from toolkit.qual import (
        agreement,
        code_frequencies,
        cooccurrence,
        krippendorff_alpha,
        read_qdpx,
        redact_many,
        write_qdpx,
    )

    warnings.simplefilter("ignore")
    res: list[dict] = []
    print(
        f"{args.transcripts} transcripts x {args.words} words, {args.codes} codes, {args.segments} segments, 2 coders",
        flush=True,
    )
    project, seg_a, seg_b = timed(
        "make synthetic project (set-up)",
        lambda: make_project(args.transcripts, args.words, args.codes, args.segments),
        res,
    )
    print(
        f"  {sum(map(len, project.sources['text'])) / 2**20:.0f} MiB of text, {len(project.segments)} segments",
        flush=True,
    )
    tmp = Path(tempfile.mkdtemp())
    interchange(project, tmp, args.runs)
    rollups()
    if args.interchange_only:
        return
    path = timed("write_qdpx (set-up)", lambda: write_qdpx(project, tmp / "bench.qdpx"), res)
    del project

    def bare_parse():
        with zipfile.ZipFile(path) as z:
            return ET.fromstring(z.read("project.qde"))

    timed("  reference: ElementTree parse of project.qde", bare_parse, res)
    floor = res[-1]["seconds"]
    project = timed("read_qdpx", lambda: read_qdpx(path), res, reference=floor)
    # code_frequencies by role (cases per code, parent roll-up) vs a bare groupby of cases
    seg = project.segments
    timed(
        "  reference (less work): groupby nunique(case)",
        lambda: seg[seg["coder"] == "A"].groupby("code")["case"].nunique(),
        res,
    )
    floor = res[-1]["seconds"]
    timed(
        "code_frequencies(by='role', coder='A')",
        lambda: code_frequencies(project, by="role", coder="A"),
        res,
        reference=floor,
    )
    timed("cooccurrence(unit='segment', coder='A')", lambda: cooccurrence(project, unit="segment", coder="A"), res)
    timed(
        f"agreement per code (n_boot={args.boot})", lambda: agreement(project, coders=["A", "B"], n_boot=args.boot), res
    )
    texts = list(project.sources["text"])
    # the pipeline counts redact_many on both cores; the serial run is shown beside it
    timed(f"  comparison: redact_many, 1 process ({len(texts)} transcripts)", lambda: redact_many(texts), res)
    timed(f"redact_many, 2 processes ({len(texts)} transcripts)", lambda: redact_many(texts, n_jobs=2), res)

    # krippendorff_alpha vs the krippendorff package on the same reliability data: one unit
    # per segment of coder A, value = the code each coder gave it (nominal), and a 0..20
    # rating (interval). The package builds a dense units x values x values array, so it
    # runs on the first units whose array fits in 256 MiB (its peak is several times
    # that); ours runs on those and on all.
    rng = np.random.default_rng(2)
    n_units = len(seg_a)
    codes = pd.factorize(pd.concat([seg_a["code"], seg_b["code"]]))[0]
    nominal = np.vstack([codes[:n_units], codes[n_units:]]).astype(float)
    interval = np.clip(nominal % 21 + rng.integers(-2, 3, nominal.shape), 0, 20).astype(float)
    for mat in (nominal, interval):
        mat[rng.random(mat.shape) < 0.02] = np.nan
    for level, mat in (("nominal", nominal), ("interval", interval)):
        n_values = len(np.unique(mat[~np.isnan(mat)]))
        n_peer = int(min(n_units, 2**28 / (8 * n_values * n_values)))
        sub = mat[:, :n_peer]
        long = pd.DataFrame(
            {"unit": np.tile(np.arange(n_peer), 2), "coder": np.repeat(["A", "B"], n_peer), "value": sub.ravel()}
        )
        peer_out = timed(
            f"  peer: krippendorff.alpha ({level}, {n_peer} units)",
            lambda sub=sub, level=level: krippendorff.alpha(reliability_data=sub, level_of_measurement=level),
            res,
        )
        floor = res[-1]["seconds"]
        ours = timed(
            f"krippendorff_alpha ({level}, {n_peer} units)",
            lambda long=long, level=level: krippendorff_alpha(
                long, item="unit", coder="coder", value="value", level=level
            ),
            res,
            peer=floor,
        )
        print(f"  alpha ours {ours:.10f}, krippendorff {peer_out:.10f}, difference {abs(ours - peer_out):.1e}")
        if n_peer < n_units:
            long = pd.DataFrame(
                {"unit": np.tile(np.arange(n_units), 2), "coder": np.repeat(["A", "B"], n_units), "value": mat.ravel()}
            )
            timed(
                f"krippendorff_alpha ({level}, {n_units} units)",
                lambda long=long, level=level: krippendorff_alpha(
                    long, item="unit", coder="coder", value="value", level=level
                ),
                res,
            )

    table = pd.DataFrame(res)
    # a ratio to a peer (a library doing the same work) and, apart, to a reference that does
    # less work (a bare parse, a bare groupby): the two are not the same kind of figure
    table["ratio_to_peer"] = table["seconds"] / table["peer"]
    table["ratio_to_reference"] = table["seconds"] / table["reference"]
    toolkit_steps = table[~table["step"].str.startswith(" ") & ~table["step"].str.contains("set-up")]
    print()
    print(table.to_string(index=False, float_format=lambda v: f"{v:.2f}"))
    print(
        f"\ntoolkit steps total {toolkit_steps['seconds'].sum():.1f} s (target < 60 s); "
        f"peak memory {peak_mib() / 1024:.2f} GiB (target < 4 GiB)"
    )


if __name__ == "__main__":
    main()
