"""Difference-in-differences: two-way fixed effects, event study, staggered adoption.

``did`` and ``event_study`` fit two-way fixed-effects (TWFE) least squares with
cluster-robust standard errors; with fewer than 30 clusters (a handful of forces)
``did`` switches to the restricted wild cluster bootstrap. ``staggered_did`` estimates
Callaway & Sant'Anna (2021) group-time effects, which stay unbiased when forces adopt at
different times and effects differ by cohort.
"""

from __future__ import annotations

import dataclasses
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from toolkit.errors import (
    ColumnNotFoundError,
    DataWarning,
    DesignError,
    ParameterError,
    StaggeredAdoptionWarning,
)
from toolkit.evaluate._did_core import (
    FEW_CLUSTERS,
    TwfeFit,
    bootstrap_first,
    cell_index,
    check_inference_args,
    choose_weights,
    fit_twfe,
    fit_twfe_cells,
)
from toolkit.evaluate._did_cs import staggered_did
from toolkit.evaluate._did_twfe import t_inference
from toolkit.evaluate._did_validate import Panel, is_staggered, prepare_panel

__all__ = ["StaggeredAdoptionWarning", "did", "event_study", "event_study_plot", "staggered_did"]


def _warn_staggered(panel: Panel, function: str) -> None:
    adopt = panel.adopt
    cohorts = sorted(int(a) for a in np.unique(adopt[np.isfinite(adopt)]))
    names = [str(panel.time_levels[c]) for c in cohorts]
    warnings.warn(
        f"{function}: units start treatment at {len(cohorts)} different times ({', '.join(names)}). "
        "Two-way fixed effects then uses already-treated units as controls and is biased when "
        "the effect differs between adoption cohorts or changes over time (Goodman-Bacon 2021; "
        "Sun & Abraham 2021). Use staggered_did(...) (Callaway & Sant'Anna 2021) for this design.",
        StaggeredAdoptionWarning,
        stacklevel=3,
    )


#: below this many clusters no cluster-robust standard error or bootstrap is credible
MIN_CLUSTERS = 5


def _too_few_clusters(G: int, se: float, estimate: float, panel: Panel, function: str) -> str | None:
    """The reason inference is withheld (and a DataWarning saying so), or None."""
    degenerate = not np.isfinite(se) or se <= 1e-10 * max(1.0, abs(estimate))
    if G >= MIN_CLUSTERS and not degenerate:
        return None
    name = panel.cluster_name
    if G < MIN_CLUSTERS:
        why = (
            f"only {G} cluster(s) in '{name}'; cluster-robust standard errors and the wild "
            f"bootstrap need at least {MIN_CLUSTERS} (and are unreliable below about 10-20)"
        )
    else:
        why = (
            f"the cluster-robust standard error is {se:.1e}, numerically zero: the design leaves "
            f"no variation to estimate it from ({G} clusters in '{name}')"
        )
    warnings.warn(
        DataWarning(
            f"{function}: {why}. The estimate is reported but se, interval and p are left blank: "
            "no clustered inference is credible here. Add comparison and treated units (forces), "
            "or report the estimate descriptively.",
            n_excluded=0,
            reason="too few clusters",
        ),
        stacklevel=3,
    )
    return why


