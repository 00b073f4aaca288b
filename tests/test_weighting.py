"""Tests of toolkit.survey.weighting.rake against R survey::rake and known truth."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from toolkit.errors import (
    ColumnNotFoundError,
    ConvergenceError,
    DataValidationError,
    ParameterError,
)
from toolkit.survey import rake

REF = Path(__file__).parent / "reference"


def _api(name):
    return pd.read_csv(REF / "data" / f"survey_{name}.csv")


def _r_weights(scenario):
    ref = pd.read_csv(REF / "survey_weighting_rake.csv")
    return ref[ref["scenario"] == scenario].set_index("snum")


def test_rake_matches_r_survey_rake_with_counts_and_base_weights():
    """R: rake(svydesign(ids=~1, weights=~pw, data=apiclus1), list(~stype, ~sch_wide),
    list(pop_stype, pop_schwide), control=list(maxit=200, epsilon=1e-12))
    (tests/reference/survey_weighting.R, scenario apiclus1_counts)."""
    d = _api("apiclus1")
    margins = {"stype": {"E": 4421, "H": 755, "M": 1018}, "sch_wide": {"No": 1072, "Yes": 5122}}
    w = rake(d, margins, weight="pw")
    ref = _r_weights("apiclus1_counts").loc[d["snum"]]
    assert_allclose(w.to_numpy(), ref["weight"].to_numpy(), rtol=1e-8, atol=0)
    assert_allclose(w.attrs["design_effect"], ref["deff_kish"].iloc[0], rtol=0, atol=1e-8)
    assert w.attrs["converged"] and w.index.equals(d.index)
    assert_allclose(w.attrs["effective_n"], len(d) / w.attrs["design_effect"])


def test_rake_matches_r_with_three_proportion_margins():
    """R: rake(svydesign(ids=~1, weights=~one, data=apistrat), list(~stype, ~awards, ~yr_rnd),
    proportions x 200) (scenario apistrat_props)."""
    d = _api("apistrat")
    margins = {
        "stype": {"E": 0.71, "H": 0.12, "M": 0.17},
        "awards": {"No": 0.45, "Yes": 0.55},
        "yr_rnd": {"No": 0.85, "Yes": 0.15},
    }
    w = rake(d, margins)
    ref = _r_weights("apistrat_props").loc[d["snum"]]
    assert_allclose(w.to_numpy(), ref["weight"].to_numpy(), rtol=1e-8, atol=0)
    assert_allclose(w.attrs["design_effect"], ref["deff_kish"].iloc[0], rtol=0, atol=1e-8)
    assert_allclose(w.sum(), 200)


def test_rake_recovers_known_population_margins_exactly():
    """Simulated sample with known population shares: the raked sample matches them."""
    rng = np.random.default_rng(1)
    n = 5000
    df = pd.DataFrame(
        {
            "gender": pd.Categorical(rng.choice([1, 2, 3], n, p=[0.6, 0.35, 0.05])),
            "role": rng.choice([1, 2, 3, 4, 5], n, p=[0.4, 0.3, 0.15, 0.1, 0.05]),
            "force": rng.choice(["F01", "F02", "F03"], n, p=[0.2, 0.3, 0.5]),
        }
    )
    truth = {
        "gender": {1: 0.48, 2: 0.49, 3: 0.03},
        "role": {1: 0.55, 2: 0.35, 3: 0.05, 4: 0.04, 5: 0.01},
        "force": {"F01": 0.5, "F02": 0.3, "F03": 0.2},
    }
    w = rake(df, truth, total=120_000)
    for col, dist in truth.items():
        got = w.groupby(df[col].astype(object), observed=True).sum() / w.sum()
        for level, share in dist.items():
            assert_allclose(got[level], share, rtol=0, atol=1e-9)
    assert_allclose(w.sum(), 120_000)
    assert 1 < w.attrs["design_effect"] < 10


def test_rake_trimming_keeps_weights_in_bounds_and_margins():
    d = _api("apistrat")
    margins = {"stype": {"E": 0.3, "H": 0.4, "M": 0.3}, "awards": {"No": 0.5, "Yes": 0.5}}
    free = rake(d, margins)
    assert free.max() / free.mean() > 1.6
    w = rake(d, margins, trim=(0.6, 1.62))
    assert w.max() / w.mean() <= 1.62 + 1e-8 and w.min() / w.mean() >= 0.6 - 1e-8
    assert w.attrs["n_trimmed"] > 0
    share = w.groupby(d["stype"]).sum() / w.sum()
    assert_allclose(share[["E", "H", "M"]], [0.3, 0.4, 0.3], atol=1e-6)


@pytest.mark.parametrize(
    "margins, kwargs, error, match",
    [
        ({"nope": {"E": 1.0}}, {}, ColumnNotFoundError, "nope"),
        ({"stype": {"E": 0.5, "H": 0.3, "M": 0.1}}, {}, ParameterError, "sum to 0.9"),
        ({"stype": {"E": 0.5, "H": 0.3, "M": 0.1, "X": 0.1}}, {}, ParameterError, r"\['X'\]"),
        ({"stype": {"E": 0.5, "H": 0.5}}, {}, DataValidationError, "without a population share"),
        ({"stype": {"E": 0.5, "H": -0.1, "M": 0.6}}, {}, ParameterError, "non-negative"),
        ({"stype": {"E": 10, "H": 10, "M": 10}, "awards": {"No": 5, "Yes": 5}}, {}, ParameterError, "different totals"),
        ({"stype": {"E": 0.5, "H": 0.3, "M": 0.2}}, {"weight": "stype"}, DataValidationError, "not numeric"),
        ({"stype": {"E": 0.5, "H": 0.3, "M": 0.2}}, {"trim": (2, 3)}, ParameterError, "trim"),
        ([("stype", 1)], {}, ParameterError, "non-empty dict"),
        # all schools with awards are elementary: margins that contradict that cannot be met
        (
            {"stype": {"E": 0.1, "H": 0.45, "M": 0.45}, "awards": {"No": 0.05, "Yes": 0.95}},
            {"max_iter": 50, "data": "contradiction"},
            ConvergenceError,
            "did not converge",
        ),
    ],
)
def test_rake_errors(margins, kwargs, error, match):
    d = _api("apistrat")[["stype", "awards", "pw"]].copy()
    if kwargs.pop("data", None) == "contradiction":
        d.loc[d["awards"] == "Yes", "stype"] = "E"
    with pytest.raises(error, match=match):
        rake(d, margins, **kwargs)


def test_rake_missing_level_value_is_an_error():
    d = pd.DataFrame({"g": [1, 2, None, 1]})
    with pytest.raises(DataValidationError, match="missing"):
        rake(d, {"g": {1: 0.5, 2: 0.5}})
