"""Checks and conversions of survey columns shared by the survey analysis modules.

Columns may come from :func:`toolkit.io.read_survey` (ordered Categoricals for Likert
and ordinal items with integer codes as categories, Categoricals for categorical items,
nullable ``Int64`` / ``Float64`` 0/1 for binary items) or be plain numeric / boolean
columns. Every check raises a :mod:`toolkit.errors` class naming the column, the value
found and what was expected; every exclusion of rows is announced with a warning.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from toolkit.errors import (
    ColumnNotFoundError,
    DataValidationError,
    ParameterError,
    check_columns,
)

__all__ = [
    "as_list",
    "binary_values",
    "group_codes",
    "group_labels",
    "numeric_values",
    "weight_values",
]


def as_list(value, *, argument: str) -> list[str]:
    """``None`` -> ``[]``, a string -> ``[string]``, a list/tuple -> list (checked non-empty)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value):
        return list(value)
    raise ParameterError(
        f"The '{argument}' parameter must be a column name or a non-empty list of column names. Got {value!r} instead."
    )


def _rows(index, mask, limit: int = 5) -> str:
    shown = [str(i) for i in index[mask][:limit]]
    more = int(mask.sum()) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _problem(column: str, values, problem: str, expected: str, fix: str) -> DataValidationError:
    """A :class:`DataValidationError` with a one-row report for a column-wide problem."""
    report = pd.DataFrame(
        {
            "file": [""],
            "row": [None],
            "column": [column],
            "value": [repr(values)],
            "problem": [problem],
            "expected": [expected],
            "severity": ["error"],
        }
    )
    return DataValidationError(
        report,
        f"Column '{column}' {problem}: found {values!r}; expected {expected}. {fix}",
    )


def _numeric_view(data: pd.DataFrame, column: str, *, role: str) -> pd.Series:
    """Column as float64 (NaN = missing); Categoricals use their (numeric) categories."""
    check_columns(data, [column], argument=role)
    s = data[column]
    if isinstance(s.dtype, pd.CategoricalDtype):
        cats = s.cat.categories
        if not (pd.api.types.is_numeric_dtype(cats.dtype) or pd.api.types.is_bool_dtype(cats.dtype)):
            raise _problem(
                column,
                list(cats[:8]),
                "is categorical with text categories",
                "numeric codes (e.g. 0/1, or 1-5 for a Likert item)",
                "Read the file with toolkit.io.read_survey and the dictionary, or recode the "
                "column to its numeric codes.",
            )
        return pd.Series(np.asarray(s.astype("float64")), index=s.index, name=column)
    if pd.api.types.is_bool_dtype(s.dtype):
        return s.astype("float64")
    if pd.api.types.is_numeric_dtype(s.dtype):
        return pd.Series(s.to_numpy(dtype="float64", na_value=np.nan), index=s.index, name=column)
    found = list(pd.unique(s.dropna()))[:8]
    raise _problem(
        column,
        found,
        f"holds text (dtype {s.dtype}), which cannot be used as the {role}",
        "numeric codes or booleans",
        "Recode the column to numbers (e.g. 'Yes' -> 1, 'No' -> 0), or read it with "
        "toolkit.io.read_survey so the dictionary converts it.",
    )


def binary_values(data: pd.DataFrame, column: str, *, role: str = "outcome") -> pd.Series:
    """The column as float64 0.0/1.0 with NaN for missing; raise if any other value occurs.

    >>> import pandas as pd
    >>> binary_values(pd.DataFrame({"y": pd.array([1, 0, None], dtype="Int64")}), "y").tolist()
    [1.0, 0.0, nan]
    """
    x = _numeric_view(data, column, role=role)
    bad = x.notna() & ~x.isin([0.0, 1.0])
    if bad.any():
        found = sorted(pd.unique(x[bad]))[:8]
        raise _problem(
            column,
            found,
            f"is not binary (rows {_rows(x.index, bad.to_numpy())})",
            "only 0 (no), 1 (yes) or missing",
            "Declare missing codes such as 9 = don't know in the dictionary's 'missing' "
            "column and read the data with toolkit.io.read_survey, or set them to NaN.",
        )
    if x.notna().sum() == 0:
        raise _problem(
            column,
            "all missing",
            "has no non-missing values",
            "at least one 0/1 value",
            "Check that the right column is named and that its codes were read.",
        )
    return x


def numeric_values(data: pd.DataFrame, column: str, *, role: str = "outcome") -> pd.Series:
    """The column as float64 (Categorical codes -> their numeric categories), NaN = missing."""
    x = _numeric_view(data, column, role=role)
    if x.notna().sum() == 0:
        raise _problem(
            column,
            "all missing",
            "has no non-missing values",
            "at least one value",
            "Check that the right column is named and that its codes were read.",
        )
    if not np.isfinite(x.dropna()).all():
        raise _problem(column, "inf", "holds infinite values", "finite numbers", "Replace them with NaN.")
    return x


