"""``briefing.docx``: an editable Word briefing from the briefing model.

A4, UK English (``w:lang en-GB``), real Word styles (Title, Heading 1-3, Caption, List
Bullet and a table style "Briefing Table" whose header row carries the theme colour),
real tables whose column widths are computed from their text (so that no word breaks
across lines), figures with alt text (``docPr descr``), captions numbered with Word
``SEQ`` fields, and the full tables in a landscape annex. The bytes are identical on
rebuild (fixed core properties and zip member dates, :mod:`toolkit.report.ooxml`).
"""

from __future__ import annotations

from pathlib import Path

from toolkit.report.briefing import Briefing, Figure
from toolkit.report.ooxml import FIXED_DATETIME, fix_zip
from toolkit.report.presentation import LEGEND, PresentationTable

__all__ = ["column_widths", "text_width_cm", "write_docx"]

FONT = "Arial"  # LibreOffice substitutes the metric-compatible Liberation Sans
BODY_PT = 10
TABLE_PT = 8.5
PAGE_W_MM, PAGE_H_MM, MARGIN_MM = 210, 297, 20
CELL_PAD_CM = 0.1  # left and right cell margin each
_PAD_TWIPS = round(CELL_PAD_CM / 2.54 * 1440)
SAFETY = 1.06  # measured widths times this, plus 0.1 cm: fonts substituted by a reader differ slightly

# advance widths of Arial / Helvetica (= Liberation Sans) per 1000 em, ASCII 32-126
_REGULAR = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556,
            556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778,
            722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278,
            278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
            556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]
_BOLD = [278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
         556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278,
         556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584,
         556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556,
         333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584]


def text_width_cm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """Width of ``text`` set in Arial at ``size_pt`` points, in centimetres.

    >>> round(text_width_cm("Estimate", 10), 2)
    1.37
    """
    table = _BOLD if bold else _REGULAR
    units = sum(table[ord(ch) - 32] if 32 <= ord(ch) < 127 else 600 for ch in text)
    return units / 1000 * size_pt * 2.54 / 72


def _longest_word(text: str, size_pt: float, bold: bool) -> float:
    words = [w for line in str(text).split("\n") for w in line.split()] or [""]
    return max(text_width_cm(w, size_pt, bold=bold) for w in words)


def _longest_line(text: str, size_pt: float, bold: bool) -> float:
    return max(text_width_cm(line, size_pt, bold=bold) for line in str(text).split("\n"))


def column_widths(columns, rows, available_cm: float, *, size_pt: float = TABLE_PT, shares=None) -> list[float]:
    """Column widths (cm) that fit ``available_cm``, computed from the text.

    Every column gets at least its longest word (header in bold), so no word breaks;
    the remaining width goes to the columns whose text would otherwise wrap, in
    proportion to how much more they need. Returns widths that sum to at most
    ``available_cm`` when the longest words fit; otherwise the minimum widths (the
    caller then uses a smaller font).

    >>> w = column_widths(["Role", "Percentage (95% CI)"], [["Police officer", "39% (37 to 41)"]], 10)
    >>> sum(w) <= 10 and w[0] > text_width_cm("officer", 8.5)
    True
    """
    pad = 2 * CELL_PAD_CM + 0.1
    n = len(columns)
    minimum = [_longest_word(c, size_pt, True) * SAFETY + pad for c in columns]
    wanted = [_longest_line(c, size_pt, True) * SAFETY + pad for c in columns]
    for row in rows:
        for j, cell in enumerate(row):
            minimum[j] = max(minimum[j], _longest_word(cell, size_pt, False) * SAFETY + pad)
            wanted[j] = max(wanted[j], _longest_line(cell, size_pt, False) * SAFETY + pad)
    if shares is not None:
        target = [available_cm * s for s in shares]
        if all(t >= m for t, m in zip(target, minimum)):
            return target
    if sum(minimum) > available_cm:
        return minimum
    if sum(wanted) <= available_cm:
        return wanted
    spare = available_cm - sum(minimum)
    need = [w - m for w, m in zip(wanted, minimum)]
    total = sum(need) or 1.0
    return [minimum[j] + spare * need[j] / total for j in range(n)]


# ----------------------------------------------------------------------------- styles


