"""Small-cell suppression of two-way tables of counts, and of the percentages or
means computed from them."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from toolkit.disclosure import secondary as _secondary
from toolkit.disclosure.audit import intervals
from toolkit.disclosure.extended import extend
from toolkit.disclosure.result import MARKER, RECORD_COLUMNS, SuppressionResult
from toolkit.errors import (
    DataValidationError,
    DisclosureWarning,
    ParameterError,
    check_choice,
    check_columns,
    check_threshold,
)

__all__ = ["suppress", "suppress_by_counts", "suppress_long", "DisclosureWarning"]


# --------------------------------------------------------------------------- checks
def _check_settings(threshold, zeros, rounding, function) -> int:
    """The threshold as an int (any whole number of at least 1: the policy floor of 5 is the
    report's, see :func:`toolkit.errors.check_threshold`), after checking every setting."""
    threshold = check_threshold(threshold, function=function, allow_low=True)
    check_choice(zeros, {"publish", "suppress"}, argument="zeros", function=function)
    if rounding is not None and (
        isinstance(rounding, bool) or not isinstance(rounding, (int, np.integer)) or rounding < 2
    ):
        raise ParameterError(
            f"The 'rounding' parameter of {function} must be None or a whole-number base of at "
            f"least 2 (for example 5 to round to the nearest multiple of 5). Got {rounding!r} instead."
        )
    return threshold


def _as_frame(table, argument, function) -> pd.DataFrame:
    if isinstance(table, pd.Series):
        table = table.to_frame()
    if not isinstance(table, pd.DataFrame):
        raise ParameterError(
            f"The '{argument}' parameter of {function} must be a pandas DataFrame (rows x columns "
            f"of counts) or Series. Got {type(table).__name__} instead."
        )
    if table.shape[0] == 0 or table.shape[1] == 0:
        raise ParameterError(
            f"The '{argument}' parameter of {function} is an empty table (shape {table.shape}); "
            "give at least one row and one column of counts."
        )
    for axis, labels in (("row", table.index), ("column", table.columns)):
        dup = labels[labels.duplicated()].unique().tolist()
        if dup:
            raise ParameterError(
                f"The '{argument}' table of {function} has duplicated {axis} label(s) {dup}; "
                f"each {axis} must have a unique label (aggregate the duplicates first)."
            )
    return table


def _check_counts(table: pd.DataFrame, argument: str) -> np.ndarray:
    """Counts as an int64 array; every bad cell is reported, not only the first."""
    # (row label, column label, value found, problem, expectation)
    problems: list[tuple[object, object, float | str | None, str, str]] = []
    for col in table.columns:
        s = table[col]
        if not (pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s)):
            problems.append((None, col, str(s.dtype), "column is not numeric", "counts (whole numbers >= 0)"))
            continue
        v = pd.to_numeric(s).astype("Float64")
        for label, x in v.items():
            if pd.isna(x):
                problems.append((label, col, None, "missing count", "a count; write 0 for an empty cell"))
            elif x < 0:
                problems.append((label, col, float(x), "negative count", "a whole number >= 0"))
            elif float(x) != np.floor(float(x)):
                problems.append((label, col, float(x), "count is not a whole number", "a whole number >= 0"))
    if problems:
        report = pd.DataFrame(
            [
                {
                    "file": "",
                    "row": row,
                    "column": col,
                    "value": val,
                    "problem": prob,
                    "expected": exp,
                    "severity": "error",
                }
                for row, col, val, prob, exp in problems
            ],
            columns=["file", "row", "column", "value", "problem", "expected", "severity"],
        )
        raise DataValidationError(
            report,
            f"The '{argument}' table has {len(problems)} cell(s) that are not counts, e.g. row "
            f"{problems[0][0]!r}, column {problems[0][1]!r}: {problems[0][3]} (found "
            f"{problems[0][2]!r}, expected {problems[0][4]}). Fix them before suppression; "
            "the .report attribute lists every one.",
        )
    return table.to_numpy(dtype="float64").astype(np.int64)


