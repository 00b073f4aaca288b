"""Compare groups on one or several outcomes, choosing the test by the outcome's type."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from scipy import special, stats
from statsmodels.stats.multitest import multipletests

from toolkit.errors import DataWarning, DesignError, ParameterError, check_choice, check_columns, warn_excluded
from toolkit.survey._design import DesignColumns
from toolkit.survey._design_tests import rao_scott, wald_means
from toolkit.survey._inputs import (
    _problem,
    as_list,
    group_labels,
    group_order,
    numeric_values,
)

__all__ = ["compare_groups"]

COLUMNS = [
    "outcome",
    "by",
    "test",
    "statistic",
    "df",
    "df2",
    "p",
    "p_adj",
    "effect_size",
    "effect_size_type",
    "n",
    "n_groups",
    "method",
]
_MEASURES = {"auto", "categorical", "ordinal", "numeric"}
_CORRECTIONS = {"holm", "fdr_bh", "bonferroni", "none"}


def compare_groups(
    data: pd.DataFrame,
    outcome: str | list[str],
    *,
    by: str,
    weight: str | None = None,
    strata: str | None = None,
    cluster: str | tuple[str, str] | None = None,
    fpc: str | tuple[str, str] | None = None,
    lonely_psu: str = "fail",
    calibration: str | list[str] | None = None,
    measure: str = "auto",
    correction: str = "holm",
) -> pd.DataFrame:
    """Test whether groups differ on each outcome, with a test suited to its type.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent.
    outcome : str or list of str
        Outcome column(s). A list is a *family* of tests: ``p_adj`` corrects for
        multiplicity across it.
    by : str
        Grouping column (e.g. ``"role"``). Rows with a missing group or outcome are
        excluded (with a warning).
    weight, strata, cluster, fpc, lonely_psu, calibration
        The survey design, as in :func:`toolkit.survey.prevalence`. With any of them the
        tests are design-based (see Notes).
    measure : {"auto", "categorical", "ordinal", "numeric"}, default "auto"
        Level of measurement of the outcome(s). ``"auto"``: ordered Categoricals (Likert
        and ordinal items read through the dictionary) are ordinal; unordered
        Categoricals, text, booleans and 0/1 columns are categorical; other numbers are
        numeric. Numbers stored as text (``"1"``, ``"2"``, ... with more than two values)
        raise :class:`~toolkit.errors.DataValidationError`: convert them, or say
        ``measure="categorical"``.
    correction : {"holm", "fdr_bh", "bonferroni", "none"}, default "holm"
        Multiplicity correction across the outcomes (statsmodels ``multipletests``).

    Returns
    -------
    pandas.DataFrame
        One row per outcome:

        - ``outcome``, ``by``: the columns compared.
        - ``test``: ``chi2``, ``mann_whitney``, ``kruskal``, ``welch_t``, ``welch_anova``
          (unweighted) or ``rao_scott_f``, ``wald_f`` (weighted).
        - ``statistic``: X^2, U (of the first group), H, t, or F.
        - ``df``, ``df2``: degrees of freedom (``df2`` the denominator df of an F test;
          NaN where the test has none).
        - ``p``: p-value; ``p_adj``: corrected across the outcomes.
        - ``effect_size`` and ``effect_size_type``: Cramer's V (categorical); rank-biserial
          correlation :math:`2U/(n_1 n_2) - 1` (> 0: the first group scores higher;
          Mann-Whitney); :math:`\\varepsilon^2 = H/(n-1)` (Kruskal-Wallis); Hedges' g
          (first minus second group, pooled SD, exact small-sample factor
          :math:`J = \\Gamma(m/2) / (\\sqrt{m/2}\\,\\Gamma((m-1)/2))`, :math:`m = n_1+n_2-2`,
          as ``pre_post``; Welch t); :math:`\\eta^2` (Welch ANOVA; weighted:
          the R^2 of the weighted least-squares fit).
        - ``n``: respondents used; ``n_groups``: groups compared.
        - ``method``: a description of the test.

        ``attrs["correction"]`` records the correction and ``attrs["groups"]`` the
        group order per outcome.

    Notes
    -----
    Unweighted tests (scipy): Pearson's X^2 without continuity correction (R
    ``chisq.test(correct = FALSE)``); Mann-Whitney U with normal approximation and
    continuity correction (R ``wilcox.test(exact = FALSE)``); Kruskal-Wallis with tie
    correction (R ``kruskal.test``); Welch's t (R ``t.test``); Welch's ANOVA (R
    ``oneway.test(var.equal = FALSE)``). Ordinal outcomes use their codes' ranks.

    Design-based (R ``svydesign(ids = ~cluster, strata = ~strata, fpc = ~fpc, weights =
    ~weight)``; every row stays in the design, rows with a missing answer or group
    contribute zero, as R does): categorical outcomes use the Rao-Scott second-order
    corrected F, :math:`F = X^2 / \\mathrm{tr}(\\hat\\Delta)` on :math:`(d, d\\nu)` df with
    :math:`d = \\mathrm{tr}(\\hat\\Delta)^2 / \\mathrm{tr}(\\hat\\Delta^2)` and
    :math:`\\nu` the PSUs minus strata of the design (R ``svychisq`` default; :math:`X^2`
    on the weighted table scaled to the design's N rows); ordinal and numeric outcomes use
    the design-based Wald F test that the weighted group means are equal, on
    :math:`(k-1, \\mathrm{degf} - k + 1)` df (R ``regTermTest(svyglm(outcome ~ group),
    ~group)``), treating ordinal codes as scores. There is no design-based rank test here.

    References
    ----------
    Rao, J. N. K. & Scott, A. J. (1984). On chi-squared tests for multiway contingency
    tables with cell proportions estimated from survey data. *Annals of Statistics*, 12, 46-60.

    Welch, B. L. (1951). On the comparison of several mean values: an alternative
    approach. *Biometrika*, 38, 330-336.

    Holm, S. (1979). A simple sequentially rejective multiple test procedure.
    *Scandinavian Journal of Statistics*, 6, 65-70.

    Tomczak, M. & Tomczak, E. (2014). The need to report effect size estimates revisited.
    *Trends in Sport Sciences*, 21, 19-25 (epsilon-squared).

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.survey import compare_groups
    >>> df = pd.DataFrame({
    ...     "harm_abuse": [1, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0],
    ...     "rec_serious": pd.Categorical([2, 1, 2, 3, 1, 4, 5, 4, 3, 4, 5, 5], ordered=True),
    ...     "role": [1] * 6 + [2] * 6})
    >>> res = compare_groups(df, ["harm_abuse", "rec_serious"], by="role")
    >>> res[["outcome", "test", "statistic", "p", "p_adj", "effect_size"]].round(3)
           outcome          test  statistic      p  p_adj  effect_size
    0   harm_abuse          chi2      3.086  0.079  0.079        0.507
    1  rec_serious  mann_whitney      2.500  0.014  0.029       -0.861
    """
    dvs = as_list(outcome, argument="outcome")
    if not dvs:
        raise ParameterError("The 'outcome' parameter of compare_groups must name at least one column.")
    between = by
    if not isinstance(between, str):
        raise ParameterError(f"The 'by' parameter of compare_groups must be a column name. Got {between!r} instead.")
    check_choice(measure, _MEASURES, argument="measure", function="compare_groups")
    check_choice(correction, _CORRECTIONS, argument="correction", function="compare_groups")
    check_columns(data, dvs, argument="outcome")
    check_columns(data, [between], argument="by")
    if between in dvs:
        raise ParameterError(f"Column '{between}' is both an outcome ('outcome') and the grouping ('by').")
    design = DesignColumns(
        weight=weight, strata=strata, cluster=cluster, fpc=fpc, lonely_psu=lonely_psu, calibration=calibration
    ).build(data, function="compare_groups")
    labels = group_labels(data, [between])
    rows, orders = [], {}
    for col in dvs:
        row, order = _one(data, col, between, labels, design, measure)
        rows.append(row)
        orders[col] = order
    res = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "p_adj"])
    if correction == "none" or len(res) == 1:
        res["p_adj"] = res["p"]
    else:
        res["p_adj"] = multipletests(res["p"].to_numpy(), method=correction)[1]
    res = res[COLUMNS]
    res.attrs.update(
        correction=correction,
        groups=orders,
        weight=weight,
        design=design.describe() if design is not None else "simple random sample",
    )
    return res


def _kind(s: pd.Series, measure: str) -> str:
    if measure != "auto":
        return measure
    if not (
        pd.api.types.is_numeric_dtype(s.dtype)
        or pd.api.types.is_bool_dtype(s.dtype)
        or isinstance(s.dtype, pd.CategoricalDtype)
    ):
        vals = pd.unique(s.dropna())
        as_num = pd.to_numeric(pd.Series(vals, dtype=object), errors="coerce")
        if len(vals) > 2 and as_num.notna().all():
            raise _problem(
                str(s.name),
                sorted(vals, key=lambda v: float(v))[:8],
                f"holds numbers stored as text ({len(vals)} distinct values)",
                "numbers (a score) or categories",
                f"Convert it with data['{s.name}'] = pd.to_numeric(data['{s.name}']) to compare "
                "means, or pass measure='categorical' if the numbers are category codes.",
            )
    if isinstance(s.dtype, pd.CategoricalDtype):
        return "ordinal" if s.cat.ordered else "categorical"
    if pd.api.types.is_bool_dtype(s.dtype) or not pd.api.types.is_numeric_dtype(s.dtype):
        return "categorical"
    vals = pd.unique(s.dropna())
    return "categorical" if set(np.asarray(vals, dtype=float)) <= {0.0, 1.0} else "numeric"


def _one(data, col, between, labels, design, measure):
    s = data[col]
    kind = _kind(s, measure)
    if kind == "categorical":
        y = s.astype(object).where(s.notna(), np.nan)
        y_missing = s.isna().to_numpy()
    else:
        y = numeric_values(data, col, role="outcome")
        y_missing = y.isna().to_numpy()
    g_missing = labels.isna().to_numpy()
    keep = ~y_missing & ~g_missing
    if design is not None:
        keep &= design.weight > 0
    if keep.sum() == 0:
        raise DesignError(f"compare_groups: no row has both '{col}' and '{between}' (all missing).")
    reason = f"missing '{col}' or '{between}'" + (" or zero weight" if design is not None else "")
    if design is not None:
        reason += " (kept in the design with zero contribution, as R's survey package)"
    warn_excluded(int((~keep).sum()), reason, function="compare_groups", stacklevel=5)
    sub_labels = labels[keep]
    order = group_order(data, [between], sub_labels)
    gcode = pd.Index(order).get_indexer(labels.to_numpy())  # every row; -1 = no group
    counts = np.bincount(gcode[keep], minlength=len(order))
    if len(order) < 2:
        raise DesignError(
            f"compare_groups: '{between}' has only {len(order)} group ({order}) with a valid "
            f"'{col}'; at least two groups are needed."
        )
    base = {"outcome": col, "by": between, "n": int(keep.sum()), "n_groups": len(order)}
    if kind == "categorical":
        yv = y[keep].map(_text)
        levels = sorted(pd.unique(yv), key=_sort_key)
        if len(levels) < 2:
            raise DesignError(
                f"compare_groups: '{col}' takes a single value ({levels}) in the rows used; "
                "there is no association to test."
            )
        rcode = np.full(len(y), -1)
        rcode[keep] = pd.Index(levels).get_indexer(yv.to_numpy())
        if design is None:
            out = _categorical(rcode[keep], gcode[keep], None, len(levels), len(order))
        else:
            out = _categorical_design(rcode, gcode, keep, design, len(levels), len(order))
    else:
        small = [order[i] for i in np.flatnonzero(counts < 2)]
        if small:
            raise DesignError(
                f"compare_groups: group(s) {small} of '{between}' have fewer than 2 valid answers "
                f"to '{col}'; merge them with a neighbouring group or leave them out."
            )
        yall = y.to_numpy()
        if np.nanvar(yall[keep]) == 0:
            raise DesignError(f"compare_groups: '{col}' is constant in the rows used; nothing to compare.")
        if design is None:
            out = _scores(yall[keep], gcode[keep], len(order), kind)
        else:
            res = wald_means(yall, gcode, keep, design, len(order))
            out = {
                "test": "wald_f",
                "statistic": res["statistic"],
                "df": res["df"],
                "df2": res["df2"],
                "p": res["p"],
                "effect_size": res["eta2"],
                "effect_size_type": "eta_squared",
                "method": f"Design-based Wald F test of equal weighted means ({design.describe()})"
                + ("; ordinal codes used as scores" if kind == "ordinal" else ""),
            }
    return {**base, **out}, order


def _text(v):
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    return str(v)


def _sort_key(v):
    try:
        return (0, float(v), "")
    except ValueError:
        return (1, 0.0, v)


def _categorical_design(rcode, gcode, keep, design, nr, nc):
    rs = rao_scott(rcode, gcode, keep, design, nr, nc)
    return {
        "test": "rao_scott_f",
        "statistic": rs["statistic"],
        "df": rs["df"],
        "df2": rs["df2"],
        "p": rs["p"],
        "effect_size": rs["cramers_v"],
        "effect_size_type": "cramers_v",
        "method": f"Rao-Scott second-order corrected chi-square (F), {design.describe()}",
    }


def _categorical(rcode, gcode, w, nr, nc):
    if w is None:  # the unweighted test (design-based tests: _categorical_design)
        table = np.zeros((nr, nc))
        np.add.at(table, (rcode, gcode), 1)
        x2, p, df, expected = stats.chi2_contingency(table, correction=False)
        if (expected < 5).any():
            warnings.warn(
                DataWarning(
                    f"compare_groups: {(expected < 5).sum()} cell(s) have expected counts below 5; "
                    "the chi-square approximation may be poor.",
                    reason="thin data",
                ),
                stacklevel=5,
            )
        v = float(np.sqrt(x2 / (table.sum() * (min(nr, nc) - 1))))
        return {
            "test": "chi2",
            "statistic": float(x2),
            "df": float(df),
            "df2": np.nan,
            "p": float(p),
            "effect_size": v,
            "effect_size_type": "cramers_v",
            "method": "Pearson chi-square test of independence (no continuity correction)",
        }


def _scores(y, g, k, kind):
    groups = [y[g == i] for i in range(k)]
    if kind == "ordinal":
        if k == 2:
            r = stats.mannwhitneyu(
                groups[0], groups[1], alternative="two-sided", use_continuity=True, method="asymptotic"
            )
            n1, n2 = len(groups[0]), len(groups[1])
            return {
                "test": "mann_whitney",
                "statistic": float(r.statistic),
                "df": np.nan,
                "df2": np.nan,
                "p": float(r.pvalue),
                "effect_size": 2 * float(r.statistic) / (n1 * n2) - 1,
                "effect_size_type": "rank_biserial",
                "method": "Mann-Whitney U test (normal approximation, continuity correction)",
            }
        r = stats.kruskal(*groups)
        return {
            "test": "kruskal",
            "statistic": float(r.statistic),
            "df": float(k - 1),
            "df2": np.nan,
            "p": float(r.pvalue),
            "effect_size": float(r.statistic) / (len(y) - 1),
            "effect_size_type": "epsilon_squared",
            "method": "Kruskal-Wallis H test (tie-corrected)",
        }
    if k == 2:
        a, b = groups
        r = stats.ttest_ind(a, b, equal_var=False)
        n1, n2 = len(a), len(b)
        sp = np.sqrt(((n1 - 1) * a.var(ddof=1) + (n2 - 1) * b.var(ddof=1)) / (n1 + n2 - 2))
        m = n1 + n2 - 2  # exact small-sample correction (Hedges 1981), as pre_post
        j = np.exp(special.gammaln(m / 2) - special.gammaln((m - 1) / 2)) / np.sqrt(m / 2)
        g_ = (a.mean() - b.mean()) / sp * j
        return {
            "test": "welch_t",
            "statistic": float(r.statistic),
            "df": float(r.df),
            "df2": np.nan,
            "p": float(r.pvalue),
            "effect_size": float(g_),
            "effect_size_type": "hedges_g",
            "method": "Welch two-sample t-test",
        }
    return _welch_anova(groups, y)


def _welch_anova(groups, y):
    k = len(groups)
    n = np.array([len(x) for x in groups], dtype=float)
    m = np.array([x.mean() for x in groups])
    v = np.array([x.var(ddof=1) for x in groups])
    if (v == 0).any():
        raise DesignError("compare_groups: a group has zero variance; Welch's ANOVA is undefined there.")
    wj = n / v
    W = wj.sum()
    mw = (wj * m).sum() / W
    a = (wj * (m - mw) ** 2).sum() / (k - 1)
    tmp = ((1 - wj / W) ** 2 / (n - 1)).sum()
    F = a / (1 + 2 * (k - 2) / (k**2 - 1) * tmp)
    df2 = (k**2 - 1) / (3 * tmp)
    grand = y.mean()
    eta2 = float((n * (m - grand) ** 2).sum() / ((y - grand) ** 2).sum())
    return {
        "test": "welch_anova",
        "statistic": float(F),
        "df": float(k - 1),
        "df2": float(df2),
        "p": float(stats.f.sf(F, k - 1, df2)),
        "effect_size": eta2,
        "effect_size_type": "eta_squared",
        "method": "Welch's one-way ANOVA (unequal variances)",
    }
