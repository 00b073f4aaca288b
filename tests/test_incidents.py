"""Incident template loader and trend tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from toolkit.errors import ColumnNotFoundError, DataValidationError, DataWarning, ParameterError
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


def test_launched_forces_blank_and_missing_are_not_launched():
    """One definition of 'launched' (the report section and notebook 05 both call it): a
    month in route_launched; blank, spaces and missing (a CSV's empty cell) are not."""
    from toolkit.evaluate import launched_forces

    forces = pd.DataFrame({"force": ["A", "B", "C", "D", "E"], "route_launched": ["2023-01", "", None, "  ", np.nan]})
    assert launched_forces(forces) == ["A"]
    with pytest.raises(ColumnNotFoundError, match="route_launched"):
        launched_forces(forces[["force"]])


def test_launch_series_counts_every_month_of_both_groups():
    """The two series of the launch ITS, checked against counts made by hand from the rows."""
    from toolkit.evaluate import launch_series, launched_forces

    forces = make_forces(5)
    inc = make_incidents(5, forces=forces)
    out = launch_series(inc, denominators=forces)
    launched = set(launched_forces(forces))
    month = pd.to_datetime(inc["date"]).dt.to_period("M")
    months = pd.period_range(month.min(), month.max(), freq="M")
    assert list(out.columns) == ["period", "group", "comparison", "n", "headcount", "n_forces"]
    assert out["group"].tolist() == ["with route"] * len(months) + ["without route"] * len(months)
    assert (out["comparison"] == (out["group"] == "without route")).all()
    for group, members in (("with route", launched), ("without route", set(forces["force"]) - launched)):
        rows = out[out["group"] == group]
        assert list(rows["period"]) == list(months)  # every month, zero counts included
        by_hand = month[inc["force"].isin(members)].value_counts()
        assert rows.set_index("period")["n"].to_dict() == by_hand.reindex(months, fill_value=0).to_dict()
        assert (rows["headcount"] == forces.loc[forces["force"].isin(members), "headcount"].sum()).all()
        assert (rows["n_forces"] == len(members)).all()


def test_launch_series_leaves_out_forces_without_headcount():
    from toolkit.evaluate import launch_series

    inc = pd.DataFrame({"date": pd.to_datetime(["2023-01-05", "2023-02-02", "2023-02-09"]), "force": ["A", "B", "Z"]})
    forces = pd.DataFrame({"force": ["A", "B"], "headcount": [100, 300], "route_launched": ["2023-02", ""]})
    with pytest.warns(DataWarning, match="1 incident") as record:
        out = launch_series(inc, denominators=forces)
    assert record[0].message.n_excluded == 1
    assert out["n"].sum() == 2
    assert out.loc[out["group"] == "without route", "n"].tolist() == [0, 1]


def test_trend_quartiles_withheld_below_threshold():
    """threshold= withholds the time-to-outcome quartiles of rows with fewer than k closed
    incidents or fewer than k still open (the gate's rule), and leaves the counts alone."""
    days = [1.0] * 12 + [np.nan] * 12  # A: 12 closed, 12 open
    days += [2.0] * 5 + [np.nan] * 20  # B: 5 closed
    days += [3.0] * 20 + [np.nan] * 3  # C: 3 open
    group = ["A"] * 24 + ["B"] * 25 + ["C"] * 23
    inc = pd.DataFrame({"date": pd.Timestamp("2024-01-01"), "force": group, "days_to_outcome": days})
    raw = incident_trends(inc, by="force", freq=None).set_index("force")
    cut = incident_trends(inc, by="force", freq=None, threshold=10).set_index("force")
    assert raw["median_days"].notna().all()
    assert cut.loc["A", "median_days"] == 1.0
    assert cut.loc[["B", "C"], ["median_days", "p25_days", "p75_days"]].isna().all().all()
    pd.testing.assert_series_equal(cut["n"], raw["n"])
    pd.testing.assert_series_equal(cut["n_closed"], raw["n_closed"])
    with pytest.raises(ParameterError, match="threshold"):
        incident_trends(inc, by="force", freq=None, threshold=0)
