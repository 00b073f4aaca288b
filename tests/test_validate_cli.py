"""`toolkit validate DATA --dictionary DICT`: readable report, exit status, no tracebacks."""

from __future__ import annotations

import pandas as pd
import pytest
from _io_helpers import HEADER, ROWS, csv_bytes

from toolkit.cli import main
from toolkit.dictionary import COLUMNS
from toolkit.io.validate_cli import run_validate
from toolkit.paths import template

DICT = template("survey", "dictionary.csv")


def test_clean_file_exits_0(capsys):
    assert main(["validate", str(template("survey", "example.csv")), "--dictionary", str(DICT)]) == 0
    out = capsys.readouterr().out
    assert "no problems found" in out and "8 kept, 0 excluded" in out


def test_errors_exit_1_with_a_readable_table_and_a_csv_report(tmp_path, capsys):
    ex = pd.read_csv(template("survey", "example.csv"), dtype=str, keep_default_na=False)
    ex.loc[2, "trn_report"] = "7"  # file row 4
    ex.loc[1, "resp_id"] = ex.loc[0, "resp_id"]  # file rows 2 and 3 share an id (both wave 1)
    data = tmp_path / "wave1.csv"
    ex.to_csv(data, index=False)
    out_csv = tmp_path / "report.csv"
    code = main(["validate", str(data), "--dictionary", str(DICT), "--report", str(out_csv)])
    assert code == 1
    out = capsys.readouterr().out
    assert "Validation of wave1.csv: 3 error(s)" in out
    lines = out.splitlines()
    assert any(line.split()[:2] == ["4", "trn_report"] and "value outside codes" in line for line in lines)
    assert "duplicate respondent id" in out and "this id is also on row 3" in out
    assert "Excluded rows:" in out
    written = pd.read_csv(out_csv, encoding="utf-8-sig")
    assert list(written.columns) == ["file", "row", "column", "value", "problem", "expected", "severity"]
    assert written[["row", "column"]].values.tolist() == [[2, "resp_id"], [3, "resp_id"], [4, "trn_report"]]


def test_warnings_only_exit_0(tmp_path, capsys):
    ex = pd.read_csv(template("survey", "example.csv"), dtype=str, keep_default_na=False)
    ex["notes_by_analyst"] = "x"
    data = tmp_path / "w.csv"
    ex.to_csv(data, index=False)
    assert run_validate(data, dictionary=DICT) == 0
    assert "1 warning(s)" in capsys.readouterr().out


@pytest.mark.parametrize(
    "setup, message",
    [
        ("missing_data", "cannot read"),
        ("wrong_extension", "expected one of .csv"),
        ("corrupt_xlsx", "as an Excel .xlsx workbook"),
        ("bad_dictionary", "cannot use the data dictionary"),
        ("missing_dictionary", "cannot use the data dictionary"),
        ("undecodable", "neither UTF-8 nor Windows-1252"),
    ],
)
def test_problems_are_messages_not_tracebacks(tmp_path, capsys, setup, message):
    data = tmp_path / "s.csv"
    data.write_bytes(csv_bytes(HEADER, ROWS))
    dictionary = DICT
    if setup == "missing_data":
        data = tmp_path / "nope.csv"
    elif setup == "wrong_extension":
        data = tmp_path / "s.pdf"
        data.write_bytes(b"%PDF")
    elif setup == "corrupt_xlsx":
        data = tmp_path / "s.xlsx"
        data.write_bytes(b"PK\x03\x04 broken")
    elif setup == "bad_dictionary":
        dictionary = tmp_path / "d.csv"
        dictionary.write_text(",".join(COLUMNS) + "\nq1,Q,likret,,,,,,,,,public\n", encoding="utf-8")
    elif setup == "missing_dictionary":
        dictionary = tmp_path / "none.csv"
    elif setup == "undecodable":
        data.write_bytes(b"resp_id\n\x81\x8d\x8f\n")
    code = main(["validate", str(data), "--dictionary", str(dictionary)])
    err = capsys.readouterr().err
    assert code == 1
    assert message in err
    assert "Traceback" not in err
    if setup == "bad_dictionary":
        assert "row 2, column 'type'" in err


def test_no_python_internals_on_the_terminal(tmp_path, capfd):
    """The command's output speaks to an Excel user: no Python attribute names, no warnings'
    source locations (the excluded rows are listed in the report itself)."""
    import pandas as pd

    from toolkit.cli import main
    from toolkit.paths import template

    ex = pd.read_csv(template("survey", "example.csv"), dtype=str)
    pd.concat([ex, ex.iloc[[0]]]).to_csv(tmp_path / "dup.csv", index=False)
    code = main(["validate", str(tmp_path / "dup.csv"), "--dictionary", str(template("survey", "dictionary.csv"))])
    out, err = capfd.readouterr()
    assert code == 1
    assert "exact copy of row 2" in out
    assert ".excluded" not in out + err and "UserWarning" not in err and ".py:" not in err
