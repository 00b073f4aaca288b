"""One-factor model fitted by minimum residuals (minres / unweighted least squares).

This is the fit ``psych::fa(r, nfactors = 1, fm = "minres")`` makes, and the one
``psych::omega(x, nfactors = 1)`` uses. For one factor, minres minimises the sum of
squared off-diagonal residuals ``sum_{i != j} (r_ij - l_i l_j)^2``; it is solved here
directly for the loadings with :func:`scipy.optimize.least_squares`. As in psych, the
communalities are bounded by 0.995 (uniquenesses at least 0.005), which only matters in
a Heywood case.
"""

from __future__ import annotations

import warnings

import numpy as np
from scipy.optimize import least_squares

MAX_COMMUNALITY = 0.995


def _newton_minres(R: np.ndarray, start: np.ndarray, *, max_iter: int = 100):
    """Unbounded minres loadings by Newton's method with step halving, or ``None``.

    Minimises ``f(l) = 1/2 sum_{i<j} (r_ij - l_i l_j)^2``. With ``E`` the residual matrix
    (zero diagonal) the gradient is ``-E l`` and the Gauss-Newton matrix ``J'J = l l' +
    diag(sum(l^2) - 2 l^2)``; the exact Hessian ``J'J - E`` is used when positive
    definite (when its step is a descent direction), else ``J'J``. Returns ``None`` when
    it does not converge (the caller then uses the bounded trust-region fit).
    """
    R0 = R.copy()
    np.fill_diagonal(R0, 0.0)

    def loss(lam):
        E = R0 - np.outer(lam, lam)
        np.fill_diagonal(E, 0.0)
        return 0.25 * float((E * E).sum()), E

    lam = start.astype(float).copy()
    f, E = loss(lam)
    k = len(lam)
    for _ in range(max_iter):
        grad = -E @ lam
        JJ = np.outer(lam, lam)
        JJ.flat[:: k + 1] += (lam @ lam) - 2 * lam**2
        try:
            step = np.linalg.solve(JJ - E, -grad)  # Newton
        except np.linalg.LinAlgError:
            step = None
        if step is None or not grad @ step < 0:  # not a descent direction
            try:
                step = np.linalg.solve(JJ, -grad)  # Gauss-Newton
            except np.linalg.LinAlgError:
                return None
        t = 1.0
        while True:
            new = lam + t * step
            f_new, E_new = loss(new)
            if f_new <= f or t < 1e-8:
                break
            t /= 2
        if f_new > f:
            return lam if np.max(np.abs(grad)) < 1e-12 else None
        lam, f, E = new, f_new, E_new
        if np.max(np.abs(t * step)) < 1e-13:
            return lam
    return None


def one_factor_minres(R: np.ndarray) -> np.ndarray:
    """Loadings of a one-factor minres fit to the correlation matrix ``R`` (k >= 3).

    Newton's method on the (smooth, k-parameter) least-squares problem first; when it
    does not converge or leaves the communality bound, scipy's bounded trust-region
    least squares (the reference implementation) is used.
    """
    k = R.shape[0]
    iu = np.triu_indices(k, 1)
    # start: principal axis with squared multiple correlations as communalities
    try:
        smc = 1.0 - 1.0 / np.diag(np.linalg.inv(R))
    except np.linalg.LinAlgError:
        smc = np.full(k, 0.5)
    Rs = R.copy()
    np.fill_diagonal(Rs, np.clip(smc, 0.0, 1.0))
    vals, vecs = np.linalg.eigh(Rs)
    start = vecs[:, -1] * np.sqrt(max(vals[-1], 1e-6))
    if start.sum() < 0:
        start = -start
    bound = np.sqrt(MAX_COMMUNALITY)
    start = np.clip(start, -bound + 1e-9, bound - 1e-9)
    lam = _newton_minres(R, start)
    if lam is not None and np.all(np.abs(lam) < bound - 1e-6):
        return -lam if lam.sum() < 0 else lam

    def resid(lam):
        return R[iu] - (lam[iu[0]] * lam[iu[1]])

    def jac(lam):
        J = np.zeros((len(iu[0]), k))
        rows = np.arange(len(iu[0]))
        J[rows, iu[0]] = -lam[iu[1]]
        J[rows, iu[1]] = -lam[iu[0]]
        return J

    fit = least_squares(resid, start, jac=jac, bounds=(-bound, bound), xtol=1e-14, ftol=1e-14, gtol=1e-14, method="trf")
    lam = fit.x
    if lam.sum() < 0:
        lam = -lam
    if np.any(np.abs(lam) >= bound - 1e-6):
        warnings.warn(
            "One-factor fit reached a communality of 0.995 (Heywood case) for at least one "
            "item; omega_total is then bounded as in psych::fa and should be read with care.",
            UserWarning,
            stacklevel=3,
        )
    return lam


def omega_total_one_factor(R: np.ndarray) -> float:
    """psych's ``omega(x, nfactors = 1)$omega.tot`` from a correlation matrix.

    ``omega_t = (V_t - sum(u2)) / V_t`` with ``V_t`` the sum of the correlation matrix
    after flipping items with negative loadings and ``u2 = 1 - l^2`` the uniquenesses.
    """
    lam = one_factor_minres(R)
    key = np.where(lam < 0, -1.0, 1.0)
    Vt = float((key[:, None] * R * key[None, :]).sum())
    uniq = float((1.0 - lam**2).sum())
    return (Vt - uniq) / Vt
