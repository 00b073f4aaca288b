"""read_survey reads every file form as written by the tool that makes it, to the same values.

External reference: the files themselves, written byte by byte as Excel saves CSV
(BOM, cp1252, CRLF, ';' with decimal commas, quoted line breaks, blank rows), by
openpyxl (XLSX) and by pyreadstat (SPSS .sav with user-defined missing values).
Each test checks that the values read equal the values written.
"""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pandas as pd
import pyreadstat
import pytest
from _io_helpers import EXPECTED, HEADER, ROWS, column_values, csv_bytes, small_dictionary

from toolkit.dictionary import default_dictionary
from toolkit.errors import DataValidationError, FileFormatError
from toolkit.io import read_survey
from toolkit.paths import template


def _check_expected(s, rows=(2, 3, 4)):
    assert list(s.data.index) == list(rows)
    for col, want in EXPECTED.items():
        assert column_values(s.data[col]) == want, col


@pytest.mark.parametrize(
    "kw",
    [
        pytest.param({}, id="utf8-crlf"),
        pytest.param({"bom": True}, id="utf8-bom"),
        pytest.param({"encoding": "cp1252"}, id="cp1252"),
        pytest.param({"newline": "\n"}, id="lf"),
        pytest.param({"sep": ";", "decimal": ","}, id="semicolon-decimal-comma"),
        pytest.param({"sep": ";", "decimal": ",", "encoding": "cp1252", "bom": False}, id="semicolon-cp1252"),
        pytest.param({"trailing_blank": 4}, id="trailing-blank-rows"),
    ],
)
def test_csv_as_saved_by_excel(tmp_path, kw):
    path = tmp_path / "survey.csv"
    path.write_bytes(csv_bytes(HEADER, ROWS, **kw))
    s = read_survey(path, small_dictionary())
    _check_expected(s)
    n_blank = kw.get("trailing_blank", 0)
    assert s.n_rows_in == 3 + n_blank
    assert len(s.data) + len(s.excluded) == s.n_rows_in
    assert list(s.excluded["row"]) == list(range(5, 5 + n_blank))
    assert set(s.excluded["reason"]) <= {"blank row"}
    if n_blank:
        w = s.report.warnings
        assert w["problem"].str.contains("blank rows ignored (rows 5-8)", regex=False).any()
    else:
        assert len(s.report) == 0
    assert s.details["decimal"] == kw.get("decimal", ".")


def test_bytes_really_differ_between_variants():
    """Guard: the variants above are different files, not the same bytes."""
    variants = [
        csv_bytes(HEADER, ROWS),
        csv_bytes(HEADER, ROWS, bom=True),
        csv_bytes(HEADER, ROWS, encoding="cp1252"),
        csv_bytes(HEADER, ROWS, sep=";", decimal=","),
    ]
    assert len(set(variants)) == 4
    assert b"2,5" in variants[3] and b"\xe9" in variants[2] and variants[1][:3] == b"\xef\xbb\xbf"


def test_missing_codes_are_counted_not_lost(tmp_path):
    path = tmp_path / "survey.csv"
    path.write_bytes(csv_bytes(HEADER, ROWS))
    s = read_survey(path, small_dictionary())
    m = s.missing.set_index(["variable", "code"])["n"].to_dict()
    assert m == {("q1", 9): 1, ("grp", 98): 1, ("yn", 9): 1, ("n", -99): 1}
    assert list(s.missing.columns) == ["variable", "code", "label", "n"]
    assert s.missing.set_index("variable").loc["grp", "label"] == "Prefer not to say"


