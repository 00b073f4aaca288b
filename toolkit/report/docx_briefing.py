"""``briefing.docx``: an editable Word briefing from the briefing model.

The briefing is written into a copy of a reference document (``docx.Document(reference)``)
and uses its styles by name: Title, Heading 1-3, Caption, List Bullet, Table Note, Source
Line and the table style "Briefing Table" (:data:`REQUIRED_STYLES`). The toolkit ships
``templates/reference.docx`` (A4, 20 mm margins, UK English ``en-GB``, Arial), made by
``tools/build_reference_docx.py``; a force restyles the briefing without touching code by
giving its own in ``study.yml`` (``report: {reference_docx: our-styles.docx}``). The page
size and margins are the reference's; the force's ``report.colour``, when given, recolours
the title, headings and table header row on top of it.

Real tables whose column widths are computed from their text (so that no word breaks
across lines), figures with alt text describing what they show (``docPr descr``),
captions numbered with Word ``SEQ`` fields (Table 1, 2, ... in the body; Table A1, A2,
... in the annex), and the full tables in a landscape annex. The bytes are identical on
rebuild (fixed core properties and zip member dates, :mod:`toolkit.report.ooxml`).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from toolkit.config import ConfigError
from toolkit.report.briefing import Briefing, Figure
from toolkit.report.ooxml import FIXED_DATETIME, fix_zip
from toolkit.report.presentation import LEGEND, PresentationTable
from toolkit.report.recommendations import PILLAR_TITLES

__all__ = ["REFERENCE", "REQUIRED_STYLES", "column_widths", "reference_problems", "text_width_cm", "write_docx"]

TABLE_PT = 8.5  # table text when the reference's table style gives no size
KEEP_TOGETHER_ROWS = 8  # a body table of at most this many rows (header included) is kept on one page
CELL_PAD_CM = 0.1  # left and right cell margin each
_PAD_TWIPS = round(CELL_PAD_CM / 2.54 * 1440)
SAFETY = 1.06  # measured widths times this, plus 0.1 cm: fonts substituted by a reader differ slightly

# column widths are measured with the advance widths of Arial / Helvetica (= Liberation Sans),
# the font of the shipped reference; a reference in another sans font gets widths near enough
# advance widths of Arial / Helvetica (= Liberation Sans) per 1000 em, ASCII 32-126
# fmt: off
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
# fmt: on


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

#: the reference document shipped with the toolkit (built by tools/build_reference_docx.py)
REFERENCE = Path(__file__).parent / "templates" / "reference.docx"

#: styles the briefing uses by name: a reference document must define each (name: kind)
REQUIRED_STYLES = {
    "Normal": "paragraph",
    "Title": "paragraph",
    "Heading 1": "paragraph",
    "Heading 2": "paragraph",
    "Heading 3": "paragraph",
    "Caption": "paragraph",
    "List Bullet": "paragraph",
    "Table Note": "paragraph",
    "Source Line": "paragraph",
    "Briefing Table": "table",
}


def reference_problems(path, *, key: str = "report.reference_docx") -> list[str]:
    """What is wrong with ``path`` as the briefing's reference document (empty if nothing).

    A reference document is a Word ``.docx`` file defining every style of
    :data:`REQUIRED_STYLES`, with its kind (paragraph or table style). Each problem
    names ``key`` (the configuration key that gave the file), the file and the style.
    """
    # lazy: python-docx is loaded only when a Word file is read or written
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE

    path = Path(path)
    if not path.is_file():
        return [f"'{key}' names a file that does not exist: {path}"]
    try:
        doc = Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a file that is not a .docx
        return [f"'{key}' ({path}) is not a Word document (.docx) python-docx can open: {type(exc).__name__}: {exc}"]
    kinds = {
        WD_STYLE_TYPE.PARAGRAPH: "paragraph",
        WD_STYLE_TYPE.TABLE: "table",
        WD_STYLE_TYPE.CHARACTER: "character",
        WD_STYLE_TYPE.LIST: "numbering",
    }
    have = {s.name: kinds.get(s.type, "other") for s in doc.styles}
    problems = []
    for name, kind in REQUIRED_STYLES.items():
        if name not in have:
            problems.append(
                f"'{key}' ({path}) has no {kind} style named '{name}', which the briefing uses; "
                f"start from the toolkit's reference document ({REFERENCE.name}, made by "
                "tools/build_reference_docx.py) and change its styles rather than remove them"
            )
        elif have[name] != kind:
            problems.append(
                f"'{key}' ({path}): the style '{name}' is a {have[name]} style; the briefing "
                f"needs a {kind} style of that name"
            )
    return problems


def _open_reference(path):
    """The reference document at ``path`` (default :data:`REFERENCE`), its body emptied."""
    # lazy: python-docx is loaded only when a Word file is read or written
    from docx import Document

    path = Path(path) if path is not None else REFERENCE
    problems = reference_problems(path)
    if problems:
        raise ConfigError(path, problems)
    doc = Document(str(path))
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return doc


def _apply_colour(doc, colour_hex: str) -> None:
    """The force's colour (``report.colour``) on the title, headings and table header row."""
    # lazy: python-docx is loaded only when a Word file is read or written
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        doc.styles[name].font.color.rgb = RGBColor.from_string(colour_hex)
    for part in doc.styles["Briefing Table"].element.findall(qn("w:tblStylePr")):
        if part.get(qn("w:type")) == "firstRow":
            for shd in part.iter(qn("w:shd")):
                shd.set(qn("w:fill"), colour_hex)


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
    # lazy: python-docx is loaded only when a Word file is read or written
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


