"""Design-based tests for survey data, on a :class:`~toolkit.survey._design.Design`.

Both follow R's ``survey`` package: :func:`rao_scott` is ``svychisq(statistic = "F")`` and
:func:`wald_means` is ``regTermTest(svyglm(y ~ group), ~group)``. Every row of the data
stays in the design; rows with a missing answer or group (``valid`` False) contribute zero.
"""

from __future__ import annotations

import numpy as np
from scipy import stats


def rao_scott(row: np.ndarray, col: np.ndarray, valid: np.ndarray, design, nr: int, nc: int) -> dict:
    """Rao-Scott second-order corrected Pearson test of independence of two codes.

    ``row`` in ``0..nr-1``, ``col`` in ``0..nc-1`` on the rows where ``valid``; arrays span
    every row of the design. Returns F, its two degrees of freedom, p, the Pearson X^2 on
    the weighted table scaled to N (every row of the design, as R's ``svytable(Ntotal =
    nrow)``), and Cramer's V of that table.
    """
    N = design.n
    w = np.where(valid, design.weight, 0.0)
    cell = np.where(valid, row + nr * col, 0)  # rows vary fastest, as R's interaction(rows, cols)
    W = w.sum()
    p = np.bincount(cell, weights=w, minlength=nr * nc) / W
    # influence of the cell proportions: z_i = w_i (m_i - p) / W, zero for invalid rows
    M = np.zeros((N, nr * nc))
    M[np.arange(N), cell] = 1.0
    Z = (M - p[None, :]) * (w / W)[:, None]
    V = design.variance(Z, present=valid)
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
    denom = C.T @ (Dinv / N) @ C
    numer = C.T @ Dinv @ V @ Dinv @ C
    delta = np.linalg.solve(denom, numer)
    tr = np.trace(delta)
    d0 = tr**2 / np.trace(delta @ delta)
    table = (p * N).reshape(nc, nr).T
    expected = np.outer(table.sum(1), table.sum(0)) / N
    with np.errstate(invalid="ignore", divide="ignore"):
        x2 = float(np.nansum((table - expected) ** 2 / expected))
    F = x2 / tr
    # R: nu = PSUs - strata of the whole design (every row, whatever its weight)
    nu = float(len(np.unique(design.psu)) - len(np.unique(design.strata)))
    return {
        "statistic": F,
        "df": d0,
        "df2": d0 * nu,
        "p": float(stats.f.sf(F, d0, d0 * nu)),
        "x2": x2,
        "cramers_v": float(np.sqrt(x2 / (N * (min(nr, nc) - 1)))),
    }


def wald_means(y: np.ndarray, group: np.ndarray, valid: np.ndarray, design, k: int) -> dict:
    """Design-based Wald F test that ``k`` weighted group means are equal.

    Weighted least squares of ``y`` on group indicators over the ``valid`` rows; variance
    :math:`A^{-1} \\widehat V(\\sum_i U_i) A^{-1}` with :math:`U_i` the weighted scores
    (zero for invalid rows) and :math:`\\widehat V` the design variance; F = Wald / (k-1)
    on (k-1, degf - k + 1) df, ``degf`` counted on the valid rows (R ``svyglm``'s
    ``df.residual``). Also returns the weighted eta-squared (R^2 of the weighted fit).
    """
    n = len(y)
    w = np.where(valid, design.weight, 0.0)
    yv = np.where(valid, y, 0.0)
    g = np.where(valid, group, 0)
    X = np.column_stack([np.ones(n)] + [(g == j).astype(float) for j in range(1, k)])
    A = X.T @ (w[:, None] * X)
    beta = np.linalg.solve(A, X.T @ (w * yv))
    e = np.where(valid, yv - X @ beta, 0.0)
    U = X * (w * e)[:, None]
    Ainv = np.linalg.inv(A)
    V = Ainv @ design.variance(U, present=valid) @ Ainv
    b = beta[1:]
    wald = float(b @ np.linalg.solve(V[1:, 1:], b))
    F = wald / (k - 1)
    df2 = design.degf(valid) + 1 - k
    ybar = (w * yv).sum() / w.sum()
    eta2 = 1 - float((w * e**2).sum() / (w * (yv - ybar) ** 2 * valid).sum())
    return {"statistic": F, "df": float(k - 1), "df2": float(df2), "p": float(stats.f.sf(F, k - 1, df2)), "eta2": eta2}
