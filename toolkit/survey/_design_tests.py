"""Design-based tests for weighted survey data (weights only, with-replacement linearisation).

Both follow R's ``survey`` package on ``svydesign(ids = ~1, weights = ~w)``:
:func:`rao_scott` is ``svychisq(statistic = "F")`` and :func:`wald_means` is
``regTermTest(svyglm(y ~ group), ~group)``.
"""

from __future__ import annotations

import numpy as np
from scipy import stats


def rao_scott(row: np.ndarray, col: np.ndarray, w: np.ndarray, nr: int, nc: int) -> dict:
    """Rao-Scott second-order corrected Pearson test of independence of two codes.

    ``row`` in ``0..nr-1``, ``col`` in ``0..nc-1``, ``w`` positive weights (one per row).
    Returns F, its two degrees of freedom, p, the Pearson X^2 on the weighted table
    scaled to n, and Cramer's V of that table.
    """
    n = len(w)
    cell = row + nr * col  # rows vary fastest, as R's interaction(rows, cols)
    W = w.sum()
    p = np.bincount(cell, weights=w, minlength=nr * nc) / W
    s2 = np.bincount(cell, weights=w**2, minlength=nr * nc)
    sw2 = (w**2).sum()
    # V = n/(n-1) * sum_i z_i z_i', z_i = w_i (m_i - p) / W, m_i the cell indicator
    V = (np.diag(s2) - np.outer(s2, p) - np.outer(p, s2) + sw2 * np.outer(p, p)) / W**2
    V *= n / (n - 1)
    # contrasts for the interaction, orthogonal to the main effects (R: qr.resid(qr(X1), X12))
    r_idx = np.tile(np.arange(nr), nc)
    c_idx = np.repeat(np.arange(nc), nr)
    R = (r_idx[:, None] == np.arange(1, nr)[None, :]).astype(float)
    Cc = (c_idx[:, None] == np.arange(1, nc)[None, :]).astype(float)
    X1 = np.column_stack([np.ones(nr * nc), R, Cc])
    Xint = np.column_stack([R[:, i] * Cc[:, j] for j in range(nc - 1) for i in range(nr - 1)])
    C = Xint - X1 @ np.linalg.lstsq(X1, Xint, rcond=None)[0]
    inv_p = np.where(p > 0, 1 / np.where(p > 0, p, 1), 0.0)
    Dinv = np.diag(inv_p)
    denom = C.T @ (Dinv / n) @ C
    numer = C.T @ Dinv @ V @ Dinv @ C
    delta = np.linalg.solve(denom, numer)
    tr = np.trace(delta)
    d0 = tr**2 / np.trace(delta @ delta)
    table = (p * n).reshape(nc, nr).T
    expected = np.outer(table.sum(1), table.sum(0)) / n
    with np.errstate(invalid="ignore", divide="ignore"):
        x2 = float(np.nansum((table - expected) ** 2 / expected))
    F = x2 / tr
    nu = n - 1
    return {
        "statistic": F,
        "df": d0,
        "df2": d0 * nu,
        "p": float(stats.f.sf(F, d0, d0 * nu)),
        "x2": x2,
        "cramers_v": float(np.sqrt(x2 / (n * (min(nr, nc) - 1)))),
    }


def wald_means(y: np.ndarray, group: np.ndarray, w: np.ndarray, k: int) -> dict:
    """Design-based Wald F test that ``k`` weighted group means are equal.

    Weighted least squares of ``y`` on group indicators; sandwich variance
    ``n/(n-1) A^-1 (sum U_i U_i') A^-1``; F = Wald / (k-1) on (k-1, n-k) df.
    Also returns the weighted eta-squared (R^2 of the weighted fit).
    """
    n = len(y)
    X = np.column_stack([np.ones(n)] + [(group == g).astype(float) for g in range(1, k)])
    A = X.T @ (w[:, None] * X)
    beta = np.linalg.solve(A, X.T @ (w * y))
    e = y - X @ beta
    U = X * (w * e)[:, None]
    Ainv = np.linalg.inv(A)
    V = n / (n - 1) * Ainv @ (U.T @ U) @ Ainv
    b = beta[1:]
    wald = float(b @ np.linalg.solve(V[1:, 1:], b))
    F = wald / (k - 1)
    ybar = (w * y).sum() / w.sum()
    eta2 = 1 - float((w * e**2).sum() / (w * (y - ybar) ** 2).sum())
    return {"statistic": F, "df": float(k - 1), "df2": float(n - k),
            "p": float(stats.f.sf(F, k - 1, n - k)), "eta2": eta2}
