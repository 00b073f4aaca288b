"""Survey weights by raking (iterative proportional fitting) to population margins."""

from __future__ import annotations

import numpy as np
import pandas as pd

from toolkit.errors import (
    ConvergenceError,
    DataValidationError,
    ParameterError,
    check_columns,
)
from toolkit.survey._inputs import _level_label, weight_values

__all__ = ["rake"]

_PROPORTION_TOL = 1e-6


def rake(
    data: pd.DataFrame,
    margins: dict,
    *,
    weight: str | None = None,
    total: float | None = None,
    trim: tuple[float, float] | None = None,
    max_iter: int = 1000,
    tol: float = 1e-10,
) -> pd.Series:
    """Rake survey weights so that weighted totals match known population margins.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent.
    margins : dict
        Maps a column to its population distribution, ``{level: share}``, e.g.
        ``{"gender": {1: 0.52, 2: 0.48}, "role": {1: 0.6, 2: 0.4}}`` (a force's
        workforce profile). Shares are proportions (summing to 1) or counts (every
        margin then has the same total, the population size). Keys are matched to the
        data's values (``1`` matches ``1``, ``1.0`` and ``"1"``). Every level present in
        the data must have a share and every level named must occur in the data.
    weight : str, optional
        Column of base (design) weights; equal weights when omitted.
    total : float, optional
        Sum of the raked weights. Default: the margins' total when they are counts,
        otherwise the sum of the base weights (the number of respondents without
        ``weight``), so that weights average 1.
    trim : tuple of float, optional
        ``(lower, upper)`` bounds on each weight relative to the mean weight, e.g.
        ``(0.2, 5)``. Weights are clipped after each raking sweep and raking repeats
        until both the margins and the bounds hold.
    max_iter : int, default 1000
        Maximum number of sweeps over the margins.
    tol : float, default 1e-10
        Convergence criterion: largest absolute difference between a weighted margin
        and its target, relative to ``total``.

    Returns
    -------
    pandas.Series
        Float weights named ``"weight"``, aligned to ``data.index``. ``attrs`` holds
        ``converged`` (bool), ``iterations``, ``max_margin_error`` (relative to the
        total), ``total``, ``n``, ``design_effect`` (Kish's design effect due to
        weighting), ``effective_n`` (Kish's effective sample size), ``n_trimmed``
        (weights sitting at a trimming bound) and ``margins`` (the targets used, as
        totals).

    Raises
    ------
    ColumnNotFoundError
        A margin names a column absent from ``data``.
    ParameterError
        A margin's proportions do not sum to 1, counts differ in total between
        margins, a share is negative, or a level named is absent from the data.
    DataValidationError
        A margin column has missing values or levels without a population share.
    ConvergenceError
        The margins (and trimming bounds) cannot be met within ``max_iter`` sweeps.

    Notes
    -----
    Raking (Deming & Stephan 1940) cycles through the margins; for margin :math:`m`
    with level :math:`l` and target total :math:`T_{ml}` each weight in level
    :math:`l` is multiplied by :math:`T_{ml} / \\sum_{i \\in l} w_i`. The fixed point is
    the same as that of R's ``survey::rake`` (tests agree to 1e-8).

    Kish's design effect due to unequal weights is
    :math:`\\mathrm{deff} = n \\sum w_i^2 / (\\sum w_i)^2 = 1 + \\mathrm{CV}^2(w)`, and the
    effective sample size is :math:`n_\\mathrm{eff} = (\\sum w_i)^2 / \\sum w_i^2 = n / \\mathrm{deff}`.

    References
    ----------
    Deming, W. E. & Stephan, F. F. (1940). On a least squares adjustment of a sampled
    frequency table when the expected marginal totals are known. *Annals of
    Mathematical Statistics*, 11, 427-444.

    Kish, L. (1992). Weighting for unequal Pi. *Journal of Official Statistics*, 8, 183-200.

    Lumley, T. (2010). *Complex Surveys: A Guide to Analysis Using R*. Wiley, ch. 7.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.survey import rake
    >>> df = pd.DataFrame({"gender": [1, 1, 1, 2, 2], "role": [1, 2, 1, 1, 2]})
    >>> w = rake(df, {"gender": {1: 0.5, 2: 0.5}, "role": {1: 0.5, 2: 0.5}})
    >>> w.round(3).tolist()
    [0.732, 1.036, 0.732, 1.036, 1.464]
    >>> round(w.attrs["design_effect"], 3), w.attrs["converged"]
    (1.072, True)
    """
    if not isinstance(margins, dict) or not margins:
        raise ParameterError(
            "The 'margins' parameter of rake must be a non-empty dict mapping a column to "
            "{level: share}, e.g. {'gender': {1: 0.52, 2: 0.48}}. Got "
            f"{type(margins).__name__} instead."
        )
    check_columns(data, list(margins), argument="margins")
    if len(data) == 0:
        raise ParameterError("rake was given an empty data set (0 rows).")
    if max_iter < 1 or tol <= 0:
        raise ParameterError(f"rake needs max_iter >= 1 and tol > 0. Got max_iter={max_iter!r}, tol={tol!r}.")
    base = weight_values(data, weight)
    w = np.ones(len(data)) if base is None else base.copy()

    kinds, shares = {}, {}
    for col, dist in margins.items():
        kinds[col], shares[col] = _check_margin(col, dist)
    count_totals = {c: sum(shares[c].values()) for c in margins if kinds[c] == "counts"}
    if count_totals:
        first = next(iter(count_totals.values()))
        if any(abs(t - first) > 1e-6 * first for t in count_totals.values()):
            raise ParameterError(
                f"The count margins have different totals {count_totals}; counts for every "
                "margin must add up to the same population size (or give proportions)."
            )
    if total is None:
        total = first if count_totals else float(w.sum())
    if not (np.isfinite(total) and total > 0):
        raise ParameterError(f"The 'total' parameter of rake must be positive. Got {total!r} instead.")

    codes, targets = [], []
    for col in margins:
        c, t = _encode(data, col, shares[col], total)
        codes.append(c)
        targets.append(t)
    for c, t, col in zip(codes, targets, margins):
        have = np.bincount(c, weights=w, minlength=len(t))
        empty = (have <= 0) & (t > 0)
        if empty.any():
            raise ParameterError(
                f"The margin for '{col}' asks for a positive total in level(s) "
                f"{[lvl for lvl, e in zip(shares[col], empty) if e]} where every base weight "
                "is zero; such a margin cannot be reached. Give those rows positive weights."
            )

    if trim is not None and not (isinstance(trim, (tuple, list)) and len(trim) == 2 and 0 <= trim[0] < 1 < trim[1]):
        raise ParameterError(
            "The 'trim' parameter of rake must be (lower, upper) relative to the mean weight "
            f"with 0 <= lower < 1 < upper, e.g. (0.2, 5). Got {trim!r} instead."
        )
    converged, error, it, n_trim = False, np.inf, 0, 0
    for it in range(1, max_iter + 1):
        for c, t in zip(codes, targets):
            have = np.bincount(c, weights=w, minlength=len(t))
            factor = np.divide(t, have, out=np.zeros_like(t), where=have > 0)
            w *= factor[c]
        in_bounds = True
        if trim is not None:
            mean = w[w > 0].mean() if (w > 0).any() else 0.0
            lo, hi = trim[0] * mean, trim[1] * mean
            pos = w > 0
            clipped = np.clip(w, lo, hi)
            moved = pos & (np.abs(clipped - w) > tol * max(mean, 1e-300))
            in_bounds = not moved.any()
            w = np.where(pos, clipped, w)
        error = max(
            np.abs(np.bincount(c, weights=w, minlength=len(t)) - t).max() / total for c, t in zip(codes, targets)
        )
        if error < tol and in_bounds:
            converged = True
            break
    if not converged:
        raise ConvergenceError(
            f"rake did not converge in {max_iter} sweeps: the weighted margins still differ "
            f"from their targets by up to {error:.3g} of the total"
            + (" (or weights sit outside the trimming bounds)" if trim is not None else "")
            + ". Check that the margins are consistent with each other and with the data "
            "(e.g. a level with very few respondents), widen 'trim', or raise 'max_iter'."
        )
    if trim is not None:
        mean = w[w > 0].mean()
        n_trim = int((np.isclose(w, trim[0] * mean, rtol=1e-6) | np.isclose(w, trim[1] * mean, rtol=1e-6)).sum())
    out = pd.Series(w, index=data.index, name="weight", dtype="float64")
    n = len(w)
    ssq = float((w**2).sum())
    out.attrs.update(
        converged=True,
        iterations=it,
        max_margin_error=float(error),
        total=float(total),
        n=n,
        design_effect=n * ssq / float(w.sum()) ** 2,
        effective_n=float(w.sum()) ** 2 / ssq,
        n_trimmed=n_trim,
        margins={col: dict(zip(shares[col], t.tolist())) for col, t in zip(margins, targets)},
    )
    return out


