"""The two CSV parsers (pyarrow, multi-threaded; pandas C, the fallback) give the same
survey: each file form is read through both, and the frames, the problem lists, the
exclusions and the missing-code counts must be equal. Forms pyarrow cannot read as the
rules require (a row with fewer cells than the header) must fall back to pandas and say so."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd
import pytest
from _io_helpers import HEADER, ROWS, assert_same_read, csv_bytes, small_dictionary

from toolkit.errors import FileFormatError
from toolkit.io import csvfile, read_survey, survey_file
from toolkit.io.csvfile import read_csv_text

#: Rows with a problem of every kind: a code outside the list, text in a number, a
#: decimal in an integer, a value above max, a bad date, a bad multiselect token, a blank
#: id, a duplicated id (with different answers), an exact copy, and a label for a code.
BAD_ROWS = [
    ["A004", "1", "7", "Agree", "2", "1", "3.5", "x", "31/02/2024", "1;7", "ok"],
    ["", "2", "3", "3", "1", "0", "1", "11", "2024-13-01", "", ""],
    ["A001", "1", "2", "2", "1", "1", "400", "1", "01/03/2024", "2", "dup"],
    ["A003", "2", "1", "", "3", "9", "0", "0", "2024-09-30", "2", "two\nlines, with comma"],
    ["  A005 ", " 4 ", "4.0", " 9 ", "Gamma", "Yes", "-99", "2,5", "45352", "Facebook;Other", '"quoted" a""b'],
]

FORMS = {
    "utf8-crlf": {},
    "utf8-bom": {"bom": True},
    "cp1252": {"encoding": "cp1252"},
    "utf16": {"encoding": "utf-16"},
    "lf": {"newline": "\n"},
    "cr": {"newline": "\r"},
    "semicolon-decimal-comma": {"sep": ";", "decimal": ","},
    "semicolon-cp1252": {"sep": ";", "decimal": ",", "encoding": "cp1252"},
    "tab": {"sep": "\t"},
    "trailing-blank-rows": {"trailing_blank": 3},
}


def _write(tmp_path, name, data: bytes):
    path = tmp_path / f"{name}.csv"
    path.write_bytes(data)
    return path


def _both(path, monkeypatch, **kw):
    out = {}
    for parser in ("pandas", "auto"):
        monkeypatch.setattr(csvfile, "DEFAULT_PARSER", parser)
        out[parser] = read_survey(path, small_dictionary(), on_error="report", **kw)
    return out["pandas"], out["auto"]


def _assert_same(a, b):
    assert_same_read(a, b, ignore_details={"parser", "parser_fallback"})


@pytest.mark.parametrize("form", list(FORMS))
def test_every_file_form_reads_the_same_through_both_parsers(tmp_path, monkeypatch, form):
    path = _write(tmp_path, form, csv_bytes(HEADER, ROWS + BAD_ROWS, **FORMS[form]))
    a, b = _both(path, monkeypatch)
    assert a.details["parser"] == "pandas" and b.details["parser"] == "pyarrow"
    _assert_same(a, b)
    # the problems are there to compare (the test is not comparing two empty lists)
    assert len(a.report.errors) >= 10 and len(a.excluded) >= 3
    ta, tb = read_csv_text(path, parser="pandas"), read_csv_text(path, parser="pyarrow")
    assert ta.header == tb.header
    pd.testing.assert_frame_equal(ta.rows.astype(object), tb.rows.astype(object))


def test_qualtrics_three_header_rows_through_both_parsers(tmp_path, monkeypatch):
    names = ["rid", "wave", "q1", "Status", "Finished"]
    rows = [
        ["Staff number", "Wave", "Q1 text", "Response Type", "Finished"],
        ['{"ImportId":"QID1"}', '{"ImportId":"QID2"}', '{"ImportId":"QID3"}', '{"ImportId":"status"}', "{}"],
        ["A001", "1", "4", "IP Address", "1"],
        ["A002", "1", "Agree", "Survey Preview", "1"],
        ["A003", "1", "8", "IP Address", "0"],
        ["A004", "1", "2", "IP Address", "True"],
    ]
    path = _write(tmp_path, "qualtrics", csv_bytes(names, rows, bom=True))
    a, b = _both(path, monkeypatch)
    _assert_same(a, b)
    assert list(a.data.index) == [4, 7] and list(a.excluded["row"]) == [5, 6]


def test_an_empty_line_is_a_blank_row_through_both_parsers(tmp_path, monkeypatch):
    data = csv_bytes(HEADER, ROWS + BAD_ROWS).replace(b"\r\nA002", b"\r\n\r\nA002", 1)
    a, b = _both(_write(tmp_path, "empty-line", data), monkeypatch)
    assert b.details["parser"] == "pyarrow"
    _assert_same(a, b)
    assert 3 in set(a.excluded.loc[a.excluded["reason"] == "blank row", "row"])


def test_a_short_row_falls_back_to_pandas_with_a_log_line(tmp_path, monkeypatch, caplog):
    data = csv_bytes(HEADER, ROWS + BAD_ROWS)
    short_row = data.replace(b"2024-03-02,,\r\n", b"2024-03-02\r\n", 1)  # two cells fewer: padded
    assert short_row != data
    path = _write(tmp_path, "short-row", short_row)
    with caplog.at_level(logging.INFO, logger="toolkit.io"):
        a, b = _both(path, monkeypatch)
    assert b.details["parser"] == "pandas" and "Expected 11 columns" in b.details["parser_fallback"]
    assert any("pandas CSV parser" in r.getMessage() for r in caplog.records)
    _assert_same(a, b)
    assert a.data.loc[3, "note"] is pd.NA or pd.isna(a.data.loc[3, "note"])
    with pytest.raises(FileFormatError, match="pyarrow cannot read"):
        read_csv_text(path, parser="pyarrow")


def test_a_row_with_too_many_cells_is_the_same_clear_error(tmp_path, monkeypatch):
    data = csv_bytes(HEADER, ROWS).replace(b"2024-03-02,,\r\n", b"2024-03-02,,,extra\r\n", 1)
    path = _write(tmp_path, "long-row", data)
    messages = []
    for parser in ("pandas", "auto"):
        monkeypatch.setattr(csvfile, "DEFAULT_PARSER", parser)
        with pytest.raises(FileFormatError, match="same number of cells") as err:
            read_survey(path, small_dictionary())
        messages.append(str(err.value))
    assert messages[0] == messages[1]


def test_text_stripped_in_c_as_python_strips_it(monkeypatch):
    """The vectorised strip (pyarrow) and the per-value loop (str.strip) agree on Unicode
    whitespace: no-break space, em space, ideographic space, separators, line breaks."""
    from toolkit.dictionary import COLUMNS, load_dictionary
    from toolkit.io import convert

    row = dict.fromkeys(COLUMNS, "")
    row.update(variable="note", label="Note", type="text", missing="-99", disclosure="public")
    d = load_dictionary(pd.DataFrame([row], columns=list(COLUMNS)))
    spaces = ["\u00a0", "\u2003", "\u3000", "\x1c", "\x1f", "\x85", "\u2028", "\t", "\r\n", "\u200b", "\ufeff"]
    values = [f"{sp}id{i}{sp}" for i in range(400) for sp in spaces[i % len(spaces) : i % len(spaces) + 1]]
    values += [sp * 2 for sp in spaces] + ["-99", "\u00a0-99"]
    raw = pd.Series(values * 3, dtype=object)
    fast = convert.convert_column(raw, d, "note")
    monkeypatch.setattr(convert, "_VECTOR_MIN", 10**9)
    slow = convert.convert_column(raw, d, "note")
    pd.testing.assert_series_equal(fast.values, slow.values)
    np.testing.assert_array_equal(fast.status, slow.status)
    assert fast.missing == slow.missing == {-99: 6}


def test_a_large_file_of_one_character_answers_reads_the_same_through_both_parsers(tmp_path, monkeypatch):
    """The pyarrow path's fast forms: columns of one-character cells factorized from their
    bytes (blank, missing, outside the codes), text and ids converted in Arrow, columns
    converted in threads, checked against the pandas
    path, with a quoted line break, a BOM and a repeated id."""
    from toolkit.io import convert

    rng = np.random.default_rng(5)
    n = 30_000
    rows = []
    for i in range(n):
        q1, q2 = rng.choice(["1", "2", "3", "4", "5", "9", "", "7"], 2, p=[0.18] * 5 + [0.05, 0.03, 0.02])
        yn = rng.choice(["0", "1", "9", "", "x"], p=[0.45, 0.45, 0.05, 0.04, 0.01])
        note = rng.choice(["", "-99", "two\nlines", " café ", "plain"])
        rows.append([f"A{i:05d}", "1", q1, q2, "1", yn, "3", "2", "2024-03-01", "1", note])
    rows[7][0] = rows[3][0]  # a repeated id
    rows[11] = [""] * len(HEADER)  # a blank row
    path = _write(tmp_path, "large", csv_bytes(HEADER, rows, bom=True))
    quick = []
    single_bytes = convert._single_bytes
    monkeypatch.setattr(convert, "_single_bytes", lambda cells: quick.append(single_bytes(cells)) or quick[-1])
    out = {}
    for parser, threads_from in (("pandas", 10**12), ("auto", 1)):  # pandas one column at a time, pyarrow in threads
        monkeypatch.setattr(csvfile, "DEFAULT_PARSER", parser)
        monkeypatch.setattr(survey_file, "_THREADS_MIN_CELLS", threads_from)
        out[parser] = read_survey(path, small_dictionary(), on_error="report")
    a, b = out["pandas"], out["auto"]
    assert sum(q is not None for q in quick) >= 5  # q1, q2, yn, wave, grp ... from their bytes
    assert a.details["parser"] == "pandas" and b.details["parser"] == "pyarrow"
    _assert_same(a, b)
    assert len(a.report.errors) > 100 and {"q1", "q2", "yn", "rid"} <= set(a.report.errors["column"])
    assert 13 in set(a.excluded["row"])  # the blank row (header = row 1)
    assert a.data["note"].isna().sum() > n // 6 and a.missing.set_index("variable").loc["q1", "n"] > n // 50


@pytest.mark.parametrize(
    "data",
    [
        b"plain ascii",
        "caf\u00e9 \u2013 \u201cq\u201d \U0001f600".encode(),
        b"\xed\xa0\x80",  # an encoded surrogate
        b"\xc0\xaf",  # an overlong '/'
        b"\xf4\x90\x80\x80",  # above U+10FFFF
        b"\xe2\x82",  # cut short
        b"\x80",
        "caf\u00e9".encode("cp1252"),
        b"",
    ],
)
def test_utf8_is_judged_as_python_judges_it(data):
    try:
        data.decode("utf-8")
        expected = True
    except UnicodeDecodeError:
        expected = False
    assert csvfile._is_utf8(data) is expected
