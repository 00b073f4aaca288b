"""Planning an evaluation before rollout: power, minimum detectable effect and sample size
for paired (same officers surveyed twice), independent and cluster (forces) designs."""

from __future__ import annotations

import math
from typing import cast

import numpy as np
import pandas as pd
from scipy import optimize, stats

from toolkit.errors import ParameterError, check_choice, check_proportion

__all__ = ["mdes", "power", "power_proportions", "sample_size"]

COLUMNS = [
    "design",
    "n",
    "n_exact",
    "n_total",
    "effect_size",
    "effect_size_kind",
    "alpha",
    "power",
    "alternative",
    "correlation",
    "cluster_size",
    "icc",
    "design_effect",
    "method",
]
DESIGNS = {"paired", "independent", "cluster"}
ALTERNATIVES = {"two-sided", "one-sided"}

_NOTES = """
    Notes
    -----
    Power of a t-test with noncentrality :math:`\\lambda` and df :math:`\\nu`, critical value
    :math:`c = t_{1-\\alpha/2,\\nu}` (two-sided, both rejection tails counted, as R's
    ``power.t.test(strict = TRUE)``) or :math:`t_{1-\\alpha,\\nu}` (one-sided, effect in the
    planned direction): :math:`1-\\beta = P(T_{\\nu,\\lambda} > c) + P(T_{\\nu,\\lambda} < -c)`.

    - ``"paired"`` (the same respondents before and after), :math:`n` pairs:
      :math:`\\lambda = d_z\\sqrt n`, :math:`\\nu = n-1`. ``effect_size`` is
      :math:`d_z` (mean change / SD of the changes); with ``correlation`` :math:`r`
      between waves it is :math:`d` in SDs of the outcome and
      :math:`d_z = d/\\sqrt{2(1-r)}`.
    - ``"independent"`` (two groups or unlinked waves), :math:`n` per group:
      :math:`\\lambda = d\\sqrt{n/2}`, :math:`\\nu = 2n-2`.
    - ``"cluster"`` (forces allocated to rollout or comparison, :math:`m` officers
      surveyed per force), :math:`n` forces per arm, analysed by their means: design
      effect :math:`DE = 1 + (m-1)\\rho`, :math:`\\lambda = d\\sqrt{n m/(2\\,DE)}`,
      :math:`\\nu = 2n-2` (Donner & Klar 2000). ``n_total`` = :math:`2nm` officers.

    Sample sizes are solved on a continuous scale (``n_exact``) and rounded up (``n``).

    References
    ----------
    Cohen, J. (1988). *Statistical power analysis for the behavioral sciences* (2nd ed.).
    Erlbaum. Cohen, J. (1992). A power primer. *Psychological Bulletin*, 112(1), 155-159.
    Donner, A., & Klar, N. (2000). *Design and analysis of cluster randomization trials in
    health research*. Arnold. R Core Team: ``stats::power.t.test``.
"""


def _check(design, alpha, alternative, correlation, cluster_size, icc, function):
    check_choice(design, DESIGNS, argument="design", function=function)
    check_choice(alternative, ALTERNATIVES, argument="alternative", function=function)
    check_proportion(alpha, argument="alpha", function=function, example=0.05)
    if correlation is not None:
        if design != "paired":
            raise ParameterError(
                f"The 'correlation' parameter of {function} applies to design='paired' only "
                f"(correlation of the outcome between waves). Got design={design!r}."
            )
        if not isinstance(correlation, (int, float)) or not -1 < correlation < 1:
            raise ParameterError(
                f"The 'correlation' parameter of {function} must be between -1 and 1. Got {correlation!r} instead."
            )
    if design == "cluster":
        if cluster_size is None or icc is None:
            raise ParameterError(
                f"design='cluster' in {function} needs cluster_size= (officers surveyed per "
                f"force) and icc= (intra-cluster correlation, e.g. 0.02-0.05)."
            )
        if not isinstance(cluster_size, (int, float)) or cluster_size < 1:
            raise ParameterError(
                f"The 'cluster_size' parameter of {function} must be at least 1. Got {cluster_size!r} instead."
            )
        if not isinstance(icc, (int, float)) or not 0 <= icc < 1:
            raise ParameterError(f"The 'icc' parameter of {function} must be in [0, 1). Got {icc!r} instead.")
    elif cluster_size is not None or icc is not None:
        raise ParameterError(
            f"cluster_size= and icc= of {function} apply to design='cluster' only. Got design={design!r}."
        )


