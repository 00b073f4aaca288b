"""Survey designs (strata, clusters, finite population correction, two stages) against R.

Reference values: tests/reference/survey_design.R (R 4.2, survey 4.1-1), on survey::api:

- ``strat``: ``svydesign(ids = ~1, strata = ~stype, fpc = ~fpc, weights = ~pw, data = apistrat)``
- ``clus1``: ``svydesign(ids = ~dnum, fpc = ~fpc, weights = ~pw, data = apiclus1)``
- ``clus2``: ``svydesign(ids = ~dnum + snum, fpc = ~fpc1 + fpc2, data = apiclus2)`` (weights
  derived from the fpc)

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
}
FUNCS = {"svymean": mean_by, "svyciprop": prevalence, "svytotal": total}
NUM = ["estimate", "se", "ci_low", "ci_high"]


def api(name):
    d = pd.read_csv(REF / "data" / f"survey_{name}.csv")
    d["sch_wide_na"] = np.where(d["snum"] % 7 == 0, np.nan, d["sch_wide01"])
    d["api00_na"] = np.where(d["snum"] % 11 == 0, np.nan, d["api00"])
    d["awards_na"] = d["awards"].where(d["snum"] % 7 != 0)
    return d


def _ours(design, estimator, outcome, by):
    name, kw = DESIGNS[design]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return FUNCS[estimator](api(name), outcome, by=by, **kw)


@pytest.mark.parametrize("design", list(DESIGNS))
@pytest.mark.parametrize(
    "estimator, outcome",
    [("svymean", "api00"), ("svymean", "api00_na"), ("svyciprop", "sch_wide01"),
     ("svyciprop", "sch_wide_na"), ("svytotal", "sch_wide01"), ("svytotal", "sch_wide_na"),
     ("svytotal", "api00"), ("svytotal", "api00_na")],
)
def test_estimates_match_r_survey(design, estimator, outcome):
    ref = EST[(EST["design"] == design) & (EST["estimator"] == estimator) & (EST["outcome"] == outcome)]
    ref = ref.set_index("group")
    got = pd.concat([_ours(design, estimator, outcome, None),
                     _ours(design, estimator, outcome, "stype") if len(ref) > 1 else None])
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
    d = api("apistrat")
    d["stratum"] = np.where(d["snum"] == 1622, "X", d["stype"])
    ref = LONELY[LONELY["lonely_psu"] == option].set_index("group")
    got = pd.concat([mean_by(d, "api00", weight="pw", strata="stratum", lonely_psu=option),
                     mean_by(d, "api00", by="awards", weight="pw", strata="stratum", lonely_psu=option)])
    got = got.set_index("group").loc[ref.index]
    assert_allclose(got[["estimate", "se"]].to_numpy(float), ref[["estimate", "se"]].to_numpy(float),
                    rtol=1e-6)


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
@pytest.mark.parametrize("test, outcome", [("rao_scott_f", "awards"), ("rao_scott_f", "awards_na"),
                                           ("wald_f", "api00"), ("wald_f", "api00_na")])
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
    assert_allclose(got[["statistic", "df", "df2", "p"]].to_numpy(float),
                    ref[["statistic", "df", "df2", "p"]].to_numpy(float), rtol=1e-6)
