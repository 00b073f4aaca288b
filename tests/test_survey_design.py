"""Survey designs (strata, clusters, finite population correction, two stages) against R.

Reference values: tests/reference/survey_design.R (R 4.2, survey 4.1-1), on survey::api:

- ``strat``: ``svydesign(ids = ~1, strata = ~stype, fpc = ~fpc, weights = ~pw, data = apistrat)``
- ``clus1``: ``svydesign(ids = ~dnum, fpc = ~fpc, weights = ~pw, data = apiclus1)``
- ``clus2``: ``svydesign(ids = ~dnum + snum, fpc = ~fpc1 + fpc2, data = apiclus2)`` (weights
  derived from the fpc)
- ``zerow``: ``svydesign(ids = ~dnum, weights = ~pw0, data = apiclus1)``, ``pw0`` zero for
  ``snum %% 13 == 0``

One convention for rows and weights in every function, R's: rows with a missing answer
(``*_na``) or a zero weight (``zerow``) stay in the design and contribute zero; each design
below runs through every estimator (mean_by, prevalence, total, compare_groups, logit, ordinal).

``svymean`` / ``svyby(svymean)`` -> :func:`mean_by`; ``svyciprop(method = "logit")`` ->
:func:`prevalence`; ``svytotal`` / ``svyby(svytotal)`` -> :func:`total`; intervals are t on
``degf(design)`` or ``degf(subset(design, stype == g))``. ``*_na`` outcomes have missing
answers (``snum %% 7 == 0`` or ``%% 11``), estimated with ``na.rm = TRUE``.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from toolkit.errors import DataValidationError, DataWarning, DesignError, ParameterError
from toolkit.survey import mean_by, prevalence, total

REF = Path(__file__).parent / "reference"
EST = pd.read_csv(REF / "survey_design_estimates.csv")
LONELY = pd.read_csv(REF / "survey_design_lonely.csv")
DESIGNS = {
    "strat": ("apistrat", {"weight": "pw", "strata": "stype", "fpc": "fpc"}),
    "clus1": ("apiclus1", {"weight": "pw", "cluster": "dnum", "fpc": "fpc"}),
    "clus2": ("apiclus2", {"cluster": ("dnum", "snum"), "fpc": ("fpc1", "fpc2")}),
    # zero weights (snum %% 13 == 0) stay in the design, as R keeps them
    "zerow": ("apiclus1", {"weight": "pw0", "cluster": "dnum"}),
}
FUNCS = {"svymean": mean_by, "svyciprop": prevalence, "svytotal": total}
NUM = ["estimate", "se", "ci_low", "ci_high"]


def api(name):
    d = pd.read_csv(REF / "data" / f"survey_{name}.csv")
    d["sch_wide_na"] = np.where(d["snum"] % 7 == 0, np.nan, d["sch_wide01"])
    d["api00_na"] = np.where(d["snum"] % 11 == 0, np.nan, d["api00"])
    d["awards_na"] = d["awards"].where(d["snum"] % 7 != 0)
    if "pw" in d:
        d["pw0"] = np.where(d["snum"] % 13 == 0, 0.0, d["pw"])
    return d


def _ours(design, estimator, outcome, by):
    name, kw = DESIGNS[design]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return FUNCS[estimator](api(name), outcome, by=by, **kw)


@pytest.mark.parametrize("design", list(DESIGNS))
@pytest.mark.parametrize(
    "estimator, outcome",
    [
        ("svymean", "api00"),
        ("svymean", "api00_na"),
        ("svyciprop", "sch_wide01"),
        ("svyciprop", "sch_wide_na"),
        ("svytotal", "sch_wide01"),
        ("svytotal", "sch_wide_na"),
        ("svytotal", "api00"),
        ("svytotal", "api00_na"),
    ],
)
def test_estimates_match_r_survey(design, estimator, outcome):
    ref = EST[(EST["design"] == design) & (EST["estimator"] == estimator) & (EST["outcome"] == outcome)]
    ref = ref.set_index("group")
    got = pd.concat(
        [_ours(design, estimator, outcome, None), _ours(design, estimator, outcome, "stype") if len(ref) > 1 else None]
    )
    got = got.set_index("group").loc[ref.index]
    assert_allclose(got[NUM].to_numpy(float), ref[NUM].to_numpy(float), rtol=1e-6)
    if estimator == "svytotal":
        assert_allclose(got["df"].to_numpy(float), ref["df"].to_numpy(float))


def test_design_is_recorded_and_fpc_as_fraction_equals_population_size():
    """R accepts fpc as population sizes or as sampling fractions n_h / N_h: same design."""
    d = api("apistrat")
    d["frac"] = d.groupby("stype")["snum"].transform("size") / d["fpc"]
    a = mean_by(d, "api00", by="stype", weight="pw", strata="stype", fpc="fpc")
    b = mean_by(d, "api00", by="stype", weight="pw", strata="stype", fpc="frac")
    assert_allclose(a[NUM], b[NUM], rtol=1e-12)
    assert a.attrs["design"] == "svydesign(ids = ~1, strata = ~stype, fpc = ~fpc, weights = ~pw)"
    # without weights they follow from the fpc (N_h / n_h), as svydesign does
    c = mean_by(d, "api00", by="stype", strata="stype", fpc="fpc")
    assert_allclose(c[NUM], a[NUM], rtol=1e-6)


@pytest.mark.parametrize("option", ["adjust", "average", "remove", "certainty"])
def test_lonely_psu_options_match_r(option):
    """R: options(survey.lonely.psu = option); svymean(~api00, svydesign(ids = ~1,
    strata = ~stratum, weights = ~pw, data = apistrat)), school 1622 alone in stratum X,
    and svyby(~api00, ~awards, ...)."""
    from toolkit.survey import compare_groups

    d = api("apistrat")
    d["stratum"] = np.where(d["snum"] == 1622, "X", d["stype"])
    ref = LONELY[LONELY["lonely_psu"] == option].set_index("group")
    kw = {"weight": "pw", "strata": "stratum", "lonely_psu": option}
    got = pd.concat([mean_by(d, "api00", **kw), mean_by(d, "api00", by="awards", **kw)])
    got = got.set_index("group").loc[["All", "No", "Yes"]]
    assert_allclose(
        got[["estimate", "se"]].to_numpy(float),
        ref.loc[["All", "No", "Yes"], ["estimate", "se"]].to_numpy(float),
        rtol=1e-6,
    )
    # the dense variance of models and tests: svyglm(api00 ~ ell + meals) (gaussian) through
    # the Wald test's machinery, and svychisq(~awards + stype)
    from toolkit.survey._design import build_design

    design = build_design(d, function="test", **kw)
    X = np.column_stack([np.ones(len(d)), d["ell"], d["meals"]])
    w, y = design.weight, d["api00"].to_numpy(float)
    A = X.T @ (w[:, None] * X)
    beta = np.linalg.solve(A, X.T @ (w * y))
    U = X * (w * (y - X @ beta))[:, None]
    Ainv = np.linalg.inv(A)
    se = np.sqrt(np.diag(Ainv @ design.variance(U) @ Ainv))
    r = ref.loc[["svyglm:(Intercept)", "svyglm:ell", "svyglm:meals"]]
    assert_allclose(beta, r["estimate"], rtol=1e-8)
    assert_allclose(se, r["se"], rtol=1e-6)
    chi = compare_groups(d, "awards", by="stype", **kw).iloc[0]
    assert_allclose([chi["statistic"], chi["df"]], ref.loc["svychisq", ["estimate", "se"]].to_numpy(float), rtol=1e-6)


def test_lonely_psu_fails_by_default_naming_the_stratum():
    d = api("apistrat")
    d["stratum"] = np.where(d["snum"] == 1622, "X", d["stype"])
    with pytest.raises(DesignError, match=r"'stratum' = X.*lonely_psu='adjust'"):
        prevalence(d, "sch_wide01", weight="pw", strata="stratum")
    with pytest.raises(ParameterError, match="lonely_psu"):
        prevalence(d, "sch_wide01", weight="pw", strata="stratum", lonely_psu="drop")


@pytest.mark.parametrize(
    "change, kwargs, match",
    [
        (lambda d: d.assign(fpc=d["fpc"].where(d.index != 3)), {"fpc": "fpc"}, "missing"),
        (lambda d: d.assign(fpc=d["fpc"] + (d.index == 0)), {"fpc": "fpc"}, "not constant within 'stype'"),
        (lambda d: d.assign(fpc=10), {"fpc": "fpc"}, "smaller than the number of sampled"),
        (lambda d: d.assign(fpc=np.where(d.index == 0, 0.5, d["fpc"])), {"fpc": "fpc"}, "mixes"),
        (lambda d: d.assign(stype=d["stype"].where(d.index != 5)), {}, "stype.*missing"),
        (lambda d: d.assign(dnum=d["dnum"].astype(float).where(d.index != 5)), {"cluster": "dnum"}, "dnum.*missing"),
    ],
)
def test_bad_design_columns_are_named(change, kwargs, match):
    d = change(api("apistrat"))
    with pytest.raises(DataValidationError, match=match):
        prevalence(d, "sch_wide01", weight="pw", strata="stype", **kwargs)


def test_two_stage_needs_both_fpcs():
    with pytest.raises(ParameterError, match="two-stage"):
        mean_by(api("apiclus2"), "api00", cluster=("dnum", "snum"), fpc="fpc1")


TESTS = pd.read_csv(REF / "survey_design_tests.csv")


@pytest.mark.parametrize("design", list(DESIGNS))
@pytest.mark.parametrize(
    "test, outcome",
    [("rao_scott_f", "awards"), ("rao_scott_f", "awards_na"), ("wald_f", "api00"), ("wald_f", "api00_na")],
)
def test_compare_groups_matches_svychisq_and_regtermtest(design, test, outcome):
    """R: svychisq(~awards + stype, des) (Rao-Scott F) and regTermTest(svyglm(api00 ~ stype,
    des), ~stype); rows with a missing answer stay in the design (na.rm = TRUE)."""
    from toolkit.survey import compare_groups

    name, kw = DESIGNS[design]
    ref = TESTS[(TESTS["design"] == design) & (TESTS["test"] == test) & (TESTS["outcome"] == outcome)].iloc[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        got = compare_groups(api(name), outcome, by="stype", **kw).iloc[0]
    assert got["test"] == test
    assert_allclose(
        got[["statistic", "df", "df2", "p"]].to_numpy(float),
        ref[["statistic", "df", "df2", "p"]].to_numpy(float),
        rtol=1e-6,
    )


MODELS = pd.read_csv(REF / "survey_design_models.csv")


def _r_term(term):
    return "(Intercept)" if term == "Intercept" else term


@pytest.mark.parametrize("design", list(DESIGNS))
@pytest.mark.parametrize(
    "model, formula",
    [
        ("logit", "awards01 ~ ell + meals"),
        ("logit_na", "sch_wide_na ~ ell + meals"),
        ("ordinal", "api_cat ~ ell_p + meals_p"),
    ],
)
def test_models_match_svyglm_and_svyolr_with_t_on_design_df(design, model, formula):
    """R: svyglm(awards01 ~ ell + meals, des, family = quasibinomial) with t on df.residual =
    degf + 1 - p (sch_wide_na: rows with a missing outcome dropped from the fit, kept in the
    design); svyolr(api_cat ~ ell_p + meals_p, des) (proportions ell / 100, meals / 100), api_cat = cut(api00, c(0, 550, 650, 750, 1000)),
    df.residual = degf - length(beta). Intervals of the odds ratio: exp(b +- qt(0.975, df) se)."""
    from toolkit.survey import logit, ordinal

    name, kw = DESIGNS[design]
    d = api(name)
    d["ell_p"], d["meals_p"] = d["ell"] / 100, d["meals"] / 100
    d["api_cat"] = pd.Categorical(np.digitize(d["api00"], [550, 650, 750], right=True) + 1, ordered=True)
    func = ordinal if model == "ordinal" else logit
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        got = func(d, formula, **kw)
    ref = MODELS[(MODELS["design"] == design) & (MODELS["model"] == model)].set_index("term")
    got = got.assign(rterm=got["term"].map(_r_term)).set_index("rterm").loc[ref.index]
    tol = 1e-5 if model == "ordinal" else 1e-6  # svyolr's optim stops about 5 digits out
    cols = ["estimate", "se", "statistic", "p", "ci_low", "ci_high"]
    assert_allclose(got[cols].to_numpy(float), ref[cols].to_numpy(float), rtol=tol, atol=tol)
    assert_allclose(got["df"].to_numpy(float), ref["df"].to_numpy(float))


def test_logit_refuses_separation_instead_of_printing_huge_odds_ratios():
    """Every 'special' respondent has the outcome: the ML odds ratio is infinite (statsmodels
    stops at about 1e14 with z = 81 under weights); a clear error names the term."""
    from toolkit.errors import ConvergenceError
    from toolkit.survey import logit

    rng = np.random.default_rng(4)
    n = 400
    df = pd.DataFrame(
        {
            "role": rng.choice(["officer", "staff", "special"], n, p=[0.6, 0.35, 0.05]),
            "x": rng.normal(size=n),
            "w": rng.uniform(0.5, 2, n),
        }
    )
    df["y"] = np.where(df["role"] == "special", 1, rng.binomial(1, 0.3, n))
    for kw in ({}, {"weight": "w"}):
        with pytest.raises(ConvergenceError, match=r"separation.*role\)\[T.special\]"):
            logit(df, "y ~ C(role) + x", **kw)


def test_logit_names_an_empty_category_and_collinear_predictors():
    """A category with no respondents (a sample with no special constables) or a predictor
    that repeats another used to end in numpy's LinAlgError."""
    from toolkit.survey import logit, ordinal

    rng = np.random.default_rng(5)
    n = 300
    df = pd.DataFrame(
        {
            "x": rng.normal(size=n),
            "y": rng.binomial(1, 0.4, n),
            "role": pd.Categorical(rng.choice(["officer", "staff"], n), categories=["officer", "staff", "special"]),
        }
    )
    df["x2"] = 2 * df["x"]
    df["z"] = pd.Categorical(rng.integers(1, 4, n), ordered=True)
    with pytest.raises(DesignError, match=r"special.*single value.*remove_unused_categories"):
        logit(df, "y ~ role + x")
    with pytest.raises(DesignError, match=r"collinear: \['x2'\]"):
        logit(df, "y ~ x + x2", weight=None)
    with pytest.raises(DesignError, match=r"collinear"):
        ordinal(df, "z ~ x + x2")