def _set_lang(element, lang: str = "en-GB") -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = element.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        element.append(rpr)
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    el = OxmlElement("w:lang")
    el.set(qn("w:val"), lang)
    el.set(qn("w:eastAsia"), lang)
    el.set(qn("w:bidi"), "ar-SA")
    rpr.append(el)


def _setup_styles(doc, colour_hex: str) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    _set_lang(rpr_default)
    colour = RGBColor.from_string(colour_hex)
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.08
    for name, size, before, after in (("Title", 20, 0, 4), ("Heading 1", 15, 10, 4), ("Heading 2", 12, 8, 3),
                                      ("Heading 3", 10.5, 6, 2)):
        st = styles[name]
        st.font.name = FONT
        st.font.size = Pt(size)
        st.font.color.rgb = colour
        st.font.bold = True
        st.paragraph_format.space_before = Pt(before)
        st.paragraph_format.space_after = Pt(after)
        rfonts = st.element.rPr.rFonts
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), FONT)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if rfonts.get(qn(attr)) is not None:
                del rfonts.attrib[qn(attr)]
    title = styles["Title"]
    pbdr = title.element.pPr.find(qn("w:pBdr")) if title.element.pPr is not None else None
    if pbdr is not None:
        title.element.pPr.remove(pbdr)
    cap = styles["Caption"]
    cap.font.name = FONT
    cap.font.size = Pt(9)
    cap.font.bold = True
    cap.font.italic = False
    cap.font.color.rgb = RGBColor(0x1B, 0x1B, 0x1B)
    cap.paragraph_format.space_before = Pt(6)
    cap.paragraph_format.space_after = Pt(3)
    cap.paragraph_format.keep_with_next = True
    if "Table Note" not in [s.name for s in styles]:
        note = styles.add_style("Table Note", WD_STYLE_TYPE.PARAGRAPH)
        note.base_style = normal
        note.font.size = Pt(8)
        note.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
        note.paragraph_format.space_after = Pt(8)
    if "Source Line" not in [s.name for s in styles]:
        src = styles.add_style("Source Line", WD_STYLE_TYPE.PARAGRAPH)
        src.base_style = normal
        src.font.size = Pt(8.5)
        src.font.italic = True
        src.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
        src.paragraph_format.space_after = Pt(5)
        src.paragraph_format.left_indent = Pt(18)
    bullet = styles["List Bullet"]
    bullet.paragraph_format.space_after = Pt(0)
    # the table style: grid, header row in the theme colour with white bold text, repeated
    ts = styles.add_style("Briefing Table", WD_STYLE_TYPE.TABLE)
    ts.base_style = styles["Table Grid"]
    ts.font.size = Pt(TABLE_PT)
    ts.font.name = FONT
    el = ts.element
    ppr = OxmlElement("w:pPr")
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:before"), "0")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    ppr.append(spacing)
    el.insert(list(el).index(el.find(qn("w:rPr"))) if el.find(qn("w:rPr")) is not None else len(el), ppr)
    tblpr = el.find(qn("w:tblPr"))
    if tblpr is None:
        tblpr = OxmlElement("w:tblPr")
        el.append(tblpr)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "single")
        b.set(qn("w:sz"), "4")
        b.set(qn("w:space"), "0")
        b.set(qn("w:color"), "A6B4C0")
        borders.append(b)
    tblpr.append(borders)
    mar = OxmlElement("w:tblCellMar")
    for side, w in (("top", 20), ("left", int(CELL_PAD_CM / 2.54 * 1440)), ("bottom", 20),
                    ("right", int(CELL_PAD_CM / 2.54 * 1440))):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), str(w))
        m.set(qn("w:type"), "dxa")
        mar.append(m)
    tblpr.append(mar)
    first = OxmlElement("w:tblStylePr")
    first.set(qn("w:type"), "firstRow")
    rpr = OxmlElement("w:rPr")
    b = OxmlElement("w:b")
    rpr.append(b)
    c = OxmlElement("w:color")
    c.set(qn("w:val"), "FFFFFF")
    rpr.append(c)
    first.append(rpr)
    tcpr = OxmlElement("w:tcPr")
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour_hex)
    tcpr.append(shd)
    first.append(tcpr)
    el.append(first)


# ----------------------------------------------------------------------------- building blocks