def _check_margin(col: str, dist) -> tuple[str, dict]:
    if isinstance(dist, pd.Series):
        dist = dist.to_dict()
    if not isinstance(dist, dict) or not dist:
        raise ParameterError(f"The margin for '{col}' must be a non-empty dict {{level: share}}. Got {dist!r} instead.")
    vals = {}
    for k, v in dist.items():
        try:
            v = float(v)
        except (TypeError, ValueError):
            v = np.nan
        if not np.isfinite(v) or v < 0:
            raise ParameterError(
                f"The margin for '{col}' gives level {k!r} the share {dist[k]!r}; expected a "
                "non-negative number (a proportion or a count)."
            )
        vals[k] = v
    s = sum(vals.values())
    if all(v <= 1 for v in vals.values()):
        if abs(s - 1) > _PROPORTION_TOL:
            raise ParameterError(
                f"The proportions in the margin for '{col}' sum to {s:.6g}, not 1. Correct "
                "them (every level of the population must be listed) or give counts."
            )
        return "proportions", vals
    return "counts", vals


def _encode(data: pd.DataFrame, col: str, shares: dict, total: float):
    s = data[col]
    if s.isna().any():
        rows = [str(i) for i in s.index[s.isna().to_numpy()][:5]]
        raise _margin_error(
            col,
            "missing",
            f"has {int(s.isna().sum())} missing value(s) (rows {', '.join(rows)})",
            "a level for every respondent",
            "Raking needs every respondent's level: add a level such as 'Prefer not to say' to "
            "the margin (with its population share) or impute.",
        )
    keys = {_level_label(k): k for k in shares}
    raw, uniques = pd.factorize(s)
    uniq_labels = np.array([_level_label(u) for u in uniques], dtype=object)
    present = pd.unique(uniq_labels)
    absent = [keys[k] for k in keys if k not in set(present)]
    if absent:
        raise ParameterError(
            f"The margin for '{col}' names level(s) {absent} that do not occur in column "
            f"'{col}'. Levels in the data: {sorted(map(str, present))}. Remove those levels "
            "(and rescale the shares) or collapse them with a neighbouring level."
        )
    extra = [p for p in present if p not in keys]
    if extra:
        raise _margin_error(
            col,
            extra,
            "has level(s) without a population share in the margin",
            f"one of {list(keys)}",
            "Add those levels to the margin with their population shares, or recode them.",
        )
    order = list(keys)
    code = pd.Index(order).get_indexer(uniq_labels)[raw]  # each distinct value looked up once
    t = np.array([shares[keys[k]] for k in order], dtype=float)
    t = t / t.sum() * total
    return code, t


def _margin_error(col, value, problem, expected, fix) -> DataValidationError:
    report = pd.DataFrame(
        {
            "file": [""],
            "row": [None],
            "column": [col],
            "value": [repr(value)],
            "problem": [problem],
            "expected": [expected],
            "severity": ["error"],
        }
    )
    return DataValidationError(report, f"Column '{col}' {problem}: found {value!r}; expected {expected}. {fix}")
