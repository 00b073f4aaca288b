"""Tests of toolkit.dictionary: parsing, accessors, and every dictionary check."""

from __future__ import annotations

import math

import openpyxl
import pandas as pd
import pytest

from toolkit.dictionary import COLUMNS, TYPES, default_dictionary, load_dictionary
from toolkit.errors import DictionaryError, FileFormatError
from toolkit.paths import template

LIKERT = "1=Strongly disagree; 2=Disagree; 3=Neither; 4=Agree; 5=Strongly agree; 9=Don't know"


def _row(
    variable,
    type,
    values="",
    missing="",
    scale="",
    reverse="",
    min="",
    max="",
    required="",
    pillar="",
    disclosure="public",
    label=None,
):
    return dict(
        variable=variable,
        label=label if label is not None else variable.upper(),
        type=type,
        values=values,
        missing=missing,
        scale=scale,
        reverse=reverse,
        min=min,
        max=max,
        required=required,
        pillar=pillar,
        disclosure=disclosure,
    )


def _good_rows():
    return [
        _row("rid", "id", required="yes", disclosure="identifier"),
        _row("q1", "likert", LIKERT, "9", "climate", "", "1", "5", pillar="support"),
        _row("q2", "likert", LIKERT, "9", "climate", "yes", pillar="support"),
        _row("plat", "multiselect", "1=Facebook; 2=X (Twitter), formerly; 3=Other"),
        _row("n", "integer", "-99=Refused", "-99", min="0", max="365"),
        _row("when", "date"),
    ]


def test_bundled_dictionary_loads_and_keeps_the_shared_contract():
    d = default_dictionary()
    raw = pd.read_csv(template("survey", "dictionary.csv"), dtype=str, keep_default_na=False)
    assert d.variables == list(raw["variable"])
    assert list(d.table.columns[:12]) == list(COLUMNS)
    assert set(d.table["type"]) <= set(TYPES)
    assert d.id_variable == "resp_id"
    assert d.required() == list(raw.loc[raw["required"] == "yes", "variable"])
    assert d.scales()["impact"] == ["impact_safety", "impact_sleep", "impact_work", "impact_leave", "impact_shrug"]
    assert d.reverse_items() == list(raw.loc[raw["reverse"] == "yes", "variable"])
    assert d.codes("harm_abuse") == {0: "No", 1: "Yes"}
    assert d.value_labels("harm_abuse") == {0: "No", 1: "Yes", 9: "Don't know"}
    assert d.missing_codes("gender") == [98]
    assert d.range("wave") == (1.0, 20.0)
    assert d.range("years_service") == (1.0, 5.0)  # from valid codes
    assert d.range("role") is None
    assert d.pillar("harm_abuse") == "recognition" and d.pillar("resp_id") is None
    assert d.disclosure("comments") == "restricted"
    assert "harm_abuse" in d and "nope" not in d and len(d) == len(raw)


def test_default_dictionary_returns_independent_copies():
    d1 = default_dictionary()
    d1.table.loc[0, "label"] = "changed"
    assert default_dictionary().label("resp_id") != "changed"


def test_accessors_on_a_small_dictionary():
    d = load_dictionary(pd.DataFrame(_good_rows()))
    assert d.codes("plat") == {1: "Facebook", 2: "X (Twitter), formerly", 3: "Other"}
    assert d.codes("q1") == {1: "Strongly disagree", 2: "Disagree", 3: "Neither", 4: "Agree", 5: "Strongly agree"}
    assert d.value_labels("n") == {-99: "Refused"} and d.codes("n") == {}
    assert d.range("n") == (0.0, 365.0)
    assert d.range("q2") == (1.0, 5.0)  # from codes, 9 excluded as missing
    assert d.is_reverse("q2") and not d.is_reverse("q1")
    assert d.reverse_items("climate") == ["q2"]
    assert d.by_pillar("support") == ["q1", "q2"]
    assert d.option_columns("plat") == ["plat_1", "plat_2", "plat_3"]
    assert d.type("when") == "date"
    with pytest.raises(DictionaryError, match="'nope' is not in the data dictionary"):
        d.type("nope")
    with pytest.raises(DictionaryError, match="Scale 'x'"):
        d.reverse_items("x")


def test_one_sided_range_is_open():
    rows = _good_rows()
    rows[4]["max"] = ""
    d = load_dictionary(pd.DataFrame(rows))
    lo, hi = d.range("n")
    assert lo == 0.0 and math.isinf(hi)


@pytest.mark.parametrize(
    "change, row, column, fragment",
    [
        ({"type": "likret"}, 3, "type", "unknown type"),
        ({"values": "1=A; 2"}, 3, "values", "malformed entry"),
        ({"values": "1=A; 1=B; 3=C"}, 3, "values", "duplicate code 1"),
        ({"values": "1 2=A; 3=C"}, 3, "values", "malformed code"),
        ({"values": "1=; 2=B"}, 3, "values", "has no label"),
        ({"missing": "9, 99"}, 3, "missing", "malformed missing code"),
        ({"min": "5", "max": "1"}, 3, "min", "greater than max"),
        ({"min": "low"}, 3, "min", "not a number"),
        ({"values": "1=A; 2=B; 7=C", "max": "5"}, 3, "values", "outside min/max"),
        ({"values": ""}, 3, "values", "needs codes"),
        ({"reverse": "maybe"}, 3, "reverse", "yes, no or blank"),
        ({"required": "sometimes"}, 3, "required", "yes, no or blank"),
        ({"pillar": "wellbeing"}, 3, "pillar", "unknown pillar"),
        ({"disclosure": "secret"}, 3, "disclosure", "unknown disclosure"),
        ({"disclosure": ""}, 3, "disclosure", "blank disclosure"),
        ({"variable": "q 1"}, 3, "variable", "contains spaces"),
        ({"variable": "rid"}, 3, "variable", "duplicate variable (also row 2)"),
        ({"variable": ""}, 3, "variable", "blank variable name"),
        ({"scale": ""}, 4, "scale", "only 1 item"),  # q2 left alone in its scale
    ],
)
def test_each_dictionary_problem_is_located(change, row, column, fragment):
    rows = _good_rows()
    rows[1].update(change)
    with pytest.raises(DictionaryError) as info:
        load_dictionary(pd.DataFrame(rows))
    table = info.value.problems
    hit = table[(table["row"] == row) & (table["column"] == column)]
    assert len(hit) >= 1, table
    assert hit["problem"].str.contains(fragment, regex=False).any(), table
    assert f"row {row}, column '{column}'" in str(info.value)