def _caption(doc, kind: str, number: int, text: str, *, prefix: str = ""):
    """ "Table 3: ..." with the number as a ``SEQ Table`` field; annex tables ("Table A3")
    count in their own sequence (``SEQ TableA``), so Word's field update keeps both."""
    p = doc.add_paragraph(style="Caption")
    p.add_run(f"{kind} {prefix}")
    _seq(p, kind + prefix, number)
    p.add_run(f": {text}")
    return p


def _cell_text(cell, text: str, *, bold=False, align_right=False, size=None, bold_first=False) -> None:
    # lazy: python-docx is loaded only when a Word file is read or written
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
    # lazy: python-docx is loaded only when a Word file is read or written
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader")
    h.set(qn("w:val"), "true")
    trpr.append(h)
    cs = OxmlElement("w:cantSplit")
    trpr.append(cs)


def _fix_table_width(table, widths_cm) -> None:
    # lazy: python-docx is loaded only when a Word file is read or written
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


def _add_table(doc, p: PresentationTable, available_cm: float, *, size: float = TABLE_PT) -> None:
    # lazy: python-docx is loaded only when a Word file is read or written
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    number = p.extra.get("number", 0)
    title = p.title
    if p.extra.get("body_label"):
        title += f" (in full; Table {p.extra['body_label']} in the body)"
    _caption(doc, "Table", number, title, prefix="A" if p.extra.get("annex") else "")
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
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:
        look.set(qn("w:firstColumn"), "0")
    for j, (cell, col) in enumerate(zip(table.rows[0].cells, p.columns)):
        _cell_text(cell, col, align_right=p.numeric[j], size=size, bold=True)
    _repeat_header(table.rows[0])
    for row in p.rows:
        cells = table.add_row().cells
        for j, (cell, value) in enumerate(zip(cells, row)):
            _cell_text(
                cell, value, align_right=p.numeric[j], size=size, bold_first=j == 0 and bool(p.extra.get("joint"))
            )
    for row in table.rows[1:]:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    # keep-with-next on the rows' paragraphs (as Word keeps rows together): a short table on one
    # page; a longer one splits, but not before its third row (the header row repeats)
    kept = table.rows[:-1] if len(table.rows) <= KEEP_TOGETHER_ROWS else table.rows[:3]
    if not p.extra.get("annex"):
        for row in kept:
            for cell in row.cells:
                for para in cell.paragraphs:
                    para.paragraph_format.keep_with_next = True
    _fix_table_width(table, widths)
    note = p.note or ""
    if not p.rows:
        note = "No rows: nothing to report." + (" " + note if note else "")
    if p.extra.get("full_label"):
        note = (note + " " if note else "") + f"In full as Table {p.extra['full_label']} in the annex."
    doc.add_paragraph(note, style="Table Note")


