"""Callaway & Sant'Anna (2021) group-time average treatment effects, without covariates."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

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
from toolkit.evaluate._did_validate import Panel, prepare_panel

AGGREGATIONS = {"simple", "dynamic", "group", "none"}
COLUMNS = [
    "term",
    "aggregation",
    "group",
    "time",
    "event_time",
    "estimate",
    "se",
    "ci_low",
    "ci_high",
    "statistic",
    "p",
    "n",
    "method",
]


def _wide(panel: Panel, function: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, str]:
    """Units x periods matrix of (cell-mean) outcomes of a balanced panel."""
    cells = pd.DataFrame({"u": panel.unit, "t": panel.time, "y": panel.y})
    counts = cells.groupby(["u", "t"]).size()
    note = ""
    if counts.max() > 1:
        note = f" (outcome averaged within unit and period: {len(cells)} rows into {len(counts)} cells)"
    Y = cells.groupby(["u", "t"])["y"].mean().unstack()
    T = len(panel.time_levels)
    Y = Y.reindex(columns=range(T))
    complete = Y.notna().all(axis=1).to_numpy()
    keep_units = Y.index.to_numpy()[complete]
    if not complete.all():
        lost = [panel.unit_levels[u] for u in Y.index.to_numpy()[~complete]]
        n_rows = int(np.sum(np.isin(panel.unit, Y.index.to_numpy()[~complete])))
        warnings.warn(
            DataWarning(
                f"{function}: {len(lost)} unit(s) not observed in every period were left out "
                f"({n_rows} row(s); balanced panel needed), e.g. {lost[:5]}.",
                n_excluded=n_rows,
                reason="unit not observed in every period",
            ),
            stacklevel=4,
        )
    Ym = Y.to_numpy()[complete]
    adopt = panel.adopt[keep_units]
    return Ym, adopt, keep_units, note


@dataclass(frozen=True)
class CohortEffect:
    """An effect of cohort ``g`` with its influence function (a cohort's average over its
    periods, or one period's: :class:`GroupTime`)."""

    g: int  # cohort: time code of the first treated period
    att: float
    inf: np.ndarray  # influence function, length N (zero outside the comparison)


@dataclass(frozen=True)
class GroupTime(CohortEffect):
    """ATT(g, t): cohort ``g`` at period ``t``, from ``n`` units in its 2x2 comparison."""

    t: int
    n: int


def _gt_effects(Y, adopt, control) -> list[GroupTime]:
    """Every ATT(g,t) with its influence function (length N, zero outside the 2x2 cells)."""
    N, T = Y.shape
    cohorts = sorted(int(g) for g in np.unique(adopt[np.isfinite(adopt)]))
    out = []
    for g in cohorts:
        in_g = adopt == g
        for t in range(1, T):
            base = g - 1 if t >= g else t - 1
            if control == "never":
                ctrl = ~np.isfinite(adopt)
            else:
                ctrl = (adopt > max(t, base)) & ~in_g
            n_g, n_c = int(in_g.sum()), int(ctrl.sum())
            if n_c == 0:
                continue
            dy = Y[:, t] - Y[:, base]
            m_g, m_c = dy[in_g].mean(), dy[ctrl].mean()
            inf = np.zeros(N)
            inf[in_g] = N / n_g * (dy[in_g] - m_g)
            inf[ctrl] = -N / n_c * (dy[ctrl] - m_c)
            out.append(GroupTime(g=g, att=m_g - m_c, inf=inf, t=t, n=n_g + n_c))
    return out


def _aggregate(cells: Sequence[CohortEffect], weights_p, adopt, N):
    """Weighted mean of ATT(g,t) cells with weights P(G = g), including the weights' IF."""
    if not cells:
        return np.nan, np.full(N, np.nan)
    pg = np.array([weights_p[c.g] for c in cells])
    S = pg.sum()
    w = pg / S
    att = np.array([c.att for c in cells])
    inf = sum(wk * c.inf for wk, c in zip(w, cells))
    psi = np.column_stack([(adopt == c.g).astype(float) - weights_p[c.g] for c in cells])
    wif = psi / S - np.outer(psi.sum(axis=1), pg / S**2)
    return float(w @ att), inf + wif @ att


def _treated_from_first(data, *, time: str, first_treated: str, unit: str):
    """A 0/1 treatment column from a first-treatment-period column (0 / missing = never)."""
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(
            f"The 'data' parameter of staggered_did must be a pandas DataFrame. Got {type(data).__name__} instead."
        )
    check_columns(data, [first_treated], argument="first_treated")
    check_columns(data, [time], argument="time")
    g, t = data[first_treated], data[time]
    numeric = (
        pd.api.types.is_numeric_dtype(g)
        and not pd.api.types.is_bool_dtype(g)
        and pd.api.types.is_numeric_dtype(t)
        and not pd.api.types.is_bool_dtype(t)
    )
    dated = pd.api.types.is_datetime64_any_dtype(g) and pd.api.types.is_datetime64_any_dtype(t)
    if not (numeric or dated):
        raise DesignError(
            f"first_treated='{first_treated}' ({g.dtype}) and the time column '{time}' ({t.dtype}) must both "
            "hold numbers (or both dates) so that 'period >= first treated period' can be read; "
            "otherwise give treated= (a 0/1 column) instead."
        )
    varies = g.groupby(data[unit]).nunique(dropna=False)
    if (varies > 1).any():
        bad = varies[varies > 1].index[0]
        raise DesignError(
            f"The first_treated column '{first_treated}' takes more than one value within unit "
            f"{bad!r}; expected the same first treated period in every row of a unit."
        )
    never = g.isna() | ((g == 0) if numeric else False)
    name = "__treated_from_first"
    flag = ((~never) & (t >= g)).astype("boolean").fillna(False)
    return data.assign(**{name: flag.astype("int64")}), name


def staggered_did(
    data: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    time: str,
    treated: str | None = None,
    first_treated: str | None = None,
    control: str = "never",
    aggregate: str = "simple",
    ci: float = 0.95,
) -> pd.DataFrame:
    """Difference-in-differences for staggered adoption (Callaway & Sant'Anna 2021).

    Each adoption cohort g (units first treated in period g) is compared with
    never-treated (or not-yet-treated) units, period by period, so already-treated units
    never serve as controls and effects may differ by cohort and over time.

    Parameters
    ----------
    data, outcome, unit, time, treated
        As in :func:`did`. Several rows per unit and period (survey respondents) are
        averaged into unit-period means first; units not seen in every period are left
        out with a warning.
    first_treated : str, optional
        Instead of ``treated``: a column holding, in every row of a unit, the first
        period the unit is treated (in the units of ``time``; 0 or missing = never
        treated), as R ``did::att_gt(gname = )``. Give one of ``treated`` and
        ``first_treated``; with ``first_treated`` the time column must hold numbers or
        dates.
    control : {"never", "notyet"}
        Comparison units: never treated, or not yet treated by period t (and never).
    aggregate : {"simple", "dynamic", "group", "none"}
        ``"simple"``: one overall ATT, weighting ATT(g,t) (t >= g) by cohort size.
        ``"dynamic"``: one row per event time e = t - g plus the average over e >= 0.
        ``"group"``: one row per cohort plus their size-weighted average.
        ``"none"``: every ATT(g,t).
    ci : float
        Confidence level of the pointwise intervals (``attrs["ci"]``).

    Returns
    -------
    pandas.DataFrame
        Columns ``term``, ``aggregation`` (``"group-time"``, ``"simple"``, ``"dynamic"``,
        ``"group"``), ``group`` (adoption period, as in the data), ``time``,
        ``event_time``, ``estimate``, ``se`` (analytic, from the influence function),
        ``ci_low``, ``ci_high``, ``statistic`` (z), ``p``, ``n`` (units used), ``method``.
        Cells that do not apply are missing. ``attrs`` (scalars only): ``ci``.

    Notes
    -----
    :math:`ATT(g,t) = E[Y_t - Y_{b} | G=g] - E[Y_t - Y_{b} | C]` with base period
    :math:`b = g-1` for :math:`t \\ge g` and :math:`b = t-1` before (the ``"varying"``
    base of R ``did``). Aggregates are :math:`\\theta = \\sum w_{gt} ATT(g,t)` with
    :math:`w_{gt} \\propto P(G=g)`; their standard errors add the influence function of the
    estimated weights, :math:`se = \\sqrt{\\sum_i \\psi_i^2} / N`. Intervals are pointwise
    normal (R ``did`` draws uniform bands by multiplier bootstrap by default). The
    influence-function se treats units as independent: with few units (a handful of
    forces) it is optimistic.

    References
    ----------
    Callaway, B., & Sant'Anna, P. H. C. (2021). Difference-in-differences with multiple
    time periods. Journal of Econometrics, 225(2), 200-230.

    Examples
    --------
    >>> from toolkit.synth.evaluate import make_panel
    >>> res = staggered_did(make_panel(seed=1), outcome="wellbeing", unit="force", time="wave",
    ...                     treated="trained")
    >>> res["aggregation"].iloc[0], int(res["n"].iloc[0])
    ('simple', 43)
    """
    check_choice(control, {"never", "notyet"}, argument="control", function="staggered_did")
    check_choice(aggregate, AGGREGATIONS, argument="aggregate", function="staggered_did")
    ci = check_ci(ci, function="staggered_did")
    if (treated is None) == (first_treated is None):
        raise ParameterError(
            "staggered_did needs exactly one of treated= (a 0/1 column: 1 in the periods a unit is "
            "treated) and first_treated= (the first period a unit is treated; 0 or missing = never)."
        )
    if first_treated is not None:
        data, treated = _treated_from_first(data, time=time, first_treated=first_treated, unit=unit)
    # treated: given, or made from first_treated just above
    panel = prepare_panel(data, outcome, unit=unit, time=time, treated=cast(str, treated), function="staggered_did")
    Y, adopt, _, note = _wide(panel, "staggered_did")
    N = Y.shape[0]
    if control == "never" and np.all(np.isfinite(adopt)):
        raise DesignError(
            "staggered_did(control='never') needs never-treated units, but every unit in "
            f"'{unit}' is treated at some point. Use control='notyet'."
        )
    cells = _gt_effects(Y, adopt, control)
    levels = panel.time_levels
    p_g = {int(g): float(np.mean(adopt == g)) for g in np.unique(adopt[np.isfinite(adopt)])}
    q = stats.norm.ppf(0.5 + ci / 2)
    method = (
        f"Callaway & Sant'Anna (2021) ATT(g,t), {'never' if control == 'never' else 'not-yet'}-treated "
        f"controls, {aggregate} aggregation; analytic influence-function se{note}"
    )
    rows = [
        _row(term, N=N, q=q, levels=levels, method=method) for term in _terms(aggregate, cells, p_g, adopt, N, levels)
    ]
    out = pd.DataFrame(rows, columns=COLUMNS)
    out.attrs["ci"] = ci
    return out


@dataclass(frozen=True)
class _Term:
    """One row of the result before inference: label, aggregation, cohort, period and event
    time (None where they do not apply), estimate, influence function and units."""

    term: str
    aggregation: str
    g: int | None
    t: int | None
    e: int | None
    est: float
    inf: np.ndarray
    n: int


def _terms(aggregate: str, cells: list[GroupTime], p_g, adopt, N: int, levels) -> list[_Term]:
    """The rows of one aggregation of the ATT(g, t) cells."""
    if aggregate == "none":
        return [
            _Term(f"ATT(g={levels[c.g]}, t={levels[c.t]})", "group-time", c.g, c.t, c.t - c.g, c.att, c.inf, c.n)
            for c in cells
        ]
    if aggregate == "simple":
        est, inf = _aggregate([c for c in cells if c.t >= c.g], p_g, adopt, N)
        return [_Term("ATT", "simple", None, None, None, est, inf, N)]
    if aggregate == "dynamic":
        return _dynamic_terms(cells, p_g, adopt, N)
    return _cohort_terms(cells, p_g, adopt, N, levels)


def _dynamic_terms(cells: list[GroupTime], p_g, adopt, N: int) -> list[_Term]:
    """One row per event time e = t - g (cohorts weighted by size), then the average over e >= 0."""
    by_e: dict[int, list] = {}
    for c in cells:
        by_e.setdefault(c.t - c.g, []).append(c)
    out, post = [], []
    for e in sorted(by_e):
        est, inf = _aggregate(by_e[e], p_g, adopt, N)
        out.append(_Term(f"e={e}", "dynamic", None, None, e, est, inf, N))
        if e >= 0:
            post.append((est, inf))
    if post:
        est = float(np.mean([p[0] for p in post]))
        out.append(
            _Term(
                "ATT (average over e >= 0)", "dynamic", None, None, None, est, np.mean([p[1] for p in post], axis=0), N
            )
        )
    return out


def _cohort_terms(cells: list[GroupTime], p_g, adopt, N: int, levels) -> list[_Term]:
    """One row per cohort (its mean over its treated periods), then their size-weighted mean."""
    out, per_g = [], []
    for g in sorted(p_g):
        mine = [c for c in cells if c.g == g and c.t >= g]
        if not mine:
            continue
        est = float(np.mean([c.att for c in mine]))
        inf = np.mean([c.inf for c in mine], axis=0)
        out.append(_Term(f"g={levels[g]}", "group", g, None, None, est, inf, N))
        per_g.append(CohortEffect(g=g, att=est, inf=inf))
    est, inf = _aggregate(per_g, p_g, adopt, N)
    out.append(_Term("ATT (cohort-weighted)", "group", None, None, None, est, inf, N))
    return out


def _row(term: _Term, *, N: int, q: float, levels, method: str) -> dict:
    """A result row: the estimate with its influence-function se, normal interval and p."""
    est, inf = term.est, term.inf
    se = float(np.sqrt(np.sum(inf**2)) / N) if np.all(np.isfinite(inf)) else np.nan
    z = est / se if se > 0 else np.nan
    return {
        "term": term.term,
        "aggregation": term.aggregation,
        "group": levels[term.g] if term.g is not None else None,
        "time": levels[term.t] if term.t is not None else None,
        "event_time": float(term.e) if term.e is not None else np.nan,
        "estimate": float(est),
        "se": se,
        "ci_low": est - q * se,
        "ci_high": est + q * se,
        "statistic": z,
        "p": float(2 * stats.norm.sf(abs(z))) if np.isfinite(z) else np.nan,
        "n": term.n,
        "method": method,
    }
