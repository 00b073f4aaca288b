"""Inter-coder agreement: Krippendorff's alpha, Cohen's kappa, and per-code agreement
on a double-coded qualitative project.

``krippendorff_alpha``, ``krippendorff_alpha_ci``, ``fleiss_kappa`` and ``cohen_kappa``
take long data (columns ``item``, ``coder``, ``value``: one row per item and coder) in the
pingouin style; ``cohen_kappa`` also takes wide data (one column per rater).
``agreement`` builds units from the coded text of a :class:`~toolkit.qual.QualProject`
(see :mod:`toolkit.qual._coding_units` for the unit construction) and reports all three
measures per code and overall, with bootstrap confidence intervals.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy import sparse, stats
from statsmodels.stats.inter_rater import cohens_kappa as _sm_kappa

from toolkit.errors import (
    DataValidationError,
    ParameterError,
    check_choice,
    check_ci,
    check_columns,
)
from toolkit.qual import _coincidence as _co
from toolkit.qual._coding_units import sparse_presence

__all__ = ["krippendorff_alpha", "krippendorff_alpha_ci", "fleiss_kappa", "cohen_kappa", "agreement"]


def _codes(values):
    """Integer codes of a column, and how many there are, fast on the layouts coding data
    come in: integers in a compact range (``x - min``), or long runs of one value (a
    table melted coder by coder: factorise the runs only); else ``pandas.factorize``.
    Codes need not be in order of appearance (only equality matters)."""
    ext = values.array if isinstance(values, pd.Series) else values
    if isinstance(ext, pd.arrays.ArrowStringArray):
        return _arrow_codes(ext)
    arr = values.to_numpy() if hasattr(values, "to_numpy") else np.asarray(values)
    n = arr.size
    if n and arr.dtype.kind in "iu":
        lo, hi = int(arr.min()), int(arr.max())
        if hi - lo <= 2 * n + 1024:
            return (arr - lo).astype(np.int64), hi - lo + 1
    if n > 64 and arr.dtype == object:
        change = np.flatnonzero(arr[1:] != arr[:-1]) + 1
        if change.size < n // 16:
            starts = np.concatenate([[0], change])
            run_codes, uniques = pd.factorize(arr[starts])
            if (run_codes >= 0).all():
                return np.repeat(run_codes, np.diff(np.append(starts, n))), len(uniques)
    codes, uniques = pd.factorize(arr)
    return codes, len(uniques)


def _arrow_codes(ext):
    """:func:`_codes` of Arrow strings without converting them to Python objects: the
    runs (a table melted coder by coder has a few long ones) factorised, or Arrow's
    dictionary encoding. Missing values get code -1."""
    chunked = ext._pa_array
    n = len(chunked)
    flat = chunked.combine_chunks() if isinstance(chunked, pa.ChunkedArray) else chunked
    if n > 64:
        runs = pc.run_end_encode(flat)
        ends = runs.run_ends.to_numpy().astype(np.int64)
        if len(ends) < n // 16:
            seen: dict = {}  # first appearance, as pandas.factorize; a missing value -> -1
            run_codes = [-1 if v is None else seen.setdefault(v, len(seen)) for v in runs.values.to_pylist()]
            lengths = ends.copy()
            lengths[1:] -= ends[:-1]
            return np.repeat(np.array(run_codes, dtype=np.int64), lengths), len(seen)
    codes, uniques = ext.factorize()
    return np.asarray(codes, dtype=np.int64), len(uniques)


def _fast_duplicate_check(u_idx, c_idx, n_coders, df, keys, function):
    """Raise the duplicate report if an (item, coder) pair repeats: integer keys, one
    ``bincount`` (or a sort when the key range is large), the pandas report only then
    (``df`` is a callable building the table, called only when a duplicate exists)."""
    if _has_duplicates(u_idx, c_idx):
        _duplicate_error(df(), keys, function)


def _has_duplicates(u_idx, c_idx) -> bool:
    """Whether an (item code, coder code) pair repeats."""
    if not u_idx.size:
        return False
    key = c_idx.astype(np.int64) * (int(u_idx.max()) + 1) + u_idx
    span = int(key.max()) + 1
    if span <= 8 * key.size + 1024:
        return bool(np.bincount(key, minlength=span).max() > 1)
    k = np.sort(key)
    return bool((k[1:] == k[:-1]).any())


def _check_frame(data, function):
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(
            f"The 'data' parameter of {function} must be a pandas DataFrame in long format "
            f"(one row per unit and coder). Got {type(data).__name__} instead; build one with "
            "pandas.DataFrame(...) or DataFrame.melt(...)."
        )


def _duplicate_error(data, keys, function):
    dup = data.duplicated(subset=keys, keep=False)
    if dup.any():
        rows = data.index[dup]
        report = pd.DataFrame(
            {
                "file": "",
                "row": [int(r) + 2 if isinstance(r, (int, np.integer)) else r for r in rows],
                "column": "+".join(keys),
                "value": [" / ".join(map(str, v)) for v in data.loc[dup, keys].to_numpy()],
                "problem": "the same unit is coded more than once by the same coder",
                "expected": "one row per unit and coder",
                "severity": "error",
            }
        )
        raise DataValidationError(
            report,
            f"{function}: {int(dup.sum())} row(s) repeat a (unit, coder) pair, e.g. "
            f"{report['value'].iloc[0]!r} (row {report['row'].iloc[0]} counting the header as "
            "row 1). Keep one value per unit and coder (drop duplicates or aggregate first).",
        )


def _value_domain(values: pd.Series, level: str, column: str):
    """Integer codes and the ordered domain of the values (missing already removed)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        if level != "nominal" and not values.cat.ordered:
            raise ParameterError(
                f"Column '{column}' is an unordered categorical but level={level!r} needs an "
                "order; use an ordered categorical (pd.Categorical(..., ordered=True)) or "
                "level='nominal'."
            )
        cats = values.cat.categories
        codes = values.cat.codes.to_numpy()
        if level in ("interval", "ratio"):
            domain = pd.to_numeric(pd.Series(cats), errors="coerce").to_numpy(dtype=float)
            if np.isnan(domain).any():
                raise ParameterError(
                    f"Column '{column}' has non-numeric categories {list(cats)} but "
                    f"level={level!r} needs numbers; use level='ordinal' or 'nominal'."
                )
            return codes, domain
        return codes, np.asarray(cats)
    if level == "nominal":
        codes, uniques = pd.factorize(values, sort=False)
        return codes, np.asarray(uniques)
    numeric = pd.to_numeric(values, errors="coerce")
    bad = numeric.isna()
    if bad.any():
        example = values[bad].iloc[0]
        raise ParameterError(
            f"Column '{column}' has value {example!r} (row {values.index[bad][0]}) that is not "
            f"a number, but level={level!r} needs numeric values or an ordered categorical. "
            "Recode the values to numbers, or use level='nominal'."
        )
    if level == "ratio" and (numeric < 0).any():
        raise ParameterError(
            f"Column '{column}' has negative values but level='ratio' needs values >= 0 "
            "(a true zero); use level='interval' instead."
        )
    codes, uniques = pd.factorize(numeric, sort=True)
    return codes, np.asarray(uniques, dtype=float)