def test_dtypes_and_labels(tmp_path):
    path = tmp_path / "survey.csv"
    path.write_bytes(csv_bytes(HEADER, ROWS))
    s = read_survey(path, small_dictionary())
    t = s.data.dtypes
    assert isinstance(t["q1"], pd.CategoricalDtype) and t["q1"].ordered
    assert list(t["q1"].categories) == [1, 2, 3, 4, 5]
    assert isinstance(t["grp"], pd.CategoricalDtype) and not t["grp"].ordered
    assert str(t["yn"]) == "Int64" and str(t["wave"]) == "Int64" and str(t["score"]) == "Float64"
    assert str(t["when"]).startswith("datetime64")
    assert s.labels("q1")[4] == "Agree"
    assert s.labels("plat_2") == {0: "Not selected", 1: "X (Twitter), formerly"}
    lab = s.labelled(["q1", "grp"])
    assert column_values(lab["q1"]) == ["Agree", None, "Strongly disagree"]
    assert lab["q1"].cat.ordered and list(lab["q1"].cat.categories)[0] == "Strongly disagree"
    assert s.data["q1"].astype("Float64").tolist()[0] == 4.0


def test_xlsx_written_by_openpyxl(tmp_path):
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "Notes"
    first.append(["This sheet is not the data"])
    ws = wb.create_sheet("Answers")
    ws.append(HEADER)
    typed = []
    for r in ROWS:
        r = list(r)
        # Excel stores numbers as numbers and dates as date cells
        for j, name in enumerate(HEADER):
            if name in ("wave", "q1", "q2", "grp", "yn", "n") and r[j] != "":
                r[j] = int(r[j])
            elif name == "score":
                r[j] = float(r[j])
            elif name == "when":
                r[j] = dt.datetime.fromisoformat(r[j])
            elif r[j] == "":
                r[j] = None
        typed.append(r)
    ws.append(typed[0])
    ws.append(typed[1])
    for j, v in enumerate(typed[2], start=1):  # row 4 left blank, as a user clearing a row leaves it
        ws.cell(row=5, column=j, value=v)
    assert ws.max_row == 5
    path = tmp_path / "survey.xlsx"
    wb.save(path)
    s = read_survey(path, small_dictionary(), sheet="Answers")
    _check_expected(s, rows=(2, 3, 5))
    assert list(s.excluded["row"]) == [4]
    with pytest.raises(FileFormatError, match=r"Sheet 'Data' not found .* \['Notes', 'Answers'\]"):
        read_survey(path, small_dictionary(), sheet="Data")


def test_sav_written_by_pyreadstat_keeps_user_missing(tmp_path):
    df = pd.DataFrame(
        {
            "rid": ["A001", "A002", "A003"],
            "wave": [1.0, 1.0, 2.0],
            "q1": [4.0, 9.0, 1.0],
            "q2": [2.0, 5.0, float("nan")],
            "grp": [1.0, 98.0, 3.0],
            "yn": [1.0, 0.0, 9.0],
            "n": [3.0, -99.0, 0.0],
            "score": [2.5, 10.0, 0.0],
            "when": pd.to_datetime(["2024-03-01", "2024-03-02", "2024-09-30"]),
            "plat": ["1;3", "", "2"],
            "note": ["Café – “quoted” text", "", "two\nlines, with comma"],
        }
    )
    path = tmp_path / "survey.sav"
    pyreadstat.write_sav(
        df,
        str(path),
        variable_value_labels={"q1": {1.0: "Strongly disagree", 4.0: "Agree", 9.0: "Don't know"}},
        missing_ranges={"q1": [9.0], "grp": [98.0], "yn": [9.0], "n": [{"lo": -99.0, "hi": -99.0}]},
    )
    # the reference behaviour this guards against: pyreadstat's default drops the codes
    default, _ = pyreadstat.read_sav(str(path))
    assert pd.isna(default.loc[1, "q1"])
    kept, meta = pyreadstat.read_sav(str(path), user_missing=True)
    assert kept.loc[1, "q1"] == 9.0
    s = read_survey(path, small_dictionary())
    _check_expected(s, rows=(1, 2, 3))
    m = s.missing.set_index(["variable", "code"])["n"].to_dict()
    assert m == {("q1", 9): 1, ("grp", 98): 1, ("yn", 9): 1, ("n", -99): 1}
    assert s.details["kind"] == "sav"


