"""XLSX is read through python-calamine; the cells it gives must read as openpyxl's did.

Reference: openpyxl's read-only values (the reader used before calamine), kept here as
``_openpyxl_table``. A workbook holding the Excel forms that matter to the checks (whole
numbers and decimals typed as numbers, numbers stored as text, dates and date-times,
time cells, booleans, a merged header cell, a formatted number, an empty column inside,
a blank row inside, free text) is read both ways: the frames, problem lists, exclusions
and missing-code counts must be equal.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import openpyxl
import pandas as pd
import pytest
from _io_helpers import assert_same_read, small_dictionary

from toolkit.io import read_survey, sources
from toolkit.io.convert import FactorizedCells
from toolkit.io.sources import RawTable


def _openpyxl_table(path, sheet):
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = sheet or wb.sheetnames[0]
        rows = list(wb[sheet].iter_rows(values_only=True))
    finally:
        wb.close()
    width = max(len(r) for r in rows)
    header = [("" if v is None else str(v).strip()) for v in rows[0]] + [""] * (width - len(rows[0]))
    body = [tuple(r) + (None,) * (width - len(r)) for r in rows[1:]]
    cells = pd.DataFrame.from_records(body, columns=range(width)).astype(object)
    cells.index = pd.RangeIndex(2, 2 + len(cells))
    return RawTable(header=header, cells=cells, kind="xlsx", details={"sheet": sheet})


def _workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Answers"
    ws.append(["rid", "wave", "q1", "q2", "grp", "yn", "n", "score", "when", "", "plat", "note", "note"])
    ws.merge_cells("L1:M1")  # a merged header cell: the second half has no name
    rows = [
        ["A001", 1, 4, "2", 1, 1, 3, 2.5, dt.datetime(2024, 3, 1), None, "1;3", "free text", None],
        ["0012", 1.0, "9", 5, "Gamma", True, -99, 10, dt.date(2024, 3, 2), None, 2, dt.datetime(2024, 1, 5), None],
        [3, 2, 7, " 4 ", 98, 0, 3.5, "x", dt.datetime(2024, 9, 30, 14, 5), None, "2;9", dt.time(10, 30), "x"],
        [None] * 13,
        ["A004", 1, 1, 1, 2, 9, 400, 11, "31/02/2024", None, "", 45352, None],
        ["A001", 1, 2, 2, 2, 0, 1, 1, 45352, None, 3, "dup", None],
    ]
    for r in rows:
        ws.append(r)
    ws["G2"].number_format = "0000"
    ws["H3"].number_format = "0.00"
    wb.save(path)


def test_calamine_reads_every_excel_form_as_openpyxl_did(tmp_path, monkeypatch):
    path = tmp_path / "survey.xlsx"
    _workbook(path)
    got = read_survey(path, small_dictionary(), on_error="report")
    monkeypatch.setattr(sources, "_read_xlsx", _openpyxl_table)
    want = read_survey(path, small_dictionary(), on_error="report")
    assert_same_read(got, want)
    # the workbook exercises the checks (not two empty reports compared)
    assert len(got.report.errors) >= 8
    assert dict(zip(got.excluded["row"], got.excluded["reason"]))[5] == "blank row"
    assert got.data.loc[3, "rid"] == "0012" and got.data.loc[4, "rid"] == "3"
    assert got.data.loc[3, "note"] == "2024-01-05T00:00:00"


def test_calamine_raw_cells_match_openpyxl(tmp_path):
    path = tmp_path / "survey.xlsx"
    _workbook(path)
    got = sources.read_cells(path)
    want = _openpyxl_table(path, None)
    assert got.header == want.header

    def blanks_as_none(cells):  # the reference leaves NaN for a blank in a column of numbers
        return cells.astype(object).where(cells.notna(), None)

    pd.testing.assert_frame_equal(blanks_as_none(got.cells), blanks_as_none(want.cells))


@pytest.mark.parametrize("sheet", [None, "Answers"])
def test_first_or_named_sheet(tmp_path, sheet):
    path = tmp_path / "survey.xlsx"
    _workbook(path)
    assert sources.read_cells(path, sheet=sheet).details["sheet"] == "Answers"


# --------------------------------------------------------------- mixed types per column
def _mixed_workbook(path):
    """Every column mixes the forms a survey sheet can hold: numbers, numbers stored as text,
    dates and times, blanks, booleans beside 0 / 1 (in both orders), error cells, free text."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Mixed"
    ws.append(["rid", "wave", "q1", "q2", "grp", "yn", "n", "score", "when", "plat", "note"])
    day, stamp = dt.date(2024, 3, 2), dt.datetime(2024, 9, 30, 14, 5)
    rows = [
        ["A001", 1, 4, True, "Gamma", 1, -99, 2.5, stamp, "1;3", "free text"],
        [12, 1.0, "4", 1, 3, True, "-99", "2,5", day, 2, stamp],
        ["0012", "2", 4.0, "1", "3", 0, 3.5, "x", 45352, "", 3.0],
        [True, True, " 4 ", False, False, False, 400, 10, "45352", None, True],
        [1, "#N/A", True, 0, 0, "1", day, True, "31/02/2024", "2;9", 1],
        [None] * 11,
        ["A006", 2, 1, "#DIV/0!", "#VALUE!", 9, "#N/A", 0, "2024-03-01", 1.0, "#N/A"],
        [False, 0, 9, 5, 98, None, 0, 1, dt.time(10, 30), "3", dt.time(10, 30)],
        [0, 1, "9", 2, 1.5, 1, 1, False, True, True, 0],
    ]
    for r in rows:
        ws.append(r)
    wb.save(path)
    return len(rows)


