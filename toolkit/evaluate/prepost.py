"""Before-and-after comparisons of one outcome (training evaluated: recommendation 2.03)
and the attrition between the two waves."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
from scipy import stats

from toolkit.errors import (
    DataWarning,
    DesignError,
    ParameterError,
    check_choice,
    check_ci,
    check_columns,
)
from toolkit.evaluate import _effects as fx
from toolkit.evaluate._ranks import rank_sum, signed_rank
from toolkit.evaluate._waves import (
    check_unique_ids,
    drop_missing,
    resolve_waves,
    wave_rows,
)

__all__ = ["attrition", "pre_post"]

COLUMNS = [
    "outcome",
    "design",
    "n_pre",
    "n_post",
    "n",
    "mean_pre",
    "mean_post",
    "estimate",
    "se",
    "ci_low",
    "ci_high",
    "statistic",
    "df",
    "p",
    "effect_size",
    "effect_size_ci_low",
    "effect_size_ci_high",
    "effect_size_kind",
    "method",
]


def pre_post(
    data: pd.DataFrame,
    *,
    outcome: str,
    time: str,
    subject: str | None = None,
    pre=None,
    post=None,
    paired: bool | None = None,
    test: str = "t",
    equal_var: bool = False,
    effect_size: str | None = None,
    ci: float = 0.95,
) -> pd.DataFrame:
    """Compare an outcome before and after an intervention (paired or independent samples).

    Parameters
    ----------
    data : pandas.DataFrame
        Long data: one row per respondent per wave.
    outcome : str
        Column to compare (numeric; for ``test="rank"`` an ordered categorical also works).
    time : str
        Column saying which wave a row belongs to.
    subject : str, optional
        Pseudonymous respondent id linking the waves. Without it the waves are treated
        as independent samples.
    pre, post : optional
        Values of ``time`` for the before and after waves. Needed when ``time`` has more
        than two values, or two names whose order is not obvious (``pre``/``post``,
        ``before``/``after`` and ``baseline``/``follow-up`` are recognised; numbers, dates
        and ordered categoricals are taken in order).
    paired : bool, optional
        ``True``: paired analysis of respondents present in both waves (needs ``subject``).
        ``False``: independent samples. ``None`` (default): paired if ``subject`` is given
        and at least two respondents appear in both waves; the choice is written in the
        ``design`` and ``method`` columns and in a warning when rows are left out.
    test : {"t", "rank"}
        ``"t"``: paired t-test or two-sample t-test (Welch unless ``equal_var``).
        ``"rank"``: Wilcoxon signed-rank (paired) or Mann-Whitney (independent), for
        ordinal outcomes such as single Likert items.
    equal_var : bool
        Independent t-test only: pooled-variance (Student) instead of Welch.
    effect_size : {"d_z", "d_av", "g_av", "d", "g"}, optional
        Paired t: ``"d_z"`` (default: mean change / SD of the changes), ``"d_av"`` (mean
        change / average SD of the two waves, comparable with between-subjects d) or
        ``"g_av"`` (its Hedges correction). Independent t: ``"g"`` (Hedges' g, default) or
        ``"d"`` (Cohen's d). Rank tests always give the rank-biserial correlation.
    ci : float
        Confidence level of both intervals (stored in ``attrs["ci"]``).

    Returns
    -------
    pandas.DataFrame
        One row with columns:

        - ``outcome``: the outcome column; ``design``: ``"paired"`` or ``"independent"``.
        - ``n_pre``, ``n_post``: observations used in each wave; ``n``: pairs (paired)
          or all observations (independent).
        - ``mean_pre``, ``mean_post``: means of the outcome in each wave.
        - ``estimate``: change, after minus before, in the outcome's units (t: mean
          difference; rank: Hodges-Lehmann estimate, the median of Walsh averages of the
          differences (paired) or of all after-minus-before differences (independent)).
        - ``se``, ``ci_low``, ``ci_high``: its standard error and confidence interval
          (t only; NaN for rank tests).
        - ``statistic``, ``df``, ``p``: t and its degrees of freedom; for rank tests R's
          V (sum of positive ranks) or W (Mann-Whitney U of the after wave), df NaN.
        - ``effect_size``, ``effect_size_ci_low``, ``effect_size_ci_high``,
          ``effect_size_kind``: ``"d_z"``, ``"d_av"``, ``"g_av"``, ``"d"``,
          ``"hedges_g"`` or ``"rank_biserial"``. The interval is missing for ``d_av`` and
          ``g_av`` (their sampling distribution depends on the correlation between waves;
          no exact interval exists; report ``d_z``'s or the mean change's).
        - ``method``: the test and how the design was chosen.

        ``attrs``: ``ci``, ``pre``, ``post`` (the wave values compared), ``notes`` (one
        string: rows excluded and why, ``"; "``-separated; empty when none).

    Notes
    -----
    Paired: differences :math:`D_i = Y_{i,post} - Y_{i,pre}`,
    :math:`t = \\bar D / (s_D/\\sqrt n)`, df :math:`n-1`, :math:`d_z = \\bar D / s_D`;
    :math:`d_{av} = \\bar D / ((s_{pre} + s_{post})/2)` and :math:`g_{av} = J(2(n-1))\\,d_{av}`
    (Lakens 2013, within-subjects designs; the exact :math:`J` replaces his approximation
    :math:`1 - 3/(4(n_1+n_2)-9)` with :math:`n_1 = n_2 = n`).
    Independent: Welch :math:`t = (\\bar Y_2-\\bar Y_1)/\\sqrt{s_1^2/n_1+s_2^2/n_2}` with
    Welch-Satterthwaite df (or pooled variance, df :math:`n_1+n_2-2`);
    :math:`d = (\\bar Y_2-\\bar Y_1)/s_p` with the pooled SD, Hedges'
    :math:`g = J d`, :math:`J = \\Gamma(m/2) / (\\sqrt{m/2}\\,\\Gamma((m-1)/2))`, :math:`m = n_1+n_2-2`.
    The intervals of :math:`d_z`, :math:`d` and :math:`g` invert the noncentral t
    distribution: :math:`t_{obs}` is noncentral t with noncentrality
    :math:`\\delta\\sqrt{n}` (paired) or :math:`\\delta\\sqrt{n_1n_2/(n_1+n_2)}`; the
    limits are the noncentralities whose distribution puts :math:`t_{obs}` at the
    :math:`1-\\alpha/2` and :math:`\\alpha/2` quantiles, rescaled (Steiger & Fouladi
    1997; Kelley 2007). For Welch tests the effect size still uses the pooled SD and its
    interval assumes equal variances.

    Rank tests follow R's ``wilcox.test``: exact p-values below 50 observations without
    ties (or zero differences), otherwise the normal approximation with tie and
    continuity corrections. Matched-pairs rank-biserial
    :math:`r = (R^+ - R^-)/(R^+ + R^-)` (Kerby 2014); independent
    :math:`r = 2W/(n_1n_2) - 1`, identical to Cliff's delta. Their intervals are
    approximate: :math:`\\tanh(\\operatorname{atanh} r \\pm z\\,SE)` with the SE of
    :math:`r` under the null, :math:`\\sqrt{n(n+1)(2n+1)/6}/(n(n+1)/2)` (paired) or
    :math:`\\sqrt{(n_1+n_2+1)/(3n_1n_2)}` (as documented for R ``effectsize``).

    Pingouin 0.7 is not used for effect sizes: its paired ``cohen_d`` is the average-SD
    d, not :math:`d_z`, and its ``CI95`` is rounded to 2 decimals.

    References
    ----------
    Cohen, J. (1988). *Statistical power analysis for the behavioral sciences* (2nd ed.).
    Hedges, L. V. (1981). Distribution theory for Glass's estimator of effect size.
    *J. Educ. Stat.*, 6(2), 107-128.
    Steiger, J. H., & Fouladi, R. T. (1997). Noncentrality interval estimation. In
    *What if there were no significance tests?* (pp. 221-257).
    Kelley, K. (2007). Confidence intervals for standardized effect sizes. *J. Stat.
    Softw.*, 20(8). Kerby, D. S. (2014). The simple difference formula. *Compr. Psychol.*, 3.
    Ben-Shachar, M. S., Lüdecke, D., & Makowski, D. (2020). effectsize. *JOSS*, 5(56), 2815.
    Lakens, D. (2013). Calculating and reporting effect sizes. *Front. Psychol.*, 4, 863.

    Examples
    --------
    R's ``sleep`` data: extra sleep of 10 patients under two drugs.

    >>> import pandas as pd
    >>> from toolkit.evaluate import pre_post
    >>> sleep = pd.DataFrame({
    ...     "id": list(range(1, 11)) * 2, "drug": [1] * 10 + [2] * 10,
    ...     "extra": [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0,
    ...               1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]})
    >>> res = pre_post(sleep, outcome="extra", time="drug", subject="id")
    >>> res[["estimate", "ci_low", "ci_high", "statistic", "df", "p"]].round(4)
       estimate  ci_low  ci_high  statistic   df      p
    0      1.58  0.7001   2.4599     4.0621  9.0  0.0028
    >>> res[["effect_size", "effect_size_ci_low", "effect_size_ci_high"]].round(3)
       effect_size  effect_size_ci_low  effect_size_ci_high
    0        1.285               0.415               2.118
    >>> res.loc[0, "design"], res.loc[0, "effect_size_kind"]
    ('paired', 'd_z')
    """
    fn = "pre_post"
    fx.check_frame(data, fn)
    if not isinstance(outcome, str):
        raise ParameterError(f"The 'outcome' parameter of {fn} must be a column name. Got {outcome!r} instead.")
    check_columns(data, [outcome], argument="outcome")
    if subject is not None:
        check_columns(data, [subject], argument="subject")
    check_choice(test, {"t", "rank"}, argument="test", function=fn)
    check_choice(paired, {True, False, None}, argument="paired", function=fn)
    level = check_ci(ci, function=fn)
    if paired is True and subject is None:
        raise ParameterError(
            f"The 'paired' parameter of {fn} is True but no 'subject' column was given. "
            f"Name the column holding the pseudonymous respondent id, e.g. subject='resp_id'."
        )
    pre, post = resolve_waves(data, time, pre, post, function=fn)
    values = fx.numeric_values(
        data[outcome],
        outcome,
        purpose="a comparison of means" if test == "t" else "a rank test",
        allow_ordered=test == "rank",
    )
    frame = data.assign(**{outcome: values})
    rows_pre, rows_post = wave_rows(frame, time, pre, post)
    if subject is not None:
        check_unique_ids(rows_pre, subject, pre, time, function=fn)
        check_unique_ids(rows_post, subject, post, time, function=fn)
    notes: list[str] = []
    rows_pre = drop_missing(rows_pre, outcome, pre, time, notes)
    rows_post = drop_missing(rows_post, outcome, post, time, notes)

    linked = []
    if subject is not None:
        linked = sorted(set(rows_pre[subject]) & set(rows_post[subject]), key=str)
    if paired is None:
        paired = len(linked) >= 2
        how = (
            f"chosen automatically: {len(linked)} respondents linked across waves by '{subject}'"
            if paired
            else (
                "chosen automatically: no subject column"
                if subject is None
                else f"chosen automatically: only {len(linked)} respondent(s) linked by '{subject}'"
            )
        )
    else:
        how = "chosen by the user"
    if paired:
        if len(linked) < 2:
            raise DesignError(
                f"A paired analysis needs respondents present in both waves, but only "
                f"{len(linked)} id(s) of '{subject}' appear with a non-missing '{outcome}' in both "
                f"{time}={pre!r} and {time}={post!r}. Check that ids were recorded the same way in "
                f"both waves, or use paired=False."
            )
        unlinked = (len(rows_pre) - len(linked)) + (len(rows_post) - len(linked))
        if unlinked:
            msg = (
                f"paired analysis: {unlinked} row(s) excluded because the respondent appears in only "
                f"one wave ({len(rows_pre) - len(linked)} before only, {len(rows_post) - len(linked)} "
                f"after only); see attrition() for whether they differ at baseline."
            )
            warnings.warn(DataWarning(msg, n_excluded=unlinked, reason="respondent in one wave only"), stacklevel=2)
            notes.append(msg)
        x_pre = rows_pre.set_index(subject).loc[linked, outcome].to_numpy(float)
        x_post = rows_post.set_index(subject).loc[linked, outcome].to_numpy(float)
    else:
        if len(linked):
            msg = (
                f"independent-samples analysis although {len(linked)} respondent(s) appear in both "
                f"waves: their answers are treated as independent (use paired=True to link them)."
            )
            warnings.warn(
                DataWarning(msg, n_excluded=0, reason="linked respondents analysed as independent"), stacklevel=2
            )
            notes.append(msg)
        x_pre = rows_pre[outcome].to_numpy(float)
        x_post = rows_post[outcome].to_numpy(float)
    for wave, x in ((pre, x_pre), (post, x_post)):
        if len(x) < 2:
            raise DesignError(
                f"Wave {time}={wave!r} has {len(x)} usable value(s) of '{outcome}'; at least 2 "
                f"per wave are needed for {fn}."
            )

    if paired:
        row = _paired(x_pre, x_post, test, effect_size, level)
    else:
        row = _independent(x_pre, x_post, test, equal_var, effect_size, level)
    row["method"] = f"{row['method']} ({how})"
    row.update(
        outcome=outcome,
        design="paired" if paired else "independent",
        n_pre=len(x_pre),
        n_post=len(x_post),
        mean_pre=float(np.mean(x_pre)),
        mean_post=float(np.mean(x_post)),
    )
    out = pd.DataFrame([row], columns=COLUMNS)
    out.attrs.update(ci=level, pre=pre, post=post, notes="; ".join(notes))
    return out


def _check_kind(effect_size, allowed, default, design):
    if effect_size is None:
        return default
    check_choice(effect_size, set(allowed), argument="effect_size", function=f"pre_post ({design} design)")
    return effect_size


def _paired(x_pre, x_post, test, effect_size, level) -> dict:
    diff = x_post - x_pre
    n = len(diff)
    if test == "rank":
        _check_kind(effect_size, ["rank_biserial"], "rank_biserial", "paired rank")
        return _rank_row(signed_rank(diff, level), n, "Wilcoxon signed-rank test")
    kind = _check_kind(effect_size, ["d_z", "d_av", "g_av"], "d_z", "paired")
    mean = float(np.mean(diff))
    sd_diff = float(np.std(diff, ddof=1))
    if sd_diff == 0:
        raise DesignError(
            f"pre_post: every one of the {n} linked respondents changed by exactly {mean:g}, so the "
            "changes have no spread and a paired t-test (and d_z) is undefined. Check that the two "
            "waves are different measurements (not the same column twice); if they are, report the "
            "change itself: it needs no test."
        )
    se = sd_diff / math.sqrt(n)
    if kind == "d_z":
        es, lo, hi = fx.d_z(diff, level)
    else:
        sd_av = (np.std(x_pre, ddof=1) + np.std(x_post, ddof=1)) / 2
        es = mean / sd_av if sd_av > 0 else np.nan
        if kind == "g_av":
            es *= fx.hedges_j(2 * (n - 1))
        lo = hi = np.nan
    return _t_row(n, mean, se, n - 1, level, (es, lo, hi, kind), "paired t-test")


def _independent(x_pre, x_post, test, equal_var, effect_size, level) -> dict:
    n1, n2 = len(x_pre), len(x_post)
    if test == "rank":
        _check_kind(effect_size, ["rank_biserial"], "rank_biserial", "independent rank")
        return _rank_row(rank_sum(x_pre, x_post, level), n1 + n2, "Mann-Whitney test")
    kind = _check_kind(effect_size, ["d", "g"], "g", "independent")
    v1, v2 = np.var(x_pre, ddof=1), np.var(x_post, ddof=1)
    mean = float(np.mean(x_post) - np.mean(x_pre))
    if equal_var:
        df: float = n1 + n2 - 2
        sp2 = ((n1 - 1) * v1 + (n2 - 1) * v2) / df
        se = math.sqrt(sp2 * (1 / n1 + 1 / n2))
        name = "two-sample t-test (pooled variance)"
    else:
        a, b = v1 / n1, v2 / n2
        se = math.sqrt(a + b)
        df = (a + b) ** 2 / (a**2 / (n1 - 1) + b**2 / (n2 - 1)) if se > 0 else np.nan
        name = "Welch two-sample t-test"
    es, lo, hi = fx.d_independent(x_pre, x_post, level, hedges=kind == "g")
    return _t_row(n1 + n2, mean, se, df, level, (es, lo, hi, "hedges_g" if kind == "g" else "d"), name)


def _rank_row(r: dict, n: int, test: str) -> dict:
    """The result row of a rank test (``r`` from :func:`signed_rank` / :func:`rank_sum`):
    the Hodges-Lehmann shift as estimate, the rank-biserial r as effect size."""
    exact = " (exact)" if r["exact"] else " (normal approximation, continuity corrected)"
    return {
        "n": n,
        "estimate": r["hl"],
        "se": np.nan,
        "ci_low": np.nan,
        "ci_high": np.nan,
        "statistic": r["statistic"],
        "df": np.nan,
        "p": r["p"],
        "effect_size": r["r"],
        "effect_size_ci_low": r["lo"],
        "effect_size_ci_high": r["hi"],
        "effect_size_kind": "rank_biserial",
        "method": test + exact,
    }


def _t_row(n: int, mean: float, se: float, df: float, level: float, effect: tuple, method: str) -> dict:
    """The result row of a t-test of ``mean`` (standard error ``se``, ``df`` degrees of
    freedom; a zero ``se`` gives NaN statistic); ``effect`` is (size, low, high, kind)."""
    t = mean / se if se > 0 else np.nan
    q = stats.t.ppf(1 - (1 - level) / 2, df)
    es, lo, hi, kind = effect
    return {
        "n": n,
        "estimate": mean,
        "se": se,
        "ci_low": mean - q * se,
        "ci_high": mean + q * se,
        "statistic": t,
        "df": float(df),
        "p": float(2 * stats.t.sf(abs(t), df)),
        "effect_size": es,
        "effect_size_ci_low": lo,
        "effect_size_ci_high": hi,
        "effect_size_kind": kind,
        "method": method,
    }


ATTRITION_COLUMNS = [
    "covariate",
    "level",
    "kind",
    "n_retained",
    "n_dropped",
    "mean_retained",
    "mean_dropped",
    "smd",
    "test",
    "statistic",
    "df",
    "p",
]


def attrition(
    data: pd.DataFrame,
    *,
    time: str,
    subject: str,
    pre=None,
    post=None,
    baseline: list[str] | tuple[str, ...] = (),
    return_ids: bool = False,
):
    """Who dropped out between the waves, and whether they differed at baseline.

    Parameters
    ----------
    data : pandas.DataFrame
        Long data: one row per respondent per wave.
    time, subject, pre, post
        As in :func:`pre_post`; ``subject`` is required.
    baseline : list of str
        Columns measured in the before wave to compare between respondents who stayed
        and those who left (numeric: means; anything else: proportions per level).
    return_ids : bool
        Also return the table of respondents who appear in one wave only.

    Returns
    -------
    pandas.DataFrame
        One row per numeric covariate and per level of a categorical one:

        - ``covariate``, ``level`` (missing for numeric), ``kind`` (``"numeric"``,
          ``"binary"`` for numeric 0/1 columns, reported as the proportion of 1s, or
          ``"categorical"``: text, categorical or boolean, one row per level).
        - ``n_retained``, ``n_dropped``: respondents with a non-missing value.
        - ``mean_retained``, ``mean_dropped``: mean, or proportion in the level.
        - ``smd``: standardised difference, dropped minus retained (Austin 2009).
        - ``test``, ``statistic``, ``df``, ``p``: Welch t-test (numeric) or Pearson
          chi-square test of independence without continuity correction (categorical,
          the same test repeated on each level's row).

        ``attrs`` (scalars only): ``n_pre``, ``n_post``, ``n_dropped``, ``n_joined``,
        ``attrition_rate`` (= n_dropped / n_pre), ``pre``, ``post``.

        With ``return_ids`` a second table, one row per respondent in one wave only:
        the ``subject`` column and ``status`` (``"dropped"``: before only, sorted first;
        ``"joined"``: after only).

    Notes
    -----
    Numeric: :math:`SMD = (\\bar x_d - \\bar x_r)/\\sqrt{(s_d^2+s_r^2)/2}`; categorical, per
    level: :math:`SMD = (p_d - p_r)/\\sqrt{(p_d(1-p_d)+p_r(1-p_r))/2}` (Austin 2009, eqs 1-2).
    An absolute SMD above 0.1 is often read as a meaningful imbalance. With few dropouts
    the tests have little power: read the SMDs, not only the p-values; the chi-square
    approximation is poor when expected counts are below 5.

    References
    ----------
    Austin, P. C. (2009). Balance diagnostics for comparing the distribution of baseline
    covariates between treatment groups in propensity-score matched samples.
    *Statistics in Medicine*, 28(25), 3083-3107.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.evaluate import attrition
    >>> df = pd.DataFrame({"id": [1, 2, 3, 4, 5, 6, 1, 2, 3, 4],
    ...                    "wave": ["pre"] * 6 + ["post"] * 4,
    ...                    "age": [25, 31, 45, 38, 22, 29, 25, 31, 45, 38],
    ...                    "role": ["officer", "staff", "officer", "staff", "officer", "officer",
    ...                             "officer", "staff", "officer", "staff"]})
    >>> res = attrition(df, time="wave", subject="id", baseline=["age", "role"])
    >>> res, ids = attrition(df, time="wave", subject="id", baseline=["age", "role"], return_ids=True)
    >>> ids["id"].tolist(), ids["status"].tolist(), res.attrs["attrition_rate"]
    ([5, 6], ['dropped', 'dropped'], 0.333...)
    >>> res[["covariate", "level", "mean_retained", "mean_dropped"]]
      covariate    level  mean_retained  mean_dropped
    0       age      NaN          34.75          25.5
    1      role  officer           0.50           1.0
    2      role    staff           0.50           0.0
    """
    fn = "attrition"
    fx.check_frame(data, fn)
    if subject is None:
        raise ParameterError(f"The 'subject' parameter of {fn} must name the respondent id column.")
    baseline = fx.column_names(baseline, argument="baseline", function=fn)
    check_columns(data, [subject], argument="subject")
    check_columns(data, baseline, argument="baseline")
    pre, post = resolve_waves(data, time, pre, post, function=fn)
    rows_pre, rows_post = wave_rows(data, time, pre, post)
    check_unique_ids(rows_pre, subject, pre, time, function=fn)
    check_unique_ids(rows_post, subject, post, time, function=fn)
    ids_post = set(rows_post[subject])
    ids_pre = set(rows_pre[subject])
    dropped_mask = ~rows_pre[subject].isin(ids_post)
    dropped = sorted(rows_pre.loc[dropped_mask, subject].tolist(), key=lambda v: (str(type(v)), v))
    joined = sorted((i for i in ids_post if i not in ids_pre), key=lambda v: (str(type(v)), v))

    out = []
    for cov in baseline:
        col = rows_pre[cov]
        ok = col.notna()
        if (~ok).any():
            warnings.warn(
                DataWarning(
                    f"attrition: {int((~ok).sum())} respondent(s) of wave {time}={pre!r} have no "
                    f"'{cov}' and are left out of its comparison.",
                    n_excluded=int((~ok).sum()),
                    reason=f"missing '{cov}'",
                ),
                stacklevel=2,
            )
        x_d = col[ok & dropped_mask]
        x_r = col[ok & ~dropped_mask]
        kind = fx.covariate_kind(col)
        if kind == "numeric":
            a, b = x_d.to_numpy(float), x_r.to_numpy(float)
            if len(a) >= 2 and len(b) >= 2:
                tt = stats.ttest_ind(a, b, equal_var=False)
                stat, df, p = float(tt.statistic), float(tt.df), float(tt.pvalue)
            else:
                stat = df = p = np.nan
            out.append(
                {
                    "covariate": cov,
                    "level": None,
                    "kind": "numeric",
                    "n_retained": len(b),
                    "n_dropped": len(a),
                    "mean_retained": _mean(b),
                    "mean_dropped": _mean(a),
                    "smd": fx.smd_numeric(a, b),
                    "test": "welch_t",
                    "statistic": stat,
                    "df": df,
                    "p": p,
                }
            )
            continue
        levels = fx.level_labels(col[ok])
        table = np.array([[np.sum(x_d == lev) for lev in levels], [np.sum(x_r == lev) for lev in levels]])
        if kind == "binary":
            levels = [1]
        if len(levels) >= 2 and len(x_d) and len(x_r):
            chi = stats.chi2_contingency(table, correction=False)
            stat, df, p = float(chi.statistic), float(chi.dof), float(chi.pvalue)
        else:
            stat = df = p = np.nan
        for lev in levels:
            p_d = float(np.mean(x_d == lev)) if len(x_d) else np.nan
            p_r = float(np.mean(x_r == lev)) if len(x_r) else np.nan
            out.append(
                {
                    "covariate": cov,
                    "level": lev,
                    "kind": kind,
                    "n_retained": len(x_r),
                    "n_dropped": len(x_d),
                    "mean_retained": p_r,
                    "mean_dropped": p_d,
                    "smd": fx.smd_binary(p_d, p_r) if len(x_d) and len(x_r) else np.nan,
                    "test": "chi2",
                    "statistic": stat,
                    "df": df,
                    "p": p,
                }
            )
    res = pd.DataFrame(out, columns=ATTRITION_COLUMNS)
    res.attrs.update(
        n_pre=len(ids_pre),
        n_post=len(ids_post),
        n_dropped=len(dropped),
        n_joined=len(joined),
        attrition_rate=len(dropped) / len(ids_pre) if ids_pre else np.nan,
        pre=pre,
        post=post,
    )
    if not return_ids:
        return res
    ids = pd.DataFrame({subject: dropped + joined, "status": ["dropped"] * len(dropped) + ["joined"] * len(joined)})
    return res, ids


def _mean(x) -> float:
    return float(np.mean(x)) if len(x) else float("nan")
