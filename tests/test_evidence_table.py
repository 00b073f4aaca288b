"""Tests of toolkit.evaluate.evidence (evidence_table).

Reference: ``tests/reference/evaluate_evidence.R`` (R 4.2: t.test p-values and
``p.adjust(p, "holm")`` / ``p.adjust(p, "BH")``) on R data sets exported by
``tests/reference/evaluate_prepost.R``.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest
from numpy.testing import assert_allclose

from toolkit.errors import DataWarning, ParameterError
from toolkit.evaluate import evidence_table, pre_post
from toolkit.evaluate.groups import mixed_model

REF = Path(__file__).parent / "reference"


def _results():
    sleep = pd.read_csv(REF / "data" / "evaluate_sleep.csv")
    tooth = pd.read_csv(REF / "data" / "evaluate_toothgrowth.csv")
    an = pd.read_csv(REF / "data" / "evaluate_anorexia.csv")
    chick = pd.read_csv(REF / "data" / "evaluate_chickweight.csv")
    long = an.melt(id_vars=["subject", "Treat"], value_vars=["Prewt", "Postwt"], var_name="wave", value_name="weight")
    res = {
        "sleep": pre_post(sleep, outcome="extra", time="group", subject="ID"),
        "toothgrowth": pre_post(tooth, outcome="len", time="supp", pre="VC", post="OJ"),
    }
    for g in ["CBT", "Cont", "FT"]:
        res[f"anorexia_{g}"] = pre_post(
            long[long["Treat"] == g], outcome="weight", time="wave", subject="subject", pre="Prewt", post="Postwt"
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # chicks missing on day 2 are reported, not silently dropped
        res["chick_diet1"] = pre_post(
            chick[chick["Diet"] == 1], outcome="weight", time="Time", subject="Chick", pre=0, post=2
        )
    return res


@pytest.mark.parametrize("correction,column", [("holm", "holm"), ("fdr_bh", "BH")])
def test_adjusted_p_matches_r_p_adjust(correction, column):
    """R: p.adjust(p, "holm") and p.adjust(p, "BH") over six t.test p-values."""
    ref = pd.read_csv(REF / "evaluate_evidence_padjust.csv")
    tab = evidence_table(_results(), correction=correction)
    assert list(tab["result"]) == list(ref["result"])
    assert_allclose(tab["p"].to_numpy(), ref["p"].to_numpy(), rtol=1e-6, atol=1e-12)
    assert_allclose(tab["p_adj"].to_numpy(), ref[column].to_numpy(), rtol=1e-6, atol=1e-12)
    assert tab.attrs["n_tests"] == 6 and tab.attrs["correction"] == correction


def test_adjustment_of_plain_p_vector_matches_r():
    """Same R p-values given directly as a table (estimate, p only).
    R: ``p.adjust(p, "holm")`` and ``p.adjust(p, "BH")`` (evaluate_evidence.R)."""
    ref = pd.read_csv(REF / "evaluate_evidence_padjust.csv")
    frame = ref[["result", "p"]].assign(estimate=1.0)
    for correction, column in (("holm", "holm"), ("fdr_bh", "BH")):
        tab = evidence_table(frame, correction=correction)
        assert_allclose(tab["p_adj"].to_numpy(), ref[column].to_numpy(), rtol=1e-12, atol=1e-15)


def test_labels_on_real_results():
    tab = evidence_table(_results()).set_index("result")
    # anorexia controls: no change (p = 0.78)
    assert tab.loc["anorexia_Cont", "strength"] == "no clear evidence"
    # chicks gain weight from day 0 to day 2: adjusted p < 0.001, large d_z, CI far from 0
    assert tab.loc["chick_diet1", "strength"] == "strong evidence"
    assert tab.loc["chick_diet1", "direction"] == "increase"
    assert tab.loc["sleep", "caveat"].startswith("before-and-after")


def _row(**kw):
    base = {
        "estimate": 1.0,
        "ci_low": 0.5,
        "ci_high": 1.5,
        "p": 0.0001,
        "effect_size": 0.9,
        "effect_size_ci_low": 0.6,
        "effect_size_ci_high": 1.2,
        "effect_size_kind": "d",
    }
    base.update(kw)
    return pd.DataFrame([base])


@pytest.mark.parametrize(
    "row,label",
    [
        (_row(), "strong evidence"),
        (_row(p=0.005), "moderate evidence"),
        (_row(p=0.03), "weak evidence"),
        (_row(p=0.2), "no clear evidence"),
        (_row(ci_low=-0.1), "no clear evidence"),  # rule 1: CI contains 0
        (_row(effect_size=0.1, effect_size_ci_low=0.05, effect_size_ci_high=0.15), "weak evidence"),  # rule 3
        (_row(effect_size_ci_low=0.1), "moderate evidence"),  # rule 4: could be negligible
        (_row(p=0.03, effect_size_ci_low=0.1), "weak evidence"),  # never below weak once p < alpha
        (
            _row(
                estimate=-1.0,
                ci_low=-1.5,
                ci_high=-0.5,
                effect_size=-0.9,
                effect_size_ci_low=-1.2,
                effect_size_ci_high=-0.6,
            ),
            "strong evidence",
        ),  # decreases are symmetric
    ],
)
def test_strength_rules(row, label):
    assert evidence_table(row, correction="none")["strength"].iloc[0] == label


def test_rows_without_p_are_reported():
    an = pd.read_csv(REF / "data" / "evaluate_anorexia.csv")
    long = an.melt(id_vars=["subject", "Treat"], value_vars=["Prewt", "Postwt"], var_name="time", value_name="weight")
    long["time"] = long["time"].map({"Prewt": "pre", "Postwt": "post"})
    mm = mixed_model(long, outcome="weight", within="time", between="Treat", subject="subject")
    with pytest.warns(DataWarning, match="2 row") as caught:
        tab = evidence_table({"anorexia lmm": mm})
    assert len(tab) == 6 and tab["caveat"].eq("").all()
    assert [w.message.n_excluded for w in caught if isinstance(w.message, DataWarning)] == [2]


def test_attrs_are_not_inherited_from_inputs():
    """Issue 15: pre_post's pre / post / notes used to leak into the evidence table's attrs."""
    sleep = pd.read_csv(REF / "data" / "evaluate_sleep.csv")  # R's sleep, as the tests above read it
    pp = pre_post(sleep, outcome="extra", time="group", subject="ID")
    assert {"pre", "post", "notes"} <= set(pp.attrs)
    tab = evidence_table({"a": pp, "b": pp.copy()})
    assert set(tab.attrs) == {"correction", "alpha", "n_tests"}


@pytest.mark.parametrize(
    "call,match",
    [
        (lambda: evidence_table([1, 2]), "not a DataFrame"),
        (lambda: evidence_table({}), "empty"),
        (lambda: evidence_table("x"), "must be a dict"),
        (lambda: evidence_table(pd.DataFrame({"p": [0.1]})), "'estimate'"),
        (lambda: evidence_table(_row(), correction="BH"), "must be one of"),
        (lambda: evidence_table(_row(), alpha=0), "between 0 and 1"),
        (lambda: evidence_table(_row(p=1.5)), r"\[0, 1\]"),
    ],
)
def test_bad_input(call, match):
    with pytest.raises(ParameterError, match=match):
        call()
