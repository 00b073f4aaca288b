"""Tests of toolkit.survey.compare.compare_groups against R (tests/reference/survey_compare.R)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from toolkit.errors import (
    ColumnNotFoundError,
    DataValidationError,
    DesignError,
    ParameterError,
)
from toolkit.survey import compare_groups

REF = Path(__file__).parent / "reference"
COLS = ["statistic", "df", "df2", "p", "effect_size"]


@pytest.fixture(scope="module")
def api():
    return pd.read_csv(REF / "data" / "survey_apistrat.csv")


@pytest.fixture(scope="module")
def ref():
    return pd.read_csv(REF / "survey_compare.csv")


def _check(got, ref, test, dvs, weighted, between="stype"):
    r = ref[(ref["test"] == test) & (ref["weighted"] == weighted) & (ref["between"] == between)]
    r = r.set_index("dv").loc[dvs]
    g = got.set_index("outcome").loc[dvs]
    assert_allclose(g[COLS].to_numpy(float), r[COLS].to_numpy(float), rtol=1e-8, atol=1e-10)


def test_chi_square_and_cramers_v_match_r(api, ref):
    """R: chisq.test(table(dv, stype), correct = FALSE); V = sqrt(X2 / (n (min(r, c) - 1)))."""
    got = compare_groups(api, ["awards", "yr_rnd"], by="stype")
    assert (got["test"] == "chi2").all()
    _check(got, ref, "chisq", ["awards", "yr_rnd"], False)


def test_rao_scott_matches_r_svychisq(api, ref):
    """R: svychisq(~dv + stype, svydesign(ids=~1, weights=~pw, data=apistrat)) (statistic "F");
    Cramer's V from chisq.test(svytable(~dv + stype, des, Ntotal = n))."""
    got = compare_groups(api, ["awards", "yr_rnd"], by="stype", weight="pw")
    assert (got["test"] == "rao_scott_f").all()
    _check(got, ref, "rao_scott_F", ["awards", "yr_rnd"], True)


def test_weighted_wald_f_matches_r_regtermtest(api, ref):
    """R: regTermTest(svyglm(dv ~ stype, des), ~stype); eta-squared = summary(lm(dv ~ stype,
    weights = pw))$r.squared."""
    got = compare_groups(api, ["api00", "ell", "meals"], by="stype", weight="pw")
    assert (got["test"] == "wald_f").all()
    _check(got, ref, "wald_F", ["api00", "ell", "meals"], True)


def test_kruskal_and_welch_anova_match_r(api, ref):
    """R: kruskal.test(dv, stype), epsilon2 = H / (n - 1); oneway.test(dv ~ stype,
    var.equal = FALSE) with eta2 from summary(aov(dv ~ stype))."""
    dvs = ["api00", "ell", "meals"]
    kw = compare_groups(api, dvs, by="stype", measure="ordinal")
    _check(kw, ref, "kruskal", dvs, False)
    wa = compare_groups(api, dvs, by="stype")
    assert (wa["test"] == "welch_anova").all()
    _check(wa, ref, "welch_anova", dvs, False)


def test_multiplicity_correction_matches_r_p_adjust(api, ref):
    """R: p.adjust(p, "holm") and p.adjust(p, "BH") over the three Kruskal-Wallis tests."""
    dvs = ["api00", "ell", "meals"]
    r = ref[(ref["test"] == "kruskal") & ~ref["weighted"]].set_index("dv").loc[dvs]
    holm = compare_groups(api, dvs, by="stype", measure="ordinal")
    bh = compare_groups(api, dvs, by="stype", measure="ordinal", correction="fdr_bh")
    assert_allclose(holm["p_adj"], r["p_holm"], rtol=1e-10)
    assert_allclose(bh["p_adj"], r["p_bh"], rtol=1e-10)
    assert holm.attrs["correction"] == "holm"


def test_two_group_tests_match_r(api, ref):
    """R: wilcox.test(x, y, exact = FALSE, correct = TRUE) with r = 2W/(n1 n2) - 1;
    t.test(x, y) with Hedges' g (pooled SD, J = 1 - 3/(4(n1+n2)-9)); x = high, y = middle schools."""
    hm = api[api["stype"].isin(["H", "M"])]
    dvs = ["api00", "ell", "meals"]
    mw = compare_groups(hm, dvs, by="stype", measure="ordinal")
    assert (mw["test"] == "mann_whitney").all()
    _check(mw, ref, "mann_whitney", dvs, False, between="stype_HM")
    wt = compare_groups(hm, dvs, by="stype")
    _check(wt, ref, "welch_t", dvs, False, between="stype_HM")


