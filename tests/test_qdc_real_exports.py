"""Real exports. Projects (.qdpx) from NVivo 12.6 for Windows and qc 1.3.2: every
selection must carry the text the tool coded, after import and after a round trip.
Codebooks: read_qdc on codebooks exported by ATLAS.ti Win 23.4.0 (from the MIT-licensed requal
test suite; see tests/data/qdpx/README.md): the 1.0 export, the same program's export
under the pre-1.0 namespace ``urn:QDA-XML:codebook:0:4`` (with nesting and non-ASCII
descriptions), and a truncated export, which must be a clear error, not a partial table."""

from pathlib import Path

import pytest
from pandas.testing import assert_frame_equal

from toolkit.errors import FileFormatError
from toolkit.qual.qdpx import read_qdc, read_qdpx, write_qdc, write_qdpx

DATA = Path(__file__).parent / "data" / "qdpx"


def test_atlasti_codebook_1_0():
    cb = read_qdc(DATA / "atlasti_23_codebook.qdc")
    assert cb["id"].tolist() == ["1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294"]
    assert cb["name"].tolist() == ["code1"]
    assert cb["definition"].tolist() == ["description"]
    assert cb["color"].tolist() == ["#46AA00"]
    assert cb["parent"].isna().all()


def test_atlasti_codebook_pre_1_0_namespace_nesting_and_accents():
    with pytest.warns(UserWarning, match="urn:QDA-XML:codebook:0:4"):
        cb = read_qdc(DATA / "atlasti_23_codebook_v04.qdc").set_index("name")
    assert list(cb.index) == ["code1", "code2", "code3", "subcode 3.1", "subcode 2.1"]
    # nesting: subcode 3.1 sits inside code3 in the XML; subcode 2.1 is top level
    assert cb.loc["subcode 3.1", "parent"] == cb.loc["code3", "id"]
    assert cb["parent"].drop("subcode 3.1").isna().all()
    assert cb.loc["code1", "definition"] == "popisek - nebo přesněji Comment - kódu 1"
    assert cb.loc["subcode 2.1", "definition"].startswith("chtěl jsem vytvořit subkód code2")


def test_truncated_export_is_a_clear_error():
    with pytest.raises(FileFormatError) as info:
        read_qdc(DATA / "atlasti_23_codebook_truncated.qdc")
    message = str(info.value)
    assert "atlasti_23_codebook_truncated.qdc" in message and "line 17" in message
    assert "Export the project again" in message


def test_round_trip_of_a_real_codebook(tmp_path):
    import pandas as pd

    from toolkit.qual.project import QualProject

    with pytest.warns(UserWarning, match="namespace"):
        cb = read_qdc(DATA / "atlasti_23_codebook_v04.qdc")
    project = QualProject(
        sources=pd.DataFrame({"id": ["S1"], "kind": ["interview"], "name": ["s"], "text": ["x"], "case": [pd.NA]}),
        cases=pd.DataFrame({"id": pd.Series([], dtype=str), "pseudonym": pd.Series([], dtype=str)}),
        codebook=cb.drop(columns=["color"]).assign(pillar=pd.NA),
        segments=pd.DataFrame(columns=["source", "case", "start", "end", "text", "code", "coder"]),
    )
    again = read_qdc(write_qdc(project, tmp_path / "again.qdc"))
    assert again[["id", "name", "parent", "definition"]].equals(cb[["id", "name", "parent", "definition"]])


