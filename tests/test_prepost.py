"""Tests of toolkit.evaluate.prepost (pre_post, attrition).

References: ``tests/reference/evaluate_prepost.R`` (R 4.2, base + MASS) wrote
``evaluate_prepost_*.csv`` from R's own data sets exported to ``tests/reference/data``.
"""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from toolkit.errors import ColumnNotFoundError, DataWarning, DesignError, ParameterError
from toolkit.evaluate import attrition, pre_post

REF = Path(__file__).parent / "reference"
NUM = [
    "n_pre",
    "n_post",
    "mean_pre",
    "mean_post",
    "estimate",
    "se",
    "ci_low",
    "ci_high",
    "statistic",
    "df",
    "p",
    "effect_size",
    "effect_size_ci_low",
    "effect_size_ci_high",
]


def _ref(case, test):
    tab = pd.read_csv(REF / "evaluate_prepost_tests.csv")
    row = tab[(tab["case"] == case) & (tab["test"] == test)]
    assert len(row) == 1
    return row.iloc[0]


def _compare(res, ref):
    for col in NUM:
        want = float(ref[col])
        got = float(res[col].iloc[0])
        if np.isnan(want):
            assert np.isnan(got), col
        else:
            assert_allclose(got, want, rtol=1e-7, atol=1e-6, err_msg=col)


@pytest.fixture(scope="module")
def sleep():
    return pd.read_csv(REF / "data" / "evaluate_sleep.csv")


@pytest.fixture(scope="module")
def tooth():
    return pd.read_csv(REF / "data" / "evaluate_toothgrowth.csv")


@pytest.fixture(scope="module")
def chick():
    return pd.read_csv(REF / "data" / "evaluate_chickweight.csv")


@pytest.fixture(scope="module")
def anorexia_long():
    an = pd.read_csv(REF / "data" / "evaluate_anorexia.csv")
    return an.melt(id_vars=["subject", "Treat"], value_vars=["Prewt", "Postwt"], var_name="wave", value_name="weight")


def test_paired_t_sleep_matches_r(sleep):
    """R: t.test(extra2, extra1, paired = TRUE); d_z CI by uniroot on pt(t, 9, ncp)."""
    res = pre_post(sleep, outcome="extra", time="group", subject="ID")
    assert res["design"].iloc[0] == "paired" and "automatically" in res["method"].iloc[0]
    assert res["effect_size_kind"].iloc[0] == "d_z"
    assert res.attrs["ci"] == 0.95
    _compare(res, _ref("sleep", "t"))


def test_signed_rank_sleep_matches_r(sleep):
    """R: wilcox.test(extra2, extra1, paired = TRUE) (zero and ties: normal approx)."""
    res = pre_post(sleep, outcome="extra", time="group", subject="ID", test="rank")
    _compare(res, _ref("sleep", "rank"))
    assert res["effect_size_kind"].iloc[0] == "rank_biserial"


def test_paired_anorexia_cbt_matches_r(anorexia_long):
    """R: t.test(Postwt, Prewt, paired = TRUE) and wilcox.test(..., paired = TRUE), MASS::anorexia CBT."""
    cbt = anorexia_long[anorexia_long["Treat"] == "CBT"]
    _compare(
        pre_post(cbt, outcome="weight", time="wave", subject="subject", pre="Prewt", post="Postwt"),
        _ref("anorexia_cbt", "t"),
    )
    _compare(
        pre_post(cbt, outcome="weight", time="wave", subject="subject", pre="Prewt", post="Postwt", test="rank"),
        _ref("anorexia_cbt", "rank"),
    )


@pytest.mark.parametrize("equal_var,test", [(False, "welch"), (True, "pooled")])
def test_independent_t_toothgrowth_matches_r(tooth, equal_var, test):
    """R: t.test(len[OJ], len[VC], var.equal = ...); Hedges' g with J * noncentral-t limits."""
    res = pre_post(tooth, outcome="len", time="supp", pre="VC", post="OJ", equal_var=equal_var)
    assert res["design"].iloc[0] == "independent"
    assert res["effect_size_kind"].iloc[0] == "hedges_g"
    _compare(res, _ref("toothgrowth", test))