def did(
    data: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    time: str,
    treated: str,
    cluster: str | None = None,
    covariates=None,
    ssc: str = "nested",
    bootstrap="auto",
    boot_weights: str = "auto",
    n_boot: int = 9999,
    seed: int | None = 20240301,
    ci: float = 0.95,
) -> pd.DataFrame:
    """Difference-in-differences by two-way fixed effects with cluster-robust inference.

    Parameters
    ----------
    data : pandas.DataFrame
        Long format, one row per unit and period (or per respondent within unit and
        period, e.g. survey waves within forces).
    outcome : str
        Numeric outcome column.
    unit, time : str
        Unit (force) and period columns. ``time`` holds whole numbers (year, wave),
        dates, pandas Periods, an ordered Categorical (its category order is the time
        order) or quarter labels such as ``"Q4 2010"`` or ``"2010 Q4"``.
    treated : str
        0/1 column: 1 in the periods a unit is treated. Treatment must stay on once it
        starts.
    cluster : str, optional
        Cluster column; defaults to ``unit``.
    covariates : list of str, optional
        Numeric time-varying covariates.
    ssc : {"nested", "all"}
        Small-sample convention of the CR1 variance
        ``G/(G-1) * (n-1)/(n-K) * (X'X)^-1 sum_g X_g'e_g e_g'X_g (X'X)^-1``.
        ``"nested"`` (default): K = slopes + number of periods; unit effects nested in the
        clusters are not counted (as Stata ``xtreg, fe vce(cluster)``, and in the spirit
        of fixest's ``fixef.K = "nested"``). ``"all"``: every dummy counts, as R
        ``sandwich::vcovCL(lm(...), type = "HC1")`` and statsmodels' cluster covariance on
        a dummy-variable regression.
    bootstrap : {"auto", True, False}
        Restricted wild cluster bootstrap-t for ``p`` and the CI. ``"auto"`` uses it
        when there are fewer than 30 clusters.
    boot_weights : {"auto", "rademacher", "webb"}
        Wild-bootstrap weight distribution; ``"auto"`` takes Webb's six-point weights with 12 clusters or
        fewer, Rademacher otherwise (enumerated exactly when ``2**G <= n_boot``).
    n_boot : int
        Bootstrap draws.
    seed : int or None
        Seed of the bootstrap draws (results are reproducible).
    ci : float
        Confidence level (stored in ``attrs["ci"]``).

    Returns
    -------
    pandas.DataFrame
        One row with columns ``term`` (the treatment column), ``estimate`` (the average
        effect of treatment on the treated under parallel trends), ``se`` (cluster-robust
        CR1 standard error), ``ci_low``, ``ci_high``, ``statistic`` (t = estimate / se),
        ``df`` (G - 1), ``p``, ``n`` (rows used), ``n_units``, ``n_clusters``, ``method``
        (which inference was used and why). With the bootstrap, ``p`` and the CI come
        from the bootstrap, ``se`` stays the analytic CR1. With fewer than 5 clusters,
        or a standard error that is numerically zero, ``se``, ``ci_low``, ``ci_high``,
        ``statistic`` and ``p`` are missing and a ``DataWarning`` says why.
        ``attrs`` (scalars only): ``ci``.

    Warns
    -----
    StaggeredAdoptionWarning
        When units adopt at different times: use :func:`staggered_did`.

    Raises
    ------
    toolkit.errors.DesignError
        One period only, no untreated units, treatment switching off and on, a time
        column without a time order (free text, an unordered categorical).

    Notes
    -----
    Model: :math:`y_{it} = \\alpha_i + \\lambda_t + \\beta D_{it} + x_{it}'\\gamma + e_{it}`,
    fitted by sweeping out both sets of effects (alternating projections), so
    :math:`\\hat\\beta` equals the dummy-variable least-squares coefficient. t-based
    inference uses G - 1 degrees of freedom. The wild cluster bootstrap imposes
    :math:`H_0` (WCR), draws cluster weights :math:`v_g`, and compares
    :math:`|t^*|` with :math:`|t|` (symmetric p-value); the interval inverts that test
    (Cameron, Gelbach & Miller 2008; Roodman et al. 2019, as Stata ``boottest``).

    References
    ----------
    Cameron, A. C., Gelbach, J. B., & Miller, D. L. (2008). Bootstrap-based improvements
    for inference with clustered errors. Review of Economics and Statistics, 90(3), 414-427.
    Roodman, D., Nielsen, M. Ø., MacKinnon, J. G., & Webb, M. D. (2019). Fast and wild:
    Bootstrap inference in Stata using boottest. Stata Journal, 19(1), 4-60.
    MacKinnon, J. G., & Webb, M. D. (2017). Wild bootstrap inference for wildly different
    cluster sizes. Journal of Applied Econometrics, 32(2), 233-254.
    Webb, M. D. (2023). Reworking wild bootstrap-based inference for clustered errors.
    Canadian Journal of Economics, 56(3), 839-858.

    Examples
    --------
    >>> from toolkit.synth.evaluate import make_panel
    >>> panel = make_panel(seed=1, staggered=False, n_forces=8)
    >>> res = did(panel, outcome="wellbeing", unit="force", time="wave", treated="trained", n_boot=999)
    >>> list(res.columns[:4])
    ['term', 'estimate', 'se', 'ci_low']
    >>> res["method"].iloc[0][:38]
    'TWFE DiD; wild cluster bootstrap-t (WC'
    """
    ci = check_inference_args(
        ssc=ssc, bootstrap=bootstrap, boot_weights=boot_weights, n_boot=n_boot, ci=ci, function="did"
    )
    panel = prepare_panel(data, outcome, unit=unit, time=time, treated=treated, cluster=cluster, covariates=covariates)
    if is_staggered(panel.adopt):
        _warn_staggered(panel, "did")
    regs = np.column_stack([panel.d, panel.X])
    fit = fit_twfe(panel, regs, ssc=ssc)
    G = fit.G
    est = float(fit.beta[0])
    se = float(np.sqrt(fit.V[0, 0]))
    use_boot = bootstrap is True or (bootstrap == "auto" and G < FEW_CLUSTERS)
    conv = "K without nested unit effects" if (ssc == "nested" and fit.nested) else "K counting every dummy"
    withheld = _too_few_clusters(G, se, est, panel, "did")
    if not withheld:
        stat, p, lo, hi = t_inference(est, se, G - 1, ci)
    if withheld:
        se = stat = p = lo = hi = np.nan
        method = f"TWFE DiD; no inference: {withheld}"
    elif use_boot:
        treated_clusters = len(np.unique(panel.cluster[panel.d == 1]))
        if treated_clusters <= 2 or G - treated_clusters <= 2:
            warnings.warn(
                f"did: only {min(treated_clusters, G - treated_clusters)} cluster(s) on one side "
                f"({treated_clusters} treated of {G}); the wild cluster bootstrap is unreliable then "
                "(MacKinnon & Webb 2017) and no clustered inference is trustworthy. Report the "
                "estimate with caution or use more comparison and treated forces.",
                DataWarning,
                stacklevel=2,
            )
        w = choose_weights(boot_weights, G)
        wb = bootstrap_first(panel, fit, weights=w, n_boot=n_boot, seed=seed)
        p = wb.pvalue(0.0)
        lo, hi = wb.confint(ci)
        why = f"{G} clusters < {FEW_CLUSTERS}" if bootstrap == "auto" else "requested"
        draws = f"all {wb.B} sign patterns" if wb.enumerated else f"{wb.B} draws"
        method = (
            f"TWFE DiD; wild cluster bootstrap-t (WCR, {w.capitalize()} weights, {draws}; {why}); "
            f"se CR1 clustered by {panel.cluster_name} ({conv})"
        )
    else:
        method = f"TWFE DiD; CR1 cluster-robust se by {panel.cluster_name} ({conv}), t with {G - 1} df"
    out = pd.DataFrame(
        [
            {
                "term": treated,
                "estimate": est,
                "se": se,
                "ci_low": float(lo),
                "ci_high": float(hi),
                "statistic": float(stat),
                "df": float(G - 1),
                "p": float(p),
                "n": panel.n,
                "n_units": len(panel.unit_levels),
                "n_clusters": G,
                "method": method,
            }
        ]
    )
    out.attrs["ci"] = ci
    return out