def _ncp_df(design, n, es, correlation, cluster_size, icc):
    if design == "paired":
        dz = es if correlation is None else es / math.sqrt(2 * (1 - correlation))
        return dz * math.sqrt(n), n - 1
    if design == "independent":
        return es * math.sqrt(n / 2), 2 * n - 2
    de = 1 + (cluster_size - 1) * icc
    return es * math.sqrt(n * cluster_size / (2 * de)), 2 * n - 2


def _power(design, n, es, alpha, alternative, correlation, cluster_size, icc) -> float:
    ncp, df = _ncp_df(design, n, es, correlation, cluster_size, icc)
    if df <= 0:
        return float("nan")
    c = stats.t.ppf(1 - alpha / 2, df) if alternative == "two-sided" else stats.t.ppf(1 - alpha, df)
    upper = float(stats.nct.sf(c, df, ncp))
    if not np.isfinite(upper):  # far beyond any planning range: the test always rejects
        upper = 1.0 if ncp > c else 0.0
    if alternative == "one-sided":
        return upper
    lower = float(stats.nct.cdf(-c, df, ncp))
    return upper + (lower if np.isfinite(lower) else 0.0)


def _row(design, n, n_exact, es, alpha, pw, alternative, correlation, cluster_size, icc, how):
    if design == "paired":
        total, kind = n, "d_z" if correlation is None else "d"
    elif design == "independent":
        total, kind = 2 * n, "d"
    else:
        total, kind = 2 * n * cluster_size, "d"
    de = 1 + (cluster_size - 1) * icc if design == "cluster" else 1.0
    test = {
        "paired": "paired t-test",
        "independent": "two-sample t-test",
        "cluster": "two-sample t-test on cluster means",
    }[design]
    out = pd.DataFrame(
        [
            {
                "design": design,
                "n": n,
                "n_exact": float(n_exact),
                "n_total": total,
                "effect_size": float(es),
                "effect_size_kind": kind,
                "alpha": float(alpha),
                "power": float(pw),
                "alternative": alternative,
                "correlation": np.nan if correlation is None else float(correlation),
                "cluster_size": np.nan if cluster_size is None else float(cluster_size),
                "icc": np.nan if icc is None else float(icc),
                "design_effect": float(de),
                "method": f"{how} for a {test} (noncentral t)",
            }
        ],
        columns=COLUMNS,
    )
    return out


def _check_n(n, design, function):
    least = 2
    if not isinstance(n, (int, float, np.integer, np.floating)) or not n >= least:
        unit = {"paired": "pairs", "independent": "respondents per group", "cluster": "forces per arm"}[design]
        raise ParameterError(
            f"The 'n' parameter of {function} ({unit}) must be a number of at least {least}. Got {n!r} instead."
        )


def _check_es(effect_size, function):
    if not isinstance(effect_size, (int, float, np.integer, np.floating)) or not effect_size > 0:
        raise ParameterError(
            f"The 'effect_size' parameter of {function} must be a positive standardised "
            f"difference (e.g. 0.3). Got {effect_size!r} instead."
        )


def _check_power(pw, alpha, alternative, function):
    least = alpha if alternative == "one-sided" else alpha / 2
    if not isinstance(pw, (int, float)) or not least < pw < 1:
        raise ParameterError(
            f"The 'power' parameter of {function} must be between {least} and 1 (e.g. 0.8). Got {pw!r} instead."
        )


