"""Group-by-time comparisons (forces that rolled an intervention out vs comparison forces,
measured before and after) and the baseline balance of the groups."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from scipy import stats

from toolkit.errors import ConvergenceError, DataWarning, DesignError, ParameterError, check_ci, check_columns
from toolkit.evaluate import _effects as fx
from toolkit.evaluate._waves import KNOWN_PAIRS

__all__ = ["balance_table", "mixed_anova", "mixed_model"]

ANOVA_COLUMNS = ["term", "stratum", "ss", "df", "df_resid", "ms", "statistic", "p",
                 "eta2_partial", "eta2_generalized", "n", "method"]
MODEL_COLUMNS = ["term", "estimate", "se", "ci_low", "ci_high", "statistic", "p", "n", "method"]
BALANCE_COLUMNS = ["covariate", "level", "kind", "n_treated", "n_control", "mean_treated",
                   "mean_control", "sd_treated", "sd_control", "smd", "variance_ratio", "imbalanced"]


def _levels(series: pd.Series) -> list:
    """Level order: categorical order, numbers / dates sorted, known pairs (pre/post ...)
    in their natural order, anything else alphabetical."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        return [c for c in series.cat.categories if (series == c).any()]
    values = list(pd.unique(series.dropna()))
    if len(values) == 2:
        lower = {str(v).strip().lower(): v for v in values}
        for a, b in KNOWN_PAIRS:
            if a in lower and b in lower:
                return [lower[a], lower[b]]
    try:
        return sorted(values)
    except TypeError:
        return sorted(values, key=str)


def _prepare(data, outcome, within, between, subject, fn) -> pd.DataFrame:
    """Validated long data with columns y, t, g, s; incomplete subjects dropped with a warning."""
    fx.check_frame(data, fn)
    check_columns(data, [outcome], argument="outcome")
    check_columns(data, [within], argument="within")
    check_columns(data, [between], argument="between")
    check_columns(data, [subject], argument="subject")
    y = fx.numeric_values(data[outcome], outcome, purpose=fn)
    d = pd.DataFrame({"y": y.to_numpy(), "t": data[within].to_numpy(), "g": data[between].to_numpy(),
                      "s": data[subject].to_numpy()}, index=data.index)
    t_levels = _levels(data[within])
    g_levels = _levels(data[between])
    if len(t_levels) < 2:
        raise DesignError(f"{fn} needs at least two times in column '{within}'; found {t_levels}.")
    if len(g_levels) < 2:
        raise DesignError(f"{fn} needs at least two groups in column '{between}'; found {g_levels}.")
    key = d[["s", "t"]].dropna()
    dup = key[key.duplicated(keep=False)]
    if len(dup):
        first = dup.iloc[0]
        raise DesignError(
            f"{fn}: subject {first['s']!r} has {int(((key['s'] == first['s']) & (key['t'] == first['t'])).sum())} "
            f"rows at {within}={first['t']!r} (data index {dup.index[:6].tolist()}). Each subject needs one "
            f"row per time; remove duplicate submissions or fix '{subject}'."
        )
    groups_per_subject = d.dropna(subset=["s", "g"]).groupby("s")["g"].nunique()
    if (groups_per_subject > 1).any():
        bad = groups_per_subject[groups_per_subject > 1].index[:5].tolist()
        raise DesignError(
            f"{fn}: subject(s) {bad} appear in more than one group of '{between}'. The group must "
            f"be constant within a subject (a force either rolled out the intervention or did not)."
        )
    incomplete = d[["y", "t", "g", "s"]].isna().any(axis=1)
    if incomplete.any():
        warnings.warn(DataWarning(
            f"{fn}: {int(incomplete.sum())} row(s) with a missing '{outcome}', '{within}', "
            f"'{between}' or '{subject}' excluded (data index {d.index[incomplete][:10].tolist()}).",
            n_excluded=int(incomplete.sum()), reason="missing value"), stacklevel=3)
        d = d[~incomplete]
    d.attrs["t_levels"], d.attrs["g_levels"] = t_levels, g_levels
    return d


