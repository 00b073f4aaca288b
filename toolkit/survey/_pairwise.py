"""Pairwise-deletion covariances and correlations, vectorised.

``pairwise_cov`` equals R's ``cov(x, use = "pairwise")`` and pandas' ``DataFrame.cov()``:
each pair of items uses the rows where both are answered, with that pair's own means.
``pairwise_cor`` equals R's ``cor(x, use = "pairwise")`` and pandas' ``DataFrame.corr()``
(the standard deviations are also those of the pair's common rows). psych's standardised
alpha instead rescales the pairwise covariance matrix by its own diagonal (``cov2cor``),
see :func:`cov2cor`.
"""

from __future__ import annotations

import numpy as np


def _pair_sums(X: np.ndarray):
    observed = ~np.isnan(X)
    M = observed.astype(float)
    centre = np.nanmean(np.where(observed.any(axis=0), X, 0.0), axis=0)
    Z = np.where(observed, X - centre, 0.0)
    N = M.T @ M                     # rows with both i and j answered
    S = Z.T @ M                     # S[i, j]: sum of x_i over rows with both answered
    P = Z.T @ Z                     # cross products over those rows
    return N, S, P, Z, M


def pairwise_cov(X: np.ndarray):
    """Return ``(cov, n_pairs)``; ``cov[i, j]`` is NaN where fewer than 2 rows have both."""
    N, S, P, _, _ = _pair_sums(X)
    with np.errstate(invalid="ignore", divide="ignore"):
        cov = (P - S * S.T / N) / (N - 1)
    cov[N < 2] = np.nan
    return cov, N


def pairwise_cor(X: np.ndarray) -> np.ndarray:
    """Pearson correlations, each from the rows where both items are answered."""
    N, S, P, Z, M = _pair_sums(X)
    Q = (Z * Z).T @ M               # Q[i, j]: sum of x_i^2 over rows with both answered
    with np.errstate(invalid="ignore", divide="ignore"):
        cov = P - S * S.T / N
        var = Q - S * S / N         # var[i, j]: x_i's sum of squares on the pair's rows
        cor = cov / np.sqrt(var * var.T)
    cor[N < 2] = np.nan
    np.fill_diagonal(cor, 1.0)
    return cor


def cov2cor(C: np.ndarray) -> np.ndarray:
    """Rescale a covariance matrix to correlations by its diagonal (R's ``cov2cor``)."""
    d = np.sqrt(np.diag(C))
    R = C / np.outer(d, d)
    np.fill_diagonal(R, 1.0)
    return R
