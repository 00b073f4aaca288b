"""Every error path of toolkit.disclosure raises a toolkit error with a useful message."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from toolkit.disclosure import suppress, suppress_by_counts, suppress_long
from toolkit.errors import ColumnNotFoundError, DataValidationError, ParameterError

T = pd.DataFrame({"A": [3, 40], "B": [30, 35]}, index=["F01", "F02"])
LONG = pd.DataFrame({"force": ["F01", "F02"], "role": ["x", "y"], "n": [5, 20]})


@pytest.mark.parametrize(
    "call, error, match",
    [
        (lambda: suppress(T, threshold=0), ParameterError, "'threshold' parameter of suppress"),
        (lambda: suppress(T, threshold=2.5), ParameterError, "Got 2.5 instead"),
        (lambda: suppress(T, threshold=True), ParameterError, "threshold"),
        (lambda: suppress(T, zeros="hide"), ParameterError, r"must be one of \['publish', 'suppress'\]"),
        (lambda: suppress(T, rounding=1), ParameterError, "'rounding' parameter"),
        (lambda: suppress(T, rounding=2.5), ParameterError, "'rounding' parameter"),
        (lambda: suppress([[1, 2]]), ParameterError, "must be a pandas DataFrame"),
        (lambda: suppress(pd.DataFrame()), ParameterError, "empty table"),
        (
            lambda: suppress(pd.DataFrame([[1, 2], [3, 4]], index=["a", "a"])),
            ParameterError,
            r"duplicated row label\(s\) \['a'\]",
        ),
        (lambda: suppress(T.assign(A=[-1, 40])), DataValidationError, "row 'F01', column 'A': negative count"),
        (lambda: suppress(T.assign(B=[np.nan, 35])), DataValidationError, "missing count"),
        (lambda: suppress(T.assign(A=[2.5, 40])), DataValidationError, "not a whole number"),
        (lambda: suppress(T.assign(A=["3", "40"])), DataValidationError, "not numeric"),
        (
            lambda: suppress(T.rename(index={"F02": "Total"})),
            ParameterError,
            "already has a row or column labelled 'Total'",
        ),
        (lambda: suppress_by_counts(T.rename(index={"F02": "F09"}), T), ParameterError, r"row\(s\) \['F09'\]"),
        (lambda: suppress_by_counts(T.astype(str), T), ParameterError, "non-numeric"),
        (lambda: suppress_by_counts(T, T, zeros="x"), ParameterError, "suppress_by_counts"),
        (lambda: suppress_long(LONG, rows="force", columns="rank", count="n"), ColumnNotFoundError, "'rank'"),
        (lambda: suppress_long(LONG, rows="force", columns="role", count="role"), ParameterError, "not numeric"),
        (lambda: suppress_long(T.to_numpy(), rows="force", columns="role"), ParameterError, "DataFrame"),
    ],
)
def test_errors(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_validation_report_lists_every_bad_cell():
    bad = T.assign(A=[-1, 2.5], B=[np.nan, 35])
    with pytest.raises(DataValidationError) as info:
        suppress(bad)
    rep = info.value.report
    assert list(rep.columns) == ["file", "row", "column", "value", "problem", "expected", "severity"]
    assert len(rep) == 3
    assert set(zip(rep["row"], rep["column"])) == {("F01", "A"), ("F02", "A"), ("F01", "B")}