#: Columns up to this many values are coded with a dict (below that, numpy's and
#: pandas' fixed costs dominate).
_SHORT = 128


def _clean_codes(arr):
    """Integer codes of a column's values, as :func:`_codes` gives them, or None when a
    value is missing or the column is of another kind (the general path then decides)."""
    if isinstance(arr, np.ndarray) and arr.dtype.kind in "iu":
        lo = int(arr.min())
        if int(arr.max()) - lo > 2 * arr.size + 1024:
            return None
        return arr - lo if arr.dtype == np.int64 else (arr - lo).astype(np.int64)
    if isinstance(arr, pd.arrays.ArrowStringArray) and len(arr) > _SHORT:
        codes, _ = _arrow_codes(arr)
    elif isinstance(arr, np.ndarray) and arr.dtype == object and len(arr) > _SHORT:
        codes, _ = _codes(arr)
    else:
        if isinstance(arr, pd.arrays.ArrowStringArray):
            values = arr._pa_array.to_pylist()
        elif isinstance(arr, np.ndarray) and arr.dtype == object:
            values = arr.tolist()
        else:
            return None
        seen: dict = {}  # first appearance, as pandas.factorize
        codes = [seen.setdefault(v, len(seen)) for v in values]
        if None in seen or any(isinstance(v, float) and v != v for v in seen):
            return None
        return np.array(codes, dtype=np.int64)
    return None if (codes < 0).any() else codes


def _column_arrays(data, columns, level):
    """The arrays of ``columns`` of a plain DataFrame as pandas holds them (no Series
    built), for the fast paths; None when the general path must take the table (not a
    plain DataFrame, an unknown level, repeated or missing column names)."""
    if type(data) is not pd.DataFrame or level not in _co.LEVELS:
        return None
    cols = data.columns
    if not cols.is_unique:
        return None
    try:
        where = [cols.get_loc(c) for c in columns]
        get = data._mgr.iget_values
    except (KeyError, TypeError, AttributeError, pd.errors.InvalidIndexError):
        return None
    return [get(i) for i in where]


def _clean_inputs(data, item, coder, value, level):
    """:func:`_alpha_inputs` for a clean table of numeric values (the common case of a
    reliability sample), reading the columns' arrays directly; None whenever anything
    needs the general path (which then checks and reports as usual)."""
    arrays = _column_arrays(data, (item, coder, value), level)
    if arrays is None or len(data) == 0:
        return None
    items, coders, x = arrays
    if not isinstance(x, np.ndarray) or x.dtype.kind not in "iuf":
        return None
    u_idx = _clean_codes(items)
    if u_idx is None:
        return None
    keep = ~np.isnan(x) if x.dtype.kind == "f" else None
    if keep is not None and keep.all():
        keep = None
    if len(x) <= _SHORT and isinstance(coders, (np.ndarray, pd.arrays.ArrowStringArray)):
        # a short table: its (item, coder) pairs checked as a set of Python values
        c_list = coders._pa_array.to_pylist() if isinstance(coders, pd.arrays.ArrowStringArray) else coders.tolist()
        u_list = u_idx.tolist()
        if keep is not None:
            kl = keep.tolist()
            c_list = [c for c, k in zip(c_list, kl) if k]
            u_list = [u for u, k in zip(u_list, kl) if k]
        distinct = set(c_list)
        if None in distinct or any(isinstance(c, float) and c != c for c in distinct):
            return None
        if len(set(zip(u_list, c_list))) != len(u_list):
            return None  # a repeated (item, coder): the general path reports it
        if keep is not None:
            x, u_idx = x[keep], u_idx[keep]
    else:
        c_idx = _clean_codes(coders)
        if c_idx is None:
            return None
        if keep is not None:
            x, u_idx, c_idx = x[keep], u_idx[keep], c_idx[keep]
        if _has_duplicates(u_idx, c_idx):
            return None  # a repeated (item, coder): the general path reports it
    if u_idx.size == 0:
        return None
    fast = _short_domain(x, level) if len(x) <= _SHORT else _numeric_domain(x, level)
    if fast is None:
        return None
    return u_idx, fast[0], fast[1]


def _fast_alpha(data, item, coder, value, level):
    """:func:`krippendorff_alpha` of a clean table with integer items and integer-valued
    numbers in a compact range (the common reliability sample), straight from the
    columns' arrays: missing values get their own value code instead of being filtered
    out, and a table melted coder by coder (each coder's rows together, items rising) is
    checked for repeated (item, coder) pairs without coding the coders. None whenever
    anything needs the general path (which then checks and reports as usual)."""
    arrays = _column_arrays(data, (item, coder, value), level)
    if arrays is None:
        return None
    items, coders, x = arrays
    if not (isinstance(x, np.ndarray) and isinstance(items, np.ndarray) and x.size):
        return None
    if x.dtype.kind not in "iuf" or items.dtype.kind not in "iu":
        return None
    n = x.size
    lo_u = int(items.min())
    n_units = int(items.max()) - lo_u + 1
    if n_units > 2 * n + 1024:
        return None
    keep = None
    if x.dtype.kind == "f":
        keep = x == x
        n_keep = int(np.count_nonzero(keep))
        if n_keep == 0:
            return None
        if n_keep == n:
            keep = None
    coded = _fast_value_codes(x, keep, level)
    if coded is None:
        return None
    codes, domain = coded
    u_idx = items - lo_u if items.dtype == np.int64 else (items - lo_u).astype(np.int64)
    if not _no_repeats(u_idx, coders, keep):
        return None
    return _co.alpha_from_codes(u_idx, codes, domain, level, n_units=n_units, missing=keep is not None)


#: Up to this many values from the smallest to the largest, values in between that do not
#: occur stay in the domain: their marginal is 0, so they change no sum of alpha (and the
#: ordinal mid-ranks of the others are the same).
_NO_REMAP = 16


