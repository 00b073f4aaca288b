"""Numerical core of the reliability functions: alpha, its CIs, omega, item statistics.

Works on a keyed ``n x k`` float array; validation of user input happens in
:mod:`toolkit.survey.reliability` and helpers of :mod:`toolkit.survey._items`.
"""

from __future__ import annotations

import warnings

import numpy as np
from scipy import special, stats

from toolkit.errors import DataWarning
from toolkit.survey._factor import omega_total_one_factor
from toolkit.survey._items import data_error
from toolkit.survey._pairwise import cov2cor, cross_products, moments_from_sums


def alpha_from_cov(C: np.ndarray) -> float:
    """Cronbach's alpha ``k/(k-1) * (1 - tr(C) / sum(C))``."""
    k = C.shape[0]
    return k / (k - 1) * (1.0 - np.trace(C) / C.sum())


def alpha_std_from_cor(R: np.ndarray) -> float:
    """Standardised alpha ``k/(k-1) * (1 - k / sum(R))``."""
    k = R.shape[0]
    return k / (k - 1) * (1.0 - k / R.sum())


def duhachek_ase(C: np.ndarray) -> float:
    """Asymptotic variance term Q of van Zyl et al. (2000) as in psych (``ase = sqrt(Q/n)``)."""
    k = C.shape[0]
    s = C.sum()
    tr = np.trace(C)
    CC = C @ C
    return (2 * k**2 / ((k - 1) ** 2 * s**3)) * (s * (np.trace(CC) + tr**2) - 2 * tr * CC.sum())


def feldt_ci(alpha: float, n: int, k: int, level: float) -> tuple[float, float]:
    """Feldt et al. (1987) F-based interval, as ``psych::alpha.ci`` and pingouin."""
    tail = (1.0 - level) / 2.0
    df1, df2 = n - 1, (n - 1) * (k - 1)
    # special.fdtri is the F quantile stats.f.ppf computes, without its per-call overhead
    low = 1.0 - (1.0 - alpha) * special.fdtri(df1, df2, 1.0 - tail)
    high = 1.0 - (1.0 - alpha) * special.fdtri(df1, df2, tail)
    return float(low), float(high)


def check_rows_used(n_used: int, n_all: int, items, missing: str, *, label: str) -> None:
    """Warn about the respondents left out; fewer than 3 used is an error."""
    n_out = n_all - n_used
    if n_out:
        why = "did not answer every item (listwise deletion)" if missing == "listwise" else "answered none of the items"
        warnings.warn(
            DataWarning(
                f"{label}: {n_out} of {n_all} respondents {why} and were left out (n = {n_used}).",
                n_excluded=n_out,
                reason=why,
            ),
            stacklevel=4,
        )
    if n_used < 3:
        raise data_error(
            [
                {
                    "column": ", ".join(map(str, items)),
                    "value": int(n_used),
                    "problem": f"too few respondents with usable answers ({missing} deletion)",
                    "expected": "at least 3",
                }
            ],
            f"{label}: only {n_used} respondent(s) have usable answers to items "
            f"{list(items)} under {missing} deletion; reliability needs at least 3. "
            "Check that the right columns were named and that missing codes are not "
            "hiding every answer" + (" (or use missing='pairwise')." if missing == "listwise" else "."),
        )


