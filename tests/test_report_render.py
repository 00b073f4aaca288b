"""The pack renders to self-contained HTML, a DOCX and a manifest from computed results."""

import itertools
import json
import re
import shutil
import subprocess

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
    c.table(
        "prev",
        pd.DataFrame({"group": ["=Officer", "Staff", "Other"], "estimate": [0.41234, 0.2, 0.5], "n": [120, 80, 3]}),
        counts=["n"],
        title="Prevalence",
        pillar="recognition",
    )

    def line(t):
        fig, ax = plt.subplots()
        ax.plot(range(len(t)), t["estimate"])
        return fig

    c.figure("line", line, source="prev", title="A line", pillar="training")
    c.finding(
        "reporting", "{p:.0%} reported (95% CI {lo:.0%} to {hi:.0%}).", recommendation="3.01", p=0.3456, lo=0.3, hi=0.39
    )
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
    # one joint display per pillar, the table in its pillar's body, and again in full in the annex
    assert len(doc.inline_shapes) == 1 and len(doc.tables) == 4 + 1 + 1
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
        assert not any(p.exists() for p in paths)  # written once, after the gate's last pass
        c.publish()
        digests.append([p.read_bytes() for p in paths])
    assert digests[0] == digests[1]


# --------------------------------------------------------------------------- presentation tables


def _model_table():
    """A published logit table as toolkit.survey.logit returns it (values from the demo pack)."""
    return pd.DataFrame(
        {
            "term": ["Intercept", "C(role)[T.2]", "C(role)[T.3]", "public_facing"],
            "kind": ["intercept", "coefficient", "coefficient", "coefficient"],
            "estimate": [-0.774, -1.162, 0.267, 0.9],
            "se": [0.12, 0.10, 0.17, 0.1],
            "odds_ratio": [0.461, 0.3127, 1.305, 2.46],
            "ci_low": [0.363, 0.2563, 0.936, 2.0],
            "ci_high": [0.585, 0.3816, 1.820, 3.0],
            "p": [1.9e-10, 2.3e-30, 0.1159, 1e-5],
            "n": [2749, 2749, 2749, 2749],
            "method": ["logistic regression (statsmodels GLM Binomial)"] * 4,
        }
    )


def test_presentation_labels_terms_from_the_dictionary():
    from toolkit.dictionary import default_dictionary
    from toolkit.report.presentation import present_table

    p = present_table(_model_table(), dictionary=default_dictionary(), title="Model")
    assert p.columns == ["Term", "Odds ratio (95% CI)", "p", "n"]
    assert [r[0] for r in p.rows] == [
        "Intercept (reference groups)",
        "Role: Police staff (vs police officer)",
        "Role: PCSO (vs police officer)",
        "Public facing: Yes (vs no)",
    ]
    assert p.rows[1][1:] == ["0.31 (0.26 to 0.38)", "<0.001", "2,749"]
    assert p.rows[2][2] == "0.116"
    # the method once, in the note, not in a column
    assert p.note.count("statsmodels GLM Binomial") == 1
    assert not any("statsmodels" in cell for row in p.rows for cell in row)


def test_presentation_counts_whole_years_plain_percent_with_interval():
    from toolkit.report.presentation import present_table

    t = pd.DataFrame(
        {
            "year": [2014, 2015],
            "group": ["Police officer", "Police staff"],
            "estimate": [0.3928, 0.2118],
            "ci_low": [0.3731, 0.1903],
            "ci_high": [0.4128, 0.2349],
            "n": pd.array([1183.0, 1347.0], dtype="Float64"),
            "n_events": [464.0, 285.0],
        }
    )
    p = present_table(t)
    assert p.rows[0] == ["2014", "Police officer", "39% (37 to 41)", "1,183", "464"]
    assert p.rows[1][0] == "2015" and p.rows[1][2] == "21% (19 to 23)"
    assert not any(",0" in c or ".000" in c for r in p.rows for c in r)


def test_suppressed_cells_marked_with_legend_from_disclosure_records():
    from toolkit.report.presentation import (
        LEGEND,
        MARKER,
        present_table,
        suppressed_mask,
    )

    t = pd.DataFrame(
        {
            "theme": ["A", "B"],
            "Sergeant": pd.array([12, None], dtype="Int64"),
            "Inspector": pd.array([15, None], dtype="Int64"),
            "Total": pd.array([27, 31], dtype="Int64"),
        }
    )
    records = [
        {"table": "themes", "row": "B", "column": "Sergeant", "action": "primary"},
        {"table": "themes", "row": "B", "column": "Inspector", "action": "secondary"},
        {"table": "other", "row": "A", "column": "Total", "action": "primary"},
    ]
    mask = suppressed_mask(t, records, name="themes")
    assert mask.to_numpy().tolist() == [[False] * 4, [False, True, True, False]]
    p = present_table(t, suppressed=mask)
    assert p.rows[1] == ["B", MARKER, MARKER, "31"]
    assert p.rows[0] == ["A", "12", "15", "27"]
    assert LEGEND in p.note
    # a missing value that was not withheld is not a [c]
    p2 = present_table(t)
    assert MARKER not in p2.rows[1] and LEGEND not in (p2.note or "")


