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

import openpyxl
import pandas as pd
import pytest
from _io_helpers import small_dictionary

from toolkit.io import read_survey, sources
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
    pd.testing.assert_frame_equal(got.data, want.data)
    pd.testing.assert_frame_equal(got.report.table, want.report.table)
    pd.testing.assert_frame_equal(got.excluded, want.excluded)
    pd.testing.assert_frame_equal(got.missing, want.missing)
    assert got.details == want.details
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