def _fast_value_codes(x, keep, level):
    """``(codes, sorted domain)`` of integer-valued numbers in a compact range, a missing
    value (``keep`` False) coded ``len(domain)``; None when that does not apply or the
    general path must report (ratio values below 0). A short array's distinct values are
    found in Python, a longer one's with ``x - min`` and a ``bincount``; a domain of at most
    ``_NO_REMAP`` values is the whole range."""
    n = x.size
    distinct = None
    if n <= _SHORT:
        values = x.tolist()
        distinct = set(values) if keep is None else {v for v in values if v == v}
        lo, hi = min(distinct), max(distinct)
        if x.dtype.kind == "f" and not all(v.is_integer() for v in distinct):
            return None  # (also infinite values)
        base, span = lo, hi - lo
    elif keep is not None:
        lo, hi = float(np.fmin.reduce(x)), float(np.fmax.reduce(x))
        base, span = lo, hi - lo
    else:
        base, top = x.min(), x.max()  # of the array's type: integers shifted exactly
        lo, hi, span = float(base), float(top), top - base
    if not (math.isfinite(lo) and math.isfinite(hi)) or span > 4 * n + 1024 or (level == "ratio" and lo < 0):
        return None
    width = int(span) + 1
    shifted = x - base
    if keep is not None:
        shifted[~keep] = width  # the code of a missing value
    codes = shifted.astype(np.int64)
    if distinct is not None:
        if len(distinct) == width or width <= _NO_REMAP:
            return codes, lo + np.arange(width, dtype=float)
        domain = np.array(sorted(distinct), dtype=float)
        remap = np.full(width + 1, len(domain), dtype=np.int64)
        remap[(domain - lo).astype(np.int64)] = np.arange(len(domain))
        return remap[codes], domain
    if x.dtype.kind == "f" and not (codes == shifted).all():
        return None
    if width <= _NO_REMAP:
        return codes, lo + np.arange(width, dtype=float)
    present = np.bincount(codes, minlength=width)[:width] > 0
    if present.all():
        return codes, lo + np.arange(width, dtype=float)
    domain = lo + np.flatnonzero(present).astype(float)
    remap = np.cumsum(present) - 1
    return (np.append(remap, len(domain)) if keep is not None else remap)[codes], domain


def _no_repeats(u_idx, coders, keep) -> bool:
    """Whether no (item, coder) pair repeats among the kept rows (``keep``; None = all);
    False also when the coders column needs the general path (missing coders)."""
    n = u_idx.size
    if isinstance(coders, pd.arrays.ArrowStringArray) and n > _SHORT:
        chunked = coders._pa_array
        flat = chunked.chunk(0) if chunked.num_chunks == 1 else chunked.combine_chunks()
        if flat.null_count:
            return False
        runs = pc.run_end_encode(flat)
        run_values = runs.values.to_pylist()
        if len(set(run_values)) == len(run_values):  # each coder's rows together
            step = np.diff(u_idx)
            step[runs.run_ends.to_numpy()[:-1] - 1] = 1
            if (step > 0).all():  # items rise within each coder's rows: no pair repeats
                return True
    elif n <= _SHORT and isinstance(coders, (np.ndarray, pd.arrays.ArrowStringArray)):
        if isinstance(coders, pd.arrays.ArrowStringArray):
            if coders._pa_array.null_count:
                return False
            c_list = coders._pa_array.to_pylist()
        else:
            c_list = coders.tolist()
            if coders.dtype == object:
                distinct = set(c_list)
                if None in distinct or any(isinstance(c, float) and c != c for c in distinct):
                    return False
        u_list = u_idx.tolist()
        if keep is not None:
            kl = keep.tolist()
            c_list = [c for c, k in zip(c_list, kl) if k]
            u_list = [u for u, k in zip(u_list, kl) if k]
        return len(set(zip(u_list, c_list))) == len(u_list)
    c_idx = _clean_codes(coders)
    if c_idx is None:
        return False
    if keep is not None:
        u_idx, c_idx = u_idx[keep], c_idx[keep]
    return not _has_duplicates(u_idx, c_idx)


def _alpha_inputs(data, item, coder, value, level, function):
    """``(u_idx, v_idx, domain)`` for the non-missing codings, after every check."""
    clean = _clean_inputs(data, item, coder, value, level)
    if clean is not None:
        return clean
    _check_frame(data, function)
    check_choice(level, _co.LEVELS, argument="level", function=function)
    if item is None or coder is None or value is None:
        raise ParameterError(f"{function} needs the columns item=, coder= and value=.")
    for arg, col in (("item", item), ("coder", coder), ("value", value)):
        check_columns(data, [col], argument=arg)
    if len(data) == 0:
        raise ParameterError(
            f"The 'data' parameter of {function} is an empty table (0 rows): there "
            "are no codings to compare. Check the filter or file that produced it."
        )
    values = data[value]
    numeric = values.dtype.kind in "iuf"
    if numeric:  # numbers: plain arrays from here on (no Series per step on small tables)
        x = values.to_numpy()
        keep = ~np.isnan(x) if x.dtype.kind == "f" else None
    else:
        keep = values.notna().to_numpy()
    every = keep is None or bool(keep.all())
    u_idx, _ = _codes(data[item])  # codes of the whole column, then the kept rows
    c_idx, n_coders = _codes(data[coder])
    if not every:
        u_idx, c_idx = u_idx[keep], c_idx[keep]
        if numeric:
            x = x[keep]
        else:
            values = values[keep]
    if (u_idx < 0).any() or (c_idx < 0).any():
        col = item if (u_idx < 0).any() else coder
        raise ParameterError(
            f"{function}: column '{col}' has missing values in rows that carry a value; "
            f"every coding needs its {'item' if col == item else 'coder'}. Fill or drop them."
        )
    _fast_duplicate_check(
        u_idx,
        c_idx,
        n_coders,
        lambda: data.loc[keep if keep is not None else slice(None), [item, coder, value]],
        [item, coder],
        function,
    )
    if u_idx.size == 0:
        return None
    fast = _numeric_domain(x, level) if numeric else None
    if fast is None:
        if numeric:
            values = pd.Series(x, name=value)
        fast = _value_domain(values, level, value)
    v_idx, domain = fast
    return u_idx, v_idx, domain


def _short_domain(x: np.ndarray, level):
    """:func:`_numeric_domain` of a short array, the distinct values found in Python
    (the same codes and domain, without a dozen array operations)."""
    values = x.tolist()
    distinct = set(values)
    lo, hi = min(distinct), max(distinct)
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi - lo > 4 * len(values) + 1024:
        return None
    if level == "ratio" and lo < 0:
        return None  # let _value_domain report it
    if x.dtype.kind == "f" and not all(v.is_integer() for v in distinct):
        return None
    if len(distinct) == hi - lo + 1:  # every value from the smallest to the largest occurs
        return (x - lo).astype(np.int64), np.arange(lo, hi + 1, dtype=float)
    domain = sorted(distinct)
    rank = {v: i for i, v in enumerate(domain)}
    return np.array([rank[v] for v in values], dtype=np.int64), np.array(domain, dtype=float)


def _numeric_domain(values, level):
    """``(codes, sorted domain)`` for integer-valued numbers in a compact range without
    hashing (``x - min``, then the values present); None when that does not apply."""
    x = values.to_numpy() if hasattr(values, "to_numpy") else np.asarray(values)
    if x.dtype.kind not in "iuf" or len(x) == 0:
        return None
    lo_x = x.min()
    lo, hi = float(lo_x), float(x.max())
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi - lo > 4 * len(x) + 1024:
        return None
    if level == "ratio" and lo < 0:
        return None  # let _value_domain report it
    shifted = x - lo_x
    codes = shifted.astype(np.int64)
    if x.dtype.kind == "f" and not (codes == shifted).all():
        return None
    present = np.bincount(codes) > 0
    if present.all():  # every value from the smallest to the largest occurs: no remapping
        return codes, (lo_x + np.arange(len(present))).astype(float)
    remap = np.cumsum(present) - 1
    domain = (lo_x + np.flatnonzero(present)).astype(float)
    return remap[codes], domain