@pytest.mark.parametrize(
    "index, change, column, fragment",
    [
        (5, {"values": "1=A; 2=B"}, "values", "codes on a date item"),
        (0, {"missing": "0"}, "missing", "missing codes on an id item"),
        (4, {"values": "1=One; -99=Refused"}, "values", "not missing codes"),
        (3, {"min": "1"}, "min", "min on a multiselect item"),
        (5, {"scale": "climate"}, "scale", "cannot belong to a scale"),
        (4, {"reverse": "yes"}, "reverse", "reverse on an item with no scale"),
        (0, {"type": "binary", "values": "0=No; 1=Yes; 2=Maybe"}, "values", "exactly 2 valid codes"),
        (5, {"type": "id", "disclosure": "identifier"}, "type", "more than one id variable"),
        (4, {"variable": "plat_2"}, "variable", "clashes with option 2"),
    ],
)
def test_type_specific_problems(index, change, column, fragment):
    rows = _good_rows()
    rows[index].update(change)
    with pytest.raises(DictionaryError) as info:
        load_dictionary(pd.DataFrame(rows))
    table = info.value.problems
    hit = table[(table["row"] == index + 2) & (table["column"] == column)]
    assert hit["problem"].str.contains(fragment, regex=False).any(), table


def test_all_problems_are_listed_at_once():
    rows = _good_rows()
    rows[1]["type"] = "likret"
    rows[3]["pillar"] = "nope"
    rows[5]["disclosure"] = "x"
    with pytest.raises(DictionaryError, match="3 problem") as info:
        load_dictionary(pd.DataFrame(rows))
    assert list(info.value.problems["row"]) == [3, 5, 7]


def test_missing_header_columns_are_all_named(tmp_path):
    path = tmp_path / "dict.csv"
    path.write_text("variable,label,type,values\nq1,Q,likert,1=a; 2=b\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        load_dictionary(path)
    assert set(info.value.problems["column"]) == set(COLUMNS) - {"variable", "label", "type", "values"}
    assert (info.value.problems["row"] == 1).all()


def _write_csv(tmp_path, rows, *, sep=",", encoding="utf-8", bom=False, newline="\r\n", blank_rows=0):
    def q(v):
        v = str(v)
        return '"' + v.replace('"', '""') + '"' if any(ch in v for ch in (sep, '"', "\n")) else v

    lines = [sep.join(COLUMNS)] + [sep.join(q(r[c]) for c in COLUMNS) for r in rows]
    lines += [sep * (len(COLUMNS) - 1)] * blank_rows
    data = (newline.join(lines) + newline).encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path = tmp_path / "dict.csv"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "kw",
    [
        {},
        {"bom": True},
        {"encoding": "cp1252"},
        {"sep": ";"},
        {"newline": "\n", "blank_rows": 3},
    ],
)
def test_csv_variants_read_the_same(tmp_path, kw):
    rows = _good_rows()
    rows[1]["label"] = "Café policy – “online” abuse"  # cp1252 has these characters
    path = _write_csv(tmp_path, rows, **kw)
    d = load_dictionary(path)
    assert d.variables == [r["variable"] for r in rows]
    assert d.label("q1") == "Café policy – “online” abuse"
    assert d.codes("plat")[2] == "X (Twitter), formerly"
    assert d.range("n") == (0.0, 365.0)


def test_csv_problem_rows_count_the_header_as_row_1(tmp_path):
    rows = _good_rows()
    rows[2]["type"] = "scale"
    with pytest.raises(DictionaryError, match="row 4, column 'type'"):
        load_dictionary(_write_csv(tmp_path, rows))


def test_xlsx_dictionary_with_numbers_typed_by_excel(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(COLUMNS))
    for r in _good_rows():
        cells = [r[c] for c in COLUMNS]
        # Excel stores typed numbers: missing 9 and min/max as numbers
        cells = [int(v) if isinstance(v, str) and v.lstrip("-").isdigit() else v for v in cells]
        ws.append(cells)
    path = tmp_path / "dict.xlsx"
    wb.save(path)
    d = load_dictionary(path)
    assert d.missing_codes("q1") == [9]
    assert d.missing_codes("n") == [-99]
    assert d.range("n") == (0.0, 365.0)


def test_unreadable_sources(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_dictionary(tmp_path / "none.csv")
    (tmp_path / "d.json").write_text("{}")
    with pytest.raises(FileFormatError, match="expected .csv or .xlsx"):
        load_dictionary(tmp_path / "d.json")
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(FileFormatError, match="Cannot read data dictionary"):
        load_dictionary(tmp_path / "bad.xlsx")
