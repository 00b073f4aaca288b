"""Read and write REFI-QDA projects (``.qdpx``) and codebooks (``.qdc``).

A ``.qdpx`` file is a zip holding ``project.qde`` (XML, namespace
``urn:QDA-XML:project:1.0``) and the sources in ``Sources/`` (``sources/`` in some
tools). A ``.qdc`` file is a codebook on its own (``urn:QDA-XML:codebook:1.0``). This is
the exchange format of NVivo, ATLAS.ti, MAXQDA, QualCoder and Taguette.

Reading is tolerant of known deviations and says what it did, in an import report
(``project.import_report``, one row per coding, and ``project.import_conventions``, one
row per source): how each source's positions are counted, decided from the evidence in
the file (see :mod:`toolkit.qual._qdpx_anchor`), a byte-order mark, ``Sources/`` vs
``sources/``, namespaces of pre-1.0 drafts, GUIDs in braces or lower case. A selection
whose text cannot be placed is an error, never silently shifted.

Reading is also guarded: every zip member's declared size and compression ratio are
checked before it is inflated, and XML with a document type declaration (the vehicle of
entity-expansion attacks) is refused. XML is parsed and written with lxml, in pieces: the
project XML is parsed from the archive as a stream and each source dropped from the tree
once read, and written one source at a time, so neither the whole tree nor the whole
document is held in memory.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import cast

import numpy as np
import pandas as pd
from lxml import etree

from toolkit.errors import DataValidationError, FileFormatError, ParameterError
from toolkit.qual._qdpx_anchor import CONVENTIONS, STANDARD, _Text, decide, rescue
from toolkit.qual.project import QualProject

__all__ = ["read_qdpx", "write_qdpx", "read_qdc", "write_qdc", "REPORT_COLUMNS", "CONVENTION_COLUMNS", "CONVENTIONS"]

NS_PROJECT = "urn:QDA-XML:project:1.0"
NS_CODEBOOK = "urn:QDA-XML:codebook:1.0"
TOOLKIT_NOTE = "online-harms-toolkit identifiers"
_GUID_KEY = b"online-harms-toolkit:8f0e2f7c-4a7e-4b8e-9d47-4f2a0d1c6a11"
#: Columns of the import report (one row per coding).
REPORT_COLUMNS = [
    "source",
    "selection",
    "start",
    "end",
    "code",
    "convention",
    "status",
    "new_start",
    "new_end",
    "message",
]
#: Columns of the per-source convention report.
CONVENTION_COLUMNS = [
    "source",
    "source_name",
    "convention",
    "forced",
    "n_selections",
    "n_quoted",
    "n_matched",
    "score",
    "runner_up",
    "runner_up_score",
    "margin",
    "equivalent",
]

#: Default resource limits (bytes, and uncompressed / compressed size).
MAX_MEMBER_SIZE = 1 << 30
MAX_TOTAL_SIZE = 4 << 30
MAX_RATIO = 100
_RATIO_FLOOR = 1 << 20  # members smaller than this may compress as well as they like

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _hex_guid(h: str) -> str:
    """32 hex digits -> an RFC 9562 version-8 GUID string (upper case, no braces)."""
    return (f"{h[0:8]}-{h[8:12]}-8{h[13:16]}-{'89AB'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:32]}").upper()


def _guid(kind: str, key: str) -> str:
    """Deterministic GUID for one of our identifiers (one keyed BLAKE2b hash)."""
    h = hashlib.blake2b(f"{kind}:{key}".encode(), digest_size=16, key=_GUID_KEY).hexdigest()
    return _hex_guid(h)


def _norm_guid(value) -> str | None:
    if value is None:
        return None
    return str(value).strip().strip("{}").upper()


# ---------------------------------------------------------------------- XML utilities
#: Hardened lxml parser options: no entity expansion, no network, no DTD, default
#: (non-huge) limits. Ignorable white space between elements (pretty printing) is dropped:
#: REFI-QDA has no mixed content, and half the nodes are then never built (nor freed);
#: white space that is an element's whole text (a blank description) is kept.
_PARSER_OPTIONS = dict(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
    remove_blank_text=True,
    collect_ids=False,
)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(**_PARSER_OPTIONS)


def _dtd_error(where: str) -> str:
    return (
        f"{where} contains a document type declaration (<!DOCTYPE> / <!ENTITY>). "
        "REFI-QDA files never need one, and entity declarations can expand a small file "
        "without limit (the 'billion laughs' attack), so the file is refused. Export the "
        "project again from your QDA software."
    )


def _syntax_error(where: str, exc) -> FileFormatError:
    line, col = exc.position
    return FileFormatError(
        f"{where} is not well-formed XML (line {line}, column {col}): {exc.msg}. Export "
        "the project again from your QDA software."
    )


def _parse_xml(data: bytes, where: str):
    """Parse with lxml (hardened); refuse any DTD. Returns (root, namespace, tag)."""
    if b"<!DOCTYPE" in data[:65536] or b"<!ENTITY" in data[:65536]:
        raise FileFormatError(_dtd_error(where))
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        if b"<!ENTITY" in data or b"<!DOCTYPE" in data:
            raise FileFormatError(_dtd_error(where)) from exc
        raise _syntax_error(where, exc) from exc
    return _checked_root(root, where)


def _checked_root(root, where: str):
    doc = root.getroottree().docinfo
    if doc.doctype or doc.internalDTD is not None:
        raise FileFormatError(_dtd_error(where))
    qn = etree.QName(root)
    return root, qn.namespace, qn.localname


def _parse_streamed(chunks, where: str, on_text_source):
    """Parse a project XML fed in chunks (hardened as :func:`_parse_xml`), handing each
    ``<TextSource>`` to ``on_text_source`` as soon as it is complete and then dropping it
    from the tree: the sources, the bulk of a project, are never all in memory at once.
    Returns (root, namespace, tag) of what remains (users, codebook, cases, notes)."""
    parser = etree.XMLPullParser(events=("end",), tag="{*}TextSource", **_PARSER_OPTIONS)
    marker = False  # a DTD marker anywhere so far (for the message of a syntax error)
    tail = b""
    done = None  # the previous TextSource: removed once the next one is complete
    first = True
    try:
        for chunk in chunks:
            if first and (b"<!DOCTYPE" in chunk[:65536] or b"<!ENTITY" in chunk[:65536]):
                raise FileFormatError(_dtd_error(where))
            first = False
            probe = tail + chunk
            marker = marker or b"<!ENTITY" in probe or b"<!DOCTYPE" in probe
            tail = chunk[-16:]
            parser.feed(chunk)
            for _, el in parser.read_events():
                if not on_text_source(el):
                    continue
                el.clear()
                if done is not None and done.getparent() is not None:
                    done.getparent().remove(done)
                done = el
        root = parser.close()
    except etree.XMLSyntaxError as exc:
        if marker:
            raise FileFormatError(_dtd_error(where)) from exc
        raise _syntax_error(where, exc) from exc
    if done is not None and done.getparent() is not None:
        done.getparent().remove(done)
    return _checked_root(root, where)


def _tags(ns):
    pre = f"{{{ns}}}" if ns else ""
    return lambda name: pre + name


def _check_namespace(ns, expected: str, where: str, notes: list) -> None:
    if ns != expected:
        notes.append(
            f"{where}: namespace {ns!r} instead of {expected!r} (an older draft of the "
            f"standard or a tool's variant); read as {expected!r}"
        )
        warnings.warn(f"{where} uses namespace {ns!r}; read as {expected}", stacklevel=3)


def _desc(el, T) -> str | float:
    d = el.find(T("Description"))
    return d.text if d is not None and d.text else np.nan


def _check_size(path: Path, size: int, limit: int, what: str) -> None:
    if size > limit:
        raise FileFormatError(
            f"{path}: {what} is {size:,} bytes, more than the limit of {limit:,} bytes. If the "
            "file is genuine, raise the limit (for example max_size=...)."
        )


# ---------------------------------------------------------------------- codebook
def _codes_from(codes_el, T) -> pd.DataFrame:
    rows = []
    code_tag = T("Code")

    def walk(el, parent):
        for code in el.iterchildren(code_tag):
            gid = _norm_guid(code.get("guid"))
            rows.append(
                {
                    "id": gid,
                    "name": code.get("name"),
                    "parent": parent,
                    "definition": _desc(code, T),
                    "pillar": np.nan,
                    "color": code.get("color", np.nan),
                }
            )
            walk(code, gid)

    if codes_el is not None:
        walk(codes_el, np.nan)
    return pd.DataFrame(rows, columns=["id", "name", "parent", "definition", "pillar", "color"])


def read_qdc(path, *, max_size: int = 64 << 20) -> pd.DataFrame:
    """Read a REFI-QDA codebook (``.qdc``) into a codebook table.

    Parameters
    ----------
    path : str or Path
    max_size : int, default 64 MiB
        Largest file accepted, in bytes (a codebook of 300 codes is a few tens of KB).

    Returns
    -------
    pandas.DataFrame
        ``id`` (the code's GUID, upper case without braces), ``name``, ``parent``
        (GUID or missing), ``definition`` (the code's Description), ``pillar`` (missing:
        REFI-QDA has no such field; fill it in before analysis by pillar), ``color``.

    Raises
    ------
    toolkit.errors.FileFormatError
        File missing, too large, not well-formed, with a document type declaration
        (entity expansion is refused), or not a codebook.

    Notes
    -----
    Parsed with lxml without entity resolution, network access or DTD loading.

    References
    ----------
    REFI-QDA Standard, Codebook Exchange 1.0 (2019), https://www.qdasoftware.org.

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
    _check_size(path, path.stat().st_size, max_size, "the codebook file")
    root, ns, tag = _parse_xml(path.read_bytes(), str(path))
    if tag != "CodeBook":
        raise FileFormatError(
            f"{path} is not a REFI-QDA codebook: its root element is <{tag}>, expected "
            "<CodeBook>. For a whole project use read_qdpx."
        )
    notes: list[str] = []
    _check_namespace(ns, NS_CODEBOOK, str(path), notes)
    T = _tags(ns)
    book = _codes_from(root.find(T("Codes")), T)
    dup = book["id"][book["id"].duplicated()]
    if len(dup):
        raise FileFormatError(f"{path}: code GUID {dup.iloc[0]} appears more than once.")
    book.attrs["notes"] = notes
    return book


def _xml_safe(value, what: str) -> str:
    s = str(value)
    m = _ILLEGAL_XML.search(s)
    if m:
        raise ParameterError(
            f"{what} {s[:40]!r} contains the control character {m.group()!r} (code "
            f"{ord(m.group()):#x}), which XML cannot hold. Remove it before exporting."
        )
    return s


def _codes_xml(parent_el, codebook: pd.DataFrame, guid_of, T) -> None:
    children: dict = {}
    for rec in codebook.to_dict("records"):
        key = rec["parent"] if isinstance(rec["parent"], str) else None
        children.setdefault(key, []).append(rec)

    def add(el, key):
        for rec in children.get(key, []):
            attrs = {
                "guid": guid_of(rec["id"]),
                "name": _xml_safe(rec["name"], f"code {rec['id']!r} name"),
                "isCodable": "true",
            }
            color = rec.get("color")
            if isinstance(color, str) and color.startswith("#"):
                attrs["color"] = color
            code = etree.SubElement(el, T("Code"), attrs)
            if isinstance(rec["definition"], str):
                etree.SubElement(code, T("Description")).text = _xml_safe(
                    rec["definition"], f"definition of code {rec['id']!r}"
                )
            add(code, rec["id"])

    add(parent_el, None)


def _codebook_guid(cid: str) -> str:
    return cast(str, _norm_guid(cid)) if _is_guid(cid) else _guid("code", cid)


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

    Parameters
    ----------
    codebook : QualProject or pandas.DataFrame
        A project, or a codebook table with ``id, name, parent`` (and ``definition``).
    path : str or Path
    origin : str
        Written to the ``origin`` attribute.

    Returns
    -------
    pathlib.Path
        The file written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from toolkit.synth.qual import make_interviews
    >>> write_qdc(make_interviews(1), pathlib.Path(tempfile.mkdtemp()) / "c.qdc").suffix
    '.qdc'
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
    T = _tags(NS_CODEBOOK)
    root = etree.Element(T("CodeBook"), {"origin": origin}, nsmap={None: NS_CODEBOOK})
    _codes_xml(etree.SubElement(root, T("Codes")), book, _codebook_guid, T)
    etree.SubElement(root, T("Sets"))
    path = Path(path)
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))
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
    points (as the standard says: convention ``codepoint-crlf2``); each coded segment is a
    ``PlainTextSelection`` whose ``name`` is the coded text (so any reader can check the
    positions) with one ``Coding``. Cases become ``Case`` elements (name = pseudonym) with
    their attributes as ``Variables``. The toolkit's own identifiers (and source kinds,
    code pillars) are kept in a project note so that :func:`read_qdpx` gives back the same
    tables.

    Parameters
    ----------
    project : QualProject
    path : str or Path
    origin : str
        Written to the ``origin`` attribute.

    Returns
    -------
    pathlib.Path
        The file written (the same bytes for the same project).

    Notes
    -----
    GUIDs are deterministic: one keyed BLAKE2b hash per identifier (one per segment for
    both its selection and its coding), formatted as RFC 9562 version-8 GUIDs. A segment
    whose text holds a character XML cannot carry (a control character) is written
    without ``name``; its positions are still exact.

    References
    ----------
    REFI-QDA Standard, Project Exchange 1.5 (2019), https://www.qdasoftware.org.

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
            f"The 'project' parameter of write_qdpx must be a QualProject. Got {type(project).__name__} instead."
        )
    T = _tags(NS_PROJECT)
    SE = etree.SubElement
    stamp = "2024-01-01T00:00:00Z"  # fixed: same project, same bytes
    root = etree.Element(
        T("Project"),
        {"origin": origin, "name": _xml_safe(project.name or "project", "project name"), "creationDateTime": stamp},
        nsmap={None: NS_PROJECT},
    )
    coders = sorted(project.segments["coder"].dropna().unique().tolist())
    user_guid = {c: _guid("user", c) for c in coders}
    users = SE(root, T("Users"))
    for c in coders:
        SE(users, T("User"), {"guid": user_guid[c], "name": _xml_safe(c, "coder")})
    cb = SE(root, T("CodeBook"))
    _codes_xml(SE(cb, T("Codes")), project.codebook, _codebook_guid, T)
    code_guid = {c: _codebook_guid(c) for c in project.codebook["id"]}
    attrs = project.case_attributes()
    if attrs:
        var_el = SE(root, T("Variables"))
        for a in attrs:
            SE(
                var_el,
                T("Variable"),
                {
                    "guid": _guid("variable", a),
                    "name": _xml_safe(a, "case attribute"),
                    "typeOf": _type_of(project.cases[a]),
                },
            )
    source_guid = {sid: _guid("source", sid) for sid in project.sources["id"]}
    if len(project.cases):
        cases_el = SE(root, T("Cases"))
        src_by_case = project.sources.groupby("case")["id"].apply(list).to_dict()
        for rec in project.cases.to_dict("records"):
            name = rec["pseudonym"] if isinstance(rec["pseudonym"], str) else rec["id"]
            case_el = SE(
                cases_el, T("Case"), {"guid": _guid("case", rec["id"]), "name": _xml_safe(name, "case pseudonym")}
            )
            for a in attrs:
                v = rec[a]
                if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA:
                    continue
                vv = SE(case_el, T("VariableValue"))
                SE(vv, T("VariableRef"), {"targetGUID": _guid("variable", a)})
                tag, text = _value_element(v)
                SE(vv, T(tag)).text = _xml_safe(text, f"value of {a!r} for case {rec['id']!r}")
            for sid in src_by_case.get(rec["id"], []):
                SE(case_el, T("SourceRef"), {"targetGUID": source_guid[sid]})
    SE(root, T("Sources"))  # a placeholder: the sources are streamed in its place
    seg = project.segments
    # one hash per segment gives both its selection and its coding GUID
    seg_src = seg["source"].tolist()
    seg_start = seg["start"].astype(str).tolist()
    seg_end = seg["end"].astype(str).tolist()
    seg_code = seg["code"].tolist()
    seg_coder = seg["coder"].tolist()
    seg_text = seg["text"].tolist()
    by_source: dict = {}
    for j, sid in enumerate(seg_src):
        by_source.setdefault(sid, []).append(j)
    t_sel, t_coding, t_ref = T("PlainTextSelection"), T("Coding"), T("CodeRef")
    key = _GUID_KEY

    def text_source(sid: str, name: str) -> bytes:
        """One <TextSource> with its selections, serialised on its own (small)."""
        sg = source_guid[sid]
        ts = etree.Element(
            T("TextSource"),
            {"guid": sg, "name": _xml_safe(name, "source name"), "plainTextPath": f"internal://{sg}.txt"},
            nsmap={None: NS_PROJECT},
        )
        for k, j in enumerate(by_source.get(sid, ())):
            coder = seg_coder[j]
            h = hashlib.blake2b(
                f"segment:{sid}:{seg_start[j]}:{seg_end[j]}:{seg_code[j]}:{coder}:{k}".encode(), digest_size=32, key=key
            ).hexdigest()
            text = seg_text[j]
            sel_attrs = {"guid": _hex_guid(h[:32])}
            if not _ILLEGAL_XML.search(text):
                sel_attrs["name"] = text
            sel_attrs["startPosition"] = seg_start[j]
            sel_attrs["endPosition"] = seg_end[j]
            c_attrs = {"guid": _hex_guid(h[32:])}
            if isinstance(coder, str):
                sel_attrs["creatingUser"] = c_attrs["creatingUser"] = user_guid[coder]
            coding = SE(SE(ts, t_sel, sel_attrs), t_coding, c_attrs)
            SE(coding, t_ref, {"targetGUID": code_guid[seg_code[j]]})
        out = etree.tostring(ts, encoding="utf-8", pretty_print=True)
        # the namespace is declared once, on <Project>
        return _TS_OPEN + out[len(_TS_OPEN_NS) :] if out.startswith(_TS_OPEN_NS) else out

    ident = {
        "sources": {
            source_guid[r["id"]]: {"id": r["id"], "kind": r["kind"]}
            for r in project.sources[["id", "kind"]].to_dict("records")
        },
        "cases": {_guid("case", c): c for c in project.cases["id"]},
        "codes": {
            code_guid[r["id"]]: {"id": r["id"], "pillar": r["pillar"] if isinstance(r["pillar"], str) else None}
            for r in project.codebook[["id", "pillar"]].to_dict("records")
        },
        "order": {
            "sources": project.sources["id"].tolist(),
            "cases": project.cases["id"].tolist(),
            "codes": project.codebook["id"].tolist(),
        },
    }
    notes_el = SE(root, T("Notes"))
    note = SE(notes_el, T("Note"), {"guid": _guid("note", "ids"), "name": TOOLKIT_NOTE})
    SE(note, T("PlainTextContent")).text = json.dumps(ident, sort_keys=True)
    # everything but the sources (small), split where the sources go ('<' is always
    # escaped in attribute values and text, so the placeholder occurs once)
    frame = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    del root
    head, tail = frame.split(b"<Sources/>")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sources = project.sources
    members = sorted((f"Sources/{source_guid[sid]}.txt", pos) for pos, sid in enumerate(sources["id"]))
    texts = sources["text"]
    # escaping can make an attribute up to 6 times its text; each selection adds ~400 bytes
    size_hint = 6 * sum(len(t) for t in seg_text if isinstance(t, str)) + 400 * len(seg_text) + len(frame)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        info = _member_info("project.qde")
        # the project XML is streamed into the archive one source at a time: neither the
        # whole tree nor the whole document is ever in memory
        with zf.open(info, "w", force_zip64=size_hint > _ZIP64_HINT) as fh:
            fh.write(head + b"<Sources>\n")
            for sid, name in zip(sources["id"].tolist(), sources["name"].tolist()):
                fh.write(text_source(sid, name))
            fh.write(b"  </Sources>" + tail)
        for name, pos in members:
            # sources encoded one at a time: never all texts twice in memory
            zf.writestr(_member_info(name), texts.iat[pos].encode("utf-8"))
    return path