def krippendorff_alpha(data, *, item, coder, value, level="nominal"):
    """Krippendorff's alpha for any number of coders, missing values and four levels.

    Parameters
    ----------
    data : pandas.DataFrame
        Long data: one row per item and coder. Rows whose ``value`` is missing are
        allowed (the coder did not code that item) and carry no information.
    item, coder, value : str
        Columns naming the item coded (Krippendorff's "unit"), the coder, and the value
        assigned.
    level : {"nominal", "ordinal", "interval", "ratio"}
        Level of measurement of ``value``. Ordinal, interval and ratio need numbers or an
        ordered categorical; ratio needs values >= 0.

    Returns
    -------
    float
        Krippendorff's alpha; NaN (with a warning) when it is undefined, i.e. when fewer
        than two pairable values exist or all pairable values are identical.

    Notes
    -----
    With ``n_uc`` the number of coders giving value ``c`` to unit ``u`` and ``m_u`` the
    number of values unit ``u`` received, units with ``m_u >= 2`` are pairable and the
    coincidence matrix is

    .. math:: o_{ck} = \\sum_u \\frac{n_{uc} n_{uk} - [c = k]\\, n_{uc}}{m_u - 1}.

    With marginals :math:`n_c = \\sum_k o_{ck}` and :math:`n = \\sum_c n_c`,

    .. math:: \\alpha = 1 - (n - 1) \\frac{\\sum_{c,k} o_{ck}\\, \\delta^2_{ck}}
              {\\sum_{c,k} n_c n_k\\, \\delta^2_{ck}},

    with the difference functions :math:`\\delta^2_{ck} = [c \\ne k]` (nominal),
    :math:`(\\sum_{g=c}^{k} n_g - (n_c + n_k)/2)^2` (ordinal), :math:`(c - k)^2`
    (interval) and :math:`((c - k)/(c + k))^2` (ratio). Every delta is 0 on the diagonal,
    so :math:`\\sum o_{ck} \\delta^2_{ck} = \\sum_u \\sum_{c,k} n_{uc} n_{uk}
    \\delta^2_{ck} / (m_u - 1)`: alpha is computed from the unit x value counts (one
    ``bincount``; a sparse matrix when the table of counts would be large), and the
    ordinal delta is :math:`(z_c - z_k)^2` with the mid-ranks :math:`z_c = \\sum_{g \\le c}
    n_g - n_c / 2`.

    References
    ----------
    Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg School
    for Communication, University of Pennsylvania. https://repository.upenn.edu/asc_papers/43

    Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard reliability
    measure for coding data. Communication Methods and Measures, 1(1), 77-89.

    Examples
    --------
    Two coders, ten units, binary data (Krippendorff 2011, section A):

    >>> import pandas as pd
    >>> a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    >>> b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    >>> long = pd.DataFrame({"item": list(range(10)) * 2, "coder": ["A"] * 10 + ["B"] * 10,
    ...                      "value": a + b})
    >>> round(krippendorff_alpha(long, item="item", coder="coder", value="value"), 3)
    0.095
    """
    fast = _fast_alpha(data, item, coder, value, level)
    if fast is not None and not math.isnan(fast):
        return fast
    inputs = _alpha_inputs(data, item, coder, value, level, "krippendorff_alpha")
    if inputs is None:
        warnings.warn("krippendorff_alpha: no non-missing values; alpha is undefined (NaN).", stacklevel=2)
        return float("nan")
    u_idx, v_idx, domain = inputs
    result = _co.alpha_from_codes(u_idx, v_idx, domain, level)
    if math.isnan(result):
        warnings.warn(
            "krippendorff_alpha: alpha is undefined (NaN): fewer than two pairable values, "
            "or every pairable value is the same, so there is no variation to agree on.",
            stacklevel=2,
        )
    return result


def krippendorff_alpha_ci(data, *, item, coder, value, level="nominal", ci=0.95, n_boot=1000, seed=0):
    r"""Krippendorff's alpha with a bootstrap standard error and percentile interval.

    Parameters
    ----------
    data : pandas.DataFrame
        Long data: one row per item and coder (missing values allowed).
    item, coder, value : str
        Columns naming the item coded, the coder, and the value assigned.
    level : {"nominal", "ordinal", "interval", "ratio"}
        Level of measurement (see :func:`krippendorff_alpha`).
    ci : float
        Confidence level of the interval (``attrs["ci"]``).
    n_boot : int
        Bootstrap replicates (at least 100).
    seed : int
        Seed of the bootstrap.

    Returns
    -------
    pandas.DataFrame
        One row with columns

        - ``estimate``: alpha (as :func:`krippendorff_alpha`).
        - ``se``: standard deviation of the bootstrap replicates.
        - ``ci_low``, ``ci_high``: percentile interval of the replicates at ``ci``.
        - ``p_below_0.667``, ``p_below_0.8``: share of replicates below Krippendorff's
          thresholds for tentative and firm conclusions (q of Hayes & Krippendorff 2007).
        - ``n``: pairable items (coded by at least two coders).
        - ``n_values``: pairable values.
        - ``method``: description.

    Notes
    -----
    Each item's contribution to the coincidence matrix, :math:`O_u[c, k] = (n_{uc}
    n_{uk} - [c = k] n_{uc}) / (m_u - 1)`, is stored once (a sparse items x values^2
    matrix); a replicate draws the pairable items with replacement (multinomial counts
    :math:`w_u`) and computes alpha from :math:`o^* = \sum_u w_u O_u`, the expected
    disagreement (and, for ordinal data, the difference function) following the
    resampled marginals. Hayes & Krippendorff (2007) resample pairs of values with the
    expected disagreement held fixed; resampling whole items instead keeps the values
    of an item together (they are not independent when an item has several coders), as
    Zapf et al. (2016) recommend. The interval's coverage is checked by simulation in
    the test suite (``tests/test_agreement.py``, marked slow).

    References
    ----------
    Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard reliability
    measure for coding data. Communication Methods and Measures, 1(1), 77-89.

    Zapf, A., Castell, S., Morawietz, L., & Karch, A. (2016). Measuring inter-rater
    reliability for nominal data - which coefficients and confidence intervals are
    appropriate? BMC Medical Research Methodology, 16, 93.

    Examples
    --------
    >>> import pandas as pd
    >>> a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    >>> b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    >>> long = pd.DataFrame({"item": list(range(10)) * 2, "coder": ["A"] * 10 + ["B"] * 10,
    ...                      "value": a + b})
    >>> res = krippendorff_alpha_ci(long, item="item", coder="coder", value="value",
    ...                             n_boot=500, seed=1)
    >>> round(float(res["estimate"].iloc[0]), 3), int(res["n"].iloc[0])
    (0.095, 10)
    """
    level_ci = check_ci(ci, function="krippendorff_alpha_ci")
    if isinstance(n_boot, bool) or not isinstance(n_boot, (int, np.integer)) or n_boot < 100:
        raise ParameterError(
            f"The 'n_boot' parameter of krippendorff_alpha_ci must be an int >= 100. Got {n_boot!r} instead."
        )
    inputs = _alpha_inputs(data, item, coder, value, level, "krippendorff_alpha_ci")
    if inputs is None:
        raise ParameterError("krippendorff_alpha_ci: no non-missing values to compare.")
    u_idx, v_idx, domain = inputs
    contrib, m_u = _co.unit_coincidences(u_idx, v_idx, len(domain))
    pair = m_u >= 2
    contrib = contrib[pair]
    n_items = int(pair.sum())
    o = np.asarray(contrib.sum(axis=0)).reshape(len(domain), len(domain))
    estimate = _co.alpha_from_coincidences(o, _co.distance_matrix(level, domain, o.sum(axis=1)))
    if not np.isfinite(estimate) or n_items < 2:
        raise ParameterError(
            "krippendorff_alpha_ci: alpha is undefined (fewer than two pairable items, or "
            "no variation in the values), so it has no interval."
        )
    rng = np.random.default_rng(seed)
    reps = np.empty(n_boot)
    v = len(domain)
    for b0 in range(0, n_boot, 50):
        b1 = min(b0 + 50, n_boot)
        w = np.stack(
            [np.bincount(rng.integers(0, n_items, n_items), minlength=n_items) for _ in range(b1 - b0)]
        ).astype(float)
        ob = np.asarray((contrib.T @ w.T).T).reshape(b1 - b0, v, v)
        for i in range(b1 - b0):
            reps[b0 + i] = _co.alpha_from_coincidences(ob[i], _co.distance_matrix(level, domain, ob[i].sum(axis=1)))
    finite = reps[np.isfinite(reps)]
    lo, hi = np.quantile(finite, [(1 - level_ci) / 2, (1 + level_ci) / 2])
    out = pd.DataFrame(
        {
            "estimate": [estimate],
            "se": [float(finite.std(ddof=1))],
            "ci_low": [float(lo)],
            "ci_high": [float(hi)],
            "p_below_0.667": [float((finite < 0.667).mean())],
            "p_below_0.8": [float((finite < 0.8).mean())],
            "n": [n_items],
            "n_values": [int(m_u[pair].sum())],
            "method": [
                f"Krippendorff's alpha ({level}); bootstrap over items, {n_boot} replicates, percentile interval"
            ],
        }
    )
    out.attrs["ci"] = level_ci
    return out