def require_rows(data: pd.DataFrame, *, function: str, argument: str = "data") -> None:
    """Raise a :class:`ParameterError` naming ``function`` if ``data`` has 0 rows.

    >>> import pandas as pd
    >>> require_rows(pd.DataFrame({"y": []}), function="prevalence")
    Traceback (most recent call last):
    ...
    toolkit.errors.ParameterError: The 'data' parameter of prevalence is an empty table (0 rows): there are no respondents to analyse. Check the filter or file that produced it.
    """
    if len(data) == 0:
        raise ParameterError(
            f"The '{argument}' parameter of {function} is an empty table (0 rows): there are "
            "no respondents to analyse. Check the filter or file that produced it."
        )


def weight_values(data: pd.DataFrame, weight: str | None, *, function: str = "this function") -> np.ndarray | None:
    """Survey weights as a float array: present, finite and non-negative, not all zero.

    A table with 0 rows is reported as empty (naming ``function``), not as "only zero
    weights".
    """
    if weight is None:
        return None
    if not isinstance(weight, str):
        raise ParameterError(f"The 'weight' parameter must be a column name. Got {weight!r} instead.")
    check_columns(data, [weight], argument="weight")
    require_rows(data, function=function)
    s = data[weight]
    if not (pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype)):
        raise _problem(
            weight,
            list(pd.unique(s.dropna()))[:5],
            f"is not numeric (dtype {s.dtype})",
            "positive numbers",
            "Use the column of survey weights, e.g. from toolkit.survey.rake.",
        )
    w = s.to_numpy(dtype="float64", na_value=np.nan)
    bad = ~np.isfinite(w) | (w < 0)
    if bad.any():
        raise _problem(
            weight,
            sorted(set(w[bad].tolist()), key=str)[:5],
            f"has missing, infinite or negative weights (rows {_rows(s.index, bad)})",
            "a finite weight >= 0 for every row",
            "Give every respondent a weight (0 excludes a row on purpose).",
        )
    if not (w > 0).any():
        raise _problem(weight, 0.0, "has only zero weights", "some positive weights", "")
    return w


def group_codes(data: pd.DataFrame, by: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, labels)``: row ``i`` is in the cell labelled ``labels[codes[i]]``.

    ``codes`` is -1 where a ``by`` value is missing. Labels are as in
    :func:`group_labels`; each distinct value (and each combination of values) is
    labelled once, not once per row.
    """
    if not by:
        return np.zeros(len(data), dtype=np.intp), np.array(["All"], dtype=object)
    check_columns(data, by, argument="by")

    def factor(col):
        raw, uniques = pd.factorize(data[col])  # label each distinct value once
        return raw.astype(np.intp), np.array([_level_label(u) for u in uniques], dtype=object)

    codes, labels = factor(by[0])
    for col in by[1:]:
        raw, col_labels = factor(col)
        m = max(len(col_labels), 1)
        key = np.where((codes >= 0) & (raw >= 0), codes * m + raw, -1)
        key_codes, keys = pd.factorize(key)
        present = keys >= 0
        renumber = np.full(len(keys), -1, dtype=np.intp)
        renumber[present] = np.arange(int(present.sum()))
        labels = np.array([labels[u // m] + " / " + col_labels[u % m] for u in keys[present]], dtype=object)
        codes = renumber[key_codes]
    return codes, labels


def group_labels(data: pd.DataFrame, by: list[str]) -> pd.Series:
    """One label per row for the cells of ``by`` (``"All"`` when ``by`` is empty).

    Missing group values give ``NaN`` (the caller excludes them, with a warning).
    Multiple grouping columns are joined with ``" / "``.
    """
    if not by:
        return pd.Series("All", index=data.index, dtype=object)
    codes, labels = group_codes(data, by)
    return pd.Series(np.append(labels, np.nan)[codes], index=data.index, dtype=object)


def _level_label(value) -> str:
    """``1.0`` -> ``"1"``; other values -> ``str(value)``."""
    if isinstance(value, (float, np.floating)) and np.isfinite(value) and float(value).is_integer():
        return str(int(value))
    return str(value)


def group_order(data: pd.DataFrame, by: list[str], labels: pd.Series, *, keep_empty: bool = False) -> list[str]:
    """Group labels in a researcher's order: category order for Categoricals, else sorted.

    ``keep_empty``: a Categorical's categories with no row are kept (in category order).
    """
    if not by:
        return ["All"]
    present = set(labels.dropna().unique())
    if len(by) == 1 and isinstance(data[by[0]].dtype, pd.CategoricalDtype):
        order = [_level_label(c) for c in data[by[0]].cat.categories]
        return [g for g in order if keep_empty or g in present]
    try:
        keys = sorted(present, key=lambda g: [float(x) for x in g.split(" / ")])
    except ValueError:
        keys = sorted(present)
    return keys


__all__ += ["ColumnNotFoundError", "group_order", "require_rows"]
