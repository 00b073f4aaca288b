"""Time scale scoring and reliability for every scale of a large synthetic survey,
against pingouin.cronbach_alpha on the same data.

Run: .venv/bin/python benchmarks/bench_survey_reliability.py [--rows 250000] [--items 80]
     [--categorical]
The survey has items/5 scales of 5 Likert items (1..5, about 3% missing, one
reverse-keyed item per scale). Prints seconds per step and the ratio to pingouin
(pingouin computes alpha and its CI only; ours adds standardised alpha, omega total
from a one-factor fit, and the item analysis).
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np
import pandas as pd
import pingouin

from toolkit.survey.reliability import reliability, reliability_table
from toolkit.survey.scales import score_scales


def make_survey(rows: int, items: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    n_scales = items // 5
    columns, dict_rows = {}, []
    values = "1=Strongly disagree; 2=Disagree; 3=Neither; 4=Agree; 5=Strongly agree"
    for s in range(n_scales):
        f = rng.normal(size=rows)
        for j in range(5):
            name = f"s{s:02d}_q{j}"
            latent = 0.7 * f + rng.normal(scale=0.7, size=rows)
            x = np.clip(np.round(3 + latent), 1, 5)
            reverse = j == 4
            if reverse:
                x = 6 - x
            x[rng.random(rows) < 0.03] = np.nan
            columns[name] = x
            dict_rows.append({"variable": name, "label": name, "type": "likert",
                              "values": values, "missing": "", "scale": f"scale{s:02d}",
                              "reverse": "yes" if reverse else "", "min": "1", "max": "5",
                              "required": "", "pillar": "", "disclosure": "public"})
    return pd.DataFrame(columns), pd.DataFrame(dict_rows)


def timed(label, fn, *args, **kwargs):
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        out = fn(*args, **kwargs)
    secs = time.perf_counter() - start
    print(f"{label:<46} {secs:8.2f} s")
    return out, secs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=250_000)
    parser.add_argument("--items", type=int, default=80)
    parser.add_argument("--categorical", action="store_true",
                        help="items as ordered categoricals of codes (as read_survey gives)")
    args = parser.parse_args()
    data, dictionary = make_survey(args.rows, args.items)
    if args.categorical:
        for c in data.columns:
            data[c] = pd.Categorical(data[c].astype("Int64"), categories=[1, 2, 3, 4, 5],
                                     ordered=True)
    scales = dictionary.groupby("scale", sort=False)["variable"].apply(list).to_dict()
    print(f"survey: {args.rows:,} rows x {args.items} items, {len(scales)} scales"
          f"{' (categorical)' if args.categorical else ''}\n")

    _, t_score = timed("score_scales (all scales)", score_scales, data, dictionary)
    _, t_table = timed("reliability_table (all scales, with items)", reliability_table,
                       data, dictionary)

    def ours_alpha_only():
        for s, items in scales.items():
            reliability(data, items, reverse=[items[-1]], item_range=(1, 5))
    _, t_rel = timed("reliability() per scale", ours_alpha_only)

    numeric = data.astype(float) if args.categorical else data

    def pingouin_alpha():
        for s, items in scales.items():
            x = numeric[items].copy()
            x[items[-1]] = 6 - x[items[-1]]
            pingouin.cronbach_alpha(x, nan_policy="pairwise")
    _, t_pg = timed("pingouin.cronbach_alpha per scale (pairwise)", pingouin_alpha)

    print(f"\nratio reliability()/pingouin:               {t_rel / t_pg:6.2f}")
    print(f"ratio reliability_table/pingouin:           {t_table / t_pg:6.2f}")
    print(f"ratio (score_scales + reliability_table)/pingouin: {(t_score + t_table) / t_pg:6.2f}")


if __name__ == "__main__":
    main()