def test_presentation_tables_are_the_published_values(demo_pack):
    """Each presentation cell is the published (gated) table's value: withheld cells
    are [c] exactly where the published table is withheld, and the percentages are
    the published estimates rounded."""
    from toolkit.report.presentation import MARKER, present_published, published_mask

    withheld = {r["table"] for r in demo_pack.disclosure if r.get("rule") not in ("term", None)}
    assert withheld, "the demo pack withholds cells"
    for name, t in demo_pack.tables.items():
        p = present_published(demo_pack, t)
        assert len(p.rows) == len(t.data)
        mask = published_mask(demo_pack, name)
        assert not (mask & t.data.notna()).to_numpy().any(), name  # only blanks of the published table
        n_marked = sum(cell == MARKER for row in p.rows for cell in row)
        assert (n_marked > 0) == (name in withheld) == bool(mask.to_numpy().any()), name
        text = " ".join(c for row in p.rows for c in row) + " ".join(p.columns)
        assert "C(" not in text and "[T." not in text, name
    prev = demo_pack.tables["survey_harm_prevalence"].data
    p = present_published(demo_pack, demo_pack.tables["survey_harm_prevalence"])
    first = prev.iloc[0]
    assert p.rows[0][1] == (
        f"{100 * first['estimate']:.0f}% ({100 * first['ci_low']:.0f} to {100 * first['ci_high']:.0f})"
    )
    assert p.rows[0][2] == f"{int(first['n']):,}"


# --------------------------------------------------------------------------- summary and joint display


def test_executive_summary_per_pillar_with_source_and_recommendation(demo_pack):
    from toolkit.report.summary import MAX_PER_PILLAR, executive_summary

    summary = executive_summary(demo_pack)
    assert list(summary) == ["recognition", "training", "reporting", "support"]
    texts = {f["text"].rstrip(".") for f in demo_pack.findings}
    for pillar, items in summary.items():
        assert 2 <= len(items) <= MAX_PER_PILLAR, pillar
        for item in items:
            assert item.text.rstrip(".") in texts  # the computed sentence, not retyped
            assert item.recommendations, item.text
            if item.strand == "survey":
                assert "wave" in item.source and "2024" in item.source  # population and period
                assert "weighted" in item.source
            if item.strand == "evaluation":
                assert "2021" in item.source


def test_joint_display_brings_the_strands_together(demo_pack):
    from toolkit.report.summary import joint_display

    training = joint_display(demo_pack, "training")
    assert list(training["strand"]) == ["Staff survey", "Manager interviews", "Policy documents", "Evaluation"]
    survey = demo_pack.tables["survey_training"].data.iloc[0]
    assert (
        f"{100 * survey['estimate']:.0f}% ({100 * survey['ci_low']:.0f} to {100 * survey['ci_high']:.0f})"
        in training.loc[0, "evidence"]
    )
    themes = demo_pack.tables["qual_theme_prevalence"].data
    shown = themes[themes["pillar"].eq("training") & themes["code"].str.contains(r"\.") & themes["estimate"].notna()]
    for row in shown.itertuples():
        assert f"{row.name}: {100 * row.estimate:.0f}%" in training.loc[1, "evidence"]
    if shown.empty:  # every theme share of the pillar withheld by the gate: said, not dropped
        assert "withheld" in training.loc[1, "evidence"]
    assert "do not address this pillar" in training.loc[2, "evidence"]
    assert "2.03" in training.loc[3, "informs"]
    support = joint_display(demo_pack, "support")
    assert "No evaluation result for this pillar" in support.loc[3, "evidence"]


def test_joint_display_says_when_a_strand_is_missing(ctx):
    from toolkit.report.summary import joint_display

    jd = joint_display(ctx, "recognition")
    assert jd.loc[1, "evidence"] == "No manager interviews in this study."
    assert jd.loc[3, "evidence"] == "No evaluation in this study."


# --------------------------------------------------------------------------- docx and xlsx