@dataclass(frozen=True)
class EventGrid:
    """Where event-time dummies are built: the rows of a panel, or its (unit, period) cells."""

    adopt: np.ndarray  # per unit: time code of its first treated period, inf if never treated
    unit: np.ndarray  # unit code of each row (or cell)
    time: np.ndarray  # period code of each row (or cell)


def _event_time_dummies(grid: EventGrid | Panel, leads, lags, reference: int):
    """Binned event-time dummies of each row (or cell) of ``grid``, the reference period
    (and, without never-treated units, the first lead) left out."""
    adopt = grid.adopt[grid.unit]
    rel = grid.time - adopt  # -inf / nan for never treated
    ever = np.isfinite(adopt)
    rel_obs = rel[ever].astype(int)
    e_min, e_max = int(rel_obs.min()), int(rel_obs.max())
    lo = e_min if leads is None else -int(leads)
    hi = e_max if lags is None else int(lags)
    lo, hi = max(lo, e_min), min(hi, e_max)
    if lo > reference or hi < 0:
        raise DesignError(
            f"event_study: the data hold event times {e_min}..{e_max} relative to adoption; "
            f"need the reference period {reference} and period 0 within the window."
        )
    binned = np.where(ever, np.clip(np.nan_to_num(rel, nan=0, posinf=0, neginf=0), lo, hi), np.nan)
    dropped = [reference]
    if not np.any(~ever) and lo < reference:
        dropped.append(lo)  # without never-treated units one more lead is not identified
    events = [e for e in range(lo, hi + 1) if e not in dropped]
    cols = np.column_stack([(binned == e).astype(float) for e in events]) if events else np.empty((len(rel), 0))
    return events, dropped, cols, (lo, hi), (e_min, e_max)