def _add_figure(doc, fig: Figure, max_w_cm: float, max_h_cm: float) -> None:
    # lazy: python-docx is loaded only when a Word file is read or written
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

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


def _table_size(doc) -> float:
    size = doc.styles["Briefing Table"].font.size
    return size.pt if size is not None else TABLE_PT


def write_docx(model: Briefing, path) -> Path:
    """Write the briefing model as ``briefing.docx`` (byte-identical on rebuild), in the
    styles of the theme's reference document (``model.theme.reference_docx``, default
    :data:`REFERENCE`).

    Raises
    ------
    toolkit.config.ConfigError
        The reference document cannot be opened or lacks a style of :data:`REQUIRED_STYLES`.
    """
    # lazy: python-docx is loaded only when a Word file is read or written
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Cm, Pt

    doc = _open_reference(model.theme.reference_docx)
    if model.theme.colour_given:
        _apply_colour(doc, model.theme.colour_hex)
    _fixed_properties(doc, model.title, model.theme.organisation)
    size = _table_size(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    if section.page_width > section.page_height:
        section.page_width, section.page_height = section.page_height, section.page_width
    text_w = (section.page_width - section.left_margin - section.right_margin) / 360000  # EMU -> cm
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
        r = p.add_run(
            "Built from the synthetic demo study: the numbers show what the toolkit produces and are "
            "not evidence about any real force."
        )
        r.italic = True
        r.font.size = Pt(9)
    _summary(doc, model)
    for ps in model.pillars:
        if ps is model.pillars[0]:
            doc.add_page_break()
        doc.add_heading(ps.heading, level=1)
        for item in ps.summary:
            doc.add_paragraph(item.text)
        _add_table(doc, ps.joint, text_w, size=size)
        for fig in ps.figures:
            _add_figure(doc, fig, max_w_cm=min(14, text_w), max_h_cm=5.6)
        for t in ps.tables:
            _add_table(doc, t, text_w, size=size)
    doc.add_heading("Methods", level=1)
    # methods and limitations in the smaller print of a briefing's back matter (9 pt)
    for name, text in [*model.methods, ("Disclosure control", model.disclosure)]:
        p = doc.add_paragraph()
        p.add_run(f"{name}. ").bold = True
        p.add_run(text)
        for r in p.runs:
            r.font.size = Pt(9)
    doc.add_heading("Limitations", level=1)
    for text in model.limitations or ["None recorded."]:
        for r in doc.add_paragraph(text, style="List Bullet").runs:
            r.font.size = Pt(9)
    # annex: landscape (the reference's page turned), every table in full
    annex = doc.add_section(WD_SECTION.NEW_PAGE)
    annex.orientation = WD_ORIENT.LANDSCAPE
    annex.page_width, annex.page_height = section.page_height, section.page_width
    annex_w = (annex.page_width - annex.left_margin - annex.right_margin) / 360000
    doc.add_heading("Annex: full tables", level=1)
    doc.add_paragraph(
        "Every published table in full, in presentation form, numbered A1, A2, ... (a table shown in the body "
        "gives its body number too). The analysis tables (every column, numbers as numbers) are in "
        f"tables/*.csv and tables/tables.xlsx. {LEGEND}"
    )
    for fig in model.annex_figures:
        _add_figure(doc, fig, max_w_cm=min(16, annex_w), max_h_cm=9)
    group = object()
    for t in model.annex:
        if t.pillar != group:
            group = t.pillar
            heading = f"{t.pillar.title()}: {PILLAR_TITLES[t.pillar]}" if t.pillar in PILLAR_TITLES else "Other tables"
            doc.add_heading(heading, level=2)
        _add_table(doc, t, annex_w, size=size)
    path = Path(path)
    doc.save(path)
    return fix_zip(path)
