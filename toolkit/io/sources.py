"""Read the cells of a survey file (CSV, XLSX, SPSS .sav, Qualtrics export).

The result keeps every row, blank ones included, indexed by the row number the
user sees: CSV and XLSX count the header as row 1 (first answers on row 2),
Qualtrics exports have 3 header rows (first answers on row 4), SPSS files use
the case number (1..n).
"""

from __future__ import annotations

import datetime as _dt
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype
from python_calamine import CalamineWorkbook

from toolkit.errors import FileFormatError
from toolkit.io.convert import FactorizedCells
from toolkit.io.csvfile import read_csv_text
from toolkit.io.xlsx_errors import error_cells

__all__ = ["RawTable", "read_cells", "SUFFIXES"]

#: File types :func:`read_cells` reads.
SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm", ".sav", ".zsav")


@dataclass
class RawTable:
    """Cells of a file, before any conversion.

    Attributes
    ----------
    header : list of str
        Column names in file order (may contain duplicates or blanks; checked later).
    cells : pandas.DataFrame
        One column per header cell, positional column labels 0..k-1, index = row
        number in the file.
    kind : str
        ``"csv"``, ``"xlsx"`` or ``"sav"``.
    qualtrics : bool
        True when the Qualtrics header rows 2 and 3 were found and dropped.
    decimal : str
        Decimal mark of numbers written as text.
    declared_missing : dict
        Column -> list of ``(lo, hi)`` user-missing ranges declared in an SPSS file.
    details : dict
        What was detected (encoding, separator, sheet).
    factorized : dict or None
        Column position -> :class:`~toolkit.io.convert.FactorizedCells` when the reader
        has the columns in a form cheaper to factorize or convert than ``cells`` (the
        pyarrow cells of a CSV file; the distinct values of an XLSX sheet).
    """

    header: list
    cells: pd.DataFrame
    kind: str
    qualtrics: bool = False
    decimal: str = "."
    declared_missing: dict = field(default_factory=dict)
    details: dict = field(default_factory=dict)
    factorized: dict | None = None


def _is_import_id_row(values) -> bool:
    """Row 3 of a Qualtrics export: cells like ``{"ImportId":"QID1"}``."""
    cells = [str(v).strip() for v in values if v is not None and str(v).strip()]
    return bool(cells) and sum(c.startswith('{"ImportId"') or c.startswith("{'ImportId'") for c in cells) >= max(
        1, len(cells) // 2
    )


def _drop_qualtrics(table: RawTable, qualtrics) -> RawTable:
    cells = table.cells
    third = cells.iloc[1].tolist() if len(cells) >= 2 else []  # the file's third row
    has_ids = len(cells) >= 2 and _is_import_id_row(third)
    if qualtrics is None:
        qualtrics = has_ids
    if not qualtrics:
        return table
    if len(cells) < 1:
        raise FileFormatError("The file has no row of question text; it is not a Qualtrics export.")
    drop = 2 if has_ids else 1  # legacy exports have names + question text only
    table.cells = cells.iloc[drop:]
    if table.factorized is not None:
        table.factorized = {j: f.rows_from(drop) for j, f in table.factorized.items()}
    table.qualtrics = True
    table.details["qualtrics_header_rows"] = 1 + drop
    return table


