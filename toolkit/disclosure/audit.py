"""Audit of a suppression pattern: the interval an intruder can derive for each
suppressed cell from everything that is published.

For each suppressed cell the audit solves two linear programmes, minimising and
maximising the cell subject to the table's additivity (every published cell and
total fixed at its value, every suppressed cell non-negative). This is the
attacker model of Hundepool et al. (2012, section 4.2.2); a cell whose interval
is a single point is disclosed, whatever the pattern looks like.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.optimize import linprog

from toolkit.disclosure.extended import line_constraints


def intervals(extended: np.ndarray, suppressed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper feasible value of every suppressed cell of an extended table.

    Returns two arrays shaped like ``extended`` (NaN where the cell is published;
    ``inf`` as upper bound when nothing bounds the cell).

    >>> ext = np.array([[5, 20, 25], [15, 30, 45], [20, 50, 70]])
    >>> sup = np.zeros(ext.shape, bool); sup[0, 0] = sup[0, 1] = sup[1, 0] = sup[1, 1] = True
    >>> lo, hi = intervals(ext, sup)
    >>> float(lo[0, 0]), float(hi[0, 0])
    (0.0, 20.0)
    """
    extended = np.asarray(extended, dtype=float)
    suppressed = np.asarray(suppressed, dtype=bool)
    lower = np.full(extended.shape, np.nan)
    upper = np.full(extended.shape, np.nan)
    flat = suppressed.ravel()
    if not flat.any():
        return lower, upper
    A = line_constraints(extended.shape)
    a_unknown = A[:, flat]
    b = -A[:, ~flat] @ extended.ravel()[~flat]
    keep = np.abs(a_unknown).sum(axis=1) > 0
    a_unknown, b = a_unknown[keep], b[keep]
    n = int(flat.sum())
    lo = np.empty(n)
    hi = np.empty(n)
    for k in range(n):
        c = np.zeros(n)
        c[k] = 1.0
        res_min = linprog(c, A_eq=a_unknown, b_eq=b, bounds=(0, None), method="highs")
        res_max = linprog(-c, A_eq=a_unknown, b_eq=b, bounds=(0, None), method="highs")
        lo[k] = res_min.fun if res_min.status == 0 else np.nan
        hi[k] = -res_max.fun if res_max.status == 0 else (np.inf if res_max.status == 3 else np.nan)
    lower.ravel()[flat] = lo
    upper.ravel()[flat] = hi
    return lower, upper


def protection_intervals(result) -> pd.DataFrame:
    """The interval an intruder can derive for each suppressed cell of a result.

    Parameters
    ----------
    result : SuppressionResult
        The output of :func:`suppress`, :func:`suppress_by_counts` or
        :func:`suppress_long`.

    Returns
    -------
    pandas.DataFrame
        One row per suppressed cell (totals included), columns:

        - ``row``, ``column``: labels of the cell (``margins_name`` for totals)
        - ``value``: the true count (never publish this table)
        - ``lower``, ``upper``: smallest and largest value the cell can take
          given every published cell and total
        - ``width``: ``upper - lower``; zero would mean the cell is disclosed

    Notes
    -----
    For suppressed cell :math:`x_k`, ``lower`` = :math:`\\min x_k` and ``upper`` =
    :math:`\\max x_k` subject to :math:`A x = b`, :math:`x \\ge 0`, where :math:`A x = b`
    are the additivity constraints of the table with published cells moved to
    :math:`b`. The linear relaxation ignores integrality, so the true integer
    interval may be slightly narrower (never wider).

    References
    ----------
    Hundepool, A., Domingo-Ferrer, J., Franconi, L., Giessing, S., Schulte Nordholt, E.,
    Spicer, K. & de Wolf, P.-P. (2012). *Statistical Disclosure Control*. Wiley,
    section 4.2.2 (feasibility intervals).

    Examples
    --------
    Hand check: with a = F01/A, the published totals give b = 33 - a, c = 28 - a,
    d = 25 + a, so a can be anything from 0 to 28 (c >= 0).

    >>> import pandas as pd
    >>> from toolkit.disclosure import suppress, protection_intervals
    >>> t = pd.DataFrame({"A": [3, 40, 25], "B": [30, 35, 28]}, index=["F01", "F02", "F03"])
    >>> protection_intervals(suppress(t))[["row", "column", "value", "lower", "upper"]]
       row column  value  lower  upper
    0  F01      A    3.0    0.0   28.0
    1  F01      B   30.0    5.0   33.0
    2  F03      A   25.0    0.0   28.0
    3  F03      B   28.0   25.0   53.0
    """
    rec = result.record
    rec = rec[rec["action"].isin(["primary", "secondary"])]
    out = rec[["row", "column", "value", "lower", "upper"]].reset_index(drop=True)
    out["width"] = out["upper"] - out["lower"]
    return out