def _fixed_properties(doc, title: str, organisation: str) -> None:
    cp = doc.core_properties
    cp.title = title
    cp.author = organisation or "toolkit"
    cp.last_modified_by = "toolkit"
    cp.created = FIXED_DATETIME
    cp.modified = FIXED_DATETIME
    cp.last_printed = FIXED_DATETIME
    cp.revision = 1
    cp.language = "en-GB"
    cp.subject = "Evidence pack: online harms to police officers, staff and families"
    cp.comments = ""
    cp.keywords = ""


def _seq(paragraph, kind: str, number: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" SEQ {kind} \\* ARABIC ")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = str(number)
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def _caption(doc, kind: str, number: int, text: str):
    p = doc.add_paragraph(style="Caption")
    p.add_run(f"{kind} ")
    _seq(p, kind, number)
    p.add_run(f": {text}")
    return p


def _cell_text(cell, text: str, *, bold=False, align_right=False, size=None, bold_first=False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    lines = str(text).split("\n")
    para = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            para = cell.add_paragraph()
        run = para.add_run(line)
        if bold or (bold_first and i == 0):
            run.bold = True
        if size:
            run.font.size = Pt(size)
        if align_right:
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader")
    h.set(qn("w:val"), "true")
    trpr.append(h)
    cs = OxmlElement("w:cantSplit")
    trpr.append(cs)


def _fix_table_width(table, widths_cm) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    tbl = table._tbl
    tblpr = tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout"):
        for old in tblpr.findall(qn(tag)):
            tblpr.remove(old)
    tw = OxmlElement("w:tblW")
    tw.set(qn("w:w"), str(round(sum(widths_cm) / 2.54 * 1440)))
    tw.set(qn("w:type"), "dxa")
    tblpr.append(tw)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    for old in tblpr.findall(qn("w:tblCellMar")):
        tblpr.remove(old)
    mar = OxmlElement("w:tblCellMar")  # on the table too: not every reader applies the style's margins
    for side, w in (("top", 20), ("left", _PAD_TWIPS), ("bottom", 20), ("right", _PAD_TWIPS)):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), str(w))
        m.set(qn("w:type"), "dxa")
        mar.append(m)
    tblpr.append(mar)
    grid = tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), widths_cm):
        gc.set(qn("w:w"), str(round(w / 2.54 * 1440)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm):
            cell.width = Cm(w)


def _add_table(doc, p: PresentationTable, available_cm: float, *, caption_prefix: str = "") -> None:
    from docx.oxml.ns import qn

    number = p.extra.get("number", 0)
    title = p.title + (" (in full)" if p.extra.get("repeat") else "")
    _caption(doc, "Table", number, caption_prefix + title)
    size = TABLE_PT
    shares = p.extra.get("widths")
    widths = column_widths(p.columns, p.rows, available_cm, size_pt=size, shares=shares)
    while sum(widths) > available_cm + 1e-6 and size > 6:
        size -= 0.5
        widths = column_widths(p.columns, p.rows, available_cm, size_pt=size, shares=shares)
    if sum(widths) > available_cm:  # still too wide: shrink proportionally (words may then wrap)
        widths = [w * available_cm / sum(widths) for w in widths]
    table = doc.add_table(rows=1, cols=len(p.columns))
    table.style = doc.styles["Briefing Table"]
    # the size on every run as well: LibreOffice does not apply a table style's font size
    small = size
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:
        look.set(qn("w:firstColumn"), "0")
    for j, (cell, col) in enumerate(zip(table.rows[0].cells, p.columns)):
        _cell_text(cell, col, align_right=p.numeric[j], size=small, bold=True)
    _repeat_header(table.rows[0])
    for row in p.rows:
        cells = table.add_row().cells
        for j, (cell, value) in enumerate(zip(cells, row)):
            _cell_text(cell, value, align_right=p.numeric[j], size=small,
                       bold_first=j == 0 and bool(p.extra.get("joint")))
    for row in table.rows[1:]:
        from docx.oxml import OxmlElement

        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    _fix_table_width(table, widths)
    if p.note:
        doc.add_paragraph(p.note, style="Table Note")
    else:
        doc.add_paragraph("", style="Table Note")


def _add_figure(doc, fig: Figure, max_w_cm: float, max_h_cm: float) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm
    from PIL import Image

    with Image.open(fig.png) as im:
        w_px, h_px = im.size
    width = min(max_w_cm, w_px / 120 * 2.54)
    height = width * h_px / w_px
    if height > max_h_cm:
        width, height = max_h_cm * w_px / h_px, max_h_cm
    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.keep_with_next = True
    run = para.add_run()
    shape = run.add_picture(str(fig.png), width=Cm(width))
    docpr = shape._inline.docPr
    docpr.set("descr", fig.alt)
    docpr.set("title", fig.title)
    cap = _caption(doc, "Figure", fig.number, fig.title)
    cap.paragraph_format.keep_with_next = False
    if fig.caption:
        doc.add_paragraph(fig.caption, style="Table Note")


def _summary(doc, model: Briefing) -> None:
    doc.add_heading("Executive summary", level=1)
    any_items = False
    for pillar, items in model.summary.items():
        if not items:
            continue
        any_items = True
        doc.add_heading(pillar.title(), level=3)
        for item in items:
            p = doc.add_paragraph(style="List Bullet")
            p.add_run(item.text)
            src = item.source
            if item.recommendations:
                src += "; informs recommendation " + ", ".join(r for r, _ in item.recommendations)
            p2 = doc.add_paragraph(src + ".", style="Source Line")
            p2.paragraph_format.keep_with_next = False
    if not any_items:
        doc.add_paragraph("No findings were computed.")


def write_docx(model: Briefing, path) -> Path:
    """Write the briefing model as ``briefing.docx`` (byte-identical on rebuild)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Cm, Mm, Pt

    doc = Document()
    _setup_styles(doc, model.theme.colour_hex)
    _fixed_properties(doc, model.title, model.theme.organisation)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(PAGE_W_MM), Mm(PAGE_H_MM)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    text_w = (PAGE_W_MM - 2 * MARGIN_MM) / 10
    if model.theme.logo is not None:
        doc.add_picture(str(model.theme.logo), height=Cm(1.5))
        doc.inline_shapes[-1]._inline.docPr.set("descr", f"Logo of {model.theme.organisation or 'the organisation'}")
    if model.theme.organisation:
        org = doc.add_paragraph(model.theme.organisation)
        org.runs[0].bold = True
    doc.add_paragraph(model.title, style="Title")
    doc.add_paragraph(model.subtitle)
    if model.demo:
        p = doc.add_paragraph()
        r = p.add_run("Built from the synthetic demo study: the numbers show what the toolkit produces and are "
                      "not evidence about any real force.")
        r.italic = True
        r.font.size = Pt(9)
    _summary(doc, model)
    for ps in model.pillars:
        if ps is model.pillars[0]:
            doc.add_page_break()
        doc.add_heading(ps.heading, level=1)
        for item in ps.summary:
            doc.add_paragraph(item.text)
        _add_table(doc, ps.joint, text_w)
        for fig in ps.figures:
            _add_figure(doc, fig, max_w_cm=14, max_h_cm=6.5)
        for t in ps.tables:
            _add_table(doc, t, text_w)
    doc.add_heading("Methods", level=1)
    for name, text in model.methods:
        p = doc.add_paragraph()
        p.add_run(f"{name}. ").bold = True
        p.add_run(text)
    p = doc.add_paragraph()
    p.add_run("Disclosure control. ").bold = True
    p.add_run(model.disclosure)
    doc.add_heading("Limitations", level=1)
    for text in model.limitations or ["None recorded."]:
        doc.add_paragraph(text, style="List Bullet")
    # annex: landscape, every table in full
    annex = doc.add_section(WD_SECTION.NEW_PAGE)
    annex.orientation = WD_ORIENT.LANDSCAPE
    annex.page_width, annex.page_height = Mm(PAGE_H_MM), Mm(PAGE_W_MM)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(annex, side, Mm(MARGIN_MM))
    annex_w = (PAGE_H_MM - 2 * MARGIN_MM) / 10
    doc.add_heading("Annex: full tables", level=1)
    doc.add_paragraph(
        "Every published table in full, in presentation form. The analysis tables (every column, numbers as "
        f"numbers) are in tables/*.csv and tables/tables.xlsx. {LEGEND}"
    )
    for fig in model.annex_figures:
        _add_figure(doc, fig, max_w_cm=16, max_h_cm=9)
    for t in model.annex:
        _add_table(doc, t, annex_w)
    path = Path(path)
    doc.save(path)
    return fix_zip(path)