def test_nvivo_mac_namespace_variant(tmp_path):
    """NVivo 12 for Mac writes codebooks under ``urn:QDA-XML:codebook:1:0`` (a colon for the
    dot). Our own two-code fixture in that shape reads with a warning, hierarchy intact."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no" ?><CodeBook origin="NVivo 12 For Mac" '
        'xmlns="urn:QDA-XML:codebook:1:0"><Codes>'
        '<Code guid="{0b1c2d3e-0000-4000-8000-000000000001}" name="Support" isCodable="true">'
        "<Description>Support offered</Description>"
        '<Code guid="{0b1c2d3e-0000-4000-8000-000000000002}" name="Welfare" isCodable="true"/>'
        "</Code></Codes></CodeBook>"
    )
    path = tmp_path / "nvivo.qdc"
    path.write_text(xml, encoding="utf-8")
    with pytest.warns(UserWarning, match="codebook:1:0"):
        cb = read_qdc(path)
    assert cb["id"].tolist() == ["0B1C2D3E-0000-4000-8000-000000000001", "0B1C2D3E-0000-4000-8000-000000000002"]
    assert cb["parent"].iloc[1] == cb["id"].iloc[0]
    assert cb["definition"].iloc[0] == "Support offered"


# ------------------------------------------------------------------ real projects (.qdpx)
NVIVO = DATA / "nvivo_win_12_6_masked.qdpx"
QC = DATA / "qc_1_3_2_demo_masked.qdpx"


def _word_boundary(text, i):
    return i in (0, len(text)) or not (text[i - 1].isalnum() and text[i].isalnum())


def _whole_line(text, s, e):
    return (s == 0 or text[s - 1] == "\n") and (e == len(text) or text[e : e + 2] == "\r\n")


def test_nvivo_windows_export_positions_are_utf16_with_crlf_as_two():
    """NVivo 12.6 for Windows (published with pyqdpx, MIT; source texts masked letter by
    letter, see tests/data/qdpx/README.md): 2 sources with CRLF line ends and a BOM,
    152 codes, 303 coded selections without their text (``name=""``)."""
    p = read_qdpx(NVIVO)
    assert len(p.codebook) == 152 and len(p.segments) == 303
    conv = p.import_conventions.set_index("source_name")
    assert conv.loc["videos_10_selected", "convention"] == "utf16-crlf2"
    assert conv.loc["videos_10_selected", "runner_up"] == "codepoint-crlf2"
    assert conv.loc["videos_10_selected", "margin"] > 500
    assert (p.import_report["status"] == "assumed").all()
    text = dict(zip(p.sources["id"], p.sources["text"]))
    seg = p.segments
    whole = [_whole_line(text[r.source], r.start, r.end) for r in seg.itertuples()]
    starts = [
        _word_boundary(text[r.source], r.start) and not text[r.source][r.start].isspace() for r in seg.itertuples()
    ]
    ends = [_word_boundary(text[r.source], r.end) for r in seg.itertuples()]
    # NVivo's coders selected whole comments (one per line) and, 29 times, sentences;
    # three selections miss a letter (one start, two ends inside a word): human slips
    assert sum(whole) == 274
    assert (sum(starts), sum(ends)) == (302, 301)
    # the reader's former rule for NVivo (CRLF counted as one) puts 3 of 303 on a line
    old = read_qdpx(NVIVO, positions="codepoint-crlf1")
    assert sum(_whole_line(text[r.source], r.start, r.end) for r in old.segments.itertuples()) == 3


def test_nvivo_windows_export_round_trip_keeps_every_selection(tmp_path):
    p = read_qdpx(NVIVO)
    q = read_qdpx(write_qdpx(p, tmp_path / "again.qdpx"))
    assert_frame_equal(p.segments, q.segments)
    assert (q.import_report["status"] == "exact").all()
    assert q.import_conventions["convention"].tolist() == ["codepoint-crlf2"]


def test_qc_export_selections_are_the_lines_named():
    """qc 1.3.2 (cproctor/qualitative-coding's demo project, AGPL-3.0; texts masked):
    each selection is named ``line:N`` and must hold line N (0-based) of its source."""
    import re
    import zipfile

    p = read_qdpx(QC)
    assert len(p.segments) == 205
    xml = zipfile.ZipFile(QC).read("project.qde").decode()
    line_of = {g.upper(): int(n) for g, n in re.findall(r'<PlainTextSelection guid="([^"]+)" name="line:(\d+)"', xml)}
    text = dict(zip(p.sources["id"], p.sources["text"]))
    rep = p.import_report
    assert len(line_of) == rep["selection"].nunique() == 158
    for r in rep.itertuples():
        lines = text[r.source].splitlines(keepends=True)
        assert text[r.source][r.new_start : r.new_end] == lines[line_of[r.selection]]
    assert p.import_conventions["convention"].tolist() == ["codepoint-crlf2"]
    assert (p.import_conventions["margin"] > 100).all()


def test_qc_export_round_trip(tmp_path):
    p = read_qdpx(QC)
    q = read_qdpx(write_qdpx(p, tmp_path / "again.qdpx"))
    assert_frame_equal(p.segments, q.segments)
    assert_frame_equal(p.codebook, q.codebook)
