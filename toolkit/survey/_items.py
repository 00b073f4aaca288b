"""Item columns as numbers: coercion, range checks, reverse-keying, scale definitions.

Shared by :mod:`toolkit.survey.scales` and :mod:`toolkit.survey.reliability`.
Survey data read by ``toolkit.io.read_survey`` holds Likert items as ordered
categoricals whose categories are the integer codes; plain numeric columns
(including pandas nullable ``Int64`` / ``Float64``) are accepted too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit import dictionary as dictmod
from toolkit.errors import (
    ColumnNotFoundError,
    DataValidationError,
    DictionaryError,
    ParameterError,
    check_columns,
)

_REPORT_COLUMNS = ["file", "row", "column", "value", "problem", "expected", "severity"]


def data_error(problems: list[dict], message: str) -> DataValidationError:
    """A :class:`DataValidationError` whose report lists ``problems`` (dicts)."""
    rows = [{**dict.fromkeys(_REPORT_COLUMNS, None), "severity": "error", **p} for p in problems]
    return DataValidationError(pd.DataFrame(rows, columns=_REPORT_COLUMNS), message)


def check_item_list(data: pd.DataFrame, items, *, function: str) -> list[str]:
    """Validate an item list: a list of distinct column names present in ``data``."""
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(
            f"The 'data' parameter of {function} must be a pandas DataFrame. Got {type(data).__name__} instead."
        )
    if isinstance(items, str) or not isinstance(items, (list, tuple, pd.Index, np.ndarray)):
        raise ParameterError(
            f"The 'items' parameter of {function} must be a list of column names. "
            f"Got {items!r} instead; for one scale write items=['a', 'b', 'c']."
        )
    items = list(items)
    dupes = sorted({str(c) for c in items if items.count(c) > 1})
    if dupes:
        raise ParameterError(
            f"The 'items' parameter of {function} names column(s) {dupes} more than once. List each item once."
        )
    check_columns(data, items, argument="items")
    return items


def _column_as_float(col: pd.Series, name) -> np.ndarray:
    """One item column as float64 with NaN for missing; clear error if not numeric codes."""
    dtype = col.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        cats = dtype.categories
        if not (
            cats.dtype.kind in "iuf"
            or (pd.api.types.is_numeric_dtype(cats.dtype) and not pd.api.types.is_bool_dtype(cats))
        ):
            shown = list(map(str, cats[:6]))
            raise ParameterError(
                f"Column '{name}' is a categorical of labels {shown}, not of numeric codes. "
                "Expected numeric item codes (e.g. 1..5) to score or analyse. Fix: read the "
                "survey with toolkit.io.read_survey (which keeps the codes) or map the labels "
                "to their codes with the data dictionary before calling this function."
            )
        # code -1 (missing) picks the NaN appended at the end of the lookup table
        lookup = np.append(np.asarray(cats, dtype=float), np.nan)
        return lookup[col.array.codes]
    if pd.api.types.is_bool_dtype(dtype) or pd.api.types.is_numeric_dtype(dtype):
        if isinstance(dtype, np.dtype):
            return col.to_numpy()
        return col.to_numpy(dtype=float, na_value=np.nan)
    # object / string: report the first values that are not numbers
    non_missing = col.dropna()
    numeric = pd.to_numeric(non_missing, errors="coerce")
    bad = non_missing[numeric.isna()]
    shown = list(dict.fromkeys(map(str, bad.head(20))))[:5]
    where = f" (first at row index {bad.index[0]!r})" if len(bad) else ""
    raise ParameterError(
        f"Column '{name}' holds text (dtype {dtype}), for example {shown}{where}. Expected "
        "numeric item codes (e.g. 1..5). Fix: recode the labels to numbers with the data "
        "dictionary, or convert the column with pandas.to_numeric if it holds digits stored "
        "as text."
    )


def item_matrix(data: pd.DataFrame, items: list[str]) -> np.ndarray:
    """The item columns as an ``n x k`` float64 array (NaN = missing).

    The array is column-major (Fortran order): each item's answers are contiguous.
    """
    return item_matrix_and_range(data, items)[0]


def item_matrix_and_range(data: pd.DataFrame, items: list[str]):
    """:func:`item_matrix` and each column's observed minimum and maximum (NaN ignored;
    NaN for a column without answers), for :func:`check_range`."""
    n = len(data)
    out = np.empty((n, len(items)), dtype=float, order="F")
    for j, name in enumerate(items):
        out[:, j] = _column_as_float(data[name], name)
    if n == 0:
        return out, np.full(len(items), np.nan), np.full(len(items), np.nan)
    # an infinity shows in the NaN-ignoring column minima / maxima (cheaper than isinf)
    col_min, col_max = np.fmin.reduce(out, axis=0), np.fmax.reduce(out, axis=0)
    if np.isinf(col_min).any() or np.isinf(col_max).any():
        bad = np.isinf(out)
        j = int(np.where(bad.any(axis=0))[0][0])
        i = int(np.where(bad[:, j])[0][0])
        raise ParameterError(
            f"Column '{items[j]}' holds an infinite value at row index {data.index[i]!r}. "
            "Expected finite item codes. Fix: set it to missing (NaN) or correct it."
        )
    return out, col_min, col_max


def check_range(data: pd.DataFrame, X: np.ndarray, items: list[str], ranges: dict, *, observed=None) -> None:
    """Raise :class:`DataValidationError` listing every value outside its item's range.

    ``observed``: the columns' ``(minima, maxima)`` if known (from
    :func:`item_matrix_and_range`), which spares a pass over the data.
    """
    problems = []
    for j, name in enumerate(items):
        lo, hi = ranges.get(name, (None, None))
        if lo is None or hi is None:
            continue
        col = X[:, j]
        if len(col) == 0:
            continue
        if observed is not None:
            col_min, col_max = observed[0][j], observed[1][j]
        else:
            col_min, col_max = np.fmin.reduce(col), np.fmax.reduce(col)
        if np.isnan(col_min) or (col_min >= lo and col_max <= hi):
            continue  # all in range (NaN ignored): no row-by-row search needed
        out = np.where(~np.isnan(col) & ((col < lo) | (col > hi)))[0]
        for i in out[:50]:
            problems.append(
                {
                    "row": data.index[i],
                    "column": name,
                    "value": col[i],
                    "problem": "value outside the item's range",
                    "expected": f"a code from {lo:g} to {hi:g} or missing",
                }
            )
    if problems:
        cols = sorted({p["column"] for p in problems}, key=items.index)
        raise data_error(
            problems,
            f"{len(problems)} value(s) outside the item range in column(s) {cols}, e.g. "
            f"{problems[0]['value']:g} in column '{problems[0]['column']}' at row index "
            f"{problems[0]['row']!r} (expected {problems[0]['expected']}). Reverse-keying "
            "(min + max - x) would be wrong for them. Fix: declare the value as a missing "
            "code in the dictionary, correct it, or fix min/max in the dictionary.",
        )


def reverse_key(X: np.ndarray, items: list[str], reverse, ranges: dict, *, copy: bool = True) -> np.ndarray:
    """Return ``X`` with reverse-keyed items recoded as ``min + max - x``.

    A copy unless ``copy=False`` (then ``X``, a fresh matrix of the caller's, is recoded
    in place).
    """
    if copy:
        X = X.copy(order="K")
    for j, name in enumerate(items):
        if name in reverse:
            lo, hi = ranges[name]
            np.subtract(lo + hi, X[:, j], out=X[:, j])
    return X


@dataclass
class ScaleSpec:
    """One multi-item scale: its items, which are reversed, and each item's range."""

    name: str
    items: list[str]
    reverse: list[str] = field(default_factory=list)
    ranges: dict = field(default_factory=dict)


