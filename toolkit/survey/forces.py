"""Force-level estimates for recognition and resourcing decisions.

How many people of each force (and of the country) are affected by online harms and have
an unmet need (no support, not reported, no training), as design-based totals
(:func:`resourcing`); each force against the rest of the country (:func:`compare_forces`);
and the change of a force's prevalence from one wave to the next (:func:`change_by`).

Every estimate reuses the one survey design of :mod:`toolkit.survey._design` (weights,
strata, clusters, finite population correction, calibration): the variances are the
Taylor-linearised variances of totals of influence values, as R's ``survey`` package.
Numbers stay numbers: rounding for publication (e.g. to the nearest 10 people) and the
suppression of small counts (``n``, ``n_events`` below the threshold) belong to the report
layer and :mod:`toolkit.disclosure`.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests

from toolkit.errors import (
    DataWarning,
    DesignError,
    ParameterError,
    check_choice,
    check_ci,
    check_columns,
    check_threshold,
)
from toolkit.survey._design import DesignColumns
from toolkit.survey._inputs import (
    as_list,
    binary_values,
    group_codes,
    group_order,
    require_rows,
)
from toolkit.survey.prevalence import total

__all__ = ["change_by", "compare_forces", "resourcing"]

RESOURCING_COLUMNS = ["by", "group", "measure", "estimate", "se", "ci_low", "ci_high", "df", "n", "n_events", "method"]
COMPARE_COLUMNS = [
    "outcome",
    "by",
    "group",
    "prevalence",
    "prevalence_rest",
    "estimate",
    "se",
    "ci_low",
    "ci_high",
    "statistic",
    "df",
    "p",
    "p_adj",
    "n",
    "n_events",
    "n_rest",
    "method",
    "suppress",
]
CHANGE_COLUMNS = [
    "outcome",
    "by",
    "group",
    "time_from",
    "time_to",
    "estimate_from",
    "estimate_to",
    "estimate",
    "se",
    "ci_low",
    "ci_high",
    "statistic",
    "df",
    "p",
    "n_from",
    "n_to",
    "n_events_from",
    "n_events_to",
    "method",
    "suppress",
]
CORRECTIONS = ("holm", "bonferroni", "fdr_bh", "none")


# ------------------------------------------------------------------------------ helpers


def _check_data(data, function):
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(
            f"The 'data' parameter of {function} must be a pandas DataFrame. Got {type(data).__name__} instead."
        )
    require_rows(data, function=function)


def _one_name(value, argument, function):
    if not isinstance(value, str):
        raise ParameterError(
            f"The '{argument}' parameter of {function} must be one column name (a string). Got {value!r} instead."
        )
    return value


def _any(block: np.ndarray) -> np.ndarray:
    """1 if any column is 1, 0 if some answered and none is 1, NaN if none answered
    (:func:`toolkit.survey.any_of`)."""
    hit = (block == 1).any(axis=1)
    answered = (~np.isnan(block)).any(axis=1)
    return np.where(hit, 1.0, np.where(answered, 0.0, np.nan))


def _and_not(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """R's three-valued ``a == 1 & b == 0`` as 1 / 0 / NaN (``FALSE & NA`` is ``FALSE``)."""
    x = np.where(np.isnan(a), np.nan, a == 1)
    y = np.where(np.isnan(b), np.nan, b == 0)
    false = (x == 0) | (y == 0)
    return np.where(false, 0.0, np.where(np.isnan(x) | np.isnan(y), np.nan, 1.0))


def _groups(data, by, function):
    codes, labels = group_codes(data, [by])
    miss = codes < 0
    if miss.all():
        raise DesignError(
            f"{function}: every row has a missing value in the 'by' column '{by}'; "
            "no group can be formed. Check the column named."
        )
    if miss.any():
        warnings.warn(
            DataWarning(
                f"{function}: {int(miss.sum())} row(s) with a missing '{by}' left out of the estimates "
                "by it (they stay in the design, with zero contribution).",
                n_excluded=int(miss.sum()),
                reason=f"missing value in '{by}'",
            ),
            stacklevel=3,
        )
    order = group_order(data, [by], pd.Series(labels, dtype=object))
    codes = np.append(pd.Index(order).get_indexer(labels), -1)[codes]
    return codes, list(order)


