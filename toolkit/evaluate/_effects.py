"""Shared helpers of the evaluation module: effect sizes, their intervals and input checks.

Private: the public functions (``pre_post``, ``attrition``, ``balance_table``,
``power`` ...) call these; nothing here is part of the public API.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import optimize, special, stats

from toolkit.errors import DesignError, ParameterError


def check_frame(data, function: str) -> None:
    """Raise :class:`ParameterError` unless ``data`` is a pandas DataFrame."""
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(
            f"The 'data' parameter of {function} must be a pandas DataFrame (one row per "
            f"respondent per wave). Got {type(data).__name__} instead."
        )


def column_names(value, *, argument: str, function: str) -> list:
    """A column name or a list of them as a list; ParameterError for anything else.

    >>> column_names("age", argument="baseline", function="attrition")
    ['age']
    >>> column_names(3, argument="baseline", function="attrition")
    Traceback (most recent call last):
    ...
    toolkit.errors.ParameterError: The 'baseline' parameter of attrition must be a column name or a list of column names. Got 3 instead.
    """
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple, pd.Index, np.ndarray)):
        return list(value)
    raise ParameterError(
        f"The '{argument}' parameter of {function} must be a column name or a list of column "
        f"names. Got {value!r} instead."
    )


def numeric_values(series: pd.Series, column: str, *, purpose: str, allow_ordered: bool = False):
    """Return ``series`` as float, or raise :class:`DesignError` naming the column.

    Booleans count as 0/1. An ordered categorical is turned into its level codes
    (1, 2, ...) when ``allow_ordered`` (rank methods only use the order).
    """
    if isinstance(series.dtype, pd.CategoricalDtype):
        if allow_ordered and series.cat.ordered:
            codes = series.cat.codes.astype(float)
            return codes.where(codes >= 0) + 1.0
        hint = (
            "make it an ordered categorical (pd.Categorical(..., ordered=True)) or recode it to numbers"
            if allow_ordered
            else "recode it to numbers, or use test='rank' with an ordered categorical"
        )
        raise DesignError(
            f"Column '{column}' is categorical but {purpose} needs a numeric outcome. "
            f"Found levels {list(series.cat.categories)[:6]}; {hint}."
        )
    if pd.api.types.is_bool_dtype(series):
        return series.astype(float)
    if pd.api.types.is_numeric_dtype(series):
        return series.astype(float)
    bad = series.dropna()
    example = bad.iloc[0] if len(bad) else None
    raise DesignError(
        f"Column '{column}' must be numeric for {purpose}; found {series.dtype} values "
        f"such as {example!r}. Recode the answers to numbers (for example Likert labels to "
        f"1-5 with the data dictionary) or, for an ordinal item, use test='rank' with an "
        f"ordered categorical."
    )


# ---------------------------------------------------------------- noncentral t


def nct_limits(t: float, df: float, level: float = 0.95) -> tuple[float, float]:
    """Confidence limits for the noncentrality parameter of a t distribution.

    Solves ``P(T <= t | df, ncp) = 1 - a`` (lower) and ``= a`` (upper) with
    ``a = (1 - level) / 2`` by root finding (Steiger & Fouladi 1997; Kelley 2007).
    """
    if not np.isfinite(t) or not np.isfinite(df) or df <= 0:
        return (float("nan"), float("nan"))
    a = (1 - level) / 2

    def cdf(ncp: float) -> float:
        value = float(stats.nct.cdf(t, df, ncp))
        if not np.isfinite(value):  # far tails, where the algorithm gives up: the limit is 0 or 1
            value = 1.0 if ncp < t else 0.0
        return value

    def solve(target: float) -> float:
        f = lambda ncp: cdf(ncp) - target
        width = 2.0 + 0.25 * abs(t)
        lo, hi = t - width, t + width
        for _ in range(200):
            if f(lo) > 0 and f(hi) < 0:
                break
            lo, hi = lo - width, hi + width
        return optimize.brentq(f, lo, hi, xtol=1e-12, rtol=1e-12, maxiter=500)

    return (solve(1 - a), solve(a))


def hedges_j(df: float) -> float:
    """Exact small-sample correction J(df) = Γ(df/2) / (sqrt(df/2) Γ((df-1)/2)) (Hedges 1981)."""
    if df <= 1:
        return float("nan")
    return float(math.exp(special.gammaln(df / 2) - special.gammaln((df - 1) / 2)) / math.sqrt(df / 2))


def d_z(diff: np.ndarray, level: float) -> tuple[float, float, float]:
    """Cohen's d_z = mean(diff) / sd(diff) with a noncentral-t interval (df = n - 1)."""
    n = len(diff)
    sd = np.std(diff, ddof=1)
    if n < 2 or sd == 0:
        return (float("nan"),) * 3
    d = float(np.mean(diff) / sd)
    lo, hi = nct_limits(d * math.sqrt(n), n - 1, level)
    return (d, lo / math.sqrt(n), hi / math.sqrt(n))