def power(
    *,
    effect_size: float,
    n: float,
    design: str = "independent",
    alpha: float = 0.05,
    alternative: str = "two-sided",
    correlation: float | None = None,
    cluster_size: float | None = None,
    icc: float | None = None,
) -> pd.DataFrame:
    """Power to detect a standardised effect with a given sample size.

    Parameters
    ----------
    effect_size : float
        Standardised effect: Cohen's d (in SDs of the outcome), or :math:`d_z` for a
        paired design without ``correlation``.
    n : float
        Pairs (``"paired"``), respondents per group (``"independent"``) or forces per
        arm (``"cluster"``).
    design : {"paired", "independent", "cluster"}
    alpha : float
        Significance level.
    alternative : {"two-sided", "one-sided"}
    correlation : float, optional
        Paired only: correlation of the outcome between waves; then ``effect_size`` is
        d and is converted to :math:`d_z`.
    cluster_size, icc : float, optional
        Cluster only: respondents surveyed per force and intra-cluster correlation.

    Returns
    -------
    pandas.DataFrame
        One row: ``design``, ``n``, ``n_exact`` (equal to ``n`` here), ``n_total``
        (respondents surveyed), ``effect_size``, ``effect_size_kind`` (``d``/``d_z``),
        ``alpha``, ``power``, ``alternative``, ``correlation``, ``cluster_size``,
        ``icc``, ``design_effect``, ``method``.
    {notes}
    Examples
    --------
    >>> from toolkit.evaluate import power
    >>> power(effect_size=0.5, n=64)["power"].round(4)
    0    0.8015
    Name: power, dtype: float64
    >>> power(effect_size=0.3, n=10, design="cluster", cluster_size=20, icc=0.05)[
    ...     ["n_total", "design_effect", "power"]].round(4)
       n_total  design_effect   power
    0      400           1.95  0.5292
    """
    fn = "power"
    _check(design, alpha, alternative, correlation, cluster_size, icc, fn)
    _check_n(n, design, fn)
    _check_es(effect_size, fn)
    pw = _power(design, n, effect_size, alpha, alternative, correlation, cluster_size, icc)
    return _row(design, n, n, effect_size, alpha, pw, alternative, correlation, cluster_size, icc, "power")


def mdes(
    *,
    n: float,
    power: float = 0.8,
    design: str = "independent",
    alpha: float = 0.05,
    alternative: str = "two-sided",
    correlation: float | None = None,
    cluster_size: float | None = None,
    icc: float | None = None,
) -> pd.DataFrame:
    """Minimum detectable effect size: the smallest standardised effect detected with
    the given power and sample size.

    Parameters
    ----------
    n, design, alpha, alternative, correlation, cluster_size, icc
        As in :func:`power`.
    power : float
        Required power (e.g. 0.8).

    Returns
    -------
    pandas.DataFrame
        As :func:`power`; ``effect_size`` is the minimum detectable effect.
    {notes}
    Examples
    --------
    >>> from toolkit.evaluate import mdes
    >>> mdes(n=30, design="paired")["effect_size"].round(4)
    0    0.5292
    Name: effect_size, dtype: float64
    """
    fn = "mdes"
    target = power
    _check(design, alpha, alternative, correlation, cluster_size, icc, fn)
    _check_n(n, design, fn)
    _check_power(target, alpha, alternative, fn)
    f = lambda es: _power(design, n, es, alpha, alternative, correlation, cluster_size, icc) - target
    hi = 1.0
    while f(hi) < 0:
        hi *= 2
    es = optimize.brentq(f, 1e-9, hi, xtol=1e-12, rtol=1e-12, maxiter=500)
    return _row(
        design, n, n, es, alpha, target, alternative, correlation, cluster_size, icc, "minimum detectable effect"
    )


