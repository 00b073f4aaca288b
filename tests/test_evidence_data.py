"""The data section of the evidence pack: the survey is checked and every row accounted for."""

from __future__ import annotations

import textwrap

import pandas as pd
import pytest

from toolkit.config import load_study
from toolkit.paths import template
from toolkit.report.evidence import EvidenceContext
from toolkit.report.sections import data as section


@pytest.mark.slow
def test_demo_without_configuration_writes_study_and_validates(tmp_path):
    ctx = EvidenceContext(outdir=tmp_path, seed=20240301, demo=True)
    section.build(ctx)
    assert (tmp_path / "demo-data" / "survey" / "survey.csv").exists()
    assert (tmp_path / "private" / "validation" / "validation_report.csv").exists()
    assert not (ctx.pack_dir / "validation.txt").exists()  # row-level pointers stay private
    summary = (tmp_path / "private" / "validation" / "validation.txt").read_text()
    assert "Rows in the file: 6000" in summary and "Rows excluded:    0" in summary
    assert any("6000 rows in, 6000 kept, 0 excluded" in m for m in ctx.log)
    assert ctx.shared.checked.survey.data.shape[0] == 6000
    counts = ctx.tables["respondents_by_force_wave"].data
    assert counts.loc[counts["force"] == "Total", "Total"].item() == 6000
    # published counts are all at least the threshold (or withheld)
    values = counts.drop(columns="force").to_numpy(dtype="float64", na_value=float("nan"))
    assert not ((values > 0) & (values < ctx.threshold)).any()


def test_bad_rows_are_excluded_and_logged(tmp_path):
    """A survey with a duplicated id (answers differ), a blank id and an invalid code."""
    rows = [
        "resp_id,force,wave,role,gender",
        "A1,F01,1,1,1",
        "A2,F01,1,2,7",  # gender 7 is not a code
        "A3,F01,1,1,2",
        "A3,F01,1,2,2",  # same id, different answers: both excluded
        ",F02,1,1,1",  # blank id
    ]
    (tmp_path / "survey.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "dictionary.csv").write_bytes(template("survey", "dictionary.csv").read_bytes())
    (tmp_path / "study.yml").write_text(
        textwrap.dedent("""
        study: {name: Test, seed: 7}
        disclosure: {threshold: 10}
        survey: {data: survey.csv, dictionary: dictionary.csv}
        analyses: [survey]
        """)
    )
    cfg = load_study(tmp_path / "study.yml")
    ctx = EvidenceContext(outdir=tmp_path / "out", seed=7, demo=False, config=cfg)
    section.build(ctx)
    assert any("5 rows in, 2 kept, 3 excluded" in m for m in ctx.log), ctx.log
    assert sum("excluded" in m and "row(s) of survey.csv" in m for m in ctx.log) >= 2
    report = pd.read_csv(tmp_path / "out" / "private" / "validation" / "validation_report.csv", encoding="utf-8-sig")
    assert ((report["column"] == "gender") & (report["row"] == 3)).any()
    excluded = pd.read_csv(tmp_path / "out" / "private" / "validation" / "excluded_rows.csv")
    assert sorted(excluded["row"]) == [4, 5, 6]  # header is row 1
    # every force-by-wave count here is small: all withheld
    t = ctx.tables["respondents_by_force_wave"].data
    assert t.drop(columns="force").isna().all().all()
    assert "validation.txt" in {p.name for p in (ctx.private_dir / "validation").iterdir()}
    assert not ctx.pack_dir.exists() or "validation.txt" not in {p.name for p in ctx.pack_dir.rglob("*")}
    # the raw file is untouched
    assert (tmp_path / "survey.csv").read_text().count("\n") == 6


def test_no_survey_configured(tmp_path):
    ctx = EvidenceContext(outdir=tmp_path, seed=1, demo=False)
    section.build(ctx)
    assert any("nothing to validate" in m for m in ctx.log)
    assert not ctx.tables