_TS_OPEN_NS = f'<TextSource xmlns="{NS_PROJECT}" '.encode()
_TS_OPEN = b"<TextSource "
_ZIP64_HINT = zipfile.ZIP64_LIMIT  # a project XML that may pass 2 GiB gets ZIP64 sizes


def _member_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


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


def _variable_value(vv, T):
    for tag, conv in (
        ("TextValue", str),
        ("IntegerValue", int),
        ("FloatValue", float),
        ("BooleanValue", lambda s: s.strip().lower() == "true"),
        ("DateValue", str),
        ("DateTimeValue", str),
    ):
        el = vv.find(T(tag))
        if el is not None and el.text is not None:
            try:
                return conv(el.text)
            except ValueError:
                return el.text
    return np.nan


class _Guarded:
    """A zip opened for reading with limits checked before anything is inflated."""

    def __init__(self, path: Path, zf: zipfile.ZipFile, max_member_size: int, max_total_size: int, max_ratio: float):
        self.path, self.zf = path, zf
        self.max_member_size = max_member_size
        total = 0
        for info in zf.infolist():
            size, csize = info.file_size, info.compress_size
            total += size
            if size > max_member_size:
                raise FileFormatError(
                    f"{path}: member {info.filename!r} would inflate to {size:,} bytes "
                    f"(compressed {csize:,}), more than the limit max_member_size="
                    f"{max_member_size:,}. If the file is genuine, raise the limit: "
                    "read_qdpx(path, max_member_size=...)."
                )
            if size > _RATIO_FLOOR and size > max_ratio * max(csize, 1):
                raise FileFormatError(
                    f"{path}: member {info.filename!r} would inflate from {csize:,} to "
                    f"{size:,} bytes (ratio {size / max(csize, 1):,.0f}), more than the limit "
                    f"max_ratio={max_ratio:g}: the file looks like a zip bomb. If it is "
                    "genuine, raise the limit: read_qdpx(path, max_ratio=...)."
                )
        if total > max_total_size:
            raise FileFormatError(
                f"{path}: its members would inflate to {total:,} bytes in all, more than the "
                f"limit max_total_size={max_total_size:,}. If the file is genuine, raise the "
                "limit: read_qdpx(path, max_total_size=...)."
            )

    def chunks(self, name: str, size: int = 1 << 20):
        """The member's bytes in pieces of ``size`` (never more than declared)."""
        info = self.zf.getinfo(name)
        total = 0
        try:
            with self.zf.open(info) as fh:
                while True:
                    data = fh.read(size)
                    if not data:
                        return
                    total += len(data)
                    if total > info.file_size:
                        raise FileFormatError(
                            f"{self.path}: member {name!r} inflates past its declared size "
                            f"{info.file_size:,}; the file is corrupt or crafted."
                        )
                    yield data
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise FileFormatError(f"{self.path}: member {name!r} is corrupt ({exc}).") from exc

    def read(self, name: str) -> bytes:
        info = self.zf.getinfo(name)
        try:
            with self.zf.open(info) as fh:
                # never more than declared (a lying header cannot inflate further)
                data = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise FileFormatError(f"{self.path}: member {name!r} is corrupt ({exc}).") from exc
        if len(data) > info.file_size:
            raise FileFormatError(
                f"{self.path}: member {name!r} inflates past its declared size "
                f"{info.file_size:,}; the file is corrupt or crafted."
            )
        return data


