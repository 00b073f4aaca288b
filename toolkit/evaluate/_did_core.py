"""Shared machinery of did() and event_study(): fit TWFE, cluster-robust and bootstrap inference."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from toolkit.errors import ParameterError, check_choice, check_ci
from toolkit.evaluate._bootstrap import WildClusterBootstrap
from toolkit.evaluate._did_twfe import (
    crve,
    demean,
    ols,
    small_sample_k,
)
from toolkit.evaluate._did_validate import Panel, nested_in_clusters

FEW_CLUSTERS = 30


@dataclass(frozen=True)
class TwfeFit:
    """Coefficients of a TWFE least-squares fit and their CR1 cluster-robust covariance."""

    beta: np.ndarray
    V: np.ndarray
    G: int  # clusters
    k: int  # parameters counted in the small-sample factor
    factor: float  # CR1 factor G / (G - 1) * (n - 1) / (n - k) (NaN with one cluster)
    nested: bool  # unit effects nested in the clusters


@dataclass(frozen=True)
class RowFit(TwfeFit):
    """A TWFE fit on the rows, with the demeaned data the wild bootstrap starts from."""

    resid: np.ndarray
    Xt: np.ndarray  # regressors, unit and time effects partialled out
    yt: np.ndarray  # outcome, likewise
    codes: list[np.ndarray]  # unit and time codes of the rows


class Cells(NamedTuple):
    """Rows grouped into their observed (unit, period) cells."""

    row_cell: np.ndarray  # cell of each row
    unit: np.ndarray  # unit code of each cell
    time: np.ndarray  # period code of each cell
    cluster: np.ndarray | None  # cluster of each cell; None when clusters vary within cells


def check_inference_args(*, ssc, bootstrap, boot_weights, n_boot, ci, function) -> float:
    """Validate the shared inference arguments; return the confidence level as a float."""
    check_choice(ssc, {"nested", "all"}, argument="ssc", function=function)
    check_choice(bootstrap, {"auto", True, False}, argument="bootstrap", function=function)
    check_choice(boot_weights, {"auto", "rademacher", "webb"}, argument="boot_weights", function=function)
    if not (isinstance(n_boot, (int, np.integer)) and n_boot >= 99):
        raise ParameterError(f"The 'n_boot' parameter of {function} must be an integer >= 99. Got {n_boot!r} instead.")
    return check_ci(ci, function=function)


def fit_twfe(panel: Panel, regressors: np.ndarray, *, ssc: str) -> RowFit:
    """TWFE least squares of y on ``regressors`` (n x p) + unit and time effects."""
    codes = [panel.unit, panel.time]
    Z = np.column_stack([panel.y, regressors])
    Zt = demean(Z, codes)
    yt, Xt = Zt[:, 0], Zt[:, 1:]
    beta, resid, bread = ols(Xt, yt)
    n = panel.n
    nested = nested_in_clusters(panel.unit, panel.cluster)
    k = small_sample_k(Xt.shape[1], len(panel.unit_levels), len(panel.time_levels), ssc=ssc, nested=nested)
    V = crve(Xt, resid, bread, panel.cluster, n=n, k=k)
    G = len(panel.cluster_levels)
    return RowFit(
        beta=beta,
        V=V,
        G=G,
        k=k,
        factor=G / (G - 1) * (n - 1) / (n - k) if G > 1 else np.nan,
        nested=nested,
        resid=resid,
        Xt=Xt,
        yt=yt,
        codes=codes,
    )


def cell_index(panel: Panel) -> Cells:
    """Rows grouped into their observed (unit, period) cells.

    Returns :class:`Cells` ``(row_cell, unit, time, cluster)``, ``cluster`` None when the
    clusters are not constant within cells (then regressors that are constant within
    cells cannot be fitted on the cells).
    """
    T = len(panel.time_levels)
    uniq, row_cell = np.unique(panel.unit * T + panel.time, return_inverse=True)
    row_cell = row_cell.astype(np.int64).ravel()
    cell_cluster = np.empty(len(uniq), dtype=np.int64)
    cell_cluster[row_cell] = panel.cluster
    constant = np.array_equal(cell_cluster[row_cell], panel.cluster)
    return Cells(row_cell, uniq // T, uniq % T, cell_cluster if constant else None)


def _demean_weighted(
    Z: np.ndarray, codes: list[np.ndarray], w: np.ndarray, *, tol: float = 1e-11, maxiter: int = 10_000
) -> np.ndarray:
    """Weighted residuals of the columns of ``Z`` on the dummies of every factor in ``codes``."""
    Z = np.array(Z, dtype="float64", copy=True)
    sums = [np.bincount(c, weights=w) for c in codes]
    scale = max(1.0, float(np.abs(Z).max()) if Z.size else 1.0)
    for _ in range(maxiter):
        change = 0.0
        for c, tot in zip(codes, sums):
            L = len(tot)
            means = np.column_stack([np.bincount(c, weights=w * Z[:, j], minlength=L) for j in range(Z.shape[1])])
            with np.errstate(invalid="ignore", divide="ignore"):
                means = np.where(tot[:, None] > 0, means / tot[:, None], 0.0)
            Z -= means[c]
            change = max(change, float(np.abs(means).max()) if means.size else 0.0)
        if change < tol * scale:
            break
    return Z


def fit_twfe_cells(panel: Panel, cell_regs: np.ndarray, cells: Cells, *, ssc: str) -> TwfeFit:
    """TWFE of y on regressors that are constant within (unit, period) cells, fitted on the cells.

    The same coefficients and CR1 covariance as :func:`fit_twfe` on the rows (the demeaned
    regressors are constant within cells too, so ``X~'y = sum_c X~_c sum_{i in c} y_i`` and the
    cluster scores add cell sums of the residuals), without an n x p matrix: memory stays that
    of the outcome column.
    """
    row_cell, cell_unit, cell_time, cell_cluster = cells
    if cell_cluster is None:
        raise ValueError("fit_twfe_cells needs clusters constant within (unit, period) cells; fit the rows")
    n = panel.n
    w = np.bincount(row_cell).astype("float64")
    Xc = _demean_weighted(cell_regs, [cell_unit, cell_time], w)
    yt = demean(panel.y, [panel.unit, panel.time])
    ysum = np.bincount(row_cell, weights=yt, minlength=len(w))
    bread = np.linalg.pinv(Xc.T @ (Xc * w[:, None]))
    beta = bread @ (Xc.T @ ysum)
    esum = ysum - w * (Xc @ beta)
    G = len(panel.cluster_levels)
    S = np.column_stack([np.bincount(cell_cluster, weights=Xc[:, j] * esum, minlength=G) for j in range(Xc.shape[1])])
    nested = nested_in_clusters(panel.unit, panel.cluster)
    k = small_sample_k(Xc.shape[1], len(panel.unit_levels), len(panel.time_levels), ssc=ssc, nested=nested)
    factor = G / (G - 1) * (n - 1) / (n - k) if G > 1 else np.nan
    V = factor * bread @ (S.T @ S) @ bread
    return TwfeFit(beta=beta, V=V, G=G, k=k, factor=factor, nested=nested)


def bootstrap_first(panel: Panel, fit: RowFit, *, weights: str, n_boot: int, seed):
    """WCR bootstrap for the first regressor, partialling the others and the fixed effects."""
    Xt, yt, codes = fit.Xt, fit.yt, fit.codes
    others = Xt[:, 1:]
    if others.shape[1]:
        proj = np.linalg.pinv(others.T @ others) @ others.T

        def annihilate(W):
            W = demean(W, codes)
            return W - others @ (proj @ W)

        d = Xt[:, 0] - others @ (proj @ Xt[:, 0])
        y = yt - others @ (proj @ yt)
    else:

        def annihilate(W):
            return demean(W, codes)

        d, y = Xt[:, 0], yt
    # the closed form needs Z = [unit and time dummies, other regressors]: its span is that of
    # the fixed effects and the raw regressors, so the demeaned ``others`` serve
    design = (codes, others if others.shape[1] else None)
    return WildClusterBootstrap(d, y, panel.cluster, annihilate, weights=weights, B=n_boot, seed=seed, design=design)


def choose_weights(weights: str, G: int) -> str:
    """Webb's six-point weights for very few clusters (Rademacher has only 2^G draws)."""
    if weights != "auto":
        return weights
    return "webb" if G <= 12 else "rademacher"
