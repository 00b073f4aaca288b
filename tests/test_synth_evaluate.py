"""Demo evaluation data: deterministic, valid against the template, truth recorded; the
evaluation section of the evidence pack runs on it."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from toolkit.evaluate.incidents import read_incidents
from toolkit.synth import evaluate as synth


@pytest.mark.slow
def test_write_is_deterministic_and_valid(tmp_path):
    a = synth.write(tmp_path / "a", seed=11)
    b = synth.write(tmp_path / "b", seed=11)
    assert [p.name for p in a] == ["panel.csv", "incidents.csv", "forces.csv", "truth.json"]
    for pa, pb in zip(a, b):
        assert pa.read_bytes() == pb.read_bytes()
    inc = read_incidents(tmp_path / "a" / "evaluate" / "incidents.csv")
    assert inc.attrs["n_warnings"] == 0
    truth = json.loads((tmp_path / "a" / "evaluate" / "truth.json").read_text())
    assert truth["incidents"]["level_change_rr"] == synth.LEVEL_RR
    assert len(truth["incidents"]["launch_forces"]) == synth.LAUNCH_FORCES
    panel = pd.read_csv(tmp_path / "a" / "evaluate" / "panel.csv")
    assert panel.groupby("force")["trained"].apply(lambda s: s.is_monotonic_increasing).all()


@pytest.mark.slow
def test_evidence_section(tmp_path):
    from toolkit.report.evidence import build_evidence_pack

    ctx = build_evidence_pack(tmp_path, demo=True, seed=5)
    assert "evaluate_incidents_force_quarter" in ctx.tables
    assert "evaluate_reporting_its" in ctx.figures
    safe = ctx.tables["evaluate_incidents_force_quarter"].data.drop(columns="force")
    vals = safe.stack().dropna().astype(int)
    assert not ((vals > 0) & (vals < 10)).any()
    texts = [f["text"] for f in ctx.findings if f["pillar"] in ("training", "reporting")]
    assert any("reporting route" in t for t in texts)