def _cell_by_cell_table(path, sheet):
    """Reference: calamine's rows with :func:`sources._excel_cells` applied to every row, no
    factorizing (the rule the column-wise reader must reproduce cell for cell)."""
    from python_calamine import CalamineWorkbook

    with CalamineWorkbook.from_path(str(path)) as wb:
        rows = wb.get_sheet_by_name(sheet or wb.sheet_names[0]).to_python(skip_empty_area=False)
    rows = [sources._excel_cells(list(r)) for r in rows]
    # calamine gives an error cell as "": its text as openpyxl reads it
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for row in wb[sheet or wb.sheetnames[0]].iter_rows():
        for cell in row:
            if getattr(cell, "data_type", None) == "e":
                rows[cell.row - 1][cell.column - 1] = cell.value
    wb.close()
    body = np.empty((len(rows) - 1, len(rows[0])), dtype=object)
    body[:] = rows[1:]
    cells = pd.DataFrame(body, index=pd.RangeIndex(2, 1 + len(rows)), dtype=object)
    header = [("" if v is None else str(v).strip()) for v in rows[0]]
    factorized = {}
    for j in range(body.shape[1]):  # keyed by type and value: True and 1 get two codes
        keys = np.empty(len(body), dtype=object)
        keys[:] = [(type(v).__name__, v) for v in body[:, j]]
        codes, uniq = pd.factorize(keys)
        factorized[j] = FactorizedCells.from_codes(codes, np.array([v for _, v in uniq] + [None], dtype=object)[:-1])
    return RawTable(header=header, cells=cells, kind="xlsx", details={"sheet": sheet or "Mixed"}, factorized=factorized)


def _typed(cells: pd.DataFrame) -> list:
    """Each cell with its type: ``True`` and ``1`` compare equal, ``(bool, True)`` and ``(int, 1)`` do not."""
    return [[(type(v).__name__, v) for v in row] for row in cells.itertuples(index=False, name=None)]


def test_column_wise_cells_equal_cell_by_cell_rule_on_mixed_columns(tmp_path):
    path = tmp_path / "mixed.xlsx"
    n = _mixed_workbook(path)
    got, want = sources.read_cells(path), _cell_by_cell_table(path, None)
    assert got.header == want.header
    assert list(got.cells.index) == list(range(2, 2 + n))  # rows as Excel numbers them
    assert _typed(got.cells) == _typed(want.cells)
    # the codes every conversion works from give the same typed cells
    spread = pd.DataFrame({j: f.uniques[f.codes.astype(np.intp)] for j, f in got.factorized.items()})
    spread[got.cells.isna().to_numpy()] = None  # code -1 (blank) has no unique
    assert _typed(spread) == _typed(want.cells)
    # the workbook holds what factorizing alone gets wrong: a boolean beside 1 / 0 in one column
    first_column = {row[0] for row in _typed(got.cells)}
    assert {("bool", True), ("int", 1), ("bool", False), ("int", 0)} <= first_column


def test_column_wise_reader_reads_mixed_columns_as_cell_by_cell_rule(tmp_path, monkeypatch):
    path = tmp_path / "mixed.xlsx"
    _mixed_workbook(path)
    got = read_survey(path, small_dictionary(), on_error="report")
    monkeypatch.setattr(sources, "_read_xlsx", _cell_by_cell_table)
    want = read_survey(path, small_dictionary(), on_error="report")
    assert_same_read(got, want)
    assert len(got.report.errors) >= 10
    # a boolean and the number 1 in one id column stay two ids, as openpyxl read them
    assert got.data.loc[5, "rid"] == "True" and "1" in set(got.data["rid"]) | set(got.excluded["id"].dropna())


def test_mixed_cells_match_openpyxl_error_cells_included(tmp_path):
    path = tmp_path / "mixed.xlsx"
    _mixed_workbook(path)
    got, ref = _typed(sources.read_cells(path).cells), _typed(_openpyxl_table(path, None).cells)
    errors = [(i + 2, j) for i, row in enumerate(ref) for j, (_, v) in enumerate(row) if str(v).startswith("#")]
    assert errors == [(6, 1), (8, 3), (8, 4), (8, 6), (8, 10)]  # what the workbook holds
    for i, (row_got, row_ref) in enumerate(zip(got, ref)):
        for j, (a, b) in enumerate(zip(row_got, row_ref)):
            assert a == b or (b[0] == "float" and b[1] != b[1]), (i + 2, j, a, b)  # NaN = blank


def test_error_cells_read_as_openpyxl_shows_them(tmp_path):
    """python-calamine gives an error cell as "", the value of an empty cell: read as a blank,
    a #N/A in a numeric item would go unreported."""
    path = tmp_path / "mixed.xlsx"
    _mixed_workbook(path)
    got = sources.read_cells(path).cells
    assert got.loc[6, 1] == "#N/A" and got.loc[8, 3] == "#DIV/0!" and got.loc[8, 4] == "#VALUE!"
    s = read_survey(path, small_dictionary(), on_error="report")
    wave = s.report.errors[s.report.errors["column"] == "wave"]
    assert [6, "#N/A", "text in a numeric item"] in wave[["row", "value", "problem"]].values.tolist()
    assert s.data.loc[8, "note"] == "#N/A"


def test_grid_pads_short_rows_with_empty_cells():
    grid = sources._grid([["rid", "q1", "q2"], ["A001", 4.0], []])
    assert grid.shape == (3, 3)
    assert grid.tolist() == [["rid", "q1", "q2"], ["A001", 4.0, ""], ["", "", ""]]
    assert sources._grid([]).shape == (0, 0)
