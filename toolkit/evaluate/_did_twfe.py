"""Two-way fixed-effects least squares by alternating projections, with cluster-robust variance.

The unit and time effects are swept out of every column (Frisch-Waugh-Lovell), so the
slope coefficients and residuals equal those of ``lm(y ~ d + x + factor(unit) +
factor(time))`` without building a dummy matrix (43 forces x 20 waves x 2,000
respondents stays small).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse, stats


def demean(Z: np.ndarray, codes: list[np.ndarray], *, tol: float = 1e-11, maxiter: int = 10_000) -> np.ndarray:
    """Residuals of the columns of ``Z`` on the dummies of every factor in ``codes``.

    Alternating projections (method of Guimaraes & Portugal 2010 / Gaure 2013); for a
    balanced two-way panel one sweep is exact.
    """
    Z = np.array(Z, dtype="float64", copy=True)
    squeeze = Z.ndim == 1
    if squeeze:
        Z = Z[:, None]
    # one sparse level-by-row indicator per factor: the group means of every column in one product
    factors = []
    for c in codes:
        c = np.asarray(c)
        cnt = np.bincount(c).astype("float64")
        S = sparse.csr_matrix((np.ones(len(c)), (c, np.arange(len(c)))), shape=(len(cnt), len(c)))
        factors.append((c, S, cnt))
    scale = max(1.0, float(np.abs(Z).max()) if Z.size else 1.0)
    for _ in range(maxiter):
        change = 0.0
        for c, S, cnt in factors:
            means = (S @ Z) / cnt[:, None]
            Z -= means[c]
            change = max(change, float(np.abs(means).max()) if means.size else 0.0)
        if len(codes) == 1 or change < tol * scale:
            break
    return Z[:, 0] if squeeze else Z


def ols(Xt: np.ndarray, yt: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Coefficients, residuals and (X'X)^-1 of a least-squares fit on demeaned data."""
    xtx = Xt.T @ Xt
    bread = np.linalg.pinv(xtx)
    beta = bread @ (Xt.T @ yt)
    resid = yt - Xt @ beta
    return beta, resid, bread


def cluster_scores(Xt: np.ndarray, resid: np.ndarray, cluster: np.ndarray) -> np.ndarray:
    """Sum of x_i e_i within each cluster: a (G, p) array."""
    G = int(cluster.max()) + 1
    return np.column_stack([np.bincount(cluster, weights=Xt[:, j] * resid, minlength=G) for j in range(Xt.shape[1])])


def crve(Xt, resid, bread, cluster, *, n: int, k: int) -> np.ndarray:
    """CR1 covariance: G/(G-1) * (n-1)/(n-k) * B (sum_g s_g s_g') B."""
    S = cluster_scores(Xt, resid, cluster)
    G = S.shape[0]
    if G < 2:  # one cluster: no cluster-robust variance (the caller says so)
        return np.full((Xt.shape[1], Xt.shape[1]), np.nan)
    factor = G / (G - 1) * (n - 1) / (n - k)
    return factor * bread @ (S.T @ S) @ bread


def small_sample_k(n_slopes: int, n_units: int, n_times: int, *, ssc: str, nested: bool) -> int:
    """Number of parameters K in the (n-1)/(n-K) factor.

    ``"nested"``: slopes + T time effects (T-1 dummies and the intercept); the unit effects
    are not counted when units are nested in the clusters (as Stata ``xtreg, fe
    vce(cluster)``; fixest also drops nested effects). ``"all"``: every dummy is counted,
    as ``sandwich::vcovCL(type = "HC1")`` or statsmodels' cluster covariance on
    ``lm(y ~ d + factor(unit) + factor(time))``.
    """
    if ssc == "all" or not nested:
        return n_slopes + n_units + n_times - 1
    return n_slopes + n_times


def t_inference(estimate, se, df, level):
    stat = estimate / se
    p = 2 * stats.t.sf(np.abs(stat), df)
    q = stats.t.ppf(0.5 + level / 2, df)
    return stat, p, estimate - q * se, estimate + q * se