def _check_margin_name(table, margins_name, function):
    if margins_name in list(table.index) or margins_name in list(table.columns):
        raise ParameterError(
            f"The table given to {function} already has a row or column labelled "
            f"{margins_name!r}. Give the interior counts only (totals are computed), or choose "
            "another 'margins_name'."
        )


# --------------------------------------------------------------------------- core
def _pattern(counts, threshold, zeros, secondary, upper_protection=True):
    ext = extend(counts)
    primary = (ext > 0) & (ext < threshold)
    if zeros == "suppress":
        primary |= ext == 0
    if secondary:
        suppressed, protects, unprotected = _secondary.complete(ext, primary, threshold if upper_protection else None)
    else:
        suppressed, protects, unprotected = primary.copy(), {}, []
    return ext, primary, suppressed, protects, unprotected


def _labels(table, margins_name):
    return list(table.index) + [margins_name], list(table.columns) + [margins_name]


def _kept_axes(shape, margins):
    """Row / column positions of the extended table shown in the output.

    A total is shown only when ``margins`` is True and it is not a copy of the
    single interior line (a one-column table's row totals equal its cells).
    """
    r, c = shape
    rows = list(range(r)) + ([r] if margins and r > 1 else [])
    cols = list(range(c)) + ([c] if margins and c > 1 else [])
    return rows, cols


def _record(ext, primary, suppressed, protects, unprotected, rows, cols, threshold, audit):
    if audit:
        lower, upper = intervals(ext, suppressed)
    else:
        lower = upper = np.full(ext.shape, np.nan)
    out = []
    for i, j in zip(*np.nonzero(suppressed)):
        i, j = int(i), int(j)
        v = int(ext[i, j])
        if primary[i, j]:
            action = "primary"
            reason = (
                f"count {v} is below the threshold of {threshold}"
                if v > 0
                else "zero count suppressed (zeros='suppress')"
            )
        else:
            action = "secondary"
            i0, j0 = protects[(i, j)]
            reason = (
                f"complementary suppression: otherwise the suppressed cell (row {rows[i0]!r}, "
                f"column {cols[j0]!r}) could be recovered from the published totals"
            )
        if (i, j) in unprotected:
            reason += "; WARNING no complementary cells exist (its lines hold only zeros)"
        out.append((rows[i], cols[j], float(v), action, reason, lower[i, j], upper[i, j]))
    rec = pd.DataFrame(out, columns=RECORD_COLUMNS)
    return rec.astype({"value": "float64", "lower": "float64", "upper": "float64"})


def _warn_exposed(record, function):
    exposed = record[(record["upper"] - record["lower"]) <= 1e-9]
    if len(exposed):
        cells = ", ".join(f"({r!r}, {c!r})" for r, c in zip(exposed["row"], exposed["column"]))
        warnings.warn(
            f"{function}: {len(exposed)} suppressed cell(s) can still be derived exactly from the "
            f"published table: {cells}. This happens when zero counts are suppressed in lines of "
            "zeros; publish the zeros (zeros='publish') or merge categories.",
            DisclosureWarning,
            stacklevel=3,
        )


def _round(values: np.ndarray, base: int) -> np.ndarray:
    return (base * np.floor(values / base + 0.5)).astype(np.int64)


