"""The validation report: every problem found in a data file, one row each."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["ValidationReport", "REPORT_COLUMNS"]

#: Columns of :attr:`ValidationReport.table`, in this order.
REPORT_COLUMNS = ["file", "row", "column", "value", "problem", "expected", "severity"]


def _as_text(values) -> np.ndarray:
    """Cell values as text for the report ('' for blanks)."""
    out = []
    for v in values:
        if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA:
            out.append("")
        elif isinstance(v, float) and v.is_integer():
            out.append(str(int(v)))
        else:
            out.append(str(v))
    return np.asarray(out, dtype=object)


class ValidationReport:
    """Problems found while reading a survey file, as a tidy table.

    Parameters
    ----------
    table : pandas.DataFrame, optional
        Rows with the columns of :data:`REPORT_COLUMNS`.
    file : str
        Name of the file checked (used when problems are added).

    Attributes
    ----------
    table : pandas.DataFrame
        One row per problem with columns

        - ``file``: the file checked;
        - ``row``: row number as the user sees it in the file (CSV/XLSX header = 1,
          so the first data row is 2; Qualtrics exports: first answer row 4;
          SPSS: case number 1..n); missing (``<NA>``) for problems about a whole column;
        - ``column``: column name in the file;
        - ``value``: the value found, as text;
        - ``problem``: what is wrong;
        - ``expected``: what was expected;
        - ``severity``: ``"error"`` (the data break a rule of the dictionary) or
          ``"warning"`` (worth a look; the file can still be used).

    Examples
    --------
    >>> r = ValidationReport(file="wave1.csv")
    >>> r.add([5, 9], "q1", ["7", "x"], "value outside codes", "one of 1, 2, 3")
    >>> r.add([None], "extra", [""], "unknown column (dropped)", "a dictionary variable", severity="warning")
    >>> r.n_errors, r.n_warnings, r.ok
    (2, 1, False)
    >>> r.summary()
      severity                   problem column  n  first_row
    0    error       value outside codes     q1  2          5
    1  warning  unknown column (dropped)  extra  1       <NA>
    """

    def __init__(self, table: pd.DataFrame | None = None, *, file: str = ""):
        self.file = str(file)
        self._parts: list = []
        if table is not None and len(table):
            self._parts.append(table[REPORT_COLUMNS].copy())
        self._table = None

    # ----------------------------------------------------------------- building
    def add(self, rows, column, values, problem, expected, *, severity="error") -> None:
        """Add one problem found in several rows of one column (vectorised)."""
        rows = list(rows) if not isinstance(rows, (np.ndarray, pd.Index, pd.Series)) else rows
        n = len(rows)
        if n == 0:
            return
        values = _as_text(values if len(values) == n else list(values) * n)
        part = pd.DataFrame(
            {
                "file": self.file,
                "row": pd.array(np.asarray(rows) if not isinstance(rows, list) else rows, dtype="Int64"),
                "column": "" if column is None else str(column),
                "value": values,
                "problem": problem,
                "expected": expected,
                "severity": severity,
            }
        )
        self._parts.append(part)
        self._table = None

    def extend(self, other: ValidationReport) -> None:
        """Append the problems of another report."""
        if len(other.table):
            self._parts.append(other.table)
            self._table = None

    # ----------------------------------------------------------------- reading
    @property
    def table(self) -> pd.DataFrame:
        """All problems, errors first, then by row and column."""
        if self._table is None:
            if self._parts:
                t = pd.concat(self._parts, ignore_index=True)
            else:
                t = pd.DataFrame({c: pd.Series(dtype="Int64" if c == "row" else "str") for c in REPORT_COLUMNS})
            t["row"] = t["row"].astype("Int64")
            order = t["severity"].map({"error": 0, "warning": 1}).fillna(2)
            t = (
                t.assign(_o=order)
                .sort_values(["_o", "row", "column"], kind="stable", na_position="first")
                .drop(columns="_o")
                .reset_index(drop=True)
            )
            self._table = t
            self._parts = [t]
        return self._table

    @property
    def errors(self) -> pd.DataFrame:
        """Rows of :attr:`table` with severity ``error``."""
        t = self.table
        return t[t["severity"] == "error"].reset_index(drop=True)

    @property
    def warnings(self) -> pd.DataFrame:
        """Rows of :attr:`table` with severity ``warning``."""
        t = self.table
        return t[t["severity"] == "warning"].reset_index(drop=True)

    @property
    def n_errors(self) -> int:
        return int((self.table["severity"] == "error").sum())

    @property
    def n_warnings(self) -> int:
        return int((self.table["severity"] == "warning").sum())

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return self.n_errors == 0

    def __len__(self) -> int:
        return len(self.table)

    def summary(self) -> pd.DataFrame:
        """Problems counted by severity, problem and column.

        Returns
        -------
        pandas.DataFrame
            Columns ``severity, problem, column, n, first_row`` (``first_row`` is the
            first row where the problem occurs, ``<NA>`` for whole-column problems).
        """
        t = self.table
        if not len(t):
            return pd.DataFrame(
                {
                    "severity": pd.Series(dtype="str"),
                    "problem": pd.Series(dtype="str"),
                    "column": pd.Series(dtype="str"),
                    "n": pd.Series(dtype="int64"),
                    "first_row": pd.Series(dtype="Int64"),
                }
            )
        g = t.groupby(["severity", "problem", "column"], sort=False, dropna=False)
        out = g.agg(n=("row", "size"), first_row=("row", "min")).reset_index()
        out["first_row"] = out["first_row"].astype("Int64")
        return out

    def to_csv(self, path) -> None:
        """Write :attr:`table` to a CSV file (UTF-8 with BOM, so Excel opens it correctly)."""
        self.table.to_csv(path, index=False, encoding="utf-8-sig")

    def __str__(self) -> str:
        t = self.table
        name = self.file or "the data"
        if not len(t):
            return f"Validation of {name}: no problems found."
        head = f"Validation of {name}: {self.n_errors} error(s), {self.n_warnings} warning(s)."
        return head + "\n" + format_table(t.drop(columns="file"))

    def __repr__(self) -> str:
        return f"<ValidationReport {self.file}: {self.n_errors} error(s), {self.n_warnings} warning(s)>"


def format_table(table: pd.DataFrame, *, max_rows: int = 200, width: int = 40) -> str:
    """A plain-text table for the console: cells cut at ``width`` characters."""
    shown = table.head(max_rows).astype(object).where(table.head(max_rows).notna(), "")
    cols = list(shown.columns)
    cells = [[str(c) for c in cols]]
    for rec in shown.itertuples(index=False):
        cells.append([_cut(str(v), width) for v in rec])
    widths = [max(len(r[i]) for r in cells) for i in range(len(cols))]
    lines = ["  ".join(r[i].ljust(widths[i]) for i in range(len(cols))).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    if len(table) > max_rows:
        lines.append(f"... {len(table) - max_rows} more row(s); write the full report with --report FILE.csv")
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    text = text.replace("\r", " ").replace("\n", " ")
    return text if len(text) <= width else text[: width - 3] + "..."