def event_study(
    data: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    time: str,
    treated: str,
    cluster: str | None = None,
    covariates=None,
    leads: int | None = None,
    lags: int | None = None,
    reference: int = -1,
    ssc: str = "nested",
    ci: float = 0.95,
) -> pd.DataFrame:
    """Event study: TWFE with leads and lags of adoption, and a joint test of the leads.

    Parameters
    ----------
    data, outcome, unit, time, treated, cluster, covariates, ssc, ci
        As in :func:`did`.
    leads, lags : int, optional
        Window of event times ``-leads .. lags``; periods outside are binned into the
        end points. Default: every event time in the data.
    reference : int
        Omitted event time (default -1, the period before adoption).

    Returns
    -------
    pandas.DataFrame
        One row per event time with columns ``term`` (``"e=-2"``), ``event_time``,
        ``estimate`` (difference from the reference period; 0 for the reference row),
        ``se`` (CR1 clustered, NaN for the reference), ``ci_low``, ``ci_high``,
        ``statistic``, ``df`` (G - 1), ``p``, ``n``, ``method``.
        ``attrs`` (scalars only): ``ci``; the joint Wald test that all leads are zero as
        ``pretrend_statistic`` (F), ``pretrend_df1`` (q), ``pretrend_df2`` (G - 1),
        ``pretrend_p`` and ``pretrend_method`` (NaN statistic and p without leads).

    Notes
    -----
    :math:`y_{it} = \\alpha_i + \\lambda_t + \\sum_{e \\ne -1} \\beta_e 1\\{t - G_i = e\\} + e_{it}`.
    Pre-trend test: :math:`F = \\hat\\beta_L' \\hat V_L^{-1} \\hat\\beta_L / q` on
    :math:`(q, G-1)` degrees of freedom. Under staggered adoption with heterogeneous
    effects the TWFE lead/lag coefficients are contaminated (Sun & Abraham 2021); use
    ``staggered_did(..., aggregate="dynamic")`` then.

    References
    ----------
    Freyaldenhoven, S., Hansen, C., Pérez, J. P., & Shapiro, J. M. (2021). Visualization,
    identification, and estimation in the linear panel event-study design. NBER w29170.
    Sun, L., & Abraham, S. (2021). Estimating dynamic treatment effects in event studies
    with heterogeneous treatment effects. Journal of Econometrics, 225(2), 175-199.

    Examples
    --------
    >>> from toolkit.synth.evaluate import make_panel
    >>> panel = make_panel(seed=1, staggered=False)
    >>> es = event_study(panel, outcome="wellbeing", unit="force", time="wave", treated="trained")
    >>> es.loc[es["event_time"] == -1, "estimate"].item()
    0.0
    >>> sorted(k for k in es.attrs if k.startswith("pretrend"))
    ['pretrend_df1', 'pretrend_df2', 'pretrend_method', 'pretrend_p', 'pretrend_statistic']
    """
    ci = check_inference_args(ssc=ssc, bootstrap=False, boot_weights="auto", n_boot=999, ci=ci, function="event_study")
    for name, val in (("leads", leads), ("lags", lags)):
        if val is not None and not (isinstance(val, (int, np.integer)) and val >= 0):
            raise ParameterError(
                f"The '{name}' parameter of event_study must be a whole number >= 0 or None. Got {val!r} instead."
            )
    panel = prepare_panel(
        data,
        outcome,
        unit=unit,
        time=time,
        treated=treated,
        cluster=cluster,
        covariates=covariates,
        function="event_study",
    )
    if is_staggered(panel.adopt):
        _warn_staggered(panel, "event_study")
    cells = cell_index(panel) if panel.X.shape[1] == 0 else None
    fit: TwfeFit
    if cells is not None and cells.cluster is not None:
        # event-time dummies are constant within (unit, period) cells: fit on the cells, so no
        # n x events matrix is built (memory as did on the same rows)
        grid = EventGrid(adopt=panel.adopt, unit=cells.unit, time=cells.time)
        events, dropped, cols, window, _ = _event_time_dummies(grid, leads, lags, reference)
        fit = fit_twfe_cells(panel, cols, cells, ssc=ssc)
    else:
        events, dropped, cols, window, _ = _event_time_dummies(panel, leads, lags, reference)
        regs = np.column_stack([cols, panel.X])
        fit = fit_twfe(panel, regs, ssc=ssc)
    G = fit.G
    k = len(events)
    beta, V = fit.beta[:k], fit.V[:k, :k]
    se = np.sqrt(np.diag(V))
    rows = []
    method = f"TWFE event study, window {window[0]}..{window[1]} (ends binned); CR1 se by {panel.cluster_name}"
    worst = int(np.argmin(se / np.maximum(1.0, np.abs(beta)))) if k else 0
    withheld = _too_few_clusters(
        G, float(se[worst]) if k else np.nan, float(beta[worst]) if k else 0.0, panel, "event_study"
    )
    if withheld:
        method = f"TWFE event study, window {window[0]}..{window[1]}; no inference: {withheld}"
    for j, e in enumerate(events):
        if withheld:
            rows.append((f"e={e}", e, beta[j], np.nan, np.nan, np.nan, np.nan, G - 1, np.nan))
            continue
        stat, p, lo, hi = t_inference(beta[j], se[j], G - 1, ci)
        rows.append((f"e={e}", e, beta[j], se[j], lo, hi, stat, G - 1, p))
    for e in dropped:
        rows.append((f"e={e}", e, 0.0, np.nan, np.nan, np.nan, np.nan, G - 1, np.nan))
    out = pd.DataFrame(
        rows, columns=["term", "event_time", "estimate", "se", "ci_low", "ci_high", "statistic", "df", "p"]
    )
    out["df"] = out["df"].astype(float)
    out["n"] = panel.n
    out["method"] = method
    out = out.sort_values("event_time", ignore_index=True)
    pre = _pretrend_test(beta, V, events, G, withheld)
    out.attrs["ci"] = ci
    out.attrs.update({f"pretrend_{key}": value for key, value in dataclasses.asdict(pre).items()})
    return out