# --------------------------------------------------------------------------- public
def suppress(
    table,
    *,
    threshold: int = 10,
    zeros: str = "publish",
    secondary: bool = True,
    rounding: int | None = None,
    margins: bool = True,
    margins_name: str = "Total",
    upper_protection: bool = True,
    audit: bool = True,
) -> SuppressionResult:
    """Suppress small counts in a two-way table so that none can be recovered from totals.

    Parameters
    ----------
    table : pandas.DataFrame or pandas.Series
        Interior counts (whole numbers >= 0), rows x columns, without totals; a
        Series is a one-column table.
    threshold : int, default 10
        Smallest count that may be published: counts with ``0 < n < threshold``
        are suppressed (primary suppression). Totals follow the same rule.
    zeros : {"publish", "suppress"}, default "publish"
        Whether zero counts are published (usual for structural or harmless zeros)
        or suppressed too (when a zero itself discloses, e.g. "no-one in this
        team reported").
    secondary : bool, default True
        Add complementary suppressions so that no suppressed cell can be derived
        from the row, column and grand totals. Only switch off when no totals are
        published anywhere.
    rounding : int, optional
        Round every published count and total independently to the nearest
        multiple of this base (e.g. 5), after suppression.
    margins : bool, default True
        Show row and column totals (named ``margins_name``) in the safe table.
        Either way the protection assumes totals are known, since they are
        usually published elsewhere.
    margins_name : str, default "Total"
        Label of the totals row and column.
    upper_protection : bool, default True
        Choose complementary cells so that each primary cell :math:`x` could be
        as large as the threshold given the published values (its cycle's other
        cells all hold at least :math:`k - x`); an intruder then cannot even
        tell that the cell is small. Falls back to plain protection (interval
        not a single point) where the table has no such cells. False suppresses
        fewer cells.
    audit : bool, default True
        Compute each suppressed cell's feasibility interval (``lower``,
        ``upper`` in the record) by linear programming.

    Returns
    -------
    SuppressionResult
        ``.table``: the safe table (nullable ``Int64``; suppressed cells ``<NA>``;
        display them as :data:`MARKER` ``"[c]"``). ``.record``: one row per
        suppressed or rounded cell with columns ``row``, ``column``, ``value``
        (the original count), ``action`` (``"primary"``, ``"secondary"``,
        ``"rounded"``), ``reason``, ``lower``, ``upper`` (interval an intruder
        can derive; NaN for rounded cells). The record holds the true counts:
        do not publish it.

    Notes
    -----
    Primary suppression withholds every count :math:`0 < n < k` (and zeros if
    asked). Secondary suppression works on the table bordered by its totals.
    Every line of that table satisfies :math:`\\sum_j x_{ij} = x_{i+}` and
    :math:`\\sum_i x_{ij} = x_{+j}`, so the suppressed cells can be changed
    without altering any published value exactly along cycles of suppressed
    cells in the bipartite graph of rows and columns. A suppressed cell lying on
    no such cycle is disclosed (in particular any line with a single suppressed
    cell). For every suppressed cell not on a cycle of positive suppressed cells
    (with ``upper_protection``, for a primary cell :math:`x`: of cells holding
    at least :math:`k - x`), the cheapest path of further cells closing one is found (Dijkstra, cost =
    the counts withheld, so the smallest complementary cells are preferred,
    totals last), until no cell changes. Then every suppressed positive count
    can move up and down, i.e. its feasibility interval (``lower``, ``upper``:
    :math:`\\min` and :math:`\\max` of the cell subject to all published values
    and non-negativity) is not a single point, and with ``upper_protection``
    its ``upper`` end reaches :math:`k` wherever the table allows. Both ends are
    reported in the record so the protection can be checked. Rounding is applied last to published cells and does not enter
    the audit. Attribute disclosure (a row whose total equals one cell) is not
    addressed.

    References
    ----------
    Hundepool, A., Domingo-Ferrer, J., Franconi, L., Giessing, S., Schulte Nordholt, E.,
    Spicer, K. & de Wolf, P.-P. (2012). *Statistical Disclosure Control*. Wiley,
    chapter 4 (magnitude and frequency tables; secondary cell suppression).

    Carvalho, F. D., Dellaert, N. P. & Osório, M. S. (1994). Statistical disclosure in
    two-dimensional tables: general tables. *Journal of the American Statistical
    Association*, 89(428), 1547-1557.

    Office for National Statistics (2023). *Policy on protecting confidentiality in
    tables of birth and death statistics*; Government Statistical Service, *Statistical
    disclosure control for tables* (threshold rules, "[c]" symbol).

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.disclosure import suppress
    >>> t = pd.DataFrame({"A": [3, 40, 25], "B": [30, 35, 28]}, index=["F01", "F02", "F03"])
    >>> res = suppress(t)
    >>> res.table
              A     B  Total
    F01    <NA>  <NA>     33
    F02      40    35     75
    F03    <NA>  <NA>     53
    Total    68    93    161
    >>> res.record[["row", "column", "value", "action"]]
       row column  value     action
    0  F01      A    3.0    primary
    1  F01      B   30.0  secondary
    2  F03      A   25.0  secondary
    3  F03      B   28.0  secondary
    """
    fn = "suppress"
    threshold = _check_settings(threshold, zeros, rounding, fn)
    table = _as_frame(table, "table", fn)
    _check_margin_name(table, margins_name, fn)
    counts = _check_counts(table, "table")
    ext, primary, suppressed, protects, unprotected = _pattern(counts, threshold, zeros, secondary, upper_protection)
    row_labels, col_labels = _labels(table, margins_name)
    record = _record(ext, primary, suppressed, protects, unprotected, row_labels, col_labels, threshold, audit)
    if audit:
        _warn_exposed(record, fn)

    published = _round(ext, rounding) if rounding else ext.copy()
    if rounding:
        changed = (published != ext) & ~suppressed
        rounded = [
            (
                row_labels[i],
                col_labels[j],
                float(ext[i, j]),
                "rounded",
                f"rounded to the nearest multiple of {rounding}",
                np.nan,
                np.nan,
            )
            for i, j in zip(*np.nonzero(changed))
        ]
        if rounded:
            record = pd.concat([record, pd.DataFrame(rounded, columns=RECORD_COLUMNS)], ignore_index=True)
    rows, cols = _kept_axes(counts.shape, margins)
    safe = pd.DataFrame(published, dtype="Int64").mask(pd.DataFrame(suppressed))
    safe = safe.iloc[rows, cols]
    safe.index = pd.Index([row_labels[i] for i in rows], name=table.index.name)
    safe.columns = pd.Index([col_labels[j] for j in cols], name=table.columns.name)
    settings = dict(
        threshold=threshold,
        zeros=zeros,
        secondary=secondary,
        rounding=rounding,
        margins=margins,
        margins_name=margins_name,
        upper_protection=upper_protection,
        marker=MARKER,
    )
    return SuppressionResult(safe, record, threshold, settings)