def _check_positions(positions):
    if positions is None or positions == "auto":
        return None
    items = positions.values() if isinstance(positions, dict) else [positions]
    for v in items:
        if v not in CONVENTIONS and v != "auto":
            raise ParameterError(
                f"The 'positions' parameter of read_qdpx must be 'auto', one of "
                f"{list(CONVENTIONS)}, or a dict from source name (or GUID) to one of them. "
                f"Got {v!r} instead."
            )
    return positions


def read_qdpx(
    path,
    *,
    errors: str = "raise",
    positions="auto",
    max_member_size: int = MAX_MEMBER_SIZE,
    max_total_size: int = MAX_TOTAL_SIZE,
    max_ratio: float = MAX_RATIO,
) -> QualProject:
    """Read a REFI-QDA project (``.qdpx``) into a QualProject.

    Parameters
    ----------
    path : str or Path
    errors : {"raise", "skip"}
        What to do with selections that cannot be placed on their text or refer to an
        unknown code: ``"raise"`` a :class:`~toolkit.errors.DataValidationError` listing all
        of them, or ``"skip"`` them with a warning (they stay in the import report).
    positions : "auto", str or dict, default "auto"
        How positions are counted. ``"auto"`` decides per source from the evidence (see
        Notes). A name forces one convention for every source; a dict maps source names
        (or GUIDs) to conventions (others stay ``"auto"``). Names are
        ``<unit>-crlf<1|2>[-bom]``: unit ``codepoint`` (the standard), ``utf16`` (UTF-16
        code units: NVivo for Windows, tools on .NET / Java / JavaScript) or ``utf8``
        (bytes); ``crlf2`` counts a Windows line break ``\\r\\n`` as two, ``crlf1`` as
        one; ``-bom`` counts a byte-order mark as the first character. The standard is
        ``codepoint-crlf2``; NVivo 12 for Windows writes ``utf16-crlf2``.
    max_member_size, max_total_size : int
        Largest uncompressed size of one zip member and of all members together, in bytes
        (defaults 1 GiB and 4 GiB), checked before anything is inflated.
    max_ratio : float, default 100
        Largest compression ratio (uncompressed / compressed size) of a member larger
        than 1 MiB; text compresses 3-10 times, a zip bomb a thousand times.

    Returns
    -------
    QualProject
        Identifiers are the tool's GUIDs (upper case, braces removed) unless the file was
        written by :func:`write_qdpx`, whose own identifiers are restored. Case
        ``pseudonym`` is the case's name. Three reports are attached:

        ``project.import_report``, one row per coding: ``source, selection, start, end``
        (as stated in the file), ``code``, ``convention`` (how that selection's positions
        were read, or ``text search``), ``status`` (``exact``: standard convention and the
        selection's own text agrees; ``converted``: another convention, text agrees;
        ``re-anchored``: text found elsewhere, nearest the stated start; ``assumed``: no
        text to check, placed with the source's convention; ``error``), ``new_start,
        new_end`` (code point offsets used), ``message``.

        ``project.import_conventions``, one row per source with selections: ``source,
        source_name, convention`` (chosen), ``forced`` (given by ``positions``),
        ``n_selections``, ``n_quoted`` (selections whose name, their own text, some
        convention puts at their positions), ``n_matched`` (of which the chosen convention
        does), ``score``,
        ``runner_up``, ``runner_up_score``, ``margin`` (score minus runner-up's),
        ``equivalent`` (conventions giving the same positions on this source).

        ``project.import_notes`` lists file-level adjustments (BOM, namespace, folder,
        non-standard conventions).

    Raises
    ------
    toolkit.errors.FileFormatError
        Missing or corrupt file, a member over a size or ratio limit (naming the member,
        its sizes and the limit), XML with a document type declaration, missing sources.
    toolkit.errors.DataValidationError
        Selections that cannot be placed (with ``errors="raise"``).

    Notes
    -----
    For each source, every candidate convention (3 units x CRLF as one or two x BOM
    counted or not; those that give the same positions on this text are one candidate)
    converts all of the source's positions at once through a cumulative offset map, and
    is scored over its selections:

    .. math:: S = 10\\,m - 10\\,v + \\sum_{\\text{start, end}} (w + l - 3\\,c) - s

    with *m* selections whose own text (``name``, when it occurs in the source) is what
    the positions hold, *v* selections that fall outside the text, inside a character or
    are empty, *w* = 1 at a word boundary, *l* = 1 at a line boundary (a start just after
    a line break; an end before or after one), *c* = 1 between the ``\\r`` and ``\\n`` of
    a line break, *s* the starts on white space. The highest score wins; ties go to the
    standard. A selection that the winner does not place on its own text is tried under
    the other conventions, then found by text search.

    References
    ----------
    REFI-QDA Standard, Project Exchange 1.5 (2019), https://www.qdasoftware.org.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from toolkit.synth.qual import make_interviews
    >>> path = write_qdpx(make_interviews(1), pathlib.Path(tempfile.mkdtemp()) / "p.qdpx")
    >>> read_qdpx(path).import_conventions["convention"].unique().tolist()
    ['codepoint-crlf2']
    """
    if errors not in ("raise", "skip"):
        raise ParameterError(
            f"The 'errors' parameter of read_qdpx must be one of ['raise', 'skip']. Got {errors!r} instead."
        )
    positions = _check_positions(positions)
    path = Path(path)
    if not path.exists():
        raise FileFormatError(f"File {path} not found.")
    try:
        zf = zipfile.ZipFile(path)
        names = zf.namelist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise FileFormatError(
            f"{path} is not a readable .qdpx (zip) file ({exc}). The file may be truncated: export the project again."
        ) from exc
    with zf:
        guarded = _Guarded(path, zf, max_member_size, max_total_size, max_ratio)
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
        notes: list[str] = []
        collected = _TextSources(path, lower)
        root, ns, tag = _parse_streamed(guarded.chunks(qde), f"{path}:{qde}", collected)
        if tag != "Project":
            raise FileFormatError(f"{path}:{qde}: root element is <{tag}>, expected <Project>.")
        _check_namespace(ns, NS_PROJECT, f"{path}:{qde}", notes)
        T = _tags(ns)
        name = root.get("name")
        sources, cases, book, ident, selections = _read_tables(root, T, guarded, lower, notes, collected)
        root = None
        del collected
        # source files: read now that the XML tree is gone
        # (kept as Python strings: QualProject converts them once)
        sources["text"] = pd.Series(
            [
                _decode(guarded.read(t.name), f"{path}:{t.name}", notes) if isinstance(t, _Member) else t
                for t in sources["text"]
            ],
            index=sources.index,
            dtype=object,
        )

    conv_rows, report, segments = _place_all(sources, selections, book.attrs.pop("code_ids"), positions, notes)
    del selections  # every selection's attributes (their names hold all the coded text)
    bad = report[report["status"] == "error"]
    if len(bad):
        problems = pd.DataFrame(
            {
                "file": f"{path}:{qde}",
                "row": None,
                "column": "PlainTextSelection "
                + bad["selection"].astype(str)
                + " in source "
                + bad["source"].astype(str),
                "value": bad["start"].astype(str) + "-" + bad["end"].astype(str),
                "problem": bad["message"],
                "expected": "a selection placed on its text, coded with a code of the codebook",
                "severity": "error",
            }
        )
        if errors == "raise":
            raise DataValidationError(problems)
        warnings.warn(f"{path}: {len(bad)} selection(s) skipped; see project.import_report", stacklevel=2)
    if ident.get("order"):
        order = ident["order"]
        sources = sources.set_index("id").loc[order["sources"]].reset_index()
        cases = cases.set_index("id").loc[order["cases"]].reset_index()
        book = book.set_index("id").loc[order["codes"]].reset_index()
    project = QualProject(sources, cases, book, segments, name=name)
    project.import_report = report
    project.import_conventions = pd.DataFrame(conv_rows, columns=CONVENTION_COLUMNS)
    project.import_notes = notes
    return project


