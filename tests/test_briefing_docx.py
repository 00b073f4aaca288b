"""The Word briefing: styles from a reference document, alt text from the published data,
annex tables numbered in order."""

import importlib.util
import re
import zipfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import RGBColor

from toolkit.config import ConfigError, load_study
from toolkit.report import alt_text
from toolkit.report.docx_briefing import REFERENCE, REQUIRED_STYLES, reference_problems
from toolkit.report.evidence import EvidenceContext
from toolkit.report.render import render_pack

ROOT = Path(__file__).resolve().parent.parent


def _small_ctx(outdir, config=None):
    c = EvidenceContext(outdir=outdir, seed=1, demo=False, config=config)
    c.table(
        "prev",
        pd.DataFrame({"group": ["Officer", "Staff", "Volunteer"], "estimate": [0.41234, 0.2, 0.5], "n": [120, 80, 3]}),
        counts=["n"],
        title="Prevalence",
        pillar="recognition",
    )

    def dots(t):
        fig, ax = plt.subplots()
        ax.plot(t["estimate"], range(len(t)), "o")
        return fig

    c.figure(
        "dots",
        dots,
        source="prev",
        title="Prevalence by group",
        pillar="recognition",
        alt=lambda t: alt_text.groups_alt(t, measure="share of respondents harmed", by="role"),
    )
    c.publish()
    return c


# --------------------------------------------------------------------------- reference document


def test_shipped_reference_is_what_the_committed_script_writes(tmp_path):
    """templates/reference.docx is reproducible: tools/build_reference_docx.py writes the same bytes."""
    spec = importlib.util.spec_from_file_location("build_reference_docx", ROOT / "tools" / "build_reference_docx.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    again = tool.build(tmp_path / "reference.docx")
    assert again.read_bytes() == REFERENCE.read_bytes(), "run python tools/build_reference_docx.py and commit"
    doc = Document(str(REFERENCE))
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.left_margin.mm) == 20
    assert reference_problems(REFERENCE) == []
    with zipfile.ZipFile(REFERENCE) as z:
        assert 'w:lang w:val="en-GB"' in z.read("word/styles.xml").decode()


def _restyled_reference(path, *, font="Georgia", colour="990000"):
    doc = Document(str(REFERENCE))
    h1 = doc.styles["Heading 1"]
    h1.font.name = font
    h1.element.rPr.rFonts.set(qn("w:ascii"), font)
    h1.element.rPr.rFonts.set(qn("w:hAnsi"), font)
    h1.font.color.rgb = RGBColor.from_string(colour)
    doc.save(str(path))
    return path