def _tcrit(level, df):
    with np.errstate(invalid="ignore"):
        return stats.t.ppf(0.5 + level / 2, df)


# ------------------------------------------------------------------------------ resourcing


def resourcing(
    data: pd.DataFrame,
    *,
    harms: str | list[str],
    by: str | list[str] | None = "force",
    weight: str | None = None,
    strata: str | None = None,
    cluster: str | tuple[str, str] | None = None,
    fpc: str | tuple[str, str] | None = None,
    support: str | list[str] | None = None,
    reported: str | None = None,
    trained: str | list[str] | None = None,
    lonely_psu: str = "fail",
    calibration: str | list[str] | None = None,
    ci: float = 0.95,
    threshold: int = 10,
) -> pd.DataFrame:
    """How many people are affected and have an unmet need, per force and nationally.

    The resourcing table of a force: design-based totals (as R ``svytotal``) of the
    people of the workforce affected by online harms, by each harm type, harmed and not
    supported, harmed and not reported, and untrained, each with its interval. With
    ``strata="force"`` and ``fpc`` the force's headcount, the weights are headcount over
    respondents and each total estimates a number of people of the force.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent.
    harms : str or list of str
        The binary harm items (0/1, e.g. ``harm_abuse``, ``harm_threats``...).
    by : str or list of str or None, default "force"
        The column of the forces (several columns give their cells, e.g.
        ``["force", "role"]`` for training need by role; ``None``: national rows only).
    weight, strata, cluster, fpc, lonely_psu, calibration
        The survey design, as in :func:`toolkit.survey.prevalence` (``svydesign(ids =
        ~cluster, strata = ~strata, fpc = ~fpc, weights = ~weight)``). Without any the
        sample is its own population (weights 1).
    support : str or list of str, optional
        Binary support items (e.g. ``"support_aware"``, ``"support_used"``): one measure
        ``"harmed, not <item>"`` each (harmed and answered 0).
    reported : str, optional
        Binary item "reported the most serious incident": measure ``"harmed, not reported"``.
    trained : str or list of str, optional
        Binary training items: measure ``"untrained"`` (answered 0 to every one answered).
    ci : float, default 0.95
        Confidence level, in ``attrs["ci"]``.
    threshold : int, default 10
        The disclosure threshold; checked here and stored in ``attrs["threshold"]`` for
        the publication gate, which suppresses rows whose ``n`` or ``n_events`` is below it.

    Returns
    -------
    pandas.DataFrame
        One row per group (each level of ``by``, then ``"All"``: the national total) and
        measure, columns:

        - ``by``: the grouping column(s) (``"a / b"``); ``None`` on the national rows.
        - ``group``: the force (``"All"`` nationally).
        - ``measure``: ``"harmed"`` (any of ``harms``), each harm item's name (when there are several),
          ``"harmed, not <support item>"``, ``"harmed, not reported"``, ``"untrained"``.
        - ``estimate``: the estimated number of people, :math:`\\hat T`.
        - ``se``: its design-based standard error.
        - ``ci_low``, ``ci_high``: :math:`\\hat T \\pm t_{d}\\,\\mathrm{se}`.
        - ``df``: design degrees of freedom of the group, :math:`d`.
        - ``n``: respondents with a valid value of the measure (and a positive weight).
        - ``n_events``: respondents counted in the measure (value 1).
        - ``method``: how the interval was computed.

        ``attrs``: ``ci``, ``threshold``, ``design`` (the design in R's words).
        The estimates are not rounded: round for publication (e.g. to the nearest 10
        people, never below the threshold) in the report layer, after the gate.

    Notes
    -----
    Each measure is a derived 0/1 column with R's three-valued logic, e.g. "harmed, not
    reported" is ``I(harmed == 1 & reported == 0)``: 0 for a respondent not harmed
    (whatever ``reported``), 1 for one harmed who did not report, missing when harmed and
    ``reported`` is missing. ``harmed`` is 1 if any harm item is 1, 0 if some were
    answered and none is 1, missing if none was answered (:func:`toolkit.survey.any_of`);
    ``untrained`` is 1 minus the same indicator over ``trained``. The total of a measure
    :math:`y` in group :math:`g` is :math:`\\hat T_g = \\sum_{i \\in g} w_i y_i` over the
    rows with a valid :math:`y` (the rest stay in the design with zero contribution: R
    ``svytotal(na.rm = TRUE)``, so a total counts only those who answered) with variance

    .. math:: \\widehat V(\\hat T_g) = \\sum_h (1 - f_h) \\frac{n_h}{n_h - 1}
              \\sum_{j} (z_{hj} - \\bar z_h)^2, \\qquad z_i = w_i y_i 1[i \\in g],

    :math:`z_{hj}` the PSU totals, :math:`f_h = n_h/N_h`: exactly
    :func:`toolkit.survey.total`, i.e. ``svyby(~I(harmed == 1 & reported == 0), ~force,
    design, svytotal, na.rm = TRUE)``.

    References
    ----------
    Lumley, T. (2010). *Complex Surveys: A Guide to Analysis Using R*. Wiley, ch. 2-3.

    Cochran, W. G. (1977). *Sampling Techniques* (3rd ed.). Wiley, ch. 5 (stratified
    estimation of a total).

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.survey import resourcing
    >>> df = pd.DataFrame({"force": ["A"] * 4 + ["B"] * 4, "staff": [40] * 4 + [100] * 4,
    ...                    "harm_abuse": [1, 0, 1, 1, 0, 1, 0, 0],
    ...                    "reported": [0, None, 1, 0, None, 0, None, None]})
    >>> res = resourcing(df, harms=["harm_abuse"], reported="reported", strata="force",
    ...                  fpc="staff", threshold=1)
    >>> res[["group", "measure", "estimate", "se", "n", "n_events"]].round(1)
      group               measure  estimate    se  n  n_events
    0     A                harmed      30.0   9.5  4         3
    1     A  harmed, not reported      20.0  11.0  4         2
    2     B                harmed      25.0  24.5  4         1
    3     B  harmed, not reported      25.0  24.5  4         1
    4   All                harmed      55.0  26.3  8         4
    5   All  harmed, not reported      45.0  26.8  8         3
    """
    function = "resourcing"
    _check_data(data, function)
    level = check_ci(ci, function=function)
    threshold = check_threshold(threshold, function=function, allow_low=True)
    harm_cols = as_list(harms, argument="harms")
    if not harm_cols:
        raise ParameterError("The 'harms' parameter of resourcing must name at least one harm item.")
    support_cols = as_list(support, argument="support")
    trained_cols = as_list(trained, argument="trained")
    reported_cols = [_one_name(reported, "reported", function)] if reported is not None else []
    by_cols = as_list(by, argument="by")
    for argument, cols in (
        ("harms", harm_cols),
        ("support", support_cols),
        ("reported", reported_cols),
        ("trained", trained_cols),
        ("by", by_cols),
    ):
        check_columns(data, cols, argument=argument)

    def values(cols, argument):
        return np.column_stack([binary_values(data, c, role=argument).to_numpy() for c in cols])

    H = values(harm_cols, "harms")
    harmed = _any(H)
    measures = {"harmed": harmed}
    if len(harm_cols) > 1:  # one item: it is "harmed"
        for j, c in enumerate(harm_cols):
            measures[c] = H[:, j]
    for c in support_cols:
        measures[f"harmed, not {c}"] = _and_not(harmed, values([c], "support")[:, 0])
    if reported_cols:
        measures["harmed, not reported"] = _and_not(harmed, values(reported_cols, "reported")[:, 0])
    if trained_cols:
        measures["untrained"] = 1.0 - _any(values(trained_cols, "trained"))
    design_cols = [c for c in [weight, strata] if isinstance(c, str)]
    for extra in (cluster, fpc, calibration):
        design_cols += [extra] if isinstance(extra, str) else list(extra or [])
    keep = list(dict.fromkeys([c for c in by_cols + design_cols if isinstance(c, str) and c in data.columns]))
    clash = sorted(set(keep) & set(measures))
    if clash:
        raise ParameterError(
            f"resourcing: the column(s) {clash} of 'by' or the design have the name of "
            "a measure; rename them before calling resourcing."
        )
    frame = pd.concat([data[keep], pd.DataFrame(measures, index=data.index)], axis=1)
    labels = list(measures)
    args: dict[str, Any] = {
        "weight": weight,
        "strata": strata,
        "cluster": cluster,
        "fpc": fpc,
        "lonely_psu": lonely_psu,
        "calibration": calibration,
        "ci": level,
        "threshold": threshold,
    }
    seen: dict[str, warnings.WarningMessage] = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        parts = [total(frame, labels, by=by_cols, **args)] if by_cols else []
        parts.append(total(frame, labels, by=None, **args))
    for w in caught:  # each warning once (the national call repeats the forces')
        seen.setdefault(str(w.message), w)
    for w in seen.values():
        warnings.warn(w.message, stacklevel=2)
    design_text = parts[-1].attrs.get("design")
    # respondents counted in each measure (value 1, positive weight, a group)
    wpos = np.ones(len(data), bool)
    if weight is not None:
        wpos = data[weight].to_numpy(dtype=float) > 0
    row_codes, row_labels = group_codes(data, by_cols)
    order = {m: i for i, m in enumerate(labels)}
    for p, part in enumerate(parts):
        national = p == len(parts) - 1
        counts = {}
        for name, y in measures.items():
            one = (y == 1) & wpos
            if national:
                counts[("All", name)] = int(one.sum())
            else:
                sel = one & (row_codes >= 0)
                per = np.bincount(row_codes[sel], minlength=len(row_labels))
                counts.update({(str(g), name): int(c) for g, c in zip(row_labels, per)})
        part["n_events"] = [counts.get((g, m), 0) for g, m in zip(part["group"], part["outcome"])]
        part["_p"] = p
        part["_g"] = pd.factorize(part["group"])[0]
        part["_m"] = part["outcome"].map(order)
    res = pd.concat(parts, ignore_index=True).sort_values(["_p", "_g", "_m"], kind="stable")
    res = res.rename(columns={"outcome": "measure"})[RESOURCING_COLUMNS].reset_index(drop=True)
    res["n_events"] = res["n_events"].astype("int64")
    res.attrs.update({"ci": level, "threshold": threshold, "design": design_text})
    return res


