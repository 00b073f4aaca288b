"""Time the survey pipeline on a national-scale synthetic staff survey, each step next to
its peer (another library doing the same work) on the same data in the same run.

Run: .venv/bin/python benchmarks/bench_survey.py [--rows 250000] [--forces 43] [--repeat 1]

The survey (seeded) follows the item bank: ``resp_id``, ``force`` (43 forces of unequal
size), ``wave``, ``role`` (5), ``gender`` (3), ``age_band`` (5 + 98 = prefer not to say),
the nine ``harm_*`` binaries (0/1, about 4% 9 = don't know) and 16 Likert scales: the
bank's five (``impact``, ``training_confidence``, ``recognition_climate``,
``reporting_climate``, ``support_climate``) and eleven more of four items, one item of each
reverse-keyed; about 3% of Likert answers are missing (half blank, half 9 = don't know).
80 columns in all. It is written as CSV and every step runs on what ``read_survey`` returns.

Steps, with their peer:

1. ``read_survey`` of the CSV (parse, check every cell against the dictionary, convert).
   No peer; ``pandas.read_csv`` of the same file is shown as a reference for the raw parse.
2. ``score_scales``, every scale (reverse-keying, half rule). No peer; pandas' row mean
   per scale is shown as a reference (no reversing, no minimum-items rule).
3. ``reliability`` for every scale (alpha, standardised alpha, Feldt CI, omega total),
   on the categorical columns ``read_survey`` gives and on float columns. Peer:
   ``pingouin.cronbach_alpha(nan_policy="pairwise")`` per scale on the float columns, items
   reversed beforehand (pingouin computes alpha and its CI only). The alpha part of ours
   (moments, alpha, CI; no omega) is timed too.
4. ``reliability_table`` (every scale plus the item analysis). Peer: pingouin as in 3.
5. ``rake`` to three margins (force, role, gender) from equal weights. Peer:
   ``weightipy.weight_df`` on the same margins (skipped if weightipy is not installed);
   the largest relative difference between the two sets of weights is printed.
6. ``prevalence`` of the nine harms by force x role (1,935 groups), weighted (Taylor SEs,
   logit CIs), unweighted (Wilson), and with the full design (strata = force, fpc = the
   force's workforce; its time relative to the weights-only run is printed, target <= 2),
   and ``total`` (people affected) by force with that design. No peer; a pandas ``groupby().mean()`` of the same
   cells (estimates only) is shown as a reference.

Prints each step's time, its peer's and the ratio (ours / peer; below 1 = faster), then
the whole run's time and peak memory (``ru_maxrss``). Targets (issue 3): whole benchmark
under 30 s and 4 GiB on a 2-core machine, no step slower than its peer.
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

from toolkit.dictionary import default_dictionary, load_dictionary
from toolkit.io import read_survey
from toolkit.survey import (
    prevalence,
    rake,
    reliability,
    reliability_table,
    score_scales,
    total,
)

HARMS = [
    "harm_abuse",
    "harm_threats",
    "harm_doxxing",
    "harm_impersonation",
    "harm_sexual",
    "harm_hate",
    "harm_filming",
    "harm_family",
    "harm_stalking",
]
N_EXTRA_SCALES = 11
ROLE_POP = {1: 0.55, 2: 0.33, 3: 0.06, 4: 0.04, 5: 0.02}
GENDER_POP = {1: 0.42, 2: 0.56, 3: 0.02}


def make_dictionary():
    """The item bank's rows for the variables used, plus eleven more four-item scales."""
    bank = default_dictionary()
    table = bank.table.copy()
    scales = bank.scales()
    keep = [
        "resp_id",
        "force",
        "wave",
        "role",
        "gender",
        "age_band",
        *HARMS,
        *[v for items in scales.values() for v in items],
    ]
    table = table.set_index("variable").loc[keep].reset_index()
    template = table.set_index("variable").loc["trn_report"].to_dict()
    extra = []
    for s in range(1, N_EXTRA_SCALES + 1):
        for j in range(1, 5):
            extra.append(
                {
                    **template,
                    "variable": f"extra{s:02d}_q{j}",
                    "label": f"Extra scale {s}, item {j}",
                    "scale": f"extra{s:02d}",
                    "reverse": "yes" if j == 4 else "",
                }
            )
    table = pd.concat([table, pd.DataFrame(extra)], ignore_index=True)
    return load_dictionary(table)


def _text(values: np.ndarray) -> list:
    """Integer codes as CSV cells; -1 is a blank cell."""
    lo = int(values.min())
    lut = np.array([("" if v == -1 else str(v)) for v in range(lo, int(values.max()) + 1)], dtype=object)
    return lut[values - lo].tolist()