def test_sav_missing_declared_only_in_the_file_is_counted_with_a_warning(tmp_path):
    df = pd.DataFrame({"rid": ["A", "B"], "wave": [1.0, 1.0], "score": [3.0, 99.0]})
    path = tmp_path / "s.sav"
    pyreadstat.write_sav(df, str(path), missing_ranges={"score": [99.0]})
    s = read_survey(path, small_dictionary())
    assert column_values(s.data["score"]) == [3.0, None]
    assert s.missing.to_dict("records") == [{"variable": "score", "code": 99, "label": "", "n": 1}]
    w = s.report.warnings
    assert (w["column"] == "score").any() and w["problem"].str.contains("declared missing").any()


def _qualtrics_bytes(rows, header=None):
    meta = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Finished", "ResponseId"]
    header = header or meta + ["rid", "wave", "q1", "plat_1", "plat_2", "plat_3", "note"]
    text_row = [
        "Start Date",
        "End Date",
        "Response Type",
        "IP Address",
        "Progress",
        "Finished",
        "Response ID",
        "Staff number",
        "Wave",
        "I know how to report online abuse",
        "Platforms - Facebook",
        "Platforms - X (Twitter), formerly",
        "Platforms - Other",
        "Anything else?",
    ]
    ids = [
        json.dumps({"ImportId": k})
        for k in [
            "startDate",
            "endDate",
            "status",
            "ipAddress",
            "progress",
            "finished",
            "_recordId",
            "QID1_TEXT",
            "QID2",
            "QID3",
            "QID4_1",
            "QID4_2",
            "QID4_3",
            "QID5_TEXT",
        ]
    ]
    body = [
        ["2024-03-01 10:00:00", "2024-03-01 10:09:00", "0", "192.0.2.1", "100", "1", f"R_{i}"] + r
        for i, r in enumerate(rows)
    ]
    return csv_bytes(header, [text_row, ids] + body, bom=True)


def test_qualtrics_export_three_header_rows(tmp_path):
    rows = [
        ["A001", "1", "4", "1", "", "1", "fine"],
        ["A002", "1", "Agree", "", "X (Twitter), formerly", "", ""],  # choice-text export
        ["A003", "2", "9", "", "", "", ""],
    ]
    path = tmp_path / "qualtrics.csv"
    path.write_bytes(_qualtrics_bytes(rows))
    s = read_survey(path, small_dictionary())
    assert s.details["qualtrics"] and s.details["multiselect"] == {"plat": "spread"}
    assert list(s.data.index) == [4, 5, 6]  # first answers on file row 4
    assert column_values(s.data["q1"]) == [4, 4, None]
    assert column_values(s.data["plat_1"]) == [1, 0, None]
    assert column_values(s.data["plat_2"]) == [0, 1, None]
    assert column_values(s.data["plat_3"]) == [1, 0, None]
    unknown = s.report.warnings
    assert set(unknown["column"]) == {
        "StartDate",
        "EndDate",
        "Status",
        "IPAddress",
        "Progress",
        "Finished",
        "ResponseId",
    }
    assert "IPAddress" not in s.data.columns


def test_qualtrics_bad_value_reported_on_the_row_the_user_sees(tmp_path):
    rows = [["A001", "1", "4", "1", "", "", ""], ["A002", "1", "7", "", "", "", ""]]
    path = tmp_path / "qualtrics.csv"
    path.write_bytes(_qualtrics_bytes(rows))
    s = read_survey(path, small_dictionary(), on_error="report")
    e = s.report.errors
    assert e[["row", "column", "value"]].values.tolist() == [[5, "q1", "7"]]


@pytest.mark.parametrize(
    "cells",
    [
        ["1;3", "", "2"],
        ["1,3", "", "2"],
        ["3;1", " ", "2"],
        ["Facebook;Other", "", "X (Twitter), formerly"],
        ["facebook,other", "", "X (Twitter), formerly"],  # labels with a comma inside, comma-packed
    ],
)
def test_multiselect_packed_forms(tmp_path, cells):
    rows = [list(r) for r in ROWS]
    for r, c in zip(rows, cells):
        r[HEADER.index("plat")] = c
    path = tmp_path / "s.csv"
    path.write_bytes(csv_bytes(HEADER, rows))
    s = read_survey(path, small_dictionary())
    for col in ("plat_1", "plat_2", "plat_3"):
        assert column_values(s.data[col]) == EXPECTED[col], col


