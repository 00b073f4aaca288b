"""Read and write REFI-QDA projects (``.qdpx``) and codebooks (``.qdc``).

A ``.qdpx`` file is a zip holding ``project.qde`` (XML, namespace
``urn:QDA-XML:project:1.0``) and the sources in ``Sources/`` (``sources/`` in some
tools). A ``.qdc`` file is a codebook on its own (``urn:QDA-XML:codebook:1.0``). This is
the exchange format of NVivo, ATLAS.ti, MAXQDA, QualCoder and Taguette.

Reading is tolerant of known deviations and says what it did, in an import report
(``project.import_report``): positions counted in UTF-16 code units or with ``\\r\\n``
as one character, a byte-order mark, ``Sources/`` vs ``sources/``, namespaces of
pre-1.0 drafts, GUIDs in braces or lower case. A selection whose text cannot be placed is
an error, never silently shifted.
"""

from __future__ import annotations

import json
import uuid
import warnings
import xml.etree.ElementTree as ET
import zipfile
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

import numpy as np
import pandas as pd

from toolkit.errors import DataValidationError, FileFormatError, ParameterError
from toolkit.qual._qdpx_anchor import CONVENTIONS, _Text, matching, place
from toolkit.qual.project import PILLARS, QualProject

__all__ = ["read_qdpx", "write_qdpx", "read_qdc", "write_qdc", "REPORT_COLUMNS"]

NS_PROJECT = "urn:QDA-XML:project:1.0"
NS_CODEBOOK = "urn:QDA-XML:codebook:1.0"
TOOLKIT_NOTE = "online-harms-toolkit identifiers"
_UUID_NS = uuid.UUID("8f0e2f7c-4a7e-4b8e-9d47-4f2a0d1c6a11")
#: Columns of the import report.
REPORT_COLUMNS = ["source", "selection", "start", "end", "code", "convention", "status",
                  "new_start", "new_end", "message"]


def _guid(kind: str, key: str) -> str:
    """Deterministic GUID (upper case, no braces) for one of our identifiers."""
    return str(uuid.uuid5(_UUID_NS, f"{kind}:{key}")).upper()


def _norm_guid(value) -> str | None:
    if value is None:
        return None
    return str(value).strip().strip("{}").upper()


# ---------------------------------------------------------------------- XML utilities
def _strip_ns(root: ET.Element) -> str | None:
    """Remove namespaces from every tag (in place); return the root's namespace."""
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else None
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith("{"):
            el.tag = el.tag.split("}", 1)[1]
    return ns


def _parse_xml(data: bytes, where: str) -> tuple[ET.Element, str | None]:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line, col = exc.position
        raise FileFormatError(
            f"{where} is not well-formed XML (line {line}, column {col}): {exc}. Export the "
            "project again from your QDA software."
        ) from exc
    return root, _strip_ns(root)


def _check_namespace(ns, expected: str, where: str, notes: list) -> None:
    if ns != expected:
        notes.append(f"{where}: namespace {ns!r} instead of {expected!r} (an older draft of the "
                     "standard or a tool's variant); read as {expected!r}")
        warnings.warn(f"{where} uses namespace {ns!r}; read as {expected}", stacklevel=3)


def _desc(el: ET.Element) -> str | float:
    d = el.find("Description")
    return d.text if d is not None and d.text else np.nan


# ---------------------------------------------------------------------- codebook
def _codes_from(codes_el: ET.Element | None) -> pd.DataFrame:
    rows = []

    def walk(el, parent):
        for code in el.findall("Code"):
            gid = _norm_guid(code.get("guid"))
            rows.append({"id": gid, "name": code.get("name"), "parent": parent,
                         "definition": _desc(code), "pillar": np.nan,
                         "color": code.get("color", np.nan)})
            walk(code, gid)

    if codes_el is not None:
        walk(codes_el, np.nan)
    return pd.DataFrame(rows, columns=["id", "name", "parent", "definition", "pillar", "color"])