def _read_tables(root, T, guarded: _Guarded, lower: dict, notes: list, collected: _TextSources):
    path = guarded.path
    ident: dict = {}
    # Notes, Users, Variables and Cases live outside <Sources> (the bulk of the tree):
    # walk only the other top-level elements
    t_sources = T("Sources")
    rest = [child for child in root.iterchildren(etree.Element) if child.tag != t_sources]

    def iter_rest(tag):
        for child in rest:
            yield from child.iter(tag)

    for note in iter_rest(T("Note")):
        if note.get("name") == TOOLKIT_NOTE:
            pc = note.find(T("PlainTextContent"))
            try:
                ident = json.loads(pc.text) if pc is not None and pc.text else {}
            except json.JSONDecodeError:
                notes.append("toolkit identifier note unreadable; GUIDs used as ids")

    users = {_norm_guid(u.get("guid")): u.get("name") for u in iter_rest(T("User"))}
    cb = root.find(T("CodeBook"))
    book = _codes_from(cb.find(T("Codes")) if cb is not None else None, T)
    code_ids = {}
    id_codes = ident.get("codes", {})
    for g in book["id"]:
        info = id_codes.get(g)
        code_ids[g] = info["id"] if info else g
    book["pillar"] = [(id_codes.get(g) or {}).get("pillar") or np.nan for g in book["id"]]
    book["id"] = book["id"].map(code_ids)
    book["parent"] = book["parent"].map(lambda p: code_ids.get(p, p) if isinstance(p, str) else p)
    if book["color"].isna().all() or ident:
        book = book.drop(columns="color")
    book.attrs["code_ids"] = code_ids

    variables = {_norm_guid(v.get("guid")): v.get("name") for v in iter_rest(T("Variable"))}
    case_rows: list[dict] = []
    source_case: dict = {}
    id_cases = ident.get("cases", {})
    for case in iter_rest(T("Case")):
        g = _norm_guid(case.get("guid"))
        cid = id_cases.get(g, g)
        row = {"id": cid, "pseudonym": case.get("name")}
        for name in variables.values():
            row.setdefault(name, np.nan)
        for vv in case.iterchildren(T("VariableValue")):
            ref = vv.find(T("VariableRef"))
            vname = variables.get(_norm_guid(ref.get("targetGUID")) if ref is not None else None)
            if vname is not None:
                row[vname] = _variable_value(vv, T)
        for sref in case.iterchildren(T("SourceRef")):
            sg = _norm_guid(sref.get("targetGUID"))
            if sg in source_case and source_case[sg] != cid:
                notes.append(f"source {sg} belongs to several cases; kept the first ({source_case[sg]}), not {cid}")
                continue
            source_case[sg] = cid
        case_rows.append(row)
    cases = pd.DataFrame(case_rows, columns=["id", "pseudonym", *variables.values()])

    sources_el = root.find(T("Sources"))
    t_text = T("TextSource")
    for el in sources_el.iterchildren(etree.Element) if sources_el is not None else []:
        if el.tag == t_text:
            continue  # (read while parsing: see _TextSources)
        g = _norm_guid(el.get("guid"))
        sname = el.get("name") or g
        local = etree.QName(el).localname
        notes.append(f"source {sname!r} ({local}) skipped: only text sources are read")
        warnings.warn(f"{path}: {local} {sname!r} skipped (only text sources are read)", stacklevel=3)
    id_sources = ident.get("sources", {})
    fs = collected.fs
    fs.users = users
    src_rows = []
    for g, sname, text, lo, hi in collected.raw:
        info = id_sources.get(g, {})
        sid = info.get("id", g)
        src_rows.append(
            {
                "id": sid,
                "kind": info.get("kind", "interview"),
                "name": sname,
                "text": text,
                "case": source_case.get(g, np.nan),
            }
        )
        fs.spans.append((sid, sname, g, lo, hi))
    if "sources" in collected.folder_used:
        notes.append("source files in 'sources/' (lower case) rather than 'Sources/'")
    sources = pd.DataFrame(src_rows, columns=["id", "kind", "name", "text", "case"])
    return sources, cases, book, ident, fs


