"""Time raking and prevalence tables on a national-scale synthetic staff survey, and
raking against weightipy (if installed) in the same process.

Run: .venv/bin/python benchmarks/bench_survey.py [--rows 250000] [--items 80] [--forces 43]

The survey has ``rows`` respondents in ``forces`` forces, role (5 levels) and gender
(4 levels incl. "prefer not to say"), nine harm_* items (0/1, about 4% "don't know"
read as missing) and Likert filler items up to ``items`` columns. Steps timed:

1. rake to three margins (force, role, gender) from unequal base weights;
2. weighted prevalence of every harm type by force and role (Taylor SEs, logit CIs);
3. the same unweighted (Wilson);
4. weightipy's rim weighting to the same margins (only the raking is comparable).

Prints seconds per step, the ratio to weightipy and the largest relative difference
between the two sets of weights. Target: whole benchmark under 30 s.
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np
import pandas as pd

from toolkit.survey import prevalence, rake

HARMS = ["harm_abuse", "harm_threats", "harm_doxxing", "harm_impersonation", "harm_sexual",
         "harm_hate", "harm_filming", "harm_family", "harm_stalking"]


def make_survey(rows: int, items: int, forces: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    force_share = rng.dirichlet(np.full(forces, 3.0))
    force_codes = [f"F{i + 1:02d}" for i in range(forces)]
    role_pop = np.array([0.55, 0.33, 0.06, 0.04, 0.02])
    gender_pop = np.array([0.42, 0.54, 0.01, 0.03])
    # the sample over-represents staff and women relative to the workforce
    role_smp = np.array([0.45, 0.42, 0.07, 0.04, 0.02])
    gender_smp = np.array([0.50, 0.46, 0.01, 0.03])
    cols = {
        "force": pd.Categorical(rng.choice(force_codes, rows, p=force_share), categories=force_codes),
        "role": pd.Categorical(rng.choice([1, 2, 3, 4, 5], rows, p=role_smp)),
        "gender": pd.Categorical(rng.choice([1, 2, 3, 98], rows, p=gender_smp)),
        "base_w": rng.uniform(0.8, 1.25, rows),
    }
    officer = np.asarray(cols["role"]) == 1
    for j, h in enumerate(HARMS):
        p = np.where(officer, 0.35, 0.15) / (1 + j / 3)
        y = rng.binomial(1, p).astype(float)
        y[rng.random(rows) < 0.04] = np.nan
        cols[h] = pd.array(y, dtype="Float64")
    likert = pd.CategoricalDtype([1, 2, 3, 4, 5], ordered=True)
    for k in range(items - len(HARMS)):
        cols[f"item{k:02d}"] = pd.Series(rng.integers(1, 6, rows)).astype(likert)
    data = pd.DataFrame(cols)
    margins = {
        "force": dict(zip(force_codes, force_share)),
        "role": dict(zip([1, 2, 3, 4, 5], role_pop)),
        "gender": dict(zip([1, 2, 3, 98], gender_pop)),
    }
    return data, margins


def timed(label, func, *args, **kwargs):
    t0 = time.perf_counter()
    out = func(*args, **kwargs)
    dt = time.perf_counter() - t0
    print(f"{label:<58s} {dt:7.2f} s")
    return out, dt


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=250_000)
    ap.add_argument("--items", type=int, default=80)
    ap.add_argument("--forces", type=int, default=43)
    args = ap.parse_args()
    t_all = time.perf_counter()
    (data, margins), _ = timed(f"make survey ({args.rows:,} x {args.items}, {args.forces} forces)",
                               make_survey, args.rows, args.items, args.forces)
    w, _ = timed("toolkit rake (3 margins, base weights)", rake, data, margins, weight="base_w")
    print(f"    converged in {w.attrs['iterations']} sweeps; Kish deff {w.attrs['design_effect']:.3f}, "
          f"effective n {w.attrs['effective_n']:,.0f}")
    data["w"] = w
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tab, _ = timed(f"toolkit prevalence, {len(HARMS)} harms by force x role (weighted)",
                       prevalence, data, HARMS, by=["force", "role"], weight="w")
        timed(f"toolkit prevalence, {len(HARMS)} harms by force x role (unweighted)",
              prevalence, data, HARMS, by=["force", "role"])
    print(f"    {len(tab):,} rows, {int(tab['suppress'].sum()):,} flagged below the disclosure threshold")

    try:
        import weightipy as wp
    except ImportError:
        print("weightipy not installed: comparison skipped (pip install weightipy)")
    else:
        scheme = wp.scheme_from_dict(
            {col: {k: 100 * v for k, v in dist.items()} for col, dist in margins.items()}
        )
        df = data[["force", "role", "gender"]].copy()
        df["force"] = df["force"].astype(str)
        df["role"] = df["role"].astype(int)
        df["gender"] = df["gender"].astype(int)
        # weightipy starts from equal weights: compare with toolkit from equal weights too
        w_eq, t_tk = timed("toolkit rake (3 margins, equal start)", rake, df, margins)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out, t_wp = timed("weightipy weight_df (same margins)", wp.weight_df, df, scheme)
        w_wp = out["weights"].to_numpy(float)
        w_tk = w_eq.to_numpy() / w_eq.mean()
        w_wp = w_wp / w_wp.mean()
        print(f"    ratio toolkit / weightipy time: {t_tk / t_wp:.2f}; "
              f"largest relative difference in weights: {np.max(np.abs(w_tk - w_wp) / w_wp):.2e}")
    print(f"{'whole benchmark':<58s} {time.perf_counter() - t_all:7.2f} s")


if __name__ == "__main__":
    main()
