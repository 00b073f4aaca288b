"""Fleiss' kappa, the bootstrap interval of Krippendorff's alpha, and the kappa edge cases
of issue 11 (weighted kappa on text labels, codes "1" against 1)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from toolkit.errors import ParameterError
from toolkit.qual.agreement import (
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    krippendorff_alpha_ci,
)

REF = Path(__file__).parent / "reference"

# Wikipedia, "Fleiss' kappa", worked example: 10 items x 5 categories, 14 raters each;
# published P-bar = 0.378, P-bar_e = 0.213, kappa = 0.210.
WIKI = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def counts_to_long(counts, labels=None):
    rows = []
    for i, row in enumerate(counts):
        cats = np.repeat(np.arange(len(row)), row)
        for k, j in enumerate(cats):
            rows.append((f"i{i}", f"r{k}", j + 1 if labels is None else labels[j]))
    return pd.DataFrame(rows, columns=["item", "coder", "value"])


def test_fleiss_wikipedia_published_and_r():
    ref = pd.read_csv(REF / "agreement_fleiss.csv").set_index("case").loc["wikipedia"]
    res = fleiss_kappa(counts_to_long(WIKI), item="item", coder="coder", value="value", n_boot=0).iloc[0]
    assert round(res["estimate"], 3) == 0.210  # published
    assert round(res["observed"], 3) == 0.378 and round(res["expected"], 3) == 0.213
    # base-R computation (tests/reference/agreement_fleiss.R)
    assert_allclose(
        res[["estimate", "statistic", "p", "observed", "expected"]].to_numpy(float),
        ref[["estimate", "statistic", "p", "observed", "expected"]].to_numpy(float),
        rtol=1e-9,
    )
    assert res["n"] == 10 and res["n_coders"] == 14


def test_fleiss_text_labels_same_as_numbers():
    labels = ["none", "mild", "moderate", "severe", "extreme"]
    a = fleiss_kappa(counts_to_long(WIKI), item="item", coder="coder", value="value", n_boot=0)
    b = fleiss_kappa(counts_to_long(WIKI, labels), item="item", coder="coder", value="value", n_boot=0)
    assert_allclose(a["estimate"], b["estimate"], rtol=1e-12)


def test_fleiss_bfi_matches_r_and_statsmodels():
    """psych::bfi A1-A5 (2,709 complete rows) read as five raters (R script above)."""
    from statsmodels.stats.inter_rater import aggregate_raters
    from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss

    d = pd.read_csv(REF / "data" / "agreement_bfi_a1a5.csv")
    ref = pd.read_csv(REF / "agreement_fleiss.csv").set_index("case").loc["bfi_A1_A5"]
    long = d.reset_index().melt(id_vars="index", var_name="coder", value_name="value")
    res = fleiss_kappa(long, item="index", coder="coder", value="value", n_boot=200, seed=3).iloc[0]
    assert_allclose(
        res[["estimate", "statistic", "observed", "expected"]].to_numpy(float),
        ref[["estimate", "statistic", "observed", "expected"]].to_numpy(float),
        rtol=1e-9,
    )
    assert_allclose(res["estimate"], sm_fleiss(aggregate_raters(d.to_numpy())[0]), rtol=1e-12)
    assert res["ci_low"] < res["estimate"] < res["ci_high"]
    assert 0 < res["se"] < 0.02


def test_fleiss_unequal_ratings_refused():
    long = counts_to_long(WIKI)
    with pytest.raises(ParameterError, match="same number of ratings.*krippendorff_alpha"):
        fleiss_kappa(long.iloc[1:], item="item", coder="coder", value="value")


def test_alpha_ci_estimate_and_sanity():
    rng = np.random.default_rng(4)
    long = _simulated(rng, n_items=120, n_coders=3, q=0.8)
    res = krippendorff_alpha_ci(long, item="item", coder="coder", value="value", n_boot=400, seed=1)
    row = res.iloc[0]
    assert_allclose(row["estimate"], krippendorff_alpha(long, item="item", coder="coder", value="value"), rtol=1e-12)
    assert row["ci_low"] < row["estimate"] < row["ci_high"]
    assert 0.01 < row["se"] < 0.1
    assert res.attrs["ci"] == 0.95 and 100 < row["n"] <= 120  # pairable items
    # same seed, same interval; ordinal level goes through the same path
    again = krippendorff_alpha_ci(long, item="item", coder="coder", value="value", n_boot=400, seed=1)
    pd.testing.assert_frame_equal(res, again)
    ordinal = krippendorff_alpha_ci(
        long, item="item", coder="coder", value="value", level="ordinal", n_boot=200, seed=1
    ).iloc[0]
    assert_allclose(
        ordinal["estimate"],
        krippendorff_alpha(long, item="item", coder="coder", value="value", level="ordinal"),
        rtol=1e-12,
    )


def _simulated(rng, n_items, n_coders, q, p=(0.5, 0.3, 0.2), missing=0.1):
    """Each coder reports the true category with probability q, else a draw from p:
    population nominal alpha = q^2 (agreement q^2 + (1 - q^2) sum p^2)."""
    true = rng.choice(len(p), n_items, p=p)
    rows = []
    for c in range(n_coders):
        keep = rng.random(n_items) < q
        vals = np.where(keep, true, rng.choice(len(p), n_items, p=p)).astype(float)
        vals[rng.random(n_items) < missing] = np.nan
        rows.append(pd.DataFrame({"item": np.arange(n_items), "coder": f"c{c}", "value": vals}))
    return pd.concat(rows, ignore_index=True)


@pytest.mark.slow
def test_alpha_ci_coverage_simulation():
    """95% intervals cover the population alpha (q^2 = 0.64) in about 95% of 200 data sets
    (Monte Carlo SE 1.5 points)."""
    rng = np.random.default_rng(20261201)
    q, covered = 0.8, 0
    reps = 200
    for r in range(reps):
        long = _simulated(rng, n_items=150, n_coders=3, q=q)
        row = krippendorff_alpha_ci(long, item="item", coder="coder", value="value", n_boot=300, seed=r).iloc[0]
        covered += row["ci_low"] <= q**2 <= row["ci_high"]
    assert 0.90 <= covered / reps <= 0.99, covered / reps


LIKERT = ["strongly disagree", "disagree", "neutral", "agree", "strongly agree"]


def _likert_pair():
    rng = np.random.default_rng(11)
    a = rng.integers(0, 5, 200)
    b = np.clip(a + rng.integers(-1, 2, 200), 0, 4)
    return a, b


def test_weighted_kappa_text_labels_use_given_order():
    a, b = _likert_pair()
    numbers = cohen_kappa(pd.DataFrame({"a": a, "b": b}), raters=["a", "b"], weighting="quadratic")["estimate"].iloc[0]
    text = pd.DataFrame({"a": [LIKERT[i] for i in a], "b": [LIKERT[i] for i in b]})
    with_levels = cohen_kappa(text, raters=["a", "b"], weighting="quadratic", levels=LIKERT)["estimate"].iloc[0]
    cat = text.apply(lambda s: pd.Categorical(s, categories=LIKERT, ordered=True))
    ordered = cohen_kappa(cat, raters=["a", "b"], weighting="quadratic")["estimate"].iloc[0]
    assert_allclose([with_levels, ordered], numbers, rtol=1e-12)
    alphabetical = sorted(LIKERT)
    wrong = cohen_kappa(text, raters=["a", "b"], weighting="quadratic", levels=alphabetical)["estimate"].iloc[0]
    assert abs(wrong - numbers) > 0.1  # the old silent answer differs
    with pytest.raises(ParameterError, match="order.*levels="):
        cohen_kappa(text, raters=["a", "b"], weighting="quadratic")
    # unweighted kappa does not depend on the order: text is fine
    unweighted = cohen_kappa(text, raters=["a", "b"])["estimate"].iloc[0]
    assert_allclose(unweighted, cohen_kappa(pd.DataFrame({"a": a, "b": b}), raters=["a", "b"])["estimate"].iloc[0])


def test_kappa_text_against_number_codes_refused():
    wide = pd.DataFrame({"coder_a": ["1", "0", "1", "1"], "coder_b": [1, 0, 1, 0]})
    with pytest.raises(ParameterError, match="'coder_a' and 'coder_b'.*text.*number"):
        cohen_kappa(wide, raters=["coder_a", "coder_b"])
    long = pd.DataFrame({"item": [1, 1, 2, 2], "coder": ["A", "B", "A", "B"], "value": ["1", 1, "0", 0]})
    with pytest.raises(ParameterError, match="column 'value'.*'A' and 'B'"):
        cohen_kappa(long, item="item", coder="coder", value="value")


def test_levels_must_cover_values():
    text = pd.DataFrame({"a": ["low", "high"], "b": ["low", "mid"]})
    with pytest.raises(ParameterError, match="levels"):
        cohen_kappa(text, raters=["a", "b"], weighting="linear", levels=["low", "high"])


def test_old_argument_names_are_gone():
    """No aliases: nothing has been released (docs/vocabulary.md)."""
    long = counts_to_long(WIKI[:3])
    with pytest.raises(TypeError, match="unit"):
        krippendorff_alpha(long, unit="item", coder="coder", value="value")
