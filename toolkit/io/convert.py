"""Turn one column of raw cells into a typed column, driven by the data dictionary.

Work is done once per distinct value (``pandas.factorize``), then spread to the
rows, so a 250,000-row survey is converted in about a second per few columns.

Rules (documented for users in ``data-templates/survey/README.md``):

- blank cells (empty, spaces only) become missing (``<NA>``);
- a dictionary missing code (e.g. ``9 = Don't know``), or a value declared missing
  in an SPSS file, becomes missing and is counted in ``SurveyData.missing``;
- coded items accept the code (``4``, ``4.0``, ``" 4 "``) or its label
  (``Agree``, any case), as Qualtrics "choice text" exports write;
- integer / numeric items accept numbers (with a decimal comma in a
  semicolon-separated file); dates accept ISO ``2024-03-01`` (optionally with a
  time), UK ``01/03/2024`` (day first), and Excel / SPSS date cells;
- anything else is a problem: the cell becomes missing and the row is reported.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from toolkit.dictionary import Dictionary, parse_code

__all__ = ["Converted", "FactorizedCells", "convert_column", "is_blank", "normalise"]

OK, BLANK, MISSING, INVALID = 0, 1, 2, 3
_CODED = ("categorical", "ordinal", "likert", "binary")
#: Types converted per distinct value; the others (id, text) are text, kept as text.
_NOT_TEXT = (*_CODED, "integer", "numeric", "date")
#: The dtype of text columns (pandas' default ``str``)
_STR = pd.StringDtype("pyarrow", na_value=np.nan)
#: Above this many distinct values, all-text columns are processed with vectorised
#: string methods instead of a loop over the values.
_VECTOR_MIN = 256


@dataclass
class Converted:
    """Result of converting one column.

    ``values`` is the typed Series; ``status`` per row (OK, BLANK, MISSING,
    INVALID); ``problems`` lists (row mask, problem, expected); ``missing``
    maps each missing code found to its count.
    """

    values: pd.Series
    status: np.ndarray
    problems: list = field(default_factory=list)
    missing: dict = field(default_factory=dict)
    _codes: np.ndarray | None = None
    _miss_u: list | None = None
    #: (codes, number of distinct values) of ``values``, when worked out with the column
    key: tuple | None = None

    def count_missing(self, keep=None) -> dict:
        """Missing code -> count, over the rows where ``keep`` is True (all rows by default)."""
        keep = None if keep is None else np.asarray(keep, dtype=bool)
        if keep is None or self._codes is None or self._miss_u is None or keep.all():
            return dict(self.missing)
        codes = self._codes[keep]
        counts = np.bincount(codes[codes >= 0], minlength=len(self._miss_u))
        out: dict = {}
        for m, n in zip(self._miss_u, counts):
            if m is not None and n:
                out[m] = out.get(m, 0) + int(n)
        return out


def normalise(value):
    """A raw cell as a Python value, or ``None`` when blank (strings are stripped)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    return value


