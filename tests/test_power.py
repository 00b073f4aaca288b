"""Tests of toolkit.evaluate.power (power, mdes, sample_size).

References: ``tests/reference/evaluate_power.R`` (R 4.2 ``stats::power.t.test``,
``strict = TRUE``, ``tol = 1e-10``) and Cohen (1992, Table 2).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose
from scipy import stats

from toolkit.errors import ParameterError
from toolkit.evaluate import mdes, power, power_proportions, sample_size

REF = pd.read_csv(Path(__file__).parent / "reference" / "evaluate_power.csv")


def _kw(row):
    kw = {"design": row["design"], "alpha": row["alpha"], "alternative": row["alternative"]}
    if not np.isnan(row["correlation"]):
        kw["correlation"] = row["correlation"]
    if not np.isnan(row["cluster_size"]):
        kw.update(cluster_size=row["cluster_size"], icc=row["icc"])
    return kw


@pytest.mark.parametrize("i", list(REF.index[REF["solve"] == "power"]))
def test_power_matches_power_t_test(i):
    """R: power.t.test(n, delta, sd, type, alternative, strict = TRUE)$power; paired with
    correlation r uses sd = sqrt(2 (1 - r)); cluster uses sd = sqrt((1 + (m - 1) icc) / m)."""
    row = REF.loc[i]
    res = power(effect_size=row["effect_size"], n=int(row["n"]), **_kw(row))
    assert_allclose(res["power"].iloc[0], row["power"], rtol=0, atol=1e-8)


@pytest.mark.parametrize("i", list(REF.index[REF["solve"] == "n"]))
def test_sample_size_matches_power_t_test(i):
    """R: power.t.test(n = NULL, delta, power, ..., strict = TRUE, tol = 1e-10)$n."""
    row = REF.loc[i]
    res = sample_size(effect_size=row["effect_size"], power=row["power"], **_kw(row))
    assert_allclose(res["n_exact"].iloc[0], row["n"], rtol=0, atol=1e-5)
    assert res["n"].iloc[0] == math.ceil(row["n"])
    assert res["power"].iloc[0] >= row["power"]


@pytest.mark.parametrize("i", list(REF.index[REF["solve"] == "delta"]))
def test_mdes_matches_power_t_test(i):
    """R: power.t.test(n, delta = NULL, power, ..., strict = TRUE, tol = 1e-10)$delta."""
    row = REF.loc[i]
    res = mdes(n=int(row["n"]), power=row["power"], **_kw(row))
    assert_allclose(res["effect_size"].iloc[0], row["effect_size"], rtol=0, atol=1e-6)


@pytest.mark.parametrize(
    "alpha,d,cohen_n",
    [
        (0.05, 0.2, 393),
        (0.05, 0.5, 64),
        (0.05, 0.8, 26),
        (0.01, 0.2, 586),
        (0.01, 0.5, 95),
        (0.01, 0.8, 38),
        (0.10, 0.2, 310),
        (0.10, 0.5, 50),
        (0.10, 0.8, 20),
    ],
)
def test_sample_size_matches_cohen_1992_table_2(alpha, d, cohen_n):
    """Cohen, J. (1992). A power primer. Psychological Bulletin 112(1), 155-159, Table 2:
    n per group for a two-sample t-test, power 0.80, two-sided alpha. Cohen's tables use an
    approximation, so agreement within one respondent is expected (e.g. 393.4 -> 394 vs 393)."""
    res = sample_size(effect_size=d, power=0.8, alpha=alpha)
    assert abs(res["n"].iloc[0] - cohen_n) <= 1


def test_cluster_design_effect_and_icc_zero_equals_independent():
    """With icc = 0 a cluster design of n forces x m officers has the power of an
    independent design with n*m per group (design effect 1 + (m - 1) * icc = 1), apart
    from the df (2n - 2 on cluster means): checked with many clusters."""
    res = power(effect_size=0.2, n=200, design="cluster", cluster_size=5, icc=0.0)
    ind = power(effect_size=0.2, n=1000)
    assert_allclose(res["power"].iloc[0], ind["power"].iloc[0], atol=2e-3)
    r2 = power(effect_size=0.2, n=10, design="cluster", cluster_size=21, icc=0.05)
    assert r2["design_effect"].iloc[0] == pytest.approx(2.0)
    assert r2["n_total"].iloc[0] == 420


def test_simulated_power_agrees():
    """Monte Carlo: share of significant Welch-free pooled t-tests at d = 0.5, n = 30 per group."""
    rng = np.random.default_rng(11)
    reps = 2000
    x = rng.normal(0, 1, (reps, 30))
    y = rng.normal(0.5, 1, (reps, 30))
    p = stats.ttest_ind(y, x, axis=1).pvalue
    expected = power(effect_size=0.5, n=30)["power"].iloc[0]
    # binomial sd at 2000 reps ~ 0.011
    assert abs(np.mean(p < 0.05) - expected) < 0.035


@pytest.mark.parametrize(
    "call,match",
    [
        (lambda: power(effect_size=0.5, n=20, design="crossover"), "must be one of"),
        (lambda: power(effect_size=0.5, n=20, alpha=5), "between 0 and 1"),
        (lambda: power(effect_size=-0.5, n=20), "positive"),
        (lambda: power(effect_size=0.5, n=1), "at least 2"),
        (lambda: power(effect_size=0.5, n=20, design="cluster"), "cluster_size"),
        (lambda: power(effect_size=0.5, n=20, icc=0.1), "design='cluster' only"),
        (lambda: power(effect_size=0.5, n=20, design="cluster", cluster_size=10, icc=1.5), "icc"),
        (lambda: power(effect_size=0.5, n=20, correlation=0.5), "design='paired' only"),
        (lambda: power(effect_size=0.5, n=20, design="paired", correlation=1), "between -1 and 1"),
        (lambda: mdes(n=20, power=1.2), "'power' parameter"),
        (lambda: sample_size(effect_size=0.5, alternative="greater"), "must be one of"),
    ],
)
def test_bad_input(call, match):
    with pytest.raises(ParameterError, match=match):
        call()


PROP = pd.read_csv(Path(__file__).parent / "reference" / "evaluate_power_prop.csv")


@pytest.mark.parametrize("i", list(PROP.index))
def test_power_proportions_matches_r(i):
    """R (tests/reference/evaluate_power_prop.R): power.prop.test(n, p1, p2, sig.level, alternative,
    strict = TRUE) and pwr::pwr.2p.test's formula with Cohen's h, power and n for power 0.8."""
    row = PROP.loc[i]
    kw = {"p1": row["p1"], "p2": row["p2"], "alpha": row["alpha"], "alternative": row["alternative"]}
    for method in ("pooled", "arcsine"):
        res = power_proportions(n=int(row["n"]), method=method, **kw).iloc[0]
        assert_allclose(res["power"], row[f"power_{method}"], rtol=0, atol=1e-10, err_msg=method)
        assert_allclose(abs(res["effect_size"]), row["h"], rtol=1e-12)
        size = power_proportions(power=0.8, method=method, **kw).iloc[0]
        assert_allclose(size["n_exact"], row[f"n80_{method}"], rtol=1e-7, err_msg=method)
        assert size["n"] == math.ceil(row[f"n80_{method}"]) and size["n_total"] == 2 * size["n"]
        assert size["power"] >= 0.8


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"p1": 0.3, "p2": 0.3, "n": 50}, "no difference"),
        ({"p1": 30, "p2": 0.4, "n": 50}, "'p1' parameter"),
        ({"p1": 0.3, "p2": 1.0, "n": 50}, "'p2' parameter"),
        ({"p1": 0.3, "p2": 0.4}, "exactly one of n="),
        ({"p1": 0.3, "p2": 0.4, "n": 50, "power": 0.8}, "exactly one of n="),
        ({"p1": 0.3, "p2": 0.4, "n": 50, "method": "exact"}, "'method' parameter"),
        ({"p1": 0.3, "p2": 0.4, "power": 1.2}, "'power' parameter"),
    ],
)
def test_power_proportions_bad_input(kwargs, match):
    with pytest.raises(ParameterError, match=match):
        power_proportions(**kwargs)
