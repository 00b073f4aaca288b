"""Read a CSV file the way Excel and survey tools save it, keeping row numbers.

Every cell is returned as text (``""`` for an empty cell) so nothing is
reinterpreted on the way in (leading zeros of ids survive, codes stay codes).
Type conversion happens later, driven by the data dictionary.

Handled: UTF-8, UTF-8 with byte-order mark (Excel's "CSV UTF-8"), Windows
cp1252 (Excel's plain "CSV" on a UK/US Windows machine), comma, semicolon or tab
separators (Excel in locales with a decimal comma saves ``;`` with ``3,5``),
CRLF line ends, quoted cells containing line breaks, and blank rows (kept as
empty rows so that row numbers match the file).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from toolkit.errors import FileFormatError

__all__ = ["CsvText", "read_csv_text", "decode_bytes", "detect_separator"]


@dataclass
class CsvText:
    """Cells of a CSV file as text.

    Attributes
    ----------
    header : list of str
        First record, stripped of surrounding spaces.
    rows : pandas.DataFrame
        Every later record (blank ones included), one column per header cell,
        all cells ``str``; the index is the record number in the file
        (header = 1, so the first data record is 2).
    encoding, separator, decimal : str
        What was detected.
    """

    header: list
    rows: pd.DataFrame
    encoding: str
    separator: str
    decimal: str


def decode_bytes(raw: bytes, *, path="") -> tuple[str, str]:
    """Decode file bytes: UTF-8 (with or without BOM), else cp1252.

    Returns the text and the encoding name used.

    >>> decode_bytes("café".encode("cp1252"))
    ('café', 'cp1252')
    >>> decode_bytes(b"\\xef\\xbb\\xbfid")
    ('id', 'utf-8-sig')
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:  # bytes undefined in cp1252 (0x81, 0x8d, ...)
        raise FileFormatError(
            f"Cannot read {path or 'the file'}: it is neither UTF-8 nor Windows-1252 text "
            f"(byte {raw[exc.start]:#04x} at position {exc.start}). Open it in Excel and "
            "save it again as 'CSV UTF-8 (Comma delimited)'."
        ) from None


def detect_separator(text: str) -> str:
    """Separator of a CSV text: the most frequent of ``,``, ``;`` and tab in its first record.

    >>> detect_separator('id;score\\n1;3,5\\n')
    ';'
    >>> detect_separator('id,"a;b"\\n')
    ','
    """
    counts = {}
    for sep in (",", ";", "\t"):
        record = next(csv.reader(io.StringIO(text[:200_000]), delimiter=sep), [""])
        counts[sep] = len(record)
    best = max(counts, key=lambda s: (counts[s], s == ","))
    return best if counts[best] > 1 else ","


def read_csv_text(path) -> CsvText:
    """Read a CSV file as text cells, with the record numbers the user sees.

    Parameters
    ----------
    path : str or pathlib.Path
        CSV file.

    Returns
    -------
    CsvText
        Header, rows (index = record number in the file, header = 1),
        detected encoding, separator and decimal mark (``","`` when the
        separator is ``;``, as Excel writes in decimal-comma locales).

    Raises
    ------
    FileFormatError
        Empty file, undecodable bytes, or a CSV syntax error.
    """
    path = Path(path)
    raw = path.read_bytes()
    text, encoding = decode_bytes(raw, path=path)
    if not text.strip():
        raise FileFormatError(f"{path} is empty: expected a header row of column names.")
    sep = detect_separator(text)
    if encoding in ("utf-8", "utf-8-sig"):
        # UTF-8 bytes (already checked by decode_bytes) go to the parser as they are:
        # handing it the decoded text makes pandas encode it again
        source: io.BytesIO | io.StringIO = io.BytesIO(memoryview(raw)[3:] if encoding == "utf-8-sig" else raw)
    else:
        source = io.StringIO(text)
    try:
        table = pd.read_csv(
            source,
            sep=sep,
            header=None,
            dtype=object,  # Python str cells (pandas' "str" dtype hashes ~2x slower)
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
            encoding="utf-8",
        )
    except (pd.errors.ParserError, ValueError) as exc:
        raise FileFormatError(
            f"Cannot read {path} as CSV (separator {sep!r}): {exc}. Check that every row has "
            "the same number of cells and that quotes are closed."
        ) from None
    header = [str(c).strip() for c in table.iloc[0].tolist()]
    rows = table.iloc[1:]  # copy-on-write: renaming below leaves ``table`` alone
    rows.columns = range(rows.shape[1])
    rows.index = pd.RangeIndex(2, 2 + len(rows))
    return CsvText(
        header=header,
        rows=rows,
        encoding=encoding,
        separator=sep,
        decimal="," if sep == ";" else ".",
    )