def suppress_by_counts(
    values,
    counts,
    *,
    threshold: int = 10,
    zeros: str = "publish",
    secondary: bool = True,
    margins_name: str = "Total",
    upper_protection: bool = True,
    audit: bool = True,
) -> SuppressionResult:
    """Suppress percentages or means whose base count is small, with secondary suppression.

    Parameters
    ----------
    values : pandas.DataFrame or pandas.Series
        The figures to publish (percentages, means, rates), labelled like
        ``counts``; it may also hold total rows / columns labelled
        ``margins_name`` (figures for the row / column totals), which are then
        suppressed when their base total is.
    counts : pandas.DataFrame or pandas.Series
        The interior counts each value is based on (same row and column labels,
        no totals).
    threshold, zeros, secondary, margins_name, upper_protection, audit
        As in :func:`suppress`.

    Returns
    -------
    SuppressionResult
        ``.table``: ``values`` as floats with suppressed cells ``NaN``.
        ``.record``: as in :func:`suppress`, describing the base counts
        (``value`` is the base count; ``lower``, ``upper`` its feasibility
        interval).

    Notes
    -----
    The suppression pattern is the one :func:`suppress` finds for ``counts``
    (a percentage of a published base, or a mean with its n, discloses the
    count as surely as the count itself), applied to ``values``.

    References
    ----------
    Hundepool, A. et al. (2012). *Statistical Disclosure Control*. Wiley, chapter 4.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.disclosure import suppress_by_counts
    >>> n = pd.DataFrame({"Officer": [120, 4], "Staff": [60, 30]}, index=["F01", "F02"])
    >>> pct = pd.DataFrame({"Officer": [41.7, 75.0], "Staff": [20.0, 33.3]}, index=["F01", "F02"])
    >>> suppress_by_counts(pct, n).table
         Officer  Staff
    F01      NaN    NaN
    F02      NaN    NaN
    """
    fn = "suppress_by_counts"
    threshold = _check_settings(threshold, zeros, None, fn)
    counts = _as_frame(counts, "counts", fn)
    values = _as_frame(values, "values", fn)
    _check_margin_name(counts, margins_name, fn)
    arr = _check_counts(counts, "counts")
    row_labels, col_labels = _labels(counts, margins_name)
    extra_rows = [x for x in values.index if x not in row_labels]
    extra_cols = [x for x in values.columns if x not in col_labels]
    if extra_rows or extra_cols:
        raise ParameterError(
            f"The 'values' table of {fn} has row(s) {extra_rows} and column(s) {extra_cols} "
            f"with no base in 'counts' (rows {list(counts.index)}, columns "
            f"{list(counts.columns)}, totals {margins_name!r}). Label both tables alike."
        )
    non_numeric = [c for c in values.columns if not pd.api.types.is_numeric_dtype(values[c])]
    if non_numeric:
        raise ParameterError(
            f"The 'values' table of {fn} has non-numeric column(s) {non_numeric}; give numbers "
            "(formatting happens in toolkit.report)."
        )
    ext, primary, suppressed, protects, unprotected = _pattern(arr, threshold, zeros, secondary, upper_protection)
    record = _record(ext, primary, suppressed, protects, unprotected, row_labels, col_labels, threshold, audit)
    if audit:
        _warn_exposed(record, fn)
    mask = pd.DataFrame(suppressed, index=row_labels, columns=col_labels)
    mask = mask.loc[list(values.index), list(values.columns)]
    safe = values.astype("float64").mask(mask.to_numpy())
    settings = dict(
        threshold=threshold,
        zeros=zeros,
        secondary=secondary,
        margins_name=margins_name,
        upper_protection=upper_protection,
        marker=MARKER,
    )
    return SuppressionResult(safe, record, threshold, settings)


