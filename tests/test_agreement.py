"""Tests of toolkit.qual.agreement: Krippendorff's alpha, Cohen's kappa, project agreement."""

from __future__ import annotations

from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from toolkit.errors import ColumnNotFoundError, DataValidationError, ParameterError
from toolkit.qual.agreement import cohen_kappa, krippendorff_alpha

REF = Path(__file__).parent / "reference"
nan = np.nan

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
# reliability data matrix, 4 observers x 12 units, values 1-5, with missing data.
K2011_C = np.array(
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
        [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
    ]
)
# Wikipedia "Krippendorff's alpha", computational example (3 coders x 15 units).
WIKI = np.array(
    [
        [nan, nan, nan, nan, nan, 3, 4, 1, 2, 1, 1, 3, 3, nan, 3],
        [1, nan, 2, 1, 3, 3, 4, 3, nan, nan, nan, nan, nan, nan, nan],
        [nan, nan, 2, 1, 3, 4, 4, nan, 2, 1, 1, 3, 3, nan, 4],
    ]
)


def to_long(matrix):
    """Coders x units matrix -> long data (one row per unit and coder, NaN kept)."""
    m, n = matrix.shape
    return pd.DataFrame(
        {
            "unit": np.tile(np.arange(n), m),
            "coder": np.repeat([f"c{i}" for i in range(m)], n),
            "value": matrix.ravel(),
        }
    )


def alpha(matrix, level):
    return krippendorff_alpha(to_long(matrix), item="unit", coder="coder", value="value", level=level)


