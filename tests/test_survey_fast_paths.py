"""The fast paths added for the national-scale benchmark give the same results as the
straightforward code they replace (which is kept as the fallback or written out here)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose
from scipy.optimize import least_squares

from toolkit.dictionary import COLUMNS, load_dictionary
from toolkit.io import convert
from toolkit.survey import _factor
from toolkit.survey._inputs import group_labels
from toolkit.survey._pairwise import cross_products, moments_from_sums, pairwise_moments


def _minres_trust_region(R):
    """The bounded scipy fit (the reference path of ``one_factor_minres``)."""
    k = R.shape[0]
    iu = np.triu_indices(k, 1)
    bound = np.sqrt(_factor.MAX_COMMUNALITY)
    vals, vecs = np.linalg.eigh(R)
    start = np.clip(np.abs(vecs[:, -1]) * np.sqrt(vals[-1]), -bound + 1e-9, bound - 1e-9)
    fit = least_squares(
        lambda lam: R[iu] - lam[iu[0]] * lam[iu[1]], start, bounds=(-bound, bound), xtol=1e-15, ftol=1e-15, gtol=1e-15
    )
    lam = fit.x
    return -lam if lam.sum() < 0 else lam


@pytest.mark.parametrize("seed", range(40))
def test_newton_minres_matches_trust_region(seed):
    rng = np.random.default_rng(seed)
    k, n = int(rng.integers(3, 10)), int(rng.integers(40, 400))
    load = rng.uniform(-0.3, 0.9, size=k)
    x = rng.normal(size=(n, 1)) * load + rng.normal(size=(n, k)) * np.sqrt(1 - load**2)
    R = np.corrcoef(x.T)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours = _factor.one_factor_minres(R)
    assert_allclose(ours, _minres_trust_region(R), rtol=0, atol=1e-6)
    # and it is the least-squares optimum: the gradient vanishes
    E = R - np.outer(ours, ours)
    np.fill_diagonal(E, 0.0)
    if np.all(np.abs(ours) < np.sqrt(_factor.MAX_COMMUNALITY) - 1e-6):
        assert np.abs(E @ ours).max() < 1e-9


@pytest.fixture
def items():
    rng = np.random.default_rng(3)
    n = 3000
    f = rng.normal(size=(n, 1))
    x = np.clip(np.round(3 + 0.8 * f + rng.normal(scale=0.8, size=(n, 6))), 1, 5)
    x[rng.random((n, 6)) < 0.1] = np.nan
    x[:7] = np.nan  # rows answering nothing
    x[:, 5] = x[:, 5] + rng.normal(scale=0.01, size=n)  # one non-integer item
    return x


def test_cross_products_listwise_equals_complete_rows(items):
    sums = cross_products(items, complete_rows=True)
    cov, _ = moments_from_sums(*sums[:4])
    n = sums[5]
    complete = items[~np.isnan(items).any(axis=1)]
    assert n == len(complete)
    assert_allclose(cov, np.cov(complete.T), rtol=0, atol=1e-12)


def test_cross_products_pairwise_counts_rows_and_keeps_input(items):
    before = items.copy()
    cov, cor, _ = pairwise_moments(np.asfortranarray(items))
    np.testing.assert_array_equal(items, before)  # overwrite=False leaves it alone
    frame = pd.DataFrame(items)
    assert_allclose(cov, frame.cov().to_numpy(), rtol=0, atol=1e-12)
    assert_allclose(cor, frame.corr().to_numpy(), rtol=0, atol=1e-12)
    *_, n = cross_products(items)
    assert n == int((~np.isnan(items)).any(axis=1).sum())


def test_group_labels_as_joined_strings():
    rng = np.random.default_rng(0)
    data = pd.DataFrame(
        {
            "force": pd.Series(rng.choice(["F01", "F02", None], 500), dtype=object),
            "role": pd.Categorical(rng.choice([1, 2, 3], 500)),
            "wave": rng.choice([1.0, 2.0, np.nan], 500),
        }
    )
    got = group_labels(data, ["force", "role", "wave"])
    parts = [data["force"], data["role"].astype(object), data["wave"].map(lambda v: v if pd.isna(v) else str(int(v)))]
    keep = np.logical_and.reduce([p.notna().to_numpy() for p in parts])
    expected = (parts[0].astype(str) + " / " + parts[1].astype(str) + " / " + parts[2].astype(str)).where(keep, np.nan)
    pd.testing.assert_series_equal(got, expected.astype(object), check_names=False)


def test_text_column_vectorised_equals_loop(monkeypatch):
    row = dict.fromkeys(COLUMNS, "")
    row.update(variable="note", label="Note", type="text", missing="-99", disclosure="public")
    d = load_dictionary(pd.DataFrame([row], columns=list(COLUMNS)))
    rng = np.random.default_rng(0)
    values = [f"  id{i} " for i in range(600)] + ["", "   ", "a\r\nb", "-99", " -99 "]
    raw = pd.Series(rng.choice(np.array(values, dtype=object), 5000), dtype=object)
    fast = convert.convert_column(raw, d, "note")
    monkeypatch.setattr(convert, "_VECTOR_MIN", 10**9)
    slow = convert.convert_column(raw, d, "note")
    pd.testing.assert_series_equal(fast.values, slow.values)
    np.testing.assert_array_equal(fast.status, slow.status)
    assert fast.missing == slow.missing and fast.missing[-99] > 0
