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
    c.table("prev", pd.DataFrame({"group": ["=Officer", "Staff", "Other"], "estimate": [0.41234, 0.2, 0.5],
                                  "n": [120, 80, 3]}),
            counts=["n"], title="Prevalence", pillar="recognition")

    def line(t):
        fig, ax = plt.subplots()
        ax.plot(range(len(t)), t["estimate"])
        return fig

    c.figure("line", line, source="prev", title="A line", pillar="training")
    c.finding("reporting", "{p:.0%} reported (95% CI {lo:.0%} to {hi:.0%}).", recommendation="3.01",
              p=0.3456, lo=0.3, hi=0.39)
    c.method("Survey", "Wilson intervals.")
    c.limitation("Synthetic data.")
    c.publish()
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


def test_table_cannot_skip_the_gate(ctx):
    """No table is published without the gate: a count column must be declared, and a
    declared count under the threshold is withheld with the estimate resting on it."""
    with pytest.raises(ValueError, match="look like counts"):
        ctx.table("raw", pd.DataFrame({"group": ["a"], "n": [3]}))
    with pytest.raises(TypeError):
        ctx.table("raw", pd.DataFrame({"n": [3]}), disclosure_checked=True)
    t = ctx.tables["prev"].data
    assert t["n"].isna().tolist() == [False, False, True]
    assert t["estimate"].isna().tolist() == [False, False, True]
    on_disk = pd.read_csv(ctx.pack_dir / "tables" / "prev.csv", encoding="utf-8-sig")
    assert on_disk.loc[2, ["n", "estimate"]].isna().all()


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
    assert len(doc.inline_shapes) == 1 and len(doc.tables) == 1
    manifest = json.loads(out["manifest"].read_text())
    assert manifest["seed"] == 1
    assert manifest["packages"]["pandas"]
    assert len(manifest["outputs"]["tables"]["prev"]["sha256"]) == 64
    # which cells were withheld and by which rule: never their values or bounds, no paths
    action = manifest["disclosure_actions"][0]
    assert action["rule"] == "primary" and action["table"] == "prev" and action["column"] == "n"
    assert not {"value", "lower", "upper"} & set(action)
    assert str(ctx.outdir) not in out["manifest"].read_text()
    private = pd.read_csv(ctx.private_dir / "disclosure_record.csv")
    assert private["value"].tolist() == [3]


def test_figures_are_byte_identical_across_builds(tmp_path):
    digests = []
    for i in range(2):
        c = EvidenceContext(outdir=tmp_path / str(i), seed=1)
        c.table("t", pd.DataFrame({"x": ["a", "b"], "y": [1.0, 2.0]}))

        def bars(t):
            fig, ax = plt.subplots()
            ax.bar(t["x"], t["y"])
            return fig

        paths = c.figure("bars", bars, source="t")
        digests.append([p.read_bytes() for p in paths])
    assert digests[0] == digests[1]