def test_multiselect_spread_forms_and_missing_code(tmp_path):
    header = ["rid", "wave", "plat_1", "plat_2", "plat_3"]
    rows = [
        ["A", "1", "1", "0", "1"],
        ["B", "1", "", "", ""],
        ["C", "1", "", "Yes", ""],
        ["D", "1", "-99", "-99", "-99"],
    ]
    path = tmp_path / "s.csv"
    path.write_bytes(csv_bytes(header, rows))
    s = read_survey(path, small_dictionary())
    assert column_values(s.data["plat_1"]) == [1, None, 0, None]
    assert column_values(s.data["plat_2"]) == [0, None, 1, None]
    assert s.missing.to_dict("records") == [{"variable": "plat", "code": -99, "label": "Seen, not answered", "n": 1}]


def test_example_template_validates_cleanly():
    path = template("survey", "example.csv")
    s = read_survey(path, default_dictionary())
    assert s.report.ok and len(s.report.errors) == 0 and len(s.report.warnings) == 0
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert len(s.data) == len(raw) >= 8
    assert column_values(s.data["resp_id"]) == list(raw["resp_id"])
    assert column_values(s.data["harm_incidents"]) == [int(v) if v else None for v in raw["harm_incidents"]]
    ticked = [sorted(int(c) for c in v.split(";")) if v else None for v in raw["harm_platform"]]
    got = [
        [k for k in range(1, 10) if s.data[f"harm_platform_{k}"].iloc[i] == 1]
        if pd.notna(s.data["harm_platform_1"].iloc[i])
        else None
        for i in range(len(raw))
    ]
    assert got == ticked


def test_template_header_matches_dictionary():
    header = template("survey", "template.csv").read_text(encoding="utf-8-sig").strip().split(",")
    assert header == default_dictionary().variables


def test_qualtrics_xlsx_export_and_legacy_two_row_header(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["rid", "wave", "q1"])
    ws.append(["Staff number", "Wave", "I know how to report online abuse"])
    ws.append(['{"ImportId":"QID1_TEXT"}', '{"ImportId":"QID2"}', '{"ImportId":"QID3"}'])
    ws.append(["A001", 1, 5])
    ws.append(["A002", 1, "Disagree"])
    path = tmp_path / "q.xlsx"
    wb.save(path)
    s = read_survey(path, small_dictionary())
    assert list(s.data.index) == [4, 5] and column_values(s.data["q1"]) == [5, 2]
    # an older export: names and question text only; say so with qualtrics=True
    legacy = tmp_path / "legacy.csv"
    legacy.write_bytes(csv_bytes(["rid", "wave", "q1"], [["Staff number", "Wave", "Q1 text"], ["A001", "1", "4"]]))
    s = read_survey(legacy, small_dictionary(), qualtrics=True)
    assert list(s.data.index) == [3] and column_values(s.data["q1"]) == [4]
    with pytest.raises(DataValidationError, match="row 2, column 'wave'"):
        read_survey(legacy, small_dictionary())  # without the flag the text row is data


def test_spread_and_packed_both_present_uses_packed_with_warnings(tmp_path):
    header = ["rid", "wave", "plat", "plat_1", "plat_2"]
    rows = [["A", "1", "2", "1", ""]]
    path = tmp_path / "s.csv"
    path.write_bytes(csv_bytes(header, rows))
    s = read_survey(path, small_dictionary())
    assert column_values(s.data["plat_1"]) == [0] and column_values(s.data["plat_2"]) == [1]
    assert sorted(s.report.warnings["column"]) == ["plat_1", "plat_2"]
    s = read_survey(path, small_dictionary(), multiselect="spread")
    assert column_values(s.data["plat_1"]) == [1] and column_values(s.data["plat_3"]) == [None]
    assert s.report.warnings["problem"].str.contains("option column").any()