def test_docx_a4_uk_english_styles_alt_text(ctx):
    from docx.shared import Mm

    out = render_pack(ctx)
    doc = Document(out["docx"])
    body = doc.sections[0]
    assert abs(body.page_width - Mm(210)) < Mm(1) and abs(body.page_height - Mm(297)) < Mm(1)
    styles = ctx.pack_dir / "briefing.docx"
    import zipfile

    with zipfile.ZipFile(styles) as z:
        xml = z.read("word/styles.xml").decode()
        document = z.read("word/document.xml").decode()
    assert 'w:lang w:val="en-GB"' in xml
    assert "Briefing Table" in xml
    used = {p.style.name for p in doc.paragraphs}
    assert {"Title", "Heading 1", "Caption"} <= used
    assert all(t.style.name == "Briefing Table" for t in doc.tables)
    assert re.search(r'<wp:docPr [^>]*descr="A line', document)
    assert "SEQ Table" in document and "SEQ Figure" in document
    # body tables at most 7 columns
    assert all(len(t.columns) <= 7 for t in doc.tables[:-1])


@pytest.mark.slow
def test_docx_and_xlsx_byte_identical_on_rebuild(tmp_path):
    blobs = []
    for i in range(2):
        c = EvidenceContext(outdir=tmp_path / str(i), seed=1, demo=True)
        c.table(
            "prev",
            pd.DataFrame({"group": ["Officer", "Staff"], "estimate": [0.41, 0.3], "n": [120, 4]}),
            counts=["n"],
            title="Prevalence",
            pillar="recognition",
        )

        def bars(t):
            fig, ax = plt.subplots()
            ax.bar(t["group"], t["estimate"].fillna(0))
            return fig

        c.figure("bars", bars, source="prev", title="Bars", pillar="support")
        c.publish()
        out = render_pack(c)
        blobs.append((out["docx"].read_bytes(), out["xlsx"].read_bytes()))
        if i == 0:
            import time

            time.sleep(2.1)  # zip dates have a two-second resolution
    assert blobs[0][0] == blobs[1][0]
    assert blobs[0][1] == blobs[1][1]


def test_xlsx_marks_withheld_cells_and_keeps_numbers(ctx):
    import openpyxl

    from toolkit.report.presentation import MARKER

    ctx.table(
        "themes",
        pd.DataFrame({"theme": ["A", "B"], "Sergeant": [12, 3], "estimate": [0.4, 0.1], "Total": [27, 31]}),
        counts=["Sergeant", "Total"],
        derived={"estimate": ("Sergeant",)},
        title="Themes",
    )
    ctx.publish()
    out = render_pack(ctx)
    wb = openpyxl.load_workbook(out["xlsx"])
    assert wb.sheetnames[0] == "Legend"
    legend = [[c for c in r if c is not None] for r in wb["Legend"].iter_rows(values_only=True)]
    assert legend[1][0] == MARKER and "confidential" in legend[1][1]
    rows = list(wb["themes"].iter_rows(values_only=True))
    assert rows == [("theme", "Sergeant", "estimate", "Total"), ("A", 12, 0.4, 27), ("B", MARKER, MARKER, 31)]
    # the analysis CSV keeps the blank (numbers stay numbers for analysis)
    csv = pd.read_csv(ctx.pack_dir / "tables" / "themes.csv", encoding="utf-8-sig")
    assert csv["Sergeant"].isna().tolist() == [False, True] and csv["Total"].tolist() == [27, 31]


# --------------------------------------------------------------------------- rendered through LibreOffice

SOFFICE = shutil.which("soffice")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")
MM = 72 / 25.4  # points per millimetre


def _pdf_pages(pdf):
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]


def _pdf_words(pdf):
    """Pages of blocks of lines of words with their boxes (pdftotext -bbox-layout)."""
    import xml.etree.ElementTree as ET

    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    xml = re.sub(r'\sxmlns="[^"]*"', "", xml, count=1)
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter("page"):
        blocks = []
        for block in page.iter("block"):
            lines = [
                [(w.text or "", float(w.get("xMin")), float(w.get("xMax"))) for w in line.iter("word")]
                for line in block.iter("line")
            ]
            blocks.append(lines)
        pages.append({"width": float(page.get("width")), "blocks": blocks})
    return pages