def d_independent(x_pre: np.ndarray, x_post: np.ndarray, level: float, *, hedges: bool):
    """Cohen's d (pooled SD) or Hedges' g = J d, with a noncentral-t interval.

    ``t = d sqrt(n1 n2 / (n1 + n2))`` is noncentral t with ``n1 + n2 - 2`` df under
    normality and equal variances; its limits are rescaled to d (and multiplied by J
    for g, as in Hedges & Olkin 1985).
    """
    n1, n2 = len(x_pre), len(x_post)
    df = n1 + n2 - 2
    if n1 < 2 or n2 < 2:
        return (float("nan"),) * 3
    sp = math.sqrt(((n1 - 1) * np.var(x_pre, ddof=1) + (n2 - 1) * np.var(x_post, ddof=1)) / df)
    if sp == 0:
        return (float("nan"),) * 3
    d = float((np.mean(x_post) - np.mean(x_pre)) / sp)
    scale = math.sqrt(n1 * n2 / (n1 + n2))
    lo, hi = nct_limits(d * scale, df, level)
    j = hedges_j(df) if hedges else 1.0
    return (j * d, j * lo / scale, j * hi / scale)


def fisher_z_limits(r: float, se: float, level: float) -> tuple[float, float]:
    """tanh(atanh(r) -/+ z se): interval for a correlation-type effect size."""
    z = stats.norm.ppf(1 - (1 - level) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        centre = np.arctanh(np.clip(r, -1.0, 1.0))
        return (float(np.tanh(centre - z * se)), float(np.tanh(centre + z * se)))


# ---------------------------------------------------------------- standardised differences


def smd_numeric(x_1: np.ndarray, x_0: np.ndarray) -> float:
    """(mean_1 - mean_0) / sqrt((s_1^2 + s_0^2) / 2) (Austin 2009, eq. 1)."""
    if len(x_1) < 2 or len(x_0) < 2:
        return float("nan")
    pooled = math.sqrt((np.var(x_1, ddof=1) + np.var(x_0, ddof=1)) / 2)
    diff = float(np.mean(x_1) - np.mean(x_0))
    if pooled == 0:
        return 0.0 if diff == 0 else float("nan")
    return diff / pooled


def smd_binary(p_1: float, p_0: float) -> float:
    """(p_1 - p_0) / sqrt((p_1 (1 - p_1) + p_0 (1 - p_0)) / 2) (Austin 2009, eq. 2)."""
    denom = math.sqrt((p_1 * (1 - p_1) + p_0 * (1 - p_0)) / 2)
    if denom == 0:
        return 0.0 if p_1 == p_0 else float("nan")
    return (p_1 - p_0) / denom


def is_numeric_covariate(series: pd.Series) -> bool:
    """Numeric (not boolean, not categorical) columns are summarised by means."""
    return (
        pd.api.types.is_numeric_dtype(series)
        and not pd.api.types.is_bool_dtype(series)
        and not isinstance(series.dtype, pd.CategoricalDtype)
    )


def level_labels(series: pd.Series) -> list:
    """Sorted levels of a categorical covariate (category order if categorical)."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        return [c for c in series.cat.categories if (series == c).any()]
    values = series.dropna().unique().tolist()
    try:
        return sorted(values)
    except TypeError:
        return sorted(values, key=str)


def covariate_kind(series: pd.Series) -> str:
    """``"numeric"``, ``"binary"`` (numeric holding only 0/1) or ``"categorical"``."""
    if not is_numeric_covariate(series):
        return "categorical"
    values = set(pd.unique(series.dropna()))
    if values and values <= {0, 1}:
        return "binary"
    return "numeric"