def read_qdc(path) -> pd.DataFrame:
    """Read a REFI-QDA codebook (``.qdc``) into a codebook table.

    Parameters
    ----------
    path : str or Path

    Returns
    -------
    pandas.DataFrame
        ``id`` (the code's GUID, upper case without braces), ``name``, ``parent``
        (GUID or missing), ``definition`` (the code's Description), ``pillar`` (missing:
        REFI-QDA has no such field; fill it in before analysis by pillar), ``color``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from toolkit.qual.qdpx import read_qdc, write_qdc
    >>> from toolkit.synth.qual import make_interviews
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "codebook.qdc"
    >>> _ = write_qdc(make_interviews(1), path)
    >>> read_qdc(path)[["name", "parent"]].head(2)
                                name                                parent
    0                    Recognition                                   NaN
    1  Normalisation: part of the job  ...
    """
    path = Path(path)
    if not path.exists():
        raise FileFormatError(f"File {path} not found.")
    root, ns = _parse_xml(path.read_bytes(), str(path))
    if root.tag != "CodeBook":
        raise FileFormatError(
            f"{path} is not a REFI-QDA codebook: its root element is <{root.tag}>, expected "
            "<CodeBook>. For a whole project use read_qdpx."
        )
    notes: list[str] = []
    _check_namespace(ns, NS_CODEBOOK, str(path), notes)
    book = _codes_from(root.find("Codes"))
    dup = book["id"][book["id"].duplicated()]
    if len(dup):
        raise FileFormatError(f"{path}: code GUID {dup.iloc[0]} appears more than once.")
    book.attrs["notes"] = notes
    return book


def _codes_xml(parent_el: ET.Element, codebook: pd.DataFrame, guid_of) -> None:
    children: dict = {}
    for rec in codebook.to_dict("records"):
        key = rec["parent"] if isinstance(rec["parent"], str) else None
        children.setdefault(key, []).append(rec)

    def add(el, key):
        for rec in children.get(key, []):
            attrs = {"guid": guid_of(rec["id"]), "name": str(rec["name"]), "isCodable": "true"}
            color = rec.get("color")
            if isinstance(color, str) and color.startswith("#"):
                attrs["color"] = color
            code = ET.SubElement(el, "Code", attrs)
            if isinstance(rec["definition"], str):
                ET.SubElement(code, "Description").text = rec["definition"]
            add(code, rec["id"])

    add(parent_el, None)


def _codebook_guid(cid: str) -> str:
    return cid if _is_guid(cid) else _guid("code", cid)


def _is_guid(value: str) -> bool:
    try:
        uuid.UUID(str(value).strip("{}"))
    except ValueError:
        return False
    return True


def write_qdc(codebook, path, *, origin: str = "online-harms-toolkit") -> Path:
    """Write a codebook (a codebook table or a QualProject) as a REFI-QDA ``.qdc`` file.

    Code ids that are not GUIDs get a deterministic GUID (the same one
    :func:`write_qdpx` uses), so a codebook and a project exported from the toolkit match.
    """
    if isinstance(codebook, QualProject):
        codebook = codebook.codebook
    if not isinstance(codebook, pd.DataFrame) or not {"id", "name", "parent"} <= set(codebook):
        raise ParameterError(
            "The 'codebook' parameter of write_qdc must be a QualProject or a codebook table "
            "with columns id, name, parent, definition."
        )
    book = codebook.copy()
    if "definition" not in book:
        book["definition"] = np.nan
    root = ET.Element("CodeBook", {"xmlns": NS_CODEBOOK, "origin": origin})
    _codes_xml(ET.SubElement(root, "Codes"), book, _codebook_guid)
    ET.SubElement(root, "Sets")
    path = Path(path)
    ET.indent(root)
    path.write_bytes(b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "utf-8"))
    return path


# ---------------------------------------------------------------------- write project
def _value_element(value) -> tuple[str, str]:
    if isinstance(value, (bool, np.bool_)):
        return "BooleanValue", "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return "IntegerValue", str(int(value))
    if isinstance(value, (float, np.floating)):
        return "FloatValue", repr(float(value))
    return "TextValue", str(value)