def mixed_anova(data: pd.DataFrame, *, outcome: str, within: str, between: str, subject: str) -> pd.DataFrame:
    """Split-plot (mixed) ANOVA: a between-subject group by a within-subject time.

    Parameters
    ----------
    data : pandas.DataFrame
        Long data, one row per subject per time.
    outcome : str
        Numeric outcome column.
    within : str
        Time (wave) column; two or more levels.
    between : str
        Group column (e.g. rollout vs comparison force), constant within a subject.
    subject : str
        Subject (respondent) id.

    Returns
    -------
    pandas.DataFrame
        One row per effect (``between``, ``within``, ``between:within``) with columns
        ``term``, ``stratum`` (``"between"`` / ``"within"`` subjects), ``ss``, ``df``,
        ``df_resid`` (error df of the stratum), ``ms``, ``statistic`` (F), ``p``,
        ``eta2_partial``, ``eta2_generalized``, ``n`` (subjects), ``method``.

    Notes
    -----
    Subjects without a value at every time are left out (warning); for unbalanced
    panels use :func:`mixed_model`. With :math:`n_g` complete subjects in group
    :math:`g`, :math:`k` times, :math:`N=\\sum n_g` and means :math:`\\bar y_{gt}`,
    :math:`\\bar y_{g\\cdot}`, :math:`\\bar y_{\\cdot t}`, :math:`\\bar y`, subject means
    :math:`\\bar y_i`:

    - group: :math:`SS = k\\sum_g n_g(\\bar y_{g\\cdot}-\\bar y)^2`, error
      :math:`k\\sum_i(\\bar y_i-\\bar y_{g(i)\\cdot})^2`, df :math:`g-1`, :math:`N-g`;
    - time: :math:`SS = N\\sum_t(\\bar y_{\\cdot t}-\\bar y)^2`; interaction
      :math:`\\sum_g n_g\\sum_t(\\bar y_{gt}-\\bar y_{g\\cdot}-\\bar y_{\\cdot t}+\\bar y)^2`;
      within error :math:`\\sum_{i,t}(y_{it}-\\bar y_i-\\bar y_{gt}+\\bar y_{g\\cdot})^2`,
      df :math:`k-1`, :math:`(g-1)(k-1)`, :math:`(N-g)(k-1)`.

    These are the sequential sums of squares of R's
    ``aov(dv ~ group * time + Error(subject / time))`` for complete data. No sphericity
    correction is applied (it matters only with more than two times).
    :math:`\\eta^2_p = SS/(SS+SS_{error})`; generalized
    :math:`\\eta^2_G = SS/(SS + SS_{error,between} + SS_{error,within})` (Olejnik &
    Algina 2003; Bakeman 2005, for manipulated factors).

    References
    ----------
    Maxwell, S. E., & Delaney, H. D. (2004). *Designing experiments and analyzing data*
    (2nd ed.), ch. 12. Olejnik, S., & Algina, J. (2003). Generalized eta and omega
    squared statistics. *Psychological Methods*, 8(4), 434-447. Bakeman, R. (2005).
    Recommended effect size statistics for repeated measures designs. *Behavior
    Research Methods*, 37(3), 379-384.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.evaluate import mixed_anova
    >>> df = pd.DataFrame({
    ...     "officer": [1, 2, 3, 4, 5, 6, 7, 8] * 2, "wave": ["pre"] * 8 + ["post"] * 8,
    ...     "force": (["rollout"] * 4 + ["comparison"] * 4) * 2,
    ...     "confidence": [1.5, 3.0, 2.5, 3.5, 3.0, 2.0, 2.5, 3.5,
    ...                    3.5, 4.0, 4.0, 4.5, 3.0, 2.5, 2.5, 4.0]})
    >>> res = mixed_anova(df, outcome="confidence", within="wave", between="force", subject="officer")
    >>> res[["term", "df", "df_resid", "statistic", "p"]].round(4)
             term   df  df_resid  statistic       p
    0       force  1.0       6.0     0.9245  0.3734
    1        wave  1.0       6.0    33.8000  0.0011
    2  force:wave  1.0       6.0    16.2000  0.0069
    """
    fn = "mixed_anova"
    d = _prepare(data, outcome, within, between, subject, fn)
    t_levels = d.attrs["t_levels"]
    k = len(t_levels)
    counts = d.groupby("s")["t"].nunique()
    complete = counts[counts == k].index
    if len(complete) < len(counts):
        lost = ~d["s"].isin(complete)
        warnings.warn(DataWarning(
            f"{fn}: {len(counts) - len(complete)} subject(s) without a value at every "
            f"time of '{within}' excluded ({int(lost.sum())} row(s); ANOVA needs complete data; "
            f"mixed_model() uses every observation).", n_excluded=int(lost.sum()),
            reason="subject not measured at every time"), stacklevel=2)
        d = d[d["s"].isin(complete)]
    n_g = d.groupby("g")["s"].nunique()
    n_g = n_g[n_g > 0]
    g = len(n_g)
    N = int(n_g.sum())
    if g < 2 or N - g < 1:
        raise DesignError(f"{fn}: after excluding incomplete subjects there are {N} subject(s) in {g} "
                          f"group(s) of '{between}'; at least two groups and more subjects than groups are needed.")
    grand = d["y"].mean()
    m_gt = d.groupby(["g", "t"])["y"].mean()
    m_g = d.groupby("g")["y"].mean()
    m_t = d.groupby("t")["y"].mean()
    m_i = d.groupby("s")["y"].mean()
    grp_of = d.groupby("s")["g"].first()
    ss_group = k * float(np.sum(n_g * (m_g[n_g.index] - grand) ** 2))
    ss_err_b = k * float(np.sum((m_i - m_g[grp_of[m_i.index]].to_numpy()) ** 2))
    ss_time = N * float(np.sum((m_t - grand) ** 2))
    inter = m_gt - m_g.reindex(m_gt.index, level="g").to_numpy() - m_t.reindex(m_gt.index, level="t").to_numpy() + grand
    ss_inter = float(np.sum(n_g.reindex(inter.index, level="g").to_numpy() * inter**2))
    fitted = m_i[d["s"]].to_numpy() + m_gt.loc[list(zip(d["g"], d["t"]))].to_numpy() - m_g[d["g"]].to_numpy()
    ss_err_w = float(np.sum((d["y"].to_numpy() - fitted) ** 2))
    df_b, df_eb = g - 1, N - g
    df_t, df_i, df_ew = k - 1, (g - 1) * (k - 1), (N - g) * (k - 1)
    rows = []
    for term, stratum, ss, df, ss_e, df_e in (
        (between, "between", ss_group, df_b, ss_err_b, df_eb),
        (within, "within", ss_time, df_t, ss_err_w, df_ew),
        (f"{between}:{within}", "within", ss_inter, df_i, ss_err_w, df_ew),
    ):
        ms, mse = ss / df, ss_e / df_e
        f = ms / mse if mse > 0 else np.nan
        rows.append({"term": term, "stratum": stratum, "ss": ss, "df": float(df), "df_resid": float(df_e), "ms": ms,
                         "statistic": f, "p": float(stats.f.sf(f, df, df_e)),
                         "eta2_partial": ss / (ss + ss_e), "eta2_generalized": ss / (ss + ss_err_b + ss_err_w),
                         "n": N, "method": "split-plot ANOVA (sequential SS, no sphericity correction)"})
    return pd.DataFrame(rows, columns=ANOVA_COLUMNS)