class FactorizedCells:
    """A column of raw cells factorized once: ``codes`` (-1 = NA), ``uniques`` (object
    array) and, computed on first use, ``norm`` (:func:`normalise` of each unique).

    :func:`is_blank` and :func:`convert_column` accept it so that a column is hashed and
    its distinct values normalised once, not once per use. A column read by pyarrow
    (:meth:`from_arrow`) keeps its ``arrow`` cells and is factorized on first use only:
    text columns are converted from the cells in C and never factorized.
    """

    __slots__ = ("_codes", "_norm", "_uniques", "arrow", "counts")

    def __init__(self, series: pd.Series | None):
        self._norm: list | None = None
        self.arrow: pa.ChunkedArray | None = None
        self.counts: np.ndarray | None = None  # rows per unique, when known without a pass
        if series is None:  # from_codes / from_arrow
            return
        codes, uniq = pd.factorize(series, use_na_sentinel=True)
        self._set(codes, np.asarray(uniq, dtype=object))

    def _set(self, codes: np.ndarray, uniques: np.ndarray) -> None:
        # the smallest signed integer holding the codes: 80 columns of a 250,000-row file
        # take 20 MB as int8 instead of 160 MB as int64
        self._codes = codes.astype(np.min_scalar_type(-len(uniques) - 1), copy=False)
        self._uniques = uniques

    @classmethod
    def from_codes(cls, codes: np.ndarray, uniques: np.ndarray) -> FactorizedCells:
        """A column already factorized: ``codes`` per row (-1 = NA), ``uniques`` an object
        array. Distinct values no row uses may be among ``uniques``; they have no effect."""
        f = cls(None)
        f._set(np.asarray(codes), np.asarray(uniques, dtype=object))
        return f

    @classmethod
    def from_arrow(cls, cells: pa.ChunkedArray) -> FactorizedCells:
        """A column of text cells (no nulls) as pyarrow read them, factorized on first use."""
        f = cls(None)
        f.arrow = cells
        return f

    @property
    def factorized(self) -> bool:
        """Whether ``codes`` and ``uniques`` are computed."""
        return self.arrow is None or hasattr(self, "_codes")

    def prepare(self) -> FactorizedCells:
        """Factorize now (a column read by pyarrow); the work is in C, so threads may share it."""
        if self.arrow is not None and not self.factorized:
            codes, uniques, self.counts = _factorize_arrow(self.arrow)
            if codes.dtype == np.uint8:  # single bytes: no NA, kept as they are
                self._codes, self._uniques, self._norm = codes, uniques, _byte_norm()
            else:
                self._set(codes, uniques)
        return self

    @property
    def codes(self) -> np.ndarray:
        return self.prepare()._codes

    @property
    def uniques(self) -> np.ndarray:
        return self.prepare()._uniques

    def rows_from(self, start: int) -> FactorizedCells:
        """The same column without its first ``start`` rows (e.g. Qualtrics header rows)."""
        if self.arrow is not None and not self.factorized:
            return FactorizedCells.from_arrow(self.arrow.slice(start))
        return FactorizedCells.from_codes(self.codes[start:], self.uniques)

    @property
    def norm(self) -> list:
        if self._norm is None:
            u = self.uniques
            if len(u) > _VECTOR_MIN and pd.api.types.infer_dtype(u, skipna=False) == "string":
                # every distinct value is text (an id or free-text column): strip at once
                # (pyarrow's Unicode whitespace is Python's str.strip's, code point by code point)
                stripped = _strip_text(u)
                stripped[np.equal(stripped, "")] = None
                self._norm = stripped.tolist()
            else:
                self._norm = [normalise(v) for v in u]
        return self._norm


def _lookup(table: np.ndarray, index: np.ndarray) -> np.ndarray:
    """``table[index]`` for a numeric table and small non-negative indices, by pyarrow
    (faster than numpy, which first widens the indices, and without the GIL)."""
    return pc.take(pa.array(table), pa.array(index)).to_numpy(zero_copy_only=False)


#: The distinct values of a column of single bytes (see :func:`_single_bytes`): code k is
#: ``chr(k)`` (ASCII), 255 an empty cell; 128-254 are never a cell's code.
_BYTE_UNIQUES = np.array([chr(k) for k in range(128)] + [None] * 127 + [""], dtype=object)


def _single_bytes(cells: pa.Array):
    """(codes, uniques, None) of a string array whose cells are all empty or one ASCII
    character, from its offsets and bytes (no hashing); ``None`` for any other array.

    The code of a cell is its byte (255 for an empty cell), so ``uniques`` is
    :data:`_BYTE_UNIQUES`, the same for every such column: values no cell holds are among
    them (they have no effect).
    """
    if cells.type != pa.string() or cells.null_count:
        return None
    n = len(cells)
    off = np.frombuffer(cells.buffers()[1], dtype=np.int32, count=n + 1, offset=4 * cells.offset)
    lengths = np.diff(off)
    if lengths.max() > 1:
        return None
    data = cells.buffers()[2]
    if data and off[-1] > off[0]:
        chars = np.frombuffer(data, dtype=np.uint8)
        if chars[off[0] : off[-1]].max() > 127:
            return None  # a byte above 0x7f alone: not UTF-8 text, let pyarrow say what it is
        # the first byte of each cell (an empty cell at the very end may point past the bytes)
        starts = off[:-1] if off[-1] < len(chars) else np.minimum(off[:-1], len(chars) - 1)
        first = _lookup(chars, starts)
    else:
        first = np.zeros(n, dtype=np.uint8)
    empty = (lengths == 0).view(np.uint8)  # 1 for an empty cell, else 0
    return first | empty * np.uint8(255), _BYTE_UNIQUES, None  # as np.where(lengths, first, 255), faster