_XPATHS: dict = {}


def _selection_xpaths(ns: str | None) -> dict:
    """Compiled XPath queries over a TextSource's selections (cached per namespace)."""
    if ns not in _XPATHS:
        p = "q:" if ns else ""
        nsmap = {"q": ns} if ns else None
        sel = f"{p}PlainTextSelection"

        def xp(path):
            return etree.XPath(path, namespaces=nsmap, smart_strings=False)

        q = {a: xp(f"{sel}/@{a}") for a in ("guid", "startPosition", "endPosition", "name", "creatingUser")}
        q["count"] = xp(f"count({sel})")
        q["one_coding"] = xp(f"count({sel}[count({p}Coding) = 1])")
        q["code"] = xp(f"{sel}/{p}Coding/{p}CodeRef[1]/@targetGUID")
        q["coding_user"] = xp(f"{sel}/{p}Coding/@creatingUser")
        _XPATHS[ns] = q
    return _XPATHS[ns]


class _TextSources:
    """Called with each ``<TextSource>`` as soon as the parser has it: keeps its text (or
    the archive member holding it) and its selections, so that the element can go."""

    def __init__(self, path: Path, lower: dict):
        self.path, self.lower = path, lower
        self.fs = _Flat({})
        self.raw: list[tuple] = []  # (guid, name, text or member, first selection, end)
        self.folder_used: set = set()

    def __call__(self, el) -> bool:
        parent = el.getparent()
        if parent is None or etree.QName(parent).localname != "Sources" or parent.getparent() is None:
            return False
        if parent.getparent().getparent() is not None:
            return False  # not <Project>/<Sources>/<TextSource>
        ns = etree.QName(el).namespace
        T = _tags(ns)
        g = _norm_guid(el.get("guid"))
        sname = el.get("name") or g
        content = el.find(T("PlainTextContent"))
        tpath = el.get("plainTextPath")
        text: str | _Member
        if content is not None and content.text is not None:
            text = content.text
        elif tpath:
            rel = tpath.split("://", 1)[1] if "://" in tpath else tpath
            rel = rel.lstrip("/").replace("\\", "/")
            candidates = [f"Sources/{rel}", f"sources/{rel}", rel]
            lower = self.lower
            member = next((lower[c.lower()] for c in candidates if c.lower() in lower), None)
            if member is None:
                raise FileFormatError(
                    f"{self.path}: source {sname!r} (guid {g}) refers to {tpath!r}, which is not "
                    f"in the archive (looked for {candidates[0]!r} and {candidates[1]!r}). "
                    "Export the project again with its source files."
                )
            self.folder_used.add(member.split("/")[0] if "/" in member else "")
            text = _Member(member)  # read once the XML is parsed (lower peak memory)
        else:
            raise FileFormatError(
                f"{self.path}: text source {sname!r} (guid {g}) has neither plainTextPath nor PlainTextContent."
            )
        fs = self.fs
        lo = len(fs.guid)
        if not fs.add_uniform(el, _selection_xpaths(ns)):
            fs.add_each(el, T("PlainTextSelection"), T("Coding"), T("CodeRef"))
        self.raw.append((g, sname, text, lo, len(fs.guid)))
        return True


