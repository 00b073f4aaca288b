"""Interrupted time series against R (lm / glm / MASS::glm.nb + sandwich) and simulations."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from toolkit.errors import ColumnNotFoundError, DesignError, ParameterError
from toolkit.evaluate.its import its, its_plot

REF = Path(__file__).parent / "reference"


@pytest.fixture(scope="module")
def sicily():
    d = pd.read_csv(REF / "data" / "evaluate_sicily.csv")
    d["month_p"] = pd.PeriodIndex.from_fields(year=d["year"], month=d["month"], freq="M")
    d["rate"] = d["aces"] / d["stdpop"] * 1e5
    return d


@pytest.fixture(scope="module")
def coef():
    return pd.read_csv(REF / "evaluate_its_coef.csv")


@pytest.mark.parametrize(
    "model, outcome, kwargs",
    [
        ("gaussian", "rate", {}),
        ("poisson", "aces", {"family": "poisson", "offset": "stdpop"}),
        ("poisson_fourier", "aces", {"family": "poisson", "offset": "stdpop", "seasonality": "fourier", "k": 2}),
        ("negbin_fourier", "aces", {"family": "negbin", "offset": "stdpop", "seasonality": "fourier", "k": 2}),
        ("poisson_month", "aces", {"family": "poisson", "offset": "stdpop", "seasonality": "month"}),
    ],
)
def test_sicily_matches_r(sicily, coef, model, outcome, kwargs):
    """Sicily smoking ban (Lopez Bernal et al. 2017 tutorial data). R:
    glm(aces ~ t + post + tsince [+ harmonics] + offset(log(stdpop)), family = poisson) (or lm,
    MASS::glm.nb), sandwich::NeweyWest(fit, lag = 3, prewhite = FALSE, adjust = FALSE)."""
    ref = coef[coef["model"] == model].set_index("term")
    res = its(sicily, outcome, time="month_p", intervention="2005-01", small_sample=False, **kwargs).set_index("term")
    adj = its(sicily, outcome, time="month_p", intervention="2005-01", **kwargs)
    n, k = len(sicily), 4 + 2 * kwargs.get("k", 0) + (11 if kwargs.get("seasonality") == "month" else 0)
    assert_allclose(adj["se"].to_numpy(), res["se"].to_numpy() * np.sqrt(n / (n - k)), rtol=1e-12)  # adjust = TRUE
    tol = 2e-5 if model.startswith("negbin") else 1e-7  # glm.nb stops its theta alternation early
    assert_allclose(res.loc[ref.index, "estimate"], ref["estimate"], rtol=0, atol=tol)
    assert_allclose(res.loc[ref.index, "se"], ref["se"], rtol=0, atol=tol)


def test_sicily_published_rate_ratio(sicily):
    """Lopez Bernal, Cummins & Gasparrini (2017): the ban cut acute coronary events by about 11%
    (Poisson level change with seasonal adjustment, rate ratio about 0.88-0.89). Our model adds
    a slope change, so we check the rounded published value only."""
    res = its(sicily, "aces", time="month_p", intervention="2005-01", family="poisson", offset="stdpop",
              seasonality="fourier").set_index("term")
    assert 0.86 < res.loc["level_change", "ratio"] < 0.90
    assert res.loc["level_change", "ratio_ci_high"] < 1


def test_diagnostics_match_r(sicily):
    """R: Durbin-Watson sum(diff(e)^2)/sum(e^2) and Box.test(e, lag = 12, type = "Ljung-Box")
    on Pearson residuals."""
    ref = pd.read_csv(REF / "evaluate_its_diag.csv").set_index("model")
    for model, kw, outcome in (("gaussian", {}, "rate"),
                               ("poisson_fourier", {"family": "poisson", "offset": "stdpop", "seasonality": "fourier"}, "aces")):
        d = its(sicily, outcome, time="month_p", intervention="2005-01", **kw).attrs["diagnostics"]
        for key in ("durbin_watson", "ljung_box_stat", "ljung_box_p"):
            assert_allclose(d[key], ref.loc[model, key], rtol=0, atol=1e-8)
        assert d["hac_lags"] == 3


def test_controlled_its_matches_r_seatbelts():
    """datasets::Seatbelts, front (law of Feb 1983) vs rear seat passengers killed. R: stacked
    glm(y ~ t + post + tsince + x + x:t + x:post + x:tsince, poisson), sandwich::vcovPL(fit,
    cluster = ~series, order.by = ~t, lag = 4, adjust = FALSE, prewhite = FALSE)."""
    sb = pd.read_csv(REF / "data" / "evaluate_seatbelts.csv")
    per = pd.period_range("1969-01", periods=len(sb), freq="M")
    long = pd.concat([
        pd.DataFrame({"month": per, "killed": sb["front"], "rear": False}),
        pd.DataFrame({"month": per, "killed": sb["rear"], "rear": True}),
    ], ignore_index=True)
    res = its(long, "killed", time="month", intervention="1983-02", family="poisson", comparison="rear",
              small_sample=False).set_index("term")
    ref = pd.read_csv(REF / "evaluate_its_coef.csv").query("model == 'cits_poisson'").set_index("term")
    assert_allclose(res.loc[ref.index, "estimate"], ref["estimate"], rtol=0, atol=1e-7)
    assert_allclose(res.loc[ref.index, "se"], ref["se"], rtol=0, atol=1e-7)
    fig = its_plot(its(long, "killed", time="month", intervention="1983-02", family="poisson", comparison="rear"))
    assert fig.axes[0].get_legend() is not None


def test_recovers_truth_and_covers():
    """200 simulated monthly Poisson series (48 months, launch at month 25, level RR 1.5, slope
    RR 1.01/month, AR-free): estimates unbiased on the log scale (within 3 Monte Carlo se);
    Newey-West 95% CIs with the n/(n-k) factor and t quantiles cover (measured: see report)."""
    rng = np.random.default_rng(7)
    per = pd.period_range("2021-01", periods=48, freq="M")
    t = np.arange(48)
    post = t >= 24
    mu = 40 * np.exp(0.005 * t + np.log(1.5) * post + np.log(1.01) * post * (t - 24))
    hits_l = hits_s = 0
    est = []
    for _ in range(200):
        d = pd.DataFrame({"month": per, "n": rng.poisson(mu)})
        r = its(d, "n", time="month", intervention="2023-01", family="poisson").set_index("term")
        est.append(r.loc["level_change", "estimate"])
        hits_l += r.loc["level_change", "ci_low"] <= np.log(1.5) <= r.loc["level_change", "ci_high"]
        hits_s += r.loc["slope_change", "ci_low"] <= np.log(1.01) <= r.loc["slope_change", "ci_high"]
    mc_se = np.std(est) / np.sqrt(len(est))
    assert abs(np.mean(est) - np.log(1.5)) < 3 * mc_se
    assert 0.88 <= hits_l / 200 <= 0.99, hits_l
    assert 0.88 <= hits_s / 200 <= 0.99, hits_s


def _series():
    return pd.DataFrame({"month": pd.period_range("2022-01", periods=24, freq="M"), "n": np.arange(24) + 10})


@pytest.mark.parametrize(
    "change, kwargs, error, match",
    [
        (lambda d: d.assign(month=d["month"].astype(str)), {}, DesignError, "dates or periods"),
        (lambda d: d.assign(month=np.arange(24)), {}, DesignError, "dates or periods"),
        (lambda d: d.drop(index=[5, 6]), {}, DesignError, "Unequal spacing"),
        (lambda d: pd.concat([d, d.iloc[[3]]]), {}, DesignError, "more than once"),
        (lambda d: d, {"intervention": "2023-11"}, DesignError, "at least 3"),
        (lambda d: d.assign(n=d["n"] + 0.5), {"family": "poisson"}, DesignError, "counts"),
        (lambda d: d.assign(n=np.nan), {}, DesignError, "missing"),
        (lambda d: d, {"family": "binomial"}, ParameterError, "family"),
        (lambda d: d, {"seasonality": "weekly"}, ParameterError, "seasonality"),
        (lambda d: d.assign(staff=100), {"offset": "staff"}, ParameterError, "count families"),
        (lambda d: d, {"outcome": "count"}, ColumnNotFoundError, "count"),
    ],
)
def test_its_errors(change, kwargs, error, match):
    args = {"outcome": "n", "time": "month", "intervention": "2023-01"} | kwargs
    outcome = args.pop("outcome")
    with pytest.raises(error, match=match):
        its(change(_series()), outcome, **args)


@pytest.mark.parametrize(
    "change, error, match",
    [
        (lambda r: None, ParameterError, "must be the DataFrame returned by its"),
        (lambda r: r.drop(columns="estimate"), ColumnNotFoundError, r"lacks column\(s\) \['estimate'\]"),
        (lambda r: r.iloc[0:0], ParameterError, r"empty \(0 rows\)"),
    ],
)
def test_its_plot_errors(change, error, match):
    res = its(_series(), "n", time="month", intervention="2023-01")
    with pytest.raises(error, match=match):
        its_plot(change(res))
