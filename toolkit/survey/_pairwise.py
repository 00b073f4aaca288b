"""Pairwise-deletion covariances and correlations, vectorised.

The covariances of :func:`pairwise_moments` equal R's ``cov(x, use = "pairwise")`` and
pandas' ``DataFrame.cov()``: each pair of items uses the rows where both are answered, with
that pair's own means. Its correlations equal R's ``cor(x, use = "pairwise")`` and pandas'
``DataFrame.corr()``
(the standard deviations are also those of the pair's common rows). psych's standardised
alpha instead rescales the pairwise covariance matrix by its own diagonal (``cov2cor``),
see :func:`cov2cor`.

The sums come from ``Z'Z`` (``Z`` the items shifted by a provisional centre, 0 where
missing) and corrections over the rows where an item is missing (see
:func:`cross_products`).
"""

from __future__ import annotations

from contextlib import nullcontext

import numpy as np

_CONTROLLER: list = []


def _one_blas_thread():
    """Context limiting BLAS to one thread (threadpoolctl), or a no-op without it.

    The products here are thin (``k`` of a few items by ``n`` respondents): multi-threaded
    BLAS gains little on them and, on a busy machine, its threads wait for cores and
    make a call many times slower.
    """
    if not _CONTROLLER:
        try:
            from threadpoolctl import ThreadpoolController  # lazy: once, for the first large product
        except ImportError:  # pragma: no cover - threadpoolctl comes with scikit-learn
            _CONTROLLER.append(None)
        else:
            _CONTROLLER.append(ThreadpoolController())
    controller = _CONTROLLER[0]
    return nullcontext() if controller is None else controller.limit(limits=1, user_api="blas")


#: Rows whose means serve as the provisional centre (less rounding in the sums).
CENTRE_ROWS = 4096
#: Up to this many items, ``Z Z'`` is computed one pair of items at a time.
SMALL_K = 12


def gram(Z: np.ndarray) -> np.ndarray:
    """``Z Z'`` of a ``k x n`` C-ordered array.

    For few rows (items) one ``dot`` per pair of rows is several times faster than
    BLAS ``syrk``, which is slow for such thin matrices; many rows use the matrix product.
    """
    k = Z.shape[0]
    if k > SMALL_K:
        return Z @ Z.T
    P = np.empty((k, k))
    for i in range(k):
        for j in range(i, k):
            P[i, j] = P[j, i] = np.dot(Z[i], Z[j])
    return P


def cross_products(X: np.ndarray, *, complete_rows: bool = False, overwrite: bool = False):
    """Sums of the pairwise-deletion moments of the columns of ``X``.

    Returns ``(N, S, P, Q, centre, n_rows)``: ``N[i, j]`` rows answering both ``i`` and
    ``j``; with ``z = x - centre`` (0 where missing), ``S[i, j] = sum z_i`` over those
    rows, ``P[i, j] = sum z_i z_j`` and ``Q[i, j] = sum z_i^2``; ``n_rows`` the rows
    answering at least one item. With ``complete_rows`` only rows answering every item
    count (listwise deletion), and ``n_rows`` is their number. ``centre`` (the means of
    the first rows' answers, to a multiple of 1/64) only reduces rounding: the moments do
    not depend on it.

    ``P = Z'Z`` (see :func:`gram`). ``S``, ``Q`` and ``N`` are the item totals minus
    the sums over the (usually few) rows where the other item is missing, so their cost
    grows with the number of missing answers rather than with ``n k^2``. ``X`` in
    column-major order (as :func:`toolkit.survey._items.item_matrix` returns it) is read
    without a copy; with ``overwrite=True`` it is also used as the work space (its values
    are destroyed), which spares allocating (and page-faulting) another ``n x k`` array.
    """
    n, k = X.shape
    Xt = np.ascontiguousarray(X.T, dtype=float)  # k x n, each item contiguous
    missing = np.isnan(Xt)
    if complete_rows:
        drop = missing.any(axis=0)
        missing[:, drop] = True
        n_rows = n - int(np.count_nonzero(drop))
    else:
        n_rows = n - int(np.count_nonzero(missing.all(axis=0)))
    head, head_missing = Xt[:, :CENTRE_ROWS], missing[:, :CENTRE_ROWS]
    with np.errstate(invalid="ignore", divide="ignore"):
        centre = np.where(head_missing, 0.0, head).sum(axis=1) / (~head_missing).sum(axis=1)
    # a multiple of 1/64: integer codes minus the centre, and their products, are then
    # exact in binary, so every sum below is exact for coded items (any order of adding)
    centre = np.where(np.isfinite(centre), np.round(centre * 64.0) / 64.0, 0.0)
    own = overwrite or not np.may_share_memory(Xt, X)  # Xt is a private copy or may go
    Z = np.subtract(Xt, centre[:, None], out=Xt if own else None)
    np.putmask(Z, missing, 0.0)
    with _one_blas_thread():
        return _sums(Z, missing, centre, n, k, n_rows)


def _sums(Z, missing, centre, n, k, n_rows):
    """The BLAS part of :func:`cross_products` (``Z``: centred items, 0 where missing)."""
    P = gram(Z)
    answered = np.array([n - np.count_nonzero(missing[i]) for i in range(k)], dtype=float)
    S = np.repeat(Z.sum(axis=1)[:, None], k, axis=1)
    Q = np.repeat(np.diag(P)[:, None], k, axis=1)
    N = np.repeat(answered[:, None], k, axis=1)
    rows = np.flatnonzero(missing.any(axis=0))  # rows where some item is missing
    if rows.size:
        Zr = Z.take(rows, axis=1)
        Mr = missing.take(rows, axis=1).astype(float)
        S -= Zr @ Mr.T  # sums over rows where item j is missing
        Q -= (Zr * Zr) @ Mr.T
        N -= (1.0 - Mr) @ Mr.T
    return N, S, P, Q, centre, n_rows


def moments_from_sums(N, S, P, Q):
    """``(cov, cor)`` under pairwise deletion from the sums of :func:`cross_products`."""
    with np.errstate(invalid="ignore", divide="ignore"):
        cross = P - S * S.T / N
        cov = cross / (N - 1)
        var = Q - S * S / N  # x_i's sum of squares on the pair's common rows
        cor = cross / np.sqrt(var * var.T)
    cov[N < 2] = np.nan
    cor[N < 2] = np.nan
    np.fill_diagonal(cor, 1.0)
    return cov, cor


def pairwise_moments(X: np.ndarray):
    """Return ``(cov, cor, n_pairs)`` of the columns of ``X`` under pairwise deletion.

    ``cov[i, j]`` and ``cor[i, j]`` are NaN where fewer than 2 rows answered both.
    """
    N, S, P, Q, _, _ = cross_products(np.asarray(X, dtype=float))
    cov, cor = moments_from_sums(N, S, P, Q)
    return cov, cor, N


def cov2cor(C: np.ndarray) -> np.ndarray:
    """Rescale a covariance matrix to correlations by its diagonal (R's ``cov2cor``)."""
    d = np.sqrt(np.diag(C))
    R = C / np.outer(d, d)
    np.fill_diagonal(R, 1.0)
    return R