def _type_of(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "Boolean"
    if pd.api.types.is_integer_dtype(series):
        return "Integer"
    if pd.api.types.is_float_dtype(series):
        return "Float"
    return "Text"


def write_qdpx(project: QualProject, path, *, origin: str = "online-harms-toolkit") -> Path:
    """Write a QualProject as a REFI-QDA project exchange file (``.qdpx``).

    Sources are stored as UTF-8 text in ``Sources/<GUID>.txt``; positions are code
    points (as the standard says); each coded segment is a ``PlainTextSelection`` whose
    ``name`` is the coded text (so any reader can check the positions) with one
    ``Coding``. Cases become ``Case`` elements (name = pseudonym) with their attributes as
    ``Variables``. The toolkit's own identifiers (and source kinds, code pillars) are kept
    in a project note so that :func:`read_qdpx` gives back the same tables.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from pandas.testing import assert_frame_equal
    >>> from toolkit.qual.qdpx import read_qdpx, write_qdpx
    >>> from toolkit.synth.qual import make_interviews
    >>> p = make_interviews(1)
    >>> path = write_qdpx(p, pathlib.Path(tempfile.mkdtemp()) / "demo.qdpx")
    >>> q = read_qdpx(path)
    >>> assert_frame_equal(p.segments, q.segments)
    >>> q.import_report["status"].value_counts().to_dict()
    {'exact': 737}
    """
    if not isinstance(project, QualProject):
        raise ParameterError(
            f"The 'project' parameter of write_qdpx must be a QualProject. "
            f"Got {type(project).__name__} instead."
        )
    stamp = "2024-01-01T00:00:00Z"  # fixed: same project, same bytes
    root = ET.Element("Project", {"xmlns": NS_PROJECT, "origin": origin,
                                  "name": str(project.name or "project"),
                                  "creationDateTime": stamp})
    coders = sorted(project.segments["coder"].dropna().unique().tolist())
    users = ET.SubElement(root, "Users")
    for c in coders:
        ET.SubElement(users, "User", {"guid": _guid("user", c), "name": c})
    cb = ET.SubElement(root, "CodeBook")
    _codes_xml(ET.SubElement(cb, "Codes"), project.codebook, _codebook_guid)
    attrs = project.case_attributes()
    if attrs:
        var_el = ET.SubElement(root, "Variables")
        for a in attrs:
            ET.SubElement(var_el, "Variable", {"guid": _guid("variable", a), "name": str(a),
                                                "typeOf": _type_of(project.cases[a])})
    if len(project.cases):
        cases_el = ET.SubElement(root, "Cases")
        src_by_case = project.sources.groupby("case")["id"].apply(list).to_dict()
        for rec in project.cases.to_dict("records"):
            name = rec["pseudonym"] if isinstance(rec["pseudonym"], str) else rec["id"]
            case_el = ET.SubElement(cases_el, "Case", {"guid": _guid("case", rec["id"]),
                                                       "name": str(name)})
            for a in attrs:
                v = rec[a]
                if v is None or (isinstance(v, float) and np.isnan(v)):
                    continue
                vv = ET.SubElement(case_el, "VariableValue")
                ET.SubElement(vv, "VariableRef", {"targetGUID": _guid("variable", a)})
                tag, text = _value_element(v)
                ET.SubElement(vv, tag).text = text
            for sid in src_by_case.get(rec["id"], []):
                ET.SubElement(case_el, "SourceRef", {"targetGUID": _guid("source", sid)})
    files = {}
    src_el = ET.SubElement(root, "Sources")
    seg_by_source = {s: g for s, g in project.segments.groupby("source", sort=False)}
    for k, rec in enumerate(project.sources.to_dict("records")):
        sg = _guid("source", rec["id"])
        files[f"Sources/{sg}.txt"] = rec["text"].encode("utf-8")
        ts = ET.SubElement(src_el, "TextSource", {"guid": sg, "name": str(rec["name"]),
                                                  "plainTextPath": f"internal://{sg}.txt"})
        seg = seg_by_source.get(rec["id"])
        if seg is None:
            continue
        for j, s in enumerate(seg.to_dict("records")):
            key = f"{rec['id']}:{s['start']}:{s['end']}:{s['code']}:{s['coder']}:{j}"
            sel_attrs = {"guid": _guid("selection", key), "name": s["text"],
                         "startPosition": str(s["start"]), "endPosition": str(s["end"])}
            if isinstance(s["coder"], str):
                sel_attrs["creatingUser"] = _guid("user", s["coder"])
            sel = ET.SubElement(ts, "PlainTextSelection", sel_attrs)
            c_attrs = {"guid": _guid("coding", key)}
            if isinstance(s["coder"], str):
                c_attrs["creatingUser"] = _guid("user", s["coder"])
            coding = ET.SubElement(sel, "Coding", c_attrs)
            ET.SubElement(coding, "CodeRef", {"targetGUID": _codebook_guid(s["code"])})
    ident = {
        "sources": {_guid("source", r["id"]): {"id": r["id"], "kind": r["kind"]}
                    for r in project.sources.to_dict("records")},
        "cases": {_guid("case", c): c for c in project.cases["id"]},
        "codes": {_codebook_guid(r["id"]): {"id": r["id"], "pillar": r["pillar"]
                                            if isinstance(r["pillar"], str) else None}
                  for r in project.codebook.to_dict("records")},
        "order": {"sources": project.sources["id"].tolist(), "cases": project.cases["id"].tolist(),
                  "codes": project.codebook["id"].tolist()},
    }
    notes_el = ET.SubElement(root, "Notes")
    note = ET.SubElement(notes_el, "Note", {"guid": _guid("note", "ids"), "name": TOOLKIT_NOTE})
    ET.SubElement(note, "PlainTextContent").text = json.dumps(ident, sort_keys=True)
    ET.indent(root)
    xml = b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "utf-8")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in [("project.qde", xml), *sorted(files.items())]:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return path


