"""Group-by-time comparisons (forces that rolled an intervention out vs comparison forces,
measured before and after) and the baseline balance of the groups."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from scipy import stats

from toolkit.errors import (
    ConvergenceError,
    DataWarning,
    DesignError,
    ParameterError,
    check_ci,
    check_columns,
    warn_excluded,
)
from toolkit.evaluate import _effects as fx
from toolkit.evaluate._waves import KNOWN_PAIRS

__all__ = ["balance_table", "mixed_anova", "mixed_model"]

ANOVA_COLUMNS = [
    "term",
    "stratum",
    "ss",
    "df",
    "df_resid",
    "ms",
    "statistic",
    "p",
    "eps_gg",
    "p_gg",
    "eps_hf",
    "p_hf",
    "mauchly_w",
    "mauchly_p",
    "eta2_partial",
    "eta2_generalized",
    "n",
    "method",
]
MODEL_COLUMNS = ["term", "estimate", "se", "ci_low", "ci_high", "statistic", "p", "n", "method"]
BALANCE_COLUMNS = [
    "covariate",
    "level",
    "kind",
    "n_treated",
    "n_control",
    "mean_treated",
    "mean_control",
    "sd_treated",
    "sd_control",
    "smd",
    "variance_ratio",
    "imbalanced",
]


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


def _prepare(data, outcome, within, between, subject, fn) -> tuple[pd.DataFrame, list, list]:
    """Validated long data with columns y, t, g, s (incomplete subjects dropped with a
    warning), and the levels of time and group in order."""
    fx.check_frame(data, fn)
    check_columns(data, [outcome], argument="outcome")
    check_columns(data, [within], argument="within")
    check_columns(data, [between], argument="between")
    check_columns(data, [subject], argument="subject")
    y = fx.numeric_values(data[outcome], outcome, purpose=fn)
    d = pd.DataFrame(
        {"y": y.to_numpy(), "t": data[within].to_numpy(), "g": data[between].to_numpy(), "s": data[subject].to_numpy()},
        index=data.index,
    )
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
        where = f"'{outcome}', '{within}', '{between}' or '{subject}'"
        detail = f"with a missing {where} excluded (data index {d.index[incomplete][:10].tolist()})"
        warn_excluded(int(incomplete.sum()), "missing value", function=fn, detail=detail, stacklevel=4)
        d = d[~incomplete]
    return d, t_levels, g_levels


def mixed_anova(
    data: pd.DataFrame, *, outcome: str, within: str, between: str, subject: str, ss_type: int = 3
) -> pd.DataFrame:
    """Split-plot (mixed) ANOVA: a between-subject group by a within-subject time,
    with type II / III sums of squares, Mauchly's test and sphericity corrections.

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
    ss_type : {3, 2, 1}
        Sums of squares. 3 (default, as SPSS and ``afex``): each effect adjusted for every
        other, with sum-to-zero contrasts, so the time effect is tested on the unweighted
        mean of the group means. 2: the time effect on the mean weighted by group size.
        In this design (one between and one within factor) types 1 (sequential, R's
        ``aov``) and 2 coincide; all three agree when the groups are of equal size.

    Returns
    -------
    pandas.DataFrame
        One row per effect (``between``, ``within``, ``between:within``) with columns
        ``term``, ``stratum`` (``"between"`` / ``"within"`` subjects), ``ss``, ``df``,
        ``df_resid`` (error df of the stratum), ``ms``, ``statistic`` (F), ``p``
        (assuming sphericity), ``eps_gg``, ``p_gg`` (Greenhouse-Geisser epsilon and
        corrected p), ``eps_hf``, ``p_hf`` (Huynh-Feldt epsilon, uncapped as R ``car``
        prints it, and p with ``min(1, eps_hf)``), ``mauchly_w``, ``mauchly_p``
        (Mauchly's test of sphericity; the corrections and the test are missing on the
        between row, and with two times sphericity holds trivially: epsilon 1, W 1, p
        missing), ``eta2_partial``, ``eta2_generalized``, ``n`` (subjects), ``method``.
        ``attrs``: ``ss_type``.

    Raises
    ------
    toolkit.errors.DesignError
        Fewer than two times or groups, duplicate rows per subject and time, a subject in
        two groups, too few complete subjects, or an outcome that does not vary.

    Notes
    -----
    Subjects without a value at every time are left out (``DataWarning``); for
    unbalanced panels use :func:`mixed_model`. As a multivariate linear model (R ``car``):
    the :math:`N \\times k` responses :math:`Y` (subjects by times) are regressed on the
    between design :math:`X` (intercept and sum-to-zero group contrasts),
    :math:`V = (X'X)^{-1}`. The between stratum analyses :math:`Y1_k/\\sqrt k`; the within
    stratum :math:`Z = YQ`, :math:`Q` an orthonormal basis of the :math:`k-1` contrasts
    among times, with coefficients :math:`B = VX'Z` and error matrix
    :math:`E = (Z - XB)'(Z - XB)`. An effect tested by the coefficient rows :math:`L` has
    :math:`SS = \\operatorname{tr}[B_L'(V_{LL})^{-1}B_L]` (the group contrasts for the
    group and interaction effects; the intercept row for time under type III, the
    intercept of a fit without groups, :math:`N\\lVert\\bar z\\rVert^2`, under type II);
    the within error is :math:`\\operatorname{tr}E` on :math:`(N-g)(k-1)` df.

    With :math:`p = k-1`: Greenhouse-Geisser
    :math:`\\hat\\varepsilon = (\\operatorname{tr}E)^2 / (p\\operatorname{tr}E^2)`;
    Huynh-Feldt with Lecoutre's correction
    :math:`\\tilde\\varepsilon = ((\\nu+1)p\\hat\\varepsilon - 2)/(p(\\nu - p\\hat\\varepsilon))`,
    :math:`\\nu = N - g`; corrected p-values use :math:`F` on
    :math:`(\\varepsilon\\,df, \\varepsilon\\,df_{resid})`. Mauchly:
    :math:`W = |E| / (\\operatorname{tr}E/p)^p`, :math:`\\chi^2 = -\\nu\\rho\\log W` on
    :math:`p(p+1)/2-1` df with :math:`\\rho = 1-(2p^2+p+2)/(6p\\nu)` and the second-order
    term of Anderson (1958) computed as R's ``mauchly.test`` does (with :math:`3k` where
    Anderson's series has :math:`3p`; it matters only with four or more times).
    :math:`\\eta^2_p = SS/(SS+SS_{error})`; generalized
    :math:`\\eta^2_G = SS/(SS + SS_{error,between} + SS_{error,within})` (Olejnik &
    Algina 2003; Bakeman 2005, for manipulated factors).

    Checked against R ``car::Anova(lm(cbind(...) ~ group, contrasts = list(group =
    contr.sum)), idata =, idesign = ~time, type = 3)`` with ``summary(...,
    multivariate = FALSE)`` (``tests/reference/evaluate_groups_anova.R``).

    References
    ----------
    Maxwell, S. E., & Delaney, H. D. (2004). *Designing experiments and analyzing data*
    (2nd ed.), ch. 12-14. Greenhouse, S. W., & Geisser, S. (1959). On methods in the
    analysis of profile data. *Psychometrika*, 24, 95-112. Huynh, H., & Feldt, L. S.
    (1976). Estimation of the Box correction for degrees of freedom from sample data in
    randomized block and split-plot designs. *J. Educ. Stat.*, 1, 69-82. Lecoutre, B.
    (1991). A correction for the epsilon approximate test in repeated measures designs
    with two or more independent groups. *J. Educ. Stat.*, 16, 371-372. Mauchly, J. W.
    (1940). Significance test for sphericity of a normal n-variate distribution. *Ann.
    Math. Stat.*, 11, 204-209. Fox, J., & Weisberg, S. (2019). *An R companion to
    applied regression* (3rd ed.), ``car::Anova``. Olejnik, S., & Algina, J. (2003).
    Generalized eta and omega squared statistics. *Psychological Methods*, 8(4),
    434-447. Bakeman, R. (2005). Recommended effect size statistics for repeated
    measures designs. *Behavior Research Methods*, 37(3), 379-384.

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
    if ss_type not in (1, 2, 3) or isinstance(ss_type, bool):
        raise ParameterError(
            f"The 'ss_type' parameter of {fn} must be 3 (default, as SPSS), 2 or 1. Got {ss_type!r} instead."
        )
    d, t_levels, g_levels = _prepare(data, outcome, within, between, subject, fn)
    k = len(t_levels)
    counts = d.groupby("s")["t"].nunique()
    complete = counts[counts == k].index
    if len(complete) < len(counts):
        lost = ~d["s"].isin(complete)
        warnings.warn(
            DataWarning(
                f"{fn}: {len(counts) - len(complete)} subject(s) without a value at every "
                f"time of '{within}' excluded ({int(lost.sum())} row(s); ANOVA needs complete data; "
                f"mixed_model() uses every observation).",
                n_excluded=int(lost.sum()),
                reason="subject not measured at every time",
            ),
            stacklevel=2,
        )
        d = d[d["s"].isin(complete)]
    wide = d.pivot(index="s", columns="t", values="y")
    wide = wide[[t for t in t_levels]]
    group_of = d.groupby("s")["g"].first().reindex(wide.index)
    present = [lev for lev in g_levels if (group_of == lev).any()]
    g, N = len(present), len(wide)
    if g < 2 or N - g < 1:
        raise DesignError(
            f"{fn}: after excluding incomplete subjects there are {N} subject(s) in {g} "
            f"group(s) of '{between}'; at least two groups and more subjects than groups are needed."
        )
    Y = wide.to_numpy(float)
    if np.ptp(Y) == 0:
        raise DesignError(
            f"{fn}: the outcome '{outcome}' takes one value only ({Y.flat[0]:g}) in every "
            f"subject and time: there is no variation to analyse. Check that the right "
            f"column is named and that it was scored."
        )
    codes = pd.Categorical(group_of, categories=present).codes
    X = np.ones((N, g))
    contr = np.vstack([np.eye(g - 1), -np.ones((1, g - 1))])  # contr.sum: last level -1
    X[:, 1:] = contr[codes]
    V = np.linalg.inv(X.T @ X)
    rows_g = slice(1, g)

    def hyp_ss(B, rows):
        Bl = np.atleast_2d(B[rows])
        return float(np.trace(Bl.T @ np.linalg.solve(V[rows, rows], Bl)))

    # between stratum: subject totals scaled by 1/sqrt(k)
    t0 = Y.sum(axis=1) / np.sqrt(k)
    b0 = V @ X.T @ t0
    ss_err_b = float(np.sum((t0 - X @ b0) ** 2))
    ss_group = hyp_ss(b0[:, None], rows_g)
    # within stratum: orthonormal contrasts among times
    Q = np.linalg.qr(np.column_stack([np.ones(k), np.eye(k)[:, : k - 1]]))[0][:, 1:]
    Z = Y @ Q
    B = V @ X.T @ Z
    R = Z - X @ B
    E = R.T @ R
    ss_err_w = float(np.trace(E))
    if ss_type == 3:
        ss_time = hyp_ss(B, slice(0, 1))
    else:
        ss_time = float(N * np.sum(Z.mean(axis=0) ** 2))
    ss_inter = hyp_ss(B, rows_g)
    # sphericity
    p_ = k - 1
    nu = N - g
    if p_ == 1:
        eps_gg = eps_hf = w_stat = 1.0
        w_p = np.nan
    else:
        tr = np.trace(E)
        eps_gg = float(tr**2 / (p_ * np.trace(E @ E)))
        eps_hf = float(((nu + 1) * p_ * eps_gg - 2) / (p_ * (nu - p_ * eps_gg)))
        sign, logdet = np.linalg.slogdet(E)
        log_w = (logdet if sign > 0 else -np.inf) - p_ * np.log(tr / p_)
        w_stat = float(np.exp(log_w))
        rho = 1 - (2 * p_**2 + p_ + 2) / (6 * p_ * nu)
        # second-order term as R's stats::mauchly.test and car (3 k where Anderson has 3 (k - 1))
        w2 = (p_ + 2) * (p_ - 1) * (p_ - 2) * (2 * p_**3 + 6 * p_**2 + 3 * k + 2) / (288 * (nu * p_ * rho) ** 2)
        z = -nu * rho * log_w
        f_df = p_ * (p_ + 1) / 2 - 1
        pr1, pr2 = stats.chi2.sf(z, f_df), stats.chi2.sf(z, f_df + 4)
        w_p = float(pr1 + w2 * (pr2 - pr1))
    df_b, df_eb = g - 1, N - g
    df_t, df_i, df_ew = k - 1, (g - 1) * (k - 1), (N - g) * (k - 1)
    kind = {1: "type I (sequential)", 2: "type II", 3: "type III (sum-to-zero contrasts)"}[ss_type]
    method = (
        f"split-plot ANOVA, {kind} sums of squares; Mauchly's test, Greenhouse-Geisser and "
        "Huynh-Feldt corrections for the within-subject effects"
    )
    rows = []
    total_err = ss_err_b + ss_err_w
    for term, stratum, ss, df, ss_e, df_e in (
        (between, "between", ss_group, df_b, ss_err_b, df_eb),
        (within, "within", ss_time, df_t, ss_err_w, df_ew),
        (f"{between}:{within}", "within", ss_inter, df_i, ss_err_w, df_ew),
    ):
        ms, mse = ss / df, ss_e / df_e
        f = ms / mse if mse > 0 else np.nan
        row = {
            "term": term,
            "stratum": stratum,
            "ss": ss,
            "df": float(df),
            "df_resid": float(df_e),
            "ms": ms,
            "statistic": f,
            "p": float(stats.f.sf(f, df, df_e)) if np.isfinite(f) else np.nan,
            "eps_gg": np.nan,
            "p_gg": np.nan,
            "eps_hf": np.nan,
            "p_hf": np.nan,
            "mauchly_w": np.nan,
            "mauchly_p": np.nan,
            "eta2_partial": ss / (ss + ss_e) if ss + ss_e > 0 else np.nan,
            "eta2_generalized": ss / (ss + total_err) if ss + total_err > 0 else np.nan,
            "n": N,
            "method": method,
        }
        if stratum == "within" and np.isfinite(f):
            hf = min(1.0, eps_hf)
            row.update(
                eps_gg=eps_gg,
                p_gg=float(stats.f.sf(f, eps_gg * df, eps_gg * df_e)),
                eps_hf=eps_hf,
                p_hf=float(stats.f.sf(f, hf * df, hf * df_e)),
                mauchly_w=w_stat,
                mauchly_p=w_p,
            )
        rows.append(row)
    out = pd.DataFrame(rows, columns=ANOVA_COLUMNS)
    out.attrs["ss_type"] = ss_type
    return out


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
    fn = "mixed_model"
    level = check_ci(ci, function=fn)
    d, t_levels, g_levels = _prepare(data, outcome, within, between, subject, fn)
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
        raise ConvergenceError(
            f"{fn}: the mixed model for '{outcome}' did not converge. Check for groups or "
            f"times with no data, or a constant outcome."
        )
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
        rows.append(
            {
                "term": name(term),
                "estimate": est,
                "se": s,
                "ci_low": est - z * s,
                "ci_high": est + z * s,
                "statistic": est / s,
                "p": float(2 * stats.norm.sf(abs(est / s))),
                "n": len(d),
                "method": "linear mixed model, REML (statsmodels MixedLM)",
            }
        )
    for term, value in (("var(subject)", float(fit.cov_re.iloc[0, 0])), ("var(residual)", float(fit.scale))):
        rows.append(
            {
                "term": term,
                "estimate": value,
                "se": np.nan,
                "ci_low": np.nan,
                "ci_high": np.nan,
                "statistic": np.nan,
                "p": np.nan,
                "n": len(d),
                "method": "linear mixed model, REML (statsmodels MixedLM)",
            }
        )
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
        raise DesignError(
            f"{fn}: column '{by}' must have exactly two values (rollout and comparison); "
            f"found {len(values)}: {[str(v) for v in values[:10]]}. Filter the data to two groups."
        )
    if treated is None:
        if set(values) <= {0, 1} or set(values) <= {False, True}:
            treated = values[1]
        else:
            raise ParameterError(
                f"The 'treated' parameter of {fn} is needed to say which value of '{by}' "
                f"received the intervention. Values found: {[str(v) for v in values]}."
            )
    elif treated not in values:
        raise ParameterError(
            f"The 'treated' parameter of {fn} is {treated!r}, which is not a value of "
            f"'{by}'. Values found: {[str(v) for v in values]}."
        )
    control = next(v for v in values if v != treated)
    missing = data[by].isna()
    if missing.any():
        detail = f"with no '{by}' excluded (data index {data.index[missing][:10].tolist()})"
        warn_excluded(int(missing.sum()), f"missing '{by}'", function=fn, detail=detail, stacklevel=3)
    is_t, is_c = data[by] == treated, data[by] == control
    rows = []
    for cov in covariates:
        col = data[cov]
        ok = col.notna() & ~missing
        n_miss = int((col.isna() & ~missing).sum())
        warn_excluded(
            n_miss, f"missing '{cov}'", function=fn, detail=f"with no '{cov}' left out of its comparison", stacklevel=3
        )
        a, b = col[ok & is_t], col[ok & is_c]
        kind = fx.covariate_kind(col)
        if kind == "numeric":
            x1, x0 = a.to_numpy(float), b.to_numpy(float)
            v1 = np.var(x1, ddof=1) if len(x1) > 1 else np.nan
            v0 = np.var(x0, ddof=1) if len(x0) > 1 else np.nan
            rows.append(
                {
                    "covariate": cov,
                    "level": None,
                    "kind": kind,
                    "n_treated": len(x1),
                    "n_control": len(x0),
                    "mean_treated": _mean(x1),
                    "mean_control": _mean(x0),
                    "sd_treated": np.sqrt(v1),
                    "sd_control": np.sqrt(v0),
                    "smd": fx.smd_numeric(x1, x0),
                    "variance_ratio": v1 / v0 if v0 > 0 else np.nan,
                }
            )
            continue
        levels = [1] if kind == "binary" else fx.level_labels(col[ok])
        for lev in levels:
            p1 = float(np.mean(a == lev)) if len(a) else np.nan
            p0 = float(np.mean(b == lev)) if len(b) else np.nan
            rows.append(
                {
                    "covariate": cov,
                    "level": lev,
                    "kind": kind,
                    "n_treated": len(a),
                    "n_control": len(b),
                    "mean_treated": p1,
                    "mean_control": p0,
                    "sd_treated": np.sqrt(p1 * (1 - p1)),
                    "sd_control": np.sqrt(p0 * (1 - p0)),
                    "smd": fx.smd_binary(p1, p0),
                    "variance_ratio": np.nan,
                }
            )
    out = pd.DataFrame(rows, columns=BALANCE_COLUMNS)
    out["imbalanced"] = out["smd"].abs() > smd_threshold
    out.attrs.update(treated=treated, control=control, smd_threshold=smd_threshold)
    return out


def _mean(x) -> float:
    return float(np.mean(x)) if len(x) else float("nan")
