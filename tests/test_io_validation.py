"""Each bad input is reported at the exact row (as numbered in the file), column and value."""

from __future__ import annotations

import pandas as pd
import pytest
from _io_helpers import HEADER, ROWS, column_values, csv_bytes, small_dictionary

from toolkit.errors import (
    ColumnNotFoundError,
    DataValidationError,
    FileFormatError,
    ParameterError,
)
from toolkit.io import ValidationReport, read_survey


def _write(tmp_path, rows, header=HEADER, name="s.csv", **kw):
    path = tmp_path / name
    path.write_bytes(csv_bytes(header, rows, **kw))
    return path


def _with(col, value, row=1):
    """ROWS with one cell changed (row = 0-based data row; file row = row + 2)."""
    rows = [list(r) for r in ROWS]
    rows[row][HEADER.index(col)] = value
    return rows


@pytest.mark.parametrize(
    "col, value, problem",
    [
        ("q1", "7", "value outside codes"),
        ("q1", "Agreed", "value outside codes"),
        ("grp", "4", "value outside codes"),
        ("yn", "2", "value outside codes"),
        ("n", "400", "value outside min/max"),
        ("n", "-1", "value outside min/max"),
        ("n", "1.5", "not a whole number"),
        ("n", "three", "text in a numeric item"),
        ("score", "10.5", "value outside min/max"),
        ("score", "n/a", "text in a numeric item"),
        ("when", "2024-02-30", "invalid date"),
        ("when", "yesterday", "invalid date"),
        ("plat", "1;4", "value outside codes"),
        ("wave", "", "missing value in required column"),
    ],
)
def test_bad_value_is_located(tmp_path, col, value, problem):
    path = _write(tmp_path, _with(col, value, row=1))
    s = read_survey(path, small_dictionary(), on_error="report")
    e = s.report.errors
    assert e[["file", "row", "column", "value", "problem"]].values.tolist() == [["s.csv", 3, col, value, problem]]
    assert e["expected"].iloc[0]  # says what was expected
    # the row is kept, the bad cell is missing
    assert 3 in s.data.index
    target = [c for c in s.data.columns if c == col or c.startswith(col + "_")]
    assert all(pd.isna(s.data.loc[3, c]) for c in target)
    with pytest.raises(DataValidationError, match=f"row 3, column '{col}'"):
        read_survey(path, small_dictionary())


def test_all_errors_raised_at_once(tmp_path):
    rows = _with("q1", "7", row=0)
    rows[2][HEADER.index("when")] = "31/02/2024"
    path = _write(tmp_path, rows)
    with pytest.raises(DataValidationError) as info:
        read_survey(path, small_dictionary())
    msg = str(info.value)
    assert "2 error(s)" in msg and "row 2, column 'q1'" in msg and "row 4, column 'when'" in msg
    assert isinstance(info.value.report, ValidationReport)
    assert info.value.report.errors["row"].tolist() == [2, 4]


def test_uk_day_first_dates_are_read(tmp_path):
    path = _write(tmp_path, _with("when", "01/03/2024", row=0))
    s = read_survey(path, small_dictionary())
    assert s.data.loc[2, "when"] == pd.Timestamp("2024-03-01")


def test_duplicate_ids_report_both_rows_and_exclude_as_documented(tmp_path):
    rows = [list(r) for r in ROWS]
    rows.append(list(ROWS[0]))  # row 5: exact copy of row 2
    conflict = list(ROWS[1])
    conflict[HEADER.index("q1")] = "3"
    rows.append(conflict)  # row 6: same id as row 3, other answers
    path = _write(tmp_path, rows)
    s = read_survey(path, small_dictionary(), on_error="report")
    e = s.report.errors
    assert e[["row", "column", "value"]].values.tolist() == [
        [2, "rid", "A001"],
        [3, "rid", "A002"],
        [5, "rid", "A001"],
        [6, "rid", "A002"],
    ]
    assert (e["problem"] == "duplicate respondent id").all()
    assert [x.rsplit("also on row ", 1)[1] for x in e["expected"]] == ["5)", "6)", "2)", "3)"]
    assert list(s.data.index) == [2, 4]
    ex = s.excluded.set_index("row")
    assert ex.loc[5, "reason"] == "exact copy of row 2 (same id, same answers)"
    assert ex.loc[3, "reason"] == ex.loc[6, "reason"] == "id A002 used by rows 3, 6 with different answers"
    assert len(s.data) + len(s.excluded) == s.n_rows_in == 5


def test_same_id_in_two_waves_is_not_a_duplicate(tmp_path):
    rows = [list(r) for r in ROWS]
    again = list(ROWS[0])
    again[HEADER.index("wave")] = "2"
    rows.append(again)
    s = read_survey(_write(tmp_path, rows), small_dictionary())
    assert len(s.data) == 4 and s.report.ok


def test_blank_id_excluded_with_reason(tmp_path):
    path = _write(tmp_path, _with("rid", "  ", row=2))
    s = read_survey(path, small_dictionary(), on_error="report")
    assert s.report.errors[["row", "column", "problem"]].values.tolist() == [[4, "rid", "blank id"]]
    assert s.excluded[["row", "reason"]].values.tolist() == [[4, "blank id in column 'rid'"]]
    assert list(s.data.index) == [2, 3]


