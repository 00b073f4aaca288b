"""Coincidence matrices and agreement sums: the numerical core of Krippendorff's alpha and
Cohen's kappa (no pandas in the hot path).

Private helpers shared by :mod:`toolkit.qual.agreement`. The coincidence matrix is built
from a sparse unit-by-value count matrix, so the cost grows with the number of coded
values, not with units x values x values as a dense implementation would.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

LEVELS = ("nominal", "ordinal", "interval", "ratio")


def coincidences(unit_idx, value_idx, n_values, unit_weight=None):
    """Krippendorff's coincidence matrix ``o[c, k]`` from one value per (unit, coder).

    ``o[c, k] = sum_u w_u * (n_uc * n_uk - [c == k] * n_uc) / (m_u - 1)`` over units with
    at least two values (``m_u >= 2``); unpairable units contribute nothing.
    ``unit_weight`` (one per unit code) multiplies each unit's contribution; ``None`` = 1.
    """
    unit_idx = np.asarray(unit_idx, dtype=np.int64)
    value_idx = np.asarray(value_idx, dtype=np.int64)
    n_units = int(unit_idx.max()) + 1 if unit_idx.size else 0
    if n_units * n_values <= max(4 * unit_idx.size, 1 << 16):  # dense counts: bincount
        counts = np.bincount(unit_idx * n_values + value_idx, minlength=n_units * n_values).reshape(n_units, n_values)
        counts = counts.astype(float)
        m_u = counts.sum(axis=1)
        scale = 1.0 / np.maximum(m_u - 1.0, 1.0)
        scale[m_u < 2] = 0.0
        if unit_weight is not None:
            scale = scale * np.asarray(unit_weight, dtype=float)
        scaled = counts * scale[:, None]
        o = counts.T @ scaled
        o.flat[:: n_values + 1] -= scaled.sum(axis=0)  # the diagonal
        return o
    counts = sparse.csr_matrix((np.ones(unit_idx.size), (unit_idx, value_idx)), shape=(n_units, n_values))
    counts.sum_duplicates()
    m_u = np.asarray(counts.sum(axis=1)).ravel()
    pairable = m_u >= 2
    scale = np.zeros(n_units)
    scale[pairable] = 1.0 / (m_u[pairable] - 1.0)
    if unit_weight is not None:
        scale = scale * np.asarray(unit_weight, dtype=float)
    scaled = sparse.diags(scale) @ counts
    o = (counts.T @ scaled).toarray()
    o -= np.diag(np.asarray(scaled.sum(axis=0)).ravel())
    return o


def distance_matrix(level, domain, n_v):
    """Squared difference function delta^2(c, k) of Krippendorff (2011) for ``level``.

    ``domain`` holds the (ordered) values, ``n_v`` the pairable-value marginals.
    """
    if level == "nominal":
        return 1.0 - np.eye(len(domain))
    if level == "ordinal":
        cum = np.concatenate([[0.0], np.cumsum(n_v)])
        i = np.arange(len(domain))
        lo, hi = np.minimum.outer(i, i), np.maximum.outer(i, i)
        between = cum[hi + 1] - cum[lo]
        return (between - (n_v[:, None] + n_v[None, :]) / 2.0) ** 2
    x = np.asarray(domain, dtype=float)
    diff = x[:, None] - x[None, :]
    if level == "interval":
        return diff**2
    total = x[:, None] + x[None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(total != 0, diff / np.where(total == 0, 1.0, total), 0.0)
    return out**2


def alpha_from_coincidences(o, delta, n_v=None):
    """``alpha = 1 - (n - 1) * sum(o * delta) / sum(n_c * n_k * delta)``; NaN if undefined.
    ``n_v``: the marginals ``o.sum(axis=1)``, when already at hand."""
    if n_v is None:
        n_v = o.sum(axis=1)
    n = n_v.sum()
    expected = (np.outer(n_v, n_v) * delta).sum()
    if n <= 1 or expected <= 0:
        return float("nan")
    return float(1.0 - (n - 1.0) * (o * delta).sum() / expected)


def binary_item_stats(m, ones, first, second, weight):
    """Per-item sufficient statistics of binary agreement (columns in ``STAT_NAMES``).

    ``m`` values and ``ones`` 1s per item (from several coders), ``first``/``second`` the
    0/1/NaN codings of the two kappa coders, ``weight`` per item. All measures are ratios
    of sums of these columns, so sums over resampled units give bootstrap replicates.
    """
    pair = m >= 2
    zeros = m - ones
    w = np.where(pair, weight, 0.0)
    denom = np.where(pair, m - 1.0, 1.0)
    both = ~np.isnan(first) & ~np.isnan(second)
    wk = np.where(both, weight, 0.0)
    a = np.where(both, first, 0.0)
    b = np.where(both, second, 0.0)
    agree_units = pair & ((ones == m) | (zeros == m))
    return np.column_stack(
        [
            w * ones * zeros / denom,  # o01: off-diagonal coincidence
            w * ones,
            w * zeros,  # n1, n0: coincidence marginals
            w,
            w * agree_units,  # percentage agreement
            wk,
            wk * (a == b),
            wk * a,
            wk * b,  # kappa
        ]
    )


def binary_measures_from_sums(sums):
    """``(percent, kappa, alpha)`` from summed item statistics (last axis = 9 columns)."""
    o01, n1, n0, w, agree, wk, same, wa, wb = np.moveaxis(np.asarray(sums, float), -1, 0)
    n = n0 + n1
    with np.errstate(invalid="ignore", divide="ignore"):
        alpha = 1.0 - (n - 1.0) * o01 / (n0 * n1)
        pct = agree / w
        p_o = same / wk
        pa, pb = wa / wk, wb / wk
        p_e = pa * pb + (1 - pa) * (1 - pb)
        kappa = (p_o - p_e) / (1 - p_e)
    return pct, kappa, alpha


def unit_coincidences(unit_idx, value_idx, n_values):
    """Each unit's contribution to the coincidence matrix, flattened: a sparse
    ``units x values^2`` matrix ``C`` with ``C[u, c * V + k] = (n_uc n_uk - [c = k] n_uc)
    / (m_u - 1)`` (zero rows for unpairable units), and ``m_u`` (values per unit).
    ``o = C.sum(axis=0).reshape(V, V)``; weighted sums of rows give bootstrap replicates.
    """
    unit_idx = np.asarray(unit_idx, dtype=np.int64)
    value_idx = np.asarray(value_idx, dtype=np.int64)
    n_units = int(unit_idx.max()) + 1 if unit_idx.size else 0
    counts = sparse.csr_matrix((np.ones(unit_idx.size), (unit_idx, value_idx)), shape=(n_units, n_values))
    counts.sum_duplicates()
    counts.sort_indices()
    m_u = np.asarray(counts.sum(axis=1)).ravel()
    r = np.diff(counts.indptr)  # distinct values per unit
    n_pairs = r * r
    row = np.repeat(np.arange(n_units), n_pairs)
    first_pair = np.concatenate([[0], np.cumsum(n_pairs)[:-1]])
    pos = np.arange(n_pairs.sum()) - np.repeat(first_pair, n_pairs)
    rr = np.repeat(r, n_pairs)
    left = counts.indptr[row] + pos // np.maximum(rr, 1)
    right = counts.indptr[row] + pos % np.maximum(rr, 1)
    nl, nr = counts.data[left], counts.data[right]
    val = nl * nr - np.where(left == right, nl, 0.0)
    denom = m_u[row] - 1.0
    val = np.where(denom > 0, val / np.where(denom > 0, denom, 1.0), 0.0)
    col = counts.indices[left] * n_values + counts.indices[right]
    out = sparse.csr_matrix((val, (row, col)), shape=(n_units, n_values * n_values))
    return out, m_u


#: Delta matrices that depend only on the value domain (nominal, interval, ratio), per
#: (level, domain); ordinal deltas follow the marginals and are computed per call.
_DELTAS: dict = {}


def _fixed_delta(level, domain):
    """Cached :func:`distance_matrix` of a level whose deltas do not involve marginals."""
    key = (level, len(domain)) if level == "nominal" else (level, domain.tobytes())
    delta = _DELTAS.get(key)
    if delta is None:
        if len(_DELTAS) >= 256:
            _DELTAS.clear()
        delta = distance_matrix(level, domain, None)
        delta.flags.writeable = False
        _DELTAS[key] = delta
    return delta


def alpha_from_codes(unit_idx, value_idx, domain, level, n_units=None, missing=False):
    """Krippendorff's alpha from one value code per (unit, coder), the same number as
    ``alpha_from_coincidences(coincidences(...), distance_matrix(...))``.

    Every delta vanishes on the diagonal, so ``sum(o * delta)`` needs only
    ``sum_u w_u n_u^T delta n_u`` with ``w_u = 1 / (m_u - 1)`` (a unit with one value adds
    0, whatever its weight), and the marginals are the value counts of pairable units.
    One ``bincount`` gives the unit x value counts; the ordinal delta is
    ``(z_c - z_k)^2`` with the mid-ranks ``z = cumsum(n_v) - n_v / 2``. Large value
    domains or sparse unit x value tables go through :func:`coincidences`.

    ``n_units``: ``unit_idx.max() + 1`` when known. ``missing=True``: rows whose value
    code is ``len(domain)`` are missing values (left out).
    """
    n_values = len(domain)
    if n_units is None:
        n_units = int(unit_idx.max()) + 1
    if n_values > 256 or n_units * n_values > max(4 * unit_idx.size, 1 << 16):
        if missing:
            keep = value_idx < n_values
            unit_idx, value_idx = unit_idx[keep], value_idx[keep]
        o = coincidences(unit_idx, value_idx, n_values)
        n_v = o.sum(axis=1)
        return alpha_from_coincidences(o, distance_matrix(level, domain, n_v), n_v)
    width = n_values + 1 if missing else n_values
    counts = np.bincount(unit_idx * width + value_idx, minlength=n_units * width).reshape(n_units, width)
    if missing:
        counts = counts[:, :n_values]
    add = np.add.reduce
    m = add(counts, 1)
    counts = counts.astype(float)  # float products from here on (BLAS)
    n_v = (m >= 2) @ counts  # values in pairable units
    n = float(add(n_v))
    if n <= 1:
        return float("nan")
    weighted = counts.T @ (counts / np.maximum(m - 1, 1)[:, None])
    if level == "nominal":  # delta = 1 - I
        expected = float(n * n - n_v @ n_v)
        observed = float(add(weighted, None)) - float(weighted.trace())
    else:
        if level == "ordinal":
            z = np.cumsum(n_v) - n_v / 2.0
            delta = np.subtract.outer(z, z)
            delta *= delta
        else:
            delta = _fixed_delta(level, domain)
        expected = float(n_v @ delta @ n_v)
        observed = float(add(weighted * delta, None))
    if expected <= 0:
        return float("nan")
    return 1.0 - (n - 1.0) * observed / expected
