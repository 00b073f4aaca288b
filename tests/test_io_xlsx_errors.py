"""Excel error cells found in the sheet XML (python-calamine gives them as ""), checked against
openpyxl's read-only reader (``data_type == "e"``), the reference the XLSX reader had before."""

from __future__ import annotations

import re
import zipfile

import openpyxl

from toolkit.io import sources
from toolkit.io.xlsx_errors import _sheet_member, error_cells


def _openpyxl_errors(path, sheet):
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return {
            (c.row - 1, c.column - 1): c.value
            for row in wb[sheet].iter_rows()
            for c in row
            if getattr(c, "data_type", None) == "e"
        }
    finally:
        wb.close()


def _two_sheets(path):
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "Clean"
    first.append(["rid", "score"])
    first.append(["A001", 1])
    second = wb.create_sheet("Formulas")
    second.append(["rid", "score", "note"])
    second.append(["A001", "#DIV/0!", "ok"])
    second.append(["A002", 3, "#N/A"])
    second.append(["A003", "#REF!", "#NAME?"])
    wb.save(path)


def test_errors_of_the_named_sheet_only(tmp_path):
    path = tmp_path / "two.xlsx"
    _two_sheets(path)
    assert error_cells(path, "Clean") == {}
    want = {(1, 1): "#DIV/0!", (2, 2): "#N/A", (3, 1): "#REF!", (3, 2): "#NAME?"}
    assert error_cells(path, "Formulas") == want == _openpyxl_errors(path, "Formulas")
    cells = sources.read_cells(path, sheet="Formulas").cells
    assert cells.loc[2, 1] == "#DIV/0!" and cells.loc[4, 2] == "#NAME?"  # row 2 = Excel row 2


def test_error_marker_inside_text_is_not_an_error(tmp_path):
    path = tmp_path / "text.xlsx"
    wb = openpyxl.Workbook(write_only=True)  # inline strings: the text is in the sheet XML
    ws = wb.create_sheet("S")
    ws.append(["rid", "note"])
    ws.append(["A001", "set t=\"e\" and t='e' here"])
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        assert b't="e"' in z.read("xl/worksheets/sheet1.xml")
    assert error_cells(path, "S") == {}


def _rewrite_sheet(src, dst, fix):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, fix(data) if info.filename.startswith("xl/worksheets/") else data)


def test_cells_without_reference_fall_back_to_openpyxl(tmp_path):
    path, bare = tmp_path / "two.xlsx", tmp_path / "bare.xlsx"
    _two_sheets(path)
    _rewrite_sheet(path, bare, lambda xml: re.sub(rb'<c r="[A-Z]+[0-9]+"', b"<c", xml))
    with zipfile.ZipFile(bare) as z:
        assert b"<c r=" not in z.read("xl/worksheets/sheet2.xml")
    assert error_cells(bare, "Formulas") == error_cells(path, "Formulas")


def test_formula_before_value_and_single_quotes(tmp_path):
    path, other = tmp_path / "two.xlsx", tmp_path / "other.xlsx"
    _two_sheets(path)

    def fix(xml):  # as another writer may put it: formula first, single-quoted attributes
        xml = xml.replace(b'<c r="B2" t="e"><v>', b"<c r='B2' t='e'><f>1/0</f><v>")
        return xml

    _rewrite_sheet(path, other, fix)
    with zipfile.ZipFile(other) as z:
        assert b"<c r='B2' t='e'><f>1/0</f>" in z.read("xl/worksheets/sheet2.xml")
    assert error_cells(other, "Formulas") == error_cells(path, "Formulas")


def test_workbook_xml_with_entities_is_not_expanded(tmp_path):
    """A workbook.xml declaring entities (a "billion laughs" bomb) is read without expanding
    them: the look-up of the sheet finds nothing by that name and gives up at once."""
    path = tmp_path / "bomb.xlsx"
    _two_sheets(path)
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(
            b'<!ENTITY %s "%s">' % (f"e{i}".encode(), (b"&a;" if i == 0 else b"&e%d;" % (i - 1)) * 10) for i in range(9)
        )
        + b']><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        b' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        b'<sheets><sheet name="&e8;" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    rebuilt = tmp_path / "rebuilt.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(rebuilt, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, bomb if item.filename == "xl/workbook.xml" else src.read(item.filename))
    with zipfile.ZipFile(rebuilt) as z:
        assert _sheet_member(z, "Formulas") is None  # the entity is not expanded into a name
