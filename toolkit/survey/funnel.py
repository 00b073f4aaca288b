"""Funnel plots: each force's prevalence against its number of respondents.

A force is compared with the national proportion through control limits that narrow as
its number of respondents grows (Spiegelhalter 2005), so small forces are not flagged
for noise and large ones are not hidden by it. Limits are inflated for overdispersion
(forces differ for reasons beyond chance) by an additive random-effects term, as
Spiegelhalter (2005b) and the R package FunnelPlotR (``data_type = "PR"``) compute.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from scipy.special import ndtri

from toolkit.errors import DesignError, ParameterError, check_columns, check_proportion, check_threshold
from toolkit.survey._inputs import binary_values

__all__ = ["funnel", "funnel_limits", "funnel_plot"]

#: two-sided coverage of the two pairs of limits (about 2 and 3 standard errors)
LEVELS = (0.95, 0.998)


def _z(level: float) -> float:
    return float(ndtri(0.5 + level / 2))


def funnel_limits(n, *, target: float, tau2: float = 0.0) -> pd.DataFrame:
    """Control limits of a proportion funnel plot at sample sizes ``n``.

    Parameters
    ----------
    n : array-like of int
        Numbers of respondents at which to compute the limits.
    target : float
        The centre line, a proportion strictly between 0 and 1.
    tau2 : float
        Between-force variance on the arcsine scale (0 = no overdispersion).

    Returns
    -------
    pandas.DataFrame
        ``n, ll95, ul95, ll998, ul998``: limits on the proportion scale, truncated to [0, 1].

    Notes
    -----
    With the variance-stabilising transform :math:`y = \\arcsin\\sqrt{p}`, whose standard error
    is :math:`s = 1 / (2\\sqrt{n})`, the limits are
    :math:`\\sin^2(\\arcsin\\sqrt{\\theta_0} \\pm z_{\\alpha} \\sqrt{s^2 + \\tau^2})`, clipped at
    the angle's range so that they stay in [0, 1] (FunnelPlotR instead truncates the
    proportion; the two agree wherever a limit is inside [0, 1]).

    Examples
    --------
    >>> funnel_limits([100, 400], target=0.2).round(4)
         n    ll95    ul95   ll998   ul998
    0  100  0.1278  0.2836  0.0926  0.3359
    1  400  0.1623  0.2406  0.1420  0.2651
    """
    try:
        n = np.atleast_1d(np.asarray(n, dtype=float))
    except (TypeError, ValueError):
        raise ParameterError(
            f"The 'n' parameter of funnel_limits must be positive numbers of respondents. Got {n!r} instead."
        ) from None
    if n.size == 0:
        raise ParameterError("The 'n' parameter of funnel_limits is empty (no numbers of respondents).")
    target = check_proportion(target, argument="target", function="funnel_limits")
    if np.any(~np.isfinite(n)) or np.any(n <= 0):
        raise ParameterError(
            f"The 'n' parameter of funnel_limits must be positive numbers of respondents. Got {n.tolist()!r} instead."
        )
    centre = np.arcsin(np.sqrt(target))
    sd = np.sqrt(1.0 / (4.0 * n) + max(float(tau2), 0.0))
    out = {"n": n.astype(int) if np.all(n == np.round(n)) else n}
    for level, name in zip(LEVELS, ("95", "998")):
        z = _z(level)
        lo = np.clip(centre - z * sd, 0.0, np.pi / 2)
        hi = np.clip(centre + z * sd, 0.0, np.pi / 2)
        out[f"ll{name}"] = np.sin(lo) ** 2
        out[f"ul{name}"] = np.sin(hi) ** 2
    return pd.DataFrame(out)


def _dispersion(z: np.ndarray, s: np.ndarray, trim: float) -> tuple[float, float]:
    """Overdispersion ratio phi from Winsorised z-scores, and tau^2 (DerSimonian-Laird)."""
    lz, uz = np.quantile(z, [trim, 1 - trim])  # R quantile type 7, as FunnelPlotR
    wz = np.clip(z, lz, uz)
    k = len(z)
    phi = float(np.sum(wz**2) / k)
    w = 1.0 / s**2
    if k * phi < k - 1:
        return phi, 0.0
    tau2 = (k * phi - (k - 1)) / (w.sum() - (w**2).sum() / w.sum())
    return phi, max(float(tau2), 0.0)


def funnel(
    data: pd.DataFrame,
    *,
    outcome: str,
    by: str,
    target: float | None = None,
    overdispersion: bool = True,
    trim: float = 0.1,
    threshold: int = 10,
) -> pd.DataFrame:
    """Compare each group's proportion with a target through funnel-plot control limits.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent.
    outcome : str
        A binary (0/1) column, for example ``"harm_threats"``.
    by : str
        The group column (usually the force).
    target : float, optional
        The centre line; default the pooled proportion over all groups.
    overdispersion : bool
        Inflate the limits by the between-group variance :math:`\\tau^2` (default True);
        :math:`\\tau^2 = 0` when the groups are no more dispersed than chance.
    trim : float
        Share Winsorised at each end of the z-scores before estimating the dispersion
        (0.1, as Spiegelhalter 2005b and FunnelPlotR).
    threshold : int
        Groups with fewer respondents, or fewer than ``threshold`` with or without the
        outcome, get ``small = True`` (their counts must not be published).

    Returns
    -------
    pandas.DataFrame
        One row per group: ``group, n, n_events, estimate, target, z, ll95, ul95, ll998,
        ul998, position, small, method``. ``z`` is the (overdispersion-adjusted) z-score on
        the arcsine scale; ``position`` is ``"above 99.8%"``, ``"above 95%"``, ``"within"``,
        ``"below 95%"`` or ``"below 99.8%"``. ``attrs`` hold ``target``, ``phi``
        (dispersion ratio), ``tau2`` and ``trim``.

    Notes
    -----
    For group :math:`i` with :math:`r_i` of :math:`n_i` respondents having the outcome,
    :math:`y_i = \\arcsin\\sqrt{r_i/n_i}`, :math:`s_i = 1/(2\\sqrt{n_i})` and
    :math:`z_i = (y_i - \\arcsin\\sqrt{\\theta_0}) / s_i`. With :math:`z_i` Winsorised at
    the ``trim`` and ``1 - trim`` quantiles, :math:`\\phi = \\sum z_i^2 / I`; if
    :math:`I\\phi > I - 1`, :math:`\\tau^2 = (I\\phi - (I - 1)) / (\\sum w_i - \\sum w_i^2 /
    \\sum w_i)` with :math:`w_i = 1/s_i^2`, else 0. The adjusted z-score is
    :math:`(y_i - \\arcsin\\sqrt{\\theta_0}) / \\sqrt{s_i^2 + \\tau^2}`, and the limits are
    those of :func:`funnel_limits`. Counts are of respondents (unweighted), as funnel plots
    of institutional performance use.

    References
    ----------
    Spiegelhalter, D. J. (2005). Funnel plots for comparing institutional performance.
    *Statistics in Medicine*, 24(8), 1185-1202.
    Spiegelhalter, D. J. (2005b). Handling over-dispersion of performance indicators.
    *Quality and Safety in Health Care*, 14(5), 347-351.
    Mainey, C. et al. FunnelPlotR: funnel plots for comparing institutional performance
    (R package, version 0.6.0).

    Examples
    --------
    >>> from toolkit.synth.survey import make_survey
    >>> survey, _ = make_survey(20240301)
    >>> latest = survey[survey["wave"] == 2]
    >>> result = funnel(latest, outcome="harm_threats", by="force")
    >>> result[["group", "n", "estimate", "ll95", "ul95", "position"]].head(3).round(3)
      group    n  estimate   ll95   ul95 position
    0   F01  342     0.140  0.095  0.166   within
    1   F02  438     0.146  0.099  0.161   within
    2   F03  275     0.145  0.092  0.170   within
    """
    for argument, value in (("outcome", outcome), ("by", by)):
        if not isinstance(value, str):
            raise ParameterError(
                f"The '{argument}' parameter of funnel must be one column name (a string). Got {value!r} instead."
            )
    check_columns(data, [outcome], argument="outcome")
    check_columns(data, [by], argument="by")
    threshold = check_threshold(threshold, function="funnel", allow_low=True)
    if not 0 <= trim < 0.5:
        raise ParameterError(f"The 'trim' parameter of funnel must be a share in [0, 0.5). Got {trim!r} instead.")
    frame = pd.DataFrame({"group": data[by], "y": binary_values(data, outcome)}).dropna()
    agg = frame.groupby("group", sort=True, observed=True)["y"].agg(["sum", "count"])
    if len(agg) < 3:
        raise ParameterError(
            f"funnel needs at least 3 groups in column '{by}' with answers to '{outcome}'; found {len(agg)}."
        )
    r = agg["sum"].to_numpy(float)
    n = agg["count"].to_numpy(float)
    if target is not None:
        theta = check_proportion(target, argument="target", function="funnel")
    else:
        theta = float(r.sum() / n.sum())
        if not 0 < theta < 1:
            raise DesignError(
                f"funnel: every answer to '{outcome}' is {int(theta)}; a funnel plot needs a proportion "
                "strictly between 0 and 1 (give target= to compare against a known rate)."
            )
    centre = np.arcsin(np.sqrt(theta))
    yi = np.arcsin(np.sqrt(r / n))
    s = 1.0 / (2.0 * np.sqrt(n))
    z0 = (yi - centre) / s
    phi, tau2 = _dispersion(z0, s, trim) if overdispersion else (float("nan"), 0.0)
    z = (yi - centre) / np.sqrt(s**2 + tau2)
    limits = funnel_limits(n, target=theta, tau2=tau2)
    p = r / n
    position = np.select(
        [p > limits["ul998"], p > limits["ul95"], p < limits["ll998"], p < limits["ll95"]],
        ["above 99.8%", "above 95%", "below 99.8%", "below 95%"],
        "within",
    )
    method = "funnel (arcsine, additive overdispersion)" if overdispersion else "funnel (arcsine)"
    out = pd.DataFrame(
        {
            "group": agg.index.astype(object),
            "n": n.astype(int),
            "n_events": r.astype(int),
            "estimate": p,
            "target": theta,
            "z": z,
            **{c: limits[c].to_numpy() for c in ("ll95", "ul95", "ll998", "ul998")},
            "position": position,
            "small": (n < threshold) | (r < threshold) | (n - r < threshold),
            "method": method,
        }
    )
    out.attrs.update({"target": theta, "phi": phi, "tau2": tau2, "trim": float(trim)})
    return out


def funnel_plot(
    result: pd.DataFrame, *, title: str | None = None, label: str = "Proportion", highlight: str | None = None
) -> Figure:
    """Draw a funnel plot from :func:`funnel`'s result (groups with ``small`` are not drawn).

    With ``highlight`` (a group), that group's point is drawn larger, in colour and labelled;
    the others are grey points without labels (a force's own pack). Without it every point
    is labelled.

    Returns
    -------
    matplotlib.figure.Figure
    """
    check_columns(
        result, ["group", "n", "estimate", "ll95"], argument="result", where="the result of toolkit.survey.funnel"
    )
    if "target" not in result.attrs:
        raise ParameterError(
            "The 'result' parameter of funnel_plot must be the table returned by toolkit.survey.funnel (its attrs hold the target)."
        )
    fig = Figure(figsize=(6.5, 3.6))
    ax = fig.add_subplot()
    shown = result[~result["small"].astype(bool)] if "small" in result else result
    n_max = max(float(result["n"].max()) * 1.1, 20.0)
    grid = np.linspace(max(1.0, float(result["n"].min()) * 0.5), n_max, 200)
    lim = funnel_limits(grid, target=result.attrs["target"], tau2=result.attrs.get("tau2", 0.0))
    ax.axhline(result.attrs["target"], color="#333333", lw=1, label="National proportion")
    ax.plot(grid, lim["ll95"], color="#0072B2", ls="--", lw=1, label="95% limits")
    ax.plot(grid, lim["ul95"], color="#0072B2", ls="--", lw=1)
    ax.plot(grid, lim["ll998"], color="#D55E00", ls=":", lw=1.2, label="99.8% limits")
    ax.plot(grid, lim["ul998"], color="#D55E00", ls=":", lw=1.2)
    if highlight is None:
        ax.scatter(shown["n"], shown["estimate"], color="#000000", s=18, zorder=3, label="Force")
        for row in shown.itertuples(index=False):
            ax.annotate(str(row.group), (row.n, row.estimate), xytext=(3, 3), textcoords="offset points", fontsize=7)
    else:
        mine = shown["group"].astype(str) == str(highlight)
        others = shown[~mine]
        ax.scatter(others["n"], others["estimate"], color="#999999", s=14, zorder=3, label="Other forces")
        for row in shown[mine].itertuples(index=False):
            ax.scatter(
                [row.n], [row.estimate], color="#CC79A7", edgecolor="#000000", s=48, zorder=4, label=str(row.group)
            )
            ax.annotate(
                str(row.group),
                (row.n, row.estimate),
                xytext=(4, 4),
                textcoords="offset points",
                fontsize=8,
                weight="bold",
            )
    ax.set_xlabel("Respondents")
    ax.set_ylabel(label)
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    if title:
        ax.set_title(title, fontsize=10)
    ax.legend(fontsize=7, frameon=False)
    fig.tight_layout()
    return fig
