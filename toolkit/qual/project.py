"""A coded qualitative project as four tidy tables, mirroring the REFI-QDA standard.

``sources``  one row per transcript or document: ``id, kind, name, text, case``
``cases``    one row per participant / unit: ``id, pseudonym`` plus attribute columns
``codebook`` one row per code: ``id, name, parent, definition, pillar``
``segments`` one row per coded stretch of text: ``source, case, start, end, text, code, coder``

Offsets are 0-based Unicode code point positions into the source text, end exclusive
(``text[start:end]`` in Python). Extra columns in any table are kept as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from toolkit.errors import DataValidationError, FileFormatError, ParameterError

__all__ = ["QualProject", "PILLARS", "SOURCE_COLUMNS", "CASE_COLUMNS", "CODEBOOK_COLUMNS", "SEGMENT_COLUMNS"]

#: The four pillars of the national recommendations, in their published order.
PILLARS = ("recognition", "training", "reporting", "support")
SOURCE_COLUMNS = ("id", "kind", "name", "text", "case")
CASE_COLUMNS = ("id", "pseudonym")
CODEBOOK_COLUMNS = ("id", "name", "parent", "definition", "pillar")
SEGMENT_COLUMNS = ("source", "case", "start", "end", "text", "code", "coder")
REPORT_COLUMNS = ("file", "row", "column", "value", "problem", "expected", "severity")

_STR = pd.StringDtype(na_value=np.nan)


def _long_text(values: list, index) -> pd.Series:
    """Long Python strings (source texts, coded passages) as a text column, copied once
    into one Arrow buffer (``pandas.Series(values, dtype="str")`` takes about three times
    the text in memory on the way); missing values or other objects: the plain way."""
    if not all(type(v) is str for v in values):
        return pd.Series(values, index=index, dtype=_STR)

    ascii_only = all(v.isascii() for v in values)  # (a flag CPython keeps: no scan)
    lengths = np.fromiter(
        (len(v) if ascii_only else len(v.encode("utf-8")) for v in values), dtype=np.int64, count=len(values)
    )
    offsets = np.zeros(len(values) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    data = np.empty(int(offsets[-1]), dtype=np.uint8)
    for v, start, n in zip(values, offsets[:-1].tolist(), lengths.tolist()):
        if n:
            data[start : start + n] = np.frombuffer(v.encode("ascii" if ascii_only else "utf-8"), dtype=np.uint8)
    arr = pa.LargeStringArray.from_buffers(len(values), pa.py_buffer(offsets), pa.py_buffer(data))
    return pd.Series(_STR.__from_arrow__(arr), index=index)


def _text_col(series: pd.Series) -> pd.Series:
    """Strings with missing values as NaN; numbers read from Excel (``7.0``) become ``'7'``."""
    if series.dtype != object and not isinstance(series.dtype, pd.StringDtype) and series.isna().all():
        return pd.Series(np.nan, index=series.index, dtype=_STR)  # an empty column (all missing)
    if pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
        # strings (and missing values) only: convert in one step, blank strings -> NaN
        out = series.astype(_STR)
        blank = (out.str.strip() == "").to_numpy(dtype=bool, na_value=False)
        return out.mask(blank) if blank.any() else out

    def conv(v):
        if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA:
            return np.nan
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        s = str(v)
        return s if s.strip() != "" else np.nan

    return pd.Series([conv(v) for v in series], index=series.index, dtype=_STR)


def _short(value, width: int = 60) -> str:
    s = str(value)
    return s if len(s) <= width else s[: width - 3] + "..."


@dataclass(frozen=True)
class _Origin:
    """Where a table came from, to number rows as the user sees them."""

    file: str
    first_row: int  # number of the first data row in that file

    def row(self, position: int) -> int:
        return self.first_row + position


def _memory_origins() -> dict[str, _Origin]:
    return {t: _Origin(f"{t} table", 1) for t in ("sources", "cases", "codebook", "segments")}


class QualProject:
    """A coded qualitative project: sources, cases, codebook and coded segments.

    Parameters
    ----------
    sources : pandas.DataFrame
        ``id`` (str), ``kind`` ("interview", "document" or another label), ``name``,
        ``text`` (full plain text), ``case`` (case id, or missing for documents).
    cases : pandas.DataFrame
        ``id``, ``pseudonym`` and any attribute columns (``role``, ``rank_band``, ...).
    codebook : pandas.DataFrame
        ``id``, ``name``, ``parent`` (code id or missing), ``definition``, ``pillar``
        (one of ``recognition, training, reporting, support`` or missing).
    segments : pandas.DataFrame
        ``source``, ``case`` (filled from the source when missing), ``start``, ``end``
        (0-based code point offsets, end exclusive), ``text`` (filled from the source
        when missing; otherwise it must equal ``source_text[start:end]``), ``code``,
        ``coder``.
    name : str, optional
        Name of the project.

    Raises
    ------
    toolkit.errors.DataValidationError
        Listing every problem found (unknown source / case / code ids, duplicate ids,
        offsets out of range, segment text that does not match its source), each with
        the table, row and column.

    Notes
    -----
    Segments are stored in a canonical order: by source (in the order of ``sources``),
    ``start``, ``end``, ``code``, ``coder``. Identifiers are strings.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.qual.project import QualProject
    >>> p = QualProject(
    ...     sources=pd.DataFrame({"id": ["S1"], "kind": ["interview"], "name": ["P01"],
    ...                           "text": ["I: Any abuse?\\nP01: It is part of the job."],
    ...                           "case": ["C1"]}),
    ...     cases=pd.DataFrame({"id": ["C1"], "pseudonym": ["Tigger"], "role": ["Inspector"]}),
    ...     codebook=pd.DataFrame({"id": ["REC", "REC.norm"], "name": ["Recognition", "Normalisation"],
    ...                            "parent": [None, "REC"], "definition": ["", "Harm seen as normal"],
    ...                            "pillar": ["recognition", "recognition"]}),
    ...     segments=pd.DataFrame({"source": ["S1"], "start": [19], "end": [41],
    ...                            "code": ["REC.norm"], "coder": ["A"]}),
    ... )
    >>> p.segments.loc[0, "text"]
    'It is part of the job.'
    >>> p.code_path("REC.norm")
    'Recognition > Normalisation'
    >>> p.descendants("REC")
    ['REC.norm']
    """

    #: Set by :func:`toolkit.qual.qdpx.read_qdpx` (None otherwise): one row per coding
    #: imported, the anchoring convention of each source, and file-level adjustments.
    import_report: pd.DataFrame | None = None
    import_conventions: pd.DataFrame | None = None
    import_notes: list[str] | None = None
    #: Set by the synthetic demo (:mod:`toolkit.synth.qual`): the truth it was generated from.
    truth: dict | None = None

    def __init__(self, sources, cases, codebook, segments, name=None, *, _origins=None):
        origins = _origins or _memory_origins()
        self.name = name
        problems: list[dict] = []
        self.sources = self._tidy_sources(sources)
        self.cases = self._tidy_cases(cases)
        self.codebook = self._tidy_codebook(codebook)
        self.segments = self._tidy_segments(segments)
        self._validate(problems, origins)
        if problems:
            raise DataValidationError(pd.DataFrame(problems, columns=list(REPORT_COLUMNS)))
        self.segments = self._sorted_segments(self.segments)

    # ------------------------------------------------------------------ tidying
    @staticmethod
    def _frame(data, table: str, required) -> pd.DataFrame:
        if not isinstance(data, pd.DataFrame):
            raise ParameterError(
                f"The '{table}' parameter of QualProject must be a pandas DataFrame. Got {type(data).__name__} instead."
            )
        missing = [c for c in required if c not in data.columns]
        if missing:
            raise DataValidationError(
                pd.DataFrame(
                    [
                        {
                            "file": f"{table} table",
                            "row": None,
                            "column": c,
                            "value": None,
                            "problem": f"required column '{c}' is missing; add it (it may be empty "
                            "where the README says so)",
                            "expected": f"columns {list(required)}",
                            "severity": "error",
                        }
                        for c in missing
                    ],
                    columns=list(REPORT_COLUMNS),
                )
            )
        return data.reset_index(drop=True).copy()

    def _tidy_sources(self, data) -> pd.DataFrame:
        df = self._frame(data, "sources", ("id", "text"))
        for col in ("kind", "name", "case"):
            if col not in df.columns:
                df[col] = np.nan
        for col in ("id", "kind", "name", "case"):
            df[col] = _text_col(df[col])
        df["kind"] = df["kind"].fillna("interview")
        df["name"] = df["name"].fillna(df["id"])
        # the texts as Python strings, kept for the validation (one conversion each way)
        texts = ["" if (v is None or (isinstance(v, float) and np.isnan(v))) else str(v) for v in df["text"]]
        self._texts = texts
        df["text"] = _long_text(texts, df.index)
        return df[list(SOURCE_COLUMNS) + [c for c in df.columns if c not in SOURCE_COLUMNS]]

    def _tidy_cases(self, data) -> pd.DataFrame:
        df = self._frame(data, "cases", ("id",))
        if "pseudonym" not in df.columns:
            df["pseudonym"] = np.nan
        df["id"] = _text_col(df["id"])
        df["pseudonym"] = _text_col(df["pseudonym"])
        return df[list(CASE_COLUMNS) + [c for c in df.columns if c not in CASE_COLUMNS]]

    def _tidy_codebook(self, data) -> pd.DataFrame:
        df = self._frame(data, "codebook", ("id", "name"))
        for col in ("parent", "definition", "pillar"):
            if col not in df.columns:
                df[col] = np.nan
        for col in CODEBOOK_COLUMNS:
            df[col] = _text_col(df[col])
        df["pillar"] = df["pillar"].str.strip().str.lower()
        return df[list(CODEBOOK_COLUMNS) + [c for c in df.columns if c not in CODEBOOK_COLUMNS]]

    def _tidy_segments(self, data) -> pd.DataFrame:
        df = self._frame(data, "segments", ("source", "start", "end", "code"))
        for col in ("case", "text", "coder"):
            if col not in df.columns:
                df[col] = np.nan
        for col in ("source", "case", "code", "coder"):
            df[col] = _text_col(df[col])
        # kept as Python objects until the validation has filled it in (converted once)
        text = df["text"]
        if text.isna().all():
            df["text"] = pd.Series(np.full(len(df), np.nan, dtype=object), index=df.index, dtype=object)
        else:
            df["text"] = pd.Series(
                [
                    np.nan if (v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v))) else str(v)
                    for v in text
                ],
                index=df.index,
                dtype=object,
            )
        return df[list(SEGMENT_COLUMNS) + [c for c in df.columns if c not in SEGMENT_COLUMNS]]

    def _sorted_segments(self, df: pd.DataFrame) -> pd.DataFrame:
        # (source ids are unique and known here: the validation passed)
        key = pd.Index(self.sources["id"].to_numpy(dtype=object)).get_indexer(df["source"].to_numpy(dtype=object))
        out = (
            df.assign(_k=key)
            .sort_values(["_k", "start", "end", "code", "coder"], kind="mergesort", na_position="last")
            .drop(columns="_k")
            .reset_index(drop=True)
        )
        out["start"] = out["start"].astype("int64")
        out["end"] = out["end"].astype("int64")
        out["text"] = _long_text(out["text"].tolist(), out.index)
        return out

    # --------------------------------------------------------------- validation
    def _validate(self, problems: list, origins: dict) -> None:
        def add(table, pos, column, value, problem, expected):
            o = origins[table]
            problems.append(
                {
                    "file": o.file,
                    "row": None if pos is None else o.row(int(pos)),
                    "column": column,
                    "value": None if value is None else _short(value),
                    "problem": problem,
                    "expected": expected,
                    "severity": "error",
                }
            )

        for table, df in (("sources", self.sources), ("cases", self.cases), ("codebook", self.codebook)):
            for pos in np.flatnonzero(df["id"].isna().to_numpy()).tolist():
                add(table, pos, "id", None, "id is empty; give every row an identifier", "a non-empty id")
            dup = df["id"].duplicated(keep="first") & df["id"].notna()
            for pos in np.flatnonzero(dup.to_numpy()).tolist():
                add(
                    table,
                    pos,
                    "id",
                    df["id"].iat[pos],
                    "duplicate id (an earlier row has the same id); make ids unique",
                    "unique ids",
                )

        case_ids = set(self.cases["id"].dropna())
        for pos, c in enumerate(self.sources["case"]):
            if isinstance(c, str) and c not in case_ids:
                add(
                    "sources",
                    pos,
                    "case",
                    c,
                    "case id not found in the cases table; add the case or correct the id",
                    "an id from cases.id or empty",
                )

        code_ids = set(self.codebook["id"].dropna())
        for pos, (cid, par) in enumerate(zip(self.codebook["id"], self.codebook["parent"])):
            if isinstance(par, str) and par not in code_ids:
                add(
                    "codebook",
                    pos,
                    "parent",
                    par,
                    "parent code not found in the codebook; add it or leave parent empty",
                    "an id from codebook.id or empty",
                )
        for pos, p in enumerate(self.codebook["pillar"]):
            if isinstance(p, str) and p not in PILLARS:
                add("codebook", pos, "pillar", p, "unknown pillar", f"one of {list(PILLARS)} or empty")
        # cycles in the hierarchy
        parent = dict(zip(self.codebook["id"], self.codebook["parent"]))
        for pos, cid in enumerate(self.codebook["id"]):
            seen, cur = set(), cid
            while isinstance(cur, str) and cur in parent:
                if cur in seen:
                    add(
                        "codebook",
                        pos,
                        "parent",
                        parent.get(cid),
                        "the parent chain loops back on itself; break the cycle",
                        "a tree of codes",
                    )
                    break
                seen.add(cur)
                cur = parent[cur]

        texts = dict(zip(self.sources["id"], self._texts))
        del self._texts
        src_case = dict(zip(self.sources["id"], self.sources["case"]))
        seg = self.segments
        starts = pd.to_numeric(seg["start"], errors="coerce")
        ends = pd.to_numeric(seg["end"], errors="coerce")
        filled_text, filled_case = seg["text"].tolist(), seg["case"].tolist()
        # plain lists: indexing a pandas column per segment dominates on large projects
        src_l, code_l = seg["source"].tolist(), seg["code"].tolist()
        text_l, case_l = seg["text"].tolist(), seg["case"].tolist()
        start_raw, end_raw = seg["start"].tolist(), seg["end"].tolist()
        start_v, end_v = starts.tolist(), ends.tolist()
        for pos in self._segments_needing_checks(
            seg, starts, ends, texts, src_case, code_ids, filled_text, filled_case
        ):
            src, code = src_l[pos], code_l[pos]
            s, e = start_v[pos], end_v[pos]
            if not isinstance(src, str) or src not in texts:
                add(
                    "segments",
                    pos,
                    "source",
                    src,
                    "source id not found in the sources table; correct the id or add the source",
                    "an id from sources.id",
                )
                src = None
            if not isinstance(code, str) or code not in code_ids:
                add(
                    "segments",
                    pos,
                    "code",
                    code,
                    "code id not found in the codebook; add the code or correct the id",
                    "an id from codebook.id",
                )
            got = text_l[pos]
            if pd.isna(s) and pd.isna(e) and isinstance(got, str) and src is not None:
                # text given without offsets (e.g. a coded reference pasted from NVivo):
                # place it if it occurs exactly once in the source
                hits = _find_all(texts[src], got)
                if len(hits) == 1:
                    s = start_v[pos] = float(hits[0])
                    e = end_v[pos] = float(hits[0] + len(got))
                else:
                    add(
                        "segments",
                        pos,
                        "text",
                        got,
                        (
                            f"start/end are empty and the text occurs {len(hits)} times in source "
                            f"'{src}'; give start and end"
                            if hits
                            else f"start/end are empty and the text is not found in source '{src}'; "
                            "correct the text or give start and end"
                        ),
                        "text occurring exactly once, or start and end",
                    )
                    continue
            bad_num = False
            for col, v, raw in (("start", s, start_raw[pos]), ("end", e, end_raw[pos])):
                if pd.isna(v) or float(v) != int(v):
                    add(
                        "segments",
                        pos,
                        col,
                        raw,
                        "offset is not a whole number",
                        "a 0-based character position (integer)",
                    )
                    bad_num = True
            case = case_l[pos]
            if src is not None:
                sc = src_case[src]
                if not isinstance(case, str):
                    filled_case[pos] = sc
                elif case != sc:
                    add(
                        "segments",
                        pos,
                        "case",
                        case,
                        f"segment case differs from the case of source '{src}' ({sc}); "
                        "correct it or leave it empty to take the source's case",
                        f"{sc!r} or empty",
                    )
            if src is None or bad_num:
                continue
            s, e = int(s), int(e)
            full = texts[src]
            if not (0 <= s < e <= len(full)):
                add(
                    "segments",
                    pos,
                    "start/end",
                    f"{s}-{e}",
                    f"selection lies outside source '{src}' (its text has {len(full)} characters) "
                    "or is empty; offsets are 0-based code points, end exclusive",
                    f"0 <= start < end <= {len(full)}",
                )
                continue
            actual = full[s:e]
            if not isinstance(got, str):
                filled_text[pos] = actual
            elif got != actual:
                hint = ""
                found = full.find(got)
                if found >= 0:
                    hint = (
                        f" The segment text does occur at start={found}, "
                        f"end={found + len(got)}; the offsets may follow another convention."
                    )
                add(
                    "segments",
                    pos,
                    "text",
                    got,
                    f"segment text does not match source '{src}' at {s}:{e}, which reads "
                    f"{_short(actual)!r}.{hint} Correct the offsets or the text",
                    "the source slice",
                )
        seg["start"] = pd.Series(start_v, index=seg.index, dtype=starts.dtype)
        seg["end"] = pd.Series(end_v, index=seg.index, dtype=ends.dtype)
        # (Python strings until the rows are sorted: converted to text once, in order)
        seg["text"] = pd.Series(filled_text, index=seg.index, dtype=object)
        seg["case"] = pd.Series(filled_case, index=seg.index, dtype=_STR)

    @staticmethod
    def _segments_needing_checks(seg, starts, ends, texts, src_case, code_ids, filled_text, filled_case) -> np.ndarray:
        """Positions of the segments that need the row-by-row checks; the others (known
        source and code, whole offsets in range, case and text absent or agreeing) are
        filled in here with array operations."""
        n = len(seg)
        if n == 0:
            return np.arange(0)
        src = seg["source"]
        ids = list(texts)  # dict keys: unique
        where = pd.Index(ids, dtype=object).get_indexer(src.to_numpy(dtype=object))  # -1: unknown source
        known_src = where >= 0
        known = known_src & seg["code"].isin(list(code_ids)).to_numpy()
        s = starts.to_numpy(dtype=float, na_value=np.nan)
        e = ends.to_numpy(dtype=float, na_value=np.nan)
        lengths = np.array([len(texts[k]) for k in ids] + [np.nan], dtype=float)
        length = lengths[where]  # -1 picks the NaN at the end
        with np.errstate(invalid="ignore"):
            ok = (
                known
                & np.isfinite(s)
                & np.isfinite(e)
                & (s == np.round(s))
                & (e == np.round(e))
                & (s >= 0)
                & (s < e)
                & (e <= length)
            )
        case_of = np.empty(len(ids) + 1, dtype=object)
        case_of[:-1] = [src_case[k] for k in ids]
        case_of[-1] = np.nan
        sc_arr = case_of[where]
        case = seg["case"]
        missing_case = case.isna().to_numpy()
        if not missing_case.all():
            case_arr = case.to_numpy(dtype=object)
            same = np.array([a == b for a, b in zip(case_arr.tolist(), sc_arr.tolist())], dtype=bool)
            ok &= missing_case | same
        idx = np.flatnonzero(ok)
        src_l = src.to_numpy(dtype=object)[idx].tolist()
        s_l, e_l = s[idx].astype(np.int64).tolist(), e[idx].astype(np.int64).tolist()
        sc_l = sc_arr[idx].tolist()
        for j, pos in enumerate(idx.tolist()):
            actual = texts[src_l[j]][s_l[j] : e_l[j]]
            got = filled_text[pos]
            if not isinstance(got, str):
                filled_text[pos] = actual
            elif got != actual:
                ok[pos] = False  # the row-by-row check reports it
                continue
            if not isinstance(filled_case[pos], str):
                filled_case[pos] = sc_l[j]
        return np.flatnonzero(~ok)

    # ------------------------------------------------------------------ helpers
    def __repr__(self) -> str:
        return (
            f"QualProject(name={self.name!r}, sources={len(self.sources)}, "
            f"cases={len(self.cases)}, codes={len(self.codebook)}, "
            f"segments={len(self.segments)})"
        )

    def _hierarchy(self) -> _Hierarchy:
        """Parents, ancestors and descendants of every code, built in one pass over the
        codebook and cached until the codebook's ids or parents change."""
        book = self.codebook
        key = (tuple(book["id"].to_numpy(dtype=object)), tuple(book["parent"].to_numpy(dtype=object)))
        cached = getattr(self, "_hier", None)
        if cached is None or cached.key != key:
            cached = self._hier = _Hierarchy.build(key)
        return cached

    def _check_code(self, code: str) -> _Hierarchy:
        hier = self._hierarchy()
        if code not in hier.parent:
            known = self.codebook["id"].tolist()
            raise ParameterError(
                f"Code {code!r} is not in the codebook. Known codes: "
                f"{known[:30] + (['...'] if len(known) > 30 else [])}."
            )
        return hier

    def ancestors(self, code: str) -> list[str]:
        """Ids of the parents of ``code``, nearest first."""
        return list(self._check_code(code).ancestors[code])

    def code_path(self, code: str, *, sep: str = " > ") -> str:
        """Names from the top-level code down to ``code``, joined by ``sep``."""
        names = dict(zip(self.codebook["id"], self.codebook["name"]))
        chain = [code] + self.ancestors(code)
        return sep.join(str(names[c]) for c in reversed(chain))

    def descendants(self, code: str, *, include_self: bool = False) -> list[str]:
        """Ids of every code below ``code`` (children, grandchildren, ...), in codebook order."""
        out = list(self._check_code(code).descendants[code])
        return ([code] if include_self else []) + out

    def rollup(self) -> dict[str, list[str]]:
        """Every code mapped to itself and its descendants (codebook order): what a parent
        code gathers when counts roll up the hierarchy. One pass over the codebook."""
        d = self._hierarchy().descendants
        return {c: [c, *d[c]] for c in d}

    def case_attributes(self) -> list[str]:
        """Names of the attribute columns of ``cases`` (everything but id and pseudonym)."""
        return [c for c in self.cases.columns if c not in CASE_COLUMNS]

    # -------------------------------------------------------------------- CSV
    @classmethod
    def from_csv(cls, folder, *, name=None) -> QualProject:
        """Read ``sources.csv``, ``cases.csv``, ``codebook.csv`` and ``segments.csv``.

        The layout is that of ``data-templates/qual/``. In ``sources.csv`` the text may be
        given in the ``text`` column or, for long texts (Excel cells hold at most 32,767
        characters), in a UTF-8 ``.txt`` file named in a ``file`` column (relative to
        ``folder``). Row numbers in error messages are those Excel shows (header = row 1).
        """
        folder = Path(folder)
        tables, origins = {}, {}
        for table in ("sources", "cases", "codebook", "segments"):
            path = folder / f"{table}.csv"
            if not path.exists():
                raise FileFormatError(
                    f"File {path} not found. A qualitative project folder needs sources.csv, "
                    "cases.csv, codebook.csv and segments.csv (see data-templates/qual/README.md)."
                )
            try:
                df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8-sig")
            except (UnicodeDecodeError, pd.errors.ParserError) as exc:
                raise FileFormatError(
                    f"File {path} cannot be read as UTF-8 CSV ({exc}). In Excel use "
                    "'Save As > CSV UTF-8 (Comma delimited)'."
                ) from exc
            tables[table] = df
            origins[table] = _Origin(str(path), 2)
        src = tables["sources"]
        if "file" in src.columns:
            texts = []
            for i, (text, file) in enumerate(zip(src.get("text", [np.nan] * len(src)), src["file"])):
                if isinstance(file, str) and file.strip() and not isinstance(text, str):
                    p = folder / file
                    if not p.exists():
                        raise FileFormatError(
                            f"File {folder / 'sources.csv'}, row {i + 2}, column 'file': "
                            f"{file!r} not found (looked for {p}). Put the text file there or "
                            "correct the path (relative to the project folder)."
                        )
                    texts.append(_read_text_file(p))
                else:
                    texts.append(text)
            src = src.drop(columns="file").assign(text=texts)
            tables["sources"] = src
        seg = tables["segments"]
        for col in ("start", "end"):
            if col in seg.columns:
                num = pd.to_numeric(seg[col], errors="coerce")
                seg[col] = num.astype(object).where(num.notna(), seg[col])
        tables["segments"] = seg
        return cls(
            tables["sources"], tables["cases"], tables["codebook"], tables["segments"], name=name, _origins=origins
        )

    def to_csv(self, folder) -> list[Path]:
        """Write the four tables (template layout); source texts go to ``sources/<id>.txt``."""
        folder = Path(folder)
        (folder / "sources").mkdir(parents=True, exist_ok=True)
        paths = []
        files = []
        for sid, text in zip(self.sources["id"], self.sources["text"]):
            rel = f"sources/{_safe_name(sid)}.txt"
            (folder / rel).write_bytes(text.encode("utf-8"))
            files.append(rel)
            paths.append(folder / rel)
        src = self.sources.drop(columns="text").assign(file=files, text=np.nan)
        src = src[
            ["id", "kind", "name", "case", "file", "text"]
            + [c for c in src.columns if c not in ("id", "kind", "name", "case", "file", "text")]
        ]
        for table, df in (
            ("sources", src),
            ("cases", self.cases),
            ("codebook", self.codebook),
            ("segments", self.segments),
        ):
            path = folder / f"{table}.csv"
            df.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
            paths.append(path)
        return paths