def test_a_force_reference_document_restyles_the_briefing(tmp_path):
    """report.reference_docx: the briefing's Heading 1 takes the reference's font and colour,
    without a line of code changed (and the default reference gives the default style)."""
    _restyled_reference(tmp_path / "our-styles.docx")
    (tmp_path / "study.yml").write_text(
        "study: {name: Force survey 2025}\nreport: {reference_docx: our-styles.docx}\n", encoding="utf-8"
    )
    ctx = _small_ctx(tmp_path / "out", config=load_study(tmp_path / "study.yml"))
    doc = Document(render_pack(ctx)["docx"])
    h1 = doc.styles["Heading 1"]
    assert h1.font.name == "Georgia" and h1.font.color.rgb == RGBColor.from_string("990000")
    headings = [p for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings and "Executive summary" in headings[0].text
    default = Document(render_pack(_small_ctx(tmp_path / "default"))["docx"])
    assert default.styles["Heading 1"].font.name == "Arial"
    assert default.styles["Heading 1"].font.color.rgb == RGBColor.from_string("0B3D5C")


def test_a_missing_reference_document_is_refused_naming_key_and_path(tmp_path):
    (tmp_path / "study.yml").write_text("report: {reference_docx: branding/styles.docx}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"report\.reference_docx.*branding/styles\.docx"):
        load_study(tmp_path / "study.yml")


def test_a_reference_document_lacking_a_style_is_refused_naming_it(tmp_path):
    doc = Document(str(REFERENCE))
    style = doc.styles["Briefing Table"].element
    style.getparent().remove(style)
    doc.save(str(tmp_path / "styles.docx"))
    (tmp_path / "study.yml").write_text("report: {reference_docx: styles.docx}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"report\.reference_docx.*table style named 'Briefing Table'"):
        load_study(tmp_path / "study.yml")
    # and when the briefing is written (a configuration read without checking its files)
    ctx = _small_ctx(tmp_path / "out", config=load_study(tmp_path / "study.yml", check_paths=False))
    with pytest.raises(ConfigError, match="Briefing Table"):
        render_pack(ctx)
    (tmp_path / "notes.txt").write_text("not a Word file", encoding="utf-8")
    assert "not a Word document" in reference_problems(tmp_path / "notes.txt")[0]
    assert set(REQUIRED_STYLES) >= {"Normal", "Title", "Heading 1", "Caption", "List Bullet", "Briefing Table"}


# --------------------------------------------------------------------------- alt text


def _docx_descr(path):
    with zipfile.ZipFile(path) as z:
        document = z.read("word/document.xml").decode()
    from html import unescape

    return [unescape(d) for d in re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', document)]


def test_alt_text_quotes_no_withheld_value(tmp_path):
    """The gate withholds the Volunteer estimate (3 respondents): the alt text says a group
    was withheld and does not give its 50%."""
    ctx = _small_ctx(tmp_path)
    alt = ctx.figures["dots"].alt
    assert ctx.tables["prev"].data["estimate"].isna().tolist() == [False, False, True]
    assert alt == (
        "Dot chart with 95% intervals: share of respondents harmed, by role; highest Officer 41%, "
        "lowest Staff 20%; 1 group withheld by disclosure control."
    )
    assert "50%" not in alt and "Volunteer" not in alt
    out = render_pack(ctx)
    assert _docx_descr(out["docx"]) == [alt]
    from markupsafe import escape  # as Jinja2 autoescapes

    assert f'alt="{escape(alt)}"' in out["html"].read_text(encoding="utf-8")


def _published_numbers(tables):
    """Every number the source tables publish (and the Likert 'agree' shares built from them),
    the whole numbers among them, and the counts of rows, groups and blank cells."""
    values, cells, structure = [], set(), set()
    for t in tables:
        structure.add(len(t))
        for col in t.columns:
            s = pd.to_numeric(t[col], errors="coerce")
            structure.update({int(t[col].nunique()), int(s.isna().sum()), int(s.notna().sum())})
            vals = s.dropna().tolist()
            values += vals
            cells.update(int(v) for v in vals if float(v).is_integer())
        if {"code_a", "code_b"} <= set(t.columns):
            structure.add(len(set(t["code_a"]) | set(t["code_b"])))
        if {"item", "level", "share"} <= set(t.columns):
            levels = pd.to_numeric(t["level"])
            top = levels > (levels.min() + levels.max()) / 2
            sums = t[top].groupby("item")["share"].agg(lambda s: s.sum() if s.notna().all() else float("nan"))
            values += sums.dropna().tolist()
    return values, cells, structure


def test_every_figure_is_described_from_its_published_table(demo_pack):
    """Every figure of the demo pack has alt text that describes it (not its title), and
    every number in it is a published value of the figure's source table(s)."""
    ctx = demo_pack
    assert ctx.figures
    for name, fig in ctx.figures.items():
        alt = fig.alt
        assert alt and not alt.startswith(fig.title) and ":" in alt.split(";")[0], (name, alt)
        _, sources = ctx._figure_sources[name]
        values, cells, structure = _published_numbers([ctx.tables[s].data for s in sources])
        text = re.sub(r"95% (CI|interval)s?", "", alt)
        text = re.sub(
            r"\b(January|February|March|April|May|June|July|August|September|October|November|"
            r"December) (\d{4})\b",
            r"\1",
            text,
        )  # fieldwork and series dates
        text = re.sub(r"\b(wave|waves) \d+( to \d+)?", r"\1", text)
        text = re.sub(r"\b1,000 staff", "staff", text)
        quoted = 0
        for p in re.findall(r"(\d+)%", text):
            assert any(f"{100 * v:.0f}" == p for v in values), (name, p + "%", alt)
            quoted += 1
        no_pct = re.sub(r"\d+%", "", text)
        for d in re.findall(r"-?\d+\.\d+", no_pct):
            assert any(f"{v:.2f}" == d for v in values), (name, d, alt)
            quoted += 1
        for i in re.findall(
            r"(?<![\w.\-])\d+(?![\d.%])",  # not the digits of a code such as F05
            re.sub(r"-?\d+\.\d+", "", no_pct),
        ):
            assert int(i) in cells | structure | {ctx.threshold} or 1900 <= int(i) <= 2100, (name, i, alt)
            quoted += int(i) in cells
        assert quoted >= 1, (name, alt)  # it gives values, not only what the figure is about
    # the same text in the Word briefing and the HTML page
    descr = _docx_descr(ctx.pack_dir / "briefing.docx")
    html = (ctx.pack_dir / "index.html").read_text(encoding="utf-8")
    from markupsafe import escape  # as Jinja2 autoescapes

    for fig in ctx.figures.values():
        assert fig.alt in descr
        assert f'alt="{escape(fig.alt)}"' in html


# --------------------------------------------------------------------------- numbering


def _captions(doc):
    """Caption paragraphs' text, with the SEQ field results (python-docx leaves them out)."""
    out = []
    for p in doc.paragraphs:
        if p.style.name == "Caption":
            out.append("".join(t.text or "" for t in p._p.iter(qn("w:t"))))
    return out


def test_tables_numbered_in_order_with_matching_cross_references(demo_pack):
    doc = Document(str(demo_pack.pack_dir / "briefing.docx"))
    captions = [c for c in _captions(doc) if c.startswith("Table ")]
    labels = [re.match(r"Table (A?\d+): ", c).group(1) for c in captions]
    body = [int(x) for x in labels if not x.startswith("A")]
    annex = [int(x[1:]) for x in labels if x.startswith("A")]
    assert body == list(range(1, len(body) + 1))
    assert annex == list(range(1, len(demo_pack.tables) + 1))
    assert labels.index("A1") == len(body)  # the annex comes after the body
    titles = {m.group(1): m.group(2) for c in captions if (m := re.match(r"Table (A?\d+): (.*)", c))}
    # body table -> "In full as Table Ak in the annex" -> the annex table of the same title, and back
    refs = 0
    paragraphs = doc.paragraphs
    for i, p in enumerate(paragraphs):
        m = re.search(r"In full as Table (A\d+) in the annex", p.text)
        if not m:
            continue
        refs += 1
        caption = next(c for c in reversed(_captions_before(paragraphs, i)))
        number, title = re.match(r"Table (\d+): (.*)", caption).groups()
        assert titles[m.group(1)] == f"{title} (in full; Table {number} in the body)"
    assert refs == sum(1 for t in titles.values() if "in the body)" in t) and refs >= 3
    html = (demo_pack.pack_dir / "index.html").read_text(encoding="utf-8")
    html_labels = re.findall(r"<caption[^>]*>Table (A?\d+):", html)
    assert html_labels == labels


def _captions_before(paragraphs, i):
    return ["".join(t.text or "" for t in p._p.iter(qn("w:t"))) for p in paragraphs[:i] if p.style.name == "Caption"]