def _factorize_arrow(cells: pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """(codes, uniques, rows per unique or None) of text cells: by their single bytes (Likert
    answers, binary codes) when every cell is at most one character, else by pyarrow's hash
    table."""
    if len(cells) == 0:
        return np.zeros(0, dtype=np.int8), np.array([], dtype=object), None
    flat = cells.combine_chunks() if cells.num_chunks != 1 else cells.chunk(0)
    quick = _single_bytes(flat)
    if quick is not None:
        return quick
    enc = pc.dictionary_encode(flat)
    return enc.indices.to_numpy(zero_copy_only=False), enc.dictionary.to_numpy(zero_copy_only=False), None


def _strip_text(values: np.ndarray) -> np.ndarray:
    """``str.strip()`` of an object array of text, in C (pyarrow), as a new object array."""
    return pc.utf8_trim_whitespace(pa.array(values, type=pa.large_string())).to_numpy(zero_copy_only=False)


def is_blank(series: pd.Series, *, factorized: FactorizedCells | None = None) -> np.ndarray:
    """Boolean array: cell is empty, spaces only, ``None`` or NaN."""
    f = factorized if factorized is not None else FactorizedCells(series)
    if f.arrow is not None and not f.factorized:  # text read by pyarrow: stripped in C, nothing hashed
        return _blank_arrow(f.arrow)
    blank_u = np.empty(len(f.uniques) + 1, dtype=bool)
    blank_u[:-1] = np.equal(np.array(f.norm, dtype=object), None)  # type: ignore[call-overload]
    blank_u[-1] = True
    return blank_u[f.codes.astype(np.intp)]  # code -1 (NA) picks the True at the end


def _blank_arrow(cells: pa.ChunkedArray) -> np.ndarray:
    """:func:`is_blank` of text cells (no nulls) in C: empty once stripped of white space."""
    if len(cells) == 0:
        return np.zeros(0, dtype=bool)
    blank = pc.equal(pc.binary_length(pc.utf8_trim_whitespace(cells)), 0)
    return blank.to_numpy(zero_copy_only=False)


def int64_array(values: np.ndarray) -> pd.arrays.IntegerArray:
    """``pd.array(values, dtype="Float64").astype("Int64")`` (NaN = missing) without the
    Float64 array in between; whatever that cast refuses goes through it and raises."""
    mask = np.isnan(values)
    filled = np.where(mask, 0.0, values)
    ints = filled.astype(np.int64)
    if not np.array_equal(ints, filled):  # a fraction, or beyond int64
        return pd.array(values, dtype="Float64").astype("Int64")
    return pd.arrays.IntegerArray(ints, mask)


def _declared_missing(value, ranges) -> bool:
    if not ranges or not isinstance(value, (int, float)):
        return False
    return any(lo <= value <= hi for lo, hi in ranges)


def _take(per_unique, codes, blank_value):
    arr = np.empty(len(per_unique) + 1, dtype=object if not isinstance(per_unique, np.ndarray) else per_unique.dtype)
    arr[:-1] = per_unique
    arr[-1] = blank_value
    return arr[codes]  # code -1 (NA) picks blank_value


def _codes_text(d: Dictionary, var: str, limit: int = 12) -> str:
    items = [f"{c}={lab}" for c, lab in d.codes(var).items()]
    shown = "; ".join(items[:limit]) + ("; ..." if len(items) > limit else "")
    miss = d.missing_codes(var)
    return f"one of {shown}" + (f" (missing: {'; '.join(map(str, miss))})" if miss else "")


def convert_column(
    raw: pd.Series,
    d: Dictionary,
    var: str,
    *,
    decimal: str = ".",
    declared_missing=None,
    factorized: FactorizedCells | None = None,
    date_order: str = "day_first",
) -> Converted:
    """Convert the raw cells of dictionary variable ``var``.

    Parameters
    ----------
    raw : pandas.Series
        Cells as read (text, numbers, dates); index = row numbers in the file.
    d : Dictionary
    var : str
    decimal : {".", ","}
        Decimal mark of text numbers.
    declared_missing : list of (lo, hi), optional
        Value ranges the file itself declares missing (SPSS user-missing).
    factorized : FactorizedCells, optional
        ``raw`` already factorized (saves hashing it again).
    date_order : {"day_first", "month_first"}
        How a date such as ``03/04/2024`` is read (``study.yml`` ``survey.date_order``):
        3 April (day first, UK) or 4 March (month first, US). ISO dates and Excel serial
        day numbers (``45352`` = 2024-03-01, as a CSV saved from Excel may hold) are read
        either way.
    """
    vtype = d.type(var)
    f = factorized if factorized is not None else FactorizedCells(raw)
    if vtype not in _NOT_TEXT and f.arrow is not None and not f.factorized:
        return _text_arrow(raw, f.arrow, d, var)
    if vtype in _CODED and f.arrow is not None and f.codes.dtype == np.uint8:
        return _coded_bytes(raw, f.codes, d, var, vtype, declared_missing)
    # the row codes as numpy's own index type once (each take would convert small codes),
    # the small codes kept with the result for the missing-code counts
    codes, norm = f.codes.astype(np.intp), f.norm
    if vtype in _CODED:
        out = _coded(raw, codes, norm, d, var, vtype, declared_missing, f.counts)
    elif vtype in ("integer", "numeric"):
        out = _number(raw, codes, norm, d, var, vtype, decimal, declared_missing, f.counts)
    elif vtype == "date":
        out = _date(raw, codes, norm, d, var, date_order, f.counts)
    else:
        out = _text(raw, codes, norm, d, var, f.counts)
    out._codes = f.codes
    return out


def _finish(raw, codes, status_u, miss_u, prob_u, problems, values, counts=None):
    """The Converted of a column from its per-unique results (``counts``: rows per unique,
    when known)."""
    status = _take(np.asarray(status_u, dtype=np.int8), codes, BLANK).astype(np.int8, copy=False)
    miss_u = list(miss_u)
    out = Converted(values=values, status=status, _codes=codes, _miss_u=list(miss_u))
    prob_u = np.asarray(prob_u, dtype=np.int16)
    if problems and prob_u.any():  # rows are looked at only when a distinct value has a problem
        prob_row = _take(prob_u, codes, 0)
        for k, (problem, expected) in enumerate(problems, start=1):
            if not (prob_u == k).any():
                continue
            mask = prob_row == k
            if mask.any():
                out.problems.append((mask, problem, expected))
    if miss_u.count(None) != len(miss_u):
        # code -1 (NA) counted in the extra last bin, then dropped
        if counts is None:
            counts = np.bincount(codes.astype(np.intp) + 1, minlength=len(miss_u) + 1)[1:]
        for m, n in zip(miss_u, counts):
            if m is not None and n:
                out.missing[m] = out.missing.get(m, 0) + int(n)
    return out


@functools.lru_cache(maxsize=1)
def _byte_norm() -> list:
    """:func:`normalise` of :data:`_BYTE_UNIQUES` (the same for every column of single bytes)."""
    return [normalise(v) for v in _BYTE_UNIQUES]


def _coded_spec(d, var, declared) -> tuple:
    """What :func:`_coded_per_unique` reads of a variable, hashable."""
    return (
        tuple(d.codes(var).items()),
        tuple(d.missing_codes(var)),
        tuple(d.value_labels(var).items()),
        tuple(tuple(r) for r in declared or ()),
    )


@functools.lru_cache(maxsize=64)
def _coded_bytes_table(spec: tuple):
    """:func:`_coded_per_unique` of :data:`_BYTE_UNIQUES` for a variable's spec: the 60
    Likert items of one scale share one table (arrays read-only)."""
    codes, missing, labels, declared = spec
    out = _coded_per_unique(_byte_norm(), dict(codes), list(missing), dict(labels), [tuple(r) for r in declared])
    for arr in out[1:4]:
        arr.flags.writeable = False
    return out


def _coded_bytes(raw, codes: np.ndarray, d, var, vtype, declared) -> Converted:
    """:func:`_coded` of a column of single bytes (codes = the bytes): the per-value table
    is shared (:func:`_coded_bytes_table`), the rows looked up once each."""
    valid, cat_u, status_u, _, miss_u = _coded_bytes_table(_coded_spec(d, var, declared))
    cat = _lookup(cat_u, codes)
    status = _lookup(status_u, codes)
    out = Converted(
        values=_coded_values(raw, cat, valid, vtype, var), status=status, _codes=codes, _miss_u=list(miss_u)
    )
    bad = status == INVALID  # the only problem of a coded item
    if bad.any():
        out.problems.append((bad, "value outside codes", _codes_text(d, var)))
    for b, m in enumerate(miss_u):
        if m is not None:
            k = int(np.count_nonzero(codes == b))
            if k:
                out.missing[m] = out.missing.get(m, 0) + k
    return out


def _coded_per_unique(norm, codes: dict, missing: list, labels: dict, declared):
    """Per distinct value of a coded item: (valid codes, position among them or -1, status,
    problem (1 = outside the codes), missing code or None)."""
    valid = list(codes)
    valid_set, missing_set = set(valid), set(missing)
    by_label: dict = {}
    for c, lab in labels.items():
        by_label.setdefault(lab.strip().lower(), c)
    pos = {c: i for i, c in enumerate(valid)}
    n = len(norm)
    cat_u = np.full(n, -1, dtype=np.min_scalar_type(-len(valid) - 1))
    status_u = np.full(n, OK, dtype=np.int8)
    prob_u = np.zeros(n, dtype=np.int16)
    miss_u: list = [None] * n
    for i, v in enumerate(norm):
        if v is None:
            status_u[i] = BLANK
            continue
        key = v if isinstance(v, (_dt.date, _dt.datetime)) else parse_code(v)
        if key not in valid_set and key not in missing_set and isinstance(v, str):
            key = by_label.get(v.lower(), key)
        if key in valid_set:
            cat_u[i] = pos[key]
        elif key in missing_set or _declared_missing(key, declared):
            status_u[i] = MISSING
            miss_u[i] = key
        else:
            status_u[i] = INVALID
            prob_u[i] = 1
    return valid, cat_u, status_u, prob_u, miss_u


def _coded_values(raw, cat, valid, vtype, var) -> pd.Series:
    """The typed column of a coded item from each row's position among the valid codes."""
    if vtype == "binary" and valid and all(type(c) is int for c in valid):
        # integer codes: the Int64 column straight from them (as the float route gives)
        ints = np.asarray(valid, dtype=np.int64)[np.clip(cat, 0, None)]
        return pd.Series(pd.arrays.IntegerArray(ints, cat < 0), index=raw.index, name=var)
    if vtype == "binary" and all(isinstance(c, (int, float)) for c in valid):
        arr = np.asarray(valid, dtype=float)[np.clip(cat, 0, None)]
        arr[cat < 0] = np.nan
        return pd.Series(int64_array(arr), index=raw.index, name=var)
    return pd.Series(
        pd.Categorical.from_codes(cat, categories=valid, ordered=vtype in ("likert", "ordinal"), validate=False),
        index=raw.index,
        name=var,
    )


def _coded(raw, codes, norm, d, var, vtype, declared, counts=None):
    valid, cat_u, status_u, prob_u, miss_u = _coded_per_unique(
        norm, d.codes(var), d.missing_codes(var), d.value_labels(var), declared
    )
    problems = [("value outside codes", _codes_text(d, var))]
    cat = _take(cat_u, codes, -1)
    values = _coded_values(raw, cat, valid, vtype, var)
    return _finish(raw, codes, status_u, miss_u, prob_u, problems, values, counts)


def _to_float(v, decimal):
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        s = v.replace("\u00a0", "").replace(" ", "")
        if decimal == ",":
            s = s.replace(",", ".")
        try:
            return float(s)
        except ValueError:
            return None
    return None


def _number(raw, codes, norm, d, var, vtype, decimal, declared, counts=None):
    missing_set = set(d.missing_codes(var))
    rng = d.range(var)
    n = len(norm)
    num_u = np.full(n, np.nan)
    status_u = np.full(n, OK, dtype=np.int8)
    prob_u = np.zeros(n, dtype=np.int16)
    miss_u = [None] * n
    for i, v in enumerate(norm):
        if v is None:
            status_u[i] = BLANK
            continue
        f = _to_float(v, decimal)
        if f is None or not math.isfinite(f):
            if isinstance(v, str) and v in {str(m) for m in missing_set}:
                status_u[i], miss_u[i] = MISSING, parse_code(v)
            else:
                status_u[i], prob_u[i] = INVALID, 1
            continue
        code = parse_code(f)
        if code in missing_set or _declared_missing(f, declared):
            status_u[i], miss_u[i] = MISSING, code
            continue
        if vtype == "integer" and not f.is_integer():
            status_u[i], prob_u[i] = INVALID, 2
        elif rng is not None and not (rng[0] <= f <= rng[1]):
            status_u[i], prob_u[i] = INVALID, 3
        else:
            num_u[i] = f
    what = "a whole number" if vtype == "integer" else "a number"
    rng_text = ""
    if rng is not None:
        rng_text = f" between {rng[0]:g} and {rng[1]:g}"
    problems = [
        ("text in a numeric item", what + rng_text + (" (decimal comma)" if decimal == "," else "")),
        ("not a whole number", "a whole number" + rng_text),
        ("value outside min/max", what + rng_text),
    ]
    arr = _take(num_u, codes, np.nan).astype(float)
    values = int64_array(arr) if vtype == "integer" else pd.arrays.FloatingArray(arr, np.isnan(arr))
    values = pd.Series(values, index=raw.index, name=var)
    return _finish(raw, codes, status_u, miss_u, prob_u, problems, values, counts)


#: Excel serial day numbers accepted as dates (1927-05-18 to 2173-10-14); day 0 = 1899-12-30
EXCEL_SERIAL_RANGE = (10000, 100000)
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")


def _excel_serial(v):
    """An Excel serial day number (int, float or digit text) as a Timestamp, else None."""
    if isinstance(v, bool):
        return None
    if isinstance(v, str):
        if not re.fullmatch(r"\d{5}(\.\d+)?", v.strip()):
            return None
        v = float(v)
    if isinstance(v, (int, float, np.integer, np.floating)) and EXCEL_SERIAL_RANGE[0] <= v < EXCEL_SERIAL_RANGE[1]:
        return _EXCEL_EPOCH + pd.Timedelta(days=float(v))
    return None


def _date(raw, codes, norm, d, var, date_order="day_first", counts=None):
    missing_set = {str(m) for m in d.missing_codes(var)}
    n = len(norm)
    status_u = np.full(n, OK, dtype=np.int8)
    prob_u = np.zeros(n, dtype=np.int16)
    miss_u = [None] * n
    parsed = [pd.NaT] * n
    text_i, text_v = [], []
    for i, v in enumerate(norm):
        if v is None:
            status_u[i] = BLANK
        elif isinstance(v, (_dt.datetime, _dt.date, pd.Timestamp, np.datetime64)):
            parsed[i] = pd.Timestamp(v)
        elif (str(v) in missing_set) if isinstance(v, (str, int)) and not isinstance(v, bool) else False:
            status_u[i], miss_u[i] = MISSING, parse_code(v)
        elif _excel_serial(v) is not None:
            parsed[i] = _excel_serial(v)
        elif isinstance(v, str):
            text_i.append(i)
            text_v.append(v)
        else:
            status_u[i], prob_u[i] = INVALID, 1
    order = "%m/%d/%Y" if date_order == "month_first" else "%d/%m/%Y"
    if text_v:
        text_s = pd.Series(text_v, dtype=object)
        both = pd.to_datetime(text_s, format="ISO8601", errors="coerce")
        unified = text_s.str.replace(r"[.\-]", "/", regex=True)
        both = both.fillna(pd.to_datetime(unified, format=order, errors="coerce"))
        both = both.fillna(pd.to_datetime(unified, format=order.replace("%Y", "%y"), errors="coerce"))
        for i, ts in zip(text_i, both):
            if pd.isna(ts):
                status_u[i], prob_u[i] = INVALID, 1
            else:
                parsed[i] = ts
    example = "01/03/2024 (day first)" if date_order != "month_first" else "03/01/2024 (month first)"
    problems = [("invalid date", f"a date such as 2024-03-01, {example} or an Excel date")]
    per_u = pd.to_datetime(pd.Series(parsed, dtype=object), utc=False) if n else pd.Series([], dtype="datetime64[ns]")
    arr = per_u.to_numpy(dtype="datetime64[ns]") if n else np.array([], dtype="datetime64[ns]")
    taken = _take(arr, codes, np.datetime64("NaT"))
    values = pd.Series(taken.astype("datetime64[ns]"), index=raw.index, name=var)
    return _finish(raw, codes, status_u, miss_u, prob_u, problems, values, counts)


def _text_vectorised(norm, missing_set):
    """:func:`_text`'s per-value loop for values that are all text or blank (``None``), in C."""
    n = len(norm)
    arr = pa.array(norm, type=pa.large_string())  # None -> null
    blank = arr.is_null().to_numpy(zero_copy_only=False)
    text = pc.replace_substring(arr, "\r\n", "\n")
    text_u = text.to_numpy(zero_copy_only=False)
    miss = np.zeros(n, dtype=bool)
    if missing_set:
        miss = pc.fill_null(pc.is_in(text, value_set=pa.array(sorted(missing_set))), False).to_numpy(
            zero_copy_only=False
        )
    status_u = np.full(n, OK, dtype=np.int8)
    status_u[blank] = BLANK
    status_u[miss] = MISSING
    miss_u = [None] * n
    for i in np.flatnonzero(miss):
        miss_u[i] = parse_code(text_u[i])
    text_u[blank | miss] = None
    return status_u, miss_u, text_u


def _text(raw, codes, norm, d, var, counts=None):
    missing_set = {str(m) for m in d.missing_codes(var)}
    n = len(norm)
    if n > _VECTOR_MIN and pd.api.types.infer_dtype(np.array(norm, dtype=object), skipna=True) in ("string", "empty"):
        status_u, miss_u, text_u = _text_vectorised(norm, missing_set)
        values = pd.Series(_take(text_u, codes, None), index=raw.index, name=var, dtype="str")
        return _finish(raw, codes, status_u, miss_u, np.zeros(n, dtype=np.int16), [], values, counts)
    status_u = np.full(n, OK, dtype=np.int8)
    miss_u = [None] * n
    text_u = np.empty(n, dtype=object)
    for i, v in enumerate(norm):
        if v is None:
            status_u[i] = BLANK
            text_u[i] = None
            continue
        if isinstance(v, float) and v.is_integer():
            v = str(int(v))
        elif isinstance(v, (_dt.datetime, pd.Timestamp)):
            v = v.isoformat()
        else:
            v = str(v).replace("\r\n", "\n")
        if v in missing_set:
            status_u[i], miss_u[i] = MISSING, parse_code(v)
            text_u[i] = None
        else:
            text_u[i] = v
    values = pd.Series(_take(text_u, codes, None), index=raw.index, name=var, dtype="str")
    return _finish(raw, codes, status_u, miss_u, np.zeros(n, dtype=np.int16), [], values, counts)


def _has_crlf(cells: pa.ChunkedArray) -> bool:
    """Whether a CRLF may be in the cells: searched in their bytes (memchr-fast), which may
    hold a little more than the cells (a slice's neighbours), never less."""
    return any(b"\r\n" in chunk.buffers()[2].to_pybytes() for chunk in cells.chunks if chunk.buffers()[2])


def _text_arrow(raw, cells: pa.ChunkedArray, d, var) -> Converted:
    """:func:`_text` of text cells read by pyarrow, in C: no Python string per cell."""
    missing = sorted({str(m) for m in d.missing_codes(var)})
    trimmed = pc.utf8_trim_whitespace(cells)
    blank = pc.equal(pc.binary_length(trimmed), 0)
    if _has_crlf(cells):
        trimmed = pc.replace_substring(trimmed, "\r\n", "\n")
    text = trimmed.cast(pa.large_string())
    status = blank.to_numpy(zero_copy_only=False).astype(np.int8)  # OK 0 / BLANK 1
    out = Converted(values=None, status=status)  # type: ignore[arg-type]
    drop = blank
    if missing:
        index = pc.index_in(text, value_set=pa.array(missing, type=pa.large_string()))
        codes = pc.fill_null(index, -1).to_numpy(zero_copy_only=False).astype(np.int8)
        found = codes >= 0
        if found.any():
            status[found] = MISSING
            out._codes, out._miss_u = codes, [parse_code(m) for m in missing]
            for m, n in zip(out._miss_u, np.bincount(codes[found], minlength=len(missing))):
                if n:
                    out.missing[m] = out.missing.get(m, 0) + int(n)
            drop = pc.or_(blank, pc.is_valid(index))
    values = pc.if_else(drop, pa.scalar(None, type=pa.large_string()), text)
    out.values = pd.Series(pd.arrays.ArrowStringArray(values, dtype=_STR), index=raw.index, name=var, copy=False)
    return out
