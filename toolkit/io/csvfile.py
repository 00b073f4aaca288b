"""Read a CSV file the way Excel and survey tools save it, keeping row numbers.

Every cell is returned as text (``""`` for an empty cell) so nothing is
reinterpreted on the way in (leading zeros of ids survive, codes stay codes).
Type conversion happens later, driven by the data dictionary.

Handled: UTF-8, UTF-8 with byte-order mark (Excel's "CSV UTF-8"), Windows
cp1252 (Excel's plain "CSV" on a UK/US Windows machine), comma, semicolon or tab
separators (Excel in locales with a decimal comma saves ``;`` with ``3,5``),
CRLF line ends, quoted cells containing line breaks, and blank rows (kept as
empty rows so that row numbers match the file).

Files are parsed by ``pyarrow.csv`` (multi-threaded, every column as text); a file it
cannot read as these rules require (a row with fewer cells than the header) goes to the
pandas C parser, with a log line. A UTF-8 file is checked as UTF-8 in C (pyarrow) and
handed to the parser as it is: only its first record is decoded in Python.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
from pyarrow import csv as pacsv

from toolkit.errors import FileFormatError, check_choice

log = logging.getLogger("toolkit.io")

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
    parser : str
        ``"pyarrow"`` or ``"pandas"``: which parser read the file.
    fallback : str
        Why pyarrow could not read it (``""`` when it did).
    arrays : dict or None
        Read by pyarrow: column position -> the cells of ``rows`` as a
        ``pyarrow.ChunkedArray`` of strings (the same cells, without a copy).
    """

    header: list
    rows: pd.DataFrame
    encoding: str
    separator: str
    decimal: str
    parser: str = "pandas"
    fallback: str = ""
    arrays: dict | None = None


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
        record = next(csv.reader(io.StringIO(text[:200_000], newline=""), delimiter=sep), [""])
        counts[sep] = len(record)
    best = max(counts, key=lambda s: (counts[s], s == ","))
    return best if counts[best] > 1 else ","


#: Parser :func:`read_csv_text` uses by default: ``"auto"`` (pyarrow, falling back to
#: pandas for a file pyarrow cannot parse as the guarantees require), ``"pyarrow"`` or
#: ``"pandas"``. Both give the same cells; the tests compare them on every file form.
DEFAULT_PARSER = "auto"
PARSERS = ("auto", "pyarrow", "pandas")


def read_csv_text(path, *, parser: str | None = None) -> CsvText:
    """Read a CSV file as text cells, with the record numbers the user sees.

    Parameters
    ----------
    path : str or pathlib.Path
        CSV file.
    parser : {"auto", "pyarrow", "pandas"}, optional
        ``"pyarrow"``: multi-threaded ``pyarrow.csv`` (every column as text).
        ``"pandas"``: the pandas C parser. ``"auto"`` (default: :data:`DEFAULT_PARSER`)
        tries pyarrow and falls back to pandas when pyarrow cannot read the file as
        the rules above require (a row with fewer cells than the header, which
        pandas pads with empty cells), logging why on the ``toolkit.io`` logger; ``parser`` in the result
        says which one read the file. The cells are the same either way.

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
    parser = DEFAULT_PARSER if parser is None else parser
    check_choice(parser, PARSERS, argument="parser", function="read_csv_text")
    path = Path(path)
    raw = _read_bytes(path)
    source = _decode(raw, path)
    if source.is_empty():
        raise FileFormatError(f"{path} is empty: expected a header row of column names.")
    read, arrays, used, fallback = None, None, parser, ""
    if parser in ("auto", "pyarrow"):
        parsed, fallback = _parse_pyarrow(source)
        used = "pyarrow"
        if parsed is None:
            if parser == "pyarrow":
                raise FileFormatError(f"pyarrow cannot read {path} as CSV: {fallback}")
            log.info("%s: read with the pandas CSV parser (pyarrow could not: %s)", path.name, fallback)
            used = "pandas"
        else:
            read, arrays = parsed
    if read is None:
        table = _parse_pandas(source)
        header = [str(c).strip() for c in table.iloc[0].tolist()]
        rows = table.iloc[1:]  # copy-on-write: renaming below leaves ``table`` alone
    else:
        header, rows = read
    rows.columns = range(rows.shape[1])
    rows.index = pd.RangeIndex(2, 2 + len(rows))
    return CsvText(
        header=header,
        rows=rows,
        encoding=source.encoding,
        separator=source.separator,
        decimal="," if source.separator == ";" else ".",
        parser=used,
        fallback=fallback,
        arrays=arrays,
    )


#: Characters of the file decoded to find its separator and width (its first record)
_HEAD_CHARS = 200_000


def _read_bytes(path: Path) -> bytes:
    """The file's bytes. Read into memory, not memory-mapped: a mapped file that another
    program truncates while it is parsed (a sync client rewriting it) kills the process
    with SIGBUS instead of raising an error; the copy costs about 10 ms at 250,000 x 80."""
    return path.read_bytes()


def _is_utf8(data) -> bool:
    """Whether ``data`` (bytes or memoryview) is valid UTF-8, as ``bytes.decode("utf-8")``
    judges it, checked in C by pyarrow without building a Python string."""
    buf = pa.py_buffer(data)
    offsets = pa.py_buffer(np.array([0, len(buf)], dtype=np.int64))
    try:
        pa.LargeStringArray.from_buffers(1, offsets, buf).validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _decode(raw, path: Path) -> _Source:
    """The file's encoding and separator; a valid UTF-8 file is not decoded beyond its head."""
    start = raw[:3]
    body = memoryview(raw)[3:] if start == b"\xef\xbb\xbf" else raw
    if not start.startswith((b"\xff\xfe", b"\xfe\xff")) and _is_utf8(body):
        encoding = "utf-8-sig" if body is not raw else "utf-8"
        # up to 4 bytes a character: enough bytes for the first _HEAD_CHARS characters
        head_bytes = bytes(body[: 4 * _HEAD_CHARS + 4])
        head = codecs.getincrementaldecoder("utf-8")().decode(head_bytes, final=len(head_bytes) == len(body))
        text = head if len(head_bytes) == len(body) else None
        head = head[:_HEAD_CHARS]
    else:
        text, encoding = decode_bytes(bytes(raw), path=path)
        head = text[:_HEAD_CHARS]
    return _Source(path=path, raw=raw, text=text, head=head, encoding=encoding, separator=detect_separator(head))