# ------------------------------------------------------------------------------ force vs rest


def _answered(y, codes, w, outcome, *, function, how=""):
    """Rows that count in a domain estimate (answered, in a group, positive weight), and the
    outcome and weight with the others set to 0: they stay in the design with zero
    contribution, as R's survey package keeps them. Missing answers are announced once."""
    valid = ~np.isnan(y) & (codes >= 0) & (w > 0)
    n_missing = int((np.isnan(y) & (codes >= 0)).sum())
    if n_missing:
        warnings.warn(
            DataWarning(
                f"{function}: {n_missing} row(s) with a missing '{outcome}' left out (they stay in the "
                f"design with zero contribution{', ' + how if how else ''}).",
                n_excluded=n_missing,
                reason=f"missing value in '{outcome}'",
            ),
            stacklevel=3,
        )
    return valid, np.where(valid, y, 0.0), np.where(valid, w, 0.0)


def compare_forces(
    data: pd.DataFrame,
    *,
    outcome: str,
    by: str = "force",
    weight: str | None = None,
    strata: str | None = None,
    cluster: str | tuple[str, str] | None = None,
    fpc: str | tuple[str, str] | None = None,
    lonely_psu: str = "fail",
    calibration: str | list[str] | None = None,
    correction: str = "holm",
    ci: float = 0.95,
    threshold: int = 10,
) -> pd.DataFrame:
    """Each force against the rest of the country: difference in prevalence, test, p_adj.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent.
    outcome : str
        A binary (0/1) column, e.g. ``"harm_threats"``. Missing answers are left out (the
        rows stay in the design with zero weight, as ``svyglm``'s ``na.omit``).
    by : str, default "force"
        The column of the forces; the rest of a force is every other force.
    weight, strata, cluster, fpc, lonely_psu, calibration
        The survey design, as in :func:`toolkit.survey.prevalence`.
    correction : {"holm", "bonferroni", "fdr_bh", "none"}, default "holm"
        Multiple-comparison adjustment over the forces (statsmodels ``multipletests``).
    ci : float, default 0.95
        Confidence level of the difference, in ``attrs["ci"]``.
    threshold : int, default 10
        ``suppress`` is True for a force with fewer than ``threshold`` respondents or
        respondents with the outcome.

    Returns
    -------
    pandas.DataFrame
        One row per force:

        - ``outcome``, ``by``, ``group``: the outcome, the force column, the force.
        - ``prevalence``: the force's (weighted) proportion :math:`\\hat p_g`.
        - ``prevalence_rest``: the rest of the country's, :math:`\\hat p_{-g}`.
        - ``estimate``: :math:`\\hat p_g - \\hat p_{-g}`.
        - ``se``: its design-based standard error (covariance included).
        - ``ci_low``, ``ci_high``: :math:`\\text{estimate} \\pm t_{d}\\,\\mathrm{se}`.
        - ``statistic``: :math:`t = \\text{estimate} / \\mathrm{se}`.
        - ``df``: :math:`d`, the design degrees of freedom minus 1 (``svyglm``'s residual df).
        - ``p``: two-sided p-value of :math:`t` on :math:`d` df.
        - ``p_adj``: ``p`` adjusted over the forces (``attrs["correction"]``).
        - ``n``, ``n_events``: the force's respondents with an answer, and with the outcome.
        - ``n_rest``: respondents of the rest with an answer.
        - ``method``: how it was computed.
        - ``suppress``: ``n``, ``n_events`` or ``n - n_events`` below ``threshold``.

    Notes
    -----
    :math:`\\hat p_g = \\sum_{i\\in g} w_i y_i / W_g` and likewise for the rest. The
    difference is a smooth function of totals; its influence value is

    .. math:: z_i = 1[i \\in g]\\, w_i (y_i - \\hat p_g)/W_g
              - 1[i \\notin g]\\, w_i (y_i - \\hat p_{-g})/W_{-g},

    and :math:`\\widehat V` is the design variance of :math:`\\sum z_i` (with-replacement
    between PSUs within strata, finite population correction). Summing the two domains'
    influence values before taking the PSU totals includes their covariance: it is 0 only
    when no PSU holds respondents of both (clusters nested in forces), and is estimated
    whenever PSUs (e.g. stations or teams shared by forces) cross the force boundary. This
    equals the coefficient of ``svyglm(y ~ I(force == g), design)`` and its sandwich
    standard error; ``df`` is ``degf(design) - 1`` over the rows with an answer, as
    ``summary.svyglm``.

    References
    ----------
    Lumley, T. (2010). *Complex Surveys: A Guide to Analysis Using R*. Wiley, ch. 5.

    Holm, S. (1979). A simple sequentially rejective multiple test procedure.
    *Scandinavian Journal of Statistics*, 6, 65-70.

    Examples
    --------
    >>> from toolkit.synth.survey import make_survey
    >>> survey, _ = make_survey(20240301, n_per_wave=800)
    >>> latest = survey[survey["wave"] == 2]
    >>> res = compare_forces(latest, outcome="harm_threats")
    >>> res[["group", "prevalence", "estimate", "se", "p_adj"]].head(3).round(3)
      group  prevalence  estimate     se  p_adj
    0   F01       0.120    -0.009  0.036    1.0
    1   F02       0.161     0.039  0.036    1.0
    2   F03       0.099    -0.032  0.038    1.0
    """
    function = "compare_forces"
    _check_data(data, function)
    outcome = _one_name(outcome, "outcome", function)
    by = _one_name(by, "by", function)
    check_columns(data, [outcome], argument="outcome")
    check_columns(data, [by], argument="by")
    check_choice(correction, CORRECTIONS, argument="correction", function=function)
    level = check_ci(ci, function=function)
    threshold = check_threshold(threshold, function=function, allow_low=True)
    design = DesignColumns(
        weight=weight, strata=strata, cluster=cluster, fpc=fpc, lonely_psu=lonely_psu, calibration=calibration
    ).build_or_srs(data, function=function)
    y = binary_values(data, outcome).to_numpy()
    codes, order = _groups(data, by, function)
    k = len(order)
    if k < 2:
        raise DesignError(f"compare_forces needs at least 2 forces in column '{by}'; found {order}.")
    valid, yv, wv = _answered(y, codes, design.weight, outcome, function="compare_forces", how="as svyglm's na.omit")
    c = np.where(valid, codes, k)
    W = np.bincount(c, weights=wv, minlength=k + 1)[:k]
    T = np.bincount(c, weights=wv * yv, minlength=k + 1)[:k]
    Wall, Tall = W.sum(), T.sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        p_g = T / W
        p_r = (Tall - T) / (Wall - W)
    se = np.empty(k)
    for start in range(0, k, 64):
        cols = np.arange(start, min(start + 64, k))
        inside = c[:, None] == cols[None, :]
        with np.errstate(invalid="ignore", divide="ignore"):
            Z = np.where(
                inside,
                wv[:, None] * (yv[:, None] - p_g[cols]) / W[cols],
                -wv[:, None] * (yv[:, None] - p_r[cols]) / (Wall - W[cols]),
            )
        Z[~valid] = 0.0
        se[cols] = np.sqrt(design.variance(Z, present=valid, diagonal=True))
    est = p_g - p_r
    df = design.degf(valid) - 1
    tcrit = _tcrit(level, df)
    with np.errstate(invalid="ignore", divide="ignore"):
        stat = est / se
    p = 2 * stats.t.sf(np.abs(stat), df)
    ok = np.isfinite(p)
    p_adj = np.full(k, np.nan)
    if correction == "none":
        p_adj = p.copy()
    elif ok.any():
        p_adj[ok] = multipletests(p[ok], method=correction)[1]
    n = np.bincount(c, minlength=k + 1)[:k]
    n_ev = np.bincount(c, weights=yv, minlength=k + 1)[:k].astype(int)
    if (n == 0).any():
        warnings.warn(
            DataWarning(
                f"compare_forces: force(s) {[order[g] for g in np.flatnonzero(n == 0)]} have "
                f"no answer to '{outcome}'; their row is NaN.",
                reason="empty group",
            ),
            stacklevel=2,
        )
    res = pd.DataFrame(
        {
            "outcome": outcome,
            "by": by,
            "group": np.array(order, dtype=object),
            "prevalence": p_g,
            "prevalence_rest": p_r,
            "estimate": est,
            "se": se,
            "ci_low": est - tcrit * se,
            "ci_high": est + tcrit * se,
            "statistic": stat,
            "df": float(df),
            "p": p,
            "p_adj": p_adj,
            "n": n.astype("int64"),
            "n_events": n_ev,
            "n_rest": (int(n.sum()) - n).astype("int64"),
            "method": "difference of domain means, Taylor linearisation; t test",
            "suppress": (n < threshold) | (n_ev < threshold) | (n - n_ev < threshold),
        },
        columns=COMPARE_COLUMNS,
    )
    res.attrs.update(
        {
            "ci": level,
            "correction": correction,
            "design": design.describe() if (weight or strata or cluster or fpc) else "simple random sample",
        }
    )
    return res


