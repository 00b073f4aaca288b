"""``tables.xlsx``: every published table, numbers as numbers, withheld cells as ``[c]``.

The first sheet is a legend (what ``[c]`` means, and one line per table with its
title, note and sheet); each analysis table follows on its own sheet exactly as
published, except that a cell withheld by disclosure control shows
:data:`toolkit.disclosure.MARKER` instead of a blank, as the Office for National
Statistics marks confidential cells. Formulas are neutralised
(:func:`toolkit.io.export.neutralise_formulas`) and the file is byte-identical on
rebuild (:func:`toolkit.report.ooxml.fix_zip`).
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from toolkit.disclosure import MARKER
from toolkit.io.export import _sheet_name, neutralise_formulas
from toolkit.report.ooxml import FIXED_DATETIME, fix_zip

__all__ = ["write_tables_workbook"]

LEGEND_SHEET = "Legend"


def _value(v):
    if v is None or v is pd.NA:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item"):
        try:
            return v.item()
        except (ValueError, AttributeError):
            pass
    return v


def write_tables_workbook(tables, path, *, masks=None, notes=None, titles=None, threshold=None) -> Path:
    """Write ``tables`` (name -> DataFrame) to one workbook with a legend sheet first.

    Parameters
    ----------
    tables : dict of str to pandas.DataFrame
        The published tables.
    path : path
        Where to write.
    masks : dict of str to pandas.DataFrame of bool, optional
        Cells withheld by disclosure control, per table; they are written as ``[c]``.
    notes, titles : dict of str to str, optional
        Shown on the legend sheet.
    threshold : int, optional
        The disclosure threshold, stated in the legend.

    Returns
    -------
    pathlib.Path
    """
    # lazy: openpyxl is loaded only when a workbook is written
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    masks, notes, titles = masks or {}, notes or {}, titles or {}
    wb = Workbook()
    legend = wb.active
    legend.title = LEGEND_SHEET
    used = {LEGEND_SHEET.lower()}
    rule = f" (fewer than {threshold} people, or a cell that would reveal one)" if threshold else ""
    legend.append(["Symbol", "Meaning"])
    legend.append([MARKER, f"confidential: withheld by disclosure control{rule}"])
    legend.append(["–", "not applicable or not estimable (for example an interval from one observation)"])
    legend.append([])
    legend.append(["Sheet", "Table", "Note", "Cells withheld"])
    for cell in (*legend[1], *legend[5]):
        cell.font = Font(bold=True)
    sheets = {}
    for name in tables:
        sheets[name] = _sheet_name(name, used)
    for name, table in tables.items():
        mask = masks.get(name)
        n_withheld = int(mask.to_numpy().sum()) if mask is not None else 0
        legend.append([sheets[name], titles.get(name, name), notes.get(name) or "", n_withheld])
    legend.column_dimensions["A"].width = 34
    legend.column_dimensions["B"].width = 70
    legend.column_dimensions["C"].width = 90
    for row in legend.iter_rows(min_row=6):
        for cell in row[1:3]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for name, table in tables.items():
        ws = wb.create_sheet(sheets[name])
        safe = neutralise_formulas(table)
        mask = masks.get(name)
        ws.append([str(c) for c in safe.columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for i in range(len(safe)):
            row = []
            for j, col in enumerate(safe.columns):
                if mask is not None and bool(mask.iloc[i, j]):
                    row.append(MARKER)
                else:
                    row.append(_value(safe.iloc[i, j]))
            ws.append(row)
        for j, col in enumerate(safe.columns, start=1):
            width = max([len(str(col))] + [len(str(v)) for v in safe.iloc[:, j - 1].head(200)]) + 2
            ws.column_dimensions[ws.cell(1, j).column_letter].width = min(60, max(8, width))
        ws.freeze_panes = "A2"
    wb.properties.creator = "toolkit"
    wb.properties.created = FIXED_DATETIME
    wb.properties.modified = FIXED_DATETIME
    wb.properties.lastModifiedBy = "toolkit"
    wb.save(path)
    return fix_zip(path)