def check_variances(C: np.ndarray, N: np.ndarray, items, *, label: str) -> None:
    """Zero-variance items and item pairs nobody answered together are errors."""
    var = np.diag(C)
    bad = [items[j] for j in range(len(items)) if not (var[j] > 0)]
    if bad:
        raise data_error(
            [
                {
                    "column": v,
                    "value": 0.0,
                    "problem": "item has zero variance (or < 2 answers)",
                    "expected": "answers that vary between respondents",
                }
                for v in bad
            ],
            f"{label}: item(s) {bad} have zero variance (everyone gave the same answer, "
            "or fewer than 2 answered), so they carry no information about consistency "
            "and alpha is undefined for them. Fix: drop the item(s) from the scale.",
        )
    no_pair = np.argwhere(np.triu(N < 2, 1))
    if len(no_pair):
        pairs = [(items[i], items[j]) for i, j in no_pair[:10]]
        raise data_error(
            [
                {
                    "column": f"{a}, {b}",
                    "value": 0,
                    "problem": "fewer than 2 respondents answered both items",
                    "expected": "at least 2",
                }
                for a, b in pairs
            ],
            f"{label}: fewer than 2 respondents answered both items of pair(s) {pairs}, so "
            "their covariance is unknown. Fix: use fewer items or check routing.",
        )


def reliability_core(X, index, items, *, missing, ci_level, ci_method, label):
    """All scale-level and item-level statistics of one keyed item matrix.

    Rows left out under ``missing`` add nothing to the sums, so they are not copied out;
    ``n`` counts the rows used. ``X`` is used as work space (its values are destroyed).
    """
    n_all, k = X.shape
    N, S, Pc, Q, centre, n = cross_products(
        X, complete_rows=missing == "listwise", overwrite=True
    )  # X is not used again
    check_rows_used(n, n_all, items, missing, label=label)
    C, P = moments_from_sums(N, S, Pc, Q)
    check_variances(C, N, items, label=label)
    R = cov2cor(C)
    alpha = alpha_from_cov(C)
    alpha_std = alpha_std_from_cor(R)
    if ci_method == "feldt":
        ci_low, ci_high = feldt_ci(alpha, n, k, ci_level)
    else:
        ase = np.sqrt(duhachek_ase(C) / n)
        z = stats.norm.ppf(1.0 - (1.0 - ci_level) / 2.0)
        ci_low, ci_high = alpha - z * ase, alpha + z * ase
    if k >= 3:
        omega = omega_total_one_factor(P)
    else:
        omega = np.nan
        warnings.warn(
            f"{label}: omega_total needs at least 3 items (a one-factor model of 2 items is "
            "not identified); it is NaN.",
            UserWarning,
            stacklevel=3,
        )
    scale = {
        "n": int(n),
        "k": int(k),
        "alpha": float(alpha),
        "alpha_std": float(alpha_std),
        "ci_low": float(ci_low),
        "ci_high": float(ci_high),
        "omega_total": float(omega),
    }
    # item level: corrected item-total r and alpha if the item is dropped (from C)
    r_drop = np.empty(k)
    a_drop = np.full(k, np.nan)
    a_std_drop = np.full(k, np.nan)
    for i in range(k):
        rest = np.delete(np.arange(k), i)
        c_rest = C[np.ix_(rest, rest)]
        r_drop[i] = (C[:, i].sum() - C[i, i]) / np.sqrt(C[i, i] * c_rest.sum())
        if k >= 3:
            a_drop[i] = alpha_from_cov(c_rest)
            a_std_drop[i] = alpha_std_from_cor(R[np.ix_(rest, rest)])
    if k == 2:  # psych's convention for two items: the other item "alone"
        a_drop[:] = [C[0, 1] / C[1, 1], C[0, 1] / C[0, 0]]
        a_std_drop[:] = R[0, 1]
    n_item = np.diag(N).astype(int)
    item = {
        "n": n_item,
        "mean": centre + np.diag(S) / np.diag(N),
        "sd": np.sqrt(np.diag(C)),
        "corrected_item_total_r": r_drop,
        "alpha_if_dropped": a_drop,
        "alpha_std_if_dropped": a_std_drop,
    }
    neg = [items[i] for i in range(k) if r_drop[i] < 0]
    if neg:
        warnings.warn(
            f"{label}: item(s) {neg} correlate negatively with the rest of the scale; they "
            "are probably reverse-keyed and should be reversed (reverse=[...] or the "
            "dictionary's 'reverse' column).",
            UserWarning,
            stacklevel=3,
        )
    return scale, item
