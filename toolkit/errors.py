"""Every error the toolkit raises for a user's data or arguments.

All are subclasses of :class:`ValueError`, so ``except ValueError`` catches them.
Messages follow one shape: what was found, where (file, row as numbered in the
file the user opened, column), what was expected, and how to fix it.
"""

from __future__ import annotations

import numbers
import os
import warnings

__all__ = [
    "ToolkitError",
    "ParameterError",
    "ColumnNotFoundError",
    "DictionaryError",
    "DataValidationError",
    "FileFormatError",
    "ConvergenceError",
    "DesignError",
    "DataWarning",
    "DisclosureWarning",
    "StaggeredAdoptionWarning",
    "check_ci",
    "check_proportion",
    "check_n_jobs",
    "check_threshold",
    "warn_excluded",
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


class DataWarning(UserWarning):
    """Rows were left out of an analysis, or a result rests on thin data.

    Carries ``n_excluded`` (rows left out; 0 when nothing was excluded) and ``reason``,
    so callers can filter exactly (``warnings.filterwarnings("ignore", category=DataWarning)``)
    and the evidence pack can log the counts.

    >>> w = DataWarning("3 row(s) excluded: missing outcome", n_excluded=3, reason="missing outcome")
    >>> w.n_excluded, w.reason
    (3, 'missing outcome')
    """

    def __init__(self, message: str, *, n_excluded: int = 0, reason: str = ""):
        super().__init__(message)
        self.n_excluded = int(n_excluded)
        self.reason = reason


def warn_excluded(n: int, reason: str, *, function: str, detail: str | None = None, stacklevel: int = 3) -> None:
    """Announce ``n`` excluded rows (nothing is dropped silently) with a :class:`DataWarning`.

    The message reads ``"{function}: {n} row(s) excluded: {reason}."``, or with ``detail``
    ``"{function}: {n} row(s) {detail}."``; nothing is issued when ``n`` is 0.
    ``stacklevel`` is passed to :func:`warnings.warn` from inside this helper: 2 names its
    caller, 3 (the default) its caller's caller (the public function's caller).

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_excluded(2, "missing outcome", function="prevalence")
    >>> caught[0].message.n_excluded, str(caught[0].message)
    (2, 'prevalence: 2 row(s) excluded: missing outcome.')
    """
    if n:
        text = f"{function}: {n} row(s) {detail}." if detail else f"{function}: {n} row(s) excluded: {reason}."
        warnings.warn(DataWarning(text, n_excluded=n, reason=reason), stacklevel=stacklevel)


class DisclosureWarning(UserWarning):
    """A suppressed cell could not be fully protected (see the result's record)."""


class StaggeredAdoptionWarning(UserWarning):
    """Plain two-way fixed effects was used on units that adopt treatment at different times.

    Raised by ``toolkit.evaluate.did`` and ``event_study``; ``staggered_did`` is the remedy.
    """


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
                lines.append(f"  - {where}: {rec.problem}; found {rec.value!r}, expected {rec.expected}")
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
        raise ParameterError(f"The input ({where}) must be a pandas DataFrame. Got {type(data).__name__} instead.")
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
            f"The '{argument}' parameter names column(s) {missing} not found in {where}. Available columns: {shown}."
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
        raise ParameterError(f"The '{argument}' parameter{of} must be one of {sorted(choices)}. Got {value!r} instead.")


def check_proportion(value, *, argument: str, function: str | None = None, example: float = 0.5) -> float:
    """Return ``value`` as a float if it is a number strictly between 0 and 1, or raise
    :class:`ParameterError` naming the argument (a significance level, a proportion...).

    The one check of every such parameter (:func:`check_ci` is it for confidence levels).
    Booleans, strings and NaN are refused.

    >>> check_proportion(0.05, argument="alpha")
    0.05
    >>> check_proportion(5, argument="alpha", function="power", example=0.05)
    Traceback (most recent call last):
    ...
    toolkit.errors.ParameterError: The 'alpha' parameter of power must be a number strictly between 0 and 1 (e.g. 0.05). Got 5 instead.
    """
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool) and 0 < float(value) < 1
    if not ok:
        of = f" of {function}" if function else ""
        raise ParameterError(
            f"The '{argument}' parameter{of} must be a number strictly between 0 and 1 (e.g. {example:g}). "
            f"Got {value!r} instead."
        )
    return float(value)


def check_ci(ci, *, function: str | None = None, argument: str = "ci") -> float:
    """Return the confidence level ``ci`` as a float, or raise :class:`ParameterError`.

    >>> check_ci(0.9)
    0.9
    >>> check_ci(95, function="prevalence")
    Traceback (most recent call last):
    ...
    toolkit.errors.ParameterError: The 'ci' parameter of prevalence must be a number strictly between 0 and 1 (e.g. 0.95). Got 95 instead.
    """
    return check_proportion(ci, argument=argument, function=function, example=0.95)


def check_threshold(threshold, *, function: str | None = None, allow_low: bool = False) -> int:
    """Return the disclosure threshold *k* as an int, or raise :class:`ParameterError`.

    A threshold under 5 is refused unless ``allow_low`` (a study's
    ``disclosure.allow_low_threshold: true``); under 1 is always refused.

    >>> check_threshold(10)
    10
    >>> check_threshold(3)
    Traceback (most recent call last):
    ...
    toolkit.errors.ParameterError: The 'threshold' parameter must be a whole number of at least 5 (the smallest count of people that may be published). Got 3 instead. Set allow_low_threshold: true in study.yml to go lower.
    """
    of = f" of {function}" if function else ""
    # a whole number (10 or 10.0, numpy too); not a bool, a string or NaN
    ok = isinstance(threshold, numbers.Real) and not isinstance(threshold, bool) and float(threshold).is_integer()
    low = 1 if allow_low else 5
    if not ok or int(threshold) < low:
        hint = "" if allow_low else " Set allow_low_threshold: true in study.yml to go lower."
        raise ParameterError(
            f"The 'threshold' parameter{of} must be a whole number of at least {low} (the smallest "
            f"count of people that may be published). Got {threshold!r} instead.{hint}"
        )
    return int(threshold)


def check_n_jobs(n_jobs, *, function: str | None = None, allow_none: bool = False) -> int:
    """Return the number of worker processes ``n_jobs`` asks for, or raise :class:`ParameterError`.

    A positive int is that many workers (1: serial); ``-1`` is one per core, and so is
    ``None`` where ``allow_none``.

    >>> check_n_jobs(2)
    2
    >>> check_n_jobs(0, function="redact_many")
    Traceback (most recent call last):
    ...
    toolkit.errors.ParameterError: The 'n_jobs' parameter of redact_many must be a positive int (1: serial) or -1 (one per core). Got 0 instead.
    """
    of = f" of {function}" if function else ""
    if n_jobs is None and allow_none:
        n_jobs = -1
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs == 0 or n_jobs < -1:
        one_per_core = "-1 or None (one per core)" if allow_none else "-1 (one per core)"
        raise ParameterError(
            f"The 'n_jobs' parameter{of} must be a positive int (1: serial) or {one_per_core}. Got {n_jobs!r} instead."
        )
    return os.cpu_count() or 1 if n_jobs == -1 else n_jobs