def test_mann_whitney_toothgrowth_matches_r(tooth):
    """R: wilcox.test(len[OJ], len[VC]) (ties: normal approx); r = 2W/(n1 n2) - 1 = Cliff's delta."""
    res = pre_post(tooth, outcome="len", time="supp", pre="VC", post="OJ", test="rank")
    _compare(res, _ref("toothgrowth", "rank"))


def test_chickweight_paired_drops_unlinked_with_warning(chick):
    """R: paired t.test on the 45 chicks weighed on day 0 and day 21 (5 died before day 21)."""
    with pytest.warns(DataWarning, match="5 row"):
        res = pre_post(chick, outcome="weight", time="Time", subject="Chick", pre=0, post=21)
    _compare(res, _ref("chickweight", "t"))
    assert "excluded" in res.attrs["notes"]


def test_chickweight_unlinked_welch(chick):
    """R: t.test(weight[Time == 21], weight[Time == 0]) treating the waves as unlinked."""
    res = pre_post(chick, outcome="weight", time="Time", pre=0, post=21)
    assert "no subject column" in res["method"].iloc[0]
    _compare(res, _ref("chickweight_unlinked", "welch"))


def test_explicit_independent_with_linked_ids_warns(sleep):
    with pytest.warns(DataWarning, match="treated as independent"):
        res = pre_post(sleep, outcome="extra", time="group", subject="ID", paired=False)
    assert res["design"].iloc[0] == "independent"
    assert "chosen by the user" in res["method"].iloc[0]


def test_exact_rank_paths_match_scipy_reference():
    """No ties: R uses the exact null distributions; checked against published tables via scipy.

    R: wilcox.test(c(1.83,0.50,1.62,2.48,1.68,1.88,1.55,3.06,1.30),
                   c(0.878,0.647,0.598,2.05,1.06,1.29,1.06,3.14,1.29), paired = TRUE)
    gives V = 40, p-value = 0.03906 (Hollander & Wolfe 1973, p. 29; the example of
    ?wilcox.test).
    """
    x = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30]
    y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]
    df = pd.DataFrame({"id": list(range(9)) * 2, "t": ["pre"] * 9 + ["post"] * 9, "y": y + x})
    res = pre_post(df, outcome="y", time="t", subject="id", test="rank")
    assert res["statistic"].iloc[0] == 40
    assert_allclose(res["p"].iloc[0], 0.0390625, atol=1e-7)
    assert "exact" in res["method"].iloc[0]


def test_ordered_categorical_rank():
    cats = pd.CategoricalDtype(["disagree", "neutral", "agree"], ordered=True)
    df = pd.DataFrame(
        {
            "id": list(range(6)) * 2,
            "t": ["pre"] * 6 + ["post"] * 6,
            "conf": pd.Series(
                [
                    "disagree",
                    "neutral",
                    "disagree",
                    "neutral",
                    "agree",
                    "disagree",
                    "agree",
                    "agree",
                    "neutral",
                    "agree",
                    "agree",
                    "neutral",
                ],
                dtype=cats,
            ),
        }
    )
    res = pre_post(df, outcome="conf", time="t", subject="id", test="rank")
    assert res["effect_size"].iloc[0] == 1.0  # every change is upwards


@pytest.mark.slow
def test_simulation_recovers_effect_and_covers():
    """Paired normal data, true mean change 0.5, sd of change 1 (true d_z = 0.5); independent
    samples with true g-population value 0.4. 95% intervals should cover ~95%."""
    rng = np.random.default_rng(20240301)
    reps, n = 300, 30
    cover_mean = cover_dz = cover_g = 0
    est = []
    for _ in range(reps):
        base = rng.normal(50, 5, n)
        after = base + rng.normal(0.5, 1.0, n)
        df = pd.DataFrame(
            {"id": np.tile(np.arange(n), 2), "t": np.repeat([0, 1], n), "y": np.concatenate([base, after])}
        )
        r = pre_post(df, outcome="y", time="t", subject="id").iloc[0]
        est.append(r["estimate"])
        cover_mean += r["ci_low"] <= 0.5 <= r["ci_high"]
        cover_dz += r["effect_size_ci_low"] <= 0.5 <= r["effect_size_ci_high"]
        ind = pd.DataFrame(
            {"t": np.repeat([0, 1], n), "y": np.concatenate([rng.normal(0, 1, n), rng.normal(0.4, 1, n)])}
        )
        g = pre_post(ind, outcome="y", time="t", equal_var=True).iloc[0]
        cover_g += g["effect_size_ci_low"] <= 0.4 <= g["effect_size_ci_high"]
    assert abs(np.mean(est) - 0.5) < 0.03
    # binomial sd of a coverage proportion at 300 reps is about 0.0126: band of ~3 sd
    for c in (cover_mean, cover_dz, cover_g):
        assert 0.91 <= c / reps <= 0.985


