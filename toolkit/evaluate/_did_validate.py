"""Checks of a long-format evaluation panel (``unit, time, treated, outcome``).

Every check raises a :mod:`toolkit.errors` class whose message names the column,
the value found, what was expected and how to fix it.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from toolkit.errors import (
    ColumnNotFoundError,
    DataWarning,
    DesignError,
    ParameterError,
    check_columns,
)

_QUARTER = re.compile(r"^\s*(?:Q([1-4])\s*[-/ ]?\s*(\d{4})|(\d{4})\s*[-/ ]?\s*Q([1-4]))\s*$", re.IGNORECASE)


def _missing_time(s: pd.Series, column: str) -> None:
    if s.isna().any():
        row = int(np.flatnonzero(s.isna().to_numpy())[0])
        raise DesignError(
            f"The time column '{column}' has {int(s.isna().sum())} missing value(s) "
            f"(first at data row index {s.index[row]!r}); expected a time for every row. "
            "Fill or remove those rows and say why in your log."
        )


def _quarter_ordinals(s: pd.Series) -> np.ndarray | None:
    """Quarter labels such as ``Q4 2010``, ``2010 Q4``, ``2010Q4`` or ``Q4-2010`` as year * 4 + q - 1;
    None unless every value is one."""
    text = s.astype(str)
    parts = text.str.extract(_QUARTER)
    if parts.isna().all(axis=1).any():
        return None
    year = parts[1].fillna(parts[2]).astype(int)
    quarter = parts[0].fillna(parts[3]).astype(int)
    return (year * 4 + quarter - 1).to_numpy(np.int64)


def time_codes(values: pd.Series, *, column: str) -> tuple[np.ndarray, list]:
    """Integer codes 0..T-1 of the ordered time values, and the distinct values in time order.

    The time column may hold integers (year, wave or quarter number), dates, pandas
    Periods, an ordered Categorical (its category order is the time order; categories
    not present are skipped) or quarter labels such as ``"Q4 2010"`` / ``"2010 Q4"``
    (the first spelling seen of each quarter is its label). Other text, such as
    ``"spring 2023"``, has no order and is refused.
    """
    s = values
    if isinstance(s.dtype, pd.CategoricalDtype):
        _missing_time(s, column)
        if s.cat.ordered:
            seen = set(pd.unique(s.cat.codes))
            present = [c for i, c in enumerate(s.cat.categories) if i in seen]
            return pd.Categorical(s, categories=present).codes.astype(np.int64), present
        s = s.astype(object)
    if s.dtype == object or pd.api.types.is_string_dtype(s):
        _missing_time(s, column)
        ordinals = _quarter_ordinals(s)
        if ordinals is not None:
            _, first, codes = np.unique(ordinals, return_index=True, return_inverse=True)
            labels = [s.iloc[i] for i in first]
            return codes.astype(np.int64), labels
    ok = (
        pd.api.types.is_integer_dtype(s)
        or pd.api.types.is_datetime64_any_dtype(s)
        or isinstance(s.dtype, pd.PeriodDtype)
        or (pd.api.types.is_float_dtype(s) and np.all(np.mod(s.dropna(), 1) == 0))
    )
    if not ok:
        example = s.dropna().iloc[0] if s.notna().any() else None
        raise DesignError(
            f"The time column '{column}' must hold whole numbers (year, wave or quarter "
            f"number), dates, periods, an ordered categorical or quarter labels such as "
            f"'Q4 2010'; found {s.dtype} values such as {example!r}. Convert it first, e.g. "
            "data[col] = pd.Categorical(data[col], categories=[...in time order...], ordered=True) "
            "or pd.to_datetime(data[col])."
        )
    _missing_time(s, column)
    levels = sorted(pd.unique(s))
    codes = pd.Categorical(s, categories=levels).codes.astype(np.int64)
    return codes, levels


def check_binary(values: pd.Series, *, column: str) -> np.ndarray:
    """0/1 (or boolean) indicator as int array; anything else is an error."""
    if values.isna().any():
        raise DesignError(
            f"The treatment column '{column}' has {int(values.isna().sum())} missing value(s); "
            "expected 0 (not yet treated) or 1 (treated) in every row."
        )
    uniq = set(pd.unique(values.astype("float64")))
    if not uniq <= {0.0, 1.0}:
        bad = sorted(uniq - {0.0, 1.0})[:5]
        raise DesignError(
            f"The treatment column '{column}' must hold 0/1 (or True/False); found {bad}. "
            "Recode it so that 1 marks a unit in a period when it is treated."
        )
    return values.astype("float64").to_numpy().astype(np.int64)


def check_numeric_outcome(data: pd.DataFrame, outcome: str) -> np.ndarray:
    y = data[outcome]
    if not (pd.api.types.is_numeric_dtype(y) and not pd.api.types.is_bool_dtype(y)):
        raise DesignError(
            f"The outcome column '{outcome}' must be numeric; found {y.dtype} values such as "
            f"{y.dropna().iloc[0] if y.notna().any() else None!r}. Score or recode it first."
        )
    return y.to_numpy(dtype="float64")


@dataclass(frozen=True)
class Panel:
    """A validated DiD panel as arrays, one entry per row kept (rows with a missing outcome
    or covariate are left out), with integer codes for units, periods and clusters."""

    y: np.ndarray  # outcome
    d: np.ndarray  # treatment, 0.0 / 1.0
    X: np.ndarray  # covariates (n x p; p may be 0)
    covariates: list[str]
    unit: np.ndarray  # unit code of each row (index into unit_levels)
    unit_levels: Any
    time: np.ndarray  # period code of each row (index into time_levels)
    time_levels: Any
    cluster: np.ndarray  # cluster code of each row
    cluster_levels: Any
    cluster_name: str
    adopt: np.ndarray  # per unit: time code of its first treated period, inf if never treated
    n: int  # rows kept
    index: pd.Index  # their index in the data


def prepare_panel(
    data: pd.DataFrame,
    outcome: str,
    *,
    unit: str,
    time: str,
    treated: str,
    cluster: str | None = None,
    covariates=None,
    function: str = "did",
) -> Panel:
    """Validate a DiD panel and return its arrays plus the adoption time of each unit.

    Rows with a missing outcome or covariate are dropped with a warning that says how
    many and why (nothing is dropped silently).
    """
    covariates = _check_panel_columns(data, outcome, unit, time, treated, cluster, covariates, function)
    cols = list(dict.fromkeys([outcome, unit, time, treated, *covariates] + ([cluster] if cluster else [])))
    df = data[cols]
    check_numeric_outcome(df, outcome)
    df = _complete_rows(df, outcome, covariates, function)
    if df[unit].isna().any():
        raise DesignError(f"The unit column '{unit}' has missing values; every row needs a unit.")
    tcode, tlevels = time_codes(df[time], column=time)
    d = check_binary(df[treated], column=treated)
    if len(tlevels) < 2:
        raise DesignError(
            f"The time column '{time}' has one value only ({tlevels[0]!r}); a difference-in-"
            "differences needs at least two periods (before and after). Add the baseline wave."
        )
    ucode, ulevels = pd.factorize(df[unit], sort=True)
    adopt = _adoption_times(ucode, tcode, d, ulevels, tlevels, treated)
    _check_comparison_units(adopt, ulevels, tlevels, unit, treated)
    if cluster is None or cluster == unit:
        gcode, glevels = ucode, ulevels
        cluster_name = unit
    else:
        if df[cluster].isna().any():
            raise DesignError(f"The cluster column '{cluster}' has missing values.")
        gcode, glevels = pd.factorize(df[cluster], sort=True)
        cluster_name = cluster
    return Panel(
        y=df[outcome].to_numpy(dtype="float64"),
        d=d.astype("float64"),
        X=df[covariates].to_numpy(dtype="float64") if covariates else np.empty((len(df), 0)),
        covariates=covariates,
        unit=ucode.astype(np.int64),
        unit_levels=ulevels,
        time=tcode,
        time_levels=tlevels,
        cluster=gcode.astype(np.int64),
        cluster_levels=glevels,
        cluster_name=cluster_name,
        adopt=adopt,
        n=len(df),
        index=df.index,
    )


def _check_panel_columns(data, outcome, unit, time, treated, cluster, covariates, function) -> list[str]:
    """The panel's columns exist (covariates numeric) and it has rows; returns the covariates as a list."""
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(
            f"The 'data' parameter of {function} must be a pandas DataFrame. Got {type(data).__name__} instead."
        )
    covariates = [] if covariates is None else ([covariates] if isinstance(covariates, str) else list(covariates))
    for arg, col in (("outcome", outcome), ("unit", unit), ("time", time), ("treated", treated)):
        if not isinstance(col, str):
            raise ParameterError(
                f"The '{arg}' parameter of {function} must be a column name (str). Got {col!r} instead."
            )
        check_columns(data, [col], argument=arg)
    if cluster is not None:
        check_columns(data, [cluster], argument="cluster")
    check_columns(data, covariates, argument="covariates")
    for c in covariates:
        if not pd.api.types.is_numeric_dtype(data[c]):
            raise DesignError(
                f"The covariate '{c}' must be numeric; found {data[c].dtype}. "
                "Make dummy columns for categories first (pd.get_dummies)."
            )
    if len(data) == 0:
        raise DesignError(
            f"The 'data' parameter of {function} is an empty table (0 rows); expected a long "
            f"panel with one row per unit ('{unit}') and period ('{time}'). Check the filter or file that produced it."
        )
    return covariates


