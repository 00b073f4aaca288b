"""any_of and workforce_margins: hand-checked values and error paths."""

import pandas as pd
import pytest

from toolkit.errors import ColumnNotFoundError, DataValidationError, ParameterError
from toolkit.survey import any_of, rake, workforce_margins


def test_any_of_hand_counts():
    df = pd.DataFrame({"a": [1, 0, None, 0, 9], "b": pd.array([0, 0, None, None, 1], dtype="Int64")})
    assert any_of(df, ["a", "b"]).tolist() == [1.0, 0.0, pd.NA, 0.0, 1.0]
    assert any_of(df, ["a"], value=9).tolist() == [0.0, 0.0, pd.NA, 0.0, 1.0]


def test_any_of_accepts_categoricals():
    df = pd.DataFrame({"a": pd.Categorical([0, 1, None], categories=[0, 1])})
    assert any_of(df, "a").tolist() == [0.0, 1.0, pd.NA]


def test_workforce_margins_feed_rake_exactly(tmp_path):
    wf = pd.DataFrame(
        {
            "force": ["F1"] * 2 + ["F2"] * 2,
            "variable": "role",
            "code": [1, 2, 1, 2],
            "label": ["Officer", "Staff"] * 2,
            "count": [600, 400, 300, 200],
        }
    )
    path = tmp_path / "workforce.csv"
    wf.to_csv(path, index=False)
    m = workforce_margins(path, ["force", "role"])
    assert m == {"force": {"F1": 1000, "F2": 500}, "role": {1: 900, 2: 600}}
    data = pd.DataFrame({"force": ["F1"] * 5 + ["F2"] * 5, "role": [1, 2, 2, 2, 1, 1, 2, 1, 2, 2]})
    w = rake(data, m)
    assert w.groupby(data["force"]).sum().round(6).to_dict() == {"F1": 1000.0, "F2": 500.0}
    assert w.groupby(data["role"]).sum().round(6).to_dict() == {1: 900.0, 2: 600.0}


@pytest.mark.parametrize(
    "call, error, fragment",
    [
        (lambda: any_of(pd.DataFrame({"a": [1]}), ["zz"]), ColumnNotFoundError, "zz"),
        (lambda: any_of(pd.DataFrame({"a": [1]}), []), ParameterError, "at least one"),
        (lambda: workforce_margins(pd.DataFrame({"force": ["F1"]}), ["role"]), ColumnNotFoundError, "count"),
        (
            lambda: workforce_margins(
                pd.DataFrame({"force": ["F1"], "variable": ["role"], "code": [1], "count": ["many"]}), ["role"]
            ),
            DataValidationError,
            "row 2",
        ),
        (
            lambda: workforce_margins(
                pd.DataFrame({"force": ["F1"], "variable": ["role"], "code": [1], "count": [3]}), ["gender"]
            ),
            ParameterError,
            "'gender'",
        ),
    ],
)
def test_errors(call, error, fragment):
    with pytest.raises(error, match=fragment):
        call()
