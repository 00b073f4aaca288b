"""Write published tables safely: CSV and one XLSX workbook.

Spreadsheet applications execute a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and some also ``\\t`` / ``\\r``) as a formula ("CSV injection", OWASP), and some
trim leading whitespace first or read the full-width forms ``＝＋－＠`` as the ASCII ones.
Text cells starting with whitespace (space, tab, CR, LF...), or whose first visible
character is one of these, are prefixed with an apostrophe, which Excel shows as plain
text. Numbers are left as numbers (a negative number is not a formula).

In the CSV every text cell is quoted (``csv.QUOTE_NONNUMERIC``), so a cell holding a
carriage return, a line feed or a tab stays one cell (an unquoted CR would start a new
row, and the neutralised remainder would be read as a live formula).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

__all__ = ["neutralise_formulas", "write_csv", "write_workbook"]

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _neutralise_cell(value):
    if (
        isinstance(value, str)
        and value
        and (value[0].isspace() or value.lstrip().startswith(_TRIGGERS) or value.startswith(_TRIGGERS))
    ):
        return "'" + value
    return value


def neutralise_formulas(table: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``table`` whose text cells cannot start a spreadsheet formula.

    >>> import pandas as pd
    >>> neutralise_formulas(pd.DataFrame({"a": ["=1+1", "ok", "-x"], "b": [-1.5, 2, 3]}))
           a    b
    0  '=1+1 -1.5
    1     ok  2.0
    2    '-x  3.0
    """
    out = table.copy()
    for col in out.columns:
        if (
            out[col].dtype == object
            or pd.api.types.is_string_dtype(out[col])
            or isinstance(out[col].dtype, pd.CategoricalDtype)
        ):
            out[col] = out[col].map(_neutralise_cell)
    out.columns = [_neutralise_cell(str(c)) for c in out.columns]
    return out


def write_csv(table: pd.DataFrame, path: Path) -> Path:
    """Write ``table`` as UTF-8 CSV (with BOM so Excel reads accents) after neutralising
    formulas; every text cell is quoted, so CR, LF and tabs stay inside their cell."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    neutralise_formulas(table).to_csv(
        path, index=False, lineterminator="\n", encoding="utf-8-sig", quoting=csv.QUOTE_NONNUMERIC
    )
    return path


def _sheet_name(name: str, used: set[str]) -> str:
    base = "".join(ch if ch not in "[]:*?/\\" else "_" for ch in name)[:31] or "table"
    candidate, i = base, 2
    while candidate.lower() in used:
        suffix = f"~{i}"
        candidate, i = base[: 31 - len(suffix)] + suffix, i + 1
    used.add(candidate.lower())
    return candidate


def write_workbook(tables: dict[str, pd.DataFrame], path: Path, *, layout=None) -> Path:
    """Write every table to one XLSX workbook, one sheet each, formulas neutralised.
    ``layout(name, table, worksheet)``, when given, lays out each openpyxl worksheet
    (widths, wrapping, validation) before the file is saved."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, table in tables.items():
            sheet = _sheet_name(name, used)
            neutralise_formulas(table).to_excel(writer, sheet_name=sheet, index=False)
            if layout is not None:
                layout(name, table, writer.sheets[sheet])
    return path