def sample_size(
    *,
    effect_size: float,
    power: float = 0.8,
    design: str = "independent",
    alpha: float = 0.05,
    alternative: str = "two-sided",
    correlation: float | None = None,
    cluster_size: float | None = None,
    icc: float | None = None,
) -> pd.DataFrame:
    """Sample size needed to detect a standardised effect with the given power.

    Parameters
    ----------
    effect_size, design, alpha, alternative, correlation, cluster_size, icc
        As in :func:`power`.
    power : float
        Required power (e.g. 0.8).

    Returns
    -------
    pandas.DataFrame
        As :func:`power`; ``n`` is rounded up from ``n_exact`` and ``power`` is the
        power achieved with ``n``. For ``"cluster"``, ``n`` is forces per arm; with
        few forces available, raising ``cluster_size`` helps little once
        :math:`m\\rho` is large.
    {notes}
    Examples
    --------
    >>> from toolkit.evaluate import sample_size
    >>> sample_size(effect_size=0.5)[["n", "n_exact", "n_total"]].round(2)
        n  n_exact  n_total
    0  64    63.77      128
    """
    fn = "sample_size"
    target = power
    _check(design, alpha, alternative, correlation, cluster_size, icc, fn)
    _check_es(effect_size, fn)
    _check_power(target, alpha, alternative, fn)
    f = lambda n: _power(design, n, effect_size, alpha, alternative, correlation, cluster_size, icc) - target
    lo = 2.0
    if f(lo) >= 0:
        n_exact = lo
    else:
        hi = 10.0
        while f(hi) < 0:
            hi *= 10
            if hi > 1e9:
                raise ParameterError(
                    f"{fn}: an effect of {effect_size} cannot reach power {target} with any "
                    f"feasible sample in this design (for clusters, the design effect may cap power)."
                )
        n_exact = optimize.brentq(f, lo, hi, xtol=1e-10, rtol=1e-12, maxiter=500)
    n = math.ceil(n_exact - 1e-9)
    achieved = _power(design, n, effect_size, alpha, alternative, correlation, cluster_size, icc)
    return _row(
        design, n, n_exact, effect_size, alpha, achieved, alternative, correlation, cluster_size, icc, "sample size"
    )


for _f in (power, mdes, sample_size):
    _f.__doc__ = (_f.__doc__ or "").replace("    {notes}\n", _NOTES)


PROP_COLUMNS = [
    "design",
    "n",
    "n_exact",
    "n_total",
    "p1",
    "p2",
    "effect_size",
    "effect_size_kind",
    "alpha",
    "power",
    "alternative",
    "method",
]
PROP_METHODS = {"pooled", "arcsine"}


def _prop_power(n, p1, p2, alpha, alternative, method) -> float:
    tails = 2 if alternative == "two-sided" else 1
    qu = stats.norm.isf(alpha / tails)
    if method == "arcsine":  # Cohen's h, as pwr::pwr.2p.test
        h = abs(2 * math.asin(math.sqrt(p1)) - 2 * math.asin(math.sqrt(p2)))
        lam = h * math.sqrt(n / 2)
        upper = float(stats.norm.sf(qu - lam))
        return upper + (float(stats.norm.cdf(-qu - lam)) if tails == 2 else 0.0)
    d = abs(p1 - p2)
    pbar = (p1 + p2) / 2
    v = p1 * (1 - p1) + p2 * (1 - p2)
    s0 = math.sqrt(2 * pbar * (1 - pbar))
    upper = float(stats.norm.cdf((math.sqrt(n) * d - qu * s0) / math.sqrt(v)))
    if tails == 2:  # strict: both rejection tails, as power.prop.test(strict = TRUE)
        upper += float(stats.norm.sf((math.sqrt(n) * d + qu * s0) / math.sqrt(v)))
    return upper


