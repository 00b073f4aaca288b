"""Empirical-Bayes (shrunken) force prevalences, beside the direct ones.

A small force's direct proportion is noisy; the empirical-Bayes estimate borrows strength
from the other forces by pulling it towards the national mean, the more the smaller the
force. It is a *model-based* estimate (forces exchangeable, normal on the logit scale) and
must be labelled so wherever it is shown: the direct estimate stays the headline figure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import optimize, stats

from toolkit.errors import (
    DesignError,
    ParameterError,
    check_ci,
    check_columns,
    check_threshold,
    warn_excluded,
)
from toolkit.survey._inputs import (
    binary_values,
    group_codes,
    group_order,
    require_rows,
)

__all__ = ["shrink_forces"]

COLUMNS = [
    "outcome",
    "by",
    "group",
    "direct",
    "estimate",
    "ci_low",
    "ci_high",
    "se_logit",
    "shrinkage",
    "n",
    "n_events",
    "method",
    "suppress",
]


def _reml_tau2(y: np.ndarray, v: np.ndarray) -> float:
    """REML between-force variance of the random-effects model y_i ~ N(mu, v_i + tau2)."""

    def nll(t):
        w = 1.0 / (v + t)
        mu = np.sum(w * y) / np.sum(w)
        return np.sum(np.log(v + t)) + np.log(np.sum(w)) + np.sum(w * (y - mu) ** 2)

    upper = 10.0 * float(np.var(y)) + 10.0 * float(v.max()) + 1.0
    res = optimize.minimize_scalar(
        nll, bounds=(0.0, upper), method="bounded", options={"xatol": 1e-13, "maxiter": 2000}
    )
    t = float(res.x)
    return 0.0 if nll(0.0) <= nll(t) else t


def shrink_forces(
    data: pd.DataFrame,
    *,
    outcome: str,
    by: str = "force",
    ci: float = 0.95,
    threshold: int = 10,
) -> pd.DataFrame:
    """Empirical-Bayes (random-effects) shrinkage estimate of each force's prevalence.

    Model-based and clearly labelled (``method``): show it beside the direct estimate
    (e.g. for small forces), never in place of it.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent.
    outcome : str
        A binary (0/1) column; missing answers are excluded with a warning.
    by : str, default "force"
        The force column (at least 3 forces).
    ci : float, default 0.95
        Level of the prediction interval, in ``attrs["ci"]``.
    threshold : int, default 10
        ``suppress`` is True when ``n``, ``n_events`` or ``n - n_events`` is below it.

    Returns
    -------
    pandas.DataFrame
        One row per force:

        - ``outcome``, ``by``, ``group``.
        - ``direct``: the force's own proportion :math:`r_i / n_i` (unweighted).
        - ``estimate``: the shrunken proportion, :math:`\\mathrm{expit}(\\tilde\\theta_i)`.
        - ``ci_low``, ``ci_high``: its prediction interval, back-transformed.
        - ``se_logit``: the standard error of :math:`\\tilde\\theta_i` (logit scale).
        - ``shrinkage``: :math:`\\lambda_i`, the weight of the force's own data (1 = none).
        - ``n``, ``n_events``: respondents with an answer, and with the outcome.
        - ``method``: ``"empirical Bayes (model-based): ..."``.
        - ``suppress``.

        ``attrs``: ``ci``, ``tau2`` (between-force variance, logit scale), ``mu`` (the
        pooled logit).

    Notes
    -----
    With :math:`y_i = \\log\\{(r_i + c_i)/(n_i - r_i + c_i)\\}`, :math:`v_i = 1/(r_i + c_i) +
    1/(n_i - r_i + c_i)` (:math:`c_i = 1/2` if :math:`r_i` is 0 or :math:`n_i`, else 0) and
    :math:`y_i \\sim N(\\mu, v_i + \\tau^2)`, :math:`\\tau^2` is estimated by REML,
    :math:`w_i = 1/(v_i + \\tau^2)`, :math:`\\hat\\mu = \\sum w_i y_i / \\sum w_i` and the
    best linear unbiased predictor is

    .. math:: \\tilde\\theta_i = \\lambda_i y_i + (1 - \\lambda_i)\\hat\\mu, \\quad
              \\lambda_i = \\frac{\\tau^2}{\\tau^2 + v_i}, \\quad
              \\widehat V(\\tilde\\theta_i) = \\lambda_i v_i + (1 - \\lambda_i)^2 / \\textstyle\\sum w_i,

    with interval :math:`\\tilde\\theta_i \\pm z\\,\\mathrm{se}`, as R ``metafor``
    ``blup(rma(measure = "PLO", xi = r, ni = n, method = "REML"))``. Counts are of
    respondents (unweighted), as in :func:`toolkit.survey.funnel`. When
    :math:`\\hat\\tau^2 = 0` every force gets the pooled proportion.

    References
    ----------
    Efron, B. & Morris, C. (1975). Data analysis using Stein's estimator and its
    generalizations. *JASA*, 70, 311-319.

    Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor package.
    *Journal of Statistical Software*, 36(3).

    Examples
    --------
    >>> from toolkit.synth.survey import make_survey
    >>> survey, _ = make_survey(20240301, n_per_wave=800)
    >>> res = shrink_forces(survey[survey["wave"] == 2], outcome="reported")
    >>> res[["group", "n", "direct", "estimate", "shrinkage"]].head(3).round(3)
      group   n  direct  estimate  shrinkage
    0   F01  30   0.600     0.562      0.415
    1   F02  38   0.526     0.530      0.483
    2   F03  29   0.793     0.627      0.319
    """
    function = "shrink_forces"
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(
            f"The 'data' parameter of {function} must be a pandas DataFrame. Got {type(data).__name__} instead."
        )
    for argument, value in (("outcome", outcome), ("by", by)):
        if not isinstance(value, str):
            raise ParameterError(
                f"The '{argument}' parameter of {function} must be one column name (a string). Got {value!r} instead."
            )
    check_columns(data, [outcome], argument="outcome")
    check_columns(data, [by], argument="by")
    require_rows(data, function=function)
    level = check_ci(ci, function=function)
    threshold = check_threshold(threshold, function=function, allow_low=True)
    y = binary_values(data, outcome).to_numpy()
    codes, labels = group_codes(data, [by])
    keep = ~np.isnan(y) & (codes >= 0)
    warn_excluded(int((~keep).sum()), f"missing value in '{outcome}' or '{by}'", function=function)
    order = group_order(data, [by], pd.Series(labels[codes[keep]], dtype=object))
    g = pd.Index(order).get_indexer(labels[codes[keep]])
    k = len(order)
    if k < 3:
        raise DesignError(
            f"{function} needs at least 3 forces in column '{by}' with answers to '{outcome}'; found {k}."
        )
    n = np.bincount(g, minlength=k).astype(float)
    r = np.bincount(g, weights=y[keep], minlength=k)
    c = np.where((r == 0) | (r == n), 0.5, 0.0)
    yi = np.log((r + c) / (n - r + c))
    vi = 1.0 / (r + c) + 1.0 / (n - r + c)
    tau2 = _reml_tau2(yi, vi)
    w = 1.0 / (vi + tau2)
    mu = float(np.sum(w * yi) / np.sum(w))
    lam = tau2 / (tau2 + vi)
    pred = lam * yi + (1 - lam) * mu
    se = np.sqrt(lam * vi + (1 - lam) ** 2 / np.sum(w))
    z = stats.norm.ppf(0.5 + level / 2)
    expit = lambda x: 1.0 / (1.0 + np.exp(-x))
    res = pd.DataFrame(
        {
            "outcome": outcome,
            "by": by,
            "group": np.array(order, dtype=object),
            "direct": r / n,
            "estimate": expit(pred),
            "ci_low": expit(pred - z * se),
            "ci_high": expit(pred + z * se),
            "se_logit": se,
            "shrinkage": lam,
            "n": n.astype("int64"),
            "n_events": r.astype("int64"),
            "method": "empirical Bayes (model-based): random-effects logit, REML, BLUP",
            "suppress": (n < threshold) | (r < threshold) | (n - r < threshold),
        },
        columns=COLUMNS,
    )
    res.attrs.update({"ci": level, "tau2": tau2, "mu": mu})
    return res