@dataclass(frozen=True)
class _Hierarchy:
    """The code tree: parent, ancestors (nearest first) and descendants (codebook order)."""

    key: tuple
    parent: dict
    ancestors: dict
    descendants: dict

    @classmethod
    def build(cls, key: tuple) -> _Hierarchy:
        ids, parents = key
        parent = {c: (p if isinstance(p, str) else None) for c, p in zip(ids, parents)}
        ancestors: dict = {}

        def chain(c):  # memoised walk up: each code's chain is built once
            if c in ancestors:
                return ancestors[c]
            out, cur, seen = [], parent.get(c), {c}
            while cur is not None and cur not in seen:
                if cur in ancestors:
                    out.extend([cur, *ancestors[cur]])
                    break
                out.append(cur)
                seen.add(cur)
                cur = parent.get(cur)
            ancestors[c] = tuple(out)
            return ancestors[c]

        descendants: dict = {c: [] for c in ids}
        for c in ids:  # codebook order, so every list is in codebook order
            for a in chain(c):
                if a in descendants:
                    descendants[a].append(c)
        return cls(key, parent, ancestors, {c: tuple(v) for c, v in descendants.items()})


def _find_all(text: str, sub: str) -> list[int]:
    out, i = [], text.find(sub)
    while i >= 0:
        out.append(i)
        i = text.find(sub, i + 1)
    return out


def _safe_name(text: str) -> str:
    keep = "".join(ch if (ch.isalnum() or ch in "-_.") else "_" for ch in text)
    return keep or "source"


def _read_text_file(path: Path) -> str:
    """UTF-8 text exactly as stored (a leading BOM removed, line endings kept)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileFormatError(
            f"File {path} is not UTF-8 text (byte {exc.start}). Save it as UTF-8 "
            "(in Notepad: Save As > Encoding UTF-8)."
        ) from exc
    return text[1:] if text.startswith("\ufeff") else text
