"""Every error the toolkit raises for a user's data or arguments.

All are subclasses of :class:`ValueError`, so ``except ValueError`` catches them.
Messages follow one shape: what was found, where (file, row as numbered in the
file the user opened, column), what was expected, and how to fix it.
"""

from __future__ import annotations

__all__ = [
    "ToolkitError",
    "ParameterError",
    "ColumnNotFoundError",
    "DictionaryError",
    "DataValidationError",
    "FileFormatError",
    "ConvergenceError",
    "DesignError",
]


class ToolkitError(ValueError):
    """Base class of every error the toolkit raises about user input."""


class ParameterError(ToolkitError):
    """A function argument has a value the function cannot use."""


class ColumnNotFoundError(ToolkitError):
    """A column named in an argument is not in the data."""


class DictionaryError(ToolkitError):
    """The data dictionary itself is invalid (unknown type, malformed values, ...)."""


class FileFormatError(ToolkitError):
    """A file cannot be read: wrong format, corrupt, unreadable encoding."""


class ConvergenceError(ToolkitError):
    """An iterative procedure (raking, a model fit) did not converge."""


class DesignError(ToolkitError):
    """The study design cannot support the requested analysis (one wave only, ...)."""


class DataValidationError(ToolkitError):
    """The data broke one or more rules; ``report`` holds every problem found.

    Parameters
    ----------
    report : pandas.DataFrame or ValidationReport
        Tidy table with columns ``file, row, column, value, problem, expected,
        severity`` listing every problem, not only the first.
    """

    def __init__(self, report, message: str | None = None):
        self.report = report
        table = getattr(report, "table", report)
        if message is None:
            errors = table[table["severity"] == "error"] if len(table) else table
            lines = [f"{len(errors)} error(s) found in the data:"]
            for rec in errors.head(20).itertuples(index=False):
                where = ", ".join(
                    part
                    for part in (
                        f"file {rec.file}" if rec.file else "",
                        f"row {rec.row}" if rec.row is not None and str(rec.row) != "<NA>" else "",
                        f"column '{rec.column}'" if rec.column else "",
                    )
                    if part
                )
                lines.append(
                    f"  - {where}: {rec.problem}; found {rec.value!r}, expected {rec.expected}"
                )
            if len(errors) > 20:
                lines.append(f"  ... and {len(errors) - 20} more (see the .report attribute)")
            message = "\n".join(lines)
        super().__init__(message)


def check_columns(data, columns, *, argument: str = "columns", where: str = "data") -> None:
    """Raise :class:`ColumnNotFoundError` if any of ``columns`` is not in ``data``.

    >>> import pandas as pd
    >>> check_columns(pd.DataFrame({"a": [1]}), ["a"])
    >>> check_columns(pd.DataFrame({"a": [1]}), ["b"], argument="outcome")
    Traceback (most recent call last):
    ...
    toolkit.errors.ColumnNotFoundError: The 'outcome' parameter names column(s) ['b'] not found in data. Available columns: ['a'].
    >>> check_columns(None, ["a"])
    Traceback (most recent call last):
    ...
    toolkit.errors.ParameterError: The input (data) must be a pandas DataFrame. Got NoneType instead.
    """
    if not hasattr(data, "columns"):
        raise ParameterError(
            f"The input ({where}) must be a pandas DataFrame. Got {type(data).__name__} instead."
        )
    if isinstance(columns, str):
        columns = [columns]
    try:
        columns = list(columns)
    except TypeError:
        raise ParameterError(
            f"The '{argument}' parameter must be a column name or a list of column names. Got {columns!r} instead."
        ) from None
    missing = [c for c in columns if c not in data.columns]
    if missing:
        avail = list(map(str, data.columns))
        shown = avail if len(avail) <= 30 else avail[:30] + ["..."]
        raise ColumnNotFoundError(
            f"The '{argument}' parameter names column(s) {missing} not found in {where}. "
            f"Available columns: {shown}."
        )


def check_choice(value, choices, *, argument: str, function: str | None = None) -> None:
    """Raise :class:`ParameterError` in scikit-learn's shape if ``value`` is not allowed.

    >>> check_choice("pairwise", {"pairwise", "listwise"}, argument="missing")
    >>> check_choice("x", ["pairwise", "listwise"], argument="missing", function="reliability")
    Traceback (most recent call last):
    ...
    toolkit.errors.ParameterError: The 'missing' parameter of reliability must be one of ['listwise', 'pairwise']. Got 'x' instead.
    """
    if value not in choices:
        of = f" of {function}" if function else ""
        raise ParameterError(
            f"The '{argument}' parameter{of} must be one of {sorted(choices)}. Got {value!r} instead."
        )
