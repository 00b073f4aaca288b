"""Shared machinery of did() and event_study(): fit TWFE, cluster-robust and bootstrap inference."""

from __future__ import annotations

import numpy as np
import pandas as pd

from toolkit.errors import ParameterError, check_choice, check_ci
from toolkit.evaluate._did_twfe import (
    crve,
    demean,
    ols,
    small_sample_k,
)
from toolkit.evaluate._did_validate import nested_in_clusters

FEW_CLUSTERS = 30


def check_inference_args(*, ssc, bootstrap, boot_weights, n_boot, ci, function) -> float:
    """Validate the shared inference arguments; return the confidence level as a float."""
    check_choice(ssc, {"nested", "all"}, argument="ssc", function=function)
    check_choice(bootstrap, {"auto", True, False}, argument="bootstrap", function=function)
    check_choice(boot_weights, {"auto", "rademacher", "webb"}, argument="boot_weights", function=function)
    if not (isinstance(n_boot, (int, np.integer)) and n_boot >= 99):
        raise ParameterError(
            f"The 'n_boot' parameter of {function} must be an integer >= 99. Got {n_boot!r} instead."
        )
    return check_ci(ci, function=function)


def fit_twfe(panel: dict, regressors: np.ndarray, *, ssc: str) -> dict:
    """TWFE least squares of y on ``regressors`` (n x p) + unit and time effects."""
    codes = [panel["unit"], panel["time"]]
    Z = np.column_stack([panel["y"], regressors])
    Zt = demean(Z, codes)
    yt, Xt = Zt[:, 0], Zt[:, 1:]
    beta, resid, bread = ols(Xt, yt)
    n = panel["n"]
    nested = nested_in_clusters(panel["unit"], panel["cluster"])
    k = small_sample_k(
        Xt.shape[1], len(panel["unit_levels"]), len(panel["time_levels"]), ssc=ssc, nested=nested
    )
    V = crve(Xt, resid, bread, panel["cluster"], n=n, k=k)
    G = len(panel["cluster_levels"])
    return {
        "beta": beta,
        "V": V,
        "resid": resid,
        "Xt": Xt,
        "yt": yt,
        "codes": codes,
        "k": k,
        "G": G,
        "factor": G / (G - 1) * (n - 1) / (n - k),
        "nested": nested,
    }


def bootstrap_first(panel: dict, fit: dict, *, weights: str, n_boot: int, seed):
    """WCR bootstrap for the first regressor, partialling the others and the fixed effects."""
    from toolkit.evaluate._bootstrap import WildClusterBootstrap

    Xt, yt, codes = fit["Xt"], fit["yt"], fit["codes"]
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
    return WildClusterBootstrap(d, y, panel["cluster"], annihilate, weights=weights, B=n_boot, seed=seed,
                                design=design)


def choose_weights(weights: str, G: int) -> str:
    """Webb's six-point weights for very few clusters (Rademacher has only 2^G draws)."""
    if weights != "auto":
        return weights
    return "webb" if G <= 12 else "rademacher"


def tidy_row(**values) -> pd.DataFrame:
    return pd.DataFrame([values])