@pytest.mark.parametrize(
    "level, published",
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_alpha_krippendorff_2011_section_c(level, published):
    """Krippendorff (2011) sections C and D report alpha to three decimals for this matrix:
    nominal .743, ordinal .815, interval .849, ratio .797."""
    assert round(alpha(K2011_C, level), 3) == published


def test_alpha_krippendorff_2011_section_a_binary():
    """Krippendorff (2011) section A: two observers, binary data, alpha = 0.095."""
    data = np.array([[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]], float)
    assert round(alpha(data, "nominal"), 3) == 0.095


@pytest.mark.parametrize("level, published", [("nominal", 0.691), ("interval", 0.811)])
def test_alpha_wikipedia_example(level, published):
    """Wikipedia's computational example: nominal 0.691, interval 0.811."""
    assert round(alpha(WIKI, level), 3) == published


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_alpha_matches_krippendorff_package(level, seed):
    """Same value as the `krippendorff` package (krippendorff.alpha) with missing data."""
    rng = np.random.default_rng(seed)
    n, m = 200, 4
    truth = rng.integers(1, 7, n)
    mat = np.where(rng.random((m, n)) < 0.6, truth, rng.integers(1, 7, (m, n))).astype(float)
    mat[rng.random((m, n)) < 0.25] = nan
    expected = krippendorff.alpha(reliability_data=mat, level_of_measurement=level)
    assert_allclose(alpha(mat, level), expected, rtol=0, atol=1e-10)


def test_alpha_ordinal_categorical_and_strings():
    """Ordered categorical labels give the numeric ordinal value; strings work for nominal."""
    labels = np.array(["very low", "low", "mid", "high", "very high"], dtype=object)
    long = to_long(K2011_C)
    as_text = long["value"].map(lambda v: labels[int(v) - 1] if v == v else None)
    long["label"] = pd.Categorical(as_text, categories=labels, ordered=True)
    got = krippendorff_alpha(long, item="unit", coder="coder", value="label", level="ordinal")
    assert_allclose(got, alpha(K2011_C, "ordinal"), atol=1e-12)
    long["text"] = as_text
    got = krippendorff_alpha(long, item="unit", coder="coder", value="text")
    assert_allclose(got, alpha(K2011_C, "nominal"), atol=1e-12)


def test_alpha_recovers_simulated_reliability():
    """Coders who copy the truth with probability q, else guess uniformly among K
    categories, have nominal alpha -> q**2 in large samples (chance agreement 1/K)."""
    rng = np.random.default_rng(7)
    n, q, k = 20000, 0.8, 4
    truth = rng.integers(0, k, n)
    mat = np.where(rng.random((2, n)) < q, truth, rng.integers(0, k, (2, n))).astype(float)
    assert abs(alpha(mat, "nominal") - q**2) < 0.02


def test_alpha_undefined_warns():
    long = pd.DataFrame({"unit": [1, 1, 2, 2], "coder": ["a", "b"] * 2, "value": [1, 1, 1, 1]})
    with pytest.warns(UserWarning, match="undefined"):
        assert np.isnan(krippendorff_alpha(long, item="unit", coder="coder", value="value"))


# --------------------------------------------------------------------------- kappa


def kappa_reference():
    return pd.read_csv(REF / "agreement_kappa.csv").set_index("case")


def test_kappa_matches_psych_on_bfi():
    """R: psych::cohen.kappa(psych::bfi[complete.cases(A2, A3), c("A2", "A3")])
    (tests/reference/agreement.R); kappa, its SE and CI to 1e-6."""
    ref = kappa_reference().loc["bfi_A2_A3_unweighted"]
    data = pd.read_csv(REF / "data" / "agreement_bfi.csv")
    res = cohen_kappa(data, raters=["A2", "A3"])
    row = res.iloc[0]
    assert_allclose(
        row[["estimate", "se", "ci_low", "ci_high"]].to_numpy(float),
        ref[["estimate", "se", "ci_low", "ci_high"]].to_numpy(float),
        atol=1e-6,
    )
    assert row["n"] == ref["n"]
    assert res.attrs["ci"] == 0.95


def test_weighted_kappa_matches_psych_estimate():
    """R: psych::cohen.kappa(...)$weighted.kappa (quadratic weights), estimate to 1e-8.
    (psych's variance of weighted kappa uses another formula; the SE is statsmodels'.)"""
    ref = kappa_reference().loc["bfi_A2_A3_weighted"]
    data = pd.read_csv(REF / "data" / "agreement_bfi.csv")
    res = cohen_kappa(data, raters=["A2", "A3"], weighting="quadratic")
    assert_allclose(res["estimate"].iloc[0], ref["estimate"], atol=1e-8)


@pytest.mark.parametrize(
    "case, weights",
    [("bfi_A2_A3_unweighted", None), ("bfi_A2_A3_quadratic", "quadratic"), ("wikipedia_2x2", None)],
)
def test_kappa_se_and_test_match_fleiss_cohen_everitt(case, weights):
    """Standard error, z statistic (kappa / SE under the null) and p of (weighted) kappa.
    R: the large-sample variances of Fleiss, Cohen & Everitt (1969) written out in base R,
    ``fce(table(A2, A3), w)`` with w = diag(6) or 1 - (i - j)^2 / 25 (tests/reference/agreement.R,
    agreement_kappa_fce.csv); psych reports neither the null SE nor the weighted-kappa SE of
    that paper."""
    ref = pd.read_csv(REF / "agreement_kappa_fce.csv").set_index("case").loc[case]
    if case == "wikipedia_2x2":
        data = pd.DataFrame(
            {"A2": ["yes"] * 25 + ["no"] * 25, "A3": ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15}
        )
    else:
        data = pd.read_csv(REF / "data" / "agreement_bfi.csv")
    row = cohen_kappa(data, raters=["A2", "A3"], weighting=weights).iloc[0]
    assert_allclose(
        row[["estimate", "se", "statistic"]].to_numpy(float),
        ref[["estimate", "se", "statistic"]].to_numpy(float),
        rtol=1e-8,
        atol=1e-10,
    )
    assert_allclose(row["p"], ref["p"], rtol=1e-6, atol=0)
    assert row["n"] == ref["n"]


def test_kappa_wikipedia_example_long_and_wide():
    """Wikipedia 'Cohen's kappa' worked example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no
    gives kappa = 0.4 (p_o = 0.7, p_e = 0.5); SE and CI as R psych::cohen.kappa."""
    ref = kappa_reference().loc["wikipedia_2x2"]
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    wide = pd.DataFrame({"A": a, "B": b})
    long = wide.reset_index().melt(id_vars="index", var_name="coder", value_name="code")
    for res in (
        cohen_kappa(wide, raters=["A", "B"]),
        cohen_kappa(long, item="index", coder="coder", value="code"),
    ):
        row = res.iloc[0]
        assert_allclose(row["estimate"], 0.4, atol=1e-12)
        assert_allclose(row["observed"], 0.7, atol=1e-12)
        assert_allclose(row["expected"], 0.5, atol=1e-12)
        assert_allclose(
            row[["se", "ci_low", "ci_high"]].to_numpy(float),
            ref[["se", "ci_low", "ci_high"]].to_numpy(float),
            atol=1e-6,
        )


def test_kappa_drops_incomplete_with_warning():
    wide = pd.DataFrame({"a": [1, 0, 1, None], "b": [1, 0, 0, 1]})
    with pytest.warns(UserWarning, match="1 unit"):
        res = cohen_kappa(wide, raters=["a", "b"])
    assert res["n"].iloc[0] == 3


def _long():
    return pd.DataFrame({"u": [1, 1, 2, 2], "c": ["a", "b", "a", "b"], "v": [1, 2, 1, 1]})


@pytest.mark.parametrize(
    "call, error, match",
    [
        (lambda: krippendorff_alpha([[1, 2]], item="u", coder="c", value="v"), ParameterError, "DataFrame"),
        (lambda: krippendorff_alpha(_long(), item="u", coder="c", value="x"), ColumnNotFoundError, "'x'"),
        (lambda: krippendorff_alpha(_long(), item="u", coder="c", value="v", level="metric"), ParameterError, "level"),
        (
            lambda: krippendorff_alpha(pd.concat([_long(), _long()]), item="u", coder="c", value="v"),
            DataValidationError,
            "more than once|repeat",
        ),
        (
            lambda: krippendorff_alpha(
                _long().assign(v=["x", "y", "x", "x"]), item="u", coder="c", value="v", level="interval"
            ),
            ParameterError,
            "not a number",
        ),
        (
            lambda: krippendorff_alpha(_long().assign(v=[-1, 2, 1, 1]), item="u", coder="c", value="v", level="ratio"),
            ParameterError,
            "negative",
        ),
        (lambda: cohen_kappa(_long(), raters=["u"]), ParameterError, "exactly two"),
        (lambda: cohen_kappa(_long(), item="u", coder="c"), ParameterError, "value="),
        (lambda: cohen_kappa(_long(), item="u", coder="c", value="v", coders=["a", "z"]), ParameterError, "coders"),
        (lambda: cohen_kappa(_long(), raters=["u", "v"], weighting="cubic"), ParameterError, "weighting"),
        (lambda: cohen_kappa(_long(), raters=["u", "v"], ci=95), ParameterError, "'ci'"),
    ],
)
def test_errors(call, error, match):
    with pytest.raises(error, match=match):
        call()


# --------------------------------------------------------------------------- project agreement


def _project(segments):
    from toolkit.qual.project import QualProject

    text = "x" * 40
    sources = pd.DataFrame(
        {"id": ["S1", "S2"], "kind": "interview", "name": ["a", "b"], "text": [text, text], "case": ["C1", "C2"]}
    )
    cases = pd.DataFrame({"id": ["C1", "C2"], "pseudonym": ["P1", "P2"]})
    codebook = pd.DataFrame(
        {
            "id": ["X", "Y"],
            "name": ["x", "y"],
            "parent": [None, None],
            "definition": ["d", "d"],
            "pillar": ["support", "support"],
        }
    )
    seg = pd.DataFrame(segments, columns=["source", "start", "end", "code", "coder"])
    seg["case"] = seg["source"].map({"S1": "C1", "S2": "C2"})
    seg["text"] = [text[s:e] for s, e in zip(seg["start"], seg["end"])]
    return QualProject(sources, cases, codebook, seg)


def test_agreement_hand_example_overlapping_spans():
    """A codes X on [0, 10), B on [5, 15): units [0,5) [5,10) [10,15); A = 1 1 0,
    B = 0 1 1: agreement 1/3, kappa = (1/3 - 5/9) / (4/9) = -0.5; alpha as the
    krippendorff package on the same three units. S2 (coded by A only) is left out."""
    from toolkit.qual.agreement import agreement

    proj = _project([("S1", 0, 10, "X", "A"), ("S1", 5, 15, "X", "B"), ("S2", 0, 5, "Y", "A")])
    res = agreement(proj, weight="units", n_boot=0).set_index(["code", "measure"])["estimate"]
    ref_alpha = krippendorff.alpha(reliability_data=[[1, 1, 0], [0, 1, 1]], level_of_measurement="nominal")
    assert_allclose(res[("X", "percent_agreement")], 1 / 3)
    assert_allclose(res[("X", "cohen_kappa")], -0.5)
    assert_allclose(res[("X", "krippendorff_alpha")], ref_alpha)
    assert set(res.index.get_level_values("code")) == {"X", "(overall)"}
    # character weights: every character a unit (5 characters per unit)
    chars = agreement(proj, n_boot=0).set_index(["code", "measure"])["estimate"]
    ref_chars = krippendorff.alpha(
        reliability_data=[[1] * 10 + [0] * 5, [0] * 5 + [1] * 10], level_of_measurement="nominal"
    )
    assert_allclose(chars[("X", "krippendorff_alpha")], ref_chars)
    assert_allclose(chars[("X", "cohen_kappa")], -0.5)


def test_agreement_units_equal_standalone_functions():
    """With weight='units', per-code values equal cohen_kappa and krippendorff_alpha run
    on the long presence table of the same units."""
    from toolkit.qual._coding_units import presence_table
    from toolkit.qual.agreement import agreement
    from toolkit.synth.qual import make_interviews

    proj = make_interviews(2)
    res = agreement(proj, weight="units", n_boot=0).set_index(["code", "measure"])["estimate"]
    table, codes, _ = presence_table(proj.segments, ["A", "B"], "segment", "units")
    for code in codes[:5]:
        t = table[table["code"] == code].assign(u=lambda d: d["source"] + d["unit"].astype(str))
        a = krippendorff_alpha(t, item="u", coder="coder", value="present")
        k = cohen_kappa(t, item="u", coder="coder", value="present")["estimate"].iloc[0]
        assert_allclose(res[(code, "krippendorff_alpha")], a, atol=1e-10)
        assert_allclose(res[(code, "cohen_kappa")], k, atol=1e-10)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_agreement_recovers_built_in_disagreement(seed):
    """Coder B of the synthetic study omits or recodes about 20% of A's segments. With
    a = unchanged, b = changed and c = recoded segments, kappa on rare codes approaches
    positive specific agreement 2a / (2a + b + c); the overall kappa should be within 0.05."""
    from toolkit.qual.agreement import agreement
    from toolkit.synth.qual import make_interviews

    proj = make_interviews(seed)
    changes = proj.truth["coder_b_changes"]
    compared = proj.truth["coder_b_segments_compared"]
    recoded = sum(c["change"].startswith("recoded") for c in changes)
    a = compared - len(changes)
    expected = 2 * a / (2 * a + len(changes) + recoded)
    res = agreement(proj, weight="units", n_boot=200, seed=seed)
    overall = res[(res["code"] == "(overall)")].set_index("measure")
    assert abs(overall.loc["cohen_kappa", "estimate"] - expected) < 0.05
    assert overall.loc["cohen_kappa", "ci_low"] < expected < overall.loc["cohen_kappa", "ci_high"]
    assert res.attrs["ci"] == 0.95


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"item": "word"}, ParameterError, "item"),
        ({"weight": "bytes"}, ParameterError, "weight"),
        ({"coders": ["A", "Z"]}, ParameterError, "coders"),
        ({"n_boot": -1}, ParameterError, "n_boot"),
        ({"ci": 1.5}, ParameterError, "'ci'"),
    ],
)
def test_agreement_errors(kwargs, error, match):
    from toolkit.qual.agreement import agreement

    proj = _project([("S1", 0, 10, "X", "A"), ("S1", 5, 15, "X", "B")])
    with pytest.raises(error, match=match):
        agreement(proj, **kwargs)


def test_agreement_needs_double_coding():
    from toolkit.qual.agreement import agreement

    proj = _project([("S1", 0, 10, "X", "A"), ("S2", 5, 15, "X", "B")])
    with pytest.raises(DataValidationError, match="double-code"):
        agreement(proj)
    with pytest.raises(ParameterError, match="QualProject"):
        agreement(pd.DataFrame())