@dataclass(frozen=True)
class PretrendTest:
    """The joint Wald test that every lead of an event study is zero."""

    statistic: float  # F (NaN when not possible)
    df1: float  # q, the number of leads
    df2: float  # G - 1
    p: float
    method: str


def _pretrend_test(beta, V, events, G: int, withheld: str | None) -> PretrendTest:
    """F = b_L' V_L^-1 b_L / q over the q leads on (q, G - 1) degrees of freedom; NaN (with
    the reason in ``method``) without leads or without credible clustered inference."""
    lead_idx = [j for j, e in enumerate(events) if e < 0]
    if withheld:
        return PretrendTest(
            np.nan, float(len(lead_idx)), float(G - 1), np.nan, f"pre-trend test not possible: {withheld}"
        )
    if not lead_idx:
        return PretrendTest(np.nan, 0.0, float(G - 1), np.nan, "no leads in the window: pre-trend test not possible")
    b = beta[lead_idx]
    VL = V[np.ix_(lead_idx, lead_idx)]
    q = len(lead_idx)
    F = float(b @ np.linalg.solve(VL, b)) / q
    return PretrendTest(
        F, float(q), float(G - 1), float(stats.f.sf(F, q, G - 1)), "joint Wald F test that all leads are zero (CR1)"
    )


