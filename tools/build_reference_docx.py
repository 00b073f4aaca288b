"""Build ``toolkit/report/templates/reference.docx``, the reference document of the Word briefing.

``briefing.docx`` is written into a copy of this document (``docx.Document(reference)``) and
uses its styles by name, so what the briefing looks like is decided here, not in the code
that writes it. A force restyles its briefing by giving its own reference document in
``study.yml`` (``report: {reference_docx: our-styles.docx}``), typically this file opened in
Word with the styles changed (Home > Styles > Modify); it must keep the style names below.

Run by hand from the repository root after changing a style, and commit both files::

    python tools/build_reference_docx.py

The output is byte-identical on every run (fixed document properties and zip dates), so a
review sees a change to ``reference.docx`` only when a style here changed.

What it holds: one A4 portrait section with 20 mm margins; UK English (``en-GB``) as the
language of every run (document defaults); Arial (LibreOffice substitutes the metric-
compatible Liberation Sans) at 10 pt; the paragraph styles Normal, Title, Heading 1-3,
Caption, List Bullet, Table Note (notes under tables and figures) and Source Line (the
source under an executive-summary finding); and the table style "Briefing Table" (thin
grey grid, header row in the theme colour with white bold text, 8.5 pt, tight cells).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "toolkit" / "report" / "templates" / "reference.docx"

FONT = "Arial"
BODY_PT = 10
TABLE_PT = 8.5
COLOUR = "0B3D5C"  # toolkit.report.briefing.DEFAULT_COLOUR: 11.5:1 contrast with white
GREY = "444444"
GRID = "A6B4C0"
PAGE_W_MM, PAGE_H_MM, MARGIN_MM = 210, 297, 20
CELL_PAD_CM = 0.1  # left and right cell margin


def _el(tag: str, **attrs):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), str(v))
    return el


def _language(doc, lang: str = "en-GB") -> None:
    """UK English for every run: ``w:lang`` in the document defaults."""
    from docx.oxml.ns import qn

    rpr_default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = _el("w:rPr")
        rpr_default.append(rpr)
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    rpr.append(_el("w:lang", val=lang, eastAsia=lang, bidi="ar-SA"))


def _font(style, name: str = FONT) -> None:
    """The font of ``style`` for every script, replacing the theme fonts of the default template."""
    from docx.oxml.ns import qn

    style.font.name = name
    rfonts = style.element.rPr.rFonts
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if rfonts.get(qn(attr)) is not None:
            del rfonts.attrib[qn(attr)]


def _paragraph_styles(doc) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    styles = doc.styles
    normal = styles["Normal"]
    _font(normal)
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.08
    for name, size, before, after in (
        ("Title", 20, 0, 4),
        ("Heading 1", 15, 10, 4),
        ("Heading 2", 12, 8, 3),
        ("Heading 3", 10.5, 6, 2),
    ):
        st = styles[name]
        _font(st)
        st.font.size = Pt(size)
        st.font.color.rgb = RGBColor.from_string(COLOUR)
        st.font.bold = True
        st.paragraph_format.space_before = Pt(before)
        st.paragraph_format.space_after = Pt(after)
    title = styles["Title"]
    pbdr = title.element.pPr.find(qn("w:pBdr")) if title.element.pPr is not None else None
    if pbdr is not None:  # the default template underlines the title with a border
        title.element.pPr.remove(pbdr)
    cap = styles["Caption"]
    _font(cap)
    cap.font.size = Pt(9)
    cap.font.bold = True
    cap.font.italic = False
    cap.font.color.rgb = RGBColor(0x1B, 0x1B, 0x1B)
    cap.paragraph_format.space_before = Pt(6)
    cap.paragraph_format.space_after = Pt(3)
    cap.paragraph_format.keep_with_next = True
    note = styles.add_style("Table Note", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    note.font.size = Pt(8)
    note.font.color.rgb = RGBColor.from_string(GREY)
    note.paragraph_format.space_after = Pt(8)
    src = styles.add_style("Source Line", WD_STYLE_TYPE.PARAGRAPH)
    src.base_style = normal
    src.font.size = Pt(8.5)
    src.font.italic = True
    src.font.color.rgb = RGBColor.from_string(GREY)
    src.paragraph_format.space_after = Pt(5)
    src.paragraph_format.left_indent = Pt(18)
    styles["List Bullet"].paragraph_format.space_after = Pt(0)


def _table_style(doc) -> None:
    """ "Briefing Table": a thin grey grid, tight cells, header row in the theme colour."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.shared import Pt

    styles = doc.styles
    ts = styles.add_style("Briefing Table", WD_STYLE_TYPE.TABLE)
    ts.base_style = styles["Table Grid"]
    ts.font.size = Pt(TABLE_PT)
    ts.font.name = FONT
    el = ts.element
    ppr = _el("w:pPr")
    ppr.append(_el("w:spacing", before=0, after=0, line=240, lineRule="auto"))
    rpr = el.find(qn("w:rPr"))
    el.insert(list(el).index(rpr) if rpr is not None else len(el), ppr)
    tblpr = el.find(qn("w:tblPr"))
    if tblpr is None:
        tblpr = _el("w:tblPr")
        el.append(tblpr)
    borders = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{side}", val="single", sz=4, space=0, color=GRID))
    tblpr.append(borders)
    pad = round(CELL_PAD_CM / 2.54 * 1440)
    mar = _el("w:tblCellMar")
    for side, w in (("top", 20), ("left", pad), ("bottom", 20), ("right", pad)):
        mar.append(_el(f"w:{side}", w=w, type="dxa"))
    tblpr.append(mar)
    first = _el("w:tblStylePr", type="firstRow")
    rpr = _el("w:rPr")
    rpr.append(_el("w:b"))
    rpr.append(_el("w:color", val="FFFFFF"))
    first.append(rpr)
    tcpr = _el("w:tcPr")
    tcpr.append(_el("w:shd", val="clear", color="auto", fill=COLOUR))
    first.append(tcpr)
    el.append(first)


def build(path: Path = OUT) -> Path:
    """Write the reference document to ``path`` (byte-identical on every run)."""
    from docx import Document
    from docx.shared import Mm

    from toolkit.report.ooxml import FIXED_DATETIME, fix_zip

    doc = Document()
    _language(doc)
    _paragraph_styles(doc)
    _table_style(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(PAGE_W_MM), Mm(PAGE_H_MM)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    cp = doc.core_properties
    cp.title = "Evidence pack briefing: reference styles"
    cp.author = cp.last_modified_by = "toolkit"
    cp.created = cp.modified = cp.last_printed = FIXED_DATETIME
    cp.revision = 1
    cp.language = "en-GB"
    cp.subject = cp.comments = cp.keywords = ""
    # the body is empty: the briefing is written into a copy of this document
    body = doc.element.body
    for child in list(body):
        if child.tag.endswith("}p"):
            body.remove(child)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return fix_zip(path)


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
