"""The pack renders to self-contained HTML, a DOCX and a manifest from computed results."""

import json
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from docx import Document

from toolkit.report.evidence import EvidenceContext
from toolkit.report.render import render_pack


@pytest.fixture
def ctx(tmp_path):
    c = EvidenceContext(outdir=tmp_path, seed=1, demo=True)
    c.table("prev", pd.DataFrame({"group": ["=Officer", "Staff"], "estimate": [0.41234, 0.2]}),
            disclosure_checked=True, title="Prevalence", pillar="recognition")
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    c.figure("line", fig, title="A line", pillar="training")
    c.finding("reporting", "{p:.0%} reported (95% CI {lo:.0%} to {hi:.0%}).", recommendation="3.01",
              p=0.3456, lo=0.3, hi=0.39)
    c.method("Survey", "Wilson intervals.")
    c.limitation("Synthetic data.")
    c.disclosure_record("prev", pd.DataFrame({"row": [0], "column": ["n"], "action": ["primary"]}))
    return c


def test_finding_text_is_filled_from_values(ctx):
    f = ctx.findings[0]
    assert f["text"] == "35% reported (95% CI 30% to 39%)."
    assert f["values"]["p"] == 0.3456 and f["recommendations"] == ["3.01"]


def test_unknown_pillar_or_recommendation_rejected(ctx):
    with pytest.raises(ValueError, match="pillar"):
        ctx.finding("wellbeing", "x")
    with pytest.raises(ValueError, match="recommendation"):
        ctx.finding("support", "x", recommendation="9.99")


def test_table_requires_disclosure_check(ctx):
    with pytest.raises(RuntimeError, match="disclosure"):
        ctx.table("raw", pd.DataFrame({"n": [3]}), disclosure_checked=False)


def test_render_outputs(ctx):
    out = render_pack(ctx)
    html = out["html"].read_text()
    # self-contained: figure embedded, no external loads
    assert "data:image/png;base64," in html
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "35% reported (95% CI 30% to 39%)." in html
    assert "3.01" in html and "synthetic demo study" in html
    assert "=Officer" in html  # HTML is not a spreadsheet: shown as found
    assert "'=Officer" in (ctx.pack_dir / "tables" / "prev.csv").read_text(encoding="utf-8-sig")
    doc = Document(out["docx"])
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "35% reported" in text and "Limitations" in text
    # one joint display per pillar, the table in its pillar's body, and again in full in the annex
    assert len(doc.inline_shapes) == 1 and len(doc.tables) == 4 + 1 + 1
    manifest = json.loads(out["manifest"].read_text())
    assert manifest["seed"] == 1
    assert manifest["packages"]["pandas"]
    assert len(manifest["outputs"]["tables"]["prev"]["sha256"]) == 64
    assert manifest["disclosure_actions"][0]["action"] == "primary"


def test_figures_are_byte_identical_across_builds(tmp_path):
    digests = []
    for i in range(2):
        c = EvidenceContext(outdir=tmp_path / str(i), seed=1)
        fig, ax = plt.subplots()
        ax.bar(["a", "b"], [1, 2])
        paths = c.figure("bars", fig)
        digests.append([p.read_bytes() for p in paths])
    assert digests[0] == digests[1]