def suppress_long(
    data: pd.DataFrame,
    *,
    rows: str,
    columns: str,
    count: str | None = None,
    **options,
) -> SuppressionResult:
    """Suppress a table given in long form (one row per group, or one row per person).

    Parameters
    ----------
    data : pandas.DataFrame
        Long data.
    rows, columns : str
        Grouping columns forming the table's rows and columns.
    count : str, optional
        Column holding the counts (summed within each combination). Without
        it, rows of ``data`` are counted (a cross-tabulation of respondents).
    **options
        Passed to :func:`suppress` (``threshold``, ``zeros``, ``rounding``, ...).

    Returns
    -------
    SuppressionResult
        As :func:`suppress`. Combinations absent from ``data`` are zero counts.
        Use ``result.to_long()`` for a long safe table.

    Notes
    -----
    The long table is pivoted to ``rows`` x ``columns`` (sum of ``count``) and
    passed to :func:`suppress`.

    References
    ----------
    Hundepool, A. et al. (2012). *Statistical Disclosure Control*. Wiley, chapter 4.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.disclosure import suppress_long
    >>> d = pd.DataFrame({"force": ["F01", "F01", "F02", "F02"],
    ...                   "role": ["Officer", "Staff", "Officer", "Staff"],
    ...                   "n": [52, 3, 40, 18]})
    >>> suppress_long(d, rows="force", columns="role", count="n").table
    role     Officer  Staff  Total
    force
    F01         <NA>   <NA>     55
    F02         <NA>   <NA>     58
    Total         92     21    113
    """
    fn = "suppress_long"
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(
            f"The 'data' parameter of {fn} must be a pandas DataFrame. Got {type(data).__name__} instead."
        )
    for argument, column in (("rows", rows), ("columns", columns), ("count", count)):
        if column is not None or argument != "count":
            check_columns(data, [column], argument=argument)
    if count is None:
        table = pd.crosstab(data[rows], data[columns])
    else:
        if not pd.api.types.is_numeric_dtype(data[count]):
            raise ParameterError(
                f"The 'count' column {count!r} given to {fn} is not numeric "
                f"(dtype {data[count].dtype}); give a column of counts."
            )
        table = data.pivot_table(index=rows, columns=columns, values=count, aggfunc="sum", fill_value=0, observed=True)
    table.columns.name = columns
    table.index.name = rows
    return suppress(table, **options)
