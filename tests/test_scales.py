"""score_scales against R psych::scoreItems on psych::bfi, the item bank, and bad input.

Reference: ``tests/reference/reliability.R`` (R 4.2, psych 2.2.9).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from _reliability_bfi import REFERENCE, SCALES, as_categorical, bfi, bfi_dictionary_table
from numpy.testing import assert_allclose

from toolkit.dictionary import default_dictionary, load_dictionary
from toolkit.errors import ColumnNotFoundError, DataValidationError, ParameterError
from toolkit.survey import score_scales
from toolkit.survey.scales import min_items_required

SCORES_REF = pd.read_csv(REFERENCE / "reliability_scores.csv")


@pytest.fixture(scope="module")
def data():
    return bfi()


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return fn(*args, **kwargs)


def test_scores_match_psych_scoreitems(data):
    """R: ``psych::scoreItems(keys, bfi, totals = FALSE, impute = "none", min = 1,
    max = 6)$scores`` -- mean of answered items, reversed items as 7 - x. With
    ``min_items=1`` every respondent with at least one answer is scored, as in psych."""
    res = score_scales(data, bfi_dictionary_table(), min_items=1)
    assert list(res.columns) == [c for s in "ACENO" for c in (s, f"{s}_n_answered")]
    for s in "ACENO":
        assert_allclose(res[s], SCORES_REF[s], rtol=0, atol=1e-10, err_msg=s)
        assert (res[f"{s}_n_answered"].to_numpy() == SCORES_REF[f"{s}_n_answered"]).all()
    assert res.index.equals(data.index)


def test_default_half_rule(data):
    """Default min_items=0.5: 3 of 5 items needed; scores otherwise equal psych's means.
    R: ``psych::scoreItems(keys, bfi, totals = FALSE, impute = "none", min = 1, max = 6)$scores``
    with the number answered from ``rowSums(!is.na(bfi[, items]))`` (reliability.R)."""
    with pytest.warns(UserWarning, match=r"Scale '\w': \d+ respondent\(s\) answered fewer than 3"):
        res = score_scales(data, bfi_dictionary_table())
    for s in "ACENO":
        n = SCORES_REF[f"{s}_n_answered"]
        ok = n >= 3
        assert_allclose(res.loc[ok, s], SCORES_REF.loc[ok, s], rtol=0, atol=1e-10)
        assert res.loc[~ok, s].isna().all()
        assert res.attrs["not_scored"][s] == int((~ok).sum())
    assert res.attrs["min_items"] == dict.fromkeys("ACENO", 3)


def test_prorated_sum_and_categorical_input(data):
    d = bfi_dictionary_table()
    mean = score_scales(data, d, min_items=1)
    total = score_scales(data, d, min_items=1, method="sum")
    assert_allclose(total["N"], 5 * mean["N"], rtol=0, atol=1e-12)
    cat = as_categorical(data, [i for items in SCALES.values() for i in items])
    pd.testing.assert_frame_equal(score_scales(cat, d, min_items=1), mean)


def test_item_bank_reverse_keying_by_hand():
    """The bundled item bank: impact_shrug is reverse-keyed on 1..5, so 1 scores 5."""
    d = default_dictionary()
    assert d.is_reverse("impact_shrug") and tuple(d.range("impact_shrug")) == (1.0, 5.0)
    items = d.scales()["impact"]
    row = dict.fromkeys(items, 4)
    row["impact_shrug"] = 1  # reversed: 1 + 5 - 1 = 5
    part = dict(row, impact_sleep=np.nan, impact_work=np.nan)
    data = pd.DataFrame([row, part], index=[10, 11])
    cat = as_categorical(data, items, categories=range(1, 6))
    res = score_scales(cat, d, scales=["impact"])
    expected = [(4 * (len(items) - 1) + 5) / len(items), (4 * (len(items) - 3) + 5) / (len(items) - 2)]
    assert_allclose(res["impact"], expected, rtol=0, atol=1e-12)
    assert list(res["impact_n_answered"]) == [len(items), len(items) - 2]
    assert list(res.index) == [10, 11]


def test_item_bank_scales_all_scored():
    """Every scale of the item bank is scored (no silent omission)."""
    d = default_dictionary()
    items = [i for its in d.scales().values() for i in its]
    rng = np.random.default_rng(2)
    data = pd.DataFrame(rng.integers(1, 6, size=(20, len(items))), columns=items)
    res = score_scales(data, d)
    assert [c for c in res.columns if not c.endswith("_n_answered")] == list(d.scales())
    assert res.notna().all().all()


@pytest.mark.parametrize(
    "rule, k, need",
    [(0.5, 5, 3), (0.5, 4, 2), (1.0, 5, 5), (0.8, 5, 4), (1, 5, 1), (3, 5, 3), (9, 4, 4)],
)
def test_min_items_rule(rule, k, need):
    assert min_items_required(rule, k) == need


def test_min_items_applied_per_respondent():
    t = pd.DataFrame(
        {
            "variable": ["a", "b", "c", "d"],
            "label": "",
            "type": "likert",
            "values": "1=No; 2=Maybe; 3=Yes",
            "missing": "",
            "scale": "s",
            "reverse": "",
            "min": "",
            "max": "",
            "required": "",
            "pillar": "",
            "disclosure": "public",
        }
    )
    d = load_dictionary(t)
    data = pd.DataFrame({"a": [1, 1, np.nan], "b": [3, np.nan, np.nan], "c": [2, np.nan, np.nan], "d": [2, 3, 3]})
    with pytest.warns(UserWarning, match=r"'s': 1 respondent\(s\) answered fewer than 2 of"):
        res = score_scales(data, d, min_items=2)
    assert_allclose(res["s"], [2.0, 2.0, np.nan])
    with pytest.warns(UserWarning, match=r"'s': 2 respondent\(s\) answered fewer than 3 of"):
        res = score_scales(data, d, min_items=3)
    assert_allclose(res["s"], [2.0, np.nan, np.nan])


@pytest.mark.parametrize(
    "change, kwargs, error, match",
    [
        ("drop", {}, ColumnNotFoundError, r"'A': \['A1'\]"),
        ("text", {}, ParameterError, r"Column 'N2' holds text"),
        ("labels", {}, ParameterError, r"Column 'N2' is a categorical of labels"),
        ("range", {}, DataValidationError, r"9 in column 'E3' at row index 4"),
        (None, {"scales": ["Z"]}, ParameterError, r"\['Z'\]"),
        (None, {"min_items": 0}, ParameterError, "'min_items'"),
        (None, {"min_items": 1.5}, ParameterError, "'min_items'"),
        (None, {"method": "median"}, ParameterError, "'method' parameter of score_scales"),
        ("list", {}, ParameterError, "'data' parameter"),
    ],
)
def test_bad_input_raises_clear_error(data, change, kwargs, error, match):
    x = data.copy()
    if change == "drop":
        x = x.drop(columns="A1")
    elif change == "text":
        x["N2"] = x["N2"].map(lambda v: "often" if v == 6 else v).astype(object)
    elif change == "labels":
        x["N2"] = pd.Categorical(x["N2"].map({1: "low", 6: "high"}))
    elif change == "range":
        x.loc[4, "E3"] = 9
    elif change == "list":
        x = x.to_numpy().tolist()
    with pytest.raises(error, match=match):
        _quiet(score_scales, x, bfi_dictionary_table(), **kwargs)


def test_scale_nobody_answered_warns(data):
    x = data.copy()
    x[SCALES["O"]] = np.nan
    with pytest.warns(UserWarning, match="Scale 'O': no respondent answered any"):
        res = score_scales(x, bfi_dictionary_table(), scales=["O"])
    assert res["O"].isna().all() and res.attrs["not_scored"]["O"] == len(x)