def test_test_chosen_by_read_survey_dtypes():
    rng = np.random.default_rng(5)
    n = 90
    df = pd.DataFrame(
        {
            "role": pd.Categorical(rng.choice([1, 2, 3], n)),
            "harm_abuse": pd.array(rng.integers(0, 2, n), dtype="Int64"),
            "rec_serious": pd.Categorical(rng.integers(1, 6, n), categories=[1, 2, 3, 4, 5], ordered=True),
            "gender": pd.Categorical(rng.choice([1, 2], n)),
            "score": rng.normal(3, 1, n),
        }
    )
    res = compare_groups(df, ["harm_abuse", "rec_serious", "gender", "score"], by="role")
    assert res["test"].tolist() == ["chi2", "kruskal", "chi2", "welch_anova"]
    assert list(res.columns) == [
        "outcome",
        "by",
        "test",
        "statistic",
        "df",
        "df2",
        "p",
        "p_adj",
        "effect_size",
        "effect_size_type",
        "n",
        "n_groups",
        "method",
    ]
    assert (res["p_adj"] >= res["p"]).all() and res["n_groups"].eq(3).all()


@pytest.mark.slow
def test_rao_scott_p_values_are_calibrated_under_independence():
    """Under independence with unequal weights, the Rao-Scott F rejects about 5% of
    200 simulated samples at alpha = 0.05 (a plain chi-square on weighted counts would not)."""
    rng = np.random.default_rng(11)
    rej = 0
    for _ in range(200):
        n = 300
        df = pd.DataFrame({"y": rng.integers(0, 3, n), "g": rng.integers(0, 2, n), "w": rng.lognormal(0, 0.8, n)})
        df["y"] = df["y"].astype(str)
        rej += compare_groups(df, "y", by="g", weight="w", measure="categorical")["p"].iloc[0] < 0.05
    assert 0.02 <= rej / 200 <= 0.09


@pytest.mark.parametrize(
    "data, args, kwargs, error, match",
    [
        ({"y": [1, 2], "g": [1, 2]}, ("nope", "g"), {}, ColumnNotFoundError, "nope"),
        ({"y": [1, 2], "g": [1, 2]}, ("y", "g"), {"measure": "interval"}, ParameterError, "measure"),
        ({"y": [1, 2], "g": [1, 2]}, ("y", "g"), {"correction": "fdr"}, ParameterError, "correction"),
        ({"y": [1, 2, 3, 4], "g": [1, 1, 1, 1]}, ("y", "g"), {}, DesignError, "at least two groups"),
        ({"y": [1.0, 2, 3, 4, 5], "g": [1, 1, 1, 1, 2]}, ("y", "g"), {}, DesignError, "fewer than 2"),
        (
            {"y": [np.nan] * 4, "g": [1, 1, 2, 2]},
            ("y", "g"),
            {"measure": "numeric"},
            DataValidationError,
            "all missing",
        ),
        ({"y": [1.0, np.nan, 3, np.nan], "g": [np.nan, 1, np.nan, 2]}, ("y", "g"), {}, DesignError, "all missing"),
        (
            {"y": ["a", "b", "a", "b"], "g": [1, 1, 2, 2]},
            ("y", "g"),
            {"measure": "ordinal"},
            DataValidationError,
            "text",
        ),
        ({"y": ["a", "a", "a", "a"], "g": [1, 1, 2, 2]}, ("y", "g"), {}, DesignError, "single value"),
        ({"y": [1, 2], "g": [1, 2]}, ("y", "y"), {}, ParameterError, "both"),
        ({"y": [1, 2], "g": [1, 2], "w": ["a", "b"]}, ("y", "g"), {"weight": "w"}, DataValidationError, "not numeric"),
    ],
)
def test_errors(data, args, kwargs, error, match):
    with pytest.raises(error, match=match):
        compare_groups(pd.DataFrame(data), args[0], by=args[1], **kwargs)


def test_numbers_stored_as_text_are_refused_not_tabulated():
    """A score read as text ('1'..'30') used to become a 30-level chi-square (29 df)."""
    rng = np.random.default_rng(2)
    df = pd.DataFrame({"score": rng.integers(1, 31, 200).astype(str), "g": rng.integers(0, 2, 200)})
    with pytest.raises(DataValidationError, match=r"'score' holds numbers stored as text.*pd.to_numeric"):
        compare_groups(df, "score", by="g")
    # said explicitly, codes stored as text are categories
    assert compare_groups(df, "score", by="g", measure="categorical")["df"].iloc[0] == 29
    # converted, it is a score
    df["score"] = pd.to_numeric(df["score"])
    assert compare_groups(df, "score", by="g")["test"].iloc[0] == "welch_t"


def test_hedges_g_uses_the_exact_correction_of_pre_post():
    """g = d * J with J = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)), m = n1 + n2 - 2 (Hedges 1981);
    for n1 = n2 = 5, J(8) = 0.9027 (Hedges & Olkin 1985, Table 2), where the approximation
    1 - 3 / (4 (n1 + n2) - 9) gives 0.9032."""
    df = pd.DataFrame({"y": [1.0, 2, 3, 4, 5, 2, 3, 4, 5, 7], "g": [1] * 5 + [2] * 5})
    res = compare_groups(df, "y", by="g").iloc[0]
    a, b = df["y"][:5], df["y"][5:]
    d = (a.mean() - b.mean()) / np.sqrt((a.var() + b.var()) / 2)
    assert_allclose(res["effect_size"] / d, 0.9027, atol=5e-5)
