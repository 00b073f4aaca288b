"""The fast path of krippendorff_alpha (clean numeric tables read straight from the
columns' arrays, alpha from the unit x value counts) against the general path (long
table checked and coded, coincidence matrix, distance matrix) and the krippendorff
package, on random tables of the benchmark's shapes, with and without missing values."""

from __future__ import annotations

import importlib

import krippendorff
import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from toolkit.errors import DataValidationError, ParameterError
from toolkit.qual import _coincidence as co
from toolkit.qual.agreement import krippendorff_alpha

ag = importlib.import_module("toolkit.qual.agreement")  # the module (toolkit.qual.agreement is also a function)
LEVELS = ("nominal", "ordinal", "interval", "ratio")
SHAPES = [(2, 30, 3), (3, 100, 5), (10, 1_000, 5), (3, 1_000, 5), (50, 200, 5), (2, 2_000, 2)]


def _matrix(rng, coders, items, values, missing):
    truth = rng.integers(0, values, items)
    mat = np.where(rng.random((coders, items)) < 0.7, truth, rng.integers(0, values, (coders, items))).astype(float)
    mat[rng.random(mat.shape) < missing] = np.nan
    return mat


def _long(mat, coder_names=None):
    coders, items = mat.shape
    names = coder_names if coder_names is not None else [f"c{i}" for i in range(coders)]
    return pd.DataFrame(
        {"item": np.tile(np.arange(items), coders), "coder": np.repeat(names, items), "value": mat.ravel()}
    )


def _general(long, level, item="item", coder="coder", value="value"):
    """Alpha by the general path: checked inputs, coincidence matrix, distance matrix."""
    u, v, domain = ag._alpha_inputs(long, item, coder, value, level, "test")
    o = co.coincidences(u, v, len(domain))
    n_v = o.sum(axis=1)
    return co.alpha_from_coincidences(o, co.distance_matrix(level, domain, n_v), n_v)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("missing", [0.0, 0.15])
def test_fast_path_equals_general_path_and_package(shape, level, missing):
    rng = np.random.default_rng([*shape, LEVELS.index(level), int(missing * 100)])
    mat = _matrix(rng, *shape, missing)
    long = _long(mat)
    fast = ag._fast_alpha(long, "item", "coder", "value", level)
    assert fast is not None  # the fast path is taken on these tables
    assert_allclose(fast, _general(long, level), rtol=0, atol=1e-10)
    assert_allclose(fast, krippendorff.alpha(reliability_data=mat, level_of_measurement=level), rtol=0, atol=1e-10)
    assert_allclose(krippendorff_alpha(long, item="item", coder="coder", value="value", level=level), fast, atol=0)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("gap", [9, 40])
def test_fast_path_other_layouts(level, gap):
    """Item by item (coders interleaved), shuffled rows, integer values with gaps (a short
    range kept whole, a longer one remapped), offset item numbers, integer coder names:
    the same alpha as the general path and package."""
    rng = np.random.default_rng(5)
    mat = _matrix(rng, 4, 300, 6, 0.2)
    mat[mat == 2] = gap  # a gap in the values
    ref = krippendorff.alpha(reliability_data=mat, level_of_measurement=level)
    long = _long(mat)
    variants = {
        "item-major": long.sort_values(["item", "coder"], kind="stable").reset_index(drop=True),
        "shuffled": long.sample(frac=1, random_state=3).reset_index(drop=True),
        "offset items": long.assign(item=long["item"] + 10_000),
        "integer coders": _long(mat, coder_names=[7, 3, 5, 1]),
        "object coders": long.assign(coder=long["coder"].astype(object)),
        "short": _long(mat[:, :20]),
    }
    for name, table in variants.items():
        got = krippendorff_alpha(table, item="item", coder="coder", value="value", level=level)
        expected = (
            ref if name != "short" else krippendorff.alpha(reliability_data=mat[:, :20], level_of_measurement=level)
        )
        assert_allclose(got, expected, rtol=0, atol=1e-10, err_msg=name)
        assert_allclose(got, _general(table, level), rtol=0, atol=1e-10, err_msg=name)
    whole = _long(np.nan_to_num(mat, nan=1.0)).astype({"value": np.int64})  # integer values
    assert_allclose(
        krippendorff_alpha(whole, item="item", coder="coder", value="value", level=level),
        krippendorff.alpha(reliability_data=np.nan_to_num(mat, nan=1.0), level_of_measurement=level),
        rtol=0,
        atol=1e-10,
    )


@pytest.mark.parametrize("n_items", [30, 400])
def test_fast_path_leaves_bad_input_to_the_general_path(n_items):
    """Repeated (item, coder) pairs and missing coders are reported as before; negative
    ratio values refused; non-integer values and undefined alpha handled as before."""
    rng = np.random.default_rng(1)
    long = _long(_matrix(rng, 3, n_items, 4, 0.0))
    again_missing = pd.concat([long, long.iloc[[5]].assign(value=np.nan)], ignore_index=True)
    assert_allclose(  # a repeated pair without a value carries no information: allowed, as before
        krippendorff_alpha(again_missing, item="item", coder="coder", value="value"),
        _general(long, "nominal"),
        atol=1e-12,
    )
    dup = pd.concat([long, long.iloc[[5]]], ignore_index=True)
    assert ag._fast_alpha(dup, "item", "coder", "value", "nominal") is None
    with pytest.raises(DataValidationError):
        krippendorff_alpha(dup, item="item", coder="coder", value="value")
    # a repeat inside a coder's rows, items not rising
    swapped = long.copy()
    swapped.loc[1, "item"] = 0
    with pytest.raises(DataValidationError):
        krippendorff_alpha(swapped, item="item", coder="coder", value="value")
    no_coder = long.copy()
    no_coder.loc[long["value"].notna().idxmax(), "coder"] = None
    with pytest.raises(ParameterError, match="coder"):
        krippendorff_alpha(no_coder, item="item", coder="coder", value="value")
    with pytest.raises(ParameterError, match="ratio"):
        krippendorff_alpha(
            long.assign(value=long["value"] - 2), item="item", coder="coder", value="value", level="ratio"
        )
    halves = long.assign(value=long["value"] / 2)
    assert ag._fast_alpha(halves, "item", "coder", "value", "interval") is None
    assert_allclose(
        krippendorff_alpha(halves, item="item", coder="coder", value="value", level="interval"),
        krippendorff_alpha(long, item="item", coder="coder", value="value", level="interval"),
        atol=1e-12,
    )
    with pytest.warns(UserWarning, match="undefined"):
        assert np.isnan(krippendorff_alpha(long.assign(value=1.0), item="item", coder="coder", value="value"))


@pytest.mark.parametrize("n_items", [20, 200])
@pytest.mark.parametrize("level", ["nominal", "ordinal"])
def test_fast_path_large_integer_values_shifted_exactly(n_items, level):
    """Integer codes beyond 2**53 (no float holds them apart): the same alpha as the codes
    0..3 they stand for (nominal and ordinal alpha depend only on the order)."""
    v = np.random.default_rng(n_items).integers(0, 4, 3 * n_items)
    small = pd.DataFrame(
        {"item": np.tile(np.arange(n_items), 3), "coder": np.repeat(["a", "b", "c"], n_items), "value": v}
    )
    large = small.assign(value=v.astype(np.int64) + 2**60)
    expected = krippendorff.alpha(reliability_data=v.reshape(3, n_items), level_of_measurement=level)
    for table in (small, large):
        got = krippendorff_alpha(table, item="item", coder="coder", value="value", level=level)
        assert_allclose(got, expected, rtol=0, atol=1e-10)
