"""Read a CSV file the way Excel and survey tools save it, keeping row numbers.

Every cell is returned as text (``""`` for an empty cell) so nothing is
reinterpreted on the way in (leading zeros of ids survive, codes stay codes).
Type conversion happens later, driven by the data dictionary.

Handled: UTF-8, UTF-8 with byte-order mark (Excel's "CSV UTF-8"), Windows
cp1252 (Excel's plain "CSV" on a UK/US Windows machine), comma, semicolon or tab
separators (Excel in locales with a decimal comma saves ``;`` with ``3,5``),
CRLF line ends, quoted cells containing line breaks, and blank rows (kept as
empty rows so that row numbers match the file).

Files are parsed by ``pyarrow.csv`` (multi-threaded, every column as text,
dictionary-encoded as it is read); a file it cannot read as these rules require (a
row with fewer cells than the header) goes to the pandas C parser, with a log line.
"""

from __future__ import annotations

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
    codes : dict or None
        Read by pyarrow: column position -> (codes of ``rows``, distinct values as an
        object array), the dictionary encoding pyarrow made while parsing.
    """

    header: list
    rows: pd.DataFrame
    encoding: str
    separator: str
    decimal: str
    parser: str = "pandas"
    fallback: str = ""
    codes: dict | None = None


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
    raw = path.read_bytes()
    text, encoding = decode_bytes(raw, path=path)
    if not text or text.isspace():  # as `not text.strip()`, without copying the file
        raise FileFormatError(f"{path} is empty: expected a header row of column names.")
    sep = detect_separator(text)
    source = _Source(path=path, raw=raw, text=text, encoding=encoding, separator=sep)
    table, codes, used, fallback = None, None, parser, ""
    if parser in ("auto", "pyarrow"):
        parsed, fallback = _parse_pyarrow(source)
        used = "pyarrow"
        if parsed is None:
            if parser == "pyarrow":
                raise FileFormatError(f"pyarrow cannot read {path} as CSV: {fallback}")
            log.info("%s: read with the pandas CSV parser (pyarrow could not: %s)", path.name, fallback)
            used = "pandas"
        else:
            table, codes = parsed
    if table is None:
        table = _parse_pandas(source)
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
        parser=used,
        fallback=fallback,
        codes=codes,
    )


@dataclass(frozen=True)
class _Source:
    """A CSV file's bytes, decoded text and detected encoding and separator."""

    path: Path
    raw: bytes
    text: str
    encoding: str
    separator: str

    def utf8(self):
        """The file as UTF-8 bytes (without a byte-order mark), without a copy when it already is."""
        if self.encoding == "utf-8":
            return self.raw
        if self.encoding == "utf-8-sig":
            return memoryview(self.raw)[3:]
        return self.text.encode("utf-8")


def _parse_pandas(src: _Source) -> pd.DataFrame:
    if src.encoding in ("utf-8", "utf-8-sig"):
        # UTF-8 bytes (already checked by decode_bytes) go to the parser as they are:
        # handing it the decoded text makes pandas encode it again
        source: io.BytesIO | io.StringIO = io.BytesIO(src.utf8())
    else:
        source = io.StringIO(src.text)
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


def _parse_pyarrow(src: _Source) -> tuple[tuple[pd.DataFrame, dict] | None, str]:
    """Every record as text cells through ``pyarrow.csv`` (multi-threaded).

    Returns the table (header record included, positional columns; each column a
    pyarrow dictionary array wrapped without a copy), the codes and distinct values of
    each column below the header (see :class:`CsvText`), and ``""``; or
    ``None`` and the reason pyarrow could not read the file with the same result as
    :func:`_parse_pandas`: pyarrow rejects rows with fewer cells than the first record
    (pandas pads them with empty cells). Empty lines are blank rows in both.
    """
    width = len(next(csv.reader(io.StringIO(src.text[:200_000], newline=""), delimiter=src.separator), [""]))
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
                newlines_in_values='"' in src.text,
                ignore_empty_lines=False,
            ),
            convert_options=pacsv.ConvertOptions(
                # each column dictionary-encoded while it is parsed (every thread its own
                # blocks): the distinct values and the codes the conversion works on
                column_types={c: pa.dictionary(pa.int32(), pa.string()) for c in names},
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                check_utf8=False,  # decode_bytes checked it
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException) as exc:
        return None, str(exc).splitlines()[0]
    table = table.unify_dictionaries()
    frame = pd.DataFrame(
        {j: pd.Series(pd.arrays.ArrowExtensionArray(table.column(j)), copy=False) for j in range(width)},
        copy=False,
    )
    codes = {}
    for j in range(width):
        col = table.column(j)
        chunks = [c.indices.to_numpy(zero_copy_only=False) for c in col.chunks]
        idx = chunks[0] if len(chunks) == 1 else np.concatenate(chunks)
        codes[j] = (idx[1:], col.chunk(0).dictionary.to_numpy(zero_copy_only=False))
    return (frame, codes), ""