def power_proportions(
    *,
    p1: float,
    p2: float,
    n: float | None = None,
    power: float | None = None,
    alpha: float = 0.05,
    alternative: str = "two-sided",
    method: str = "pooled",
) -> pd.DataFrame:
    """Power, or sample size per group, to detect a difference between two proportions.

    For example the share of officers who reported online abuse to their force, in forces
    with and without a new reporting route. Give ``n`` to get the power, or ``power`` to
    get the sample size.

    Parameters
    ----------
    p1, p2 : float
        The two proportions (strictly between 0 and 1, and different).
    n : float, optional
        Respondents per group.
    power : float, optional
        Required power (e.g. 0.8); exactly one of ``n`` and ``power`` is given.
    alpha : float
        Significance level.
    alternative : {"two-sided", "one-sided"}
    method : {"pooled", "arcsine"}
        ``"pooled"``: the normal-approximation test of two proportions with the pooled
        variance under the null (R ``stats::power.prop.test(strict = TRUE)``).
        ``"arcsine"``: Cohen's :math:`h` with the arcsine transformation (Cohen 1988,
        ch. 6; R ``pwr::pwr.2p.test``).

    Returns
    -------
    pandas.DataFrame
        One row: ``design`` (``"independent"``), ``n`` (per group; rounded up when
        solved), ``n_exact`` (the continuous solution), ``n_total`` (both groups),
        ``p1``, ``p2``, ``effect_size`` (Cohen's :math:`h = 2\\arcsin\\sqrt{p_1} -
        2\\arcsin\\sqrt{p_2}`, reported for both methods), ``effect_size_kind``
        (``"h"``), ``alpha``, ``power`` (achieved with ``n``), ``alternative``,
        ``method``.

    Notes
    -----
    Pooled, with :math:`\\bar p = (p_1+p_2)/2`, :math:`v = p_1(1-p_1)+p_2(1-p_2)`,
    :math:`c = z_{1-\\alpha/2}` (two-sided) or :math:`z_{1-\\alpha}`:
    :math:`1-\\beta = \\Phi\\big((\\sqrt n\\,|p_1-p_2| - c\\sqrt{2\\bar p(1-\\bar p)})/\\sqrt v\\big)`
    plus, two-sided, :math:`1-\\Phi\\big((\\sqrt n\\,|p_1-p_2| + c\\sqrt{2\\bar p(1-\\bar p)})/\\sqrt v\\big)`.
    Arcsine: :math:`\\lambda = |h|\\sqrt{n/2}`,
    :math:`1-\\beta = 1-\\Phi(c-\\lambda)` plus, two-sided, :math:`\\Phi(-c-\\lambda)`.
    Sample sizes are solved on a continuous scale and rounded up.

    References
    ----------
    Cohen, J. (1988). *Statistical power analysis for the behavioral sciences* (2nd ed.),
    ch. 6. Erlbaum. Fleiss, J. L., Levin, B., & Paik, M. C. (2003). *Statistical methods
    for rates and proportions* (3rd ed.), ch. 4. Wiley. R Core Team:
    ``stats::power.prop.test``. Champely, S. (2020). pwr: Basic functions for power
    analysis (``pwr.2p.test``).

    Examples
    --------
    >>> from toolkit.evaluate import power_proportions
    >>> power_proportions(p1=0.5, p2=0.75, n=50)["power"].round(4)
    0    0.7401
    Name: power, dtype: float64
    >>> power_proportions(p1=0.3, p2=0.4, power=0.8)[["n", "n_total"]]
         n  n_total
    0  356      712
    """
    fn = "power_proportions"
    check_choice(alternative, ALTERNATIVES, argument="alternative", function=fn)
    check_choice(method, PROP_METHODS, argument="method", function=fn)
    for name, value in (("p1", p1), ("p2", p2)):
        check_proportion(value, argument=name, function=fn, example=0.3)
    if p1 == p2:
        raise ParameterError(
            f"{fn}: p1 and p2 are both {p1}; there is no difference to detect. "
            "Give the proportion expected in each group."
        )
    check_proportion(alpha, argument="alpha", function=fn, example=0.05)
    if (n is None) == (power is None):
        raise ParameterError(
            f"{fn} needs exactly one of n= (respondents per group: the power is "
            "returned) and power= (the sample size is returned)."
        )
    h = 2 * math.asin(math.sqrt(p1)) - 2 * math.asin(math.sqrt(p2))
    name = "normal approximation, pooled variance" if method == "pooled" else "arcsine (Cohen's h)"
    if n is not None:
        _check_n(n, "independent", fn)
        n_exact, n_out, how = float(n), n, "power"
    else:
        _check_power(power, alpha, alternative, fn)
        target = cast(float, power)  # exactly one of n and power is given (checked above)
        f = lambda m: _prop_power(m, p1, p2, alpha, alternative, method) - target
        lo, hi = 2.0, 10.0
        if f(lo) >= 0:
            n_exact = lo
        else:
            while f(hi) < 0:
                hi *= 10
            n_exact = optimize.brentq(f, lo, hi, xtol=1e-10, rtol=1e-12, maxiter=500)
        n_out, how = math.ceil(n_exact - 1e-9), "sample size"
    achieved = _prop_power(n_out, p1, p2, alpha, alternative, method)
    return pd.DataFrame(
        [
            {
                "design": "independent",
                "n": n_out,
                "n_exact": n_exact,
                "n_total": 2 * n_out,
                "p1": float(p1),
                "p2": float(p2),
                "effect_size": float(h),
                "effect_size_kind": "h",
                "alpha": float(alpha),
                "power": float(achieved),
                "alternative": alternative,
                "method": f"{how} for a test of two proportions ({name})",
            }
        ],
        columns=PROP_COLUMNS,
    )
