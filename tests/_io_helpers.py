"""Shared helpers for the toolkit.io tests: a small dictionary and CSV writing by bytes."""

from __future__ import annotations

import pandas as pd

from toolkit.dictionary import COLUMNS, load_dictionary

LIKERT = "1=Strongly disagree; 2=Disagree; 3=Neither; 4=Agree; 5=Strongly agree; 9=Don't know"


def _row(variable, type, values="", missing="", scale="", reverse="", min="", max="", required="", disclosure="public"):
    return dict(
        variable=variable,
        label=f"Label of {variable}",
        type=type,
        values=values,
        missing=missing,
        scale=scale,
        reverse=reverse,
        min=min,
        max=max,
        required=required,
        pillar="",
        disclosure=disclosure,
    )


def small_dictionary():
    """Eleven variables covering every type."""
    rows = [
        _row("rid", "id", required="yes", disclosure="identifier"),
        _row("wave", "integer", min="1", max="20", required="yes"),
        _row("q1", "likert", LIKERT, "9", "s"),
        _row("q2", "likert", LIKERT, "9", "s", "yes"),
        _row("grp", "categorical", "1=Alpha; 2=Beta; 3=Gamma; 98=Prefer not to say", "98"),
        _row("yn", "binary", "0=No; 1=Yes; 9=Don't know", "9"),
        _row("n", "integer", "-99=Refused", "-99", min="0", max="365"),
        _row("score", "numeric", min="0", max="10"),
        _row("when", "date"),
        _row("plat", "multiselect", "1=Facebook; 2=X (Twitter), formerly; 3=Other; -99=Seen, not answered", "-99"),
        _row("note", "text", disclosure="restricted"),
    ]
    return load_dictionary(pd.DataFrame(rows, columns=list(COLUMNS)))


HEADER = ["rid", "wave", "q1", "q2", "grp", "yn", "n", "score", "when", "plat", "note"]
#: Valid rows as a person would type them into Excel.
ROWS = [
    ["A001", "1", "4", "2", "1", "1", "3", "2.5", "2024-03-01", "1;3", "Café – “quoted” text"],
    ["A002", "1", "9", "5", "98", "0", "-99", "10", "2024-03-02", "", ""],
    ["A003", "2", "1", "", "3", "9", "0", "0", "2024-09-30", "2", "two\nlines, with comma"],
]
#: What those rows must read as (codes; None = missing).
EXPECTED = {
    "rid": ["A001", "A002", "A003"],
    "wave": [1, 1, 2],
    "q1": [4, None, 1],
    "q2": [2, 5, None],
    "grp": [1, None, 3],
    "yn": [1, 0, None],
    "n": [3, None, 0],
    "score": [2.5, 10.0, 0.0],
    "when": [pd.Timestamp("2024-03-01"), pd.Timestamp("2024-03-02"), pd.Timestamp("2024-09-30")],
    "plat_1": [1, None, 0],
    "plat_2": [0, None, 1],
    "plat_3": [1, None, 0],
    "note": ["Café – “quoted” text", None, "two\nlines, with comma"],
}


def csv_bytes(header, rows, *, sep=",", encoding="utf-8", bom=False, newline="\r\n", decimal=".", trailing_blank=0):
    """CSV bytes as Excel writes them: quote cells holding the separator, quotes or newlines."""

    def cell(v):
        v = "" if v is None else str(v)
        if decimal == "," and _is_decimal(v):
            v = v.replace(".", ",")
        if any(ch in v for ch in (sep, '"', "\n", "\r")):
            v = '"' + v.replace('"', '""') + '"'
        return v

    lines = [sep.join(header)] + [sep.join(cell(v) for v in r) for r in rows]
    lines += [sep * (len(header) - 1)] * trailing_blank
    # Excel keeps a line break typed inside a cell as LF, whatever the row separator
    data = newline.join(lines) + newline
    raw = data.encode(encoding)
    return b"\xef\xbb\xbf" + raw if bom else raw


def _is_decimal(v):
    try:
        float(v)
    except ValueError:
        return False
    return "." in v


def column_values(series):
    """A data column as a list with None for missing and plain Python values."""
    out = []
    for v in series.astype(object):
        if v is None or v is pd.NA or (isinstance(v, float) and v != v) or v is pd.NaT:
            out.append(None)
        elif hasattr(v, "item") and not isinstance(v, pd.Timestamp):
            out.append(v.item())
        else:
            out.append(v)
    return out


def assert_same_read(a, b, *, ignore_details=()):
    """Two ``read_survey`` results hold the same data, report, exclusions, missing-code
    counts and details (apart from the keys ``ignore_details``)."""
    pd.testing.assert_frame_equal(a.data, b.data)
    pd.testing.assert_frame_equal(a.report.table, b.report.table)
    pd.testing.assert_frame_equal(a.excluded, b.excluded)
    pd.testing.assert_frame_equal(a.missing, b.missing)
    ignored = set(ignore_details)
    assert {k: v for k, v in a.details.items() if k not in ignored} == {
        k: v for k, v in b.details.items() if k not in ignored
    }