# ---------------------------------------------------------------------- read project
def _decode(raw: bytes, where: str, notes: list) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        notes.append(f"{where}: UTF-8 byte-order mark removed")
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        notes.append(f"{where}: UTF-16 text decoded")
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileFormatError(
            f"{where} is not UTF-8 text (byte {exc.start}); the REFI-QDA standard requires "
            "UTF-8. Re-export the project or convert the file to UTF-8."
        ) from exc


def _variable_value(vv: ET.Element):
    for tag, conv in (("TextValue", str), ("IntegerValue", int), ("FloatValue", float),
                      ("BooleanValue", lambda s: s.strip().lower() == "true"),
                      ("DateValue", str), ("DateTimeValue", str)):
        el = vv.find(tag)
        if el is not None and el.text is not None:
            try:
                return conv(el.text)
            except ValueError:
                return el.text
    return np.nan


def read_qdpx(path, *, errors: str = "raise") -> QualProject:
    """Read a REFI-QDA project (``.qdpx``) into a QualProject.

    Parameters
    ----------
    path : str or Path
    errors : {"raise", "skip"}
        What to do with selections that cannot be placed on their text or refer to an
        unknown code: ``"raise"`` a :class:`~toolkit.errors.DataValidationError` listing all
        of them, or ``"skip"`` them with a warning (they stay in the import report).

    Returns
    -------
    QualProject
        Identifiers are the tool's GUIDs (upper case, braces removed) unless the file was
        written by :func:`write_qdpx`, whose own identifiers are restored. Case
        ``pseudonym`` is the case's name. ``project.import_report`` is a DataFrame, one row
        per coding: ``source, selection, start, end`` (as stated in the file), ``code``,
        ``convention`` (how positions were counted: ``codepoint``, ``utf16``,
        ``crlf-as-one``, ``utf16+crlf-as-one``, ``bom-counted``, ``text search``),
        ``status`` (``exact``, ``converted``, ``re-anchored``, ``assumed``, ``error``),
        ``new_start, new_end`` (code point offsets used), ``message``;
        ``project.import_notes`` lists file-level adjustments (BOM, namespace, folder).

    Notes
    -----
    Each selection is checked against its own text (the ``name`` attribute, which NVivo,
    MAXQDA, QualCoder and this toolkit fill with the coded words). Conventions are tried
    in the order above; the first under which the text agrees is used. A selection without
    text uses the convention that placed most selections of the project (status
    ``assumed``).

    References
    ----------
    REFI-QDA Standard, Project Exchange 1.5 (2019), https://www.qdasoftware.org.
    """
    if errors not in ("raise", "skip"):
        raise ParameterError(f"The 'errors' parameter of read_qdpx must be one of ['raise', "
                             f"'skip']. Got {errors!r} instead.")
    path = Path(path)
    if not path.exists():
        raise FileFormatError(f"File {path} not found.")
    try:
        zf = zipfile.ZipFile(path)
        names = zf.namelist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise FileFormatError(
            f"{path} is not a readable .qdpx (zip) file ({exc}). The file may be truncated: "
            "export the project again."
        ) from exc
    with zf:
        lower = {n.lower(): n for n in names}
        qde = next((n for n in names if PurePosixPath(n).name.lower() == "project.qde"), None)
        if qde is None:
            qdes = [n for n in names if n.lower().endswith(".qde")]
            if len(qdes) != 1:
                raise FileFormatError(
                    f"{path} holds no project.qde (files: {names[:10]}). A .qdpx must contain "
                    "the project XML; export the project again."
                )
            qde = qdes[0]
        try:
            xml = zf.read(qde)
        except zipfile.BadZipFile as exc:
            raise FileFormatError(f"{path}: {qde} is corrupt ({exc}).") from exc
        notes: list[str] = []
        root, ns = _parse_xml(xml, f"{path}:{qde}")
        if root.tag != "Project":
            raise FileFormatError(f"{path}:{qde}: root element is <{root.tag}>, expected <Project>.")
        _check_namespace(ns, NS_PROJECT, f"{path}:{qde}", notes)

        ident = {}
        for note in root.iter("Note"):
            if note.get("name") == TOOLKIT_NOTE:
                pc = note.find("PlainTextContent")
                try:
                    ident = json.loads(pc.text) if pc is not None and pc.text else {}
                except json.JSONDecodeError:
                    notes.append("toolkit identifier note unreadable; GUIDs used as ids")

        users = {_norm_guid(u.get("guid")): u.get("name") for u in root.iter("User")}
        book = _codes_from(root.find("CodeBook/Codes"))
        code_ids = {}
        for g in book["id"]:
            info = ident.get("codes", {}).get(g)
            code_ids[g] = info["id"] if info else g
        book["pillar"] = [(ident.get("codes", {}).get(g) or {}).get("pillar") or np.nan
                          for g in book["id"]]
        book["id"] = book["id"].map(code_ids)
        book["parent"] = book["parent"].map(lambda p: code_ids.get(p, p) if isinstance(p, str) else p)
        if book["color"].isna().all() or ident:
            book = book.drop(columns="color")

        variables = {_norm_guid(v.get("guid")): v.get("name") for v in root.iter("Variable")}
        case_rows, source_case = [], {}
        for case in root.iter("Case"):
            g = _norm_guid(case.get("guid"))
            cid = ident.get("cases", {}).get(g, g)
            row = {"id": cid, "pseudonym": case.get("name")}
            for name in variables.values():
                row.setdefault(name, np.nan)
            for vv in case.findall("VariableValue"):
                ref = vv.find("VariableRef")
                vname = variables.get(_norm_guid(ref.get("targetGUID")) if ref is not None else None)
                if vname is not None:
                    row[vname] = _variable_value(vv)
            for sref in case.findall("SourceRef"):
                sg = _norm_guid(sref.get("targetGUID"))
                if sg in source_case and source_case[sg] != cid:
                    notes.append(f"source {sg} belongs to several cases; kept the first "
                                 f"({source_case[sg]}), not {cid}")
                    continue
                source_case[sg] = cid
            case_rows.append(row)
        cases = pd.DataFrame(case_rows, columns=["id", "pseudonym", *variables.values()])

        folder_used = set()
        src_rows, selections = [], []
        sources_el = root.find("Sources")
        for el in (list(sources_el) if sources_el is not None else []):
            g = _norm_guid(el.get("guid"))
            sname = el.get("name") or g
            if el.tag != "TextSource":
                notes.append(f"source {sname!r} ({el.tag}) skipped: only text sources are read")
                warnings.warn(f"{path}: {el.tag} {sname!r} skipped (only text sources are read)",
                              stacklevel=2)
                continue
            content = el.find("PlainTextContent")
            tpath = el.get("plainTextPath")
            if content is not None and content.text is not None:
                text = content.text
            elif tpath:
                rel = tpath.split("://", 1)[1] if "://" in tpath else tpath
                rel = rel.lstrip("/").replace("\\", "/")
                candidates = [f"Sources/{rel}", f"sources/{rel}", rel]
                member = next((lower[c.lower()] for c in candidates if c.lower() in lower), None)
                if member is None:
                    raise FileFormatError(
                        f"{path}: source {sname!r} (guid {g}) refers to {tpath!r}, which is not "
                        f"in the archive (looked for {candidates[0]!r} and {candidates[1]!r}). "
                        "Export the project again with its source files."
                    )
                folder_used.add(member.split("/")[0] if "/" in member else "")
                text = _decode(zf.read(member), f"{path}:{member}", notes)
            else:
                raise FileFormatError(
                    f"{path}: text source {sname!r} (guid {g}) has neither plainTextPath nor "
                    "PlainTextContent."
                )
            info = ident.get("sources", {}).get(g, {})
            sid = info.get("id", g)
            src_rows.append({"id": sid, "kind": info.get("kind", "interview"), "name": sname,
                             "text": text, "case": source_case.get(g, np.nan)})
            for sel in el.findall("PlainTextSelection"):
                for coding in sel.findall("Coding") or [None]:
                    ref = coding.find("CodeRef") if coding is not None else None
                    user = (coding.get("creatingUser") if coding is not None else None) \
                        or sel.get("creatingUser")
                    selections.append({
                        "source": sid, "source_name": sname, "guid": _norm_guid(sel.get("guid")),
                        "start": sel.get("startPosition"), "end": sel.get("endPosition"),
                        "quoted": sel.get("name"),
                        "code_guid": _norm_guid(ref.get("targetGUID")) if ref is not None else None,
                        "coder": users.get(_norm_guid(user), user)})
        if "sources" in folder_used:
            notes.append("source files in 'sources/' (lower case) rather than 'Sources/'")
        sources = pd.DataFrame(src_rows, columns=["id", "kind", "name", "text", "case"])

    report, segments = _place_all(sources, selections, code_ids)
    bad = report[report["status"] == "error"]
    if len(bad):
        problems = pd.DataFrame({
            "file": f"{path}:{qde}", "row": None,
            "column": "PlainTextSelection " + bad["selection"].astype(str)
            + " in source " + bad["source"].astype(str),
            "value": bad["start"].astype(str) + "-" + bad["end"].astype(str),
            "problem": bad["message"], "expected": "a selection placed on its text, coded with a "
            "code of the codebook", "severity": "error"})
        if errors == "raise":
            raise DataValidationError(problems)
        warnings.warn(f"{path}: {len(bad)} selection(s) skipped; see project.import_report",
                      stacklevel=2)
    if ident.get("order"):
        order = ident["order"]
        sources = sources.set_index("id").loc[order["sources"]].reset_index()
        cases = cases.set_index("id").loc[order["cases"]].reset_index()
        book = book.set_index("id").loc[order["codes"]].reset_index()
    project = QualProject(sources, cases, book, segments, name=root.get("name"))
    project.import_report = report
    project.import_notes = notes
    return project


