"""``toolkit audit-pack``: check a built evidence pack from its files alone, as an
information-governance officer (or an intruder) would.

Checks, each a row of the verdict table:

``private files``
    Nothing private sits in the pack: no disclosure record with true values, validation
    report, excluded rows, executed notebooks.
``manifest``
    The manifest names withheld cells and rules only (no ``value``, ``lower``,
    ``upper``) and holds no absolute path.
``small counts``
    No count of people in ``1 .. k-1`` in any published table (CSV, and every sheet of
    ``tables.xlsx``): the cells the manifest declares as counts, and every column
    named like a count (``n``, ``n_*``, ``Total``, ``Wave 1``...) not declared as
    counting something other than people.
``withheld values``
    A cell withheld in the CSV is withheld in the XLSX too; with the private record
    beside the pack (``../private/disclosure_record.csv``), no withheld cell shows a
    value in any table.
``counts in text``
    No sentence, label or cell text of any published file (findings and summary in
    ``index.html``, DOCX paragraphs, XLSX strings, SVG text, CSV cells, ``findings.json``,
    ``log.txt``) states a count of people in ``1 .. k-1``, a complement under ``k``
    (``44 of 50 managers``, ``45 (90%)``), or, with the private record beside the pack,
    the true value of a withheld cell that no published count shows
    (:func:`toolkit.disclosure.text.screen`, the reader the gate uses).
``free text``
    With ``--study``: no survey free text, no text typed into a coded column, no incident
    note and no interview passage appears in any published file (HTML, CSV, JSON, TXT,
    SVG, and the XML inside DOCX and XLSX).
``joint attack``
    The linear-programming attack of :func:`toolkit.disclosure.gate.lp_attack`, rebuilt
    from the published CSVs and the relations listed in the manifest: no withheld cell
    (or complement ``n - n_events``) can be bounded below ``k``.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile
from pathlib import Path

import pandas as pd

from toolkit.config import StudyConfig, load_study
from toolkit.dictionary import load_dictionary
from toolkit.disclosure.gate import Cell, lp_attack
from toolkit.disclosure.result import MARKER
from toolkit.disclosure.text import screen
from toolkit.qual.project import QualProject
from toolkit.qual.qdpx import read_qdpx

__all__ = ["audit_pack", "published_text", "study_free_text", "text_units"]

_COUNT_NAME = re.compile(r"^(n|n_[a-z_]+|count|counts|cases|respondents|incidents|Wave \d+|Total)$")
_PRIVATE_NAMES = ("disclosure_record", "validation_report", "excluded_rows")
_TEXT_SUFFIXES = (".html", ".htm", ".csv", ".json", ".txt", ".svg", ".md", ".xml")


def published_text(pack: Path) -> str:
    """Every published file's text (zip members of DOCX / XLSX included), whitespace
    collapsed and HTML / XML entities decoded."""
    chunks = []
    for path in sorted(Path(pack).rglob("*")):
        if not path.is_file():
            continue
        if path.suffix.lower() in _TEXT_SUFFIXES:
            chunks.append(path.read_text(encoding="utf-8", errors="replace"))
        elif path.suffix.lower() in (".docx", ".xlsx", ".zip", ".odt", ".ods"):
            with zipfile.ZipFile(path) as z:
                for name in z.namelist():
                    if name.endswith((".xml", ".rels", ".txt", ".csv", ".svg")):
                        chunks.append(z.read(name).decode("utf-8", errors="replace"))
    text = html.unescape(html.unescape("\n".join(chunks)))
    text = re.sub(r"<[^>]{0,200}>", " ", text)  # tags split a sentence over runs / cells
    return re.sub(r"\s+", " ", text)


_INLINE = r"(?:a|abbr|b|strong|em|i|span|small|sup|sub|code|mark|u|s|bdi|bdo|time|data|q|cite)"


def _xml_units(xml: str, unit: str, piece: str) -> list[str]:
    """Text of each ``unit`` element (its ``piece`` elements joined), entities decoded."""
    out = []
    for m in re.finditer(rf"<{unit}[\s>].*?</{unit}>|<{unit}>.*?</{unit}>", xml, flags=re.S):
        parts = re.findall(rf"<{piece}(?:\s[^>]*)?>(.*?)</{piece}>", m.group(0), flags=re.S)
        out.append(html.unescape("".join(parts)))
    return out


def _html_units(text: str) -> list[str]:
    text = re.sub(r"<(style|script)\b.*?</\1>", " ", text, flags=re.S | re.I)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(rf"</?{_INLINE}\b[^>]*>", "", text, flags=re.I)  # inline markup joins its words
    text = re.sub(r"<[^>]*>", "\n", text)  # every other tag ends a block
    return [html.unescape(line).strip() for line in text.split("\n") if line.strip()]


def _svg_units(text: str) -> list[str]:
    units = [
        html.unescape(re.sub(r"<[^>]*>", "", t)) for t in re.findall(r"<text\b[^>]*>(.*?)</text>", text, flags=re.S)
    ]
    units += [
        html.unescape(t)
        for t in re.findall(r"<title>(.*?)</title>|<desc>(.*?)</desc>", text, flags=re.S)
        for t in t
        if t
    ]
    # matplotlib draws text as glyph paths and writes the string in a comment beside them
    units += [html.unescape(t).strip() for t in re.findall(r"<!--(.*?)-->", text, flags=re.S)]
    return units


def _json_strings(obj) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _json_strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in _json_strings(v)]
    return []


def text_units(pack: Path) -> list[tuple[str, str]]:
    """The prose of every published file, as ``(file, text)`` units a sentence cannot
    cross: HTML blocks (inline markup joined), SVG ``<text>`` elements and the strings
    matplotlib writes beside its glyphs, DOCX paragraphs (runs joined), XLSX strings,
    CSV cells, JSON strings (findings; the manifest is checked on its own), lines of
    text files."""
    pack = Path(pack)
    out: list[tuple[str, str]] = []
    for path in sorted(pack.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(pack).as_posix()
        suffix = path.suffix.lower()
        if suffix in (".docx", ".xlsx", ".odt", ".ods", ".zip"):
            try:
                z = zipfile.ZipFile(path)
            except zipfile.BadZipFile:
                continue
            with z:
                for name in z.namelist():
                    if not name.endswith(".xml") or name.startswith("docProps/") or "theme" in name:
                        continue
                    xml = z.read(name).decode("utf-8", errors="replace")
                    units = []
                    if name.startswith("word/"):
                        units = _xml_units(xml, "w:p", "w:t")
                    elif name.startswith("xl/"):
                        units = (
                            _xml_units(xml, "si", "t")
                            + _xml_units(xml, "is", "t")
                            + [
                                html.unescape(v)
                                for v in re.findall(r'<c [^>]*t="str"[^>]*>.*?<v>(.*?)</v>', xml, flags=re.S)
                            ]
                        )
                    out += [(f"{rel}[{name}]", u) for u in units if u.strip()]
            continue
        if suffix not in _TEXT_SUFFIXES:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if suffix in (".html", ".htm"):
            units = _html_units(text)
        elif suffix == ".svg":
            units = _svg_units(text)
        elif suffix == ".json":
            if path.name == "manifest.json":
                continue
            try:
                units = _json_strings(json.loads(text))
            except ValueError:
                units = text.splitlines()
        elif suffix == ".csv":
            units = [c for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for c in row]
        else:
            units = text.splitlines()
        out += [(rel, u) for u in units if u and u.strip()]
    return out


def _sentences(text: str, min_len: int) -> set[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", str(text))
    return {re.sub(r"\s+", " ", p).strip() for p in parts if len(p.strip()) >= min_len}


def study_free_text(study, *, min_len: int = 8) -> dict[str, set[str]]:
    """Free text of a study's inputs, by origin: survey text and coded columns, incident
    notes and free-text columns, interview passages (sentences of 25+ characters)."""
    out: dict[str, set[str]] = {"survey": set(), "incidents": set(), "interviews": set()}
    survey = study.path("survey", "data")
    if survey is not None and survey.exists():
        dictionary = load_dictionary(study.path("survey", "dictionary")) if study.path("survey", "dictionary") else None
        raw = (
            (
                pd.read_excel(survey, dtype=str)
                if survey.suffix.lower() in (".xlsx", ".xls")
                else pd.read_csv(survey, dtype=str, encoding="utf-8-sig")
            )
            if survey.suffix.lower() != ".sav"
            else None
        )
        if raw is not None:
            for col in raw.columns:
                values = raw[col].dropna().astype(str).str.strip()
                kind = dictionary.type(col) if dictionary is not None and col in dictionary.variables else None
                if kind in ("id", "date"):
                    continue
                codes = set()
                if dictionary is not None and col in dictionary.variables:
                    try:
                        codes = {str(c) for c in dictionary.codes(col)}
                    except Exception:  # noqa: BLE001 - a variable without codes
                        codes = set()
                for v in values.unique():
                    if len(v) < min_len or v in codes or re.fullmatch(r"[-+0-9.,:;/ ]+", v):
                        continue
                    if kind == "text" or codes or kind is None or not re.fullmatch(r"[-+0-9.eE]+", v):
                        out["survey"].add(v)
    incidents = study.path("evaluate", "incidents")
    if incidents is not None and incidents.exists():
        inc = pd.read_csv(incidents, dtype=str, encoding="utf-8-sig")
        for col in inc.columns:
            values = inc[col].dropna().astype(str).str.strip()
            if not len(values):
                continue
            free = col.lower() in ("notes", "note", "comments", "comment", "description", "text", "details") or (
                values.nunique() > 0.5 * len(values) and values.str.contains(" ").mean() > 0.5
            )
            if free:
                out["incidents"] |= {v for v in values.unique() if len(v) >= min_len}
    interviews = study.path("qual", "interviews")
    if interviews is not None and interviews.exists():
        if interviews.suffix.lower() == ".qdpx":
            project = read_qdpx(interviews)
        else:
            project = QualProject.from_csv(interviews)
        for text in list(project.sources.get("text", pd.Series(dtype=str)).dropna()) + list(
            project.segments.get("text", pd.Series(dtype=str)).dropna()
        ):
            for line in str(text).splitlines():
                speaker, sep, said = line.partition(":")
                if sep and speaker.strip().lower() == "interviewer":
                    continue
                out["interviews"] |= _sentences(said if sep and len(speaker) < 30 else line, 25)
    return out


def _read_tables(pack: Path) -> dict[str, pd.DataFrame]:
    tables = {}
    for path in sorted((pack / "tables").glob("*.csv")):
        tables[path.stem] = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False, na_values=[""])
    return tables


def _row_keys(df: pd.DataFrame, key) -> list[str]:
    """The row labels of a written table as its cells are declared in the manifest: the
    ``key`` columns' values joined by " | " (numbered " #i" when they repeat), or "#i"
    without key columns."""
    key = [c for c in key or [] if c in df.columns]
    if not key:
        return [f"#{i + 1}" for i in range(len(df))]
    keys = [" | ".join(str(v) for v in rec) for rec in df[key].astype(object).itertuples(index=False)]
    if len(set(keys)) != len(keys):
        keys = [f"{rk} #{i + 1}" for i, rk in enumerate(keys)]
    return keys


def _number(v):
    try:
        x = float(str(v).replace(",", ""))
    except (TypeError, ValueError):
        return None
    return None if x != x else x


def audit_pack(pack, *, study=None, private=None) -> pd.DataFrame:
    """Audit a built evidence pack; return the verdict table.

    Parameters
    ----------
    pack : path
        The ``evidence-pack`` folder.
    study : path to study.yml or StudyConfig, optional
        The study's inputs, to look for their free text in the pack.
    private : path, optional
        The private folder (default: ``private`` beside the pack, when present).

    Returns
    -------
    pandas.DataFrame
        One row per finding and per check passed: ``check``, ``status`` (``"pass"`` or
        ``"FAIL"``), ``file``, ``detail``. ``attrs["safe"]`` is True when nothing failed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> pack = pathlib.Path(tempfile.mkdtemp()) / "evidence-pack"
    >>> (pack / "tables").mkdir(parents=True)
    >>> _ = (pack / "tables" / "t.csv").write_text("group,n\\na,3\\nb,40\\n")
    >>> verdict = audit_pack(pack)
    >>> verdict.attrs["safe"], verdict.loc[verdict["status"] == "FAIL", "check"].tolist()
    (False, ['manifest', 'small counts'])
    """
    pack = Path(pack)
    rows: list[dict] = []

    def fail(check, file, detail):
        rows.append({"check": check, "status": "FAIL", "file": file, "detail": detail})

    manifest_path = pack / "manifest.json"
    manifest = {}
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    else:
        fail("manifest", "manifest.json", "no manifest: the threshold and the withheld cells are unknown")
    k = int(manifest.get("disclosure_threshold", 10))
    rounding = (manifest.get("disclosure_settings") or {}).get("rounding")
    structure = manifest.get("disclosure_structure") or {}
    not_people = manifest.get("not_people") or {}

    # private files
    for path in sorted(pack.rglob("*")):
        rel = path.relative_to(pack).as_posix()
        if path.is_file() and (
            any(n in path.name for n in _PRIVATE_NAMES) or rel.startswith("notebooks/") or path.suffix == ".ipynb"
        ):
            fail("private files", rel, "a private file is inside the pack")

    # manifest
    for i, action in enumerate(manifest.get("disclosure_actions") or []):
        leaked = sorted({"value", "lower", "upper"} & set(action))
        if leaked:
            fail("manifest", "manifest.json", f"disclosure action {i} ({action.get('table')}) gives {leaked}")
            break
    if manifest_path.exists():
        text = manifest_path.read_text(encoding="utf-8")
        paths = re.findall(r'"((?:/|[A-Za-z]:\\\\)[^"]+)"', text)
        if paths:
            fail("manifest", "manifest.json", f"{len(paths)} absolute path(s), e.g. {paths[0]!r}")

    # small counts
    tables = _read_tables(pack)
    declared: dict[str, set[tuple[str, str]]] = {}  # count cells declared by the report
    for entry in structure.get("counts", []):
        t, r, c = entry.split("\t")
        declared.setdefault(t, set()).add((r, c))
    meta = structure.get("tables", {})

    cells: dict = {}  # Cell -> published value or None (withheld)
    for name, df in tables.items():
        keys = _row_keys(df, (meta.get(name) or {}).get("key"))
        others = set(not_people.get(name) or {})
        check_cols = {c for c in df.columns if _COUNT_NAME.match(str(c)) and c not in others}
        for r, c in declared.get(name, set()):
            check_cols.add(c)
        small = []
        for col in check_cols:
            if col not in df.columns:
                continue
            for rk, v in zip(keys, df[col]):
                x = _number(v)
                if (rk, col) in declared.get(name, set()):
                    cells[Cell(name, rk, col)] = x
                if x is not None and 0 < x < k:
                    small.append(f"[{rk!r}, {col!r}] = {x:g}")
        if small:
            fail(
                "small counts",
                f"tables/{name}.csv",
                f"{len(small)} count(s) of people under {k}: " + "; ".join(small[:5]),
            )
    xlsx = pack / "tables" / "tables.xlsx"
    if xlsx.exists():
        book = pd.read_excel(xlsx, sheet_name=None, dtype=str)
        for sheet, df in book.items():
            name = next((n for n in tables if n[:31] == sheet), sheet)
            others = set(not_people.get(name) or {})
            small = []
            for col in df.columns:
                if _COUNT_NAME.match(str(col)) and col not in others:
                    for i, v in enumerate(df[col]):
                        x = _number(v)
                        if x is not None and 0 < x < k:
                            small.append(f"[row {i + 2}, {col!r}] = {x:g}")
            if small:
                fail(
                    "small counts",
                    f"tables/tables.xlsx[{sheet}]",
                    f"{len(small)} count(s) under {k}: " + "; ".join(small[:5]),
                )
            if name in tables and tables[name].shape == df.shape:
                csv_blank = tables[name].isna().to_numpy()
                xl_blank = (df.isna() | df.eq(MARKER)).to_numpy()  # withheld cells show [c] in the workbook
                shown = int((csv_blank & ~xl_blank).sum())
                if shown:
                    fail(
                        "withheld values",
                        f"tables/tables.xlsx[{sheet}]",
                        f"{shown} cell(s) withheld in the CSV show a value in the workbook",
                    )

    # withheld values against the private record
    private = Path(private) if private is not None else pack.parent / "private"
    record = private / "disclosure_record.csv"
    if record.exists():
        rec = pd.read_csv(record, dtype=str, keep_default_na=False)
        published_withheld = []
        for r in rec.itertuples(index=False):
            ce = Cell(r.table, r.row, r.column)
            if ce in cells and cells[ce] is not None:
                published_withheld.append(str(ce))
        if published_withheld:
            fail(
                "withheld values",
                "tables/",
                f"{len(published_withheld)} withheld cell(s) published: " + "; ".join(published_withheld[:5]),
            )

    # counts of people in sentences, labels and text cells
    shown_counts = set()
    for name, df in tables.items():
        others = set(not_people.get(name) or {})
        cols = {c for c in df.columns if _COUNT_NAME.match(str(c)) and c not in others}
        cols |= {c for r, c in declared.get(name, set())}
        for col in cols & set(df.columns):
            shown_counts |= {x for x in map(_number, df[col]) if x is not None}
    withheld_counts = []
    if record.exists():
        rec_values = pd.read_csv(record, dtype={"value": float}, keep_default_na=False, na_values=[""])
        if "rule" in rec_values.columns:
            rec_values = rec_values[~rec_values["rule"].isin(["estimate", "term"])]
        withheld_counts = [float(v) for v in rec_values.get("value", []) if v == v]
    problems: dict[str, list[str]] = {}
    for where, text in text_units(pack):
        if not re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|single)\b", text, flags=re.I):
            continue
        found = screen(text, threshold=k, withheld=withheld_counts, published=shown_counts)
        if found:
            problems.setdefault(where, []).extend(found)
    for where, found in problems.items():
        fail("counts in text", where, f"{len(found)} sentence(s) state a count they may not: " + "; ".join(found[:3]))

    # free text
    if study is not None:
        cfg = study if isinstance(study, StudyConfig) else load_study(study)
        text = published_text(pack)
        for origin, strings in study_free_text(cfg).items():
            found = sorted(s for s in strings if re.sub(r"\s+", " ", s) in text)
            if found:
                fail("free text", "(pack)", f"{len(found)} {origin} text(s) published, e.g. {found[0][:60]!r}")

    # joint attack from the published files
    if structure.get("constraints") is not None:

        def as_cell(t):
            return Cell(str(t[0]), str(t[1]), str(t[2]))

        cons = []
        for con in structure["constraints"]:
            coeffs = {as_cell(c): float(c[3]) for c in con["cells"]}
            cons.append((coeffs, con["sense"]))
        pairs = [(as_cell(e), as_cell(b)) for e, b in structure.get("pairs", [])]
        every = set(cells)
        for coeffs, _ in cons:
            every |= set(coeffs)
        missing = [c for c in every if c not in cells]
        published = {c: v for c, v in cells.items() if v is not None}
        unknown = [c for c, v in cells.items() if v is None] + missing
        derived = lp_attack(
            published=published, unknown=unknown, constraints=cons, pairs=pairs, threshold=k, half=(rounding or 0) / 2
        )
        for expr, lo, hi in derived[:50]:
            what = f"{expr[1]} - {expr[0]}" if isinstance(expr, tuple) else str(expr)
            fail(
                "joint attack",
                f"tables/{(expr[0] if isinstance(expr, tuple) else expr).table}.csv",
                f"{what} can be derived to lie in [{lo:g}, {hi:g}], below {k}",
            )

    checks = [
        "private files",
        "manifest",
        "small counts",
        "withheld values",
        "counts in text",
        "free text",
        "joint attack",
    ]
    failed = {r["check"] for r in rows}
    for check in checks:
        if check not in failed:
            detail = "not checked (give --study)" if check == "free text" and study is None else "nothing found"
            rows.append({"check": check, "status": "pass", "file": "", "detail": detail})
    out = pd.DataFrame(rows, columns=["check", "status", "file", "detail"])
    out["order"] = out["check"].map({c: i for i, c in enumerate(checks)})
    out = out.sort_values(["order", "status"], kind="stable").drop(columns="order").reset_index(drop=True)
    out.attrs["safe"] = not failed
    return out