def _complete_rows(df: pd.DataFrame, outcome: str, covariates: list[str], function: str) -> pd.DataFrame:
    """The rows with an outcome and every covariate; the others left out with a DataWarning."""
    miss = df[[outcome, *covariates]].isna().any(axis=1)
    if not miss.any():
        return df
    warnings.warn(
        DataWarning(
            f"{function}: {int(miss.sum())} row(s) with a missing outcome or covariate were "
            f"left out of the analysis (first at data index {df.index[miss.to_numpy()][0]!r}).",
            n_excluded=int(miss.sum()),
            reason="missing outcome or covariate",
        ),
        stacklevel=4,  # the caller of did / event_study / staggered_did
    )
    df = df.loc[~miss.to_numpy()]
    if len(df) == 0:
        raise DesignError(
            f"{function}: every row has a missing value in the outcome '{outcome}'"
            + (f" or a covariate {covariates}" if covariates else "")
            + "; no rows are left to analyse. Check that the right column is named."
        )
    return df


def _adoption_times(ucode, tcode, d, ulevels, tlevels, treated: str) -> np.ndarray:
    """Per unit, the time code of its first treated period (inf if never treated), after
    checking that treatment is constant within unit and period and never switches off."""
    n_units = len(ulevels)
    cell = pd.DataFrame({"u": ucode, "t": tcode, "d": d})
    rng = cell.groupby(["u", "t"])["d"].agg(["min", "max"])
    mixed = rng[rng["min"] != rng["max"]]
    if len(mixed):
        u, t = mixed.index[0]
        raise DesignError(
            f"The treatment column '{treated}' takes both 0 and 1 within unit {ulevels[u]!r} at "
            f"time {tlevels[t]!r}; expected one treatment status per unit and period."
        )
    status = rng["max"].unstack()  # units x times (NaN where unobserved)
    adopt = np.full(n_units, np.inf)
    for u_idx, row in zip(status.index, status.to_numpy()):
        obs = ~np.isnan(row)
        vals = row[obs]
        times = np.flatnonzero(obs)
        if vals.max() == 1:
            first = times[np.argmax(vals == 1)]
            after = vals[times >= first]
            if after.min() == 0:
                back = (
                    times[(times > first) & (row[times] == 0)][0]
                    if np.any((times > first) & (row[times] == 0))
                    else first
                )
                raise DesignError(
                    f"Treatment switches off and on: unit {ulevels[u_idx]!r} is treated at time "
                    f"{tlevels[first]!r} but untreated again at time {tlevels[back]!r} in column "
                    f"'{treated}'. These estimators need treatment that, once started, stays on "
                    "(code the unit as treated from its first treated period on, or drop it and "
                    "say why)."
                )
            adopt[u_idx] = first
    return adopt