def fleiss_kappa(data, *, item, coder, value, ci=0.95, n_boot=1000, seed=0):
    r"""Fleiss' kappa for more than two coders (every item rated by the same number).

    Parameters
    ----------
    data : pandas.DataFrame
        Long data: one row per item and coder; ``value`` holds the category given
        (numbers or text; the order of categories does not matter).
    item, coder, value : str
        Columns naming the item rated, the coder, and the category.
    ci : float
        Confidence level of the bootstrap interval (``attrs["ci"]``).
    n_boot : int
        Bootstrap replicates over items for ``se`` and the interval; 0 skips it.
    seed : int
        Seed of the bootstrap.

    Returns
    -------
    pandas.DataFrame
        One row with columns

        - ``estimate``: Fleiss' kappa.
        - ``se``: bootstrap standard error (resampling items); NaN with ``n_boot=0``.
        - ``ci_low``, ``ci_high``: bootstrap percentile interval at ``ci``.
        - ``statistic``: z test of kappa = 0 with the null standard error of Fleiss,
          Nee & Landis (1979) (as ``irr::kappam.fleiss``).
        - ``p``: two-sided p-value of that test.
        - ``n``: items.
        - ``n_coders``: ratings per item.
        - ``observed``: mean agreement :math:`\bar P`.
        - ``expected``: chance agreement :math:`\bar P_e`.
        - ``method``: description.

    Notes
    -----
    With :math:`N` items, :math:`n` ratings per item, :math:`n_{ij}` the ratings of item
    :math:`i` in category :math:`j` and :math:`p_j = \sum_i n_{ij} / (N n)`,

    .. math:: P_i = \frac{\sum_j n_{ij}^2 - n}{n (n - 1)}, \quad
              \kappa = \frac{\bar P - \bar P_e}{1 - \bar P_e}, \quad
              \bar P_e = \sum_j p_j^2 ,

    and under kappa = 0, with :math:`q_j = 1 - p_j`,

    .. math:: \operatorname{Var}_0(\kappa) = \frac{2}{N n (n - 1)}
              \frac{(\sum_j p_j q_j)^2 - \sum_j p_j q_j (q_j - p_j)}{(\sum_j p_j q_j)^2}.

    Coders need not be the same people for every item. With two coders Fleiss' kappa is
    Scott's pi, not Cohen's kappa.

    References
    ----------
    Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
    Psychological Bulletin, 76(5), 378-382.

    Fleiss, J. L., Nee, J. C. M., & Landis, J. R. (1979). Large sample variance of kappa in
    the case of different sets of raters. Psychological Bulletin, 86(5), 974-977.

    Examples
    --------
    The worked example of Wikipedia's "Fleiss' kappa" article (10 items, 14 raters, 5
    categories; kappa = 0.210):

    >>> import numpy as np, pandas as pd
    >>> counts = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0],
    ...           [2, 2, 8, 1, 1], [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2],
    ...           [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    >>> rows = [(i, f"r{k}", j + 1) for i, row in enumerate(counts)
    ...         for k, j in enumerate(np.repeat(np.arange(5), row))]
    >>> long = pd.DataFrame(rows, columns=["item", "coder", "value"])
    >>> res = fleiss_kappa(long, item="item", coder="coder", value="value", n_boot=0)
    >>> round(float(res["estimate"].iloc[0]), 3)
    0.21
    """
    level_ci = check_ci(ci, function="fleiss_kappa")
    if isinstance(n_boot, bool) or not isinstance(n_boot, (int, np.integer)) or n_boot < 0:
        raise ParameterError(f"The 'n_boot' parameter of fleiss_kappa must be an int >= 0. Got {n_boot!r}.")
    inputs = _alpha_inputs(data, item, coder, value, "nominal", "fleiss_kappa")
    if inputs is None:
        raise ParameterError("fleiss_kappa: no non-missing values to compare.")
    u_idx, v_idx, domain = inputs
    n_items, k = int(u_idx.max()) + 1, len(domain)
    table = np.zeros((n_items, k))
    np.add.at(table, (u_idx, v_idx), 1.0)
    per_item = table.sum(axis=1)
    n = per_item[0]
    if (per_item != n).any():
        bad = np.flatnonzero(per_item != n)[0]
        bad_item = pd.unique(data.loc[data[value].notna(), item])[bad]
        raise ParameterError(
            f"fleiss_kappa needs the same number of ratings for every item: the first item "
            f"has {int(n)}, item {bad_item!r} has {int(per_item[bad])}. Drop incomplete "
            "items, or use krippendorff_alpha, which allows missing ratings."
        )
    if n < 2:
        raise ParameterError("fleiss_kappa needs at least two ratings per item.")

    def _kappa(t):
        p_j = t.sum(axis=0) / t.sum()
        p_i = ((t**2).sum(axis=1) - n) / (n * (n - 1))
        pbar, pe = p_i.mean(), (p_j**2).sum()
        return (pbar - pe) / (1 - pe) if pe < 1 else np.nan, pbar, pe, p_j

    kappa, pbar, pe, p_j = _kappa(table)
    if not np.isfinite(kappa):
        raise ParameterError(
            "fleiss_kappa: every rating is the same category, so kappa is undefined (no variation to agree on)."
        )
    q_j = 1 - p_j
    spq = (p_j * q_j).sum()
    var0 = 2 / (n_items * n * (n - 1)) * (spq**2 - (p_j * q_j * (q_j - p_j)).sum()) / spq**2
    z = kappa / np.sqrt(var0)
    se = lo = hi = np.nan
    if n_boot:
        rng = np.random.default_rng(seed)
        reps = np.array([_kappa(table[rng.integers(0, n_items, n_items)])[0] for _ in range(n_boot)])
        reps = reps[np.isfinite(reps)]
        se = float(reps.std(ddof=1))
        lo, hi = np.quantile(reps, [(1 - level_ci) / 2, (1 + level_ci) / 2])
    out = pd.DataFrame(
        {
            "estimate": [float(kappa)],
            "se": [se],
            "ci_low": [float(lo)],
            "ci_high": [float(hi)],
            "statistic": [float(z)],
            "p": [float(2 * stats.norm.sf(abs(z)))],
            "n": [n_items],
            "n_coders": [int(n)],
            "observed": [float(pbar)],
            "expected": [float(pe)],
            "method": [
                f"Fleiss' kappa ({k} categories); z test with the null variance of "
                f"Fleiss, Nee & Landis (1979); bootstrap over items ({n_boot} replicates, "
                f"percentile)"
            ],
        }
    )
    out.attrs["ci"] = level_ci
    return out