def _place_all(sources: pd.DataFrame, selections: list, code_ids: dict):
    texts = {r["id"]: _Text(r["text"]) for r in sources.to_dict("records")}
    # first pass: the convention under which most selections hold their own text
    votes = {c: 0 for c in CONVENTIONS}
    found_by = {}  # selection position -> matching conventions (reused when placing)
    for i, s in enumerate(selections):
        try:
            start, end = int(s["start"]), int(s["end"])
        except (TypeError, ValueError):
            continue
        if s["quoted"]:
            found_by[i] = matching(texts[s["source"]], start, end, s["quoted"])
            for conv in found_by[i]:
                votes[conv] += 1
    preferred = max(CONVENTIONS, key=lambda c: (votes[c], -CONVENTIONS.index(c)))
    rows, segs = [], []
    for i, s in enumerate(selections):
        try:
            start, end = int(s["start"]), int(s["end"])
        except (TypeError, ValueError):
            res = (None, None, None, "error",
                   f"positions {s['start']!r}-{s['end']!r} are not whole numbers")
        else:
            res = place(texts[s["source"]], start, end, s["quoted"] or None, preferred,
                        found_by.get(i))
        ns, ne, conv, status, msg = res
        code = code_ids.get(s["code_guid"]) if s["code_guid"] else None
        if s["code_guid"] is None:
            status, msg = "error", "selection has no Coding / CodeRef"
        elif code is None:
            status, msg = "error", (f"CodeRef targetGUID {s['code_guid']} is not a code of the "
                                    "codebook")
        rows.append({"source": s["source"], "selection": s["guid"], "start": s["start"],
                     "end": s["end"], "code": code if code else s["code_guid"],
                     "convention": conv, "status": status, "new_start": ns, "new_end": ne,
                     "message": msg})
        if status != "error":
            segs.append({"source": s["source"], "start": ns, "end": ne,
                         "text": texts[s["source"]].text[ns:ne], "code": code,
                         "coder": s["coder"]})
    report = pd.DataFrame(rows, columns=REPORT_COLUMNS)
    for col in ("new_start", "new_end"):
        report[col] = pd.array(report[col], dtype="Int64")
    segments = pd.DataFrame(segs, columns=["source", "start", "end", "text", "code", "coder"])
    return report, segments
