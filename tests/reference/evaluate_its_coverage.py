"""Coverage of its() 95% intervals by simulation: se='hac' (Newey-West) vs se='ar1' (REML AR(1)).

Run from the repository root:  .venv/bin/python tests/reference/evaluate_its_coverage.py [reps]
Writes tests/reference/evaluate_its_coverage.csv (numbers quoted in the its() docstring).
Series of 48 months, intervention at month 25 (as the demo study's incident series).
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit.evaluate.its import its

N, T0 = 48, 24
PER = pd.period_range("2021-01", periods=N, freq="M")
t = np.arange(N)
post = (t >= T0).astype(float)
tsince = post * (t - T0)


def ar1(rng, rho, sd):
    """Stationary AR(1) with marginal sd."""
    e = rng.normal(0, sd * np.sqrt(1 - rho**2), N)
    u = np.empty(N)
    u[0] = rng.normal(0, sd)
    for i in range(1, N):
        u[i] = rho * u[i - 1] + e[i]
    return u


def gaussian(rho):
    truth = {"level_change": -5.0, "slope_change": 0.3}

    def draw(rng):
        return 50 + 0.2 * t + truth["level_change"] * post + truth["slope_change"] * tsince + ar1(rng, rho, 3.0)

    return draw, truth, {}


def counts(rho, *, demo_like):
    """Poisson counts with a log-normal AR(1) latent (rho, sd 0.08), or (demo_like) the demo's
    generator: 8 forces, each Poisson with a gamma(30) month multiplier, seasonal cosine."""
    truth = {"level_change": np.log(1.6), "slope_change": np.log(1.015)}
    eta = np.log(0.9 * 32) + np.log(1.004) * t + truth["level_change"] * post + truth["slope_change"] * tsince
    season = 1 + 0.15 * np.cos(2 * np.pi * t / 12)

    def draw(rng):
        if demo_like:
            lam = np.exp(eta) * season / 8
            return rng.poisson(lam[None, :] * rng.gamma(30, 1 / 30, (8, N))).sum(axis=0)
        return rng.poisson(np.exp(eta + ar1(rng, rho, 0.08)))

    kw = {"seasonality": "fourier", "k": 1} if demo_like else {}
    return draw, truth, kw


SCENARIOS = {
    "gaussian, AR(1) rho=0": (gaussian(0.0), "gaussian"),
    "gaussian, AR(1) rho=0.4": (gaussian(0.4), "gaussian"),
    "gaussian, AR(1) rho=0.7": (gaussian(0.7), "gaussian"),
    "poisson, independent": (counts(0.0, demo_like=False), "poisson"),
    "poisson, latent AR(1) rho=0.4": (counts(0.4, demo_like=False), "poisson"),
    "negbin, demo generator": (counts(0.0, demo_like=True), "negbin"),
}


def coverage(name, reps, seed=20240301):
    (draw, truth, kw), family = SCENARIOS[name]
    rng = np.random.default_rng(seed)
    hits = {(se, term): 0 for se in ("hac", "ar1") for term in truth}
    for _ in range(reps):
        d = pd.DataFrame({"month": PER, "y": draw(rng)})
        for se in ("hac", "ar1"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                r = its(d, outcome="y", time="month", intervention="2023-01", family=family, se=se, **kw).set_index(
                    "term"
                )
            for term, val in truth.items():
                hits[(se, term)] += bool(r.loc[term, "ci_low"] <= val <= r.loc[term, "ci_high"])
    return [
        {"scenario": name, "family": family, "se": se, "term": term, "coverage": h / reps, "reps": reps}
        for (se, term), h in hits.items()
    ]


if __name__ == "__main__":
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    rows = [row for name in SCENARIOS for row in coverage(name, reps)]
    out = pd.DataFrame(rows)
    print(out.pivot_table(index=["scenario", "term"], columns="se", values="coverage").round(3))
    out.to_csv(Path(__file__).with_suffix(".csv"), index=False)