def _value_kind(series):
    """The kinds of Python value in a column: a subset of {"number", "text", other}."""
    kinds = set()
    for t in {type(v) for v in series.dropna()}:
        if issubclass(t, (bool, np.bool_)):
            kinds.add("boolean")
        elif issubclass(t, (int, float, np.integer, np.floating)):
            kinds.add("number")
        elif issubclass(t, str):
            kinds.add("text")
        else:
            kinds.add(t.__name__)
    return kinds


def _kappa_table(data, raters, unit, coder, value, coders):
    """Two aligned rating series from wide or long data (rows missing either dropped)."""
    if raters is not None:
        if unit is not None or coder is not None or value is not None:
            raise ParameterError(
                "cohen_kappa takes either wide data (raters=[col1, col2]) or long data "
                "(unit=, coder=, value=), not both."
            )
        if isinstance(raters, str) or not isinstance(raters, (list, tuple, pd.Index)):
            raise ParameterError(
                f"The 'raters' parameter of cohen_kappa must be a list of two column names. Got {raters!r} instead."
            )
        raters = list(raters)
        if len(raters) != 2:
            raise ParameterError(
                f"The 'raters' parameter of cohen_kappa must name exactly two columns. Got {raters!r} instead."
            )
        check_columns(data, raters, argument="raters")
        wide = data[raters]
        labels = raters
    else:
        if unit is None or coder is None or value is None:
            raise ParameterError(
                "cohen_kappa needs raters=[col1, col2] (wide data) or all of unit=, coder=, value= (long data)."
            )
        check_columns(data, [unit, coder, value], argument="unit/coder/value")
        sub = data[[unit, coder, value]]
        found = list(pd.unique(sub[coder].dropna()))
        if coders is None:
            if len(found) != 2:
                raise ParameterError(
                    f"cohen_kappa needs exactly two coders; column '{coder}' has {len(found)}: "
                    f"{found[:10]}. Choose two with coders=[a, b], or use krippendorff_alpha "
                    "for more than two."
                )
            coders = found
        coders = list(coders)
        unknown = [c for c in coders if c not in found]
        if len(coders) != 2 or unknown:
            raise ParameterError(
                f"The 'coders' parameter of cohen_kappa must name two coders present in "
                f"column '{coder}' (found {found[:10]}). Got {coders!r} instead."
            )
        sub = sub[sub[coder].isin(coders)]
        _duplicate_error(sub.dropna(subset=[value]), [unit, coder], "cohen_kappa")
        wide = sub.pivot(index=unit, columns=coder, values=value).reindex(columns=coders)
        labels = coders
    complete = wide.notna().all(axis=1)
    if (~complete).any():
        warnings.warn(
            f"cohen_kappa: {int((~complete).sum())} unit(s) without a value from both raters {labels} were left out.",
            stacklevel=3,
        )
    return wide[complete]