def _check_comparison_units(adopt: np.ndarray, ulevels, tlevels, unit: str, treated: str) -> None:
    """Some unit is treated, some is not (yet), and none is treated from the first period."""
    treated_units = np.isfinite(adopt)
    if not treated_units.any():
        raise DesignError(f"No unit is ever treated (column '{treated}' is 0 everywhere); nothing to evaluate.")
    if treated_units.all() and len(np.unique(adopt)) == 1:
        raise DesignError(
            f"There are no untreated units: every unit in '{unit}' starts treatment at time "
            f"{tlevels[int(adopt[0])]!r}. A difference-in-differences needs comparison units "
            "that are not (yet) treated; use its() for a single before-and-after series."
        )
    if np.any(adopt[treated_units] == 0):
        first_u = ulevels[np.flatnonzero(adopt == 0)[0]]
        raise DesignError(
            f"Unit {first_u!r} is treated already in the first period {tlevels[0]!r}; "
            "without an untreated period its change cannot be measured. Add earlier waves "
            "or leave the unit out and say why."
        )


def nested_in_clusters(unit: np.ndarray, cluster: np.ndarray) -> bool:
    """True if every unit lies within one cluster (unit fixed effects nested in clusters)."""
    pairs = pd.DataFrame({"u": unit, "g": cluster}).drop_duplicates()
    return bool(pairs["u"].is_unique)


def is_staggered(adopt: np.ndarray) -> bool:
    """More than one adoption time among the treated units."""
    finite = adopt[np.isfinite(adopt)]
    return len(np.unique(finite)) > 1


__all__ = [
    "ColumnNotFoundError",
    "Panel",
    "check_binary",
    "is_staggered",
    "nested_in_clusters",
    "prepare_panel",
    "time_codes",
]
