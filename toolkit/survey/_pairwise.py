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


def pairwise_moments(X: np.ndarray):
    """Return ``(cov, cor, n_pairs)`` of the columns of ``X`` under pairwise deletion.

    ``cov[i, j]`` and ``cor[i, j]`` are NaN where fewer than 2 rows answered both.
    """
    observed = ~np.isnan(X)
    k = X.shape[1]
    if observed.all():
        n = X.shape[0]
        Z = X - X.mean(axis=0)
        P = Z.T @ Z
        N = np.full((k, k), float(n))
        cov = P / (n - 1) if n > 1 else np.full((k, k), np.nan)
        with np.errstate(invalid="ignore", divide="ignore"):
            d = np.sqrt(np.diag(P))
            cor = P / np.outer(d, d)
    else:
        M = observed.astype(float)
        X0 = np.where(observed, X, 0.0)
        count = M.sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            centre = np.where(count > 0, X0.sum(axis=0) / count, 0.0)
        Z = X0 - M * centre             # centred, 0 where missing (less cancellation)
        N = M.T @ M                     # rows with both i and j answered
        S = Z.T @ M                     # S[i, j]: sum of x_i over rows with both answered
        P = Z.T @ Z                     # cross products over those rows
        Q = (Z * Z).T @ M               # Q[i, j]: sum of x_i^2 over rows with both answered
        with np.errstate(invalid="ignore", divide="ignore"):
            cross = P - S * S.T / N
            cov = cross / (N - 1)
            var = Q - S * S / N         # x_i's sum of squares on the pair's common rows
            cor = cross / np.sqrt(var * var.T)
    cov[N < 2] = np.nan
    cor[N < 2] = np.nan
    np.fill_diagonal(cor, 1.0)
    return cov, cor, N


def pairwise_cov(X: np.ndarray):
    """Return ``(cov, n_pairs)``, as R's ``cov(x, use = "pairwise")``."""
    cov, _, N = pairwise_moments(X)
    return cov, N


def pairwise_cor(X: np.ndarray) -> np.ndarray:
    """Pearson correlations, each from the rows where both items are answered."""
    return pairwise_moments(X)[1]


def cov2cor(C: np.ndarray) -> np.ndarray:
    """Rescale a covariance matrix to correlations by its diagonal (R's ``cov2cor``)."""
    d = np.sqrt(np.diag(C))
    R = C / np.outer(d, d)
    np.fill_diagonal(R, 1.0)
    return R