@dataclass(frozen=True)
class _Member:
    """A source text still in the zip."""

    name: str


class _Flat:
    """Every selection and coding of the project as flat lists (one entry each)."""

    def __init__(self, users: dict):
        self.users = users
        self.guid: list = []
        self.start: list = []
        self.end: list = []
        self.name: list = []
        self.coding_sel: list = []
        self.code: list = []
        self.user: list = []
        self.spans: list[tuple] = []  # (source id, name, guid, first selection, end)

    def add_uniform(self, source_el, xp: dict) -> bool:
        """Add a source's selections with a few XPath queries (in C, no loop per element)
        when they are uniform: every selection with guid, positions and name, and exactly
        one Coding whose first CodeRef has a targetGUID. False (nothing added) otherwise."""
        n = int(xp["count"](source_el))
        if n == 0:
            return True
        if int(xp["one_coding"](source_el)) != n:
            return False
        cols = [xp[a](source_el) for a in ("guid", "startPosition", "endPosition", "name", "code")]
        if any(len(c) != n for c in cols):
            return False
        sel_user = xp["creatingUser"](source_el)
        coding_user = xp["coding_user"](source_el)
        if len(sel_user) not in (0, n) or len(coding_user) not in (0, n):
            return False
        if not sel_user:
            sel_user = [None] * n
        if coding_user:
            user = [c or u for c, u in zip(coding_user, sel_user)] if "" in coding_user else coding_user
        else:
            user = sel_user
        k = len(self.guid)
        self.guid += cols[0]
        self.start += cols[1]
        self.end += cols[2]
        self.name += cols[3]
        self.code += cols[4]
        self.user += user
        self.coding_sel += range(k, k + n)
        return True

    def add_each(self, source_el, t_sel, t_coding, t_ref) -> None:
        """Add a source's selections one element at a time (any shape)."""
        for sel in source_el.iterchildren(t_sel):
            k = len(self.guid)
            get = sel.get
            self.guid.append(get("guid"))
            self.start.append(get("startPosition"))
            self.end.append(get("endPosition"))
            self.name.append(get("name"))
            n_before = len(self.coding_sel)
            for coding in sel.iterchildren(t_coding):
                ref = coding.find(t_ref)
                self.coding_sel.append(k)
                self.code.append(ref.get("targetGUID") if ref is not None else None)
                self.user.append(coding.get("creatingUser") or get("creatingUser"))
            if len(self.coding_sel) == n_before:
                self.coding_sel.append(k)
                self.code.append(None)
                self.user.append(get("creatingUser"))

    def normalised(self, code_ids: dict):
        """Codings' code GUIDs (normalised), code ids (None if unknown or absent) and coders,
        as object arrays: each distinct value converted once."""

        def code_of(g):
            return code_ids.get(g) if g else None

        code_g = _map_distinct(self.code, _norm_guid)
        code = _map_distinct(code_g, code_of)
        coders = _map_distinct(self.user, lambda u: self.users.get(_norm_guid(u), u))
        return code_g, code, coders