def test_unknown_and_missing_required_columns(tmp_path):
    header = [h for h in HEADER if h != "wave"] + ["Extra col"]
    rows = [[v for h, v in zip(HEADER, r) if h != "wave"] + ["x"] for r in ROWS]
    s = read_survey(_write(tmp_path, rows, header=header), small_dictionary(), on_error="report")
    t = s.report.table
    err = t[t["severity"] == "error"]
    assert err[["column", "problem"]].values.tolist() == [["wave", "missing required column"]]
    assert pd.isna(err["row"].iloc[0])
    warn = t[t["severity"] == "warning"]
    assert warn[["column", "problem"]].values.tolist() == [
        ["Extra col", "unknown column (not in the dictionary; dropped)"]
    ]
    assert "Extra col" not in s.data.columns and "wave" not in s.data.columns


def test_column_name_differing_in_case_is_used_with_a_warning(tmp_path):
    header = ["RID"] + HEADER[1:]
    s = read_survey(_write(tmp_path, ROWS, header=header), small_dictionary())
    assert column_values(s.data["rid"]) == ["A001", "A002", "A003"]
    assert s.report.warnings["column"].tolist() == ["RID"]


def test_duplicate_column_name_is_an_error(tmp_path):
    header = HEADER + ["q1"]
    rows = [r + ["5"] for r in ROWS]
    s = read_survey(_write(tmp_path, rows, header=header), small_dictionary(), on_error="report")
    e = s.report.errors
    assert e["column"].tolist() == ["q1"] and "appears more than once (columns C and L" in e["problem"].iloc[0]
    assert column_values(s.data["q1"]) == [4, None, 1]  # the first q1 column is used


@pytest.mark.parametrize("n_bad", [0, 1, 3])
def test_rows_in_equal_rows_kept_plus_rows_excluded(tmp_path, n_bad):
    rows = [list(r) for r in ROWS] * 3
    for i, r in enumerate(rows):
        r[0] = f"B{i:03d}"
    for i in range(n_bad):
        rows[i][0] = ""  # blank ids
    rows.append(list(rows[-1]))  # exact duplicate
    path = _write(tmp_path, rows, trailing_blank=2)
    s = read_survey(path, small_dictionary(), on_error="report")
    assert s.n_rows_in == len(rows) + 2
    assert len(s.data) + len(s.excluded) == s.n_rows_in
    assert set(s.data.index).isdisjoint(s.excluded["row"])
    assert sorted(list(s.data.index) + list(s.excluded["row"])) == list(range(2, 2 + s.n_rows_in))
    assert s.excluded["reason"].str.len().gt(0).all()
    assert (s.excluded["reason"] == "blank row").sum() == 2


def test_report_summary_and_text(tmp_path):
    rows = _with("q1", "7", row=0)
    rows[1][HEADER.index("q1")] = "8"
    s = read_survey(_write(tmp_path, rows), small_dictionary(), on_error="report")
    summ = s.report.summary()
    assert summ[["severity", "problem", "column", "n", "first_row"]].values.tolist() == [
        ["error", "value outside codes", "q1", 2, 2]
    ]
    text = str(s.report)
    assert text.startswith("Validation of s.csv: 2 error(s), 0 warning(s).")
    assert "value outside codes" in text and "Strongly disagree" in text


@pytest.mark.parametrize(
    "kwargs, exc, match",
    [
        ({"on_error": "ignore"}, ParameterError, "'on_error' parameter of read_survey must be one of"),
        ({"multiselect": "wide"}, ParameterError, "'multiselect' parameter"),
        ({"id_column": "staff_no"}, ColumnNotFoundError, "'id_column' parameter names column 'staff_no'"),
        ({"path": "missing.csv"}, FileNotFoundError, "not found"),
        ({"path": "s.json"}, FileFormatError, "expected one of .csv"),
        ({"path": "s.xls"}, FileFormatError, "Excel 97-2003"),
        ({"path": "bad.xlsx"}, FileFormatError, "Cannot read .* as an Excel"),
        ({"path": "bad.sav"}, FileFormatError, "Cannot read .* as an SPSS"),
        ({"path": "empty.csv"}, FileFormatError, "is empty"),
        ({"path": "binary.csv"}, FileFormatError, "neither UTF-8 nor Windows-1252"),
    ],
)
def test_error_paths(tmp_path, kwargs, exc, match):
    good = _write(tmp_path, ROWS)
    for name, data in {
        "s.json": b"{}",
        "s.xls": b"\xd0\xcf",
        "bad.xlsx": b"PK nope",
        "bad.sav": b"not spss",
        "empty.csv": b"\r\n",
        "binary.csv": b"id\n\x81\x8d\n",
    }.items():
        (tmp_path / name).write_bytes(data)
    path = tmp_path / kwargs.pop("path") if "path" in kwargs else good
    with pytest.raises(exc, match=match):
        read_survey(path, small_dictionary(), **kwargs)


def test_large_file_bad_cells_located(tmp_path):
    """60,000 rows with two bad cells: both located at their file rows, no row lost.
    (Speed is measured in benchmarks/bench_io.py, not here.)"""
    n = 60_000
    rows = [
        [
            f"R{i:06d}",
            "1",
            str(1 + i % 5),
            str(1 + (i * 7) % 5),
            str(1 + i % 3),
            str(i % 2),
            str(i % 300),
            f"{(i % 100) / 10:.1f}",
            "2024-03-01",
            "1;2" if i % 3 else "",
            "",
        ]
        for i in range(n)
    ]
    rows[12_345][2] = "6"
    rows[54_321][7] = "x"
    path = _write(tmp_path, rows, newline="\n")
    s = read_survey(path, small_dictionary(), on_error="report")
    assert s.report.errors[["row", "column"]].values.tolist() == [[12_347, "q1"], [54_323, "score"]]
    assert len(s.data) == n
