"""The qual section of the evidence pack: policy-document framing, agreement, no raw text."""

import math

import matplotlib

matplotlib.use("Agg")
import pandas as pd
import pytest

from toolkit.report.evidence import EvidenceContext
from toolkit.report.sections import qual
from toolkit.study import open_study

pytestmark = pytest.mark.slow  # each builds an evidence pack


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("qualpack")
    cfg = open_study(None, out)
    ctx = EvidenceContext(outdir=out, seed=cfg.seed, demo=True, config=cfg, threshold=cfg.threshold)
    qual.build(ctx)
    return ctx, cfg


def _wilson(k, n, z=1.959963984540054):
    """Wilson (1927) score interval, written out: (p + z²/2n ± z√(p(1-p)/n + z²/4n²)) / (1 + z²/n)."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def test_framing_tables_and_figures_published(built):
    ctx, _ = built
    for name in ("qual_document_framing", "qual_framing_by_year", "qual_framing_by_force", "qual_intercoder_agreement"):
        assert name in ctx.tables and ctx.tables[name].path.exists()
    for name in ("qual_framing_by_year", "qual_framing_by_force"):
        assert all(p.exists() and p.stat().st_size > 0 for p in ctx.figures[name].paths)
    by_year = ctx.tables["qual_framing_by_year"].data
    assert by_year["n"].sum() == 46
    scored = by_year.dropna(subset=["se"])
    assert (scored["ci_low"] <= scored["estimate"]).all()
    assert (scored["estimate"] <= scored["ci_high"]).all()


def test_lexicon_recovers_planted_frames(built):
    """The synthetic documents have a known frame; the published scores should recover it."""
    ctx, cfg = built
    truth = pd.read_csv(cfg.path("qual", "documents"))[["id", "true_frame"]]
    scores = ctx.tables["qual_document_framing"].data.merge(truth, on="id")
    assert len(scores) == 46
    assert (scores["frame"] == scores["true_frame"]).mean() >= 0.9


def test_recognition_finding_for_103_from_computed_values(built):
    ctx, cfg = built
    found = [f for f in ctx.findings if "1.03" in f["recommendations"] and "policy documents" in f["text"]]
    assert len(found) == 1
    v = found[0]["values"]
    truth = pd.read_csv(cfg.path("qual", "documents"))
    # the share framed as misconduct is close to the planted one (46 documents)
    assert abs(v["k"] - (truth["true_frame"] == "misconduct").sum()) <= 2
    assert v["m"] == 46 and v["p"] == pytest.approx(v["k"] / v["m"])
    lo, hi = _wilson(v["k"], v["m"])
    assert v["lo"] == pytest.approx(lo, abs=1e-9) and v["hi"] == pytest.approx(hi, abs=1e-9)
    assert v["blo"] <= v["b"] <= v["bhi"]
    assert f"{v['k']} of {v['m']} policy documents" in found[0]["text"]


def test_agreement_methods_table(built):
    ctx, _ = built
    t = ctx.tables["qual_intercoder_agreement"].data.set_index("measure")
    assert set(t.index) == {"percent_agreement", "cohen_kappa", "krippendorff_alpha"}
    assert ((t["ci_low"] <= t["estimate"]) & (t["estimate"] <= t["ci_high"])).all()
    assert (t["n_sources"] >= 2).all()
    assert any(section == "Inter-coder agreement" and "kappa" in text for section, text in ctx.methods)


def test_no_raw_text_published(built):
    """No interview passage, document sentence or title reaches a published table."""
    from toolkit.qual import read_qdpx

    ctx, cfg = built
    project = read_qdpx(cfg.path("qual", "interviews"))
    docs = pd.read_csv(cfg.path("qual", "documents"))
    pieces = [t for t in project.segments["text"] if len(t) >= 25]
    pieces += [s.strip() for text in docs["text"] for s in text.split(". ") if len(s) >= 25]
    pieces += list(docs["title"])
    for table in ctx.tables.values():
        assert "text" not in table.data.columns and "title" not in table.data.columns
        cells = " | ".join(str(v) for v in table.data.to_numpy().ravel())
        leaked = [p for p in pieces if p[:40] in cells]
        assert not leaked, f"{table.name} publishes raw text: {leaked[:1]}"


def test_skipped_with_a_note_without_configuration(tmp_path):
    ctx = EvidenceContext(outdir=tmp_path, seed=1, demo=True, config=None)
    qual.build(ctx)
    assert not ctx.tables and not ctx.findings
    assert any("qual.documents" in m for m in ctx.log)
    assert any("qual.interviews" in m for m in ctx.log)


def test_interview_themes_not_withheld_wholesale(built):
    """Secondary suppression keeps what it can: most themes keep their share, every pillar with
    themes shows at least one, and the number of interviews (the same in every row) is
    never withheld in one row while the others show it."""
    ctx, _ = built
    ctx.publish()
    t = ctx.tables["qual_theme_prevalence"].data
    themes = t[t["code"].str.contains(".", regex=False)]
    assert themes["estimate"].notna().mean() >= 0.75
    for pillar, rows in themes.groupby("pillar"):
        assert rows["estimate"].notna().any(), pillar
    assert t["n"].notna().all()
