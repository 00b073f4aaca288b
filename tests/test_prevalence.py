"""Tests of toolkit.survey.prevalence (prevalence, mean_by) against R and simulation."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from toolkit.errors import (
    ColumnNotFoundError,
    DataValidationError,
    DataWarning,
    DesignError,
    ParameterError,
)
from toolkit.survey import mean_by, prevalence

REF = Path(__file__).parent / "reference"
NUM = ["estimate", "se", "ci_low", "ci_high"]


@pytest.fixture(scope="module")
def api():
    d = pd.read_csv(REF / "data" / "survey_apistrat.csv")
    d["awards_na"] = d["awards01"].where(d["snum"] % 7 != 0)
    return d


def _ordered(table, ref):
    return table.set_index("group").loc[ref["group"]].reset_index()


@pytest.mark.parametrize("level", [0.95, 0.90])
def test_unweighted_wilson_matches_r_prop_test(api, level):
    """R: prop.test(sum(y), length(y), correct = FALSE, conf.level = level)$conf.int, overall
    and by stype (tests/reference/survey_prevalence.R)."""
    ref = pd.read_csv(REF / "survey_prevalence_unweighted.csv")
    ref = ref[ref["ci_level"] == level]
    # the R overall row uses all 200 schools; stype rows use each type
    got = pd.concat([prevalence(api, "awards01", ci=level), prevalence(api, "awards01", by="stype", ci=level)])
    got = _ordered(got, ref)
    assert_allclose(got[NUM], ref[NUM], rtol=0, atol=1e-10)
    assert (got["n"].to_numpy() == ref["n"].to_numpy()).all()
    assert prevalence(api, "awards01", ci=level).attrs["ci"] == level


@pytest.mark.parametrize("outcome", ["awards01", "awards_na"])
@pytest.mark.parametrize("level", [0.95, 0.90])
def test_weighted_matches_r_svyby_and_svyciprop_logit(api, outcome, level):
    """R: svyby(~y, ~stype, svydesign(ids=~1, weights=~pw, data=apistrat), svymean) for se;
    svyby(~y, ~stype, des, svyciprop, vartype="ci", method="logit", level=level) for the
    interval; svymean / svyciprop for the overall row. awards_na has 33 missing answers."""
    ref = pd.read_csv(REF / "survey_prevalence_weighted.csv")
    ref = ref[(ref["ci_level"] == level) & (ref["outcome"] == outcome)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        got = pd.concat(
            [
                prevalence(api, outcome, weight="pw", ci=level),
                prevalence(api, outcome, by="stype", weight="pw", ci=level),
            ]
        )
    got = _ordered(got, ref)
    assert_allclose(got[NUM], ref[NUM], rtol=0, atol=1e-8)
    assert_allclose(got["n_weighted"], ref["n_weighted"], rtol=1e-6)
    assert (got["n"].to_numpy() == ref["n"].to_numpy()).all()


def test_mean_by_matches_r_t_test_and_svymean(api):
    """R: t.test(api00[stype == g])$conf.int (unweighted); svymean(~api00, subset(des,
    stype == g)) with confint(m, df = degf(subset)) (weighted)."""
    ref = pd.read_csv(REF / "survey_mean_by.csv")
    for weighted, w in ((False, None), (True, "pw")):
        r = ref[ref["weighted"] == weighted]
        got = pd.concat([mean_by(api, "api00", weight=w), mean_by(api, "api00", by="stype", weight=w)])
        got = _ordered(got, r)
        assert_allclose(got[NUM], r[NUM], rtol=0, atol=1e-8)


def test_output_shape_and_types(api):
    res = prevalence(api, ["awards01", "sch_wide01"], by=["stype", "yr_rnd"], weight="pw")
    assert list(res.columns) == [
        "outcome",
        "by",
        "group",
        "estimate",
        "se",
        "ci_low",
        "ci_high",
        "n",
        "n_events",
        "n_weighted",
        "method",
        "suppress",
    ]
    assert set(res["outcome"]) == {"awards01", "sch_wide01"}
    assert res["by"].iloc[0] == "stype / yr_rnd" and "E / No" in set(res["group"])
    assert res["estimate"].dtype == float and res["suppress"].dtype == bool
    small = res["n"] < 10
    assert small.any() and (res["suppress"] == small).all()


def test_accepts_read_survey_dtypes():
    """Nullable Int64 outcome, Categorical 0/1 outcome and Categorical group give the same numbers."""
    rng = np.random.default_rng(3)
    y = rng.integers(0, 2, 60)
    role = rng.choice([1, 2, 3], 60)
    plain = pd.DataFrame({"y": y, "role": role})
    typed = pd.DataFrame({"y": pd.array(y, dtype="Int64"), "role": pd.Categorical(role, categories=[3, 2, 1, 4])})
    cat = pd.DataFrame({"y": pd.Categorical(y), "role": role})
    boolean = pd.DataFrame({"y": y.astype(bool), "role": role})
    a = prevalence(plain, "y", by="role").set_index("group")
    with pytest.warns(DataWarning, match=r"\['4'\] have no valid 'y' answer"):
        b = prevalence(typed, "y", by="role").set_index("group")
    # category order kept; the unused level 4 keeps its row, with n = 0 and no estimate
    assert list(b.index) == ["3", "2", "1", "4"]
    assert b.loc["4", "n"] == 0 and b.loc["4", ["estimate", "se", "ci_low", "ci_high"]].isna().all()
    assert b.loc["4", "suppress"]
    for other in (
        b,
        prevalence(cat, "y", by="role").set_index("group"),
        prevalence(boolean, "y", by="role").set_index("group"),
    ):
        assert_allclose(other.loc[a.index, NUM], a[NUM])


def test_missing_answers_are_excluded_with_a_warning():
    df = pd.DataFrame({"y": [1, 0, np.nan, 1], "g": ["a", "a", "b", None]})
    with pytest.warns(DataWarning, match="1 row") as record:
        res = prevalence(df, "y", by="g")
    assert res["n"].tolist() == [2, 0] and np.isnan(res["estimate"].iloc[1])
    counts = [w.message.n_excluded for w in record if isinstance(w.message, DataWarning)]
    assert 1 in counts  # the row with a missing group, counted exactly


def test_wilson_interval_covers_truth_at_nominal_rate():
    """500 simulated samples of n = 40 with p = 0.15: the 95% Wilson interval covers p
    in about 95% of samples (Wilson's actual coverage here is 0.93-0.97)."""
    rng = np.random.default_rng(20240301)
    reps, n, p = 500, 40, 0.15
    df = pd.DataFrame({"rep": np.repeat(np.arange(reps), n), "y": rng.binomial(1, p, reps * n)})
    res = prevalence(df, "y", by="rep")
    cover = ((res["ci_low"] <= p) & (p <= res["ci_high"])).mean()
    assert 0.92 <= cover <= 0.98, cover


@pytest.mark.slow
def test_weighted_logit_interval_covers_population_prevalence():
    """Unequal-probability samples: officers (30% of the workforce, prevalence 0.5) are
    half of each sample, staff (70%, prevalence 0.2) the other half; weights 0.6 / 1.4
    undo the over-sampling. The weighted estimate is unbiased for 0.29 and its 95%
    logit interval covers 0.29 at about the nominal rate; the unweighted one does not."""
    rng = np.random.default_rng(7)
    truth, n, reps = 0.3 * 0.5 + 0.7 * 0.2, 300, 300
    hits_w = hits_u = 0
    est = []
    for _ in range(reps):
        officer = rng.random(n) < 0.5
        y = rng.binomial(1, np.where(officer, 0.5, 0.2))
        df = pd.DataFrame({"y": y, "w": np.where(officer, 0.6, 1.4)})
        r = prevalence(df, "y", weight="w").iloc[0]
        u = prevalence(df, "y").iloc[0]
        est.append(r["estimate"])
        hits_w += r["ci_low"] <= truth <= r["ci_high"]
        hits_u += u["ci_low"] <= truth <= u["ci_high"]
    assert abs(np.mean(est) - truth) < 0.005
    assert 0.92 <= hits_w / reps <= 0.98, hits_w / reps
    assert hits_u / reps < 0.85


def test_degenerate_weighted_group_gets_wilson_at_effective_n():
    df = pd.DataFrame({"y": [0] * 12 + [1, 0, 1, 0], "g": ["a"] * 12 + ["b"] * 4, "w": [1.0, 2.0] * 8})
    with pytest.warns(UserWarning, match="0% or 100%"):
        res = prevalence(df, "y", by="g", weight="w").set_index("group")
    assert res.loc["a", "estimate"] == 0 and res.loc["a", "ci_low"] == pytest.approx(0, abs=1e-12)
    assert 0 < res.loc["a", "ci_high"] < 0.4
    assert "effective n" in res.loc["a", "method"]


@pytest.mark.parametrize(
    "func, data, kwargs, error, match",
    [
        (prevalence, {"y": [0, 1]}, {"outcome": "nope"}, ColumnNotFoundError, "nope"),
        (prevalence, {"y": [0, 1, 9]}, {"outcome": "y"}, DataValidationError, r"not binary.*9"),
        (prevalence, {"y": ["yes", "no"]}, {"outcome": "y"}, DataValidationError, "text"),
        (prevalence, {"y": pd.Categorical(["Yes", "No"])}, {"outcome": "y"}, DataValidationError, "text categories"),
        (prevalence, {"y": [np.nan, np.nan]}, {"outcome": "y"}, DataValidationError, "all missing"),
        (
            prevalence,
            {"y": [0, 1], "g": [None, None]},
            {"outcome": "y", "by": "g"},
            DesignError,
            "missing value in the 'by'",
        ),
        (prevalence, {"y": [0, 1], "w": [1, -1]}, {"outcome": "y", "weight": "w"}, DataValidationError, "negative"),
        (prevalence, {"y": [0, 1], "w": [1, np.nan]}, {"outcome": "y", "weight": "w"}, DataValidationError, "missing"),
        (prevalence, {"y": [0, 1]}, {"outcome": "y", "ci": 95}, ParameterError, "'ci'"),
        (prevalence, {"y": [0, 1]}, {"outcome": 3}, ParameterError, "'outcome'"),
        (prevalence, {"y": []}, {"outcome": "y"}, DesignError, "empty"),
        (mean_by, {"y": ["a", "b"]}, {"outcome": "y"}, DataValidationError, "text"),
        (mean_by, {"y": [1.0, np.inf]}, {"outcome": "y"}, DataValidationError, "infinite"),
        (mean_by, {"y": [1.0, 2.0]}, {"outcome": "y", "by": "zz"}, ColumnNotFoundError, "zz"),
    ],
)
def test_errors(func, data, kwargs, error, match):
    df = pd.DataFrame(data)
    with pytest.raises(error, match=match):
        func(df, **kwargs)


def test_prevalence_is_callable_in_every_import_order():
    """The module toolkit/survey/prevalence.py shares the function's name: after the module
    is imported, ``from toolkit.survey import prevalence`` must still give a callable."""
    import importlib

    import toolkit.survey

    importlib.import_module("toolkit.survey.prevalence")
    from toolkit.survey import prevalence as f

    df = pd.DataFrame({"y": [0, 1, 1, 1]})
    assert_allclose(f(df, "y")["estimate"], [0.75])
    assert callable(toolkit.survey.prevalence)
    import inspect

    assert inspect.isfunction(toolkit.survey.prevalence)