def mixed_model(
    data: pd.DataFrame, *, outcome: str, within: str, between: str, subject: str, ci: float = 0.95
) -> pd.DataFrame:
    """Linear mixed model ``outcome ~ group * time + (1 | subject)`` fitted by REML.

    Uses every observation (subjects seen at one time only still count), unlike
    :func:`mixed_anova`. Fitted with statsmodels ``MixedLM``.

    Parameters
    ----------
    data, outcome, within, between, subject
        As in :func:`mixed_anova`. The first level of ``within`` and of ``between`` is
        the reference (categorical order; numbers sorted; pre/post, before/after,
        baseline/follow-up recognised; otherwise alphabetical).
    ci : float
        Level of the Wald intervals (``attrs["ci"]``).

    Returns
    -------
    pandas.DataFrame
        One row per fixed effect (``Intercept``, ``group[level]``, ``time[level]``,
        ``group[level]:time[level]``) then the variance components ``var(subject)`` and
        ``var(residual)`` (estimate only). ``attrs``: ``ci``, ``reference_between``,
        ``reference_within`` (the reference levels). Columns ``term``, ``estimate``, ``se``,
        ``ci_low``, ``ci_high``, ``statistic`` (z), ``p`` (normal), ``n``
        (observations), ``method``. The interaction ``group[level]:time[last]`` is
        the difference-in-differences of the group means.

    Notes
    -----
    :math:`y_{it} = x_{it}'\\beta + u_i + e_{it}`, :math:`u_i\\sim N(0,\\sigma_u^2)`,
    :math:`e_{it}\\sim N(0,\\sigma^2)`, treatment (dummy) coding. Wald
    :math:`z = \\hat\\beta/SE`, interval :math:`\\hat\\beta \\pm z_{1-\\alpha/2} SE`, as
    statsmodels reports (lme4 reports no p-values; Satterthwaite df as in lmerTest
    give slightly wider intervals in small samples).

    References
    ----------
    Bates, D., Mächler, M., Bolker, B., & Walker, S. (2015). Fitting linear mixed-effects
    models using lme4. *J. Stat. Softw.*, 67(1).

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.evaluate.groups import mixed_model
    >>> df = pd.DataFrame({
    ...     "officer": [1, 2, 3, 4, 5, 6, 7, 8] * 2, "wave": ["pre"] * 8 + ["post"] * 8,
    ...     "force": (["rollout"] * 4 + ["comparison"] * 4) * 2,
    ...     "confidence": [1.5, 3.0, 2.5, 3.5, 3.0, 2.0, 2.5, 3.5,
    ...                    3.5, 4.0, 4.0, 4.5, 3.0, 2.5, 2.5, 4.0]})
    >>> res = mixed_model(df, outcome="confidence", within="wave", between="force", subject="officer")
    >>> res[["term", "estimate", "ci_low", "ci_high"]].round(3)
                                term  estimate  ci_low  ci_high
    0                      Intercept     2.750   2.090    3.410
    1               force[T.rollout]    -0.125  -1.058    0.808
    2                   wave[T.post]     0.250  -0.137    0.637
    3  force[T.rollout]:wave[T.post]     1.125   0.577    1.673
    4                   var(subject)     0.375     NaN      NaN
    5                  var(residual)     0.078     NaN      NaN
    """
    import statsmodels.formula.api as smf

    fn = "mixed_model"
    level = check_ci(ci, function=fn)
    d = _prepare(data, outcome, within, between, subject, fn)
    t_levels, g_levels = d.attrs["t_levels"], d.attrs["g_levels"]
    d = d.assign(t=pd.Categorical(d["t"], categories=t_levels), g=pd.Categorical(d["g"], categories=g_levels))
    if d["s"].nunique() < 3:
        raise DesignError(f"{fn} needs at least 3 subjects in '{subject}'; found {d['s'].nunique()}.")
    model = smf.mixedlm("y ~ g * t", d, groups=d["s"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = None
        for method in ("lbfgs", "bfgs", "powell"):
            try:
                cand = model.fit(reml=True, method=method)
            except (np.linalg.LinAlgError, ValueError):
                continue
            if cand.converged:
                fit = cand
                break
    if fit is None:
        raise ConvergenceError(f"{fn}: the mixed model for '{outcome}' did not converge. Check for groups or "
                               f"times with no data, or a constant outcome.")
    fe = fit.fe_params
    se = fit.bse_fe
    z = stats.norm.ppf(1 - (1 - level) / 2)

    def name(term: str) -> str:
        parts = []
        for part in term.split(":"):
            if part.startswith("g[T."):
                part = f"{between}[T.{part[4:]}"
            elif part.startswith("t[T."):
                part = f"{within}[T.{part[4:]}"
            parts.append(part)
        return ":".join(parts)

    rows = []
    for term in fe.index:
        est, s = float(fe[term]), float(se[term])
        rows.append({"term": name(term), "estimate": est, "se": s, "ci_low": est - z * s, "ci_high": est + z * s,
                         "statistic": est / s, "p": float(2 * stats.norm.sf(abs(est / s))), "n": len(d),
                         "method": "linear mixed model, REML (statsmodels MixedLM)"})
    for term, value in (("var(subject)", float(fit.cov_re.iloc[0, 0])), ("var(residual)", float(fit.scale))):
        rows.append({"term": term, "estimate": value, "se": np.nan, "ci_low": np.nan, "ci_high": np.nan,
                         "statistic": np.nan, "p": np.nan, "n": len(d),
                         "method": "linear mixed model, REML (statsmodels MixedLM)"})
    out = pd.DataFrame(rows, columns=MODEL_COLUMNS)
    out.attrs.update(ci=level, reference_between=g_levels[0], reference_within=t_levels[0])
    return out


def balance_table(
    data: pd.DataFrame,
    *,
    by: str,
    covariates: list[str],
    treated=None,
    smd_threshold: float = 0.1,
) -> pd.DataFrame:
    """Baseline balance between rollout and comparison groups: standardised mean differences.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per unit at baseline.
    by : str
        Column with exactly two values (rollout vs comparison).
    covariates : list of str
        Baseline characteristics. Numeric columns are compared by means, numeric
        columns holding only 0/1 as a proportion (binary), anything else (text,
        categorical, boolean) level by level. Store coded categories such as
        ``race = 1, 2, 3`` as text or categorical to get one row per level.
    treated : optional
        The value of ``by`` that received the intervention. Inferred when the
        values are 0/1 or False/True; otherwise required.
    smd_threshold : float
        Absolute SMD above which ``imbalanced`` is True (Austin 2009 suggests 0.1).

    Returns
    -------
    pandas.DataFrame
        One row per numeric / binary covariate and per level of a categorical one:
        ``covariate``, ``level``, ``kind`` (``numeric``/``binary``/``categorical``),
        ``n_treated``, ``n_control`` (non-missing), ``mean_treated``, ``mean_control``
        (mean or proportion), ``sd_treated``, ``sd_control`` (sample SD, or
        :math:`\\sqrt{p(1-p)}`), ``smd``, ``variance_ratio`` (numeric only,
        :math:`s_1^2/s_0^2`), ``imbalanced``. ``attrs``: ``treated``, ``control``,
        ``smd_threshold``.

    Notes
    -----
    Austin (2009): numeric :math:`d = (\\bar x_1-\\bar x_0)/\\sqrt{(s_1^2+s_0^2)/2}`;
    binary or per level :math:`d = (p_1-p_0)/\\sqrt{(p_1(1-p_1)+p_0(1-p_0))/2}`.
    The SMD does not depend on sample size, unlike a significance test, which is why
    balance is judged on it (Austin 2009, section 3).

    References
    ----------
    Austin, P. C. (2009). Balance diagnostics for comparing the distribution of baseline
    covariates between treatment groups in propensity-score matched samples.
    *Statistics in Medicine*, 28(25), 3083-3107.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.evaluate import balance_table
    >>> df = pd.DataFrame({"rollout": [1, 1, 1, 1, 0, 0, 0, 0],
    ...                    "years_service": [3, 8, 12, 5, 10, 15, 7, 9],
    ...                    "role": ["officer", "staff", "officer", "officer",
    ...                             "staff", "officer", "staff", "staff"]})
    >>> res = balance_table(df, by="rollout", covariates=["years_service", "role"])
    >>> res[["covariate", "level", "kind", "smd"]].round(3)
           covariate    level         kind    smd
    0  years_service      NaN      numeric -0.886
    1           role  officer  categorical  1.155
    2           role    staff  categorical -1.155
    """
    fn = "balance_table"
    fx.check_frame(data, fn)
    covariates = fx.column_names(covariates, argument="covariates", function="balance_table")
    check_columns(data, [by], argument="by")
    check_columns(data, covariates, argument="covariates")
    values = _levels(data[by])
    if len(values) != 2:
        raise DesignError(f"{fn}: column '{by}' must have exactly two values (rollout and comparison); "
                          f"found {len(values)}: {[str(v) for v in values[:10]]}. Filter the data to two groups.")
    if treated is None:
        if set(values) <= {0, 1} or set(values) <= {False, True}:
            treated = values[1]
        else:
            raise ParameterError(f"The 'treated' parameter of {fn} is needed to say which value of '{by}' "
                                 f"received the intervention. Values found: {[str(v) for v in values]}.")
    elif treated not in values:
        raise ParameterError(f"The 'treated' parameter of {fn} is {treated!r}, which is not a value of "
                             f"'{by}'. Values found: {[str(v) for v in values]}.")
    control = next(v for v in values if v != treated)
    missing = data[by].isna()
    if missing.any():
        warnings.warn(DataWarning(f"{fn}: {int(missing.sum())} row(s) with no '{by}' excluded "
                                  f"(data index {data.index[missing][:10].tolist()}).",
                                  n_excluded=int(missing.sum()), reason=f"missing '{by}'"), stacklevel=2)
    is_t, is_c = data[by] == treated, data[by] == control
    rows = []
    for cov in covariates:
        col = data[cov]
        ok = col.notna() & ~missing
        if (col.isna() & ~missing).any():
            n_miss = int((col.isna() & ~missing).sum())
            warnings.warn(DataWarning(f"{fn}: {n_miss} row(s) with no '{cov}' left out of its comparison.",
                                      n_excluded=n_miss, reason=f"missing '{cov}'"), stacklevel=2)
        a, b = col[ok & is_t], col[ok & is_c]
        kind = fx.covariate_kind(col)
        if kind == "numeric":
            x1, x0 = a.to_numpy(float), b.to_numpy(float)
            v1 = np.var(x1, ddof=1) if len(x1) > 1 else np.nan
            v0 = np.var(x0, ddof=1) if len(x0) > 1 else np.nan
            rows.append({"covariate": cov, "level": None, "kind": kind, "n_treated": len(x1), "n_control": len(x0),
                             "mean_treated": _mean(x1), "mean_control": _mean(x0), "sd_treated": np.sqrt(v1),
                             "sd_control": np.sqrt(v0), "smd": fx.smd_numeric(x1, x0),
                             "variance_ratio": v1 / v0 if v0 > 0 else np.nan})
            continue
        levels = [1] if kind == "binary" else fx.level_labels(col[ok])
        for lev in levels:
            p1 = float(np.mean(a == lev)) if len(a) else np.nan
            p0 = float(np.mean(b == lev)) if len(b) else np.nan
            rows.append({"covariate": cov, "level": lev, "kind": kind, "n_treated": len(a), "n_control": len(b),
                             "mean_treated": p1, "mean_control": p0, "sd_treated": np.sqrt(p1 * (1 - p1)),
                             "sd_control": np.sqrt(p0 * (1 - p0)), "smd": fx.smd_binary(p1, p0),
                             "variance_ratio": np.nan})
    out = pd.DataFrame(rows, columns=BALANCE_COLUMNS)
    out["imbalanced"] = out["smd"].abs() > smd_threshold
    out.attrs.update(treated=treated, control=control, smd_threshold=smd_threshold)
    return out


def _mean(x) -> float:
    return float(np.mean(x)) if len(x) else float("nan")