# ------------------------------------------------------------------------------ change


def change_by(
    data: pd.DataFrame,
    *,
    outcome: str,
    by: str | None = "force",
    time: str = "wave",
    subject: str | None = None,
    weight: str | None = None,
    strata: str | None = None,
    cluster: str | tuple[str, str] | None = None,
    fpc: str | tuple[str, str] | None = None,
    lonely_psu: str = "fail",
    calibration: str | list[str] | None = None,
    ci: float = 0.95,
    threshold: int = 10,
) -> pd.DataFrame:
    """Wave-on-wave change of a prevalence per force (and nationally), with its interval.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent and wave (all waves stacked).
    outcome : str
        A binary (0/1) column.
    by : str or None, default "force"
        The force column (``None``: national rows only).
    time : str, default "wave"
        The wave column (numbers, or an ordered Categorical); each wave is compared with
        the one before it.
    subject : str, optional
        The pseudonymous person identifier linking answers across waves. Without it the
        waves are treated as independent samples (apart from any shared PSU); with it each
        person is a cluster (``ids = ~subject``), so the correlation of a person's two
        answers enters the variance. Give ``cluster`` instead when people are nested in
        sampled clusters (a person must not sit in two clusters).
    weight, strata, cluster, fpc, lonely_psu, calibration
        The survey design of the stacked waves, as in :func:`toolkit.survey.prevalence`
        (weights per wave; strata may be wave by force).
    ci : float, default 0.95
        Confidence level, in ``attrs["ci"]``.
    threshold : int, default 10
        ``suppress`` is True when a wave's respondents or events in the group are below it.

    Returns
    -------
    pandas.DataFrame
        One row per group and pair of consecutive waves:

        - ``outcome``, ``by``, ``group`` (``"All"`` nationally).
        - ``time_from``, ``time_to``: the two waves.
        - ``estimate_from``, ``estimate_to``: the prevalence at each.
        - ``estimate``: the change, ``estimate_to - estimate_from``.
        - ``se``: its design-based standard error (covariance included).
        - ``ci_low``, ``ci_high``: :math:`\\text{estimate} \\pm t_{d}\\,\\mathrm{se}`.
        - ``statistic``, ``p``: :math:`t` and its two-sided p-value on ``df``.
        - ``df``: :math:`d`, PSUs minus strata among the group's rows of the two waves.
        - ``n_from``, ``n_to``, ``n_events_from``, ``n_events_to``: respondents with an
          answer, and with the outcome, at each wave.
        - ``method``; ``suppress``.

    Notes
    -----
    With :math:`\\hat p_{gt} = \\sum_{i \\in (g,t)} w_i y_i / W_{gt}`, the change
    :math:`\\hat p_{g,t_1} - \\hat p_{g,t_0}` has influence values
    :math:`z_i = 1[i \\in (g,t_1)] w_i (y_i - \\hat p_{g,t_1}) / W_{g,t_1} - 1[i \\in
    (g,t_0)] w_i (y_i - \\hat p_{g,t_0})/W_{g,t_0}` and variance the design variance of
    :math:`\\sum z_i`; this is R ``svycontrast(svyby(~y, ~interaction(force, wave),
    design, svymean, covmat = TRUE), contrast)``. For independent samples the covariance
    term is (nearly) zero and :math:`\\widehat V = \\widehat V_{t_1} + \\widehat V_{t_0}`.

    References
    ----------
    Lumley, T. (2010). *Complex Surveys: A Guide to Analysis Using R*. Wiley, ch. 2, 9.

    Kish, L. (1965). *Survey Sampling*. Wiley, 12.4 (comparisons of means across
    repeated surveys, overlapping samples).

    Examples
    --------
    >>> from toolkit.synth.survey import make_survey
    >>> survey, _ = make_survey(20240301, n_per_wave=800)
    >>> res = change_by(survey, outcome="reported", subject="resp_id")
    >>> res[["group", "estimate_from", "estimate_to", "estimate", "se"]].head(2).round(3)
      group  estimate_from  estimate_to  estimate     se
    0   F01          0.412        0.600     0.188  0.121
    1   F02          0.500        0.526     0.026  0.111
    """
    function = "change_by"
    _check_data(data, function)
    outcome = _one_name(outcome, "outcome", function)
    time = _one_name(time, "time", function)
    check_columns(data, [outcome], argument="outcome")
    check_columns(data, [time], argument="time")
    if by is not None:
        by = _one_name(by, "by", function)
        check_columns(data, [by], argument="by")
    if subject is not None:
        subject = _one_name(subject, "subject", function)
        check_columns(data, [subject], argument="subject")
        if cluster is not None:
            raise ParameterError(
                "change_by: give 'subject' or 'cluster', not both: with sampled clusters "
                "the people are nested in them and 'cluster' carries the link."
            )
        cluster = subject
    level = check_ci(ci, function=function)
    threshold = check_threshold(threshold, function=function, allow_low=True)
    design = DesignColumns(
        weight=weight, strata=strata, cluster=cluster, fpc=fpc, lonely_psu=lonely_psu, calibration=calibration
    ).build_or_srs(data, function=function)
    y = binary_values(data, outcome).to_numpy()
    tcodes, torder = _groups(data, time, function)
    if len(torder) < 2:
        raise DesignError(
            f"change_by needs at least two waves in column '{time}'; found {torder}. "
            "Stack the waves (one row per respondent and wave) first."
        )
    if by is not None:
        gcodes, gorder = _groups(data, by, function)
    else:
        gcodes, gorder = np.zeros(len(data), dtype=np.intp), []
    w = design.weight
    base, yv, wv = _answered(y, tcodes, w, outcome, function="change_by")
    rows, cols = [], []
    targets = [(g, gcodes == i) for i, g in enumerate(gorder)] + [("All", np.ones(len(data), bool))]
    for g, in_g in targets:
        for a in range(len(torder) - 1):
            m0 = base & in_g & (tcodes == a)
            m1 = base & in_g & (tcodes == a + 1)
            W0, W1 = wv[m0].sum(), wv[m1].sum()
            with np.errstate(invalid="ignore", divide="ignore"):
                p0, p1 = (wv[m0] * yv[m0]).sum() / W0, (wv[m1] * yv[m1]).sum() / W1
                z = np.where(m1, wv * (yv - p1) / W1, 0.0) - np.where(m0, wv * (yv - p0) / W0, 0.0)
            z = np.nan_to_num(z)
            cols.append(z)
            inset = (w > 0) & in_g & ((tcodes == a) | (tcodes == a + 1))
            rows.append(
                {
                    "group": g,
                    "time_from": torder[a],
                    "time_to": torder[a + 1],
                    "estimate_from": p0,
                    "estimate_to": p1,
                    "estimate": p1 - p0,
                    "df": design.degf(inset),
                    "n_from": int(m0.sum()),
                    "n_to": int(m1.sum()),
                    "n_events_from": int(yv[m0].sum()),
                    "n_events_to": int(yv[m1].sum()),
                }
            )
    Z = np.column_stack(cols)
    var = np.concatenate(
        [design.variance(Z[:, s : s + 64], present=base, diagonal=True) for s in range(0, Z.shape[1], 64)]
    )
    res = pd.DataFrame(rows)
    res["se"] = np.sqrt(var)
    empty = (res["n_from"] == 0) | (res["n_to"] == 0)
    res.loc[empty, ["estimate", "se"]] = np.nan
    if empty.any():
        warnings.warn(
            DataWarning(
                f"change_by: group(s) {sorted(set(res.loc[empty, 'group']))} have no answer "
                "at one of the waves; their change is NaN.",
                reason="empty group",
            ),
            stacklevel=2,
        )
    tcrit = _tcrit(level, res["df"].to_numpy(float))
    res["ci_low"] = res["estimate"] - tcrit * res["se"]
    res["ci_high"] = res["estimate"] + tcrit * res["se"]
    with np.errstate(invalid="ignore", divide="ignore"):
        res["statistic"] = res["estimate"] / res["se"]
    res["p"] = 2 * stats.t.sf(np.abs(res["statistic"].to_numpy(float)), res["df"].to_numpy(float))
    res["outcome"] = outcome
    res["by"] = by if by is not None else None
    res.loc[res["group"] == "All", "by"] = None
    res["method"] = (
        "difference of domain means, Taylor linearisation"
        + (
            "; persons as clusters"
            if subject is not None
            else "; waves as independent samples"
            if cluster is None
            else ""
        )
        + "; t interval"
    )
    small = res[["n_from", "n_to", "n_events_from", "n_events_to"]].to_numpy()
    res["suppress"] = (
        (small < threshold).any(axis=1)
        | (res["n_from"] - res["n_events_from"] < threshold)
        | (res["n_to"] - res["n_events_to"] < threshold)
    )
    res = res[CHANGE_COLUMNS]
    res.attrs.update({"ci": level, "design": design.describe(), "subject": subject})
    return res
