"""Excel error cells (``#N/A``, ``#DIV/0!``, ...) of one XLSX sheet.

python-calamine's ``to_python`` gives an error cell as ``""``, the value of an empty cell, so a
``#N/A`` left by a formula would read as a blank answer and no problem would be reported.
openpyxl gives the error's text, and so does :func:`error_cells`: it looks for the error type
(``t="e"``) in the sheet's XML, streamed in chunks, and only when one is there reads the cells
that carry it. A sheet without error cells costs one pass of inflating its XML; a cell whose
position cannot be read from its reference (a writer leaving out ``r="B6"``) sends the search
to openpyxl's read-only reader, which reads every cell (slow, but only then).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import unescape

from lxml import etree

__all__ = ["error_cells"]

_MARKERS = (b't="e"', b"t='e'")
_CHUNK = 1 << 20
_CELL_TAG = re.compile(rb"<(?:[\w.-]+:)?c\s([^>]*)>")
_REF = re.compile(rb"""(?<![\w:.-])r\s*=\s*["']([A-Z]{1,3})([0-9]+)["']""")
_TYPE_E = re.compile(rb"""(?<![\w:.-])t\s*=\s*["']e["']""")
_VALUE = re.compile(rb"<(?:[\w.-]+:)?v>([^<]*)</(?:[\w.-]+:)?v>")
_CELL_END = re.compile(rb"</(?:[\w.-]+:)?c>")
#: the workbook's own XML is read without entities, DTDs or the network (as qdpx's parser)
_SAFE = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def error_cells(path, sheet: str) -> dict:
    """Error cells of sheet ``sheet`` of workbook ``path``.

    Returns
    -------
    dict
        ``(row, column)`` counted from 0 (row 0 = Excel row 1, column 0 = column A) -> the
        error's text as Excel shows it (``"#N/A"``); empty when the sheet has none.
    """
    with zipfile.ZipFile(path) as z:
        member = _sheet_member(z, sheet)
        if member is None:
            return _openpyxl_errors(path, sheet)
        if not _has_marker(z, member):
            return {}
        data = z.read(member)
    found = _parse(data)
    return _openpyxl_errors(path, sheet) if found is None else found


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sheet_member(z: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip member holding sheet ``sheet``: its relationship id in ``xl/workbook.xml``,
    that id's target in the workbook's ``.rels`` (namespaces ignored: transitional and strict)."""
    try:
        book = etree.fromstring(z.read("xl/workbook.xml"), etree.XMLParser(**_SAFE))
        rels = etree.fromstring(z.read("xl/_rels/workbook.xml.rels"), etree.XMLParser(**_SAFE))
    except (KeyError, etree.XMLSyntaxError):
        return None
    rid = None
    for el in book.iter(tag=etree.Element):
        if _local(el.tag) == "sheet" and el.get("name") == sheet:
            rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), None)
            break
    for el in rels.iter(tag=etree.Element):
        if _local(el.tag) == "Relationship" and el.get("Id") == rid and rid is not None:
            target = el.get("Target", "")
            member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            return member if member in z.namelist() else None
    return None


def _has_marker(z: zipfile.ZipFile, member: str) -> bool:
    tail = b""
    with z.open(member) as f:
        while chunk := f.read(_CHUNK):
            window = tail + chunk
            if any(m in window for m in _MARKERS):
                return True
            tail = window[-8:]
    return False


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def _parse(data: bytes) -> dict | None:
    """Error cells found by their type attribute; ``None`` when one has no usable reference."""
    found: dict = {}
    starts = [data.find(m) for m in _MARKERS]
    while any(s >= 0 for s in starts):
        k = min((s, i) for i, s in enumerate(starts) if s >= 0)[1]
        pos = starts[k]
        starts[k] = data.find(_MARKERS[k], pos + 1)
        tag = _CELL_TAG.match(data, data.rfind(b"<", 0, pos))
        if tag is None or pos > tag.end() or not _TYPE_E.search(tag.group(1)):
            continue  # the marker is not the type of a cell (text, another element)
        ref = _REF.search(tag.group(1))
        if ref is None:
            return None
        if tag.group(1).endswith(b"/"):
            continue  # <c r="A1" t="e"/>: no value
        end = _CELL_END.search(data, tag.end())
        value = _VALUE.search(data, tag.end(), end.start() if end else len(data))
        if value is not None:
            row, col = int(ref.group(2)) - 1, _column(ref.group(1))
            found[(row, col)] = unescape(value.group(1).decode("utf-8"))
    return found


def _openpyxl_errors(path, sheet: str) -> dict:
    import openpyxl  # only for a workbook whose error cells cannot be located from the XML

    wb = openpyxl.load_workbook(Path(path), read_only=True, data_only=True)
    try:
        return {
            (cell.row - 1, cell.column - 1): cell.value
            for row in wb[sheet].iter_rows()
            for cell in row
            if getattr(cell, "data_type", None) == "e"
        }
    finally:
        wb.close()