@dataclass(frozen=True)
class _Source:
    """A CSV file's bytes, decoded text and detected encoding and separator."""

    path: Path
    raw: bytes
    text: str | None  # None: valid UTF-8 not decoded (``raw`` is the text)
    head: str  # the first _HEAD_CHARS characters
    encoding: str
    separator: str

    def is_empty(self) -> bool:
        """No character or only white space (as ``not text.strip()``, without copying the file)."""
        if self.text is None and not self.head.isspace():
            return False
        text = self.decoded()
        return not text or text.isspace()

    def has_quote(self) -> bool:
        if self.text is None:
            return self.raw.find(b'"') >= 0  # UTF-8: the byte 0x22 is always the character '"'
        return '"' in self.text

    def utf8(self):
        """The file as UTF-8 bytes (without a byte-order mark), without a copy when it already is."""
        if self.encoding == "utf-8":
            return self.raw
        if self.encoding == "utf-8-sig":
            return memoryview(self.raw)[3:]
        return self.decoded().encode("utf-8")

    def decoded(self) -> str:
        """The whole text (a file not in UTF-8 is always decoded; a UTF-8 one is decoded now)."""
        return self.text if self.text is not None else bytes(self.utf8()).decode("utf-8")


def _parse_pandas(src: _Source) -> pd.DataFrame:
    if src.encoding in ("utf-8", "utf-8-sig"):
        # UTF-8 bytes (already checked by decode_bytes) go to the parser as they are:
        # handing it the decoded text makes pandas encode it again
        source: io.BytesIO | io.StringIO = io.BytesIO(src.utf8())
    else:
        source = io.StringIO(src.decoded())
    try:
        return pd.read_csv(
            source,
            sep=src.separator,
            header=None,
            dtype=object,  # Python str cells (pandas' "str" dtype hashes ~2x slower)
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
            encoding="utf-8",
        )
    except (pd.errors.ParserError, ValueError) as exc:
        raise FileFormatError(
            f"Cannot read {src.path} as CSV (separator {src.separator!r}): {exc}. Check that every row has "
            "the same number of cells and that quotes are closed."
        ) from None


def _parse_pyarrow(src: _Source) -> tuple[tuple[tuple[list, pd.DataFrame], dict] | None, str]:
    """Every record as text cells through ``pyarrow.csv`` (multi-threaded).

    Returns the header record and the records below it (positional columns; each column
    a pyarrow string array wrapped without a copy), the same cells as pyarrow arrays (see
    :class:`CsvText`), and ``""``; or ``None`` and the reason pyarrow could
    not read the file with the same result as :func:`_parse_pandas`: pyarrow rejects
    rows with fewer cells than the first record (pandas pads them with empty cells).
    Empty lines are blank rows in both.
    """
    width = len(next(csv.reader(io.StringIO(src.head, newline=""), delimiter=src.separator), [""]))
    names = [f"f{i}" for i in range(width)]
    try:
        table = pacsv.read_csv(
            pa.py_buffer(src.utf8()),
            read_options=pacsv.ReadOptions(column_names=names, use_threads=True),
            parse_options=pacsv.ParseOptions(
                delimiter=src.separator,
                quote_char='"',
                double_quote=True,
                escape_char=False,
                newlines_in_values=src.has_quote(),
                ignore_empty_lines=False,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                check_utf8=False,  # checked as a whole (_decode) or re-encoded from cp1252
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException) as exc:
        return None, str(exc).splitlines()[0]
    header = [str(table.column(j)[0].as_py()).strip() for j in range(width)]
    arrays = {j: table.column(j).slice(1) for j in range(width)}
    rows = pd.DataFrame({j: pd.arrays.ArrowExtensionArray(a) for j, a in arrays.items()}, copy=False)
    return ((header, rows), arrays), ""