def cohen_kappa(
    data,
    *,
    raters=None,
    item=None,
    coder=None,
    value=None,
    coders=None,
    weighting=None,
    levels=None,
    ci=0.95,
):
    """Cohen's kappa for two raters, from wide or long data, with standard error and test.

    Parameters
    ----------
    data : pandas.DataFrame
        Wide data (one row per unit, one column per rater; give ``raters``) or long data
        (one row per item and coder; give ``item``, ``coder`` and ``value``).
    raters : list of two str, optional
        The two rater columns of wide data.
    item, coder, value : str, optional
        Columns of long data.
    coders : list of two, optional
        With long data holding more than two coders, the two to compare.
    weighting : {None, "linear", "quadratic"}
        Unweighted kappa (default) or weighted kappa with disagreement weights
        ``|i - j| / (k - 1)`` or ``(i - j)^2 / (k - 1)^2`` over the category ranks.
        The order is ``levels`` if given, else that of an ordered categorical, else the
        numeric order of numbers; weighted kappa on unordered text is refused (an
        alphabetical order would be arbitrary: "agree" < "disagree" < "neutral").
    levels : list, optional
        The categories in order, lowest first (also fixes the categories of an
        unweighted table); every value must be one of them.
    ci : float
        Confidence level of the Wald interval, stored in ``result.attrs["ci"]``.

    Returns
    -------
    pandas.DataFrame
        One row with columns

        - ``estimate``: kappa.
        - ``se``: asymptotic standard error (Fleiss, Cohen & Everitt 1969).
        - ``ci_low``, ``ci_high``: Wald interval ``estimate -/+ z * se``.
        - ``statistic``: z test of kappa = 0 (using the standard error under the null).
        - ``p``: two-sided p-value of that test.
        - ``n``: units rated by both raters (units missing either are left out, with a
          warning).
        - ``observed``: observed proportion of agreement (weighted if ``weighting``).
        - ``expected``: agreement expected by chance from the raters' marginals.
        - ``method``: description.

    Notes
    -----
    With :math:`p_o` the observed and :math:`p_e = \\sum_c p_{c\\cdot} p_{\\cdot c}` the
    chance agreement, :math:`\\kappa = (p_o - p_e) / (1 - p_e)`. Weighted kappa is
    :math:`1 - \\sum w_{ij} p_{ij} / \\sum w_{ij} p_{i\\cdot} p_{\\cdot j}`. The computation
    is delegated to :func:`statsmodels.stats.inter_rater.cohens_kappa` and checked against
    R ``psych::cohen.kappa`` in the test suite.

    References
    ----------
    Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and
    Psychological Measurement, 20(1), 37-46.

    Fleiss, J. L., Cohen, J., & Everitt, B. S. (1969). Large sample standard errors of
    kappa and weighted kappa. Psychological Bulletin, 72(5), 323-327.

    Examples
    --------
    >>> import pandas as pd
    >>> wide = pd.DataFrame({"a": ["y"] * 25 + ["n"] * 25,
    ...                      "b": ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15})
    >>> res = cohen_kappa(wide, raters=["a", "b"])
    >>> float(res["estimate"].iloc[0])
    0.4
    """
    _check_frame(data, "cohen_kappa")
    ci_level = check_ci(ci, function="cohen_kappa")
    if weighting is not None:
        check_choice(weighting, ("linear", "quadratic"), argument="weighting", function="cohen_kappa")
    wide = _kappa_table(data, raters, item, coder, value, coders)
    first, second = wide.iloc[:, 0], wide.iloc[:, 1]
    names = [str(c) for c in wide.columns]
    where = (
        f"columns '{names[0]}' and '{names[1]}'"
        if raters is not None
        else f"column '{value}' for coders {names[0]!r} and {names[1]!r}"
    )
    if raters is None:  # long data: the value column's own type matters
        first = first.astype(data[value].dtype) if isinstance(data[value].dtype, pd.CategoricalDtype) else first
        second = second.astype(data[value].dtype) if isinstance(data[value].dtype, pd.CategoricalDtype) else second
    k1, k2 = _value_kind(first), _value_kind(second)
    if len(k1 | k2) > 1:
        raise ParameterError(
            f"cohen_kappa: {where} mix kinds of value ({'/'.join(sorted(k1))} against "
            f'{"/".join(sorted(k2))}), e.g. the text "1" and the number 1, which would '
            "never count as agreeing. Convert both to one type first (e.g. "
            "data[col].astype(str) or pd.to_numeric(data[col]))."
        )
    ordered = [c for c in (first, second) if isinstance(c.dtype, pd.CategoricalDtype) and c.cat.ordered]
    both = pd.concat([first.astype(object), second.astype(object)], ignore_index=True)
    if levels is not None:
        cats = list(levels)
        unknown = [v for v in pd.unique(both) if v not in cats]
        if unknown or len(set(cats)) != len(cats):
            raise ParameterError(
                f"The 'levels' parameter of cohen_kappa must list every category once; "
                f"{where} hold {unknown[:5]!r}, not in levels={cats!r}."
            )
    elif ordered:
        cats = list(ordered[0].cat.categories)
        if len(ordered) == 2 and list(ordered[1].cat.categories) != cats:
            raise ParameterError(
                f"cohen_kappa: {where} are ordered categoricals with different categories "
                f"({cats} and {list(ordered[1].cat.categories)}); give the order with levels=."
            )
    elif k1 <= {"number", "boolean"}:
        cats = sorted(pd.unique(both))
    else:
        if weighting is not None:
            raise ParameterError(
                f"cohen_kappa: weighted kappa needs an order of the categories, but {where} "
                f"hold unordered text ({sorted(map(str, pd.unique(both)))[:6]}). Give the "
                "order with levels=[lowest, ..., highest], or make the columns ordered "
                "categoricals (pd.Categorical(..., categories=[...], ordered=True)); or use "
                "weighting=None."
            )
        try:
            cats = sorted(pd.unique(both))
        except TypeError:
            cats = list(pd.unique(both))
    table = pd.crosstab(
        pd.Categorical(first, categories=cats),
        pd.Categorical(second, categories=cats),
        dropna=False,
    ).to_numpy(dtype=float)
    n = int(table.sum())
    if n == 0:
        raise ParameterError("cohen_kappa: no unit was rated by both raters; nothing to compare.")
    if weighting is None:
        res = _sm_kappa(table)
        method = "Cohen's kappa"
    else:
        res = _sm_kappa(table, wt=weighting)
        method = f"Cohen's weighted kappa ({weighting} weighting)"
    z = stats.norm.ppf(0.5 + ci_level / 2)
    se = float(res.std_kappa)
    kappa = float(res.kappa)
    probs = table / n
    if weighting is None:
        observed = float(np.trace(probs))
        expected = float((probs.sum(1) * probs.sum(0)).sum())
    else:
        w = np.arange(len(cats), dtype=float)
        d = np.abs(w[:, None] - w[None, :]) / max(len(cats) - 1, 1)
        d = d if weighting == "linear" else d**2
        observed = float(1 - (d * probs).sum())
        expected = float(1 - (d * np.outer(probs.sum(1), probs.sum(0))).sum())
    se0 = float(res.std_kappa0)
    statistic = kappa / se0 if se0 > 0 else float("nan")
    out = pd.DataFrame(
        {
            "estimate": [kappa],
            "se": [se],
            "ci_low": [kappa - z * se],
            "ci_high": [kappa + z * se],
            "statistic": [statistic],
            "p": [float(2 * stats.norm.sf(abs(statistic)))],
            "n": [n],
            "observed": [observed],
            "expected": [expected],
            "method": [method],
        }
    )
    out.attrs["ci"] = ci_level
    return out


