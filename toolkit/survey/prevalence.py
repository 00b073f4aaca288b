"""Prevalence of binary outcomes and means of scores, overall or by group, with or without weights."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from scipy import stats

from toolkit.errors import DesignError, ParameterError, check_ci, check_threshold
from toolkit.survey._inputs import (
    as_list,
    binary_values,
    group_codes,
    group_order,
    numeric_values,
    warn_excluded,
    weight_values,
)

__all__ = ["mean_by", "prevalence"]

COLUMNS = [
    "outcome", "by", "group", "estimate", "se", "ci_low", "ci_high",
    "n", "n_events", "n_weighted", "method", "suppress",
]


def prevalence(
    data: pd.DataFrame,
    outcome: str | list[str],
    *,
    by: str | list[str] | None = None,
    weight: str | None = None,
    ci: float = 0.95,
    threshold: int = 10,
) -> pd.DataFrame:
    """Prevalence (proportion answering 1) of binary outcomes, overall or by group.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent.
    outcome : str or list of str
        Binary column(s): 0/1 numbers (nullable ``Int64`` / ``Float64`` too), booleans or
        Categoricals with categories 0/1. Missing values (e.g. 9 = don't know, once read
        as missing through the dictionary) are excluded with a warning. Any other value
        raises :class:`~toolkit.errors.DataValidationError`.
    by : str or list of str, optional
        Grouping column(s); one row per group (cells of several columns, labelled
        ``"a / b"``). Rows with a missing group are excluded with a warning.
    weight : str, optional
        Column of survey weights (e.g. from :func:`toolkit.survey.rake`).
    ci : float, default 0.95
        Confidence level, stored in ``attrs["ci"]``.
    threshold : int, default 10
        Disclosure threshold: groups with fewer respondents are flagged in ``suppress``.

    Returns
    -------
    pandas.DataFrame
        One row per outcome and group, columns:

        - ``outcome``: the outcome column.
        - ``by``: the grouping column(s) (``"a / b"``), or ``None``.
        - ``group``: the group's level (``"All"`` without ``by``).
        - ``estimate``: the (weighted) proportion answering 1.
        - ``se``: its standard error (binomial, or Taylor-linearised with weights).
        - ``ci_low``, ``ci_high``: the confidence interval (Wilson, or logit with weights).
        - ``n``: respondents with a valid answer (unweighted).
        - ``n_events``: respondents answering 1 (unweighted).
        - ``n_weighted``: sum of their weights (equals ``n`` without weights).
        - ``method``: how the interval was computed.
        - ``suppress``: True when ``n < threshold``. The numbers stay in the table;
          the report layer removes them (through :mod:`toolkit.disclosure`, which also
          applies secondary suppression) before anything is published.

    Notes
    -----
    Unweighted: :math:`\\hat p = x/n`, :math:`\\mathrm{se} = \\sqrt{\\hat p(1-\\hat p)/n}`
    and the Wilson score interval

    .. math:: \\frac{\\hat p + z^2/2n \\pm z\\sqrt{\\hat p(1-\\hat p)/n + z^2/4n^2}}{1 + z^2/n},

    identical to R ``prop.test(x, n, correct = FALSE)``.

    Weighted: :math:`\\hat p_g = \\sum_{i \\in g} w_i y_i / \\sum_{i\\in g} w_i`, with the
    Taylor-linearised (domain) variance of a with-replacement design with weights only,

    .. math:: \\widehat{V}(\\hat p_g) = \\frac{n}{n-1} \\sum_{i \\in g}
              \\frac{w_i^2 (y_i - \\hat p_g)^2}{W_g^2},

    where :math:`n` counts every respondent with a positive weight (all groups, also
    those whose answer is missing, which enter as zero contributions), as in R
    ``svymean`` / ``svyby`` on ``svydesign(ids = ~1, weights = ~w)``. The interval is
    computed on the logit scale, :math:`\\mathrm{logit}(\\hat p_g) \\pm
    t_{d_g}\\,\\mathrm{se}/(\\hat p_g(1-\\hat p_g))`, back-transformed, as R
    ``svyciprop(method = "logit")``; :math:`d_g` is the number of respondents of the
    group with a positive weight (answer missing or not) minus one, R's
    ``degf(subset(design, group))``. When :math:`\\hat p_g` is 0 or 1 that interval does
    not exist; the Wilson interval at Kish's effective sample size of the group is given
    instead (with a warning, and ``method`` says so).

    References
    ----------
    Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
    inference. *JASA*, 22, 209-212.

    Lumley, T. (2010). *Complex Surveys: A Guide to Analysis Using R*. Wiley, ch. 2-3.

    Korn, E. L. & Graubard, B. I. (1998). Confidence intervals for proportions with small
    expected number of positive counts estimated from survey data. *Survey Methodology*,
    24, 193-201.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.survey import prevalence
    >>> df = pd.DataFrame({"harm_abuse": [1, 0, 1, 1, 0, 0, 1, 0],
    ...                    "role": [1, 1, 1, 1, 2, 2, 2, 2]})
    >>> prevalence(df, "harm_abuse", by="role")[["group", "estimate", "ci_low", "ci_high", "n"]].round(3)
      group  estimate  ci_low  ci_high  n
    0     1      0.75   0.301    0.954  4
    1     2      0.25   0.046    0.699  4
    """
    return _estimate_columns(data, outcome, "outcome", by=by, weight=weight, ci=ci, threshold=threshold,
                             binary=True, function="prevalence")


def mean_by(
    data: pd.DataFrame,
    outcome: str | list[str],
    *,
    by: str | list[str] | None = None,
    weight: str | None = None,
    ci: float = 0.95,
    threshold: int = 10,
) -> pd.DataFrame:
    """Mean of numeric scores (e.g. scale scores), overall or by group, with a confidence interval.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent.
    outcome : str or list of str
        Numeric column(s), or ordered Categoricals with numeric codes (their codes are
        averaged). Missing values are excluded with a warning.
    by, weight, ci, threshold
        As in :func:`prevalence`.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`prevalence` (``outcome`` holds the column's name;
        ``n_events`` is missing (NA) since it applies to binary outcomes only):
        ``outcome, by, group, estimate, se, ci_low, ci_high, n, n_events, n_weighted,
        method, suppress``.

    Notes
    -----
    Unweighted: :math:`\\bar y \\pm t_{n-1}\\, s/\\sqrt n` (R ``t.test``). Weighted:
    :math:`\\bar y_w = \\sum w_i y_i / \\sum w_i` with the linearised domain variance
    :math:`\\frac{n}{n-1}\\sum_{i\\in g} w_i^2 (y_i - \\bar y_w)^2 / W_g^2` (R ``svymean`` /
    ``svyby`` on ``svydesign(ids = ~1, weights = ~w)``) and a :math:`t_{n_g-1}` interval
    (R ``confint(svymean(...), df = degf(subset(design, group)))``).

    References
    ----------
    Lumley, T. (2010). *Complex Surveys: A Guide to Analysis Using R*. Wiley, ch. 2.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.survey import mean_by
    >>> df = pd.DataFrame({"score": [3.0, 4.0, 5.0, 2.0, 2.5, 3.5], "role": [1, 1, 1, 2, 2, 2]})
    >>> mean_by(df, "score", by="role")[["group", "estimate", "se", "n"]].round(3)
      group  estimate     se  n
    0     1      4.00  0.577  3
    1     2      2.67  0.441  3
    """
    return _estimate_columns(data, outcome, "outcome", by=by, weight=weight, ci=ci, threshold=threshold,
                             binary=False, function="mean_by")


def _estimate_columns(data, columns, argument, *, by, weight, ci, threshold, binary, function):
    """One estimate table per column (binary proportions or means), stacked."""
    names = as_list(columns, argument=argument)
    if not names:
        raise ParameterError(f"The '{argument}' parameter of {function} must name at least one column.")
    z_level = check_ci(ci, function=function)
    threshold = check_threshold(threshold, function=function, allow_low=True)
    by_cols = as_list(by, argument="by")
    w_all = weight_values(data, weight, function=function)
    groups = _groups(data, by_cols, function=function)
    tables = []
    for name in names:
        values = binary_values(data, name, role="outcome") if binary else numeric_values(data, name, role="outcome")
        tables.append(
            _estimate(values.to_numpy(), groups, w_all, name, by_cols, z_level, threshold, binary=binary,
                      function=function)
        )
    res = pd.concat(tables, ignore_index=True)
    res.attrs["ci"] = z_level
    res.attrs["weight"] = weight
    return res


def _groups(data, by_cols, *, function):
    """(codes array with -1 for excluded rows, ordered group labels)."""
    if len(data) == 0:
        raise DesignError(f"{function} was given an empty data set (0 rows).")
    row_codes, labels = group_codes(data, by_cols)
    miss = row_codes < 0
    if miss.all():
        raise DesignError(
            f"{function}: every row has a missing value in the 'by' column(s) {by_cols}; "
            "no group can be formed. Check the column named."
        )
    warn_excluded(int(miss.sum()), f"missing value in the 'by' column(s) {by_cols}", function=function,
                  stacklevel=4)
    order = group_order(data, by_cols, pd.Series(labels, dtype=object))
    codes = np.append(pd.Index(order).get_indexer(labels), -1)[row_codes]
    return codes, order


def _estimate(y, groups, w_all, name, by_cols, level, threshold, *, binary, function):
    codes, order = groups
    k = len(order)
    valid = ~np.isnan(y) & (codes >= 0)
    n_missing = int((np.isnan(y) & (codes >= 0)).sum())
    warn_excluded(n_missing, f"missing value in '{name}'", function=function, stacklevel=5)
    if w_all is not None:
        valid &= w_all > 0
    if not valid.any():
        raise DesignError(f"{function}: no row has both a valid '{name}' and a group (and a positive weight).")
    c, yv = codes[valid], y[valid]
    wv = np.ones(len(yv)) if w_all is None else w_all[valid]
    n = np.bincount(c, minlength=k).astype(float)
    empty = [order[g] for g in range(k) if n[g] == 0]
    if empty:
        warnings.warn(
            f"{function}: group(s) {empty} have no valid '{name}' answer and are left out of "
            "the table.", UserWarning, stacklevel=4,
        )
    W = np.bincount(c, weights=wv, minlength=k)
    with np.errstate(invalid="ignore", divide="ignore"):
        est = np.bincount(c, weights=wv * yv, minlength=k) / W
    dev = yv - est[c]
    alpha = 1 - level
    if w_all is None:
        if binary:
            se = np.sqrt(est * (1 - est) / n)
            lo, hi = _wilson(est, n, stats.norm.ppf(1 - alpha / 2))
            method = np.full(k, "Wilson score interval", dtype=object)
        else:
            with np.errstate(invalid="ignore", divide="ignore"):
                sd = np.sqrt(np.bincount(c, weights=dev**2, minlength=k) / (n - 1))
            se = sd / np.sqrt(n)
            t = stats.t.ppf(1 - alpha / 2, n - 1)
            lo, hi = est - t * se, est + t * se
            method = np.full(k, "t interval", dtype=object)
    else:
        # R's survey package keeps rows with a missing outcome (or group) in the design
        # as zero-weight rows: n counts every row with a positive weight.
        n_all = float((w_all > 0).sum())
        se = np.sqrt(n_all / (n_all - 1) * np.bincount(c, weights=(wv * dev) ** 2, minlength=k)) / W
        # degrees of freedom as R's degf(subset(design, group)): rows of the group with a
        # positive weight (answer missing or not) minus one
        in_design = (codes >= 0) & (w_all > 0)
        df_g = np.bincount(codes[in_design], minlength=k) - 1.0
        t = stats.t.ppf(1 - alpha / 2, df_g)
        if binary:
            method = np.full(k, "Taylor linearisation; logit interval", dtype=object)
            with np.errstate(invalid="ignore", divide="ignore"):
                logit = np.log(est / (1 - est))
                half = t * se / (est * (1 - est))
            lo, hi = _expit(logit - half), _expit(logit + half)
            edge = (n > 0) & ((est <= 0) | (est >= 1))
            if edge.any():
                n_eff = W**2 / np.bincount(c, weights=wv**2, minlength=k)
                lo_w, hi_w = _wilson(est, n_eff, stats.norm.ppf(1 - alpha / 2))
                lo, hi = np.where(edge, lo_w, lo), np.where(edge, hi_w, hi)
                method[edge] = "Taylor linearisation; Wilson interval at effective n (estimate 0 or 1)"
                warnings.warn(
                    f"{function}: '{name}' is 0% or 100% in group(s) "
                    f"{[order[g] for g in np.flatnonzero(edge)]}; the logit interval does not "
                    "exist there, the Wilson interval at Kish's effective sample size is given.",
                    UserWarning, stacklevel=4,
                )
        else:
            method = np.full(k, "Taylor linearisation; t interval", dtype=object)
            lo, hi = est - t * se, est + t * se
        if (n == 1).any():
            warnings.warn(
                f"{function}: group(s) {[order[g] for g in np.flatnonzero(n == 1)]} have a single "
                f"answer to '{name}'; no interval can be computed there (NaN).", UserWarning, stacklevel=4,
            )
    events = np.bincount(c, weights=yv, minlength=k) if binary else np.full(k, np.nan)
    keep = n > 0
    res = pd.DataFrame(
        {
            "outcome": name,
            "by": " / ".join(by_cols) if by_cols else None,
            "group": np.array(order, dtype=object),
            "estimate": est,
            "se": se,
            "ci_low": lo,
            "ci_high": hi,
            "n": n.astype("int64"),
            "n_events": pd.array(np.where(np.isnan(events), np.nan, events), dtype="Int64")
            if binary else pd.array([pd.NA] * k, dtype="Int64"),
            "n_weighted": W,
            "method": method,
            "suppress": n < threshold,
        },
        columns=COLUMNS,
    )
    return res[keep].reset_index(drop=True)


def _wilson(p, n, z):
    with np.errstate(invalid="ignore", divide="ignore"):
        denom = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denom
        half = z / denom * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    return centre - half, centre + half


def _expit(x):
    return 1 / (1 + np.exp(-x))