@pytest.mark.skipif(not (SOFFICE and POPPLER), reason="LibreOffice (soffice) or poppler-utils not installed")
def test_briefing_docx_renders_a4_body_within_12_pages_tables_fit(demo_pack, tmp_path):
    """briefing.docx through headless LibreOffice: A4 pages, the body (before the annex)
    at most 12 pages, no table wider than the text block, no header word broken."""
    docx_path = demo_pack.pack_dir / "briefing.docx"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = tmp_path / "briefing.pdf"
    sizes = _pdf_pages(pdf)
    assert sizes and all(abs(min(s) - 210 * MM) < 2 and abs(max(s) - 297 * MM) < 2 for s in sizes)
    pages = _pdf_words(pdf)
    texts = [" ".join(w[0] for b in p["blocks"] for line in b for w in line) for p in pages]
    annex = next(i for i, t in enumerate(texts) if "Annex: full tables" in t)
    assert 1 <= annex <= 12, f"body is {annex} pages"
    assert "Executive summary" in texts[0]
    assert all(min(s) == s[0] for s in sizes[:annex])  # the body is portrait
    # every word inside the text block (20 mm margins), so no table is wider than it
    for i, page in enumerate(pages):
        for block in page["blocks"]:
            for line in block:
                for word, x0, x1 in line:
                    assert x0 >= 20 * MM - 3 and x1 <= page["width"] - 20 * MM + 3, (i + 1, word)
    # and in the document itself: each table's width is at most its section's text width
    doc = Document(docx_path)
    from docx.oxml.ns import qn

    for table in doc.tables:
        width = int(table._tbl.tblPr.find(qn("w:tblW")).get(qn("w:w")))
        assert width <= (297 - 40) / 25.4 * 1440 + 1, width
    # no header word broken across lines: no two fragments on consecutive lines make a header word
    headers = {w for t in doc.tables for cell in t.rows[0].cells for w in cell.text.split() if len(w) > 2}
    broken = []
    for page in pages:
        for block in page["blocks"]:
            for a, b in itertools.pairwise(block):
                if a and b:
                    joined = a[-1][0] + b[0][0]
                    if joined in headers and a[-1][0] not in headers:
                        broken.append(joined)
    assert broken == [], broken
    body_tables = [t for t in doc.tables][: sum(1 for _ in doc.tables) - len(demo_pack.tables)]
    assert body_tables and all(len(t.columns) <= 7 for t in body_tables)


def test_a_force_restyles_both_outputs_from_study_yml(tmp_path):
    """``report: {organisation, logo, colour}`` in study.yml changes the HTML and the DOCX."""
    import zipfile

    from PIL import Image

    from toolkit.config import load_study

    Image.new("RGB", (60, 30), "#ffcc00").save(tmp_path / "logo.png")
    (tmp_path / "study.yml").write_text(
        "study: {name: Force survey 2025}\n"
        "report: {organisation: Northshire Police, logo: logo.png, colour: '#7A1F5C'}\n",
        encoding="utf-8",
    )
    c = EvidenceContext(outdir=tmp_path / "out", seed=1, demo=False, config=load_study(tmp_path / "study.yml"))
    c.table("prev", pd.DataFrame({"group": ["Officer"], "estimate": [0.4]}), title="Prevalence", pillar="recognition")
    c.publish()
    out = render_pack(c)
    html = out["html"].read_text(encoding="utf-8")
    assert "--brand:#7A1F5C" in html and "Northshire Police" in html
    assert 'alt="Logo of Northshire Police"' in html
    with zipfile.ZipFile(out["docx"]) as z:
        styles = z.read("word/styles.xml").decode()
        media = [n for n in z.namelist() if n.startswith("word/media/")]
    assert 'w:fill="7A1F5C"' in styles and 'w:color w:val="7A1F5C"' in styles
    assert len(media) == 1
    assert "Northshire Police" in "\n".join(p.text for p in Document(out["docx"]).paragraphs)


def test_a_low_contrast_colour_is_darkened_and_said(tmp_path):
    from toolkit.config import load_study
    from toolkit.report.briefing import contrast_with_white, theme_of

    (tmp_path / "study.yml").write_text("report: {colour: '#FFD700'}\n", encoding="utf-8")
    notes = []
    theme = theme_of(load_study(tmp_path / "study.yml"), note=notes.append)
    assert contrast_with_white(theme.colour) >= 4.5 and theme.colour != "#FFD700"
    assert "contrast" in notes[0]


def test_demo_pack_office_files_and_page_identical_on_rebuild(demo_pack, tmp_path):
    """A second build of the demo pack gives byte-identical tables.xlsx, briefing.docx and
    index.html (the CSV tables and figures are checked in test_pack_reproducible)."""
    import time

    from toolkit.report.evidence import build_evidence_pack

    time.sleep(2.1)  # zip dates have a two-second resolution: a build a moment later must not differ
    again = build_evidence_pack(tmp_path, demo=True, notebooks=False, render=True)
    for name in ("tables/tables.xlsx", "briefing.docx", "index.html"):
        assert (again.pack_dir / name).read_bytes() == (demo_pack.pack_dir / name).read_bytes(), name


def test_coded_answers_labelled_from_the_dictionary():
    from toolkit.dictionary import default_dictionary
    from toolkit.report.presentation import present_table

    d = default_dictionary()
    item = next(v for v in d.variables if d.type(v) == "likert")
    codes = d.codes(item)
    t = pd.DataFrame(
        {"item": [item, item], "level": [1.0, 2.0], "n": [200, 200], "n_level": [40, 60], "share": [0.2, 0.3]}
    )
    p = present_table(t, dictionary=d)
    assert p.columns[:2] == ["Item", "Answer"]
    assert [r[1] for r in p.rows] == [codes[1], codes[2]]
    assert [r[-1] for r in p.rows] == ["20%", "30%"]
