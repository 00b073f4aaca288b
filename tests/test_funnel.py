"""Funnel plots against FunnelPlotR 0.6.0 (tests/reference/survey_funnel.R)."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from toolkit.errors import ColumnNotFoundError, DataValidationError, ParameterError
from toolkit.survey import funnel, funnel_limits, funnel_plot

REF = Path(__file__).parent / "reference"


def _respondents(name: str) -> pd.DataFrame:
    """One row per respondent from the aggregated reference data."""
    agg = pd.read_csv(REF / "data" / f"funnel_{name}.csv")
    rows = [
        pd.DataFrame({"force": g, "harmed": np.r_[np.ones(r), np.zeros(n - r)].astype(int)})
        for g, r, n in agg[["group", "numerator", "denominator"]].itertuples(index=False)
    ]
    return pd.concat(rows, ignore_index=True)


@pytest.mark.parametrize("name", ["forces", "43"])
def test_funnel_matches_funnelplotr(name):
    """R: the internals of FunnelPlotR::funnel_plot(data_type = "PR", draw_adjusted = TRUE,
    trim_by = 0.1): transformed_zscore, winsorisation, phi_func, tau_func, calculate_limits."""
    ref = pd.read_csv(REF / "survey_funnel.csv")
    ref = ref[ref["dataset"].astype(str) == name].sort_values("group").reset_index(drop=True)
    adjusted = funnel(_respondents(name), outcome="harmed", by="force")
    assert adjusted["group"].tolist() == ref["group"].tolist()
    assert_allclose(adjusted["n"], ref["n"])
    assert_allclose(adjusted["n_events"], ref["n_events"])
    assert_allclose(adjusted.attrs["target"], ref["target"].iloc[0], rtol=1e-10)
    assert_allclose(adjusted.attrs["phi"], ref["phi"].iloc[0], rtol=1e-8)
    assert_allclose(adjusted.attrs["tau2"], ref["tau2"].iloc[0], rtol=1e-8, atol=1e-12)
    assert_allclose(adjusted["z"], ref["z"], atol=1e-6)
    for ours, theirs in (("ll95", "odll95"), ("ul95", "odul95"), ("ll998", "odll998"), ("ul998", "odul998")):
        assert_allclose(adjusted[ours], ref[theirs], atol=1e-6)
    plain = funnel(_respondents(name), outcome="harmed", by="force", overdispersion=False)
    for col in ("ll95", "ul95", "ll998", "ul998"):
        assert_allclose(plain[col], ref[col], atol=1e-6)
    assert_allclose(plain["z"], ref["z_unadjusted"], atol=1e-6)


def test_overdispersion_widens_limits_only_when_present():
    """The 8 demo forces are no more dispersed than chance (phi < 1, tau2 = 0); the 43
    simulated forces are (phi about 17), and their adjusted limits are wider."""
    eight = funnel(_respondents("forces"), outcome="harmed", by="force")
    assert eight.attrs["phi"] < 1 and eight.attrs["tau2"] == 0
    many = funnel(_respondents("43"), outcome="harmed", by="force")
    plain = funnel(_respondents("43"), outcome="harmed", by="force", overdispersion=False)
    assert many.attrs["tau2"] > 0
    assert (many["ul998"] - many["ll998"] > plain["ul998"] - plain["ll998"]).all()
    # unadjusted limits flag many forces as outliers; adjusted, far fewer
    assert (plain["position"] != "within").sum() > (many["position"] != "within").sum()


def test_funnel_limits_coverage_under_the_null():
    """With every force at the national proportion, about 5% of forces fall outside the
    95% limits and about 0.2% outside the 99.8% limits (unadjusted limits)."""
    rng = np.random.default_rng(7)
    n = rng.integers(50, 3000, 4000)
    r = rng.binomial(n, 0.15)
    lim = funnel_limits(n, target=0.15)
    p = r / n
    out95 = np.mean((p < lim["ll95"]) | (p > lim["ul95"]))
    out998 = np.mean((p < lim["ll998"]) | (p > lim["ul998"]))
    assert 0.035 < out95 < 0.065
    assert out998 < 0.006


def test_small_groups_are_flagged_and_not_drawn():
    data = _respondents("forces")
    tiny = pd.DataFrame({"force": "F99", "harmed": [1, 0, 0, 0, 0, 0, 0]})
    result = funnel(pd.concat([data, tiny], ignore_index=True), outcome="harmed", by="force")
    assert result.set_index("group").loc["F99", "small"]
    assert not result.set_index("group").loc["F01", "small"]
    fig = funnel_plot(result, title="Threats")
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "F99" not in texts and "F01" in texts


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"outcome": "nope", "by": "force"}, ColumnNotFoundError),
        ({"outcome": "harmed", "by": "force", "trim": 0.7}, ParameterError),
        ({"outcome": "harmed", "by": "force", "target": 1.5}, ParameterError),
    ],
)
def test_funnel_errors(kwargs, error):
    with pytest.raises(error):
        funnel(_respondents("forces"), **kwargs)


def test_funnel_needs_binary_outcome_and_three_groups():
    data = _respondents("forces").assign(harmed=lambda d: d["harmed"] * 2)
    with pytest.raises(DataValidationError, match="not binary"):
        funnel(data, outcome="harmed", by="force")
    two = _respondents("forces").query("force in ['F01', 'F02']")
    with pytest.raises(ParameterError, match="at least 3 groups"):
        funnel(two, outcome="harmed", by="force")
