"""The evaluation section of the evidence pack: findings with intervals and recommendation
numbers, titled tables and figures by pillar, methods and limitations, inputs from the study
configuration."""

import json
import re
import shutil

import matplotlib

matplotlib.use("Agg")
import pandas as pd
import pytest

from toolkit.config import load_study
from toolkit.report.evidence import EvidenceContext
from toolkit.report.sections import evaluate
from toolkit.study import open_study

pytestmark = pytest.mark.slow  # each builds an evidence pack


def _build(cfg, out):
    ctx = EvidenceContext(outdir=out, seed=cfg.seed, demo=True, config=cfg, threshold=cfg.threshold)
    evaluate.build(ctx)
    return ctx


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("evalpack")
    cfg = open_study(None, out)
    return _build(cfg, out), cfg


def test_findings_carry_interval_and_recommendation(built):
    ctx, _ = built
    by_rec = {}
    for f in ctx.findings:
        assert re.search(r"95% CI -?\d", f["text"]), f["text"]
        for r in f["recommendations"]:
            by_rec.setdefault(r, []).append(f)
    assert {"2.03", "3.02"} <= set(by_rec)
    assert all(f["pillar"] == "training" for f in by_rec["2.03"])
    assert all(f["pillar"] == "reporting" for f in by_rec["3.02"])


def test_finding_numbers_are_the_published_estimates(built):
    ctx, _ = built
    eff = ctx.tables["evaluate_training_effect"].data.iloc[0]
    training = next(f for f in ctx.findings if "2.03" in f["recommendations"])
    assert training["values"]["lo"] == pytest.approx(eff["ci_low"])
    assert training["values"]["hi"] == pytest.approx(eff["ci_high"])
    its = ctx.tables["evaluate_reporting_its"].data
    lvl = its[(its["term"] == "level_change") & (its["design"] == "launch forces")].iloc[0]
    reporting = next(f for f in ctx.findings if "3.02" in f["recommendations"])
    assert reporting["values"]["rr"] == pytest.approx(lvl["ratio"])


def test_estimates_recover_the_synthetic_truth(built):
    """The demo study plants the effects (truth.json); the published intervals contain them."""
    ctx, cfg = built
    truth = json.loads((cfg.path("evaluate", "panel").parent / "truth.json").read_text())
    eff = ctx.tables["evaluate_training_effect"].data.iloc[0]
    assert eff["ci_low"] < truth["panel"]["att_simple"] < eff["ci_high"]
    its = ctx.tables["evaluate_reporting_its"].data
    lvl = its[(its["term"] == "level_change") & (its["design"] == "launch forces")].iloc[0]
    assert lvl["ratio_ci_low"] < truth["incidents"]["level_change_rr"] < lvl["ratio_ci_high"]


def test_tables_and_figures_titled_by_pillar(built):
    ctx, _ = built
    items = list(ctx.tables.values()) + list(ctx.figures.values())
    assert len(ctx.tables) >= 5 and len(ctx.figures) >= 2
    for item in items:
        assert item.title and item.title != item.name
        assert item.pillar in {"training", "reporting"}


def test_methods_and_limitations_recorded(built):
    ctx, _ = built
    text = " ".join(t for _, t in ctx.methods)
    assert "Callaway" in text and "AR(1) errors estimated by REML" in text and "Driscoll-Kraay" in text
    lim = " ".join(ctx.limitations)
    assert "influence function" in lim and "92-96%" in lim


def test_small_counts_suppressed(built):
    ctx, _ = built
    table = ctx.tables["evaluate_incidents_force_quarter"].data.set_index("force")
    values = pd.to_numeric(table.stack(), errors="coerce").dropna()
    assert not ((values > 0) & (values < ctx.threshold)).any()


def test_reads_inputs_from_the_configuration(built, tmp_path):
    """A study.yml naming a different panel changes the training estimate accordingly."""
    ctx0, cfg = built
    src = cfg.path("evaluate", "panel").parent.parent
    dst = tmp_path / "study"
    shutil.copytree(src, dst)
    panel = pd.read_csv(dst / "evaluate" / "panel.csv")
    panel.loc[panel["trained"] == 1, "wellbeing"] += 1.0
    panel.to_csv(dst / "evaluate" / "panel.csv", index=False)
    ctx = _build(load_study(dst / "study.yml"), tmp_path / "out")
    before = ctx0.tables["evaluate_training_effect"].data.iloc[0]["estimate"]
    after = ctx.tables["evaluate_training_effect"].data.iloc[0]["estimate"]
    assert after == pytest.approx(before + 1.0, abs=1e-9)


def test_missing_inputs_are_noted_not_fatal(tmp_path, built):
    _, cfg = built
    src = cfg.path("evaluate", "panel").parent.parent
    dst = tmp_path / "study"
    shutil.copytree(src, dst)
    yml = (dst / "study.yml").read_text()
    (dst / "study.yml").write_text(re.sub(r"\n  panel: .*", "", yml))
    ctx = _build(load_study(dst / "study.yml"), tmp_path / "out")
    assert any("no panel file" in m for m in ctx.log)
    assert "evaluate_training_effect" not in ctx.tables and "evaluate_reporting_its" in ctx.tables