def event_study_plot(result: pd.DataFrame, *, ax=None, title: str | None = None):
    """Figure of event-study (or dynamic ``staggered_did``) estimates with their CIs.

    Parameters
    ----------
    result : pandas.DataFrame
        Output of :func:`event_study`, or of :func:`staggered_did` with
        ``aggregate="dynamic"``.
    ax : matplotlib Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from toolkit.synth.evaluate import make_panel
    >>> es = event_study(make_panel(seed=1, staggered=False), outcome="wellbeing", unit="force",
    ...                  time="wave", treated="trained")
    >>> fig = event_study_plot(es)
    >>> fig.axes[0].get_xlabel()
    'Periods since adoption'
    """
    # lazy: pyplot starts a plotting backend; only drawing needs it
    import matplotlib.pyplot as plt

    needs = "the output of event_study() or staggered_did(aggregate='dynamic')"
    if not isinstance(result, pd.DataFrame):
        raise ParameterError(
            f"The 'result' parameter of event_study_plot must be a pandas DataFrame, {needs}. "
            f"Got {type(result).__name__} instead."
        )
    lacks = [c for c in ("event_time", "estimate", "ci_low", "ci_high") if c not in result.columns]
    if lacks:
        raise ColumnNotFoundError(
            f"The 'result' table given to event_study_plot lacks column(s) {lacks}; it has "
            f"{list(map(str, result.columns))[:30]}. Expected {needs} (columns 'event_time', "
            "'estimate', 'ci_low', 'ci_high'): pass that table unchanged."
        )
    res = result.dropna(subset=["event_time"]).sort_values("event_time")
    if len(res) == 0:
        raise ParameterError(
            f"The 'result' table given to event_study_plot has no rows with an event time "
            f"({len(result)} row(s) in all): there is nothing to draw. Expected {needs}."
        )
    if ax is None:
        fig, ax = plt.subplots(figsize=(6.5, 3.8))
    else:
        fig = ax.figure
    e = res["event_time"].to_numpy(float)
    est = res["estimate"].to_numpy(float)
    lo = res["ci_low"].to_numpy(float)
    hi = res["ci_high"].to_numpy(float)
    ok = np.isfinite(lo)
    ax.axhline(0, color="0.5", lw=0.8)
    ax.axvline(-0.5, color="0.5", lw=0.8, ls="--")
    ax.errorbar(e[ok], est[ok], yerr=[est[ok] - lo[ok], hi[ok] - est[ok]], fmt="o", color="C0", capsize=3)
    ax.plot(e[~ok], est[~ok], "o", mfc="white", color="C0")
    ax.set_xlabel("Periods since adoption")
    ax.set_ylabel("Effect (difference from reference)")
    level = result.attrs.get("ci", 0.95)
    pre_p = result.attrs.get("pretrend_p", np.nan)
    subtitle = f"{level:.0%} CIs"
    if np.isfinite(pre_p):
        subtitle += f"; pre-trend test p = {pre_p:.3f}"
    ax.set_title((title + "\n" if title else "") + subtitle, fontsize=10)
    fig.tight_layout()
    return fig