def write_survey(path: Path, d, rows: int, forces: int, seed: int = 1) -> dict:
    """Write the synthetic survey as CSV; return the population margins for raking."""
    rng = np.random.default_rng(seed)
    force_share = rng.dirichlet(np.full(forces, 3.0))
    force_codes = np.array([f"F{i + 1:02d}" for i in range(forces)], dtype=object)
    # the sample over-represents staff and women relative to the workforce
    role = rng.choice([1, 2, 3, 4, 5], rows, p=[0.45, 0.42, 0.07, 0.04, 0.02])
    cols = {
        "resp_id": [f"R{i:07d}" for i in range(1, rows + 1)],
        "force": force_codes[rng.choice(forces, rows, p=force_share)].tolist(),
        "wave": _text(rng.integers(1, 3, rows)),
        "role": _text(role),
        "gender": _text(rng.choice([1, 2, 3], rows, p=[0.50, 0.48, 0.02])),
        "age_band": _text(rng.choice([1, 2, 3, 4, 5, 98], rows, p=[0.08, 0.25, 0.3, 0.25, 0.1, 0.02])),
    }
    officer = role == 1
    for j, h in enumerate(HARMS):
        y = rng.binomial(1, np.where(officer, 0.35, 0.15) / (1 + j / 3))
        y[rng.random(rows) < 0.04] = 9
        cols[h] = _text(y)
    for items in d.scales().values():
        f = rng.normal(size=rows)
        for v in items:
            x = np.clip(np.round(3 + 0.7 * f + rng.normal(scale=0.7, size=rows)), 1, 5)
            if d.is_reverse(v):
                x = 6 - x
            x = x.astype(np.int64)
            u = rng.random(rows)
            x[u < 0.015] = 9
            x[(u >= 0.015) & (u < 0.03)] = -1
            cols[v] = _text(x)
    names = list(cols)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(names) + "\n")
        fh.write("\n".join(map(",".join, zip(*cols.values()))))
        fh.write("\n")
    return {"force": dict(zip(force_codes.tolist(), force_share)), "role": ROLE_POP, "gender": GENDER_POP}


def timed(func, *args, repeat=1, **kwargs):
    """(result, best seconds over ``repeat`` runs); warnings silenced (the data warn)."""
    best = np.inf
    for _ in range(repeat):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t0 = time.perf_counter()
            out = func(*args, **kwargs)
            best = min(best, time.perf_counter() - t0)
    return out, best


RESULTS = []


