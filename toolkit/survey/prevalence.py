"""Prevalence of binary outcomes, means and totals of scores, overall or by group, for a
simple random sample or a survey design (weights, strata, clusters, finite population correction)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from scipy import stats

from toolkit.errors import DataWarning, DesignError, ParameterError, check_ci, check_threshold, warn_excluded
from toolkit.survey._design import DesignColumns
from toolkit.survey._inputs import (
    as_list,
    binary_values,
    group_codes,
    group_order,
    numeric_values,
)

__all__ = ["mean_by", "prevalence", "total"]

COLUMNS = [
    "outcome",
    "by",
    "group",
    "estimate",
    "se",
    "ci_low",
    "ci_high",
    "n",
    "n_events",
    "n_weighted",
    "method",
    "suppress",
]
TOTAL_COLUMNS = [
    "outcome",
    "by",
    "group",
    "estimate",
    "se",
    "ci_low",
    "ci_high",
    "df",
    "n",
    "n_weighted",
    "method",
    "suppress",
]

_DESIGN_DOC = """weight : str, optional
        Column of survey weights (e.g. from :func:`toolkit.survey.rake`). Zero weights are
        allowed: those rows stay in the design (as R does) and count nowhere else.
    strata : str, optional
        Column of the strata (e.g. ``"force"``).
    cluster : str or (str, str), optional
        Column of the primary sampling units (teams, stations), nested within strata; two
        columns for a two-stage design (e.g. ``("district", "school")``, with two ``fpc``).
    fpc : str or (str, str), optional
        Finite population correction: the population size of each stratum (in PSUs; with
        no clusters, people), or the sampling fraction (all values at most 1), constant
        within strata, as ``svydesign(fpc = )``. Without ``weight`` the weights follow from
        it (population over sample size).
    lonely_psu : {"fail", "adjust", "average", "remove", "certainty"}, default "fail"
        A stratum with a single PSU, as R's ``options(survey.lonely.psu = )``: ``"fail"``
        raises :class:`~toolkit.errors.DesignError` naming the stratum; ``"adjust"``
        centres it at the overall mean; ``"average"`` gives it the average variance of
        the other strata; ``"remove"`` / ``"certainty"`` let it contribute nothing.
    calibration : str or list of str, optional
        The columns ``weight`` was raked to (the margins of :func:`toolkit.survey.rake`).
        The variance then accounts for the calibration, as R does for a design passed
        through ``rake()``: the influence values are replaced by their raking residuals
        (ten sweeps of :math:`z \\leftarrow z - w\\,\\overline{(z/w)}_c` over each
        margin's cells c), which shrinks the variance of whatever the margins explain.
        Without it raked weights are treated as fixed sampling weights."""


def prevalence(
    data: pd.DataFrame,
    outcome: str | list[str],
    *,
    by: str | list[str] | None = None,
    weight: str | None = None,
    strata: str | None = None,
    cluster: str | tuple[str, str] | None = None,
    fpc: str | tuple[str, str] | None = None,
    lonely_psu: str = "fail",
    calibration: str | list[str] | None = None,
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
        ``"a / b"``). Rows with a missing group are excluded with a warning. Every
        category of a Categorical ``by`` has a row, an empty one with ``n`` 0 and NaN.
    {DESIGN}
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

    With a design (any of ``weight``, ``strata``, ``cluster``, ``fpc``):
    :math:`\\hat p_g = \\sum_{i \\in g} w_i y_i / \\sum_{i\\in g} w_i`, with the
    Taylor-linearised (domain) variance of the total of the influence values
    :math:`z_i = w_i (y_i - \\hat p_g) / W_g` (zero outside the group or when the answer
    is missing), with replacement between PSUs within strata:

    .. math:: \\widehat{V}(\\hat p_g) = \\sum_h (1 - f_h) \\frac{n_h}{n_h - 1}
              \\sum_{j=1}^{n_h} (z_{hj} - \\bar z_h)^2,

    :math:`z_{hj}` the total of PSU :math:`j` of stratum :math:`h`, :math:`n_h` the PSUs of
    the stratum (every row of the data counts, also those whose answer or group is
    missing, and those of zero weight), :math:`f_h = n_h / N_h` (the second stage adds
    :math:`\\sum_{hj} f_h (1 - f_{hj}) \\frac{m_{hj}}{m_{hj}-1} \\sum_k (z_{hjk} -
    \\bar z_{hj})^2`), as R ``svymean`` / ``svyby`` on ``svydesign(ids = ~cluster,
    strata = ~strata, fpc = ~fpc, weights = ~weight)``. With weights only this is
    :math:`\\frac{n}{n-1} \\sum_{i \\in g} w_i^2 (y_i - \\hat p_g)^2 / W_g^2`. The interval is
    computed on the logit scale, :math:`\\mathrm{logit}(\\hat p_g) \\pm
    t_{d_g}\\,\\mathrm{se}/(\\hat p_g(1-\\hat p_g))`, back-transformed, as R
    ``svyciprop(method = "logit")``; :math:`d_g` is the number of PSUs minus the number
    of strata among the group's rows with a positive weight (answer missing or not), R's
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
    columns = DesignColumns(
        weight=weight, strata=strata, cluster=cluster, fpc=fpc, lonely_psu=lonely_psu, calibration=calibration
    )
    return _estimate_columns(
        data, outcome, columns, by=by, ci=ci, threshold=threshold, kind="prevalence", function="prevalence"
    )


def mean_by(
    data: pd.DataFrame,
    outcome: str | list[str],
    *,
    by: str | list[str] | None = None,
    weight: str | None = None,
    strata: str | None = None,
    cluster: str | tuple[str, str] | None = None,
    fpc: str | tuple[str, str] | None = None,
    lonely_psu: str = "fail",
    calibration: str | list[str] | None = None,
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
    by, weight, strata, cluster, fpc, lonely_psu, calibration, ci, threshold
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
    Without a design: :math:`\\bar y \\pm t_{n-1}\\, s/\\sqrt n` (R ``t.test``). With a
    design: :math:`\\bar y_w = \\sum w_i y_i / \\sum w_i` with the linearised domain
    variance of :func:`prevalence` (influence values :math:`w_i (y_i - \\bar y_w)/W_g`; R
    ``svymean`` / ``svyby``) and a :math:`t_{d_g}` interval on the group's design degrees of
    freedom (R ``confint(svymean(...), df = degf(subset(design, group)))``).

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
    columns = DesignColumns(
        weight=weight, strata=strata, cluster=cluster, fpc=fpc, lonely_psu=lonely_psu, calibration=calibration
    )
    return _estimate_columns(data, outcome, columns, by=by, ci=ci, threshold=threshold, kind="mean", function="mean_by")


def total(
    data: pd.DataFrame,
    outcome: str | list[str],
    *,
    by: str | list[str] | None = None,
    weight: str | None = None,
    strata: str | None = None,
    cluster: str | tuple[str, str] | None = None,
    fpc: str | tuple[str, str] | None = None,
    lonely_psu: str = "fail",
    calibration: str | list[str] | None = None,
    ci: float = 0.95,
    threshold: int = 10,
) -> pd.DataFrame:
    """Design-based totals (e.g. the number of people affected), overall or by group.

    With ``weight`` (and ``strata`` / ``fpc``) describing how the survey represents the
    workforce, the total of a 0/1 outcome estimates how many people of the workforce
    have it (e.g. officers harmed, or harmed and not supported), with its interval.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent.
    outcome : str or list of str
        Numeric or 0/1 column(s). Rows with a missing answer stay in the design and add
        nothing to the total (R ``svytotal(na.rm = TRUE)``): the total then counts only
        those who answered; impute or reweight first if non-response matters.
    by, weight, strata, cluster, fpc, lonely_psu, calibration, ci, threshold
        As in :func:`prevalence`. Without any design column the sample is its own
        population (weights 1).

    Returns
    -------
    pandas.DataFrame
        One row per outcome and group: ``outcome``, ``by``, ``group``, ``estimate`` (the
        weighted total :math:`\\sum_{i \\in g} w_i y_i`), ``se``, ``ci_low``, ``ci_high``
        (t interval on ``df``), ``df`` (the design degrees of freedom of the group, R
        ``degf(subset(design, group))``), ``n`` (respondents with a valid answer),
        ``n_weighted`` (their weights' sum: the population they represent), ``method``,
        ``suppress`` (``n < threshold``). ``attrs``: ``ci``, ``design``, ``lonely_psu``.

    Notes
    -----
    :math:`\\hat T_g = \\sum_i w_i y_i 1[i \\in g]` with the variance of
    :func:`prevalence` applied to the influence values :math:`z_i = w_i y_i 1[i \\in g]`,
    as R ``svytotal`` / ``svyby(..., svytotal)``; interval
    :math:`\\hat T_g \\pm t_{d_g}\\,\\mathrm{se}` (R ``confint(..., df = degf(subset(design,
    group)))``).

    References
    ----------
    Lumley, T. (2010). *Complex Surveys: A Guide to Analysis Using R*. Wiley, ch. 2.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.survey import total
    >>> df = pd.DataFrame({"harmed": [1, 0, 1, 1, 0, 1, 0, 0],
    ...                    "force": ["A"] * 4 + ["B"] * 4, "staff": [40] * 4 + [100] * 4})
    >>> total(df, "harmed", by="force", strata="force", fpc="staff")[
    ...     ["group", "estimate", "se", "n_weighted"]].round(1)
      group  estimate    se  n_weighted
    0     A      30.0   9.5        40.0
    1     B      25.0  24.5       100.0
    """
    columns = DesignColumns(
        weight=weight, strata=strata, cluster=cluster, fpc=fpc, lonely_psu=lonely_psu, calibration=calibration
    )
    return _estimate_columns(data, outcome, columns, by=by, ci=ci, threshold=threshold, kind="total", function="total")


prevalence.__doc__ = (prevalence.__doc__ or "").replace("{DESIGN}", _DESIGN_DOC)


def _estimate_columns(
    data: pd.DataFrame,
    outcome: str | list[str],
    columns: DesignColumns,
    *,
    by: str | list[str] | None,
    ci: float,
    threshold: int,
    kind: str,
    function: str,
) -> pd.DataFrame:
    """One estimate table per outcome column (proportions, means or totals), stacked."""
    names = as_list(outcome, argument="outcome")
    if not names:
        raise ParameterError(f"The 'outcome' parameter of {function} must name at least one column.")
    level = check_ci(ci, function=function)
    threshold = check_threshold(threshold, function=function, allow_low=True)
    by_cols = as_list(by, argument="by")
    if not hasattr(data, "columns"):
        raise ParameterError(
            f"The 'data' parameter of {function} must be a pandas DataFrame. Got {type(data).__name__} instead."
        )
    if len(data) == 0:
        raise DesignError(f"{function} was given an empty data set (0 rows).")
    # a total needs a design: a simple random sample without design columns
    design = (
        columns.build_or_srs(data, function=function) if kind == "total" else columns.build(data, function=function)
    )
    groups = _groups(data, by_cols, function=function)
    if design is not None:  # degf(subset(design, group)) does not depend on the outcome
        groups = (*groups, design.degf_by(groups[0], len(groups[1])))
    tables = []
    for name in names:
        values = (
            binary_values(data, name, role="outcome")
            if kind == "prevalence"
            else numeric_values(data, name, role="outcome")
        )
        tables.append(
            _estimate(values.to_numpy(), groups, design, name, by_cols, level, threshold, kind=kind, function=function)
        )
    res = pd.concat(tables, ignore_index=True)
    res.attrs["ci"] = level
    res.attrs["weight"] = columns.weight
    res.attrs["design"] = design.describe() if design is not None else "simple random sample"
    res.attrs["lonely_psu"] = columns.lonely_psu
    return res


def _groups(data, by_cols, *, function):
    """(codes array with -1 for excluded rows, ordered group labels)."""
    row_codes, labels = group_codes(data, by_cols)
    miss = row_codes < 0
    if miss.all():
        raise DesignError(
            f"{function}: every row has a missing value in the 'by' column(s) {by_cols}; "
            "no group can be formed. Check the column named."
        )
    warn_excluded(int(miss.sum()), f"missing value in the 'by' column(s) {by_cols}", function=function, stacklevel=5)
    order = group_order(data, by_cols, pd.Series(labels, dtype=object), keep_empty=True)
    codes = np.append(pd.Index(order).get_indexer(labels), -1)[row_codes]
    return codes, order


def _estimate(y, groups, design, name, by_cols, level, threshold, *, kind, function):
    codes, order = groups[:2]
    k = len(order)
    binary = kind == "prevalence"
    valid = ~np.isnan(y) & (codes >= 0)
    n_missing = int((np.isnan(y) & (codes >= 0)).sum())
    if design is None:
        warn_excluded(n_missing, f"missing value in '{name}'", function=function, stacklevel=6)
    elif n_missing:
        warnings.warn(
            DataWarning(
                f"{function}: {n_missing} row(s) with a missing '{name}' left out of the estimate "
                "(they stay in the design with zero contribution, as R svymean(na.rm = TRUE)).",
                n_excluded=n_missing,
                reason=f"missing value in '{name}'",
            ),
            stacklevel=6,
        )
    if design is not None:
        valid &= design.weight > 0
    if not valid.any():
        raise DesignError(f"{function}: no row has both a valid '{name}' and a group (and a positive weight).")
    c, yv = codes[valid], y[valid]
    n = np.bincount(c, minlength=k).astype(float)
    empty = [order[g] for g in range(k) if n[g] == 0]
    if empty:
        warnings.warn(
            DataWarning(
                f"{function}: group(s) {empty} have no valid '{name}' answer; their row shows n = 0 "
                "and no estimate (NaN).",
                n_excluded=0,
                reason="empty group",
            ),
            stacklevel=5,
        )
    alpha = 1 - level
    if design is None:
        W = n.copy()
        with np.errstate(invalid="ignore", divide="ignore"):
            est = np.bincount(c, weights=yv, minlength=k) / n
        dev = yv - est[c]
        if binary:
            with np.errstate(invalid="ignore", divide="ignore"):
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
        df_g = n - 1
    else:
        w = design.weight
        wv = w[valid]
        W = np.bincount(c, weights=wv, minlength=k)
        total = np.bincount(c, weights=wv * yv, minlength=k)
        scores = np.zeros(len(y))
        if kind == "total":
            est = total
            scores[valid] = wv * yv
        else:
            with np.errstate(invalid="ignore", divide="ignore"):
                est = total / W
            scores[valid] = wv * (yv - est[c]) / W[c]
        se = np.sqrt(design.variance_by(scores, codes, k, present=valid))
        # degrees of freedom as R's degf(subset(design, group)): PSUs minus strata among
        # the group's rows with a positive weight (answer missing or not)
        df_g = groups[2]
        with np.errstate(invalid="ignore", divide="ignore"):
            t = stats.t.ppf(1 - alpha / 2, df_g)
        if binary:
            method = np.full(k, "Taylor linearisation; logit interval", dtype=object)
            with np.errstate(invalid="ignore", divide="ignore"):
                logit = np.log(est / (1 - est))
                half = t * se / (est * (1 - est))
            lo, hi = _expit(logit - half), _expit(logit + half)
            edge = (n > 0) & ((est <= 0) | (est >= 1))
            if edge.any():
                with np.errstate(invalid="ignore", divide="ignore"):
                    n_eff = W**2 / np.bincount(c, weights=wv**2, minlength=k)
                lo_w, hi_w = _wilson(est, n_eff, stats.norm.ppf(1 - alpha / 2))
                lo, hi = np.where(edge, lo_w, lo), np.where(edge, hi_w, hi)
                method[edge] = "Taylor linearisation; Wilson interval at effective n (estimate 0 or 1)"
                warnings.warn(
                    DataWarning(
                        f"{function}: '{name}' is 0% or 100% in group(s) "
                        f"{[order[g] for g in np.flatnonzero(edge)]}; the logit interval does not "
                        "exist there, the Wilson interval at Kish's effective sample size is given.",
                        reason="estimate 0 or 1",
                    ),
                    stacklevel=5,
                )
        else:
            method = np.full(k, "Taylor linearisation; t interval", dtype=object)
            lo, hi = est - t * se, est + t * se
        if ((n == 1) | (df_g < 1)).any():
            thin = [order[g] for g in np.flatnonzero((n == 1) | (df_g < 1))]
            warnings.warn(
                DataWarning(
                    f"{function}: group(s) {thin} rest on a single answer or a single sampled unit for "
                    f"'{name}'; no interval can be computed there (NaN).",
                    reason="thin data",
                ),
                stacklevel=5,
            )
    events = np.bincount(c, weights=yv, minlength=k) if binary else np.full(k, np.nan)
    cols = {
        "outcome": name,
        "by": " / ".join(by_cols) if by_cols else None,
        "group": np.array(order, dtype=object),
        "estimate": np.where(n > 0, est, np.nan),
        "se": np.where(n > 0, se, np.nan),
        "ci_low": np.where(n > 0, lo, np.nan),
        "ci_high": np.where(n > 0, hi, np.nan),
        "df": df_g,
        "n": n.astype("int64"),
        "n_events": pd.array(np.where(np.isnan(events), np.nan, events), dtype="Int64")
        if binary
        else pd.array([pd.NA] * k, dtype="Int64"),
        "n_weighted": W,
        "method": method,
        "suppress": n < threshold,
    }
    return pd.DataFrame(cols, columns=TOTAL_COLUMNS if kind == "total" else COLUMNS)


def _wilson(p, n, z):
    with np.errstate(invalid="ignore", divide="ignore"):
        denom = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denom
        half = z / denom * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    return centre - half, centre + half


def _expit(x):
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-x))