def test_attrition_chickweight_matches_r(chick):
    """R: Welch t.test(weight[dropped], weight[retained]); chisq.test(table(dropped, Diet), correct = FALSE);
    SMDs as Austin (2009), computed in tests/reference/evaluate_prepost.R."""
    res, ids = attrition(
        chick, time="Time", subject="Chick", pre=0, post=21, baseline=["weight", "Diet"], return_ids=True
    )
    want_ids = pd.read_csv(REF / "evaluate_prepost_attrition_ids.csv")["dropped"].tolist()
    assert ids.loc[ids["status"] == "dropped", "Chick"].tolist() == want_ids
    assert all(np.isscalar(v) for v in res.attrs.values()), res.attrs
    assert res.attrs["n_dropped"] == 5 and res.attrs["n_pre"] == 50
    # Diet is stored as integers: treat it as categorical explicitly
    chick2 = chick.assign(Diet=chick["Diet"].astype(str))
    res = attrition(chick2, time="Time", subject="Chick", pre=0, post=21, baseline=["weight", "Diet"])
    ref = pd.read_csv(REF / "evaluate_prepost_attrition.csv")
    assert list(res["covariate"]) == list(ref["covariate"])
    for col in ["n_retained", "n_dropped", "mean_retained", "mean_dropped", "smd", "statistic", "df", "p"]:
        assert_allclose(res[col].to_numpy(float), ref[col].to_numpy(float), rtol=1e-7, atol=1e-7, err_msg=col)


def _two_waves():
    return pd.DataFrame(
        {
            "id": [1, 2, 3, 1, 2, 3],
            "wave": ["pre"] * 3 + ["post"] * 3,
            "y": [1.0, 2.0, 3.0, 2.0, 2.5, 4.0],
            "txt": list("abcdef"),
        }
    )


@pytest.mark.parametrize(
    "call,error,match",
    [
        (
            lambda d: pre_post(d[d.wave == "pre"], outcome="y", time="wave", subject="id"),
            DesignError,
            "needs two waves",
        ),
        (
            lambda d: pre_post(pd.concat([d, d.assign(wave="mid")]), outcome="y", time="wave", subject="id"),
            DesignError,
            "say which two to compare",
        ),
        (
            lambda d: pre_post(pd.concat([d, d.iloc[[0]]]), outcome="y", time="wave", subject="id"),
            DesignError,
            "occurs 2 times in wave",
        ),
        (lambda d: pre_post(d, outcome="txt", time="wave", subject="id"), DesignError, "must be numeric"),
        (
            lambda d: pre_post(d.assign(wave=["w1"] * 3 + ["w2"] * 3), outcome="y", time="wave"),
            ParameterError,
            "cannot be inferred",
        ),
        (lambda d: pre_post(d, outcome="y", time="wave", paired=True), ParameterError, "no 'subject'"),
        (lambda d: pre_post(d, outcome="y", time="wave", subject="id", pre="before"), DesignError, "not a value"),
        (lambda d: pre_post(d, outcome="y", time="wave", subject="id", test="anova"), ParameterError, "must be one of"),
        (lambda d: pre_post(d, outcome="y", time="wave", subject="id", ci=95), ParameterError, "between 0 and 1"),
        (lambda d: pre_post(d, outcome="nope", time="wave"), ColumnNotFoundError, "not found"),
        (
            lambda d: pre_post(d.assign(id=[1, 2, 3, 4, 5, 6]), outcome="y", time="wave", subject="id", paired=True),
            DesignError,
            "only 0 id",
        ),
        (
            lambda d: pre_post(d, outcome="y", time="wave", subject="id", effect_size="g"),
            ParameterError,
            "must be one of",
        ),
        (lambda d: pre_post(d.values, outcome="y", time="wave"), ParameterError, "DataFrame"),
        (lambda d: attrition(d, time="wave", subject="id", baseline=["age"]), ColumnNotFoundError, "age"),
        (lambda d: attrition(pd.concat([d, d.iloc[[4]]]), time="wave", subject="id"), DesignError, "occurs 2"),
    ],
)
def test_bad_input(call, error, match):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(error, match=match):
            call(_two_waves())


