"""Byte-identical Office files (XLSX, DOCX): fixed document properties and zip dates.

openpyxl and python-docx stamp the current time into ``docProps/core.xml`` and into
every zip member's date, so two builds of the same pack differ. :func:`fix_zip` rewrites
a package with every member dated :data:`FIXED_DATE`, in its original order, and sets
the ``dcterms:created`` / ``dcterms:modified`` properties to the same instant.

>>> import io, zipfile
>>> buf = io.BytesIO()
>>> with zipfile.ZipFile(buf, "w") as z:
...     z.writestr("a.txt", "x")
>>> fixed = fix_zip_bytes(buf.getvalue())
>>> zipfile.ZipFile(io.BytesIO(fixed)).infolist()[0].date_time
(2000, 1, 1, 0, 0, 0)
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

__all__ = ["FIXED_DATE", "FIXED_DATETIME", "fix_zip", "fix_zip_bytes"]

#: the date every member of a written Office package carries
FIXED_DATE = (2000, 1, 1, 0, 0, 0)
FIXED_DATETIME = dt.datetime(*FIXED_DATE)

_STAMP = FIXED_DATETIME.strftime("%Y-%m-%dT%H:%M:%SZ")
_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")
_PRINTED = re.compile(rb"<cp:lastPrinted>[^<]*</cp:lastPrinted>")


def fix_zip_bytes(blob: bytes) -> bytes:
    """The package ``blob`` with fixed member dates and core-property dates."""
    src = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _CORE_DATES.sub(lambda m: m.group(1) + _STAMP.encode() + m.group(3), data)
                data = _PRINTED.sub(b"", data)
            member = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            member.create_system = 0
            dst.writestr(member, data)
    return out.getvalue()


def fix_zip(path) -> Path:
    """Rewrite the Office package at ``path`` in place so that rebuilds are byte-identical."""
    path = Path(path)
    path.write_bytes(fix_zip_bytes(path.read_bytes()))
    return path
