"""Every evaluation result in one table: multiplicity-adjusted p-values, direction and
size of each effect, and a plain-language strength-of-evidence label."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from statsmodels.stats.multitest import multipletests

from toolkit.errors import DataWarning, ParameterError, check_choice, check_proportion

__all__ = ["evidence_table"]

COLUMNS = [
    "result",
    "outcome",
    "term",
    "estimate",
    "ci_low",
    "ci_high",
    "direction",
    "effect_size",
    "effect_size_ci_low",
    "effect_size_ci_high",
    "effect_size_kind",
    "size",
    "p",
    "p_adj",
    "strength",
    "caveat",
    "n",
    "method",
]

#: Cohen (1988) benchmarks for |effect size|: (small, medium, large)
BENCHMARKS = {
    "d": (0.2, 0.5, 0.8),
    "d_z": (0.2, 0.5, 0.8),
    "d_av": (0.2, 0.5, 0.8),
    "g_av": (0.2, 0.5, 0.8),
    "hedges_g": (0.2, 0.5, 0.8),
    "g": (0.2, 0.5, 0.8),
    "smd": (0.2, 0.5, 0.8),
    "rank_biserial": (0.1, 0.3, 0.5),
    "r": (0.1, 0.3, 0.5),
    "cliffs_delta": (0.147, 0.33, 0.474),
}
BEFORE_AFTER_CAVEAT = (
    "before-and-after comparison without a comparison group: the change may have other causes than the intervention"
)


def _size(es, kind) -> str | float:
    if not np.isfinite(es) or kind not in BENCHMARKS:
        return np.nan
    small, medium, large = BENCHMARKS[kind]
    a = abs(es)
    return "negligible" if a < small else "small" if a < medium else "medium" if a < large else "large"


def _collect(results) -> pd.DataFrame:
    if isinstance(results, pd.DataFrame):
        items = [(None, results)]
    elif isinstance(results, dict):
        items = list(results.items())
    elif isinstance(results, (list, tuple)):
        items = [(None, r) for r in results]
    else:
        raise ParameterError(
            "The 'results' parameter of evidence_table must be a dict of name -> result "
            f"table, a list of result tables, or one DataFrame. Got {type(results).__name__}."
        )
    if not items:
        raise ParameterError("The 'results' parameter of evidence_table is empty: pass at least one result.")
    frames = []
    for i, (name, frame) in enumerate(items):
        label = name if name is not None else f"result {i + 1}"
        if not isinstance(frame, pd.DataFrame):
            raise ParameterError(
                f"Result {label!r} passed to evidence_table is a {type(frame).__name__}, "
                f"not a DataFrame returned by pre_post, did, its ..."
            )
        missing = [c for c in ("estimate", "p") if c not in frame.columns]
        if missing:
            raise ParameterError(
                f"Result {label!r} passed to evidence_table has no column(s) {missing}; "
                f"its columns are {list(frame.columns)}. Pass the tidy table returned by "
                f"an estimator (with 'estimate' and 'p')."
            )
        f = frame.copy()
        if name is not None or "result" not in f.columns:
            f["result"] = label
        f["_before_after"] = {"mean_pre", "mean_post"} <= set(frame.columns)
        frames.append(f)
    return pd.concat(frames, ignore_index=True)


def evidence_table(results, *, correction: str = "holm", alpha: float = 0.05) -> pd.DataFrame:
    """Gather evaluation results into one table with adjusted p-values and evidence labels.

    Parameters
    ----------
    results : dict, list or DataFrame
        Tidy result tables (from :func:`pre_post`, ``did``, ``its``, :func:`mixed_model`
        ...), keyed by a name for the result. Each needs ``estimate`` and ``p``; used when
        present: ``outcome``, ``term``, ``ci_low``, ``ci_high``, ``effect_size``,
        ``effect_size_ci_low``, ``effect_size_ci_high``, ``effect_size_kind``, ``n``,
        ``method``. Every row with a p-value belongs to the family adjusted together:
        pass the confirmatory results only. Rows without a p-value (variance components,
        ...) are left out with a warning.
    correction : {"holm", "fdr_bh", "bonferroni", "none"}
        Holm (family-wise error, default), Benjamini-Hochberg (false discovery rate),
        Bonferroni, or no adjustment.
    alpha : float
        Threshold of "weak evidence" for the adjusted p-value.

    Returns
    -------
    pandas.DataFrame
        One row per result row, columns:

        - ``result``, ``outcome``, ``term``: identifiers (missing when not given).
        - ``estimate``, ``ci_low``, ``ci_high``: effect in the outcome's units
          (unadjusted interval as given by the estimator).
        - ``direction``: ``"increase"``, ``"decrease"`` or ``"no change"`` (sign of
          ``estimate``).
        - ``effect_size``, ``effect_size_ci_low``, ``effect_size_ci_high``,
          ``effect_size_kind``; ``size``: ``"negligible"``, ``"small"``, ``"medium"``,
          ``"large"`` by Cohen's benchmarks (missing for kinds without benchmarks).
        - ``p``, ``p_adj`` (adjusted by ``correction``).
        - ``strength``: ``"strong evidence"``, ``"moderate evidence"``,
          ``"weak evidence"`` or ``"no clear evidence"`` (rules below).
        - ``caveat``: what the label does not say (e.g. before-and-after without a
          comparison group), empty when none.
        - ``n``, ``method``.

        ``attrs``: ``correction``, ``alpha``, ``n_tests`` (nothing is inherited from the
        input tables' ``attrs``).

    Notes
    -----
    Adjusted p-values: statsmodels ``multipletests`` (Holm 1979: step-down
    :math:`\\tilde p_{(i)} = \\max_{j\\le i} \\min(1, (m-j+1)p_{(j)})`; Benjamini &
    Hochberg 1995: step-up :math:`\\tilde p_{(i)} = \\min_{j\\ge i} \\min(1, m p_{(j)}/j)`),
    identical to R's ``p.adjust``.

    Strength label, deliberately conservative:

    1. **no clear evidence** if ``p_adj >= alpha``, or the interval
       ``[ci_low, ci_high]`` (when given) contains 0.
    2. otherwise by ``p_adj``: below 0.001 **strong evidence**, below 0.01
       **moderate evidence**, below ``alpha`` **weak evidence**;
    3. capped at **weak evidence** when the standardised effect is negligible
       (``size == "negligible"``: \\|d\\| < 0.2 or \\|r\\| < 0.1): a clear but tiny change;
    4. lowered one step when the effect-size interval (when given) reaches into the
       negligible band (its bound nearest zero is below the "small" benchmark): the
       data cannot rule out a negligible effect.

    The label grades the statistical evidence of a change, not its cause; read it with
    ``caveat``, the design and the data quality.

    References
    ----------
    Holm, S. (1979). A simple sequentially rejective multiple test procedure. *Scand. J.
    Stat.*, 6, 65-70. Benjamini, Y., & Hochberg, Y. (1995). Controlling the false
    discovery rate. *JRSS B*, 57, 289-300. Cohen, J. (1988). *Statistical power analysis
    for the behavioral sciences* (2nd ed.). Erlbaum.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.evaluate import evidence_table, pre_post
    >>> sleep = pd.DataFrame({
    ...     "id": list(range(1, 11)) * 2, "drug": [1] * 10 + [2] * 10,
    ...     "extra": [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0,
    ...               1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]})
    >>> res = {"sleep (t)": pre_post(sleep, outcome="extra", time="drug", subject="id"),
    ...        "sleep (rank)": pre_post(sleep, outcome="extra", time="drug", subject="id", test="rank")}
    >>> tab = evidence_table(res)
    >>> tab[["result", "direction", "size", "p_adj", "strength"]].round(4)
             result direction   size   p_adj           strength
    0     sleep (t)  increase  large      0.0057  moderate evidence
    1  sleep (rank)  increase  large      0.0091  moderate evidence
    """
    fn = "evidence_table"
    check_choice(correction, {"holm", "fdr_bh", "bonferroni", "none"}, argument="correction", function=fn)
    check_proportion(alpha, argument="alpha", function=fn, example=0.05)
    data = _collect(results)
    for col in COLUMNS:
        if col not in data.columns:
            data[col] = np.nan
    p = pd.to_numeric(data["p"], errors="coerce")
    no_p = p.isna()
    if no_p.any():
        left = data.loc[no_p, ["result", "term"]].astype(str).agg(" ".join, axis=1).tolist()
        warnings.warn(
            DataWarning(
                f"{fn}: {int(no_p.sum())} row(s) without a p-value left out: {left[:10]}.",
                n_excluded=int(no_p.sum()),
                reason="no p-value",
            ),
            stacklevel=2,
        )
        data, p = data[~no_p].reset_index(drop=True), p[~no_p].reset_index(drop=True)
    if ((p < 0) | (p > 1)).any():
        bad = data.loc[(p < 0) | (p > 1), "result"].tolist()
        raise ParameterError(f"{fn}: p-values must lie in [0, 1]; results {bad} have values outside.")
    if correction == "none":
        p_adj = p.to_numpy(float)
    else:
        p_adj = multipletests(p.to_numpy(float), method=correction)[1]
    data["p"] = p.to_numpy(float)
    data["p_adj"] = p_adj
    est = pd.to_numeric(data["estimate"], errors="coerce").to_numpy(float)
    direction = np.full(len(est), None, dtype=object)  # None where there is no estimate
    direction[est > 0], direction[est < 0], direction[est == 0] = "increase", "decrease", "no change"
    data["direction"] = direction
    es = pd.to_numeric(data["effect_size"], errors="coerce").to_numpy(float)
    data["size"] = [_size(e, k) for e, k in zip(es, data["effect_size_kind"])]
    data["strength"] = [_strength(r, alpha) for r in data.itertuples(index=False)]
    data["caveat"] = np.where(data["_before_after"].astype(bool), BEFORE_AFTER_CAVEAT, "")
    out = data[COLUMNS].copy()
    for col in ["estimate", "ci_low", "ci_high", "effect_size", "effect_size_ci_low", "effect_size_ci_high", "n"]:
        out[col] = pd.to_numeric(out[col], errors="coerce").astype(float)
    out.attrs = {"correction": correction, "alpha": alpha, "n_tests": len(out)}
    return out


LEVELS = ["no clear evidence", "weak evidence", "moderate evidence", "strong evidence"]


def _strength(row, alpha) -> str:
    lo, hi = _f(row.ci_low), _f(row.ci_high)
    if row.p_adj >= alpha or (np.isfinite(lo) and np.isfinite(hi) and lo <= 0 <= hi):
        return LEVELS[0]
    level = 3 if row.p_adj < 0.001 else 2 if row.p_adj < 0.01 else 1
    if row.size == "negligible":
        level = min(level, 1)
    kind = row.effect_size_kind
    es_lo, es_hi = _f(row.effect_size_ci_low), _f(row.effect_size_ci_high)
    if kind in BENCHMARKS and np.isfinite(es_lo) and np.isfinite(es_hi):
        nearest = min(abs(es_lo), abs(es_hi)) if es_lo * es_hi > 0 else 0.0
        if nearest < BENCHMARKS[kind][0]:
            level = max(1, level - 1)
    return LEVELS[level]


def _f(x) -> float:
    try:
        return float(x)
    except (TypeError, ValueError):
        return float("nan")