def show(step, ours, peer_name=None, peer=None, *, kind="peer"):
    """Print one step: our time, the peer's (or a reference's) and the ratio."""
    RESULTS.append((step, ours, peer_name, peer, kind))
    line = f"{step:<52s} {ours:7.3f} s"
    if peer is not None:
        line += f"   {kind} {peer_name}: {peer:7.3f} s   ratio {ours / peer:5.2f}"
    print(line, flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=250_000)
    ap.add_argument("--forces", type=int, default=43)
    ap.add_argument(
        "--repeat", type=int, default=1, help="time each step this many times and keep the best (default 1)"
    )
    args = ap.parse_args()
    rep = args.repeat
    t_all = time.perf_counter()
    d = make_dictionary()
    scales = d.scales()
    likert = [v for items in scales.values() for v in items]
    tmp = tempfile.TemporaryDirectory()
    path = Path(tmp.name) / "survey.csv"
    t0 = time.perf_counter()
    margins = write_survey(path, d, args.rows, args.forces)
    n_cols = len(pd.read_csv(path, nrows=1).columns)
    print(
        f"set-up: wrote {args.rows:,} rows x {n_cols} columns, {len(scales)} scales, "
        f"{args.forces} forces ({path.stat().st_size / 2**20:.0f} MiB) in "
        f"{time.perf_counter() - t0:.2f} s\n"
    )

    # 1. read_survey ---------------------------------------------------------------------
    survey, t = timed(read_survey, path, d, repeat=rep)
    _, t_ref = timed(pd.read_csv, path, repeat=rep)
    show("1. read_survey (parse, check, convert)", t, "pandas.read_csv (raw parse)", t_ref, kind="reference")
    data = survey.data
    print(f"    {len(data):,} rows kept; report ok: {survey.report.ok}")
    # float copies for the peers (made outside the timings; pingouin cannot read
    # categoricals of codes), reverse-keyed items reversed for pingouin
    numeric = pd.DataFrame({v: data[v].astype(float) for v in likert}, index=data.index)
    keyed = numeric.copy()
    for v in likert:
        if d.is_reverse(v):
            keyed[v] = 6 - keyed[v]

    # 2. score_scales -------------------------------------------------------------------
    _, t = timed(score_scales, data, d, repeat=rep)

    def pandas_means():
        return {s: keyed[items].mean(axis=1) for s, items in scales.items()}

    _, t_ref = timed(pandas_means, repeat=rep)
    show(f"2. score_scales ({len(scales)} scales)", t, "pandas row means", t_ref, kind="reference")

    # 3. reliability per scale vs pingouin ------------------------------------------------
    def ours_each(frame):
        return [
            reliability(frame, items, reverse=[v for v in items if d.is_reverse(v)], item_range=(1, 5))
            for items in scales.values()
        ]

    def pingouin_each():
        import pingouin

        return [pingouin.cronbach_alpha(keyed[items], nan_policy="pairwise") for items in scales.values()]

    def ours_alpha_only():
        from toolkit.survey._alpha import alpha_from_cov, feldt_ci
        from toolkit.survey._items import item_matrix
        from toolkit.survey._pairwise import cross_products, moments_from_sums

        out = []
        for items in scales.values():
            N, S, P, Q, _, n = cross_products(item_matrix(keyed, items))
            a = alpha_from_cov(moments_from_sums(N, S, P, Q)[0])
            out.append((a, *feldt_ci(a, n, len(items), 0.95)))
        return out

    try:
        import pingouin
    except ImportError:
        pingouin = None
        print("pingouin not installed: reliability comparison skipped")
    _, t_cat = timed(ours_each, data, repeat=rep)
    ours_num, t_num = timed(ours_each, numeric, repeat=rep)
    _, t_alpha = timed(ours_alpha_only, repeat=rep)
    if pingouin is not None:
        pg, t_pg = timed(pingouin_each, repeat=rep)
        diff = max(abs(o["alpha"].iloc[0] - p[0]) for o, p in zip(ours_num, pg))
        label = "pingouin.cronbach_alpha"
    else:
        t_pg, diff, label = None, np.nan, None
    show(f"3a. reliability, {len(scales)} scales (categorical input)", t_cat, label, t_pg)
    show(f"3b. reliability, {len(scales)} scales (float input)", t_num, label, t_pg)
    show("3c. ours, alpha + CI part only (float input)", t_alpha, label, t_pg)
    print(f"    largest |alpha - pingouin alpha|: {diff:.1e}")

    # 4. reliability_table -------------------------------------------------------------
    _, t = timed(reliability_table, data, d, repeat=rep)
    show("4. reliability_table (all scales + item analysis)", t, label, t_pg)

    # 5. rake to three margins ------------------------------------------------------------
    frame = data[["force", "role", "gender"]]
    w, t = timed(rake, frame, margins, repeat=rep)
    try:
        import weightipy as wp
    except ImportError:
        show("5. rake (force, role, gender; equal start)", t)
        print("    weightipy not installed: comparison skipped (pip install weightipy)")
    else:
        scheme = wp.scheme_from_dict({col: {k: 100 * v for k, v in dist.items()} for col, dist in margins.items()})
        df = pd.DataFrame(
            {
                "force": frame["force"].astype(str),
                "role": frame["role"].astype(int),
                "gender": frame["gender"].astype(int),
            }
        )
        out, t_wp = timed(wp.weight_df, df, scheme, repeat=rep)
        show("5. rake (force, role, gender; equal start)", t, "weightipy.weight_df", t_wp)
        w_tk = w.to_numpy() / w.mean()
        w_wp = out["weights"].to_numpy(float)
        w_wp = w_wp / w_wp.mean()
        print(
            f"    {w.attrs['iterations']} sweeps; largest relative difference from "
            f"weightipy's weights: {np.max(np.abs(w_tk - w_wp) / w_wp):.1e}"
        )

    # 6. prevalence by force x role --------------------------------------------------------
    data = data.assign(w=w)
    tab, t_w = timed(prevalence, data, HARMS, by=["force", "role"], weight="w", repeat=rep)
    _, t_u = timed(prevalence, data, HARMS, by=["force", "role"], repeat=rep)

    def pandas_groupby():
        return data.groupby(["force", "role"], observed=True)[HARMS].mean()

    _, t_ref = timed(pandas_groupby, repeat=rep)
    show(
        f"6a. prevalence, 9 harms by force x role ({len(tab):,} rows), weighted",
        t_w,
        "pandas groupby().mean()",
        t_ref,
        kind="reference",
    )
    show("6b. prevalence, the same unweighted", t_u, "pandas groupby().mean()", t_ref, kind="reference")
    # 6c. the same with the full design: strata = force, fpc = the force's workforce (a
    # census-like survey: about 60% of each force answered)
    force = data["force"].astype(str)
    data = data.assign(force_pop=np.ceil(force.map(force.value_counts()) / 0.6).astype(float))
    _, t_d = timed(
        prevalence, data, HARMS, by=["force", "role"], weight="w", strata="force", fpc="force_pop", repeat=rep
    )
    show("6c. prevalence, weighted, strata = force, fpc", t_d, "weights-only prevalence (6a)", t_w, kind="reference")
    print(f"    design-based / weights-only time: {t_d / t_w:.2f} (target <= 2)")
    _, t_t = timed(total, data, HARMS, by="force", weight="w", strata="force", fpc="force_pop", repeat=rep)
    show("6d. total (people affected), 9 harms by force, design", t_t)

    elapsed = time.perf_counter() - t_all
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20  # KiB -> GiB
    print(f"\n{'whole benchmark (set-up included)':<52s} {elapsed:7.2f} s   (target < 30 s)")
    print(f"{'peak memory (ru_maxrss)':<52s} {peak:7.2f} GiB (target < 4 GiB)")
    slower = [s for s, o, _, p, k in RESULTS if k == "peer" and p is not None and o > p]
    print("steps slower than their peer: " + (", ".join(slower) if slower else "none"))
    tmp.cleanup()


if __name__ == "__main__":
    main()