def resolve_dictionary(dictionary):
    """A dictionary object from ``None`` (the bundled item bank), a path or a DataFrame."""
    if dictionary is None:
        return dictmod.default_dictionary()
    if isinstance(dictionary, (str, Path, pd.DataFrame)):
        return dictmod.load_dictionary(dictionary)
    if not hasattr(dictionary, "scales"):
        raise ParameterError(
            "The 'dictionary' parameter must be a data dictionary (from "
            "toolkit.dictionary.load_dictionary), a path to a dictionary CSV, a DataFrame "
            f"in the dictionary format, or None for the bundled item bank. Got "
            f"{type(dictionary).__name__} instead."
        )
    return dictionary


def _number(value):
    if value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if np.isfinite(value) else None


def scale_specs(dictionary, scales=None, *, function: str) -> list[ScaleSpec]:
    """The multi-item scales a dictionary defines (optionally only those named in ``scales``)."""
    d = resolve_dictionary(dictionary)
    defined = d.scales()
    if scales is None:
        names = list(defined)
    else:
        names = [scales] if isinstance(scales, str) else list(scales)
        unknown = [s for s in names if s not in defined]
        if unknown:
            raise ParameterError(
                f"The 'scales' parameter of {function} names scale(s) {unknown} that the "
                f"dictionary does not define. Defined scales: {sorted(defined)}."
            )
    specs = []
    for name in names:
        items = list(defined[name])
        reverse = [v for v in items if d.is_reverse(v)]
        ranges = {}
        for v in items:
            lo, hi = (_number(x) for x in (d.range(v) or (None, None)))
            if (lo is None or hi is None) and v in reverse:
                raise DictionaryError(
                    f"Item '{v}' of scale '{name}' is reverse-keyed but the dictionary gives "
                    f"no min/max for it (found min={lo}, max={hi}). Reverse-keying needs "
                    "both (x' = min + max - x). Fix: fill the 'min' and 'max' columns of the "
                    "dictionary for this item."
                )
            ranges[v] = (lo, hi)
        specs.append(ScaleSpec(name, items, reverse, ranges))
    return specs


def columns_for_specs(data: pd.DataFrame, specs: list[ScaleSpec], *, function: str) -> None:
    """Every item of every requested scale must be a column of ``data``."""
    missing = {s.name: [v for v in s.items if v not in data.columns] for s in specs}
    missing = {k: v for k, v in missing.items() if v}
    if missing:
        raise ColumnNotFoundError(
            f"{function}: the data lacks item column(s) of scale(s) {missing}. Fix: add the "
            "columns, rename them to the dictionary's variable names, or choose the scales "
            "to use with scales=[...]."
        )
