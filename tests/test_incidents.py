"""Incident template loader and trend tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from toolkit.errors import DataValidationError, ParameterError
from toolkit.evaluate.incidents import incident_trends, read_incidents
from toolkit.paths import template
from toolkit.synth.evaluate import make_forces, make_incidents


def test_template_reads_clean():
    inc, report = read_incidents(template("evaluate", "incidents.csv"), return_report=True)
    assert list(inc.index) == [2, 3, 4, 5]
    assert report.empty and inc.attrs["n_warnings"] == 0
    assert inc["days_to_outcome"].isna().tolist() == [False, False, False, True]


def test_every_problem_listed_with_file_rows(tmp_path):
    text = (
        "incident_id,date,force,victim_type,harm_type,platform,crime_status,triage,outcome,days_to_outcome\n"
        "A1,2024-01-08,Force 01,Officer,abuse,X,non-crime,routine,support and advice,6\n"
        "A2,31/02/2024,Force 01,partner,doxxing,Facebook,crime,urgent,open,\n"
        "A2,2024-02-02,,staff,rumours,Instagram,maybe,priority,platform takedown,-3\n"
        "A4,2024-02-19,Force 02,family,threats,TikTok,crime,urgent,open,ten\n"
    )
    path = tmp_path / "incidents.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        read_incidents(path)
    rep = info.value.report
    assert list(rep.columns) == ["file", "row", "column", "value", "problem", "expected", "severity"]
    errors = rep[rep["severity"] == "error"]
    found = set(zip(errors["row"].astype(int), errors["column"]))
    assert {
        (3, "date"),
        (3, "victim_type"),
        (4, "force"),
        (4, "crime_status"),
        (4, "days_to_outcome"),
        (5, "days_to_outcome"),
        (3, "incident_id"),
        (4, "incident_id"),
    } <= found
    assert ((rep["row"] == 4) & (rep["column"] == "harm_type") & (rep["severity"] == "warning")).any()
    assert "row 3" in str(info.value) and "incidents.csv" in str(info.value)


def test_missing_required_column(tmp_path):
    path = tmp_path / "inc.csv"
    path.write_text("date,force,victim_type,harm_type\n2024-01-01,F,officer,abuse\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match="crime_status"):
        read_incidents(path)


def test_demo_incidents_valid_and_trends(tmp_path):
    forces = make_forces(5)
    inc = make_incidents(5, forces=forces)
    path = tmp_path / "incidents.csv"
    inc.to_csv(path, index=False)
    back = read_incidents(path)
    assert len(back) == len(inc)
    tr = incident_trends(back, by="force", freq="M", denominators=forces[["force", "headcount"]])
    # one row per force and month, zeros included; counts add up to the incidents
    assert len(tr) == 43 * 48 and tr["n"].sum() == len(inc)
    row = tr.iloc[0]
    head = forces.set_index("force").loc[row["force"], "headcount"]
    assert row["rate"] == pytest.approx(row["n"] / head * 1000)
    by_type = incident_trends(back, by=["victim_type", "crime_status"], freq=None)
    crime = back[(back["victim_type"] == "family") & (back["crime_status"] == "crime")]["days_to_outcome"].dropna()
    got = by_type[(by_type["victim_type"] == "family") & (by_type["crime_status"] == "crime")].iloc[0]
    assert got["median_days"] == pytest.approx(float(np.median(crime.astype(float))))
    assert got["n_closed"] == len(crime)


@pytest.fixture(scope="module")
def demo_incidents():
    """The demo incidents of seed 1, made once for the error tests (they do not change it)."""
    return make_incidents(1)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"by": "colour"}, "by"),
        ({"freq": "W"}, "freq"),
        ({"by": 42}, "'by' parameter of incident_trends must be a column name"),
        ({"by": "victim_type", "denominators": pd.DataFrame({"force": ["F"], "headcount": [1]})}, "must include"),
    ],
)
def test_trend_errors(kwargs, match, demo_incidents):
    with pytest.raises(ParameterError, match=match):
        incident_trends(demo_incidents.head(50), **kwargs)


def test_trends_of_no_incidents_is_an_error(demo_incidents):
    with pytest.raises(ParameterError, match=r"empty table \(0 rows\)"):
        incident_trends(demo_incidents.iloc[0:0], by="crime_status")