def _map_distinct(values, fn) -> np.ndarray:
    """``fn`` applied once per distinct value (None stays None): an object array."""
    arr = np.empty(len(values), dtype=object)
    arr[:] = values
    codes, uniques = pd.factorize(arr)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    mapped[:-1] = [fn(u) for u in uniques]
    return mapped[codes]  # code -1 (None) picks the last slot, None


_GUID_ODD = re.compile(r"[\s{}]")


def _norm_guids(values: list) -> list:
    """:func:`_norm_guid` of every value; one upper-casing of the joined strings when none
    has braces or white space to strip."""
    if not values:
        return []
    try:
        joined = "\x00".join(values)
    except TypeError:  # a value that is None (or not a string)
        return [_norm_guid(v) for v in values]
    if _GUID_ODD.search(joined) or joined.count("\x00") != len(values) - 1:
        return [_norm_guid(v) for v in values]
    return joined.upper().split("\x00")


def _as_int(values) -> tuple[np.ndarray, np.ndarray]:
    """Whole numbers from attribute strings; (values, ok)."""
    try:
        return np.array([int(v) for v in values], np.int64), np.ones(len(values), bool)
    except (TypeError, ValueError, OverflowError):
        pass
    arr = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").to_numpy(float)
    ok = np.isfinite(arr) & (arr == np.round(arr))
    return np.where(ok, arr, 0).astype(np.int64), ok