@pytest.mark.parametrize("t,df", [(6.53459, 19), (30.0, 40), (-12.0, 9), (50.0, 400)])
def test_noncentral_limits_far_tails(t, df):
    """Large t, where R's pt(ncp) loses precision (MBESS warns above ncp 37.62): the limits must
    solve P(T <= t | ncp) = 0.975 / 0.025 and, for large df, be close to the normal
    approximation t -/+ 1.96 sqrt(1 + t^2 / (2 df)) (Hedges & Olkin 1985, eq. 5.14)."""
    from scipy import stats

    from toolkit.evaluate._effects import nct_limits

    lo, hi = nct_limits(t, df)
    assert_allclose(stats.nct.cdf(t, df, lo), 0.975, atol=1e-8)
    assert_allclose(stats.nct.cdf(t, df, hi), 0.025, atol=1e-8)
    if df >= 400:
        half = 1.959964 * np.sqrt(1 + t**2 / (2 * df))
        assert_allclose([lo, hi], [t - half, t + half], atol=0.1)


def _movies():
    """Lakens (2013, Table 1): ten people rate two movies (1-10)."""
    m1 = [9, 7, 8, 9, 8, 9, 9, 10, 9, 9]
    m2 = [9, 6, 7, 8, 7, 9, 8, 8, 8, 7]
    return pd.DataFrame({"id": list(range(10)) * 2, "movie": [2] * 10 + [1] * 10, "rating": m1 + m2})


@pytest.mark.parametrize("kind, published", [("d_z", 1.50), ("d_av", 1.13), ("g_av", 1.08)])
def test_paired_d_av_g_av_match_lakens_2013(kind, published):
    """Lakens, D. (2013). Calculating and reporting effect sizes to facilitate cumulative science.
    Front. Psychol. 4:863, worked within-subjects example (Table 1, movie 1 M = 8.7, SD = 0.82,
    movie 2 M = 7.7, SD = 0.95): t(9) = 4.74, Cohen's d_z = 1.50, d_av = 1.13, Hedges' g_av = 1.08.
    Movie 2 is coded as the 'before' wave so that the change is positive."""
    res = pre_post(_movies(), outcome="rating", time="movie", subject="id", effect_size=kind)
    assert res.loc[0, "effect_size_kind"] == kind
    assert round(res.loc[0, "effect_size"], 2) == published
    assert round(res.loc[0, "statistic"], 2) == 4.74
    if kind != "d_z":
        assert np.isnan(res.loc[0, "effect_size_ci_low"]) and np.isnan(res.loc[0, "effect_size_ci_high"])
    # the exact definitions behind the rounded values
    m1, m2 = np.array(_movies()["rating"][:10], float), np.array(_movies()["rating"][10:], float)
    d_av = (m1 - m2).mean() / ((m1.std(ddof=1) + m2.std(ddof=1)) / 2)
    expected = {
        "d_z": (m1 - m2).mean() / (m1 - m2).std(ddof=1),
        "d_av": d_av,
        "g_av": d_av * math.exp(math.lgamma(9) - math.lgamma(8.5)) / math.sqrt(9),
    }[kind]
    assert_allclose(res.loc[0, "effect_size"], expected, rtol=1e-12)


def test_paired_constant_differences_is_a_clear_error():
    """Issue 11: constant differences gave NaN with no message."""
    df = pd.DataFrame({"id": [1, 2, 3, 1, 2, 3], "wave": ["pre"] * 3 + ["post"] * 3, "y": [1, 2, 3, 2, 3, 4]})
    with pytest.raises(DesignError, match="changed by exactly 1"):
        pre_post(df, outcome="y", time="wave", subject="id")
