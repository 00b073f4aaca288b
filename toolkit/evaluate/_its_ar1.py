"""AR(1) errors for interrupted time series: REML generalised least squares.

The gaussian model is fitted as R ``nlme::gls(y ~ X, correlation = corAR1(), method = "REML")``;
count models keep their maximum-likelihood coefficients and take the AR(1) correlation and
the dispersion from the same REML fit of their working (IRLS) regression at convergence.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize_scalar


@dataclass(frozen=True)
class AR1Fit:
    """A REML AR(1) fit: coefficients (GLS; None for the count models' covariance), their
    covariance, the AR(1) coefficient and the error variance (or dispersion)."""

    beta: np.ndarray | None
    cov: np.ndarray
    rho: float
    sigma2: float


def _whiten(A: np.ndarray, rho: float) -> np.ndarray:
    """Q A with Q R(rho) Q' = I: first row kept, later rows (a_t - rho a_{t-1}) / sqrt(1 - rho^2)."""
    out = np.empty_like(A, dtype=float)
    out[0] = A[0]
    out[1:] = (A[1:] - rho * A[:-1]) / np.sqrt(1 - rho**2)
    return out


def _profile(rho: float, y: np.ndarray, X: np.ndarray):
    """GLS at a given rho: coefficients, residual sum of squares (whitened), whitened X."""
    ys, Xs = _whiten(y, rho), _whiten(X, rho)
    beta = np.linalg.solve(Xs.T @ Xs, Xs.T @ ys)
    rss = float(np.sum((ys - Xs @ beta) ** 2))
    return beta, rss, Xs


def _neg_reml(z: float, y: np.ndarray, X: np.ndarray) -> float:
    rho = np.tanh(z)
    n, p = X.shape
    _, rss, Xs = _profile(rho, y, X)
    _, logdet_xtx = np.linalg.slogdet(Xs.T @ Xs)
    # restricted log-likelihood up to constants, sigma^2 profiled out (log|R| = (n-1) log(1-rho^2))
    return 0.5 * ((n - p) * np.log(rss) + (n - 1) * np.log1p(-(rho**2)) + logdet_xtx)


def ar1_reml(y: np.ndarray, X: np.ndarray) -> AR1Fit:
    """REML fit of y = X b + u, u_t = rho u_{t-1} + e_t, Var(u_t) = sigma^2 (time-ordered rows).

    Returns an :class:`AR1Fit`: ``beta`` (GLS), ``cov`` (sigma^2 (X' R^-1 X)^-1), ``rho``, ``sigma2`` (RSS / (n - p)).
    """
    y = np.asarray(y, float)
    X = np.asarray(X, float)
    n, p = X.shape
    res = minimize_scalar(_neg_reml, bounds=(-5.0, 5.0), args=(y, X), method="bounded", options={"xatol": 1e-10})
    rho = float(np.tanh(res.x))
    beta, rss, Xs = _profile(rho, y, X)
    sigma2 = rss / (n - p)
    cov = sigma2 * np.linalg.inv(Xs.T @ Xs)
    return AR1Fit(beta=beta, cov=cov, rho=rho, sigma2=sigma2)


def ar1_corr(n: int, rho: float) -> np.ndarray:
    """AR(1) correlation matrix rho^|i - j|."""
    idx = np.arange(n)
    return (rho ** idx.astype(float))[np.abs(idx[:, None] - idx[None, :])]


def ar1_glm_cov(y, X, beta, mu, w_info) -> AR1Fit:
    """Variance of GLM coefficients when the counts follow an AR(1) process around the fit.

    The working regression at convergence, ``sqrt(W) z = sqrt(W) X b + e`` with
    ``z = X b + (y - mu) / mu`` (offset excluded) and ``W`` the IRLS weights, gets AR(1) errors with variance
    ``phi`` fitted by REML (:func:`ar1_reml`); then
    ``V = B X' W^1/2 (phi R) W^1/2 X B``, ``B = (X' W X)^-1`` (Zeger 1988, eq. 2.4, with a
    parametric latent autocorrelation). With ``rho = 0`` this is the quasi-likelihood variance
    ``phi B``.
    """
    sw = np.sqrt(w_info)
    Xw = X * sw[:, None]
    zw = sw * (X @ beta + (y - mu) / mu)
    fit = ar1_reml(zw, Xw)
    B = np.linalg.inv(Xw.T @ Xw)
    meat = Xw.T @ ar1_corr(len(y), fit.rho) @ Xw
    return AR1Fit(beta=None, cov=fit.sigma2 * B @ meat @ B, rho=fit.rho, sigma2=fit.sigma2)