def _place_all(sources: pd.DataFrame, fs: _Flat, code_ids: dict, positions, notes):
    texts = dict(zip(sources["id"], sources["text"]))
    n = len(fs.guid)
    st, ok_s = _as_int(fs.start)
    en, ok_e = _as_int(fs.end)
    ok = ok_s & ok_e
    names = fs.name
    new_s = np.zeros(n, np.int64)
    new_e = np.zeros(n, np.int64)
    valid = np.zeros(n, bool)
    matched = np.zeros(n, bool)
    status = np.empty(n, dtype=object)
    conv = np.empty(n, dtype=object)
    msg = np.full(n, "", dtype=object)
    sel_source = np.empty(n, dtype=object)
    conv_rows, unmatched = [], []
    for sid, sname, sguid, lo, hi in fs.spans:
        if hi == lo:
            continue
        t = _Text(texts[sid])
        forced = None
        if isinstance(positions, dict):
            forced = positions.get(sname, positions.get(sguid))
            forced = None if forced == "auto" else forced
        elif positions is not None:
            forced = positions
        sl = slice(lo, hi)
        okk = ok[sl]
        idx = np.flatnonzero(okk) + lo
        d = decide(t, st[idx], en[idx], [names[k] for k in idx], forced=forced)
        conv_rows.append(
            {
                "source": sid,
                "source_name": sname,
                "convention": d.convention,
                "forced": d.forced,
                "n_selections": hi - lo,
                "n_quoted": d.n_quoted,
                "n_matched": d.n_matched,
                "score": d.score,
                "runner_up": d.runner_up,
                "runner_up_score": d.runner_up_score,
                "margin": d.margin,
                "equivalent": ", ".join(d.equivalent),
            }
        )
        if d.convention != STANDARD and not d.forced:
            notes.append(
                f"source {sname!r}: positions counted as {d.convention} (score {d.score}, "
                f"next {d.runner_up} {d.runner_up_score}); converted to code points"
            )
        new_s[idx], new_e[idx], valid[idx], matched[idx] = d.start, d.end, d.valid, d.matched
        status[sl] = "exact" if d.convention == STANDARD else "converted"
        conv[sl] = d.convention
        sel_source[sl] = sid
        if not matched[sl].all():
            unmatched.append((t, d, np.flatnonzero(~matched[sl]) + lo))
    # the selections the source's convention does not put on their own text
    for t, d, ks in unmatched:
        text = t.text
        for k in ks:
            nm = names[k]
            if not ok[k]:
                status[k], conv[k] = "error", None
                msg[k] = f"positions {fs.start[k]!r}-{fs.end[k]!r} are not whole numbers"
                continue
            occurs = bool(nm) and (
                nm in text
                or nm.replace("\n", "\r\n") in text
                or any(nm.endswith(x) and nm[: -len(x)] in text for x in ("...", "…"))
            )
            if occurs:
                new_s[k], new_e[k], conv[k], status[k], msg[k] = rescue(t, int(st[k]), int(en[k]), nm, d.convention)
                valid[k] = True
            elif nm and d.n_matched > 0:
                status[k], conv[k], valid[k] = "error", None, False
                msg[k] = (
                    f"the selection's text {nm[:50]!r} is not at positions "
                    f"{fs.start[k]}-{fs.end[k]} under any known convention "
                    f"({', '.join(CONVENTIONS)}) and does not occur in the source"
                )
            elif not valid[k]:
                status[k], conv[k] = "error", None
                msg[k] = (
                    f"positions {fs.start[k]}-{fs.end[k]} lie outside the source text "
                    f"({t.n} characters) under {d.convention}, the source's convention"
                )
            else:
                status[k] = "assumed"
                msg[k] = (
                    f"no selection text to check against; positions read as {d.convention}, the source's convention"
                )
    # one row per coding: index the per-selection arrays
    code_g, code, coders = fs.normalised(code_ids)
    ix = np.array(fs.coding_sel, np.int64)
    stt, m = status[ix], msg[ix]
    missing = np.flatnonzero(pd.isna(code)).tolist()
    for r in missing:
        stt[r] = "error"
        m[r] = (
            "selection has no Coding / CodeRef"
            if code_g[r] is None
            else f"CodeRef targetGUID {code_g[r]} is not a code of the codebook"
        )
    v = valid[ix]
    ns, ne = new_s[ix], new_e[ix]
    guids = np.empty(len(fs.guid), dtype=object)
    guids[:] = _norm_guids(fs.guid)
    code_arr = code.copy()
    if missing:
        code_arr[missing] = code_g[missing]
    cv = conv[ix]
    cv[stt == "error"] = None
    report = pd.DataFrame(
        {
            "source": sel_source[ix],
            "selection": guids[ix],
            "start": np.array(fs.start, dtype=object)[ix],
            "end": np.array(fs.end, dtype=object)[ix],
            "code": code_arr,
            "convention": cv,
            "status": stt,
            "new_start": pd.arrays.IntegerArray(ns, ~v),
            "new_end": pd.arrays.IntegerArray(ne, ~v),
            "message": m,
        },
        columns=REPORT_COLUMNS,
    )
    good = np.flatnonzero(stt != "error")
    src_g = sel_source[ix][good]
    gs, ge = ns[good], ne[good]
    segments = pd.DataFrame(
        {
            "source": src_g,
            "start": gs,
            "end": ge,
            # left empty: QualProject fills each segment's text from its source (one slice)
            "text": np.full(len(good), np.nan, dtype=object),
            "code": code[good],
            "coder": coders[good],
        },
        columns=["source", "start", "end", "text", "code", "coder"],
    )
    return conv_rows, report, segments
