"""Tests of toolkit.survey.models (logit, ordinal) against R (tests/reference/survey_models.R)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from toolkit.errors import ColumnNotFoundError, DataValidationError, DataWarning, ParameterError
from toolkit.survey import logit, ordinal

REF = Path(__file__).parent / "reference"
R = pd.read_csv(REF / "survey_models.csv")


def _data(name):
    return pd.read_csv(REF / "data" / f"survey_{name}.csv")


def _r_name(term):
    """statsmodels 'Infl[T.Medium]' -> R 'InflMedium'; 'Intercept' -> '(Intercept)'."""
    if term == "Intercept":
        return "(Intercept)"
    return re.sub(r"\[T\.(.*)\]", r"\1", term)


def _compare(got, model, atol_est=1e-6, atol_se=1e-6):
    ref = R[R["model"] == model].set_index("term")
    g = got.assign(rterm=got["term"].map(_r_name)).set_index("rterm").loc[ref.index]
    assert_allclose(g["estimate"], ref["estimate"], rtol=0, atol=atol_est)
    assert_allclose(g["se"], ref["se"], rtol=0, atol=atol_se)
    assert (g["n"] == ref["n"]).all()


@pytest.fixture(scope="module")
def housing():
    h = _data("housing")
    h["Sat"] = pd.Categorical(h["Sat"], categories=[1, 2, 3], ordered=True)
    h["Infl"] = pd.Categorical(h["Infl"], ["Low", "Medium", "High"])
    h["Type"] = pd.Categorical(h["Type"], ["Tower", "Apartment", "Atrium", "Terrace"])
    h["Cont"] = pd.Categorical(h["Cont"], ["Low", "High"])
    h["w"] = _data("housing_weights")["w"]
    return h


def test_logit_matches_r_glm():
    """R: glm(case ~ age + parity + spontaneous + induced, family = binomial, data = infert)."""
    res = logit(_data("infert"), "case ~ age + parity + spontaneous + induced")
    _compare(res, "infert_ml")
    assert res.attrs["cov_type"] == "model" and res.attrs["ci"] == 0.95
    assert_allclose(res["odds_ratio"], np.exp(res["estimate"]))
    assert_allclose(np.log(res["ci_high"]) - res["estimate"], 1.959963984540054 * res["se"])


def test_logit_cluster_matches_r_svyglm():
    """R: svyglm(case ~ ..., svydesign(ids = ~stratum, data = infert), quasibinomial) (83 matched sets)."""
    res = logit(_data("infert"), "case ~ age + parity + spontaneous + induced", cluster="stratum")
    _compare(res, "infert_cl_stratum")
    assert res.attrs["n_clusters"] == 83


def test_weighted_logit_matches_r_svyglm():
    """R: svyglm(awards01 ~ ell + meals + stype, svydesign(ids=~1, weights=~pw, data=apistrat),
    family = quasibinomial)."""
    res = logit(_data("apistrat"), "awards01 ~ ell + meals + stype", weight="pw")
    _compare(res, "apistrat_svyglm")


def test_weighted_clustered_logit_matches_r_svyglm():
    """R: svyglm(awards01 ~ ell + meals, svydesign(ids = ~dnum, weights = ~pw, data = apiclus1),
    quasibinomial)."""
    res = logit(_data("apiclus1"), "awards01 ~ ell + meals", weight="pw", cluster="dnum")
    _compare(res, "apiclus1_weighted_cl_dnum")


def test_ordinal_matches_r_polr(housing):
    """R: MASS::polr(Sat ~ Infl + Type + Cont, data = housing expanded by Freq, Hess = TRUE);
    thresholds compared with polr's zeta (not statsmodels' increments)."""
    res = ordinal(housing, "Sat ~ Infl + Type + Cont")
    _compare(res, "housing_polr", atol_est=1e-6, atol_se=1e-6)
    assert res["kind"].tolist() == ["coefficient"] * 6 + ["threshold"] * 2
    assert res.attrs["levels"] == ["1", "2", "3"]


def test_ordinal_cluster_matches_r_svyolr(housing):
    """R: svyolr(Sat ~ Infl + Type + Cont, svydesign(ids = ~cell, data = housing)) (24 cells)."""
    res = ordinal(housing, "Sat ~ Infl + Type + Cont", cluster="cell")
    # svyolr maximises with optim (BFGS), which stops about 5 digits from the optimum
    _compare(res, "housing_polr_cl_cell", atol_est=1e-5, atol_se=1e-5)
    assert res.attrs["n_clusters"] == 24 and res["df"].iloc[0] == 24 - 1 - 6


def test_weighted_ordinal_matches_r_svyolr(housing):
    """R: svyolr(Sat ~ Infl + Type + Cont, svydesign(ids = ~1, weights = ~w, data = housing))."""
    res = ordinal(housing, "Sat ~ Infl + Type + Cont", weight="w")
    _compare(res, "housing_svyolr", atol_est=1e-5, atol_se=1e-5)


def test_ordinal_accepts_integer_codes_and_ignores_unused_levels(housing):
    base = ordinal(housing, "Sat ~ Infl + Type + Cont")
    ints = housing.assign(Sat=housing["Sat"].astype(int))
    extra = housing.assign(Sat=pd.Categorical(housing["Sat"].astype(int), categories=[1, 2, 3, 9], ordered=True))
    for other in (ordinal(ints, "Sat ~ Infl + Type + Cont"), ordinal(extra, "Sat ~ Infl + Type + Cont")):
        assert_allclose(other["estimate"], base["estimate"], atol=1e-8)


def test_logit_recovers_known_coefficients_and_handles_read_survey_dtypes():
    """Simulated truth: log-odds -1 + 0.8 x + 0.5 [role 2]; nullable Int64 outcome with missing."""
    rng = np.random.default_rng(42)
    n = 20_000
    x = rng.normal(size=n)
    role = rng.choice([1, 2], n)
    y = rng.binomial(1, 1 / (1 + np.exp(-(-1 + 0.8 * x + 0.5 * (role == 2)))))
    y = pd.array(y, dtype="Int64")
    y[:50] = pd.NA
    df = pd.DataFrame({"y": y, "x": x, "role": pd.Categorical(role)})
    with pytest.warns(DataWarning, match="50 row"):
        res = logit(df, "y ~ x + role").set_index("term")
    truth = {"Intercept": -1.0, "x": 0.8, "role[T.2]": 0.5}
    for term, b in truth.items():
        assert abs(res.loc[term, "estimate"] - b) < 3 * res.loc[term, "se"]
    assert res["n"].iloc[0] == n - 50


@pytest.mark.parametrize(
    "func, formula, data, kwargs, error, match",
    [
        (logit, "nope ~ x", {"y": [0, 1], "x": [1, 2]}, {}, ColumnNotFoundError, "nope"),
        (logit, "y ~ x", {"y": ["yes", "no"], "x": [1, 2]}, {}, DataValidationError, "text"),
        (logit, "y ~ x", {"y": [0, 1, 2], "x": [1, 2, 3]}, {}, DataValidationError, "not binary"),
        (logit, "y ~ x", {"y": [1, 1, 1], "x": [1, 2, 3]}, {}, DataValidationError, "single value"),
        (logit, "y ~ x", {"y": [np.nan, np.nan], "x": [1, 2]}, {}, DataValidationError, "all missing"),
        (logit, "y x", {"y": [0, 1], "x": [1, 2]}, {}, ParameterError, "formula"),
        (
            logit,
            "y ~ zz",
            {"y": [0, 1, 0, 1], "x": [1, 2, 3, 4]},
            {},
            ColumnNotFoundError,
            r"\['zz'\] not found in data\. Available columns: \['y', 'x'\]",
        ),
        (
            ordinal,
            "y ~ C(zz) + np.log(x)",
            {"y": [1, 2, 3], "x": [1, 2, 3]},
            {},
            ColumnNotFoundError,
            r"\['zz'\] not found",
        ),
        (logit, "y ~ x +", {"y": [0, 1, 0, 1], "x": [1, 2, 3, 4]}, {}, ParameterError, "cannot be built"),
        (
            logit,
            "y ~ x",
            {"y": [0, 1, 0, 1], "x": [1, 2, 3, 4], "c": [1, None, 2, 2]},
            {"cluster": "c"},
            DataValidationError,
            "missing values.*a cluster for every respondent",
        ),
        (logit, "y ~ x", {"y": [0, 1, 0, 1], "x": [1, 2, 3, 5]}, {"weight": "w"}, ColumnNotFoundError, "w"),
        (ordinal, "y ~ x", {"y": ["a", "b", "c"], "x": [1, 2, 3]}, {}, DataValidationError, "text"),
        (ordinal, "y ~ x", {"y": [1, 2, 1, 2], "x": [1, 2, 3, 4]}, {}, DataValidationError, "logit"),
        (ordinal, "y ~ x", {"y": pd.Categorical([1, 2, 3]), "x": [1, 2, 3]}, {}, DataValidationError, "unordered"),
        (ordinal, "y ~ x", {"y": [1.5, 2, 3], "x": [1, 2, 3]}, {}, DataValidationError, "non-integer"),
        (ordinal, "y ~ x", {"y": [1, 2, 3], "x": [1, 2, 3]}, {"link": "cauchit"}, ParameterError, "link"),
    ],
)
def test_errors(func, formula, data, kwargs, error, match):
    with pytest.raises(error, match=match):
        func(pd.DataFrame(data), formula, **kwargs)


@pytest.mark.parametrize("func", [logit, ordinal])
@pytest.mark.parametrize("bad", [None, [[0, 1], [1, 2]]])
def test_data_must_be_a_dataframe(func, bad):
    with pytest.raises(ParameterError, match=rf"'data' parameter of {func.__name__} must be a pandas DataFrame"):
        func(bad, "y ~ x")
