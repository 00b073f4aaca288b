"""read_qdc on codebooks exported by ATLAS.ti Win 23.4.0 (from the MIT-licensed requal
test suite; see tests/data/qdpx/README.md): the 1.0 export, the same program's export
under the pre-1.0 namespace ``urn:QDA-XML:codebook:0:4`` (with nesting and non-ASCII
descriptions), and a truncated export, which must be a clear error, not a partial table."""

from pathlib import Path

import pytest

from toolkit.errors import FileFormatError
from toolkit.qual.qdpx import read_qdc, write_qdc

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
    from toolkit.qual.project import QualProject
    import pandas as pd

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