def read_cells(path, *, sheet=None, qualtrics=None) -> RawTable:
    """Read every cell of a survey file.

    Parameters
    ----------
    path : str or pathlib.Path
        ``.csv`` (or ``.txt``), ``.xlsx``, ``.sav`` / ``.zsav``.
    sheet : str, optional
        XLSX sheet name (default: the first sheet).
    qualtrics : bool, optional
        Treat the file as a Qualtrics export (``None``: detect from the ``ImportId``
        row 3). ``True`` without an ``ImportId`` row drops one header row (older
        two-header exports).

    Raises
    ------
    FileNotFoundError, FileFormatError
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"Survey file {path} not found.")
    if path.is_dir():
        raise FileFormatError(f"{path} is a folder; give the survey file inside it.")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return _drop_qualtrics(_read_csv(path), qualtrics)
    if suffix in (".xlsx", ".xlsm"):
        return _drop_qualtrics(_read_xlsx(path, sheet), qualtrics)
    if suffix in (".sav", ".zsav"):
        return _read_sav(path)
    if suffix == ".xls":
        raise FileFormatError(
            f"{path} is an old Excel 97-2003 .xls file; open it in Excel and save it as .xlsx "
            "(Excel Workbook) or .csv (CSV UTF-8)."
        )
    raise FileFormatError(f"{path} has extension {path.suffix!r}; expected one of {', '.join(SUFFIXES)}.")


def _read_csv(path: Path) -> RawTable:
    csvt = read_csv_text(path)
    factorized = None
    if csvt.arrays is not None:
        factorized = {j: FactorizedCells.from_arrow(a) for j, a in csvt.arrays.items()}
    return RawTable(
        header=csvt.header,
        cells=csvt.rows,
        kind="csv",
        decimal=csvt.decimal,
        factorized=factorized,
        details={"encoding": csvt.encoding, "separator": csvt.separator, "parser": csvt.parser}
        | ({"parser_fallback": csvt.fallback} if csvt.fallback else {}),
    )


def _read_xlsx(path: Path, sheet) -> RawTable:
    """Cells of one sheet through python-calamine (Rust), as openpyxl would give them.

    Calamine gives every number as a float, a date cell as ``datetime.date`` and an
    empty cell as ``""``; they become what openpyxl gives (``int`` for whole numbers,
    ``datetime.datetime``, ``None``) so that codes, ids and report values read the same.
    Error cells (``#N/A``, ``#DIV/0!``), which calamine gives as ``""``, hold their text as
    in openpyxl (:mod:`toolkit.io.xlsx_errors`). Merged cells hold their value in the
    top-left cell only (as in openpyxl's read-only mode); numbers stored as text stay text.
    Rows after the last cell holding a value (formatted but empty) are not read.
    """
    try:
        wb = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # CalamineError, PasswordError, ZipError, XmlError, OSError
        raise FileFormatError(
            f"Cannot read {path} as an Excel .xlsx workbook ({exc}). Check that it is not "
            "open in Excel with a lock, password-protected or saved in another format."
        ) from None
    try:
        names = list(wb.sheet_names)
        if sheet is None:
            sheet = names[0]
        elif sheet not in names:
            raise FileFormatError(f"Sheet {sheet!r} not found in {path}. Sheets in this workbook: {names}.")
        # error cells are looked for in a thread while calamine parses the sheet (both
        # release the GIL: zlib inflating, calamine's Rust parse)
        with ThreadPoolExecutor(max_workers=1) as pool:
            errors = pool.submit(error_cells, path, sheet)
            try:
                rows: list[list[Any]] = wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            except Exception as exc:  # a corrupt sheet
                raise FileFormatError(f"Cannot read sheet {sheet!r} of {path}: {exc}") from None
            try:
                found = errors.result()
            except Exception as exc:  # the zip or XML broken where calamine did not look
                raise FileFormatError(f"Cannot read the error cells of sheet {sheet!r} of {path}: {exc}") from None
    finally:
        wb.close()
    grid = _grid(rows)
    del rows  # the cells live on in ``grid``; the lists go now
    for (r, c), text in found.items():
        if r < grid.shape[0] and c < grid.shape[1]:
            grid[r, c] = text  # calamine gave "" (see toolkit.io.xlsx_errors)
    first = _excel_cells(grid[0].tolist()) if len(grid) else []
    if not len(grid) or all(v is None for v in first):
        raise FileFormatError(
            f"Sheet {sheet!r} of {path} is empty or its first row is blank: expected a header "
            "row of column names in row 1."
        )
    header = [("" if v is None else str(v).strip()) for v in first]
    cells, factorized = _xlsx_columns(grid[1:])
    return RawTable(header=header, cells=cells, kind="xlsx", details={"sheet": sheet}, factorized=factorized)


def _grid(rows: list) -> np.ndarray:
    """Calamine's rows as one 2-D object array (rows x columns); short rows padded with ``""``
    (calamine's rows are rectangular, so that never happens in practice)."""
    width = max((len(r) for r in rows), default=0)
    grid = np.empty((len(rows), width), dtype=object)
    if any(len(r) != width for r in rows):
        grid[:] = ""
        for i, r in enumerate(rows):
            grid[i, : len(r)] = r
    elif rows and width:
        grid[:] = rows
    return grid


def _xlsx_columns(body: np.ndarray) -> tuple[pd.DataFrame, dict]:
    """The cells below the header, column by column: each distinct value made openpyxl-like
    once (:func:`_excel_cells`), spread back to the rows by its factorized code.

    The columns are laid out one after another in one array that becomes the frame's single
    block as it is (no copy, no per-column Series).
    """
    n, width = body.shape
    index = pd.RangeIndex(2, 2 + n)
    if not width:
        return pd.DataFrame(index=index), {}
    cols = body.T.copy()  # column j is row j of a C-ordered array: contiguous for factorize
    factorized = {}
    for j in range(width):
        col = cols[j]
        codes, uniq = _unmerge_numbers_and_booleans(col, *pd.factorize(col, use_na_sentinel=True))
        fixed = np.array(_excel_cells(list(uniq)) + [None], dtype=object)
        cols[j] = fixed[codes]
        factorized[j] = FactorizedCells.from_codes(codes, fixed[:-1])
    cells = pd.DataFrame(cols.T, index=index, columns=range(width), dtype=object, copy=False)
    return cells, factorized


def _unmerge_numbers_and_booleans(col: np.ndarray, codes: np.ndarray, uniq: np.ndarray):
    """``pandas.factorize`` gives ``True`` and ``1.0`` (``False`` and ``0.0``) one code, as Python
    finds them equal; a sheet holding both keeps them apart here (openpyxl gives ``True`` and ``1``).

    Only the rows of a distinct value equal to 0 or 1 are looked at, in C
    (``infer_dtype``); rows are split one by one only when they mix the two.
    """
    equal_01 = [k for k, u in enumerate(uniq) if isinstance(u, (bool, int, float)) and u in (0, 1)]
    if not equal_01:
        return codes, uniq
    rows_01 = codes == equal_01[0]
    for k in equal_01[1:]:
        rows_01 |= codes == k
    if infer_dtype(col[rows_01], skipna=False) in ("boolean", "floating", "integer"):
        return codes, uniq  # one type only: nothing was matched across types
    extra: list = []
    for k in equal_01:
        rows = np.flatnonzero(codes == k)
        is_bool = np.fromiter((type(v) is bool for v in col[rows]), dtype=bool, count=len(rows))
        move = rows[is_bool != (type(uniq[k]) is bool)]
        if len(move):
            codes[move] = len(uniq) + len(extra)
            extra.append(col[move[0]])
    if extra:
        tail = np.empty(len(extra), dtype=object)
        tail[:] = extra
        uniq = np.concatenate([np.asarray(uniq, dtype=object), tail])
    return codes, uniq


def _excel_cells(row: list) -> list:
    """Calamine cells as openpyxl gives them (see :func:`_read_xlsx`)."""
    out = row
    for k, v in enumerate(row):
        t = type(v)
        if t is float:
            if v.is_integer():
                out[k] = int(v)
        elif t is str:
            if not v:
                out[k] = None
        elif t is _dt.date:
            out[k] = _dt.datetime(v.year, v.month, v.day)
    return out


def _read_sav(path: Path) -> RawTable:
    # lazy: pyreadstat (about 70 modules, 30 ms) loads only when an SPSS file is read
    import pyreadstat

    try:
        df, meta = pyreadstat.read_sav(str(path), user_missing=True, apply_value_formats=False)
    except Exception as exc:  # pyreadstat raises its own ReadstatError / PyreadstatError
        raise FileFormatError(f"Cannot read {path} as an SPSS .sav file: {exc}") from None
    declared = {}
    for var, ranges in (meta.missing_ranges or {}).items():
        declared[var] = [
            (r["lo"], r["hi"]) for r in ranges if isinstance(r, dict) and isinstance(r.get("lo"), (int, float))
        ]
    header = [str(c) for c in df.columns]
    cells = df  # typed as pyreadstat gives them: conversion works per distinct value, no copy as objects
    cells.columns = range(len(header))
    cells.index = pd.RangeIndex(1, 1 + len(cells))
    return RawTable(
        header=header,
        cells=cells,
        kind="sav",
        declared_missing=declared,
        details={"value_labels": meta.variable_value_labels},
    )