def agreement(project, *, coders=None, item="segment", weight="characters", n_boot=1000, ci=0.95, seed=0):
    """Inter-coder agreement per code and overall on the double-coded part of a project.

    Parameters
    ----------
    project : QualProject
        Coded project; its ``segments`` carry a ``coder`` column.
    coders : list of str, optional
        Coders to compare (default: all). Cohen's kappa uses the first two.
    item : {"segment", "source"}
        What is coded and compared (the unit of agreement, see Notes).
    weight : {"characters", "units"}
        With ``item="segment"``: weight each unit by its length in characters (agreement
        on text) or count units equally. Ignored for ``item="source"``.
    n_boot : int
        Bootstrap replicates (resampling units) for ``se`` and the percentile interval;
        0 skips the bootstrap.
    ci : float
        Interval level, stored in ``attrs["ci"]``.
    seed : int
        Seed of the bootstrap.

    Returns
    -------
    pandas.DataFrame
        Rows for each code and for ``code="(overall)"`` (all code x unit decisions pooled)
        and each ``measure`` in ``percent_agreement``, ``cohen_kappa``,
        ``krippendorff_alpha``; columns ``code, measure, estimate, se, ci_low, ci_high, n``
        (units), ``n_sources``, ``method``.

    Notes
    -----
    Only sources coded by at least two of the coders count. With ``unit="segment"`` the
    units of a source are the stretches between consecutive segment boundaries (any
    start or end, any coder, any code) that at least one coder coded: uncoded text is
    left out so that agreement on absence does not swamp kappa. Each unit is judged
    present/absent for each code by each coder. Percentage agreement is the (weighted)
    share of units on which all coders agree; kappa is Cohen's (1960) for the first two
    coders; alpha is Krippendorff's nominal alpha, each unit weighted as if it were
    ``weight`` units (so with character weights, every character is a unit). The
    bootstrap resamples units (with their weights) with replacement; each replicate's
    resample serves every code and the overall row alike. Only the (unit, code) cells
    that some coder coded are stored, so the work grows with the coding, not with units
    x codes.

    References
    ----------
    Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability.

    O'Connor, C., & Joffe, H. (2020). Intercoder reliability in qualitative research:
    debates and practical guidelines. International Journal of Qualitative Methods, 19.

    Examples
    --------
    >>> from toolkit.synth.qual import make_interviews
    >>> res = agreement(make_interviews(1), n_boot=0)
    >>> sorted(res["measure"].unique())
    ['cohen_kappa', 'krippendorff_alpha', 'percent_agreement']
    """
    unit = item
    ci_level = check_ci(ci, function="agreement")
    check_choice(unit, ("segment", "source"), argument="item", function="agreement")
    check_choice(weight, ("characters", "units"), argument="weight", function="agreement")
    segments = getattr(project, "segments", None)
    if not isinstance(segments, pd.DataFrame):
        raise ParameterError(
            f"agreement needs a QualProject (with a segments table). Got {type(project).__name__} instead."
        )
    check_columns(segments, ["source", "start", "end", "code", "coder"], argument="segments", where="project.segments")
    if not isinstance(n_boot, (int, np.integer)) or n_boot < 0:
        raise ParameterError(f"The 'n_boot' parameter of agreement must be an int >= 0. Got {n_boot!r}.")
    ci_level = check_ci(ci_level, function="agreement")
    seg = segments.dropna(subset=["start", "end", "coder", "code"])
    if len(seg) < len(segments):
        warnings.warn(
            f"agreement: {len(segments) - len(seg)} segment(s) without offsets, code or coder were left out.",
            stacklevel=2,
        )
    found = list(pd.unique(seg["coder"]))
    coders = found if coders is None else list(coders)
    unknown = [c for c in coders if c not in found]
    if unknown or len(coders) < 2:
        raise ParameterError(
            f"The 'coders' parameter of agreement must name at least two coders found in "
            f"segments (found {found}). Got {coders!r} instead."
        )
    units, pairs, codes, shared = sparse_presence(seg, coders, unit, weight)
    if units.empty:
        raise DataValidationError(
            pd.DataFrame(columns=["file", "row", "column", "value", "problem", "expected", "severity"]),
            f"agreement: no source is coded by two or more of the coders {coders}; double-code some sources first.",
        )
    sums, deviations, base = _item_sums(units, pairs, len(codes), len(coders))
    n_units, n_codes = len(units), len(codes)
    est_codes = _co.binary_measures_from_sums(sums)  # 3 x codes (last row: overall)
    boot = None
    if n_boot:
        boot = _bootstrap_sums(base, deviations, n_codes, n_boot, seed)
        boot = _co.binary_measures_from_sums(boot)  # 3 x n_boot x (codes + 1)
    rows = []
    for j, code in enumerate([*codes, "(overall)"]):
        for bi, name in enumerate(("percent_agreement", "cohen_kappa", "krippendorff_alpha")):
            if boot is not None:
                b = boot[bi][:, j]
                b = b[np.isfinite(b)]
                se = float(b.std(ddof=1)) if b.size > 1 else np.nan
                lo, hi = np.quantile(b, [(1 - ci_level) / 2, (1 + ci_level) / 2]) if b.size else (np.nan, np.nan)
            else:
                se = lo = hi = np.nan
            rows.append((code, name, float(est_codes[bi][j]), se, float(lo), float(hi), n_units, len(shared)))
    out = pd.DataFrame(rows, columns=["code", "measure", "estimate", "se", "ci_low", "ci_high", "n", "n_sources"])
    w = "characters" if (unit == "segment" and weight == "characters") else "units"
    out["method"] = (
        f"item={unit}, weighted by {w}, coders {coders}"
        f"{'' if len(coders) == 2 else ' (kappa: first two)'}; "
        f"bootstrap over units ({n_boot} replicates, percentile)"
    )
    out.attrs["ci"] = ci_level
    return out


def _item_sums(units, pairs, n_codes, n_coders):
    """Summed item statistics per code (rows 0..n_codes-1) and overall (last row), and the
    sparse per-(unit, code) deviations from the all-absent unit statistics.

    A (unit, code) that no coder applied contributes the unit's "all absent" statistics;
    only the (unit, code) cells where some coder applied the code differ from them, so
    the sums need work proportional to the coded cells, not units x codes.
    """
    coded_by = units.attrs["coded_by"].astype(float)  # units x coders: 1 coded, 0 not
    absent = np.where(coded_by > 0, 0.0, np.nan)
    w = units["weight"].to_numpy(float)
    m = coded_by.sum(axis=1)
    base = _co.binary_item_stats(m, np.zeros(len(units)), absent[:, 0], absent[:, 1], w)
    k = base.shape[1]
    # active (unit, code) cells
    cell_key = pairs[:, 0] * n_codes + pairs[:, 1]
    cells, inverse = np.unique(cell_key, return_inverse=True)
    u, c = cells // n_codes, cells % n_codes
    present = absent[u].copy()
    present[inverse, pairs[:, 2]] = 1.0
    ones = np.nansum(present, axis=1)
    item = _co.binary_item_stats(m[u], ones, present[:, 0], present[:, 1], w[u])
    dev = item - base[u]
    total_base = base.sum(axis=0)
    per_code = np.tile(total_base, (n_codes, 1))
    np.add.at(per_code, c, dev)
    sums = np.vstack([per_code, per_code.sum(axis=0)])
    deviations = sparse.csr_matrix(
        (dev.ravel(), (np.repeat(u, k), (c[:, None] * k + np.arange(k)).ravel())), shape=(len(units), n_codes * k)
    )
    return sums, deviations, base


def _bootstrap_sums(base, deviations, n_codes, n_boot, seed, chunk=25):
    """Bootstrap replicates of the summed statistics: ``n_boot x (codes + 1) x 9``.

    Each replicate resamples the units with replacement (the same draw for every code, so
    per-code and overall intervals come from the same resamples); counts per unit are
    built by ``bincount`` of uniform draws (multinomial, equal probabilities).
    """
    rng = np.random.default_rng(seed)
    k = base.shape[1]
    n = base.shape[0]
    out = np.empty((n_boot, n_codes + 1, k))
    dev_t = deviations.T.tocsr()
    for b0 in range(0, n_boot, chunk):
        b1 = min(b0 + chunk, n_boot)
        counts = np.stack([np.bincount(rng.integers(0, n, n), minlength=n) for _ in range(b1 - b0)]).astype(
            float
        )  # chunk x units
        base_boot = counts @ base  # chunk x k
        codes_boot = (dev_t @ counts.T).T.reshape(b1 - b0, n_codes, k) + base_boot[:, None, :]
        out[b0:b1, :n_codes] = codes_boot
        out[b0:b1, n_codes] = codes_boot.sum(axis=1)
    return out