def test_model_with_few_clusters_uses_t_not_z():
    """15 clusters: the p-value is t on 15 - 1 - 1 = 13 df (svyglm), not normal."""
    from toolkit.survey import logit

    rng = np.random.default_rng(6)
    g = np.repeat(np.arange(15), 40)
    df = pd.DataFrame({"g": g, "x": rng.normal(size=600) + rng.normal(size=15)[g]})
    df["y"] = rng.binomial(1, 1 / (1 + np.exp(-(0.3 * df["x"] + rng.normal(0, 0.7, 15)[g]))))
    res = logit(df, "y ~ x", cluster="g").set_index("term")
    assert res.loc["x", "df"] == 13
    from scipy import stats

    assert_allclose(res.loc["x", "p"], 2 * stats.t.sf(abs(res.loc["x", "statistic"]), 13))


RAKED = pd.read_csv(REF / "survey_design_raked.csv")


def test_raked_weights_carry_their_calibration_into_the_variance():
    """R: rake(svydesign(ids = ~dnum, weights = ~pw, data = apiclus1), list(~stype, ~sch_wide),
    population counts of ?survey::rake, epsilon = 1e-12), then svymean / svyby / svytotal /
    svyglm / svychisq on the raked design. The weights come from toolkit.survey.rake."""
    from toolkit.survey import compare_groups, logit, rake

    d = api("apiclus1")
    d["w"] = rake(d, {"stype": {"E": 4421, "H": 755, "M": 1018}, "sch_wide": {"No": 1072, "Yes": 5122}}, weight="pw")
    kw = {"weight": "w", "cluster": "dnum", "calibration": ["stype", "sch_wide"]}
    ref = RAKED.set_index(["estimator", "outcome", "group"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        got = pd.concat(
            [
                mean_by(d, ["api00", "api00_na"], **kw).assign(estimator="svymean"),
                mean_by(d, ["api00", "api00_na"], by="awards", **kw).assign(estimator="svymean"),
                total(d, "awards01", **kw).assign(estimator="svytotal"),
                total(d, "awards01", by="stype", **kw).assign(estimator="svytotal"),
            ]
        ).set_index(["estimator", "outcome", "group"])
        fit = logit(d, "awards01 ~ ell + meals", **kw).set_index("term")
        chi = compare_groups(d, "awards", by="stype", **kw).iloc[0]
    idx = [i for i in ref.index if i[0] in ("svymean", "svytotal")]
    assert_allclose(
        got.loc[idx, ["estimate", "se"]].to_numpy(float), ref.loc[idx, ["estimate", "se"]].to_numpy(float), rtol=1e-6
    )
    r = ref.loc["svyglm"].loc["awards01"]
    assert_allclose(
        fit.loc[["Intercept", "ell", "meals"], ["estimate", "se"]].to_numpy(float),
        r.loc[["(Intercept)", "ell", "meals"], ["estimate", "se"]].to_numpy(float),
        rtol=1e-6,
    )
    assert_allclose([chi["statistic"], chi["df"]], ref.loc[("svychisq", "awards", "F")].to_numpy(float), rtol=1e-6)
    plain = mean_by(d, "api00", weight="w", cluster="dnum")
    assert plain["se"].iloc[0] > got.loc[("svymean", "api00", "All"), "se"]  # calibration helps here
    assert mean_by(d, "api00", **kw).attrs["design"] == (
        "rake(svydesign(ids = ~dnum, weights = ~w), ~stype + ~sch_wide)"
    )
